/* sellers.c: see sellers.h. The counting is SQL over the stored verdicts and
 * evidence (schemas/005_report.sql defines the evidence kinds in v_evidence);
 * the interval and the ranking are C, so they can be unit-tested. */
#include "analyze/sellers.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/db.h"

/* Two-sided 95%: the 0.975 quantile of the standard normal distribution. */
#define WILSON_Z 1.959963984540054

void wilson_interval(long k, long n, double *lo, double *hi)
{
	double p, z2, denom, centre, half;

	if (n <= 0) {
		*lo = 0.0;
		*hi = 1.0;
		return;
	}
	if (k < 0)
		k = 0;
	if (k > n)
		k = n;
	p = (double)k / (double)n;
	z2 = WILSON_Z * WILSON_Z;
	denom = 1.0 + z2 / (double)n;
	centre = p + z2 / (2.0 * (double)n);
	half = WILSON_Z * sqrt(p * (1.0 - p) / (double)n + z2 / (4.0 * (double)n * (double)n));
	*lo = (centre - half) / denom;
	*hi = (centre + half) / denom;
	/* Exact ends: rounding must not report 1e-17 mislabelled out of 0. */
	if (k == 0 || *lo < 0.0)
		*lo = 0.0;
	if (k == n || *hi > 1.0)
		*hi = 1.0;
}

static int cmp_rank(const void *pa, const void *pb)
{
	const seller_rank *a = pa, *b = pb;
	double ra, rb;

	if (!!a->rank != !!b->rank) /* rank is 1 here for eligible sellers */
		return a->rank ? -1 : 1;
	if (a->rank) {
		if (a->ci_low != b->ci_low)
			return a->ci_low > b->ci_low ? -1 : 1;
		ra = (double)a->mislabelled / (double)a->claims;
		rb = (double)b->mislabelled / (double)b->claims;
		if (ra != rb)
			return ra > rb ? -1 : 1;
		if (a->ci_high != b->ci_high) /* then how bad it could be */
			return a->ci_high > b->ci_high ? -1 : 1;
	}
	return strcmp(a->seller_id, b->seller_id);
}

void sellers_rank(seller_rank *v, size_t n, long min_claims)
{
	size_t i;
	long next = 1;

	if (min_claims < 1)
		min_claims = 1; /* a rate needs at least one claim */
	for (i = 0; i < n; i++)
		v[i].rank = v[i].claims >= min_claims ? 1 : 0;
	qsort(v, n, sizeof *v, cmp_rank);
	for (i = 0; i < n; i++) {
		if (v[i].rank) {
			v[i].rank = next++;
			v[i].status = SELLER_RANKED;
		} else {
			v[i].status = v[i].claims > 0 ? SELLER_INSUFFICIENT : SELLER_NO_CLAIMS;
		}
	}
}

/* Counts per seller, in the order of the columns of struct fig. Claims are
 * verdicts whose claim is global_version; evidence kinds count claims with
 * at least one China-pointing (weight > 0) piece of evidence of that kind;
 * complaint and evasive rates cover all of the seller's listings. The five
 * %s are the ek, rv, rc, qv and qe common table expressions below. */
