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

int markets_load(markets *m, const char *datadir, gv_error *err);
void markets_release(markets *m);
/* The market a country belongs to, or NULL. Case-insensitive. */
const market *markets_find(const markets *m, const char *country);
/* Grade b against mk and append the missing key bands ("B20;B28", in band
 * order, ';'-separated) to missing. COMPAT_UNKNOWN (and nothing appended)
 * when b has no LTE bands or mk is NULL. */
compat_grade markets_compat(const market *mk, const bands *b, strbuf *missing);
const char *compat_name(compat_grade g);

#endif
