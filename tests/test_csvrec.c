/* test_csvrec.c: CSV records through libcsv: line numbers across quoted
 * newlines, every line-end style, chunk boundaries, BOM, no trimming, broken
 * quoting, an unterminated quote, the size limits. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ingest/csvrec.h"

/* Bytes from memory, at most `chunk` per read (to cut lines anywhere). */
typedef struct memsrc {
	const char *s;
	size_t n, pos, chunk;
} memsrc;

static ssize_t mem_read(void *ctx, void *buf, size_t cap, gv_error *err)
{
	memsrc *m = ctx;
	size_t n = m->n - m->pos;
	(void)err;
	if (n > cap)
		n = cap;
	if (n > m->chunk)
		n = m->chunk;
	memcpy(buf, m->s + m->pos, n);
	m->pos += n;
	return (ssize_t)n;
}

/* Parse s and render each record as "line:f1|f2|...;" (or "line:!malformed;"),
 * ending with "EOF" or "ERR(line):msg". */
static char *render(const char *s, size_t n, size_t chunk)
{
	memsrc m = {s, n, 0, chunk};
	csvrec *r = csvrec_new(mem_read, &m);
	const csvrec_record *rec;
	gv_error err;
	strbuf out;
	char *p;
	int rc, i;

	sb_init(&out);
	gv_error_clear(&err);
	while ((rc = csvrec_next(r, &rec, &err)) > 0) {
		sb_addf(&out, "%ld:", rec->line);
		if (rec->malformed)
			sb_adds(&out, "!malformed");
		else
			for (i = 0; i < rec->nkept; i++)
				sb_addf(&out, "%s%s", i ? "|" : "", rec->field[i]);
		sb_adds(&out, ";");
	}
	if (rc < 0)
		sb_addf(&out, "ERR(%ld):%s", err.line, err.msg);
	else
		sb_adds(&out, "EOF");
	csvrec_free(r);
	p = sb_detach(&out);
	sb_release(&out); /* sb_detach leaves a fresh buffer behind */
	return p;
}

static const struct {
	const char *in;
	const char *out;
} cases[] = {
	{"a,b\n1,2\n", "1:a|b;2:1|2;EOF"},
	{"a,b\n1,2", "1:a|b;2:1|2;EOF"},                        /* no final line end */
	{"a,b\r\n1,2\r\n", "1:a|b;2:1|2;EOF"},                  /* CRLF */
	{"a,b\r1,2\r3,4", "1:a|b;2:1|2;3:3|4;EOF"},             /* lone CR */
	{"a,b\n\n1,2\n\r\n3,4\n", "1:a|b;3:1|2;5:3|4;EOF"},     /* blank lines skipped, counted */
	{"a,b\n\"x\ny\nz\",2\n3,4\n", "1:a|b;2:x\ny\nz|2;5:3|4;EOF"}, /* quoted newlines */
	{"a,b\n\"x\r\ny\",2\r\n3,4\r\n", "1:a|b;2:x\r\ny|2;4:3|4;EOF"},
	{"a,b\n\"x\ry\",2\r3,4\r", "1:a|b;2:x\ry|2;4:3|4;EOF"},
	{"a,b\n\"say \"\"hi\"\"\",\"1,5\"\n", "1:a|b;2:say \"hi\"|1,5;EOF"},
	{"a,b\n  x , y \n", "1:a|b;2:  x | y ;EOF"},           /* nothing trimmed */
	{"a,b,c\n,,\n\"\",x,\n", "1:a|b|c;2:||;3:|x|;EOF"},      /* empty fields */
	{"\xEF\xBB\xBF\"a\",b\n1,2\n", "1:a|b;2:1|2;EOF"},       /* BOM, quoted first name */
	{"a,b\n1,2,3\n4\n", "1:a|b;2:1|2|3;3:4;EOF"},            /* ragged rows passed on */
	{"a,b\nx\"y,2\n3,4\n", "1:a|b;2:!malformed;3:3|4;EOF"},  /* quote in unquoted field */
	{"a,b\n\"x\"y,2\n3,4\n", "1:a|b;2:!malformed;3:3|4;EOF"}, /* text after closing quote */
	{"a,b\n\"x\" ,2\n3,4\n", "1:a|b;2:!malformed;3:3|4;EOF"},
	{"a,b\n\"x\"y\n3,4\n", "1:a|b;2:!malformed;3:3|4;EOF"},  /* broken on its last line */
	{"a,b\n1,\"open\n2,3\n", "1:a|b;ERR(2):unterminated quoted field at end of file"},
	{"a,b\n1,\"open", "1:a|b;ERR(2):unterminated quoted field at end of file"},
	{"", "EOF"},
	{"\n\n", "EOF"},
	{"tab\there,x\n", "1:tab\there|x;EOF"},
};

Test(csvrec, table)
{
	static const size_t chunks[] = {1, 2, 3, 7, 1 << 20};
	size_t i, c;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		for (c = 0; c < sizeof chunks / sizeof chunks[0]; c++) {
			char *got = render(cases[i].in, strlen(cases[i].in), chunks[c]);
			cr_expect_str_eq(got, cases[i].out, "case %zu, chunks of %zu", i, chunks[c]);
			free(got);
		}
	}
}

