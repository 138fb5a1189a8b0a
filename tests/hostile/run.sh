#!/bin/sh
# The hostile-input suite (issue 7) for inputs that must be made at test
# time (too large to commit) or outputs that need checking by a tool.
#   tests/hostile/run.sh GROUP EARNCHART SOURCE_DIR TOOL_DIR
# GROUP: inputs csv output svg font limits linear killbatch (one ctest test
# each, see CMakeLists.txt).  TOOL_DIR holds ec_hostile_gen, ec_hostile_xmlcheck
# and ec_hostile_pngcheck.  Prints one PASS/FAIL line per check; exits 1 on
# any failure, 77 when the whole group cannot run here (shown as skipped).
#
# Every failing run must give exactly one line on stderr (compared exactly;
# @T@ stands for the scratch folder), the stated exit status, and leave no
# file behind (the scratch folder is compared before and after).
set -u
group=$1 ec=$2 src=$3 tools=$4
gen=$tools/ec_hostile_gen
xmlcheck=$tools/ec_hostile_xmlcheck
pngcheck=$tools/ec_hostile_pngcheck
T=$(mktemp -d)
trap 'chmod -R u+w "$T" 2>/dev/null; rm -rf "$T"' EXIT
W=$T/w
mkdir -p "$W"
fails=0
count=0
ref=$src/data/reference/jnpr_reference.csv
docs=$src/data/docs
hd=$src/tests/hostile/data

pass() { count=$((count + 1)); echo "PASS $group: $1"; }
fail() { count=$((count + 1)); fails=$((fails + 1)); echo "FAIL $group: $1"; }

# Listing of a folder (names, sizes, hidden files too) to see what a run left.
snap() { (cd "$1" && find . -mindepth 1 -printf '%p %s\n' | LC_ALL=C sort); }

# run NAME CODE EXPECT ARGS...
# Runs earnchart ARGS in $W with a time limit ($limit s, default 300).
# EXPECT: the exact stderr (@T@ = scratch folder), '*' for any
# stderr, or '~ERE' for one line matching the extended regex.  With CODE
# != 0 nothing may be added to or changed in $W (no partial output).
run() {
  name=$1 code=$2 want=$3
  shift 3
  before=$(snap "$W")
  (cd "$W" && timeout "${limit:-300}" "$ec" "$@" > "$T/.out" 2> "$T/.err")
  rc=$?
  sed "s|$T|@T@|g" "$T/.err" > "$T/.errn"
  got=$(cat "$T/.errn")
  lines=$(wc -l < "$T/.errn")
  ok=1 why=
  if [ $rc = 124 ]; then
    ok=0 why="timed out after ${limit:-300} s (hang?)"
  elif [ $rc -ge 128 ]; then
    ok=0 why="killed by signal $((rc - 128)) (crash)"
  elif [ "$rc" != "$code" ]; then
    ok=0 why="exit $rc, want $code"
  fi
  if [ $ok = 1 ] && grep -q 'runtime error\|AddressSanitizer\|LeakSanitizer' "$T/.err"; then
    ok=0 why="sanitizer report"
  fi
  if [ $ok = 1 ]; then
    case $want in
      '*') ;;
      '~'*)
        if [ "$lines" != 1 ] || ! printf '%s\n' "$got" | grep -Eqx -- "${want#\~}"; then
          ok=0 why="stderr does not match /${want#\~}/"
        fi ;;
      *)
        if [ "$got" != "$want" ]; then
          ok=0 why="stderr differs"
        fi ;;
    esac
  fi
  if [ $ok = 1 ] && [ "$code" != 0 ] && [ "$(snap "$W")" != "$before" ]; then
    ok=0 why="a failed run left or changed files: $(snap "$W" | tr '\n' ' ')"
  fi
  if [ $ok = 1 ]; then
    pass "$name"
  else
    fail "$name: $why"
    echo "    command: earnchart $*" | cut -c1-300
    [ "$want" != '*' ] && echo "    want stderr: $want" | cut -c1-400
    echo "    got stderr ($lines lines):"
    head -n 5 "$T/.errn" | cut -c1-400 | sed 's/^/      /'
  fi
  return $((1 - ok))
}

