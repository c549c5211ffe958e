/* test_textsig.c: the textsig contract on a real database: pending rows are
 * classified once per lexicon, listings marked dirty, and listing evidence
 * weighs the number and share of complaints. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "analyze/analyze.h"
#include "analyze/textsig.h"
#include "common/db.h"
#include "tests/testdb.h"

static sqlite3 *DB;
static textsig *TS;
static weights W;
static char PATH[64];

static void exec(const char *sql)
{
	char *msg = NULL;
	cr_assert_eq(sqlite3_exec(DB, sql, NULL, NULL, &msg), SQLITE_OK, "%s: %s", sql, msg ? msg : "");
}

static long count(const char *sql)
{
	sqlite3_stmt *st;
	long n;
	cr_assert_eq(sqlite3_prepare_v2(DB, sql, -1, &st, NULL), SQLITE_OK, "%s", sql);
	cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
	n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

static void setup(void)
{
	gv_error err;
	int fd;
	snprintf(PATH, sizeof PATH, "/tmp/gv-textsig-XXXXXX");
	fd = mkstemp(PATH);
	cr_assert_geq(fd, 0);
	close(fd);
	unlink(PATH);
	cr_assert_eq(db_open(PATH, &DB, &err), 0, "%s", err.msg);
	TS = textsig_new("schemas", &err);
	cr_assert_not_null(TS, "%s:%ld: %s", err.file, err.line, err.msg);
	cr_assert_eq(weights_load(&W, "schemas", &err), 0, "%s", err.msg);
}

static void teardown(void)
{
	weights_release(&W);
	textsig_free(TS);
	db_close(DB);
	testdb_unlink(PATH);
}

TestSuite(textsig, .init = setup, .fini = teardown);

static void add_reviews(const char *listing, int complaints, int total, const char *country)
{
	char sql[512];
	int i;
	for (i = 0; i < total; i++) {
		snprintf(sql, sizeof sql,
			 "INSERT INTO reviews(review_id, listing_id, rating, country, text) "
			 "VALUES ('%s-r%03d', '%s', 3, '%s', '%s')", listing, i, listing, country,
			 i < complaints ? "Only 3G in my town, no B28." : "Nice phone, fast delivery.");
		exec(sql);
	}
}

static double sum_signal(const evidence_list *ev, const char *signal, size_t *rows)
{
	double s = 0.0;
	size_t i;
	*rows = 0;
	for (i = 0; i < ev->n; i++)
		if (!strcmp(ev->v[i].signal, signal)) {
			s += ev->v[i].weight;
			(*rows)++;
		}
	return s;
}

Test(textsig, classify_once_and_mark_dirty)
{
	gv_error err;
	cr_assert_eq(strlen(textsig_fingerprint(TS)), 32);
	add_reviews("L1", 2, 5, "AU");
	exec("INSERT INTO qa(qa_id, listing_id, question, answer) VALUES "
	     "('q1', 'L1', 'Does it have band 20?', 'Dear friend, it supports Google Play and all languages.'),"
	     "('q2', 'L1', 'Is it global version?', NULL)");
	exec("BEGIN");
	cr_assert_eq(textsig_classify_pending(DB, TS, &err), 0, "%s", err.msg);
	exec("COMMIT");
	cr_expect_eq(count("SELECT count(*) FROM review_classes"), 5);
	cr_expect_eq(count("SELECT count(*) FROM review_classes WHERE class = 'complaint' AND bands = 'B28'"), 2);
	cr_expect_eq(count("SELECT count(*) FROM qa_classes WHERE reply_class = 'evasive'"), 1);
	cr_expect_eq(count("SELECT count(*) FROM qa_classes WHERE reply_class = 'unanswered'"), 1);
	cr_expect_eq(count("SELECT count(*) FROM dirty_listings WHERE listing_id = 'L1'"), 1);

	/* nothing pending: nothing redone */
	exec("DELETE FROM dirty_listings");
	cr_assert_eq(textsig_classify_pending(DB, TS, &err), 0, "%s", err.msg);
	cr_expect_eq(count("SELECT count(*) FROM dirty_listings"), 0);

	/* a reply arriving later is classified again */
	exec("UPDATE qa SET answer = 'No, it is China version.' WHERE qa_id = 'q2'");
	cr_assert_eq(textsig_classify_pending(DB, TS, &err), 0, "%s", err.msg);
	cr_expect_eq(count("SELECT count(*) FROM qa_classes WHERE qa_id = 'q2' AND reply_class = 'honest_china'"), 1);
	cr_expect_eq(count("SELECT count(*) FROM dirty_listings"), 1);

	/* another lexicon: everything is redone */
	exec("UPDATE review_classes SET lexicon = 'old'");
	exec("DELETE FROM dirty_listings");
	cr_assert_eq(textsig_classify_pending(DB, TS, &err), 0, "%s", err.msg);
	cr_expect_eq(count("SELECT count(*) FROM review_classes WHERE lexicon = 'old'"), 0);
	cr_expect_eq(count("SELECT count(*) FROM dirty_listings"), 1);
}

