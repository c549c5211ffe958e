/* test_sellers.c: the per-seller figures sellers_update stores: the name
 * of the latest named scrape, sellers known only from verdicts, and the
 * same figures whether a listing is counted from the counts in its verdict
 * (schema 016) or
 * (no row, or waiting in dirty_listings) from the rows themselves. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "analyze/sellers.h"
#include "common/db.h"
#include "tests/testdb.h"

static sqlite3 *db;
static char path[128];

static void exec(const char *sql)
{
	char *msg = NULL;
	cr_assert_eq(sqlite3_exec(db, sql, NULL, NULL, &msg), SQLITE_OK, "%s: %s", sql, msg);
}

/* Three sellers: s1 (three listings, the latest scrape unnamed), s2 (two
 * listings scraped at the same time), s3 (a verdict whose listing is gone).
 * The verdicts' counts are what the analysis would have written. */
static const char FIXTURE[] =
	"INSERT INTO listings(listing_id, seller_id, seller_name, title, scraped_at, first_seen)\n"
	"VALUES ('L1', 's1', 'Old name', 't', '2026-01-01', '2026-01-01'),\n"
	" ('L2', 's1', 'New name', 't', '2026-02-01', '2026-01-01'),\n"
	" ('L3', 's1', NULL, 't', '2026-03-01', '2026-01-01'),\n"
	" ('L5', 's2', 'Five', 't', '2026-02-01', '2026-01-01'),\n"
	" ('L4', 's2', 'Four', 't', '2026-02-01', '2026-01-01');\n"
	"INSERT INTO verdicts(listing_id, seller_id, claim, hardware, verdict, score, analyzed_at)\n"
	"VALUES ('L1', 's1', 'global_version', 'china', 'mislabelled', 2, 'x'),\n"
	" ('L2', 's1', 'global_version', 'china', 'suspect', 1, 'x'),\n"
	" ('L3', 's1', 'none', 'unknown', 'not_claimed', 0, 'x'),\n"
	" ('L4', 's2', 'global_version', 'global', 'consistent', -1, 'x'),\n"
	" ('L5', 's2', 'global_version', 'unknown', 'unverified', 0, 'x'),\n"
	" ('L9', 's3', 'global_version', 'china', 'mislabelled', 3, 'x');\n"
	"INSERT INTO evidence(listing_id, signal, source, source_id, weight)\n"
	"VALUES ('L1', 'listing_bands_cn', 'listing', 'L1', 1),\n"
	" ('L1', 'review_network', 'review', 'R1', 1),\n"
	" ('L2', 'review_firmware_cn', 'review', 'R3', 1),\n"
	" ('L2', 'qa_evasive', 'qa', 'Q2', 1),\n"
	" ('L4', 'listing_model_global', 'listing', 'L4', -1),\n"
	" ('L9', 'listing_model_cn', 'listing', 'L9', 2);\n"
	"INSERT INTO reviews(review_id, listing_id, text) VALUES ('R1', 'L1', 'no 4g'),\n"
	" ('R2', 'L1', 'fine'), ('R3', 'L2', 'china rom'), ('R4', 'L4', 'ok');\n"
	"INSERT INTO review_classes(review_id, listing_id, lexicon, text_len, class, complaint,\n"
	" negated, noise, network_ok, not_genuine, china_rom, no_google, unofficial, strength)\n"
	"VALUES ('R1', 'L1', 'x', 5, 'complaint', 1, 0, 0, 0, 0, 0, 0, 0, 1),\n"
	" ('R2', 'L1', 'x', 4, 'other', 0, 0, 0, 0, 0, 0, 0, 0, 0);\n" /* R3, R4: unclassified */
	"INSERT INTO qa(qa_id, listing_id, question, answer) VALUES ('Q1', 'L1', 'q', 'yes'),\n"
	" ('Q2', 'L2', 'q', 'maybe'), ('Q3', 'L2', 'q', '  '), ('Q4', 'L4', 'q', NULL);\n"
	"INSERT INTO qa_classes(qa_id, listing_id, lexicon, text_len, question_kind, reply_class,\n"
	" reply_detail) VALUES ('Q1', 'L1', 'x', 4, 'version', 'direct', 'claim');\n"
	"UPDATE verdicts SET reviews = c.column2, complaints = c.column3, replies = c.column4,\n"
	" evasive = c.column5, ev_bands = c.column6, ev_model = c.column7, ev_reviews = c.column8,\n"
	" ev_firmware = c.column9, ev_evasive = c.column10\n"
	"FROM (VALUES ('L1', 2, 1, 1, 0, 1, 0, 1, 0, 0), ('L2', 1, 0, 1, 1, 0, 0, 0, 1, 1),\n"
	" ('L3', 0, 0, 0, 0, 0, 0, 0, 0, 0), ('L4', 1, 0, 0, 0, 0, 0, 0, 0, 0),\n"
	" ('L5', 0, 0, 0, 0, 0, 0, 0, 0, 0), ('L9', 0, 0, 0, 0, 0, 1, 0, 0, 0)) AS c\n"
	"WHERE c.column1 = verdicts.listing_id;\n";

