/* claim.c: see claim.h.
 *
 * Each source text is folded once by analyze/fold.h (Unicode case folding,
 * accents stripped, compatibility forms such as fullwidth letters mapped,
 * apostrophes dropped: "isn't" reads "isnt") and cut into words, everything
 * that is not a letter or digit a single space, with a map back to the
 * original bytes, so phrases are matched on whole words in any case or
 * accent form and the excerpt still quotes the seller's own words. */
#include "analyze/claim.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "analyze/fold.h"
#include "analyze/matcher.h"
#include "common/util.h"

/* A text cut into words for phrase matching: analyze/fold.h folds it (the
 * same case folding, accent stripping and compatibility mapping as the
 * review matcher), then the words are re-cut here the way phrases need
 * them: one space between words and on both ends, so " phrase " finds whole
 * words; every byte that is not a letter or digit a separator; each CJK
 * character a word of its own (those scripts have no spaces); and a barrier
 * token "\x01" for clause marks, so phrases and negations never reach across
 * "Name: value", list separators or sentence ends. fold.h turns some of
 * those marks into plain spaces (fullwidth colon, CJK brackets), so barriers
 * are read from the original text between two words. src[i] is the byte
 * offset in the original of the character that produced s[i]. */
typedef struct words {
	folder fold;      /* the shared folding; its buffers are reused */
	char *s;          /* " global version \x01 8gb " */
	size_t *src;      /* original offset of each byte of s */
	size_t len, cap;  /* bytes in s; allocated entries of s and src */
} words;

static void words_push(words *w, char c, size_t src)
{
	if (w->len + 2 > w->cap) {
		w->cap = w->cap ? w->cap * 2 : 256;
		w->s = xrealloc(w->s, w->cap);
		w->src = xrealloc(w->src, w->cap * sizeof *w->src);
	}
	w->s[w->len] = c;
	w->src[w->len] = src;
	w->len++;
	w->s[w->len] = '\0';
}

static void words_space(words *w, size_t src)
{
	if (w->len == 0 || w->s[w->len - 1] != ' ')
		words_push(w, ' ', src);
}

/* A byte of a letter or digit in fold.h's output: ASCII punctuation stays
 * as it is there, '#' included; other non-letters are already spaces. */
static int is_word_byte(unsigned char c)
{
	return c != '#' && fold_is_word_byte(c);
}

/* Han, kana and hangul: scripts written without spaces between words. */
static int is_cjk(utf8proc_int32_t c)
{
	return (c >= 0x3040 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x9FFF) ||
	       (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0xF900 && c <= 0xFAFF);
}

static int is_barrier(utf8proc_int32_t c)
{
	switch (c) {
	case ':': case ';': case '|': case '\n': case '\r': case '(': case ')': case '[': case ']':
	case ',': case '.': case '!': case '?': case 0x3010: case 0x3011: case 0xFF08: case 0xFF09:
	case 0xFF1A: case 0xFF0C: case 0x3001: case 0x3002:
		return 1;
	default:
		return 0;
	}
}

/* The code point at text[at] (-1 for an invalid byte); *len its bytes. */
static utf8proc_int32_t cp_at(const char *text, size_t n, size_t at, size_t *len)
{
	utf8proc_int32_t cp;
	utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)text + at,
					      (utf8proc_ssize_t)(n - at), &cp);
	*len = k > 0 ? (size_t)k : 1;
	return k > 0 ? cp : -1;
}

/* A barrier token for each clause mark in text[from, to): the separators
 * between two words. */
static void words_barriers(words *w, const char *text, size_t n, size_t from, size_t to)
{
	size_t len;
	for (; from < to; from += len)
		if (is_barrier(cp_at(text, n, from, &len))) {
			words_space(w, from);
			words_push(w, '\x01', from);
			words_push(w, ' ', from);
		}
}

static void words_cut(words *w, const char *text, size_t n)
{
	const folder *f = &w->fold;
	size_t i, done = 0, len = 0; /* done: original bytes up to here are cut */
	int cjk = 0;

	fold_text(&w->fold, text, n, 0);
	w->len = 0;
	words_space(w, 0);
	for (i = 0; i < f->len; i++) {
		unsigned char c = (unsigned char)f->out[i];
		size_t at = f->map[i];
		if (!is_word_byte(c)) {
			words_space(w, at);
			continue;
		}
		if (at >= done) { /* the first byte a character produced */
			words_barriers(w, text, n, done, at);
			cjk = is_cjk(cp_at(text, n, at, &len));
			if (cjk)
				words_space(w, at);
			done = at + len;
		}
		words_push(w, (char)c, at);
		if (cjk && (i + 1 == f->len || f->map[i + 1] != at))
			words_space(w, done);
	}
	words_barriers(w, text, n, done, n);
	words_space(w, n);
}

