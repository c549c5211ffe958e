/* dbindex.c: see dbindex.h. */
#include "common/dbindex.h"

#include "common/db.h"

void dbindex_forget(dbindex_set *set)
{
	while (set->n > 0) {
		set->n--;
		sqlite3_free(set->sql[set->n]);
		sqlite3_free(set->dedup[set->n]);
		set->dedup[set->n] = NULL;
	}
	set->unique = 0;
}

/* The DELETE that keeps the first row (lowest rowid: the load order) of
 * each key of unique index name on table, or NULL when the index is not on
 * plain columns (an expression) or cannot be read. NULL keys are never
 * duplicates of each other in a unique index, so they are left alone. */
static char *dedup_sql(sqlite3 *db, const char *table, const char *name)
{
	sqlite3_stmt *st = NULL;
	char *cols = NULL, *notnull = NULL, *q = NULL, *t;
	int rc, ok = 1;

	if (sqlite3_prepare_v2(db, "SELECT name FROM pragma_index_info(?1) ORDER BY seqno", -1, &st,
			       NULL) != SQLITE_OK)
		return NULL;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	while (ok && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *c = (const char *)sqlite3_column_text(st, 0);
		if (!c) { /* an expression */
			ok = 0;
			break;
		}
		t = sqlite3_mprintf("%s%s\"%w\"", cols ? cols : "", cols ? ", " : "", c);
		sqlite3_free(cols);
		cols = t;
		t = sqlite3_mprintf("%s AND \"%w\" IS NOT NULL", notnull ? notnull : "", c);
		sqlite3_free(notnull);
		notnull = t;
	}
	if (ok && rc == SQLITE_DONE && cols)
		q = sqlite3_mprintf("DELETE FROM \"%w\" WHERE rowid IN (SELECT rowid FROM (SELECT "
				    "rowid, row_number() OVER (PARTITION BY %s ORDER BY rowid) AS n "
				    "FROM \"%w\" WHERE 1%s) WHERE n > 1)",
				    table, cols, table, notnull);
	sqlite3_finalize(st);
	sqlite3_free(cols);
	sqlite3_free(notnull);
	return q;
}

/* A table loaded while empty (a first night) gets its secondary indexes
 * built once, by sorting, instead of updated row by row in random key
 * order: on a first night of reviews that is most of the time spent in
 * SQLite (issue 7). The statements come from the schema itself
 * (sqlite_master), so the rebuilt indexes are the same ones. A unique index
 * is deferred only when the caller says so (unique_too): reviews and
 * review_classes, whose keys schema 011 made named indexes for this. */
int dbindex_defer(sqlite3 *db, const char *table, int unique_too, dbindex_set *set,
		  gv_error *err)
{
	char *names[DBINDEX_MAX];
	sqlite3_stmt *st = NULL;
	int rc, empty, i, n = 0;

	if (!table)
		return 0;
	if ((empty = db_table_empty(db, table, err)) <= 0)
		return empty;
	/* An index led by file_id only grows at its end while a file loads
	 * (one file_id, rising rowids): cheaper kept than rebuilt. Unique ones
	 * first, so dbindex_restore meets a duplicate before building others. */
	if (db_prepare(db, "SELECT m.name, m.sql, l.\"unique\" FROM sqlite_master m "
			   "JOIN pragma_index_list(?1) l ON l.name = m.name "
			   "WHERE m.type = 'index' AND m.tbl_name = ?1 AND m.sql IS NOT NULL "
			   "AND (NOT l.\"unique\" OR (?2 AND NOT l.partial)) AND (SELECT name FROM "
			   "pragma_index_info(m.name) WHERE seqno = 0) <> 'file_id' "
			   "ORDER BY l.\"unique\" DESC, m.name", &st, err) < 0)
		return -1;
	sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, unique_too);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && n < DBINDEX_MAX) {
		const char *name = (const char *)sqlite3_column_text(st, 0);
		char *dedup = NULL;
		if (sqlite3_column_int(st, 2)) {
			dedup = dedup_sql(db, table, name);
			if (!dedup) /* an expression: stays, kept up to date */
				continue;
			set->unique++;
		}
		names[n] = sqlite3_mprintf("DROP INDEX \"%w\"", name);
		set->dedup[n] = dedup;
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
	return rc == -2 ? -1 : 1;
}

/* CREATE INDEX sorts in runs of at most cache_size pages, each sorted in
 * memory and then merged. Runs of 8 MiB with one sorter helper thread
 * (PRAGMA threads) build an index faster than runs of the connection's 24
 * MiB on one thread, in less memory: review_classes_listing at scale 0.3
 * (1.15 M rows), `sqlite3` alone, 3.1-3.6 s and 54 MB RSS against 1.9-2.2 s
 * and 29 MB. Smaller runs stay in the processor's caches; the helper sorts
 * one run while this thread reads the next. Both settings are put back. */
#define SORT_RUN_KIB (-8192)
#define SORT_THREADS 1

static int build(sqlite3 *db, dbindex_set *set, long long *dropped, gv_error *err)
{
	int i;
	for (i = 0; i < set->n; i++) {
		if (db_exec(db, set->sql[i], err) == 0)
			continue;
		/* a failed CREATE INDEX leaves the transaction as it was */
		if (!set->dedup[i] || !dropped ||
		    sqlite3_extended_errcode(db) != SQLITE_CONSTRAINT_UNIQUE)
			return -1;
		if (db_exec(db, set->dedup[i], err) < 0)
			return -1;
		*dropped += sqlite3_changes(db);
		if (db_exec(db, set->sql[i], err) < 0)
			return -1;
	}
	return 0;
}

int dbindex_restore(sqlite3 *db, dbindex_set *set, long long *dropped, gv_error *err)
{
	long long cache = SORT_RUN_KIB, threads = 0;
	gv_error ignored; /* a setting that fails only makes the build slower */
	int rc;

	if (set->n == 0)
		return 0;
	db_pragma_get(db, "cache_size", &cache);
	db_pragma_get(db, "threads", &threads);
	db_pragma_set(db, "cache_size", SORT_RUN_KIB, &ignored);
	db_pragma_set(db, "threads", SORT_THREADS, &ignored);
	rc = build(db, set, dropped, err);
	db_pragma_set(db, "threads", threads, &ignored);
	db_pragma_set(db, "cache_size", cache, &ignored);
	if (rc == 0)
		dbindex_forget(set);
	return rc;
}
