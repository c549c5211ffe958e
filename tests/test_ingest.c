/* test_ingest.c: the file driver: return values, totals, refusals, skips,
 * and a database error (disk full) that rolls the file back and stops. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/db.h"
#include "common/log.h"
#include "ingest/ingest.h"

static sqlite3 *db;
static char dir[] = "/tmp/gvaudit-test-ingest.XXXXXX";
static char dbpath[256];

static void setup(void)
{
	gv_error err;
	cr_assert_not_null(mkdtemp(dir));
	snprintf(dbpath, sizeof dbpath, "%s/t.db", dir);
	gv_error_clear(&err);
	cr_assert_eq(db_open(dbpath, &db, &err), 0, "%s", err.msg);
	log_set_quiet(1);
}

static void teardown(void)
{
	char cmd[300];
	db_close(db);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	cr_expect_eq(system(cmd), 0);
}

TestSuite(ingest, .init = setup, .fini = teardown);

static const char *file(const char *name, const char *text)
{
	static char path[2][300];
	static int k;
	char *p = path[k++ & 1];
	FILE *f;
	snprintf(p, 300, "%s/%s", dir, name);
	f = fopen(p, "wb");
	cr_assert_not_null(f);
	fputs(text, f);
	fclose(f);
	return p;
}

static long long count(const char *sql)
{
	sqlite3_stmt *st;
	long long n = -1;
	cr_assert_eq(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK, "%s", sqlite3_errmsg(db));
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

static const char reviews[] =
	"review_id,listing_id,rating,country,created_at,text\n"
	"r1,L1,5,AU,2026-11-01,good\n"
	"r2,L1,9,AU,2026-11-01,bad rating\n"
	"r1,L1,5,AU,2026-11-01,again\n";

Test(ingest, stored_then_skipped)
{
	ingest_opts o = {7, 0};
	ingest_totals t;
	gv_error err;
	const char *p = file("r.csv", reviews);

	memset(&t, 0, sizeof t);
	gv_error_clear(&err);
	cr_expect_eq(ingest_file(db, p, &o, &t, &err), 0, "%s", err.msg);
	cr_expect_eq(t.files_ok, 1);
	cr_expect_eq(t.rows_read, 3);
	cr_expect_eq(t.rows_stored, 1);
	cr_expect_eq(t.rows_rejected, 1);
	cr_expect_eq(t.rows_duplicate, 1);
	cr_expect_eq(ingest_file(db, p, &o, &t, &err), 0, "%s", err.msg);
	cr_expect_eq(t.files_skipped, 1);
	cr_expect_eq(t.rows_read, 3, "a skipped file adds no rows");
	cr_expect_eq(count("SELECT count(*) FROM ingest_files WHERE run_id = 7"), 2);
	cr_expect_eq(count("SELECT count(*) FROM reviews"), 1);
	cr_expect_eq(count("SELECT line FROM rejects"), 3);
}

Test(ingest, refused_returns_one)
{
	ingest_opts o = {0, 0};
	ingest_totals t;
	gv_error err;
	const char *p = file("u.csv", "review_id,listing_id,text\nr1,L1,\"open\n");

	memset(&t, 0, sizeof t);
	gv_error_clear(&err);
	cr_expect_eq(ingest_file(db, p, &o, &t, &err), 1);
	cr_expect_eq(t.files_refused, 1);
	cr_expect_eq(count("SELECT count(*) FROM ingest_files WHERE status = 'refused' AND kind = 'reviews'"), 1, "the kind is known from the header");
	cr_expect_eq(count("SELECT count(*) FROM reviews"), 0);
	p = file("m.csv", "listing_id,seller_id,scraped_at\n1,2,2026-11-01\n");
	cr_expect_eq(ingest_file(db, p, &o, &t, &err), 1);
	cr_expect_eq(t.files_refused, 2);
	cr_expect_eq(count("SELECT count(*) FROM ingest_files WHERE reason = 'missing required column ''title'' (listings dump)'"), 1);
}

Test(ingest, disk_full_rolls_back_and_stops)
{
	ingest_opts o = {0, 0};
	ingest_totals t;
	gv_error err;
	strbuf big;
	const char *p;
	long long pages;
	char sql[64];
	int i;

	sb_init(&big);
	sb_adds(&big, "review_id,listing_id,text\n");
	for (i = 0; i < 20000; i++)
		sb_addf(&big, "r%d,L%d,some review text that takes room %d\n", i, i % 50, i);
	p = file("big.csv", big.buf);
	sb_release(&big);
	pages = count("PRAGMA page_count");
	snprintf(sql, sizeof sql, "PRAGMA max_page_count = %lld", pages + 20);
	cr_assert_eq(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	memset(&t, 0, sizeof t);
	gv_error_clear(&err);
	cr_expect_eq(ingest_file(db, p, &o, &t, &err), -1);
	cr_expect(strstr(err.msg, "full") != NULL, "%s", err.msg);
	cr_expect(strstr(err.msg, "big.csv") != NULL, "names the file: %s", err.msg);
	cr_expect(sqlite3_get_autocommit(db), "the transaction is closed");
	cr_expect_eq(count("SELECT count(*) FROM reviews"), 0);
	cr_expect_eq(count("SELECT count(*) FROM ingest_files"), 0);
	cr_expect_eq(t.files_ok + t.files_refused + t.files_skipped, 0);
}