static void words_release(words *w)
{
	fold_release(&w->fold);
	free(w->s);
	free(w->src);
	memset(w, 0, sizeof *w);
}

enum { P_GV, P_ROM, P_CN };
#define KIND_BIT(k) (1u << (k))
#define ALL_KINDS (KIND_BIT(P_GV) | KIND_BIT(P_ROM) | KIND_BIT(P_CN))

typedef struct phrase {
	int kind;
	const char *text; /* written plainly; folded at first use */
} phrase;

/* Longer phrases that contain a Global Version phrase ("Global Version ROM")
 * are listed as ROM phrases; a Global Version match inside a longer ROM
 * match does not count (decision: "Global Version ROM" names the software,
 * so it is a global_rom claim; documented in README.md ("Verdict method")). */
static const phrase phrases[] = {
	/* global_version: the hardware is said to be global */
	{P_GV, "global version"}, {P_GV, "global ver"}, {P_GV, "global vers"},
	{P_GV, "globalversion"}, {P_GV, "global edition"}, {P_GV, "global variant"},
	{P_GV, "international version"}, {P_GV, "international edition"},
	{P_GV, "intl version"}, {P_GV, "int version"}, {P_GV, "international ver"},
	{P_GV, "versión global"}, {P_GV, "version globale"}, {P_GV, "versione globale"},
	{P_GV, "versão global"}, {P_GV, "globale version"}, {P_GV, "globale versie"},
	{P_GV, "global versiyon"}, {P_GV, "küresel sürüm"},
	{P_GV, "versión internacional"}, {P_GV, "version internationale"},
	{P_GV, "internationale version"}, {P_GV, "versione internazionale"},
	{P_GV, "versão internacional"},
	{P_GV, "глобальная версия"}, {P_GV, "глобальной версии"}, {P_GV, "глобальную версию"},
	{P_GV, "глобальная версiя"}, {P_GV, "global версия"}, {P_GV, "глобальна версія"},
	{P_GV, "международная версия"},
	{P_GV, "wersja globalna"}, {P_GV, "globalna wersja"}, {P_GV, "wersja global"},
	{P_GV, "eu version"}, {P_GV, "european version"}, {P_GV, "europe version"},
	{P_GV, "eu edition"}, {P_GV, "global model"},
	{P_GV, "globální verze"}, {P_GV, "globalna verzija"}, {P_GV, "versiune globală"},
	{P_GV, "globális verzió"}, {P_GV, "global sürüm"}, {P_GV, "version mondiale"},
	{P_GV, "phiên bản quốc tế"}, {P_GV, "bản quốc tế"}, {P_GV, "versi global"},
	{P_GV, "国际版"}, {P_GV, "全球版"}, {P_GV, "海外版"}, {P_GV, "グローバル版"},
	{P_GV, "グローバルバージョン"}, {P_GV, "글로벌 버전"}, {P_GV, "글로벌버전"},
	{P_GV, "global versions"}, {P_GV, "int'l version"}, {P_GV, "wersja międzynarodowa"},
	{P_GV, "internationale versie"}, {P_GV, "глобал версия"}, {P_GV, "глобальная версия телефона"},
	{P_GV, "النسخة العالمية"}, {P_GV, "الإصدار العالمي"},
	/* global_rom: only the software is said to be global */
	{P_ROM, "global rom"}, {P_ROM, "global firmware"}, {P_ROM, "global software"},
	{P_ROM, "global miui"}, {P_ROM, "global hyperos"}, {P_ROM, "miui global"},
	{P_ROM, "hyperos global"}, {P_ROM, "global os"},
	{P_ROM, "global version rom"}, {P_ROM, "global version firmware"},
	{P_ROM, "global version software"}, {P_ROM, "global version miui"},
	{P_ROM, "global ver rom"}, {P_ROM, "global rom version"},
	{P_ROM, "international rom"}, {P_ROM, "intl rom"}, {P_ROM, "eu rom"},
	{P_ROM, "multi language rom"}, {P_ROM, "multilanguage rom"},
	{P_ROM, "multi languages rom"}, {P_ROM, "multi language firmware"},
	{P_ROM, "multi lingual rom"}, {P_ROM, "multilingual rom"},
	{P_ROM, "rom global"}, {P_ROM, "firmware global"}, {P_ROM, "rom globale"},
	{P_ROM, "firmware globale"}, {P_ROM, "globale rom"}, {P_ROM, "globale firmware"},
	{P_ROM, "rom globalny"}, {P_ROM, "globalny rom"}, {P_ROM, "rom internacional"},
	{P_ROM, "глобальная прошивка"}, {P_ROM, "глобальной прошивкой"},
	{P_ROM, "глобальную прошивку"}, {P_ROM, "прошивка глобальная"},
	{P_ROM, "глобальный ром"}, {P_ROM, "global прошивка"},
	{P_ROM, "global stable rom"}, {P_ROM, "eea rom"}, {P_ROM, "国际版rom"},
	{P_ROM, "全球版rom"}, {P_ROM, "国际版系统"}, {P_ROM, "global version system"},
	/* china: the listing says it is the China version */
	{P_CN, "china version"}, {P_CN, "cn version"}, {P_CN, "chinese version"},
	{P_CN, "china ver"}, {P_CN, "cn ver"}, {P_CN, "china edition"},
	{P_CN, "chinese edition"}, {P_CN, "cn edition"}, {P_CN, "china rom"},
	{P_CN, "cn rom"}, {P_CN, "chinese rom"}, {P_CN, "china variant"},
	{P_CN, "cn variant"}, {P_CN, "china model"}, {P_CN, "mainland version"},
	{P_CN, "china mainland version"}, {P_CN, "chinaversion"},
	{P_CN, "versión china"}, {P_CN, "versión chino"}, {P_CN, "version chinoise"},
	{P_CN, "version chine"}, {P_CN, "versione cinese"}, {P_CN, "versão chinesa"},
	{P_CN, "versão china"}, {P_CN, "chinesische version"}, {P_CN, "china versie"},
	{P_CN, "китайская версия"}, {P_CN, "китайской версии"}, {P_CN, "китайскую версию"},
	{P_CN, "версия для китая"}, {P_CN, "китайская прошивка"},
	{P_CN, "wersja chińska"}, {P_CN, "chińska wersja"}, {P_CN, "wersja chinska"},
	{P_CN, "cn model"}, {P_CN, "chinese model"}, {P_CN, "china spec"},
	{P_CN, "chinese hardware"}, {P_CN, "china hardware"}, {P_CN, "国行"},
	{P_CN, "中国版"}, {P_CN, "大陆版"}, {P_CN, "国行版"},
};
#define NPHRASES (sizeof phrases / sizeof phrases[0])

