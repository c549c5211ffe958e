/* listing_job.c: see listing_job.h. Everything here runs on either thread:
 * it reads the job and the reference data, writes only the job. */
#include "analyze/listing_job.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define NCOLS 8
#define PRICE_COL 6
#define NOVALUE SIZE_MAX /* offset of an SQL NULL */

void listing_job_init(listing_job *j)
{
	memset(j, 0, sizeof *j);
	sb_init(&j->text);
	sb_init(&j->missing);
	evidence_list_init(&j->ev);
}

void listing_job_release(listing_job *j)
{
	sb_release(&j->text);
	sb_release(&j->missing);
	evidence_list_release(&j->ev);
}

void listing_job_read(listing_job *j, sqlite3_stmt *st)
{
	size_t off[NCOLS];
	const char *s[NCOLS];
	int i;

	sb_reset(&j->text);
	for (i = 0; i < NCOLS; i++) {
		const char *v = i == PRICE_COL ? NULL : (const char *)sqlite3_column_text(st, i);
		off[i] = v ? j->text.len : NOVALUE;
		if (v)
			sb_add(&j->text, v, strlen(v) + 1); /* with its NUL */
	}
	for (i = 0; i < NCOLS; i++) /* after the last sb_add: the buffer may have moved */
		s[i] = off[i] == NOVALUE ? NULL : j->text.buf + off[i];
	memset(&j->in, 0, sizeof j->in);
	j->pre = 0;
	j->in.listing_id = s[0];
	j->seller_id = s[1];
	j->in.title = s[2];
	j->in.specs = s[3];
	j->in.description = s[4];
	j->in.market = s[5];
	j->currency = s[7];
	j->has_price = sqlite3_column_type(st, PRICE_COL) != SQLITE_NULL;
	j->price = j->has_price ? sqlite3_column_double(st, PRICE_COL) : 0;
}

static void parse_listing_bands(const listing_input *in, bands *b)
{
	bands_init(b);
	if (in->title)
		bands_parse(b, in->title, strlen(in->title));
	if (in->specs)
		bands_parse(b, in->specs, strlen(in->specs));
	if (in->description)
		bands_parse(b, in->description, strlen(in->description));
}

/* listing_price_low: far below the median of comparable listings. */
static void price_signal(const listing_ref *r, listing_job *j)
{
	double ratio, median;
	int min_ref, n;
	char key[256], buf[300];

	if (!r->prices || !j->has_price || !weights_known(r->w, "listing_price_low") ||
	    !price_key(j->found.device, j->in.title, j->currency, key, sizeof key))
		return;
	price_low_rule(r->w, &ratio, &min_ref);
	median = price_ref_median(r->prices, key, &n);
	if (!price_is_low(j->price, median, n, ratio, min_ref))
		return;
	price_low_excerpt(buf, sizeof buf, j->price, j->currency, median, n, j->found.device->name,
			  key);
	evidence_add(&j->ev, "listing_price_low", EV_LISTING, j->in.listing_id, buf,
		     weights_get(r->w, "listing_price_low"));
}

/* lte and nr from b: "B1 B3 B20", cut to their size. */
static void format_bands(listing_job *j)
{
	strbuf sb;

	sb_init(&sb);
	bands_format_lte(&j->b, &sb, " ");
	snprintf(j->lte, sizeof j->lte, "%s", sb.buf);
	sb_reset(&sb);
	bands_format_nr(&j->b, &sb, " ");
	snprintf(j->nr, sizeof j->nr, "%s", sb.buf);
	sb_release(&sb);
}

void listing_job_analyze(const void *ref, void *job)
{
	const listing_ref *r = ref;
	listing_job *j = job;

	evidence_list_reset(&j->ev);
	claim_detect(j->in.title, j->in.specs, j->in.description, &j->cl);
	if (j->pre)
		bands_unpack(&j->b, j->packed);
	else
		parse_listing_bands(&j->in, &j->b);
	j->mk = j->in.market ? markets_find(r->mk, j->in.market) : NULL;
	sb_reset(&j->missing);
	j->g = markets_compat(j->mk, &j->b, &j->missing);
	listing_signals(r->reg, r->w, &j->in, &j->cl, &j->b, j->mk, j->g, j->missing.buf,
			&j->found, &j->ev);
	price_signal(r, j);
	format_bands(j);
}

/* The cheap tests first: what listing_signals finds does not depend on
 * the claim (it only adds a note to the evidence, discarded here), so the
 * claim's China phrases are looked for only in listings that would
 * otherwise be a reference. The band list is packed for the listing phase
 * (analyze/jobspool.h). */
void listing_job_price(const void *ref, void *job)
{
	const listing_ref *r = ref;
	listing_job *j = job;
	claim_result none;

	j->key[0] = '\0';
	j->reference = 0;
	memset(&none, 0, sizeof none);
	evidence_list_reset(&j->ev);
	parse_listing_bands(&j->in, &j->b);
	bands_pack(&j->b, j->packed);
	j->pre = 1;
	listing_signals(r->reg, r->w, &j->in, &none, &j->b, NULL, COMPAT_UNKNOWN, "", &j->found,
			&j->ev);
	if (!price_key(j->found.device, j->in.title, j->currency, j->key, sizeof j->key)) {
		j->key[0] = '\0';
		return;
	}
	j->reference = !j->found.bands_china && j->found.model.cls != MODEL_CHINA &&
		       !claim_says_china(j->in.title, j->in.specs, j->in.description);
}
