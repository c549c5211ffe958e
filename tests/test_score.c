/* test_score.c: verdict rules over hand-made evidence lists. */
#include <criterion/criterion.h>
#include <string.h>

#include "analyze/score.h"

static weights w;

static void setup(void)
{
	gv_error err;
	gv_error_clear(&err);
	cr_assert_eq(weights_load(&w, "schemas", &err), 0, "%s", err.msg);
}

static void teardown(void)
{
	weights_release(&w);
}

TestSuite(score, .init = setup, .fini = teardown);

/* Evidence from signal names, each with its weights.csv weight. */
static void make(evidence_list *ev, const char *const *signals)
{
	evidence_list_init(ev);
	for (; *signals; signals++)
		evidence_add(ev, *signals, EV_LISTING, "1", NULL, weights_get(&w, *signals));
}

static verdict_kind verdict_of(claim_kind claim, const char *const *signals, score_result *r)
{
	evidence_list ev;
	make(&ev, signals);
	score_listing(&w, claim, 0, &ev, r);
	evidence_list_release(&ev);
	return r->verdict;
}

Test(score, rules)
{
	static const struct {
		claim_kind claim;
		const char *signals[8];
		verdict_kind verdict;
		hardware_kind hw;
	} cases[] = {
		{CLAIM_GLOBAL_VERSION, {"listing_model_china"}, VERDICT_MISLABELLED, HW_CHINA},
		{CLAIM_GLOBAL_VERSION, {"listing_bands_china"}, VERDICT_MISLABELLED, HW_CHINA},
		{CLAIM_GLOBAL_VERSION, {"listing_model_china_suffix"}, VERDICT_MISLABELLED, HW_CHINA},
		{CLAIM_GLOBAL_VERSION, {"listing_model_china", "listing_bands_missing_key"}, VERDICT_MISLABELLED, HW_CHINA},
		/* no usable evidence */
		{CLAIM_GLOBAL_VERSION, {NULL}, VERDICT_UNVERIFIED, HW_UNKNOWN},
		{CLAIM_GLOBAL_VERSION, {"listing_unofficial_rom_risk"}, VERDICT_UNVERIFIED, HW_UNKNOWN},
		/* moderate and weak hints never make "mislabelled" on their own */
		{CLAIM_GLOBAL_VERSION, {"listing_bands_missing_key", "qa_evasive", "review_not_genuine", "listing_cert_china"}, VERDICT_SUSPECT, HW_UNKNOWN},
		{CLAIM_GLOBAL_VERSION, {"qa_evasive"}, VERDICT_SUSPECT, HW_UNKNOWN},
		{CLAIM_GLOBAL_VERSION, {"listing_cert_china"}, VERDICT_UNVERIFIED, HW_UNKNOWN},
		/* global evidence */
		{CLAIM_GLOBAL_VERSION, {"listing_model_global"}, VERDICT_CONSISTENT, HW_GLOBAL},
		{CLAIM_GLOBAL_VERSION, {"listing_bands_global", "listing_cert_global"}, VERDICT_CONSISTENT, HW_GLOBAL},
		/* a strong China signal outweighed by counter-evidence: suspect */
		{CLAIM_GLOBAL_VERSION, {"listing_bands_china", "listing_model_global", "review_network_ok", "qa_direct_global", "listing_cert_global"}, VERDICT_SUSPECT, HW_UNKNOWN},
		/* a China model number beside a copied global band list and CE */
		{CLAIM_GLOBAL_VERSION, {"listing_model_china", "listing_bands_global", "listing_cert_global"}, VERDICT_MISLABELLED, HW_CHINA},
		/* no Global Version claim: never mislabelled, whatever the evidence */
		{CLAIM_GLOBAL_ROM, {"listing_model_china", "listing_bands_china"}, VERDICT_NOT_CLAIMED, HW_CHINA},
		{CLAIM_CHINA, {"listing_bands_china"}, VERDICT_NOT_CLAIMED, HW_CHINA},
		{CLAIM_NONE, {"listing_model_china"}, VERDICT_NOT_CLAIMED, HW_CHINA},
		{CLAIM_NONE, {NULL}, VERDICT_NOT_CLAIMED, HW_UNKNOWN},
		{CLAIM_GLOBAL_ROM, {"listing_model_global"}, VERDICT_NOT_CLAIMED, HW_GLOBAL},
	};
	size_t i;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		score_result r;
		cr_expect_eq(verdict_of(cases[i].claim, cases[i].signals, &r), cases[i].verdict,
			     "case %zu: verdict %s, score %.2f", i, verdict_name(r.verdict), r.score);
		cr_expect_eq(r.hardware, cases[i].hw, "case %zu: hardware %s", i,
			     hardware_name(r.hardware));
	}
}

Test(score, says_china_sets_hardware_for_unclaimed)
{
	evidence_list ev;
	score_result r;
	evidence_list_init(&ev);
	score_listing(&w, CLAIM_CHINA, 1, &ev, &r);
	cr_expect_eq(r.verdict, VERDICT_NOT_CLAIMED);
	cr_expect_eq(r.hardware, HW_CHINA);
	score_listing(&w, CLAIM_GLOBAL_VERSION, 1, &ev, &r);
	cr_expect_eq(r.verdict, VERDICT_UNVERIFIED, "a claim's own words are not evidence");
	evidence_list_release(&ev);
}

Test(score, threshold_is_inclusive_and_deterministic)
{
	evidence_list ev;
	score_result a, b;
	double mis = weights_threshold(&w, "mislabelled_at", 3.0);
	evidence_list_init(&ev);
	evidence_add(&ev, "listing_model_china", EV_LISTING, "1", NULL, mis - 0.1);
	evidence_add(&ev, "listing_cert_china", EV_LISTING, "1", NULL, 0.1);
	score_listing(&w, CLAIM_GLOBAL_VERSION, 0, &ev, &a);
	score_listing(&w, CLAIM_GLOBAL_VERSION, 0, &ev, &b);
	cr_expect_eq(a.verdict, VERDICT_MISLABELLED, "score %.17g at the threshold", a.score);
	cr_expect(a.score == b.score && a.verdict == b.verdict);
	evidence_list_release(&ev);
}

Test(score, names)
{
	cr_expect_str_eq(verdict_name(VERDICT_MISLABELLED), "mislabelled");
	cr_expect_str_eq(verdict_name(VERDICT_NOT_CLAIMED), "not_claimed");
	cr_expect_str_eq(hardware_name(HW_GLOBAL), "global");
	cr_expect(score_is_strong(&w, "listing_model_china"));
	cr_expect(!score_is_strong(&w, "qa_evasive"));
}
