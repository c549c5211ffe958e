/* test_html.c: escaping of scraped text into report.html, and the anchors
 * of sellers. */
#include <criterion/criterion.h>
#include <string.h>

#include "report/html.h"

static const struct {
	const char *in, *want;
} cases[] = {
	{"plain", "plain"},
	{"", ""},
	{"<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"},
	{"a & b", "a &amp; b"},
	{"&amp;", "&amp;amp;"},
	{"\"quoted\" 'single'", "&quot;quoted&quot; &#39;single&#39;"},
	{"<img src=x onerror=\"alert(1)\">", "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;"},
	{"Versión Global — 8GB", "Versión Global — 8GB"},
	{"</textarea><svg onload=1>", "&lt;/textarea&gt;&lt;svg onload=1&gt;"},
};

Test(html, escape)
{
	size_t i;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		strbuf sb;
		sb_init(&sb);
		html_escape(&sb, cases[i].in);
		cr_expect_str_eq(sb.buf, cases[i].want, "case %zu", i);
		sb_release(&sb);
	}
}

Test(html, escape_null_and_no_markup_survives)
{
	static const char nasty[] = "x<y>\"'&\x01\xc3\xa9";
	strbuf sb;
	sb_init(&sb);
	html_escape(&sb, NULL);
	cr_expect_eq(sb.len, 0);
	html_escape(&sb, nasty);
	cr_expect_null(strpbrk(sb.buf, "<>\"'"));
	sb_release(&sb);
}

Test(html, anchor)
{
	strbuf sb;
	sb_init(&sb);
	html_anchor(&sb, "912025709");
	cr_expect_str_eq(sb.buf, "912025709");
	sb_reset(&sb);
	html_anchor(&sb, "a b\"<_");
	cr_expect_str_eq(sb.buf, "a_20b_22_3C_5F");
	sb_reset(&sb);
	html_anchor(&sb, "x_20"); /* distinct from "x " */
	cr_expect_str_eq(sb.buf, "x_5F20");
	sb_release(&sb);
}

#include "report/htmlchart.h"

Test(html, charts_escape_labels)
{
	chart_point pt = {"<script>alert(1)</script> & Co", "9\"1", 0.75, 0.30, 0.95, 3, 4};
	market_band band = {"B20", 20, 2};
	market_row row = {(char *)"E<U>", 7, 4, &band, 1};
	market_summary ms = {&row, 1};
	strbuf sb;

	sb_init(&sb);
	chart_sellers(&sb, &pt, 1);
	cr_expect_null(strstr(sb.buf, "<script"));
	cr_expect_not_null(strstr(sb.buf, "&lt;script&gt;"));
	cr_expect_not_null(strstr(sb.buf, "href=\"#seller-9_221\""));
	cr_expect_not_null(strstr(sb.buf, "75% (3/4)"), "rate with its n");
	sb_reset(&sb);
	chart_markets(&sb, &ms);
	cr_expect_null(strstr(sb.buf, "E<U>"));
	cr_expect_not_null(strstr(sb.buf, "E&lt;U&gt;"));
	cr_expect_not_null(strstr(sb.buf, "50% (2/4)"), "share with its n");
	sb_release(&sb);
}

Test(html, long_label_cut_on_utf8_boundary)
{
	/* 30 two-byte characters: cut somewhere inside, never mid-character. */
	char label[64] = "";
	chart_point pt = {label, "1", 0.5, 0.2, 0.8, 1, 2};
	strbuf sb;
	const char *t;
	int i;

	for (i = 0; i < 30; i++)
		strcat(label, "\xc3\xa9");
	sb_init(&sb);
	chart_sellers(&sb, &pt, 1);
	t = strstr(sb.buf, "text-anchor=\"end\">");
	cr_assert_not_null(t);
	t += strlen("text-anchor=\"end\">");
	cr_expect(((unsigned char)t[0] & 0xC0) != 0x80);
	cr_expect_not_null(strstr(t, "\xc3\xa9\xe2\x80\xa6</text>"), "ends with whole char + ellipsis");
	sb_release(&sb);
}
