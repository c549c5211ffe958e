/* textsig.c: see textsig.h. Classification (classify.c) is stored
 * per row in review_classes / qa_classes (schemas/004_text.sql); listing
 * evidence is computed from those stored classes only.
 *
 * How the listing's review weight is built (weights.csv gives each signal's
 * full weight W):
 *   network complaints: each complaint row i gets a factor f_i = its phrase
 *     strength (0..1) x 1.25 when the listing is known to lack key bands of
 *     its market and the reviewer is in that market, x 0.75 when the listing
 *     shows every key band (a complaint against a matching band list is less
 *     telling), x 1 otherwise. With c = sum f_i and s = complaint rows /
 *     reviews of the listing, the listing total is
 *       W x min(1, c/2) x (0.5 + 0.5 x min(1, max(s/0.10, (c-2)/3)))
 *     so one complaint is at most half of W, two or more reach W when they
 *     are at least a tenth of the reviews, five or more on any listing. The
 *     total is spread over the complaint rows in proportion to f_i (the rows
 *     sum to the total).
 *   not_genuine, no_google, network_ok: W x min(1, n/2), spread evenly.
 *   firmware_cn, firmware_global, china_rom, model_china: W once, spread
 *     evenly (one quoted string is enough).
 *   unofficial_rom: W x min(1, 0.6 + 0.4 (n - 1)), spread evenly.
 * Q&A:
 *   honest_china: W once, spread (a reply that is honest only through a
 *     China model number is left to the analysis' qa_model_china row).
 *   evasive: with n evasive replies to version / band / carrier questions
 *     and e their share of the answered such questions,
 *     W x min(1, n/2) x (0.5 + 0.5 e), spread.
 *   direct (model, bands, hardware): qa_direct_global W once, spread.
 *   direct claim only ("Yes, Global Version."): qa_claim_only W once. */
#include "analyze/textsig.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "analyze/classify.h"
#include "analyze/firmware.h"
#include "analyze/lexicon.h"
#include "analyze/markets.h"
#include "common/db.h"

/* Bump when the classifier's rules change: stored classes are then redone. */
#define TEXTSIG_RULES "textsig-rules-3"

struct textsig {
	lexicon lx;
	fw_regions fr;
	markets mk;      /* for "reviewer in the listing's market"; may be empty */
	int have_mk;
	char fp[33];
	/* Listing evidence: prepared on first use against db, kept for the
	 * run (textsig_listing_evidence runs once per listing). */
	sqlite3 *db;
	sqlite3_stmt *rev, *qa;
};

textsig *textsig_new(const char *datadir, gv_error *err)
{
	textsig *ts = xcalloc(1, sizeof *ts);
	XXH128_hash_t h;
	XXH3_state_t *st;
	gv_error ignored;
	int i;

	if (lexicon_load(&ts->lx, datadir, err) < 0 || fw_regions_load(&ts->fr, datadir, err) < 0) {
		textsig_free(ts);
		return NULL;
	}
	/* markets.csv belongs to the band analysis; without it the market
	 * factor falls back to comparing country codes. */
	ts->have_mk = markets_load(&ts->mk, datadir, &ignored) == 0;
	st = XXH3_createState();
	XXH3_128bits_reset(st);
	XXH3_128bits_update(st, TEXTSIG_RULES, sizeof TEXTSIG_RULES);
	XXH3_128bits_update(st, ts->lx.fingerprint, 32);
	for (i = 0; i < ts->fr.n; i++)
		XXH3_128bits_update(st, ts->fr.code[i], 2);
	h = XXH3_128bits_digest(st);
	XXH3_freeState(st);
	snprintf(ts->fp, sizeof ts->fp, "%016llx%016llx", (unsigned long long)h.high64,
		 (unsigned long long)h.low64);
	return ts;
}

void textsig_free(textsig *ts)
{
	if (!ts)
		return;
	textsig_finalize(ts);
	lexicon_release(&ts->lx);
	fw_regions_release(&ts->fr);
	markets_release(&ts->mk);
	free(ts);
}

void textsig_finalize(textsig *ts)
{
	sqlite3_finalize(ts->rev);
	sqlite3_finalize(ts->qa);
	ts->rev = ts->qa = NULL;
	ts->db = NULL;
}

const char *textsig_fingerprint(const textsig *ts)
{
	return ts->fp;
}

static const char *col_text(sqlite3_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(st, i);
}

void textsig_classify_ref(const textsig *ts, classify_ref *ref)
{
	ref->lx = &ts->lx;
	ref->fr = &ts->fr;
	ref->fp = ts->fp;
}

