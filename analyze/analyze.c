/* analyze.c: see analyze.h. The driver: one transaction; reference data
 * loaded once; per dirty listing claim, bands, market, registry, listing
 * signals, review and Q&A evidence, score; rows replaced; seller figures
 * recomputed at the end. The per-listing work that needs no database
 * (analyze/listing_job.h) runs a few listings ahead on a second thread;
 * every SQL statement stays on the caller's thread. */
#include "analyze/analyze.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <xxhash.h>

#include "analyze/bands.h"
#include "analyze/claim.h"
#include "analyze/evidence.h"
#include "analyze/jobspool.h"
#include "analyze/listing_job.h"
#include "analyze/listing_signals.h"
#include "analyze/lookahead.h"
#include "analyze/markets.h"
#include "analyze/price.h"
#include "analyze/price_refresh.h"
#include "analyze/registry.h"
#include "analyze/score.h"
#include "analyze/sellers.h"
#include "analyze/textsig.h"
#include "analyze/weights.h"
#include "common/db.h"
#include "common/log.h"
#include "common/memlog.h"
#include "common/paths.h"

/* Bump when the analysis code changes what it derives from the same
 * inputs: stored verdicts are then recomputed like after a data change. */
#define ANALYZE_LOGIC "analyze-logic-1"
#define META_FINGERPRINT "analyze_fingerprint"
#define META_PRICE_KEYS "price_keys" /* '1': listing_prices covers every listing (schema 015) */
#define NJOBS 32 /* listings read ahead of the one being stored (analyze/lookahead.h) */

typedef struct ctx {
	sqlite3 *db;
	weights w;
	markets mk;
	registry *reg;
	textsig *ts;
	const char *run_at;
	long long run_id;
	sqlite3_stmt *qa, *del_ev, *ins_ev, *ins_facts, *ins_verdict;
	sqlite3_stmt *n_rev; /* a listing's reviews, for its counts (schemas/016) */
	sqlite3_stmt *ins_price; /* listing_prices, during build_prices */
	job_spool *spool;   /* the price pass's band lists, or NULL */
	price_ref *prices;  /* NULL when nothing is dirty */
	listing_ref ref;    /* what the jobs read: the tables above */
	int threads;        /* lookahead_threads() */
	analyze_totals *t;
	long long done, total; /* listings analysed, to analyse (progress) */
	evidence_list ev;
	strbuf sb;
} ctx;

/* Hash a reference file's bytes into st (markets.h has no fingerprint of
 * its own). A missing file hashes as empty: markets_load reports it. */
static void hash_file(XXH3_state_t *st, const char *dir, const char *name)
{
	char path[4096], buf[8192];
	FILE *f;
	size_t n;

	paths_join(path, sizeof path, dir, name);
	XXH3_128bits_update(st, name, strlen(name) + 1);
	f = fopen(path, "rb");
	if (!f)
		return;
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		XXH3_128bits_update(st, buf, n);
	fclose(f);
}

static void fingerprint(const ctx *c, const char *datadir, char out[33])
{
	XXH3_state_t *st = XXH3_createState();
	XXH128_hash_t h;
	char wf[33];

	XXH3_128bits_reset(st);
	XXH3_128bits_update(st, ANALYZE_LOGIC, sizeof ANALYZE_LOGIC);
	weights_fingerprint(&c->w, wf);
	XXH3_128bits_update(st, wf, 32);
	hash_file(st, datadir, "markets.csv");
	XXH3_128bits_update(st, registry_fingerprint(c->reg), 32);
	XXH3_128bits_update(st, textsig_fingerprint(c->ts), strlen(textsig_fingerprint(c->ts)));
	h = XXH3_128bits_digest(st);
	XXH3_freeState(st);
	snprintf(out, 33, "%016llx%016llx", (unsigned long long)h.high64,
		 (unsigned long long)h.low64);
}

static const char *col(sqlite3_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(st, i);
}

