/* test_claim.c: claims read from titles, spec lines and descriptions. */
#include <criterion/criterion.h>
#include <string.h>

#include "analyze/claim.h"

typedef struct {
	const char *title;
	const char *specs;
	const char *description;
	const char *claim;
} claim_case;

static const claim_case cases[] = {
	/* global_version wordings */
	{"Xiaomi Redmi Note 12 5G Global Version 8GB 256GB", NULL, NULL, "global_version"},
	{"POCO F5 12GB 256GB Global Ver. 67W Fast Charging", NULL, NULL, "global_version"},
	{"Xiaomi 14 Ultra 【Global Version】 16GB 512GB", NULL, NULL, "global_version"},
	{"Xiaomi 14 GLOBAL VERSION 12GB 512GB", NULL, NULL, "global_version"},
	{"POCO X6 Pro 5G International Version 8GB 256GB", NULL, NULL, "global_version"},
	{"Xiaomi Redmi Note 13 Versión Global 8GB 256GB", NULL, NULL, "global_version"},
	{"Xiaomi Redmi Note 13 VERSIÓN GLOBAL", NULL, NULL, "global_version"},
	{"Xiaomi 13T Version Globale 12Go 256Go", NULL, NULL, "global_version"},
	{"Xiaomi 13T Versione Globale 12GB 256GB", NULL, NULL, "global_version"},
	{"Redmi 13C Versão Global 8GB 256GB", NULL, NULL, "global_version"},
	{"Xiaomi Redmi Note 13 Pro Globale Version 8GB", NULL, NULL, "global_version"},
	{"Смартфон Xiaomi Redmi Note 13 Глобальная версия 8/256", NULL, NULL, "global_version"},
	{"Смартфон Xiaomi Redmi Note 13 ГЛОБАЛЬНАЯ ВЕРСИЯ", NULL, NULL, "global_version"},
	{"Xiaomi Redmi 12 Wersja globalna 4GB 128GB", NULL, NULL, "global_version"},
	{"Xiaomi 12 Global-Version 8+256", NULL, NULL, "global_version"},
	{"Ｘｉａｏｍｉ 13 ＧＬＯＢＡＬ ＶＥＲＳＩＯＮ", NULL, NULL, "global_version"},
	{"Xiaomi 13 Lite GlobalVersion NFC", NULL, NULL, "global_version"},
	{"Redmi Note 12 Pro 5G smartphone", "Brand Name: Xiaomi\nModel Number: 22101316G\nVersion: Global Version", NULL, "global_version"},
	{"Redmi Note 12 Pro 5G smartphone", "Brand Name: Xiaomi | Version: Global | Cellular: LTE", NULL, "global_version"},
	{"Redmi Note 12 Pro 5G smartphone", "Brand Name: Xiaomi; Edition: International", NULL, "global_version"},
	{"小米14 国际版 12GB+256GB", NULL, NULL, "global_version"},
	{"小米14国际版", NULL, NULL, "global_version"},
	{"Xiaomi 14 グローバル版", NULL, NULL, "global_version"},
	{"Xiaomi 14 Globální verze 12/256", NULL, NULL, "global_version"},
	{"Xiaomi 14 Phiên bản quốc tế", NULL, NULL, "global_version"},
	{"Xiaomi 14 no es la versión global", NULL, NULL, "none"},
	{"Xiaomi 14 nicht die globale Version", NULL, NULL, "none"},
	{"Xiaomi 14 non è la versione globale", NULL, NULL, "none"},
	{"Xiaomi 14 国行 12+256", NULL, NULL, "china"},
	{"Xiaomi 14 Int'l Version 12+256", NULL, NULL, "global_version"},
	{"Xiaomi 14 Wersja Międzynarodowa", NULL, NULL, "global_version"},
	{"شاومي 14 النسخة العالمية", NULL, NULL, "global_version"},
	{"Xiaomi 14 Global Stable ROM", NULL, NULL, "global_rom"},
	/* both a Global ROM and a Global Version: the hardware claim wins */
	{"Xiaomi 13 Global Version Global ROM 8GB 256GB", NULL, NULL, "global_version"},
	{"Xiaomi 13 CN Version Global ROM", "Version: Global Version", NULL, "global_version"},
	{"Xiaomi 13 Global ROM 8GB", NULL, "Brand new. Global Version, fast shipping.", "global_version"},
	{"Xiaomi 13 8GB 256GB", NULL, "Brand new. Global Version, fast shipping.", "global_version"},
	{"Xiaomi 14 No, this is the Global Version", NULL, NULL, "global_version"},
	{"Xiaomi 14 CN Version(Global ROM)", NULL, NULL, "global_rom"},
	/* honest Global ROM wordings */
	{"Xiaomi 14 Global ROM 12GB 256GB", NULL, NULL, "global_rom"},
	{"Redmi Note 14 Pro+ 5G Global Firmware 6GB 128GB", NULL, NULL, "global_rom"},
	{"Xiaomi 12 Multi-Language ROM 8GB 256GB", NULL, NULL, "global_rom"},
	{"POCO X6 Pro 5G 6GB 128GB CN Version Global ROM", NULL, NULL, "global_rom"},
	{"Redmi 12C China Version With Global ROM 16GB 512GB", NULL, NULL, "global_rom"},
	{"Xiaomi 12 16GB 512GB Global Rom 120Hz", NULL, NULL, "global_rom"},
	{"Xiaomi 13 Global Version ROM 8GB 256GB", NULL, NULL, "global_rom"},
	{"Xiaomi 13 ROM Global 8GB 256GB Versión China", NULL, NULL, "global_rom"},
	{"Xiaomi 13 Глобальная прошивка 8/256", NULL, NULL, "global_rom"},
	{"Xiaomi 13 Pro", "Version: Global ROM", NULL, "global_rom"},
	{"Xiaomi 13 Pro", "Brand Name: Xiaomi | MIUI Version: Global", NULL, "global_rom"},
	{"Xiaomi 13 Pro", "ROM: Global | Language: English, Russian, Multi-Language", NULL, "global_rom"},
	{"Xiaomi 13 Pro 8GB 256GB", "Language: English, Spanish, Multi-Language", NULL, "none"},
	{"Xiaomi 14 CN Version Global ROM", NULL, "Not the global version: China hardware.", "global_rom"},
	{"Xiaomi 14 Global ROM", NULL, "Unlike the Global Version, this one is the China Version.", "global_rom"},
	{"Xiaomi 14 CN Version Global ROM", NULL, "Difference between China Version and Global Version: bands.", "global_rom"},
	{"Xiaomi 14 Global ROM", NULL, "Cheaper than the Global Version.", "global_rom"},
	{"Xiaomi 14 China Version", NULL, "Compared to the global version it lacks B20.", "china"},
	/* negations */
	{"Xiaomi 14 China Version (not Global Version)", NULL, NULL, "china"},
	{"Xiaomi 14 Non-Global Version 12GB", NULL, NULL, "none"},
	{"Xiaomi 14 no global version, CN ROM only", NULL, NULL, "china"},
	{"Xiaomi 14 China Version, NOT global", NULL, NULL, "china"},
	{"Xiaomi 14 12GB 256GB, it isn't a Global Version", NULL, NULL, "none"},
	{"Xiaomi 14 Не глобальная версия", NULL, NULL, "none"},
	{"Xiaomi 14 Global ROM, not the Global Version", NULL, NULL, "global_rom"},
	/* every occurrence of a phrase counts, not only the first */
	{"Xiaomi 14 12GB, it isn't a Global Version; Global Version 8GB sold here", NULL, NULL,
	 "global_version"},
	{"Xiaomi 14 CN Version Global ROM; Version Global 8GB", NULL, NULL, "global_version"},
	/* folding drops apostrophes: "isn't", "isn’t" and "isnt" negate alike */
	{"Xiaomi 14 12GB 256GB, it isn’t a Global Version", NULL, NULL, "none"},
	{"Xiaomi 14 12GB 256GB, it isnt a Global Version", NULL, NULL, "none"},
	{"Xiaomi 14 12GB, these aren't Global Version phones", NULL, NULL, "none"},
	{"Xiaomi 14 Int'l ROM 12GB", NULL, NULL, "global_rom"},
	/* fullwidth colon and CJK brackets end a clause like ':' and '(' */
	{"Xiaomi 14 Ultra 16/512 Scratches: No【Global Version】", NULL, NULL, "global_version"},
	{"Xiaomi 14 faster than 13：Global Version", NULL, NULL, "global_version"},
	{"Xiaomi 14 Global：Version 12GB", NULL, NULL, "none"},
	/* hangul: one word per syllable, like Han and kana */
	{"Xiaomi 14 글로벌 버전입니다", NULL, NULL, "global_version"},
	{"Xiaomi 14 12GB", "Brand Name: Xiaomi | Global Version: No | Version: China", NULL, "china"},
	{"Xiaomi 14 12GB", "Brand Name: Xiaomi | Global Version: Yes", NULL, "global_version"},
	/* china */
	{"Redmi Note 14 Pro+ 5G 12GB 512GB Chinese Version", NULL, NULL, "china"},
	{"Mi 11 4GB 128GB CN Version IP68", NULL, NULL, "china"},
	{"Xiaomi 14 China Version 16GB 1TB", NULL, NULL, "china"},
	{"Xiaomi 14 Versión China 16GB", NULL, NULL, "china"},
	{"Xiaomi 14 Китайская версия", NULL, NULL, "china"},
	{"Xiaomi 14 Wersja chińska", NULL, NULL, "china"},
	{"Xiaomi 14 16GB", "Version: China", NULL, "china"},
	/* none */
	{"Xiaomi Redmi Note 13 5G 8GB 256GB Smartphone", NULL, NULL, "none"},
	{"Xiaomi 14 Ultra 16GB 512GB global shipping", NULL, NULL, "none"},
	{"Xiaomi 14 Ultra 16GB 512GB", "Brand Name: Xiaomi | Model Number: 23127PN0CG", "Fast shipping worldwide.", "none"},
	{"", NULL, NULL, "none"},
	{NULL, NULL, NULL, "none"},
};

