/* lexicon.c: see lexicon.h. */
#include "analyze/lexicon.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "analyze/fold.h"
#include "common/refcsv.h"

static const char *const signal_names[LX_NSIGNALS] = {
	"complaint", "not_genuine", "no_google", "unofficial_rom", "china_rom", "network_ok",
	"genuine", "negator", "no_problem", "denial", "contrast", "transient", "hearsay", "positive",
	"q_version", "q_bands", "q_carrier", "r_china", "r_global", "r_hardware", "r_evasive",
	"r_yes", "r_no",
};

int lexicon_signal(const char *name)
{
	int i;
	for (i = 0; i < LX_NSIGNALS; i++)
		if (!strcmp(signal_names[i], name))
			return i;
	return -1;
}

const char *lexicon_signal_name(lx_signal s)
{
	return (unsigned)s < LX_NSIGNALS ? signal_names[s] : "?";
}

int lexicon_load(lexicon *lx, const char *datadir, gv_error *err)
{
	static const char *const req[] = {"phrase", "lang", "signal", "weight", NULL};
	refcsv t;
	folder f;
	XXH3_state_t *hs = XXH3_createState();
	XXH128_hash_t h;
	int cp, cl, cs, cw, rc = -1;
	size_t r;

	memset(lx, 0, sizeof *lx);
	fold_init(&f);
	XXH3_128bits_reset(hs);
	if (refcsv_load(&t, datadir, "lexicon.csv", req, err) < 0)
		goto cleanup;
	cp = refcsv_col(&t, "phrase");
	cl = refcsv_col(&t, "lang");
	cs = refcsv_col(&t, "signal");
	cw = refcsv_col(&t, "weight");
	lx->e = xcalloc(t.nrows ? t.nrows : 1, sizeof *lx->e);
	lx->m = matcher_new();
	for (r = 0; r < t.nrows; r++) {
		const char *ph = refcsv_get(&t, r, cp), *ws = refcsv_get(&t, r, cw);
		int sig = lexicon_signal(refcsv_get(&t, r, cs)), flags = 0;
		size_t len = strlen(ph);
		double w;
		char *end;

		if (sig < 0) {
			gv_error_set(err, t.path, t.lines[r], "unknown signal '%s'", refcsv_get(&t, r, cs));
			goto cleanup;
		}
		w = strtod(ws, &end);
		if (!*ws || *end || !(w > 0.0 && w <= 1.0)) {
			gv_error_set(err, t.path, t.lines[r], "weight '%s' is not a number in (0,1]", ws);
			goto cleanup;
		}
		if (len > 1 && ph[len - 1] == '*') {
			flags = MATCHER_STEM;
			len--;
		}
		fold_text(&f, ph, len, FOLD_MASK_NUMBERS);
		while (f.len && f.out[f.len - 1] == ' ')
			f.len--;
		if (!f.len) {
			gv_error_set(err, t.path, t.lines[r], "phrase '%s' has no letters or digits", ph);
			goto cleanup;
		}
		lx->e[lx->n].phrase = xstrdup(ph);
		lx->e[lx->n].lang = xstrdup(refcsv_get(&t, r, cl));
		lx->e[lx->n].signal = (lx_signal)sig;
		lx->e[lx->n].weight = w;
		matcher_add(lx->m, f.out, f.len, (int)lx->n, flags);
		lx->n++;
		/* the fingerprint covers what matching depends on, in file order */
		XXH3_128bits_update(hs, ph, strlen(ph) + 1);
		XXH3_128bits_update(hs, refcsv_get(&t, r, cs), strlen(refcsv_get(&t, r, cs)) + 1);
		XXH3_128bits_update(hs, ws, strlen(ws) + 1);
	}
	matcher_build(lx->m);
	h = XXH3_128bits_digest(hs);
	snprintf(lx->fingerprint, sizeof lx->fingerprint, "%016llx%016llx",
		 (unsigned long long)h.high64, (unsigned long long)h.low64);
	rc = 0;
cleanup:
	XXH3_freeState(hs);
	fold_release(&f);
	refcsv_release(&t);
	return rc;
}

void lexicon_release(lexicon *lx)
{
	size_t i;
	for (i = 0; i < lx->n; i++) {
		free(lx->e[i].phrase);
		free(lx->e[i].lang);
	}
	free(lx->e);
	matcher_free(lx->m);
	memset(lx, 0, sizeof *lx);
}

void lx_scan_init(lx_scan *s)
{
	memset(s, 0, sizeof *s);
	fold_init(&s->f);
	match_list_init(&s->ml);
}

void lx_scan_release(lx_scan *s)
{
	fold_release(&s->f);
	match_list_release(&s->ml);
	free(s->h);
	free(s->sent_end);
	free(s->sent_q);
	memset(s, 0, sizeof *s);
}

static int is_content(lx_signal s)
{
	return s <= LX_GENUINE || s == LX_R_CHINA || s == LX_R_GLOBAL || s == LX_R_EVASIVE ||
	       s == LX_R_HARDWARE;
}

static int by_start(const void *a, const void *b)
{
	const lx_hit *x = a, *y = b;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->end != y->end)
		return x->end > y->end ? -1 : 1; /* longer first */
	return x->entry - y->entry;
}

