/* markets.h: buyer markets and their key LTE bands (schemas/markets.csv,
 * built from ../shared/reference/market_bands.csv and operators.csv; source
 * notes in schemas/SOURCES.md), and how well a band set fits a market. */
#ifndef GV_MARKETS_H
#define GV_MARKETS_H

#include "analyze/bands.h"
#include "common/util.h"

typedef struct market {
	char *code;      /* market name: US, EU, AU, CA, ... */
	char **countries;/* ISO 3166-1 alpha-2 codes in it */
	int ncountries;
	unsigned char key[BANDS_MAX];    /* key LTE bands */
	unsigned char missed[BANDS_MAX]; /* key bands China hardware commonly lacks */
	unsigned char core[BANDS_MAX];   /* the core subset that still gives usable coverage */
	int seed;        /* 1: key bands from the authoritative seed table (published as
			    missing_bands); 0: derived from operators.csv (basis "operators") */
} market;

typedef struct markets {
	market *v;
	int n;
} markets;

/* How many key bands of the market a band list has. */
typedef enum {
	COMPAT_UNKNOWN = 0, /* no band list, or no market for the country */
	COMPAT_NONE,        /* none of the key bands */
	COMPAT_SOME,        /* some key bands, not the core ones */
	COMPAT_CORE,        /* the core bands, not all key bands */
	COMPAT_ALL          /* every key band */
} compat_grade;

/* Load datadir/markets.csv into m (caller-owned; free with markets_release).
 * Returns 0, or -1 with err naming the file, line and problem: missing file
 * or column, no rows, a bad band or country, core or commonly missed bands
 * that are not key bands, a market or country listed twice. m is empty then. */
int markets_load(markets *m, const char *datadir, gv_error *err);
/* Free what markets_load allocated; m may be NULL or empty. */
void markets_release(markets *m);
/* The market a country belongs to, or NULL. Case-insensitive. */
const market *markets_find(const markets *m, const char *country);
/* Grade b against mk and append the missing key bands ("B20;B28", in band
 * order, ';'-separated) to missing (may be NULL). COMPAT_UNKNOWN (and nothing
 * appended) when b shows no LTE list or mk is NULL. A key band that is only an
 * ambiguous candidate (b->lte_maybe, e.g. B28 from "700MHz") counts as
 * present: a false missing band is worse than a missed one. */
compat_grade markets_compat(const market *mk, const bands *b, strbuf *missing);
/* "all", "core", "some", "none", "unknown". */
const char *compat_name(compat_grade g);

#endif
