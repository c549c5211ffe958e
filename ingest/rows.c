/* rows.c: see rows.h. */
#include "ingest/rows.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/refcsv.h"

/* Length of the UTF-8 sequence a lead byte announces, 0 if it cannot lead. */
static size_t seq_len(unsigned char c)
{
	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF)
		return 2;
	if (c >= 0xE0 && c <= 0xEF)
		return 3;
	if (c >= 0xF0 && c <= 0xF4)
		return 4;
	return 0;
}

/* Length of the valid sequence at s (n bytes left), or 0. */
static size_t valid_at(const char *s, size_t n)
{
	size_t k = seq_len((unsigned char)*s);
	if (k == 0 || k > n)
		return 0;
	return utf8_valid(s, k) ? k : 0;
}

size_t rows_utf8_prefix(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		size_t k;
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		k = valid_at(s + i, n - i);
		if (!k)
			return i;
		i += k;
	}
	return n;
}

/* Could s[0..n) grow into a valid sequence given more bytes? */
static int valid_prefix(const char *s, size_t n)
{
	size_t k = seq_len((unsigned char)*s), i;
	char tmp[4];
	if (k <= n)
		return 0;
	memcpy(tmp, s, n);
	for (i = n; i < k; i++)
		tmp[i] = (char)0x80;
	/* the lowest continuation may be invalid after E0/ED/F0/F4; try the
	 * lowest and the highest allowed second byte */
	if (utf8_valid(tmp, k))
		return 1;
	if (n == 1) {
		tmp[1] = (char)0xBF;
		if (utf8_valid(tmp, k))
			return 1;
		tmp[1] = (char)0xA0;
		return utf8_valid(tmp, k);
	}
	return 0;
}

void rows_escape(const char *s, size_t n, strbuf *out)
{
	size_t i = 0;
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		size_t k;
		if (c == 0) {
			sb_adds(out, "\\x00");
			i++;
			continue;
		}
		k = c < 0x80 ? 1 : valid_at(s + i, n - i);
		if (k) {
			sb_add(out, s + i, k);
			i += k;
			continue;
		}
		if (valid_prefix(s + i, n - i))
			break; /* cut off by the excerpt */
		sb_addf(out, "\\x%02X", c);
		i++;
	}
}

int rows_check_id(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char c = u[i];
		if (c <= 0x20 || c == 0x7F)
			return -1;
		if (c == 0xC2 && i + 1 < n && (u[i + 1] <= 0x9F || u[i + 1] == 0xA0))
			return -1; /* C1 controls, no-break space */
		if (c == 0xE1 && i + 2 < n && u[i + 1] == 0x9A && u[i + 2] == 0x80)
			return -1; /* U+1680 ogham space */
		if (c == 0xE2 && i + 2 < n && u[i + 1] == 0x80 &&
		    (u[i + 2] <= 0x8B || u[i + 2] == 0xA8 || u[i + 2] == 0xA9 || u[i + 2] == 0xAF))
			return -1; /* U+2000..200B spaces, line/paragraph separators, U+202F */
		if (c == 0xE2 && i + 2 < n && u[i + 1] == 0x81 && u[i + 2] == 0x9F)
			return -1; /* U+205F */
		if (c == 0xE3 && i + 2 < n && u[i + 1] == 0x80 && u[i + 2] == 0x80)
			return -1; /* U+3000 ideographic space */
		if (c == 0xEF && i + 2 < n && u[i + 1] == 0xBB && u[i + 2] == 0xBF)
			return -1; /* U+FEFF byte order mark */
	}
	return 0;
}

int rows_parse_price(const char *s, size_t n, double *out)
{
	char buf[48];
	size_t i = 0, int_digits = 0, frac_digits = 0;
	char *end;
	double v;

	while (i < n && s[i] >= '0' && s[i] <= '9')
		i++, int_digits++;
	if (i < n && s[i] == '.') {
		i++;
		while (i < n && s[i] >= '0' && s[i] <= '9')
			i++, frac_digits++;
		if (frac_digits == 0)
			return -1;
	}
	if (i != n || int_digits == 0 || n >= sizeof buf)
		return -1;
	memcpy(buf, s, n);
	buf[n] = '\0';
	v = strtod(buf, &end);
	if (*end != '\0' || !isfinite(v) || v < 0)
		return -1;
	*out = v;
	return 0;
}

