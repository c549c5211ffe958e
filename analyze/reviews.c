/* reviews.c: see reviews.h. */
#include "analyze/reviews.h"

#include "analyze/replies.h"

#include <stdio.h>
#include <string.h>

static const char *const class_names[RV_NCLASSES] = {
	"generic", "complaint", "negated", "complaint_noise", "firmware_cn", "firmware_global",
	"unofficial_rom", "not_genuine", "china_rom", "no_google",
};

const char *reviews_class_name(review_class c)
{
	return (unsigned)c < RV_NCLASSES ? class_names[c] : "generic";
}

/* Are there at most max words between folded offsets a and b (a <= b)?
 * Stops counting past max: the gap may be a megabyte long. */
static int words_within(const char *u, size_t a, size_t b, int max)
{
	int w = 0, in = 0;
	for (; a < b && w <= max; a++) {
		int sp = u[a] == ' ' || u[a] == '\n';
		if (!sp && !in)
			w++;
		in = !sp;
	}
	return w <= max;
}

/* The hits that can bear on hit c: those of its sentence (hits are sorted
 * by start, so a sentence's hits are contiguous), at most HIT_WINDOW on
 * each side of c. Without the bound, a long review with thousands of hits
 * in one unpunctuated "sentence" made every judgement a pass over all of
 * them: minutes for 1 MiB. No natural sentence has that many hits. */
#define HIT_WINDOW 64

static void hit_window(const lx_scan *s, const lx_hit *c, size_t *lo, size_t *hi)
{
	size_t i = (size_t)(c - s->h), a = i, b = i + 1;

	while (a > 0 && i - a < HIT_WINDOW && s->h[a - 1].sent == c->sent)
		a--;
	while (b < s->n && b - i <= HIT_WINDOW && s->h[b].sent == c->sent)
		b++;
	*lo = a;
	*hi = b;
}

static int sentence_is_question(const lx_scan *s, int sent)
{
	return (size_t)sent < s->nsent && s->sent_q[sent];
}

enum { IN_FORCE, NEGATED, NOISE, QUESTION };

/* Is the content hit c in force, negated, or a passing problem? */
static int judge(const lexicon *lx, const lx_scan *s, const lx_hit *c)
{
	size_t i, lo, hi;
	int contrast_after = 0, ok_after_contrast = 0, transient = 0, hearsay = 0;
	const char *u = s->f.out;
	int names_band = memchr(u + c->start, '#', c->end - c->start) != NULL; /* "no b#" */

	if (sentence_is_question(s, c->sent))
		return QUESTION; /* "only 3g??": asked, not reported */
	hit_window(s, c, &lo, &hi);
	for (i = lo; i < hi; i++) {
		const lx_hit *h = &s->h[i];
		if (h->dropped || h == c || h->sent != c->sent)
			continue;
		switch (h->sig) {
		case LX_NEGATOR: /* "not 3G only", "never drops to 3G" */
			if (h->clause == c->clause && h->start < c->start &&
			    words_within(u, h->end, c->start, 1))
				return NEGATED;
			break;
		case LX_NO_PROBLEM: /* "no problems at all with B28", "no 4g issues" */
			if (h->clause == c->clause && h->start <= c->start &&
			    (h->start < c->start || h->end > c->end))
				return NEGATED;
			break;
		case LX_DENIAL:
			if (h->start >= c->end)
				return NEGATED;
			break;
		case LX_HEARSAY:
			hearsay = 1;
			break;
		case LX_TRANSIENT:
			/* weight 1 ("subway", "outage"): the sentence; weaker cues
			 * ("sometimes", "indoors"): the clause. A complaint naming a
			 * band is about the hardware: only a strong cue in its own
			 * clause makes it a passing problem. */
			if (names_band ? lx->e[h->entry].weight >= 1.0 && h->clause == c->clause
				       : lx->e[h->entry].weight >= 1.0 || h->clause == c->clause)
				transient = 1;
			break;
		case LX_CONTRAST:
			if (h->start >= c->end)
				contrast_after = 1;
			break;
		case LX_NETWORK_OK: case LX_GENUINE: case LX_POSITIVE:
			if (contrast_after && h->start >= c->end)
				ok_after_contrast = 1;
			break;
		default:
			break;
		}
	}
	if (transient)
		return NOISE;
	if (hearsay)
		return NEGATED;
	if (ok_after_contrast)
		return NEGATED; /* "3G only at first but after a reboot LTE works" */
	return IN_FORCE;
}

