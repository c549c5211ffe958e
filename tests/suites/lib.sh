# Helpers for the fault suites (sourced after `set -eu`, with SUITE set to a
# short name): the binary under test, the corpus generator, a temporary
# directory removed on exit (kept with KEEP=1), fail and q.
cd "$(dirname "$0")/../.."
GVAUDIT=${GVAUDIT:-build/gvaudit}
case "$GVAUDIT" in /*) ;; *) GVAUDIT="$(pwd)/$GVAUDIT" ;; esac
GENCORPUS=${GENCORPUS:-$(dirname "$GVAUDIT")/tools/gencorpus}
[ -x "$GENCORPUS" ] || make --no-print-directory "$GENCORPUS" >/dev/null
T=$(mktemp -d "${TMPDIR:-/tmp}/gvaudit-$SUITE.XXXXXX")
[ -n "${KEEP:-}" ] || trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
q() { sqlite3 -batch -noheader "$1" "$2"; }
