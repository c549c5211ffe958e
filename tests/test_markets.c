/* test_markets.c: the market table (schemas/markets.csv), lookups, the
 * compatibility grades and the missing-band list, and bad tables. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "analyze/markets.h"

static markets M;

static void load_real(void)
{
	gv_error err;
	gv_error_clear(&err);
	cr_assert_eq(markets_load(&M, "schemas", &err), 0, "schemas/markets.csv: %s:%ld: %s",
		     err.file, err.line, err.msg);
}

static void release_real(void) { markets_release(&M); }

static bands parsed(const char *text)
{
	bands b;
	bands_init(&b);
	bands_parse(&b, text, strlen(text));
	return b;
}

TestSuite(markets, .init = load_real, .fini = release_real);

Test(markets, seed_markets_and_key_bands)
{
	static const struct {
		const char *country, *market, *key;
	} want[] = {
		{"US", "US", "2 4 5 12 13 71"}, {"DE", "EU", "1 3 7 8 20 28"},
		{"GB", "EU", "1 3 7 8 20 28"},  {"AU", "AU", "1 3 7 28"},
		{"CA", "CA", "2 4 7 12 17"},
	};
	size_t i;
	for (i = 0; i < sizeof want / sizeof want[0]; i++) {
		const market *mk = markets_find(&M, want[i].country);
		char buf[128] = "";
		int n;
		cr_assert_not_null(mk, "no market for %s", want[i].country);
		cr_expect_str_eq(mk->code, want[i].market);
		for (n = 1; n < BANDS_MAX; n++)
			if (mk->key[n])
				snprintf(buf + strlen(buf), sizeof buf - strlen(buf), "%s%d",
					 buf[0] ? " " : "", n);
		cr_expect_str_eq(buf, want[i].key, "key bands of %s", want[i].country);
	}
}

Test(markets, lookups)
{
	static const char *const present[] = {"RU", "BR", "MX", "JP", "KR", "IN", "TR", "CL",
					      "CO", "UA", "IL", "SA", "AE", "NZ", "ZA", "FR",
					      "IT", "ES", "NL", "PL"};
	size_t i;
	for (i = 0; i < sizeof present / sizeof present[0]; i++)
		cr_expect_not_null(markets_find(&M, present[i]), "no market for %s", present[i]);
	cr_expect_str_eq(markets_find(&M, "de")->code, "EU"); /* case-insensitive */
	cr_expect_str_eq(markets_find(&M, "EU")->code, "EU"); /* a market's own name */
	cr_expect_null(markets_find(&M, "XX"));
	cr_expect_null(markets_find(&M, ""));
	cr_expect_null(markets_find(&M, NULL));
	cr_expect_null(markets_find(NULL, "DE"));
}

Test(markets, every_market_is_consistent)
{
	int i, n;
	for (i = 0; i < M.n; i++) {
		const market *mk = &M.v[i];
		int nkey = 0, ncore = 0;
		cr_expect_gt(mk->ncountries, 0);
		for (n = 1; n < BANDS_MAX; n++) {
			nkey += mk->key[n];
			ncore += mk->core[n];
			cr_expect(!mk->core[n] || mk->key[n], "%s: core B%d not key", mk->code, n);
			cr_expect(!mk->missed[n] || mk->key[n], "%s: missed B%d not key", mk->code, n);
		}
		cr_expect_gt(nkey, 0, "%s has no key bands", mk->code);
		cr_expect_gt(ncore, 0, "%s has no core bands", mk->code);
	}
}