/* A negated / withdrawn praise is no praise: "not 4G works" is rare, but a
 * question "does 4G work?" is common. */
static int praise_in_force(const lx_scan *s, const lx_hit *c)
{
	size_t i, lo, hi;
	if (sentence_is_question(s, c->sent))
		return 0;
	hit_window(s, c, &lo, &hi);
	for (i = lo; i < hi; i++) {
		const lx_hit *h = &s->h[i];
		if (!h->dropped && h->sig == LX_NEGATOR && h->sent == c->sent && h->clause == c->clause &&
		    h->start < c->start && words_within(s->f.out, h->end, c->start, 1))
			return 0;
	}
	return 1;
}

/* Is a band / network word (a q_bands phrase: "B20", "band 20", "LTE",
 * "pasmem") inside h, a few words after it or just before it, in its
 * clause? */
static int band_follows(const lx_scan *s, const lx_hit *h)
{
	size_t i, lo, hi;
	hit_window(s, h, &lo, &hi);
	for (i = lo; i < hi; i++) {
		const lx_hit *b = &s->h[i];
		if (b->sig != LX_Q_BANDS || b->clause != h->clause)
			continue;
		if (b->start >= h->start && b->start < h->end)
			return 1; /* "no 4g issues" */
		if (b->start >= h->end && words_within(s->f.out, h->end, b->start, 3))
			return 1; /* "no problems with band 20" */
		if (b->end <= h->start && words_within(s->f.out, b->end, h->start, 2))
			return 1; /* "4G sin problemas", "LTE bez problemu" */
	}
	return 0;
}

/* Band numbers inside the original span [a, b): "no B20/B28" -> "B20;B28". */
static void collect_bands(const char *t, size_t a, size_t b, char *out, size_t cap)
{
	size_t i = a, len = strlen(out);
	while (i < b) {
		if (t[i] >= '0' && t[i] <= '9' && (i == a || !(t[i - 1] >= '0' && t[i - 1] <= '9'))) {
			size_t e = i;
			unsigned v = 0;
			while (e < b && t[e] >= '0' && t[e] <= '9' && e - i < 3)
				v = v * 10 + (unsigned)(t[e++] - '0');
			if ((e >= b || ((t[e] | 0x20) != 'g' && !(t[e] >= '0' && t[e] <= '9'))) && v > 0 && v < 100) {
				char tok[8];
				int k = snprintf(tok, sizeof tok, "%sB%u", len ? ";" : "", v);
				if (!strstr(out, tok + (len ? 1 : 0)) && len + (size_t)k < cap) {
					memcpy(out + len, tok, (size_t)k + 1);
					len += (size_t)k;
				}
			}
			i = e;
			continue;
		}
		i++;
	}
}

/* A phrase in force: its flag is set, and the first such hit is kept for
 * the excerpt. */
static void note(int *flag, const lx_hit **first, const lx_hit *h)
{
	*flag = 1;
	if (!*first)
		*first = h;
}