/* Words that negate a phrase right after them, possibly through a few
 * filler words ("not the Global Version", "isn't a global version"). Folding
 * drops apostrophes, so "isn't" is "isnt"; "isn" stays for "isn`t". */
static const char *const negators[] = {
	"not", "non", "no", "isnt", "arent", "wasnt", "doesnt", "isn", "aren", "wasn", "doesn",
	"never", "without", "neither",
	"nor", "nicht", "kein", "keine", "keinen", "не", "нет", "ни", "nie", "pas", "sin",
	"nao", "ni", "ne", "niet", "geen", NULL};
/* Comparisons name a version without claiming it ("unlike the Global
 * Version", "difference between China Version and Global Version"): one of
 * these anywhere earlier in the clause (up to a separator, 8 words back). */
static const char *const comparators[] = {
	"unlike", "than", "vs", "versus", "compared", "comparing", "comparison", "between",
	"instead", "except", "differ", "differs", "different", "difference", "distinguish",
	"otlichie", "отличие", "отличается", "diferencia", "différence", "unterschied", NULL};
static const char *const fillers[] = {
	"a", "an", "the", "t", "s", "is", "it", "its", "this", "real", "genuine", "original",
	"official", "true", "actual", "really", "la", "el", "una", "un", "une", "le", "die",
	"eine", "ein", "der", "es", "est", "ist", "jest", "to", "e", "è", "это", "a", "o",
	"uma", "um", "de", "da", "do", "oryginalna", "оригинальная", "настоящая", "of", "to",
	"from", "and", NULL};

