#!/bin/sh
# Draws the first N figures of the benchmark with gnuplot (pngcairo,
# 1600x900, bars of the 24 quarters), in one gnuplot process.
dir=$1 n=$2
mkdir -p "$dir/gnuplot"
gnuplot <<GP
set terminal pngcairo size 1600,900 font "DejaVu Sans,12"
set style fill solid 1.0 noborder
set boxwidth 0.7
set yrange [0:*]
set grid ytics
set xtics rotate by -45 font ",9"
unset key
do for [i=0:$n-1] {
  set output sprintf("$dir/gnuplot/C%04d.png", i)
  set title sprintf("C%04d revenue by quarter", i) left
  plot "$dir/bench.dat" index i using 0:2:xtic(1) with boxes lc rgb "#0072B2"
}
GP
