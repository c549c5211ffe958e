/* html.c: see html.h. The page is built in memory (a few hundred KB even for
 * a large night) and written in one go. Charts are inline SVG (htmlchart.c);
 * the only script is the table sorter, allowed by a per-file nonce in the
 * page's Content-Security-Policy, so even a string that escaped escaping
 * could not run. */
#include "report/html.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "analyze/sellers.h"
#include "common/db.h"
#include "report/htmlchart.h"

void html_escape(strbuf *out, const char *s)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '&': sb_adds(out, "&amp;"); break;
		case '<': sb_adds(out, "&lt;"); break;
		case '>': sb_adds(out, "&gt;"); break;
		case '"': sb_adds(out, "&quot;"); break;
		case '\'': sb_adds(out, "&#39;"); break;
		default: sb_addc(out, *s); break;
		}
	}
}

void html_anchor(strbuf *out, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	for (; s && *s; s++) {
		unsigned char c = (unsigned char)*s;
		if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		    c == '-' || c == '.') {
			sb_addc(out, (char)c);
		} else {
			sb_addc(out, '_');
			sb_addc(out, hex[c >> 4]);
			sb_addc(out, hex[c & 15]);
		}
	}
}

/* Per-seller evidence: at most this many listings and pieces each. */
#define MAX_LISTINGS_SHOWN 40
#define MAX_EVIDENCE_SHOWN 8
/* Bounds that keep the page one a browser opens, whatever the marketplace's
 * size (a generated night of 62,500 sellers made a 377 MB page): the table
 * lists the first MAX_TABLE_SELLERS sellers in rank order, and evidence
 * sections go to the first MAX_SELLER_SECTIONS sellers with mislabelled or
 * suspect listings. sellers.csv and evidence.csv always hold everything, and
 * the page says when it shows less. */
#define MAX_TABLE_SELLERS 5000
#define MAX_SELLER_SECTIONS 300

static const char CSS[] =
	"body{font:15px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1d1d1f;"
	"max-width:1100px;margin:0 auto;padding:0 1.2em 3em;background:#fff}\n"
	"h1{font-size:1.7em;margin:.8em 0 .2em}h2{margin-top:2em;border-bottom:2px solid #ddd;"
	"padding-bottom:.2em}h3{margin:1.6em 0 .3em}\n"
	".meta{color:#555}.muted{color:#666}.n{color:#666;font-size:.9em}\n"
	"table{border-collapse:collapse;width:100%;margin:.6em 0;font-size:.93em}\n"
	"th,td{border-bottom:1px solid #e3e3e3;padding:.35em .5em;text-align:left;"
	"vertical-align:top}\n"
	"td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}\n"
	"thead th{background:#f4f4f6;position:sticky;top:0}\n"
	"table.sortable th{cursor:pointer}table.sortable th[aria-sort]::after{content:' \\2195';"
	"color:#999}\n"
	".st-ranked{color:#1d1d1f}.st-insufficient{color:#8a6d00}.st-none{color:#777}\n"
	".v-mislabelled{color:#b00020;font-weight:600}.v-suspect{color:#a15c00;font-weight:600}\n"
	".badge{display:inline-block;padding:0 .4em;border-radius:.3em;background:#eef;"
	"font-size:.85em}\n"
	".cards{display:flex;flex-wrap:wrap;gap:.8em;margin:1em 0}.card{border:1px solid #ddd;"
	"border-radius:.5em;padding:.6em .9em;min-width:10em}.card b{display:block;"
	"font-size:1.5em}\n"
	"section.seller{border-top:1px solid #ddd;margin-top:1.5em}\n"
	"ul.ev{margin:.2em 0 .8em;padding-left:1.2em}ul.ev li{margin:.15em 0}\n"
	".excerpt{font-style:italic;color:#333}.sig{font-family:ui-monospace,Menlo,Consolas,"
	"monospace;font-size:.88em}\n"
	"code,.fp{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.85em;"
	"word-break:break-all}\n"
	"svg{max-width:100%;height:auto}svg text{font:12px system-ui,sans-serif;fill:#1d1d1f}\n"
	"nav a{margin-right:1em}\n"
	"@media print{body{max-width:none;font-size:11pt}nav,.noprint{display:none}"
	"thead th{position:static}section.seller{break-inside:avoid-page}a{color:inherit;"
	"text-decoration:none}h2{break-after:avoid}}\n";

/* Sorts the table on a header click: numbers by data-v, text otherwise.
 * Without JavaScript the table stays in rank order. */
