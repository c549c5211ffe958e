/* header.c: see header.h. */
#include "ingest/header.h"

#include <string.h>

#include "ingest/csvrec.h"

static const header_field listing_fields[LF_COUNT] = {
	{"listing_id", {"product_id", "item_id", "productId", NULL}, 1, FT_ID},
	{"seller_id", {"store_id", "shop_id", "storeId", NULL}, 1, FT_ID},
	{"seller_name", {"store_name", "storeName", NULL}, 0, FT_TEXT},
	{"title", {NULL}, 1, FT_TEXT},
	{"price", {NULL}, 0, FT_PRICE},
	{"currency", {NULL}, 0, FT_TEXT},
	{"market", {"ship_to", "country_code", NULL}, 0, FT_TEXT},
	{"scraped_at", {NULL}, 1, FT_DATE},
	{"url", {NULL}, 0, FT_TEXT},
	{"specs", {NULL}, 0, FT_TEXT},
	{"description", {NULL}, 0, FT_TEXT},
};

static const header_field review_fields[RF_COUNT] = {
	{"review_id", {NULL}, 1, FT_ID},
	{"listing_id", {"product_id", "item_id", "productId", NULL}, 1, FT_ID},
	{"rating", {NULL}, 0, FT_RATING},
	{"country", {NULL}, 0, FT_TEXT},
	{"created_at", {NULL}, 0, FT_DATE},
	{"text", {"review_text", "content", "body", NULL}, 0, FT_TEXT},
};

static const header_field qa_fields[QF_COUNT] = {
	{"qa_id", {NULL}, 1, FT_ID},
	{"listing_id", {"product_id", "item_id", "productId", NULL}, 1, FT_ID},
	{"asked_at", {NULL}, 0, FT_DATE},
	{"question", {NULL}, 1, FT_TEXT},
	{"answer", {"reply", "seller_reply", NULL}, 0, FT_TEXT},
	{"answered_at", {NULL}, 0, FT_DATE},
};

const char *header_kind_name(ingest_kind kind)
{
	switch (kind) {
	case KIND_LISTINGS: return "listings";
	case KIND_REVIEWS: return "reviews";
	case KIND_QA: return "qa";
	default: return NULL;
	}
}

ingest_kind header_kind_parse(const char *name)
{
	ingest_kind k;
	for (k = KIND_LISTINGS; name && k <= KIND_QA; k++)
		if (strcmp(name, header_kind_name(k)) == 0)
			return k;
	return KIND_UNKNOWN;
}

const header_field *header_fields(ingest_kind kind, int *n)
{
	switch (kind) {
	case KIND_LISTINGS: *n = LF_COUNT; return listing_fields;
	case KIND_REVIEWS: *n = RF_COUNT; return review_fields;
	case KIND_QA: *n = QF_COUNT; return qa_fields;
	default: *n = 0; return NULL;
	}
}

/* A header name with the BOM (first column only) and surrounding blanks cut. */
typedef struct hname {
	const char *s;
	size_t n;
} hname;

static hname clean_name(const char *s, size_t n, int first)
{
	hname h;
	if (first && n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
		s += 3;
		n -= 3;
	}
	while (n > 0 && (*s == ' ' || *s == '\t')) {
		s++;
		n--;
	}
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	h.s = s;
	h.n = n;
	return h;
}

static int name_is(hname h, const char *want)
{
	size_t i, n = strlen(want);
	if (h.n != n)
		return 0;
	for (i = 0; i < n; i++) {
		unsigned char a = (unsigned char)h.s[i], b = (unsigned char)want[i];
		if (a >= 'A' && a <= 'Z')
			a = (unsigned char)(a - 'A' + 'a');
		if (b >= 'A' && b <= 'Z')
			b = (unsigned char)(b - 'A' + 'a');
		if (a != b)
			return 0;
	}
	return 1;
}

static int field_matches(const header_field *f, hname h)
{
	int i;
	if (name_is(h, f->name))
		return 1;
	for (i = 0; f->aliases[i]; i++)
		if (name_is(h, f->aliases[i]))
			return 1;
	return 0;
}

/* Is some column of the header the given field (name or alias)? */
static int has_field(const hname *h, int n, const header_field *f)
{
	int i;
	for (i = 0; i < n; i++)
		if (field_matches(f, h[i]))
			return 1;
	return 0;
}

static ingest_kind detect_kind(const hname *h, int n, gv_error *err)
{
	int reviews = has_field(h, n, &review_fields[RF_REVIEW_ID]);
	int qa = has_field(h, n, &qa_fields[QF_QA_ID]);
	int i;

	if (reviews && qa) {
		gv_error_set(err, NULL, 0, "header has both review_id and qa_id: "
			     "cannot tell the kind of dump");
		return KIND_UNKNOWN;
	}
	if (reviews)
		return KIND_REVIEWS;
	if (qa)
		return KIND_QA;
	if (has_field(h, n, &listing_fields[LF_LISTING_ID])) {
		/* listing_id and title; or listing_id and another listings-only
		 * column, so that the message can name the missing title */
		for (i = LF_SELLER_ID; i < LF_COUNT; i++)
			if (has_field(h, n, &listing_fields[i]))
				return KIND_LISTINGS;
	}
	gv_error_set(err, NULL, 0, "unrecognised header: no review_id, qa_id, or listing_id "
		     "with title column");
	return KIND_UNKNOWN;
}

int header_map_build(header_map *m, const char *const *names, const size_t *lens, int n,
		     gv_error *err)
{
	hname h[CSVREC_HEADER_COLS];
	const header_field *f;
	int i, j, nf;

	memset(m, 0, sizeof *m);
	if (n > CSVREC_HEADER_COLS)
		return gv_error_set(err, NULL, 0, "header has %d columns, more than %d", n,
				    CSVREC_HEADER_COLS);
	for (i = 0; i < n; i++)
		h[i] = clean_name(names[i], lens[i], i == 0);
	m->ncols = n;
	m->kind = detect_kind(h, n, err);
	if (m->kind == KIND_UNKNOWN)
		return -1;
	f = header_fields(m->kind, &nf);
	m->nfields = nf;
	for (j = 0; j < nf; j++) {
		m->col[j] = -1;
		for (i = 0; i < n; i++) {
			if (!field_matches(&f[j], h[i]))
				continue;
			if (m->col[j] >= 0)
				return gv_error_set(err, NULL, 0,
						    "column '%s' appears twice in the header "
						    "(columns %d '%.*s' and %d '%.*s')",
						    f[j].name, m->col[j] + 1,
						    (int)h[m->col[j]].n, h[m->col[j]].s, i + 1,
						    (int)h[i].n, h[i].s);
			m->col[j] = i;
		}
		if (m->col[j] < 0 && f[j].required)
			return gv_error_set(err, NULL, 0, "missing required column '%s' (%s dump)",
					    f[j].name, header_kind_name(m->kind));
	}
	return 0;
}
