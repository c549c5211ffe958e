/* dbindex.h: building a table's secondary indexes once, after a bulk load
 * into the empty table, instead of row by row (issue 7). Shared by ingest
 * (a first night's reviews) and analyze (a first night's review classes). */
#ifndef GV_DBINDEX_H
#define GV_DBINDEX_H

#include <sqlite3.h>

#include "common/util.h"

#define DBINDEX_MAX 8 /* secondary indexes of one table rebuilt at the end */

/* CREATE INDEX statements dropped until dbindex_restore. Zero it to start. */
typedef struct dbindex_set {
	char *sql[DBINDEX_MAX];   /* sqlite3_mprintf copies */
	char *dedup[DBINDEX_MAX]; /* a unique index's DELETE of later duplicates, else NULL */
	int n;
	int unique;               /* of the n, unique indexes */
} dbindex_set;

/* When table (may be NULL: nothing to do) has no row, drop its secondary
 * indexes, except those led by file_id, and keep their CREATE statements in
 * set. Unique indexes (named ones: a constraint's own index cannot be
 * dropped) only with unique_too, and only those on plain columns without a
 * WHERE clause: the loader must then keep duplicates out itself or let
 * dbindex_restore remove them. Run it inside the transaction that loads the
 * table and calls dbindex_restore: readers never see the table without
 * them. 1 when table was empty (its indexes, if any, now in set), 0 when it
 * has rows (or is NULL: nothing done), -1 with err. */
int dbindex_defer(sqlite3 *db, const char *table, int unique_too, dbindex_set *set,
		  gv_error *err);
/* Recreate what dbindex_defer dropped and empty set. A unique index that
 * finds duplicate keys: with dropped, the rows after the first (by rowid,
 * the order they were loaded in) of each key are deleted, counted in
 * *dropped, and the index built; without, it is an error. 0 or -1 with
 * err. */
int dbindex_restore(sqlite3 *db, dbindex_set *set, long long *dropped, gv_error *err);
/* Forget the statements without running them (the transaction rolled back). */
void dbindex_forget(dbindex_set *set);

#endif