static const char SCRIPT[] =
	"document.querySelectorAll('table.sortable').forEach(function(t){\n"
	" var ths=t.tHead.rows[0].cells;\n"
	" Array.prototype.forEach.call(ths,function(th,i){\n"
	"  th.setAttribute('aria-sort','none');th.title='Sort by this column';\n"
	"  th.addEventListener('click',function(){\n"
	"   var asc=th.getAttribute('aria-sort')!=='ascending';\n"
	"   Array.prototype.forEach.call(ths,function(h){h.setAttribute('aria-sort','none');});\n"
	"   th.setAttribute('aria-sort',asc?'ascending':'descending');\n"
	"   var b=t.tBodies[0],rows=Array.prototype.slice.call(b.rows);\n"
	"   function key(r){var c=r.cells[i],v=c.getAttribute('data-v');\n"
	"    if(v!==null&&v!==''&&!isNaN(+v))return +v;return v===''?null:c.textContent;}\n"
	"   rows.sort(function(x,y){var a=key(x),c=key(y);\n"
	"    if(a===c)return 0;if(a===null)return 1;if(c===null)return -1;\n"
	"    var r=(typeof a==='number'&&typeof c==='number')?a-c:String(a).localeCompare(String(c));\n"
	"    return asc?r:-r;});\n"
	"   rows.forEach(function(r){b.appendChild(r);});\n"
	"  });\n"
	" });\n"
	"});\n";

typedef struct srow {
	char *id, *name, *status;
	long listings, claims, mis, sus, unv, con, rank;
	long ev[5]; /* bands, model, reviews, firmware, evasive */
	long reviews, complaints, replies, evasive;
	double rate, lo, hi, change;
	int has_rate, has_change, newly_ranked, has_prev;
	int has_section; /* an evidence section (anchor #seller-ID) follows */
} srow;

/* before, then s escaped: the step every cell and label of the page is made
 * of. */
static void put_text(strbuf *p, const char *before, const char *s)
{
	sb_adds(p, before);
	html_escape(p, s);
}

/* before, then column col of st's current row escaped (dflt when NULL). */
static void put_col(strbuf *p, const char *before, sqlite3_stmt *st, int col, const char *dflt)
{
	const unsigned char *s = sqlite3_column_text(st, col);
	put_text(p, before, s ? (const char *)s : dflt);
}

static void pct(strbuf *p, double v)
{
	sb_addf(p, "%.0f%%", v * 100.0 + 0.0);
}

static void nonce_new(char out[33])
{
	unsigned char b[16];
	int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC), i;
	ssize_t got = fd >= 0 ? read(fd, b, sizeof b) : -1;

	if (fd >= 0)
		close(fd);
	if (got != (ssize_t)sizeof b) { /* no urandom: still unguessable by page content */
		unsigned long x = (unsigned long)time(NULL) ^ ((unsigned long)getpid() << 16);
		for (i = 0; i < 16; i++) {
			x = x * 6364136223846793005UL + 1442695040888963407UL;
			b[i] = (unsigned char)(x >> 33);
		}
	}
	for (i = 0; i < 16; i++)
		snprintf(out + 2 * i, 3, "%02x", b[i]);
}

/* The sellers in the page's order: ranked first by rank, then those with
 * claims, then by seller_id. Read as a stream (seller_next), twice: the
 * page keeps only the rows it shows in full, so its memory does not grow
 * with the number of sellers. */
static const char SELLERS_SQL[] =
	"SELECT seller_id, seller_name, status, listings, global_claims, mislabelled,\n"
	" suspect, unverified, consistent, coalesce(rank, 0), ev_bands, ev_model,\n"
	" ev_reviews, ev_firmware, ev_evasive, reviews, complaints, replies, evasive,\n"
	" mislabel_rate, ci_low, ci_high, rate_change, newly_ranked, prev_run_id\n"
	"FROM v_seller_latest ORDER BY rank IS NULL, rank, global_claims = 0, seller_id";

static void srow_release(srow *r)
{
	free(r->id);
	free(r->name);
	free(r->status);
	memset(r, 0, sizeof *r);
}

/* The next seller of st (SELLERS_SQL) into r, which the caller releases.
 * sections counts the sellers with mislabelled or suspect listings seen so
 * far: the first MAX_SELLER_SECTIONS of them get an evidence section, the
 * same ones on every pass. 1, 0 at the end, -1 with err. */
