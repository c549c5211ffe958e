# Ingest: quoting, BOM, CRLF and lone CR, aliases, shuffled and extra
# columns, header-only files, the same file twice.
. tests/e2e/lib.sh
F="$FIX/ingest"
DB="$T/g.db"

gv ingest --db "$DB" "$F/listings_basic.csv" "$F/reviews_bom_crlf.csv" "$F/qa_cr.csv" \
	"$F/reviews_aliases.csv" "$F/listings_aliases.csv" "$F/qa_aliases.csv" \
	"$F/reviews_header_only.csv"
expect_eq "$rc" 0 "exit status"
expect_log "ingest '.*listings_basic.csv': kind=listings rows=3 stored=3 duplicates=0 rejected=0 seconds="
expect_log "ingest '.*reviews_bom_crlf.csv': kind=reviews rows=3 stored=3 duplicates=0 rejected=0"
expect_log "ingest '.*qa_cr.csv': kind=qa rows=2 stored=2"
expect_log "ingest '.*reviews_header_only.csv': kind=reviews rows=0 stored=0 duplicates=0 rejected=0"
expect_log "ingest: files=7 ok=7 skipped=0 refused=0 rows_read=12 stored=12"
expect_eq "$(q "$DB" 'select count(*) from rejects')" 0 "no rejects"

# Quotes, commas and newlines inside quoted fields; Unicode and HTML kept.
expect_eq "$(q "$DB" "select title from listings where listing_id = '1001'")" \
	'Redmi Note 12 5G "Global Version" 8GB, 256GB' "doubled quotes and comma"
expect_eq "$(q "$DB" "select specs from listings where listing_id = '1001'")" \
	"Brand Name: Xiaomi
Model Number: 22111317G
Network Frequency: 4G: B1/3/5/7/8/20/28" "quoted newlines"
expect_eq "$(q "$DB" "select description from listings where listing_id = '1001'")" \
	'<p>Новый телефон 📱 全新</p>' "Cyrillic, emoji, CJK, HTML"
expect_eq "$(q "$DB" "select hex(description) from listings where listing_id = '1002'")" \
	"$(printf 'tab\there, bell\007 kept' | od -An -tx1 | tr -d ' \n' | tr a-f A-F)" \
	"stray control characters kept as is"
expect_eq "$(q "$DB" "select price from listings where listing_id = '1001'")" 219.99 "price"
# Empty means unknown: NULL, not ''.
expect_eq "$(q "$DB" "select count(*) from listings where listing_id = '1003' and seller_name is null and price is null and url is null")" 1 "empty fields are NULL"
# Dates normalised to UTC.
expect_eq "$(q "$DB" "select scraped_at from listings where listing_id = '1002'")" 2026-11-20 "date stays a date"
expect_eq "$(q "$DB" "select scraped_at from listings where listing_id = '1003'")" 2026-11-20T08:00:00Z "offset converted to UTC"
expect_eq "$(q "$DB" "select first_seen || ' ' || scrapes from listings where listing_id = '1001'")" "2026-11-20T03:12:09Z 1" "first_seen, scrapes"

# BOM and CRLF: the first column is found, CRLF inside a quoted field kept.
expect_eq "$(q "$DB" "select listing_id || ' ' || rating || ' ' || created_at from reviews where review_id = 'r1'")" "1001 2 2026-11-02" "BOM + quoted header"
expect_eq "$(q "$DB" "select hex(text) from reviews where review_id = 'r1'")" \
	"$(printf 'Only 3G in my town,\r\nno B28. Not the global version.' | od -An -tx1 | tr -d ' \n' | tr a-f A-F)" "CRLF inside quotes"
expect_eq "$(q "$DB" "select hex(text) from reviews where review_id = 'r2'")" "$(printf 'Great phone' | od -An -tx1 | tr -d ' \n' | tr a-f A-F)" "no CR left at line end"
expect_eq "$(q "$DB" "select count(*) from reviews where review_id = 'r3' and rating is null and text is null")" 1 "empty optional fields"

# Lone CR line ends; a CR inside quotes is data.
expect_eq "$(q "$DB" "select answer from qa where qa_id = 'q1'")" "Yes it is global." "lone CR: answer"
expect_eq "$(q "$DB" "select hex(question) from qa where qa_id = 'q1'")" "$(printf 'Is it the global version?\rReally?' | od -An -tx1 | tr -d ' \n' | tr a-f A-F)" "lone CR inside quotes"
expect_eq "$(q "$DB" "select count(*) from qa where qa_id = 'q2' and answer is null")" 1 "unanswered question"

# Aliases, shuffled and extra columns, header case and blanks.
expect_eq "$(q "$DB" "select listing_id || '|' || rating || '|' || country || '|' || text from reviews where review_id = 'r10'")" \
	"1002|1|FR|Pas de bande 20, que la 3G." "review aliases (product_id, content)"
expect_eq "$(q "$DB" "select seller_id || '|' || seller_name || '|' || market || '|' || price from listings where listing_id = '2001'")" \
	"777|Store Seven|DE|99.5" "listing aliases (item_id, storeId, store_name, ship_to)"
expect_eq "$(q "$DB" "select answer from qa where qa_id = 'q20'")" \
	"It is China version hardware with Global ROM." "seller_reply alias"

# Every changed listing is queued for analysis (reviews may precede listings).
expect_eq "$(q "$DB" "select group_concat(listing_id, ' ') from (select listing_id from dirty_listings order by 1)")" \
	"1001 1002 1003 2001" "dirty listings"

# The same file again (under another name too): skipped, nothing changes.
before=$(q "$DB" "select count(*) from reviews; select count(*) from listings; select count(*) from qa")
cp "$F/reviews_bom_crlf.csv" "$T/renamed.csv"
gv ingest --db "$DB" "$F/listings_basic.csv" "$T/renamed.csv"
expect_eq "$rc" 0 "second ingest status"
expect_log "ingest '.*listings_basic.csv': skipped: already ingested as file 1"
expect_log "ingest '.*renamed.csv': skipped: already ingested as file 2"
expect_log "ingest: files=2 ok=0 skipped=2 refused=0"
expect_eq "$(q "$DB" "select count(*) from reviews; select count(*) from listings; select count(*) from qa")" "$before" "rows unchanged"
expect_eq "$(q "$DB" "select kind from ingest_files where status = 'skipped' order by file_id")" "listings
reviews" "skipped files recorded with their kind"
expect_eq "$(q "$DB" "select fingerprint from ingest_files where file_id = 1")" \
	"$(q "$DB" "select fingerprint from ingest_files where path like '%listings_basic.csv' and status = 'skipped'")" "same fingerprint"

# Gzip input, detected by content whatever the name; several members.
gzip -c "$F/listings_night1.csv" > "$T/l1.dat"
gzip -c "$F/reviews_early.csv" > "$T/part1.gz"
printf 'e2,6001,5,AU,2026-11-02,second member\n' | gzip -c > "$T/part2.gz"
cat "$T/part1.gz" "$T/part2.gz" > "$T/multi.csv.gz"
gv ingest --db "$DB" "$T/l1.dat" "$T/multi.csv.gz"
expect_eq "$rc" 0 "gzip status"
expect_log "ingest '.*l1.dat': kind=listings rows=2 stored=2"
expect_log "ingest '.*multi.csv.gz': kind=reviews rows=2 stored=2"
expect_eq "$(q "$DB" "select compressed from ingest_files where path like '%l1.dat'")" 1 "compressed flag"
expect_eq "$(q "$DB" "select text from reviews where review_id = 'e2'")" "second member" "multi-member gzip"
echo ok
