/* score.c: see score.h. */
#include "analyze/score.h"

#include <string.h>

int score_is_strong(const weights *w, const char *signal)
{
	int cs = refcsv_col(&w->signals, "strength");
	size_t r;

	if (cs < 0)
		return 0;
	for (r = 0; r < w->signals.nrows; r++)
		if (!strcmp(refcsv_get(&w->signals, r, 0), signal))
			return !strcmp(refcsv_get(&w->signals, r, cs), "strong");
	return 0;
}

void score_listing(const weights *w, claim_kind claim, int says_china, const evidence_list *ev,
		   score_result *out)
{
	double mis = weights_threshold(w, "mislabelled_at", 3.0);
	double sus = weights_threshold(w, "suspect_at", 1.0);
	double con = weights_threshold(w, "consistent_at", -0.3);
	size_t i;
	int usable = 0;

	memset(out, 0, sizeof *out);
	for (i = 0; i < ev->n; i++) {
		out->score += ev->v[i].weight;
		if (ev->v[i].weight != 0)
			usable++;
		if (ev->v[i].weight > 0 && score_is_strong(w, ev->v[i].signal))
			out->strong++;
	}
	/* Sums of a few decimal weights: round away binary noise so a score of
	 * exactly a threshold is judged the same on every machine. */
	out->score = (double)(long long)(out->score * 1000 + (out->score < 0 ? -0.5 : 0.5)) / 1000;

	if (out->strong && out->score >= mis)
		out->hardware = HW_CHINA;
	else if (usable && out->score <= con)
		out->hardware = HW_GLOBAL;
	else
		out->hardware = HW_UNKNOWN;
	if (claim != CLAIM_GLOBAL_VERSION) {
		if (says_china && out->hardware == HW_UNKNOWN)
			out->hardware = HW_CHINA; /* the seller says so */
		out->verdict = VERDICT_NOT_CLAIMED;
		return;
	}
	if (out->hardware == HW_CHINA)
		out->verdict = VERDICT_MISLABELLED;
	else if (out->score >= sus || out->strong)
		out->verdict = VERDICT_SUSPECT;
	else if (out->hardware == HW_GLOBAL)
		out->verdict = VERDICT_CONSISTENT;
	else
		out->verdict = VERDICT_UNVERIFIED;
}

const char *hardware_name(hardware_kind h)
{
	switch (h) {
	case HW_GLOBAL: return "global";
	case HW_CHINA: return "china";
	case HW_UNKNOWN: break;
	}
	return "unknown";
}

const char *verdict_name(verdict_kind v)
{
	switch (v) {
	case VERDICT_UNVERIFIED: return "unverified";
	case VERDICT_CONSISTENT: return "consistent";
	case VERDICT_SUSPECT: return "suspect";
	case VERDICT_MISLABELLED: return "mislabelled";
	case VERDICT_NOT_CLAIMED: break;
	}
	return "not_claimed";
}
