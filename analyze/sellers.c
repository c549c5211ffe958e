/* sellers.c: see sellers.h. The counting is SQL over the stored verdicts and
 * evidence (schemas/005_report.sql defines the evidence kinds in v_evidence),
 * summed here one seller at a time; the interval is C. The ranking is
 * sellers_rank() in C, unit-tested, and the same order in SQL (RANK_SQL)
 * over the stored rows, which is what sellers_update uses: it needs no
 * table of every seller in memory. tests/test_sellers.c checks they agree. */
#include "analyze/sellers.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/db.h"
#include "common/log.h"
#include "common/memlog.h"

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

/* A seller with claims Global Version claims is ranked from min_claims on
 * (at least one: a rate needs a claim). */
static int seller_ranked(long claims, long min_claims)
{
	return claims >= (min_claims < 1 ? 1 : min_claims);
}

static const char *seller_status(long claims, long min_claims)
{
	if (seller_ranked(claims, min_claims))
		return SELLER_RANKED;
	return claims > 0 ? SELLER_INSUFFICIENT : SELLER_NO_CLAIMS;
}

void sellers_rank(seller_rank *v, size_t n, long min_claims)
{
	size_t i;
	long next = 1;

	for (i = 0; i < n; i++) {
		v[i].rank = seller_ranked(v[i].claims, min_claims); /* 1: first in cmp_rank */
		v[i].status = seller_status(v[i].claims, min_claims);
	}
	qsort(v, n, sizeof *v, cmp_rank);
	for (i = 0; i < n; i++)
		v[i].rank = v[i].rank ? next++ : 0;
}

/* The figures of one seller, summed over its listings and verdicts. */
enum { NCOUNTS = 15 };
enum { C_LISTINGS, C_CLAIMS, C_MIS, C_SUS, C_UNV, C_CON, C_EVB, C_EVM, C_EVR, C_EVF, C_EVE,
       C_REVIEWS, C_COMPLAINTS, C_REPLIES, C_EVASIVE };

typedef struct fig {
	char *seller_id;
	char *seller_name;  /* store name of the listing that names the seller (name_wins) */
	char *name_at;      /* that listing's scraped_at and listing_id; NULL before the first */
	char *name_listing;
	int name_null;      /* its seller_name is NULL */
	long c[NCOUNTS];    /* listings, claims, mislabelled, suspect, unverified, consistent,
			       ev_bands, ev_model, ev_reviews, ev_firmware, ev_evasive,
			       reviews, complaints, replies, evasive */
} fig;

static void fig_release(fig *f)
{
	free(f->seller_id);
	free(f->seller_name);
	free(f->name_at);
	free(f->name_listing);
	memset(f, 0, sizeof *f);
}

static char *dup_or_null(const unsigned char *s)
{
	return s ? xstrdup((const char *)s) : NULL;
}

/* A seller's name is the seller_name of its listing first in the order
 * seller_name IS NULL, scraped_at DESC, listing_id (the latest scrape with
 * a name; ties by listing_id). Text compares as SQLite's BINARY collation. */
static int name_wins(const fig *f, int null, const char *at, const char *listing)
{
	int c;

	if (!f->name_at)
		return 1;
	if (null != f->name_null)
		return null < f->name_null;
	c = strcmp(at, f->name_at);
	if (c != 0)
		return c > 0;
	return strcmp(listing, f->name_listing) < 0;
}

/* The slow listings' figures (sellers.h), counted row by row as the
 * analysis counts them into the verdict: complaints and evasive replies by
 * the per-row classes of schema 004 where a row is classified, else by the
 * evidence that fired on it. Each row is (seller_id, arm, n1..n5); the arm
 * says which counts n1.. add to: slow_first[arm] and the slow_n[arm] - 1
 * after it. */