static int seller_next(sqlite3 *db, sqlite3_stmt *st, srow *r, size_t *sections, gv_error *err)
{
	const unsigned char *name;
	int rc = sqlite3_step(st), k;

	memset(r, 0, sizeof *r);
	if (rc == SQLITE_DONE)
		return 0;
	if (rc != SQLITE_ROW)
		return db_fail(db, err, "report: cannot read seller figures");
	name = sqlite3_column_text(st, 1);
	r->id = xstrdup((const char *)sqlite3_column_text(st, 0));
	r->name = xstrdup(name ? (const char *)name : "");
	r->status = xstrdup((const char *)sqlite3_column_text(st, 2));
	r->listings = sqlite3_column_int(st, 3);
	r->claims = sqlite3_column_int(st, 4);
	r->mis = sqlite3_column_int(st, 5);
	r->sus = sqlite3_column_int(st, 6);
	r->unv = sqlite3_column_int(st, 7);
	r->con = sqlite3_column_int(st, 8);
	r->rank = sqlite3_column_int(st, 9);
	for (k = 0; k < 5; k++)
		r->ev[k] = sqlite3_column_int(st, 10 + k);
	r->reviews = sqlite3_column_int(st, 15);
	r->complaints = sqlite3_column_int(st, 16);
	r->replies = sqlite3_column_int(st, 17);
	r->evasive = sqlite3_column_int(st, 18);
	r->has_rate = sqlite3_column_type(st, 19) != SQLITE_NULL;
	r->rate = sqlite3_column_double(st, 19);
	r->lo = sqlite3_column_double(st, 20);
	r->hi = sqlite3_column_double(st, 21);
	r->has_change = sqlite3_column_type(st, 22) != SQLITE_NULL;
	r->change = sqlite3_column_double(st, 22);
	r->newly_ranked = sqlite3_column_int(st, 23);
	r->has_prev = sqlite3_column_type(st, 24) != SQLITE_NULL;
	r->has_section = r->mis + r->sus > 0 && (*sections)++ < MAX_SELLER_SECTIONS;
	return 1;
}

/* What the page shows of the sellers in full: the first MAX_TABLE_SELLERS
 * (the table and the chart) and those with an evidence section; and how
 * many sellers there are, with mislabelled or suspect listings or not. */
typedef struct seller_set {
	srow *head, *sect;
	size_t nhead, nsect, n, with_evidence;
} seller_set;

static void seller_set_release(seller_set *s)
{
	size_t i;
	for (i = 0; i < s->nhead; i++)
		srow_release(&s->head[i]);
	for (i = 0; i < s->nsect; i++)
		srow_release(&s->sect[i]);
	free(s->head);
	free(s->sect);
	memset(s, 0, sizeof *s);
}

static srow srow_copy(const srow *r)
{
	srow c = *r;
	c.id = xstrdup(r->id);
	c.name = xstrdup(r->name);
	c.status = xstrdup(r->status);
	return c;
}

/* The first pass: fill s. 0, or -1 with err. */
static int load_sellers(sqlite3 *db, seller_set *s, gv_error *err)
{
	sqlite3_stmt *st;
	srow r;
	int rc;

	memset(s, 0, sizeof *s);
	if (db_prepare(db, SELLERS_SQL, &st, err) < 0)
		return -1;
	s->head = xmalloc(MAX_TABLE_SELLERS * sizeof *s->head);
	s->sect = xmalloc(MAX_SELLER_SECTIONS * sizeof *s->sect);
	while ((rc = seller_next(db, st, &r, &s->with_evidence, err)) == 1) {
		s->n++;
		if (r.has_section)
			s->sect[s->nsect++] = srow_copy(&r);
		if (s->nhead < MAX_TABLE_SELLERS)
			s->head[s->nhead++] = r; /* kept: not released */
		else
			srow_release(&r);
	}
	sqlite3_finalize(st);
	return rc;
}

static void seller_link(strbuf *p, const srow *r)
{
	if (!r->has_section) {
		html_escape(p, r->name[0] ? r->name : r->id);
		return;
	}
	sb_adds(p, "<a href=\"#seller-");
	html_anchor(p, r->id);
	put_text(p, "\">", r->name[0] ? r->name : r->id);
	sb_adds(p, "</a>");
}

static void change_text(strbuf *p, const srow *r)
{
	if (r->has_change) {
		double pts = r->change * 100.0;
		if (pts > -0.05 && pts < 0.05)
			sb_adds(p, "no change");
		else
			sb_addf(p, "%s%.1f pts", pts > 0 ? "+" : "\xe2\x88\x92", pts > 0 ? pts : -pts);
	} else if (r->has_prev) {
		sb_adds(p, "<span class=\"muted\">no rate to compare</span>");
	} else {
		sb_adds(p, "<span class=\"muted\">first run</span>");
	}
	if (r->newly_ranked)
		sb_adds(p, " <span class=\"badge\">newly ranked</span>");
}

/* Bytes of page kept in memory before they are written out: on a big night
 * the sellers table is tens of MB and the evidence sections hundreds
 * (issue 7: peak RSS). */
#define HTML_FLUSH_BYTES (1u << 20)

/* Write what p holds to f and empty it. 0, or -1 with err filled. */
static int flush_page(strbuf *p, FILE *f, gv_error *err)
{
	if (p->len && fwrite(p->buf, 1, p->len, f) != p->len)
		return gv_error_set(err, NULL, 0, "report: cannot write report.html");
	sb_reset(p);
	return 0;
}

