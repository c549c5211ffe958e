/* textsig.h: signals from what buyers write (reviews) and how sellers answer
 * (Q&A), in many languages: the phrase lexicon (schemas/lexicon.csv), Unicode
 * folding through utf8proc, one-pass multi-phrase matching, negation,
 * firmware version strings, reply classes.
 *
 * Each review / Q&A row is classified once and the class stored with the row
 * (recomputed when the lexicon changes); the listing's evidence is then built
 * from the stored classes. */
#ifndef GV_TEXTSIG_H
#define GV_TEXTSIG_H

#include <sqlite3.h>

#include "analyze/evidence.h"
#include "analyze/weights.h"
#include "common/util.h"

typedef struct textsig textsig;

/* Load the lexicon and firmware tables from datadir. NULL with err filled
 * (file, line, problem) on bad data. Free with textsig_free(). */
textsig *textsig_new(const char *datadir, gv_error *err);
void textsig_free(textsig *ts);
/* Fingerprint of the loaded lexicon (32 hex digits + NUL). */
const char *textsig_fingerprint(const textsig *ts);
/* What the classifiers read (classify.h), valid while ts is. */
struct classify_ref;
void textsig_classify_ref(const textsig *ts, struct classify_ref *ref);

/* Finalize the statements textsig_listing_evidence keeps prepared (before
 * the database is closed; textsig_free does it too). */
void textsig_finalize(textsig *ts);

/* Classify every review and Q&A row not yet classified with this lexicon
 * (new rows, or all rows after the lexicon changed) and add their listings to
 * dirty_listings. Runs inside the caller's transaction; how the rows are
 * found and the second thread: analyze/classify.h. 0 or -1 with err. */
int textsig_classify_pending(sqlite3 *db, const textsig *ts, gv_error *err);

/* Per-listing counts for the seller figures (schemas/006: listing_counts):
 * review class rows of the listing and, of those, complaint = 1 or
 * not_genuine = 1. */
typedef struct textsig_counts {
	long reviews;
	long complaints;
} textsig_counts;

/* What a listing's analysis reads of its reviews' classes (?1: the listing),
 * in review_id order. schemas/012_class_cover.sql's review_classes_listing
 * covers every column named here: a column added here belongs there too
 * (tests/test_textsig.c checks the plan reads the index alone). */
#define TEXTSIG_REVIEWS_SQL                                                                     \
	"SELECT review_id, class, complaint, network_ok, not_genuine, china_rom, no_google, "  \
	"unofficial, strength, fw_region, excerpt, country, model_region "                      \
	"FROM review_classes WHERE listing_id = ?1 ORDER BY review_id"

/* Its Q&A rows' classes, in qa_id order: covered by qa_classes_listing
 * (schemas/014_qa_cover.sql) in the same way. */
#define TEXTSIG_QA_SQL                                                                          \
	"SELECT qa_id, question_kind, reply_class, reply_detail, excerpt "                      \
	"FROM qa_classes WHERE listing_id = ?1 ORDER BY qa_id"

/* Append the review and Q&A evidence of one listing to ev, weighted with w.
 * market is the listing's ship-to country (may be NULL); lacks_key is 1 when
 * the listing's band list is known to lack key bands of that market, 0 when
 * it has them all, -1 when unknown; counts, when not NULL, receives the
 * listing's review counts. The statements are prepared on the first call
 * and kept in ts (textsig_finalize). 0 or -1 with err.
 * Signals: review_network_complaints, review_not_genuine, review_model_china,
 * review_firmware_cn, review_firmware_global, review_china_rom,
 * review_unofficial_rom, review_no_google, review_network_ok,
 * qa_honest_china, qa_evasive, qa_direct_global, qa_claim_only; one entry
 * per supporting review / reply, the entries of a signal summing to that
 * signal's listing total (formulas at the top of textsig.c). */
int textsig_listing_evidence(sqlite3 *db, textsig *ts, const weights *w,
			     const char *listing_id, const char *market, int lacks_key,
			     evidence_list *ev, textsig_counts *counts, gv_error *err);

#endif
