#!/bin/sh
# tests/bench/run.sh: `make bench`, the timings of issue 7 in one run.
#
# For each scale (1.0 = ~1 GB of uncompressed reviews) it generates a corpus
# with build/tools/gencorpus (cached under bench-out/corpus by scale, seed
# and generator source), then times, each into a fresh database unless said:
#   night1 --no-fts   gvaudit run --no-fts on night 1 (ingest, analyze, report)
#   night1 +fts       gvaudit run on night 1 (the same plus the FTS5 index)
#   fts index         the difference of the two (or the FTS step's own log line)
#   sqlite fts5       SQLite's INSERT INTO fts(fts) VALUES('rebuild') over the
#                     same review and Q&A text (in the .import database)
#   gzip -dc          decompressing the night-1 dumps (NOT part of the floor)
#   sqlite3 .import   the floor: the plain night-1 CSVs loaded by
#                     sqlite3 x.db ".import --csv ..." (decompression excluded)
#   night2            gvaudit run on night 2 into the night1 +fts database
#   night2 cold       (BENCH_COLD=1) the same into a copy of that night-1
#                     database, after dropping the page cache
# and prints wall seconds, MB/s of uncompressed input (of text for the FTS
# rows), rows/s per gvaudit stage (from its "ingest: ... seconds=" log lines),
# peak RSS (/usr/bin/time %M), then the ratios against the targets.
#
# Environment:
#   BENCH_SCALES="1 4"  scales to run (default "1 4"; RSS is compared across them).
#                       At scale 1 a full run takes ~15 min on a quiet 2-core
#                       machine (each first night ~3 min); each database is
#                       ~4-5 GB (removed as the run goes unless BENCH_KEEP=1);
#                       scale 4 took an hour (b28fe2a, machine shared) and
#                       needed ~30 GB of disk at its peak (a 20 GB database,
#                       5.4 GB of plain CSVs, the .import database): set
#                       BENCH_SCALES=1 when short of time or space.
#   BENCH_SCALE=0.1     one scale only, for quick runs (BENCH_SCALES wins if set)
#   BENCH_SEED=1        corpus seed
#   BENCH_OUT=bench-out where corpora, databases and logs go (git-ignored)
#   GVAUDIT, GENCORPUS  binaries (default build/gvaudit, build/tools/gencorpus)
#   BENCH_KEEP=1        keep databases and plain CSVs after the run
#   BENCH_COLD=1        also time night 2 with the database read cold, as a
#                       nightly job finds it a day later on a machine whose
#                       page cache does not keep it (this one's drains in
#                       minutes): a copy of the night-1 database (~5 GB at
#                       scale 1) taken before night 2, then BENCH_COLD_CMD
#                       (default: sync, then echo 3 > /proc/sys/vm/drop_caches;
#                       needs root, and slows everything else on the machine
#                       for a while), then night 2 into the copy. Its ratio to
#                       night 1 is printed for information; the target's ratio
#                       stays the warm night 2's, as in every earlier run.
#   BENCH_REPEAT=1      runs of each scale, back to back (each its own table,
#                       in run-sSCALE-rN); with more than one, the ratios'
#                       medians and ranges follow. This machine's runs vary by
#                       a fifth or more, so one run settles no 20% change.
#                       Each run keeps its three report directories (1.8 GB
#                       at scale 1), as a single run does.
# Exit status: 0 when the table was printed (stage failures are shown in it),
# 1 when the harness itself could not run.
set -u
cd "$(dirname "$0")/../.." || exit 1

GVAUDIT=${GVAUDIT:-build/gvaudit}
GENCORPUS=${GENCORPUS:-build/tools/gencorpus}
OUT=${BENCH_OUT:-bench-out}
SEED=${BENCH_SEED:-1}
SCALES=${BENCH_SCALES:-${BENCH_SCALE:-1 4}}
REPEAT=${BENCH_REPEAT:-1}
# Issue 7's targets, each ratio's label and bound, for the table of each run
# and for the medians over runs.
L_IMPORT="first night --no-fts / .import" T_IMPORT=0.75
L_FTS="fts s/MB / sqlite rebuild s/MB" T_FTS=1.00
L_NIGHT2="second night / first night (+fts)" T_NIGHT2=0.25
L_NIGHT2_COLD="second night cold / first night"
COLD=${BENCH_COLD:-0}
COLD_CMD=${BENCH_COLD_CMD:-sync; echo 3 > /proc/sys/vm/drop_caches}
T_RSS_MB=100
TIME=/usr/bin/time

