# The command line: help, version, usage errors, the lock.
. tests/e2e/lib.sh

gv --version; expect_eq "$rc" 0 "--version status"
grep -q '^gvaudit [0-9]' "$T/out" || fail "--version prints the version"
gv --help; expect_eq "$rc" 0 "--help status"
for c in run ingest analyze report bands; do
	gv "$c" --help; expect_eq "$rc" 0 "$c --help status"
	grep -q "usage: gvaudit $c" "$T/out" || fail "$c --help prints its usage"
done
gv run --bogus; expect_eq "$rc" 2 "unknown option status"
expect_log "unknown option '--bogus'; try --help"
gv frobnicate; expect_eq "$rc" 2 "unknown command status"
gv ingest --db "$T/x.db"; expect_eq "$rc" 2 "ingest without files"
gv analyze --db "$T/x.db" stray; expect_eq "$rc" 2 "analyze with a stray argument"
gv ingest --out "$T/o" x.csv; expect_eq "$rc" 2 "option that does not apply"

# A second writer is refused at once by the lock, with its own status.
sqlite3 "$T/l.db" 'select 1' >/dev/null
( flock -x "$T/l.db.lock" sleep 3 ) &
sleep 0.5
gv analyze --db "$T/l.db"; expect_eq "$rc" 3 "locked database status"
expect_log "is in use: another gvaudit holds"
wait
