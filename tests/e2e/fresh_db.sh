# A first load into a database that does not exist yet is built in a side
# file (DB.new) and renamed to DB at the end: afterwards no side file is
# left, the database is in WAL mode, and its tables and reports are those of
# the same nights run into a pre-created empty database (today's path). An
# empty DB file (what an analyst's sqlite3 shell leaves when it opens a path
# that does not exist yet) counts as no database; a stale side file from a
# killed run is removed.
. tests/e2e/lib.sh
N1="$FIX/demo/night1"

# Every table of database $1 with the processing times blanked, as SQL:
# run and file ids are the same on both paths, times are not.
dump() {
	cp "$1" "$T/dump.db"
	for t in $(q "$T/dump.db" "select name from sqlite_master where type = 'table' and sql not like '%virtual%'"); do
		for c in $(q "$T/dump.db" "select name from pragma_table_info('$t') where name in
		                           ('analyzed_at', 'computed_at', 'recorded_at', 'started_at', 'finished_at', 'seconds')"); do
			q "$T/dump.db" "update \"$t\" set \"$c\" = 0"
		done
	done
	q "$T/dump.db" .dump
	rm -f "$T/dump.db"
}
# no side file of database $1 is left, and it is a WAL database
expect_published() {
	left=$(ls -A "$(dirname "$1")" | grep -F "$(basename "$1").new" || true)
	expect_eq "$left" "" "side files left next to $1"
	expect_eq "$(q "$1" 'pragma journal_mode')" wal "journal mode of $1"
	expect_eq "$(q "$1" 'pragma integrity_check')" ok "integrity of $1"
}

# The first night into a new database, and into a pre-created empty one;
# then the second night into both: the same tables and reports.
sqlite3 "$T/pre.db" "pragma journal_mode = wal" >/dev/null
for night in 1 2; do
	for db in new pre; do
		gv run --db "$T/$db.db" --out "$T/$db-out$night" "$FIX/demo/night$night"/*.csv.gz
		expect_eq "$rc" 0 "night $night into $db.db"
	done
	expect_published "$T/new.db"
	dump "$T/pre.db" >"$T/pre.sql"
	dump "$T/new.db" >"$T/new.sql"
	cmp -s "$T/pre.sql" "$T/new.sql" || { diff "$T/pre.sql" "$T/new.sql" | head >&2; fail "night $night: tables differ"; }
	for f in listings sellers evidence markets; do
		cmp -s "$T/pre-out$night/$f.csv" "$T/new-out$night/$f.csv" || fail "night $night: $f.csv differs"
	done
done
expect_eq "$(q "$T/new.db" "select count(*) from verdicts")" 419 "verdicts after two nights"

# `ingest` alone, from standard input: renamed at the end of the ingest, the
# copy of standard input gone with it.
mkdir "$T/in"
gv ingest --db "$T/in/g.db" - <"$N1/listings.csv.gz"
expect_eq "$rc" 0 "ingest from stdin into a new database"
expect_published "$T/in/g.db"
expect_eq "$(ls -A "$T/in" | tr '\n' ' ')" "g.db g.db.lock " "files next to the database"
expect_eq "$(q "$T/in/g.db" "select path || ' ' || status from ingest_files")" "- ok" "stdin recorded"
expect_eq "$(q "$T/in/g.db" "select count(*) from runs where finished_at is not null")" 1 "run closed"

# An analyst's shell opened the path first and left an empty file: the new
# database replaces it. A side file and journal from a killed run go.
sqlite3 "$T/z.db" "select 1" >/dev/null 2>&1
[ -f "$T/z.db" ] && [ ! -s "$T/z.db" ] || fail "sqlite3 left no empty file"
echo junk >"$T/z.db.new"
echo junk >"$T/z.db.new-journal"
gv ingest --db "$T/z.db" "$N1/listings.csv.gz"
expect_eq "$rc" 0 "ingest over an empty file"
expect_published "$T/z.db"
expect_eq "$(q "$T/z.db" "select count(*) from listings")" 293 "listings in the renamed database"

# A side file left next to an existing database goes at the next writer.
echo junk >"$T/z.db.new"
gv analyze --db "$T/z.db"
expect_eq "$rc" 0 "analyze on the database"
[ ! -e "$T/z.db.new" ] || fail "stale side file kept by analyze"

# analyze alone on a new database: today's path (an empty WAL database).
gv analyze --db "$T/a.db"
expect_eq "$rc" 0 "analyze on a new database"
expect_published "$T/a.db"

echo ok
