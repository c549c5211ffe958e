# Ingest acceptance: both sample nights load with zero rejects; night 1, then
# night 2, then night 2 again leaves the same rows as one run over all six
# files. Uses the copy bundled under fixtures/demo (the same bytes as
# ../shared/samples), falling back to ../shared/samples.
. tests/e2e/lib.sh
S="$FIX/demo"
[ -d "$S/night1" ] || S="$ROOT/../shared/samples"
if [ ! -d "$S/night1" ] || [ ! -d "$S/night2" ]; then
	echo "skip: no sample dumps under fixtures/demo or ../shared/samples"
	exit 0
fi
N1="$S/night1/listings.csv.gz $S/night1/qa.csv.gz $S/night1/reviews.csv.gz"
N2="$S/night2/listings.csv.gz $S/night2/qa.csv.gz $S/night2/reviews.csv.gz"

# shellcheck disable=SC2086
gv ingest --db "$T/nightly.db" $N1; expect_eq "$rc" 0 "night 1"
expect_log "rejected=0 seconds"
# shellcheck disable=SC2086
gv ingest --db "$T/nightly.db" $N2; expect_eq "$rc" 0 "night 2"
expect_log "ingest: files=3 ok=3 skipped=0 refused=0 .* rejected=0 "
# shellcheck disable=SC2086
gv ingest --db "$T/nightly.db" $N2; expect_eq "$rc" 0 "night 2 again"
expect_log "ingest: files=3 ok=0 skipped=3 refused=0"
# shellcheck disable=SC2086
gv ingest --db "$T/once.db" $N1 $N2; expect_eq "$rc" 0 "all six at once"
expect_log "ingest: files=6 ok=6 skipped=0 refused=0 .* rejected=0 "
expect_eq "$(q "$T/nightly.db" 'select count(*) from rejects')" 0 "no rejects"
[ "$(q "$T/once.db" 'select count(*) from reviews')" -gt 1000 ] || fail "reviews loaded"
[ "$(q "$T/once.db" 'select count(*) from listings')" -gt 100 ] || fail "listings loaded"
[ "$(q "$T/once.db" 'select count(*) from listings where scrapes > 1')" -gt 0 ] || fail "some listings scraped twice"

# Every data table, sorted, with file ids shown as the file's path (they are
# provenance, numbered by arrival) and row numbers left out.
src='(select path from ingest_files f where f.file_id = t.file_id)'
tables() {
	q "$1" "
select 'listings', listing_id, seller_id, seller_name, title, price, currency, market, scraped_at,
       url, specs, description, $src, first_seen, scrapes from listings t order by 2;
select 'listing_scrapes', listing_id, scraped_at, seller_id, seller_name, title, price, currency,
       market, url, specs, description, $src from listing_scrapes t order by 2, 3;
select 'reviews', review_id, listing_id, rating, country, created_at, text, $src from reviews t order by 2;
select 'qa', qa_id, listing_id, asked_at, question, answer, answered_at, $src from qa t order by 2;
select 'dirty', listing_id from dirty_listings order by 2;
select 'rejects', count(*) from rejects;
select 'reviews_fts', count(*) from reviews_fts where reviews_fts match 'global';
select 'qa_fts', count(*) from qa_fts where qa_fts match 'global OR china';"
}
tables "$T/nightly.db" > "$T/nightly.txt"
tables "$T/once.db" > "$T/once.txt"
cmp -s "$T/nightly.txt" "$T/once.txt" || {
	diff "$T/once.txt" "$T/nightly.txt" | head -20 >&2
	fail "nightly runs and one run differ"
}
[ "$(wc -l < "$T/once.txt")" -gt 4000 ] || fail "the comparison saw the rows"
for db in nightly once; do
	q "$T/$db.db" "insert into qa_fts(qa_fts) values('integrity-check');
		insert into reviews_fts(reviews_fts) values('integrity-check')" || fail "$db: fts integrity"
done
echo ok
