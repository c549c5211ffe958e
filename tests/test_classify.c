/* test_classify.c: classify_pending in one thread and in two gives the same
 * class tables, rows stored in the same order, over several batches (by
 * rows and by bytes), NULL texts included; the watermark keeps later runs to
 * the rows of newer files without missing any. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "analyze/classify.h"
#include "analyze/textsig.h"
#include "common/db.h"
#include "tests/testdb.h"

static char PATH[2][64];

static void exec(sqlite3 *db, const char *sql)
{
	char *msg = NULL;
	cr_assert_eq(sqlite3_exec(db, sql, NULL, NULL, &msg), SQLITE_OK, "%s: %s", sql, msg ? msg : "");
}

static long count(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st;
	long n;
	cr_assert_eq(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK, "%s", sql);
	cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
	n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

/* Every column of both class tables in rowid order, as one string. */
static char *dump(sqlite3 *db)
{
	static const char *const sql[] = {
		"SELECT rowid, * FROM review_classes ORDER BY rowid",
		"SELECT rowid, * FROM qa_classes ORDER BY rowid",
		"SELECT * FROM dirty_listings ORDER BY 1",
	};
	strbuf sb;
	char *p;
	sqlite3_stmt *st;
	size_t i;
	int c;

	sb_init(&sb);
	for (i = 0; i < sizeof sql / sizeof *sql; i++) {
		cr_assert_eq(sqlite3_prepare_v2(db, sql[i], -1, &st, NULL), SQLITE_OK);
		while (sqlite3_step(st) == SQLITE_ROW) {
			for (c = 0; c < sqlite3_column_count(st); c++) {
				const char *t = (const char *)sqlite3_column_text(st, c);
				sb_adds(&sb, t ? t : "<null>");
				sb_addc(&sb, '|');
			}
			sb_addc(&sb, '\n');
		}
		sqlite3_finalize(st);
	}
	p = sb_detach(&sb);
	sb_release(&sb); /* sb_detach leaves a fresh buffer behind */
	return p;
}

static const char *const texts[] = {
	"Only 3G in my town, no B28.",
	"Nice phone, fast delivery.",
	"It came with OS1.0.6.0.UNCCNXM, China ROM, no Google.",
	"Kein LTE Band 20, nur 3G. Aber sonst gut.",
	"Модель 22101316C, китайская версия.",
};

/* 5000 reviews, more batches than the ring holds, the first 900 of them
 * every third one 4 kB long (a batch cut by bytes, then by rows), a NULL
 * text, and Q&A rows with and without replies. */
static void fill(sqlite3 *db)
{
	sqlite3_stmt *st;
	char id[32], listing[32], *big;
	int i;

	exec(db, "BEGIN");
	cr_assert_eq(sqlite3_prepare_v2(db, "INSERT INTO reviews(review_id, listing_id, country, text, "
				      "file_id) VALUES (?1, ?2, 'AU', ?3, 1)", -1, &st, NULL), SQLITE_OK);
	big = malloc(4000);
	for (i = 0; i < 4000; i++)
		big[i] = "no 4G here. "[i % 12];
	for (i = 0; i < 5000; i++) {
		snprintf(id, sizeof id, "r%05d", (i * 7919) % 5000); /* ids out of order */
		snprintf(listing, sizeof listing, "L%d", i % 37);
		sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 2, listing, -1, SQLITE_TRANSIENT);
		if (i < 900 && i % 3 == 0)
			sqlite3_bind_text(st, 3, big, 4000 - i, SQLITE_STATIC);
		else if (i == 701)
			sqlite3_bind_null(st, 3);
		else
			sqlite3_bind_text(st, 3, texts[i % 5], -1, SQLITE_STATIC);
		cr_assert_eq(sqlite3_step(st), SQLITE_DONE);
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	free(big);
	exec(db, "INSERT INTO qa(qa_id, listing_id, question, answer, file_id) VALUES "
		 "('q1', 'L1', 'Does it have band 20?', 'It supports Google Play and all languages.', 1),"
		 "('q2', 'L2', 'Is it global version?', NULL, 1),"
		 "('q3', 'L3', 'Global or China?', 'China version, model 22101316C.', 1)");
	exec(db, "INSERT INTO ingest_files(file_id, path, fingerprint, status, started_at) "
		 "VALUES (1, 'x', 'f1', 'ok', 'now')");
	exec(db, "COMMIT");
}

static void open_db(int k, sqlite3 **db)
{
	gv_error err;
	int fd;
	snprintf(PATH[k], sizeof PATH[k], "/tmp/gv-classify-XXXXXX");
	fd = mkstemp(PATH[k]);
	cr_assert_geq(fd, 0);
	close(fd);
	unlink(PATH[k]);
	cr_assert_eq(db_open(PATH[k], db, &err), 0, "%s", err.msg);
}

static void close_db(int k, sqlite3 *db)
{
	db_close(db);
	testdb_unlink(PATH[k]);
}

static void run(sqlite3 *db, textsig *ts)
{
	gv_error err;
	exec(db, "BEGIN");
	cr_assert_eq(textsig_classify_pending(db, ts, &err), 0, "%s", err.msg);
	exec(db, "COMMIT");
}