die() { echo "bench: $*" >&2; exit 1; }
[ -x "$GVAUDIT" ] || die "no gvaudit binary at '$GVAUDIT' (make all)"
[ -x "$GENCORPUS" ] || die "no generator at '$GENCORPUS' (make $GENCORPUS)"
[ -x "$TIME" ] || die "no $TIME (apt-get install time, or scripts/deps.sh bench)"
command -v sqlite3 >/dev/null || die "no sqlite3 shell (scripts/deps.sh bench)"
mkdir -p "$OUT" || die "cannot create '$OUT'"
case $REPEAT in '' | *[!0-9]* | 0) die "BENCH_REPEAT must be a whole number from 1 (got '$REPEAT')" ;; esac

# awk arithmetic: calc 'expr' [name=value...]
calc() { e=$1; shift; awk "$@" "BEGIN { print ($e) }" </dev/null; }
# rate AMOUNT SECONDS -> amount per second, "-" for a zero time
rate() { calc "w > 0 ? sprintf(\"%.${3:-1}f\", m / w) : \"-\"" -v m="$1" -v w="$2"; }
num() { [ -n "$1" ] && [ "$1" != "-" ]; }
# key=value from a log line
field() { sed -n "s/.*[ :]$1=\([0-9.]*\).*/\1/p" | tail -n 1; }
# one manifest figure summed over the files: mf DIR key
mf() { awk -v k="$2" '{ for (i = 1; i <= NF; i++) if (split($i, a, "=") == 2 && a[1] == k && $1 ~ /csv/) s += a[2] } END { print s + 0 }' "$1/manifest.txt"; }
mf_file() { awk -v f="$2" -v k="$3" '$1 == f { for (i = 1; i <= NF; i++) if (split($i, a, "=") == 2 && a[1] == k) print a[2] }' "$1/manifest.txt"; }

gen_src_sum=$(cksum tests/tools/gencorpus.c 2>/dev/null | cut -d' ' -f1)

# corpus SCALE -> prints the corpus directory, generating it when not cached
corpus() {
	c="$OUT/corpus/s$1-seed$SEED-g${gen_src_sum:-0}"
	if [ ! -f "$c/.done" ]; then
		rm -rf "$OUT"/corpus/"s$1-seed$SEED"-g* || return 1
		t0=$(date +%s.%N)
		"$GENCORPUS" --scale "$1" --seed "$SEED" --night 1 --out "$c/night1" >&2 || return 1
		"$GENCORPUS" --scale "$1" --seed "$SEED" --night 2 --out "$c/night2" >&2 || return 1
		calc 'b - a' -v a="$t0" -v b="$(date +%s.%N)" >"$c/gen.seconds"
		touch "$c/.done"
	fi
	echo "$c"
}

# timed NAME CMD... : runs CMD under /usr/bin/time; sets wall, rss_kb, status
timed() {
	name=$1; shift
	"$TIME" -f '%e %M' -o "$work/$name.time" "$@" >"$work/$name.out" 2>"$work/$name.log"
	status=$?
	wall=$(tail -n 1 "$work/$name.time" | cut -d' ' -f1)
	rss_kb=$(tail -n 1 "$work/$name.time" | cut -d' ' -f2)
}

