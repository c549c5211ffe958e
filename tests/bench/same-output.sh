#!/bin/sh
# tests/bench/same-output.sh: do two gvaudit binaries give the same results?
#
#   tests/bench/same-output.sh OLD_BINARY NEW_BINARY [CORPUS_DIR...]
#
# Each CORPUS_DIR holds night1/ and (optionally) night2/ dumps; the default
# is fixtures/demo and fixtures/heldout. For each corpus both binaries run
# `gvaudit run` on night 1, then night 2, each into its own fresh database,
# and after each night the four CSV reports (listings, sellers, evidence,
# markets) must be byte-identical, and so must a sorted dump of the
# analysis tables (listing_facts, evidence, verdicts, listing_counts,
# review_classes, qa_classes, listing_prices, seller_stats). Performance
# work must keep this script quiet: "same" for every corpus.
#
# Environment: GVAUDIT_DATA (default: this checkout's schemas/) for both;
# SAME_FTS=--no-fts to skip the full-text index (faster);
# SAME_KEEP=1 keeps the work directory.
# Exit status: 0 all the same, 1 a difference (shown), 2 usage.
set -u
[ $# -ge 2 ] || { echo "usage: $0 OLD_BINARY NEW_BINARY [CORPUS_DIR...]" >&2; exit 2; }
old=$1 new=$2
shift 2
[ $# -gt 0 ] || set -- fixtures/demo fixtures/heldout
# Both binaries read the same reference data: this checkout's schemas/.
GVAUDIT_DATA=${GVAUDIT_DATA:-$(cd "$(dirname "$0")/../.." && pwd)/schemas}
export GVAUDIT_DATA
tmp=$(mktemp -d "${TMPDIR:-/tmp}/gvaudit-same.XXXXXX") || exit 2
[ "${SAME_KEEP:-0}" = 1 ] && echo "work directory: $tmp" || trap 'rm -rf "$tmp"' EXIT

dump() {
	sqlite3 "$1" <<'EOF'
.mode list
SELECT 'facts', * FROM listing_facts ORDER BY listing_id;
SELECT 'evidence', listing_id, signal, source, source_id, excerpt, weight FROM evidence ORDER BY 2, 3, 4, 5;
SELECT 'verdict', listing_id, seller_id, claim, hardware, verdict, score, missing_bands, signals FROM verdicts ORDER BY listing_id;
SELECT 'counts', * FROM listing_counts ORDER BY listing_id;
SELECT 'rc', review_id, listing_id, text_len, class, complaint, negated, noise, network_ok, not_genuine, china_rom, no_google, unofficial, strength, bands, fw_version, fw_region, fw_branch, excerpt, model_number, model_region, country FROM review_classes ORDER BY review_id;
SELECT 'qc', qa_id, listing_id, text_len, question_kind, reply_class, reply_detail, model_number, asked_band, excerpt FROM qa_classes ORDER BY qa_id;
SELECT 'price', * FROM listing_prices ORDER BY 2, 3, 4;
SELECT 'seller', seller_id, seller_name, run_id, listings, global_claims, mislabelled, suspect, unverified, consistent, mislabel_rate, ci_low, ci_high, status, rank, ev_bands, ev_model, ev_reviews, ev_firmware, ev_evasive, reviews, complaints, complaint_rate, replies, evasive, evasive_rate FROM seller_stats ORDER BY seller_id;
EOF
}

status=0
for corpus in "$@"; do
	name=$(basename "$corpus")
	for which in old new; do
		eval bin=\$$which
		mkdir -p "$tmp/$name/$which"
		for night in night1 night2; do
			[ -d "$corpus/$night" ] || continue
			"$bin" run ${SAME_FTS:-} --db "$tmp/$name/$which/db" --out "$tmp/$name/$which/$night" \
				"$corpus/$night"/*.csv* >"$tmp/$name/$which/$night.log" 2>&1
			echo "exit $?" >>"$tmp/$name/$which/$night.log"
			dump "$tmp/$name/$which/db" >"$tmp/$name/$which/$night.tables"
		done
	done
	same=1
	for night in night1 night2; do
		[ -d "$corpus/$night" ] || continue
		for f in listings.csv sellers.csv evidence.csv markets.csv; do
			if ! cmp -s "$tmp/$name/old/$night/$f" "$tmp/$name/new/$night/$f"; then
				echo "$name $night: $f differs:"
				diff "$tmp/$name/old/$night/$f" "$tmp/$name/new/$night/$f" | head -n 10
				same=0
			fi
		done
		if ! cmp -s "$tmp/$name/old/$night.tables" "$tmp/$name/new/$night.tables"; then
			echo "$name $night: analysis tables differ:"
			diff "$tmp/$name/old/$night.tables" "$tmp/$name/new/$night.tables" | head -n 10
			same=0
		fi
		o=$(tail -n 1 "$tmp/$name/old/$night.log") n=$(tail -n 1 "$tmp/$name/new/$night.log")
		[ "$o" = "$n" ] || { echo "$name $night: old $o, new $n"; same=0; }
	done
	if [ $same = 1 ]; then echo "$name: same"; else status=1; fi
done
exit $status
