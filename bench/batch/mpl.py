#!/usr/bin/python3
"""Draws the first N figures of the benchmark with matplotlib (Agg,
1600x900 px: 16x9 in at 100 dpi), in one process."""
import csv
import os
import sys

import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt

d, n = sys.argv[1], int(sys.argv[2])
os.makedirs(f"{d}/mpl", exist_ok=True)
series = {}
with open(f"{d}/bench.csv") as f:
    for row in csv.DictReader(f):
        series.setdefault(row["company"], []).append((row["period"], float(row["value"])))
for name in sorted(series)[:n]:
    rows = series[name]
    fig, ax = plt.subplots(figsize=(16, 9), dpi=100)
    ax.bar(range(len(rows)), [v for _, v in rows], color="#0072B2", width=0.7)
    ax.set_xticks(range(len(rows)))
    ax.set_xticklabels([p for p, _ in rows], rotation=45, fontsize=8)
    ax.set_title(f"{name} revenue by quarter", loc="left")
    ax.grid(axis="y")
    fig.savefig(f"{d}/mpl/{name}.png")
    plt.close(fig)