/* Signals named in the evidence, sorted, distinct, ';'-separated. */
static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void signal_list(const evidence_list *ev, strbuf *sb)
{
	const char **names = xmalloc((ev->n + 1) * sizeof *names);
	size_t i, n = 0;

	for (i = 0; i < ev->n; i++)
		names[n++] = ev->v[i].signal;
	qsort(names, n, sizeof *names, cmp_str);
	sb_reset(sb);
	for (i = 0; i < n; i++)
		if (i == 0 || strcmp(names[i], names[i - 1]))
			sb_addf(sb, "%s%s", sb->len ? ";" : "", names[i]);
	free(names);
}

/* The statements here have every parameter bound again before each step,
 * and what they point to (the job, the evidence list, c->sb, c->run_at,
 * static names) outlives that step: bound by db_bind_view, not copied
 * (about 50 strings per listing on the thread that does the SQL). */
static int bind_view(sqlite3_stmt *st, int idx, const char *s)
{
	return db_bind_view(st, idx, s, -1);
}

static int bind_or_null(sqlite3_stmt *st, int idx, const char *s)
{
	return s && *s ? bind_view(st, idx, s) : sqlite3_bind_null(st, idx);
}

/* The listing's Q&A replies: those that state a model number or a band
 * list become evidence, and the replies (a non-blank answer) and the
 * evasive ones among them are counted for its verdict row (schemas/016),
 * as seller_stats defines them: one query serves both. */
typedef struct qa_counts {
	long long replies, evasive;
} qa_counts;

static int qa_signals(ctx *c, const char *listing_id, const device_bands *dev, qa_counts *n,
		      gv_error *err)
{
	int rc;

	n->replies = n->evasive = 0;
	sqlite3_reset(c->qa);
	bind_view(c->qa, 1, listing_id);
	while ((rc = sqlite3_step(c->qa)) == SQLITE_ROW) {
		listing_qa_signals(c->reg, &c->w, col(c->qa, 0), col(c->qa, 1), dev, &c->ev);
		if (sqlite3_column_int(c->qa, 2)) {
			n->replies++;
			n->evasive += sqlite3_column_int(c->qa, 3);
		}
	}
	if (rc != SQLITE_DONE)
		return db_fail(c->db, err, "reading q&a");
	return 0;
}

typedef int (*use_fn)(ctx *c, listing_job *j, gv_error *err);

/* The dirty listings with LISTING_JOB_COLUMNS, in listing_id order, the
 * order both passes write in and the job spool is kept in. CROSS JOIN
 * keeps dirty_listings the outer loop: left to itself, SQLite walks every
 * listing and probes the queue (three times slower for night 2's price
 * pass at scale 1). */
#define DIRTY_JOBS "SELECT " LISTING_JOB_COLUMNS " FROM dirty_listings d " \
		   "CROSS JOIN listings l ON l.listing_id = d.listing_id "
#define DIRTY_ORDER " ORDER BY d.listing_id"

/* Run fn over the rows of st (LISTING_JOB_COLUMNS) a few rows ahead
 * (analyze/lookahead.h) and hand each job to use, in row order. The rows
 * read ahead are not written by use (it writes other tables), so reading
 * them early reads the same rows. A job whose listing from kept gets its
 * packed band list from there (job_spool_take). 0, or -1 with err
 * filled. */
static int each_listing(ctx *c, sqlite3_stmt *st, job_spool *from, lookahead_fn fn, use_fn use,
			const char *what, gv_error *err)
{
	listing_job *jobs = xmalloc(NJOBS * sizeof *jobs), *j;
	lookahead *q;
	int i, step = SQLITE_ROW, ret = -1;
	long done = 0;

	for (i = 0; i < NJOBS; i++)
		listing_job_init(&jobs[i]);
	q = lookahead_new(c->threads, jobs, NJOBS, sizeof *jobs, fn, &c->ref);
	for (;;) {
		while (step == SQLITE_ROW && (j = lookahead_slot(q))) {
			if ((step = sqlite3_step(st)) != SQLITE_ROW)
				break;
			listing_job_read(j, st);
			job_spool_take(from, j);
			lookahead_push(q);
		}
		if (!(j = lookahead_head(q)))
			break;
		if (use(c, j, err) < 0)
			goto cleanup;
		lookahead_drop(q);
		if (++done % 16384 == 0)
			memlog(what);
	}
	if (step != SQLITE_DONE) {
		db_fail(c->db, err, what);
		goto cleanup;
	}
	ret = 0;
cleanup:
	lookahead_free(q); /* stops the helper before its jobs go */
	for (i = 0; i < NJOBS; i++)
		listing_job_release(&jobs[i]);
	free(jobs);
	return ret;
}

