/* classify.c: see classify.h. A ring of NBATCH batches: this thread reads
 * rows into the next free batch and hands it over, the worker classifies the
 * batches in turn, and this thread stores them in the same turn, so memory
 * stays at NBATCH batches whatever the night. Several batches in flight let
 * either thread run on when the other is held up (a busy machine) instead
 * of moving in lock step. */
#include "analyze/classify.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyze/lookahead.h"
#include "analyze/replies.h"
#include "analyze/reviews.h"
#include "common/db.h"
#include "common/dbindex.h"
#include "common/log.h"
#include "common/memlog.h"

#define BATCH_ROWS 1024          /* rows of one batch... */
#define BATCH_BYTES (1 << 20)    /* ...or this many bytes of copied text */
#define NBATCH 4                 /* batches in the ring */

/* The columns a row is read with (select columns 0..3): classify_fields. */

typedef struct crow {
	size_t off[CLASSIFY_NF]; /* where each field starts in the batch's text */
	int len[CLASSIFY_NF];    /* its bytes; -1 for NULL */
	classify_result res;     /* filled by the worker */
} crow;

typedef struct text_kind text_kind;

typedef struct batch {
	const text_kind *kind;
	crow *rows;          /* BATCH_ROWS of them */
	size_t n;
	strbuf text;         /* the rows' fields, each NUL-terminated */
} batch;

/* One kind of stored text and the table its classes go to. */
struct text_kind {
	classify_kind kind;
	const char *rows;    /* "reviews": for messages */
	const char *one;     /* "a review class": for messages */
	const char *full;    /* rowids to (re)classify into textsig_pending; ?1 = fingerprint */
	const char *since;   /* the same among rows of files after ?2 (and without a file) */
	const char *select;  /* those rows: the classify_fields */
	const char *dirty;   /* the listings of the rows in textsig_pending into dirty_listings */
};

/* The fields of batch row r. */
static void row_fields(const batch *b, const crow *r, classify_fields *f)
{
	int i;
	for (i = 0; i < CLASSIFY_NF; i++) {
		f->s[i] = r->len[i] < 0 ? NULL : b->text.buf + r->off[i];
		f->n[i] = r->len[i] < 0 ? 0 : r->len[i];
	}
}

/* Length of s[0..n) cut to at most max bytes at a UTF-8 character start. */
static int cut_len(const char *s, size_t n, size_t max)
{
	if (n <= max)
		return (int)n;
	n = max;
	while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	return (int)n;
}

static int bind_excerpt(sqlite3_stmt *st, int idx, const char *t, size_t a, size_t b)
{
	if (!t || b <= a)
		return sqlite3_bind_null(st, idx);
	while (a < b && (t[a] == ' ' || t[a] == '\n' || t[a] == '\r' || t[a] == '\t'))
		a++;
	return db_bind_view(st, idx, t + a, cut_len(t + a, b - a, CLASSIFY_EXCERPT_MAX));
}

/* Every parameter of the insert is bound again for each row
 * (classify_bind), and the texts and the result outlive the row's step:
 * db_bind_view, not a copy. */
static void bind_review(sqlite3_stmt *ins, const classify_fields *f, const review_result *r)
{
	const char *text = f->s[CLASSIFY_A];

	db_bind_view(ins, 6, reviews_class_name(r->cls), -1);
	sqlite3_bind_int(ins, 7, r->complaint);
	sqlite3_bind_int(ins, 8, r->negated);
	sqlite3_bind_int(ins, 9, r->noise);
	sqlite3_bind_int(ins, 10, r->network_ok);
	sqlite3_bind_int(ins, 11, r->not_genuine);
	sqlite3_bind_int(ins, 12, r->china_rom);
	sqlite3_bind_int(ins, 13, r->no_google);
	sqlite3_bind_int(ins, 14, r->unofficial);
	sqlite3_bind_double(ins, 15, r->strength);
	db_bind_view(ins, 16, r->bands[0] ? r->bands : NULL, -1);
	db_bind_view(ins, 17, r->has_fw ? r->fw.version : NULL, -1);
	db_bind_view(ins, 18, r->has_fw && r->fw.region[0] ? r->fw.region : NULL, -1);
	db_bind_view(ins, 19, r->has_fw ? firmware_branch_name(r->fw.branch) : NULL, -1);
	if (r->cls == RV_GENERIC && r->model_region != 'C')
		sqlite3_bind_null(ins, 20);
	else if (r->cls == RV_GENERIC) /* the model number is the point */
		bind_excerpt(ins, 20, text, 0, (size_t)f->n[CLASSIFY_A]);
	else
		bind_excerpt(ins, 20, text, r->ex_start, r->ex_end);
	db_bind_view(ins, 21, r->model[0] ? r->model : NULL, -1);
	db_bind_view(ins, 22, !r->model_region ? NULL : r->model_region == 'C' ? "CN" :
			      r->model_region == 'G' ? "GLOBAL" : "OTHER", -1);
}