Test(claim, table)
{
	size_t i;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		claim_result r;
		claim_detect(cases[i].title, cases[i].specs, cases[i].description, &r);
		cr_expect_str_eq(claim_name(r.kind), cases[i].claim, "case %zu '%s': got %s", i,
				 cases[i].title ? cases[i].title : "(null)", claim_name(r.kind));
	}
	cr_assert_geq(sizeof cases / sizeof cases[0], 40);
}

Test(claim, excerpt_quotes_the_original_words)
{
	claim_result r;
	claim_detect("Xiaomi 14 Ultra 【Global Version】 16GB", NULL, NULL, &r);
	cr_assert_eq(r.kind, CLAIM_GLOBAL_VERSION);
	cr_assert(strstr(r.excerpt, "title: ") == r.excerpt, "excerpt '%s'", r.excerpt);
	cr_assert(strstr(r.excerpt, "Global Version"), "excerpt '%s'", r.excerpt);

	claim_detect("Phone", "Brand Name: Xiaomi\nVersion: Global Version", NULL, &r);
	cr_assert(strstr(r.excerpt, "specs: "), "excerpt '%s'", r.excerpt);
	cr_assert(!strchr(r.excerpt, '\n'), "newlines flattened");
}

Test(claim, flags_for_risk_notes)
{
	claim_result r;
	claim_detect("POCO X6 Pro CN Version Global ROM", NULL, NULL, &r);
	cr_assert_eq(r.kind, CLAIM_GLOBAL_ROM);
	cr_assert_eq(r.says_china, 1);
	cr_assert_eq(r.says_global_rom, 1);
	claim_detect("POCO X6 Pro Global Version", NULL, NULL, &r);
	cr_assert_eq(r.says_china, 0);
	cr_assert_eq(r.says_global_rom, 0);
}

