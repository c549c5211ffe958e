/* store.c: see store.h. */
#include "ingest/store.h"

#include <stdlib.h>
#include <string.h>

#include "common/db.h"
#include "common/dbindex.h"

enum {
	ST_SEEN,
	ST_FILE_INSERT,
	ST_FILE_UPDATE,
	ST_REJECT,
	ST_SCRAPE_INSERT,
	ST_SCRAPE_OF_LISTING,
	ST_LISTING_NEW,
	ST_LISTING_REFRESH,
	ST_REVIEW_INSERT,
	ST_REVIEW_APPEND,
	ST_QA_FIND,
	ST_QA_INSERT,
	ST_QA_ANSWER,
	ST_QA_FTS_DELETE,
	ST_DIRTY,
	ST_COUNT
};

/* A scrape's columns, in listing_scrapes and in listings alike. */
#define SCRAPE_COLUMNS                                                                       \
	"listing_id, seller_id, seller_name, title, price, currency, market, scraped_at, url, " \
	"specs, description, file_id"

static const char *const sql[ST_COUNT] = {
	[ST_SEEN] = "SELECT file_id, kind FROM ingest_files WHERE fingerprint = ?1 AND status = 'ok' "
		    "ORDER BY file_id LIMIT 1",
	[ST_FILE_INSERT] =
		"INSERT INTO ingest_files(run_id, path, fingerprint, kind, compressed, bytes, "
		"status, reason, started_at, seconds) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
	[ST_FILE_UPDATE] = "UPDATE ingest_files SET rows_read = ?2, rows_stored = ?3, "
			   "rows_duplicate = ?4, rows_rejected = ?5, seconds = ?6 WHERE file_id = ?1",
	[ST_REJECT] = "INSERT INTO rejects(file_id, line, reason, excerpt) VALUES(?1, ?2, ?3, ?4)",
	[ST_SCRAPE_INSERT] =
		"INSERT INTO listing_scrapes(" SCRAPE_COLUMNS ") VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) "
		"ON CONFLICT(listing_id, scraped_at) DO NOTHING",
	/* While the history is deferred (store_begin): the one scrape a listings
	 * row stands for goes into the history before a second one joins it. */
	[ST_SCRAPE_OF_LISTING] =
		"INSERT INTO listing_scrapes(" SCRAPE_COLUMNS ") SELECT " SCRAPE_COLUMNS
		" FROM listings WHERE listing_id = ?1 AND scrapes = 1 "
		"ON CONFLICT(listing_id, scraped_at) DO NOTHING",
	/* A listing not seen before: this scrape is its whole history (the
	 * listings row exists as soon as one scrape does). */
	[ST_LISTING_NEW] =
		"INSERT INTO listings(listing_id, seller_id, seller_name, title, price, currency, "
		"market, scraped_at, url, specs, description, file_id, first_seen, scrapes) "
		"VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?8, 1) "
		"ON CONFLICT(listing_id) DO NOTHING",
	/* The current row is the latest scrape of the history, whatever order
	 * the scrapes arrived in. An UPDATE of the one row, not an INSERT ...
	 * SELECT with an upsert: SQLite gives a statement that may write several
	 * rows and abort on a constraint a statement journal, a copy of every
	 * page it changes (spilled to a temporary file past 64 KiB): at scale 1,
	 * 400,000 writes for a night-2 listings file. */
	[ST_LISTING_REFRESH] =
		"UPDATE listings SET (seller_id, seller_name, title, price, currency, market, "
		"scraped_at, url, specs, description, file_id) = "
		"(SELECT seller_id, seller_name, title, price, currency, market, scraped_at, url, "
		"specs, description, file_id FROM listing_scrapes WHERE listing_id = ?1 "
		"ORDER BY scraped_at DESC LIMIT 1), "
		"first_seen = (SELECT min(scraped_at) FROM listing_scrapes WHERE listing_id = ?1), "
		"scrapes = (SELECT count(*) FROM listing_scrapes WHERE listing_id = ?1) "
		"WHERE listing_id = ?1",
	[ST_REVIEW_INSERT] =
		"INSERT INTO reviews(review_id, listing_id, rating, country, created_at, text, "
		"file_id) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT(review_id) DO NOTHING",
	/* Into the empty table, its unique index deferred (store_begin): every
	 * row goes in, and store_commit removes the later duplicates of a key
	 * before building the index, which is what DO NOTHING would have kept. */
	[ST_REVIEW_APPEND] =
		"INSERT INTO reviews(review_id, listing_id, rating, country, created_at, text, "
		"file_id) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)",
	[ST_QA_FIND] = "SELECT qa_rowid, answer IS NULL, file_id, question, listing_id, asked_at "
		       "FROM qa WHERE qa_id = ?1",
	[ST_QA_INSERT] = "INSERT INTO qa(qa_id, listing_id, asked_at, question, answer, "
			 "answered_at, file_id) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)",
	[ST_QA_ANSWER] = "UPDATE qa SET answer = ?2, answered_at = ?3, file_id = ?4 "
			 "WHERE qa_rowid = ?1",
	/* external content: remove the indexed (question, NULL answer) first */
	[ST_QA_FTS_DELETE] = "INSERT INTO qa_fts(qa_fts, rowid, question, answer) "
			     "VALUES('delete', ?1, ?2, NULL)",
	[ST_DIRTY] = "INSERT OR IGNORE INTO dirty_listings(listing_id) VALUES(?1)",
};