/* One listing of the price pass: its band list kept for the listing
 * phase, its key, when it is a reference. */
static int store_price_key(ctx *c, listing_job *j, gv_error *err)
{
	sqlite3_stmt *ins = c->ins_price;

	job_spool_put(c->spool, j);
	if (!j->key[0])
		return 0;
	sqlite3_reset(ins);
	bind_view(ins, 1, j->in.listing_id);
	bind_view(ins, 2, j->key);
	sqlite3_bind_double(ins, 3, j->price);
	sqlite3_bind_int(ins, 4, j->reference);
	if (sqlite3_step(ins) != SQLITE_DONE)
		return db_fail(c->db, err, "writing listing_prices");
	return 0;
}

/* 1 when listing_prices holds the key of every priced listing
 * (build_prices has run on every listing since schema 015), else 0. */
static int price_keys_current(sqlite3 *db)
{
	char *done = db_meta_get(db, META_PRICE_KEYS);
	int yes = done && strcmp(done, "1") == 0;

	free(done);
	return yes;
}

/* The price reference: every priced listing whose own text shows no China
 * hardware, by device, memory and currency (analyze/price.h). Each priced
 * listing's key is kept in listing_prices (schemas/007, 015), with whether
 * it is a reference: only the dirty listings are worked out again (every
 * listing is dirty when all is set, and the table is emptied first), then
 * the reference is read back from the table, sorted by key and price,
 * keeping only each key's median and count. Each listing's band list is
 * kept in c->spool for the listing phase. */
static int build_prices(ctx *c, int all, gv_error *err)
{
	sqlite3_stmt *st = NULL;
	int rc, ret = -1;

	c->prices = price_ref_new();
	c->spool = job_spool_new(sqlite3_db_filename(c->db, "main"));
	if (db_exec(c->db, all ? "DELETE FROM listing_prices"
			       : "DELETE FROM listing_prices WHERE listing_id IN "
				 "(SELECT listing_id FROM dirty_listings)", err) < 0 ||
	    db_prepare(c->db, DIRTY_JOBS "WHERE l.price > 0 AND l.currency IS NOT NULL" DIRTY_ORDER,
		       &st, err) < 0 ||
	    db_prepare(c->db, "INSERT INTO listing_prices(listing_id, key, price, reference) "
			      "VALUES (?1, ?2, ?3, ?4)", &c->ins_price, err) < 0 ||
	    each_listing(c, st, NULL, listing_job_price, store_price_key, "reading prices", err) < 0)
		goto cleanup;
	sqlite3_finalize(st);
	st = NULL;
	job_spool_rewind(c->spool);
	/* Sorted by SQLite (bounded memory, spills to disk), not in memory here. */
	if (db_prepare(c->db, "SELECT key, price FROM listing_prices WHERE reference "
			      "ORDER BY key, price", &st, err) < 0)
		goto cleanup;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (price_ref_add(c->prices, col(st, 0), sqlite3_column_double(st, 1)) < 0) {
			gv_error_set(err, NULL, 0, "listing_prices: key '%s' read out of order", col(st, 0));
			goto cleanup;
		}
	if (rc != SQLITE_DONE) {
		db_fail(c->db, err, "reading listing_prices");
		goto cleanup;
	}
	price_ref_finish(c->prices);
	c->ref.prices = c->prices;
	if (all && db_meta_set(c->db, META_PRICE_KEYS, "1", err) < 0)
		goto cleanup;
	ret = 0;
cleanup:
	sqlite3_finalize(st);
	sqlite3_finalize(c->ins_price);
	c->ins_price = NULL;
	return ret;
}

