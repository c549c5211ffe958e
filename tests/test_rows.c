/* test_rows.c: row checks, table-driven: dates, prices, ratings, ids, UTF-8,
 * escaping of excerpts, and whole-record validation. */
#include <criterion/criterion.h>
#include <string.h>

#include "ingest/rows.h"

static const struct {
	const char *in;
	const char *out; /* NULL: rejected */
} dates[] = {
	{"2026-11-20", "2026-11-20"},
	{"2026-11-20T03:12:09Z", "2026-11-20T03:12:09Z"},
	{"2026-11-20T03:12:09", "2026-11-20T03:12:09Z"},      /* no zone: UTC */
	{"2026-11-20 03:12:09Z", "2026-11-20T03:12:09Z"},     /* space for T */
	{"2026-11-20T03:12Z", "2026-11-20T03:12:00Z"},        /* no seconds */
	{"2026-11-20T03:12", "2026-11-20T03:12:00Z"},
	{"2026-11-20T03:12:09.123Z", "2026-11-20T03:12:09Z"}, /* fraction dropped */
	{"2026-11-20T03:12:09.999999+00:00", "2026-11-20T03:12:09Z"},
	{"2026-11-20T10:00:00+02:00", "2026-11-20T08:00:00Z"},
	{"2026-11-20T10:00:00+0200", "2026-11-20T08:00:00Z"},
	{"2026-11-20T10:15:30-05:30", "2026-11-20T15:45:30Z"},
	{"2026-11-20T01:00:00+05:00", "2026-11-19T20:00:00Z"}, /* day before */
	{"2026-12-31T23:30:00-01:00", "2027-01-01T00:30:00Z"}, /* year after */
	{"2024-02-29", "2024-02-29"},                          /* leap year */
	{"2000-02-29", "2000-02-29"},                          /* 400-year rule */
	{"2024-03-01T00:30:00+01:00", "2024-02-29T23:30:00Z"},
	{"2024-02-29T23:30:00-01:00", "2024-03-01T00:30:00Z"},
	{"0001-01-01", "0001-01-01"},
	{"9999-12-31T23:59:59Z", "9999-12-31T23:59:59Z"},
	{"2026-02-29", NULL},  /* not a leap year */
	{"1900-02-29", NULL},  /* century rule */
	{"2026-02-30", NULL},
	{"2026-04-31", NULL},
	{"2026-13-01", NULL},
	{"2026-00-10", NULL},
	{"2026-11-00", NULL},
	{"0000-01-01", NULL},
	{"2026-11-20T24:00:00Z", NULL},
	{"2026-11-20T23:60:00Z", NULL},
	{"2026-11-20T23:59:60Z", NULL},
	{"2026-11-20T10:00:00+24:00", NULL},
	{"2026-11-20T10:00:00+02", NULL},  /* hour-only offset not accepted */
	{"2026-11-20T10:00:00+2:00", NULL},
	{"2026-11-20T10:00:00.Z", NULL},   /* empty fraction */
	{"2026-11-20T10", NULL},
	{"2026-11-20T", NULL},
	{"2026-11-20Z", NULL},
	{"2026-1-20", NULL},
	{"26-11-20", NULL},
	{"20/11/2026", NULL},
	{"2026/11/20", NULL},
	{" 2026-11-20", NULL},              /* no trimming */
	{"2026-11-20 ", NULL},
	{"2026-11-20t10:00:00z", NULL},
	{"9999-12-31T23:00:00-02:00", NULL}, /* past year 9999 in UTC */
	{"0001-01-01T00:30:00+01:00", NULL},  /* before year 1 in UTC */
	{"", NULL},
	{"yesterday", NULL},
};

