/* test_csvout.c: RFC 4180 quoting, CRLF rows, number formatting and the
 * neutralising of cells a spreadsheet would run as formulas. */
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/csvout.h"

static const struct {
	const char *in, *want;
} fields[] = {
	{"plain", "plain"},
	{"", ""},
	{"a,b", "\"a,b\""},
	{"say \"hi\"", "\"say \"\"hi\"\"\""},
	{"two\nlines", "\"two\nlines\""},
	{"cr\r\nlf", "\"cr\r\nlf\""},
	{" spaced ", " spaced "},
	{"Versión Global 8GB", "Versión Global 8GB"},
	{"=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""},
	{"=1+2", "'=1+2"},
	{"+1 free case", "'+1 free case"},
	{"-2% off", "'-2% off"},
	{"@SUM(A1:A2)", "'@SUM(A1:A2)"},
	{"\tTAB", "'\tTAB"},
	{"\rCR", "\"'\rCR\""},
	{"a=b", "a=b"},
	{"B20;B28", "B20;B28"},
};

Test(csvout, fields)
{
	size_t i;
	for (i = 0; i < sizeof fields / sizeof fields[0]; i++) {
		strbuf sb;
		sb_init(&sb);
		csv_field(&sb, fields[i].in, 1);
		cr_expect_str_eq(sb.buf, fields[i].want, "field %zu: [%s]", i, fields[i].in);
		sb_release(&sb);
	}
}

Test(csvout, no_neutralise_keeps_text)
{
	strbuf sb;
	sb_init(&sb);
	csv_field(&sb, "-0.50", 0);
	cr_expect_str_eq(sb.buf, "-0.50");
	sb_reset(&sb);
	csv_field(&sb, NULL, 1);
	cr_expect_str_eq(sb.buf, "");
	sb_release(&sb);
}

Test(csvout, is_formula)
{
	cr_expect(csv_is_formula("=x"));
	cr_expect(csv_is_formula("+x"));
	cr_expect(csv_is_formula("-x"));
	cr_expect(csv_is_formula("@x"));
	cr_expect(csv_is_formula("\tx"));
	cr_expect(csv_is_formula("\rx"));
	cr_expect(!csv_is_formula("x="));
	cr_expect(!csv_is_formula(""));
	cr_expect(!csv_is_formula(NULL));
}

/* Rows written through a memory stream: header, CRLF, numbers unprefixed. */
Test(csvout, rows)
{
	static const char *const header[] = {"id", "title", "score", "n", "empty", NULL};
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	csvout c;

	cr_assert(f);
	csvout_init(&c, f);
	csv_header(&c, header);
	csv_text(&c, "1");
	csv_text(&c, "-2 Redmi, \"Global\"");
	csv_num(&c, -0.5, 2);
	csv_int(&c, -3);
	csv_null(&c);
	cr_expect_eq(csv_endrow(&c), 0);
	csv_text(&c, "2");
	csv_text(&c, "ok");
	csv_num(&c, -0.001, 2); /* no "-0.00" */
	csv_int(&c, 0);
	csv_null(&c);
	csv_endrow(&c);
	csvout_release(&c);
	fclose(f);
	cr_expect_str_eq(buf, "id,title,score,n,empty\r\n"
			      "1,\"'-2 Redmi, \"\"Global\"\"\",-0.50,-3,\r\n"
			      "2,ok,0.00,0,\r\n");
	free(buf);
}

/* One cell as csv_num or csv_int writes it, without the CRLF. */
static void one_cell(char *out, size_t size, double v, int decimals, int is_int, long long iv)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	csvout c;

	cr_assert(f);
	csvout_init(&c, f);
	if (is_int)
		csv_int(&c, iv);
	else
		csv_num(&c, v, decimals);
	csv_endrow(&c);
	csvout_release(&c);
	fclose(f);
	snprintf(out, size, "%.*s", (int)(len >= 2 ? len - 2 : 0), buf);
	free(buf);
}

/* printf's "%.*f", "-0.00" written "0.00": what csv_num always wrote. */
static void by_printf(char *out, size_t size, double v, int decimals)
{
	snprintf(out, size, "%.*f", decimals, v);
	if (out[0] == '-' && strspn(out + 1, "0.") == strlen(out + 1))
		memmove(out, out + 1, strlen(out));
}

Test(csvout, numbers_as_printf)
{
	static const double fixed[] = {0.0, -0.0, 0.5, -0.5, 0.125, 0.005, 0.015, 0.285, 1.005,
				       2.675, -1.5, 1e-300, -1e-300, 123456.789, 1e11, -1e11,
				       1e12, 1e15, 4503599627370497.0, 0.1, 0.7, -0.6, 1.0 / 3};
	char got[96], want[96];
	unsigned long long x = 88172645463325252ULL;
	int d, i;

	for (d = 0; d <= 6; d++) {
		for (i = 0; i < (int)(sizeof fixed / sizeof *fixed); i++) {
			one_cell(got, sizeof got, fixed[i], d, 0, 0);
			by_printf(want, sizeof want, fixed[i], d);
			cr_expect_str_eq(got, want, "%.17g with %d decimals", fixed[i], d);
		}
		for (i = 0; i < 20000; i++) { /* k / 10^d, and nearby doubles */
			double v;
			x ^= x << 13, x ^= x >> 7, x ^= x << 17; /* xorshift64 */
			v = (double)(long long)(x % 2000001) - 1000000.0;
			v /= d == 0 ? 1.0 : d == 1 ? 10.0 : d == 2 ? 100.0 : d == 3 ? 1000.0 : 10000.0;
			if (i % 3 == 1)
				v = nextafter(v, 1e300);
			else if (i % 3 == 2)
				v = nextafter(v, -1e300);
			one_cell(got, sizeof got, v, d, 0, 0);
			by_printf(want, sizeof want, v, d);
			cr_assert_str_eq(got, want, "%.17g with %d decimals", v, d);
		}
	}
	one_cell(got, sizeof got, 0, 0, 1, -9223372036854775807LL - 1);
	cr_expect_str_eq(got, "-9223372036854775808");
	one_cell(got, sizeof got, 0, 0, 1, 9223372036854775807LL);
	cr_expect_str_eq(got, "9223372036854775807");
	one_cell(got, sizeof got, 0, 0, 1, -7);
	cr_expect_str_eq(got, "-7");
}
