# Schema 019 on a database made before it: evidence, whose CHECK on source
# was an IN list, is copied into the same table with the CHECK written as
# three comparisons. Every row stays; the same values are accepted and
# refused; a later night analyses and reports as on a database that never
# had the old table; and the analysis's INSERT no longer builds a temporary
# b-tree per row.
. tests/e2e/lib.sh
D="$FIX/demo"
DB="$T/old.db"

# A schema-018 database: night 1 analysed, then evidence put back as schema
# 002 made it, from its own CREATE TABLE (019 changes nothing else).
gv run --db "$DB" --out "$T/rep1" "$D"/night1/*.gz
expect_eq "$rc" 0 "night 1"
old_table "$DB" evidence 002_analyze.sql 18
# in_list: 1 while evidence's CHECK is still the IN list, else 0
in_list() { q "$DB" "select count(*) from sqlite_schema where name = 'evidence' and sql like '%source IN (%'"; }
expect_eq "$(in_list)" 1 "before: the IN list"
rows() { q "$1" "select listing_id, signal, source, source_id, excerpt, weight from evidence order by 1, 2, 3, 4"; }
before=$(rows "$DB")
[ -n "$before" ] || fail "night 1 stored no evidence"

# Any write migrates; an ingest of nothing but a header changes no evidence.
head -n 1 "$FIX/ingest/listings_night1.csv" >"$T/header.csv"
gv ingest --db "$DB" "$T/header.csv"
expect_eq "$rc" 0 "migration"
expect_eq "$(q "$DB" "PRAGMA user_version")" "$(ls "$ROOT"/schemas/0*.sql | wc -l)" "migrated"
expect_eq "$(in_list)" 0 "after: no IN list"
expect_eq "$(q "$DB" "select wr from pragma_table_list('evidence')")" 1 "still WITHOUT ROWID"
expect_eq "$(q "$DB" "select group_concat(name, ',') from pragma_index_info('sqlite_autoindex_evidence_1')")" \
	"listing_id,signal,source,source_id" "same key"
expect_eq "$(rows "$DB")" "$before" "every row kept"
expect_eq "$(q "$DB" "PRAGMA integrity_check")" ok "integrity"

# The same values accepted and refused as before.
for s in listing review qa; do
	q "$DB" "BEGIN; INSERT INTO evidence VALUES ('x', 'sig', '$s', 'y', NULL, 1); ROLLBACK" ||
		fail "source '$s' refused"
done
for s in QA reviews '' other; do
	if q "$DB" "INSERT INTO evidence VALUES ('x', 'sig', '$s', 'y', NULL, 1)" 2>"$T/check"; then
		fail "source '$s' accepted"
	fi
	grep -q 'CHECK constraint failed' "$T/check" || fail "source '$s': $(cat "$T/check")"
done

# No temporary b-tree in the analysis's INSERT any more (EXPLAIN).
expect_eq "$(q "$DB" "EXPLAIN INSERT OR IGNORE INTO evidence(listing_id, signal, source, source_id, excerpt, weight)
	VALUES (?1, ?2, ?3, ?4, ?5, ?6)" | grep -c OpenEphemeral || true)" 0 "no OpenEphemeral"

# Night 2 on it gives what a database that never had the old table gives.
gv run --db "$DB" --out "$T/old2" "$D"/night2/*.gz
expect_eq "$rc" 0 "night 2 after the migration"
gv run --db "$T/new.db" --out "$T/new1" "$D"/night1/*.gz
expect_eq "$rc" 0 "night 1 into a new database"
gv run --db "$T/new.db" --out "$T/new2" "$D"/night2/*.gz
expect_eq "$rc" 0 "night 2 into a new database"
expect_eq "$(rows "$DB")" "$(rows "$T/new.db")" "same evidence as a new database"
for f in listings.csv evidence.csv sellers.csv markets.csv; do
	cmp -s "$T/old2/$f" "$T/new2/$f" || fail "$f differs from a new database's"
done