Test(textsig, complaints_weighed_by_number_and_share)
{
	gv_error err;
	evidence_list ev;
	double full = weights_get(&W, "review_network_complaints"), one, two, many;
	size_t rows;

	add_reviews("ONE", 1, 30, "AU");  /* one complaint on a well-reviewed listing */
	add_reviews("TWO", 2, 10, "AU");  /* two complaints, a fifth of the reviews */
	add_reviews("KEY", 2, 10, "AU");  /* the same, listing known to lack AU key bands */
	add_reviews("NEG", 0, 3, "AU");
	add_reviews("BIG", 5, 99, "AU");  /* five complaints on a listing with many reviews */
	add_reviews("BG2", 2, 99, "AU");
	exec("INSERT INTO reviews(review_id, listing_id, text) VALUES "
	     "('n1', 'NEG', '4G works fine, not 3G only as others said.'),"
	     "('n2', 'NEG', 'Only 3G in the subway but fine outside.')");
	cr_assert_eq(textsig_classify_pending(DB, TS, &err), 0, "%s", err.msg);
	cr_assert_gt(full, 0.0);

	evidence_list_init(&ev);
	cr_assert_eq(textsig_listing_evidence(DB, TS, &W, "ONE", "AU", -1, &ev, NULL, &err), 0, "%s", err.msg);
	one = sum_signal(&ev, "review_network_complaints", &rows);
	cr_expect_eq(rows, 1);
	cr_expect_lt(one, full / 2.0 + 1e-9, "one complaint is not proof: %g", one);
	cr_expect_eq(ev.v[0].source, EV_REVIEW);
	cr_expect_str_eq(ev.v[0].source_id, "ONE-r000");
	cr_expect_str_eq(ev.v[0].excerpt, "Only 3G in my town, no B28.");

	evidence_list_reset(&ev);
	cr_assert_eq(textsig_listing_evidence(DB, TS, &W, "TWO", "AU", -1, &ev, NULL, &err), 0, "%s", err.msg);
	two = sum_signal(&ev, "review_network_complaints", &rows);
	cr_expect_eq(rows, 2, "one evidence row per complaint");
	cr_expect_float_eq(two, full, 1e-9, "two complaints out of ten reach the full weight: %g", two);

	evidence_list_reset(&ev);
	cr_assert_eq(textsig_listing_evidence(DB, TS, &W, "BIG", "AU", -1, &ev, NULL, &err), 0, "%s", err.msg);
	cr_expect_float_eq(sum_signal(&ev, "review_network_complaints", &rows), full, 1e-9);
	cr_expect_eq(rows, 5);
	evidence_list_reset(&ev);
	cr_assert_eq(textsig_listing_evidence(DB, TS, &W, "BG2", "AU", -1, &ev, NULL, &err), 0, "%s", err.msg);
	cr_expect_lt(sum_signal(&ev, "review_network_complaints", &rows), full * 0.7,
		     "two complaints in 99 reviews are not two in 10");

	evidence_list_reset(&ev);
	cr_assert_eq(textsig_listing_evidence(DB, TS, &W, "KEY", "AU", 0, &ev, NULL, &err), 0, "%s", err.msg);
	many = sum_signal(&ev, "review_network_complaints", &rows);
	cr_expect_lt(many, full, "a band list with every key band weakens complaints: %g", many);

	exec("INSERT INTO reviews(review_id, listing_id, text) VALUES "
	     "('m1', 'MOD', 'Settings say model 22101316C. Great phone anyway.'),"
	     "('f1', 'MOD', 'Came with OS1.0.6.0.UNCCNXM, so it is a China ROM.')");
	cr_assert_eq(textsig_classify_pending(DB, TS, &err), 0, "%s", err.msg);
	evidence_list_reset(&ev);
	cr_assert_eq(textsig_listing_evidence(DB, TS, &W, "MOD", NULL, -1, &ev, NULL, &err), 0, "%s", err.msg);
	cr_expect_float_eq(sum_signal(&ev, "review_model_china", &rows), weights_get(&W, "review_model_china"), 1e-9);
	cr_expect_float_eq(sum_signal(&ev, "review_firmware_cn", &rows), weights_get(&W, "review_firmware_cn"), 1e-9);
	cr_expect_eq(count("SELECT count(*) FROM review_classes WHERE review_id = 'f1' AND fw_region = 'CN' "
			   "AND fw_version = 'OS1.0.6.0.UNCCNXM' AND fw_branch = 'stable'"), 1);

	evidence_list_reset(&ev);
	cr_assert_eq(textsig_listing_evidence(DB, TS, &W, "NEG", "AU", -1, &ev, NULL, &err), 0, "%s", err.msg);
	cr_expect_eq(evidence_has(&ev, "review_network_complaints"), 0, "negated and passing complaints");
	cr_expect_eq(evidence_has(&ev, "review_network_ok"), 1);
	cr_expect_lt(evidence_score(&ev), 0.0);
	evidence_list_release(&ev);
}