Test(claim, long_text_excerpt_is_bounded)
{
	char buf[4000];
	claim_result r;
	memset(buf, 'x', sizeof buf);
	memcpy(buf + 2000, " Global Version ", 16);
	buf[sizeof buf - 1] = '\0';
	claim_detect(buf, NULL, NULL, &r);
	cr_assert_eq(r.kind, CLAIM_GLOBAL_VERSION);
	cr_assert_leq(strlen(r.excerpt), CLAIM_EXCERPT_MAX);
}

/* The price pass asks only whether a listing says China version: the same
 * answer as claim_detect's says_china, on the table and on China wordings
 * in each source, negated, vetoed or hidden among other claims. */
Test(claim, says_china_alone)
{
	static const claim_case more[] = {
		{"Phone", "Version: China", NULL, NULL},
		{"Phone", "Region: Mainland China\nChina Version: No", NULL, NULL},
		{"Phone", "China Version: No", "not the China version", NULL},
		{"Phone", NULL, "This is the China Version with Global ROM.", NULL},
		{"Phone Global Version", NULL, "difference between China Version and Global Version", NULL},
		{"POCO X6 Pro CN Version Global ROM", NULL, NULL, NULL},
		{"Xiaomi 14 国行 12+256", "ROM: Global", "Global Version", NULL},
		{"Xiaomi 14 Non-China Version", NULL, NULL, NULL},
	};
	size_t i;
	for (i = 0; i < sizeof cases / sizeof cases[0] + sizeof more / sizeof more[0]; i++) {
		const claim_case *c = i < sizeof cases / sizeof cases[0] ? &cases[i]
									: &more[i - sizeof cases / sizeof cases[0]];
		claim_result r;
		claim_detect(c->title, c->specs, c->description, &r);
		cr_expect_eq(claim_says_china(c->title, c->specs, c->description), r.says_china,
			     "case %zu '%s'", i, c->title ? c->title : "(null)");
	}
	cr_expect_eq(claim_says_china("Phone", "Version: China", NULL), 1);
	cr_expect_eq(claim_says_china("Phone", "China Version: No", NULL), 0);
}
