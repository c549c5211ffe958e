# analyze: the rows classified on a later night. Database A keeps the
# watermark (table textsig_watermark: only rows of newer files are looked
# at); database B gets the same inputs but loses its watermark before each
# analyze, so every row is compared with its class. Both must classify the
# same number of rows and end with the same classes and verdicts, through
# night 1, night 2, a re-ingest, a reply arriving later, a lexicon change and
# back, and in one thread or two.
. tests/e2e/lib.sh
D="$FIX/demo" F="$FIX/ingest"
data="$T/data"
mkdir -p "$data"
cp "$ROOT"/schemas/*.csv "$data/"

classes() {
	q "$1" "SELECT review_id, lexicon, text_len, class, excerpt FROM review_classes ORDER BY 1;
		SELECT qa_id, lexicon, text_len, reply_class, excerpt FROM qa_classes ORDER BY 1;
		SELECT listing_id, verdict, score FROM verdicts ORDER BY 1"
}

# step WHAT FILES...: ingest FILES into both, analyze both, compare.
step() {
	what=$1
	shift
	for db in A B; do
		if [ $# -gt 0 ]; then
			gv ingest -q --no-fts --db "$T/$db.db" "$@"; expect_eq "$rc" 0 "$what: ingest $db"
		fi
		[ $db = B ] && q "$T/B.db" "DELETE FROM textsig_watermark"
		gv analyze --db "$T/$db.db" --data "$data"; expect_eq "$rc" 0 "$what: analyze $db"
		grep 'classified' "$T/err" | sed 's/ in [0-9.]*s$//' >"$T/$db.log" || :
	done
	expect_eq "$(cat "$T/A.log")" "$(cat "$T/B.log")" "$what: rows classified"
	expect_eq "$(classes "$T/A.db")" "$(classes "$T/B.db")" "$what: classes and verdicts"
	expect_eq "$(q "$T/A.db" "SELECT file_id FROM textsig_watermark")" \
		"$(q "$T/A.db" "SELECT max(file_id) FROM ingest_files")" "$what: watermark"
}

step "night 1" "$D/night1/"*.csv.gz
expect_eq "$(q "$T/A.db" "SELECT count(*) > 0 FROM review_classes")" 1 "night 1 classified"
step "nothing new"
step "night 2" "$D/night2/"*.csv.gz
step "re-ingest" "$D/night1/reviews.csv.gz" "$D/night2/qa.csv.gz"
step "unanswered" "$F/reviews_early.csv" "$F/qa_unanswered.csv"
step "reply later" "$F/qa_answered.csv"
expect_eq "$(q "$T/A.db" "SELECT reply_class FROM qa_classes WHERE qa_id = 'q30'")" "honest_china" \
	"the late reply is classified"
printf 'made up phrase,en,complaint,0.5,test\n' >>"$data/lexicon.csv"
step "another lexicon"
cp "$ROOT/schemas/lexicon.csv" "$data/"
step "the lexicon back"

# One thread or two: the same tables, rows stored in the same order.
for n in 1 2; do
	gv ingest -q --no-fts --db "$T/t$n.db" "$D/night1/"*.csv.gz "$D/night2/"*.csv.gz
	GVAUDIT_ANALYZE_THREADS=$n gv analyze --db "$T/t$n.db" --data "$data"
	expect_eq "$rc" 0 "analyze with $n thread(s)"
done
order="SELECT rowid, review_id FROM review_classes ORDER BY rowid; SELECT rowid, qa_id FROM qa_classes ORDER BY rowid"
expect_eq "$(classes "$T/t1.db"; q "$T/t1.db" "$order")" "$(classes "$T/t2.db"; q "$T/t2.db" "$order")" \
	"one thread or two"
echo "analyze_pending: ok"