static const char SLOW_SQL[] =
	"WITH slow AS (SELECT l.listing_id, l.seller_id FROM listings l\n"
	"  WHERE l.listing_id IN (SELECT listing_id FROM dirty_listings)\n"
	"  OR NOT EXISTS (SELECT 1 FROM verdicts v WHERE v.listing_id = l.listing_id\n"
	"  AND v.seller_id = l.seller_id AND v.reviews IS NOT NULL))\n"
	"SELECT s.seller_id, 0, count(*), 0, 0, 0, 0 FROM slow s\n"
	"  JOIN reviews r ON r.listing_id = s.listing_id GROUP BY s.seller_id\n"
	"UNION ALL SELECT s.seller_id, 1, count(*), 0, 0, 0, 0 FROM slow s\n"
	"  JOIN reviews r ON r.listing_id = s.listing_id\n"
	"  LEFT JOIN review_classes c ON c.review_id = r.review_id\n"
	"  WHERE CASE WHEN c.review_id IS NOT NULL THEN c.complaint = 1 OR c.not_genuine = 1\n"
	"  ELSE r.review_id IN (SELECT source_id FROM v_evidence WHERE source = 'review'\n"
	"  AND kind = 'reviews' AND weight > 0) END GROUP BY s.seller_id\n"
	"UNION ALL SELECT s.seller_id, 2, count(*), 0, 0, 0, 0 FROM slow s\n"
	"  JOIN qa q ON q.listing_id = s.listing_id\n"
	"  WHERE trim(coalesce(q.answer, '')) <> '' GROUP BY s.seller_id\n"
	"UNION ALL SELECT s.seller_id, 3, count(*), 0, 0, 0, 0 FROM slow s\n"
	"  JOIN qa q ON q.listing_id = s.listing_id\n"
	"  LEFT JOIN qa_classes c ON c.qa_id = q.qa_id\n"
	"  WHERE trim(coalesce(q.answer, '')) <> '' AND CASE WHEN c.qa_id IS NOT NULL\n"
	"  THEN c.reply_class = 'evasive' ELSE q.qa_id IN (SELECT source_id FROM v_evidence\n"
	"  WHERE source = 'qa' AND signal = 'qa_evasive') END GROUP BY s.seller_id\n"
	"UNION ALL SELECT v.seller_id, 4,\n"
	"  count(DISTINCT CASE WHEN e.kind = 'bands' THEN e.listing_id END),\n"
	"  count(DISTINCT CASE WHEN e.kind = 'model' THEN e.listing_id END),\n"
	"  count(DISTINCT CASE WHEN e.kind = 'reviews' THEN e.listing_id END),\n"
	"  count(DISTINCT CASE WHEN e.kind = 'firmware' THEN e.listing_id END),\n"
	"  count(DISTINCT CASE WHEN e.kind = 'evasive' THEN e.listing_id END)\n"
	"  FROM v_evidence e JOIN verdicts v ON v.listing_id = e.listing_id\n"
	"  WHERE v.claim = 'global_version' AND e.weight > 0 AND v.listing_id IN\n"
	"  (SELECT s.listing_id FROM verdicts s\n" /* a list first: no scan of all evidence */
	"  WHERE s.listing_id IN (SELECT listing_id FROM dirty_listings) OR s.reviews IS NULL)\n"
	"  GROUP BY v.seller_id\n"
	"ORDER BY 1";
static const int slow_first[] = {C_REVIEWS, C_COMPLAINTS, C_REPLIES, C_EVASIVE, C_EVB};
static const int slow_n[] = {1, 1, 1, 1, 5};

static const char *col_str(sqlite3_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(st, i);
}

/* One listing (SELLERS_LISTINGS_SQL): its seller's name and count of
 * listings. */
static void add_listing(fig *f, sqlite3_stmt *st)
{
	int null = sqlite3_column_type(st, 2) == SQLITE_NULL;
	const char *listing = col_str(st, 1), *at = col_str(st, 3);

	if (name_wins(f, null, at, listing)) {
		free(f->seller_name);
		free(f->name_at);
		free(f->name_listing);
		f->seller_name = dup_or_null(sqlite3_column_text(st, 2));
		f->name_at = xstrdup(at);
		f->name_listing = xstrdup(listing);
		f->name_null = null;
	}
	f->c[C_LISTINGS]++;
}

