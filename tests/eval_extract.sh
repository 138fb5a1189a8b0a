#!/bin/sh
# Measures `earnchart extract` on an independent evaluation corpus
# (documents written for evaluation, not for development; see the README
# of each) and scores the rows against its gold with the shared scorer
# copied beside it.
#
#   tests/eval_extract.sh [EARNCHART] [-v] [-k DIR] [-c CORPUS]
#
# CORPUS: eval (default; tests/data/eval), eval2/dev, eval2/holdout,
# eval3/dev, eval3/holdout, eval4/dev or eval4/holdout (the holdout sets are only measured, never
# used to tune the extractor).
# EARNCHART: the binary (default: $EARNCHART, else the newest
# build*/earnchart under the source tree).  -v: list every miss, wrong
# and unjudged row.  -k DIR: keep the extracted CSV, conflicts and stderr
# in DIR.  Prints the scorer's per-document table; the last line is the
# overall figure.  This is a measurement, not a pass/fail test: exit 0
# always (thresholds are the lead's decision).
here=$(cd "$(dirname "$0")" && pwd)
src=$(dirname "$here")
corpus=eval
bin=${EARNCHART:-}
verbose=
keep=
while [ $# -gt 0 ]; do
	case $1 in
	-v) verbose=-v ;;
	-k) shift; keep=${1:-} ;;
	-c) shift; corpus=${1:-eval} ;;
	*) bin=$1 ;;
	esac
	shift
done
case $corpus in
eval) data=$here/data/eval gold=$here/data/eval/eval_gold.csv scorer=$here/data/eval/score-extraction ;;
eval2/dev|eval2/holdout|eval3/dev|eval3/holdout|eval4/dev|eval4/holdout)
	data=$here/data/$corpus gold=$here/data/$corpus/gold.csv
	scorer=$here/data/${corpus%/*}/score-extraction ;;
*) echo "eval_extract: unknown corpus $corpus"
   echo 'overall: recall_core 0.000 recall_all 0.000 precision 0.000 f1 0.000'
   exit 0 ;;
esac
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
python3 "$scorer" "$out/eval.csv" "$gold" $verbose
exit 0
