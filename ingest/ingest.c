/* ingest.c: the file driver: fingerprint, skip or read, header, rows,
 * commit or refuse. See ingest.h.
 *
 * Pipeline per file: fingerprint.c hashes the bytes (first pass) and a file
 * seen before is skipped; gzin.c yields the decompressed bytes; csvrec.c cuts
 * them into records through libcsv; header.c maps the header row; rows.c
 * checks each record into a typed row or a reject reason; store.c writes it,
 * after stage.c has sorted a later night's rows by id (store_key_order).
 * Parsing and checking know nothing of SQLite and storing knows nothing of
 * CSV: pipeline.c runs the first half on a second thread, with a bounded
 * queue of record batches between the two. */
#include "ingest/ingest.h"

#include <stdio.h>
#include <string.h>

#include "common/log.h"
#include "common/memlog.h"
#include "ingest/csvrec.h"
#include "ingest/fingerprint.h"
#include "ingest/gzin.h"
#include "ingest/header.h"
#include "ingest/pipeline.h"
#include "ingest/rows.h"
#include "ingest/spool.h"
#include "ingest/stage.h"
#include "ingest/store.h"

/* Rejected rows logged one by one per file; the rest are only counted (all
 * are in the rejects table). */
#define LOG_REJECTS 10
/* Rows stored in key order between redraws of the progress bar. */
#define PROGRESS_ROWS 4096

static ssize_t read_gzin(void *ctx, void *buf, size_t cap, gv_error *err)
{
	return gzin_read(ctx, buf, cap, err);
}

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? slash + 1 : path;
}

/* The file cannot be stored: keep only its ingest_files row, log why.
 * Returns 1, or -1 when even that cannot be written. */
static int refuse(store *s, store_file *f, const gv_error *why, double t0, ingest_totals *t,
		  gv_error *err)
{
	char reason[sizeof why->msg + 32];

	if (why->line > 0)
		snprintf(reason, sizeof reason, "line %ld: %s", why->line, why->msg);
	else
		snprintf(reason, sizeof reason, "%s", why->msg);
	store_abort(s);
	if (store_note_file(s, f, "refused", reason, now_seconds() - t0, err) < 0)
		return -1;
	/* an error, not info: --quiet must not hide why the status is 1 */
	log_error("ingest '%s': refused: %s", f->path, reason);
	t->files_refused++;
	return 1;
}

/* Read the header row into m. 0, or -1 with why filled. */
static int read_header(csvrec *r, header_map *m, gv_error *why)
{
	const csvrec_record *rec;
	int rc = csvrec_next(r, &rec, why);

	if (rc < 0)
		return -1;
	if (rc == 0)
		return gv_error_set(why, NULL, 0, "empty file: no header row");
	if (rec->malformed)
		return gv_error_set(why, NULL, rec->line, "malformed quoting in the header row");
	if (rec->nfields > rec->nkept)
		return gv_error_set(why, NULL, rec->line, "header has %d columns, more than %d",
				    rec->nfields, CSVREC_MAXFIELDS);
	return header_map_build(m, rec->field, rec->len, rec->nkept, why);
}

/* What the sink needs to store one checked record. */
typedef struct load_ctx {
	store *s;
	const char *path;
	store_counts *c;
	stage *g; /* rows kept for storing in key order (store_key_order), or NULL */
	const char *label;  /* of the progress bar */
	long long replayed; /* rows of g stored so far */
} load_ctx;

/* Store one valid row and count it. 0 or -1. */
static int store_counted(load_ctx *l, const ingest_row *row, const void *prepared, gv_error *err)
{
	int stored = store_row(l->s, row, prepared, err);

	if (stored < 0)
		return -1;
	if (stored)
		l->c->stored++;
	else
		l->c->duplicate++;
	return 0;
}

/* A row of the stage, in key order; the progress bar counts them again
 * from nothing, since the file itself has been read. */
static int store_staged(void *ctx, const ingest_row *row, gv_error *err)
{
	load_ctx *l = ctx;

	if (++l->replayed % PROGRESS_ROWS == 0)
		progress_update(l->label, (double)l->replayed, (double)stage_count(l->g));
	return store_counted(l, row, NULL, err);
}

static int store_record(void *ctx, const ingest_row *row, const void *prepared, long line,
			const char *reason, const char *raw, size_t rawlen, gv_error *err)
{
	load_ctx *l = ctx;
	store_counts *c = l->c;

	c->read++;
	if (!row) {
		if (store_reject(l->s, line, reason, raw, rawlen, err) < 0)
			return -1;
		if (++c->rejected <= LOG_REJECTS)
			log_warn("ingest '%s': line %ld: row rejected: %s", l->path, line, reason);
		return 0;
	}
	/* no tap takes a file stored in key order: nothing was prepared */
	return l->g ? stage_add(l->g, row, err) : store_counted(l, row, prepared, err);
}

/* Validate and store every data row (pipeline.c: reading, checking and the
 * tap's prepare on a second thread), in key order when store_key_order says
 * so (stage.h; rejected rows are recorded in the file's order either way).
 * 0 at the end of the file, 1 when the file must be refused (why filled),
 * -1 on a database error (err filled). */