# stage_rate LOG STAGE ROWSKEY -> "rows/s" or "n/a (...)"
stage_rate() {
	# the stage's closing line (not "ingest: fts index seconds=", a part of it)
	line=$(grep -a "gvaudit: $2: .*seconds=" "$1" | grep -av ": fts index " | tail -n 1)
	stage_s=-
	if [ -n "$line" ]; then
		stage_s=$(echo "$line" | field seconds)
		rows=$(echo "$line" | field "$3")
		[ -n "$rows" ] || rows=$report_rows
		if num "$rows" && num "$stage_s"; then
			calc 's > 0 ? sprintf("%.0f", r / s) : "inf"' -v r="$rows" -v s="$stage_s"
		else
			echo "n/a (no $3 in log)"
		fi
	elif grep -aqi "$2.*not implemented" "$1"; then
		echo "n/a (stage not implemented)"
	else
		echo "n/a (not reached)"
	fi
}

row_fmt='%-16s %8s %8s %27s %27s %27s %8s  %s\n'
header() {
	printf "$row_fmt" "case" "wall s" "MB/s" "ingest rows/s" "analyze rows/s" "report rows/s" \
		"peak MB" "note"
	printf "$row_fmt" "----" "------" "----" "-------------" "--------------" \
		"-------------" "-------" "----"
}

# gv_case NAME DB REPORTDIR MB NIGHTDIR [--no-fts]: a gvaudit run, one table row
gv_case() {
	name=$1 db=$2 rdir=$3 mb=$4 night=$5
	shift 5
	timed "$name" "$GVAUDIT" run "$@" --db "$db" --out "$rdir" \
		"$night/listings.csv.gz" "$night/reviews.csv.gz" "$night/qa.csv.gz"
	report_rows=$(grep -a "gvaudit: analyze: " "$work/$name.log" | tail -n 1 | field listings)
	ing=$(stage_rate "$work/$name.log" ingest rows_read)
	ingest_s=$(grep -a "gvaudit: ingest: files=.*seconds=" "$work/$name.log" | tail -n 1 | field seconds)
	eval "ingest_s_$(echo "$name" | tr -c 'a-z0-9\n' _)=\${ingest_s:--}"
	ana=$(stage_rate "$work/$name.log" analyze listings)
	rep=$(stage_rate "$work/$name.log" report listings)
	case $status in
	0) note="ok" ;;
	1) note="exit 1 (a file refused)" ;;
	*) note="exit $status: $(grep -a 'gvaudit' "$work/$name.log" | grep -av 'seconds=' | tail -n 1 | cut -c1-70)" ;;
	esac
	mbs=$(rate "$mb" "$wall")
	printf "$row_fmt" "$name" "$wall" "$mbs" "$ing" "$ana" "$rep" \
		"$(calc 'sprintf("%.1f", k / 1024)' -v k="$rss_kb")" "$note" >>"$table"
	eval "wall_$(echo "$name" | tr -c 'a-z0-9\n' _)=\$wall"
	eval "status_$(echo "$name" | tr -c 'a-z0-9\n' _)=\$status"
	[ "$rss_kb" -gt "$max_rss_kb" ] 2>/dev/null && max_rss_kb=$rss_kb
	fts_line=$(grep -a "gvaudit: ingest: fts index seconds=" "$work/$name.log" | tail -n 1)
}