# The extractor's output must read back as a series CSV.
csv_ok() {
  set -- "$W/$1" "$2"
  if [ ! -f "$1" ]; then
    fail "$2: no output file $1"
  elif (cd "$W" && "$ec" series "$1" > /dev/null 2> "$T/.err2"); then
    pass "$2: output reads back"
  elif grep -q 'no rows\|no data\|nothing' "$T/.err2" && [ "$(wc -l < "$1")" -le 1 ]; then
    pass "$2: output reads back (header only)"
  else
    fail "$2: output does not read back: $(head -n 1 "$T/.err2")"
  fi
}

# No number in a CSV may be inf or nan (the reader rejects them).
no_inf() {
  set -- "$W/$1" "$2"
  if [ ! -f "$1" ]; then
    fail "$2: no output file"
  elif grep -Eiq '(^|,)[-+]?(inf|infinity|nan)(,|$)' "$1"; then
    fail "$2: inf or nan written to $1"
  else
    pass "$2: no inf or nan in the output"
  fi
}

case $group in
# ---------------------------------------------------------------- inputs
inputs)
  # Large and odd documents through `extract`: a clear message or rows,
  # never a crash, a hang or a partial CSV.
  "$gen" random 1048576 42 > "$T/random.txt"
  "$gen" longline 52428800 > "$T/longline.txt"   # 50 MiB, one line
  "$gen" lines 1000000 > "$T/lines.txt"           # 1,000,000 short lines
  "$gen" numbers 2000000 > "$T/numbers.txt"       # only numbers
  printf 'Revenue for the third quarter of 2010 was $1' > "$T/digits.txt"
  i=0; while [ $i -lt 400 ]; do printf 0 >> "$T/digits.txt"; i=$((i + 1)); done
  printf ' million.\n' >> "$T/digits.txt"
  printf 'Q3 2010 Earnings Call\nRevenue for the third quarter of 2010 was $1e309 million.\n' > "$T/e309.txt"
  printf 'Q3 2010 Earnings Call\nRevenue for the third quarter was $1.012 billion.\0 hidden\n' > "$T/nul.txt"

  run "random bytes" 1 "earnchart: @T@/random.txt:1:27: binary file (NUL byte), not a text document" \
    extract -o out.csv "$T/random.txt"
  run "PNG as a document" 1 "earnchart: $hd/tiny.png:3:1: binary file (NUL byte), not a text document" \
    extract -o out.csv "$hd/tiny.png"
  run "NUL inside text" 1 "earnchart: @T@/nul.txt:2:50: binary file (NUL byte), not a text document" \
    extract -o out.csv "$T/nul.txt"
  limit=120
  run "50 MiB single line" 0 '*' extract -o long.csv "$T/longline.txt" &&
    csv_ok long.csv "50 MiB single line"
  rm -f "$W/long.csv"
  run "1,000,000 short lines" 0 '*' extract -o lines.csv "$T/lines.txt" &&
    csv_ok lines.csv "1,000,000 short lines"
  rm -f "$W/lines.csv"
  run "only numbers" 0 '*' extract -o num.csv "$T/numbers.txt" &&
    csv_ok num.csv "only numbers"
  rm -f "$W/num.csv"
  limit=
  run "400-digit number" 0 '*' extract -o d.csv "$T/digits.txt" && no_inf d.csv "400-digit number"
  rm -f "$W/d.csv"
  run "1e309" 0 '*' extract -o e.csv "$T/e309.txt" && no_inf e.csv "1e309"
  rm -f "$W/e.csv"
  # A failed run leaves an existing output as it was.
  echo "old contents" > "$W/keep.csv"
  run "failed extract keeps the old -o file" 1 \
    "earnchart: @T@/random.txt:1:27: binary file (NUL byte), not a text document" \
    extract -o keep.csv "$docs/jnpr-2010q3-call.txt" "$T/random.txt"
  [ "$(cat "$W/keep.csv")" = "old contents" ] && pass "old -o file unchanged" ||
    fail "old -o file was changed by a failed run"
  rm -f "$W/keep.csv"
  ;;

