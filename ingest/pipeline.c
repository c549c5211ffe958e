/* pipeline.c: see pipeline.h. */
#include "ingest/pipeline.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "common/log.h"

#define PROGRESS_EVERY 4096      /* records between progress redraws (one thread) */
#define BATCH_RECORDS 4096       /* records per batch (two threads: one redraw each) */
#define BATCH_BYTES (1u << 20)   /* arena bytes per batch (a longer record still fits) */
#define NBATCHES 4               /* batches in flight: bounds memory and lag */
#define NOVALUE SIZE_MAX         /* offset of an empty (NULL) value */

/* A record as the sink will see it, its bytes in the batch's arena. */
typedef struct entry {
	long line;
	int valid;                     /* 1: row; 0: reject (off[0] reason, off[1] raw) */
	ingest_kind kind;
	size_t off[HEADER_MAXFIELDS];  /* arena offset of each value, NOVALUE for NULL */
	int n[HEADER_MAXFIELDS];       /* its length */
	double price;
	int rating;
} entry;

typedef struct batch {
	entry e[BATCH_RECORDS];
	int n;            /* entries used */
	char *buf;        /* arena */
	size_t len, cap;
	unsigned char *prep; /* BATCH_RECORDS results of the tap's prepare, or NULL */
	int unprepared;   /* the tap's prepare left to the sink's thread (take_free) */
	int last;         /* the input ends after this batch */
	int refused;      /* ... because the file cannot be read on (why filled) */
	double consumed;  /* input bytes read when the batch was queued (progress) */
} batch;

/* A ring of batch pointers. */
typedef struct ring {
	batch *b[NBATCHES];
	int head, count;
} ring;

typedef struct pipeline {
	csvrec *r;
	gzin *g;
	const header_map *m;
	const ingest_tap *tap; /* or NULL */
	const char *label;
	gv_error *why;       /* written by the reader before it queues the last batch */
	pthread_mutex_t mu;
	pthread_cond_t changed;
	ring free, full;
	int stop;            /* the sink failed: the reader gives up */
} pipeline;

static void ring_put(ring *q, batch *b)
{
	q->b[(q->head + q->count++) % NBATCHES] = b;
}

static batch *ring_take(ring *q)
{
	batch *b = q->b[q->head];
	q->head = (q->head + 1) % NBATCHES;
	q->count--;
	return b;
}

/* Next free batch for the reader, or NULL once the sink has stopped.
 *
 * The tap's prepare (a review's classification) can cost the reader more
 * than the store costs the sink: on a first night the reader then ran flat
 * out while the sink waited half the time. So a batch taken while at most
 * one full batch waits (the sink is idle, or about to be) goes without it, and
 * the sink's thread does that work itself (tap.h: stored without prepared):
 * the two threads share it. Which thread prepares a row does not change
 * what is stored. */
static batch *take_free(pipeline *p)
{
	batch *b = NULL;
	int starving = 0;

	pthread_mutex_lock(&p->mu);
	while (!p->stop && p->free.count == 0)
		pthread_cond_wait(&p->changed, &p->mu);
	if (!p->stop) {
		b = ring_take(&p->free);
		/* the batch just queued may not be taken yet: the sink is
		 * short of work with one waiting, busy with more */
		starving = p->full.count <= 1;
	}
	pthread_mutex_unlock(&p->mu);
	if (b) {
		b->n = 0;
		b->len = 0;
		b->last = b->refused = 0;
		b->unprepared = starving;
	}
	return b;
}

static void put_full(pipeline *p, batch *b)
{
	b->consumed = (double)gzin_consumed(p->g);
	pthread_mutex_lock(&p->mu);
	ring_put(&p->full, b);
	pthread_cond_broadcast(&p->changed);
	pthread_mutex_unlock(&p->mu);
}

static batch *take_full(pipeline *p)
{
	batch *b;
	pthread_mutex_lock(&p->mu);
	while (p->full.count == 0)
		pthread_cond_wait(&p->changed, &p->mu);
	b = ring_take(&p->full);
	pthread_mutex_unlock(&p->mu);
	return b;
}

