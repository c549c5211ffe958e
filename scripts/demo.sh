#!/bin/sh
# Run the whole pipeline on the bundled fixtures (two nights of dumps), the
# way cron would, and say where the outputs are.
set -eu
bin=${1:-build/gvaudit}
out=demo
rm -rf "$out"
mkdir -p "$out"
for night in fixtures/demo/night1 fixtures/demo/night2; do
	echo "== gvaudit run: $night"
	set +e
	"$bin" run --db "$out/gvaudit.db" --out "$out/reports" "$night"/*.csv.gz
	rc=$?
	set -e
	if [ "$rc" -gt 1 ]; then
		echo "demo: gvaudit run failed with status $rc" >&2
		exit "$rc"
	fi
done
echo
echo "demo: database: $(pwd)/$out/gvaudit.db  (try: sqlite3 $out/gvaudit.db 'select * from v_seller_latest limit 10')"
echo "demo: reports:  $(pwd)/$out/reports/"
ls -l "$out/reports" 2>/dev/null | sed 's/^/  /'
echo "demo: open $(pwd)/$out/reports/report.html in a browser"