Test(rows, dates)
{
	size_t i;
	for (i = 0; i < sizeof dates / sizeof dates[0]; i++) {
		char out[ROWS_DATELEN] = "";
		int rc = rows_parse_date(dates[i].in, strlen(dates[i].in), out);
		if (dates[i].out) {
			cr_expect_eq(rc, 0, "'%s' should parse", dates[i].in);
			cr_expect_str_eq(out, dates[i].out, "'%s' normalises", dates[i].in);
		} else {
			cr_expect_eq(rc, -1, "'%s' should be rejected (got '%s')", dates[i].in, out);
		}
	}
}

static const struct {
	const char *in;
	int ok;
	double v;
} prices[] = {
	{"219.99", 1, 219.99}, {"0", 1, 0}, {"0.5", 1, 0.5}, {"1000000", 1, 1e6},
	{"007.10", 1, 7.1}, {"12.", 0, 0}, {".5", 0, 0}, {"-5", 0, 0}, {"+5", 0, 0},
	{"1,299.00", 0, 0}, {"219,99", 0, 0}, {"1e3", 0, 0}, {"inf", 0, 0}, {"nan", 0, 0},
	{"0x10", 0, 0}, {" 5", 0, 0}, {"5 ", 0, 0}, {"$5", 0, 0}, {"5 USD", 0, 0}, {"", 0, 0},
	{"1.2.3", 0, 0},
	{"99999999999999999999999999999999999999999999999999", 0, 0}, /* too long */
};

Test(rows, prices)
{
	size_t i;
	for (i = 0; i < sizeof prices / sizeof prices[0]; i++) {
		double v = -1;
		int rc = rows_parse_price(prices[i].in, strlen(prices[i].in), &v);
		cr_expect_eq(rc, prices[i].ok ? 0 : -1, "price '%s'", prices[i].in);
		if (prices[i].ok)
			cr_expect_float_eq(v, prices[i].v, 1e-9, "price '%s' value", prices[i].in);
	}
}

Test(rows, ratings)
{
	static const struct { const char *in; int want; } r[] = {
		{"1", 1}, {"3", 3}, {"5", 5}, {"0", -1}, {"6", -1}, {"4.5", -1}, {"5.0", -1},
		{"05", -1}, {"-1", -1}, {" 5", -1}, {"five", -1}, {"", -1}, {"10", -1},
	};
	size_t i;
	for (i = 0; i < sizeof r / sizeof r[0]; i++) {
		int v = 0, rc = rows_parse_rating(r[i].in, strlen(r[i].in), &v);
		if (r[i].want > 0) {
			cr_expect_eq(rc, 0, "rating '%s'", r[i].in);
			cr_expect_eq(v, r[i].want, "rating '%s' value", r[i].in);
		} else {
			cr_expect_eq(rc, -1, "rating '%s' rejected", r[i].in);
		}
	}
}

Test(rows, ids)
{
	static const struct { const char *in; int ok; } ids[] = {
		{"1005005123456789", 1}, {"qa-88123", 1}, {"идентификатор", 1}, {"商品123", 1},
		{"a b", 0}, {" 1", 0}, {"1 ", 0}, {"a\tb", 0}, {"a\nb", 0}, {"a\rb", 0},
		{"a\x7f", 0}, {"a\x01", 0}, {"a\xc2\xa0" "b", 0}, /* no-break space */
		{"a\xc2\x85", 0},                                /* NEL (C1) */
		{"a\xe3\x80\x80" "b", 0},                        /* ideographic space */
		{"\xef\xbb\xbf" "123", 0},                       /* BOM */
		{"a\xe2\x80\x8b" "b", 0},                        /* zero width space */
		{"a\xe2\x80\xa8" "b", 0},                        /* line separator */
	};
	size_t i;
	for (i = 0; i < sizeof ids / sizeof ids[0]; i++)
		cr_expect_eq(rows_check_id(ids[i].in, strlen(ids[i].in)), ids[i].ok ? 0 : -1,
			     "id #%zu", i);
}