struct store {
	sqlite3 *db;
	sqlite3_stmt *st[ST_COUNT];
	long long file_id;   /* file being stored */
	ingest_kind kind;
	int fts;             /* keep the full-text index in step */
	strbuf question;     /* copy of a stored question whose reply is filled in... */
	strbuf listing;      /* ...its listing_id */
	strbuf asked_at;     /* ...and when it was asked */
	const ingest_tap *tap; /* or NULL (store_set_tap) */
	int tapping;         /* the tap runs on this file: begun, not yet committed */
	dbindex_set deferred; /* indexes of an empty table built at commit */
	int history_deferred; /* listings into empty tables: history written at commit */
	int key_order;        /* store_key_order's answer for the file begun */
	double fts_seconds;   /* this file's time in the full-text index so far */
};

store *store_new(sqlite3 *db, gv_error *err)
{
	store *s = xcalloc(1, sizeof *s);
	int i;

	s->db = db;
	sb_init(&s->question);
	sb_init(&s->listing);
	sb_init(&s->asked_at);
	for (i = 0; i < ST_COUNT; i++) {
		if (db_prepare(db, sql[i], &s->st[i], err) < 0) {
			store_free(s);
			return NULL;
		}
	}
	return s;
}

void store_free(store *s)
{
	int i;
	if (!s)
		return;
	for (i = 0; i < ST_COUNT; i++)
		sqlite3_finalize(s->st[i]);
	sb_release(&s->question);
	sb_release(&s->listing);
	sb_release(&s->asked_at);
	dbindex_forget(&s->deferred);
	free(s);
}

void store_set_tap(store *s, const ingest_tap *tap)
{
	s->tap = tap;
}

const ingest_tap *store_tap(const store *s)
{
	return s->tapping ? s->tap : NULL;
}

int store_key_order(const store *s)
{
	return s->key_order;
}

/* Run a statement that returns no row; reset it either way. */
static int run(store *s, sqlite3_stmt *st, const char *doing, gv_error *err)
{
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (rc != SQLITE_DONE)
		return db_fail(s->db, err, doing);
	return 0;
}

/* Bind field j of row (NULL when empty). */
static void bind_field(sqlite3_stmt *st, int idx, const ingest_row *row, int j)
{
	db_bind_view(st, idx, row->s[j], row->n[j]);
}

/* Bind a row's n fields as parameters 1..n (column typed, when >= 0, is
 * left to the caller: price, rating) and the file id as parameter n+1: the
 * layout of every insert of a dump row. */
static void bind_row(const store *s, sqlite3_stmt *st, const ingest_row *r, int n, int typed)
{
	int j;
	for (j = 0; j < n; j++)
		if (j != typed)
			bind_field(st, j + 1, r, j);
	sqlite3_bind_int64(st, n + 1, s->file_id);
}

