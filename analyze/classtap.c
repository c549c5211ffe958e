/* classtap.c: see classtap.h. */
#include "analyze/classtap.h"

#include <stdlib.h>
#include <string.h>

#include "analyze/classify.h"
#include "common/db.h"
#include "common/dbindex.h"

struct classtap {
	ingest_tap tap;
	classify_ref ref;
	lx_scan prep_scan;   /* prepare's: the reading thread's */
	lx_scan store_scan;  /* stored's, for rows not prepared: the storing thread's */
	classify_result res; /* stored's result for such a row */
	long long count[2];  /* rows classified in files committed, by classify_kind */
	long long file_count; /* rows classified in the file being stored */
	/* the file being stored */
	sqlite3 *db;
	classify_kind kind;
	long long file_id;
	sqlite3_stmt *ins;   /* the class row statement of the file taken (begin said 1) */
	dbindex_set idx;     /* the class table's indexes built at commit */
	int mark;            /* every earlier row is classified: move the watermark */
};

/* The fields of a dump row as classify_fields. */
static void row_fields(classify_kind k, const ingest_row *row, classify_fields *f)
{
	static const int col[2][CLASSIFY_NF] = {
		[CLASSIFY_REVIEW] = {RF_REVIEW_ID, RF_LISTING_ID, RF_TEXT, RF_COUNTRY},
		[CLASSIFY_QA] = {QF_QA_ID, QF_LISTING_ID, QF_QUESTION, QF_ANSWER},
	};
	int i;

	for (i = 0; i < CLASSIFY_NF; i++) {
		f->s[i] = row->s[col[k][i]];
		f->n[i] = f->s[i] ? row->n[col[k][i]] : 0;
	}
}

static classify_kind kind_of(ingest_kind k)
{
	return k == KIND_REVIEWS ? CLASSIFY_REVIEW : CLASSIFY_QA;
}

static void prepare(void *ctx, const ingest_row *row, void *out)
{
	classtap *t = ctx;
	classify_fields f;

	row_fields(kind_of(row->kind), row, &f);
	classify_row(&t->ref, &t->prep_scan, kind_of(row->kind), &f, out);
}

/* 1 when some review or Q&A row of a file after mark exists, 0 when none,
 * -1 on an error. */
static int rows_after(sqlite3 *db, long long mark, gv_error *err)
{
	sqlite3_stmt *st;
	int rc;

	if (db_prepare(db, "SELECT EXISTS(SELECT 1 FROM reviews WHERE file_id > ?1) "
			   "OR EXISTS(SELECT 1 FROM qa WHERE file_id > ?1)", &st, err) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, mark);
	rc = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
	if (rc < 0)
		db_fail(db, err, "looking for rows not yet classified");
	sqlite3_finalize(st);
	return rc;
}

static int begin(void *ctx, sqlite3 *db, ingest_kind kind, long long file_id, gv_error *err)
{
	classtap *t = ctx;
	long long mark;
	int empty, later;

	t->db = db;
	t->kind = kind_of(kind);
	t->file_id = file_id;
	t->file_count = 0;
	t->mark = 0;
	/* Only into an empty class table (classtap.h), its indexes deferred. A
	 * Q&A file may store one id twice (a reply filled in): its unique index
	 * stays, so that the second class replaces the first. */
	empty = dbindex_defer(db, classify_table(t->kind), t->kind == CLASSIFY_REVIEW, &t->idx, err);
	if (empty <= 0)
		return empty; /* 0: the analysis classifies this file's rows */
	mark = classify_watermark(db, t->ref.fp);
	if ((later = rows_after(db, mark < 0 ? 0 : mark, err)) < 0)
		return -1;
	t->mark = !later;
	return db_prepare(db, classify_insert_sql(t->kind), &t->ins, err) < 0 ? -1 : 1;
}

static int stored(void *ctx, const ingest_row *row, const void *prepared, gv_error *err)
{
	classtap *t = ctx;
	classify_fields f;

	row_fields(t->kind, row, &f);
	if (!prepared) {
		classify_row(&t->ref, &t->store_scan, t->kind, &f, &t->res);
		prepared = &t->res;
	}
	classify_bind(t->ins, t->ref.fp, t->kind, &f, prepared);
	if (sqlite3_step(t->ins) != SQLITE_DONE)
		return db_fail(t->db, err, t->kind == CLASSIFY_REVIEW ? "storing a review class" :
									  "storing a q&a class");
	t->file_count++;
	return 0;
}

static void end_file(classtap *t)
{
	sqlite3_finalize(t->ins);
	t->ins = NULL;
	dbindex_forget(&t->idx);
	t->db = NULL;
}

static int commit(void *ctx, gv_error *err)
{
	classtap *t = ctx;
	long long dropped = 0;
	int rc = 0;

	sqlite3_finalize(t->ins); /* no statement may be active at CREATE INDEX */
	t->ins = NULL;
	/* the duplicates of a first file's review ids, as the reviews lost them */
	if (dbindex_restore(t->db, &t->idx, &dropped, err) < 0 ||
	    (t->mark && classify_watermark_set(t->db, t->ref.fp, t->file_id, err) < 0))
		rc = -1;
	if (rc == 0)
		t->count[t->kind] += t->file_count - dropped;
	end_file(t);
	return rc;
}

static void abort_file(void *ctx)
{
	end_file(ctx);
}

classtap *classtap_new(const textsig *ts)
{
	classtap *t = xcalloc(1, sizeof *t);

	textsig_classify_ref(ts, &t->ref);
	lx_scan_init(&t->prep_scan);
	lx_scan_init(&t->store_scan);
	t->tap.ctx = t;
	t->tap.size = sizeof(classify_result);
	t->tap.prepare = prepare;
	t->tap.begin = begin;
	t->tap.stored = stored;
	t->tap.commit = commit;
	t->tap.abort = abort_file;
	return t;
}

void classtap_free(classtap *t)
{
	if (!t)
		return;
	end_file(t);
	lx_scan_release(&t->prep_scan);
	lx_scan_release(&t->store_scan);
	free(t);
}

const ingest_tap *classtap_tap(classtap *t)
{
	return &t->tap;
}

void classtap_counts(const classtap *t, long long *reviews, long long *qa)
{
	*reviews = t->count[CLASSIFY_REVIEW];
	*qa = t->count[CLASSIFY_QA];
}