/* Header, run facts and the headline numbers. */
static int page_head(strbuf *p, sqlite3 *db, const html_ctx *ctx, const char *nonce,
		     gv_error *err)
{
	sqlite3_stmt *st;
	char now[32];

	utc_now_iso(now, sizeof now);
	sb_addf(p, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
		   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
		   "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
		   "style-src 'unsafe-inline'; img-src data:; script-src 'nonce-%s'\">\n"
		   "<title>Global Version mislabelling audit</title>\n<style>\n%s</style>\n"
		   "</head>\n<body>\n",
		nonce, CSS);
	sb_adds(p, "<header>\n<h1>Global Version mislabelling audit</h1>\n<p class=\"meta\">");
	if (db_prepare(db, "SELECT command, version, started_at FROM runs WHERE run_id = ?", &st,
		       err) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, ctx->run_id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		sb_adds(p, "Run ");
		sb_addf(p, "%lld", ctx->run_id);
		put_col(p, " (<code>gvaudit ", st, 0, "?");
		put_col(p, "</code>) started ", st, 2, "?");
		sb_adds(p, " &middot; ");
	}
	sqlite3_finalize(st);
	sb_addf(p, "written %s &middot; gvaudit %s", now, GV_VERSION);
	/* The date of the verdicts and the headline numbers, in one pass over
	 * verdicts (500,000 rows at the bench's scale 1). */
	if (db_prepare(db,
		       "SELECT max(analyzed_at), (SELECT count(*) FROM listings), count(*),\n"
		       " coalesce(sum(claim = 'global_version'), 0),\n"
		       " coalesce(sum(verdict = 'mislabelled'), 0), coalesce(sum(verdict = 'suspect'), 0),\n"
		       " (SELECT count(*) FROM seller_stats),\n"
		       " (SELECT count(*) FROM seller_stats WHERE status = 'ranked')\n"
		       "FROM verdicts",
		       &st, err) < 0)
		return -1;
	if (sqlite3_step(st) != SQLITE_ROW) {
		db_fail(db, err, "report: cannot read verdicts");
		sqlite3_finalize(st);
		return -1;
	}
	if (sqlite3_column_text(st, 0))
		put_col(p, " &middot; verdicts as of ", st, 0, "");
	sb_adds(p, "</p>\n<nav class=\"noprint\"><a href=\"#sellers\">Sellers ranked</a>"
		   "<a href=\"#markets\">Missing bands by market</a><a href=\"#evidence\">"
		   "Evidence per seller</a><a href=\"#method\">Method</a><a href=\"#inputs\">"
		   "Inputs</a></nav>\n</header>\n");
	long listings = sqlite3_column_int(st, 1), analysed = sqlite3_column_int(st, 2);
	long claims = sqlite3_column_int(st, 3), mis = sqlite3_column_int(st, 4);
	long sus = sqlite3_column_int(st, 5), sellers = sqlite3_column_int(st, 6);
	long ranked = sqlite3_column_int(st, 7);
	sb_adds(p, "<div class=\"cards\">\n");
	sb_addf(p, "<div class=\"card\"><b>%ld</b>listings <span class=\"n\">(%ld analysed)"
		   "</span></div>\n", listings, analysed);
	sb_addf(p, "<div class=\"card\"><b>%ld</b>claim &ldquo;Global Version&rdquo;</div>\n",
		claims);
	sb_addf(p, "<div class=\"card\"><b>%ld</b>mislabelled <span class=\"n\">(", mis);
	if (claims > 0) {
		pct(p, (double)mis / (double)claims);
		sb_adds(p, " of ");
	}
	sb_addf(p, "n=%ld claims)</span></div>\n", claims);
	sb_addf(p, "<div class=\"card\"><b>%ld</b>suspect <span class=\"n\">(n=%ld claims)"
		   "</span></div>\n", sus, claims);
	sb_addf(p, "<div class=\"card\"><b>%ld</b>sellers <span class=\"n\">(%ld ranked)"
		   "</span></div>\n", sellers, ranked);
	sb_adds(p, "</div>\n");
	sqlite3_finalize(st);
	return 0;
}