/* The seller figures after an analysis that re-analysed `analysed`
 * listings. None: every seller's figures are what they were (they are sums over the
 * listings' verdicts and counts, and a change of weights re-analyses every
 * listing), so no history step is recorded and the last analysis stays the
 * latest. A night that brought nothing new then reports the change since
 * the night before, as its predecessor did, and a run killed after its
 * analysis committed, run again, reports what it would have reported
 * (tests/suites/fault_kill.sh compares sellers.csv whole). */
static int sellers_refresh(sqlite3 *db, const weights *w, long long run_id, long long analysed,
			   gv_error *err)
{
	if (analysed > 0)
		return sellers_update(db, w, run_id, err);
	log_info("sellers: unchanged (no listing re-analysed)");
	return 0;
}

/* c->total: the listings queued for analysis. 0, or -1 with err filled. */
static int count_dirty(ctx *c, gv_error *err)
{
	sqlite3_stmt *st;

	if (db_prepare(c->db, "SELECT count(*) FROM dirty_listings", &st, err) < 0)
		return -1;
	c->total = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	return 0;
}

/* One entry per (signal, source, source id), as the evidence table keys it,
 * so the score is the sum of the rows a reader sees. */
static void dedupe(evidence_list *ev)
{
	size_t i, j, n = 0;

	for (i = 0; i < ev->n; i++) {
		evidence *e = &ev->v[i];
		int dup = 0;
		for (j = 0; j < n && !dup; j++)
			dup = ev->v[j].source == e->source && !strcmp(ev->v[j].signal, e->signal) &&
			      !strcmp(ev->v[j].source_id, e->source_id);
		if (dup) {
			free(e->signal);
			free(e->source_id);
			free(e->excerpt);
		} else {
			ev->v[n++] = *e;
		}
	}
	ev->n = n;
}

/* 1 when ev holds evidence of kind k (v_evidence's CASE, schemas/005:
 * LIKE is case-insensitive for ASCII) pointing to China hardware. */
enum { K_BANDS, K_MODEL, K_REVIEWS, K_FIRMWARE, K_EVASIVE, K_N };

static int evidence_kind(const char *sig)
{
	if (!strncasecmp(sig, "listing_bands_", 14))
		return K_BANDS;
	if (!strncasecmp(sig, "listing_model_", 14))
		return K_MODEL;
	if (!strncasecmp(sig, "review_network", 14) || !strcmp(sig, "review_not_genuine"))
		return K_REVIEWS;
	if (!strcmp(sig, "review_firmware_cn"))
		return K_FIRMWARE;
	if (!strcmp(sig, "qa_evasive"))
		return K_EVASIVE;
	return -1;
}

/* A listing's counts, stored in its verdict row (schemas/016): what
 * sellers_update sums per seller instead of re-reading every review.
 * Reviews are counted from the reviews table (covering index); complaints
 * from the class rows the evidence just read (every review is classified
 * by now, textsig_classify_pending); replies and evasive ones from the Q&A
 * query (qa_signals); the kinds from the evidence stored. */
typedef struct verdict_counts {
	long long reviews, complaints, replies, evasive;
	int kinds[K_N];
} verdict_counts;

static int count_listing(ctx *c, const char *listing_id, const textsig_counts *tc,
			 const qa_counts *qn, verdict_counts *n, gv_error *err)
{
	size_t i;
	int k;

	memset(n, 0, sizeof *n);
	sqlite3_reset(c->n_rev);
	bind_view(c->n_rev, 1, listing_id);
	if (sqlite3_step(c->n_rev) != SQLITE_ROW)
		return db_fail(c->db, err, "counting reviews");
	n->reviews = sqlite3_column_int64(c->n_rev, 0);
	sqlite3_reset(c->n_rev);
	n->complaints = tc->complaints;
	n->replies = qn->replies;
	n->evasive = qn->evasive;
	for (i = 0; i < c->ev.n; i++)
		if (c->ev.v[i].weight > 0 && (k = evidence_kind(c->ev.v[i].signal)) >= 0)
			n->kinds[k] = 1;
	return 0;
}

