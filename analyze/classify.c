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

/* The text columns a row is read with (select columns 0, 1, 3, 4; column 2
 * is its text_len): the id, the listing, then the kind's own. */
enum { F_ID, F_LISTING, F_A, F_B, F_N };

typedef struct crow {
	size_t off[F_N];     /* where each field starts in the batch's text */
	int len[F_N];        /* its bytes; -1 for NULL */
	long long text_len;  /* stored with the class: a changed text is redone */
	union {
		review_result rv;
		reply_result rp;
	} res;               /* filled by the worker */
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
	const char *rows;    /* "reviews": for messages */
	const char *one;     /* "a review class": for messages */
	const char *table;   /* the class table */
	const char *full;    /* rowids to (re)classify into textsig_pending; ?1 = fingerprint */
	const char *since;   /* the same among rows of files after ?2 (and without a file) */
	const char *select;  /* those rows: id, listing_id, text_len, F_A, F_B */
	const char *insert;  /* a class row: ?1 id, ?2 listing_id, ?3 fingerprint, ?4 text_len, ?5... */
	const char *dirty;   /* the listings of the rows in textsig_pending into dirty_listings */
	/* Classify one row (in the worker: reads only ref and the batch). */
	void (*classify)(const classify_ref *ref, lx_scan *scan, const batch *b, crow *r);
	/* Bind ?5... of ins from a classified row. */
	void (*bind)(const batch *b, const crow *r, sqlite3_stmt *ins);
};

static const char *field(const batch *b, const crow *r, int f)
{
	return r->len[f] < 0 ? NULL : b->text.buf + r->off[f];
}

static size_t field_len(const crow *r, int f)
{
	return r->len[f] < 0 ? 0 : (size_t)r->len[f];
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
	return db_bind_text(st, idx, t + a, cut_len(t + a, b - a, CLASSIFY_EXCERPT_MAX));
}

static void classify_review(const classify_ref *ref, lx_scan *scan, const batch *b, crow *r)
{
	const char *text = field(b, r, F_A);
	reviews_classify(ref->lx, ref->fr, scan, text ? text : "", field_len(r, F_A), &r->res.rv);
}

static void bind_review(const batch *b, const crow *row, sqlite3_stmt *ins)
{
	const review_result *r = &row->res.rv;
	const char *text = field(b, row, F_A);

	db_bind_text(ins, 5, reviews_class_name(r->cls), -1);
	db_bind_text(ins, 22, field(b, row, F_B), -1);
	sqlite3_bind_int(ins, 6, r->complaint);
	sqlite3_bind_int(ins, 7, r->negated);
	sqlite3_bind_int(ins, 8, r->noise);
	sqlite3_bind_int(ins, 9, r->network_ok);
	sqlite3_bind_int(ins, 10, r->not_genuine);
	sqlite3_bind_int(ins, 11, r->china_rom);
	sqlite3_bind_int(ins, 12, r->no_google);
	sqlite3_bind_int(ins, 13, r->unofficial);
	sqlite3_bind_double(ins, 14, r->strength);
	db_bind_text(ins, 15, r->bands[0] ? r->bands : NULL, -1);
	db_bind_text(ins, 16, r->has_fw ? r->fw.version : NULL, -1);
	db_bind_text(ins, 17, r->has_fw && r->fw.region[0] ? r->fw.region : NULL, -1);
	db_bind_text(ins, 18, r->has_fw ? firmware_branch_name(r->fw.branch) : NULL, -1);
	if (r->cls == RV_GENERIC && r->model_region != 'C')
		sqlite3_bind_null(ins, 19);
	else if (r->cls == RV_GENERIC)
		bind_excerpt(ins, 19, text, 0, field_len(row, F_A)); /* the model number is the point */
	else
		bind_excerpt(ins, 19, text, r->ex_start, r->ex_end);
	db_bind_text(ins, 20, r->model[0] ? r->model : NULL, -1);
	db_bind_text(ins, 21, !r->model_region ? NULL : r->model_region == 'C' ? "CN" :
			      r->model_region == 'G' ? "GLOBAL" : "OTHER", -1);
}

static void classify_qa(const classify_ref *ref, lx_scan *scan, const batch *b, crow *r)
{
	const char *q = field(b, r, F_A);
	replies_classify(ref->lx, scan, q ? q : "", field_len(r, F_A), field(b, r, F_B),
			 field_len(r, F_B), &r->res.rp);
}

static void bind_qa(const batch *b, const crow *row, sqlite3_stmt *ins)
{
	const reply_result *r = &row->res.rp;

	db_bind_text(ins, 5, replies_question_name(r->qk), -1);
	db_bind_text(ins, 6, replies_class_name(r->cls), -1);
	db_bind_text(ins, 7, r->detail, -1);
	db_bind_text(ins, 8, r->model[0] ? r->model : NULL, -1);
	db_bind_text(ins, 9, r->asked_band[0] ? r->asked_band : NULL, -1);
	if (r->cls == RP_UNANSWERED)
		sqlite3_bind_null(ins, 10);
	else
		bind_excerpt(ins, 10, field(b, row, F_B), r->ex_start, r->ex_end);
}