Test(classify, one_thread_or_two)
{
	sqlite3 *db[2];
	char *d[2];
	gv_error err;
	textsig *ts = textsig_new("schemas", &err);
	int k;

	cr_assert_not_null(ts, "%s", err.msg);
	for (k = 0; k < 2; k++) {
		open_db(k, &db[k]);
		fill(db[k]);
		setenv("GVAUDIT_ANALYZE_THREADS", k ? "2" : "1", 1);
		run(db[k], ts);
		d[k] = dump(db[k]);
		cr_expect_eq(count(db[k], "SELECT count(*) FROM review_classes"), 5000);
		cr_expect_eq(count(db[k], "SELECT count(*) FROM sqlite_master WHERE type = 'index' "
					  "AND tbl_name = 'review_classes' AND sql IS NOT NULL"), 3,
			     "the key (schema 011) and secondary indexes built again after the load");
	}
	unsetenv("GVAUDIT_ANALYZE_THREADS");
	cr_expect_str_eq(d[0], d[1]);
	for (k = 0; k < 2; k++) {
		free(d[k]);
		close_db(k, db[k]);
	}
	textsig_free(ts);
}

/* The rows of later files are found by two index ranges of file_id: no
 * OR of the two, which SQLite answers with a RowSet of every rowid in
 * memory (classify.h), and no scan of the table. */
Test(classify, later_rows_found_by_index_ranges)
{
	static const char *const since[] = {CLASSIFY_REVIEWS_SINCE_SQL, CLASSIFY_QA_SINCE_SQL};
	static const char *const want[][2] = {
		{"SEARCH r USING INDEX reviews_file (file_id>?)", "SEARCH r USING INDEX reviews_file (file_id=?)"},
		{"SEARCH q USING INDEX qa_file (file_id>?)", "SEARCH q USING INDEX qa_file (file_id=?)"},
	};
	sqlite3 *db;
	char plan[2048];
	size_t i;

	open_db(0, &db);
	exec(db, "CREATE TEMP TABLE textsig_pending(rid INTEGER PRIMARY KEY)");
	for (i = 0; i < 2; i++) {
		testdb_plan(db, since[i], plan, sizeof plan);
		cr_expect(strstr(plan, want[i][0]) && strstr(plan, want[i][1]), "%s", plan);
		cr_expect(!strstr(plan, "MULTI-INDEX OR") && !strstr(plan, "SCAN"), "%s", plan);
	}
	close_db(0, db);
}

Test(classify, watermark)
{
	sqlite3 *db;
	gv_error err;
	textsig *ts = textsig_new("schemas", &err);
	char want[160];

	cr_assert_not_null(ts, "%s", err.msg);
	open_db(0, &db);
	fill(db);
	run(db, ts);
	snprintf(want, sizeof want, "SELECT count(*) FROM textsig_watermark WHERE lexicon = '%s' "
		 "AND file_id = 1", textsig_fingerprint(ts));
	cr_expect_eq(count(db, want), 1);
	exec(db, "DELETE FROM dirty_listings");

	/* a reply arriving with file 2, a review without a file id: both redone */
	exec(db, "INSERT INTO ingest_files(file_id, path, fingerprint, status, started_at) "
		 "VALUES (2, 'y', 'f2', 'ok', 'now');"
		 "UPDATE qa SET answer = 'No, it is China version.', file_id = 2 WHERE qa_id = 'q2';"
		 "INSERT INTO reviews(review_id, listing_id, text) VALUES ('x1', 'LX', 'Only 3G.')");
	run(db, ts);
	cr_expect_eq(count(db, "SELECT count(*) FROM qa_classes WHERE qa_id = 'q2' AND reply_class = 'honest_china'"), 1);
	cr_expect_eq(count(db, "SELECT count(*) FROM review_classes WHERE review_id = 'x1'"), 1);
	cr_expect_eq(count(db, "SELECT count(*) FROM dirty_listings"), 2);
	want[strlen(want) - 1] = '2';
	cr_expect_eq(count(db, want), 1);
	cr_expect_eq(count(db, "SELECT count(*) FROM textsig_watermark"), 1);

	/* rows of older files are not looked at again (the classes are current) */
	exec(db, "DELETE FROM dirty_listings; UPDATE review_classes SET class = 'kept' WHERE review_id = 'r00001'");
	run(db, ts);
	cr_expect_eq(count(db, "SELECT count(*) FROM dirty_listings"), 0);
	cr_expect_eq(count(db, "SELECT count(*) FROM review_classes WHERE class = 'kept'"), 1);

	/* a watermark of another lexicon: every row compared again */
	exec(db, "UPDATE textsig_watermark SET lexicon = 'other';"
		 "UPDATE review_classes SET lexicon = 'old' WHERE review_id = 'r00001'");
	run(db, ts);
	cr_expect_eq(count(db, "SELECT count(*) FROM review_classes WHERE class = 'kept'"), 0);
	cr_expect_eq(count(db, "SELECT count(*) FROM dirty_listings"), 1);
	close_db(0, db);
	textsig_free(ts);
}
