/* test_header.c: header mapping: kind detection, aliases, case, BOM, unknown
 * columns, missing and duplicate columns. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "ingest/header.h"

/* Build a map from a comma-separated header (no quoting needed here). */
static int build(const char *line, header_map *m, gv_error *err)
{
	static char buf[1024];
	const char *names[64];
	size_t lens[64];
	int n = 0;
	char *p = buf;

	snprintf(buf, sizeof buf, "%s", line);
	for (;;) {
		char *comma = strchr(p, ',');
		names[n] = p;
		lens[n] = comma ? (size_t)(comma - p) : strlen(p);
		n++;
		if (!comma)
			break;
		p = comma + 1;
	}
	gv_error_clear(err);
	return header_map_build(m, names, lens, n, err);
}

static const struct {
	const char *header;
	ingest_kind kind;
} kinds[] = {
	{"listing_id,seller_id,seller_name,title,price,currency,market,scraped_at,url,specs,description",
	 KIND_LISTINGS},
	{"review_id,listing_id,rating,country,created_at,text", KIND_REVIEWS},
	{"qa_id,listing_id,asked_at,question,answer,answered_at", KIND_QA},
	{"REVIEW_ID,Listing_Id,TEXT", KIND_REVIEWS},
	{"qa_id,productId,question", KIND_QA},
	{"scraped_at,title,item_id,shop_id", KIND_LISTINGS},
	{"\xEF\xBB\xBFlisting_id,title,seller_id,scraped_at", KIND_LISTINGS},
	{" review_id ,\tlisting_id", KIND_REVIEWS},
};

Test(header, kinds)
{
	size_t i;
	for (i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
		header_map m;
		gv_error err;
		cr_expect_eq(build(kinds[i].header, &m, &err), 0, "'%s': %s", kinds[i].header,
			     err.msg);
		cr_expect_eq(m.kind, kinds[i].kind, "'%s'", kinds[i].header);
	}
}

Test(header, aliases_and_positions)
{
	static const struct {
		const char *header;
		int field;
		int col;
	} a[] = {
		{"product_id,title,seller_id,scraped_at", LF_LISTING_ID, 0},
		{"title,item_id,seller_id,scraped_at", LF_LISTING_ID, 1},
		{"title,productId,seller_id,scraped_at", LF_LISTING_ID, 1},
		{"listing_id,title,store_id,scraped_at", LF_SELLER_ID, 2},
		{"listing_id,title,shop_id,scraped_at", LF_SELLER_ID, 2},
		{"listing_id,title,STOREID,scraped_at", LF_SELLER_ID, 2},
		{"listing_id,title,seller_id,scraped_at,store_name", LF_SELLER_NAME, 4},
		{"listing_id,title,seller_id,scraped_at,storeName", LF_SELLER_NAME, 4},
		{"listing_id,title,seller_id,scraped_at,ship_to", LF_MARKET, 4},
		{"listing_id,title,seller_id,scraped_at,country_code", LF_MARKET, 4},
		{"listing_id,title,seller_id,scraped_at", LF_SPECS, -1},
		{"listing_id,extra,title,seller_id,scraped_at,specs", LF_SPECS, 5},
	};
	size_t i;
	for (i = 0; i < sizeof a / sizeof a[0]; i++) {
		header_map m;
		gv_error err;
		cr_assert_eq(build(a[i].header, &m, &err), 0, "'%s': %s", a[i].header, err.msg);
		cr_expect_eq(m.col[a[i].field], a[i].col, "'%s'", a[i].header);
	}
}

Test(header, review_and_qa_aliases)
{
	header_map m;
	gv_error err;

	cr_assert_eq(build("x,review_id,body,item_id", &m, &err), 0, "%s", err.msg);
	cr_expect_eq(m.ncols, 4);
	cr_expect_eq(m.col[RF_TEXT], 2);
	cr_expect_eq(m.col[RF_LISTING_ID], 3);
	cr_expect_eq(m.col[RF_RATING], -1);
	cr_assert_eq(build("review_id,listing_id,review_text", &m, &err), 0);
	cr_expect_eq(m.col[RF_TEXT], 2);
	cr_assert_eq(build("review_id,listing_id,Content", &m, &err), 0);
	cr_expect_eq(m.col[RF_TEXT], 2);
	cr_assert_eq(build("qa_id,listing_id,question,reply", &m, &err), 0);
	cr_expect_eq(m.col[QF_ANSWER], 3);
	cr_assert_eq(build("qa_id,listing_id,question,seller_reply", &m, &err), 0);
	cr_expect_eq(m.col[QF_ANSWER], 3);
	/* ship_to is a listings alias only: in a reviews dump it is unknown */
	cr_assert_eq(build("review_id,listing_id,ship_to", &m, &err), 0);
	cr_expect_eq(m.col[RF_COUNTRY], -1);
}

