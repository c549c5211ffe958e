/* rows.h: one parsed CSV record checked against its header map and turned
 * into a typed row, or rejected with a reason. Nothing is "fixed": a value
 * is stored as read (dates normalised to UTC) or the row is rejected.
 *
 * Checks, in order: broken quoting, field count, a field over 1 MiB; then for
 * each known column: NUL bytes, valid UTF-8 (no overlong forms, surrogates or
 * values past U+10FFFF), an empty required value, ids without whitespace or
 * control characters, price, rating and date syntax. Columns the pipeline
 * does not know are not checked. Empty means unknown (NULL). */
#ifndef GV_ROWS_H
#define GV_ROWS_H

#include <stddef.h>

#include "common/util.h"
#include "ingest/csvrec.h"
#include "ingest/header.h"

#define ROWS_DATELEN 24   /* room for "YYYY-MM-DDTHH:MM:SSZ" and its NUL */
#define ROWS_REASONLEN 256

typedef struct ingest_row {
	ingest_kind kind;
	long line;                           /* physical line where the row starts */
	const char *s[HEADER_MAXFIELDS];     /* value of each canonical field; NULL when empty */
	int n[HEADER_MAXFIELDS];             /* its length in bytes */
	double price;                        /* listings: the price when s[LF_PRICE] */
	int rating;                          /* reviews: the rating when s[RF_RATING] */
	char date[HEADER_MAXFIELDS][ROWS_DATELEN]; /* normalised dates that s[] points to */
} ingest_row;

/* Check rec against m and fill row (whose s[] point into rec or row->date:
 * valid while both are). Returns 0, or -1 with the reason in why (a short
 * lowercase sentence, values quoted with invalid bytes as \xNN). */
int rows_validate(const header_map *m, const csvrec_record *rec, ingest_row *row, char *why,
		  size_t whysize);

/* ISO 8601 `YYYY-MM-DD`, or `YYYY-MM-DD[T ]HH:MM[:SS[.f...]]` followed by
 * nothing (UTC), `Z`, `±HH:MM` or `±HHMM`. Writes `YYYY-MM-DD` or the UTC
 * `YYYY-MM-DDTHH:MM:SSZ` (fractions of a second dropped) into out
 * (>= ROWS_DATELEN bytes). Returns 0, or -1 when the text is not such a date
 * or names a day or time that does not exist. */
int rows_parse_date(const char *s, size_t n, char *out);
/* Digits with an optional dot and digits after it, finite, >= 0. 0 or -1. */
int rows_parse_price(const char *s, size_t n, double *out);
/* Exactly one digit 1..5. 0 or -1. */
int rows_parse_rating(const char *s, size_t n, int *out);
/* 0 when s is a usable id: no ASCII or Unicode whitespace, no control
 * characters (C0, DEL, C1), no byte order mark; -1 otherwise. s must be
 * valid UTF-8. */
int rows_check_id(const char *s, size_t n);
/* Offset of the first byte of s that does not start a valid UTF-8 sequence,
 * or n when all of s is valid. */
size_t rows_utf8_prefix(const char *s, size_t n);
/* Append s to out with every byte that is not part of valid UTF-8, and NUL,
 * written as \xNN. An incomplete sequence cut off at the very end of s is
 * dropped (s is often a truncated excerpt). */
void rows_escape(const char *s, size_t n, strbuf *out);

#endif
