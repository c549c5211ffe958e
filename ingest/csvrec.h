/* csvrec.h: CSV records out of a stream of bytes, through libcsv, with the
 * physical line where each record starts and the first bytes of its raw text.
 *
 * The bytes are fed to libcsv one physical line at a time ("\n", "\r\n" or a
 * lone "\r" ends a line), so every record knows its line even when quoted
 * fields span lines. A UTF-8 byte order mark at the very start is dropped
 * before libcsv sees it (a quoted first column would be broken otherwise).
 * Blank lines between records are skipped. Parsing is
 * strict RFC 4180: fields are kept byte for byte (no trimming); a quote inside
 * an unquoted field, or anything but a delimiter or line end after a closing
 * quote, makes that record `malformed` and parsing resumes at the next
 * physical line. Memory is bounded whatever the input: a field longer than
 * CSVREC_FIELD_MAX is not kept (the record says which one), and a record
 * longer than CSVREC_RECORD_MAX stops the file, since no reader can tell
 * where the next record would start. */
#ifndef GV_CSVREC_H
#define GV_CSVREC_H

#include <stddef.h>
#include <sys/types.h>

#include "common/util.h"

#define CSVREC_FIELD_MAX (1u << 20)   /* 1 MiB: a longer field rejects its row */
#define CSVREC_RECORD_MAX (16u << 20) /* 16 MiB: a longer record refuses the file */
#define CSVREC_EXCERPT 200            /* raw bytes kept per record for rejects */
#define CSVREC_MAXFIELDS 1024         /* fields kept per record; more are only counted */
#define CSVREC_HEADER_COLS CSVREC_MAXFIELDS /* the most columns a header may have */

typedef struct csvrec_record {
	long line;            /* physical line where the record starts (1-based) */
	int nfields;          /* fields the record has (may exceed nkept) */
	int nkept;            /* fields kept in field[] / len[] */
	const char *const *field; /* NUL-terminated copies of the fields; "" when empty */
	const size_t *len;    /* their lengths (a field may contain NUL bytes) */
	int too_long;         /* 1-based index of the first field over CSVREC_FIELD_MAX, or 0 */
	int malformed;        /* 1 when the record's quoting is broken (its fields are partial) */
	const char *raw;      /* first bytes of the record as read, line end excluded */
	size_t raw_len;       /* <= CSVREC_EXCERPT */
} csvrec_record;

/* Where the bytes come from: like read(2), returns bytes read, 0 at the end,
 * -1 with err filled. */
typedef ssize_t (*csvrec_read_fn)(void *ctx, void *buf, size_t cap, gv_error *err);

typedef struct csvrec csvrec;

/* A reader over read(ctx, ...). Returns a new reader; csvrec_free it. */
csvrec *csvrec_new(csvrec_read_fn read, void *ctx);
/* The next record into *rec (valid until the next call). Returns 1, 0 at the
 * end of the input, or -1 with err filled when the file cannot be read on:
 * a read error, an unterminated quoted field at the end of the input, or a
 * record over CSVREC_RECORD_MAX. err->line is the record's first line. */
int csvrec_next(csvrec *r, const csvrec_record **rec, gv_error *err);
void csvrec_free(csvrec *r);

#endif
