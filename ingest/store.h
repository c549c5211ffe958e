/* store.h: writing one dump file into the database: its ingest_files row,
 * its rows (deduplicated, upserted), its rejects and the full-text index, all
 * in one transaction. Every statement is prepared once per file and takes
 * bound parameters only.
 *
 * Row rules (schemas/001_ingest.sql): a listing scrape is new when its
 * (listing_id, scraped_at) is; `listings` is then recomputed from the history
 * as the latest scrape, with first_seen and scrapes counted from it, so the
 * order in which nights arrive does not matter. Reviews: the first row with a
 * review_id wins. Q&A: the first row with a qa_id wins, except that a reply
 * to a question stored unanswered fills it in. Every listing whose scrape,
 * reviews or Q&A changed is queued in dirty_listings. */
#ifndef GV_STORE_H
#define GV_STORE_H

#include <sqlite3.h>
#include <stddef.h>

#include "common/util.h"
#include "ingest/header.h"
#include "ingest/rows.h"
#include "ingest/tap.h"

typedef struct store store;

/* What ingest_files says about a file. */
typedef struct store_file {
	const char *path;         /* as given */
	const char *fingerprint;  /* 32 hex digits, or "" when the file could not be read */
	ingest_kind kind;         /* KIND_UNKNOWN until the header is read */
	int compressed;           /* 1 for gzip */
	long long bytes;          /* size on disk, -1 if unknown */
	long long run_id;         /* runs.run_id, 0 if none */
	char started_at[24];      /* UTC date-time ingest of the file began */
} store_file;

typedef struct store_counts {
	long long read;           /* data rows read */
	long long stored;         /* rows that added or changed data */
	long long duplicate;      /* rows already stored */
	long long rejected;       /* rows written to rejects */
	double fts_seconds;       /* of the file's time, keeping the full-text index */
} store_counts;

/* Prepare the statements on db. Returns a new store (store_free it) or NULL
 * with err filled. */
store *store_new(sqlite3 *db, gv_error *err);
void store_free(store *s);
/* Run tap (tap.h; NULL: none) on the reviews and Q&A files stored from now
 * on. tap must outlive s. */
void store_set_tap(store *s, const ingest_tap *tap);
/* The tap when it takes the file store_begin began (its begin said 1),
 * else NULL: what the rows must be prepared for. */
const ingest_tap *store_tap(const store *s);

/* 1 when the file store_begin began is best stored in key order
 * (stage.h): its table held rows already and no tap takes it, unless the
 * environment variable GVAUDIT_INGEST_FILE_ORDER is 1 (tests compare the
 * two orders). Into an empty table a file is loaded in its own order, its
 * indexes or history deferred (store_begin). */
int store_key_order(const store *s);

/* file_id of an earlier successful ingest of these bytes (and its kind in
 * *kind), 0 if none, -1 on a database error. */
long long store_seen(store *s, const char *fingerprint, ingest_kind *kind, gv_error *err);

/* BEGIN IMMEDIATE and insert the file's ingest_files row. With fts, first
 * rebuild the full-text index if an earlier --no-fts ingest left it stale;
 * without, mark it stale when the file is reviews or Q&A. 0 or -1. */
int store_begin(store *s, const store_file *f, int fts, gv_error *err);
/* Store one valid row; prepared is what the tap's prepare made of it (NULL:
 * the tap works it out itself, if there is one). Returns 1 when it added or
 * changed data, 0 when it was a duplicate, -1 on a database error. */
int store_row(store *s, const ingest_row *row, const void *prepared, gv_error *err);
/* Record a rejected row: its line, the reason, and its first raw bytes (shown
 * with invalid bytes as \xNN). 0 or -1. */
int store_reject(store *s, long line, const char *reason, const char *raw, size_t rawlen,
		 gv_error *err);
/* Index the file's new and changed rows (with fts), write the counts and
 * COMMIT. Duplicates found only now (a first file of reviews, loaded before
 * its unique index was built) move from c->stored to c->duplicate. 0 or -1
 * (the caller then calls store_abort). */
int store_commit(store *s, store_counts *c, double seconds, gv_error *err);
/* Roll the file's transaction back; nothing of it stays. */
void store_abort(store *s);

/* Record a file that was not stored (status "refused" or "skipped") with its
 * reason, in a transaction of its own. 0 or -1. */
int store_note_file(store *s, const store_file *f, const char *status, const char *reason,
		    double seconds, gv_error *err);

#endif
