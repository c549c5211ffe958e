/* price_refresh.h: the listing_price_low signal of listings a night does
 * not re-analyse, kept true to that night's price reference (schema 015).
 *
 * Why: the signal compares a listing's price with the median of its key's
 * reference listings and quotes that median and their number. New and
 * re-scraped listings move both every night, so an unchanged listing's
 * signal could stop holding, start holding, or quote old figures: at scale
 * 0.1, night 2 left 799 of 55,000 verdicts different from `gvaudit analyze
 * --full`. Re-analysing every listing of a key that moved would take most
 * listings every night.
 *
 * So, once the price pass has the night's reference, price_refresh compares
 * it with the one the last analysis kept (price_reference) key by key. For
 * every listing of a key that moved and not queued already, with the same
 * test the analysis uses (price_is_low):
 *   - the signal appears or disappears: the listing is queued in
 *     dirty_listings and re-analysed with the others;
 *   - it holds before and after: its evidence row gets the excerpt with the
 *     new figures in place (its weight, hence score and verdict, are the
 *     same).
 * price_reference_keep then keeps the night's reference for the next one.
 * Together they leave the evidence and verdicts a full re-analysis leaves
 * (tests/e2e/analyze_prices.sh). */
#ifndef GV_PRICE_REFRESH_H
#define GV_PRICE_REFRESH_H

#include <sqlite3.h>

#include "analyze/price.h"
#include "analyze/registry.h"
#include "analyze/weights.h"
#include "common/util.h"

typedef struct price_moves {
	long long keys;     /* keys whose median or count moved (or that came or went) */
	long long requeued; /* listings queued because their signal appeared or disappeared */
	long long reworded; /* evidence rows given the new figures */
} price_moves;

/* Inside the analysis's transaction, after the price pass built now and
 * before the listing phase reads dirty_listings. 0 with *out filled, or -1
 * with err filled. */
int price_refresh(sqlite3 *db, const price_ref *now, const registry *reg, const weights *w,
		  price_moves *out, gv_error *err);
/* Replace price_reference with now. 0, or -1 with err filled. */
int price_reference_keep(sqlite3 *db, const price_ref *now, gv_error *err);

#endif