# ------------------------------------------------------------------- csv
csv)
  "$gen" widecsv 10000 > "$T/wide.csv"       # 10,000 columns
  "$gen" bigcsv 1000000 > "$T/big.csv"       # 1,000,000 rows
  "$gen" longfield 52428800 > "$T/field.csv" # a 50 MiB field
  "$gen" random 65536 7 > "$T/random.csv"
  run "10,000 columns" 1 "earnchart: @T@/wide.csv:1:8872: more than 1000 columns (raise with --max-columns)" \
    series "$T/wide.csv"
  run "1,000,000 rows" 0 '*' series "$T/big.csv" --metric revenue --company NONE
  run "50 MiB field" 1 "earnchart: @T@/field.csv:2:61: field longer than the limit of 1048576 bytes (raise with --max-field)" \
    series "$T/field.csv"
  run "random bytes as CSV" 1 '~earnchart: @T@/random.csv:[0-9]+(:[0-9]+)?: .+' \
    series "$T/random.csv"
  for sub in analyze chart; do
    if [ $sub = chart ]; then set -- chart --type revenue -o r.png; else set -- analyze; fi
    run "$sub: 10,000 columns" 1 "earnchart: @T@/wide.csv:1:8872: more than 1000 columns (raise with --max-columns)" \
      "$@" "$T/wide.csv"
    run "$sub: random bytes" 1 '~earnchart: @T@/random.csv:[0-9]+(:[0-9]+)?: .+' \
      "$@" "$T/random.csv"
  done
  ;;

# ---------------------------------------------------------------- output
output)
  # Outputs that cannot be written: a read-only folder (/sys refuses new
  # files even to root; a chmod'ed folder would not stop root), a path
  # whose parent is a regular file, a full disk (/dev/full's device made
  # in the scratch folder, so the real /dev/full is never at risk), and a
  # path that is a folder.  Each must fail with one line, exit 1, and
  # leave nothing behind.
  # mkfull NAME: a fresh full device (like /dev/full) at $W/NAME.
  full=1
  mkfull() { rm -f "$W/$1"; mknod "$W/$1" c 1 7 2> /dev/null; }
  if ! mkfull probe; then
    full=
    echo "SKIP $group: cannot mknod a full device here (not root?)"
  fi
  rm -f "$W/probe"
  # still_device NAME WHAT: the run wrote into the device, not over it.
  still_device() {
    [ -c "$W/$1" ] && pass "$2: $1 is still a device" ||
      fail "$2: $1 was replaced by a regular file (renamed over a device node)"
    rm -f "$W/$1"
  }
  mkdir -p "$W/adir.csv" "$W/adir.png" "$W/adir.svg" "$W/adir.pdf" "$W/adir.txt"
  ro='~earnchart: /sys/ec-hostile\.[a-z]+: cannot write: (Permission denied|Read-only file system)'
  for ext in csv; do
    run "extract -o read-only folder" 1 "$ro" extract -o /sys/ec-hostile.csv "$docs/jnpr-2012q3-release.md"
    run "extract -o parent is a file" 1 "earnchart: /proc/version/x.csv: cannot write: Not a directory" \
      extract -o /proc/version/x.csv "$docs/jnpr-2012q3-release.md"
    run "extract -o a folder" 1 "earnchart: adir.csv: is a directory, cannot write a file there" \
      extract -o adir.csv "$docs/jnpr-2012q3-release.md"
    if [ -n "$full" ]; then
      mkfull full.csv
      run "extract -o full disk" 1 "earnchart: full.csv: cannot write: No space left on device" \
        extract -o full.csv "$docs/jnpr-2012q3-release.md"
      still_device full.csv "extract -o full disk"
    fi
  done
  for ext in png svg pdf; do
    run "chart .$ext to read-only folder" 1 "$ro" chart --type revenue -o /sys/ec-hostile.$ext "$ref"
    run "chart .$ext parent is a file" 1 "earnchart: /proc/version/x.$ext: cannot write: Not a directory" \
      chart --type revenue -o /proc/version/x.$ext "$ref"
    run "chart .$ext to a folder" 1 "earnchart: adir.$ext: is a directory, cannot write a file there" \
      chart --type revenue -o adir.$ext "$ref"
  done
  if [ -n "$full" ]; then
    for ext in png svg pdf; do
      mkfull full.$ext
      run "chart .$ext to full disk" 1 "earnchart: full.$ext: cannot write: No space left on device" \
        chart --type revenue -o full.$ext "$ref"
      still_device full.$ext "chart .$ext to full disk"
    done
    mkfull full.txt
    run "analyze -o full disk" 1 "earnchart: full.txt: cannot write: No space left on device" \
      analyze -o full.txt "$ref"
    still_device full.txt "analyze -o full disk"
  fi
  run "analyze -o a folder" 1 "earnchart: adir.txt: is a directory, cannot write a file there" \
    analyze -o adir.txt "$ref"
  run "analyze -o parent is a file" 1 "earnchart: /proc/version/x.txt: cannot write: Not a directory" \
    analyze -o /proc/version/x.txt "$ref"
  printf 'output,type,series\nr.png,revenue,%s\n' "$ref" > "$T/m.csv"
  run "batch -o parent is a file" 1 '~earnchart: /proc/version/out: .+' \
    batch -o /proc/version/out "$T/m.csv"
  run "batch -o read-only folder" 1 '~earnchart: /sys/ec-hostile(/r\.png)?: .+' \
    batch -o /sys/ec-hostile "$T/m.csv"
  run "report -o parent is a file" 1 '~earnchart: /proc/version/out: .+' \
    report -o /proc/version/out "$ref"
  ;;

