/* test_report.c: listings.csv and evidence.csv, written in one walk of
 * listings: every piece of evidence once, in key order, with its kind and
 * its listing's seller, also evidence of listings that are not stored
 * (before, between and after the stored ones: no seller). */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/db.h"
#include "report/report.h"
#include "tests/testdb.h"

static sqlite3 *db;
static char path[128], dir[128];

static void setup(void)
{
	gv_error err;
	snprintf(path, sizeof path, "/tmp/gvaudit-test-report-%ld.db", (long)getpid());
	snprintf(dir, sizeof dir, "/tmp/gvaudit-test-report-%ld", (long)getpid());
	unlink(path);
	gv_error_clear(&err);
	cr_assert_eq(db_open(path, &db, &err), 0, "%s", err.msg);
}

static void teardown(void)
{
	static const char *const files[] = {"listings.csv", "sellers.csv", "evidence.csv",
					    "markets.csv", "report.html"};
	char p[256];
	size_t i;

	db_close(db);
	for (i = 0; i < sizeof files / sizeof *files; i++) {
		snprintf(p, sizeof p, "%s/%s", dir, files[i]);
		unlink(p);
	}
	rmdir(dir);
	testdb_unlink(path);
}

TestSuite(report, .init = setup, .fini = teardown);

static char *slurp(const char *name)
{
	char p[256], *buf;
	long n;
	FILE *f;

	snprintf(p, sizeof p, "%s/%s", dir, name);
	f = fopen(p, "rb");
	cr_assert(f, "%s", p);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	buf = calloc(1, (size_t)n + 1);
	cr_assert_eq(fread(buf, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	return buf;
}

Test(report, evidence_with_kind_and_seller_in_key_order)
{
	report_opts o = {dir, NULL, 1};
	gv_error err;
	char *got;

	cr_assert_eq(sqlite3_exec(db,
		"INSERT INTO listings(listing_id, seller_id, seller_name, title, scraped_at, first_seen)\n"
		"VALUES ('L4', 's2', 'Two', 'Redmi, \"Global\"', '2026-01-01', '2026-01-01'),\n"
		" ('L2', 's1', 'One', 'Poco', '2026-01-01', '2026-01-01');\n"
		"INSERT INTO evidence(listing_id, signal, source, source_id, excerpt, weight)\n"
		"VALUES ('L1', 'qa_evasive', 'qa', 'Q1', 'ask later', 1.25),\n"
		" ('L2', 'listing_bands_china', 'listing', 'L2', 'B34', 2),\n"
		" ('L2', 'listing_model_global', 'listing', 'L2', NULL, -1.5),\n"
		" ('L2', 'review_not_genuine', 'review', 'R1', '=fake', 0.5),\n"
		" ('L3', 'review_network_complaints', 'review', 'R2', 'no 4g', 1),\n"
		" ('L4', 'listing_cert_global', 'listing', 'L4', 'CE', -0.25),\n"
		" ('L4', 'review_firmware_cn', 'review', 'R3', 'V14.0.3.0.TMOCNXM', 1.5),\n"
		" ('L9', 'listing_bands_china', 'listing', 'L9', NULL, 2);\n",
		NULL, NULL, NULL), SQLITE_OK, "%s", sqlite3_errmsg(db));
	gv_error_clear(&err);
	cr_assert_eq(report_write(db, &o, &err), 0, "%s", err.msg);

	got = slurp("evidence.csv");
	cr_expect_str_eq(got,
		"listing_id,signal,source,source_id,excerpt,weight,kind,seller_id\r\n"
		"L1,qa_evasive,qa,Q1,ask later,1.25,evasive,\r\n"
		"L2,listing_bands_china,listing,L2,B34,2.00,bands,s1\r\n"
		"L2,listing_model_global,listing,L2,,-1.50,model,s1\r\n"
		"L2,review_not_genuine,review,R1,'=fake,0.50,reviews,s1\r\n"
		"L3,review_network_complaints,review,R2,no 4g,1.00,reviews,\r\n"
		"L4,listing_cert_global,listing,L4,CE,-0.25,other,s2\r\n"
		"L4,review_firmware_cn,review,R3,V14.0.3.0.TMOCNXM,1.50,firmware,s2\r\n"
		"L9,listing_bands_china,listing,L9,,2.00,bands,\r\n");
	free(got);
	got = slurp("listings.csv");
	cr_expect_str_eq(got,
		"listing_id,seller_id,title,market,claim,hardware,verdict,score,missing_bands,"
		"signals,seller_name,market_group,model_number,lte_bands,scraped_at,url\r\n"
		"L2,s1,Poco,,,,,,,,One,,,,2026-01-01,\r\n"
		"L4,s2,\"Redmi, \"\"Global\"\"\",,,,,,,,Two,,,,2026-01-01,\r\n");
	free(got);
}

Test(report, no_evidence_no_listings)
{
	report_opts o = {dir, NULL, 1};
	gv_error err;
	char *got;

	gv_error_clear(&err);
	cr_assert_eq(report_write(db, &o, &err), 0, "%s", err.msg);
	got = slurp("evidence.csv");
	cr_expect_str_eq(got, "listing_id,signal,source,source_id,excerpt,weight,kind,seller_id\r\n");
	free(got);
}
