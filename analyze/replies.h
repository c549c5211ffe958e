/* replies.h: a buyer's question and the seller's reply.
 *
 * The question kind says whether the buyer asked about the version, the
 * hardware, bands or carriers; the reply class how the seller answered:
 *   direct        a clear answer about the hardware: a model number or band
 *                 numbers (detail model | bands), or only the label "Yes,
 *                 Global Version" / "global hardware" with nothing to check
 *                 it by (detail claim: a claim, not evidence);
 *   honest_china  admits China hardware or missing bands ("CN version with
 *                 Global ROM", "no B20", a China model number);
 *   evasive       a version / band / carrier question answered with
 *                 something else (Google Play, languages, "100% original",
 *                 "check the description", "contact us"); also any question
 *                 answered with talk of the ROM, languages or "works
 *                 worldwide" (r_evasive phrases of weight 1) instead of the
 *                 hardware;
 *   unanswered    no reply;
 *   other         a question about something else, answered. */
#ifndef GV_REPLIES_H
#define GV_REPLIES_H

#include <stddef.h>

#include "analyze/lexicon.h"

typedef enum { QK_OTHER = 0, QK_VERSION, QK_BANDS, QK_CARRIER } question_kind;
typedef enum { RP_OTHER = 0, RP_DIRECT, RP_HONEST_CHINA, RP_EVASIVE, RP_UNANSWERED } reply_class;

typedef struct reply_result {
	question_kind qk;
	reply_class cls;
	const char *detail;  /* static: model | bands | claim | admits | no_band | cue | none */
	char model[24];      /* model number named in the reply, "" if none */
	char asked_band[8];  /* band the question named, "B20", "" if none */
	size_t ex_start, ex_end; /* excerpt: span of the answer */
} reply_result;

/* Classify question q[0..qn) and answer a[0..an) (a may be NULL). scan is
 * reusable scratch. Never fails. */
void replies_classify(const lexicon *lx, lx_scan *scan, const char *q, size_t qn, const char *a,
		      size_t an, reply_result *out);
const char *replies_class_name(reply_class c);     /* "direct", "honest_china", ... */
const char *replies_question_name(question_kind k); /* "version", "bands", "carrier", "other" */
/* Region of a Xiaomi model number by its suffix letter: 'C' China, 'G'
 * global, 0 when the token is no model number or the suffix says neither. */
char replies_model_region(const char *tok, size_t n);
/* The first model number in t[0..n), copied (cut) to out[cap]; its region
 * letter as replies_model_region, 0 when there is none. */
char replies_find_model(const char *t, size_t n, char *out, size_t cap);

#endif