int textsig_classify_pending(sqlite3 *db, const textsig *ts, gv_error *err)
{
	classify_ref ref;

	textsig_classify_ref(ts, &ref);
	return classify_pending(db, &ref, err);
}

/* ---- listing evidence ---- */

#define MAXROWS 4096 /* rows of one listing weighed; more are counted, not listed */

typedef struct row {
	char id[96];
	char excerpt[CLASSIFY_EXCERPT_MAX + 64];
	double f;
} row;

typedef struct group {
	const char *signal;
	ev_source source;
	row *v;
	size_t n, cap;
	double fsum;
} group;

static void group_add(group *g, const char *id, const char *excerpt, double f)
{
	row *r;
	if (g->n == g->cap) {
		g->cap = g->cap ? g->cap * 2 : 8;
		g->v = xrealloc(g->v, g->cap * sizeof *g->v);
	}
	r = &g->v[g->n++];
	snprintf(r->id, sizeof r->id, "%s", id ? id : "");
	snprintf(r->excerpt, sizeof r->excerpt, "%s", excerpt ? excerpt : "");
	r->f = f;
	g->fsum += f;
}

/* Spread total over the group's rows in proportion to their factors. */
static void group_emit(const group *g, double total, evidence_list *ev)
{
	size_t i;
	if (!g->n || g->fsum <= 0.0)
		return;
	for (i = 0; i < g->n; i++)
		evidence_add(ev, g->signal, g->source, g->v[i].id, g->v[i].excerpt,
			     total * g->v[i].f / g->fsum);
}

static double min1(double x) { return x < 1.0 ? x : 1.0; }

/* Is the reviewer in the listing's market (same market group)? */
static int same_market(const textsig *ts, const char *country, const char *mkt)
{
	const struct market *a, *b;
	if (!country || !mkt || !*country || !*mkt)
		return 0;
	if (!ascii_casecmp(country, mkt))
		return 1;
	if (!ts->have_mk)
		return 0;
	a = markets_find(&ts->mk, country);
	b = markets_find(&ts->mk, mkt);
	return a && a == b;
}

enum { G_COMPLAINT, G_NOT_GENUINE, G_MODEL_CN, G_FW_CN, G_FW_GLOBAL, G_CHINA_ROM, G_UNOFFICIAL, G_NO_GOOGLE,
       G_NET_OK, G_QA_HONEST, G_QA_EVASIVE, G_QA_DIRECT, G_QA_CLAIM, G_N };

static const char *const group_signal[G_N] = {
	"review_network_complaints", "review_not_genuine", "review_model_china", "review_firmware_cn", "review_firmware_global",
	"review_china_rom", "review_unofficial_rom", "review_no_google", "review_network_ok",
	"qa_honest_china", "qa_evasive", "qa_direct_global", "qa_claim_only",
};

/* Prepare the listing statements once per database handle. */
static int prepare_listing(sqlite3 *db, textsig *ts, gv_error *err)
{
	if (ts->db == db && ts->rev && ts->qa)
		return 0;
	textsig_finalize(ts);
	if (db_prepare(db, TEXTSIG_REVIEWS_SQL, &ts->rev, err) < 0 ||
	    db_prepare(db, TEXTSIG_QA_SQL, &ts->qa, err) < 0) {
		textsig_finalize(ts);
		return -1;
	}
	ts->db = db;
	return 0;
}