# ------------------------------------------------------------------- svg
svg)
  # Labels that are XML syntax and right-to-left text must come out
  # well-formed and literally readable in the SVG.
  title=$(i=0; while [ $i -lt 1000 ]; do printf 'Revenue 0'; i=$((i + 1)); done | cut -c1-10000)
  labels='R&D <b>"quoted"</b> ]]> & more'
  rtl='הכנסות ربع سنوية'
  # A CSV whose company, doc and segment carry the same characters.
  printf 'company,doc,period,metric,segment,basis,kind,value,low,high,unit,issued,line,quote\n' > "$T/odd.csv"
  for p in 2010Q1 2010Q2 2010Q3 2010Q4 2011Q1; do
    printf '"A<&>""B]]>","R&D <doc> ""]]>"" %s.txt",%s,revenue,total,gaap,actual,1000,,,usd_m,,1,"x < y & ""z"""\n' \
      "$rtl" "$p" >> "$T/odd.csv"
  done
  for ext in svg png pdf; do
    run "10,000-character title .$ext" 0 '' chart --type revenue --title "$title" -o long.$ext "$ref"
    run "XML specials and RTL in labels .$ext" 0 '' chart --type revenue --title "$labels" \
      --subtitle "$rtl" --footnote "$labels $rtl" -o odd.$ext "$T/odd.csv"
  done
  for f in long.svg odd.svg; do
    if [ -f "$W/$f" ] && out=$("$xmlcheck" "$W/$f"); then pass "$f is well-formed XML"; else fail "$f: ${out:-missing}"; fi
  done
  if [ -f "$W/odd.svg" ] && out=$("$xmlcheck" "$W/odd.svg" --text "$labels" --text "$rtl" \
      --text 'R&D <doc> "]]>"'); then
    pass "odd.svg shows the labels literally"
  else
    fail "odd.svg: ${out:-missing}"
  fi
  # The SVG's own <title> (read by screen readers, shown as the tab name)
  # is the chart's title (issue 5).
  # A 10,000-character title may be shortened there (to at least 200 bytes,
  # cut between characters).
  for f in odd long; do
    if [ $f = odd ]; then opt=--title t=$labels; else opt=--title-prefix t=$title; fi
    if [ -f "$W/$f.svg" ] && out=$("$xmlcheck" "$W/$f.svg" $opt "$t"); then
      pass "$f.svg <title> is the chart title"
    else
      fail "$f.svg: ${out:-missing}"
    fi
  done
  # A long right-to-left title: shortening must not cut a character in two.
  heb=$(i=0; printf x; while [ $i -lt 300 ]; do printf 'ש'; i=$((i + 1)); done)
  run "long Hebrew title .svg" 0 '' chart --type revenue --title "$heb" -o heb.svg "$ref"
  if [ -f "$W/heb.svg" ] && out=$("$xmlcheck" "$W/heb.svg" --title-prefix "$heb"); then
    pass "heb.svg is well-formed with a whole-character title"
  else
    fail "heb.svg: ${out:-missing}"
  fi
  for f in long.png odd.png; do
    if [ -f "$W/$f" ] && out=$("$pngcheck" "$W/$f"); then pass "$f is a complete PNG"; else fail "$f: ${out:-missing}"; fi
  done
  ;;