static void setup(void)
{
	gv_error err;
	snprintf(path, sizeof path, "/tmp/gvaudit-test-sellers-%ld.db", (long)getpid());
	unlink(path);
	gv_error_clear(&err);
	cr_assert_eq(db_open(path, &db, &err), 0, "%s", err.msg);
	exec(FIXTURE);
}

static void teardown(void)
{
	db_close(db);
	testdb_unlink(path);
}

TestSuite(sellers, .init = setup, .fini = teardown);

/* Every row of the query as one string, columns '|'-separated, NULL as
 * "NULL". Caller frees. */
static char *rows(const char *sql)
{
	sqlite3_stmt *st;
	strbuf sb;
	char *p;
	int i;

	cr_assert_eq(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK, "%s", sqlite3_errmsg(db));
	sb_init(&sb);
	while (sqlite3_step(st) == SQLITE_ROW) {
		for (i = 0; i < sqlite3_column_count(st); i++) {
			const unsigned char *v = sqlite3_column_text(st, i);
			sb_addf(&sb, "%s%s", i ? "|" : "", v ? (const char *)v : "NULL");
		}
		sb_addc(&sb, '\n');
	}
	sqlite3_finalize(st);
	p = sb_detach(&sb);
	sb_release(&sb); /* sb_detach leaves a fresh buffer behind */
	return p;
}

/* seller_stats and this run's seller_history, one line per seller, without
 * the times. Caller frees. */
static char *figures(long long run_id)
{
	gv_error err;

	gv_error_clear(&err);
	exec("BEGIN");
	cr_assert_eq(sellers_update(db, NULL, run_id, &err), 0, "%s", err.msg);
	exec("COMMIT");
	return rows("SELECT s.seller_id, s.seller_name, s.listings, s.global_claims, s.mislabelled,\n"
		    " s.suspect, s.unverified, s.consistent, s.ev_bands, s.ev_model, s.ev_reviews,\n"
		    " s.ev_firmware, s.ev_evasive, s.reviews, s.complaints, s.replies, s.evasive,\n"
		    " s.status, s.rank, h.listings, h.status FROM seller_stats s\n"
		    "LEFT JOIN seller_history h ON h.seller_id = s.seller_id AND h.run_id = s.run_id\n"
		    "ORDER BY s.seller_id");
}

static const char WANT[] =
	"s1|New name|3|2|1|1|0|0|1|0|1|1|1|3|1|2|1|insufficient data|NULL|3|insufficient data\n"
	"s2|Four|2|2|0|0|1|1|0|0|0|0|0|1|0|0|0|insufficient data|NULL|2|insufficient data\n"
	"s3|NULL|0|1|1|0|0|0|0|1|0|0|0|0|0|0|0|insufficient data|NULL|0|insufficient data\n";

Test(sellers, names_counts_and_sellers_without_listings)
{
	char *got = figures(1);
	cr_expect_str_eq(got, WANT);
	free(got);
}

/* After sql, the figures of run are WANT's. */
static void expect_want_after(const char *sql, long long run)
{
	char *got;

	exec(sql);
	got = figures(run);
	cr_expect_str_eq(got, WANT, "after %s", sql);
	free(got);
}

Test(sellers, same_figures_counted_from_rows)
{
	/* Without counts: R1 by its class, R3 by its evidence, Q2 by its
	 * evidence, the kinds from the evidence table. */
	exec("UPDATE verdicts SET reviews = NULL WHERE listing_id IN ('L2', 'L9')");
	expect_want_after("INSERT INTO dirty_listings(listing_id) VALUES ('L1'), ('L4')", 2);
	expect_want_after("UPDATE verdicts SET reviews = NULL", 3);
}

/* A listing whose verdict has its counts is summed from them, not recounted
 * (the verdict says 10 more reviews than L3 has here); a verdict without
 * them, or of another seller than the listing (sold on, not yet analysed
 * again), has the listing counted from the rows (then with a review of its
 * own, R5). */