long long store_seen(store *s, const char *fingerprint, ingest_kind *kind, gv_error *err)
{
	sqlite3_stmt *st = s->st[ST_SEEN];
	long long id = 0;
	int rc;

	*kind = KIND_UNKNOWN;
	sqlite3_bind_text(st, 1, fingerprint, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		id = sqlite3_column_int64(st, 0);
		*kind = header_kind_parse((const char *)sqlite3_column_text(st, 1));
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(s->db, err, "cannot look up the file's fingerprint");
	return id;
}

static int insert_file(store *s, const store_file *f, const char *status, const char *reason,
		       double seconds, gv_error *err)
{
	sqlite3_stmt *st = s->st[ST_FILE_INSERT];

	if (f->run_id > 0)
		sqlite3_bind_int64(st, 1, f->run_id);
	sqlite3_bind_text(st, 2, f->path, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, f->fingerprint, -1, SQLITE_STATIC);
	db_bind_text(st, 4, header_kind_name(f->kind), -1);
	sqlite3_bind_int(st, 5, f->compressed);
	if (f->bytes >= 0)
		sqlite3_bind_int64(st, 6, f->bytes);
	sqlite3_bind_text(st, 7, status, -1, SQLITE_STATIC);
	db_bind_text(st, 8, reason, -1);
	sqlite3_bind_text(st, 9, f->started_at, -1, SQLITE_STATIC);
	if (seconds >= 0)
		sqlite3_bind_double(st, 10, seconds);
	if (run(s, st, "cannot record the input file", err) < 0)
		return -1;
	s->file_id = sqlite3_last_insert_rowid(s->db);
	return 0;
}

static int fts_stale(store *s)
{
	char *v = db_meta_get(s->db, "fts_stale");
	int stale = v && strcmp(v, "1") == 0;
	free(v);
	return stale;
}

/* The table a kind of file fills. */
static const char *kind_table(ingest_kind kind)
{
	switch (kind) {
	case KIND_LISTINGS: return "listings";
	case KIND_REVIEWS: return "reviews";
	case KIND_QA: return "qa";
	default: return NULL;
	}
}

/* Reviews and Q&A rows this file added or changed carry its file_id: their
 * listings are queued for analysis in one statement, not one lookup per row
 * (a night has millions of reviews for a few hundred thousand listings). */
/* Run one set-based statement over the rows of this file (?1 = its
 * file_id): the reviews form for a reviews file, the Q&A form for a Q&A
 * file, nothing for listings. */
static int per_file(store *s, const char *reviews, const char *qa, const char *what,
		    gv_error *err)
{
	sqlite3_stmt *st;
	int rc;

	if (s->kind != KIND_REVIEWS && s->kind != KIND_QA)
		return 0;
	if (db_prepare(s->db, s->kind == KIND_REVIEWS ? reviews : qa, &st, err) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, s->file_id);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_fail(s->db, err, what);
	return 0;
}

static int queue_listings(store *s, gv_error *err)
{
	return per_file(s,
			"INSERT OR IGNORE INTO dirty_listings(listing_id) "
			"SELECT listing_id FROM reviews WHERE file_id = ?1",
			"INSERT OR IGNORE INTO dirty_listings(listing_id) "
			"SELECT listing_id FROM qa WHERE file_id = ?1",
			"cannot queue the listings for analysis", err);
}

/* Whether a listings file into an empty listings table (listings_empty:
 * dbindex_defer's answer) defers its history: 1 when listing_scrapes is
 * empty too, 0 when not, -1 on an error.
 *
 * Into empty tables a listings file is stored without its history: each
 * listing's first scrape goes into listings alone (a small key, in the
 * table's cache), and store_commit copies the rows that are their own
 * whole history into listing_scrapes in key order, as appends. Written
 * row by row in the file's order, the history is a B-tree of whole rows
 * far larger than the page cache, filled at random: at scale 1 a first
 * night's listings took 13-22 s, more than .import takes for the night. A
 * listing met again in the same file gets its history then (store_listing). */
static int history_empty(store *s, int listings_empty, gv_error *err)
{
	return listings_empty ? db_table_empty(s->db, "listing_scrapes", err) : 0;
}

/* The deferred history (history_empty): the listings that are still their
 * own one scrape join listing_scrapes in key order, and every listing of
 * the file is queued for analysis (the table held none before it). */
static int history_write(store *s, gv_error *err)
{
	if (!s->history_deferred)
		return 0;
	s->history_deferred = 0;
	return db_exec(s->db,
		       "INSERT INTO listing_scrapes(" SCRAPE_COLUMNS ") SELECT " SCRAPE_COLUMNS
		       " FROM listings WHERE scrapes = 1 ORDER BY listing_id "
		       "ON CONFLICT(listing_id, scraped_at) DO NOTHING;"
		       "INSERT OR IGNORE INTO dirty_listings(listing_id) "
		       "SELECT listing_id FROM listings ORDER BY listing_id",
		       err);
}

int store_begin(store *s, const store_file *f, int fts, gv_error *err)
{
	int rc, empty;

	s->kind = f->kind;
	s->fts = fts;
	s->fts_seconds = 0;
	if (db_begin(s->db, err) < 0)
		return -1;
	if (fts && fts_stale(s)) {
		double t0 = now_seconds();
		if (db_exec(s->db, "INSERT INTO reviews_fts(reviews_fts) VALUES('rebuild')", err) < 0 ||
		    db_exec(s->db, "INSERT INTO qa_fts(qa_fts) VALUES('rebuild')", err) < 0 ||
		    db_meta_set(s->db, "fts_stale", "0", err) < 0)
			return -1;
		s->fts_seconds += now_seconds() - t0;
	}
	if (!fts && (f->kind == KIND_REVIEWS || f->kind == KIND_QA) &&
	    db_meta_set(s->db, "fts_stale", "1", err) < 0)
		return -1;
	/* Only reviews may load without their unique index: a Q&A row looks
	 * its question up (store_qa), and listings are few. */
	if ((empty = dbindex_defer(s->db, kind_table(s->kind), s->kind == KIND_REVIEWS,
				   &s->deferred, err)) < 0)
		return -1;
	s->history_deferred = 0;
	if (s->kind == KIND_LISTINGS && (s->history_deferred = history_empty(s, empty, err)) < 0)
		return -1;
	if (insert_file(s, f, "ok", NULL, -1, err) < 0)
		return -1;
	if (s->tap && (s->kind == KIND_REVIEWS || s->kind == KIND_QA)) {
		s->tapping = 1; /* from here on store_abort tells the tap */
		rc = s->tap->begin(s->tap->ctx, s->db, s->kind, s->file_id, err);
		if (rc < 0)
			return -1;
		s->tapping = rc;
	}
	s->key_order = !empty && !s->tapping && !env_is_one("GVAUDIT_INGEST_FILE_ORDER");
	return 0;
}

static int mark_dirty(store *s, const char *listing_id, int n, gv_error *err)
{
	sqlite3_stmt *st = s->st[ST_DIRTY];
	sqlite3_bind_text(st, 1, listing_id, n, SQLITE_STATIC);
	return run(s, st, "cannot queue the listing for analysis", err);
}

/* Bind a listing row as parameters 1..12 (bind_row), the price typed. */
static void bind_listing(const store *s, sqlite3_stmt *st, const ingest_row *r)
{
	bind_row(s, st, r, LF_COUNT, LF_PRICE);
	if (r->s[LF_PRICE])
		sqlite3_bind_double(st, LF_PRICE + 1, r->price);
	else
		sqlite3_bind_null(st, LF_PRICE + 1);
}

/* Insert the row as a listing not seen before: 1 when it was, 0 when the
 * listing exists, -1. */
static int new_listing(store *s, const ingest_row *r, gv_error *err)
{
	sqlite3_stmt *st = s->st[ST_LISTING_NEW];

	bind_listing(s, st, r);
	if (run(s, st, "cannot store the listing", err) < 0)
		return -1;
	return sqlite3_changes(s->db) > 0;
}

/* Make the listings row the latest scrape of the listing's history. A
 * listing's first scrape is inserted as it is; only a listing seen before
 * needs its history read again (on a first night's listings file that saves
 * a quarter of the instructions: callgrind, scale 0.1). */
static int refresh_listing(store *s, const ingest_row *r, gv_error *err)
{
	sqlite3_stmt *st = s->st[ST_LISTING_REFRESH];
	int rc = new_listing(s, r, err);

	if (rc != 0)
		return rc < 0 ? -1 : 0;
	bind_field(st, 1, r, LF_LISTING_ID);
	return run(s, st, "cannot update the listing", err);
}

/* 1 when the row was stored, 0 for a scrape already stored, -1. While the
 * history is deferred (history_empty) a new listing is its row alone, and
 * one met before in this file first gets its history (the one scrape its
 * row stands for), then goes the usual way. */
static int store_listing(store *s, const ingest_row *r, gv_error *err)
{
	sqlite3_stmt *st;
	int rc;

	if (s->history_deferred) {
		if ((rc = new_listing(s, r, err)) != 0)
			return rc; /* a new one is queued at commit with the others */
		st = s->st[ST_SCRAPE_OF_LISTING];
		bind_field(st, 1, r, LF_LISTING_ID);
		if (run(s, st, "cannot store the listing's history", err) < 0)
			return -1;
	}
	st = s->st[ST_SCRAPE_INSERT];
	bind_listing(s, st, r);
	if (run(s, st, "cannot store the listing scrape", err) < 0)
		return -1;
	if (sqlite3_changes(s->db) == 0)
		return 0;
	if (refresh_listing(s, r, err) < 0 ||
	    mark_dirty(s, r->s[LF_LISTING_ID], r->n[LF_LISTING_ID], err) < 0)
		return -1;
	return 1;
}

static int store_review(store *s, const ingest_row *r, const void *prepared, gv_error *err)
{
	sqlite3_stmt *st = s->st[s->deferred.unique ? ST_REVIEW_APPEND : ST_REVIEW_INSERT];

	bind_row(s, st, r, RF_COUNT, RF_RATING);
	if (r->s[RF_RATING])
		sqlite3_bind_int(st, RF_RATING + 1, r->rating);
	else
		sqlite3_bind_null(st, RF_RATING + 1);
	if (run(s, st, "cannot store the review", err) < 0)
		return -1;
	if (sqlite3_changes(s->db) == 0)
		return 0;
	if (s->tapping && s->tap->stored(s->tap->ctx, r, prepared, err) < 0)
		return -1;
	return 1; /* its listing is queued at commit */
}

/* Copy column i of st into b; point field j of row at it (NULL for NULL). */
static void stored_field(ingest_row *row, int j, sqlite3_stmt *st, int i, strbuf *b)
{
	sb_reset(b);
	if (sqlite3_column_type(st, i) == SQLITE_NULL) {
		row->s[j] = NULL;
		row->n[j] = 0;
		return;
	}
	sb_add(b, (const char *)sqlite3_column_text(st, i), (size_t)sqlite3_column_bytes(st, i));
	row->s[j] = b->buf;
	row->n[j] = (int)b->len;
}

/* A stored question, unanswered, gets the reply this row brings. */
static int fill_answer(store *s, const ingest_row *r, long long rowid, long long old_file,
		       const char *question, int qlen, gv_error *err)
{
	sqlite3_stmt *st;

	/* rows added by this very file are not indexed yet (that happens at
	 * commit); earlier ones are, and must leave the index first */
	if (s->fts && old_file != s->file_id) {
		st = s->st[ST_QA_FTS_DELETE];
		sqlite3_bind_int64(st, 1, rowid);
		sqlite3_bind_text(st, 2, question, qlen, SQLITE_TRANSIENT);
		if (run(s, st, "cannot update the Q&A index", err) < 0)
			return -1;
	}
	st = s->st[ST_QA_ANSWER];
	sqlite3_bind_int64(st, 1, rowid);
	bind_field(st, 2, r, QF_ANSWER);
	bind_field(st, 3, r, QF_ANSWERED_AT);
	sqlite3_bind_int64(st, 4, s->file_id);
	return run(s, st, "cannot store the answer", err);
}

static int store_qa(store *s, const ingest_row *r, const void *prepared, gv_error *err)
{
	sqlite3_stmt *st = s->st[ST_QA_FIND];
	ingest_row filled; /* the stored row, its reply filled in */
	int rc, changed = 0;

	bind_field(st, 1, r, QF_QA_ID);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		long long rowid = sqlite3_column_int64(st, 0);
		int unanswered = sqlite3_column_int(st, 1);
		long long old_file = sqlite3_column_int64(st, 2);
		int fills = unanswered && r->s[QF_ANSWER];
		if (fills) {
			filled = *r;
			stored_field(&filled, QF_QUESTION, st, 3, &s->question);
			stored_field(&filled, QF_LISTING_ID, st, 4, &s->listing);
			stored_field(&filled, QF_ASKED_AT, st, 5, &s->asked_at);
		}
		sqlite3_reset(st);
		if (fills) {
			if (fill_answer(s, r, rowid, old_file, filled.s[QF_QUESTION],
					filled.n[QF_QUESTION], err) < 0)
				return -1;
			if (s->tapping && s->tap->stored(s->tap->ctx, &filled, NULL, err) < 0)
				return -1;
			changed = 1;
		}
	} else {
		sqlite3_reset(st);
		if (rc != SQLITE_DONE)
			return db_fail(s->db, err, "cannot look up the question");
		st = s->st[ST_QA_INSERT];
		bind_row(s, st, r, QF_COUNT, -1);
		if (run(s, st, "cannot store the question", err) < 0)
			return -1;
		if (s->tapping && s->tap->stored(s->tap->ctx, r, prepared, err) < 0)
			return -1;
		changed = 1;
	}
	return changed; /* its listing is queued at commit */
}

