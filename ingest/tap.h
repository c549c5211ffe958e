/* tap.h: work a caller adds to every review and Q&A row ingest stores,
 * without ingest knowing what it is. `gvaudit run` uses it to classify the
 * texts while they stream past (analyze/classtap.h) instead of reading them
 * back from the database afterwards (issue 7).
 *
 * The work is split in two. prepare runs where the rows are parsed and
 * checked: on the reading thread when ingest runs on two (pipeline.h), so it
 * overlaps the SQLite writer, and must only read ctx's shared state and
 * write out. The rest runs on the storing thread, inside the file's
 * transaction, and rolls back with it. */
#ifndef GV_TAP_H
#define GV_TAP_H

#include <sqlite3.h>
#include <stddef.h>

#include "common/util.h"
#include "ingest/rows.h"

typedef struct ingest_tap {
	void *ctx;
	size_t size; /* bytes prepare writes per row */
	/* From a valid row of a reviews or Q&A file, fill out[size]. */
	void (*prepare)(void *ctx, const ingest_row *row, void *out);
	/* A reviews or Q&A file begins (its ingest_files row is written:
	 * file_id). 1: the tap takes this file (prepare and stored follow),
	 * 0: it does not (nothing else is called for it), -1 with err. */
	int (*begin)(void *ctx, sqlite3 *db, ingest_kind kind, long long file_id, gv_error *err);
	/* A row added or changed data. row holds what is stored now; prepared
	 * is what prepare made of the same values, or NULL when the stored row
	 * differs from the row read (a reply filled into a question stored
	 * before: the question and its listing are the stored ones). 0 or -1. */
	int (*stored)(void *ctx, const ingest_row *row, const void *prepared, gv_error *err);
	/* Before COMMIT, after the file's own rows are final (duplicates of a
	 * first file removed). 0 or -1 with err. */
	int (*commit)(void *ctx, gv_error *err);
	/* The file's transaction was rolled back. */
	void (*abort)(void *ctx);
} ingest_tap;

#endif
