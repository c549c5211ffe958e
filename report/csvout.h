/* csvout.h: RFC 4180 CSV for the report files.
 *
 * Rows end with CRLF (RFC 4180 section 2.1; spreadsheets and csv readers
 * accept it, and a line break inside a quoted field stays LF as scraped).
 * A field is quoted when it holds a comma, a double quote, CR or LF; quotes
 * inside are doubled. Text fields that a spreadsheet would run as a formula
 * (first byte = + - @, tab or CR) get a leading apostrophe ('=HYPERLINK(...)
 * shows as text): the OWASP "CSV injection" advice. Numbers the tool writes
 * itself (scores, rates) are never prefixed, so -0.50 stays a number. */
#ifndef GV_CSVOUT_H
#define GV_CSVOUT_H

#include <stdio.h>

#include "common/util.h"

typedef struct csvout {
	FILE *f;      /* destination, owned by the caller */
	strbuf line;  /* the row being built */
	int ncells;   /* cells in the current row */
	int failed;   /* a write failed (errno saved in err_no) */
	int err_no;
} csvout;

void csvout_init(csvout *c, FILE *f);
void csvout_release(csvout *c);

/* Append one field to out, quoted as needed; with neutralise, a leading
 * formula character is defused with an apostrophe. s NULL is an empty
 * field. No separator is written. */
void csv_field(strbuf *out, const char *s, int neutralise);
/* 1 if a text cell starting like s would be read as a formula. */
int csv_is_formula(const char *s);

/* Cells of the current row. csv_text: text (neutralised); csv_num: a
 * number with `decimals` digits after the point; csv_int: an integer;
 * csv_null: empty. */
void csv_text(csvout *c, const char *s);
void csv_num(csvout *c, double v, int decimals);
void csv_int(csvout *c, long long v);
void csv_null(csvout *c);
/* Write the header: the names, NULL-terminated. */
void csv_header(csvout *c, const char *const *names);
/* Finish the row (CRLF) and write it. 0, or -1 once any write has failed. */
int csv_endrow(csvout *c);

#endif