static void put_free(pipeline *p, batch *b, int stop)
{
	pthread_mutex_lock(&p->mu);
	ring_put(&p->free, b);
	if (stop)
		p->stop = 1;
	pthread_cond_broadcast(&p->changed);
	pthread_mutex_unlock(&p->mu);
}

/* Copy n bytes into the arena, NUL-terminated; returns their offset. */
static size_t arena_add(batch *b, const char *s, size_t n)
{
	size_t off = b->len;
	if (b->len + n + 1 > b->cap) {
		while (b->len + n + 1 > b->cap)
			b->cap *= 2;
		b->buf = xrealloc(b->buf, b->cap);
	}
	memcpy(b->buf + off, s, n);
	b->buf[off + n] = '\0';
	b->len += n + 1;
	return off;
}

/* Arena bytes the record will take at most. */
static size_t record_bytes(const csvrec_record *rec)
{
	size_t n = rec->raw_len + ROWS_REASONLEN + 2;
	int i;
	for (i = 0; i < rec->nkept; i++)
		n += rec->len[i] + 1;
	return n + HEADER_MAXFIELDS * ROWS_DATELEN;
}

/* Where the tap's result for entry e of b goes: NULL when the batch has
 * none (no tap, or its prepare left to the sink's thread: take_free). */
static unsigned char *prepared_of(const batch *b, const entry *e, size_t size)
{
	return b->prep && !b->unprepared ? b->prep + (size_t)(e - b->e) * size : NULL;
}

/* Check rec and append it to b. */
static void batch_add(batch *b, const header_map *m, const ingest_tap *tap,
		      const csvrec_record *rec)
{
	entry *e = &b->e[b->n++];
	ingest_row row;
	unsigned char *out;
	char reason[ROWS_REASONLEN];
	int j;

	e->line = rec->line;
	if (rows_validate(m, rec, &row, reason, sizeof reason) < 0) {
		e->valid = 0;
		e->n[0] = (int)strlen(reason);
		e->off[0] = arena_add(b, reason, (size_t)e->n[0]);
		e->n[1] = (int)rec->raw_len;
		e->off[1] = arena_add(b, rec->raw, rec->raw_len);
		return;
	}
	e->valid = 1;
	e->kind = row.kind;
	e->price = row.price;
	e->rating = row.rating;
	for (j = 0; j < HEADER_MAXFIELDS; j++) {
		e->n[j] = row.s[j] ? row.n[j] : 0;
		e->off[j] = row.s[j] ? arena_add(b, row.s[j], (size_t)row.n[j]) : NOVALUE;
	}
	if (tap && (out = prepared_of(b, e, tap->size)) != NULL)
		tap->prepare(tap->ctx, &row, out);
}

/* Hand entry e of b to the sink, as the one-thread loop would. */
static int deliver(const batch *b, const entry *e, size_t prepsize, pipeline_sink_fn sink,
		   void *ctx, gv_error *err)
{
	const void *prepared = prepared_of(b, e, prepsize);
	ingest_row row;
	int j;

	if (!e->valid)
		return sink(ctx, NULL, NULL, e->line, b->buf + e->off[0], b->buf + e->off[1],
			    (size_t)e->n[1], err);
	memset(&row, 0, sizeof row);
	row.kind = e->kind;
	row.line = e->line;
	row.price = e->price;
	row.rating = e->rating;
	for (j = 0; j < HEADER_MAXFIELDS; j++) {
		row.s[j] = e->off[j] == NOVALUE ? NULL : b->buf + e->off[j];
		row.n[j] = e->n[j];
	}
	return sink(ctx, &row, prepared, e->line, NULL, NULL, 0, err);
}