static matcher *phrase_matcher; /* every folded phrase, its index as id */
static pthread_once_t phrases_once = PTHREAD_ONCE_INIT;

/* Fold the phrases once and compile them into one automaton
 * (analyze/matcher.h); analyze calls claim_detect from two threads, which
 * share it read-only. A folded phrase has a space at both ends
 * (" global version "), so the matcher's word-boundary test never applies:
 * it finds every occurrence, as a search for each phrase in turn would. */
static void phrases_fold(void)
{
	size_t i;

	phrase_matcher = matcher_new();
	for (i = 0; i < NPHRASES; i++) {
		words w = {0};
		words_cut(&w, phrases[i].text, strlen(phrases[i].text));
		if (matcher_add(phrase_matcher, w.s, w.len, (int)i, 0) < 0) {
			/* a phrase of the table above without a word: a bug here */
			fprintf(stderr, "gvaudit: claim phrase '%s' folds to nothing\n",
				phrases[i].text);
			abort();
		}
		words_release(&w);
	}
	matcher_build(phrase_matcher);
}

static int in_list(const char *w, size_t n, const char *const *list)
{
	for (; *list; list++)
		if (strlen(*list) == n && !memcmp(*list, w, n))
			return 1;
	return 0;
}

/* Is the phrase starting at folded offset pos (its leading space) negated
 * by the words before it? */
static int negated(const words *f, size_t pos)
{
	size_t end = pos; /* f->s[end] is the space before the phrase */
	int skipped = 0;

	while (end > 0 && skipped <= 3) {
		size_t start = end;
		while (start > 0 && f->s[start - 1] != ' ')
			start--;
		if (start == end)
			return 0;
		if (in_list(f->s + start, end - start, negators))
			return 1;
		if (!in_list(f->s + start, end - start, fillers))
			break;
		skipped++;
		end = start - 1;
	}
	for (end = pos, skipped = 0; end > 0 && skipped < 8; skipped++) {
		size_t start = end;
		while (start > 0 && f->s[start - 1] != ' ')
			start--;
		if (start == end || f->s[start] == '\x01')
			return 0;
		if (in_list(f->s + start, end - start, comparators))
			return 1;
		end = start - 1;
	}
	return 0;
}

typedef struct hit {
	int found;
	size_t a, b; /* original byte range of the first hit */
} hit;

/* Copy the original text around [a, b) into buf, at character boundaries,
 * newlines flattened. */