static int sellers_table(strbuf *p, FILE *f, const seller_set *s, long min_claims,
			 gv_error *err)
{
	size_t i;

	sb_adds(p, "<h2 id=\"sellers\">Sellers ranked</h2>\n");
	sb_addf(p, "<p>Sellers are ranked by the <em>lower end</em> of the 95%% interval of their "
		   "mislabel rate, the rate the evidence supports at the least: a seller with one "
		   "mislabelled listing out of one ranks below one with 8 out of 10. Sellers with "
		   "fewer than %ld Global Version claims are listed as <em>insufficient data</em> "
		   "and not ranked. Click a column heading to sort.</p>\n", min_claims);
	sb_adds(p, "<table class=\"sortable\" id=\"seller-table\">\n<thead><tr>"
		   "<th class=\"num\">Rank</th><th>Seller</th><th class=\"num\">Listings</th>"
		   "<th class=\"num\">Global Version claims (n)</th><th class=\"num\">Mislabelled</th>"
		   "<th class=\"num\">Suspect</th><th class=\"num\">Mislabel rate</th>"
		   "<th class=\"num\">95% interval</th><th>Change since previous run</th>"
		   "<th>Status</th></tr></thead>\n<tbody>\n");
	for (i = 0; i < s->nhead; i++) {
		const srow *r = &s->head[i];
		if (r->has_section) {
			sb_adds(p, "<tr class=\"seller-row\">");
		} else { /* the row itself is the seller's anchor */
			sb_adds(p, "<tr class=\"seller-row\" id=\"seller-");
			html_anchor(p, r->id);
			sb_adds(p, "\">");
		}
		if (r->rank > 0)
			sb_addf(p, "<td class=\"num\" data-v=\"%ld\">%ld</td>", r->rank, r->rank);
		else
			sb_adds(p, "<td class=\"num\" data-v=\"\">&ndash;</td>");
		sb_adds(p, "<td>");
		seller_link(p, r);
		put_text(p, " <span class=\"n\">", r->id);
		sb_adds(p, "</span></td>");
		sb_addf(p, "<td class=\"num\" data-v=\"%ld\">%ld</td>", r->listings, r->listings);
		sb_addf(p, "<td class=\"num\" data-v=\"%ld\">%ld</td>", r->claims, r->claims);
		sb_addf(p, "<td class=\"num\" data-v=\"%ld\">%ld</td>", r->mis, r->mis);
		sb_addf(p, "<td class=\"num\" data-v=\"%ld\">%ld</td>", r->sus, r->sus);
		if (r->has_rate) {
			sb_addf(p, "<td class=\"num\" data-v=\"%.6f\">", r->rate);
			pct(p, r->rate);
			sb_addf(p, " <span class=\"n\">(%ld/%ld)</span></td>", r->mis, r->claims);
			sb_addf(p, "<td class=\"num\" data-v=\"%.6f\">", r->lo);
			pct(p, r->lo);
			sb_adds(p, "&ndash;");
			pct(p, r->hi);
			sb_adds(p, "</td>");
		} else {
			sb_adds(p, "<td class=\"num\" data-v=\"\">&ndash;</td>"
				   "<td class=\"num\" data-v=\"\">&ndash;</td>");
		}
		if (r->has_change)
			sb_addf(p, "<td data-v=\"%.6f\">", r->change);
		else
			sb_adds(p, "<td data-v=\"\">");
		change_text(p, r);
		sb_addf(p, "</td><td class=\"%s\">",
			r->rank > 0 ? "st-ranked" : r->claims > 0 ? "st-insufficient" : "st-none");
		html_escape(p, r->status);
		sb_adds(p, "</td></tr>\n");
		if (p->len >= HTML_FLUSH_BYTES && flush_page(p, f, err) < 0)
			return -1;
	}
	sb_adds(p, "</tbody>\n</table>\n");
	if (s->n > MAX_TABLE_SELLERS)
		sb_addf(p, "<p class=\"muted\">The table shows the first %d of %zu sellers, in the "
			   "order above; sellers.csv has all of them.</p>\n", MAX_TABLE_SELLERS, s->n);
	return 0;
}

/* The chart of the first TOP_CHART ranked sellers. */
#define TOP_CHART 15
static void top_chart(strbuf *p, const srow *v, size_t n)
{
	chart_point pts[TOP_CHART];
	size_t i, k = 0;

	for (i = 0; i < n && k < TOP_CHART; i++) {
		if (v[i].rank <= 0)
			continue;
		pts[k].label = v[i].name[0] ? v[i].name : v[i].id;
		pts[k].seller_id = v[i].id;
		pts[k].rate = v[i].rate;
		pts[k].lo = v[i].lo;
		pts[k].hi = v[i].hi;
		pts[k].k = v[i].mis;
		pts[k].n = v[i].claims;
		k++;
	}
	sb_addf(p, "<h3>Top %zu ranked sellers</h3>\n", k);
	chart_sellers(p, pts, k);
}

/* Sellers whose rate moved since their previous run, and newly ranked ones:
 * the second pass over the sellers. 0, or -1 with err. */
static int changes(strbuf *p, FILE *f, sqlite3 *db, gv_error *err)
{
	sqlite3_stmt *st;
	size_t shown = 0, sections = 0;
	srow r;
	int rc;

	if (db_prepare(db, SELLERS_SQL, &st, err) < 0)
		return -1;
	sb_adds(p, "<h3>Since the previous run</h3>\n<ul>\n");
	while ((rc = seller_next(db, st, &r, &sections, err)) == 1) {
		if (r.newly_ranked || (r.has_change && (r.change > 0.0005 || r.change < -0.0005))) {
			sb_adds(p, "<li>");
			seller_link(p, &r);
			sb_adds(p, ": ");
			if (r.has_rate) {
				pct(p, r.rate);
				sb_addf(p, " mislabelled (n=%ld claims), ", r.claims);
			}
			change_text(p, &r);
			sb_adds(p, "</li>\n");
			shown++;
		}
		srow_release(&r);
		if (p->len >= HTML_FLUSH_BYTES && flush_page(p, f, err) < 0) {
			rc = -1;
			break;
		}
	}
	sqlite3_finalize(st);
	if (rc < 0)
		return -1;
	if (!shown)
		sb_adds(p, "<li class=\"muted\">No seller's rate changed and no seller newly "
			   "reached the minimum of claims (or this is the first recorded run).</li>\n");
	sb_adds(p, "</ul>\n");
	return 0;
}