# ------------------------------------------------------------------ font
font)
  # No font at all: fontconfig reads a configuration with no font folder.
  mkdir -p "$T/fc-cache"
  cat > "$T/fonts.conf" <<EOF
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><cachedir>$T/fc-cache</cachedir></fontconfig>
EOF
  export FONTCONFIG_FILE=$T/fonts.conf
  for ext in png svg pdf; do
    run "no font: chart .$ext" 1 \
      "earnchart: no usable font: fontconfig found neither 'DejaVu Sans' nor any sans-serif font (install fonts-dejavu-core)" \
      chart --type revenue -o nofont.$ext "$ref"
  done
  printf 'output,type,series\nr.png,revenue,%s\ns.svg,eps,%s\n' "$ref" "$ref" > "$T/m.csv"
  mkdir "$W/bout" # batch makes its output folder; only figures count here
  run "no font: batch" 1 '*' batch -j2 -o bout "$T/m.csv"
  unset FONTCONFIG_FILE
  n=$(find "$W/bout" -type f 2> /dev/null | wc -l)
  [ "$n" = 0 ] && pass "no font: batch wrote no figure" || fail "no font: batch wrote $n file(s)"
  rm -rf "$W/bout"
  ;;

# ---------------------------------------------------------------- limits
limits)
  # The stated limits give a clear error instead of exhausting memory.
  # (Limits on documents and CSVs are checked in the inputs and csv groups:
  # 10,000 columns, a 50 MiB field.)  Usage errors are two lines: the
  # message and "Try 'earnchart chart --help'."
  try="$(printf "\nTry 'earnchart chart --help'.")"
  run "figure over 100 million pixels" 2 \
    "earnchart chart: --size: size '20000x20000' is 20000x20000 = 400000000 pixels, more than the limit of 100000000 (raise with --max-pixels)$try" \
    chart --type revenue --size 20000x20000 -o big.png "$ref"
  run "zero-size figure" 2 \
    "earnchart chart: --size: size '0x0' is 0x0 px; each side must be 64-32767 px$try" \
    chart --type revenue --size 0x0 -o z.png "$ref"
  run "absurd dpi" 2 "earnchart chart: --dpi: dpi 1e+09 out of range (36-2400)$try" \
    chart --type revenue --dpi 1e9 -o z.png "$ref"
  printf 'output,type,series,size\nbig.png,revenue,%s,20000x20000\n' "$ref" > "$T/m.csv"
  mkdir "$W/bout"
  run "batch row over 100 million pixels" 1 \
    "earnchart: @T@/m.csv:2: size '20000x20000' is 20000x20000 = 400000000 pixels, more than the limit of 100000000 (raise with --max-pixels)" \
    batch -o bout "$T/m.csv"
  ;;

# ---------------------------------------------------------------- linear
linear)
  # Extraction work must grow linearly with the input: instructions counted
  # by callgrind (not the wall clock) for an input and its double.
  if ! command -v valgrind > /dev/null; then
    echo "SKIP $group: valgrind not installed"
    exit 77
  fi
  cat "$docs"/*.txt "$docs"/*.md > "$T/all.txt"
  "$gen" repeat 2 "$T/all.txt" > "$T/x1.txt"
  "$gen" repeat 4 "$T/all.txt" > "$T/x2.txt"
  "$gen" longline 400000 > "$T/l1.txt"
  "$gen" longline 800000 > "$T/l2.txt"
  "$gen" numbers 400000 > "$T/n1.txt"
  "$gen" numbers 800000 > "$T/n2.txt"
  # A sanitizer build cannot run under valgrind (ASan must load first).
  if ! valgrind --tool=none "$ec" --version > /dev/null 2>&1; then
    echo "SKIP $group: valgrind cannot run this build (sanitizers?)"
    exit 77
  fi
  # ir FILE: instructions callgrind counts for extracting FILE; empty when
  # the extraction itself fails.
  ir() {
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$ec" extract -o "$T/o.csv" "$1" \
      > /dev/null 2> "$T/cg.err" || return 0
    sed -n 's/.*Collected : *\([0-9]*\).*/\1/p' "$T/cg.err" | tail -n 1
  }
  for k in x l n; do
    a=$(ir "$T/${k}1.txt") b=$(ir "$T/${k}2.txt")
    if [ -z "$a" ] || [ -z "$b" ]; then
      fail "$k: extraction under callgrind failed: $(grep -v '^==' "$T/cg.err" | head -n 1)"
      continue
    fi
    # b/a <= 2.3: doubling the input may cost at most 2.3 times the work
    # (constant start-up work makes the true ratio a little under 2).
    if [ $((b * 10)) -le $((a * 23)) ]; then
      pass "$k: doubling the input: $a -> $b instructions"
    else
      fail "$k: doubling the input: $a -> $b instructions (more than 2.3x: superlinear)"
    fi
  done
  ;;

