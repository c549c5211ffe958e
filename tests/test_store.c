/* test_store.c: what storing rows does to the tables: listing history and
 * the current row whatever the order, duplicates, first review wins, a late
 * reply fills in a question, rejects, one transaction per file. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/db.h"
#include "ingest/store.h"
#include "tests/testdb.h"

static sqlite3 *db;
static char path[128];

static void setup(void)
{
	gv_error err;
	snprintf(path, sizeof path, "/tmp/gvaudit-test-store-%ld.db", (long)getpid());
	unlink(path);
	gv_error_clear(&err);
	cr_assert_eq(db_open(path, &db, &err), 0, "%s", err.msg);
}

static void teardown(void)
{
	db_close(db);
	testdb_unlink(path);
}

TestSuite(store, .init = setup, .fini = teardown);

#define expect_sql(sql, want) testdb_expect(db, sql, want)

static ingest_row row_of(ingest_kind kind, const char *const *v, int n)
{
	ingest_row r;
	int i;
	memset(&r, 0, sizeof r);
	r.kind = kind;
	r.line = 2;
	for (i = 0; i < n; i++) {
		r.s[i] = v[i];
		r.n[i] = v[i] ? (int)strlen(v[i]) : 0;
	}
	return r;
}

static store *begin(const char *name, ingest_kind kind)
{
	store_file f;
	gv_error err;
	store *s;

	memset(&f, 0, sizeof f);
	f.path = name;
	f.fingerprint = name; /* any unique text will do here */
	f.kind = kind;
	f.bytes = 10;
	snprintf(f.started_at, sizeof f.started_at, "2026-11-22T00:00:00Z");
	gv_error_clear(&err);
	s = store_new(db, &err);
	cr_assert_not_null(s, "%s", err.msg);
	cr_assert_eq(store_begin(s, &f, 1, &err), 0, "%s", err.msg);
	return s;
}

static void commit(store *s, long long stored)
{
	store_counts c = {.read = stored, .stored = stored};
	gv_error err;
	gv_error_clear(&err);
	cr_assert_eq(store_commit(s, &c, 0.1, &err), 0, "%s", err.msg);
	store_free(s);
}

static int put(store *s, ingest_row *r)
{
	gv_error err;
	int rc;
	gv_error_clear(&err);
	rc = store_row(s, r, NULL, &err);
	cr_assert_geq(rc, 0, "%s", err.msg);
	return rc;
}

static ingest_row listing(const char *id, const char *title, const char *at)
{
	const char *v[LF_COUNT] = {id, "900", NULL, title, NULL, NULL, "AU", at};
	return row_of(KIND_LISTINGS, v, LF_COUNT);
}

Test(store, latest_scrape_is_current_in_any_order)
{
	store *s = begin("n2", KIND_LISTINGS);
	ingest_row r = listing("L1", "Phone Global ROM", "2026-11-20T00:00:00Z");
	cr_expect_eq(put(s, &r), 1);
	cr_expect_eq(put(s, &r), 0, "same scrape again is a duplicate");
	commit(s, 1);
	s = begin("n1", KIND_LISTINGS);
	r = listing("L1", "Phone Global Version", "2026-11-19T00:00:00Z");
	cr_expect_eq(put(s, &r), 1, "an older scrape is new history");
	commit(s, 1);
	expect_sql("SELECT title || '|' || scraped_at || '|' || first_seen || '|' || scrapes || '|' || file_id FROM listings",
		   "Phone Global ROM|2026-11-20T00:00:00Z|2026-11-19T00:00:00Z|2|1");
	expect_sql("SELECT group_concat(title, ';') FROM (SELECT title FROM listing_scrapes ORDER BY scraped_at)",
		   "Phone Global Version;Phone Global ROM");
	expect_sql("SELECT count(*) FROM dirty_listings WHERE listing_id = 'L1'", "1");
	expect_sql("SELECT rows_read || ' ' || rows_stored || ' ' || seconds FROM ingest_files WHERE file_id = 1",
		   "1 1 0.1");
}

/* A listing's first scrape is stored as its row directly, a later one
 * through its history: both orders and a lone scrape in one file. */