/* One verdict (SELLERS_VERDICTS_SQL): a claim by its verdict; when its
 * counts are current, its kinds of evidence if it claims and, when its
 * listing is there (with_listing), the listing's review and reply counts.
 * Sets *slow otherwise. */
static void add_verdict(fig *f, sqlite3_stmt *st, int with_listing, int *slow)
{
	const char *verdict = col_str(st, 3);
	int claim = sqlite3_column_int(st, 2), i;

	if (claim) {
		f->c[C_CLAIMS]++;
		f->c[C_MIS] += strcmp(verdict, "mislabelled") == 0;
		f->c[C_SUS] += strcmp(verdict, "suspect") == 0;
		f->c[C_UNV] += strcmp(verdict, "unverified") == 0;
		f->c[C_CON] += strcmp(verdict, "consistent") == 0;
	}
	if (!sqlite3_column_int(st, 13)) {
		*slow = 1;
		return;
	}
	for (i = 0; with_listing && i < 4; i++)
		f->c[C_REVIEWS + i] += (long)sqlite3_column_int64(st, 4 + i);
	for (i = 0; claim && i < 5; i++)
		f->c[C_EVB + i] += (long)sqlite3_column_int64(st, 8 + i);
}

static void add_slow(fig *f, sqlite3_stmt *st)
{
	int arm = sqlite3_column_int(st, 1), i;

	for (i = 0; i < slow_n[arm]; i++)
		f->c[slow_first[arm] + i] += (long)sqlite3_column_int64(st, 2 + i);
}

typedef int (*seller_fn)(const fig *f, void *arg);

/* One of the statements merged by each_seller: rows in seller_id order. */
typedef struct stream {
	const char *sql;
	sqlite3_stmt *st;
	int rc; /* of the last step: SQLITE_ROW while a row is current */
} stream;

/* 1 while s's current row belongs to the seller id. */
static int at_seller(const stream *s, const char *id)
{
	return s->rc == SQLITE_ROW && strcmp(col_str(s->st, 0), id) == 0;
}

/* One seller's listings and verdicts, both in listing_id order, merged by
 * listing_id: a listing and its verdict are read together. A listing
 * without its verdict sets *slow. */
static void add_listings_and_verdicts(fig *f, stream *ls, stream *vs, int *slow)
{
	for (;;) {
		int in_l = at_seller(ls, f->seller_id), in_v = at_seller(vs, f->seller_id), c;
		if (!in_l && !in_v)
			break;
		c = !in_v ? -1 : !in_l ? 1 : strcmp(col_str(ls->st, 1), col_str(vs->st, 1));
		if (c <= 0)
			add_listing(f, ls->st);
		if (c >= 0)
			add_verdict(f, vs->st, c == 0, slow);
		if (c < 0)
			*slow = 1;
		if (c <= 0)
			ls->rc = sqlite3_step(ls->st);
		if (c >= 0)
			vs->rc = sqlite3_step(vs->st);
	}
}

/* Every seller's figures, one seller at a time in seller_id order: the
 * listings, verdicts and (with_slow) slow-listing rows, each ordered by
 * seller_id, are merged, so memory holds one seller, whatever their
 * number (a table of all of them was 25 MB for 124 k sellers at scale
 * 2). fn gets each seller's sums; *slow is set when a listing or verdict
 * needs SLOW_SQL. 0, or -1 with err. */
