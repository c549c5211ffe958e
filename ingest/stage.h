/* stage.h: a file's valid rows held in a temporary table and handed back in
 * key order (issue 7).
 *
 * A later night's file lands on tables far larger than the page cache.
 * Stored in the file's order, its rows touch their keys' pages at random:
 * each row reads a page that is not in the cache and dirties it, and the
 * pages leave the cache again before the next row of the same page comes.
 * Stored in key order, the same rows walk the tables' B-trees from one end
 * to the other. At scale 1, night 2, in five paired runs: the listings file
 * took 4.3-7.1 s sorted here against 5.4-10.2 s in file order, and the
 * classification of the new reviews that follows, which reads them in the
 * order they were stored, 3.9-5.8 s against 7.9-9.7 s. The reviews file
 * itself is about even: what its sorted store saves, the reading thread no
 * longer overlapping the store costs (the whole file is read before the
 * first row is stored).
 *
 * The rows are appended to a table in the connection's temp schema (on
 * disk: temp_store is FILE), then read back sorted by SQLite's sorter,
 * which spills to temporary files in bounded memory. The key is the kind's
 * first field, its id (listing_id, review_id, qa_id), in BINARY order, the
 * order of the tables' keys; rows of one key keep the file's order, so the
 * first row of a review or question id is still the first one stored.
 * The temporary table is created inside the file's transaction: a rollback
 * takes it away. */
#ifndef GV_STAGE_H
#define GV_STAGE_H

#include <sqlite3.h>

#include "common/util.h"
#include "ingest/header.h"
#include "ingest/rows.h"

typedef struct stage stage;

/* Store row, a row of the file, in key order: 0, or -1 with err filled. */
typedef int (*stage_fn)(void *ctx, const ingest_row *row, gv_error *err);

/* A new, empty stage for rows of kind on db. NULL with err filled. */
stage *stage_new(sqlite3 *db, ingest_kind kind, gv_error *err);
/* Keep a copy of row (its fields, line, price and rating). 0 or -1. */
int stage_add(stage *g, const ingest_row *row, gv_error *err);
/* Rows kept so far. */
long long stage_count(const stage *g);
/* Hand every row kept to fn, sorted by the kind's id, rows of one id in the
 * order they were added. A row's fields are valid during the call only.
 * 0, or -1 with err filled (fn's error, or the database's). */
int stage_replay(stage *g, stage_fn fn, void *ctx, gv_error *err);
/* Drop the temporary table (when the transaction is still open) and free
 * g. NULL is fine. */
void stage_free(stage *g);

#endif