static void bind_qa(sqlite3_stmt *ins, const classify_fields *f, const reply_result *r)
{
	db_bind_view(ins, 6, replies_question_name(r->qk), -1);
	db_bind_view(ins, 7, replies_class_name(r->cls), -1);
	db_bind_view(ins, 8, r->detail, -1);
	db_bind_view(ins, 9, r->model[0] ? r->model : NULL, -1);
	db_bind_view(ins, 10, r->asked_band[0] ? r->asked_band : NULL, -1);
	if (r->cls == RP_UNANSWERED)
		sqlite3_bind_null(ins, 11);
	else
		bind_excerpt(ins, 11, f->s[CLASSIFY_B], r->ex_start, r->ex_end);
}

void classify_row(const classify_ref *ref, lx_scan *scan, classify_kind k,
		  const classify_fields *f, classify_result *out)
{
	const char *a = f->s[CLASSIFY_A];

	if (k == CLASSIFY_REVIEW)
		reviews_classify(ref->lx, ref->fr, scan, a ? a : "", (size_t)f->n[CLASSIFY_A],
				 &out->rv);
	else
		replies_classify(ref->lx, scan, a ? a : "", (size_t)f->n[CLASSIFY_A],
				 f->s[CLASSIFY_B], (size_t)f->n[CLASSIFY_B], &out->rp);
}

const char *classify_insert_sql(classify_kind k)
{
	return k == CLASSIFY_REVIEW ? CLASSIFY_REVIEW_INSERT_SQL : CLASSIFY_QA_INSERT_SQL;
}

const char *classify_table(classify_kind k)
{
	return k == CLASSIFY_REVIEW ? "review_classes" : "qa_classes";
}

void classify_bind(sqlite3_stmt *ins, const char *fp, classify_kind k, const classify_fields *f,
		   const classify_result *r)
{
	int i;

	sqlite3_reset(ins);
	/* ?1 id, ?2 listing, ?3 fingerprint, ?4 ?5 the texts: only read while
	 * the row is stored, so not copied */
	for (i = 0; i < CLASSIFY_NF; i++)
		db_bind_view(ins, i < CLASSIFY_A ? i + 1 : i + 2, f->s[i], f->n[i]);
	db_bind_view(ins, 3, fp, -1);
	if (k == CLASSIFY_REVIEW)
		bind_review(ins, f, &r->rv);
	else
		bind_qa(ins, f, &r->rp);
}

static const text_kind review_kind = {
	CLASSIFY_REVIEW, "reviews", "a review class",
	CLASSIFY_REVIEWS_ALL_SQL,
	CLASSIFY_REVIEWS_SINCE_SQL,
	"SELECT r.review_id, r.listing_id, r.text, r.country "
	"FROM textsig_pending p JOIN reviews r ON r.rowid = p.rid",
	"INSERT OR IGNORE INTO dirty_listings(listing_id) "
	"SELECT r.listing_id FROM textsig_pending p JOIN reviews r ON r.rowid = p.rid",
};