Test(rows, utf8)
{
	static const struct { const char *in; size_t len; size_t bad; } u[] = {
		{"plain ascii", 11, 11},
		{"Новый 📱 全新", 22, 22},
		{"ok \xff", 4, 3},                    /* invalid byte */
		{"\xc0\xaf", 2, 0},                   /* overlong '/' */
		{"\xe0\x80\xaf", 3, 0},               /* overlong, 3 bytes */
		{"\xf0\x80\x80\xaf", 4, 0},           /* overlong, 4 bytes */
		{"a\xed\xa0\x80", 4, 1},              /* UTF-16 surrogate */
		{"\xf4\x90\x80\x80", 4, 0},           /* past U+10FFFF */
		{"ab\xe2\x82", 4, 2},                 /* truncated sequence */
		{"\x80", 1, 0},                       /* lone continuation */
		{"\xf4\x8f\xbf\xbf", 4, 4},           /* U+10FFFF itself */
	};
	size_t i;
	for (i = 0; i < sizeof u / sizeof u[0]; i++)
		cr_expect_eq(rows_utf8_prefix(u[i].in, u[i].len), u[i].bad, "utf8 #%zu", i);
}

static char *escaped(const char *s, size_t n)
{
	strbuf sb;
	char *p;
	sb_init(&sb);
	rows_escape(s, n, &sb);
	p = sb_detach(&sb);
	sb_release(&sb); /* sb_detach leaves a fresh buffer behind */
	return p;
}

Test(rows, escape)
{
	static const struct { const char *in; size_t len; const char *out; } e[] = {
		{"plain", 5, "plain"},
		{"a\xff" "b", 3, "a\\xFFb"},
		{"nul\0x", 5, "nul\\x00x"},
		{"Новый", 10, "Новый"},
		{"ab\xd0", 3, "ab"},              /* cut inside a sequence: dropped */
		{"ab\xe2\x82", 4, "ab"},
		{"ab\xc0", 3, "ab\\xC0"},         /* not a possible lead byte */
		{"\xc0\xaf", 2, "\\xC0\\xAF"},
		{"tab\tnl\n", 7, "tab\tnl\n"},   /* controls are valid UTF-8: kept */
	};
	size_t i;
	for (i = 0; i < sizeof e / sizeof e[0]; i++) {
		char *got = escaped(e[i].in, e[i].len);
		cr_expect_str_eq(got, e[i].out, "escape #%zu", i);
		free(got);
	}
}

/* A record of the reviews kind, built by hand. */
static csvrec_record record(const char *const *f, size_t *lens, int n)
{
	csvrec_record rec;
	int i;
	memset(&rec, 0, sizeof rec);
	for (i = 0; i < n; i++)
		lens[i] = strlen(f[i]);
	rec.line = 7;
	rec.nfields = rec.nkept = n;
	rec.field = f;
	rec.len = lens;
	return rec;
}

static header_map reviews_map(void)
{
	static const char *const names[] = {"review_id", "listing_id", "rating", "country",
					    "created_at", "text"};
	size_t lens[6];
	header_map m;
	gv_error err;
	int i;
	for (i = 0; i < 6; i++)
		lens[i] = strlen(names[i]);
	gv_error_clear(&err);
	cr_assert_eq(header_map_build(&m, names, lens, 6, &err), 0, "%s", err.msg);
	return m;
}

Test(rows, validate_good_row)
{
	static const char *const f[] = {"r1", "1001", "2", "", "2026-11-02T10:00:00+01:00",
					"Only 3G, no B28"};
	size_t lens[6];
	csvrec_record rec = record(f, lens, 6);
	header_map m = reviews_map();
	ingest_row row;
	char why[ROWS_REASONLEN] = "";

	cr_assert_eq(rows_validate(&m, &rec, &row, why, sizeof why), 0, "%s", why);
	cr_expect_eq(row.kind, KIND_REVIEWS);
	cr_expect_eq(row.line, 7);
	cr_expect_str_eq(row.s[RF_REVIEW_ID], "r1");
	cr_expect_eq(row.rating, 2);
	cr_expect_null(row.s[RF_COUNTRY], "empty means unknown");
	cr_expect_str_eq(row.s[RF_CREATED_AT], "2026-11-02T09:00:00Z");
	cr_expect_eq(row.n[RF_CREATED_AT], 20);
	cr_expect_str_eq(row.s[RF_TEXT], "Only 3G, no B28");
}

