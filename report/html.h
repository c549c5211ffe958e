/* html.h: report.html, one self-contained page a writer can cite: run and
 * inputs, method, ranked sellers with their evidence, two inline SVG charts,
 * a table sortable by a small inline script (a plain table without it).
 * Every piece of stored text goes through html_escape(). */
#ifndef GV_HTML_H
#define GV_HTML_H

#include <stdio.h>
#include <sqlite3.h>

#include "analyze/weights.h"
#include "common/util.h"
#include "report/marketsum.h"

typedef struct html_ctx {
	long long run_id;              /* runs.run_id the report is written by */
	const weights *w;              /* weights and thresholds; NULL if unreadable */
	const market_summary *markets; /* per-market missing bands */
} html_ctx;

/* Append s to out with & < > " ' as character references, so it is safe
 * both as element text and inside a quoted attribute. NULL appends nothing. */
void html_escape(strbuf *out, const char *s);
/* Append s made safe for an id / fragment: [A-Za-z0-9_.-] kept, any other
 * byte as "_XX" (hex). "seller-" + this is the anchor of a seller. */
void html_anchor(strbuf *out, const char *s);

/* Write the whole page to f. 0 or -1 with err. */
int html_write(FILE *f, sqlite3 *db, const html_ctx *ctx, gv_error *err);

#endif
