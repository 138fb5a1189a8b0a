#!/bin/sh
# Runs one golden command-line case.
#   run_case.sh EARNCHART CASE_DIR SOURCE_DIR
# CASE_DIR/args holds the arguments, one per line ("@SRC@" is replaced by
# SOURCE_DIR and "@OUT@" by a fresh scratch folder); optional stdin,
# expected.out, expected.err and expected.code (default 0).  An optional
# executable CASE_DIR/check runs afterwards as `check OUT_DIR SOURCE_DIR`.
set -u
bin=$1 dir=$2 src=$3
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
set --
while IFS= read -r a || [ -n "$a" ]; do
  a=$(printf '%s' "$a" | sed -e "s#@SRC@#$src#g" -e "s#@OUT@#$out#g")
  set -- "$@" "$a"
done < "$dir/args"
if [ -f "$dir/stdin" ]; then
  (cd "$out" && "$bin" "$@" < "$dir/stdin" > "$out/.stdout" 2> "$out/.stderr")
else
  (cd "$out" && "$bin" "$@" < /dev/null > "$out/.stdout" 2> "$out/.stderr")
fi
code=$?
want=0
[ -f "$dir/expected.code" ] && want=$(cat "$dir/expected.code")
fail=0
if [ "$code" != "$want" ]; then
  echo "FAIL exit code: got $code want $want"; fail=1
fi
for s in out err; do
  if [ -f "$dir/expected.$s" ]; then
    sed -e "s#$src#@SRC@#g" -e "s#$out#@OUT@#g" "$out/.std$s" > "$out/.std$s.norm"
    if ! diff -u "$dir/expected.$s" "$out/.std$s.norm"; then
      echo "FAIL std$s differs"; fail=1
    fi
  fi
done
if [ -x "$dir/check" ] && ! "$dir/check" "$out" "$src"; then
  echo "FAIL check script"; fail=1
fi
[ $fail = 0 ] && echo "PASS $(basename "$dir")"
exit $fail
