/* report.c: see report.h. Every file is written to a temporary name first;
 * only when all of them are complete are they renamed into place, so the
 * directory holds either the previous report set or the new one per file,
 * never a truncated file. */
#include "report/report.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "analyze/sellers.h"
#include "analyze/weights.h"
#include "common/db.h"
#include "report/csvout.h"
#include "report/html.h"
#include "report/marketsum.h"
#include "report/outfile.h"

/* Run one query and hand each row to fn. 0 or -1 with err. */
typedef int (*row_fn)(sqlite3_stmt *st, void *arg);

static int each_row(sqlite3 *db, const char *sql, row_fn fn, void *arg, gv_error *err)
{
	sqlite3_stmt *st;
	int rc;

	if (db_prepare(db, sql, &st, err) < 0)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (fn(st, arg) < 0)
			break;
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(db, err, "report: cannot read results");
	return 0;
}

static const char *col_text(sqlite3_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(st, i);
}

/* One cell from column i, by its stored type: NULL empty, numbers with
 * `decimals` digits (integers as they are), text neutralised. */
static void cell(csvout *c, sqlite3_stmt *st, int i, int decimals)
{
	switch (sqlite3_column_type(st, i)) {
	case SQLITE_NULL: csv_null(c); break;
	case SQLITE_INTEGER:
		if (decimals > 0)
			csv_num(c, sqlite3_column_double(st, i), decimals);
		else
			csv_int(c, sqlite3_column_int64(st, i));
		break;
	case SQLITE_FLOAT: csv_num(c, sqlite3_column_double(st, i), decimals); break;
	default: csv_text(c, col_text(st, i)); break;
	}
}

/* A query whose columns go straight to the CSV; decimals[i] < 0 means text
 * or integer, >= 0 the digits of a real column. */
typedef struct plain_csv {
	csvout *out;
	const signed char *decimals;
	int ncols;
} plain_csv;

static int plain_row(sqlite3_stmt *st, void *arg)
{
	plain_csv *p = arg;
	int i;

	for (i = 0; i < p->ncols; i++)
		cell(p->out, st, i, p->decimals[i] < 0 ? 0 : p->decimals[i]);
	return csv_endrow(p->out);
}

static int write_plain(sqlite3 *db, FILE *f, const char *const *header, const char *sql,
		       const signed char *decimals, gv_error *err)
{
	csvout c;
	plain_csv p;
	int ret;

	csvout_init(&c, f);
	csv_header(&c, header);
	p.out = &c;
	p.decimals = decimals;
	for (p.ncols = 0; header[p.ncols]; p.ncols++)
		;
	ret = each_row(db, sql, plain_row, &p, err);
	if (ret == 0 && c.failed)
		ret = gv_error_set(err, NULL, 0, "report: write failed: %s", strerror(c.err_no));
	csvout_release(&c);
	return ret;
}

/* sellers.csv: ranked sellers first by rank, then those with too few claims,
 * then those with none, each by seller_id. */
static int write_sellers(sqlite3 *db, FILE *f, gv_error *err)
{
	static const char *const header[] = {
		"seller_id", "seller_name", "listings", "global_claims", "mislabelled", "suspect",
		"mislabel_rate", "ci_low", "ci_high",
		"status", "rank", "unverified", "consistent", "ev_bands", "ev_model",
		"ev_reviews", "ev_firmware", "ev_evasive", "reviews", "complaints",
		"complaint_rate", "replies", "evasive", "evasive_rate", "prev_rate",
		"rate_change", "newly_ranked", NULL};
	static const signed char dec[] = {-1, -1, -1, -1, -1, -1, 4, 4, 4,
					  -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
					  4, -1, -1, 4, 4, 4, -1};
	return write_plain(db, f, header,
			   "SELECT seller_id, seller_name, listings, global_claims, mislabelled,\n"
			   " suspect, mislabel_rate, ci_low, ci_high, status, rank, unverified,\n"
			   " consistent, ev_bands, ev_model, ev_reviews, ev_firmware, ev_evasive,\n"
			   " reviews, complaints, complaint_rate, replies, evasive, evasive_rate,\n"
			   " prev_rate, rate_change, newly_ranked\n"
			   "FROM v_seller_latest ORDER BY rank IS NULL, rank, global_claims = 0, seller_id",
			   dec, err);
}