static int load_rows(sqlite3 *db, store *s, csvrec *r, gzin *g, const header_map *m,
		     const char *path, const char *label, store_counts *c, gv_error *why,
		     gv_error *err)
{
	load_ctx l = {s, path, c, NULL, label, 0};
	int rc;

	if (store_key_order(s) && !(l.g = stage_new(db, m->kind, err)))
		return -1;
	rc = pipeline_run(r, g, m, label, pipeline_threads(), store_tap(s), store_record, &l, why,
			  err);
	if (rc == 0 && l.g && stage_replay(l.g, store_staged, &l, err) < 0)
		rc = -1;
	stage_free(l.g);
	if (rc == 0 && c->rejected > LOG_REJECTS)
		log_warn("ingest '%s': %lld more rows rejected (see the rejects table)", path,
			 c->rejected - LOG_REJECTS);
	return rc;
}

int ingest_file(sqlite3 *db, const char *path, const ingest_opts *o, ingest_totals *t,
		gv_error *err)
{
	char fp[FINGERPRINT_HEXLEN + 1], label[64];
	store_file f;
	store_counts c;
	header_map m;
	gv_error why;
	store *s;
	gzin *g = NULL;
	csvrec *r = NULL;
	spool sp = {-1, ""};
	const char *src = path; /* what is opened: path, or the copy of stdin for "-" */
	off_t size = 0;
	long long seen;
	double t0 = now_seconds();
	int rc = -1;

	memset(&f, 0, sizeof f);
	memset(&c, 0, sizeof c);
	gv_error_clear(&why);
	f.path = path;
	f.fingerprint = "";
	f.bytes = -1;
	f.run_id = o->run_id;
	utc_now_iso(f.started_at, sizeof f.started_at);
	snprintf(label, sizeof label, "ingest %s", base_name(path));

	s = store_new(db, err);
	if (!s)
		goto cleanup;
	store_set_tap(s, o->tap);
	if (!strcmp(path, "-")) {
		if (spool_stdin(&sp, sqlite3_db_filename(db, "main"), &why) < 0) {
			rc = refuse(s, &f, &why, t0, t, err);
			goto cleanup;
		}
		src = sp.path;
	}
	if (fingerprint_file(src, fp, &size, &why) < 0) {
		rc = refuse(s, &f, &why, t0, t, err);
		goto cleanup;
	}
	f.fingerprint = fp;
	f.bytes = (long long)size;
	seen = store_seen(s, fp, &f.kind, err);
	if (seen < 0)
		goto cleanup;
	if (seen > 0) {
		char reason[64];
		snprintf(reason, sizeof reason, "already ingested as file %lld", seen);
		if (store_note_file(s, &f, "skipped", reason, now_seconds() - t0, err) < 0)
			goto cleanup;
		log_info("ingest '%s': skipped: %s", path, reason);
		t->files_skipped++;
		rc = 0;
		goto cleanup;
	}
	g = gzin_open(src, &why);
	if (!g) {
		rc = refuse(s, &f, &why, t0, t, err);
		goto cleanup;
	}
	f.compressed = gzin_compressed(g);
	r = csvrec_new(read_gzin, g);
	memset(&m, 0, sizeof m);
	if (read_header(r, &m, &why) < 0) {
		f.kind = m.kind; /* known when only a column is missing */
		rc = refuse(s, &f, &why, t0, t, err);
		goto cleanup;
	}
	f.kind = m.kind;
	if (store_begin(s, &f, !o->no_fts, err) < 0)
		goto cleanup;
	rc = load_rows(db, s, r, g, &m, path, label, &c, &why, err);
	if (rc == 1) {
		rc = refuse(s, &f, &why, t0, t, err);
		goto cleanup;
	}
	/* the bytes stored must be the bytes fingerprinted (first pass) */
	if (rc == 0 && gzin_same_bytes(g, fp, &why) < 0) {
		rc = refuse(s, &f, &why, t0, t, err);
		goto cleanup;
	}
	if (rc < 0 || store_commit(s, &c, now_seconds() - t0, err) < 0) {
		rc = -1;
		goto cleanup;
	}
	progress_done();
	log_info("ingest '%s': kind=%s rows=%lld stored=%lld duplicates=%lld rejected=%lld "
		 "seconds=%.2f", path, header_kind_name(m.kind), c.read, c.stored, c.duplicate,
		 c.rejected, now_seconds() - t0);
	memlog("ingested a file");
	t->files_ok++;
	t->rows_read += c.read;
	t->rows_stored += c.stored;
	t->rows_duplicate += c.duplicate;
	t->rows_rejected += c.rejected;
	t->fts_seconds += c.fts_seconds;
	rc = 0;
cleanup:
	if (rc < 0) {
		char msg[sizeof err->msg];
		if (s)
			store_abort(s);
		snprintf(msg, sizeof msg, "%s", err->msg);
		gv_error_set(err, path, 0, "ingest '%s': %s", path, msg);
	}
	progress_done();
	csvrec_free(r);
	gzin_free(g);
	store_free(s);
	spool_close(&sp);
	return rc;
}