/* One seller's section: figures, then its mislabelled and suspect listings
 * with the evidence behind each. */
static int seller_section(strbuf *p, sqlite3 *db, sqlite3_stmt *ls, sqlite3_stmt *es,
			  const srow *r, gv_error *err)
{
	static const char *const kinds[5] = {"bands", "model number", "reviews", "firmware",
					     "evasive replies"};
	int rc, k, shown = 0;

	sb_adds(p, "<section class=\"seller\" id=\"seller-");
	html_anchor(p, r->id);
	put_text(p, "\">\n<h3>", r->name[0] ? r->name : r->id);
	put_text(p, " <span class=\"n\">seller ", r->id);
	sb_adds(p, "</span></h3>\n<p>");
	if (r->claims > 0) {
		sb_addf(p, "%ld of %ld Global Version listings mislabelled (", r->mis, r->claims);
		pct(p, r->rate);
		sb_adds(p, ", 95% interval ");
		pct(p, r->lo);
		sb_adds(p, "&ndash;");
		pct(p, r->hi);
		sb_addf(p, ", n=%ld); %ld suspect, %ld unverified, %ld consistent. ", r->claims,
			r->sus, r->unv, r->con);
	} else {
		sb_addf(p, "No Global Version claims among its %ld listings. ", r->listings);
	}
	put_text(p, "Status: ", r->status);
	if (r->rank > 0)
		sb_addf(p, " (rank %ld)", r->rank);
	sb_adds(p, ".<br>Claims with evidence of China hardware, by kind:");
	for (k = 0; k < 5; k++)
		sb_addf(p, "%s %s %ld", k ? "," : "", kinds[k], r->ev[k]);
	sb_addf(p, " <span class=\"n\">(n=%ld claims)</span>.<br>", r->claims);
	sb_addf(p, "Review complaints: %ld of %ld reviews", r->complaints, r->reviews);
	if (r->reviews > 0) {
		sb_adds(p, " (");
		pct(p, (double)r->complaints / (double)r->reviews);
		sb_adds(p, ")");
	}
	sb_addf(p, "; evasive replies: %ld of %ld answered questions", r->evasive, r->replies);
	if (r->replies > 0) {
		sb_adds(p, " (");
		pct(p, (double)r->evasive / (double)r->replies);
		sb_adds(p, ")");
	}
	sb_adds(p, ".</p>\n");

	sqlite3_reset(ls);
	sqlite3_bind_text(ls, 1, r->id, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(ls)) == SQLITE_ROW) {
		const char *lid = (const char *)sqlite3_column_text(ls, 0);
		const char *verdict = (const char *)sqlite3_column_text(ls, 3);
		if (shown++ == 0)
			sb_adds(p, "<ul class=\"listings\">\n");
		put_text(p, "<li><span class=\"v-", verdict);
		put_text(p, "\">", verdict);
		put_col(p, "</span>: <span class=\"title\">", ls, 1, "");
		put_text(p, "</span> <span class=\"n\">listing ", lid);
		put_col(p, ", ship-to ", ls, 2, "unknown");
		sb_addf(p, ", score %.2f", sqlite3_column_double(ls, 4));
		if (sqlite3_column_text(ls, 5) && *sqlite3_column_text(ls, 5))
			put_col(p, ", lacks ", ls, 5, "");
		sb_adds(p, "</span>\n<ul class=\"ev\">\n");
		sqlite3_reset(es);
		sqlite3_bind_text(es, 1, lid, -1, SQLITE_TRANSIENT);
		while ((rc = sqlite3_step(es)) == SQLITE_ROW) {
			put_col(p, "<li><span class=\"sig\">", es, 0, "");
			put_col(p, "</span> (", es, 1, "");
			if (strcmp((const char *)sqlite3_column_text(es, 1), "listing"))
				put_col(p, " ", es, 2, "");
			sb_addf(p, ", weight %+.1f)", sqlite3_column_double(es, 4));
			if (sqlite3_column_text(es, 3)) {
				put_col(p, ": <span class=\"excerpt\">&ldquo;", es, 3, "");
				sb_adds(p, "&rdquo;</span>");
			}
			sb_adds(p, "</li>\n");
		}
		if (rc != SQLITE_DONE)
			return db_fail(db, err, "report: cannot read evidence");
		sb_adds(p, "</ul></li>\n");
	}
	if (rc != SQLITE_DONE)
		return db_fail(db, err, "report: cannot read listings");
	if (shown)
		sb_adds(p, "</ul>\n");
	if (shown >= MAX_LISTINGS_SHOWN)
		sb_addf(p, "<p class=\"muted\">First %d listings shown; evidence.csv has all.</p>\n",
			MAX_LISTINGS_SHOWN);
	sb_adds(p, "</section>\n");
	return 0;
}