static const char COUNT_SQL_FMT[] =
	"WITH sel AS (SELECT seller_id FROM listings UNION SELECT seller_id FROM verdicts),\n"
	"names AS (SELECT seller_id, seller_name FROM (SELECT seller_id, seller_name,\n"
	"  row_number() OVER (PARTITION BY seller_id ORDER BY seller_name IS NULL,\n"
	"  scraped_at DESC, listing_id) AS k FROM listings) WHERE k = 1),\n"
	"lc AS (SELECT seller_id, count(*) AS n FROM listings GROUP BY seller_id),\n"
	"vc AS (SELECT seller_id,\n"
	"  sum(claim = 'global_version') AS claims,\n"
	"  sum(claim = 'global_version' AND verdict = 'mislabelled') AS mis,\n"
	"  sum(claim = 'global_version' AND verdict = 'suspect') AS sus,\n"
	"  sum(claim = 'global_version' AND verdict = 'unverified') AS unv,\n"
	"  sum(claim = 'global_version' AND verdict = 'consistent') AS con\n"
	"  FROM verdicts GROUP BY seller_id),\n"
	"%s,\n" /* ek: kinds of evidence, EK_ROWS or EK_COUNTS */
	"%s,\n" /* rv: reviews, RV_ROWS or RV_COUNTS */
	"%s,\n" /* rc: complaints, RC_CLASSES, RC_EVIDENCE or RC_COUNTS */
	"%s,\n" /* qv: answered questions, QV_ROWS or QV_COUNTS */
	"%s\n" /* qe: evasive replies, QE_CLASSES, QE_EVIDENCE or QE_COUNTS */
	"SELECT sel.seller_id, names.seller_name, coalesce(lc.n, 0),\n"
	"  coalesce(vc.claims, 0), coalesce(vc.mis, 0), coalesce(vc.sus, 0),\n"
	"  coalesce(vc.unv, 0), coalesce(vc.con, 0),\n"
	"  coalesce(ek.bands, 0), coalesce(ek.model, 0), coalesce(ek.reviews, 0),\n"
	"  coalesce(ek.firmware, 0), coalesce(ek.evasive, 0),\n"
	"  coalesce(rv.n, 0), min(coalesce(rc.n, 0), coalesce(rv.n, 0)),\n"
	"  coalesce(qv.n, 0), min(coalesce(qe.n, 0), coalesce(qv.n, 0))\n"
	"FROM sel LEFT JOIN names USING (seller_id) LEFT JOIN lc USING (seller_id)\n"
	"LEFT JOIN vc USING (seller_id) LEFT JOIN ek USING (seller_id)\n"
	"LEFT JOIN rv USING (seller_id) LEFT JOIN rc USING (seller_id)\n"
	"LEFT JOIN qv USING (seller_id) LEFT JOIN qe USING (seller_id)\n"
	"ORDER BY sel.seller_id";

/* Complaints and evasive replies: from the per-row classes of schema 004
 * (review_classes, qa_classes) where a row has been classified, else from
 * the evidence that fired on that row; the _EVIDENCE forms serve databases
 * without the class tables. */
static const char EK_ROWS[] =
	"ek AS (SELECT v.seller_id,\n"
	"  count(DISTINCT CASE WHEN e.kind = 'bands' THEN e.listing_id END) AS bands,\n"
	"  count(DISTINCT CASE WHEN e.kind = 'model' THEN e.listing_id END) AS model,\n"
	"  count(DISTINCT CASE WHEN e.kind = 'reviews' THEN e.listing_id END) AS reviews,\n"
	"  count(DISTINCT CASE WHEN e.kind = 'firmware' THEN e.listing_id END) AS firmware,\n"
	"  count(DISTINCT CASE WHEN e.kind = 'evasive' THEN e.listing_id END) AS evasive\n"
	"  FROM v_evidence e JOIN verdicts v ON v.listing_id = e.listing_id\n"
	"  WHERE v.claim = 'global_version' AND e.weight > 0 GROUP BY v.seller_id)";
static const char RV_ROWS[] =
	"rv AS (SELECT l.seller_id, count(*) AS n FROM reviews r\n"
	"  JOIN listings l ON l.listing_id = r.listing_id GROUP BY l.seller_id)";
static const char QV_ROWS[] =
	"qv AS (SELECT l.seller_id, count(*) AS n FROM qa q JOIN listings l\n"
	"  ON l.listing_id = q.listing_id WHERE trim(coalesce(q.answer, '')) <> ''\n"
	"  GROUP BY l.seller_id)";
static const char RC_CLASSES[] =
	"rc AS (SELECT l.seller_id, count(*) AS n FROM reviews r\n"
	"  JOIN listings l ON l.listing_id = r.listing_id\n"
	"  LEFT JOIN review_classes c ON c.review_id = r.review_id\n"
	"  WHERE CASE WHEN c.review_id IS NOT NULL THEN c.complaint = 1 OR c.not_genuine = 1\n"
	"  ELSE r.review_id IN (SELECT source_id FROM v_evidence WHERE source = 'review'\n"
	"  AND kind = 'reviews' AND weight > 0) END GROUP BY l.seller_id)";
