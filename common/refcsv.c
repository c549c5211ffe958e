/* refcsv.c: see refcsv.h. */
#include "common/refcsv.h"

#include <csv.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/paths.h"

typedef struct loader {
	refcsv *t;
	char **row;      /* fields of the row being read */
	int nrow, caprow;
	size_t caprows;
	long line;       /* physical line being fed */
	long row_line;   /* line where the current row started */
	int bad;         /* set when a row is rejected; err filled */
	gv_error *err;
} loader;

static void on_field(void *s, size_t n, void *data)
{
	loader *L = data;
	if (L->nrow == L->caprow) {
		L->caprow = L->caprow ? L->caprow * 2 : 16;
		L->row = xrealloc(L->row, (size_t)L->caprow * sizeof *L->row);
	}
	L->row[L->nrow++] = xstrndup(s ? s : "", s ? n : 0);
}

static void free_row(loader *L)
{
	int i;
	for (i = 0; i < L->nrow; i++)
		free(L->row[i]);
	L->nrow = 0;
}

static void on_row(int c, void *data)
{
	loader *L = data;
	refcsv *t = L->t;
	int i;
	(void)c;

	if (L->bad) {
		free_row(L);
		return;
	}
	for (i = 0; i < L->nrow; i++) {
		if (!utf8_valid(L->row[i], strlen(L->row[i]))) {
			gv_error_set(L->err, t->path, L->row_line, "invalid UTF-8 in column %d", i + 1);
			L->bad = 1;
			free_row(L);
			return;
		}
	}
	if (!t->header) {
		t->header = L->row;
		t->ncols = L->nrow;
		L->row = NULL;
		L->nrow = L->caprow = 0;
	} else if (L->nrow == 1 && !L->row[0][0]) {
		free_row(L); /* blank line */
	} else if (L->nrow != t->ncols) {
		gv_error_set(L->err, t->path, L->row_line, "%d fields where the header has %d",
			     L->nrow, t->ncols);
		L->bad = 1;
		free_row(L);
		return;
	} else {
		if (t->nrows == L->caprows) {
			L->caprows = L->caprows ? L->caprows * 2 : 64;
			t->cells = xrealloc(t->cells, L->caprows * (size_t)t->ncols * sizeof *t->cells);
			t->lines = xrealloc(t->lines, L->caprows * sizeof *t->lines);
		}
		memcpy(t->cells + t->nrows * (size_t)t->ncols, L->row,
		       (size_t)t->ncols * sizeof *L->row);
		t->lines[t->nrows++] = L->row_line;
		L->nrow = 0;
	}
	L->row_line = L->line + 1;
}

int refcsv_load(refcsv *t, const char *dir, const char *name, const char *const *required,
		gv_error *err)
{
	struct csv_parser p;
	loader L;
	FILE *f;
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	int rc = -1, saved;

	memset(t, 0, sizeof *t);
	memset(&L, 0, sizeof L);
	paths_join(t->path, sizeof t->path, dir, name);
	f = fopen(t->path, "rb");
	if (!f) {
		saved = errno;
		return gv_error_set(err, t->path, 0, "cannot open '%s': %s", t->path, strerror(saved));
	}
	if (csv_init(&p, CSV_APPEND_NULL) != 0) {
		fclose(f);
		return gv_error_set(err, t->path, 0, "cannot initialise the CSV parser");
	}
	L.t = t;
	L.err = err;
	L.line = 0;
	L.row_line = 1;
	while ((n = getline(&line, &cap, f)) > 0 && !L.bad) {
		L.line++;
		if (L.line == 1 && n >= 3 && !memcmp(line, "\xEF\xBB\xBF", 3)) {
			memmove(line, line + 3, (size_t)n - 2);
			n -= 3;
		}
		if (csv_parse(&p, line, (size_t)n, on_field, on_row, &L) != (size_t)n) {
			gv_error_set(err, t->path, L.line, "%s", csv_strerror(csv_error(&p)));
			L.bad = 1;
		}
	}
	if (!L.bad && csv_fini(&p, on_field, on_row, &L) != 0) {
		gv_error_set(err, t->path, L.row_line, "unterminated quoted field");
		L.bad = 1;
	}
	free_row(&L);
	free(L.row);
	free(line);
	csv_free(&p);
	fclose(f);
	if (L.bad)
		return -1;
	if (!t->header)
		return gv_error_set(err, t->path, 1, "empty file: no header row");
	for (; required && *required; required++) {
		if (refcsv_col(t, *required) < 0) {
			gv_error_set(err, t->path, 1, "missing required column '%s'", *required);
			goto out;
		}
	}
	rc = 0;
out:
	return rc;
}

void refcsv_release(refcsv *t)
{
	size_t i;
	int c;

	for (c = 0; t->header && c < t->ncols; c++)
		free(t->header[c]);
	for (i = 0; i < t->nrows * (size_t)t->ncols; i++)
		free(t->cells[i]);
	free(t->header);
	free(t->cells);
	free(t->lines);
	memset(t, 0, sizeof *t);
}

int refcsv_col(const refcsv *t, const char *name)
{
	int c;
	for (c = 0; c < t->ncols; c++)
		if (!ascii_casecmp(t->header[c], name))
			return c;
	return -1;
}

const char *refcsv_get(const refcsv *t, size_t r, int c)
{
	if (c < 0 || c >= t->ncols || r >= t->nrows)
		return "";
	return t->cells[r * (size_t)t->ncols + (size_t)c];
}

int utf8_valid(const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str, *end = s + n;

	while (s < end) {
		unsigned c = *s;
		if (c < 0x80) {
			s++;
		} else if (c >= 0xC2 && c <= 0xDF) {
			if (end - s < 2 || (s[1] & 0xC0) != 0x80)
				return 0;
			s += 2;
		} else if (c >= 0xE0 && c <= 0xEF) {
			if (end - s < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
				return 0;
			if (c == 0xE0 && s[1] < 0xA0)
				return 0; /* overlong */
			if (c == 0xED && s[1] >= 0xA0)
				return 0; /* surrogate */
			s += 3;
		} else if (c >= 0xF0 && c <= 0xF4) {
			if (end - s < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 ||
			    (s[3] & 0xC0) != 0x80)
				return 0;
			if (c == 0xF0 && s[1] < 0x90)
				return 0; /* overlong */
			if (c == 0xF4 && s[1] >= 0x90)
				return 0; /* > U+10FFFF */
			s += 4;
		} else {
			return 0;
		}
	}
	return 1;
}
