#!/bin/sh
# Used by the check scripts of tests/cases/hostile_*: a failed run must
# leave no file in its scratch folder OUT (other than run_case.sh's own
# .stdout/.stderr files), not even a hidden temporary file.
#   no_output.sh OUT [ALLOWED_PATH...]   (paths relative to OUT)
out=$1
shift
left=$(cd "$out" && find . -mindepth 1 ! -name '.stdout*' ! -name '.stderr*' | LC_ALL=C sort)
for a in "$@"; do
  left=$(printf '%s\n' "$left" | grep -vx "\./$a" | grep -v "^\./$a/")
done
if [ -n "$left" ]; then
  echo "files left behind in the scratch folder:"
  printf '%s\n' "$left" | sed 's/^/  /'
  exit 1
fi
