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
	char *sql[DBINDEX_MAX]; /* sqlite3_mprintf copies */
	int n;
} dbindex_set;

/* When table (may be NULL: nothing to do) has no row, drop its secondary
 * indexes, except those led by file_id, and keep their CREATE statements in
 * set. Run it inside the transaction that loads the table and calls
 * dbindex_restore: readers never see the table without them. 0 or -1 with
 * err. */
int dbindex_defer(sqlite3 *db, const char *table, dbindex_set *set, gv_error *err);
/* Recreate what dbindex_defer dropped and empty set. 0 or -1 with err. */
int dbindex_restore(sqlite3 *db, dbindex_set *set, gv_error *err);
/* Forget the statements without running them (the transaction rolled back). */
void dbindex_forget(dbindex_set *set);

#endif
