#!/bin/sh
# The stated limits and the flags that raise them, on inputs too large to
# keep in tests/cases/ (generated here):
#   limits.sh EARNCHART SOURCE_DIR
# Each limit hit must exit 1 with exactly one line on standard error that
# names the flag raising it; the same run with the flag raised must pass.
set -u
ec=$1 src=$2
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fails=0

pass() { echo "PASS $1"; }
fail() { echo "FAIL $1"; fails=$((fails + 1)); }

# run NAME WANT_CODE STDERR_PATTERN ARGS...: runs earnchart in $T; the code
# must be WANT_CODE; with a pattern, stderr must be one line matching it
# (grep -E), '*' leaves stderr to the caller, '' means stderr must not
# mention a limit.
run() {
  name=$1 want=$2 pat=$3
  shift 3
  (cd "$T" && "$ec" "$@" > "$T/.out" 2> "$T/.err" < /dev/null)
  code=$?
  if [ "$code" != "$want" ]; then
    fail "$name: exit $code, want $want: $(head -c 300 "$T/.err")"
    return
  fi
  if [ "$pat" = '*' ]; then
    :
  elif [ -n "$pat" ]; then
    n=$(wc -l < "$T/.err")
    if [ "$n" != 1 ]; then
      fail "$name: $n lines on stderr, want 1"
      return
    fi
    if ! grep -Eq -- "$pat" "$T/.err"; then
      fail "$name: stderr '$(cat "$T/.err")' does not match '$pat'"
      return
    fi
  elif grep -q 'limit' "$T/.err"; then
    fail "$name: a limit was hit: $(head -c 300 "$T/.err")"
    return
  fi
  pass "$name"
}

hdr=company,period,metric,segment,basis,kind,value,low,high,unit,issued,source,quote
# A series CSV whose quote is a 2 MiB field (over the 1 MiB default).
{
  echo "$hdr"
  printf 'ACME,2024Q1,revenue,total,gaap,actual,120.5,,,usd_m,,s,"'
  head -c 2097152 /dev/zero | tr '\0' 'q'
  printf '"\n'
  echo 'ACME,2024Q2,revenue,total,gaap,actual,130.5,,,usd_m,,s,q'
} > "$T/field.csv"

run "series: 2 MiB field fails by default" 1 \
  '^earnchart: .*field\.csv:2:[0-9]+: field longer than the limit of 1048576 bytes \(raise with --max-field\)$' \
  series "$T/field.csv"
run "series: 2 MiB field passes with --max-field 4M" 0 '' \
  series --max-field 4M "$T/field.csv"
if grep -q '130.5' "$T/.out"; then pass "series: raised limit reads every row"
else fail "series: raised limit lost rows"; fi
run "analyze: 2 MiB field fails by default" 1 '\(raise with --max-field\)$' \
  analyze "$T/field.csv"
run "analyze: --max-field=2049K passes" 0 '' analyze --max-field=2049K "$T/field.csv"
run "chart: 2 MiB field fails by default" 1 '\(raise with --max-field\)$' \
  chart --type revenue -o "$T/c.svg" "$T/field.csv"
[ -e "$T/c.svg" ] && fail "chart: failed run left a file" || pass "chart: failed run wrote nothing"
run "chart: --max-field 4M passes" 0 '' \
  chart --type revenue --max-field 4M -o "$T/c.svg" "$T/field.csv"
[ -s "$T/c.svg" ] && pass "chart: raised limit draws the chart" || fail "chart: no chart"

# 20,000 rows: over --max-rows 10000, within the default.
{
  echo "$hdr"
  awk 'BEGIN { for (i = 0; i < 20000; i++)
    printf "C%d,2024Q1,revenue,total,gaap,actual,%d,,,usd_m,,s,q\n", i, i + 1 }'
} > "$T/rows.csv"
run "series: --max-rows 10000 on 20000 rows" 1 \
  '^earnchart: .*rows\.csv:10002:1: more than 10000 rows \(raise with --max-rows\)$' \
  series --max-rows 10000 --metric none "$T/rows.csv"
run "series: --max-rows 20K passes" 0 '' series --max-rows 20K --metric none "$T/rows.csv"
run "series: --max-input 100K on a bigger file" 1 '\(raise with --max-input\)$' \
  series --max-input 100K --metric none "$T/rows.csv"

