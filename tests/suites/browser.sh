# Browser test (make check): headless Chromium opens report.html from disk,
# runs its script, and we read the rendered DOM: one row per seller of
# sellers.csv, the fixture title's <script> shown as text and never run, the
# table sorter active. Needs Debian's chromium (scripts/deps.sh check).
. tests/e2e/lib.sh

browser=$(command -v chromium || command -v chromium-browser || true)
[ -n "$browser" ] || fail "chromium not installed (run scripts/deps.sh check as root)"

db="$T/b.db"
sh "$FIX/report/mkdb.sh" "$GVAUDIT" "$db"
"$GVAUDIT" report -q --db "$db" --out "$T/out" || fail "report failed"

profile=$(mktemp -d "$T/profile.XXXXXX")
timeout 60 "$browser" --headless --no-sandbox --disable-gpu --disable-background-networking \
	--disable-component-update --disable-sync --no-first-run --user-data-dir="$profile" \
	--virtual-time-budget=2000 --dump-dom "file://$T/out/report.html" \
	>"$T/dom.html" 2>"$T/chromium.log" || { tail -n 20 "$T/chromium.log" >&2; fail "chromium failed"; }
[ -s "$T/dom.html" ] || fail "empty DOM dump"

csv_rows=$(sqlite3 -batch "$T/c.db" ".import --csv $T/out/sellers.csv s" "select count(*) from s")
dom_rows=$(grep -o 'class="seller-row"' "$T/dom.html" | wc -l)
expect_eq "$dom_rows" "$csv_rows" "seller rows in the rendered table vs sellers.csv"
[ "$csv_rows" -gt 0 ] || fail "no sellers"

# The fixture's payload would set the title to PWNED and add <b id=pwned>.
grep -q 'id="pwned"' "$T/dom.html" && fail "fixture script ran: element #pwned exists"
grep -q '<title>Global Version mislabelling audit</title>' "$T/dom.html" \
	|| fail "document title changed: $(grep -o '<title>[^<]*</title>' "$T/dom.html")"
grep -q 'PWNED' "$T/dom.html" || fail "escaped payload text missing"
grep -q '&lt;script&gt;document.title=' "$T/dom.html" || fail "title not shown as text"

# Our own script did run (CSP nonce accepted): headers got aria-sort.
grep -q 'aria-sort="none"' "$T/dom.html" || fail "table sorter did not run"
echo "browser: ok ($dom_rows seller rows)"
