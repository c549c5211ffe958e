# Ingest: files refused as a whole keep nothing but their ingest_files row;
# the other files still load; the exit status is 1.
. tests/e2e/lib.sh
F="$FIX/ingest"
DB="$T/g.db"

# A truncated gzip, a corrupt one (its CRC-32 overwritten), trailing garbage, an empty file.
gzip -c "$F/reviews_early.csv" > "$T/full.csv.gz"
size=$(wc -c < "$T/full.csv.gz")
head -c $((size - 6)) "$T/full.csv.gz" > "$T/truncated.csv.gz"
cp "$T/full.csv.gz" "$T/corrupt.csv.gz"
printf '\377\377\377\377' | dd of="$T/corrupt.csv.gz" bs=1 seek=$((size - 8)) conv=notrunc 2>/dev/null
cat "$T/full.csv.gz" > "$T/garbage.csv.gz"; printf 'garbage' >> "$T/garbage.csv.gz"
: > "$T/empty.csv"

gv ingest --db "$DB" "$F/listings_missing_title.csv" "$F/listings_basic.csv" \
	"$T/truncated.csv.gz" "$T/corrupt.csv.gz" "$T/garbage.csv.gz" "$T/empty.csv" \
	"$F/reviews_unterminated.csv" "$F/unknown_header.csv" "$F/reviews_dup_column.csv" \
	"$T/missing.csv" "$F/reviews_bom_crlf.csv" "$F/reviews_truncated.csv.gz"
expect_eq "$rc" 1 "exit status with refused files"
expect_log "ingest '.*reviews_truncated.csv.gz': refused: truncated gzip"
expect_log "ingest '.*listings_missing_title.csv': refused: missing required column 'title' \(listings dump\)"
expect_log "ingest '.*truncated.csv.gz': refused: truncated gzip"
expect_log "ingest '.*corrupt.csv.gz': refused: corrupt gzip"
expect_log "ingest '.*garbage.csv.gz': refused: trailing garbage after the gzip data"
expect_log "ingest '.*empty.csv': refused: empty file"
expect_log "ingest '.*reviews_unterminated.csv': refused: line 3: unterminated quoted field at end of file"
expect_log "ingest '.*unknown_header.csv': refused: unrecognised header"
expect_log "ingest '.*reviews_dup_column.csv': refused: column 'text' appears twice"
expect_log "ingest '.*missing.csv': refused: cannot open '.*missing.csv': No such file or directory"
expect_log "ingest: files=12 ok=2 skipped=0 refused=10"

# The good files loaded in full.
expect_eq "$(q "$DB" "select count(*) from listings")" 3 "listings from the good file"
expect_eq "$(q "$DB" "select count(*) from reviews")" 3 "reviews from the good file"
# Nothing of the refused files: the unterminated file's first row is not kept,
# the truncated gzip's review neither, and no rejects are listed for them.
expect_eq "$(q "$DB" "select count(*) from reviews where review_id in ('u1', 'e1')")" 0 "no rows of refused files"
expect_eq "$(q "$DB" "select count(*) from listing_scrapes where listing_id = '3001'")" 0 "missing column: nothing kept"
expect_eq "$(q "$DB" "select count(*) from rejects")" 0 "no rejects for refused files"
expect_eq "$(q "$DB" "select count(*) from ingest_files where status = 'refused'")" 10 "refused files recorded"
expect_eq "$(q "$DB" "select kind from ingest_files where path like '%listings_missing_title.csv'")" listings "kind of a file missing a column"
expect_eq "$(q "$DB" "select reason from ingest_files where path like '%reviews_unterminated.csv'")" \
	"line 3: unterminated quoted field at end of file" "reason recorded"
expect_eq "$(q "$DB" "select rows_read || ' ' || rows_stored from ingest_files where path like '%/truncated.csv.gz'")" "0 0" "refused file counts"
expect_eq "$(q "$DB" "select compressed from ingest_files where path like '%/truncated.csv.gz'")" 1 "compressed flag of a refused file"

# A refused file is not "already ingested": fixed, it loads.
gv ingest --db "$DB" "$T/full.csv.gz" "$F/reviews_unterminated.csv"
expect_eq "$rc" 1 "refused again"
expect_log "ingest '.*full.csv.gz': kind=reviews rows=1 stored=1"
expect_log "ingest '.*reviews_unterminated.csv': refused: line 3"

# A record that never ends (an unbalanced quote in a big file) stops at
# 16 MiB instead of eating memory.
{
	printf 'review_id,listing_id,rating,country,created_at,text\n'
	printf 'big1,1001,5,AU,2026-11-01,"unbalanced\n'
	head -c 20000000 /dev/zero | tr '\0' 'a'
	printf '\nbig2,1001,5,AU,2026-11-01,after\n'
} > "$T/huge.csv"
gv ingest --db "$DB" "$T/huge.csv"
expect_eq "$rc" 1 "record over 16 MiB"
expect_log "ingest '.*huge.csv': refused: line 2: record longer than 16 MiB"
echo ok