static const char RC_EVIDENCE[] =
	"rc AS (SELECT seller_id, count(DISTINCT source_id) AS n FROM v_evidence\n"
	"  WHERE source = 'review' AND kind = 'reviews' AND weight > 0 GROUP BY seller_id)";
static const char QE_CLASSES[] =
	"qe AS (SELECT l.seller_id, count(*) AS n FROM qa q\n"
	"  JOIN listings l ON l.listing_id = q.listing_id\n"
	"  LEFT JOIN qa_classes c ON c.qa_id = q.qa_id\n"
	"  WHERE trim(coalesce(q.answer, '')) <> '' AND CASE WHEN c.qa_id IS NOT NULL\n"
	"  THEN c.reply_class = 'evasive' ELSE q.qa_id IN (SELECT source_id FROM v_evidence\n"
	"  WHERE source = 'qa' AND signal = 'qa_evasive') END GROUP BY l.seller_id)";
static const char QE_EVIDENCE[] =
	"qe AS (SELECT seller_id, count(DISTINCT source_id) AS n FROM v_evidence\n"
	"  WHERE source = 'qa' AND signal = 'qa_evasive' GROUP BY seller_id)";

/* The same four figures from the per-listing counts of schema 006
 * (listing_counts, written by the analysis of each listing): a listing
 * with a row there and not waiting in dirty_listings adds its counts
 * (cnt); any other listing (never analysed, or new reviews or answers
 * since: an analysis that stopped early, verdicts loaded by hand) is
 * counted row by row exactly as RV_ROWS, RC_CLASSES, QV_ROWS, QE_CLASSES
 * do (slow). So a night that re-analyses a tenth of the listings reads a
 * tenth of the reviews, and the figures are the same either way. */
/* Kinds of evidence the same way: the flags of listing_counts (schema 008)
 * for a verdict whose listing has a row there and is not dirty, EK_ROWS
 * for the others; a listing is in one part only, so the distinct counts
 * add up. */
static const char EK_COUNTS[] =
	"ek AS (SELECT seller_id, sum(bands) AS bands, sum(model) AS model,\n"
	"  sum(reviews) AS reviews, sum(firmware) AS firmware, sum(evasive) AS evasive FROM (\n"
	"  SELECT v.seller_id, k.ev_bands AS bands, k.ev_model AS model, k.ev_reviews AS reviews,\n"
	"  k.ev_firmware AS firmware, k.ev_evasive AS evasive\n"
	"  FROM verdicts v JOIN listing_counts k ON k.listing_id = v.listing_id\n"
	"  WHERE v.claim = 'global_version'\n"
	"  AND v.listing_id NOT IN (SELECT listing_id FROM dirty_listings)\n"
	"  UNION ALL SELECT v.seller_id,\n"
	"  count(DISTINCT CASE WHEN e.kind = 'bands' THEN e.listing_id END),\n"
	"  count(DISTINCT CASE WHEN e.kind = 'model' THEN e.listing_id END),\n"
	"  count(DISTINCT CASE WHEN e.kind = 'reviews' THEN e.listing_id END),\n"
	"  count(DISTINCT CASE WHEN e.kind = 'firmware' THEN e.listing_id END),\n"
	"  count(DISTINCT CASE WHEN e.kind = 'evasive' THEN e.listing_id END)\n"
	"  FROM v_evidence e JOIN verdicts v ON v.listing_id = e.listing_id\n"
	"  WHERE v.claim = 'global_version' AND e.weight > 0 AND v.listing_id IN\n"
	"  (SELECT s.listing_id FROM verdicts s\n" /* a list first: no scan of all evidence */
	"  WHERE s.listing_id IN (SELECT listing_id FROM dirty_listings)\n"
	"  OR NOT EXISTS (SELECT 1 FROM listing_counts k WHERE k.listing_id = s.listing_id))\n"
	"  GROUP BY v.seller_id) GROUP BY seller_id)";
