/* test_dbindex.c: indexes of an empty table dropped for a bulk load and
 * built again after it (common/dbindex.h): which ones, and what becomes of
 * duplicate keys when a unique index is among them. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "common/dbindex.h"
#include "tests/testdb.h"

static sqlite3 *db;

static void exec(const char *sql)
{
	char *msg = NULL;
	cr_assert_eq(sqlite3_exec(db, sql, NULL, NULL, &msg), SQLITE_OK, "%s: %s", sql,
		     msg ? msg : "");
}

#define expect_text(sql, want) testdb_expect(db, sql, want)

#define INDEXES "SELECT group_concat(name, ' ') FROM (SELECT name FROM sqlite_master " \
		"WHERE type = 'index' AND tbl_name = 't' ORDER BY name)"

static void setup(void)
{
	cr_assert_eq(sqlite3_open(":memory:", &db), SQLITE_OK);
	exec("CREATE TABLE t(k TEXT, v TEXT, file_id INTEGER, c TEXT UNIQUE);"
	     "CREATE UNIQUE INDEX t_k ON t(k);"
	     "CREATE INDEX t_v ON t(v);"
	     "CREATE INDEX t_file ON t(file_id);"
	     "CREATE UNIQUE INDEX t_expr ON t(lower(v));"
	     "CREATE UNIQUE INDEX t_part ON t(v) WHERE v > 'x';"
	     "BEGIN");
}

static void teardown(void)
{
	sqlite3_close(db);
}

TestSuite(dbindex, .init = setup, .fini = teardown);

/* Without unique_too only plain secondary indexes go; an index led by
 * file_id, a constraint's own index and every unique one stay. */
Test(dbindex, secondary_indexes_only)
{
	dbindex_set set = {{NULL}, {NULL}, 0, 0};
	gv_error err;

	cr_assert_eq(dbindex_defer(db, "t", 0, &set, &err), 1, "%s", err.msg);
	cr_expect_eq(set.n, 1);
	cr_expect_eq(set.unique, 0);
	expect_text(INDEXES, "sqlite_autoindex_t_1 t_expr t_file t_k t_part");
	exec("INSERT INTO t(k, v) VALUES ('a', 'one'), ('b', 'two')");
	cr_assert_eq(dbindex_restore(db, &set, NULL, &err), 0, "%s", err.msg);
	expect_text(INDEXES, "sqlite_autoindex_t_1 t_expr t_file t_k t_part t_v");
	cr_expect_eq(set.n, 0);
}

/* With unique_too a unique index on plain columns goes too (not one on an
 * expression or with a WHERE clause); a duplicate key found when it is
 * built again loses its later rows, counted, NULL keys left alone. */
Test(dbindex, unique_index_built_again_without_duplicates)
{
	dbindex_set set = {{NULL}, {NULL}, 0, 0};
	gv_error err;
	long long dropped = 0;

	cr_assert_eq(dbindex_defer(db, "t", 1, &set, &err), 1, "%s", err.msg);
	cr_expect_eq(set.n, 2);
	cr_expect_eq(set.unique, 1);
	expect_text(INDEXES, "sqlite_autoindex_t_1 t_expr t_file t_part");
	exec("INSERT INTO t(k, v) VALUES ('a', 'first'), ('b', 'other'), ('a', 'second'),"
	     " (NULL, 'n1'), (NULL, 'n2'), ('a', 'third')");
	cr_assert_eq(dbindex_restore(db, &set, &dropped, &err), 0, "%s", err.msg);
	cr_expect_eq(dropped, 2);
	expect_text("SELECT group_concat(ifnull(k, '-') || '=' || v, ' ') FROM "
		    "(SELECT * FROM t ORDER BY rowid)", "a=first b=other -=n1 -=n2");
	expect_text(INDEXES, "sqlite_autoindex_t_1 t_expr t_file t_k t_part t_v");
}

/* A caller that does not expect duplicates gets an error, not a silent
 * deletion. */
Test(dbindex, duplicates_are_an_error_without_a_count)
{
	dbindex_set set = {{NULL}, {NULL}, 0, 0};
	gv_error err;

	cr_assert_eq(dbindex_defer(db, "t", 1, &set, &err), 1, "%s", err.msg);
	exec("INSERT INTO t(k, v) VALUES ('a', 'first'), ('a', 'second')");
	cr_expect_eq(dbindex_restore(db, &set, NULL, &err), -1);
	cr_expect(strstr(err.msg, "UNIQUE") != NULL, "%s", err.msg);
	dbindex_forget(&set);
	expect_text("SELECT count(*) FROM t", "2");
}

/* A table with rows keeps everything, and says so. */
Test(dbindex, table_with_rows_untouched)
{
	dbindex_set set = {{NULL}, {NULL}, 0, 0};
	gv_error err;

	exec("INSERT INTO t(k, v) VALUES ('a', 'one')");
	cr_assert_eq(dbindex_defer(db, "t", 1, &set, &err), 0, "%s", err.msg);
	cr_expect_eq(set.n, 0);
	expect_text(INDEXES, "sqlite_autoindex_t_1 t_expr t_file t_k t_part t_v");
}