# Documents: 3 MiB (over --max-doc-bytes 1M) with one 2 MiB line.
{
  echo 'Acme Corp (NASDAQ: ACME) reports first quarter 2024 results'
  echo
  echo 'Revenue for the first quarter of 2024 was $120.5 million.'
  echo
  head -c 2097152 /dev/zero | tr '\0' 'w'
  echo
  awk 'BEGIN { for (i = 0; i < 20000; i++) printf "Filler line %d of the release text here.\n", i }'
} > "$T/doc.md"
run "extract: 3 MiB document over --max-doc-bytes 1M" 1 \
  '^earnchart: .*doc\.md: .*over the limit of 1048576 bytes \(raise with --max-doc-bytes\)$' \
  extract --max-doc-bytes 1M "$T/doc.md"
run "extract: 3 MiB document with --max-doc-bytes 4M" 0 '' \
  extract --max-doc-bytes 4M -o "$T/x.csv" "$T/doc.md"
grep -q ',2024Q1,revenue,' "$T/x.csv" && pass "extract: raised limit extracts" \
  || fail "extract: raised limit extracted nothing"
run "extract: 2 MiB line over --max-line 1M" 1 \
  '^earnchart: .*doc\.md:5: line is 2097152 bytes, the limit is 1048576 \(raise with --max-line\)$' \
  extract --max-line 1M "$T/doc.md"
run "extract: 2 MiB line within the default" 0 '' extract -o "$T/y.csv" "$T/doc.md"

# Report: each kind of input with its own flag.
run "report: document over --max-doc-bytes" 1 '*' \
  report -o "$T/rep" --max-doc-bytes 1M "$T/doc.md" "$T/field.csv"
grep -q '^earnchart: report: extract: .*(raise with --max-doc-bytes)$' "$T/.err" \
  && pass "report: the document's limit names --max-doc-bytes" \
  || fail "report: no --max-doc-bytes hint: $(head -c 300 "$T/.err")"
grep -q '^earnchart: report: read: .*(raise with --max-field)$' "$T/.err" \
  && pass "report: the CSV's limit names --max-field" \
  || fail "report: no --max-field hint: $(head -c 300 "$T/.err")"
(cd "$T" && "$ec" report -o "$T/rep2" --max-doc-bytes 4M --max-field 4M \
  "$T/doc.md" "$T/field.csv" > /dev/null 2> "$T/.err")
if grep -q 'limit' "$T/.err"; then fail "report: raised limits still hit: $(head -c 300 "$T/.err")"
else pass "report: raised limits pass"; fi

# Batch: a figure over the pixel limit, and a CSV over the field limit.
printf 'output,type,series,size\nbig.svg,revenue,field.csv,20000x20000\n' > "$T/m.csv"
run "batch: 20000x20000 fails by default" 1 \
  "^earnchart: .*m\.csv:2: size '20000x20000' is 20000x20000 = 400000000 pixels, more than the limit of 100000000 \(raise with --max-pixels\)$" \
  batch -o "$T/b1" --max-field 4M "$T/m.csv"
if grep -c "size '20000x20000'" "$T/.err" | grep -qx 1 && \
   [ "$(grep -o "20000x20000" "$T/.err" | wc -l)" = 2 ]; then
  pass "batch: the size is named once"
else
  fail "batch: the size is repeated: $(cat "$T/.err")"
fi
run "batch: field over the limit fails by default" 1 '\(raise with --max-field\)$' \
  batch -o "$T/b2" --max-pixels 500M "$T/m.csv"
run "batch: --max-pixels 500M --max-field 4M passes" 0 '' \
  batch -o "$T/b3" --max-pixels 500M --max-field 4M "$T/m.csv"
[ -s "$T/b3/big.svg" ] && pass "batch: the big figure is written" || fail "batch: no figure"

# Bad values are usage errors (exit 2), for every command and flag.
for c in "series --max-field" "analyze --max-rows" "chart --max-columns" \
         "batch --max-pixels" "report --max-input" "extract --max-doc-bytes" \
         "extract --max-line" "chart --max-pixels"; do
  for v in 0 -1 12Q 99999999999999999999 '' 1.5 0x10 ' 7' 20000000000G 4KB; do
    set -- $c "$v" "$T/none.csv"
    (cd "$T" && "$ec" "$@" > /dev/null 2> "$T/.err" < /dev/null)
    code=$?
    if [ $code = 2 ] && head -1 "$T/.err" | grep -q "'$v' is not a positive whole number"; then
      pass "$c '$v': usage error"
    else
      fail "$c '$v': exit $code: $(head -c 200 "$T/.err")"
    fi
  done
done

echo "limits: $fails failed"
[ $fails = 0 ]
