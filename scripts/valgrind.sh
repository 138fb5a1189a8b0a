#!/bin/sh
# Runs the test programs of the ctest suite, every golden CLI case and a few
# whole runs of the tool under valgrind memcheck: zero errors and zero
# definite leaks, or exit 1.
#   scripts/valgrind.sh
# Environment: EC_VG_BUILD (default build-valgrind in the source tree; a
# plain build without sanitizers, which valgrind cannot run under),
# EC_VG_JOBS (parallel runs, default: cores).  Suppressions, each justified,
# are in tests/valgrind.supp (40 frames are kept so that they can match
# the caller that makes a cache one-time).  Logs: $EC_VG_BUILD/vg/*.log.
set -u
src=$(cd "$(dirname "$0")/.." && pwd)
build=${EC_VG_BUILD:-$src/build-valgrind}
jobs=${EC_VG_JOBS:-$(nproc)}
if ! command -v valgrind > /dev/null; then
  echo "valgrind.sh: valgrind not found (apt-get install valgrind)" >&2
  exit 1
fi
mkdir -p "$build"
cmake -S "$src" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DEC_SANITIZE=OFF \
  -DEC_FUZZ=OFF > "$build/configure.log" 2>&1 || { cat "$build/configure.log" >&2; exit 1; }
cmake --build "$build" -j"$jobs" > "$build/build.log" 2>&1 || { tail -n 30 "$build/build.log" >&2; exit 1; }
logs=$build/vg
rm -rf "$logs"
mkdir -p "$logs"

# valgrind wrapper: --error-exitcode makes any memcheck error (invalid
# read/write, uninitialised use, definite leak) a failing exit status.
vg=$build/vg-run
cat > "$vg" <<EOV
#!/bin/sh
log=\$(mktemp "$logs/run.XXXXXX")
valgrind --quiet --num-callers=40 --error-exitcode=99 --leak-check=full \\
  --errors-for-leak-kinds=definite --show-leak-kinds=definite \\
  --track-origins=yes --suppressions="$src/tests/valgrind.supp" \\
  --log-file="\$log.log" "\$@"
rc=\$?
rm -f "\$log"
[ -s "\$log.log" ] || rm -f "\$log.log"
exit \$rc
EOV
chmod +x "$vg"

# Every job is one line "NAME<TAB>DIR<TAB>COMMAND..." run by xargs -P.
jobsfile=$build/vg-jobs
: > "$jobsfile"
for t in "$build"/tests/test_*; do
  [ -x "$t" ] || continue
  printf '%s\t%s\t%s\n' "$(basename "$t")" "$build/tests" "$vg $t" >> "$jobsfile"
done
for c in "$src"/tests/cases/*/; do
  [ -f "$c/args" ] || continue
  printf '%s\t%s\t%s\n' "case_$(basename "$c")" "$build" \
    "$src/tests/run_case.sh $vg-earnchart $c $src" >> "$jobsfile"
done
# The tool as run by the wrapper (run_case.sh takes one program path).
cat > "$vg-earnchart" <<EOV
#!/bin/sh
exec "$vg" "$build/earnchart" "\$@"
EOV
chmod +x "$vg-earnchart"

# Whole runs on the bundled data.
scratch=$build/vg-scratch
rm -rf "$scratch"
mkdir -p "$scratch"
ec="$vg-earnchart"
ref=$src/data/reference/jnpr_reference.csv
cat >> "$jobsfile" <<EOJ
cli_extract	$scratch	$ec extract -o $scratch/s.csv $src/data/docs/jnpr-2010q3-call.txt $src/data/docs/jnpr-2007q3-release.md
cli_series	$scratch	$ec series $ref --metric revenue
cli_analyze	$scratch	$ec analyze $ref
cli_chart_png	$scratch	$ec chart --type revenue -o $scratch/r.png $ref
cli_chart_svg	$scratch	$ec chart --type margin -o $scratch/m.svg $ref
cli_chart_pdf	$scratch	$ec chart --type panel -o $scratch/p.pdf $ref
cli_batch	$scratch	$ec batch -j2 -o $scratch/batch $scratch/manifest.csv
EOJ
printf 'output,type,series\nr.png,revenue,%s\ng.svg,guidance,%s\ne.pdf,eps,%s\nm.png,margin,%s\n' \
  "$ref" "$ref" "$ref" "$ref" > "$scratch/manifest.csv"

# Runs one job line; prints PASS/FAIL.
# Only memcheck's verdict counts here (exit 99 or a non-empty log): a test
# that fails for another reason under valgrind (a wall-clock check run 50
# times slower) is shown as NOTE; ctest checks behaviour, this checks memory.
cat > "$build/vg-one" <<'EOV'
#!/bin/sh
name=$(printf '%s' "$1" | cut -f1)
dir=$(printf '%s' "$1" | cut -f2)
cmd=$(printf '%s' "$1" | cut -f3-)
out=$(cd "$dir" && eval "$cmd" 2>&1 < /dev/null)
rc=$?
if [ $rc = 99 ]; then
  echo "FAIL $name (memcheck error)"
  printf '%s\n' "$out" | grep -E 'FAIL|==[0-9]+==' | head -n 20 | sed 's/^/    /'
  exit 1
elif [ $rc != 0 ]; then
  echo "NOTE $name: exit $rc under valgrind (no memcheck error)"
  printf '%s\n' "$out" | grep -E '^FAIL' | head -n 5 | sed 's/^/    /'
  exit 0
fi
echo "PASS $name"
EOV
chmod +x "$build/vg-one"
tr '\n' '\0' < "$jobsfile" | xargs -0 -n1 -P"$jobs" "$build/vg-one" > "$build/vg-results" 2>&1
cat "$build/vg-results"
nfail=$(grep -c '^FAIL' "$build/vg-results")
# Every memcheck report, whatever the exit status.
reports=$(find "$logs" -name '*.log' -size +0 | wc -l)
if [ "$nfail" != 0 ] || [ "$reports" != 0 ]; then
  echo "valgrind.sh: $nfail failing run(s), $reports memcheck report(s) in $logs" >&2
  for f in $(find "$logs" -name '*.log' -size +0 | head -n 5); do
    echo "== $f" >&2; head -n 40 "$f" >&2
  done
  exit 1
fi
echo "valgrind.sh: $(grep -c '^PASS\|^NOTE' "$build/vg-results") runs, zero memcheck errors, zero definite leaks"
