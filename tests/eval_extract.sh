#!/bin/sh
# Measures `earnchart extract` on the independent evaluation corpus in
# tests/data/eval (documents written for evaluation, not for development;
# see tests/data/eval/README.md) and scores the rows against
# tests/data/eval/eval_gold.csv with the shared scorer copied beside it.
#
#   tests/eval_extract.sh [EARNCHART] [-v] [-k DIR]
#
# EARNCHART: the binary (default: $EARNCHART, else the newest
# build*/earnchart under the source tree).  -v: list every miss, wrong
# and unjudged row.  -k DIR: keep the extracted CSV, conflicts and stderr
# in DIR.  Prints the scorer's per-document table; the last line is the
# overall figure.  This is a measurement, not a pass/fail test: exit 0
# always (thresholds are the lead's decision).
here=$(cd "$(dirname "$0")" && pwd)
src=$(dirname "$here")
data=$here/data/eval
bin=${EARNCHART:-}
verbose=
keep=
while [ $# -gt 0 ]; do
	case $1 in
	-v) verbose=-v ;;
	-k) shift; keep=${1:-} ;;
	*) bin=$1 ;;
	esac
	shift
done
if [ -z "$bin" ]; then
	bin=$(ls -t "$src"/build*/earnchart 2>/dev/null | head -n 1)
fi
if [ -z "$bin" ] || [ ! -x "$bin" ]; then
	echo "eval_extract: no earnchart binary (pass one or set EARNCHART)"
	echo 'overall: recall_core 0.000 recall_all 0.000 precision 0.000 f1 0.000'
	exit 0
fi
if [ -n "$keep" ]; then
	mkdir -p "$keep" || exit 0
	out=$keep
else
	out=$(mktemp -d) || exit 0
	trap 'rm -rf "$out"' EXIT
fi
# Score the documents under their own file names (the gold matches by name).
docs=$(ls "$data"/*.md "$data"/*.txt 2>/dev/null | grep -v '/README\.md$')
# shellcheck disable=SC2086
"$bin" extract -o "$out/eval.csv" --conflicts "$out/eval.conflicts.csv" $docs \
	2> "$out/extract.stderr"
rc=$?
if [ $rc -ne 0 ]; then
	echo "eval_extract: earnchart extract exited with $rc:"
	head -n 5 "$out/extract.stderr"
fi
python3 "$data/score-extraction" "$out/eval.csv" "$data/eval_gold.csv" $verbose
exit 0
