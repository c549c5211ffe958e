/* replies.c: see replies.h. */
#include "analyze/replies.h"

#include <stdio.h>
#include <string.h>

const char *replies_class_name(reply_class c)
{
	static const char *const names[] = {"other", "direct", "honest_china", "evasive", "unanswered"};
	return (unsigned)c < sizeof names / sizeof *names ? names[c] : "other";
}

const char *replies_question_name(question_kind k)
{
	static const char *const names[] = {"other", "version", "bands", "carrier"};
	return (unsigned)k < sizeof names / sizeof *names ? names[k] : "other";
}

static int is_digit(char c) { return c >= '0' && c <= '9'; }
static int is_upper(char c) { return c >= 'A' && c <= 'Z'; }
static int is_alnum(char c) { return is_digit(c) || is_upper(c) || (c >= 'a' && c <= 'z'); }

/* Model numbers (MobileModels naming, see ../shared/reference/SOURCES.md):
 * 7-12 characters, digits and capitals, at least four digits, starting with
 * a digit or "M<digit>", ending with the suffix letter(s). */
char replies_model_region(const char *tok, size_t n)
{
	size_t i, digits = 0;
	char suf;
	if (n < 7 || n > 12)
		return 0;
	if (!(is_digit(tok[0]) || (tok[0] == 'M' && is_digit(tok[1]))))
		return 0;
	for (i = 0; i < n; i++) {
		if (is_digit(tok[i]))
			digits++;
		else if (!is_upper(tok[i]))
			return 0;
	}
	if (digits < 4 || !is_upper(tok[n - 1]))
		return 0;
	suf = tok[n - 1];
	if (suf == 'C')
		return 'C';
	if (strchr("GYOAXH", suf))
		return 'G';
	return 'O'; /* India, Japan, ...: a model, neither China nor global */
}

char replies_find_model(const char *t, size_t n, char *out, size_t cap)
{
	size_t i = 0;
	while (i < n) {
		size_t e = i;
		char r;
		while (e < n && is_alnum(t[e]))
			e++;
		if (e > i && (i == 0 || !is_alnum(t[i - 1])) && (r = replies_model_region(t + i, e - i))) {
			size_t k = e - i < cap - 1 ? e - i : cap - 1;
			memcpy(out, t + i, k);
			out[k] = '\0';
			return r;
		}
		i = e > i ? e : i + 1;
	}
	return 0;
}

/* Band numbers named as "B20", "b 20", "band 20", "banda 20", "Band20";
 * with a following "/28" or "/B28" list. Marks them in seen[]; returns how
 * many distinct bands. */
static int find_bands(const char *t, size_t n, unsigned char seen[100])
{
	size_t i = 0;
	int count = 0;
	memset(seen, 0, 100);
	while (i < n) {
		size_t p = i;
		if ((i == 0 || !is_alnum(t[i - 1])) && (t[i] | 0x20) == 'b') {
			p = i + 1;
			if (p + 3 <= n && !strncmp(t + p, "and", 3)) {
				p += 3;
				while (p < n && (t[p] | 0x20) >= 'a' && (t[p] | 0x20) <= 'z')
					p++; /* band, banda, bande, bands */
			}
			while (p < n && t[p] == ' ')
				p++;
			for (;;) {
				size_t d = p;
				unsigned v = 0;
				while (p < n && is_digit(t[p]) && p - d < 3)
					v = v * 10 + (unsigned)(t[p++] - '0');
				if (p == d || (p < n && is_alnum(t[p]) && (t[p] | 0x20) != 'a' && (t[p] | 0x20) != 'b'))
					break;
				if (v > 0 && v < 100 && !seen[v]) {
					seen[v] = 1;
					count++;
				}
				/* "B1/B3", "1/3/5", "B1, B3" */
				if (p + 1 < n && (t[p] == '/' || t[p] == ',')) {
					size_t q = p + 1;
					while (q < n && t[q] == ' ')
						q++;
					if (q < n && (t[q] | 0x20) == 'b')
						q++;
					if (q < n && is_digit(t[q])) {
						p = q;
						continue;
					}
				}
				break;
			}
		}
		i = p > i ? p : i + 1;
	}
	return count;
}

static int only_spaces(const char *a, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++)
		if (!strchr(" \t\r\n.-", a[i]))
			return 0;
	return 1;
}

/* Negated by a "not"/"no es" just before it in its clause? Hits are sorted
 * by start: only those starting at most 12 bytes plus the longest hit
 * before c can end within 12 bytes of it. */
static int negated(const lx_scan *s, const lx_hit *c)
{
	size_t i = (size_t)(c - s->h);
	while (i-- > 0 && s->h[i].start + s->longest + 12 >= c->start) {
		const lx_hit *h = &s->h[i];
		if (!h->dropped && (h->sig == LX_NEGATOR) && h->clause == c->clause && h->start < c->start &&
		    c->start - h->end <= 12)
			return 1;
	}
	return 0;
}

/* q_version words that name one side: "global*", "глобал*" / "china",
 * "китай*", "CN", "chinês", "cinese", "chińsk*" (folded or not). */
static int names_global(const lexicon *lx, const lx_hit *h)
{
	const char *p = lx->e[h->entry].phrase;
	return strstr(p, "lobal") || strstr(p, "глобал") || !strcmp(p, "international");
}

