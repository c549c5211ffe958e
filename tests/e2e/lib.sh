# Helpers for the end-to-end scripts (sourced). $GVAUDIT is the binary under
# test; each script works in its own temporary directory, removed on exit.
set -eu
: "${GVAUDIT:=build/gvaudit}"
case "$GVAUDIT" in /*) ;; *) GVAUDIT="$(pwd)/$GVAUDIT" ;; esac
ROOT=$(pwd)
FIX="$ROOT/fixtures"
T=$(mktemp -d "${TMPDIR:-/tmp}/gvaudit-e2e.XXXXXX")
trap 'rm -rf "$T"' EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }
# expect_eq ACTUAL EXPECTED WHAT
expect_eq() { [ "$1" = "$2" ] || fail "$3: expected '$2', got '$1'"; }
# q DB SQL: one value (or rows) from the database
q() { sqlite3 -batch -noheader "$1" "$2"; }
# gv ARGS...: run the binary, capturing stderr in $T/err and the status in $rc
gv() { set +e; "$GVAUDIT" "$@" 2>"$T/err" >"$T/out"; rc=$?; set -e; }
# expect_log PATTERN: stderr of the last gv matched grep -E PATTERN
expect_log() { grep -Eq "$1" "$T/err" || { cat "$T/err" >&2; fail "log lacks /$1/"; }; }
# old_table DB TABLE SCHEMA VERSION: TABLE put back as schemas/SCHEMA's own
# CREATE TABLE made it (a WITHOUT ROWID table; its rows copied), and the
# database's schema version set to VERSION: a database made before the
# migration that rebuilt TABLE.
old_table() {
	create=$(sed -n "/^CREATE TABLE $2 (/,/^) WITHOUT ROWID;/p" "$ROOT/schemas/$3" |
		sed "s/^CREATE TABLE $2 (/CREATE TABLE $2_old (/")
	[ -n "$create" ] || fail "no CREATE TABLE $2 in schemas/$3"
	q "$1" "PRAGMA legacy_alter_table = ON;
BEGIN;
$create
INSERT INTO $2_old SELECT * FROM $2;
DROP TABLE $2;
ALTER TABLE $2_old RENAME TO $2;
PRAGMA user_version = $4;
COMMIT"
}