static const text_kind qa_kind = {
	CLASSIFY_QA, "q&a rows", "a q&a class",
	CLASSIFY_QA_ALL_SQL,
	CLASSIFY_QA_SINCE_SQL,
	"SELECT q.qa_id, q.listing_id, q.question, q.answer "
	"FROM textsig_pending p JOIN qa q ON q.rowid = p.rid",
	"INSERT OR IGNORE INTO dirty_listings(listing_id) "
	"SELECT q.listing_id FROM textsig_pending p JOIN qa q ON q.rowid = p.rid",
};

/* ---- the worker ---- */

static void batch_init(batch *b)
{
	b->kind = NULL;
	b->rows = xmalloc(BATCH_ROWS * sizeof *b->rows);
	b->n = 0;
	sb_init(&b->text);
}

static void batch_release(batch *b)
{
	free(b->rows);
	sb_release(&b->text);
}

typedef struct worker {
	const classify_ref *ref;
	lx_scan scan;        /* the worker's own (this thread's when not threaded) */
	batch b[NBATCH];     /* the k-th batch handed over is b[k % NBATCH] */
	unsigned long submitted;  /* batches handed over (written by this thread only) */
	unsigned long classified; /* of those, classified, in order */
	int threaded;        /* 0: batches are classified as they are handed over */
	int quit;
	pthread_t th;
	pthread_mutex_t mu;
	pthread_cond_t cv;   /* a batch handed over or classified, or quit */
} worker;

static void classify_batch(const classify_ref *ref, lx_scan *scan, batch *b)
{
	classify_fields f;
	size_t i;

	for (i = 0; i < b->n; i++) {
		row_fields(b, &b->rows[i], &f);
		classify_row(ref, scan, b->kind->kind, &f, &b->rows[i].res);
	}
}

static void *worker_main(void *arg)
{
	worker *w = arg;
	batch *b;

	pthread_mutex_lock(&w->mu);
	for (;;) {
		while (w->classified == w->submitted && !w->quit)
			pthread_cond_wait(&w->cv, &w->mu);
		if (w->classified == w->submitted)
			break;
		b = &w->b[w->classified % NBATCH];
		pthread_mutex_unlock(&w->mu);
		classify_batch(w->ref, &w->scan, b);
		pthread_mutex_lock(&w->mu);
		w->classified++;
		pthread_cond_broadcast(&w->cv);
	}
	pthread_mutex_unlock(&w->mu);
	return NULL;
}

static void worker_start(worker *w, const classify_ref *ref)
{
	int i;

	memset(w, 0, sizeof *w);
	w->ref = ref;
	lx_scan_init(&w->scan);
	for (i = 0; i < NBATCH; i++)
		batch_init(&w->b[i]);
	if (lookahead_threads() < 2)
		return;
	pthread_mutex_init(&w->mu, NULL);
	pthread_cond_init(&w->cv, NULL);
	w->threaded = pthread_create(&w->th, NULL, worker_main, w) == 0;
	if (!w->threaded) { /* one thread does it all, only slower */
		pthread_cond_destroy(&w->cv);
		pthread_mutex_destroy(&w->mu);
	}
}

/* The batch to fill next: free once the caller has stored the one NBATCH
 * turns before it. */
static batch *worker_next(worker *w)
{
	return &w->b[w->submitted % NBATCH];
}

/* Hand the batch of worker_next over to be classified. */
static void worker_submit(worker *w)
{
	if (!w->threaded) {
		classify_batch(w->ref, &w->scan, worker_next(w));
		w->submitted++;
		w->classified++;
		return;
	}
	pthread_mutex_lock(&w->mu);
	w->submitted++;
	pthread_cond_broadcast(&w->cv);
	pthread_mutex_unlock(&w->mu);
}

/* Wait until n batches are classified. */
static void worker_wait(worker *w, unsigned long n)
{
	if (!w->threaded)
		return;
	pthread_mutex_lock(&w->mu);
	while (w->classified < n)
		pthread_cond_wait(&w->cv, &w->mu);
	pthread_mutex_unlock(&w->mu);
}

