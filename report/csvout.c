/* csvout.c: see csvout.h. */
#include "report/csvout.h"

#include <errno.h>
#include <math.h>
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

/* Decimal digits of u, right-aligned to end; returns the first. */
static char *put_digits(char *end, unsigned long long u)
{
	do
		*--end = (char)('0' + u % 10);
	while (u /= 10);
	return end;
}

/* "%.*f" of v without printf when v * 10^decimals is an integer k below
 * 10^12 (buf: 64 bytes) (weights, scores and most figures): the product is rounded once,
 * so v's exact decimal expansion is within 2^-13 of k and printf would
 * round it to k as well. 0 when v does not qualify (buf untouched).
 * k == 0 prints "0.00..", as csv_num makes of printf's "-0.00". */
static int fixed_exact(char *buf, double v, int decimals)
{
	static const double scale[] = {1, 10, 100, 1000, 10000};
	char digits[32], *p, *end = digits + sizeof digits;
	unsigned long long u;
	double k;
	size_t n;
	int i;

	if (decimals < 0 || decimals > 4)
		return 0;
	k = v * scale[decimals];
	if (!(fabs(k) < 1e12) || k != floor(k))
		return 0;
	u = (unsigned long long)fabs(k);
	p = put_digits(end, u);
	while (end - p < decimals + 1) /* at least one digit before the point */
		*--p = '0';
	n = 0;
	if (k < 0)
		buf[n++] = '-';
	for (i = 0; p < end; p++, i++) {
		if (decimals > 0 && end - p == decimals)
			buf[n++] = '.';
		buf[n++] = *p;
	}
	buf[n] = '\0';
	return 1;
}

void csv_num(csvout *c, double v, int decimals)
{
	char buf[64];
	const char *p = buf;

	sep(c);
	if (fixed_exact(buf, v, decimals)) {
		sb_adds(&c->line, buf);
		return;
	}
	snprintf(buf, sizeof buf, "%.*f", decimals, v);
	/* -0.001 with 2 decimals prints "-0.00": a reader wants "0.00". */
	if (buf[0] == '-' && strspn(buf + 1, "0.") == strlen(buf + 1))
		p++;
	sb_adds(&c->line, p);
}

void csv_int(csvout *c, long long v)
{
	char buf[24], *end = buf + sizeof buf, *p;

	sep(c);
	/* unsigned negation: LLONG_MIN too */
	p = put_digits(end, v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v);
	if (v < 0)
		*--p = '-';
	sb_add(&c->line, p, (size_t)(end - p));
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
