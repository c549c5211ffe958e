#!/bin/sh
# make eval: run the pipeline on the sample nights (../shared/samples) into a
# fresh database, load the ground truth beside the results, and print the
# measures of every tests/eval/*.sql (precision / recall of mislabelled,
# claim and missing_bands accuracy, seller-rate error, signal ablation...).
# The samples directory can be moved with GVAUDIT_SAMPLES.
set -eu
bin=${1:-build/gvaudit}
samples=${GVAUDIT_SAMPLES:-../shared/samples}
[ -d "$samples/truth" ] || { echo "eval: no samples at '$samples' (set GVAUDIT_SAMPLES)" >&2; exit 2; }
out=${EVAL_OUT:-$(mktemp -d "${TMPDIR:-/tmp}/gvaudit-eval.XXXXXX")}
mkdir -p "$out"
db="$out/gvaudit.db"
rm -f "$db" "$db-wal" "$db-shm"
for night in "$samples"/night*/; do
	"$bin" run -q --db "$db" --out "$out/reports" "$night"*.csv* || {
		rc=$?; [ "$rc" -le 1 ] || { echo "eval: gvaudit run failed ($rc)" >&2; exit "$rc"; }; }
done
# Truth goes into a copy, so the pipeline's database stays as it was.
cp "$db" "$out/eval.db"
for t in listings reviews qa sellers; do
	sqlite3 "$out/eval.db" ".import --csv $samples/truth/$t.csv truth_$t"
done
if [ -f "$out/reports/listings.csv" ]; then
	sqlite3 "$out/eval.db" ".import --csv $out/reports/listings.csv report_listings"
	sqlite3 "$out/eval.db" ".import --csv $out/reports/sellers.csv report_sellers"
fi
for q in tests/eval/*.sql; do
	[ -f "$q" ] || continue
	echo "== $(basename "$q" .sql)"
	sqlite3 -batch -header -column "$out/eval.db" < "$q"
done
echo "eval: results in $out"
