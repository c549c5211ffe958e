# The example queries of README.md's "Querying the results" section
# run as written, and return rows, on the report fixture after two reports
# (so the history views have a previous run to compare with).
. tests/e2e/lib.sh

doc="$ROOT/README.md"
db="$T/q.db"
sh "$FIX/report/mkdb.sh" "$GVAUDIT" "$db"
"$GVAUDIT" report -q --db "$db" --out "$T/out" || fail "first report"
sqlite3 "$db" "UPDATE verdicts SET verdict='mislabelled', analyzed_at='2099-01-01T00:00:00Z' WHERE listing_id='2000000004'"
"$GVAUDIT" report -q --db "$db" --out "$T/out" || fail "second report"

# Split the ```sql blocks into files q1.sql, q2.sql, ...
awk -v dir="$T" '
	/^## / { insec = ($0 == "## Querying the results") }
	!insec { next }
	/^```sql$/ { n++; f = dir "/q" n ".sql"; inq = 1; next }
	/^```$/ { inq = 0; next }
	inq { print > f }
' "$doc"
n=$(ls "$T"/q*.sql 2>/dev/null | wc -l)
[ "$n" -ge 5 ] || fail "expected the README's example queries, found $n"
for f in "$T"/q*.sql; do
	sqlite3 -bail -batch "$db" < "$f" > "$T/res" 2>&1 || { cat "$T/res" >&2; fail "$(basename "$f") fails:
$(cat "$f")"; }
	[ -s "$T/res" ] || fail "$(basename "$f") returns no rows:
$(cat "$f")"
done
echo "report_queries: $n queries ok"