/* The listing's row of listing_facts: what was read from its text. */
static int store_facts(ctx *c, const listing_job *j, gv_error *err)
{
	const listing_found *found = &j->found;

	sqlite3_reset(c->ins_facts);
	bind_view(c->ins_facts, 1, j->in.listing_id);
	bind_view(c->ins_facts, 2, claim_name(j->cl.kind));
	bind_or_null(c->ins_facts, 3, j->cl.excerpt);
	bind_or_null(c->ins_facts, 4, found->model.number);
	bind_or_null(c->ins_facts, 5, found->model.region);
	bind_or_null(c->ins_facts, 6, found->device ? found->device->name : found->model.device);
	bind_or_null(c->ins_facts, 7, j->lte);
	bind_or_null(c->ins_facts, 8, j->nr);
	bind_view(c->ins_facts, 9, bands_confidence_name(j->b.confidence));
	bind_or_null(c->ins_facts, 10, j->in.market);
	bind_or_null(c->ins_facts, 11, j->mk ? j->mk->code : NULL);
	bind_view(c->ins_facts, 12, compat_name(j->g));
	bind_or_null(c->ins_facts, 13, j->missing.buf);
	bind_or_null(c->ins_facts, 14, found->cert);
	if (!j->has_price)
		sqlite3_bind_null(c->ins_facts, 15);
	else
		sqlite3_bind_double(c->ins_facts, 15, j->price);
	bind_or_null(c->ins_facts, 16, j->currency);
	if (sqlite3_step(c->ins_facts) != SQLITE_DONE)
		return db_fail(c->db, err, "writing listing_facts");
	return 0;
}

/* The evidence rows (replacing the listing's old ones) and the verdict
 * with its counts. */
static int store_verdict(ctx *c, const listing_job *j, const score_result *sr,
			 const verdict_counts *n, gv_error *err)
{
	size_t i;
	int k;

	sqlite3_reset(c->del_ev);
	bind_view(c->del_ev, 1, j->in.listing_id);
	if (sqlite3_step(c->del_ev) != SQLITE_DONE)
		return db_fail(c->db, err, "deleting old evidence");
	for (i = 0; i < c->ev.n; i++) {
		const evidence *e = &c->ev.v[i];
		sqlite3_reset(c->ins_ev);
		bind_view(c->ins_ev, 1, j->in.listing_id);
		bind_view(c->ins_ev, 2, e->signal);
		bind_view(c->ins_ev, 3, evidence_source_name(e->source));
		bind_view(c->ins_ev, 4, e->source_id);
		bind_view(c->ins_ev, 5, e->excerpt);
		sqlite3_bind_double(c->ins_ev, 6, e->weight);
		if (sqlite3_step(c->ins_ev) != SQLITE_DONE)
			return db_fail(c->db, err, "writing evidence");
	}
	if (store_facts(c, j, err) < 0)
		return -1;
	signal_list(&c->ev, &c->sb);
	sqlite3_reset(c->ins_verdict);
	bind_view(c->ins_verdict, 1, j->in.listing_id);
	bind_view(c->ins_verdict, 2, j->seller_id);
	bind_view(c->ins_verdict, 3, claim_name(j->cl.kind));
	bind_view(c->ins_verdict, 4, hardware_name(sr->hardware));
	bind_view(c->ins_verdict, 5, verdict_name(sr->verdict));
	sqlite3_bind_double(c->ins_verdict, 6, sr->score);
	/* Published missing bands only where the market's key bands are the
	 * authoritative seed table (schemas/SOURCES.md, "Basis"). */
	bind_or_null(c->ins_verdict, 7, j->mk && j->mk->seed ? j->missing.buf : NULL);
	bind_or_null(c->ins_verdict, 8, c->sb.buf);
	if (c->run_id > 0)
		sqlite3_bind_int64(c->ins_verdict, 9, c->run_id);
	else
		sqlite3_bind_null(c->ins_verdict, 9);
	bind_view(c->ins_verdict, 10, c->run_at);
	sqlite3_bind_int64(c->ins_verdict, 11, n->reviews);
	sqlite3_bind_int64(c->ins_verdict, 12, n->complaints);
	sqlite3_bind_int64(c->ins_verdict, 13, n->replies);
	sqlite3_bind_int64(c->ins_verdict, 14, n->evasive);
	for (k = 0; k < K_N; k++)
		sqlite3_bind_int(c->ins_verdict, 15 + k, n->kinds[k]);
	if (sqlite3_step(c->ins_verdict) != SQLITE_DONE)
		return db_fail(c->db, err, "writing verdicts");
	return 0;
}

