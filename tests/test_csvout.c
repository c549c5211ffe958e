/* test_csvout.c: RFC 4180 quoting, CRLF rows, number formatting and the
 * neutralising of cells a spreadsheet would run as formulas. */
#include <criterion/criterion.h>
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
