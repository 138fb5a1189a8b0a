#!/bin/sh
# Batch benchmark: N (default 1000) PNG revenue charts at 1600x900 (one
# series CSV per chart, each read once) from one
# manifest, drawn by `earnchart batch` at -j1 and -j2, and the first M
# (default 200) of the same figures by gnuplot and matplotlib in the same
# run.  Prints figures per second and the ratios.
#   bench/batch/run.sh [EARNCHART] [N] [M]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
bin=${1:-$here/../../build/earnchart}
n=${2:-1000}
m=${3:-200}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
/usr/bin/python3 "$here/gen.py" "$work" "$n"

now() { date +%s.%N; }
rate() { echo "$1 $2 $3" | awk '{ printf "%.1f", $1 / ($3 - $2) }'; }
# CPU seconds (user + sys) of a command, for figures per CPU-second: on a
# shared machine the wall clock also counts other jobs' time.
cpu() { /usr/bin/time -f "%U %S" -o "$work/.cpu" "$@" > /dev/null; awk '{ print $1 + $2 }' "$work/.cpu"; }

t0=$(now); c1=$(cpu "$bin" batch -j 1 -o "$work/j1" "$work/manifest.csv"); t1=$(now)
j1=$(rate "$n" "$t0" "$t1")
j1cpu=$(echo "$n $c1" | awk '{ printf "%.1f", $1 / $2 }')
t0=$(now); c2=$(cpu "$bin" batch -j 2 -o "$work/j2" "$work/manifest.csv"); t1=$(now)
j2=$(rate "$n" "$t0" "$t1")
j2cpu=$(echo "$n $c2" | awk '{ printf "%.1f", $1 / $2 }')
cmp -s "$work/j1/png/C0000.png" "$work/j2/png/C0000.png" || echo "warning: -j1 and -j2 differ"
ec_kb=$(du -sk "$work/j1/png" | cut -f1)

gp=n/a mp=n/a gp_kb=n/a mp_kb=n/a gpcpu=n/a mpcpu=n/a
if command -v gnuplot > /dev/null; then
  t0=$(now); c=$(cpu sh "$here/gnuplot.sh" "$work" "$m"); t1=$(now)
  gp=$(rate "$m" "$t0" "$t1"); gp_kb=$(du -sk "$work/gnuplot" | cut -f1)
  gpcpu=$(echo "$m $c" | awk '{ printf "%.1f", $1 / $2 }')
fi
if /usr/bin/python3 -c "import matplotlib" 2> /dev/null; then
  t0=$(now); c=$(cpu /usr/bin/python3 "$here/mpl.py" "$work" "$m"); t1=$(now)
  mp=$(rate "$m" "$t0" "$t1"); mp_kb=$(du -sk "$work/mpl" | cut -f1)
  mpcpu=$(echo "$m $c" | awk '{ printf "%.1f", $1 / $2 }')
fi
cores=$(nproc)
echo "batch benchmark: $n PNG figures 1600x900 ($cores cores; gnuplot and matplotlib: first $m)"
printf '%-22s %12s %16s %14s\n' tool "figures/s" "per CPU-second" "KB per figure"
printf '%-22s %12s %16s %14s\n' "earnchart -j1" "$j1" "$j1cpu" "$(echo "$ec_kb $n" | awk '{printf "%.0f", $1/$2}')"
printf '%-22s %12s %16s %14s\n' "earnchart -j2" "$j2" "$j2cpu" "$(echo "$ec_kb $n" | awk '{printf "%.0f", $1/$2}')"
printf '%-22s %12s %16s %14s\n' "gnuplot (pngcairo)" "$gp" "$gpcpu" "$(echo "$gp_kb $m" | awk '$1 != "n/a" {printf "%.0f", $1/$2}')"
printf '%-22s %12s %16s %14s\n' "matplotlib (Agg)" "$mp" "$mpcpu" "$(echo "$mp_kb $m" | awk '$1 != "n/a" {printf "%.0f", $1/$2}')"
echo "ratios (wall clock): -j2/-j1 $(echo "$j2 $j1" | awk '{printf "%.2f", $1/$2}')" \
  "  -j1/gnuplot $(echo "$j1 $gp" | awk '$2 + 0 > 0 {printf "%.1f", $1/$2}')" \
  "  -j1/matplotlib $(echo "$j1 $mp" | awk '$2 + 0 > 0 {printf "%.1f", $1/$2}')"
echo "ratios (CPU time):   -j1/gnuplot $(echo "$j1cpu $gpcpu" | awk '$2 + 0 > 0 {printf "%.1f", $1/$2}')" \
  "  -j1/matplotlib $(echo "$j1cpu $mpcpu" | awk '$2 + 0 > 0 {printf "%.1f", $1/$2}')"
echo "load average while running: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "targets: >= 100 figures/s at -j1, >= 180 at -j2"
