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

# Sorted contents of every table but bookkeeping (run ids, file ids, times,
# durations; the runs table; FTS shadow tables) of database $1 on stdout,
# to compare runs. Table $2, if given, is compared as a set (distinct rows).
BOOK="'run_id','file_id','analyzed_at','computed_at','recorded_at','started_at','finished_at','seconds'"
dump_tables() {
	for t in $(q "$1" "select name from sqlite_master where type = 'table' and name not like 'sqlite_%'
	                   and name not like '%fts%' and name not in ('runs') order by name"); do
		cols=$(q "$1" "select group_concat('\"' || name || '\"', ', ') from pragma_table_info('$t')
		               where name not in ($BOOK)")
		where=""
		[ "$t" = ingest_files ] && where="where status = 'ok'"
		distinct=""
		[ "$t" = "${2:-}" ] && distinct=distinct
		echo "== $t"
		q "$1" "select $distinct $cols from \"$t\" $where order by $cols"
	done
}
