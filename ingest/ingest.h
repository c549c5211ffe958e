/* ingest.h: load scraped dumps (listings, reviews, Q&A; CSV, plain or gzip)
 * into the store. See ../shared/spec/dumps.md and schemas/001_ingest.sql.
 *
 * Each file is loaded in one transaction: a file refused as a whole (missing
 * required column, corrupt gzip, unterminated quote at end of file) leaves
 * nothing behind but its ingest_files row; rows rejected one by one go to
 * rejects and the rest of the file loads. */
#ifndef GV_INGEST_H
#define GV_INGEST_H

#include <sqlite3.h>

#include "common/util.h"

typedef struct ingest_opts {
	long long run_id; /* runs.run_id recorded with each file */
	int no_fts;       /* do not maintain the full-text index while loading */
} ingest_opts;

/* Running totals over the files of one invocation. */
typedef struct ingest_totals {
	int files_ok;                /* files stored */
	int files_refused;           /* files refused as a whole */
	int files_skipped;           /* files already ingested (same fingerprint) */
	long long rows_read;         /* data rows read */
	long long rows_stored;       /* rows that added or changed data */
	long long rows_duplicate;    /* rows already present */
	long long rows_rejected;     /* rows written to rejects */
} ingest_totals;

/* Ingest one file. Returns 0 when the file was stored or skipped, 1 when it
 * was refused (the reason is logged and recorded in ingest_files), -1 on a
 * database error that must stop the run (err filled; the file's transaction
 * is rolled back). Logs one line per file on stderr. */
int ingest_file(sqlite3 *db, const char *path, const ingest_opts *o, ingest_totals *t,
		gv_error *err);

#endif
