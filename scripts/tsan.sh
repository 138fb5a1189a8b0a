#!/bin/sh
# Builds the tool with ThreadSanitizer and runs `earnchart batch -j4` on a
# manifest of mixed figures (every chart type but backlog, which the
# reference data lacks; PNG/SVG/PDF; inputs shared
# between rows, one bad row); fails on any ThreadSanitizer report.
#   scripts/tsan.sh
# Environment: EC_TSAN_BUILD (default build-tsan in the source tree).
# Suppressions (system libraries' own locking only) are in tests/tsan.supp.
set -u
src=$(cd "$(dirname "$0")/.." && pwd)
build=${EC_TSAN_BUILD:-$src/build-tsan}
mkdir -p "$build"
cmake -S "$src" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DEC_SANITIZE=OFF \
  -DEC_FUZZ=OFF -DCMAKE_C_FLAGS="-fsanitize=thread -g -O1" \
  -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=thread" > "$build/configure.log" 2>&1 \
  || { cat "$build/configure.log" >&2; exit 1; }
cmake --build "$build" -j"$(nproc)" --target earnchart > "$build/build.log" 2>&1 \
  || { tail -n 30 "$build/build.log" >&2; exit 1; }

work=$build/tsan-run
rm -rf "$work"
mkdir -p "$work"
ref=$src/data/reference/jnpr_reference.csv
cp "$ref" "$work/a.csv"
cp "$ref" "$work/b.csv"
m=$work/manifest.csv
echo "output,type,series,metric,theme,size" > "$m"
i=0
for rep in 1 2 3; do
  for t in revenue margin guidance eps panel; do # (no backlog in the reference)
    for ext in png svg pdf; do
      i=$((i + 1))
      case $((i % 3)) in
        0) s="a.csv" ;; 1) s="b.csv" ;; *) s="a.csv;b.csv" ;;
      esac
      th=light; [ $((i % 4)) = 0 ] && th=dark; [ $((i % 5)) = 0 ] && th=print
      echo "fig$i-$t.$ext,$t,$s,,$th,$( [ $((i % 2)) = 0 ] && echo slide || echo 1200x675)" >> "$m"
    done
  done
done
echo "bad.png,pie,a.csv,,," >> "$m"

# halt_on_error: the first data race fails the run.  detect_deadlocks=0:
# the lock-order detector cannot follow glib's recursive and read-write
# locks (it overflows its table of held locks inside GObject and aborts);
# a real deadlock would hang the run, which the caller's timeout shows.
# G_SLICE=always-malloc:
# glib's slice allocator (used by pango) hands out pieces of slabs under
# glib's own locks, which ThreadSanitizer cannot see in the uninstrumented
# library, so two threads' slices of one slab look like a race; with plain
# malloc every block is tracked and real races still show.
G_SLICE=always-malloc \
TSAN_OPTIONS="halt_on_error=1 exitcode=66 detect_deadlocks=0 history_size=4 suppressions=$src/tests/tsan.supp" \
  "$build/earnchart" batch -j4 -o "$work/out" "$m" > "$work/stdout" 2> "$work/stderr"
rc=$?
if [ $rc = 66 ] || grep -q 'ThreadSanitizer' "$work/stderr"; then
  echo "tsan.sh: ThreadSanitizer report (exit $rc):" >&2
  sed -n '1,80p' "$work/stderr" >&2
  exit 1
fi
# The bad row fails (exit 1); anything else (a crash) is a failure too.
if [ $rc != 1 ]; then
  echo "tsan.sh: batch exited $rc, expected 1 (one bad row)" >&2
  tail -n 20 "$work/stderr" >&2
  exit 1
fi
n=$(find "$work/out" -type f -name 'fig*' ! -name '.*' | wc -l)
if [ "$n" != "$i" ]; then
  echo "tsan.sh: $n figures written, expected $i" >&2
  tail -n 20 "$work/stderr" >&2
  exit 1
fi
echo "tsan.sh: batch -j4 drew $n figures with no ThreadSanitizer report"
