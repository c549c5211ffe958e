# Ingest: bad rows go to rejects (file, physical line, reason, excerpt) and
# are counted; the rest of the file loads; the exit status stays 0.
. tests/e2e/lib.sh
F="$FIX/ingest"
DB="$T/g.db"

gv ingest --db "$DB" "$F/reviews_bad.csv" "$F/listings_bad.csv"
expect_eq "$rc" 0 "rejected rows do not change the status"
expect_log "ingest '.*reviews_bad.csv': kind=reviews rows=16 stored=4 duplicates=0 rejected=12"
expect_log "ingest '.*listings_bad.csv': kind=listings rows=9 stored=1 duplicates=0 rejected=8"
expect_log "ingest: files=2 ok=2 skipped=0 refused=0 rows_read=25 stored=5 duplicates=0 rejected=20"

# line|reason for each rejected row, in file order.
got=$(q "$DB" "select f.path like '%reviews_bad.csv', r.line, r.reason from rejects r join ingest_files f using (file_id) order by r.reject_id")
expect_eq "$got" "1|4|expected 6 fields, found 5
1|5|empty review_id
1|6|review_id 'b 4' contains whitespace or control characters
1|7|text is not valid UTF-8 (byte 10)
1|8|text is not valid UTF-8 (byte 10)
1|9|text contains a NUL byte
1|10|rating '6' is not an integer 1..5
1|11|rating '4.5' is not an integer 1..5
1|12|created_at '2026-02-30' is not a valid ISO 8601 date or date-time
1|13|created_at '2026-11-01T25:00:00Z' is not a valid ISO 8601 date or date-time
1|14|created_at '01/11/2026' is not a valid ISO 8601 date or date-time
1|15|malformed quoting (a quote inside an unquoted field, or text after a closing quote)
0|2|price '1,299.00' is not a number >= 0 with a dot decimal separator
0|3|price '-5' is not a number >= 0 with a dot decimal separator
0|4|price 'abc' is not a number >= 0 with a dot decimal separator
0|5|price '1e3' is not a number >= 0 with a dot decimal separator
0|6|empty title
0|7|empty scraped_at
0|8|scraped_at '2026-13-01' is not a valid ISO 8601 date or date-time
0|9|empty seller_id" "rejects: line and reason"

# Excerpts: the raw row, invalid bytes and NUL shown as \xNN.
expect_eq "$(q "$DB" "select excerpt from rejects where line = 7 and reason like 'text%'")" \
	'b5,1001,5,AU,2026-11-01,bad utf8 \xFF\xFE here' "excerpt with invalid bytes"
expect_eq "$(q "$DB" "select excerpt from rejects where reason like '%NUL%'")" \
	'b7,1001,5,AU,2026-11-01,nul \x00 byte' "excerpt with a NUL"
expect_eq "$(q "$DB" "select excerpt from rejects where line = 2")" \
	'4001,901,Phone A,"1,299.00",2026-11-20' "excerpt keeps the quoting"

# The good rows around them, including the one after a multi-line field.
expect_eq "$(q "$DB" "select group_concat(review_id, ' ') from (select review_id from reviews order by review_id)")" \
	"b1 b14 b15 b16" "good reviews stored"
expect_eq "$(q "$DB" "select created_at from reviews where review_id = 'b14'")" 2024-03-01T00:30:00Z \
	"Feb 29 of a leap year, offset west of UTC"
expect_eq "$(q "$DB" "select hex(text) from reviews where review_id = 'b15'")" \
	"$(printf 'control \001 kept' | od -An -tx1 | tr -d ' \n' | tr a-f A-F)" "control character kept"
expect_eq "$(q "$DB" "select scraped_at || ' ' || price from listings where listing_id = '4009'")" \
	"2026-11-20T04:45:30Z 0.5" "fractional seconds, +HHMM offset"
expect_eq "$(q "$DB" "select rows_read || ' ' || rows_stored || ' ' || rows_rejected from ingest_files where path like '%reviews_bad.csv'")" \
	"16 4 12" "counts recorded"

# A field over 1 MiB rejects its row, not the file.
{
	printf 'review_id,listing_id,rating,country,created_at,text\n'
	printf 'long1,1001,5,AU,2026-11-01,"'
	head -c 1100000 /dev/zero | tr '\0' 'x'
	printf '"\nlong2,1001,5,AU,2026-11-01,short\n'
} > "$T/long.csv"
gv ingest --db "$DB" "$T/long.csv"
expect_eq "$rc" 0 "long field status"
expect_log "ingest '.*long.csv': kind=reviews rows=2 stored=1 duplicates=0 rejected=1"
expect_eq "$(q "$DB" "select line || '|' || reason || '|' || length(excerpt) from rejects where reason like '%MiB%'")" \
	"2|field 6 over 1 MiB|200" "field over 1 MiB"
expect_eq "$(q "$DB" "select count(*) from reviews where review_id = 'long2'")" 1 "row after the long field"
echo ok
