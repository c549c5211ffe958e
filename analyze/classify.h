/* classify.h: the per-row step of textsig: every review and Q&A row not yet
 * classified under the current lexicon fingerprint is classified (reviews.c,
 * replies.c) and stored in review_classes / qa_classes (schemas/004_text.sql),
 * and its listing marked dirty. On a first night `gvaudit run` has done this
 * already while loading (classtap.h), with the functions under "one row"
 * below, and moved the watermark: nothing is left pending here.
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
#include "analyze/replies.h"
#include "analyze/reviews.h"
#include "common/util.h"

#define CLASSIFY_EXCERPT_MAX 200 /* bytes of a stored excerpt, at most */

/* What the classifiers read; all of it only read, by both threads. */
typedef struct classify_ref {
	const lexicon *lx;
	const fw_regions *fr;
	const char *fp;   /* fingerprint stored with each class (32 hex digits) */
} classify_ref;

/* The rows to classify into temp table textsig_pending(rid): every stale
 * row (?1 = the fingerprint), or only those of files after ?2 and those
 * without a file. A row is stale without a class, with a class of another
 * fingerprint, or with a text of another length than when classified.
 *
 * The rows of later files are two index ranges of file_id joined by UNION
 * ALL, not one WHERE with OR: SQLite answers an OR of two ranges by
 * gathering the rowids of both in a RowSet held in memory, outside the
 * page cache and the soft heap limit: 41 MB for the 1.75 M new reviews of
 * a scale-4 second night, most of that night's peak RSS (test_classify
 * checks the plans). */
#define CLASSIFY_PENDING_INSERT "INSERT INTO textsig_pending(rid) "
/* rows ... WHERE, then the rows of table alias a after ?2 or without a file */
#define CLASSIFY_SINCE(rows, stale, a)                                                    \
	CLASSIFY_PENDING_INSERT rows a ".file_id > ?2 AND " stale " UNION ALL " rows a \
	".file_id IS NULL AND " stale
#define CLASSIFY_REVIEW_ROWS                                  \
	"SELECT r.rowid FROM reviews r "                      \
	"LEFT JOIN review_classes c ON c.review_id = r.review_id WHERE "
#define CLASSIFY_REVIEW_STALE                                 \
	"(c.review_id IS NULL OR c.lexicon <> ?1 "            \
	"OR c.text_len <> coalesce(length(r.text), 0))"
#define CLASSIFY_REVIEWS_ALL_SQL CLASSIFY_PENDING_INSERT CLASSIFY_REVIEW_ROWS CLASSIFY_REVIEW_STALE
#define CLASSIFY_REVIEWS_SINCE_SQL CLASSIFY_SINCE(CLASSIFY_REVIEW_ROWS, CLASSIFY_REVIEW_STALE, "r")
#define CLASSIFY_QA_ROWS                                      \
	"SELECT q.rowid FROM qa q "                           \
	"LEFT JOIN qa_classes c ON c.qa_id = q.qa_id WHERE "
#define CLASSIFY_QA_STALE                                     \
	"(c.qa_id IS NULL OR c.lexicon <> ?1 "                \
	"OR c.text_len <> coalesce(length(q.question), 0) + coalesce(length(q.answer), 0))"
#define CLASSIFY_QA_ALL_SQL CLASSIFY_PENDING_INSERT CLASSIFY_QA_ROWS CLASSIFY_QA_STALE
#define CLASSIFY_QA_SINCE_SQL CLASSIFY_SINCE(CLASSIFY_QA_ROWS, CLASSIFY_QA_STALE, "q")

/* Classify the pending rows (see above) inside the caller's transaction and
 * move the watermark. Logs what it did. 0 or -1 with err. */
int classify_pending(sqlite3 *db, const classify_ref *ref, gv_error *err);

/* ---- one row: shared with the classes computed during ingest (classtap.h) ---- */

typedef enum classify_kind { CLASSIFY_REVIEW, CLASSIFY_QA } classify_kind;

/* A stored row's fields, as the class row needs them; each NULL or n bytes. */
enum { CLASSIFY_ID, CLASSIFY_LISTING, CLASSIFY_A, CLASSIFY_B, CLASSIFY_NF };
/* CLASSIFY_A, CLASSIFY_B: a review's text and country, a question and its answer */
typedef struct classify_fields {
	const char *s[CLASSIFY_NF];
	int n[CLASSIFY_NF];
} classify_fields;

typedef union classify_result {
	review_result rv;
	reply_result rp;
} classify_result;

/* The class rows: ?1 id, ?2 listing, ?3 fingerprint, ?4 and ?5 the row's
 * texts (classify_fields A and B), then the result. text_len is computed
 * here from the texts, as the stale test above computes it from the
 * stored row. */
#define CLASSIFY_REVIEW_INSERT_SQL                                                            \
	"INSERT OR REPLACE INTO review_classes(review_id, listing_id, lexicon, text_len, "   \
	"country, class, complaint, negated, noise, network_ok, not_genuine, china_rom, "     \
	"no_google, unofficial, strength, bands, fw_version, fw_region, fw_branch, excerpt, " \
	"model_number, model_region) VALUES (?1, ?2, ?3, coalesce(length(?4), 0), ?5, ?6, ?7, " \
	"?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22)"
#define CLASSIFY_QA_INSERT_SQL                                                              \
	"INSERT OR REPLACE INTO qa_classes(qa_id, listing_id, lexicon, text_len, "         \
	"question_kind, reply_class, reply_detail, model_number, asked_band, excerpt) "     \
	"VALUES (?1, ?2, ?3, coalesce(length(?4), 0) + coalesce(length(?5), 0), ?6, ?7, ?8, " \
	"?9, ?10, ?11)"

/* Classify one row into out. scan is the calling thread's own scratch. */
void classify_row(const classify_ref *ref, lx_scan *scan, classify_kind k,
		  const classify_fields *f, classify_result *out);
/* The class table of a kind, and the statement that stores a class row. */
const char *classify_table(classify_kind k);
const char *classify_insert_sql(classify_kind k);
/* Reset ins (classify_insert_sql) and bind a classified row to it; the
 * texts are bound without a copy: keep f's bytes until the step. */
void classify_bind(sqlite3_stmt *ins, const char *fp, classify_kind k,
		   const classify_fields *f, const classify_result *r);

/* The watermark: file_id up to which every row has a class under fp, -1 if
 * there is none (or on an error, which the full comparison then meets). */
long long classify_watermark(sqlite3 *db, const char *fp);
/* Set it to file_id, or with file_id < 0 to the highest ingest_files.file_id
 * (every later file gets a higher one: it is the table's rowid and no file
 * row is ever deleted). 0 or -1 with err. */
int classify_watermark_set(sqlite3 *db, const char *fp, long long file_id, gv_error *err);

#endif
