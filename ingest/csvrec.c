/* csvrec.c: see csvrec.h. */
#include "ingest/csvrec.h"

#include <csv.h>
#include <stdlib.h>
#include <string.h>

#include "ingest/gzin.h"

struct csvrec {
	csvrec_read_fn read;
	void *ctx;
	struct csv_parser p;
	char *buf;          /* bytes read, not yet all fed */
	size_t len, pos;
	int eof;            /* read() reported the end */
	int finished;       /* csv_fini done, nothing more to return */
	int started;        /* the first bytes were read (and a BOM dropped) */
	long line;          /* physical line of the bytes being fed */
	int at_bol;         /* the next byte starts a physical line */
	int after_cr;       /* the last line ended with CR: a LF right after belongs to it */
	int pending;        /* bytes of an unfinished record were fed */
	int complete;       /* libcsv ended a record */
	int skip_line;      /* after broken quoting: drop bytes up to the line end */
	size_t rec_bytes;   /* raw bytes of the current record so far */
	strbuf arena;       /* the current record's fields, NUL-separated */
	size_t *off;        /* field offsets into arena */
	size_t *lens;
	const char **ptrs;
	int cap;            /* entries in off/lens/ptrs */
	char raw[CSVREC_EXCERPT];
	csvrec_record rec;
};

/* Field bytes are data, spaces included: nothing is trimmed. */
static int no_space(unsigned char c)
{
	(void)c;
	return 0;
}

static void parser_init(csvrec *r)
{
	csv_init(&r->p, CSV_STRICT | CSV_STRICT_FINI);
	csv_set_space_func(&r->p, no_space);
	csv_set_blk_size(&r->p, 4096);
}

static void on_field(void *s, size_t len, void *data)
{
	csvrec *r = data;
	int i = r->rec.nfields++;

	if (i >= CSVREC_MAXFIELDS)
		return;
	if (i >= r->cap) {
		r->cap = r->cap ? r->cap * 2 : 32;
		r->off = xrealloc(r->off, (size_t)r->cap * sizeof *r->off);
		r->lens = xrealloc(r->lens, (size_t)r->cap * sizeof *r->lens);
		r->ptrs = xrealloc(r->ptrs, (size_t)r->cap * sizeof *r->ptrs);
	}
	if (len > CSVREC_FIELD_MAX) {
		if (!r->rec.too_long)
			r->rec.too_long = i + 1;
		len = 0;
	}
	r->off[i] = r->arena.len;
	r->lens[i] = len;
	if (len)
		sb_add(&r->arena, s, len);
	sb_addc(&r->arena, '\0');
	r->rec.nkept = i + 1;
}

static void on_record(int c, void *data)
{
	csvrec *r = data;
	(void)c;
	r->complete = 1;
}

csvrec *csvrec_new(csvrec_read_fn read, void *ctx)
{
	csvrec *r = xcalloc(1, sizeof *r);

	r->read = read;
	r->ctx = ctx;
	r->buf = xmalloc(GZIN_BUFSIZE);
	r->at_bol = 1;
	sb_init(&r->arena);
	parser_init(r);
	return r;
}

void csvrec_free(csvrec *r)
{
	if (!r)
		return;
	csv_free(&r->p);
	sb_release(&r->arena);
	free(r->off);
	free(r->lens);
	free(r->ptrs);
	free(r->buf);
	free(r);
}

static void start_record(csvrec *r)
{
	sb_reset(&r->arena);
	memset(&r->rec, 0, sizeof r->rec);
	r->rec.line = r->line;
	r->rec_bytes = 0;
}

/* Keep the record's first bytes, without line ends at the very end. */
static void keep_raw(csvrec *r, const char *s, size_t n)
{
	size_t room = CSVREC_EXCERPT - r->rec.raw_len;
	if (n > room)
		n = room;
	memcpy(r->raw + r->rec.raw_len, s, n);
	r->rec.raw_len += n;
}

static int finish(csvrec *r, gv_error *err)
{
	r->finished = 1;
	if (r->skip_line) {
		r->complete = 1;
		return 0;
	}
	if (csv_fini(&r->p, on_field, on_record, r) != 0)
		return gv_error_set(err, NULL, r->rec.line,
				    "unterminated quoted field at end of file");
	return 0;
}

