#!/bin/sh
# fault_kill.sh: `gvaudit run` killed with SIGKILL at several moments during
# a large ingest and during analysis, then run again to the end, must leave
# the same database and report CSVs as a run never interrupted: no partial
# report file, no duplicated row, no lost verdict. Tables are compared as
# sorted dumps without bookkeeping (runs, file ids, run ids, timestamps of
# processing, durations).
set -eu
SUITE=kill
. "$(dirname "$0")/lib.sh"

# A few MB of dumps: ~2,000 listings, ~15,000 reviews, ~2,000 questions.
"$GENCORPUS" --scale 0.003 --seed 11 --night 1 --out "$T/n1" >/dev/null
IN="$T/n1/listings.csv.gz $T/n1/reviews.csv.gz $T/n1/qa.csv.gz"
# reference data frozen for the whole test (schemas/ may change meanwhile)
cp -R schemas "$T/data"

# Sorted dump of every table but bookkeeping, to compare runs.
dump() { # $1 = db, $2 = out file
	dump_tables "$1" >"$2"
	for fts in reviews_fts qa_fts; do
		echo "== $fts" >>"$2"
		q "$1" "select count(*) from $fts where $fts match 'global OR version OR 4g'" >>"$2"
	done
}

check_reports() { # $1 = out dir: every report present is whole
	for f in "$1"/*.csv; do
		[ -f "$f" ] || continue
		[ "$(tail -c 2 "$f" | od -An -c | tr -d ' ')" = '\r\n' ] || fail "partial report $f"
	done
	if [ -f "$1/report.html" ]; then
		tail -n 2 "$1/report.html" | grep -q '</html>' || fail "partial report.html"
	fi
}

# The reference: one uninterrupted run, timed per phase.
t0=$(date +%s.%N)
"$GVAUDIT" run --data "$T/data" --db "$T/ref.db" --out "$T/ref" $IN 2>"$T/ref.log" || { cat "$T/ref.log"; fail "reference run"; }
t1=$(date +%s.%N)
dump "$T/ref.db" "$T/ref.dump"
ing=$(sed -n 's/.*ingest: files=.*seconds=\([0-9.]*\).*/\1/p' "$T/ref.log")
total=$(awk "BEGIN { printf \"%.3f\", $t1 - $t0 }")
echo "reference: ingest ${ing}s, whole run ${total}s"

# Kill points: i:F is F of the reference's ingest time after the start;
# a:F is F of the time after the ingest, counted from the moment the
# killed run has logged the end of its ingest (polled), i.e. during
# analysis; r:0 the moment a report's temporary file appears (its
# temporaries must not pile up in --out: the rerun removes them). These
# kill a first load, built in a side file (DB.new) renamed to DB before the
# reports: a kill before that leaves no database. A point prefixed with w
# runs into a pre-created empty database instead (the WAL path of every
# later night), whose rerun must give the same tables too.
ana=$(awk "BEGIN { printf \"%.3f\", $total - $ing }")
[ -n "${POINTS:-}" ] || POINTS="i:0.2 i:0.5 i:0.9 a:0.05 a:0.25 a:0.5 r:0 wi:0.5 wa:0.25"
n=0
for pt in $POINTS; do
	n=$((n + 1))
	db="$T/k$n.db"
	out="$T/k$n"
	frac=${pt#*:}
	case "$pt" in
	w*)
		sqlite3 "$db" "pragma journal_mode = wal" >/dev/null
		pt=${pt#w}
		;;
	esac
	"$GVAUDIT" run --data "$T/data" --db "$db" --out "$out" $IN 2>"$T/k$n.log" &
	pid=$!
	case "$pt" in
	i:*) p=$(awk "BEGIN { printf \"%.3f\", $ing * $frac }") ;;
	a:*)
		while kill -0 "$pid" 2>/dev/null && ! grep -q "ingest: files=" "$T/k$n.log"; do
			sleep 0.02
		done
		p=$(awk "BEGIN { printf \"%.3f\", $ana * $frac }")
		;;
	esac
	case "$pt" in
	r:*) # as soon as the reports are being written (a temporary file shows)
		while kill -0 "$pid" 2>/dev/null && ! ls -A "$out" 2>/dev/null | grep -q '^\.'; do
			:
		done
		p=0
		;;
	esac
	sleep "$p"
	kill -9 "$pid" 2>/dev/null || true
	st=0
	wait "$pid" 2>/dev/null || st=$?
	phase="finished before the kill (status $st)"
	if [ "$st" -eq 137 ] && [ ! -s "$db" ]; then
		phase="killed: no database yet"
	elif [ "$st" -eq 137 ]; then
		files=$(q "$db" "select count(*) from ingest_files where status = 'ok'" 2>/dev/null || echo 0)
		verdicts=$(q "$db" "select count(*) from verdicts" 2>/dev/null || echo 0)
		phase="killed: files stored=$files verdicts=$verdicts"
	fi
	[ -d "$out" ] && check_reports "$out"
	[ "$(q "$db" 'pragma integrity_check' 2>/dev/null || echo none)" = ok ] ||
		[ ! -s "$db" ] || fail "kill $n: database damaged"
	# run again, to the end
	"$GVAUDIT" run --data "$T/data" --db "$db" --out "$out" $IN 2>>"$T/k$n.log" || { cat "$T/k$n.log"; fail "kill $n: run after the kill failed"; }
	dump "$db" "$T/k$n.dump"
	if ! cmp -s "$T/ref.dump" "$T/k$n.dump"; then
		diff "$T/ref.dump" "$T/k$n.dump" | head -n 20
		fail "kill $n at ${p}s ($phase): database differs from the uninterrupted run"
	fi
	for f in listings sellers evidence markets; do
		a="$T/ref/$f.csv" b="$out/$f.csv"
		cmp -s "$a" "$b" || { diff "$a" "$b" | head; fail "kill $n at ${p}s ($phase): $f.csv differs"; }
	done
	check_reports "$out"
	left=$(ls -A "$out" | grep -v -E '^(listings|sellers|evidence|markets)\.csv$|^report\.html$' || true)
	[ -z "$left" ] || fail "kill $n: files left in the output directory: $left"
	[ "$(q "$db" 'pragma journal_mode')" = wal ] || fail "kill $n: database not in WAL mode"
	left=$(ls -A "$T" | grep -F "k$n.db.new" || true)
	[ -z "$left" ] || fail "kill $n: side files left: $left"
	echo "kill $n at $pt (${p}s): $phase; after the rerun: identical"
done
echo ok