void reviews_classify(const lexicon *lx, const fw_regions *fr, lx_scan *scan, const char *t, size_t n,
		      review_result *out)
{
	fw_hit fw[8];
	size_t nfw, i;
	const lx_hit *first_complaint = NULL, *first_noise = NULL, *first_neg = NULL, *first_ok = NULL,
		     *first_ng = NULL, *first_unoff = NULL, *first_rom = NULL, *first_ng_google = NULL;
	const fw_hit *cn = NULL, *glob = NULL, *unoff = NULL;
	const lx_hit *ex = NULL;

	memset(out, 0, sizeof *out);
	lexicon_scan(lx, scan, t, n);
	for (i = 0; i < scan->n; i++) {
		const lx_hit *h = &scan->h[i];
		double w = lx->e[h->entry].weight;
		if (h->dropped)
			continue;
		switch (h->sig) {
		case LX_COMPLAINT:
			switch (judge(lx, scan, h)) {
			case IN_FORCE:
				if (w > out->strength)
					out->strength = w;
				collect_bands(t, h->ostart, h->oend, out->bands, sizeof out->bands);
				note(&out->complaint, &first_complaint, h);
				break;
			case NOISE:
				note(&out->noise, &first_noise, h);
				break;
			case QUESTION:
				break;
			default:
				note(&out->negated, &first_neg, h);
			}
			break;
		case LX_NOT_GENUINE:
			if (judge(lx, scan, h) == IN_FORCE)
				note(&out->not_genuine, &first_ng, h);
			break;
		case LX_CHINA_ROM:
			if (judge(lx, scan, h) == IN_FORCE)
				note(&out->china_rom, &first_rom, h);
			break;
		case LX_NO_PROBLEM: /* "no problems with band 20": praise when a band follows */
			if (!sentence_is_question(scan, h->sent) && band_follows(scan, h))
				note(&out->network_ok, &first_ok, h);
			break;
		case LX_NETWORK_OK: case LX_GENUINE:
			if (praise_in_force(scan, h))
				note(&out->network_ok, &first_ok, h);
			break;
		case LX_UNOFFICIAL:
			if (judge(lx, scan, h) == IN_FORCE)
				note(&out->unofficial, &first_unoff, h);
			break;
		case LX_NO_GOOGLE:
			if (judge(lx, scan, h) == IN_FORCE)
				note(&out->no_google, &first_ng_google, h);
			break;
		default:
			break;
		}
	}

	out->model_region = replies_find_model(t, n, out->model, sizeof out->model);
	nfw = firmware_scan(fr, t, n, fw, sizeof fw / sizeof *fw);
	for (i = 0; i < nfw; i++) {
		if (!strcmp(fw[i].region, "CN") && fw[i].branch != FW_UNOFFICIAL && !cn)
			cn = &fw[i];
		else if (fw[i].branch == FW_UNOFFICIAL && !unoff)
			unoff = &fw[i];
		else if (fw[i].region[0] && strcmp(fw[i].region, "CN") && !glob)
			glob = &fw[i];
	}
	if (unoff)
		out->unofficial = 1;

	/* one class, strongest evidence first */
	if (cn) {
		out->cls = RV_FIRMWARE_CN;
		out->fw = *cn;
	} else if (out->unofficial) {
		out->cls = RV_UNOFFICIAL;
		ex = first_unoff;
		if (unoff)
			out->fw = *unoff;
	} else if (out->complaint) {
		out->cls = RV_COMPLAINT;
		ex = first_complaint;
	} else if (glob) {
		out->cls = RV_FIRMWARE_GLOBAL;
		out->fw = *glob;
	} else if (out->noise) {
		out->cls = RV_NOISE;
		ex = first_noise;
	} else if (out->negated || out->network_ok) {
		out->cls = RV_NEGATED;
		ex = first_neg ? first_neg : first_ok;
	} else if (out->not_genuine) {
		out->cls = RV_NOT_GENUINE;
		ex = first_ng;
	} else if (out->china_rom) {
		out->cls = RV_CHINA_ROM;
		ex = first_rom;
	} else if (out->no_google) {
		out->cls = RV_NO_GOOGLE;
		ex = first_ng_google;
	}
	if (cn || (out->cls == RV_UNOFFICIAL && unoff && !first_unoff) || out->cls == RV_FIRMWARE_GLOBAL) {
		out->has_fw = 1;
		/* the sentence holding the version string */
		out->ex_start = out->fw.start;
		out->ex_end = out->fw.end;
		for (i = 0; i < scan->nsent; i++) {
			size_t a, b;
			lx_sentence_span(scan, (int)i, &a, &b);
			if (a <= out->fw.start && out->fw.end <= b + 1) {
				out->ex_start = a;
				out->ex_end = b > out->fw.end ? b : out->fw.end;
				break;
			}
		}
	} else if (ex) {
		lx_sentence_span(scan, ex->sent, &out->ex_start, &out->ex_end);
		if (out->ex_start > ex->ostart || out->ex_end < ex->oend) {
			out->ex_start = ex->ostart;
			out->ex_end = ex->oend;
		}
	}
	if (unoff && !out->has_fw && out->cls == RV_UNOFFICIAL) {
		out->fw = *unoff;
		out->has_fw = 1;
	}
}