/* Feed one segment (part of a physical line, terminator included if any). */
static int feed(csvrec *r, const char *s, size_t n, gv_error *err)
{
	size_t used;

	if (r->rec_bytes + n > CSVREC_RECORD_MAX)
		return gv_error_set(err, NULL, r->rec.line,
				    "record longer than 16 MiB (an unbalanced quote?): "
				    "cannot find where the next record starts");
	r->rec_bytes += n;
	keep_raw(r, s, n);
	used = csv_parse(&r->p, s, n, on_field, on_record, r);
	if (used == n)
		return 0;
	if (csv_error(&r->p) != CSV_EPARSE)
		return gv_error_set(err, NULL, r->line, "csv parser: %s",
				    csv_strerror(csv_error(&r->p)));
	/* Broken quoting: this record is lost; start afresh at the next line. */
	r->rec.malformed = 1;
	r->skip_line = 1;
	csv_free(&r->p);
	parser_init(r);
	return 0;
}

/* Read the next chunk. The first one is read until it holds three bytes
 * (or the input ends), so that a byte order mark is seen whole. */
static int refill(csvrec *r, gv_error *err)
{
	r->len = r->pos = 0;
	do {
		ssize_t got = r->read(r->ctx, r->buf + r->len, GZIN_BUFSIZE - r->len, err);
		if (got < 0)
			return -1;
		if (got == 0) {
			r->eof = 1;
			break;
		}
		r->len += (size_t)got;
	} while (!r->started && r->len < 3);
	if (!r->started) {
		r->started = 1;
		if (r->len >= 3 && memcmp(r->buf, "\xEF\xBB\xBF", 3) == 0)
			r->pos = 3; /* UTF-8 byte order mark */
	}
	return 0;
}

static size_t find_eol(const char *s, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++)
		if (s[i] == '\n' || s[i] == '\r')
			return i;
	return n;
}

int csvrec_next(csvrec *r, const csvrec_record **rec, gv_error *err)
{
	start_record(r);
	r->pending = 0;
	*rec = NULL;
	for (;;) {
		size_t seg, eol;
		int has_eol;
		const char *s;

		if (r->complete)
			break;
		if (r->finished)
			return 0;
		if (r->pos == r->len) {
			if (r->eof) {
				if (finish(r, err) < 0)
					return -1;
				continue;
			}
			if (refill(r, err) < 0)
				return -1;
			continue;
		}
		s = r->buf + r->pos;
		if (r->after_cr) {
			r->after_cr = 0;
			if (*s == '\n') {
				/* the LF of a CRLF whose CR ended the previous chunk */
				if (r->pending && !r->skip_line &&
				    feed(r, s, 1, err) < 0)
					return -1;
				r->pos++;
				continue;
			}
		}
		if (r->at_bol) {
			r->line++;
			r->at_bol = 0;
			if (!r->pending)
				r->rec.line = r->line;
		}
		eol = find_eol(s, r->len - r->pos);
		has_eol = eol < r->len - r->pos;
		seg = has_eol ? eol + 1 : eol;
		/* a CRLF inside this chunk is one line end */
		if (has_eol && s[eol] == '\r' && seg < r->len - r->pos && s[seg] == '\n')
			seg++;
		if (r->skip_line) {
			keep_raw(r, s, seg); /* for the excerpt only */
			if (has_eol) {
				r->skip_line = 0;
				r->complete = 1;
			}
		} else if (r->pending || eol > 0) {
			r->pending = 1;
			if (feed(r, s, seg, err) < 0)
				return -1;
			if (r->skip_line && has_eol) {
				r->skip_line = 0; /* broken on its last line: nothing to drop */
				r->complete = 1;
			}
		}
		if (has_eol) {
			r->at_bol = 1;
			r->after_cr = s[seg - 1] == '\r';
		}
		r->pos += seg;
	}
	r->complete = 0;
	r->pending = 0;
	{
		int i;
		for (i = 0; i < r->rec.nkept; i++)
			r->ptrs[i] = r->arena.buf + r->off[i];
	}
	r->rec.field = r->ptrs;
	r->rec.len = r->lens;
	/* the excerpt ends where the record's text does, not with its line end */
	while (r->rec.raw_len > 0 &&
	       (r->raw[r->rec.raw_len - 1] == '\n' || r->raw[r->rec.raw_len - 1] == '\r'))
		r->rec.raw_len--;
	r->rec.raw = r->raw;
	*rec = &r->rec;
	return 1;
}
