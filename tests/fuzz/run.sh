#!/bin/sh
# Build and run the libFuzzer targets tests/fuzz/fuzz_*.c (make fuzz).
#   tests/fuzz/run.sh [target...]     default: every target
# Environment: FUZZ_SECONDS (per target, default 60), FUZZ_OUT (default
# fuzz-out), CC (default clang). Each target is linked with the project's
# library sources compiled with -fsanitize=fuzzer-no-link,address,undefined
# and runs single-process from a seed corpus built from fixtures/** and
# ../shared/samples (if present); the corpus grows in $FUZZ_OUT/<target>/corpus
# and is reused by the next run. Crashes land in $FUZZ_OUT/<target>/ as
# crash-*/leak-*/timeout-*; the script fails if any target found one.
# One line per target: "fuzz: <target>: seconds=N execs=N crashes=N".
set -u
cd "$(dirname "$0")/../.." || exit 2
: "${FUZZ_SECONDS:=60}"
: "${FUZZ_OUT:=fuzz-out}"
: "${CC:=clang}"
case "$CC" in cc|gcc|*/gcc) CC=clang ;; esac
PKGS="sqlite3 zlib libutf8proc libxxhash"
SAN="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"
CPPFLAGS="-D_GNU_SOURCE -I. -I$FUZZ_OUT/obj -DGV_VERSION=\"fuzz\" -DGV_DATADIR=\"schemas\""
CFLAGS="-std=c11 -O1 -g $SAN $(pkg-config --cflags $PKGS)"
LIBS="$(pkg-config --libs $PKGS) -lcsv -lpthread -lm"
OBJ="$FUZZ_OUT/obj"
mkdir -p "$OBJ"

# -- library objects (rebuilt when the source is newer) --------------------
objs=""
scripts/embed-sql.sh schemas/[0-9]*.sql >"$OBJ/schema_sql.c.tmp" || exit 1
if ! cmp -s "$OBJ/schema_sql.c.tmp" "$OBJ/schema_sql.c"; then
	mv "$OBJ/schema_sql.c.tmp" "$OBJ/schema_sql.c"
else
	rm -f "$OBJ/schema_sql.c.tmp"
fi
for src in "$OBJ/schema_sql.c" common/*.c ingest/*.c analyze/*.c report/*.c; do
	o="$OBJ/$(echo "$src" | sed "s|^$OBJ/||; s|/|_|g; s|\.c$|.o|")"
	if [ ! -f "$o" ] || [ "$src" -nt "$o" ] || [ -n "$(find common ingest analyze report -name '*.h' -newer "$o" 2>/dev/null | head -n 1)" ]; then
		echo "  CC     $src"
		# shellcheck disable=SC2086
		$CC $CPPFLAGS $CFLAGS -fsanitize=fuzzer-no-link -c -o "$o" "$src" || exit 1
	fi
	objs="$objs $o"
done

# -- seed corpora ------------------------------------------------------------
# Whole files for the ingest target; chunks of 8 lines (decompressed) for the
# text targets, so each seed is a realistic title, spec block or review.
seeds_files() { # $1 = dir
	mkdir -p "$1"
	find fixtures ../shared/samples -type f \( -name '*.csv' -o -name '*.gz' \) 2>/dev/null |
	while read -r f; do
		sz=$(wc -c <"$f")
		[ "$sz" -le 262144 ] || continue
		cp "$f" "$1/seed_$(echo "$f" | tr '/.' '__')"
	done
}
seeds_text() { # $1 = dir
	mkdir -p "$1"
	find fixtures ../shared/samples -type f \( -name '*.csv' -o -name '*.gz' \) 2>/dev/null |
	while read -r f; do
		name=$(echo "$f" | tr '/.' '__')
		gzip -dcf "$f" 2>/dev/null | head -n 400 | split -l 8 -a 3 - "$1/seed_${name}_"
	done
	# keep each seed small
	find "$1" -type f -size +8k -exec sh -c 'head -c 4096 "$1" >"$1.t" && mv "$1.t" "$1"' _ {} \;
}

targets=${*:-$(ls tests/fuzz/fuzz_*.c | sed 's|.*/fuzz_||; s|\.c$||')}
status=0
for t in $targets; do
	dir="$FUZZ_OUT/$t"
	bin="$dir/fuzz_$t"
	mkdir -p "$dir/corpus"
	echo "  LINK   $bin"
	# shellcheck disable=SC2086
	$CC $CPPFLAGS $CFLAGS -fsanitize=fuzzer -o "$bin" "tests/fuzz/fuzz_$t.c" $objs $LIBS || { status=1; continue; }
	if [ ! -d "$dir/seeds" ]; then
		case "$t" in
		ingest) seeds_files "$dir/seeds" ;;
		*) seeds_text "$dir/seeds" ;;
		esac
		[ -d tests/fuzz/seeds/$t ] && cp tests/fuzz/seeds/$t/* "$dir/seeds/" 2>/dev/null
	fi
	case "$t" in ingest) maxlen=65536 ;; *) maxlen=4096 ;; esac
	before=$(ls "$dir" | grep -c -E '^(crash|leak|timeout|oom)-' || true)
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
		"$bin" -max_total_time="$FUZZ_SECONDS" -max_len=$maxlen -timeout=20 -rss_limit_mb=2048 \
		-print_final_stats=1 -artifact_prefix="$dir/" "$dir/corpus" "$dir/seeds" \
		>"$dir/log" 2>&1
	rc=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$dir/log" | tail -n 1)
	secs=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$dir/log" | tail -n 1)
	after=$(ls "$dir" | grep -c -E '^(crash|leak|timeout|oom)-' || true)
	echo "fuzz: $t: seconds=${secs:-?} execs=${execs:-?} crashes=$((after - before)) exit=$rc"
	if [ "$rc" -ne 0 ]; then
		status=1
		grep -E 'ERROR|runtime error|SUMMARY|==ERROR|Test unit written' "$dir/log" | head -n 8 | sed 's/^/    /'
	fi
done
exit $status