static const struct {
	const char *country, *text, *missing;
	compat_grade grade;
} compat_cases[] = {
	/* global list: everything */
	{"DE", "LTE FDD: 1/2/3/4/5/7/8/12/13/17/18/19/20/26/28/66; LTE TDD: 38/40/41", "",
	 COMPAT_ALL},
	/* a China list in Europe: B20 and B28 lacking, B7 there */
	{"FR", "4G: FDD-LTE B1/3/5/7/8/19, TDD-LTE B34/38/39/40/41", "B20;B28", COMPAT_SOME},
	{"FR", "LTE: B1/B3/B7/B20", "B8;B28", COMPAT_CORE},
	{"DE", "4G: FDD-LTE B1/3/5/8/19, TDD-LTE B34/38/39/40/41", "B7;B20;B28", COMPAT_SOME},
	{"US", "4G: FDD-LTE B1/2/3/4/5/7/8/19, TDD-LTE B34/38/39/40/41", "B12;B13;B71",
	 COMPAT_CORE},
	{"US", "4G LTE: Band 1, 3, 5, 8, 34, 38, 39, 40, 41", "B2;B4;B12;B13;B71", COMPAT_SOME},
	{"AU", "LTE TDD: 34/39", "B1;B3;B7;B28", COMPAT_NONE},
	{"CA", "FDD B2 B4 B7 B12", "B17", COMPAT_CORE},
	/* an ambiguous 700 MHz may be B28: not reported missing */
	{"AU", "4G: 700/1800/2100/2600MHz", "", COMPAT_ALL},
	/* no band list, no market: unknown, nothing missing */
	{"DE", "Xiaomi 13 Global Version 8GB 256GB", "", COMPAT_UNKNOWN},
	{"DE", "3G: WCDMA B1/B5/B8", "", COMPAT_UNKNOWN},
	{"XX", "LTE: B1/B3", "", COMPAT_UNKNOWN},
};

Test(markets, compat_grades_and_missing_lists)
{
	size_t i;
	for (i = 0; i < sizeof compat_cases / sizeof compat_cases[0]; i++) {
		bands b = parsed(compat_cases[i].text);
		strbuf sb;
		compat_grade g;
		sb_init(&sb);
		g = markets_compat(markets_find(&M, compat_cases[i].country), &b, &sb);
		cr_expect_str_eq(sb.buf, compat_cases[i].missing, "%s '%s': missing '%s'",
				 compat_cases[i].country, compat_cases[i].text, sb.buf);
		cr_expect_eq(g, compat_cases[i].grade, "%s '%s': grade %s, want %s",
			     compat_cases[i].country, compat_cases[i].text, compat_name(g),
			     compat_name(compat_cases[i].grade));
		sb_release(&sb);
	}
}

Test(markets, missing_appends_and_may_be_null)
{
	bands b = parsed("LTE: B1/B3/B7/B8");
	strbuf sb;
	sb_init(&sb);
	sb_adds(&sb, "x:");
	cr_expect_eq(markets_compat(markets_find(&M, "GB"), &b, &sb), COMPAT_SOME);
	cr_expect_str_eq(sb.buf, "x:B20;B28");
	sb_release(&sb);
	cr_expect_eq(markets_compat(markets_find(&M, "GB"), &b, NULL), COMPAT_SOME);
	cr_expect_eq(markets_compat(NULL, &b, NULL), COMPAT_UNKNOWN);
}

Test(markets, derived_markets_grade_but_are_not_seed)
{
	/* RU and BR are derived from operators.csv: a China list lacking B7/B20
	 * (RU) or B7/B28 (BR) is graded, but only seed markets are published as
	 * a verdict's missing_bands (schemas/SOURCES.md, "Basis"). */
	bands b = parsed("4G: FDD-LTE B1/3/5/8/19, TDD-LTE B34/38/39/40/41");
	strbuf sb;
	sb_init(&sb);
	cr_expect_eq(markets_compat(markets_find(&M, "RU"), &b, &sb), COMPAT_SOME);
	cr_expect_str_eq(sb.buf, "B7;B20");
	sb_reset(&sb);
	cr_expect_eq(markets_compat(markets_find(&M, "BR"), &b, &sb), COMPAT_SOME);
	cr_expect_str_eq(sb.buf, "B7;B28");
	cr_expect_eq(markets_find(&M, "RU")->seed, 0);
	cr_expect_eq(markets_find(&M, "BR")->seed, 0);
	cr_expect_eq(markets_find(&M, "DE")->seed, 1);
	cr_expect_eq(markets_find(&M, "US")->seed, 1);
	cr_expect_eq(markets_find(&M, "AU")->seed, 1);
	cr_expect_eq(markets_find(&M, "CA")->seed, 1);
	sb_release(&sb);
}

