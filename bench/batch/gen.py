#!/usr/bin/python3
"""Writes the batch benchmark's inputs into DIR: data/CNNNN.csv (one series
CSV per company: 24 quarters of revenue, deterministic), bench.csv (all of
them in one file, for matplotlib), manifest.csv (one 1600x900 PNG revenue
chart per company), and the same data for gnuplot (bench.dat, one block per
company) so every tool draws the same figures."""
import math
import os
import sys

out, n = sys.argv[1], int(sys.argv[2])
quarters = [(2008 + i // 4, i % 4 + 1) for i in range(24)]
header = "company,period,metric,segment,basis,kind,value,unit\n"
os.makedirs(f"{out}/data", exist_ok=True)
with open(f"{out}/bench.csv", "w") as csv, open(f"{out}/bench.dat", "w") as dat:
    csv.write(header)
    for c in range(n):
        name = f"C{c:04d}"
        one = open(f"{out}/data/{name}.csv", "w")
        one.write(header)
        base = 200 + (c * 37) % 900
        growth = 0.005 + (c % 13) * 0.002
        for i, (y, q) in enumerate(quarters):
            # Trend, a seasonal wave and a deterministic wobble.
            v = base * math.exp(growth * i) * (1 + 0.06 * math.sin(i * 1.57 + c))
            v = round(v + ((c * 7919 + i * 104729) % 97) - 48, 1)
            row = f"{name},{y}Q{q},revenue,total,gaap,actual,{v},usd_m\n"
            csv.write(row)
            one.write(row)
            dat.write(f"Q{q}'{y % 100:02d} {v}\n")
        one.close()
        dat.write("\n\n")
with open(f"{out}/manifest.csv", "w") as m:
    m.write("output,type,series,company,size,title\n")
    for c in range(n):
        m.write(f"png/C{c:04d}.png,revenue,data/C{c:04d}.csv,C{c:04d},1600x900,"
                f"C{c:04d} revenue by quarter\n")