static int evidence_sections(strbuf *p, FILE *f, sqlite3 *db, const seller_set *s,
			     gv_error *err)
{
	sqlite3_stmt *ls = NULL, *es = NULL;
	char sql[1024];
	size_t i;
	int ret = -1;

	sb_adds(p, "<h2 id=\"evidence\">Evidence per seller</h2>\n<p>For each seller with "
		   "mislabelled or suspect listings, those listings with the evidence behind each "
		   "verdict: what the listing itself shows, what buyers wrote, how the seller "
		   "answered. Quotes are shortened; listings.csv and evidence.csv have "
		   "everything.</p>\n");
	if (s->with_evidence > MAX_SELLER_SECTIONS)
		sb_addf(p, "<p class=\"muted\">Shown for the first %d of the %zu sellers with "
			   "mislabelled or suspect listings, in rank order.</p>\n",
			MAX_SELLER_SECTIONS, s->with_evidence);
	snprintf(sql, sizeof sql,
		 "SELECT listing_id, title, market, verdict, score, missing_bands\n"
		 "FROM v_listing_verdicts WHERE seller_id = ?1 AND claim = 'global_version'\n"
		 " AND verdict IN ('mislabelled', 'suspect')\n"
		 "ORDER BY verdict = 'suspect', score DESC, listing_id LIMIT %d",
		 MAX_LISTINGS_SHOWN);
	if (db_prepare(db, sql, &ls, err) < 0)
		goto cleanup;
	snprintf(sql, sizeof sql,
		 "SELECT signal, source, source_id, excerpt, weight FROM v_evidence\n"
		 "WHERE listing_id = ?1 ORDER BY weight DESC, signal, source_id LIMIT %d",
		 MAX_EVIDENCE_SHOWN);
	if (db_prepare(db, sql, &es, err) < 0)
		goto cleanup;
	for (i = 0; i < s->nsect; i++) {
		if (seller_section(p, db, ls, es, &s->sect[i], err) < 0)
			goto cleanup;
		if (p->len >= HTML_FLUSH_BYTES && flush_page(p, f, err) < 0)
			goto cleanup;
	}
	ret = 0;
cleanup:
	sqlite3_finalize(ls);
	sqlite3_finalize(es);
	return ret;
}

static void method(strbuf *p, const weights *w, long min_claims)
{
	size_t r;
	int c;

	sb_adds(p, "<h2 id=\"method\">Method</h2>\n"
		   "<p>Each listing's title, specifications and description are read for what it "
		   "<em>claims</em> (&ldquo;Global Version&rdquo; and its translations; an honest "
		   "&ldquo;Global ROM&rdquo; or a China version is no such claim). Then the evidence "
		   "about the <em>hardware</em> is collected: the model number (China variants end "
		   "in C), the LTE bands listed against the bands of the Global variant and the "
		   "key bands of the buyer's market, what buyers report in reviews (no 4G, a China "
		   "ROM version string) and how the seller answers questions. Each signal has a "
		   "weight; positive weights point to China hardware, negative ones to global "
		   "hardware, and a listing's score is their sum.</p>\n"
		   "<p>A listing that claims Global Version is <b>mislabelled</b> when its score "
		   "reaches the <code>mislabelled_at</code> threshold, <b>suspect</b> when it "
		   "reaches <code>suspect_at</code>, <b>consistent</b> when the evidence fits "
		   "global hardware, <b>unverified</b> otherwise. A seller's <b>mislabel rate</b> is "
		   "its mislabelled listings divided by its Global Version listings, shown with a "
		   "95% Wilson score interval: the range of true rates the sample is consistent "
		   "with. Small samples give wide intervals, which is why sellers are ranked by "
		   "the interval's lower end. ");
	sb_addf(p, "Sellers with fewer than %ld claims are not ranked.</p>\n", min_claims);
	if (!w) {
		sb_adds(p, "<p class=\"muted\">The weights and thresholds (schemas/weights.csv, "
			   "thresholds.csv) could not be read when this report was written.</p>\n");
		return;
	}
	sb_adds(p, "<h3>Signals and weights</h3>\n<table><thead><tr><th>Signal</th>"
		   "<th class=\"num\">Weight</th><th>Strength</th><th>Meaning</th></tr></thead>"
		   "<tbody>\n");
	c = refcsv_col(&w->signals, "strength");
	for (r = 0; r < w->signals.nrows; r++) {
		put_text(p, "<tr><td class=\"sig\">", refcsv_get(&w->signals, r, 0));
		sb_addf(p, "</td><td class=\"num\">%+.1f</td><td>", w->w[r]);
		html_escape(p, refcsv_get(&w->signals, r, c));
		put_text(p, "</td><td>",
			 refcsv_get(&w->signals, r, refcsv_col(&w->signals, "description")));
		sb_adds(p, "</td></tr>\n");
	}
	sb_adds(p, "</tbody></table>\n<h3>Thresholds</h3>\n<table><thead><tr><th>Name</th>"
		   "<th class=\"num\">Value</th><th>Meaning</th></tr></thead><tbody>\n");
	for (r = 0; r < w->thresholds.nrows; r++) {
		put_text(p, "<tr><td class=\"sig\">", refcsv_get(&w->thresholds, r, 0));
		sb_addf(p, "</td><td class=\"num\">%g</td><td>", w->t[r]);
		html_escape(p, refcsv_get(&w->thresholds, r,
					  refcsv_col(&w->thresholds, "description")));
		sb_adds(p, "</td></tr>\n");
	}
	sb_adds(p, "</tbody></table>\n");
}