Test(sellers, verdict_counts_are_read_not_recounted)
{
	char *got;

	exec("UPDATE verdicts SET reviews = 10 WHERE listing_id = 'L3'");
	got = figures(1);
	cr_expect(strstr(got, "s1|New name|3|2|1|1|0|0|1|0|1|1|1|13|") != NULL, "%s", got);
	free(got);
	expect_want_after("UPDATE verdicts SET reviews = NULL WHERE listing_id = 'L3'", 2);
	exec("UPDATE verdicts SET reviews = 10, seller_id = 's9' WHERE listing_id = 'L3'");
	exec("INSERT INTO reviews(review_id, listing_id, text) VALUES ('R5', 'L3', 'fine')");
	got = figures(3);
	cr_expect(strstr(got, "s1|New name|3|2|1|1|0|0|1|0|1|1|1|4|") != NULL, "%s", got);
	cr_expect(strstr(got, "s9|NULL|0|0|0|0|0|0|0|0|0|0|0|0|") != NULL, "%s", got);
	free(got);
}

Test(sellers, ranked_with_history_per_run)
{
	char *got;

	exec("INSERT INTO listings(listing_id, seller_id, title, scraped_at, first_seen)\n"
	     "VALUES ('L6', 's2', 't', '2026-01-01', '2026-01-01')");
	exec("INSERT INTO verdicts(listing_id, seller_id, claim, hardware, verdict, score,\n"
	     " analyzed_at) VALUES ('L6', 's2', 'global_version', 'china', 'mislabelled', 2, 'x')");
	exec("UPDATE verdicts SET reviews = 0, complaints = 0, replies = 0, evasive = 0\n"
	     "WHERE listing_id = 'L6'");
	free(figures(4));
	got = figures(5);
	cr_expect(strstr(got, "s2|Four|3|3|1|0|1|1|0|0|0|0|0|1|0|0|0|ranked|1|3|ranked\n") != NULL,
		  "%s", got);
	free(got);
	got = rows("SELECT count(*) FROM seller_history");
	cr_expect_str_eq(got, "6\n"); /* three sellers, two runs */
	free(got);
}

/* v_seller_latest (schema 010) as schema 005 defined it: seller_stats
 * joined to the window of v_seller_history. */
static const char LATEST_BY_WINDOW[] =
	"SELECT s.*, h.prev_run_id, h.prev_rate, h.rate_change, h.claims_change, h.prev_rank,\n"
	" COALESCE(h.newly_ranked, 0) AS newly_ranked FROM seller_stats s\n"
	"LEFT JOIN v_seller_history h ON h.seller_id = s.seller_id AND h.run_id = s.run_id\n"
	"ORDER BY s.rank IS NULL, s.rank, s.global_claims = 0, s.seller_id";

static void expect_latest_as_window(void)
{
	char *want = rows(LATEST_BY_WINDOW), *got = rows("SELECT * FROM v_seller_latest");
	cr_expect_str_eq(got, want);
	free(want);
	free(got);
}

Test(sellers, latest_changes_as_the_history_window)
{
	static const char *const steps[] = {
		/* s2 reaches three claims: newly ranked */
		"INSERT INTO listings(listing_id, seller_id, title, scraped_at, first_seen)\n"
		"VALUES ('L6', 's2', 't', '2026-01-01', '2026-01-01');\n"
		"INSERT INTO verdicts(listing_id, seller_id, claim, hardware, verdict, score,\n"
		" analyzed_at) VALUES ('L6', 's2', 'global_version', 'china', 'mislabelled', 2, 'x');\n"
		"UPDATE verdicts SET reviews = 0, complaints = 0, replies = 0, evasive = 0\n"
		"WHERE listing_id = 'L6'",
		/* s1 too, with a worse rate; s2's rate changes */
		"INSERT INTO verdicts(listing_id, seller_id, claim, hardware, verdict, score,\n"
		" analyzed_at) VALUES ('L7', 's1', 'global_version', 'china', 'mislabelled', 2, 'x');\n"
		"UPDATE verdicts SET verdict = 'mislabelled' WHERE listing_id = 'L5'",
		/* s2 drops below the minimum again */
		"DELETE FROM verdicts WHERE listing_id = 'L6'",
		"",
	};
	size_t i;

	expect_latest_as_window(); /* no runs yet */
	for (i = 0; i < sizeof steps / sizeof *steps; i++) {
		if (steps[i][0])
			exec(steps[i]);
		free(figures(10 + 2 * (long long)i)); /* runs 10, 12, ...: gaps as in real runs */
		expect_latest_as_window();
	}
	/* A seller whose current run has no history row (stats written by hand). */
	exec("UPDATE seller_stats SET run_id = 99 WHERE seller_id = 's3'");
	expect_latest_as_window();
}

