# report: evidence.csv written on its own thread (with its own read-only
# connection) or on the caller's (GVAUDIT_REPORT_THREADS=1) gives the same
# files, byte for byte; report.html differs only in its nonce and times.
. tests/e2e/lib.sh
D="$FIX/demo"
gv run -q --no-fts --db "$T/g.db" --out "$T/r2" "$D"/night1/*.csv.gz; expect_eq "$rc" 0 "night 1"
gv run -q --no-fts --db "$T/g.db" --out "$T/r2" "$D"/night2/*.csv.gz; expect_eq "$rc" 0 "night 2"
set +e
GVAUDIT_REPORT_THREADS=1 "$GVAUDIT" report -q --db "$T/g.db" --out "$T/r1" 2>"$T/err"
rc=$?
set -e
expect_eq "$rc" 0 "report on one thread"
gv report -q --db "$T/g.db" --out "$T/r2"; expect_eq "$rc" 0 "report on two threads"
for f in listings evidence sellers markets; do
	cmp -s "$T/r1/$f.csv" "$T/r2/$f.csv" || fail "$f.csv differs between one thread and two"
done
[ "$(wc -l <"$T/r2/evidence.csv")" -gt 1000 ] || fail "evidence.csv has its rows"
strip() { sed -e 's/nonce[-="]*[0-9a-f]*/nonce/g' -e 's/[0-9T:-]*Z//g' -e 's/Run [0-9]*/Run/' "$1"; }
strip "$T/r1/report.html" >"$T/h1"
strip "$T/r2/report.html" >"$T/h2"
cmp -s "$T/h1" "$T/h2" || { diff "$T/h1" "$T/h2" | head >&2; fail "report.html differs beyond nonce and times"; }