Test(csvrec, nul_bytes_and_raw_excerpt)
{
	static const char in[] = "a,b\nx\0y,\"q\nr\"\r\n";
	memsrc m = {in, sizeof in - 1, 0, 1 << 20};
	csvrec *r = csvrec_new(mem_read, &m);
	const csvrec_record *rec;
	gv_error err;

	cr_assert_eq(csvrec_next(r, &rec, &err), 1);
	cr_assert_eq(csvrec_next(r, &rec, &err), 1);
	cr_expect_eq(rec->line, 2);
	cr_expect_eq(rec->nfields, 2);
	cr_expect_eq(rec->len[0], 3);
	cr_expect_eq(memcmp(rec->field[0], "x\0y", 3), 0);
	cr_expect_eq(rec->raw_len, 9, "raw record without its line end");
	cr_expect_eq(memcmp(rec->raw, "x\0y,\"q\nr\"", 9), 0);
	cr_expect_eq(csvrec_next(r, &rec, &err), 0);
	csvrec_free(r);
}

Test(csvrec, excerpt_is_bounded)
{
	size_t n = 5000;
	char *in = malloc(n + 8);
	memsrc m;
	csvrec *r;
	const csvrec_record *rec;
	gv_error err;

	memcpy(in, "a\n", 2);
	memset(in + 2, 'z', n);
	in[n + 2] = '\n';
	m = (memsrc){in, n + 3, 0, 100};
	r = csvrec_new(mem_read, &m);
	cr_assert_eq(csvrec_next(r, &rec, &err), 1);
	cr_assert_eq(csvrec_next(r, &rec, &err), 1);
	cr_expect_eq(rec->raw_len, CSVREC_EXCERPT);
	cr_expect_eq(rec->len[0], n);
	csvrec_free(r);
	free(in);
}

Test(csvrec, field_over_limit_is_flagged_not_kept)
{
	size_t big = CSVREC_FIELD_MAX + 10, n = big + 64;
	char *in = malloc(n);
	size_t k = 0;
	memsrc m;
	csvrec *r;
	const csvrec_record *rec;
	gv_error err;

	k += (size_t)sprintf(in + k, "a,b,c\nx,\"");
	memset(in + k, 'y', big);
	k += big;
	k += (size_t)sprintf(in + k, "\",z\nnext,1,2\n");
	m = (memsrc){in, k, 0, 1 << 18};
	r = csvrec_new(mem_read, &m);
	cr_assert_eq(csvrec_next(r, &rec, &err), 1);
	cr_assert_eq(csvrec_next(r, &rec, &err), 1, "%s", err.msg);
	cr_expect_eq(rec->too_long, 2);
	cr_expect_eq(rec->nfields, 3);
	cr_expect_eq(rec->len[1], 0);
	cr_expect_str_eq(rec->field[2], "z");
	cr_assert_eq(csvrec_next(r, &rec, &err), 1);
	cr_expect_eq(rec->too_long, 0, "the flag does not stick");
	cr_expect_eq(rec->line, 3);
	csvrec_free(r);
	free(in);
}

Test(csvrec, endless_record_stops_the_file)
{
	size_t big = CSVREC_RECORD_MAX + 100, k = 0;
	char *in = malloc(big + 64);
	memsrc m;
	csvrec *r;
	const csvrec_record *rec;
	gv_error err;

	k += (size_t)sprintf(in + k, "a,b\n1,\"");
	memset(in + k, 'x', big);
	k += big;
	for (size_t i = 0; i < big; i += 1000)
		in[7 + i] = '\n'; /* many physical lines, one record */
	m = (memsrc){in, k, 0, 1 << 18};
	r = csvrec_new(mem_read, &m);
	cr_assert_eq(csvrec_next(r, &rec, &err), 1);
	gv_error_clear(&err);
	cr_expect_eq(csvrec_next(r, &rec, &err), -1);
	cr_expect_eq(err.line, 2);
	cr_expect(strstr(err.msg, "longer than 16 MiB") != NULL, "%s", err.msg);
	csvrec_free(r);
	free(in);
}

Test(csvrec, many_fields_counted_beyond_those_kept)
{
	size_t n = (CSVREC_MAXFIELDS + 50) * 2 + 8, k = 0;
	char *in = malloc(n);
	memsrc m;
	csvrec *r;
	const csvrec_record *rec;
	gv_error err;
	int i;

	for (i = 0; i < CSVREC_MAXFIELDS + 50; i++) {
		in[k++] = 'x';
		in[k++] = ',';
	}
	in[k - 1] = '\n';
	m = (memsrc){in, k, 0, 1 << 20};
	r = csvrec_new(mem_read, &m);
	cr_assert_eq(csvrec_next(r, &rec, &err), 1);
	cr_expect_eq(rec->nfields, CSVREC_MAXFIELDS + 50);
	cr_expect_eq(rec->nkept, CSVREC_MAXFIELDS);
	csvrec_free(r);
	free(in);
}
