/* score.h: one scoring step that turns a listing's evidence (its own and
 * its reviews' and Q&A's) into a score, a hardware judgement and the
 * verdict words of outputs.md, with the thresholds of schemas/thresholds.csv.
 *
 * Rules (README "Verdict method"): the score is the sum of the evidence
 * weights. A Global Version claim is `mislabelled` only when the score
 * reaches mislabelled_at AND at least one strong signal (weights.csv
 * strength "strong") points to China hardware: weak and moderate hints
 * together never name a seller. `suspect` from suspect_at, or any strong
 * China signal outweighed by counter-evidence; `consistent` at or below
 * consistent_at; `unverified` otherwise (no usable evidence either way). A
 * listing without a Global Version claim is `not_claimed`, whatever its
 * evidence. Pure function of its inputs: the same evidence always gives the
 * same verdict. */
#ifndef GV_SCORE_H
#define GV_SCORE_H

#include "analyze/claim.h"
#include "analyze/evidence.h"
#include "analyze/weights.h"

typedef enum { HW_UNKNOWN = 0, HW_GLOBAL, HW_CHINA } hardware_kind;

typedef enum {
	VERDICT_NOT_CLAIMED = 0,
	VERDICT_UNVERIFIED,
	VERDICT_CONSISTENT,
	VERDICT_SUSPECT,
	VERDICT_MISLABELLED
} verdict_kind;

typedef struct score_result {
	double score;          /* sum of the weights (> 0 toward China hardware) */
	int strong;            /* strong signals toward China hardware that fired */
	hardware_kind hardware;
	verdict_kind verdict;
} score_result;

/* Score ev for a listing that claims `claim`; says_china is 1 when the
 * listing itself says "China Version" (its hardware is then china even with
 * no other evidence). */
void score_listing(const weights *w, claim_kind claim, int says_china, const evidence_list *ev,
		   score_result *out);
/* 1 if weights.csv marks the signal "strong". */
int score_is_strong(const weights *w, const char *signal);
const char *hardware_name(hardware_kind h);
const char *verdict_name(verdict_kind v);

#endif