/* listings.csv, by listing_id. */
static const char LISTINGS_SQL[] =
	"SELECT l.listing_id, l.seller_id, l.title, l.market, v.claim,\n"
	" v.hardware, v.verdict, v.score, v.missing_bands, v.signals,\n"
	" l.seller_name, f.market_group, f.model_number, f.lte_bands,\n"
	" l.scraped_at, l.url\n"
	"FROM listings l LEFT JOIN verdicts v ON v.listing_id = l.listing_id\n"
	"LEFT JOIN listing_facts f ON f.listing_id = l.listing_id\n"
	"ORDER BY l.listing_id";

static int write_listings(sqlite3 *db, FILE *f, gv_error *err)
{
	static const char *const header[] = {
		"listing_id", "seller_id", "title", "market", "claim", "hardware", "verdict",
		"score", "missing_bands", "signals",
		"seller_name", "market_group", "model_number", "lte_bands", "scraped_at", "url",
		NULL};
	static const signed char dec[] = {-1, -1, -1, -1, -1, -1, -1, 2, -1, -1,
					  -1, -1, -1, -1, -1, -1};
	return write_plain(db, f, header, LISTINGS_SQL, dec, err);
}

/* evidence.csv: the evidence in key order, merged with a walk of listings
 * by listing_id that gives each piece its listing's seller. v_evidence's
 * join did one lookup in listings per piece of evidence; the walk reads
 * each listing once. */
typedef struct evidence_walk {
	csvout *evidence;
	sqlite3_stmt *es;   /* the evidence, by listing_id, signal, source, source_id */
	int erc;            /* its last sqlite3_step */
	sqlite3_stmt *ks;   /* KIND_SQL */
	char **signals;     /* signals seen, sorted, and the kind of each */
	char **kinds;
	size_t nkinds;
	int kind_failed;    /* KIND_SQL found no row */
} evidence_walk;

static const char EVIDENCE_SQL[] =
	"SELECT listing_id, signal, source, source_id, excerpt, weight\n"
	"FROM evidence ORDER BY listing_id, signal, source, source_id";

static const char SELLERS_OF_LISTINGS_SQL[] =
	"SELECT listing_id, seller_id FROM listings ORDER BY listing_id";

/* A piece of evidence's kind, from v_evidence (its one definition) by the
 * evidence key. The kind depends on the signal alone, so it is asked once
 * per signal: computing it for every row (a CASE of LIKEs) cost a third of
 * reading the evidence. */
static const char KIND_SQL[] =
	"SELECT kind FROM v_evidence WHERE listing_id = ?1 AND signal = ?2 AND source = ?3\n"
	" AND source_id = ?4";

/* The kind of the evidence row in w->es; NULL (and kind_failed) if
 * v_evidence does not give one. */
static const char *kind_of(evidence_walk *w)
{
	const char *sig = col_text(w->es, 1), *kind;
	size_t lo = 0, hi = w->nkinds, mid;
	int c, i;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		c = strcmp(sig, w->signals[mid]);
		if (c == 0)
			return w->kinds[mid];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	sqlite3_reset(w->ks);
	for (i = 0; i < 4; i++)
		sqlite3_bind_value(w->ks, i + 1, sqlite3_column_value(w->es, i));
	if (sqlite3_step(w->ks) != SQLITE_ROW || !(kind = col_text(w->ks, 0))) {
		w->kind_failed = 1;
		return NULL;
	}
	w->signals = xrealloc(w->signals, (w->nkinds + 1) * sizeof *w->signals);
	w->kinds = xrealloc(w->kinds, (w->nkinds + 1) * sizeof *w->kinds);
	memmove(w->signals + lo + 1, w->signals + lo, (w->nkinds - lo) * sizeof *w->signals);
	memmove(w->kinds + lo + 1, w->kinds + lo, (w->nkinds - lo) * sizeof *w->kinds);
	w->signals[lo] = xstrdup(sig);
	w->kinds[lo] = xstrdup(kind);
	w->nkinds++;
	return w->kinds[lo];
}

/* The evidence rows up to listing lid (NULL: all that are left); those of
 * lid itself get the seller in column 1 of ls, the others (evidence of a
 * listing no longer stored) none. Both walks are in BINARY collation
 * order, which strcmp follows. */
