# Broken and hostile input: every case of fixtures/bad/expected.csv is
# ingested, one invocation per file, into a database pre-loaded with good
# data. Columns of expected.csv (RFC 4180; read through sqlite3 .import):
#   file     fixtures/bad/<file>, or gen:<name> for a case generated here
#   status   the file's ingest_files.status (ok | refused)
#   exit     exit status of `gvaudit ingest`
#   log      ERE that stderr must match (each line must also name the file)
#   listings, reviews, qa   rows the file adds to each table
#   rejects  rows it adds to rejects (each logged with file, line, reason)
#   reason   ERE every one of its reject reasons matches (LF shown as \n)
# After each case nothing stored before may be lost or changed. Then analyze
# and report run on the result: the payloads (HTML, <script>, =cmd|..., +, -,
# @, '); DROP TABLE ...) must come out neutralised in every CSV cell,
# escaped in report.html, and stored verbatim with the tables intact.
. tests/e2e/lib.sh
DB="$T/g.db"
SNAP="$T/base.db"
BAD="$FIX/bad"
OUT="$T/reports"

# Good data first; a snapshot of it to compare against after every case.
gv ingest --db "$DB" "$FIX/ingest/listings_basic.csv" "$FIX/ingest/reviews_early.csv" \
	"$FIX/ingest/qa_answered.csv"
expect_eq "$rc" 0 "base load"
gv analyze --db "$DB"
expect_eq "$rc" 0 "base analyze"
sqlite3 "$DB" ".backup '$SNAP'"
TABLES="listings listing_scrapes reviews qa ingest_files rejects verdicts"
for t in $TABLES; do
	[ -n "$(q "$SNAP" "select name from sqlite_master where type = 'table' and name = '$t'")" ] ||
		TABLES=$(echo "$TABLES" | sed "s/ *$t//")
done

base_intact() { # $1 = case name
	for t in $TABLES; do
		cols='*'
		# a re-analysis may restamp a verdict (run_id, analyzed_at), not change it
		[ "$t" = verdicts ] && cols='listing_id, seller_id, claim, hardware, verdict, score, missing_bands, signals'
		n=$(q "$DB" "attach '$SNAP' as snap; select count(*) from (select $cols from snap.$t except select $cols from main.$t)")
		expect_eq "$n" 0 "$1: rows of $t stored before are lost or changed"
	done
	expect_eq "$(q "$DB" 'pragma integrity_check')" ok "$1: integrity"
}

count() { q "$DB" "select count(*) from $1"; }

gen_case() { # $1 = name, writes $T/$1
	case "$1" in
	field_10mb.csv)
		{
			printf 'review_id,listing_id,rating,country,created_at,text\n'
			printf 'big1,8101,5,AU,2026-11-02,"'
			head -c 10485760 /dev/zero | tr '\0' 'a'
			printf '"\nbig2,8101,5,AU,2026-11-02,the row after the 10 MB field\n'
		} >"$T/$1"
		;;
	*) fail "no generator for $1" ;;
	esac
}

# The table, one case per line, fields separated by 0x1F.
US=$(printf '\037')
sqlite3 -batch "$T/expected.db" ".import --csv '$BAD/expected.csv' expected"
sqlite3 -batch -noheader -separator "$US" "$T/expected.db" \
	"select file, status, exit, log, listings, reviews, qa, rejects, reason from expected" >"$T/cases"
