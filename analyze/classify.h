/* classify.h: the per-row step of textsig: every review and Q&A row not yet
 * classified under the current lexicon fingerprint is classified (reviews.c,
 * replies.c) and stored in review_classes / qa_classes (schemas/004_text.sql),
 * and its listing marked dirty.
 *
 * Finding those rows: after a run, every row has a class under that
 * fingerprint, and table textsig_watermark (schemas/009) keeps it with the
 * highest ingest_files.file_id seen then. Ingest gives every row it adds
 * or changes (a reply filled in later) its file's id, and file ids only grow,
 * so the next run with the same fingerprint only looks at rows of newer files
 * (and rows without a file id, from outside ingest): the same rows the full
 * comparison of every row with its class finds, without joining every row.
 * Another fingerprint, or no watermark, compares every row. Anything else
 * that writes the class tables must empty textsig_watermark.
 *
 * Classifying is a pure function of the text and the lexicon: a worker
 * thread classifies one batch of rows (copies of their texts) while this
 * thread reads the next batch and stores the previous one, in the order
 * read. Environment GVAUDIT_ANALYZE_THREADS=1 does it all in one thread;
 * the tables are the same either way. */
#ifndef GV_CLASSIFY_H
#define GV_CLASSIFY_H

#include <sqlite3.h>

#include "analyze/firmware.h"
#include "analyze/lexicon.h"
#include "common/util.h"

#define CLASSIFY_EXCERPT_MAX 200 /* bytes of a stored excerpt, at most */

/* What the classifiers read; all of it only read, by both threads. */
typedef struct classify_ref {
	const lexicon *lx;
	const fw_regions *fr;
	const char *fp;   /* fingerprint stored with each class (32 hex digits) */
} classify_ref;

/* Classify the pending rows (see above) inside the caller's transaction and
 * move the watermark. Logs what it did. 0 or -1 with err. */
int classify_pending(sqlite3 *db, const classify_ref *ref, gv_error *err);

#endif
