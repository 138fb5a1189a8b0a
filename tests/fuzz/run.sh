#!/bin/sh
# Runs one libFuzzer target for a bounded time and fails on any finding.
#   tests/fuzz/run.sh TARGET SECONDS     e.g. run.sh extract 60
#   tests/fuzz/run.sh --replay BINARY    (ctest) run the seed corpus and the
#                                        regression inputs once each
# TARGET is the name without the fuzz_ prefix.  The binaries come from
# $EC_FUZZ_BUILD (default: build-fuzz under the source tree; scripts/fuzz.sh
# makes it).  The seed corpus tests/fuzz/corpus/TARGET is read, never
# written; new inputs go to a work corpus under the build folder.  A crash,
# leak, timeout or out-of-memory leaves its input under
# $EC_FUZZ_BUILD/fuzz-artifacts/TARGET/; copy it into tests/fuzz/regress/TARGET/
# so it stays a regression test.  The last line printed is
#   fuzz_TARGET: N executions in S s, no finding
# which is what tests/fuzz/README.md records.
set -u
here=$(cd "$(dirname "$0")" && pwd)
# One-time caches of fontconfig only (see lsan.supp); everything else is
# reported.
export LSAN_OPTIONS="suppressions=$here/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"

if [ "${1:-}" = "--replay" ]; then
  bin=$2
  name=$(basename "$bin" | sed 's/^fuzz_//')
  set --
  for d in "$here/corpus/$name" "$here/regress/$name"; do
    [ -d "$d" ] && [ -n "$(ls -A "$d")" ] && set -- "$@" "$d"
  done
  if [ $# = 0 ]; then
    echo "fuzz_$name: no corpus to replay"; exit 1
  fi
  # -runs=0 with folders: execute every input once, then stop.
  log=$(mktemp)
  art=$(mktemp -d)
  "$bin" -runs=0 -timeout=30 -rss_limit_mb=4096 -artifact_prefix="$art/" "$@" > "$log" 2>&1
  rc=$?
  tail -n 5 "$log"
  [ $rc != 0 ] && grep -E 'ERROR|SUMMARY|Test unit written' "$log" | head -n 20
  rm -rf "$log" "$art"
  [ $rc = 0 ] && echo "PASS fuzz_replay_$name" || echo "FAIL fuzz_replay_$name (exit $rc)"
  exit $rc
fi

if [ $# -ne 2 ]; then
  echo "usage: $0 TARGET SECONDS | --replay BINARY" >&2
  exit 2
fi
name=${1#fuzz_}
secs=$2
build=${EC_FUZZ_BUILD:-$here/../../build-fuzz}
bin=$build/tests/fuzz/fuzz_$name
if [ ! -x "$bin" ]; then
  echo "fuzz_$name: $bin not built (run scripts/fuzz.sh, or the module has not landed)" >&2
  exit 1
fi
work=$build/fuzz-work/$name
art=$build/fuzz-artifacts/$name
rm -rf "$art" # findings of earlier runs are in regress/ if they matter
mkdir -p "$work" "$art"
log=$build/fuzz-$name.log
set -- -max_total_time="$secs" -timeout=20 -rss_limit_mb=2048 \
  -print_final_stats=1 -artifact_prefix="$art/"
[ -f "$here/dict/$name.dict" ] && set -- "$@" -dict="$here/dict/$name.dict"
# Longest input tried: whole documents are seeds, but mutating 60 KB
# inputs is slow; 16 KiB keeps several paragraphs, a table and a title.
maxlen=${EC_FUZZ_MAX_LEN:-}
[ -z "$maxlen" ] && [ "$name" = extract ] && maxlen=16384
[ -n "$maxlen" ] && set -- "$@" -max_len="$maxlen"
set -- "$@" "$work"
for d in "$here/corpus/$name" "$here/regress/$name"; do
  [ -d "$d" ] && [ -n "$(ls -A "$d")" ] && set -- "$@" "$d"
done
"$bin" "$@" > "$log" 2>&1
rc=$?
execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
if [ $rc != 0 ] || ls "$art" | grep -q .; then
  echo "FAIL fuzz_$name: finding (exit $rc); log $log; inputs in $art:" >&2
  ls -l "$art" >&2
  grep -E 'ERROR|SUMMARY|==[0-9]+==|^    #[0-9]' "$log" | head -n 40 >&2
  exit 1
fi
echo "fuzz_$name: ${execs:-?} executions in $secs s, no finding"
