#!/bin/sh
# Extraction throughput: builds a corpus of >= 100 MB by repeating the seed
# documents in a temporary folder, runs `earnchart extract` over it on one
# core RUNS times (default 5) and reports MB/s of user CPU time for each
# run and their median (the VM's speed varies from run to run; wall time
# is printed too).  Rewrites the figures at the top of the "extract"
# section of bench/README.md and keeps the notes under them.
#   bench/extract/run.sh [BUILD_DIR] [RUNS]   (defaults: build, 5)
set -eu
here=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$here/build}
runs=${2:-5}
bin=$build/earnchart
[ -x "$bin" ] || { echo "no $bin: build first" >&2; exit 1; }
case $runs in '' | *[!0-9]* | 0) echo "RUNS must be a positive number" >&2; exit 1 ;; esac
seeds=$here/tests/data/seeds
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# ~172 KB per copy of the five seeds: 600 copies is about 103 MB.
n=600
i=0
while [ $i -lt $n ]; do
  for f in "$seeds"/*.txt; do cp "$f" "$tmp/$i-$(basename "$f")"; done
  i=$((i + 1))
done
bytes=$(cat "$tmp"/*.txt | wc -c)
mb=$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }')
r=0
: > "$tmp/.runs"
while [ $r -lt "$runs" ]; do
  /usr/bin/time -f '%U %e' -o "$tmp/.time" taskset -c 0 "$bin" extract "$tmp"/*.txt > /dev/null 2> "$tmp/.err" || {
    echo "extract failed:" >&2; cat "$tmp/.err" >&2; exit 1; }
  awk -v b="$bytes" '{ u = ($1 > 0 ? $1 : 1e-9); w = ($2 > 0 ? $2 : 1e-9);
    printf "%.1f %.1f %s %s\n", b / 1e6 / u, b / 1e6 / w, $1, $2 }' "$tmp/.time" >> "$tmp/.runs"
  r=$((r + 1))
done
# the median run by CPU MB/s (the lower middle one for an even count)
med=$(sort -n "$tmp/.runs" | awk -v n="$runs" 'NR == int((n + 1) / 2)')
all=$(awk '{ printf "%s%s", (NR > 1 ? ", " : ""), $1 }' "$tmp/.runs")
line=$(echo "$med" | awk -v mb="$mb" -v n=$n -v runs="$runs" '{
  printf "extract: %s MB (%d x 5 seeds), median of %d runs: %s s user, %s s wall: %s MB/s (CPU), %s MB/s (wall), one core; target 50 MB/s", mb, n, runs, $3, $4, $1, $2 }')
line2="runs (MB/s, CPU): $all"
echo "$line"
echo "$line2"
readme=$here/bench/README.md
[ -f "$readme" ] || printf '# Benchmarks\n' > "$readme"
# The section "## extract" starts with the command line, a blank and the
# indented figure lines: those are replaced, the notes after them kept.
awk -v line="$line" -v line2="$line2" -v date="$(date -u +%Y-%m-%d)" '
  function figures() {
    print "`bench/extract/run.sh [BUILD_DIR] [RUNS]` (" date "):"
    print ""
    print "    " line
    print "    " line2
  }
  /^## extract/ { print; print ""; figures(); insec = 1; state = 1; done = 1; next }
  /^## / { insec = 0 }
  insec && state == 1 {
    # skip the old command line, blank lines and indented figures
    if ($0 ~ /^`bench\/extract\/run.sh/ || $0 ~ /^$/ || $0 ~ /^    /) next
    state = 2; print ""
  }
  { print }
  END { if (!done) { print ""; print "## extract"; print ""; figures() } }' "$readme" > "$tmp/readme" && cp "$tmp/readme" "$readme"