# ------------------------------------------------------------- killbatch
killbatch)
  # Nothing lost: batch killed with SIGKILL midway leaves only complete
  # figures (PNG ends with IEND and its CRCs hold, SVG parses, PDF ends with
  # %%EOF), earlier outputs are kept, and temporary files are not figures.
  # (The reference data has no backlog, so that type is left out.)
  m=$T/manifest.csv
  echo "output,type,series,theme" > "$m"
  i=0
  for rep in $(seq 1 20); do
    for t in revenue margin guidance eps panel; do
      for ext in png svg pdf; do
        i=$((i + 1)); echo "f$i-$t.$ext,$t,$ref,light" >> "$m"
      done
    done
  done
  check_all() { # DIR LABEL: every figure complete; temp files not figures
    bad=0
    for f in "$1"/*; do
      [ -f "$f" ] || continue
      case $f in
        *.png) "$pngcheck" "$f" > /dev/null || { bad=1; echo "    incomplete: $f"; } ;;
        *.svg) "$xmlcheck" "$f" > /dev/null || { bad=1; echo "    incomplete: $f"; } ;;
        *.pdf) tail -c 32 "$f" | grep -q '%%EOF' || { bad=1; echo "    incomplete: $f"; } ;;
        *) bad=1; echo "    a non-figure file with a visible name: $f" ;;
      esac
    done
    [ $bad = 0 ] && pass "$2" || fail "$2"
  }
  # kill_midway DIR MANIFEST: starts batch, SIGKILLs it once between a
  # quarter and a half of the rows are written (files newer than a marker).
  kill_midway() {
    touch "$T/marker"
    sleep 1 # mtime granularity: figures written from now on are newer
    (cd "$W" && exec "$ec" batch -j2 -o "$1" "$2" > /dev/null 2>&1) &
    pid=$!
    k=0
    while kill -0 $pid 2> /dev/null; do
      k=$(find "$W/$1" -maxdepth 1 -type f ! -name '.*' -newer "$T/marker" 2> /dev/null | wc -l)
      [ "$k" -ge $((i / 4)) ] && break
      sleep 0.05
    done
    kill -9 $pid 2> /dev/null
    wait $pid 2> /dev/null
    if [ "$k" -ge $((i / 4)) ] && [ "$k" -lt "$i" ]; then
      pass "batch killed midway ($k of $i figures written)"
    else
      fail "batch not killed midway ($k of $i figures written): the test needs a bigger manifest"
    fi
  }
  (cd "$W" && "$ec" batch -j2 -o out "$m" > /dev/null 2>&1)
  n=$(find "$W/out" -maxdepth 1 -type f ! -name '.*' | wc -l)
  [ "$n" = "$i" ] && pass "full run wrote $i figures" || fail "full run wrote $n of $i figures"
  check_all "$W/out" "full run: every figure complete"
  # Second run, dark theme (other bytes), killed midway: every figure is
  # the old one or a complete new one.
  sed 's/,light$/,dark/' "$m" > "$T/dark.csv"
  kill_midway out "$T/dark.csv"
  n=$(find "$W/out" -maxdepth 1 -type f ! -name '.*' | wc -l)
  [ "$n" = "$i" ] && pass "killed run: all $i earlier figures still there" ||
    fail "killed run: $n of $i figures left"
  check_all "$W/out" "killed run: every figure complete"
  # A killed run into a new folder: only complete figures.
  kill_midway fresh "$T/dark.csv"
  check_all "$W/fresh" "killed run into a new folder: every figure complete"
  # Temporary files left by SIGKILL are hidden and do not look like figures.
  tmp=$(find "$W/out" "$W/fresh" -maxdepth 1 -type f -name '.*' | wc -l)
  echo "    ($tmp hidden temporary files left by the kills)"
  ;;

*)
  echo "unknown group '$group'" >&2
  exit 2
  ;;
esac

echo "$group: $((count - fails)) of $count checks passed"
[ $fails = 0 ]