static int inputs(strbuf *p, sqlite3 *db, gv_error *err)
{
	sqlite3_stmt *st;
	int rc, any = 0;

	sb_adds(p, "<h2 id=\"inputs\">Inputs</h2>\n<p>Every dump file offered to the database, "
		   "with its XXH3-128 fingerprint (the same bytes always give the same "
		   "fingerprint) and row counts.</p>\n");
	if (db_prepare(db,
		       "SELECT path, coalesce(kind, '?'), fingerprint, rows_read, rows_stored,\n"
		       " rows_duplicate, rows_rejected, status, reason, started_at\n"
		       "FROM ingest_files ORDER BY file_id",
		       &st, err) < 0)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (!any++)
			sb_adds(p, "<table><thead><tr><th>File</th><th>Kind</th><th>Fingerprint</th>"
				   "<th class=\"num\">Rows read</th><th class=\"num\">Stored</th>"
				   "<th class=\"num\">Duplicates</th><th class=\"num\">Rejected</th>"
				   "<th>Status</th><th>Ingested</th></tr></thead><tbody>\n");
		put_col(p, "<tr><td><code>", st, 0, "");
		put_col(p, "</code></td><td>", st, 1, "");
		put_col(p, "</td><td class=\"fp\">", st, 2, "");
		sb_addf(p, "</td><td class=\"num\">%lld</td><td class=\"num\">%lld</td>"
			   "<td class=\"num\">%lld</td><td class=\"num\">%lld</td><td>",
			(long long)sqlite3_column_int64(st, 3), (long long)sqlite3_column_int64(st, 4),
			(long long)sqlite3_column_int64(st, 5), (long long)sqlite3_column_int64(st, 6));
		put_col(p, "", st, 7, "");
		if (sqlite3_column_text(st, 8))
			put_col(p, ": ", st, 8, "");
		put_col(p, "</td><td>", st, 9, "");
		sb_adds(p, "</td></tr>\n");
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_fail(db, err, "report: cannot read ingest_files");
	sb_adds(p, any ? "</tbody></table>\n" : "<p class=\"muted\">No input files recorded.</p>\n");
	return 0;
}

int html_write(FILE *f, sqlite3 *db, const html_ctx *ctx, gv_error *err)
{
	strbuf p;
	seller_set sellers;
	char nonce[33];
	long min_claims = ctx->w ? (long)weights_threshold(ctx->w, "min_claims_ranked",
							   SELLERS_MIN_CLAIMS_DEFAULT)
			       : SELLERS_MIN_CLAIMS_DEFAULT;
	int ret = -1;

	sb_init(&p);
	memset(&sellers, 0, sizeof sellers);
	nonce_new(nonce);
	if (page_head(&p, db, ctx, nonce, err) < 0 || load_sellers(db, &sellers, err) < 0)
		goto cleanup;
	if (sellers_table(&p, f, &sellers, min_claims, err) < 0)
		goto cleanup;
	top_chart(&p, sellers.head, sellers.nhead);
	if (changes(&p, f, db, err) < 0)
		goto cleanup;
	sb_adds(&p, "<h2 id=\"markets\">Missing key bands by market</h2>\n");
	chart_markets(&p, ctx->markets);
	if (evidence_sections(&p, f, db, &sellers, err) < 0)
		goto cleanup;
	method(&p, ctx->w, min_claims);
	if (inputs(&p, db, err) < 0)
		goto cleanup;
	sb_addf(&p, "<footer class=\"muted\"><p>Written by gvaudit %s. Figures: sellers.csv, "
		    "listings.csv, evidence.csv, markets.csv beside this page.</p></footer>\n"
		    "<script nonce=\"%s\">\n%s</script>\n</body>\n</html>\n",
		GV_VERSION, nonce, SCRIPT);
	if (flush_page(&p, f, err) < 0)
		goto cleanup;
	ret = 0;
cleanup:
	seller_set_release(&sellers);
	sb_release(&p);
	return ret;
}
