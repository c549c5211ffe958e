# run: the text classes computed while loading (analyze/classtap.h) are the
# classes the analysis would have stored. Database A takes every step with
# `gvaudit run` (classified as the rows stream in); database B with
# `gvaudit ingest` then `gvaudit analyze` (classified by the analysis from
# the stored rows). After each step the class tables (every column; not the
# rowids, which no query reads: a first file's duplicate leaves a gap on A,
# and a reply filled in the same file replaces its class row), the verdicts
# and the four CSV reports must be the same. Steps: a first night; a first reviews file with one id twice
# (the first row is kept, and its class); a reply filled into a question
# stored earlier, with another question text in the later row; replies in
# the same file; a second night; a lexicon change and back; one ingest
# thread. And on A the analysis must find nothing left to classify whenever
# every row was classified while loading.
. tests/e2e/lib.sh
D="$FIX/demo"
data="$T/data"
mkdir -p "$data"
cp "$ROOT"/schemas/*.csv "$data/"

classes() {
	q "$1" "SELECT * FROM review_classes ORDER BY review_id;
		SELECT * FROM qa_classes ORDER BY qa_id;
		SELECT listing_id, verdict, score FROM verdicts ORDER BY 1"
}

# step WHAT FILES...: the files into A by run, into B by ingest + analyze.
step() {
	what=$1
	shift
	gv run --db "$T/A.db" --out "$T/A" --data "$data" "$@"
	expect_eq "$rc" 0 "$what: run A"
	cp "$T/err" "$T/A.log"
	grep -q "ingest: classified" "$T/A.log" || fail "$what: run A did not classify while loading"
	gv ingest -q --db "$T/B.db" "$@"
	expect_eq "$rc" 0 "$what: ingest B"
	gv analyze --db "$T/B.db" --data "$data"
	expect_eq "$rc" 0 "$what: analyze B"
	gv report --db "$T/B.db" --out "$T/B" --data "$data"
	expect_eq "$rc" 0 "$what: report B"
	expect_eq "$(classes "$T/A.db")" "$(classes "$T/B.db")" "$what: classes and verdicts"
	for f in listings sellers evidence markets; do
		cmp -s "$T/A/$f.csv" "$T/B/$f.csv" || fail "$what: $f.csv differs"
	done
}

# nothing_left WHAT: A's analysis classified no row (the watermark moved).
nothing_left() {
	if grep -q 'analyze: classified' "$T/A.log"; then
		cat "$T/A.log" >&2
		fail "$1: the analysis classified rows the load had classified"
	fi
}

step "night 1" "$D/night1/"*.csv.gz
grep -Eq "ingest: classified [1-9][0-9]* reviews and [1-9][0-9]* q&a rows while loading" "$T/A.log" ||
	fail "night 1: the rows were not classified while loading"
nothing_left "night 1"
expect_eq "$(q "$T/A.db" "SELECT file_id FROM textsig_watermark")" \
	"$(q "$T/A.db" "SELECT max(file_id) FROM ingest_files")" "watermark"

# A first reviews file (new databases) with an id twice: the first row
# stays, so must its class. And Q&A: q1 answered later in the same file by
# a row with another question text (the stored question is the one
# classified), q2 answered in a later file.
cat >"$T/reviews.csv" <<'EOF'
review_id,listing_id,rating,country,created_at,text
R1,L1,1,AU,2026-11-02,"Only 3G here, no band 28 at all"
R2,L1,5,,2026-11-02,
R1,L1,5,AU,2026-11-02,Works great on 4G
R3,L2,2,DE,2026-11-03,China ROM OS1.0.6.0.UNCCNXM and no B20
EOF
cat >"$T/qa1.csv" <<'EOF'
qa_id,listing_id,asked_at,question,answer,answered_at
q1,L1,2026-11-01,Is this global version hardware?,,
q2,L1,2026-11-01,Does it have band 20?,,
q1,L7,2026-11-01,Is it the global version?,It supports Google Play and all languages,2026-11-02
EOF
cat >"$T/qa2.csv" <<'EOF'
qa_id,listing_id,asked_at,question,answer,answered_at
q2,L9,2026-11-01,Something else entirely,"China version hardware, no B20",2026-11-04
EOF
rm -f "$T"/A.db* "$T"/B.db*
step "first file with a duplicate id" "$T/reviews.csv" "$T/qa1.csv"
expect_eq "$(q "$T/A.db" "SELECT count(*), min(text_len) FROM review_classes WHERE review_id = 'R1'")" \
	"1|31" "one class for R1, the first row's"
expect_eq "$(q "$T/A.db" "SELECT listing_id, text_len FROM qa_classes WHERE qa_id = 'q1'")" \
	"L1|73" "q1: the stored question and listing, the reply filled in"
nothing_left "first file with a duplicate id"
step "reply filled later" "$T/qa2.csv"
expect_eq "$(q "$T/A.db" "SELECT listing_id, reply_class FROM qa_classes WHERE qa_id = 'q2'")" \
	"L1|honest_china" "q2: the stored question and listing, the new reply"

step "night 1 again" "$D/night1/"*.csv.gz
step "night 2" "$D/night2/"*.csv.gz
grep -q "analyze: classified" "$T/A.log" || fail "night 2: the analysis classified nothing"

# Another lexicon: the load classifies with it, but rows of other
# fingerprints remain, so the analysis compares every row, as before.
printf 'made up phrase,en,complaint,0.5,test\n' >>"$data/lexicon.csv"
printf 'review_id,listing_id,rating,country,created_at,text\nR9,L1,1,AU,2026-11-05,made up phrase\n' \
	>"$T/r9.csv"
step "another lexicon" "$T/r9.csv"
grep -q "analyze: classified" "$T/A.log" || fail "another lexicon: the analysis compared no row"
cp "$ROOT/schemas/lexicon.csv" "$data/"
printf 'review_id,listing_id,rating,country,created_at,text\nR10,L2,1,AU,2026-11-05,3G only\n' \
	>"$T/r10.csv"
step "the lexicon back" "$T/r10.csv"

# One ingest thread: every row is classified on that thread, the same way.
rm -f "$T"/A.db* "$T"/B.db*
export GVAUDIT_INGEST_THREADS=1
step "one thread" "$T/reviews.csv" "$T/qa1.csv"
unset GVAUDIT_INGEST_THREADS
nothing_left "one thread"
echo "ingest_classes: ok"
