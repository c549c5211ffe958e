/* evidence.h: the pieces of evidence one listing collects during analysis.
 * Every analyser (listing text, reviews, Q&A) appends to an evidence_list;
 * the scorer sums the weights; analyze stores each entry as a row of the
 * evidence table so a reader can see why a verdict was given. */
#ifndef GV_EVIDENCE_H
#define GV_EVIDENCE_H

#include <stddef.h>

typedef enum { EV_LISTING, EV_REVIEW, EV_QA } ev_source;

typedef struct evidence {
	char *signal;    /* signal name, a row of schemas/weights.csv */
	ev_source source;
	char *source_id; /* listing_id, review_id or qa_id */
	char *excerpt;   /* the words that fired (<= EVIDENCE_EXCERPT_MAX bytes, valid UTF-8) */
	double weight;   /* contribution to the score: > 0 toward China hardware */
} evidence;

typedef struct evidence_list {
	evidence *v;
	size_t n, cap;
} evidence_list;

#define EVIDENCE_EXCERPT_MAX 240

void evidence_list_init(evidence_list *l);
/* Free every entry; the list is empty and reusable afterwards. */
void evidence_list_reset(evidence_list *l);
void evidence_list_release(evidence_list *l);
/* Append a copy of the strings. excerpt may be NULL; it is cut at a UTF-8
 * character boundary to EVIDENCE_EXCERPT_MAX bytes with "..." appended. */
void evidence_add(evidence_list *l, const char *signal, ev_source source, const char *source_id,
		  const char *excerpt, double weight);
/* "listing", "review" or "qa". */
const char *evidence_source_name(ev_source s);
/* Sum of the weights. */
double evidence_score(const evidence_list *l);
/* 1 if a signal of that name is in the list. */
int evidence_has(const evidence_list *l, const char *signal);

#endif
