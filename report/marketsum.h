/* marketsum.h: per market, how many listings there are and what share of
 * those with a band list lack each key LTE band (markets.csv and the market
 * chart of report.html). Built from listing_facts.market_group and
 * missing_bands; the key bands of each market come from schemas/markets.csv
 * when it lists them, else from the bands seen missing. */
#ifndef GV_MARKETSUM_H
#define GV_MARKETSUM_H

#include <sqlite3.h>

#include "common/util.h"

typedef struct market_band {
	char name[12]; /* "B20" */
	int num;       /* 20, for ordering */
	long missing;  /* listings with a band list that lack it */
} market_band;

typedef struct market_row {
	char *market;       /* market_group, or "unknown" */
	long listings;      /* listings analysed for that market */
	long with_bands;    /* of those, with a known LTE band list */
	market_band *bands; /* key bands, by number */
	int nbands;
} market_row;

typedef struct market_summary {
	market_row *v; /* ordered by market name */
	int n;
} market_summary;

/* Fill ms from the database; datadir (may be NULL) supplies the key bands.
 * 0 or -1 with err. Release with market_summary_release() either way. */
int market_summary_load(market_summary *ms, sqlite3 *db, const char *datadir, gv_error *err);
void market_summary_release(market_summary *ms);

#endif
