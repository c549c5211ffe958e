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

/* "device|RAM/storage|currency" into key (>= 160 bytes) for a listing:
 * 1, or 0 when the device, the memory ("8GB 256GB", "8+256", "12/512GB",
 * "1TB") or the currency is unknown. */
int price_key(const device_bands *dev, const char *title, const char *currency, char *key,
	      size_t size);

#endif