Test(store, first_and_later_scrapes_in_one_file)
{
	store *s = begin("n1", KIND_LISTINGS);
	ingest_row r = listing("L2", "Old title", "2026-11-18T00:00:00Z");
	cr_expect_eq(put(s, &r), 1);
	r = listing("L2", "New title", "2026-11-19T00:00:00Z");
	cr_expect_eq(put(s, &r), 1, "a newer scrape");
	r = listing("L3", "Lone", "2026-11-17T00:00:00Z");
	cr_expect_eq(put(s, &r), 1);
	commit(s, 3);
	expect_sql("SELECT group_concat(listing_id || '|' || title || '|' || scraped_at || '|' || first_seen "
		   "|| '|' || scrapes || '|' || seller_id || '|' || market || '|' || file_id || '|' || "
		   "ifnull(price, 'no price'), ';') FROM "
		   "(SELECT * FROM listings ORDER BY rowid)",
		   "L2|New title|2026-11-19T00:00:00Z|2026-11-18T00:00:00Z|2|900|AU|1|no price;"
		   "L3|Lone|2026-11-17T00:00:00Z|2026-11-17T00:00:00Z|1|900|AU|1|no price");
	expect_sql("SELECT group_concat(listing_id || '|' || title || '|' || file_id, ';') FROM "
		   "(SELECT * FROM listing_scrapes ORDER BY listing_id, scraped_at)",
		   "L2|Old title|1;L2|New title|1;L3|Lone|1");
	expect_sql("SELECT count(*) FROM dirty_listings", "2");
}

/* A first file's history is written at commit (store.c, history_empty):
 * a listing met three times, the newest scrape in the middle and its first
 * scrape repeated, ends with the same rows as scrape by scrape. */
Test(store, history_of_a_first_file)
{
	store *s = begin("n1", KIND_LISTINGS);
	ingest_row r = listing("L4", "Middle", "2026-11-18T00:00:00Z");
	cr_expect_eq(put(s, &r), 1);
	cr_expect_eq(put(s, &r), 0, "the same scrape again, before the history exists");
	r = listing("L4", "Newest", "2026-11-19T00:00:00Z");
	cr_expect_eq(put(s, &r), 1);
	r = listing("L5", "Other", "2026-11-19T00:00:00Z");
	cr_expect_eq(put(s, &r), 1);
	r = listing("L4", "Oldest", "2026-11-17T00:00:00Z");
	cr_expect_eq(put(s, &r), 1);
	r = listing("L4", "Middle", "2026-11-18T00:00:00Z");
	cr_expect_eq(put(s, &r), 0, "the same scrape again, with the history");
	commit(s, 4);
	expect_sql("SELECT group_concat(listing_id || '|' || title || '|' || first_seen || '|' || "
		   "scrapes, ';') FROM (SELECT * FROM listings ORDER BY listing_id)",
		   "L4|Newest|2026-11-17T00:00:00Z|3;L5|Other|2026-11-19T00:00:00Z|1");
	expect_sql("SELECT group_concat(listing_id || '|' || title, ';') FROM "
		   "(SELECT * FROM listing_scrapes ORDER BY listing_id, scraped_at)",
		   "L4|Oldest;L4|Middle;L4|Newest;L5|Other");
	expect_sql("SELECT group_concat(listing_id, ';') FROM dirty_listings", "L4;L5");
	/* a later file goes scrape by scrape into the history written above */
	s = begin("n2", KIND_LISTINGS);
	r = listing("L5", "Other, later", "2026-11-20T00:00:00Z");
	cr_expect_eq(put(s, &r), 1);
	r = listing("L4", "Oldest", "2026-11-17T00:00:00Z");
	cr_expect_eq(put(s, &r), 0, "stored by the first file");
	commit(s, 1);
	expect_sql("SELECT group_concat(listing_id || '|' || title || '|' || scrapes || '|' || file_id, ';') "
		   "FROM (SELECT * FROM listings ORDER BY listing_id)",
		   "L4|Newest|3|1;L5|Other, later|2|2");
	expect_sql("SELECT count(*) FROM listing_scrapes", "5");
}