static int each_seller(sqlite3 *db, int with_slow, seller_fn fn, void *arg, int *slow,
		       gv_error *err)
{
	stream s[3] = {{SELLERS_LISTINGS_SQL, NULL, SQLITE_DONE},
		       {SELLERS_VERDICTS_SQL, NULL, SQLITE_DONE},
		       {SLOW_SQL, NULL, SQLITE_DONE}};
	int n = with_slow ? 3 : 2, i, ret = -1;
	fig f;

	memset(&f, 0, sizeof f);
	for (i = 0; i < n; i++) {
		if (db_prepare(db, s[i].sql, &s[i].st, err) < 0)
			goto cleanup;
		s[i].rc = sqlite3_step(s[i].st);
	}
	for (;;) {
		const char *id = NULL;
		for (i = 0; i < n; i++) /* the smallest seller_id at the heads */
			if (s[i].rc == SQLITE_ROW && (!id || strcmp(col_str(s[i].st, 0), id) < 0))
				id = col_str(s[i].st, 0);
		if (!id)
			break;
		f.seller_id = xstrdup(id);
		add_listings_and_verdicts(&f, &s[0], &s[1], slow);
		while (with_slow && at_seller(&s[2], f.seller_id)) {
			add_slow(&f, s[2].st);
			s[2].rc = sqlite3_step(s[2].st);
		}
		/* A complaint or evasive reply is one of the reviews or replies. */
		if (f.c[C_COMPLAINTS] > f.c[C_REVIEWS])
			f.c[C_COMPLAINTS] = f.c[C_REVIEWS];
		if (f.c[C_EVASIVE] > f.c[C_REPLIES])
			f.c[C_EVASIVE] = f.c[C_REPLIES];
		if (fn(&f, arg) < 0)
			goto cleanup;
		fig_release(&f);
	}
	for (i = 0; i < n; i++)
		if (s[i].rc != SQLITE_DONE) {
			db_fail(db, err, "sellers: cannot count listings and verdicts");
			goto cleanup;
		}
	ret = 0;
cleanup:
	fig_release(&f);
	for (i = 0; i < n; i++)
		sqlite3_finalize(s[i].st);
	return ret;
}

static const char INSERT_STATS[] =
	"INSERT INTO seller_stats(seller_id, seller_name, run_id, computed_at, listings,\n"
	" global_claims, mislabelled, suspect, unverified, consistent, mislabel_rate, ci_low,\n"
	" ci_high, status, rank, ev_bands, ev_model, ev_reviews, ev_firmware, ev_evasive,\n"
	" reviews, complaints, complaint_rate, replies, evasive, evasive_rate)\n"
	"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,\n"
	" ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26)";

/* The ranking of sellers_rank, in SQL over the stored rows (bounded memory:
 * SQLite sorts them, spilling to disk): ranked sellers by ci_low, rate,
 * ci_high (all highest first), then seller_id. The stored rate is the same
 * double the C comparison computes. tests/test_sellers.c checks the two
 * agree. */
static const char RANK_SQL[] =
	"UPDATE seller_stats SET rank = r.n FROM (SELECT seller_id, row_number() OVER\n"
	" (ORDER BY ci_low DESC, mislabel_rate DESC, ci_high DESC, seller_id) AS n\n"
	" FROM seller_stats WHERE status = '" SELLER_RANKED "') AS r\n"
	"WHERE seller_stats.seller_id = r.seller_id";

static const char HISTORY_SQL[] =
	"INSERT OR REPLACE INTO seller_history(run_id, recorded_at, seller_id, seller_name,\n"
	" listings, global_claims, mislabelled, suspect, mislabel_rate, ci_low, ci_high, status,\n"
	" rank, complaint_rate, evasive_rate)\n"
	"SELECT run_id, computed_at, seller_id, seller_name, listings, global_claims,\n"
	" mislabelled, suspect, mislabel_rate, ci_low, ci_high, status, rank, complaint_rate,\n"
	" evasive_rate FROM seller_stats";

static void bind_ratio(sqlite3_stmt *st, int n, long k, long d)
{
	if (d > 0)
		sqlite3_bind_double(st, n, (double)k / (double)d);
}

/* Bind one seller's figures, interval and status to the parameters ?n of
 * INSERT_STATS and store the row; unbound ones (a rate without claims, the
 * rank until RANK_SQL) stay NULL. SQLITE_DONE or an error code. */
