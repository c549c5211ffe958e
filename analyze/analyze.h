/* analyze.h: turn stored rows into evidence, per-listing verdicts and
 * per-seller figures (schemas/002_analyze.sql and later).
 *
 * Incremental: only listings in dirty_listings are recomputed, unless the
 * reference data changed (its fingerprint is kept in meta) or opts->full. */
#ifndef GV_ANALYZE_H
#define GV_ANALYZE_H

#include <sqlite3.h>

#include "common/util.h"

typedef struct analyze_opts {
	const char *datadir; /* reference data directory (common/paths.h) */
	long long run_id;    /* runs.run_id stamped on verdicts */
	int full;            /* recompute every listing */
} analyze_opts;

typedef struct analyze_totals {
	long long listings;     /* listings (re)analysed */
	long long mislabelled;  /* of those, verdict mislabelled */
	long long suspect;      /* of those, verdict suspect */
} analyze_totals;

/* Analyse what changed. 0, or -1 with err filled (the transaction is rolled
 * back: verdicts stay as the previous run left them). Returns -2 for a
 * reference-data problem (err names the file and line). */
int analyze_run(sqlite3 *db, const analyze_opts *o, analyze_totals *t, gv_error *err);

#endif
