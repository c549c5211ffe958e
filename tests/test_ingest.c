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
#include "tests/testdb.h"

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

/* Within a test: throw the database away and start on a new one. */
static void fresh_database(void)
{
	teardown();
	memcpy(dir + strlen(dir) - 6, "XXXXXX", 6);
	setup();
}

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
	ingest_opts o = {7, 0, NULL};
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
	ingest_opts o = {0, 0, NULL};
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

/* big.csv: 20 000 reviews with ids prefix0.. (several batches). */
static const char *big_reviews(const char *prefix)
{
	strbuf big;
	const char *p;
	int i;

	sb_init(&big);
	sb_adds(&big, "review_id,listing_id,text\n");
	for (i = 0; i < 20000; i++)
		sb_addf(&big, "%s%d,L%d,some review text that takes room %d\n", prefix, i, i % 50, i);
	p = file("big.csv", big.buf);
	sb_release(&big);
	return p;
}

/* The file was stopped by a full disk, said so, and left nothing open. */
static void expect_full(const gv_error *err)
{
	cr_expect(strstr(err->msg, "full") != NULL, "%s", err->msg);
	cr_expect(strstr(err->msg, "big.csv") != NULL, "names the file: %s", err->msg);
	cr_expect(sqlite3_get_autocommit(db), "the transaction is closed");
}

