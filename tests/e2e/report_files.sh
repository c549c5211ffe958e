# gvaudit report: the four CSV files and report.html on a hand-made fixture
# (fixtures/report): columns, seller figures, formula neutralising, HTML
# escaping, determinism, atomic replacement, umask, history.
. tests/e2e/lib.sh

db="$T/r.db"
sh "$FIX/report/mkdb.sh" "$GVAUDIT" "$db"
out="$T/deep/reports"  # parents created on demand

(umask 027 && "$GVAUDIT" report -q --db "$db" --out "$out") || fail "report failed"
for f in listings.csv sellers.csv evidence.csv markets.csv report.html; do
	[ -s "$out/$f" ] || fail "$f missing"
done
[ "$(ls -A "$out" | grep -c '^\.')" = 0 ] || fail "temporary files left in $out"
expect_eq "$(stat -c %a "$out/sellers.csv")" 640 "file mode under umask 027"

# Header rows: the outputs.md columns first, in order.
hdr() { head -n 1 "$out/$1" | tr -d '\r' | cut -d, -f"$2"; }
expect_eq "$(hdr listings.csv 1-10)" \
	"listing_id,seller_id,title,market,claim,hardware,verdict,score,missing_bands,signals" \
	"listings.csv columns"
expect_eq "$(hdr sellers.csv 1-9)" \
	"seller_id,seller_name,listings,global_claims,mislabelled,suspect,mislabel_rate,ci_low,ci_high" \
	"sellers.csv columns"
expect_eq "$(hdr evidence.csv 1-5)" "listing_id,signal,source,source_id,excerpt" \
	"evidence.csv columns"
expect_eq "$(hdr markets.csv 1-6)" "market,listings,with_band_list,band,missing,share_missing" \
	"markets.csv columns"

# RFC 4180 rows end with CRLF.
for f in listings.csv sellers.csv evidence.csv markets.csv; do
	[ "$(grep -c "$(printf '\r')\$" "$out/$f")" = "$(wc -l < "$out/$f")" ] || fail "$f: not CRLF"
done

# The files read back as CSV, one row per listing / seller / evidence.
chk="$T/check.db"
for f in listings sellers evidence markets; do
	sqlite3 "$chk" ".import --csv $out/$f.csv r_$f"
done
expect_eq "$(q "$chk" 'select count(*) from r_listings')" 10 "listings.csv rows"
expect_eq "$(q "$chk" 'select count(*) from r_sellers')" 4 "sellers.csv rows"
expect_eq "$(q "$chk" 'select count(*) from r_evidence')" 14 "evidence.csv rows"

# Seller figures, ranking and status.
expect_eq "$(q "$chk" "select global_claims||' '||mislabelled||' '||suspect||' '||mislabel_rate||' '||ci_low||' '||ci_high||' '||status||' '||rank from r_sellers where seller_id='900000001'")" \
	"4 3 1 0.7500 0.3006 0.9544 ranked 1" "seller 900000001 figures"
expect_eq "$(q "$chk" "select status||'|'||rank||'|'||mislabel_rate from r_sellers where seller_id='900000003'")" \
	"insufficient data||1.0000" "one claim is insufficient data"
expect_eq "$(q "$chk" "select status||'|'||mislabel_rate||'|'||ci_low from r_sellers where seller_id='900000004'")" \
	"no claims||" "no claims, no rate"
expect_eq "$(q "$chk" "select group_concat(seller_id) from r_sellers")" \
	"900000001,900000002,900000003,900000004" "sellers.csv order"
expect_eq "$(q "$chk" "select ev_bands||' '||ev_model||' '||ev_reviews||' '||ev_firmware||' '||ev_evasive||' '||complaints||'/'||reviews||' '||evasive||'/'||replies from r_sellers where seller_id='900000001'")" \
	"2 2 1 1 1 2/3 1/1" "evidence kinds of 900000001"
expect_eq "$(q "$chk" "select missing||'/'||with_band_list from r_markets where market='EU' and band='B20'")" \
	"2/4" "markets.csv EU B20"

# Formula cells neutralised; numbers left alone; the rest as scraped.
expect_eq "$(q "$chk" "select title from r_listings where listing_id='2000000002'")" \
	"'=HYPERLINK(\"http://evil.invalid/x\",\"Click for coupon\") POCO X6 Global Version" "=HYPERLINK title"
