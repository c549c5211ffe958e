/* sellers.h: per-seller figures from the verdicts (mislabel rate with a 95%
 * Wilson score interval, evidence counts, complaint and evasive-reply
 * rates), recorded per run so history shows who gets better or worse.
 * Tables and the grouping of signals into kinds: schemas/005_report.sql. */
#ifndef GV_SELLERS_H
#define GV_SELLERS_H

#include <stddef.h>
#include <sqlite3.h>

#include "analyze/weights.h"
#include "common/util.h"

/* The two streams the seller figures are summed from, both in seller_id,
 * then listing_id order, so sellers.c reads a listing and its verdict
 * together. schemas/013_seller_cover.sql's listings_seller and
 * schemas/016_verdict_counts.sql's verdicts_seller cover every column they
 * name (a column added here belongs there too: tests/test_sellers.c checks
 * the plans read the indexes alone, nothing sorted).
 *
 * A listing counts from its verdict row (schema 016: the analysis stores
 * the listing's review and reply counts and kinds of evidence there, column
 * 13 says they are current) unless it has no verdict of the same seller,
 * its verdict has no counts (written before schema 016 without a
 * listing_counts row, or by hand), or it waits in dirty_listings (never
 * analysed, or new reviews or answers since); those are "slow": sellers.c's
 * SLOW_SQL counts them from the rows. */
#define SELLERS_LISTINGS_SQL                                                                    \
	"SELECT l.seller_id, l.listing_id, l.seller_name, l.scraped_at\n"                     \
	"FROM listings l ORDER BY l.seller_id, l.listing_id"

/* Claims are verdicts whose claim is global_version; a kind of evidence
 * counts the claims with at least one China-pointing (weight > 0) piece of
 * evidence of that kind (the ev_ columns). */
#define SELLERS_VERDICTS_SQL                                                                    \
	"SELECT v.seller_id, v.listing_id, v.claim = 'global_version', v.verdict, v.reviews,\n"  \
	"  v.complaints, v.replies, v.evasive, v.ev_bands, v.ev_model, v.ev_reviews,\n"        \
	"  v.ev_firmware, v.ev_evasive, v.reviews IS NOT NULL AND NOT EXISTS (SELECT 1\n"      \
	"  FROM dirty_listings d WHERE d.listing_id = v.listing_id)\n"                          \
	"FROM verdicts v ORDER BY v.seller_id, v.listing_id"

/* 95% Wilson score interval for k successes out of n (n > 0): *lo, *hi in
 * [0,1]. n == 0 gives 0 and 1. */
void wilson_interval(long k, long n, double *lo, double *hi);

/* Minimum Global Version claims for a seller to be ranked, when
 * thresholds.csv has no min_claims_ranked row. */
#define SELLERS_MIN_CLAIMS_DEFAULT 3

/* Status words of seller_stats.status (and sellers.csv). */
#define SELLER_RANKED "ranked"
#define SELLER_INSUFFICIENT "insufficient data"
#define SELLER_NO_CLAIMS "no claims"

/* One seller as the ranking sees it. */
typedef struct seller_rank {
	const char *seller_id; /* borrowed; ties are broken by it */
	long claims;           /* Global Version claims */
	long mislabelled;      /* of those, mislabelled */
	double ci_low;         /* Wilson interval of mislabelled / claims */
	double ci_high;
	long rank;             /* out: 1.. for ranked sellers, 0 otherwise */
	const char *status;    /* out: SELLER_RANKED, SELLER_INSUFFICIENT or SELLER_NO_CLAIMS */
} seller_rank;

/* Rank v in place: sellers with at least min_claims claims come first,
 * ordered by ci_low (highest first), then rate, then ci_high (highest
 * first), then seller_id, and get ranks 1, 2, ...; the rest follow by seller_id with
 * rank 0. The order is total, so the same figures always give the same
 * ranking. Reads claims, mislabelled, ci_low, ci_high; sets rank and status. */
void sellers_rank(seller_rank *v, size_t n, long min_claims);

/* Recompute every seller's figures from verdicts and evidence and record
 * them under run_id (seller_stats, seller_history). Inside the caller's
 * transaction. w may be NULL (the default minimum of claims applies).
 * Reads each listing and verdict once, from two indexes (the few slow
 * listings, above, from their rows) and logs one line
 * ("sellers: sellers=N seconds=S"). 0 or -1 with err. */
int sellers_update(sqlite3 *db, const weights *w, long long run_id, gv_error *err);

#endif