/* One listing of the analysis: its job holds what needs no database (the
 * listing's own evidence first); the SQL here adds the Q&A and review
 * evidence, scores and stores. */
static int analyze_listing(ctx *c, listing_job *j, gv_error *err)
{
	evidence_list own = j->ev;
	score_result sr;
	textsig_counts tc;
	qa_counts qn;
	verdict_counts n;

	j->ev = c->ev; /* swap: the job gets the emptied list back */
	c->ev = own;
	if (qa_signals(c, j->in.listing_id, j->found.device, &qn, err) < 0 ||
	    textsig_listing_evidence(c->db, c->ts, &c->w, j->in.listing_id, j->in.market,
				     j->found.lacks_key, &c->ev, &tc, err) < 0)
		return -1;
	dedupe(&c->ev);
	if (count_listing(c, j->in.listing_id, &tc, &qn, &n, err) < 0) /* after dedupe: the rows stored */
		return -1;
	score_listing(&c->w, j->cl.kind, j->cl.says_china, &c->ev, &sr);
	if (store_verdict(c, j, &sr, &n, err) < 0)
		return -1;
	c->t->listings++;
	c->t->mislabelled += sr.verdict == VERDICT_MISLABELLED;
	c->t->suspect += sr.verdict == VERDICT_SUSPECT;
	if (++c->done % 1024 == 0)
		progress_update("analyze", (double)c->done, (double)c->total);
	return 0;
}

static int prepare_all(ctx *c, gv_error *err)
{
	if (db_prepare(c->db, ANALYZE_QA_SQL, &c->qa, err) < 0 ||
	    db_prepare(c->db, "DELETE FROM evidence WHERE listing_id = ?1", &c->del_ev, err) < 0 ||
	    db_prepare(c->db, "INSERT OR IGNORE INTO evidence(listing_id, signal, source, source_id, "
			      "excerpt, weight) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", &c->ins_ev, err) < 0 ||
	    db_prepare(c->db, "INSERT OR REPLACE INTO listing_facts(listing_id, claim, claim_excerpt, "
			      "model_number, model_region, device, lte_bands, nr_bands, band_parse, market, "
			      "market_group, compat, missing_bands, cert, price, currency) VALUES (?1, ?2, "
			      "?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
		       &c->ins_facts, err) < 0 ||
	    db_prepare(c->db, "INSERT OR REPLACE INTO verdicts(listing_id, seller_id, claim, hardware, "
			      "verdict, score, missing_bands, signals, run_id, analyzed_at, reviews, "
			      "complaints, replies, evasive, ev_bands, ev_model, ev_reviews, ev_firmware, "
			      "ev_evasive) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
			      "?14, ?15, ?16, ?17, ?18, ?19)", &c->ins_verdict, err) < 0 ||
	    db_prepare(c->db, "SELECT count(*) FROM reviews WHERE listing_id = ?1", &c->n_rev, err) < 0)
		return -1;
	return 0;
}

static void finalize_all(ctx *c)
{
	sqlite3_finalize(c->qa);
	sqlite3_finalize(c->del_ev);
	sqlite3_finalize(c->ins_ev);
	sqlite3_finalize(c->ins_facts);
	sqlite3_finalize(c->ins_verdict);
	sqlite3_finalize(c->n_rev);
	c->qa = c->del_ev = c->ins_ev = c->ins_facts = c->ins_verdict = c->n_rev = NULL;
	if (c->ts)
		textsig_finalize(c->ts);
}