static const text_kind review_kind = {
	"reviews", "a review class", "review_classes",
	CLASSIFY_REVIEWS_ALL_SQL,
	CLASSIFY_REVIEWS_SINCE_SQL,
	"SELECT r.review_id, r.listing_id, coalesce(length(r.text), 0), r.text, r.country "
	"FROM textsig_pending p JOIN reviews r ON r.rowid = p.rid",
	"INSERT OR REPLACE INTO review_classes(review_id, listing_id, lexicon, text_len, "
	"class, complaint, negated, noise, network_ok, not_genuine, china_rom, no_google, "
	"unofficial, strength, bands, fw_version, fw_region, fw_branch, excerpt, model_number, "
	"model_region, country) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
	"?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22)",
	"INSERT OR IGNORE INTO dirty_listings(listing_id) "
	"SELECT r.listing_id FROM textsig_pending p JOIN reviews r ON r.rowid = p.rid",
	classify_review, bind_review,
};

static const text_kind qa_kind = {
	"q&a rows", "a q&a class", "qa_classes",
	CLASSIFY_QA_ALL_SQL,
	CLASSIFY_QA_SINCE_SQL,
	"SELECT q.qa_id, q.listing_id, "
	"coalesce(length(q.question), 0) + coalesce(length(q.answer), 0), q.question, q.answer "
	"FROM textsig_pending p JOIN qa q ON q.rowid = p.rid",
	"INSERT OR REPLACE INTO qa_classes(qa_id, listing_id, lexicon, text_len, "
	"question_kind, reply_class, reply_detail, model_number, asked_band, excerpt) "
	"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
	"INSERT OR IGNORE INTO dirty_listings(listing_id) "
	"SELECT q.listing_id FROM textsig_pending p JOIN qa q ON q.rowid = p.rid",
	classify_qa, bind_qa,
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
	size_t i;
	for (i = 0; i < b->n; i++)
		b->kind->classify(ref, scan, b, &b->rows[i]);
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
	static const int col[F_N] = {0, 1, 3, 4};
	const char *t;
	crow *r;
	int s, f;

	b->n = 0;
	sb_reset(&b->text);
	while (b->n < BATCH_ROWS && b->text.len < BATCH_BYTES) {
		if ((s = sqlite3_step(sel)) != SQLITE_ROW)
			return s == SQLITE_DONE ? 0 : -1;
		r = &b->rows[b->n++];
		r->text_len = sqlite3_column_int64(sel, 2);
		for (f = 0; f < F_N; f++) {
			t = (const char *)sqlite3_column_text(sel, col[f]);
			r->off[f] = b->text.len;
			r->len[f] = t ? sqlite3_column_bytes(sel, col[f]) : -1;
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
	char doing[64];
	size_t i;

	for (i = 0; i < b->n; i++) {
		const crow *r = &b->rows[i];
		sqlite3_reset(ins);
		db_bind_text(ins, 1, field(b, r, F_ID), -1);
		db_bind_text(ins, 2, field(b, r, F_LISTING), -1);
		db_bind_text(ins, 3, fp, -1);
		sqlite3_bind_int64(ins, 4, r->text_len);
		b->kind->bind(b, r, ins);
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
static int classify_kind(sqlite3 *db, const text_kind *k, long long mark, worker *w,
			 long *count, gv_error *err)
{
	sqlite3_stmt *sel = NULL, *ins = NULL;
	dbindex_set idx = {{NULL}, {NULL}, 0, 0};
	char doing[64];
	int rc = -1, s;

	if (find_pending(db, k, w->ref->fp, mark, err) < 0 ||
	    dbindex_defer(db, k->table, 1, &idx, err) < 0 ||
	    db_prepare(db, k->select, &sel, err) < 0 || db_prepare(db, k->insert, &ins, err) < 0)
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
static long long watermark_get(sqlite3 *db, const char *fp)
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

/* Every row has a class under fp now: remember the highest file id. Every
 * later file gets a higher one (ingest_files.file_id is the table's rowid
 * and no file row is ever deleted). */
static int watermark_set(sqlite3 *db, const char *fp, gv_error *err)
{
	sqlite3_stmt *st;
	int rc = 0;

	if (db_exec(db, "DELETE FROM textsig_watermark", err) < 0 ||
	    db_prepare(db, "INSERT INTO textsig_watermark(lexicon, file_id) "
			   "SELECT ?1, coalesce(max(file_id), 0) FROM ingest_files", &st, err) < 0)
		return -1;
	sqlite3_bind_text(st, 1, fp, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = db_fail(db, err, "storing the classification watermark");
	sqlite3_finalize(st);
	return rc;
}

int classify_pending(sqlite3 *db, const classify_ref *ref, gv_error *err)
{
	long long mark = watermark_get(db, ref->fp);
	long nrev = 0, nqa = 0;
	double t0 = now_seconds();
	worker w;
	int rc = -1;

	worker_start(&w, ref);
	if (classify_kind(db, &review_kind, mark, &w, &nrev, err) < 0 ||
	    classify_kind(db, &qa_kind, mark, &w, &nqa, err) < 0 ||
	    db_exec(db, "DELETE FROM textsig_pending", err) < 0 ||
	    watermark_set(db, ref->fp, err) < 0)
		goto cleanup;
	if (nrev || nqa)
		log_info("analyze: classified %ld reviews and %ld q&a rows (lexicon %.8s) in %.2fs", nrev,
			 nqa, ref->fp, now_seconds() - t0);
	rc = 0;
cleanup:
	worker_stop(&w);
	return rc;
}