static const char RV_COUNTS[] =
	"slow AS (SELECT l.listing_id, l.seller_id FROM listings l\n"
	"  WHERE l.listing_id IN (SELECT listing_id FROM dirty_listings)\n"
	"  OR NOT EXISTS (SELECT 1 FROM listing_counts k WHERE k.listing_id = l.listing_id)),\n"
	"cnt AS (SELECT l.seller_id, sum(k.reviews) AS rv, sum(k.complaints) AS rc,\n"
	"  sum(k.replies) AS qv, sum(k.evasive) AS qe\n"
	"  FROM listings l JOIN listing_counts k ON k.listing_id = l.listing_id\n"
	"  WHERE l.listing_id NOT IN (SELECT listing_id FROM dirty_listings)\n"
	"  GROUP BY l.seller_id),\n"
	"rv AS (SELECT seller_id, sum(n) AS n FROM (SELECT seller_id, rv AS n FROM cnt\n"
	"  UNION ALL SELECT s.seller_id, count(*) FROM slow s\n"
	"  JOIN reviews r ON r.listing_id = s.listing_id GROUP BY s.seller_id)\n"
	"  GROUP BY seller_id)";
static const char RC_COUNTS[] =
	"rc AS (SELECT seller_id, sum(n) AS n FROM (SELECT seller_id, rc AS n FROM cnt\n"
	"  UNION ALL SELECT s.seller_id, count(*) FROM slow s\n"
	"  JOIN reviews r ON r.listing_id = s.listing_id\n"
	"  LEFT JOIN review_classes c ON c.review_id = r.review_id\n"
	"  WHERE CASE WHEN c.review_id IS NOT NULL THEN c.complaint = 1 OR c.not_genuine = 1\n"
	"  ELSE r.review_id IN (SELECT source_id FROM v_evidence WHERE source = 'review'\n"
	"  AND kind = 'reviews' AND weight > 0) END GROUP BY s.seller_id)\n"
	"  GROUP BY seller_id)";
static const char QV_COUNTS[] =
	"qv AS (SELECT seller_id, sum(n) AS n FROM (SELECT seller_id, qv AS n FROM cnt\n"
	"  UNION ALL SELECT s.seller_id, count(*) FROM slow s\n"
	"  JOIN qa q ON q.listing_id = s.listing_id\n"
	"  WHERE trim(coalesce(q.answer, '')) <> '' GROUP BY s.seller_id)\n"
	"  GROUP BY seller_id)";
static const char QE_COUNTS[] =
	"qe AS (SELECT seller_id, sum(n) AS n FROM (SELECT seller_id, qe AS n FROM cnt\n"
	"  UNION ALL SELECT s.seller_id, count(*) FROM slow s\n"
	"  JOIN qa q ON q.listing_id = s.listing_id\n"
	"  LEFT JOIN qa_classes c ON c.qa_id = q.qa_id\n"
	"  WHERE trim(coalesce(q.answer, '')) <> '' AND CASE WHEN c.qa_id IS NOT NULL\n"
	"  THEN c.reply_class = 'evasive' ELSE q.qa_id IN (SELECT source_id FROM v_evidence\n"
	"  WHERE source = 'qa' AND signal = 'qa_evasive') END GROUP BY s.seller_id)\n"
	"  GROUP BY seller_id)";

static int has_table(sqlite3 *db, const char *name)
{
	sqlite3_stmt *st;
	int found = 0;

	if (sqlite3_prepare_v2(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
			       -1, &st, NULL) != SQLITE_OK)
		return 0;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	found = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return found;
}

enum { NCOUNTS = 15 }; /* columns 2.. of COUNT_SQL_FMT */

typedef struct fig {
	char *seller_id;
	char *seller_name;
	long c[NCOUNTS]; /* listings, claims, mislabelled, suspect, unverified, consistent,
			    ev_bands, ev_model, ev_reviews, ev_firmware, ev_evasive,
			    reviews, complaints, replies, evasive */
} fig;

