/* sellers.h: per-seller figures from the verdicts (mislabel rate with a 95%
 * Wilson score interval, evidence counts, complaint and evasive-reply
 * rates), recorded per run so history shows who gets better or worse. */
#ifndef GV_SELLERS_H
#define GV_SELLERS_H

#include <sqlite3.h>

#include "analyze/weights.h"
#include "common/util.h"

/* 95% Wilson score interval for k successes out of n (n > 0): *lo, *hi in
 * [0,1]. n == 0 gives 0 and 1. */
void wilson_interval(long k, long n, double *lo, double *hi);

/* Recompute every seller's figures from verdicts and evidence and record
 * them under run_id (seller_stats, seller_history). Inside the caller's
 * transaction. 0 or -1 with err. */
int sellers_update(sqlite3 *db, const weights *w, long long run_id, gv_error *err);

#endif