# The FTS5 tokenizer gvaudit declares, so SQLite's rebuild indexes alike.
tokenize=$(sed -n "s/.*fts5(.*tokenize *= *\(\"[^\"]*\"\|'[^']*'\).*/\1/p" schemas/*.sql 2>/dev/null | head -n 1)
tok_opt=${tokenize:+, tokenize=$tokenize}

# bench_scale SCALE [RUN]: every case at one scale, its table and ratios;
# RUN numbers the repetition (BENCH_REPEAT), which gets a directory of its own.
bench_scale() {
	scale=$1
	c=$(corpus "$scale") || die "corpus generation failed at scale $scale"
	work="$OUT/run-s$scale${2:+-r$2}"
	rm -rf "$work" && mkdir -p "$work" || die "cannot create '$work'"
	table="$work/table.txt"
	: >"$table"
	max_rss_kb=0
	mb1=$(calc 'sprintf("%.1f", b / 1e6)' -v b="$(mf "$c/night1" bytes)")
	mb2=$(calc 'sprintf("%.1f", b / 1e6)' -v b="$(mf "$c/night2" bytes)")
	text_b=$(calc 'r + q' -v r="$(mf_file "$c/night1" reviews.csv.gz text_bytes)" \
		-v q="$(mf_file "$c/night1" qa.csv.gz text_bytes)")
	text_mb=$(calc 'sprintf("%.1f", b / 1e6)' -v b="$text_b")
	rows1=$(mf "$c/night1" rows)
	rows2=$(mf "$c/night2" rows)

	echo "bench: scale $scale: night 1 $mb1 MB ($rows1 rows; $text_mb MB review+Q&A text), night 2 $mb2 MB ($rows2 rows); corpus $c" >&2

	# (a) first night without FTS, (b) with FTS, each into a fresh database
	gv_case "night1 --no-fts" "$work/a.db" "$work/reports-a" "$mb1" "$c/night1" --no-fts
	[ "${BENCH_KEEP:-0}" = 1 ] || rm -f "$work"/a.db*
	gv_case "night1 +fts" "$work/b.db" "$work/reports-b" "$mb1" "$c/night1"
	fts_s=-
	fts_na="n/a (a gvaudit run failed)"
	if [ -n "$fts_line" ]; then
		fts_s=$(echo "$fts_line" | field seconds)
		fts_how="from gvaudit's log line"
	elif [ "$status_night1___no_fts" -le 1 ] && [ "$status_night1__fts" -le 1 ]; then
		# the index is built inside ingest: compare ingest times, not walls
		fts_s=$(calc 'sprintf("%.2f", b - a)' -v a="$ingest_s_night1___no_fts" \
			-v b="$ingest_s_night1__fts")
		fts_how="ingest seconds of run minus run --no-fts"
	fi
	if num "$fts_s" && [ "$(calc 's > 0' -v s="$fts_s")" != 1 ]; then
		printf "$row_fmt" "fts index" "$fts_s" "n/a" "" "" "" "" \
			"n/a (not above run-to-run noise; $fts_how)" >>"$table"
		fts_s=-
		fts_na="n/a (FTS time below run-to-run noise at this scale)"
	elif num "$fts_s"; then
		printf "$row_fmt" "fts index" "$fts_s" \
			"$(rate "$text_mb" "$fts_s")" \
			"" "" "" "" "$fts_how; MB/s of text" >>"$table"
	else
		printf "$row_fmt" "fts index" "n/a" "n/a" "" "" "" "" "n/a (a gvaudit run failed)" >>"$table"
	fi

	# (d) second night into the first night's database, everything included
	[ "$COLD" = 1 ] && { cp "$work/b.db" "$work/c.db" || die "BENCH_COLD: cannot copy '$work/b.db'"; }
	gv_case "night2" "$work/b.db" "$work/reports-b2" "$mb2" "$c/night2"
	[ "${BENCH_KEEP:-0}" = 1 ] || rm -f "$work"/b.db*
	# (d') the same into the copy, read cold (BENCH_COLD=1)
	wall_night2_cold=- status_night2_cold=2
	if [ "$COLD" = 1 ]; then
		if sh -c "$COLD_CMD" >"$work/cold.log" 2>&1; then
			gv_case "night2 cold" "$work/c.db" "$work/reports-c2" "$mb2" "$c/night2"
		else
			printf "$row_fmt" "night2 cold" "n/a" "" "" "" "" "" \
				"n/a (BENCH_COLD_CMD failed: $(tail -n 1 "$work/cold.log" | cut -c1-60))" >>"$table"
		fi
		[ "${BENCH_KEEP:-0}" = 1 ] || rm -f "$work"/c.db*
	fi

	# (c) the floor: decompress (timed, shown, not counted), then .import
	mkdir -p "$work/plain"
	timed "gunzip" sh -c 'for k in listings reviews qa; do gzip -dc "$1/$k.csv.gz" >"$2/$k.csv" || exit 1; done' \
		sh "$c/night1" "$work/plain"
	printf "$row_fmt" "gzip -dc" "$wall" "$(rate "$mb1" "$wall")" \
		"" "" "" "$(calc 'sprintf("%.1f", k / 1024)' -v k="$rss_kb")" \
		"decompression of night 1; not in the floor" >>"$table"
	timed "import" sqlite3 "$work/floor.db" \
		".import --csv $work/plain/listings.csv listings" \
		".import --csv $work/plain/reviews.csv reviews" \
		".import --csv $work/plain/qa.csv qa"
	wall_import=$wall status_import=$status
	printf "$row_fmt" "sqlite3 .import" "$wall" "$(rate "$mb1" "$wall")" \
		"$(rate "$rows1" "$wall" 0)" "" "" \
		"$(calc 'sprintf("%.1f", k / 1024)' -v k="$rss_kb")" \
		"floor: plain CSVs, fresh db, default journal; exit $status" >>"$table"
	[ "${BENCH_KEEP:-0}" = 1 ] || rm -rf "$work/plain"

	# (b') SQLite's own FTS5 rebuild over the same text
	timed "fts5ref" sqlite3 "$work/floor.db" \
		"CREATE VIRTUAL TABLE fts_r USING fts5(text, content='reviews'$tok_opt);" \
		"CREATE VIRTUAL TABLE fts_q USING fts5(question, answer, content='qa'$tok_opt);" \
		"INSERT INTO fts_r(fts_r) VALUES('rebuild');" \
		"INSERT INTO fts_q(fts_q) VALUES('rebuild');"
	wall_fts5ref=$wall
	printf "$row_fmt" "sqlite fts5" "$wall" "$(rate "$text_mb" "$wall")" \
		"" "" "" "$(calc 'sprintf("%.1f", k / 1024)' -v k="$rss_kb")" \
		"'rebuild' of $text_mb MB text${tokenize:+ (tokenize=$tokenize)}; exit $status" >>"$table"
	[ "${BENCH_KEEP:-0}" = 1 ] || rm -f "$work"/floor.db*

	{
		echo
		echo "== scale $scale: night 1 $mb1 MB uncompressed ($rows1 rows), night 2 $mb2 MB ($rows2 rows), seed $SEED, corpus generated in $(cat "$c/gen.seconds" 2>/dev/null || echo '?') s"
		header
		cat "$table"
		echo
		echo "ratios (targets of issue 7):"
		ratio "$L_IMPORT" "$wall_night1___no_fts" "$wall_import" "<=" "$T_IMPORT" \
			"$status_night1___no_fts"
		r_import=$rv
		r_fts=-
		if num "$fts_s"; then
			# per MB: gvaudit's FTS seconds over SQLite's rebuild seconds, same text
			ratio "$L_FTS" "$fts_s" "$wall_fts5ref" "<=" "$T_FTS" 0
			r_fts=$rv
		else
			printf '  %-34s %8s   target <= %.2f   %s\n' "$L_FTS" n/a "$T_FTS" "$fts_na"
		fi
		ratio "$L_NIGHT2" "$wall_night2" "$wall_night1__fts" "<=" "$T_NIGHT2" \
			"$status_night2"
		r_night2=$rv
		[ "$COLD" = 1 ] && ratio "$L_NIGHT2_COLD" "$wall_night2_cold" "$wall_night1__fts" "" "" \
			"$status_night2_cold"
		printf '  %-34s %8s   target <  %-3s    %s\n' "peak RSS MB (max of gvaudit runs)" \
			"$(calc 'sprintf("%.1f", k / 1024)' -v k="$max_rss_kb")" \
			"$T_RSS_MB" "$(calc 'k / 1024 < t ? "met" : "NOT met"' -v k="$max_rss_kb" -v t="$T_RSS_MB")"
	} >"$work/summary.txt"
	echo "$scale $max_rss_kb" >>"$OUT/rss.txt"
	# the ratios of this run, "-" where the table says n/a, for the medians
	echo "$scale $r_import $r_fts $r_night2 $max_rss_kb" >>"$OUT/ratios.txt"
	cat "$work/summary.txt"
}

# ratio LABEL A B OP TARGET STATUS: prints A/B against the target, or for
# information when TARGET is empty, and leaves it in rv ("-" when it is
# n/a) for the medians over runs
ratio() {
	rv=-
	if [ -n "$5" ]; then
		against="target $4 $(printf '%.2f' "$5")"
	else
		against="no target"
	fi
	if [ "$6" -gt 1 ] || ! num "$2" || ! num "$3"; then
		printf '  %-34s %8s   %s   %s\n' "$1" n/a "$against" "n/a (a run failed or was not made: see the table)"
		return
	fi
	if [ "$(calc 'b > 0' -v b="$3")" != 1 ]; then
		printf '  %-34s %8s   %s   %s\n' "$1" n/a "$against" "n/a (too fast to time at this scale)"
		return
	fi
	rv=$(calc 'sprintf("%.2f", a / b)' -v a="$2" -v b="$3")
	if [ -z "$5" ]; then
		printf '  %-34s %8s   %s   %s\n' "$1" "$rv" "$against" "for information"
		return
	fi
	printf '  %-34s %8s   %s   %s\n' "$1" "$rv" "$against" \
		"$(calc 'r <= t ? "met" : "NOT met"' -v r="$rv" -v t="$5")"
}

: >"$OUT/rss.txt"
: >"$OUT/ratios.txt"
echo "bench: $(uname -m), $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo), $(sqlite3 --version | cut -d' ' -f1), scales: $SCALES, runs of each: $REPEAT" >&2
for s in $SCALES; do
	if [ "$REPEAT" -eq 1 ]; then
		bench_scale "$s"
		continue
	fi
	i=1
	while [ "$i" -le "$REPEAT" ]; do
		echo "bench: scale $s, run $i of $REPEAT" >&2
		bench_scale "$s" "$i"
		i=$((i + 1))
	done
done
if [ "$REPEAT" -gt 1 ]; then
	echo
	echo "ratios over $REPEAT runs of each scale (the median, then the range; runs with n/a left out):"
	# per scale, per ratio: the values in order; the median of an even count
	# is the mean of the middle two
	for s in $SCALES; do
		awk -v s="$s" -v li="$L_IMPORT" -v ti="$T_IMPORT" -v lf="$L_FTS" -v tf="$T_FTS" \
			-v ln="$L_NIGHT2" -v tn="$T_NIGHT2" -v tr="$T_RSS_MB" '
		# usemax: the figure is the largest run (a bound every run must keep)
		function show(label, col, op, target, usemax,    n, i, j, t, v, med) {
			n = 0
			for (i = 1; i <= rows; i++) if (val[i, col] != "-") v[++n] = val[i, col] + 0
			if (n == 0) { printf "  scale %-6s %-34s %8s\n", s, label, "n/a"; return }
			for (i = 2; i <= n; i++) for (j = i; j > 1 && v[j - 1] > v[j]; j--) { t = v[j]; v[j] = v[j - 1]; v[j - 1] = t }
			med = usemax ? v[n] : n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
			printf "  scale %-6s %-34s %8.2f   %.2f-%.2f of %d   target %s %s   %s\n", s, label, med,
				v[1], v[n], n, op, target, (op == "<=" ? med <= target + 0 : med < target + 0) ? "met" : "NOT met"
		}
		$1 == s { rows++; for (k = 2; k <= 5; k++) val[rows, k] = $k; if ($5 != "-") val[rows, 5] = $5 / 1024 }
		END {
			show(li, 2, "<=", ti)
			show(lf, 3, "<=", tf)
			show(ln, 4, "<=", tn)
			show("peak RSS MB (the largest)", 5, "<", tr, 1)
		}' "$OUT/ratios.txt"
	done
fi
if [ "$(wc -l <"$OUT/rss.txt")" -gt 1 ]; then
	echo
	echo "peak RSS across scales (streaming: should not grow with input):"
	awk -v t="$T_RSS_MB" '{ printf "  scale %-6s %8.1f MB%s\n", $1, $2 / 1024, $2 / 1024 < t + 0 ? "" : "  (over " t " MB)" }' "$OUT/rss.txt"
fi
exit 0
