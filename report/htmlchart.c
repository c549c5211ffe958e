/* htmlchart.c: see htmlchart.h. Coordinates are in SVG user units; the
 * viewBox lets the browser scale the chart to the page (and to paper). */
#include "report/htmlchart.h"

#include <stdlib.h>
#include <string.h>

#include "report/html.h"

#define LABEL_W 250  /* left column: names */
#define PLOT_X 260   /* x of 0% */
#define PLOT_W 420   /* width of 0..100% */
#define ROW_H 22
#define TOP 28       /* room for the axis labels */
#define WIDTH 820

/* Escape at most max bytes of s, cut at a UTF-8 boundary, with an ellipsis. */
static void short_text(strbuf *out, const char *s, size_t max)
{
	size_t n = strlen(s), keep;
	char *cut;

	if (n <= max) {
		html_escape(out, s);
		return;
	}
	keep = max - 1;
	while (keep > 0 && ((unsigned char)s[keep] & 0xC0) == 0x80)
		keep--;
	cut = xstrndup(s, keep);
	html_escape(out, cut);
	sb_adds(out, "\xe2\x80\xa6");
	free(cut);
}

static double xpos(double v)
{
	if (v < 0)
		v = 0;
	if (v > 1)
		v = 1;
	return PLOT_X + v * PLOT_W;
}

static void axis(strbuf *out, int height)
{
	int t;

	for (t = 0; t <= 100; t += 25) {
		double x = xpos(t / 100.0);
		sb_addf(out, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>"
			     "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d%%</text>\n",
			x, TOP - 6, x, height - 4, x, TOP - 10, t);
	}
}

void chart_sellers(strbuf *out, const chart_point *v, size_t n)
{
	int height = TOP + (int)n * ROW_H + 8;
	size_t i;

	if (n == 0) {
		sb_adds(out, "<p class=\"muted\">No seller has enough Global Version claims to be "
			     "ranked yet.</p>\n");
		return;
	}
	sb_addf(out, "<figure>\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" "
		     "width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"Mislabel rate of the "
		     "top ranked sellers with 95%% intervals\">\n",
		WIDTH, height, WIDTH, height);
	axis(out, height);
	for (i = 0; i < n; i++) {
		const chart_point *p = &v[i];
		double y = TOP + (double)i * ROW_H + ROW_H / 2.0;
		double xl = xpos(p->lo), xh = xpos(p->hi), xr = xpos(p->rate);
		sb_adds(out, "<g><title>");
		html_escape(out, p->label);
		sb_addf(out, ": %.0f%% mislabelled (%ld of %ld), 95%% interval %.0f%%-%.0f%%</title>",
			p->rate * 100, p->k, p->n, p->lo * 100, p->hi * 100);
		sb_adds(out, "<a href=\"#seller-");
		html_anchor(out, p->seller_id);
		sb_addf(out, "\"><text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">", LABEL_W,
			y + 4);
		short_text(out, p->label, 38);
		sb_adds(out, "</text></a>");
		sb_addf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#555\" "
			     "stroke-width=\"1.5\"/>",
			xl, y, xh, y);
		sb_addf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#555\"/>"
			     "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#555\"/>",
			xl, y - 5, xl, y + 5, xh, y - 5, xh, y + 5);
		sb_addf(out, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"5\" fill=\"#b00020\"/>", xr, y);
		sb_addf(out, "<text x=\"%d\" y=\"%.1f\">%.0f%% (%ld/%ld)</text></g>\n",
			PLOT_X + PLOT_W + 12, y + 4, p->rate * 100, p->k, p->n);
	}
	sb_adds(out, "</svg>\n<figcaption class=\"n\">Dot: mislabel rate (mislabelled / Global "
		     "Version claims, n after the rate). Whiskers: 95% Wilson score interval. Top "
		     "ranked sellers, in rank order.</figcaption>\n</figure>\n");
}

void chart_markets(strbuf *out, const market_summary *ms)
{
	int rows = 0, i, j, height;
	double y;

	for (i = 0; i < ms->n; i++)
		rows += 1 + ms->v[i].nbands;
	if (ms->n == 0) {
		sb_adds(out, "<p class=\"muted\">No listing has been analysed for its bands yet.</p>\n");
		return;
	}
	sb_adds(out, "<p>For each buyer market, the share of listings with a band list that "
		     "lack each of the market's key LTE bands (a phone without them gets no 4G, "
		     "or patchy 4G, on that market's networks).</p>\n");
	height = TOP + rows * ROW_H + 8;
	sb_addf(out, "<figure>\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" "
		     "width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"Share of band lists "
		     "missing each key band, per market\">\n",
		WIDTH, height, WIDTH, height);
	axis(out, height);
	y = TOP;
	for (i = 0; i < ms->n; i++) {
		const market_row *m = &ms->v[i];
		sb_addf(out, "<text x=\"4\" y=\"%.1f\" font-weight=\"bold\">", y + ROW_H / 2.0 + 4);
		short_text(out, m->market, 24);
		sb_addf(out, "</text><text x=\"%d\" y=\"%.1f\">%ld listings, %ld with a band list%s"
			     "</text>\n",
			PLOT_X, y + ROW_H / 2.0 + 4, m->listings, m->with_bands,
			m->nbands ? "" : ": no key band missing");
		y += ROW_H;
		for (j = 0; j < m->nbands; j++) {
			const market_band *b = &m->bands[j];
			double share = m->with_bands ? (double)b->missing / m->with_bands : 0;
			sb_addf(out, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">lacks %s</text>",
				LABEL_W, y + ROW_H / 2.0 + 4, b->name);
			sb_addf(out, "<rect x=\"%d\" y=\"%.1f\" width=\"%.1f\" height=\"%d\" "
				     "fill=\"#d9822b\"/>",
				PLOT_X, y + 4, xpos(share) - PLOT_X, ROW_H - 8);
			sb_addf(out, "<text x=\"%d\" y=\"%.1f\">%.0f%% (%ld/%ld)</text>\n",
				PLOT_X + PLOT_W + 12, y + ROW_H / 2.0 + 4, share * 100, b->missing,
				m->with_bands);
			y += ROW_H;
		}
	}
	sb_adds(out, "</svg>\n<figcaption class=\"n\">Bar: listings lacking the band / listings "
		     "of that market with a band list (n after the share).</figcaption>\n"
		     "</figure>\n");
	sb_adds(out, "<p class=\"n\">markets.csv has the same figures.</p>\n");
}
