#!/bin/sh
# fault_space.sh: out of space, simulated by lowering the file-size limit
# (ulimit -f). A run that cannot write its database must fail with a clear
# message and exit 4, a report that cannot be written with exit 6; the
# database stays intact (integrity_check, every earlier row still there) or,
# on a first night, does not exist; the old reports stay whole, and a later
# normal run gives the same result as if the failure never happened.
set -eu
SUITE=space
. "$(dirname "$0")/lib.sh"
cp -R schemas "$T/data"

"$GENCORPUS" --scale 0.002 --seed 5 --night 1 --out "$T/n1" >/dev/null
"$GENCORPUS" --scale 0.002 --seed 5 --night 2 --out "$T/n2" >/dev/null
N1="$T/n1/listings.csv.gz $T/n1/qa.csv.gz $T/n1/reviews.csv.gz"
N2="$T/n2/listings.csv.gz $T/n2/qa.csv.gz $T/n2/reviews.csv.gz"

dump() { dump_tables "$1"; } # $1 = db: sorted tables without bookkeeping
# every row of every table of db $2 is in db $1, unchanged (the tables $4,
# default all of them)
contains() {
	for t in ${4:-listings listing_scrapes reviews qa verdicts seller_stats seller_history ingest_files rejects}; do
		n=$(q "$1" "attach '$2' as old; select count(*) from (select * from old.$t except select * from main.$t)")
		[ "$n" = 0 ] || fail "$3: $n rows of $t stored before are lost or changed"
	done
}

# Night 1, then night 2 without any limit: the reference.
"$GVAUDIT" run --data "$T/data" --db "$T/base.db" --out "$T/base-out" $N1 2>/dev/null || fail "night 1"
cp "$T/base.db" "$T/ref.db"
"$GVAUDIT" run --data "$T/data" --db "$T/ref.db" --out "$T/ref-out" $N2 2>/dev/null || fail "reference night 2"
dump "$T/ref.db" >"$T/ref.dump"
dump "$T/base.db" >"$T/base.dump"

# After a first night into $T/$1.db that failed ($2 says how): nothing of it
# is left (no database, no side file, no reports), and the same night with
# room then equals night 1 run without a failure.
first_night_recovers() {
	left=$(ls -A "$T" | grep -E "^$1(\.db(\$|-|\.new)|-out)" || true)
	[ -z "$left" ] || fail "the first night that failed ($2) left: $left"
	"$GVAUDIT" run --data "$T/data" --db "$T/$1.db" --out "$T/$1-out" $N1 2>"$T/again.log" ||
		{ cat "$T/again.log"; fail "first night after $2"; }
	dump "$T/$1.db" >"$T/$1.dump"
	cmp -s "$T/base.dump" "$T/$1.dump" || { diff "$T/base.dump" "$T/$1.dump" | head; fail "first night differs after $2"; }
}

# `gvaudit run` of night $3 into database $1, reports in $2, with a
# file-size limit far below the database's size: the WAL cannot grow, a
# checkpoint cannot write. Exit 4 and a clear message. (dash counts
# 512-byte blocks, bash 1024: either way 1 to 2 MB.)
run_over_limit() {
	set +e
	(ulimit -f 2000 && exec "$GVAUDIT" run --data "$T/data" --db "$1" --out "$2" $3) 2>"$1.log"
	rc=$?
	set -e
	cat "$1.log"
	[ "$rc" = 4 ] || fail "run into $1 over the file-size limit: exit $rc, expected 4"
	grep -Eq "^gvaudit: error: .*(disk I/O error|database or disk is full).*(disk full|file-size limit|File too large)" "$1.log" ||
		fail "no clear message for the write failure ($1)"
}

# Night 1 over the limit: the first load is built in a side file (DB.new),
# so the failure leaves no database at all, no side file and no reports;
# the same night with room then equals night 1 run without a limit.
run_over_limit "$T/first.db" "$T/first-out" "$N1"
first_night_recovers first "the failure"

# The first load's last step failing: the rename of DB.new to DB refused
# (ENOSPC from an LD_PRELOAD shim, tests/tools/preload/fail_rename.c: a full
# directory cannot be made otherwise). Exit 4, a message naming both files
# and the reason, and as above no database, no side file, no reports; the
# same night again equals night 1. The shim needs the plain build (ASan
# must be the first library loaded), so this part is skipped for others.
PRELOAD="$(dirname "$GVAUDIT")/tools/fail_rename.so"
[ -f "$PRELOAD" ] || make --no-print-directory "$PRELOAD" >/dev/null
if ldd "$GVAUDIT" | grep -q libasan; then
	echo "rename failure: skipped for a sanitizer build"
