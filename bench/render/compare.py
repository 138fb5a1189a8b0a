"""Runs the earnchart render benchmark, gnuplot and matplotlib on the same
data and prints ms per chart and the ratios.  Called by run.sh."""
import os, resource, subprocess, sys, time

out, n, m = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])

def run(cmd, **kw):
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.monotonic()
    p = subprocess.run(cmd, check=True, capture_output=True, text=True, **kw)
    wall = time.monotonic() - t0
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
    return p.stdout, cpu, wall

ec_out, ec_cpu, ec_wall = run([os.path.join(out, "bench_render"), str(n), str(m), out])
ec = {}
for line in ec_out.splitlines():
    k, v = line.split(" ", 1)
    ec[k] = v
print(ec_out, end="")

os.makedirs(os.path.join(out, "gp"), exist_ok=True)
os.makedirs(os.path.join(out, "mpl"), exist_ok=True)

def gp_script(term, ext):
    return f"""
set terminal {term}
set style fill solid 1.0 noborder
set boxwidth 0.7
set grid ytics
set yrange [0:*]
set key off
set xtics rotate by 0 font ",8"
do for [k=0:{n - 1}] {{
  set output sprintf('{out}/gp/chart_%d.{ext}', k)
  set title sprintf('Company %d: quarterly revenue', k) left
  plot sprintf('{out}/data/chart_%d.dat', k) using 1:3:xtic(2) with boxes lc rgb '#0072B2', \\
       '' using 1:4 with linespoints lw 2 pt 7 ps 0.6 lc rgb '#E69F00'
}}
"""

with open(os.path.join(out, "png.gp"), "w") as f:
    f.write(gp_script("pngcairo size 1600,900 font 'DejaVu Sans,10'", "png"))
with open(os.path.join(out, "svg.gp"), "w") as f:
    f.write(gp_script("svg size 1600,900 font 'DejaVu Sans,10'", "svg"))
_, gp_png, gp_png_w = run(["gnuplot", os.path.join(out, "png.gp")])
_, gp_svg, gp_svg_w = run(["gnuplot", os.path.join(out, "svg.gp")])

mpl = f"""
import math, matplotlib
matplotlib.use('Agg')
import matplotlib.pyplot as plt
def load(k):
    rows = [l.split() for l in open('{out}/data/chart_%d.dat' % k)]
    return [r[1] for r in rows], [float(r[2]) for r in rows], [float(r[3]) for r in rows]
def draw(k, ext):
    lab, rev, avg = load(k)
    fig, ax = plt.subplots(figsize=(1600/144, 900/144), dpi=144)
    xs = range(len(rev))
    ax.bar([x for x in xs if not math.isnan(rev[x])], [r for r in rev if not math.isnan(r)], 0.7, color='#0072B2')
    ax.plot(xs, avg, '-o', color='#E69F00', lw=2, ms=4)
    ax.set_xticks(list(xs)); ax.set_xticklabels(lab, fontsize=7)
    ax.set_title('Company %d: quarterly revenue' % k, loc='left', fontweight='bold')
    ax.grid(axis='y', color='#e3e3e3'); ax.set_axisbelow(True)
    fig.savefig('{out}/mpl/chart_%d.%s' % (k, ext))
    plt.close(fig)
import sys
ext = sys.argv[1]
for k in range({n}):
    draw(k, ext)
"""
with open(os.path.join(out, "mpl.py"), "w") as f:
    f.write(mpl)
# matplotlib's import costs ~0.5 s once; it is included (one process per
# format, as for gnuplot), which is < 3 ms per chart over 200 charts.
_, mpl_png, mpl_png_w = run(["/usr/bin/python3", os.path.join(out, "mpl.py"), "png"])
_, mpl_svg, mpl_svg_w = run(["/usr/bin/python3", os.path.join(out, "mpl.py"), "svg"])

ec_png = float(ec["png_ms"]); ec_svg = float(ec["svg_ms"])
def per(x): return 1000.0 * x / n
print()
print("%-22s %10s %10s   (CPU ms per chart; wall in brackets)" % ("", "PNG", "SVG"))
print("%-22s %10.2f %10.2f" % ("earnchart", ec_png, ec_svg))
print("%-22s %10.2f %10.2f   [%.2f %.2f]" % ("gnuplot 5.4", per(gp_png), per(gp_svg), per(gp_png_w), per(gp_svg_w)))
print("%-22s %10.2f %10.2f   [%.2f %.2f]" % ("matplotlib", per(mpl_png), per(mpl_svg), per(mpl_png_w), per(mpl_svg_w)))
print("ratio gnuplot/earnchart    PNG %.1fx  SVG %.1fx" % (per(gp_png) / ec_png, per(gp_svg) / ec_svg))
print("ratio matplotlib/earnchart PNG %.1fx  SVG %.1fx" % (per(mpl_png) / ec_png, per(mpl_svg) / ec_svg))
print("targets: PNG <= 10 ms %s, SVG <= 1.5 ms %s, size <= 1.3x %s, peak <= 30 MB %s" % (
    "ok" if ec_png <= 10 else "MISSED", "ok" if ec_svg <= 1.5 else "MISSED",
    "ok" if float(ec["png_size_ratio"]) <= 1.3 else "MISSED",
    "ok" if float(ec["peak_rss_mb"].split()[0]) <= 30 else "MISSED"))
