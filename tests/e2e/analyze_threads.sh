# analyze: the listing phase gives the same analysis with one thread as
# with two (GVAUDIT_ANALYZE_THREADS, analyze/lookahead.h), on a first night
# (every listing, price reference built from scratch) and on a second night
# on top of it (dirty listings only).
. tests/e2e/lib.sh
D="$FIX/demo"

dump() {
	q "$1" "SELECT 'facts', * FROM listing_facts ORDER BY listing_id;
		SELECT 'evidence', * FROM evidence ORDER BY listing_id, signal, source, source_id;
		SELECT 'verdict', listing_id, seller_id, claim, hardware, verdict, score, missing_bands, signals
			FROM verdicts ORDER BY listing_id;
		SELECT 'counts', * FROM listing_counts ORDER BY listing_id;
		SELECT 'price', * FROM listing_prices ORDER BY listing_id;
		SELECT 'seller', seller_id, listings, global_claims, mislabelled, suspect, unverified,
			consistent, mislabel_rate, ci_low, ci_high, status, rank, reviews, complaints,
			replies, evasive FROM seller_stats ORDER BY seller_id;"
}

for threads in 1 2; do
	db="$T/t$threads.db"
	for night in night1 night2; do
		gv ingest -q --db "$db" "$D/$night/"*.csv.gz; expect_eq "$rc" 0 "ingest $night"
		GVAUDIT_ANALYZE_THREADS=$threads gv analyze --db "$db"
		expect_eq "$rc" 0 "analyze $night, $threads thread(s)"
		dump "$db" >"$T/$night.$threads"
	done
done
[ -s "$T/night1.1" ] || fail "empty dump"
[ "$(grep -c '^verdict' "$T/night1.1")" -gt 100 ] || fail "too few listings to fill the lookahead"
cmp -s "$T/night1.1" "$T/night1.2" || fail "night 1: one thread and two differ"
cmp -s "$T/night2.1" "$T/night2.2" || fail "night 2: one thread and two differ"
