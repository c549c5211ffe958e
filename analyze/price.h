/* price.h: the price reference for listing_price_low: the median price of
 * listings of the same device and memory configuration, in the same
 * currency, whose own text shows no China hardware (no China model number,
 * no China band list, no "China Version"). Rebuilt from every listing's
 * key (listing_prices) at the start of each analysis, so it does not depend
 * on earlier verdicts. */
#ifndef GV_PRICE_H
#define GV_PRICE_H

#include <stddef.h>

#include "analyze/registry.h"
#include "analyze/weights.h"

typedef struct price_ref price_ref;

price_ref *price_ref_new(void);
void price_ref_free(price_ref *p);
/* Add one reference listing's price under key (see price_key). Prices
 * come in key order (strcmp, i.e. SQLite's BINARY collation), then price
 * order, as "SELECT key, price ... ORDER BY key, price" gives them: only each
 * key's median and count are kept, so memory does not grow with the number
 * of listings. 0, or -1 (nothing added) when a price is out of that order. */
int price_ref_add(price_ref *p, const char *key, double price);
/* Close the last key; call once, after the last price_ref_add. */
void price_ref_finish(price_ref *p);
/* Median of the prices under key and how many there are (*n); 0 if none. */
double price_ref_median(const price_ref *p, const char *key, int *n);

/* The groups in key order, for keeping the reference between analyses:
 * the number of keys, and key i with its median and count. */
size_t price_ref_count(const price_ref *p);
const char *price_ref_group(const price_ref *p, size_t i, double *median, int *n);

/* The listing_price_low test: a listing priced at price is far below the
 * median of its key's n reference listings (at least min_ref of them,
 * under ratio of the median). The analysis and the refresh of unchanged
 * listings (analyze/price_refresh.h) both ask here. */
int price_is_low(double price, double median, int n, double ratio, int min_ref);
/* ratio and min_ref for price_is_low, from thresholds.csv. */
void price_low_rule(const weights *w, double *ratio, int *min_ref);
/* listing_price_low's excerpt into buf: "price 519.80 USD, 79% of the
 * median 661.43 of 3 comparable Mi 11 Ultra 6/128 listings", device being
 * the registry name of key's device. */
void price_low_excerpt(char *buf, size_t size, double price, const char *currency, double median,
		       int n, const char *device, const char *key);

/* "device|RAM/storage|currency" into key (>= 160 bytes) for a listing:
 * 1, or 0 when the device, the memory ("8GB 256GB", "8+256", "12/512GB",
 * "1TB") or the currency is unknown. */
int price_key(const device_bands *dev, const char *title, const char *currency, char *key,
	      size_t size);

#endif