static void make_excerpt(char *buf, size_t size, const char *label, const char *text, size_t n,
			 size_t a, size_t b)
{
	size_t from = a > 40 ? a - 40 : 0, to = b + 40 < n ? b + 40 : n, i, o;

	while (from > 0 && ((unsigned char)text[from] & 0xC0) == 0x80)
		from--;
	while (to < n && ((unsigned char)text[to] & 0xC0) == 0x80)
		to++;
	o = (size_t)snprintf(buf, size, "%s: %s", label, from > 0 ? "..." : "");
	for (i = from; i < to && o + 4 < size; i++) {
		char c = text[i];
		buf[o++] = (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
	}
	while (o > 0 && i < to && ((unsigned char)buf[o] & 0xC0) == 0x80)
		o--; /* never cut a character when the buffer is full */
	if (to < n && o + 4 < size) {
		memcpy(buf + o, "...", 3);
		o += 3;
	}
	buf[o] = '\0';
}

/* Spans of the original text that must not count (spec names answered
 * "No": "Global Version: No"). */
typedef struct veto {
	size_t a[16], b[16];
	int n;
} veto;

static int vetoed(const veto *v, size_t at)
{
	int i;
	for (i = 0; v && i < v->n; i++)
		if (at >= v->a[i] && at < v->b[i])
			return 1;
	return 0;
}

/* Matches by phrase, then position: the order of a search for each phrase
 * in turn, which decides between hits at the same original offset. */
static int cmp_match(const void *pa, const void *pb)
{
	const match *a = pa, *b = pb;

	if (a->id != b->id)
		return a->id < b->id ? -1 : 1;
	return a->start < b->start ? -1 : a->start > b->start;
}

/* Find the phrases of one source. hits[kind] records the first non-negated
 * match of each kind. A Global Version match that overlaps a ROM match is
 * part of a ROM wording ("CN Version Global ROM" holds "version global",
 * "Global Version ROM" names the software) and does not count. ms: scratch
 * for the matches, reused between calls. */
static void scan(const words *f, hit hits[3], const veto *v, unsigned kinds, match_list *ms)
{
	size_t i, nrom = 0, romcap = 0, (*rom)[2] = NULL;
	int pass;

	matcher_scan(phrase_matcher, f->s, f->len, ms);
	if (ms->n > 1)
		qsort(ms->v, ms->n, sizeof *ms->v, cmp_match);
	for (pass = 0; pass < 2; pass++) {
		for (i = 0; i < ms->n; i++) {
			size_t pos = ms->v[i].start, plen = ms->v[i].end - pos, j;
			int kind = phrases[ms->v[i].id].kind, covered = 0;
			if ((pass == 0) != (kind == P_ROM) || !(kinds & KIND_BIT(kind)))
				continue;
			if (kind == P_ROM) {
				if (nrom == romcap) {
					romcap = romcap ? romcap * 2 : 8;
					rom = xrealloc(rom, romcap * sizeof *rom);
				}
				rom[nrom][0] = pos;
				rom[nrom][1] = pos + plen;
				nrom++;
			}
			for (j = 0; kind == P_GV && j < nrom && !covered; j++)
				covered = pos + 1 < rom[j][1] && rom[j][0] + 1 < pos + plen;
			if (covered || negated(f, pos) || vetoed(v, f->src[pos + 1]))
				continue;
			if (!hits[kind].found || f->src[pos + 1] < hits[kind].a) {
				hits[kind].found = 1;
				hits[kind].a = f->src[pos + 1];
				hits[kind].b = f->src[pos + plen - 1];
			}
		}
	}
	free(rom);
}

/* 1 when w is one of list's words, alone: " value ". */
static int is_one_of(const words *w, const char *const *list)
{
	for (; *list; list++)
		if (w->len == strlen(*list) + 2 && !memcmp(w->s + 1, *list, strlen(*list)))
			return 1;
	return 0;
}

/* One spec line, specs[i, e) with its colon at colon: see scan_spec_values.
 * name and val are scratch, reused from line to line. */
static void spec_line(const char *specs, size_t i, size_t colon, size_t e, words *name,
		      words *val, hit hits[3], veto *v)
{
	static const char *const gv_vals[] = {"global", "international", "intl", "eu", "europe",
					      "european", "globale", "глобальная", NULL};
	static const char *const cn_vals[] = {"china", "cn", "chinese", "mainland china",
					      "китайская", "chinese mainland", NULL};
	static const char *const no[] = {"no", "none", "false", "нет", "nie", "nao",
					 "non", "nein", "n a", NULL};
	int soft, k;

	words_cut(val, specs + colon + 1, e - colon - 1);
	if (is_one_of(val, no) && v->n < 16) {
		v->a[v->n] = i; /* "Global Version: No" claims nothing */
		v->b[v->n] = colon;
		v->n++;
	}
	/* The name matters only for a value in those lists, so most lines
	 * ("RAM: 8GB") are folded once, not twice (words_cut was 8.8% of a
	 * first night's instructions at scale 0.1, twelfth round). */
	if (!is_one_of(val, gv_vals) && !is_one_of(val, cn_vals))
		return;
	words_cut(name, specs + i, colon - i);
	/* "MIUI Version: Global", "ROM: Global": the software's version */
	soft = strstr(name->s, " miui ") || strstr(name->s, " rom ") ||
	       strstr(name->s, " firmware ") || strstr(name->s, " os ") ||
	       strstr(name->s, " system ") || strstr(name->s, " software ") ||
	       strstr(name->s, " hyperos ") || strstr(name->s, " android ");
	if (!soft && !strstr(name->s, " version ") && !strstr(name->s, " edition ") &&
	    !strstr(name->s, " region ") && !strstr(name->s, " market "))
		return;
	for (k = 0; k < 2; k++) {
		int kind = k ? P_CN : soft ? P_ROM : P_GV;
		if (is_one_of(val, k ? cn_vals : gv_vals) && !hits[kind].found) {
			hits[kind].found = 1;
			hits[kind].a = colon + 1;
			hits[kind].b = e;
		}
	}
}

/* A spec line "Version: Global" / "Edition: International" / "Region:
 * China": the value alone is a claim when the name speaks of a version. */
static void scan_spec_values(const char *specs, size_t n, hit hits[3], veto *v)
{
	words name = {0}, val = {0};
	size_t i = 0;

	while (i < n) {
		size_t e = i, colon;
		while (e < n && specs[e] != '\n' && specs[e] != ';' && specs[e] != '|')
			e++;
		for (colon = i; colon < e && specs[colon] != ':'; colon++)
			;
		if (colon < e)
			spec_line(specs, i, colon, e, &name, &val, hits, v);
		i = e + 1;
	}
	words_release(&name);
	words_release(&val);
}

/* The phrases of one source (NULL: none) of the kinds asked for
 * (KIND_BIT) into hits; a spec block's "Name: value" lines too. A ROM
 * phrase only hides Global Version phrases, so China hits do not depend on
 * the other kinds being looked for. f is reused between calls. */
static void scan_source(words *f, match_list *ms, const char *text, int is_specs, hit hits[3],
			unsigned kinds)
{
	veto v;

	if (!text)
		return;
	memset(&v, 0, sizeof v);
	if (is_specs)
		scan_spec_values(text, strlen(text), hits, &v);
	words_cut(f, text, strlen(text));
	scan(f, hits, &v, kinds, ms);
}

int claim_says_china(const char *title, const char *specs, const char *description)
{
	const char *src[3] = {title, specs, description};
	hit hits[3][3];
	words f = {0};
	match_list ms;
	int s, found = 0;

	pthread_once(&phrases_once, phrases_fold);
	memset(hits, 0, sizeof hits);
	match_list_init(&ms);
	for (s = 0; s < 3 && !found; s++) {
		scan_source(&f, &ms, src[s], s == 1, hits[s], KIND_BIT(P_CN));
		found = hits[s][P_CN].found;
	}
	match_list_release(&ms);
	words_release(&f);
	return found;
}

void claim_detect(const char *title, const char *specs, const char *description,
		  claim_result *out)
{
	const char *src[3] = {title, specs, description};
	static const char *const label[3] = {"title", "specs", "description"};
	hit hits[3][3];
	words f = {0};
	match_list ms;
	int s, k, kind_src[3];

	pthread_once(&phrases_once, phrases_fold);
	memset(out, 0, sizeof *out);
	memset(hits, 0, sizeof hits);
	match_list_init(&ms);
	for (s = 0; s < 3; s++)
		scan_source(&f, &ms, src[s], s == 1, hits[s], ALL_KINDS);
	match_list_release(&ms);
	words_release(&f);

	/* Which source decides each kind: title, then specs, then description. */
	for (k = 0; k < 3; k++) {
		kind_src[k] = -1;
		for (s = 0; s < 3 && kind_src[k] < 0; s++)
			if (hits[s][k].found)
				kind_src[k] = s;
	}
	/* A Global Version claim anywhere stands, even next to "Global ROM" or
	 * "China Version" (outputs.md): the buyer was told the hardware is
	 * global. Descriptions that only compare versions ("unlike the Global
	 * Version") are discarded like negations. */
	if (kind_src[P_GV] >= 0)
		out->kind = CLAIM_GLOBAL_VERSION;
	else if (kind_src[P_ROM] >= 0)
		out->kind = CLAIM_GLOBAL_ROM;
	else if (kind_src[P_CN] >= 0)
		out->kind = CLAIM_CHINA;
	out->says_china = kind_src[P_CN] >= 0;
	out->says_global_rom = kind_src[P_ROM] >= 0;
	if (out->kind != CLAIM_NONE) {
		k = out->kind == CLAIM_GLOBAL_VERSION ? P_GV : out->kind == CLAIM_GLOBAL_ROM ? P_ROM : P_CN;
		s = kind_src[k];
		make_excerpt(out->excerpt, sizeof out->excerpt, label[s], src[s], strlen(src[s]),
			     hits[s][k].a, hits[s][k].b);
	}
}

const char *claim_name(claim_kind k)
{
	switch (k) {
	case CLAIM_GLOBAL_VERSION: return "global_version";
	case CLAIM_GLOBAL_ROM: return "global_rom";
	case CLAIM_CHINA: return "china";
	case CLAIM_NONE: break;
	}
	return "none";
}
