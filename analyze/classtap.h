/* classtap.h: the text classes of review and Q&A rows, computed while
 * `gvaudit run` ingests them (an ingest tap, ingest/tap.h) instead of read
 * back from the database by the analysis (classify.h).
 *
 * Why: on a first night the analysis read 900 MB of text back and took a
 * third of the run to classify it, while ingest's reading thread, which had
 * every text in hand, idled half the time waiting for the SQLite writer.
 * Now that thread classifies each row as it is checked, and the writer
 * stores the class row next to the row it belongs to.
 *
 * The classes are the same as the analysis would store (the same
 * classify_row and class statement, the texts as stored): the analysis still
 * classifies whatever is stale by its own test, and finds nothing to do for
 * the rows classified here because each file moves the watermark
 * (classify.h) when every earlier row was classified under the same
 * fingerprint. Rows the tap cannot vouch for are left to the analysis:
 * - a reply filled into a question stored earlier is classified on the
 *   storing thread from the stored question, not the one read;
 * - into an empty reviews table whose class table is not empty (classes of
 *   reviews since deleted) the file's rows are left unclassified: its
 *   duplicate ids are removed only at commit, and the class kept must be
 *   the first row's (the class table is then not emptied the same way);
 * - with a watermark under another fingerprint, or rows of later files
 *   without one, the classes are stored but the watermark stays, and the
 *   analysis compares every row as before.
 * On a first night the class tables' secondary indexes are built once at
 * each file's commit (dbindex.h), as the analysis would. */
#ifndef GV_CLASSTAP_H
#define GV_CLASSTAP_H

#include "analyze/textsig.h"
#include "ingest/tap.h"

typedef struct classtap classtap;

/* A tap classifying with ts's lexicon (ts must outlive it). Free with
 * classtap_free. */
classtap *classtap_new(const textsig *ts);
void classtap_free(classtap *t);
/* The tap to give ingest (ingest_opts.tap); valid while t is. */
const ingest_tap *classtap_tap(classtap *t);
/* Rows classified so far: reviews and Q&A. */
void classtap_counts(const classtap *t, long long *reviews, long long *qa);

#endif