enum { C_LISTINGS, C_CLAIMS, C_MIS, C_SUS, C_UNV, C_CON, C_EVB, C_EVM, C_EVR, C_EVF, C_EVE,
       C_REVIEWS, C_COMPLAINTS, C_REPLIES, C_EVASIVE };

static const char INSERT_STATS[] =
	"INSERT INTO seller_stats(seller_id, seller_name, run_id, computed_at, listings,\n"
	" global_claims, mislabelled, suspect, unverified, consistent, mislabel_rate, ci_low,\n"
	" ci_high, status, rank, ev_bands, ev_model, ev_reviews, ev_firmware, ev_evasive,\n"
	" reviews, complaints, complaint_rate, replies, evasive, evasive_rate)\n"
	"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,\n"
	" ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26)";

static const char INSERT_HISTORY[] =
	"INSERT OR REPLACE INTO seller_history(run_id, recorded_at, seller_id, seller_name,\n"
	" listings, global_claims, mislabelled, suspect, mislabel_rate, ci_low, ci_high, status,\n"
	" rank, complaint_rate, evasive_rate)\n"
	"VALUES (?3, ?4, ?1, ?2, ?5, ?6, ?7, ?8, ?11, ?12, ?13, ?14, ?15, ?23, ?26)";

/* Index in st of the numbered parameter ?n, or 0 when st does not use it
 * (the history row uses a subset of the numbers). */
static int pidx(sqlite3_stmt *st, int n)
{
	char name[16];
	snprintf(name, sizeof name, "?%d", n);
	return sqlite3_bind_parameter_index(st, name);
}

static void bind_long(sqlite3_stmt *st, int n, long v)
{
	int i = pidx(st, n);
	if (i > 0)
		sqlite3_bind_int64(st, i, v);
}

static void bind_real(sqlite3_stmt *st, int n, double v)
{
	int i = pidx(st, n);
	if (i > 0)
		sqlite3_bind_double(st, i, v);
}

static void bind_ratio(sqlite3_stmt *st, int n, long k, long d)
{
	if (d > 0)
		bind_real(st, n, (double)k / (double)d);
}

static void bind_str(sqlite3_stmt *st, int n, const char *s)
{
	int i = pidx(st, n);
	if (i > 0)
		db_bind_text(st, i, s, -1);
}

/* Bind one seller's figures to the numbered parameters shared by both
 * INSERT statements; unbound ones (a rate without claims) stay NULL. */
static void bind_fig(sqlite3_stmt *st, const fig *f, const seller_rank *r, long long run_id,
		     const char *now)
{
	int i;

	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	bind_str(st, 1, f->seller_id);
	bind_str(st, 2, f->seller_name);
	if (pidx(st, 3) > 0)
		sqlite3_bind_int64(st, pidx(st, 3), run_id);
	bind_str(st, 4, now);
	for (i = C_LISTINGS; i <= C_CON; i++) /* ?5..?10 */
		bind_long(st, 5 + i - C_LISTINGS, f->c[i]);
	if (f->c[C_CLAIMS] > 0) {
		bind_ratio(st, 11, f->c[C_MIS], f->c[C_CLAIMS]);
		bind_real(st, 12, r->ci_low);
		bind_real(st, 13, r->ci_high);
	}
	bind_str(st, 14, r->status);
	if (r->rank > 0)
		bind_long(st, 15, r->rank);
	for (i = C_EVB; i <= C_EVE; i++) /* ?16..?20 */
		bind_long(st, 16 + i - C_EVB, f->c[i]);
	bind_long(st, 21, f->c[C_REVIEWS]);
	bind_long(st, 22, f->c[C_COMPLAINTS]);
	bind_ratio(st, 23, f->c[C_COMPLAINTS], f->c[C_REVIEWS]);
	bind_long(st, 24, f->c[C_REPLIES]);
	bind_long(st, 25, f->c[C_EVASIVE]);
	bind_ratio(st, 26, f->c[C_EVASIVE], f->c[C_REPLIES]);
}

