#!/bin/sh
# Run the test suites and print one closing line "check: N passed, N failed".
#   tests/run.sh          everything (unit, e2e, their sanitizer builds, extra suites)
#   tests/run.sh unit     Criterion unit tests of build/
#   tests/run.sh e2e      end-to-end scripts against build/gvaudit
# Unit binaries: build*/tests/test_*; end-to-end scripts: tests/e2e/*.sh, run
# with GVAUDIT pointing at the binary under test and exiting non-zero on failure.
set -u
cd "$(dirname "$0")/.." || exit 2
what=${1:-all}
passed=0
failed=0
failures=""
log=$(mktemp -d "${TMPDIR:-/tmp}/gvaudit-check.XXXXXX")
trap 'rm -rf "$log"' EXIT

# What a sanitizer prints when it finds something.
SAN_REPORT='ERROR: (Address|Leak|Thread|Memory)Sanitizer|runtime error:|SUMMARY: UndefinedBehaviorSanitizer'

note_fail() { failed=$((failed + $2)); failures="$failures\n  $1"; }

run_unit() { # $1 = build dir
	for t in "$1"/tests/test_*; do
		[ -x "$t" ] || continue
		name="$1/$(basename "$t")"
		out="$log/$(echo "$name" | tr / _).log"
		# Criterion's --jobs keeps a 2-core machine responsive; ASan needs no leaks.
		# --no-early-exit: a test worker leaves through exit(), so LeakSanitizer
		# runs in it; Criterion ignores a worker's status after the test, so any
		# sanitizer report in the output is counted as a failure below.
		ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
			"$t" --jobs 2 --no-early-exit >"$out" 2>&1
		rc=$?
		if grep -aqE "$SAN_REPORT" "$out"; then
			echo "unit: $name: sanitizer report:"
			grep -aE -A 12 "$SAN_REPORT" "$out" | head -n 30 | sed 's/^/    /'
			[ "$rc" -eq 0 ] && rc=99
		fi
		line=$(grep -a 'Synthesis: Tested:' "$out" | tail -n 1)
		ok=$(echo "$line" | sed -n 's/.*Passing: \([0-9]*\).*/\1/p')
		bad=$(echo "$line" | sed -n 's/.*Failing: \([0-9]*\) | Crashing: \([0-9]*\).*/\1 \2/p')
		ok=${ok:-0}
		nbad=0
		for n in $bad; do nbad=$((nbad + n)); done
		passed=$((passed + ok))
		if [ "$rc" -ne 0 ] || [ "$nbad" -ne 0 ] || [ -z "$line" ]; then
			[ "$nbad" -eq 0 ] && nbad=1
			note_fail "$name (exit $rc)" "$nbad"
			sed 's/^/    /' "$out" | tail -n 40
		fi
		echo "unit: $name: $line"
	done
}

run_e2e() { # $1 = binary
	for s in tests/e2e/*.sh; do
		[ -f "$s" ] || continue
		case "$(basename "$s")" in lib.sh) continue ;; esac
		out="$log/e2e_$(basename "$s").log"
		# Sanitizer reports go to files (a script may swallow stderr, and
		# ASan's default exit status 1 would pass for "file refused"): any
		# report fails the script, whatever its own result.
		rm -rf "$log/san"
		mkdir -p "$log/san"
		if GVAUDIT="$1" ASAN_OPTIONS=detect_leaks=1:exitcode=86:log_path="$log/san/asan" \
			UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:exitcode=86:log_path="$log/san/ubsan" \
			sh "$s" >"$out" 2>&1 && [ -z "$(ls -A "$log/san")" ]; then
			passed=$((passed + 1))
			echo "e2e: $1: $(basename "$s"): ok"
		else
			note_fail "$(basename "$s") with $1" 1
			echo "e2e: $1: $(basename "$s"): FAILED"
			sed 's/^/    /' "$out" | tail -n 40
			for r in "$log"/san/*; do
				[ -f "$r" ] && sed 's/^/    /' "$r" | head -n 30
			done
		fi
	done
}

run_extra() { # tests/suites/*.sh: browser test, bench smoke, faults...
	for s in tests/suites/*.sh; do
		[ -f "$s" ] || continue
		case "$(basename "$s")" in lib.sh) continue ;; esac
		out="$log/suite_$(basename "$s").log"
		if GVAUDIT=build/gvaudit sh "$s" >"$out" 2>&1; then
			passed=$((passed + 1))
			echo "suite: $(basename "$s"): ok"
		else
			note_fail "suite $(basename "$s")" 1
			echo "suite: $(basename "$s"): FAILED"
			sed 's/^/    /' "$out" | tail -n 40
		fi
	done
}

case "$what" in
unit) run_unit build ;;
e2e) run_e2e build/gvaudit ;;
all)
	run_unit build
	run_e2e build/gvaudit
	if [ -x build-san/gvaudit ]; then
		run_unit build-san
		run_e2e build-san/gvaudit
	fi
	run_extra
	;;
*) echo "usage: tests/run.sh [unit|e2e|all]" >&2; exit 2 ;;
esac

[ "$failed" -gt 0 ] && printf "failures:%b\n" "$failures"
echo "check: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