static void worker_stop(worker *w)
{
	int i;

	if (w->threaded) {
		pthread_mutex_lock(&w->mu);
		w->quit = 1;
		pthread_cond_broadcast(&w->cv);
		pthread_mutex_unlock(&w->mu);
		pthread_join(w->th, NULL);
		pthread_cond_destroy(&w->cv);
		pthread_mutex_destroy(&w->mu);
	}
	lx_scan_release(&w->scan);
	for (i = 0; i < NBATCH; i++)
		batch_release(&w->b[i]);
}

/* ---- reading and storing ---- */

/* Copy the next rows of sel into b until b is full. 1: full, more may
 * follow; 0: sel is done (do not step it again); -1: error. */
static int batch_fill(batch *b, sqlite3_stmt *sel)
{
	const char *t;
	crow *r;
	int s, f;

	b->n = 0;
	sb_reset(&b->text);
	while (b->n < BATCH_ROWS && b->text.len < BATCH_BYTES) {
		if ((s = sqlite3_step(sel)) != SQLITE_ROW)
			return s == SQLITE_DONE ? 0 : -1;
		r = &b->rows[b->n++];
		for (f = 0; f < CLASSIFY_NF; f++) {
			t = (const char *)sqlite3_column_text(sel, f);
			r->off[f] = b->text.len;
			r->len[f] = t ? sqlite3_column_bytes(sel, f) : -1;
			if (t) {
				sb_add(&b->text, t, (size_t)r->len[f]);
				sb_addc(&b->text, '\0');
			}
		}
	}
	return 1;
}

static int batch_store(const batch *b, sqlite3 *db, sqlite3_stmt *ins, const char *fp,
		       gv_error *err)
{
	classify_fields f;
	char doing[64];
	size_t i;

	for (i = 0; i < b->n; i++) {
		row_fields(b, &b->rows[i], &f);
		classify_bind(ins, fp, b->kind->kind, &f, &b->rows[i].res);
		if (sqlite3_step(ins) != SQLITE_DONE) {
			snprintf(doing, sizeof doing, "storing %s", b->kind->one);
			return db_fail(db, err, doing);
		}
	}
	return 0;
}

/* Fill textsig_pending with the rowids to classify: among rows of files
 * after mark, or all rows when mark < 0. */
static int find_pending(sqlite3 *db, const text_kind *k, const char *fp, long long mark,
			gv_error *err)
{
	sqlite3_stmt *st = NULL;
	char doing[64];
	int rc = 0;

	if (db_exec(db, "CREATE TEMP TABLE IF NOT EXISTS textsig_pending(rid INTEGER PRIMARY KEY);"
			"DELETE FROM textsig_pending", err) < 0 ||
	    db_prepare(db, mark < 0 ? k->full : k->since, &st, err) < 0)
		return -1;
	db_bind_text(st, 1, fp, -1);
	if (mark >= 0)
		sqlite3_bind_int64(st, 2, mark);
	if (sqlite3_step(st) != SQLITE_DONE) {
		snprintf(doing, sizeof doing, "finding %s to classify", k->rows);
		rc = db_fail(db, err, doing);
	}
	sqlite3_finalize(st);
	return rc;
}

/* Read, classify (in w) and store batches of the rows in textsig_pending,
 * in the order read: keep the worker fed while a batch is free, else store
 * the oldest one. 0, -1 on a read error (not yet reported) or -2. */
static int pipeline(const text_kind *k, sqlite3 *db, sqlite3_stmt *sel, sqlite3_stmt *ins,
		    worker *w, long *count, gv_error *err)
{
	unsigned long stored = w->submitted; /* batches of earlier kinds are stored */
	batch *b;
	int more = 1;

	while (more || stored < w->submitted) {
		if (more && w->submitted - stored < NBATCH) {
			b = worker_next(w);
			b->kind = k;
			if ((more = batch_fill(b, sel)) < 0)
				return -1;
			if (b->n)
				worker_submit(w);
			continue;
		}
		worker_wait(w, stored + 1);
		b = &w->b[stored % NBATCH];
		if (batch_store(b, db, ins, w->ref->fp, err) < 0)
			return -2;
		*count += (long)b->n;
		if (++stored % 256 == 0)
			memlog("classifying");
	}
	return 0;
}