Test(textsig, qa_evidence)
{
	gv_error err;
	evidence_list ev;
	size_t rows;
	exec("INSERT INTO qa(qa_id, listing_id, question, answer) VALUES "
	     "('e1', 'Q', 'Does it have band 20?', 'Please check the description.'),"
	     "('e2', 'Q', 'Is it global version or china version?', 'Don''t worry, you will like it.'),"
	     "('h1', 'H', 'Does it have band 20?', 'It is China version hardware with Global ROM, it has no B20/B28.'),"
	     "('d1', 'D', 'Does it have band 20?', 'Yes, it is the original Global Version, model 22101316G, supports B1/B3/B7/B8/B20/B28.'),"
	     "('c1', 'C', 'Does it have band 20?', 'Yes, Global Version.')");
	cr_assert_eq(textsig_classify_pending(DB, TS, &err), 0, "%s", err.msg);
	evidence_list_init(&ev);
	cr_assert_eq(textsig_listing_evidence(DB, TS, &W, "Q", NULL, -1, &ev, NULL, &err), 0, "%s", err.msg);
	cr_expect_float_eq(sum_signal(&ev, "qa_evasive", &rows), weights_get(&W, "qa_evasive"), 1e-9);
	cr_expect_eq(rows, 2);
	cr_expect_eq(ev.v[0].source, EV_QA);
	evidence_list_reset(&ev);
	cr_assert_eq(textsig_listing_evidence(DB, TS, &W, "H", NULL, -1, &ev, NULL, &err), 0, "%s", err.msg);
	cr_expect_float_eq(sum_signal(&ev, "qa_honest_china", &rows), weights_get(&W, "qa_honest_china"), 1e-9);
	evidence_list_reset(&ev);
	cr_assert_eq(textsig_listing_evidence(DB, TS, &W, "D", NULL, -1, &ev, NULL, &err), 0, "%s", err.msg);
	cr_expect_eq(evidence_has(&ev, "qa_direct_global"), 1);
	cr_expect_lt(evidence_score(&ev), 0.0);
	evidence_list_reset(&ev);
	cr_assert_eq(textsig_listing_evidence(DB, TS, &W, "C", NULL, -1, &ev, NULL, &err), 0, "%s", err.msg);
	cr_expect_eq(evidence_has(&ev, "qa_claim_only"), 1);
	cr_expect_eq(evidence_has(&ev, "qa_direct_global"), 0, "a bare claim is no direct answer");
	evidence_list_release(&ev);
}

/* What a listing's analysis reads of its reviews and Q&A comes from
 * covering indexes alone, already in id order: no row of a table, no sort
 * (schemas 012 and 014). */
Test(textsig, listing_rows_read_from_indexes_alone)
{
	char plan[1024];

	testdb_plan(DB, TEXTSIG_REVIEWS_SQL, plan, sizeof plan);
	cr_expect_str_eq(plan, "SEARCH review_classes USING COVERING INDEX review_classes_listing "
			       "(listing_id=?);");
	testdb_plan(DB, TEXTSIG_QA_SQL, plan, sizeof plan);
	cr_expect_str_eq(plan, "SEARCH qa_classes USING COVERING INDEX qa_classes_listing "
			       "(listing_id=?);");
	testdb_plan(DB, ANALYZE_QA_SQL, plan, sizeof plan);
	cr_expect_str_eq(plan, "SEARCH q USING COVERING INDEX qa_listing (listing_id=?);"
			       "SEARCH c USING COVERING INDEX qa_classes_listing (listing_id=? AND "
			       "qa_id=?) LEFT-JOIN;");
}

Test(textsig, bad_lexicon_is_reported)
{
	char dir[] = "/tmp/gv-lex-XXXXXX", p[128];
	FILE *f;
	gv_error err;
	textsig *ts;
	cr_assert_not_null(mkdtemp(dir));
	snprintf(p, sizeof p, "%s/lexicon.csv", dir);
	f = fopen(p, "w");
	fputs("phrase,lang,signal,weight,note\nonly 3G,en,complaint,1.0,\nno 4G,en,complain,1.0,\n", f);
	fclose(f);
	snprintf(p, sizeof p, "%s/firmware_regions.csv", dir);
	f = fopen(p, "w");
	fputs("region_code,market\nCN,China\n", f);
	fclose(f);
	gv_error_clear(&err);
	ts = textsig_new(dir, &err);
	cr_expect_null(ts);
	cr_expect_eq(err.line, 3);
	cr_expect(strstr(err.msg, "complain") != NULL, "%s", err.msg);
	textsig_free(ts);
	snprintf(p, sizeof p, "%s/lexicon.csv", dir);
	unlink(p);
	snprintf(p, sizeof p, "%s/firmware_regions.csv", dir);
	unlink(p);
	rmdir(dir);
}
