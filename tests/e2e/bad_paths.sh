# Output paths and files under hostile conditions: a report name planted as
# a symlink is replaced, never written through; --out through a symlink
# lands in its target only; files and directories follow the umask (077 and
# 022); reports are replaced atomically while a reader polls them; scraped
# shell syntax never reaches a command interpreter (none is linked in).
. tests/e2e/lib.sh
DB="$T/g.db"
F="$FIX/bad"
IN="$FIX/ingest/listings_basic.csv $FIX/ingest/reviews_early.csv $F/payload_listings.csv $F/payload_reviews.csv"
perm() { stat -c %a "$1"; }

# Shell syntax in scraped text: stored and reported as text, never run.
mkdir -p "$T/cwd"
printf 'listing_id,seller_id,title,scraped_at,description\n9901,9902,"$(touch %s/pwned1) `touch %s/pwned2` Global Version",2026-11-20T03:00:00Z,"; touch %s/pwned3 #"\n' \
	"$T" "$T" "$T" >"$T/shell.csv"
gv run --db "$DB" --out "$T/reports" $IN "$T/shell.csv"; cat "$T/err" | grep error || true
expect_eq "$rc" 0 "run"
for i in 1 2 3; do [ ! -e "$T/pwned$i" ] || fail "scraped text was run by a shell (pwned$i)"; done
grep -qF '$(touch' "$T/reports/listings.csv" || fail "shell text not in listings.csv"
if command -v nm >/dev/null 2>&1; then
	! nm -D "$GVAUDIT" 2>/dev/null | grep -E ' U (system|popen|execl|execlp|execle|execv|execvp|execvpe|posix_spawn|posix_spawnp|fork)(@|$)' ||
		fail "gvaudit links a process-starting function"
fi

# A report name planted as a symlink to a file outside --out: the link is
# replaced by the report; its target is untouched.
echo precious >"$T/victim"
rm -f "$T/reports/listings.csv" "$T/reports/report.html"
ln -s "$T/victim" "$T/reports/listings.csv"
ln -s "$T/victim" "$T/reports/report.html"
gv report --db "$DB" --out "$T/reports"
expect_eq "$rc" 0 "report over planted symlinks"
expect_eq "$(cat "$T/victim")" precious "symlink target written through"
[ -f "$T/reports/listings.csv" ] && [ ! -L "$T/reports/listings.csv" ] || fail "listings.csv is still a symlink"
[ ! -L "$T/reports/report.html" ] || fail "report.html is still a symlink"
# A planted directory in place of a report: refused (exit 6), nothing else
mkdir "$T/out2" "$T/out2/sellers.csv"
gv report --db "$DB" --out "$T/out2"
expect_eq "$rc" 6 "a directory named sellers.csv"
expect_log "error: .*sellers.csv"
# nothing but the report names and no temporary file in the directory
left=$(ls -A "$T/reports" | grep -v -E '^(listings|sellers|evidence|markets)\.csv$|^report\.html$' || true)
expect_eq "$left" "" "stray files in --out"

# --out through a symlink: the files land in its target, the link stays.
mkdir "$T/real"
ln -s "$T/real" "$T/link"
gv report --db "$DB" --out "$T/link"
expect_eq "$rc" 0 "report through a symlinked --out"
[ -L "$T/link" ] || fail "--out symlink replaced"
[ -f "$T/real/listings.csv" ] || fail "reports not in the symlink's target"
# exactly the five report files were created anywhere under $T by it
expect_eq "$(ls "$T/real" | tr '\n' ' ')" "evidence.csv listings.csv markets.csv report.html sellers.csv " "files written"

# umask: database, its side files, lock, reports and created directories.
for mask in 077 022; do
	rm -rf "$T/u$mask"
	mkdir "$T/u$mask"
	(umask $mask && exec "$GVAUDIT" run -q --db "$T/u$mask/g.db" --out "$T/u$mask/new/reports" $IN) ||
		fail "run with umask $mask"
	if [ $mask = 077 ]; then want=600 dwant=700; else want=644 dwant=755; fi
	for f in g.db g.db.lock new/reports/listings.csv new/reports/sellers.csv new/reports/evidence.csv \
		new/reports/markets.csv new/reports/report.html; do
		expect_eq "$(perm "$T/u$mask/$f")" $want "umask $mask: $f"
	done
	for f in g.db-wal g.db-shm; do
		[ ! -e "$T/u$mask/$f" ] || expect_eq "$(perm "$T/u$mask/$f")" $want "umask $mask: $f"
	done
	expect_eq "$(perm "$T/u$mask/new")" $dwant "umask $mask: created parent directory"
	expect_eq "$(perm "$T/u$mask/new/reports")" $dwant "umask $mask: created --out"
done

# Atomic replacement: a reader polling the reports while they are rewritten
# always sees a whole file (header, same number of rows, CRLF at the end).
want_lines=$(wc -l <"$T/real/listings.csv")
( for i in 1 2 3 4 5 6; do "$GVAUDIT" report -q --db "$DB" --out "$T/real" || exit 1; done; touch "$T/done" ) &
wpid=$!
reads=0
while [ ! -f "$T/done" ]; do
	cp "$T/real/listings.csv" "$T/snap.csv" 2>/dev/null || continue
	reads=$((reads + 1))
	expect_eq "$(wc -l <"$T/snap.csv")" "$want_lines" "lines of listings.csv seen during a rewrite"
	expect_eq "$(tail -c 2 "$T/snap.csv" | od -An -tx1 | tr -d ' ')" 0d0a "end of listings.csv seen during a rewrite"
	tail -n 3 "$T/real/report.html" | grep -q '</html>' || fail "partial report.html seen"
done
wait "$wpid" || fail "report rewrites failed"
[ "$reads" -gt 0 ] || fail "no read during the rewrites"
echo "ok ($reads reads during rewrites)"