static void add_sentence(lx_scan *s, size_t end, char q)
{
	if (s->nsent == s->capsent) {
		s->capsent = s->capsent ? s->capsent * 2 : 16;
		s->sent_end = xrealloc(s->sent_end, s->capsent * sizeof *s->sent_end);
		s->sent_q = xrealloc(s->sent_q, s->capsent);
	}
	s->sent_end[s->nsent] = end;
	s->sent_q[s->nsent] = q;
	s->nsent++;
}

static int is_alnum_byte(unsigned char c)
{
	return fold_is_word_byte(c) && c != '#';
}

/* A hit inside a longer hit of another signal is dropped (a content hit
 * only by another content hit). Hits are sorted by start, and no hit is
 * longer than the longest one, so the hits that can contain h[i] start in
 * [end - longest, start]: a window, not every pair (a 1 MiB review with
 * thousands of hits would take minutes). */
static int contains(const lx_hit *o, const lx_hit *h)
{
	return o->sig != h->sig && (is_content(o->sig) || !is_content(h->sig)) &&
	       o->start <= h->start && o->end >= h->end && o->end - o->start > h->end - h->start;
}

static void drop_contained(lx_scan *s)
{
	size_t i, j;

	s->longest = 0;
	for (i = 0; i < s->n; i++)
		if (s->h[i].end - s->h[i].start > s->longest)
			s->longest = s->h[i].end - s->h[i].start;
	for (i = 0; i < s->n; i++) {
		lx_hit *h = &s->h[i];
		for (j = i; j-- > 0 && !h->dropped && s->h[j].start + s->longest >= h->end;)
			h->dropped = contains(&s->h[j], h);
		for (j = i + 1; j < s->n && !h->dropped && s->h[j].start == h->start; j++)
			h->dropped = contains(&s->h[j], h);
	}
}

void lexicon_scan(const lexicon *lx, lx_scan *s, const char *t, size_t n)
{
	const char *u;
	size_t i, j, pos = 0, len;
	int sent = 0, clause = 0;

	fold_text(&s->f, t, n, FOLD_MASK_NUMBERS);
	matcher_scan(lx->m, s->f.out, s->f.len, &s->ml);
	u = s->f.out;
	len = s->f.len;
	if (s->cap < s->ml.n) {
		s->cap = s->ml.n * 2;
		s->h = xrealloc(s->h, s->cap * sizeof *s->h);
	}
	s->n = s->ml.n;
	for (i = 0; i < s->n; i++) {
		lx_hit *h = &s->h[i];
		h->start = s->ml.v[i].start;
		h->end = s->ml.v[i].end;
		h->ostart = s->f.map[h->start];
		h->oend = s->f.map[h->end];
		h->entry = s->ml.v[i].id;
		h->sig = lx->e[h->entry].signal;
		h->dropped = 0;
	}
	if (s->n > 1) /* s->h is still NULL before the first hit: qsort(NULL, 0) is UB */
		qsort(s->h, s->n, sizeof *s->h, by_start);
	drop_contained(s);

	/* one walk: sentence ends, clause breaks, hits placed as they start */
	s->nsent = 0;
	j = 0;
	for (pos = 0; pos <= len; pos++) {
		while (j < s->n && s->h[j].start == pos) {
			if (s->h[j].sig == LX_CONTRAST && !s->h[j].dropped)
				clause++;
			s->h[j].sent = sent;
			s->h[j].clause = clause;
			j++;
		}
		if (pos == len)
			break;
		switch (u[pos]) {
		case '.':
			if (pos + 1 < len && is_alnum_byte((unsigned char)u[pos + 1]))
				break; /* "v14.0.3", "xiaomi.eu" */
			/* fall through */
		case '!': case '?': case ';': case '\n':
		{
			size_t r0 = pos;
			while (pos + 1 < len && u[pos + 1] && strchr(".!?; \n", u[pos + 1]))
				pos++;
			add_sentence(s, pos + 1, memchr(u + r0, '?', pos - r0 + 1) != NULL);
		}
			sent++;
			clause++;
			break;
		case '<': /* "<br>", "<p>", "</p>", "<li>" in scraped HTML end a sentence */
			if (pos + 2 < len && (!strncmp(u + pos + 1, "br", 2) || !strncmp(u + pos + 1, "p>", 2) ||
					      !strncmp(u + pos + 1, "/p", 2) || !strncmp(u + pos + 1, "li", 2))) {
				add_sentence(s, pos + 1, 0);
				sent++;
				clause++;
			} else {
				clause++;
			}
			break;
		case ',': case ':': case '(': case ')': case '"':
			clause++;
			break;
		default:
			break;
		}
	}
	add_sentence(s, len, 0);
	while (j < s->n) { /* cannot happen: every hit starts before len */
		s->h[j].sent = sent;
		s->h[j].clause = clause;
		j++;
	}
}

void lx_sentence_span(const lx_scan *s, int k, size_t *ostart, size_t *oend)
{
	size_t a = k > 0 && (size_t)k <= s->nsent ? s->sent_end[k - 1] : 0;
	size_t b = (size_t)k < s->nsent ? s->sent_end[k] : s->f.len;
	while (a < b && (s->f.out[a] == ' ' || s->f.out[a] == '\n'))
		a++;
	while (b > a && (s->f.out[b - 1] == ' ' || s->f.out[b - 1] == '\n'))
		b--;
	*ostart = s->f.map[a];
	*oend = s->f.map[b];
}
