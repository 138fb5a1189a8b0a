#!/bin/sh
# Builds the libFuzzer targets (clang, -DEC_FUZZ=ON) and runs every target
# for SECONDS each (default 60), two at a time; fails on any finding.
#   scripts/fuzz.sh [SECONDS]
# Environment: EC_FUZZ_BUILD (default build-fuzz in the source tree),
# EC_FUZZ_PAR (targets run at once, default 2).  Findings are left under
# $EC_FUZZ_BUILD/fuzz-artifacts/TARGET/ (see tests/fuzz/README.md).
set -u
secs=${1:-60}
src=$(cd "$(dirname "$0")/.." && pwd)
build=${EC_FUZZ_BUILD:-$src/build-fuzz}
export EC_FUZZ_BUILD=$build
par=${EC_FUZZ_PAR:-2}
cc=$(command -v clang || command -v clang-14 || true)
if [ -z "$cc" ]; then
  echo "fuzz.sh: clang not found (apt-get install clang)" >&2
  exit 1
fi
mkdir -p "$build"
CC=$cc cmake -S "$src" -B "$build" -DEC_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  > "$build/configure.log" 2>&1 || { cat "$build/configure.log" >&2; exit 1; }
targets=$(cmake --build "$build" --target help | sed -n 's/^\.\.\. \(fuzz_[a-z]*\).*/\1/p' | sort -u)
if [ -z "$targets" ]; then
  echo "fuzz.sh: no fuzz targets configured" >&2
  exit 1
fi
# shellcheck disable=SC2086
cmake --build "$build" -j"$(nproc)" --target $targets || exit 1
for t in period csv extract number manifest svg; do
  echo "$targets" | grep -qx "fuzz_$t" || echo "fuzz.sh: fuzz_$t not built (its module is missing)"
done
fail=0
running=0
pids=
for t in $targets; do
  "$src/tests/fuzz/run.sh" "${t#fuzz_}" "$secs" &
  pids="$pids $!"
  running=$((running + 1))
  if [ "$running" -ge "$par" ]; then
    for p in $pids; do wait "$p" || fail=1; done
    pids= running=0
  fi
done
for p in $pids; do wait "$p" || fail=1; done
[ $fail = 0 ] && echo "fuzz.sh: every target ran ${secs} s with no finding"
exit $fail