Test(rows, validate_reasons)
{
	static const struct {
		const char *f[6];
		int n;
		const char *why;
	} bad[] = {
		{{"r1", "1001", "2", "AU", "2026-11-02"}, 5, "expected 6 fields, found 5"},
		{{"", "1001", "2", "AU", "2026-11-02", "t"}, 6, "empty review_id"},
		{{"r1", "", "2", "AU", "2026-11-02", "t"}, 6, "empty listing_id"},
		{{"r 1", "1001", "2", "AU", "2026-11-02", "t"}, 6,
		 "review_id 'r 1' contains whitespace or control characters"},
		{{"r1", "1001", "9", "AU", "2026-11-02", "t"}, 6, "rating '9' is not an integer 1..5"},
		{{"r1", "1001", "2", "AU", "2026-02-29", "t"}, 6,
		 "created_at '2026-02-29' is not a valid ISO 8601 date or date-time"},
		{{"r1", "1001", "2", "AU", "2026-11-02", "bad \xff"}, 6,
		 "text is not valid UTF-8 (byte 5)"},
		{{"r1", "1001", "2", "A\xff", "2026-11-02", "t"}, 6,
		 "country is not valid UTF-8 (byte 2)"},
		{{"r\xff", "1001", "2", "AU", "2026-11-02", "t"}, 6,
		 "review_id is not valid UTF-8 (byte 2)"},
	};
	header_map m = reviews_map();
	size_t i;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		size_t lens[6];
		csvrec_record rec = record(bad[i].f, lens, bad[i].n);
		ingest_row row;
		char why[ROWS_REASONLEN] = "";
		cr_expect_eq(rows_validate(&m, &rec, &row, why, sizeof why), -1, "case %zu", i);
		cr_expect_str_eq(why, bad[i].why, "case %zu", i);
	}
}

Test(rows, validate_record_flags)
{
	static const char *const f[] = {"r1", "1001", "2", "AU", "2026-11-02", "t"};
	size_t lens[6];
	header_map m = reviews_map();
	ingest_row row;
	char why[ROWS_REASONLEN];
	csvrec_record rec = record(f, lens, 6);

	rec.too_long = 6;
	cr_expect_eq(rows_validate(&m, &rec, &row, why, sizeof why), -1);
	cr_expect_str_eq(why, "field 6 over 1 MiB");
	rec.too_long = 0;
	rec.malformed = 1;
	cr_expect_eq(rows_validate(&m, &rec, &row, why, sizeof why), -1);
	cr_expect(strncmp(why, "malformed quoting", 17) == 0, "%s", why);
	rec.malformed = 0;
	lens[5] = 3; /* "t\0x": a NUL inside the field */
	rec.field = (const char *const[]){"r1", "1001", "2", "AU", "2026-11-02", "t\0x"};
	cr_expect_eq(rows_validate(&m, &rec, &row, why, sizeof why), -1);
	cr_expect_str_eq(why, "text contains a NUL byte");
}

Test(rows, long_values_shortened_in_reasons)
{
	char id[100];
	const char *f[6] = {id, "1001", "2", "AU", "2026-11-02", "t"};
	size_t lens[6];
	header_map m = reviews_map();
	ingest_row row;
	char why[ROWS_REASONLEN];
	csvrec_record rec;

	memset(id, 'a', sizeof id - 1);
	id[sizeof id - 1] = '\0';
	id[50] = ' ';
	rec = record(f, lens, 6);
	cr_expect_eq(rows_validate(&m, &rec, &row, why, sizeof why), -1);
	cr_expect(strstr(why, "...' contains whitespace") != NULL, "%s", why);
	cr_expect(strlen(why) < 120, "%s", why);
}