expect_eq "$(q "$chk" "select substr(title,1,3) from r_listings where listing_id='2000000005'")" "'+1" "+1 title"
expect_eq "$(q "$chk" "select substr(title,1,3) from r_listings where listing_id='2000000006'")" "'-2" "-2 title"
expect_eq "$(q "$chk" "select seller_name from r_sellers where seller_id='900000003'")" "'@SUM(1+1) Store" "@SUM name"
expect_eq "$(q "$chk" "select substr(excerpt,1,5) from r_evidence where source_id='3000000006'")" "'=cmd" "=cmd excerpt"
expect_eq "$(q "$chk" "select score from r_listings where listing_id='2000000005'")" "-1.00" "negative score"
q "$chk" "select title from r_listings where listing_id='2000000001'" | grep -q "^Redmi Note 13 Global Version <script>" \
	|| fail "title text kept as scraped in CSV"

# report.html: scraped text escaped, one script (ours), anchors, no fetches.
h="$out/report.html"
grep -q '&lt;script&gt;document.title=&#39;PWNED&#39;' "$h" || fail "title not escaped in HTML"
grep -q '<script>document' "$h" && fail "raw fixture script in HTML"
grep -q '<img src=x' "$h" && fail "raw fixture img in HTML"
expect_eq "$(grep -o '<script' "$h" | wc -l)" 1 "script tags in report.html"
grep -q 'id="seller-900000001"' "$h" || fail "seller anchor"
grep -q 'href="#seller-900000003"' "$h" || fail "seller link"
grep -Eq '(src|href)="(https?:)?//' "$h" && fail "report.html refers to the network"
expect_eq "$(grep -o 'class="seller-row"' "$h" | wc -l)" 4 "seller rows in HTML"

# Same database, same CSV bytes.
"$GVAUDIT" report -q --db "$db" --out "$T/again" || fail "second report"
for f in listings.csv sellers.csv evidence.csv markets.csv; do
	cmp -s "$out/$f" "$T/again/$f" || fail "$f differs between two runs"
done

# History: one more listing found mislabelled; the change since the
# previous run shows in the view and in sellers.csv.
sqlite3 "$db" "UPDATE verdicts SET verdict='mislabelled', hardware='china', score=3.5, analyzed_at='2099-01-01T00:00:00Z' WHERE listing_id='2000000004'"
"$GVAUDIT" report -q --db "$db" --out "$out" || fail "third report"
expect_eq "$(q "$db" "select count(distinct run_id) from seller_history")" 2 "runs in history"
expect_eq "$(q "$db" "select printf('%.2f', rate_change) from v_seller_latest where seller_id='900000001'")" \
	"0.25" "rate change in v_seller_latest"
grep -q '^900000001,Evil Global Store,4,4,4,0,1.0000,.*,0.7500,0.2500,' "$out/sellers.csv" \
	|| fail "sellers.csv prev_rate / rate_change"
grep -q '+25.0 pts' "$out/report.html" || fail "change shown in report.html"

# Output that cannot be written: exit 6, the error names it, nothing else changes.
: > "$T/afile"
gv report --db "$db" --out "$T/afile"; expect_eq "$rc" 6 "report into a file"
expect_log "afile"
gv report --db "$db" --out "$T/afile/sub"; expect_eq "$rc" 6 "report under a file"
# With the per-row classes of schema 004, a classified review or reply
# counts by its class, an unclassified one by the evidence that fired on it.
db2="$T/classes.db"
sh "$FIX/report/mkdb.sh" "$GVAUDIT" "$db2"
if [ -n "$(q "$db2" "select name from sqlite_master where name = 'review_classes'")" ]; then
	sqlite3 "$db2" "DELETE FROM review_classes; DELETE FROM qa_classes;
	INSERT INTO review_classes(review_id, listing_id, lexicon, text_len, class, complaint,
	  negated, noise, network_ok, not_genuine, china_rom, no_google, unofficial, strength)
	VALUES ('3000000002', '2000000001', 'x', 1, 'negated', 0, 1, 0, 0, 0, 0, 0, 0, 0),
	       ('3000000004', '2000000005', 'x', 1, 'complaint', 1, 0, 0, 0, 0, 0, 0, 0, 1);
	INSERT INTO qa_classes(qa_id, listing_id, lexicon, text_len, question_kind, reply_class,
	  reply_detail) VALUES ('qa-4000003', '2000000009', 'x', 1, 'version', 'evasive', 'cue');"
	"$GVAUDIT" report -q --db "$db2" --out "$T/classes" || fail "report with classes"
	expect_eq "$(grep '^900000001,' "$T/classes/sellers.csv" | cut -d, -f19-23)" "3,1,0.3333,1,1" \
		"complaints and evasive replies from classes and evidence (900000001)"
	expect_eq "$(grep '^900000002,' "$T/classes/sellers.csv" | cut -d, -f19-20)" "2,1" \
		"a complaint only the class knows (900000002)"
	expect_eq "$(grep '^900000004,' "$T/classes/sellers.csv" | cut -d, -f22-24)" "1,1,1.0000" \
		"an evasive reply only the class knows (900000004)"
fi
echo "report_files: ok"
