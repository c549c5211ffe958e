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

Test(ingest, disk_full_rolls_back_and_stops)
{
	ingest_opts o = {0, 0, NULL};
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
		/* a fresh database for the second round */
		teardown();
		memcpy(dir + strlen(dir) - 6, "XXXXXX", 6);
		setup();
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