static void evidence_until(evidence_walk *w, const char *lid, sqlite3_stmt *ls)
{
	static const signed char dec[] = {0, 0, 0, 0, 0, 2};
	const char *kind;
	int c, i;

	while (w->erc == SQLITE_ROW) {
		c = lid ? strcmp(col_text(w->es, 0), lid) : -1;
		if (c > 0)
			return;
		for (i = 0; i < 6; i++)
			cell(w->evidence, w->es, i, dec[i]);
		if ((kind = kind_of(w)) != NULL)
			csv_text(w->evidence, kind);
		else
			csv_null(w->evidence);
		if (c == 0)
			cell(w->evidence, ls, 1, 0);
		else
			csv_null(w->evidence);
		csv_endrow(w->evidence);
		w->erc = sqlite3_step(w->es);
	}
}

static int evidence_of_listing(sqlite3_stmt *st, void *arg)
{
	evidence_walk *w = arg;

	evidence_until(w, col_text(st, 0), st);
	return w->evidence->failed || w->kind_failed ? -1 : 0;
}

static int write_evidence(sqlite3 *db, FILE *f, gv_error *err)
{
	static const char *const header[] = {"listing_id", "signal", "source", "source_id",
					     "excerpt", "weight", "kind", "seller_id", NULL};
	csvout ec;
	evidence_walk w;
	size_t i;
	int ret = -1;

	memset(&w, 0, sizeof w);
	csvout_init(&ec, f);
	if (db_prepare(db, EVIDENCE_SQL, &w.es, err) < 0 || db_prepare(db, KIND_SQL, &w.ks, err) < 0)
		goto cleanup;
	csv_header(&ec, header);
	w.evidence = &ec;
	w.erc = sqlite3_step(w.es);
	ret = each_row(db, SELLERS_OF_LISTINGS_SQL, evidence_of_listing, &w, err);
	if (ret == 0)
		evidence_until(&w, NULL, NULL);
	if (ret == 0 && w.kind_failed)
		ret = gv_error_set(err, NULL, 0, "report: v_evidence has no kind for a piece of evidence");
	if (ret == 0 && w.erc != SQLITE_DONE && !ec.failed)
		ret = db_fail(db, err, "report: cannot read evidence");
	if (ret == 0 && ec.failed)
		ret = gv_error_set(err, NULL, 0, "report: write failed: %s", strerror(ec.err_no));
cleanup:
	sqlite3_finalize(w.es);
	sqlite3_finalize(w.ks);
	for (i = 0; i < w.nkinds; i++) {
		free(w.signals[i]);
		free(w.kinds[i]);
	}
	free(w.signals);
	free(w.kinds);
	csvout_release(&ec);
	return ret;
}

/* evidence.csv, the largest file, on a thread of its own with its own
 * read-only connection, while the caller writes the others: the walks
 * share only listings' index, and both spend most of their time
 * formatting. The run holds the writer lock (db.h), so both connections
 * read the same committed database. GVAUDIT_REPORT_THREADS=1 writes it on
 * the caller's thread instead (tests/e2e/report_threads.sh compares the
 * two). */
typedef struct evidence_job {
	const char *path;
	FILE *f;
	int ret;
	gv_error err;
} evidence_job;

static void *evidence_thread(void *arg)
{
	evidence_job *j = arg;
	sqlite3 *db = NULL;

	j->ret = db_open_readonly(j->path, &db, &j->err);
	if (j->ret == 0)
		j->ret = write_evidence(db, j->f, &j->err);
	sqlite3_close(db);
	return NULL;
}

/* 1 when evidence.csv may have its own thread. */
static int evidence_threaded(const char *path)
{
	return path && *path && !env_is_one("GVAUDIT_REPORT_THREADS");
}

/* markets.csv, one row per market and key band. */
static int write_markets(const market_summary *ms, FILE *f, gv_error *err)
{
	static const char *const header[] = {"market", "listings", "with_band_list", "band",
					     "missing", "share_missing", NULL};
	csvout c;
	int i, j, ret = 0;

	csvout_init(&c, f);
	csv_header(&c, header);
	for (i = 0; i < ms->n; i++) {
		const market_row *m = &ms->v[i];
		for (j = 0; j < m->nbands || (j == 0 && m->nbands == 0); j++) {
			csv_text(&c, m->market);
			csv_int(&c, m->listings);
			csv_int(&c, m->with_bands);
			if (m->nbands == 0) {
				csv_null(&c);
				csv_null(&c);
				csv_null(&c);
			} else {
				csv_text(&c, m->bands[j].name);
				csv_int(&c, m->bands[j].missing);
				if (m->with_bands > 0)
					csv_num(&c, (double)m->bands[j].missing / m->with_bands, 4);
				else
					csv_null(&c);
			}
			csv_endrow(&c);
		}
	}
	if (c.failed)
		ret = gv_error_set(err, NULL, 0, "report: write failed: %s", strerror(c.err_no));
	csvout_release(&c);
	return ret;
}

