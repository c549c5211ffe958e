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
 * It does so for a file whose class table is empty when the file begins:
 * a first night, where the class rows are appended and the table's
 * secondary indexes built once at the file's commit (dbindex.h), and where
 * the texts are most of the night. On a later night each class row would
 * go into indexes far larger than SQLite's page cache, inside the reviews
 * file's transaction; measured, that gained nothing (README, Performance),
 * so the analysis classifies a later night's rows afterwards, as before.
 *
 * The classes are the ones the analysis would store (the same classify_row
 * and class statement, from the texts as stored): the analysis still
 * classifies whatever is stale by its own test, and finds nothing to do
 * for rows classified here because each file moves the watermark
 * (classify.h) when every row of earlier files was classified under the
 * same fingerprint. A reply filled into a question stored earlier in the
 * same file is classified on the storing thread, from the stored question
 * and listing, not the later row's; the duplicate review ids of a first
 * file lose their class rows at commit as they lose their rows (the first
 * is kept). tests/e2e/ingest_classes.sh compares this with `gvaudit
 * ingest` + `gvaudit analyze`. */
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
