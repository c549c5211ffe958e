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
