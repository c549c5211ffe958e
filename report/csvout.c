/* csvout.c: see csvout.h. */
#include "report/csvout.h"

#include <errno.h>
#include <string.h>

void csvout_init(csvout *c, FILE *f)
{
	c->f = f;
	sb_init(&c->line);
	c->ncells = 0;
	c->failed = 0;
	c->err_no = 0;
}

void csvout_release(csvout *c)
{
	sb_release(&c->line);
}

int csv_is_formula(const char *s)
{
	return s && *s && strchr("=+-@\t\r", *s) != NULL;
}

void csv_field(strbuf *out, const char *s, int neutralise)
{
	const char *p, *q;
	int quote;

	if (!s)
		return;
	quote = strpbrk(s, ",\"\r\n") != NULL;
	if (quote)
		sb_addc(out, '"');
	if (neutralise && csv_is_formula(s))
		sb_addc(out, '\'');
	/* Runs between quotes in one copy each (a byte at a time was a tenth
	 * of the report's time); each quote is doubled. */
	for (p = s; (q = strchr(p, '"')) != NULL; p = q + 1) {
		sb_add(out, p, (size_t)(q - p) + 1);
		sb_addc(out, '"');
	}
	sb_adds(out, p);
	if (quote)
		sb_addc(out, '"');
}

static void sep(csvout *c)
{
	if (c->ncells++ > 0)
		sb_addc(&c->line, ',');
}

void csv_text(csvout *c, const char *s)
{
	sep(c);
	csv_field(&c->line, s, 1);
}

void csv_num(csvout *c, double v, int decimals)
{
	char buf[64];
	const char *p = buf;

	sep(c);
	snprintf(buf, sizeof buf, "%.*f", decimals, v);
	/* -0.001 with 2 decimals prints "-0.00": a reader wants "0.00". */
	if (buf[0] == '-' && strspn(buf + 1, "0.") == strlen(buf + 1))
		p++;
	sb_adds(&c->line, p);
}

void csv_int(csvout *c, long long v)
{
	sep(c);
	sb_addf(&c->line, "%lld", v);
}

void csv_null(csvout *c)
{
	sep(c);
}

void csv_header(csvout *c, const char *const *names)
{
	for (; *names; names++)
		csv_text(c, *names);
	csv_endrow(c);
}

int csv_endrow(csvout *c)
{
	sb_add(&c->line, "\r\n", 2);
	if (!c->failed && fwrite(c->line.buf, 1, c->line.len, c->f) != c->line.len) {
		c->err_no = errno;
		c->failed = 1;
	}
	sb_reset(&c->line);
	c->ncells = 0;
	return c->failed ? -1 : 0;
}
