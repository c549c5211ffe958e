/* header.h: the kinds of dump, their columns, and the map from a file's
 * header row to those columns (see ../shared/spec/dumps.md).
 *
 * Header names are matched case-insensitively (ASCII), after dropping a
 * UTF-8 byte order mark from the first one and spaces or tabs around each;
 * the aliases of dumps.md count as the canonical name; unknown columns are
 * ignored. The kind is told by the header: review_id means reviews, qa_id
 * means Q&A, listing_id with title (or with another listings column, so that
 * a missing title is named as such) means listings. */
#ifndef GV_HEADER_H
#define GV_HEADER_H

#include <stddef.h>

#include "common/util.h"

typedef enum ingest_kind {
	KIND_UNKNOWN = 0,
	KIND_LISTINGS,
	KIND_REVIEWS,
	KIND_QA
} ingest_kind;

/* Canonical fields of each kind, in the order of dumps.md. */
enum {
	LF_LISTING_ID, LF_SELLER_ID, LF_SELLER_NAME, LF_TITLE, LF_PRICE, LF_CURRENCY,
	LF_MARKET, LF_SCRAPED_AT, LF_URL, LF_SPECS, LF_DESCRIPTION, LF_COUNT
};
enum { RF_REVIEW_ID, RF_LISTING_ID, RF_RATING, RF_COUNTRY, RF_CREATED_AT, RF_TEXT, RF_COUNT };
enum { QF_QA_ID, QF_LISTING_ID, QF_ASKED_AT, QF_QUESTION, QF_ANSWER, QF_ANSWERED_AT, QF_COUNT };
#define HEADER_MAXFIELDS LF_COUNT /* the largest kind */

/* How a field is checked and stored. */
typedef enum field_type {
	FT_ID,     /* non-empty when required; no whitespace or control characters */
	FT_TEXT,   /* any valid UTF-8 without NUL */
	FT_PRICE,  /* decimal number >= 0, dot separator */
	FT_RATING, /* integer 1..5 */
	FT_DATE    /* ISO 8601 date or date-time, stored normalised to UTC */
} field_type;

typedef struct header_field {
	const char *name;        /* canonical column name */
	const char *aliases[4];  /* other names scrapers use; NULL-terminated */
	int required;            /* 1: the column must exist and the value be non-empty */
	field_type type;
} header_field;

typedef struct header_map {
	ingest_kind kind;
	int ncols;                  /* columns in the header row */
	int nfields;                /* canonical fields of the kind */
	int col[HEADER_MAXFIELDS];  /* 0-based column of each canonical field, -1 if absent */
} header_map;

/* "listings", "reviews", "qa", or NULL for KIND_UNKNOWN. */
const char *header_kind_name(ingest_kind kind);
/* The kind so named (as header_kind_name writes it); KIND_UNKNOWN for NULL or
 * any other text. */
ingest_kind header_kind_parse(const char *name);
/* The canonical fields of kind; *n set to their count. */
const header_field *header_fields(ingest_kind kind, int *n);

/* Build the map from the n header names (names[i] of lens[i] bytes). Returns
 * 0, or -1 with err->msg saying why the file must be refused: the kind cannot
 * be told, a required column is missing (named), or a known column appears
 * twice (under its name or an alias). err->file is left to the caller. */
int header_map_build(header_map *m, const char *const *names, const size_t *lens, int n,
		     gv_error *err);

#endif