/* Classify the pending rows of one kind, mark their listings dirty (one
 * statement for all of them, not one per row), add to *count. Into an
 * empty class table (a first night) its secondary indexes are built once at
 * the end (dbindex.h). */
static int classify_table_rows(sqlite3 *db, const text_kind *k, long long mark, worker *w,
			 long *count, gv_error *err)
{
	sqlite3_stmt *sel = NULL, *ins = NULL;
	dbindex_set idx = {{NULL}, {NULL}, 0, 0};
	char doing[64];
	int rc = -1, s;

	if (find_pending(db, k, w->ref->fp, mark, err) < 0 ||
	    dbindex_defer(db, classify_table(k->kind), 1, &idx, err) < 0 ||
	    db_prepare(db, k->select, &sel, err) < 0 || db_prepare(db, classify_insert_sql(k->kind), &ins, err) < 0)
		goto cleanup;
	s = pipeline(k, db, sel, ins, w, count, err);
	worker_wait(w, w->submitted); /* no batch stays in the worker's hands */
	if (s == -1) {
		snprintf(doing, sizeof doing, "reading %s", k->rows);
		db_fail(db, err, doing);
	}
	if (s < 0)
		goto cleanup;
	sqlite3_finalize(sel); /* no statement may be active at CREATE INDEX */
	sqlite3_finalize(ins);
	sel = ins = NULL;
	memlog(k->rows);
	if (db_exec(db, k->dirty, err) < 0 || dbindex_restore(db, &idx, NULL, err) < 0)
		goto cleanup;
	rc = 0;
cleanup:
	sqlite3_finalize(sel);
	sqlite3_finalize(ins);
	dbindex_forget(&idx);
	return rc;
}

/* ---- the watermark ---- */

/* file_id up to which every row has a class under fp, -1 if unknown (or on
 * an error, which the full comparison will then meet). */
long long classify_watermark(sqlite3 *db, const char *fp)
{
	sqlite3_stmt *st;
	long long mark = -1;

	if (sqlite3_prepare_v2(db, "SELECT max(file_id) FROM textsig_watermark WHERE lexicon = ?1",
			       -1, &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(st, 1, fp, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) == SQLITE_INTEGER)
		mark = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return mark;
}

int classify_watermark_set(sqlite3 *db, const char *fp, long long file_id, gv_error *err)
{
	sqlite3_stmt *st;
	int rc = 0;

	if (db_exec(db, "DELETE FROM textsig_watermark", err) < 0 ||
	    db_prepare(db, "INSERT INTO textsig_watermark(lexicon, file_id) "
			   "SELECT ?1, coalesce(?2, max(file_id), 0) FROM ingest_files", &st, err) < 0)
		return -1;
	sqlite3_bind_text(st, 1, fp, -1, SQLITE_STATIC);
	if (file_id >= 0)
		sqlite3_bind_int64(st, 2, file_id);
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = db_fail(db, err, "storing the classification watermark");
	sqlite3_finalize(st);
	return rc;
}

int classify_pending(sqlite3 *db, const classify_ref *ref, gv_error *err)
{
	long long mark = classify_watermark(db, ref->fp);
	long nrev = 0, nqa = 0;
	double t0 = now_seconds();
	worker w;
	int rc = -1;

	worker_start(&w, ref);
	if (classify_table_rows(db, &review_kind, mark, &w, &nrev, err) < 0 ||
	    classify_table_rows(db, &qa_kind, mark, &w, &nqa, err) < 0 ||
	    db_exec(db, "DELETE FROM textsig_pending", err) < 0 ||
	    classify_watermark_set(db, ref->fp, -1, err) < 0)
		goto cleanup;
	if (nrev || nqa)
		log_info("analyze: classified %ld reviews and %ld q&a rows (lexicon %.8s) in %.2fs", nrev,
			 nqa, ref->fp, now_seconds() - t0);
	rc = 0;
cleanup:
	worker_stop(&w);
	return rc;
}