static const struct {
	const char *header;
	const char *msg;
} refused[] = {
	{"listing_id,seller_id,price,scraped_at", "missing required column 'title' (listings dump)"},
	{"listing_id,title,price,scraped_at", "missing required column 'seller_id' (listings dump)"},
	{"listing_id,title,seller_id", "missing required column 'scraped_at' (listings dump)"},
	{"review_id,rating,text", "missing required column 'listing_id' (reviews dump)"},
	{"qa_id,listing_id,answer", "missing required column 'question' (qa dump)"},
	{"foo,bar", "unrecognised header: no review_id, qa_id, or listing_id with title column"},
	{"listing_id", "unrecognised header: no review_id, qa_id, or listing_id with title column"},
	{"", "unrecognised header: no review_id, qa_id, or listing_id with title column"},
	{"review_id,qa_id,listing_id", "header has both review_id and qa_id: cannot tell the kind of dump"},
	{"review_id,listing_id,Review_ID",
	 "column 'review_id' appears twice in the header (columns 1 'review_id' and 3 'Review_ID')"},
	{"review_id,listing_id,text,content",
	 "column 'text' appears twice in the header (columns 3 'text' and 4 'content')"},
	{"listing_id,product_id,title,seller_id,scraped_at",
	 "column 'listing_id' appears twice in the header (columns 1 'listing_id' and 2 'product_id')"},
	/* a BOM is dropped only from the first name */
	{"review_id,\xEF\xBB\xBFlisting_id", "missing required column 'listing_id' (reviews dump)"},
};

Test(header, refused)
{
	size_t i;
	for (i = 0; i < sizeof refused / sizeof refused[0]; i++) {
		header_map m;
		gv_error err;
		cr_expect_eq(build(refused[i].header, &m, &err), -1, "'%s'", refused[i].header);
		cr_expect_str_eq(err.msg, refused[i].msg, "'%s'", refused[i].header);
	}
}

Test(header, duplicate_unknown_columns_are_fine)
{
	header_map m;
	gv_error err;
	cr_expect_eq(build("review_id,listing_id,x,x,,", &m, &err), 0, "%s", err.msg);
	cr_expect_eq(m.ncols, 6);
}

Test(header, kind_names_and_fields)
{
	int n;
	const header_field *f;

	cr_expect_str_eq(header_kind_name(KIND_LISTINGS), "listings");
	cr_expect_str_eq(header_kind_name(KIND_REVIEWS), "reviews");
	cr_expect_str_eq(header_kind_name(KIND_QA), "qa");
	cr_expect_null(header_kind_name(KIND_UNKNOWN));
	cr_expect_eq(header_kind_parse("reviews"), KIND_REVIEWS);
	cr_expect_eq(header_kind_parse("qa"), KIND_QA);
	cr_expect_eq(header_kind_parse("listings"), KIND_LISTINGS);
	cr_expect_eq(header_kind_parse("Reviews"), KIND_UNKNOWN);
	cr_expect_eq(header_kind_parse(NULL), KIND_UNKNOWN);
	f = header_fields(KIND_LISTINGS, &n);
	cr_expect_eq(n, LF_COUNT);
	cr_expect_str_eq(f[LF_SCRAPED_AT].name, "scraped_at");
	cr_expect_eq(f[LF_SCRAPED_AT].required, 1);
	cr_expect_eq(f[LF_PRICE].type, FT_PRICE);
	f = header_fields(KIND_QA, &n);
	cr_expect_eq(n, QF_COUNT);
	cr_expect_eq(f[QF_QUESTION].required, 1);
	cr_expect_eq(f[QF_ANSWER].required, 0);
	cr_expect_null(header_fields(KIND_UNKNOWN, &n));
	cr_expect_eq(n, 0);
}