static ingest_row review(const char *id, const char *text)
{
	const char *v[RF_COUNT] = {id, "L9", NULL, "AU", NULL, text};
	return row_of(KIND_REVIEWS, v, RF_COUNT);
}

/* A first file of reviews loads into the empty table without its unique
 * index (schema 011, dbindex.h): every row goes in, and the commit removes
 * the later rows of a review id, keeping the first as ON CONFLICT DO NOTHING
 * does, and moves them from the stored count to the duplicates. */
Test(store, first_review_wins_in_a_first_file)
{
	const char *texts[4] = {"first", "other", "second", "third"};
	const char *ids[4] = {"R1", "R2", "R1", "R1"};
	store_counts c = {.read = 4, .stored = 4};
	gv_error err;
	store *s = begin("r", KIND_REVIEWS);
	ingest_row r;
	int i;

	for (i = 0; i < 4; i++) {
		r = review(ids[i], texts[i]);
		if (i == 0) {
			r.s[RF_RATING] = "2";
			r.rating = 2;
		}
		cr_expect_eq(put(s, &r), 1, "row %d: counted at commit", i);
	}
	gv_error_clear(&err);
	cr_assert_eq(store_commit(s, &c, 0.1, &err), 0, "%s", err.msg);
	store_free(s);
	cr_expect_eq(c.stored, 2);
	cr_expect_eq(c.duplicate, 2);
	expect_sql("SELECT group_concat(review_id || '|' || text || '|' || ifnull(rating, '-') || '|' "
		   "|| typeof(created_at), ';') FROM (SELECT * FROM reviews ORDER BY review_rowid)",
		   "R1|first|2|null;R2|other|-|null");
	expect_sql("SELECT rows_stored || ' ' || rows_duplicate FROM ingest_files WHERE file_id = 1",
		   "2 2");
	expect_sql("SELECT listing_id FROM dirty_listings", "L9");
	expect_sql("SELECT count(*) FROM reviews_fts WHERE reviews_fts MATCH 'first'", "1");
	expect_sql("SELECT count(*) FROM reviews_fts WHERE reviews_fts MATCH 'second OR third'", "0");
	expect_sql("SELECT group_concat(name, ' ') FROM (SELECT name FROM pragma_index_list('reviews') "
		   "WHERE \"unique\" ORDER BY name)", "reviews_id");
}

/* Into a table that has rows the index stays, and a duplicate is refused
 * as it comes. */
Test(store, first_review_wins_in_a_later_file)
{
	store *s = begin("r1", KIND_REVIEWS);
	ingest_row r = review("R1", "first");
	cr_expect_eq(put(s, &r), 1);
	commit(s, 1);
	s = begin("r2", KIND_REVIEWS);
	r = review("R1", "second");
	cr_expect_eq(put(s, &r), 0, "refused at once");
	r = review("R3", "new");
	cr_expect_eq(put(s, &r), 1);
	commit(s, 1);
	expect_sql("SELECT group_concat(review_id || '|' || text, ';') FROM "
		   "(SELECT * FROM reviews ORDER BY review_rowid)", "R1|first;R3|new");
	expect_sql("SELECT count(*) FROM reviews_fts WHERE reviews_fts MATCH 'second'", "0");
}

Test(store, late_reply_fills_in_an_unanswered_question)
{
	const char *q1[QF_COUNT] = {"Q1", "L5", NULL, "Global or China?", NULL, NULL};
	const char *q2[QF_COUNT] = {"Q1", "L5", NULL, "Global or China?", "China hardware", "2026-11-03"};
	const char *q3[QF_COUNT] = {"Q1", "L5", NULL, "Global or China?", "Changed", "2026-11-04"};
	store *s = begin("qa1", KIND_QA);
	ingest_row r = row_of(KIND_QA, q1, QF_COUNT);
	cr_expect_eq(put(s, &r), 1);
	commit(s, 1);
	s = begin("qa2", KIND_QA);
	r = row_of(KIND_QA, q1, QF_COUNT);
	cr_expect_eq(put(s, &r), 0, "still unanswered: a duplicate");
	r = row_of(KIND_QA, q2, QF_COUNT);
	cr_expect_eq(put(s, &r), 1, "the reply counts as stored");
	r = row_of(KIND_QA, q3, QF_COUNT);
	cr_expect_eq(put(s, &r), 0, "a second reply does not replace the first");
	commit(s, 1);
	expect_sql("SELECT answer || '|' || answered_at || '|' || file_id FROM qa", "China hardware|2026-11-03|2");
	expect_sql("SELECT count(*) FROM qa_fts WHERE qa_fts MATCH 'answer : hardware'", "1");
	expect_sql("SELECT count(*) FROM qa", "1");
}