int store_row(store *s, const ingest_row *row, const void *prepared, gv_error *err)
{
	switch (row->kind) {
	case KIND_LISTINGS: return store_listing(s, row, err);
	case KIND_REVIEWS: return store_review(s, row, prepared, err);
	case KIND_QA: return store_qa(s, row, prepared, err);
	default: return gv_error_set(err, NULL, row->line, "row of unknown kind");
	}
}

int store_reject(store *s, long line, const char *reason, const char *raw, size_t rawlen,
		 gv_error *err)
{
	sqlite3_stmt *st = s->st[ST_REJECT];
	strbuf ex;
	int rc;

	sb_init(&ex);
	rows_escape(raw, rawlen, &ex);
	sqlite3_bind_int64(st, 1, s->file_id);
	sqlite3_bind_int64(st, 2, line);
	sqlite3_bind_text(st, 3, reason, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, ex.buf, (int)ex.len, SQLITE_STATIC);
	rc = run(s, st, "cannot record the rejected row", err);
	sb_release(&ex);
	return rc;
}

/* Index the file's new rows in the full-text index, timed. */
static int index_file(store *s, gv_error *err)
{
	double t0 = now_seconds();
	int rc;

	if (!s->fts)
		return 0;
	rc = per_file(s,
			"INSERT INTO reviews_fts(rowid, text) "
			"SELECT review_rowid, text FROM reviews WHERE file_id = ?1",
			"INSERT INTO qa_fts(rowid, question, answer) "
			"SELECT qa_rowid, question, answer FROM qa WHERE file_id = ?1",
			"cannot update the full-text index", err);
	s->fts_seconds += now_seconds() - t0;
	return rc;
}