int sellers_update(sqlite3 *db, const weights *w, long long run_id, gv_error *err)
{
	sqlite3_stmt *st = NULL, *ins = NULL, *hist = NULL;
	fig *figs = NULL;
	seller_rank *ranks = NULL;
	size_t n = 0, cap = 0, i;
	long min_claims;
	char now[32];
	strbuf sql;
	int rc, ret = -1;

	min_claims = w ? (long)weights_threshold(w, "min_claims_ranked",
						 SELLERS_MIN_CLAIMS_DEFAULT)
		       : SELLERS_MIN_CLAIMS_DEFAULT;
	utc_now_iso(now, sizeof now);
	sb_init(&sql);
	if (has_table(db, "listing_counts") && has_table(db, "review_classes") &&
	    has_table(db, "qa_classes"))
		sb_addf(&sql, COUNT_SQL_FMT, EK_COUNTS, RV_COUNTS, RC_COUNTS, QV_COUNTS, QE_COUNTS);
	else
		sb_addf(&sql, COUNT_SQL_FMT, EK_ROWS, RV_ROWS,
			has_table(db, "review_classes") ? RC_CLASSES : RC_EVIDENCE, QV_ROWS,
			has_table(db, "qa_classes") ? QE_CLASSES : QE_EVIDENCE);
	rc = db_prepare(db, sql.buf, &st, err);
	sb_release(&sql);
	if (rc < 0)
		goto cleanup;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		fig *f;
		const unsigned char *name = sqlite3_column_text(st, 1);
		int c;
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			figs = xrealloc(figs, cap * sizeof *figs);
		}
		f = &figs[n++];
		f->seller_id = xstrdup((const char *)sqlite3_column_text(st, 0));
		f->seller_name = name ? xstrdup((const char *)name) : NULL;
		for (c = 0; c < NCOUNTS; c++)
			f->c[c] = (long)sqlite3_column_int64(st, 2 + c);
	}
	if (rc != SQLITE_DONE) {
		db_fail(db, err, "sellers: cannot count verdicts");
		goto cleanup;
	}
	ranks = xcalloc(n ? n : 1, sizeof *ranks);
	for (i = 0; i < n; i++) {
		ranks[i].seller_id = figs[i].seller_id;
		ranks[i].claims = figs[i].c[C_CLAIMS];
		ranks[i].mislabelled = figs[i].c[C_MIS];
		wilson_interval(ranks[i].mislabelled, ranks[i].claims, &ranks[i].ci_low,
				&ranks[i].ci_high);
	}
	sellers_rank(ranks, n, min_claims);
	/* ranks is now sorted; the figures are found by seller_id (both unique). */
	if (db_exec(db, "DELETE FROM seller_stats", err) < 0 ||
	    db_prepare(db, INSERT_STATS, &ins, err) < 0 ||
	    db_prepare(db, INSERT_HISTORY, &hist, err) < 0)
		goto cleanup;
	for (i = 0; i < n; i++) {
		size_t lo = 0, hi = n;
		const fig *f = NULL;
		while (lo < hi) { /* figs are ordered by seller_id (ORDER BY, binary collation) */
			size_t mid = lo + (hi - lo) / 2;
			int c = strcmp(figs[mid].seller_id, ranks[i].seller_id);
			if (c == 0) {
				f = &figs[mid];
				break;
			}
			if (c < 0)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (!f) {
			gv_error_set(err, NULL, 0, "sellers: lost seller '%s'", ranks[i].seller_id);
			goto cleanup;
		}
		bind_fig(ins, f, &ranks[i], run_id, now);
		if (sqlite3_step(ins) != SQLITE_DONE) {
			db_fail(db, err, "sellers: cannot store seller_stats");
			goto cleanup;
		}
		bind_fig(hist, f, &ranks[i], run_id, now);
		if (sqlite3_step(hist) != SQLITE_DONE) {
			db_fail(db, err, "sellers: cannot store seller_history");
			goto cleanup;
		}
	}
	ret = 0;
cleanup:
	sqlite3_finalize(st);
	sqlite3_finalize(ins);
	sqlite3_finalize(hist);
	for (i = 0; i < n; i++) {
		free(figs[i].seller_id);
		free(figs[i].seller_name);
	}
	free(figs);
	free(ranks);
	return ret;
}
