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

/* A listing's answered Q&A rows (?1: the listing), in qa_id order: id,
 * answer, non-blank, classified evasive. The join names listing_id too so
 * that qa_listing and qa_classes_listing (schemas/014_qa_cover.sql) cover
 * it; a class row always carries its Q&A row's listing_id. A column added
 * here belongs in those indexes (tests/test_textsig.c checks the
 * plans). */
#define ANALYZE_QA_SQL                                                                          \
	"SELECT q.qa_id, q.answer, trim(q.answer) <> '', "                                     \
	"coalesce(c.reply_class = 'evasive', 0) FROM qa q LEFT JOIN qa_classes c "             \
	"ON c.listing_id = q.listing_id AND c.qa_id = q.qa_id "                                 \
	"WHERE q.listing_id = ?1 AND q.answer IS NOT NULL ORDER BY q.qa_id"

/* Analyse what changed. 0, or -1 with err filled (the transaction is rolled
 * back: verdicts stay as the previous run left them). Returns -2 for a
 * reference-data problem (err names the file and line). */
int analyze_run(sqlite3 *db, const analyze_opts *o, analyze_totals *t, gv_error *err);

#endif