static int names_china(const lexicon *lx, const lx_hit *h)
{
	const char *p = lx->e[h->entry].phrase;
	return strstr(p, "hin") || strstr(p, "китай") || strstr(p, "cines") || !strcmp(p, "CN");
}

void replies_classify(const lexicon *lx, lx_scan *scan, const char *q, size_t qn, const char *a,
		      size_t an, reply_result *out)
{
	unsigned char qbands[100], abands[100];
	int nq, na, asked = 0, has_china = 0, has_global = 0, has_evasive = 0, starts_no = 0,
		       starts_yes = 0, admits_band = 0, listed_asked, q_global = 0, q_china = 0;
	char mregion;
	size_t i;

	memset(out, 0, sizeof *out);
	out->detail = "none";

	/* the question; which way a bare "yes"/"no" points depends on whether
	 * it asked "is it global?" or "is it the China version?" */
	lexicon_scan(lx, scan, q, qn);
	for (i = 0; i < scan->n; i++) {
		const lx_hit *h = &scan->h[i];
		if (h->dropped)
			continue;
		if (h->sig == LX_R_GLOBAL || h->sig == LX_GENUINE || (h->sig == LX_Q_VERSION && names_global(lx, h)))
			q_global = 1;
		else if (h->sig == LX_NOT_GENUINE || h->sig == LX_R_CHINA ||
			 (h->sig == LX_Q_VERSION && names_china(lx, h)))
			q_china = 1;
		if (h->sig == LX_Q_VERSION || h->sig == LX_R_GLOBAL || h->sig == LX_NOT_GENUINE)
			out->qk = QK_VERSION;
		else if (h->sig == LX_Q_BANDS && out->qk != QK_VERSION)
			out->qk = QK_BANDS;
		else if (h->sig == LX_Q_CARRIER && out->qk == QK_OTHER)
			out->qk = QK_CARRIER;
	}
	nq = find_bands(q, qn, qbands);
	if (nq && out->qk == QK_OTHER)
		out->qk = QK_BANDS;
	for (i = 1; i < 100; i++)
		if (qbands[i]) {
			asked = (int)i;
			snprintf(out->asked_band, sizeof out->asked_band, "B%d", asked);
			break;
		}

	if (!a || only_spaces(a, an)) {
		out->cls = RP_UNANSWERED;
		return;
	}
	out->ex_start = 0;
	out->ex_end = an;

	/* the answer */
	lexicon_scan(lx, scan, a, an);
	for (i = 0; i < scan->n; i++) {
		const lx_hit *h = &scan->h[i];
		if (h->dropped)
			continue;
		switch (h->sig) {
		case LX_R_CHINA: case LX_NOT_GENUINE:
			if (!negated(scan, h))
				has_china = 1;
			else
				has_global = 1; /* "not China version" */
			break;
		case LX_COMPLAINT: /* "it has no B20", "4G does not work in the US" */
			if (!negated(scan, h))
				admits_band = 1;
			break;
		case LX_R_GLOBAL: case LX_GENUINE:
			if (!negated(scan, h))
				has_global = 1;
			else
				has_china = 1; /* "not global version" not caught as a phrase */
			break;
		case LX_R_EVASIVE:
			has_evasive = lx->e[h->entry].weight >= 1.0 ? 2 : has_evasive ? has_evasive : 1;
			break;
		case LX_R_YES:
			if (h->start <= 1)
				starts_yes = 1;
			break;
		case LX_R_NO:
			if (h->start <= 1)
				starts_no = 1;
			break;
		default:
			break;
		}
	}
	mregion = replies_find_model(a, an, out->model, sizeof out->model);
	na = find_bands(a, an, abands);
	listed_asked = asked && abands[asked];

	/* "Is it the China version?" "Yes." / "No." */
	if (q_china && !q_global && !has_china && !has_global) {
		if (starts_yes)
			has_china = 1;
		else if (starts_no)
			has_global = 1;
		starts_yes = starts_no = 0;
	} else if (q_global && !q_china && starts_no && !has_global && !has_china) {
		has_china = 1; /* "Is it global?" "No." */
	}

	if (has_china || mregion == 'C') {
		out->cls = RP_HONEST_CHINA;
		out->detail = mregion == 'C' ? "model" : "admits";
	} else if (admits_band || (starts_no && !has_global && (out->qk == QK_BANDS || out->qk == QK_CARRIER)) ||
		   (asked && na >= 2 && !listed_asked)) {
		out->cls = RP_HONEST_CHINA; /* "no B20"; "No."; a band list without the band asked for */
		out->detail = "no_band";
	} else if (mregion == 'G') {
		out->cls = RP_DIRECT;
		out->detail = "model";
	} else if (na >= 2 || listed_asked) {
		out->cls = RP_DIRECT;
		out->detail = "bands";
	} else if (has_global || (starts_yes && out->qk != QK_OTHER && !has_evasive)) {
		/* "global version hardware" with no model and no bands is worded
		 * more strongly, but it is still only a claim */
		out->cls = RP_DIRECT;
		out->detail = "claim";
	} else if (out->qk != QK_OTHER || has_evasive == 2) {
		/* a recognised question answered with something else; or, whatever
		 * the question, a reply about ROM, languages or "works worldwide"
		 * instead of the hardware (sellers say that to version questions) */
		out->cls = RP_EVASIVE;
		out->detail = has_evasive ? "cue" : "none";
	} else {
		out->cls = RP_OTHER;
	}
}
