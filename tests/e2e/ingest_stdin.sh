# Ingest and run with FILE '-': one dump from standard input, plain or gzip
# (through a pipe, so it cannot be read twice), fingerprinted like the same
# bytes in a file, logged and recorded as '-', no temporary file left behind.
. tests/e2e/lib.sh
F="$FIX/ingest"
N="$FIX/demo/night1"
DB="$T/db/g.db"
mkdir -p "$T/db" "$T/tmp"
export TMPDIR="$T/tmp"

# Plain CSV redirected from a file, gzip CSV through a pipe.
gv ingest --db "$DB" - < "$F/listings_basic.csv"
expect_eq "$rc" 0 "plain CSV on stdin"
expect_log "ingest '-': kind=listings rows=3 stored=3 duplicates=0 rejected=0 seconds="
set +e; gzip -c "$F/reviews_bom_crlf.csv" | "$GVAUDIT" ingest --db "$DB" - 2>"$T/err"; rc=$?; set -e
expect_eq "$rc" 0 "gzip CSV through a pipe"
expect_log "ingest '-': kind=reviews rows=3 stored=3 duplicates=0 rejected=0"
expect_eq "$(q "$DB" "select path || ' ' || kind || ' ' || compressed || ' ' || bytes || ' ' || status from ingest_files order by file_id")" \
	"- listings 0 $(wc -c < "$F/listings_basic.csv") ok
- reviews 1 $(gzip -c "$F/reviews_bom_crlf.csv" | wc -c) ok" "ingest_files rows"
expect_eq "$(q "$DB" "select count(*) from listings")" 3 "listings stored"
expect_eq "$(q "$DB" "select hex(text) from reviews where review_id = 'r1'")" \
	"$(printf 'Only 3G in my town,\r\nno B28. Not the global version.' | od -An -tx1 | tr -d ' \n' | tr a-f A-F)" \
	"gzip on stdin: the bytes as in the file"

# The fingerprint is the content's: the same bytes by name, or on stdin
# again, are skipped as already ingested.
gv ingest --db "$T/other.db" "$F/listings_basic.csv"
expect_eq "$(q "$DB" "select fingerprint from ingest_files where file_id = 1")" \
	"$(q "$T/other.db" "select fingerprint from ingest_files")" "same fingerprint as the file"
gv ingest --db "$DB" "$F/listings_basic.csv"
expect_eq "$rc" 0 "file after stdin"
expect_log "ingest '.*listings_basic.csv': skipped: already ingested as file 1"
cat "$F/listings_basic.csv" | { set +e; "$GVAUDIT" ingest --db "$DB" - 2>"$T/err"; echo $? > "$T/rc"; }
expect_eq "$(cat "$T/rc")" 0 "stdin again"
expect_log "ingest '-': skipped: already ingested as file 1"

# Refused on stdin: a truncated gzip, an empty input. The reason is logged
# under '-' and recorded; nothing of the dump is kept.
gv ingest --db "$DB" - < "$F/reviews_truncated.csv.gz"
expect_eq "$rc" 1 "truncated gzip on stdin"
expect_log "ingest '-': refused: truncated gzip"
gv ingest --db "$DB" - < /dev/null
expect_eq "$rc" 1 "empty stdin"
expect_log "ingest '-': refused: empty file"
expect_eq "$(q "$DB" "select count(*) from ingest_files where path = '-' and status = 'refused'")" 2 "refusals recorded"
expect_eq "$(q "$DB" "select count(*) from reviews")" 3 "nothing of the refused dumps"

# Usage: '-' once only.
gv ingest --db "$DB" - - < "$F/listings_basic.csv"
expect_eq "$rc" 2 "'-' twice"
expect_log "'-' \(standard input\) given 2 times; try --help"

# run: files and '-' together give what the files alone give.
gv run --db "$T/a.db" --out "$T/a" "$N/listings.csv.gz" "$N/reviews.csv.gz" "$N/qa.csv.gz"
expect_eq "$rc" 0 "run on files"
set +e
gzip -dc "$N/qa.csv.gz" | "$GVAUDIT" run --db "$T/b.db" --out "$T/b" "$N/listings.csv.gz" - \
	"$N/reviews.csv.gz" 2>"$T/err"
rc=$?
set -e
expect_eq "$rc" 0 "run with '-'"
expect_log "ingest '-': kind=qa rows=303 stored=303"
for f in listings sellers evidence markets; do
	cmp "$T/a/$f.csv" "$T/b/$f.csv" || fail "$f.csv differs with the Q&A dump on stdin"
done
grep -q '<code>-</code>' "$T/b/report.html" || fail "report.html lists the stdin input as '-'"

# While standard input is still open the copy exists next to the database,
# already unlinked (so a killed run leaves nothing behind).
mkfifo "$T/fifo"
"$GVAUDIT" ingest --db "$DB" - < "$T/fifo" 2>"$T/err" &
pid=$!
exec 3>"$T/fifo"
cat "$F/qa_cr.csv" >&3
seen=""
for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
	if ls -l "/proc/$pid/fd" 2>/dev/null | grep -q "$T/db/\.gvaudit-stdin\..* (deleted)"; then
		seen=yes
		break
	fi
	sleep 0.1
done
exec 3>&-
set +e; wait "$pid"; rc=$?; set -e
expect_eq "$rc" 0 "ingest from a fifo"
expect_eq "$seen" yes "an unlinked copy next to the database while reading"

# No temporary copy is left, next to the database or in $TMPDIR.
expect_eq "$(ls -A "$T/db" "$T/tmp" | grep -c gvaudit-stdin || true)" 0 "no spool file left"
echo "ingest_stdin: ok"