int rows_parse_rating(const char *s, size_t n, int *out)
{
	if (n != 1 || s[0] < '1' || s[0] > '5')
		return -1;
	*out = s[0] - '0';
	return 0;
}

/* Read exactly k digits at s[*i]. */
static int digits(const char *s, size_t n, size_t *i, int k, int *v)
{
	int x = 0;
	if (*i + (size_t)k > n)
		return -1;
	while (k-- > 0) {
		char c = s[(*i)++];
		if (c < '0' || c > '9')
			return -1;
		x = x * 10 + (c - '0');
	}
	*v = x;
	return 0;
}

static int expect(const char *s, size_t n, size_t *i, char c)
{
	if (*i >= n || s[*i] != c)
		return -1;
	(*i)++;
	return 0;
}

static int days_in_month(int y, int m)
{
	static const int dim[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return m == 2 && leap ? 29 : dim[m - 1];
}

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant). */
static long long days_from_civil(long long y, int m, int d)
{
	long long era, yoe, doy, doe;
	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void civil_from_days(long long z, long long *y, int *m, int *d)
{
	long long era, doe, yoe, doy, mp;
	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*m <= 2);
}

/* Write v as exactly w digits (v is in range: checked by the caller). */
static void put_num(char *p, int v, int w)
{
	while (w-- > 0) {
		p[w] = (char)('0' + v % 10);
		v /= 10;
	}
}

/* "YYYY-MM-DD" into p[0..10), no NUL. */
static void put_date(char *p, int y, int m, int d)
{
	put_num(p, y, 4);
	p[4] = '-';
	put_num(p + 5, m, 2);
	p[7] = '-';
	put_num(p + 8, d, 2);
}

int rows_parse_date(const char *s, size_t n, char *out)
{
	size_t i = 0;
	int y, mo, d, hh, mi, ss = 0, oh = 0, om = 0, sign = 0;
	long long secs, days, yy;

	if (digits(s, n, &i, 4, &y) || expect(s, n, &i, '-') || digits(s, n, &i, 2, &mo) ||
	    expect(s, n, &i, '-') || digits(s, n, &i, 2, &d))
		return -1;
	if (y < 1 || mo < 1 || mo > 12 || d < 1 || d > days_in_month(y, mo))
		return -1;
	if (i == n) {
		put_date(out, y, mo, d);
		out[10] = '\0';
		return 0;
	}
	if (s[i] != 'T' && s[i] != ' ')
		return -1;
	i++;
	if (digits(s, n, &i, 2, &hh) || expect(s, n, &i, ':') || digits(s, n, &i, 2, &mi))
		return -1;
	if (i < n && s[i] == ':') {
		i++;
		if (digits(s, n, &i, 2, &ss))
			return -1;
		if (i < n && s[i] == '.') {
			size_t f = ++i;
			while (i < n && s[i] >= '0' && s[i] <= '9')
				i++;
			if (i == f)
				return -1;
		}
	}
	if (hh > 23 || mi > 59 || ss > 59)
		return -1;
	if (i < n && s[i] == 'Z') {
		i++;
	} else if (i < n && (s[i] == '+' || s[i] == '-')) {
		sign = s[i++] == '+' ? 1 : -1;
		if (digits(s, n, &i, 2, &oh))
			return -1;
		if (i < n && s[i] == ':')
			i++;
		if (digits(s, n, &i, 2, &om))
			return -1;
		if (oh > 23 || om > 59)
			return -1;
	}
	if (i != n)
		return -1;
	secs = ((long long)hh * 60 + mi) * 60 + ss - sign * ((long long)oh * 60 + om) * 60;
	secs += days_from_civil(y, mo, d) * 86400;
	/* floor division: an offset may move the time into another day */
	days = secs >= 0 ? secs / 86400 : -((-secs + 86399) / 86400);
	secs -= days * 86400;
	civil_from_days(days, &yy, &mo, &d);
	if (yy < 1 || yy > 9999)
		return -1;
	put_date(out, (int)yy, mo, d);
	out[10] = 'T';
	put_num(out + 11, (int)(secs / 3600), 2);
	out[13] = ':';
	put_num(out + 14, (int)(secs / 60 % 60), 2);
	out[16] = ':';
	put_num(out + 17, (int)(secs % 60), 2);
	out[19] = 'Z';
	out[20] = '\0';
	return 0;
}