else
	set +e
	LD_PRELOAD="$PRELOAD" FAIL_RENAME_TO="$T/ren.db" "$GVAUDIT" run --data "$T/data" \
		--db "$T/ren.db" --out "$T/ren-out" $N1 2>"$T/ren.log"
	rc=$?
	set -e
	cat "$T/ren.log"
	[ "$rc" = 4 ] || fail "first night whose rename fails: exit $rc, expected 4"
	grep -q "^gvaudit: error: .*cannot rename '$T/ren.db.new' to '$T/ren.db': No space left on device" "$T/ren.log" ||
		fail "no clear message for the failed rename"
	first_night_recovers ren "the failed rename"
fi

# Night 2 over the limit. Each file is one transaction: the file the run
# fails on leaves nothing, a file stored before it stays stored (which one
# fails first depends on how many pages each writes), and nothing stored
# on night 1 is lost. So the database must be night 1 plus exactly the
# files the run's log says it stored, loaded again with room.
cp "$T/base.db" "$T/full.db"
cp -R "$T/base-out" "$T/full-out"
run_over_limit "$T/full.db" "$T/full-out" "$N2"
[ "$(q "$T/full.db" 'pragma integrity_check')" = ok ] || fail "database damaged"
failed=$(sed -n "s/^gvaudit: error: ingest '\([^']*\)'.*/\1/p" "$T/full.db.log")
[ -n "$failed" ] || fail "the run over the limit failed on no file"
stored=$(sed -n "s/^gvaudit: ingest '\([^']*\)': kind=.*/\1/p" "$T/full.db.log")
echo "stored before the failure: ${stored:-none}; failed on: $failed"
cp "$T/base.db" "$T/expect.db"
[ -z "$stored" ] || "$GVAUDIT" ingest --db "$T/expect.db" $stored 2>"$T/expect.log" ||
	{ cat "$T/expect.log"; fail "storing the files the failed run stored"; }
# What night 2's files change (listings, their history, replies filled in)
# is compared below; the rest must be exactly night 1's, bookkeeping too.
if [ -z "$stored" ]; then
	contains "$T/full.db" "$T/base.db" "after the failed run"
else
	contains "$T/full.db" "$T/base.db" "after the failed run" "verdicts seller_stats seller_history ingest_files rejects"
fi
dump "$T/full.db" >"$T/full-failed.dump"
dump "$T/expect.db" >"$T/expect.dump"
cmp -s "$T/expect.dump" "$T/full-failed.dump" || { diff "$T/expect.dump" "$T/full-failed.dump" | head;
	fail "after the failed run: not night 1 plus the files it stored (${stored:-none})"; }
[ "$(q "$T/full.db" "select status from runs order by run_id desc limit 1")" = 4 ] || fail "failed run not recorded with status 4"
for f in listings sellers evidence markets; do
	cmp -s "$T/base-out/$f.csv" "$T/full-out/$f.csv" || fail "$f.csv changed by the failed run"
done
cmp -s "$T/base-out/report.html" "$T/full-out/report.html" || fail "report.html changed by the failed run"

# The same night again with room: same database and reports as the reference.
"$GVAUDIT" run --data "$T/data" --db "$T/full.db" --out "$T/full-out" $N2 2>"$T/again.log" ||
	{ cat "$T/again.log"; fail "run after the failure"; }
dump "$T/full.db" >"$T/full.dump"
cmp -s "$T/ref.dump" "$T/full.dump" || { diff "$T/ref.dump" "$T/full.dump" | head; fail "database differs from the reference after recovery"; }
for f in listings sellers evidence markets; do
	cmp -s "$T/ref-out/$f.csv" "$T/full-out/$f.csv" || fail "$f.csv differs from the reference after recovery"
done

# Reports that cannot be written: exit 6, old reports untouched and whole,
# no temporary file left behind.
cp -R "$T/full-out" "$T/before-out"
set +e
(ulimit -f 100 && exec "$GVAUDIT" report --data "$T/data" --db "$T/full.db" --out "$T/full-out") 2>"$T/report.log"
rc=$?
set -e
cat "$T/report.log"
[ "$rc" = 6 ] || fail "report over the file-size limit: exit $rc, expected 6"
grep -Eq "^gvaudit: error: .*(File too large|No space|cannot write)" "$T/report.log" || fail "no clear message for the report failure"
for f in listings.csv sellers.csv evidence.csv markets.csv report.html; do
	cmp -s "$T/before-out/$f" "$T/full-out/$f" || fail "$f changed by the failed report"
done
left=$(ls -A "$T/full-out" | grep -v -E '^(listings|sellers|evidence|markets)\.csv$|^report\.html$' || true)
[ -z "$left" ] || fail "temporary files left in the output directory: $left"
[ "$(q "$T/full.db" 'pragma integrity_check')" = ok ] || fail "database damaged by the failed report"
echo ok
