#!/bin/sh
# Writes every output of `earnchart extract` (stdout CSV, conflicts CSV,
# stderr, exit status) over a fixed set of inputs into OUT_DIR, so that two
# builds can be compared byte for byte with `diff -r`:
#   bench/extract/outputs.sh EARNCHART OUT_DIR [INPUT_DIR]
#   bench/extract/outputs.sh ref/earnchart /tmp/ref  &&
#   bench/extract/outputs.sh build/earnchart /tmp/new && diff -r /tmp/ref /tmp/new
# Inputs: the seeds, the eval, eval2 and eval3 documents, data/docs, tests/data/extract, the
# hostile documents (committed and generated ones), all together and each
# alone, and the arguments of every tests/cases/*extract* case.  INPUT_DIR
# (default /tmp/ec-extract-inputs) holds the generated inputs; it must be the
# same path for both runs since error messages name the files.
set -u
bin=$1 out=$2
in=${3:-/tmp/ec-extract-inputs}
here=$(cd "$(dirname "$0")/../.." && pwd)
gen=$(dirname "$bin")/tests/hostile/ec_hostile_gen
mkdir -p "$out" "$in"
if [ ! -f "$in/.done" ]; then
	"$gen" random 1048576 42 > "$in/random.txt"
	"$gen" longline 52428800 > "$in/longline.txt"
	"$gen" lines 1000000 > "$in/lines.txt"
	"$gen" numbers 2000000 > "$in/numbers.txt"
	printf 'Revenue for the third quarter of 2010 was $1' > "$in/digits.txt"
	i=0; while [ $i -lt 400 ]; do printf 0 >> "$in/digits.txt"; i=$((i + 1)); done
	printf ' million.\n' >> "$in/digits.txt"
	printf 'Q3 2010 Earnings Call\nRevenue for the third quarter of 2010 was $1e309 million.\n' > "$in/e309.txt"
	printf 'Q3 2010 Earnings Call\nRevenue for the third quarter was $1.012 billion.\0 hidden\n' > "$in/nul.txt"
	touch "$in/.done"
fi

# one NAME ARGS...: runs `extract ARGS` with a conflicts file
one() {
	name=$1; shift
	"$bin" extract --conflicts "$out/$name.conflicts" "$@" > "$out/$name.out" 2> "$out/$name.err"
	echo $? > "$out/$name.code"
	sed -i "s#$out/#@OUT@/#g" "$out/$name.err"
}

set_of() {
	set_name=$1; shift
	one "$set_name" "$@"
	for f in "$@"; do one "$set_name-$(basename "$f")" "$f"; done
}

set_of seeds "$here"/tests/data/seeds/*.txt
set_of eval "$here"/tests/data/eval/*.md "$here"/tests/data/eval/*.txt
set_of eval2dev "$here"/tests/data/eval2/dev/*.md "$here"/tests/data/eval2/dev/*.txt
set_of eval2holdout "$here"/tests/data/eval2/holdout/*.md "$here"/tests/data/eval2/holdout/*.txt
set_of eval3dev "$here"/tests/data/eval3/dev/*.md "$here"/tests/data/eval3/dev/*.txt
set_of eval3holdout "$here"/tests/data/eval3/holdout/*.md "$here"/tests/data/eval3/holdout/*.txt
set_of docs "$here"/data/docs/*
set_of extract "$here"/tests/data/extract/*
set_of hostile "$here"/tests/hostile/data/*.txt "$here"/tests/hostile/data/tiny.png
set_of gen "$in"/*.txt
one seeds-twice "$here"/tests/data/seeds/*.txt "$here"/tests/data/seeds/*.txt
one company --company ACME "$here"/tests/data/seeds/*.txt

# the golden CLI cases of extract, as run_case.sh runs them
for d in "$here"/tests/cases/*extract*; do
	c=$(basename "$d")
	o=$out/case-$c.files
	rm -rf "$o"; mkdir -p "$o"
	set --
	while IFS= read -r a || [ -n "$a" ]; do
		a=$(printf '%s' "$a" | sed -e "s#@SRC@#$here#g" -e "s#@OUT@#$o#g")
		set -- "$@" "$a"
	done < "$d/args"
	if [ -f "$d/stdin" ]; then
		"$bin" "$@" < "$d/stdin" > "$out/case-$c.out" 2> "$out/case-$c.err"
	else
		"$bin" "$@" < /dev/null > "$out/case-$c.out" 2> "$out/case-$c.err"
	fi
	echo $? > "$out/case-$c.code"
	sed -i "s#$o#@OUT@#g" "$out/case-$c.err"
done
exit 0
