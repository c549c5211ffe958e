/* testdb.h: for unit tests with a scratch database. */
#ifndef GV_TESTDB_H
#define GV_TESTDB_H

#include <criterion/criterion.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Remove the database at path and the -wal and -shm files SQLite leaves
 * beside it (the connection closed first). */
static inline void testdb_unlink(const char *path)
{
	static const char *const suffix[] = {"", "-wal", "-shm"};
	char p[512];
	size_t i;

	for (i = 0; i < sizeof suffix / sizeof suffix[0]; i++) {
		snprintf(p, sizeof p, "%s%s", path, suffix[i]);
		unlink(p);
	}
}

/* The first column of the first row of sql as a new string, "(null)" when
 * there is no row or it is NULL. The caller frees. */
static inline char *testdb_text(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st;
	char *v = NULL;

	cr_assert_eq(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK, "%s", sqlite3_errmsg(db));
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
		v = strdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return v ? v : strdup("(null)");
}

/* The query plan of sql, one detail per step, each followed by ';'. */
static inline void testdb_plan(sqlite3 *db, const char *sql, char *plan, size_t size)
{
	sqlite3_stmt *st;
	char q[2048];
	size_t n = 0;

	snprintf(q, sizeof q, "EXPLAIN QUERY PLAN %s", sql);
	cr_assert_eq(sqlite3_prepare_v2(db, q, -1, &st, NULL), SQLITE_OK, "%s", sqlite3_errmsg(db));
	plan[0] = '\0';
	while (sqlite3_step(st) == SQLITE_ROW && n + 2 < size)
		n += (size_t)snprintf(plan + n, size - n, "%s;", (const char *)sqlite3_column_text(st, 3));
	sqlite3_finalize(st);
}

/* Expect testdb_text(db, sql) to be want. */
#define testdb_expect(db, sql, want)                                                            \
	do {                                                                                     \
		char *got_ = testdb_text(db, sql);                                               \
		cr_expect_str_eq(got_, want, "%s", sql);                                         \
		free(got_);                                                                      \
	} while (0)

#endif
