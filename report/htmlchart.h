/* htmlchart.h: the two inline SVG charts of report.html, drawn with plain
 * shapes (no script, no fonts fetched): sellers' mislabel rates with their
 * interval as whiskers, and per market the share of band lists lacking each
 * key band. All text is escaped. */
#ifndef GV_HTMLCHART_H
#define GV_HTMLCHART_H

#include <stddef.h>

#include "common/util.h"
#include "report/marketsum.h"

typedef struct chart_point {
	const char *label;     /* seller name (shortened when drawn) */
	const char *seller_id; /* for the link to #seller-ID */
	double rate, lo, hi;   /* rate and its 95% interval, in [0,1] */
	long k, n;             /* mislabelled, claims */
} chart_point;

/* Append an <svg> with one row per point, in the given order. */
void chart_sellers(strbuf *out, const chart_point *v, size_t n);
/* Append an <svg> (or a sentence when there is nothing to draw). */
void chart_markets(strbuf *out, const market_summary *ms);

#endif
