#!/bin/sh
# bench_smoke.sh: the `make bench` harness on a tiny corpus (scale 0.001,
# a few thousand rows), so it cannot rot. No timing assertions: it checks
# that the generator and the harness run, that the table and the ratios are
# printed, and that no gvaudit run died of a signal.
set -u
cd "$(dirname "$0")/../.." || exit 1
GVAUDIT=${GVAUDIT:-build/gvaudit}
GENCORPUS=${GENCORPUS:-build/tools/gencorpus}
if [ ! -x "$GENCORPUS" ]; then
	make --no-print-directory "$GENCORPUS" >/dev/null || { echo "bench_smoke: cannot build $GENCORPUS"; exit 1; }
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/gvaudit-bench.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT

# BENCH_COLD's path, with a command that leaves the machine's page cache
# alone (the real one drops it, which needs root and slows the machine).
GVAUDIT=$GVAUDIT GENCORPUS=$GENCORPUS BENCH_OUT=$tmp BENCH_SCALES=0.001 \
	BENCH_COLD=1 BENCH_COLD_CMD=true tests/bench/run.sh >"$tmp/out.txt" 2>"$tmp/err.txt"
rc=$?
cat "$tmp/out.txt"
fail() { echo "bench_smoke: $*"; sed 's/^/  stderr: /' "$tmp/err.txt"; exit 1; }
[ "$rc" -eq 0 ] || fail "tests/bench/run.sh exited $rc"
for row in "night1 --no-fts" "night1 +fts" "fts index" "night2" "gzip -dc" "sqlite3 .import" \
	"sqlite fts5" "ratios (targets of issue 7):" "peak RSS MB"; do
	grep -q "^ *$row" "$tmp/out.txt" || fail "no '$row' line in the table"
done
grep -q "^night2 cold .* ok$" "$tmp/out.txt" || fail "BENCH_COLD=1: no night2 cold run in the table"
grep -q "^  second night cold / first night  *[0-9.][0-9.]*   no target   for information$" "$tmp/out.txt" ||
	fail "BENCH_COLD=1: no cold ratio"
[ ! -e "$tmp/run-s0.001/c.db" ] || fail "BENCH_COLD=1: the copy of the database was left behind"
# The FTS time is gvaudit's own figure ("ingest: fts index seconds="), not
# the difference of two noisy runs: the harness and the log line agree.
grep -q "^ *fts index.*from gvaudit's log line" "$tmp/out.txt" ||
	fail "the fts index row does not come from gvaudit's log line"
# Each run's ingest rate is its rows read over the ingest's own seconds
# (the "ingest: files=" line), not over the FTS part of it.
for case in "night1 +fts" night2; do
	line=$(grep -a "gvaudit: ingest: files=" "$tmp/run-s0.001/$case.log" | tail -n 1)
	want=$(echo "$line" | awk '{ for (i = 1; i <= NF; i++) { split($i, kv, "=");
		v[kv[1]] = kv[2] } if (v["seconds"] > 0) printf "%.0f", v["rows_read"] / v["seconds"]; else print "inf" }')
	got=$(grep "^$case  *[0-9]" "$tmp/out.txt" | sed "s/^$case *//" | awk '{ print $3 }')
	[ -n "$want" ] && [ "$got" = "$want" ] || fail "$case: ingest rows/s '$got', its log says '$want'"
done
# A gvaudit run killed by a signal (crash, sanitizer abort) is a failure;
# a stage not implemented yet is reported by the table, not failed here.
if grep -E '^night[12].* exit (1[3-9][0-9]|2[0-9][0-9]):' "$tmp/out.txt"; then
	fail "a gvaudit run died"
fi
# The corpus must parse as the dumps spec says (a header, rows).
for k in listings reviews qa; do
	n=$(gzip -dc "$tmp"/corpus/*/night1/$k.csv.gz | head -n 1 | tr ',' '\n' | wc -l)
	[ "$n" -ge 6 ] || fail "generated $k.csv.gz has no proper header"
done
# BENCH_REPEAT: each run in its own directory, then the ratios' medians;
# with a BENCH_COLD_CMD that fails, the cold row says why and the run goes on.
GVAUDIT=$GVAUDIT GENCORPUS=$GENCORPUS BENCH_OUT=$tmp BENCH_SCALES=0.001 BENCH_REPEAT=2 \
	BENCH_COLD=1 BENCH_COLD_CMD='echo cannot drop the cache >&2; exit 1' \
	tests/bench/run.sh >"$tmp/out.txt" 2>"$tmp/err.txt" || fail "BENCH_REPEAT=2: run.sh exited $?"
grep -q "^night2 cold .*n/a (BENCH_COLD_CMD failed: cannot drop the cache)" "$tmp/out.txt" ||
	fail "BENCH_COLD_CMD failing: no clear n/a in the table"
grep -q "^  second night cold / first night  *n/a   no target   n/a (a run failed or was not made" \
	"$tmp/run-s0.001-r1/summary.txt" || fail "BENCH_COLD_CMD failing: the cold ratio is not n/a"
for r in 1 2; do
	[ -s "$tmp/run-s0.001-r$r/summary.txt" ] || fail "BENCH_REPEAT=2: no summary of run $r"
done
grep -q "^ratios over 2 runs of each scale" "$tmp/out.txt" || fail "BENCH_REPEAT=2: no medians"
for row in "first night --no-fts / .import" "fts s/MB / sqlite rebuild s/MB" \
	"second night / first night (+fts)" "peak RSS MB (the largest)"; do
	grep -q "^  scale 0.001  $row .* of 2 " "$tmp/out.txt" || fail "BENCH_REPEAT=2: no median of '$row'"
done
BENCH_OUT=$tmp BENCH_REPEAT=0 tests/bench/run.sh >/dev/null 2>"$tmp/err.txt" &&
	fail "BENCH_REPEAT=0 was taken"
grep -q "BENCH_REPEAT must be a whole number" "$tmp/err.txt" || fail "BENCH_REPEAT=0: no clear message"
echo "bench_smoke: ok"
