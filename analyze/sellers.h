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
 * Reads each listing and verdict once (with its listing_counts row; the
 * few without one, or dirty, from their rows) and logs one line
 * ("sellers: sellers=N seconds=S"). 0 or -1 with err. */
int sellers_update(sqlite3 *db, const weights *w, long long run_id, gv_error *err);

#endif