Test(ingest, disk_full_rolls_back_and_stops)
{
	ingest_opts o = {0, 0, NULL};
	ingest_totals t;
	gv_error err;
	const char *p = big_reviews("r");
	long long pages;
	char sql[64];

	pages = count("PRAGMA page_count");
	snprintf(sql, sizeof sql, "PRAGMA max_page_count = %lld", pages + 20);
	cr_assert_eq(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	memset(&t, 0, sizeof t);
	gv_error_clear(&err);
	cr_expect_eq(ingest_file(db, p, &o, &t, &err), -1);
	expect_full(&err);
	cr_expect_eq(count("SELECT count(*) FROM reviews"), 0);
	cr_expect_eq(count("SELECT count(*) FROM ingest_files"), 0);
	cr_expect_eq(t.files_ok + t.files_refused + t.files_skipped, 0);
}

Test(ingest, full_temp_space_rolls_a_later_file_back)
{
	ingest_opts o = {0, 1, NULL};
	ingest_totals t;
	gv_error err;
	const char *p;

	memset(&t, 0, sizeof t);
	gv_error_clear(&err);
	cr_assert_eq(ingest_file(db, file("r1.csv", reviews), &o, &t, &err), 0, "%s", err.msg);
	/* a later file, kept in the temp schema for storing in key order, with
	 * no room there */
	p = big_reviews("n");
	cr_assert_eq(sqlite3_exec(db, "PRAGMA temp.max_page_count = 20", NULL, NULL, NULL),
		     SQLITE_OK, "%s", sqlite3_errmsg(db));
	gv_error_clear(&err);
	cr_expect_eq(ingest_file(db, p, &o, &t, &err), -1);
	expect_full(&err);
	cr_expect(strstr(err.msg, "key order") != NULL, "the stage is what is full: %s", err.msg);
	cr_expect_eq(count("SELECT count(*) FROM reviews"), 1, "the first file's review stays");
	cr_expect_eq(count("SELECT count(*) FROM ingest_files"), 1);
	cr_expect_eq(count("SELECT count(*) FROM temp.sqlite_master"), 0, "no stage left behind");
}

/* ---- the tap (ingest/tap.h) ---- */

/* A tap that records what it is given: prepare writes a digest of the
 * row's id and texts, stored checks it against the row it is handed. */
typedef struct rec_tap {
	int decline;                /* begin says 0: the tap does not take the file */
	long prepare_calls;         /* written by the reading thread, read after it ends */
	int begun, committed, aborted;
	long stored, prepared;      /* rows stored; of those, handed prepared */
	long bad;                   /* prepared results that do not match the row */
	strbuf seen;                /* "id:first text byte;" of each stored row */
} rec_tap;

static unsigned long digest(const ingest_row *row)
{
	unsigned long h = 5381;
	int j, i;
	for (j = 0; j < HEADER_MAXFIELDS; j++)
		for (i = 0; row->s[j] && i < row->n[j]; i++)
			h = h * 33 + (unsigned char)row->s[j][i];
	return h;
}

static void rec_prepare(void *ctx, const ingest_row *row, void *out)
{
	unsigned long h = digest(row);
	((rec_tap *)ctx)->prepare_calls++;
	memcpy(out, &h, sizeof h);
}

static int rec_begin(void *ctx, sqlite3 *d, ingest_kind kind, long long file_id, gv_error *err)
{
	rec_tap *t = ctx;
	(void)d, (void)err;
	cr_expect(kind == KIND_REVIEWS || kind == KIND_QA);
	cr_expect(file_id > 0);
	t->begun++;
	return !t->decline;
}

static int rec_stored(void *ctx, const ingest_row *row, const void *prepared, gv_error *err)
{
	rec_tap *t = ctx;
	unsigned long h;
	int text = row->kind == KIND_REVIEWS ? RF_TEXT : QF_QUESTION;
	(void)err;
	t->stored++;
	if (prepared) {
		t->prepared++;
		memcpy(&h, prepared, sizeof h);
		t->bad += h != digest(row);
	}
	sb_addf(&t->seen, "%.*s:%c;", row->n[0], row->s[0], row->s[text] ? row->s[text][0] : '-');
	return 0;
}

static int rec_commit(void *ctx, gv_error *err)
{
	(void)err;
	((rec_tap *)ctx)->committed++;
	return 0;
}

static void rec_abort(void *ctx)
{
	((rec_tap *)ctx)->aborted++;
}

static void tap_run(int threads, rec_tap *t)
{
	ingest_tap tap = {t, sizeof(unsigned long), rec_prepare, rec_begin, rec_stored, rec_commit,
			  rec_abort};
	ingest_opts o = {0, 1, &tap};
	ingest_totals tot;
	gv_error err;
	strbuf big;
	int i;

	setenv("GVAUDIT_INGEST_THREADS", threads == 1 ? "1" : "2", 1);
	memset(t, 0, sizeof *t);
	sb_init(&t->seen);
	memset(&tot, 0, sizeof tot);
	gv_error_clear(&err);
	/* 20 000 reviews (several batches), r5 twice */
	sb_init(&big);
	sb_adds(&big, "review_id,listing_id,text\n");
	for (i = 0; i < 20000; i++)
		sb_addf(&big, "r%d,L%d,%c review %d\n", i == 7 ? 5 : i, i % 50, 'a' + i % 26, i);
	cr_assert_eq(ingest_file(db, file("big.csv", big.buf), &o, &tot, &err), 0, "%s", err.msg);
	sb_release(&big);
	/* q1 answered later in the same file, its later row with another question */
	cr_assert_eq(ingest_file(db, file("qa.csv", "qa_id,listing_id,question,answer\n"
						    "q1,L1,Band 20?,\nq2,L1,Global?,Yes\n"
						    "q1,L2,Other question,No B20\n"),
				 &o, &tot, &err), 0, "%s", err.msg);
	/* refused half way: the tap hears of the rollback */
	cr_assert_eq(ingest_file(db, file("u.csv", "review_id,listing_id,text\nx1,L1,ok\nx2,L1,\"open\n"),
				 &o, &tot, &err), 1);
	/* listings: not the tap's business */
	cr_assert_eq(ingest_file(db, file("l.csv", "listing_id,seller_id,title,scraped_at\n"
						   "L1,S1,Phone,2026-11-01\n"), &o, &tot, &err), 0, "%s", err.msg);
	unsetenv("GVAUDIT_INGEST_THREADS");
}

Test(ingest, tap_sees_each_stored_row_once, .timeout = 60)
{
	rec_tap t[2];
	int k;

	for (k = 0; k < 2; k++) {
		tap_run(k + 1, &t[k]);
		cr_expect_eq(t[k].begun, 3, "%d thread(s): reviews, Q&A, the refused file", k + 1);
		cr_expect_eq(t[k].committed, 2);
		cr_expect_eq(t[k].aborted, 1);
		/* 19 999 reviews (r5 twice: stored twice into a first file, one
		 * removed at commit), q1, q2, q1's reply, x1 before the refusal */
		cr_expect_eq(t[k].stored, 20000 + 3 + 1, "%d thread(s): %ld stored", k + 1, t[k].stored);
		cr_expect_eq(t[k].bad, 0, "a prepared result belongs to its row");
		cr_expect(strstr(t[k].seen.buf, "q1:B;") != NULL, "the fill carries the stored question");
		cr_expect(strstr(t[k].seen.buf, "q1:O;") == NULL, "not the later row's");
		sb_release(&t[k].seen);
		fresh_database(); /* for the second round */
	}
	cr_expect_eq(t[0].prepared, 20000 + 2 + 1, "one thread prepares every row it reads");
	cr_expect(t[1].prepared < t[1].stored, "two threads share the work");
}

Test(ingest, tap_declined_file_costs_nothing)
{
	rec_tap t;
	ingest_tap tap = {&t, sizeof(unsigned long), rec_prepare, rec_begin, rec_stored, rec_commit,
			  rec_abort};
	ingest_opts o = {0, 1, &tap};
	ingest_totals tot;
	gv_error err;
	int threads;

	for (threads = 1; threads <= 2; threads++) {
		memset(&t, 0, sizeof t);
		sb_init(&t.seen);
		t.decline = 1;
		setenv("GVAUDIT_INGEST_THREADS", threads == 1 ? "1" : "2", 1);
		memset(&tot, 0, sizeof tot);
		gv_error_clear(&err);
		cr_assert_eq(ingest_file(db, file(threads == 1 ? "r1.csv" : "r2.csv", threads == 1 ?
					  "review_id,listing_id,text\nd1,L1,one\nd2,L1,two\n" :
					  "review_id,listing_id,text\nd3,L1,three\n"),
					 &o, &tot, &err), 0, "%s", err.msg);
		unsetenv("GVAUDIT_INGEST_THREADS");
		cr_expect_eq(t.begun, 1);
		cr_expect_eq(t.prepare_calls + t.stored + t.committed + t.aborted, 0,
			     "%d thread(s): a declined file is neither prepared nor stored", threads);
		cr_expect_eq(tot.rows_stored, 3 - threads, "the rows are stored all the same");
		sb_release(&t.seen);
	}
}

/* ---- a later night's rows stored in key order (ingest/stage.h) ---- */

/* What the tables hold, rowids aside: the same in key order and in file
 * order. */
static const char *const table_dumps[] = {
	"SELECT group_concat(x, ' | ') FROM (SELECT printf('%s,%s,%s,%s,%s,%s,%s,%s', listing_id, "
	"seller_id, title, price, scraped_at, file_id, first_seen, scrapes) AS x FROM listings "
	"ORDER BY listing_id)",
	"SELECT group_concat(x, ' | ') FROM (SELECT printf('%s,%s,%s,%s,%s', listing_id, "
	"scraped_at, title, price, file_id) AS x FROM listing_scrapes "
	"ORDER BY listing_id, scraped_at)",
	"SELECT group_concat(x, ' | ') FROM (SELECT printf('%s,%s,%s,%s,%s', review_id, "
	"listing_id, rating, text, file_id) AS x FROM reviews ORDER BY review_id)",
	"SELECT group_concat(x, ' | ') FROM (SELECT printf('%s,%s,%s,%s,%s', qa_id, listing_id, "
	"question, answer, file_id) AS x FROM qa ORDER BY qa_id)",
	"SELECT group_concat(listing_id, ' ') FROM (SELECT listing_id FROM dirty_listings "
	"ORDER BY listing_id)",
	"SELECT group_concat(x, ' | ') FROM (SELECT printf('%s,%s,%s', file_id, line, reason) AS x "
	"FROM rejects ORDER BY file_id, line)",
	"SELECT group_concat(x, ' | ') FROM (SELECT printf('%s,%s,%s,%s,%s,%s,%s', file_id, kind, "
	"status, rows_read, rows_stored, rows_duplicate, rows_rejected) AS x FROM ingest_files "
	"ORDER BY file_id)",
	/* the full-text index follows the rows */
	"SELECT group_concat(review_id, ' ') FROM (SELECT r.review_id FROM reviews_fts f JOIN "
	"reviews r ON r.review_rowid = f.rowid WHERE reviews_fts MATCH 'signal' ORDER BY 1)",
	"SELECT group_concat(qa_id, ' ') FROM (SELECT q.qa_id FROM qa_fts f JOIN qa q "
	"ON q.qa_rowid = f.rowid WHERE qa_fts MATCH 'b28' ORDER BY 1)",
};
#define NDUMPS (sizeof table_dumps / sizeof table_dumps[0])

/* Night 1, then a night 2 whose rows come in no key order: a listing
 * scraped twice (the later scrape first), new keys before old ones, a
 * review id twice (the first wins), a review stored the night before, a
 * question answered at last, one asked and answered in the same file, a
 * rejected row. Returns the rowids of the new reviews z9 and z1, which tell
 * the order they were stored in, and fills dump. */
static void two_nights(int file_order, char *dump[NDUMPS], long long *z9, long long *z1)
{
	ingest_opts o = {0, 0, NULL};
	ingest_totals t;
	gv_error err;
	size_t i;
	/* name, text: night 1's three files, then night 2's */
	static const char *const files[6][2] = {
		{"l1.csv", "listing_id,seller_id,title,price,scraped_at\n"
			   "L5,S1,Five,100,2026-11-01\nL2,S1,Two,200,2026-11-01\n"
			   "L3,S2,Three,300,2026-11-01\n"},
		{"r1.csv", "review_id,listing_id,rating,text\n"
			   "a5,L5,5,no signal\na2,L2,1,weak signal\n"},
		{"q1.csv", "qa_id,listing_id,question,answer\nq3,L3,B28?,\nq2,L2,Global?,Yes\n"},
		{"l2.csv", "listing_id,seller_id,title,price,scraped_at\n"
			   "L9,S3,Nine,90,2026-11-02\nL3,S2,Three later,310,2026-11-03\n"
			   "L2,S1,Two,bad price,2026-11-02\nL3,S2,Three sooner,305,2026-11-02\n"
			   "L1,S3,One,10,2026-11-02\n"},
		{"r2.csv", "review_id,listing_id,rating,text\n"
			   "z9,L9,2,signal lost\na5,L5,5,no signal again\nz1,L1,4,first signal\n"
			   "m1,L3,3,middle\nz1,L1,1,second signal\n"},
		{"q2.csv", "qa_id,listing_id,question,answer\n"
			   "q9,L9,B28 on this?,\nq3,L3,B28?,No B28\nq9,L9,B28 on this?,Yes B28\n"
			   "q2,L2,Global?,Still yes\n"},
	};

	if (file_order)
		setenv("GVAUDIT_INGEST_FILE_ORDER", "1", 1);
	for (i = 0; i < 6; i++) {
		memset(&t, 0, sizeof t);
		gv_error_clear(&err);
		cr_assert_eq(ingest_file(db, file(files[i][0], files[i][1]), &o, &t, &err), 0, "%s",
			     err.msg);
		cr_assert_eq(t.files_ok, 1, "%s", files[i][0]);
	}
	unsetenv("GVAUDIT_INGEST_FILE_ORDER");
	for (i = 0; i < NDUMPS; i++)
		dump[i] = testdb_text(db, table_dumps[i]);
	*z9 = count("SELECT review_rowid FROM reviews WHERE review_id = 'z9'");
	*z1 = count("SELECT review_rowid FROM reviews WHERE review_id = 'z1'");
}

Test(ingest, key_order_stores_what_file_order_stores)
{
	char *keyed[NDUMPS], *filed[NDUMPS];
	long long kz9, kz1, fz9, fz1;
	size_t i;

	two_nights(0, keyed, &kz9, &kz1);
	fresh_database();
	two_nights(1, filed, &fz9, &fz1);
	cr_expect(fz9 < fz1, "file order: z9 (line 2) stored before z1");
	cr_expect(kz1 < kz9, "key order: z1 stored before z9");
	for (i = 0; i < NDUMPS; i++) {
		cr_expect_str_eq(keyed[i], filed[i], "%s", table_dumps[i]);
		free(keyed[i]);
		free(filed[i]);
	}
}

Test(ingest, key_order_keeps_the_rules)
{
	char *d[NDUMPS];
	long long z9, z1;
	size_t i;

	two_nights(0, d, &z9, &z1);
	/* the later scrape is current, both are history */
	cr_expect(strstr(d[0], "L3,S2,Three later,310.0,2026-11-03") != NULL, "%s", d[0]);
	cr_expect(strstr(d[0], ",2026-11-01,3") != NULL, "L3 has three scrapes: %s", d[0]);
	cr_expect(strstr(d[1], "L3,2026-11-02,Three sooner") != NULL, "%s", d[1]);
	/* the first z1 wins; a5 stays as the first night stored it */
	cr_expect(strstr(d[2], "z1,L1,4,first signal") != NULL, "%s", d[2]);
	cr_expect(strstr(d[2], "a5,L5,5,no signal,") != NULL, "%s", d[2]);
	/* q3 answered at last; q9 asked, then answered in the same file; q2 kept */
	cr_expect(strstr(d[3], "q3,L3,B28?,No B28") != NULL, "%s", d[3]);
	cr_expect(strstr(d[3], "q9,L9,B28 on this?,Yes B28") != NULL, "%s", d[3]);
	cr_expect(strstr(d[3], "q2,L2,Global?,Yes,") != NULL, "%s", d[3]);
	cr_expect_str_eq(d[4], "L1 L2 L3 L5 L9");
	cr_expect(strstr(d[5], "4,4,") != NULL, "the bad price is rejected at its line: %s", d[5]);
	cr_expect_str_eq(d[7], "a2 a5 z1 z9", "the index holds the stored texts");
	cr_expect_str_eq(d[8], "q3 q9");
	for (i = 0; i < NDUMPS; i++)
		free(d[i]);
}
