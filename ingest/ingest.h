/* ingest.h: load scraped dumps (listings, reviews, Q&A; CSV, plain or gzip)
 * into the store. See ../shared/spec/dumps.md, schemas/001_ingest.sql,
 * schemas/003_fts.sql and README.md ("Ingest").
 *
 * Each file is loaded in one transaction: a file refused as a whole (missing
 * required column, corrupt or truncated gzip, trailing garbage, unterminated
 * quote at end of file, empty file, a record over 16 MiB) leaves nothing
 * behind but its ingest_files row; rows rejected one by one go to rejects and
 * the rest of the file loads. A file whose bytes were already stored is
 * skipped. The modules, in pipeline order: fingerprint, gzin, csvrec, header,
 * rows, store. */
#ifndef GV_INGEST_H
#define GV_INGEST_H

#include <sqlite3.h>

#include "common/util.h"
#include "ingest/tap.h"

typedef struct ingest_opts {
	long long run_id; /* runs.run_id recorded with each file */
	int no_fts;       /* do not maintain the full-text index while loading */
	const ingest_tap *tap; /* run on every stored review and Q&A row (tap.h), or NULL */
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
	double fts_seconds;          /* time spent keeping the full-text index */
} ingest_totals;

/* Ingest one file; path "-" is standard input (copied to an unlinked
 * temporary file first, spool.h), recorded and logged as '-'. Returns 0
 * when the file was stored or skipped, 1 when it was refused (the reason
 * is logged and recorded in ingest_files), -1 on a
 * database error that must stop the run (err filled, naming the file; the
 * file's transaction is rolled back). Logs one line per file on stderr:
 *   ingest 'PATH': kind=K rows=N stored=N duplicates=N rejected=N seconds=S
 *   ingest 'PATH': skipped: already ingested as file N
 *   error: ingest 'PATH': refused: [line N: ]REASON   (shown even with --quiet)
 * and adds to *t. */
int ingest_file(sqlite3 *db, const char *path, const ingest_opts *o, ingest_totals *t,
		gv_error *err);

#endif
