#!/bin/sh
# Extraction throughput: builds a corpus of >= 100 MB by repeating the seed
# documents in a temporary folder, runs `earnchart extract` over it on one
# core and reports MB/s (user CPU time; wall time too).  Writes the figure
# into bench/README.md, section "extract".
#   bench/extract/run.sh [BUILD_DIR]   (default: build)
set -eu
here=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$here/build}
bin=$build/earnchart
[ -x "$bin" ] || { echo "no $bin: build first" >&2; exit 1; }
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
start=$(date +%s.%N)
/usr/bin/time -f '%U %e' -o "$tmp/.time" taskset -c 0 "$bin" extract "$tmp"/*.txt > /dev/null 2> "$tmp/.err" || true
user=$(cut -d' ' -f1 "$tmp/.time")
wall=$(cut -d' ' -f2 "$tmp/.time")
mbs=$(awk -v b="$bytes" -v t="$user" 'BEGIN { printf "%.1f", b / 1e6 / (t > 0 ? t : 1e-9) }')
wmbs=$(awk -v b="$bytes" -v t="$wall" 'BEGIN { printf "%.1f", b / 1e6 / (t > 0 ? t : 1e-9) }')
line="extract: $(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }') MB ($n x 5 seeds) in ${user} s user, ${wall} s wall: $mbs MB/s (CPU), $wmbs MB/s (wall), one core; target 50 MB/s"
echo "$line"
readme=$here/bench/README.md
[ -f "$readme" ] || printf '# Benchmarks\n' > "$readme"
# replace the "extract" section (from "## extract" to the next "## ")
awk -v line="$line" -v date="$(date -u +%Y-%m-%d)" '
  BEGIN { blanks = 0 }
  /^## extract/ { skip = 1; next }
  /^## / && skip { skip = 0 }
  skip { next }
  # blank lines are held back so that none pile up before the section
  /^$/ { blanks++; next }
  { while (blanks > 0) { print ""; blanks-- } print }
  END {
    print ""
    print "## extract"
    print ""
    print "`bench/extract/run.sh [BUILD_DIR]` (" date "):"
    print ""
    print "    " line
  }' "$readme" > "$tmp/readme" && cp "$tmp/readme" "$readme"
