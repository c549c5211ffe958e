/* dbindex.c: see dbindex.h. */
#include "common/dbindex.h"

#include "common/db.h"

void dbindex_forget(dbindex_set *set)
{
	while (set->n > 0)
		sqlite3_free(set->sql[--set->n]);
}

/* A table loaded while empty (a first night) gets its secondary indexes
 * built once, by sorting, instead of updated row by row in random key
 * order: on a first night of reviews that is most of the time spent in
 * SQLite (issue 7). The statements come from the schema itself
 * (sqlite_master), so the rebuilt indexes are the same ones; unique
 * constraints stay, so duplicates are still found while loading. */
int dbindex_defer(sqlite3 *db, const char *table, dbindex_set *set, gv_error *err)
{
	char *names[DBINDEX_MAX];
	sqlite3_stmt *st = NULL;
	char *q;
	int rc, empty, i, n = 0;

	if (!table)
		return 0;
	q = sqlite3_mprintf("SELECT NOT EXISTS (SELECT 1 FROM \"%w\")", table);
	rc = db_prepare(db, q, &st, err);
	sqlite3_free(q);
	if (rc < 0)
		return -1;
	rc = sqlite3_step(st);
	empty = rc == SQLITE_ROW && sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return db_fail(db, err, "cannot count the table's rows");
	if (!empty)
		return 0;
	/* An index led by file_id only grows at its end while a file loads
	 * (one file_id, rising rowids): cheaper kept than rebuilt. */
	if (db_prepare(db, "SELECT name, sql FROM sqlite_master WHERE type = 'index' "
			   "AND tbl_name = ?1 AND sql IS NOT NULL AND (SELECT name FROM "
			   "pragma_index_info(sqlite_master.name) WHERE seqno = 0) <> 'file_id' "
			   "ORDER BY name", &st, err) < 0)
		return -1;
	sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && n < DBINDEX_MAX) {
		names[n] = sqlite3_mprintf("DROP INDEX \"%w\"", sqlite3_column_text(st, 0));
		set->sql[n++] = sqlite3_mprintf("%s", sqlite3_column_text(st, 1));
	}
	sqlite3_finalize(st);
	set->n = n;
	/* dropped once the listing statement is done: SQLite refuses a schema
	 * change while a statement reads it */
	for (i = 0; i < n; i++) {
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			rc = -1;
		else if (db_exec(db, names[i], err) < 0)
			rc = -2;
		sqlite3_free(names[i]);
	}
	if (rc == -1)
		return db_fail(db, err, "cannot list the table's indexes");
	return rc == -2 ? -1 : 0;
}

int dbindex_restore(sqlite3 *db, dbindex_set *set, gv_error *err)
{
	int i;
	for (i = 0; i < set->n; i++)
		if (db_exec(db, set->sql[i], err) < 0)
			return -1;
	dbindex_forget(set);
	return 0;
}
