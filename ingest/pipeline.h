/* pipeline.h: the records of one dump file, checked and handed one by one, in
 * file order, to a sink that stores them; with two threads the decompressing,
 * parsing and checking run on a second thread while the caller's thread
 * stores (issue 7: the store is the bottleneck, the rest overlaps it).
 *
 * Between the threads is a bounded queue of a few batches; a batch holds
 * whole records copied into one arena buffer (no allocation per field), so
 * memory stays a few MiB whatever the file's size. The sink is always called
 * on the caller's thread, with the same records in the same order as the
 * one-thread loop: the two give identical databases and logs. */
#ifndef GV_PIPELINE_H
#define GV_PIPELINE_H

#include <stddef.h>

#include "common/util.h"
#include "ingest/csvrec.h"
#include "ingest/gzin.h"
#include "ingest/header.h"
#include "ingest/rows.h"
#include "ingest/tap.h"

/* One checked record: row when it is valid (and prepared, what the tap's
 * prepare made of it, or NULL without one), else reason (why it is
 * rejected), raw/rawlen (its first bytes) and line. Returns 0, or -1 with
 * err filled to stop the file. */
typedef int (*pipeline_sink_fn)(void *ctx, const ingest_row *row, const void *prepared, long line,
				const char *reason, const char *raw, size_t rawlen, gv_error *err);

/* Threads pipeline_run uses unless told otherwise: 2, or the value of the
 * environment variable GVAUDIT_INGEST_THREADS (1 or 2), which lets tests
 * compare the two. */
int pipeline_threads(void);

/* Read the data records of r (its header already read into m), check each
 * one, run tap's prepare on it when tap is not NULL (on the reading thread)
 * and hand it to sink. threads is 1 or 2. Redraws progress as label.
 * Returns 0 at the end of the input, 1 when the file must be refused (why
 * filled: unreadable bytes, unterminated quote...), -1 when the sink failed
 * (err filled). */
int pipeline_run(csvrec *r, gzin *g, const header_map *m, const char *label, int threads,
		 const ingest_tap *tap, pipeline_sink_fn sink, void *ctx, gv_error *why,
		 gv_error *err);

#endif
