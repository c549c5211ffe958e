# Schema 018 on a database made before it: listing_scrapes, a WITHOUT ROWID
# table keyed by (listing_id, scraped_at), is copied into a table of
# appended rows whose key is the unique index listing_scrapes_key. Every
# scrape stays; a later night's new scrape joins the history, the same scrape
# again is still a duplicate, and the current row is still the latest.
. tests/e2e/lib.sh
F="$FIX/ingest"
DB="$T/old.db"

# A schema-017 database: night 1 stored, then listing_scrapes put back as
# schema 001 made it, from its own CREATE TABLE (018 changes nothing else).
gv ingest --db "$DB" "$F/listings_night1.csv"
expect_eq "$rc" 0 "night 1"
old_table "$DB" listing_scrapes 001_ingest.sql 17
expect_eq "$(q "$DB" "select wr from pragma_table_list('listing_scrapes')")" 1 "before: keyed by the table"
history() { q "$1" "select listing_id, scraped_at, seller_id, title, price, file_id from listing_scrapes order by 1, 2;
select listing_id, title, price, scraped_at, first_seen, scrapes, file_id from listings order by 1"; }
before=$(history "$DB")

# Night 2 migrates, then stores a new scrape of 5001 and 5002's again.
gv ingest --db "$DB" "$F/listings_night2.csv"
expect_eq "$rc" 0 "night 2 after the migration"
expect_log "ingest '.*listings_night2.csv': kind=listings rows=2 stored=1 duplicates=1 rejected=0"
expect_eq "$(q "$DB" "PRAGMA user_version")" "$(ls "$ROOT"/schemas/0*.sql | wc -l)" "migrated"
expect_eq "$(q "$DB" "select wr from pragma_table_list('listing_scrapes')")" 0 "after: a table of appended rows"
expect_eq "$(q "$DB" "select group_concat(name || ':' || \"unique\", ' ') from
	(select * from pragma_index_list('listing_scrapes') order by name)")" \
	"listing_scrapes_key:1" "its key is a unique index"
expect_eq "$(q "$DB" "select group_concat(name, ',') from pragma_index_info('listing_scrapes_key')")" \
	"listing_id,scraped_at" "on listing and scrape time"
expect_eq "$(q "$DB" "select listing_id, scraped_at, seller_id, title, price, file_id from listing_scrapes
	where file_id = 1 order by 1, 2")" "$(echo "$before" | head -n 2)" "night 1's scrapes kept"
expect_eq "$(q "$DB" "select title || '|' || price || '|' || scraped_at || '|' || first_seen || '|' || scrapes from listings where listing_id = '5001'")" \
	"Redmi Note 13 Global ROM 8/256|189.0|2026-11-20T03:00:00Z|2026-11-19T03:00:00Z|2" "current row is the latest scrape"
expect_eq "$(q "$DB" "select scrapes from listings where listing_id = '5002'")" 1 "same scrape twice counts once"

# The same as a database that never had the old table.
gv ingest --db "$T/new.db" "$F/listings_night1.csv" "$F/listings_night2.csv"
expect_eq "$rc" 0 "both nights into a new database"
expect_eq "$(history "$DB")" "$(history "$T/new.db")" "same history and current rows as a new database"

# An older scrape arriving later joins the history without becoming current.
cat >"$T/late.csv" <<'EOF'
listing_id,seller_id,title,price,scraped_at
5001,950,Redmi Note 13 8/256,209.00,2026-11-18T03:00:00Z
EOF
gv ingest --db "$DB" "$T/late.csv"
expect_eq "$rc" 0 "an older scrape"
expect_eq "$(q "$DB" "select title || '|' || first_seen || '|' || scrapes from listings where listing_id = '5001'")" \
	"Redmi Note 13 Global ROM 8/256|2026-11-18T03:00:00Z|3" "latest stays current, first seen moves back"

gv analyze --db "$DB"
expect_eq "$rc" 0 "analyze after the migration"
gv report --db "$DB" --out "$T/rep"
expect_eq "$rc" 0 "report after the migration"
