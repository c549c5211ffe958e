# Ingest across nights: listing history, latest scrape current whatever the
# order, reviews before their listing, a Q&A reply arriving later, the
# full-text index kept in step (and rebuilt after --no-fts).
. tests/e2e/lib.sh
F="$FIX/ingest"

# A title edited from "Global Version" to "Global ROM": both stay visible.
gv ingest --db "$T/a.db" "$F/listings_night1.csv"
expect_eq "$rc" 0 "night 1"
gv ingest --db "$T/a.db" "$F/listings_night2.csv"
expect_eq "$rc" 0 "night 2"
expect_log "ingest '.*listings_night2.csv': kind=listings rows=2 stored=1 duplicates=1 rejected=0"
expect_eq "$(q "$T/a.db" "select title || '|' || price || '|' || scraped_at || '|' || first_seen || '|' || scrapes from listings where listing_id = '5001'")" \
	"Redmi Note 13 Global ROM 8/256|189.0|2026-11-20T03:00:00Z|2026-11-19T03:00:00Z|2" "current row is the latest scrape"
expect_eq "$(q "$T/a.db" "select scraped_at || '|' || title from listing_scrapes where listing_id = '5001' order by scraped_at")" \
	"2026-11-19T03:00:00Z|Redmi Note 13 Global Version 8/256
2026-11-20T03:00:00Z|Redmi Note 13 Global ROM 8/256" "history keeps both titles"
expect_eq "$(q "$T/a.db" "select scrapes from listings where listing_id = '5002'")" 1 "same scrape twice counts once"

# The nights in the other order give the same listings and history.
gv ingest --db "$T/b.db" "$F/listings_night2.csv" "$F/listings_night1.csv.gz"
expect_eq "$rc" 0 "reverse order"
dump() { q "$1" "select listing_id, seller_id, title, price, scraped_at, first_seen, scrapes from listings order by 1; select listing_id, scraped_at, title, price from listing_scrapes order by 1, 2"; }
expect_eq "$(dump "$T/b.db")" "$(dump "$T/a.db")" "order of nights does not matter"

# Reviews before their listing; a reply that arrives with a later scrape.
DB="$T/c.db"
gv ingest --db "$DB" "$F/reviews_early.csv" "$F/qa_unanswered.csv"
expect_eq "$rc" 0 "reviews and Q&A first"
expect_eq "$(q "$DB" "select count(*) from reviews where listing_id = '6001'")" 1 "review kept without its listing"
expect_eq "$(q "$DB" "select listing_id from dirty_listings")" 6001 "queued for analysis"
q "$DB" "delete from dirty_listings"
gv ingest --db "$DB" "$F/listings_late.csv" "$F/qa_answered.csv"
expect_eq "$rc" 0 "listing and answers later"
expect_log "ingest '.*qa_answered.csv': kind=qa rows=2 stored=1 duplicates=1 rejected=0"
expect_eq "$(q "$DB" "select r.review_id || '|' || l.title from reviews r join listings l using (listing_id)")" \
	"e1|Xiaomi 14 Global Version" "review joins its late listing"
expect_eq "$(q "$DB" "select answer || '|' || answered_at from qa where qa_id = 'q30'")" \
	"Dear friend, it is China version with global firmware.|2026-11-03" "answer filled in"
expect_eq "$(q "$DB" "select answer from qa where qa_id = 'q31'")" "Yes, Global Version." "an answered question keeps its first reply"
expect_eq "$(q "$DB" "select listing_id from dirty_listings")" 6001 "queued again"

# Full-text search, diacritics folded ('versión' matches 'version').
expect_eq "$(q "$DB" "select r.review_id from reviews_fts f join reviews r on r.review_rowid = f.rowid where reviews_fts match 'version AND b28'")" e1 "reviews_fts"
expect_eq "$(q "$DB" "select q.qa_id from qa_fts f join qa q on q.qa_rowid = f.rowid where qa_fts match 'answer : firmware'")" q30 "qa_fts sees the filled-in answer"
expect_eq "$(q "$DB" "select count(*) from qa_fts where qa_fts match 'china'")" 1 "old index entry removed"
q "$DB" "insert into qa_fts(qa_fts) values('integrity-check'); insert into reviews_fts(reviews_fts) values('integrity-check')" \
	|| fail "fts integrity"

# --no-fts leaves the index stale; the next ingest rebuilds it.
DB="$T/d.db"
gv ingest --db "$DB" --no-fts "$F/qa_unanswered.csv" "$F/reviews_bom_crlf.csv"
expect_eq "$rc" 0 "--no-fts"
expect_eq "$(q "$DB" "select value from meta where key = 'fts_stale'")" 1 "marked stale"
expect_eq "$(q "$DB" "select count(*) from qa_fts where qa_fts match 'b20'")" 0 "not indexed yet"
gv ingest --db "$DB" "$F/qa_answered.csv"
expect_eq "$rc" 0 "ingest after --no-fts"
expect_eq "$(q "$DB" "select value from meta where key = 'fts_stale'")" 0 "no longer stale"
expect_eq "$(q "$DB" "select count(*) from qa_fts where qa_fts match 'b20'")" 1 "rebuilt"
expect_eq "$(q "$DB" "select count(*) from qa_fts where qa_fts match 'firmware'")" 1 "and in step"
expect_eq "$(q "$DB" "select count(*) from reviews_fts where reviews_fts match 'global'")" 1 "reviews rebuilt"
q "$DB" "insert into qa_fts(qa_fts) values('integrity-check'); insert into reviews_fts(reviews_fts) values('integrity-check')" \
	|| fail "fts integrity after rebuild"
echo ok
