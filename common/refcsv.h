/* refcsv.h: read a small reference table (schemas/NAME.csv) into memory,
 * through libcsv, with columns found by header name. Used for every data file
 * an analyst may extend: markets, models, bands, weights, lexicon. Source
 * notes live in schemas/SOURCES.md, not in the CSV files. */
#ifndef GV_REFCSV_H
#define GV_REFCSV_H

#include <stddef.h>

#include "common/util.h"

typedef struct refcsv {
	char path[1024]; /* file read, for messages */
	char **header;   /* column names as written (ncols) */
	int ncols;
	char **cells;    /* nrows * ncols strings; "" for empty */
	long *lines;     /* physical line where each row starts */
	size_t nrows;
} refcsv;

/* Load dir/name. `required` is a NULL-terminated list of column names that
 * must be present (case-insensitive). Returns 0, or -1 with err naming the
 * file, line and problem (missing file, missing column, ragged row, invalid
 * UTF-8). Release with refcsv_release() either way. */
int refcsv_load(refcsv *t, const char *dir, const char *name, const char *const *required,
		gv_error *err);
void refcsv_release(refcsv *t);
/* Index of a column by name (case-insensitive), or -1. */
int refcsv_col(const refcsv *t, const char *name);
/* Cell of row r, column c; "" when c < 0. */
const char *refcsv_get(const refcsv *t, size_t r, int c);

/* 1 if s[0..n) is valid UTF-8 (no overlong forms, surrogates or values past
 * U+10FFFF). Shared with ingest's row validation. */
int utf8_valid(const char *s, size_t n);

#endif