Test(markets, names)
{
	cr_expect_str_eq(compat_name(COMPAT_ALL), "all");
	cr_expect_str_eq(compat_name(COMPAT_CORE), "core");
	cr_expect_str_eq(compat_name(COMPAT_SOME), "some");
	cr_expect_str_eq(compat_name(COMPAT_NONE), "none");
	cr_expect_str_eq(compat_name(COMPAT_UNKNOWN), "unknown");
}

/* ---- bad tables ---- */

static char tmpdir[64];

static void write_table(const char *body)
{
	char path[128];
	FILE *f;
	strcpy(tmpdir, "/tmp/gv-markets-XXXXXX");
	cr_assert_not_null(mkdtemp(tmpdir));
	snprintf(path, sizeof path, "%s/markets.csv", tmpdir);
	f = fopen(path, "w");
	cr_assert_not_null(f);
	fputs(body, f);
	fclose(f);
}

static void remove_table(void)
{
	char path[128];
	snprintf(path, sizeof path, "%s/markets.csv", tmpdir);
	unlink(path);
	rmdir(tmpdir);
}

#define HEADER "market,countries,key_lte_bands,core_lte_bands,commonly_missed,basis,source\n"

static void expect_bad(const char *body, long line, const char *needle)
{
	markets m;
	gv_error err;
	gv_error_clear(&err);
	write_table(body);
	cr_expect_eq(markets_load(&m, tmpdir, &err), -1, "accepted: %s", body);
	cr_expect(strstr(err.file, "markets.csv") != NULL, "error names no file: '%s'", err.file);
	cr_expect_eq(err.line, line, "line %ld, want %ld (%s)", err.line, line, err.msg);
	cr_expect(strstr(err.msg, needle) != NULL, "message '%s' lacks '%s'", err.msg, needle);
	cr_expect_eq(m.n, 0);
	cr_expect_null(m.v);
	markets_release(&m);
	remove_table();
}

Test(markets_bad, bad_band)
{
	expect_bad(HEADER "US,US,2 4,2,,seed,x\nEU,DE FR,1 3 B3x,3,,seed,y\n", 3, "B3x");
}

Test(markets_bad, band_out_of_range)
{
	expect_bad(HEADER "US,US,2 4 999,2,,seed,x\n", 2, "999");
}

Test(markets_bad, missing_column)
{
	expect_bad("market,countries,key_lte_bands,source\nUS,US,2 4,x\n", 1, "core_lte_bands");
}

Test(markets_bad, core_not_key)
{
	expect_bad(HEADER "US,US,2 4,2 12,,seed,x\n", 2, "core");
}

Test(markets_bad, no_key_bands)
{
	expect_bad(HEADER "US,US,,,,seed,x\n", 2, "no key bands");
}

Test(markets_bad, country_twice)
{
	expect_bad(HEADER "US,US,2 4,2,,seed,x\nCA,CA US,2 4,2,,seed,y\n", 3, "'US'");
}

Test(markets_bad, bad_country)
{
	expect_bad(HEADER "US,USA,2 4,2,,seed,x\n", 2, "country");
}

Test(markets_bad, ragged_row)
{
	expect_bad(HEADER "US,US,2 4\n", 2, "fields");
	expect_bad(HEADER "US,US,2 4,2,,guessed,x\n", 2, "basis");
}

Test(markets_bad, no_rows)
{
	expect_bad(HEADER, 1, "no markets");
}

Test(markets_bad, missing_file)
{
	markets m;
	gv_error err;
	gv_error_clear(&err);
	cr_expect_eq(markets_load(&m, "/nonexistent-gvaudit-dir", &err), -1);
	cr_expect(strstr(err.msg, "/nonexistent-gvaudit-dir/markets.csv") != NULL, "%s", err.msg);
	markets_release(&m);
}

Test(markets_bad, good_small_table)
{
	markets m;
	gv_error err;
	gv_error_clear(&err);
	write_table(HEADER "XA,xa xb,B1;B3,B3,,seed,made up\n");
	cr_expect_eq(markets_load(&m, tmpdir, &err), 0, "%s", err.msg);
	cr_expect_eq(m.n, 1);
	cr_expect_not_null(markets_find(&m, "XB"));
	cr_expect(m.v[0].key[1] && m.v[0].key[3] && m.v[0].core[3] && !m.v[0].core[1]);
	markets_release(&m);
	markets_release(NULL);
	remove_table();
}