int store_commit(store *s, store_counts *c, double seconds, gv_error *err)
{
	sqlite3_stmt *st = s->st[ST_FILE_UPDATE];
	long long dup = 0;

	/* before the queue and the full-text index, which read this file's rows */
	if (history_write(s, err) < 0 || dbindex_restore(s->db, &s->deferred, &dup, err) < 0)
		return -1;
	c->stored -= dup;
	c->duplicate += dup;
	if (s->tapping && s->tap->commit(s->tap->ctx, err) < 0)
		return -1;
	s->tapping = 0;
	if (queue_listings(s, err) < 0 || index_file(s, err) < 0)
		return -1;
	c->fts_seconds = s->fts_seconds;
	sqlite3_bind_int64(st, 1, s->file_id);
	sqlite3_bind_int64(st, 2, c->read);
	sqlite3_bind_int64(st, 3, c->stored);
	sqlite3_bind_int64(st, 4, c->duplicate);
	sqlite3_bind_int64(st, 5, c->rejected);
	sqlite3_bind_double(st, 6, seconds);
	if (run(s, st, "cannot record the file's counts", err) < 0)
		return -1;
	return db_commit(s->db, err);
}

void store_abort(store *s)
{
	db_rollback(s->db);
	dbindex_forget(&s->deferred);
	s->history_deferred = 0;
	s->key_order = 0;
	if (s->tapping)
		s->tap->abort(s->tap->ctx);
	s->tapping = 0;
}

int store_note_file(store *s, const store_file *f, const char *status, const char *reason,
		    double seconds, gv_error *err)
{
	if (db_begin(s->db, err) < 0)
		return -1;
	if (insert_file(s, f, status, reason, seconds, err) < 0 || db_commit(s->db, err) < 0) {
		db_rollback(s->db);
		return -1;
	}
	return 0;
}