ncases=$(wc -l <"$T/cases")
[ "$ncases" -ge 25 ] || fail "expected.csv: only $ncases cases"
for f in "$BAD"/*; do # every fixture is in the table
	b=$(basename "$f")
	[ "$b" = expected.csv ] && continue
	grep -q "^$b$US" "$T/cases" || fail "fixtures/bad/$b has no line in expected.csv"
done

while IFS="$US" read -r file status ex logre nl nr nq nrej reason; do
	case "$file" in
	gen:*) name=${file#gen:}; gen_case "$name"; path="$T/$name" ;;
	*) name=$file; path="$BAD/$file" ;;
	esac
	l0=$(count listings); r0=$(count reviews); q0=$(count qa); j0=$(count rejects)
	gv ingest --db "$DB" "$path"
	expect_eq "$rc" "$ex" "$name: exit status"
	expect_log "$logre"
	# every line of the log is about this file or the run's total: a
	# scraped line break cannot forge another
	bad=$(grep -v -e "^gvaudit: \(warning: \|error: \)\?ingest '$path'" -e '^gvaudit: ingest: files=1 ' -e '^gvaudit: ingest: fts index seconds=' "$T/err" || true)
	[ -z "$bad" ] || fail "$name: unexpected log lines: $bad"
	fid=$(q "$DB" "select max(file_id) from ingest_files")
	expect_eq "$(q "$DB" "select status from ingest_files where file_id = $fid")" "$status" "$name: status"
	expect_eq "$(($(count listings) - l0))" "$nl" "$name: listings stored"
	expect_eq "$(($(count reviews) - r0))" "$nr" "$name: reviews stored"
	expect_eq "$(($(count qa) - q0))" "$nq" "$name: q&a stored"
	expect_eq "$(($(count rejects) - j0))" "$nrej" "$name: rejects"
	expect_eq "$(q "$DB" "select count(*) from rejects where file_id = $fid")" "$nrej" "$name: rejects of the file"
	if [ "$status" = refused ]; then
		# the reason is recorded with the file as well as logged
		[ -n "$(q "$DB" "select reason from ingest_files where file_id = $fid")" ] ||
			fail "$name: refused without a recorded reason"
	fi
	q "$DB" "select line, replace(replace(reason, char(10), '\\n'), char(13), '\\r') from rejects where file_id = $fid order by reject_id" |
	while IFS='|' read -r line why; do
		printf '%s\n' "$why" | grep -Eq -- "$reason" || fail "$name: line $line: reason '$why' does not match /$reason/"
		[ "$line" -gt 1 ] || fail "$name: reject on line $line"
	done
	# the first ten rejects are logged with file and line
	for line in $(q "$DB" "select line from rejects where file_id = $fid order by reject_id limit 10"); do
		grep -q "ingest '$path': line $line: row rejected: " "$T/err" ||
			fail "$name: reject of line $line not logged"
	done
	base_intact "$name"
	echo "case $name: ok"
done <"$T/cases"

# The 10 MB field took its row only; the row after it loaded.
expect_eq "$(q "$DB" "select count(*) from reviews where review_id = 'big2'")" 1 "row after the 10 MB field"
expect_eq "$(q "$DB" "select length(excerpt) <= 200 from rejects where reason like '%over 1 MiB%'")" 1 "10 MB excerpt kept short"
# No data row of a refused file was stored (uq1 is a good row before the
# unterminated quote).
expect_eq "$(q "$DB" "select count(*) from reviews where review_id in ('uq1', 'gz1', 'gz2', 'h1')")" 0 "rows of refused files"
# The same bad file again is refused again, not skipped as "already ingested".
gv ingest --db "$DB" "$BAD/truncated.csv.gz"
expect_eq "$rc" 1 "refused file offered again"

# A database holding no rows at all still analyses and reports (empty
# arrays once met qsort(NULL, 0) in report/marketsum.c under UBSan).
gv run --db "$T/empty.db" --out "$T/empty-reports" "$BAD/header_only_listings.csv" "$BAD/header_only_qa_crlf.csv"
expect_eq "$rc" 0 "run on header-only files"
for f in listings sellers evidence; do
	expect_eq "$(wc -l <"$T/empty-reports/$f.csv")" 1 "empty $f.csv: header only"
done

# --- payloads through analyze and report --------------------------------
gv analyze --db "$DB"
expect_eq "$rc" 0 "analyze on the hostile database"
gv report --db "$DB" --out "$OUT"; cat "$T/err" >&2
expect_eq "$rc" 0 "report on the hostile database"

SQLP="'); DROP TABLE listings;--"
SQLQ=$(printf '%s' "$SQLP" | sed "s/'/''/g")
expect_eq "$(q "$DB" "select count(*) from listings where seller_name = '$SQLQ' and market = '$SQLQ' and url = '$SQLQ' and description = '$SQLQ' and currency = '$SQLQ'")" 1 "SQL payload stored verbatim"
expect_eq "$(q "$DB" "select count(*) from reviews where country = '$SQLQ'")" 1 "SQL payload in reviews"
expect_eq "$(q "$DB" "select count(*) from qa where question like '$SQLQ%' and answer like '$SQLQ%'")" 1 "SQL payload in q&a"
expect_eq "$(count listings)" "$(( $(q "$SNAP" 'select count(*) from listings') + 8 ))" "listings table intact"
expect_eq "$(q "$DB" "select count(*) from sqlite_master where name in ('listings', 'reviews', 'qa', 'rejects')")" 4 "tables intact"
expect_eq "$(q "$DB" 'pragma integrity_check')" ok "integrity after analysis"
base_intact "after analyze"

# Every cell of every CSV: a spreadsheet must not see a formula. Cells
# starting with - are allowed only when they are numbers the tool wrote.
for f in "$OUT"/*.csv; do
	b=$(basename "$f" .csv)
	rm -f "$T/csv.db"
	sqlite3 -batch "$T/csv.db" ".import --csv '$f' t" || fail "$b.csv does not parse as CSV"
	cols=$(q "$T/csv.db" "select name from pragma_table_info('t')")
	[ -n "$cols" ] || fail "$b.csv: no columns"
	for c in $cols; do
		n=$(q "$T/csv.db" "select count(*) from t where \"$c\" glob '[=+@]*' or \"$c\" glob '[	]*' or \"$c\" glob '[$(printf '\r')]*' or (\"$c\" glob '-*' and not \"$c\" glob '-[0-9]*' ) or (\"$c\" glob '-[0-9]*' and \"$c\" glob '*[^0-9.]*' and substr(\"$c\", 2) glob '*[^0-9.]*')")
		expect_eq "$n" 0 "$b.csv column $c: cells a spreadsheet would run as a formula"
	done
done
L="$OUT/listings.csv"
for p in "'=cmd|' /C calc'!A0 Redmi" "'+cmd|' /C calc'!A0 Redmi" "'-2+3+cmd|' /C calc'!A0 Redmi" \
	"'@SUM(1+1)*cmd|' /C calc'!A0 Redmi" "'=cmd|'/Ccalc'!A0L3" "'@SUM(A1)S6"; do
	grep -qF -- "$p" "$L" || fail "listings.csv lacks the neutralised payload $p"
done
grep -qF -- "'=cmd|'/Ccalc'!A0S3" "$OUT/sellers.csv" || fail "sellers.csv: seller id not neutralised"
grep -qF -- "'@SUM(1+1)*cmd|' /C calc'!A0" "$OUT/sellers.csv" || fail "sellers.csv: seller name not neutralised"
grep -qF -- "\"'=cmd|' /C calc'!A0 Dear friend" "$OUT/evidence.csv" || fail "evidence.csv: excerpt not neutralised"
grep -qF -- "$SQLP Redmi Note 12" "$L" || fail "listings.csv: SQL payload not verbatim"

# report.html: no payload markup survives; the escaped text is there.
H="$OUT/report.html"
for p in '<script>alert(' '<img src=x' '<b>bold</b>' '<b>x</b>' 'onerror=alert(1)>'; do
	if grep -qF -- "$p" "$H"; then fail "report.html contains raw payload $p"; fi
done
grep -qF '&lt;script&gt;alert(' "$H" || fail "report.html lacks the escaped <script> payload"
grep -qF '&lt;b&gt;bold&lt;/b&gt;&lt;img src=x onerror=alert(1)&gt;' "$H" || fail "report.html lacks the escaped HTML payload"
grep -qF "=cmd|" "$H" || fail "report.html lacks the formula payload's seller"
# one inline script: the report's own sorter, none from the data
[ "$(grep -o '<script' "$H" | wc -l)" -le 1 ] || fail "report.html has more than one <script>"
echo ok
