#!/bin/sh
# Render benchmark: earnchart's scene + PNG/SVG back ends against gnuplot
# (pngcairo, svg) and matplotlib (Agg, svg) on the same 200 charts.
# usage: bench/render/run.sh [BUILD_DIR] [N] [M]
# Times are CPU time (user + sys) per chart, so a busy machine distorts
# them less; wall-clock figures are printed too.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
build=${1:-$src/build}
n=${2:-200}
m=${3:-1000}
out=$(mktemp -d /tmp/ec-bench-render-XXXXXX)
trap 'rm -rf "$out"' EXIT
cc -O2 -std=c17 -D_POSIX_C_SOURCE=200809L -I"$src/include" -I"$src/render" \
   $(pkg-config --cflags pangocairo) "$here/bench_render.c" \
   "$build/libearnchart.a" \
   $(pkg-config --libs pangocairo cairo-pdf libdeflate gsl) -lcsv -lm -lpthread \
   -o "$out/bench_render"
/usr/bin/python3 "$here/compare.py" "$out" "$n" "$m"