Test(store, reply_in_the_same_file_as_its_question)
{
	const char *q1[QF_COUNT] = {"Q2", "L5", NULL, "Band 20?", NULL, NULL};
	const char *q2[QF_COUNT] = {"Q2", "L5", NULL, "Band 20?", "Yes", NULL};
	store *s = begin("qa", KIND_QA);
	ingest_row r = row_of(KIND_QA, q1, QF_COUNT);
	cr_expect_eq(put(s, &r), 1);
	r = row_of(KIND_QA, q2, QF_COUNT);
	cr_expect_eq(put(s, &r), 1);
	commit(s, 2);
	expect_sql("SELECT answer FROM qa", "Yes");
	cr_expect_eq(sqlite3_exec(db, "INSERT INTO qa_fts(qa_fts) VALUES('integrity-check')", NULL, NULL, NULL),
		     SQLITE_OK, "%s", sqlite3_errmsg(db));
}

/* schemas/017: both indexes gather 8 MiB of terms before writing a segment,
 * not FTS5's default 1 MiB (a third fewer instructions to build them), and
 * keep the setting for every writer of the database. */
Test(store, full_text_indexes_write_large_segments)
{
	expect_sql("SELECT v FROM reviews_fts_config WHERE k = 'hashsize'", "8388608");
	expect_sql("SELECT v FROM qa_fts_config WHERE k = 'hashsize'", "8388608");
}

Test(store, rejects_and_rollback)
{
	gv_error err;
	store *s = begin("bad", KIND_REVIEWS);
	ingest_row r;
	const char *a[RF_COUNT] = {"R7", "L1", NULL, NULL, NULL, "kept?"};

	gv_error_clear(&err);
	cr_assert_eq(store_reject(s, 12, "empty review_id", ",L1,\xff\0x", 7, &err), 0, "%s", err.msg);
	expect_sql("SELECT line || '|' || reason || '|' || excerpt FROM rejects",
		   "12|empty review_id|,L1,\\xFF\\x00x");
	r = row_of(KIND_REVIEWS, a, RF_COUNT);
	cr_expect_eq(put(s, &r), 1);
	store_abort(s);
	store_free(s);
	expect_sql("SELECT count(*) FROM rejects", "0");
	expect_sql("SELECT count(*) FROM reviews", "0");
	expect_sql("SELECT count(*) FROM ingest_files", "0");
	expect_sql("SELECT count(*) FROM dirty_listings", "0");
}

Test(store, seen_and_noted_files)
{
	gv_error err;
	store *s;
	store_file f;
	ingest_kind kind;

	s = begin("fp-1", KIND_LISTINGS);
	commit(s, 0);
	s = store_new(db, &err);
	cr_assert_not_null(s);
	cr_expect_eq(store_seen(s, "fp-1", &kind, &err), 1);
	cr_expect_eq(kind, KIND_LISTINGS);
	cr_expect_eq(store_seen(s, "fp-2", &kind, &err), 0);
	cr_expect_eq(kind, KIND_UNKNOWN);
	memset(&f, 0, sizeof f);
	f.path = "x.csv.gz";
	f.fingerprint = "fp-2";
	f.bytes = -1;
	cr_expect_eq(store_note_file(s, &f, "refused", "truncated gzip", 0.5, &err), 0, "%s", err.msg);
	cr_expect_eq(store_seen(s, "fp-2", &kind, &err), 0, "a refused file is not seen");
	store_free(s);
	expect_sql("SELECT status || '|' || reason || '|' || typeof(bytes) || '|' || typeof(kind) FROM ingest_files WHERE file_id = 2",
		   "refused|truncated gzip|null|null");
	store_free(NULL);
}