/* seller_stats is stale when verdicts are newer (or it is empty while
 * verdicts exist): an analysis that did not reach sellers_update, or
 * verdicts loaded by hand. Recompute it then, in its own transaction. */
static int refresh_sellers(sqlite3 *db, const weights *w, long long run_id, gv_error *err)
{
	sqlite3_stmt *st;
	int stale = 0;

	if (db_prepare(db,
		       "SELECT EXISTS (SELECT 1 FROM verdicts) AND (NOT EXISTS (SELECT 1 FROM\n"
		       " seller_stats) OR (SELECT max(analyzed_at) FROM verdicts) >\n"
		       " (SELECT max(computed_at) FROM seller_stats))",
		       &st, err) < 0)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		stale = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (!stale)
		return 0;
	if (db_begin(db, err) < 0)
		return -1;
	if (sellers_update(db, w, run_id, err) < 0 || db_commit(db, err) < 0) {
		db_rollback(db);
		return -1;
	}
	return 0;
}

enum { F_LISTINGS, F_SELLERS, F_EVIDENCE, F_MARKETS, F_HTML, NFILES };
static const char *const file_names[NFILES] = {"listings.csv", "sellers.csv", "evidence.csv",
					       "markets.csv", "report.html"};

int report_write(sqlite3 *db, const report_opts *o, gv_error *err)
{
	outfile out[NFILES];
	weights w;
	market_summary ms;
	html_ctx hc;
	evidence_job ev;
	pthread_t ev_thread;
	int i, have_weights = 0, threaded = 0, written, ret = -1;

	memset(out, 0, sizeof out);
	memset(&ms, 0, sizeof ms);
	if (o->datadir) {
		gv_error werr; /* without weights the page says so; not fatal */
		gv_error_clear(&werr);
		if (weights_load(&w, o->datadir, &werr) == 0)
			have_weights = 1;
		else
			weights_release(&w);
	}
	if (refresh_sellers(db, have_weights ? &w : NULL, o->run_id, err) < 0)
		goto cleanup;
	if (outfile_mkdirs(o->outdir, err) < 0)
		goto cleanup;
	for (i = 0; i < NFILES; i++)
		if (outfile_open(&out[i], o->outdir, file_names[i], err) < 0)
			goto cleanup;
	ev.path = sqlite3_db_filename(db, "main");
	ev.f = out[F_EVIDENCE].f;
	gv_error_clear(&ev.err);
	threaded = evidence_threaded(ev.path) &&
		   pthread_create(&ev_thread, NULL, evidence_thread, &ev) == 0;
	memset(&hc, 0, sizeof hc);
	hc.run_id = o->run_id;
	hc.w = have_weights ? &w : NULL;
	hc.markets = &ms;
	written = market_summary_load(&ms, db, o->datadir, err) == 0 &&
		  write_listings(db, out[F_LISTINGS].f, err) == 0 &&
		  (threaded || write_evidence(db, out[F_EVIDENCE].f, err) == 0) &&
		  write_sellers(db, out[F_SELLERS].f, err) == 0 &&
		  write_markets(&ms, out[F_MARKETS].f, err) == 0 &&
		  html_write(out[F_HTML].f, db, &hc, err) == 0;
	if (threaded) { /* always joined: it writes into out[F_EVIDENCE] */
		pthread_join(ev_thread, NULL);
		if (written && ev.ret < 0) {
			*err = ev.err;
			written = 0;
		}
	}
	if (!written)
		goto cleanup;
	for (i = 0; i < NFILES; i++)
		if (outfile_close(&out[i], err) < 0)
			goto cleanup;
	for (i = 0; i < NFILES; i++)
		if (outfile_commit(&out[i], err) < 0)
			goto cleanup;
	outfile_sync_dir(o->outdir);
	ret = 0;
cleanup:
	for (i = 0; i < NFILES; i++)
		outfile_release(&out[i]);
	market_summary_release(&ms);
	if (have_weights)
		weights_release(&w);
	return ret;
}