/* "name 'value' problem", the value shortened and escaped (reject path only). */
static int reject_value(char *why, size_t whysize, const char *name, const char *s, size_t n,
			const char *problem)
{
	strbuf sb;
	size_t cut = n > 40 ? 40 : n;

	sb_init(&sb);
	sb_addf(&sb, "%s '", name);
	rows_escape(s, cut, &sb);
	sb_addf(&sb, "%s' %s", cut < n ? "..." : "", problem);
	snprintf(why, whysize, "%s", sb.buf);
	sb_release(&sb);
	return -1;
}

/* Check one known, non-empty field; on success set row->s[j] / row->n[j]. */
static int check_field(const header_field *f, int j, const char *s, size_t n, ingest_row *row,
		       char *why, size_t whysize)
{
	size_t bad;

	if (memchr(s, '\0', n)) {
		snprintf(why, whysize, "%s contains a NUL byte", f->name);
		return -1;
	}
	bad = rows_utf8_prefix(s, n);
	if (bad < n) {
		snprintf(why, whysize, "%s is not valid UTF-8 (byte %zu)", f->name, bad + 1);
		return -1;
	}
	switch (f->type) {
	case FT_ID:
		if (rows_check_id(s, n) < 0)
			return reject_value(why, whysize, f->name, s, n,
					    "contains whitespace or control characters");
		break;
	case FT_PRICE:
		if (rows_parse_price(s, n, &row->price) < 0)
			return reject_value(why, whysize, f->name, s, n,
					    "is not a number >= 0 with a dot decimal separator");
		break;
	case FT_RATING:
		if (rows_parse_rating(s, n, &row->rating) < 0)
			return reject_value(why, whysize, f->name, s, n, "is not an integer 1..5");
		break;
	case FT_DATE:
		if (rows_parse_date(s, n, row->date[j]) < 0)
			return reject_value(why, whysize, f->name, s, n,
					    "is not a valid ISO 8601 date or date-time");
		s = row->date[j];
		n = strlen(s);
		break;
	case FT_TEXT:
		break;
	}
	row->s[j] = s;
	row->n[j] = (int)n;
	return 0;
}

int rows_validate(const header_map *m, const csvrec_record *rec, ingest_row *row, char *why,
		  size_t whysize)
{
	const header_field *f;
	int j, nf;

	memset(row->s, 0, sizeof row->s);
	memset(row->n, 0, sizeof row->n);
	row->kind = m->kind;
	row->line = rec->line;
	row->price = 0;
	row->rating = 0;
	if (rec->malformed) {
		snprintf(why, whysize, "malformed quoting (a quote inside an unquoted field, "
			 "or text after a closing quote)");
		return -1;
	}
	if (rec->nfields != m->ncols) {
		snprintf(why, whysize, "expected %d fields, found %d", m->ncols, rec->nfields);
		return -1;
	}
	if (rec->too_long) {
		snprintf(why, whysize, "field %d over 1 MiB", rec->too_long);
		return -1;
	}
	f = header_fields(m->kind, &nf);
	for (j = 0; j < nf; j++) {
		int c = m->col[j];
		if (c < 0)
			continue;
		if (rec->len[c] == 0) {
			if (f[j].required) {
				snprintf(why, whysize, "empty %s", f[j].name);
				return -1;
			}
			continue;
		}
		if (check_field(&f[j], j, rec->field[c], rec->len[c], row, why, whysize) < 0)
			return -1;
	}
	return 0;
}
