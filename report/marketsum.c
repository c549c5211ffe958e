/* marketsum.c: see marketsum.h. */
#include "report/marketsum.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/db.h"
#include "common/refcsv.h"

static market_row *find_market(market_summary *ms, const char *name, int create)
{
	int i;

	for (i = 0; i < ms->n; i++)
		if (!strcmp(ms->v[i].market, name))
			return &ms->v[i];
	if (!create)
		return NULL;
	ms->v = xrealloc(ms->v, (size_t)(ms->n + 1) * sizeof *ms->v);
	memset(&ms->v[ms->n], 0, sizeof ms->v[ms->n]);
	ms->v[ms->n].market = xstrdup(name);
	return &ms->v[ms->n++];
}

static market_band *find_band(market_row *m, int num, int create)
{
	int i;

	for (i = 0; i < m->nbands; i++)
		if (m->bands[i].num == num)
			return &m->bands[i];
	if (!create)
		return NULL;
	m->bands = xrealloc(m->bands, (size_t)(m->nbands + 1) * sizeof *m->bands);
	memset(&m->bands[m->nbands], 0, sizeof m->bands[m->nbands]);
	m->bands[m->nbands].num = num;
	snprintf(m->bands[m->nbands].name, sizeof m->bands[m->nbands].name, "B%d", num);
	return &m->bands[m->nbands++];
}

/* Call fn for every band number in a list such as "B20;B28", "1,3,7" or
 * "b20 b28": any run of digits is a band. */
static void each_band(const char *s, market_row *m, long add)
{
	while (s && *s) {
		if (*s >= '0' && *s <= '9') {
			char *end;
			long num = strtol(s, &end, 10);
			if (num > 0 && num < 1000) {
				market_band *b = find_band(m, (int)num, 1);
				b->missing += add;
			}
			s = end;
		} else {
			s++;
		}
	}
}

/* Key bands from schemas/markets.csv (column key_lte_bands), if present. */
static void load_key_bands(market_summary *ms, const char *datadir)
{
	static const char *const req[] = {"market", NULL};
	refcsv t;
	gv_error err;
	size_t r;
	int cm, ck;

	if (!datadir)
		return;
	gv_error_clear(&err);
	if (refcsv_load(&t, datadir, "markets.csv", req, &err) == 0) {
		cm = refcsv_col(&t, "market");
		ck = refcsv_col(&t, "key_lte_bands");
		for (r = 0; ck >= 0 && r < t.nrows; r++) {
			market_row *m = find_market(ms, refcsv_get(&t, r, cm), 0);
			if (m) /* only markets that have listings */
				each_band(refcsv_get(&t, r, ck), m, 0);
		}
	}
	refcsv_release(&t);
}

static int cmp_band(const void *a, const void *b)
{
	return ((const market_band *)a)->num - ((const market_band *)b)->num;
}

static int cmp_market(const void *a, const void *b)
{
	return strcmp(((const market_row *)a)->market, ((const market_row *)b)->market);
}

int market_summary_load(market_summary *ms, sqlite3 *db, const char *datadir, gv_error *err)
{
	sqlite3_stmt *st;
	int rc, i;

	memset(ms, 0, sizeof *ms);
	/* In the table's own order: the figures are sums and both lists are
	 * sorted below by unique keys, so no order is needed, and by listing_id
	 * every row was a random read. */
	if (db_prepare(db,
		       "SELECT coalesce(nullif(market_group, ''), 'unknown'),\n"
		       " lte_bands IS NOT NULL AND lte_bands <> '', missing_bands\n"
		       "FROM listing_facts",
		       &st, err) < 0)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		market_row *m = find_market(ms, (const char *)sqlite3_column_text(st, 0), 1);
		m->listings++;
		if (sqlite3_column_int(st, 1)) {
			m->with_bands++;
			each_band((const char *)sqlite3_column_text(st, 2), m, 1);
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_fail(db, err, "report: cannot read listing_facts");
	load_key_bands(ms, datadir);
	/* qsort(NULL, 0, ...) is undefined (UBSan halts): a database without
	 * listings, or a market with no band list, has NULL arrays */
	if (ms->n > 1)
		qsort(ms->v, (size_t)ms->n, sizeof *ms->v, cmp_market);
	for (i = 0; i < ms->n; i++)
		if (ms->v[i].nbands > 1)
			qsort(ms->v[i].bands, (size_t)ms->v[i].nbands, sizeof *ms->v[i].bands,
			      cmp_band);
	return 0;
}

void market_summary_release(market_summary *ms)
{
	int i;

	for (i = 0; i < ms->n; i++) {
		free(ms->v[i].market);
		free(ms->v[i].bands);
	}
	free(ms->v);
	memset(ms, 0, sizeof *ms);
}