static void *reader_main(void *arg)
{
	pipeline *p = arg;
	const csvrec_record *rec;
	batch *b = take_free(p);
	int rc;

	while (b) {
		rc = csvrec_next(p->r, &rec, p->why);
		if (rc <= 0) {
			b->last = 1;
			b->refused = rc < 0;
			put_full(p, b);
			break;
		}
		if (b->n == BATCH_RECORDS ||
		    (b->n > 0 && b->len + record_bytes(rec) > BATCH_BYTES)) {
			put_full(p, b);
			b = take_free(p);
			if (!b)
				break;
		}
		batch_add(b, p->m, p->tap, rec);
	}
	return NULL;
}

/* The one-thread loop: read, check, prepare, store, record by record. */
static int run_inline(csvrec *r, gzin *g, const header_map *m, const ingest_tap *tap,
		      const char *label, pipeline_sink_fn sink, void *ctx, gv_error *why,
		      gv_error *err)
{
	const csvrec_record *rec;
	ingest_row row;
	char reason[ROWS_REASONLEN];
	void *prep = tap ? xmalloc(tap->size) : NULL;
	long long nread = 0;
	int rc = 0, ok = 0;

	while (ok == 0 && (rc = csvrec_next(r, &rec, why)) > 0) {
		if (rows_validate(m, rec, &row, reason, sizeof reason) < 0) {
			ok = sink(ctx, NULL, NULL, rec->line, reason, rec->raw, rec->raw_len, err);
		} else {
			if (tap)
				tap->prepare(tap->ctx, &row, prep);
			ok = sink(ctx, &row, prep, rec->line, NULL, NULL, 0, err);
		}
		if (++nread % PROGRESS_EVERY == 0)
			progress_update(label, (double)gzin_consumed(g), (double)gzin_size(g));
	}
	free(prep);
	if (ok < 0)
		return -1;
	return rc < 0 ? 1 : 0;
}

int pipeline_threads(void)
{
	return env_is_one("GVAUDIT_INGEST_THREADS") ? 1 : 2;
}

int pipeline_run(csvrec *r, gzin *g, const header_map *m, const char *label, int threads,
		 const ingest_tap *tap, pipeline_sink_fn sink, void *ctx, gv_error *why,
		 gv_error *err)
{
	batch *batches;
	pipeline p;
	pthread_t reader;
	int i, rc = 0, done = 0;

	if (threads < 2)
		return run_inline(r, g, m, tap, label, sink, ctx, why, err);

	memset(&p, 0, sizeof p);
	p.r = r;
	p.g = g;
	p.m = m;
	p.tap = tap;
	p.label = label;
	p.why = why;
	pthread_mutex_init(&p.mu, NULL);
	pthread_cond_init(&p.changed, NULL);
	batches = xcalloc(NBATCHES, sizeof *batches);
	for (i = 0; i < NBATCHES; i++) {
		batches[i].cap = BATCH_BYTES;
		batches[i].buf = xmalloc(batches[i].cap);
		batches[i].prep = tap ? xmalloc(BATCH_RECORDS * tap->size) : NULL;
		ring_put(&p.free, &batches[i]);
	}
	if (pthread_create(&reader, NULL, reader_main, &p) != 0) {
		rc = run_inline(r, g, m, tap, label, sink, ctx, why, err);
		goto cleanup;
	}
	while (!done) {
		batch *b = take_full(&p);
		/* progress is drawn here: the sink logs on this thread too */
		progress_update(label, b->consumed, (double)gzin_size(g));
		for (i = 0; i < b->n && rc == 0; i++)
			if (deliver(b, &b->e[i], tap ? tap->size : 0, sink, ctx, err) < 0)
				rc = -1;
		if (rc == 0 && b->last) {
			rc = b->refused ? 1 : 0;
			done = 1;
		}
		put_free(&p, b, rc < 0);
		if (rc < 0)
			done = 1;
	}
	pthread_join(reader, NULL);
cleanup:
	for (i = 0; i < NBATCHES; i++) {
		free(batches[i].buf);
		free(batches[i].prep);
	}
	free(batches);
	pthread_cond_destroy(&p.changed);
	pthread_mutex_destroy(&p.mu);
	return rc;
}