int textsig_listing_evidence(sqlite3 *db, textsig *ts, const weights *w,
			     const char *listing_id, const char *mkt, int lacks_key,
			     evidence_list *ev, textsig_counts *counts, gv_error *err)
{
	sqlite3_stmt *st = NULL;
	long ncomplaints = 0;
	group g[G_N];
	long nreviews = 0, nanswered = 0;
	int rc = -1, s, i;
	double share, support, total;

	memset(g, 0, sizeof g);
	for (i = 0; i < G_N; i++) {
		g[i].signal = group_signal[i];
		g[i].source = i >= G_QA_HONEST ? EV_QA : EV_REVIEW;
	}
	if (prepare_listing(db, ts, err) < 0)
		goto cleanup;
	st = ts->rev;
	sqlite3_reset(st);
	db_bind_text(st, 1, listing_id, -1);
	while ((s = sqlite3_step(st)) == SQLITE_ROW) {
		const char *id = col_text(st, 0), *ex = col_text(st, 10), *fwr = col_text(st, 9);
		nreviews++;
		ncomplaints += sqlite3_column_int(st, 2) == 1 || sqlite3_column_int(st, 4) == 1;
		if (nreviews > MAXROWS)
			continue;
		if (sqlite3_column_int(st, 2)) {
			double f = sqlite3_column_double(st, 8);
			if (f <= 0.0)
				f = 1.0;
			if (lacks_key == 1 && same_market(ts, col_text(st, 11), mkt))
				f *= 1.25;
			else if (lacks_key == 0)
				f *= 0.75;
			group_add(&g[G_COMPLAINT], id, ex, f);
		}
		if (sqlite3_column_int(st, 4))
			group_add(&g[G_NOT_GENUINE], id, ex, 1.0);
		if (col_text(st, 12) && !strcmp(col_text(st, 12), "CN"))
			group_add(&g[G_MODEL_CN], id, ex, 1.0);
		if (fwr && !strcmp(fwr, "CN"))
			group_add(&g[G_FW_CN], id, ex, 1.0);
		else if (fwr)
			group_add(&g[G_FW_GLOBAL], id, ex, 1.0);
		if (sqlite3_column_int(st, 5) && !(fwr && !strcmp(fwr, "CN")))
			group_add(&g[G_CHINA_ROM], id, ex, 1.0);
		if (sqlite3_column_int(st, 7))
			group_add(&g[G_UNOFFICIAL], id, ex, 1.0);
		if (sqlite3_column_int(st, 6))
			group_add(&g[G_NO_GOOGLE], id, ex, 1.0);
		if (sqlite3_column_int(st, 3) && !sqlite3_column_int(st, 2))
			group_add(&g[G_NET_OK], id, ex, 1.0);
	}
	if (s != SQLITE_DONE) {
		db_fail(db, err, "reading review classes");
		goto cleanup;
	}
	sqlite3_reset(st);
	st = ts->qa;
	sqlite3_reset(st);
	db_bind_text(st, 1, listing_id, -1);
	while ((s = sqlite3_step(st)) == SQLITE_ROW) {
		const char *id = col_text(st, 0), *kind = col_text(st, 1), *cls = col_text(st, 2),
			   *det = col_text(st, 3), *ex = col_text(st, 4);
		int relevant = kind && strcmp(kind, "other");
		if (!cls)
			continue;
		if ((relevant && strcmp(cls, "unanswered") && strcmp(cls, "other")) || !strcmp(cls, "evasive"))
			nanswered++;
		if (!strcmp(cls, "honest_china")) {
			if (!(det && !strcmp(det, "model") && weights_known(w, "qa_model_china")))
				group_add(&g[G_QA_HONEST], id, ex, 1.0);
		} else if (!strcmp(cls, "evasive")) {
			group_add(&g[G_QA_EVASIVE], id, ex, 1.0);
		} else if (!strcmp(cls, "direct")) {
			group_add(&g[det && !strcmp(det, "claim") ? G_QA_CLAIM : G_QA_DIRECT], id, ex, 1.0);
		}
	}
	if (s != SQLITE_DONE) {
		db_fail(db, err, "reading q&a classes");
		goto cleanup;
	}
	sqlite3_reset(st);
	st = NULL;
	if (counts) {
		counts->reviews = nreviews;
		counts->complaints = ncomplaints;
	}

	share = nreviews ? (double)g[G_COMPLAINT].n / (double)nreviews : 0.0;
	support = share / 0.10;
	if ((g[G_COMPLAINT].fsum - 2.0) / 3.0 > support)
		support = (g[G_COMPLAINT].fsum - 2.0) / 3.0; /* five buyers are enough on any listing */
	total = weights_get(w, g[G_COMPLAINT].signal) * min1(g[G_COMPLAINT].fsum / 2.0) *
		(0.5 + 0.5 * min1(support));
	group_emit(&g[G_COMPLAINT], total, ev);
	for (i = G_NOT_GENUINE; i < G_N; i++) {
		double n = (double)g[i].n, wt = weights_get(w, g[i].signal);
		switch (i) {
		case G_NOT_GENUINE: case G_NO_GOOGLE: case G_NET_OK:
			total = wt * min1(n / 2.0);
			break;
		case G_UNOFFICIAL:
			total = wt * min1(0.6 + 0.4 * (n - 1.0));
			break;
		case G_QA_EVASIVE:
			total = wt * min1(n / 2.0) * (0.5 + 0.5 * (nanswered ? n / (double)nanswered : 1.0));
			break;
		default:
			total = wt;
		}
		group_emit(&g[i], total, ev);
	}
	rc = 0;
cleanup:
	if (st)
		sqlite3_reset(st);
	for (i = 0; i < G_N; i++)
		free(g[i].v);
	return rc;
}