Test(sellers, no_sellers_at_all)
{
	char *got;

	exec("DELETE FROM listings; DELETE FROM verdicts");
	got = figures(1);
	cr_expect_str_eq(got, "");
	free(got);
}

/* The ranks stored (RANK_SQL, in SQL over seller_stats) are the ranks
 * sellers_rank gives the same figures: 80 sellers, 0-7 claims each, many
 * ties broken by seller_id. No counts in the verdicts, so the figures also
 * come through the slow path. */
Test(sellers, stored_ranking_is_sellers_rank)
{
	enum { N = 80 };
	seller_rank v[N];
	char ids[N][8], sql[320];
	long rank[N];
	char status[N][24];
	unsigned x = 12345;
	sqlite3_stmt *st;
	gv_error err;
	int i, j, ranked = 0;

	exec("DELETE FROM verdicts; DELETE FROM listings");
	for (i = 0; i < N; i++) {
		int claims = (int)((x = x * 1103515245u + 12345u) >> 16) % 8, mis;
		mis = (int)((x = x * 1103515245u + 12345u) >> 16) % (claims + 1);
		for (j = 0; j < (claims ? claims : 1); j++) {
			snprintf(sql, sizeof sql,
				 "INSERT INTO verdicts(listing_id, seller_id, claim, hardware, verdict,"
				 " score, analyzed_at) VALUES ('V%d_%d', 'r%02d', '%s', 'unknown', '%s',"
				 " 0, 'x')",
				 i, j, i, claims ? "global_version" : "none",
				 !claims ? "not_claimed" : j < mis ? "mislabelled" : "unverified");
			exec(sql);
		}
	}
	gv_error_clear(&err);
	exec("BEGIN");
	cr_assert_eq(sellers_update(db, NULL, 7, &err), 0, "%s", err.msg);
	exec("COMMIT");
	cr_assert_eq(sqlite3_prepare_v2(db,
					"SELECT seller_id, global_claims, mislabelled, rank, status"
					" FROM seller_stats ORDER BY seller_id",
					-1, &st, NULL),
		     SQLITE_OK);
	for (i = 0; i < N; i++) {
		cr_assert_eq(sqlite3_step(st), SQLITE_ROW, "seller %d missing", i);
		snprintf(ids[i], sizeof ids[i], "%s", (const char *)sqlite3_column_text(st, 0));
		memset(&v[i], 0, sizeof v[i]);
		v[i].seller_id = ids[i];
		v[i].claims = sqlite3_column_int(st, 1);
		v[i].mislabelled = sqlite3_column_int(st, 2);
		wilson_interval(v[i].mislabelled, v[i].claims, &v[i].ci_low, &v[i].ci_high);
		rank[i] = sqlite3_column_type(st, 3) == SQLITE_NULL ? 0 : sqlite3_column_int(st, 3);
		snprintf(status[i], sizeof status[i], "%s", (const char *)sqlite3_column_text(st, 4));
	}
	cr_assert_eq(sqlite3_step(st), SQLITE_DONE);
	sqlite3_finalize(st);
	sellers_rank(v, N, SELLERS_MIN_CLAIMS_DEFAULT);
	for (i = 0; i < N; i++) {
		j = atoi(v[i].seller_id + 1); /* "r07" -> 7: the stored row */
		cr_expect_eq(rank[j], v[i].rank, "%s: stored rank %ld, sellers_rank %ld",
			     v[i].seller_id, rank[j], v[i].rank);
		cr_expect_str_eq(status[j], v[i].status, "%s", v[i].seller_id);
		ranked += v[i].rank > 0;
	}
	cr_expect_gt(ranked, 10, "too few ranked sellers to test the order: %d", ranked);
}

/* Both streams scan their covering index in seller order (schemas 013,
 * 016): no row of listings or verdicts is read, nothing is sorted. */
Test(sellers, streams_read_the_seller_indexes_alone)
{
	char *l = rows("EXPLAIN QUERY PLAN " SELLERS_LISTINGS_SQL);
	char *v = rows("EXPLAIN QUERY PLAN " SELLERS_VERDICTS_SQL);
	cr_expect(strstr(l, "SCAN l USING COVERING INDEX listings_seller") != NULL, "%s", l);
	cr_expect(strstr(v, "SCAN v USING COVERING INDEX verdicts_seller") != NULL, "%s", v);
	cr_expect(strstr(l, "TEMP B-TREE") == NULL, "%s", l);
	cr_expect(strstr(v, "TEMP B-TREE") == NULL, "%s", v);
	free(l);
	free(v);
}
