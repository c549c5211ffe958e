#!/bin/sh
# Signal ablation on the sample nights: zero one weight at a time (a copy of
# schemas/ passed with --data) and print the listing measures of
# tests/eval/listings.sql for each. usage: tests/eval/ablation.sh [BINARY]
set -eu
bin=${1:-build/gvaudit}
samples=${GVAUDIT_SAMPLES:-../shared/samples}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/gvaudit-ablation.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
base="$tmp/base.db"
for night in "$samples"/night*/; do
	"$bin" ingest -q --db "$base" "$night"*.csv* || [ $? -le 1 ]
done
for t in listings; do
	sqlite3 "$base" ".import --csv $samples/truth/$t.csv truth_$t"
done
measure() { # $1 = label, $2 = data dir
	cp "$base" "$tmp/run.db"
	"$bin" analyze -q --db "$tmp/run.db" --data "$2" 2>/dev/null
	sqlite3 -batch -noheader -separator ' ' "$tmp/run.db" < tests/eval/listings.sql 2>/dev/null |
		head -n 1 | awk -v l="$1" '{ printf "%-30s called=%s tp=%s precision=%s recall=%s claim=%s missing=%s\n", l, $2, $3, $4, $5, $7, $8 }'
}
measure "(all signals)" schemas
for s in $(tail -n +2 schemas/weights.csv | cut -d, -f1); do
	w=$(grep "^$s," schemas/weights.csv | cut -d, -f2)
	[ "$w" = 0 ] && continue
	rm -rf "$tmp/data" && cp -r schemas "$tmp/data"
	sed -i "s/^$s,[^,]*,/$s,0,/" "$tmp/data/weights.csv"
	measure "-$s" "$tmp/data"
done