static int store_fig(sqlite3_stmt *st, const fig *f, double ci_low, double ci_high,
		     const char *status, long long run_id, const char *now)
{
	int i;

	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	db_bind_text(st, 1, f->seller_id, -1);
	db_bind_text(st, 2, f->seller_name, -1);
	sqlite3_bind_int64(st, 3, run_id);
	db_bind_text(st, 4, now, -1);
	for (i = C_LISTINGS; i <= C_CON; i++) /* ?5..?10 */
		sqlite3_bind_int64(st, 5 + i - C_LISTINGS, f->c[i]);
	if (f->c[C_CLAIMS] > 0) {
		bind_ratio(st, 11, f->c[C_MIS], f->c[C_CLAIMS]);
		sqlite3_bind_double(st, 12, ci_low);
		sqlite3_bind_double(st, 13, ci_high);
	}
	db_bind_text(st, 14, status, -1);
	for (i = C_EVB; i <= C_EVE; i++) /* ?16..?20 */
		sqlite3_bind_int64(st, 16 + i - C_EVB, f->c[i]);
	sqlite3_bind_int64(st, 21, f->c[C_REVIEWS]);
	sqlite3_bind_int64(st, 22, f->c[C_COMPLAINTS]);
	bind_ratio(st, 23, f->c[C_COMPLAINTS], f->c[C_REVIEWS]);
	sqlite3_bind_int64(st, 24, f->c[C_REPLIES]);
	sqlite3_bind_int64(st, 25, f->c[C_EVASIVE]);
	bind_ratio(st, 26, f->c[C_EVASIVE], f->c[C_REPLIES]);
	return sqlite3_step(st);
}

typedef struct store_ctx {
	sqlite3 *db;
	sqlite3_stmt *ins; /* INSERT_STATS */
	long min_claims;
	long long run_id;
	const char *now;
	size_t n;
	gv_error *err;
} store_ctx;

/* One seller's row of seller_stats, unranked: its interval and status. */
static int store_one(const fig *f, void *arg)
{
	store_ctx *x = arg;
	double lo, hi;

	wilson_interval(f->c[C_MIS], f->c[C_CLAIMS], &lo, &hi);
	if (store_fig(x->ins, f, lo, hi, seller_status(f->c[C_CLAIMS], x->min_claims), x->run_id,
		      x->now) != SQLITE_DONE)
		return db_fail(x->db, x->err, "sellers: cannot store seller_stats");
	x->n++;
	return 0;
}

int sellers_update(sqlite3 *db, const weights *w, long long run_id, gv_error *err)
{
	store_ctx x;
	char now[32];
	double t0 = now_seconds();
	int slow = 0, ret = -1;

	memset(&x, 0, sizeof x);
	x.db = db;
	x.run_id = run_id;
	x.now = now;
	x.err = err;
	x.min_claims = w ? (long)weights_threshold(w, "min_claims_ranked",
						   SELLERS_MIN_CLAIMS_DEFAULT)
			 : SELLERS_MIN_CLAIMS_DEFAULT;
	utc_now_iso(now, sizeof now);
	if (db_exec(db, "DELETE FROM seller_stats", err) < 0 ||
	    db_prepare(db, INSERT_STATS, &x.ins, err) < 0 ||
	    each_seller(db, 0, store_one, &x, &slow, err) < 0)
		goto cleanup;
	if (slow) { /* some listings count from their rows: again, with SLOW_SQL */
		x.n = 0;
		if (db_exec(db, "DELETE FROM seller_stats", err) < 0 ||
		    each_seller(db, 1, store_one, &x, &slow, err) < 0)
			goto cleanup;
	}
	if (db_exec(db, RANK_SQL, err) < 0 || db_exec(db, HISTORY_SQL, err) < 0)
		goto cleanup;
	/* Its own line: a night's analysis time is listings plus this. */
	memlog("sellers");
	log_info("sellers: sellers=%zu seconds=%.2f", x.n, now_seconds() - t0);
	ret = 0;
cleanup:
	sqlite3_finalize(x.ins);
	return ret;
}