int analyze_run(sqlite3 *db, const analyze_opts *o, analyze_totals *t, gv_error *err)
{
	ctx c;
	sqlite3_stmt *ls = NULL;
	char fp[33], now[32];
	char *old = NULL;
	int rc = -1, in_tx = 0, full, keys;

	memset(&c, 0, sizeof c);
	memset(t, 0, sizeof *t);
	c.db = db;
	c.run_id = o->run_id;
	utc_now_iso(now, sizeof now);
	c.run_at = now;
	c.t = t;
	c.threads = lookahead_threads();
	evidence_list_init(&c.ev);
	sb_init(&c.sb);

	/* Reference data first: a bad table must not leave half an analysis. */
	if (weights_load(&c.w, o->datadir, err) < 0 || markets_load(&c.mk, o->datadir, err) < 0 ||
	    !(c.reg = registry_new(o->datadir, err)) || !(c.ts = textsig_new(o->datadir, err))) {
		rc = -2;
		goto cleanup;
	}
	fingerprint(&c, o->datadir, fp);
	c.ref.reg = c.reg;
	c.ref.w = &c.w;
	c.ref.mk = &c.mk;

	if (db_begin(db, err) < 0)
		goto cleanup;
	in_tx = 1;
	if (prepare_all(&c, err) < 0)
		goto cleanup;
	if (textsig_classify_pending(db, c.ts, err) < 0)
		goto cleanup;
	memlog("classified");
	old = db_meta_get(db, META_FINGERPRINT);
	keys = price_keys_current(db);
	full = o->full || !old || strcmp(old, fp) != 0 || !keys;
	if (full) {
		if (old && !o->full)
			log_info(keys ? "analyze: reference data changed, re-analysing every listing"
				      : "analyze: price keys from before schema 015, re-analysing every "
					"listing");
		if (db_exec(db, "INSERT OR IGNORE INTO dirty_listings(listing_id) "
				"SELECT listing_id FROM listings", err) < 0)
			goto cleanup;
	}
	if (count_dirty(&c, err) < 0)
		goto cleanup;
	/* Nothing queued, nothing moved: the price reference stays as kept. */
	if (c.total > 0) {
		if (build_prices(&c, !keys, err) < 0) /* a pass over every listing */
			goto cleanup;
		if (!full) {
			price_moves pm;
			if (price_refresh(db, c.prices, c.reg, &c.w, &pm, err) < 0 ||
			    count_dirty(&c, err) < 0)
				goto cleanup;
			if (pm.keys)
				log_info("analyze: price reference: %lld keys moved, %lld listings "
					 "queued, %lld evidence rows reworded",
					 pm.keys, pm.requeued, pm.reworded);
		}
	}
	if (db_prepare(db, DIRTY_JOBS DIRTY_ORDER, &ls, err) < 0 ||
	    each_listing(&c, ls, c.spool, listing_job_analyze, analyze_listing, "reading listings",
			 err) < 0)
		goto cleanup;
	progress_done();
	sqlite3_finalize(ls);
	ls = NULL;
	memlog("listings analysed");
	if (db_exec(db, "DELETE FROM dirty_listings", err) < 0 ||
	    (c.prices && price_reference_keep(db, c.prices, err) < 0) ||
	    sellers_refresh(db, &c.w, o->run_id, t->listings, err) < 0 ||
	    db_meta_set(db, META_FINGERPRINT, fp, err) < 0)
		goto cleanup;
	finalize_all(&c); /* before COMMIT: no statement may stay active */
	if (db_commit(db, err) < 0)
		goto cleanup;
	in_tx = 0;
	rc = 0;
cleanup:
	sqlite3_finalize(ls);
	finalize_all(&c);
	if (in_tx)
		db_rollback(db);
	free(old);
	evidence_list_release(&c.ev);
	sb_release(&c.sb);
	price_ref_free(c.prices);
	job_spool_free(c.spool);
	textsig_free(c.ts);
	registry_free(c.reg);
	markets_release(&c.mk);
	weights_release(&c.w);
	if (rc < 0)
		memset(t, 0, sizeof *t);
	return rc;
}
