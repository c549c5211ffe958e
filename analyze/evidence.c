/* evidence.c: see evidence.h. */
#include "analyze/evidence.h"

#include <stdlib.h>
#include <string.h>

#include "common/util.h"

void evidence_list_init(evidence_list *l)
{
	l->v = NULL;
	l->n = l->cap = 0;
}

void evidence_list_reset(evidence_list *l)
{
	size_t i;
	for (i = 0; i < l->n; i++) {
		free(l->v[i].signal);
		free(l->v[i].source_id);
		free(l->v[i].excerpt);
	}
	l->n = 0;
}

void evidence_list_release(evidence_list *l)
{
	evidence_list_reset(l);
	free(l->v);
	evidence_list_init(l);
}

/* Copy at most EVIDENCE_EXCERPT_MAX bytes, never splitting a UTF-8 sequence. */
static char *cut_excerpt(const char *s)
{
	size_t n = strlen(s), keep;
	char *p;

	if (n <= EVIDENCE_EXCERPT_MAX)
		return xstrdup(s);
	keep = EVIDENCE_EXCERPT_MAX - 3;
	while (keep > 0 && ((unsigned char)s[keep] & 0xC0) == 0x80)
		keep--;
	p = xmalloc(keep + 4);
	memcpy(p, s, keep);
	memcpy(p + keep, "...", 4);
	return p;
}

void evidence_add(evidence_list *l, const char *signal, ev_source source, const char *source_id,
		  const char *excerpt, double weight)
{
	evidence *e;

	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 16;
		l->v = xrealloc(l->v, l->cap * sizeof *l->v);
	}
	e = &l->v[l->n++];
	e->signal = xstrdup(signal);
	e->source = source;
	e->source_id = xstrdup(source_id ? source_id : "");
	e->excerpt = excerpt ? cut_excerpt(excerpt) : NULL;
	e->weight = weight;
}

const char *evidence_source_name(ev_source s)
{
	switch (s) {
	case EV_LISTING: return "listing";
	case EV_REVIEW: return "review";
	case EV_QA: return "qa";
	}
	return "listing";
}

double evidence_score(const evidence_list *l)
{
	double sum = 0;
	size_t i;
	for (i = 0; i < l->n; i++)
		sum += l->v[i].weight;
	return sum;
}

int evidence_has(const evidence_list *l, const char *signal)
{
	size_t i;
	for (i = 0; i < l->n; i++)
		if (!strcmp(l->v[i].signal, signal))
			return 1;
	return 0;
}
