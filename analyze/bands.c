/* bands.c: see bands.h.
 *
 * Two layers. The lexer (bands_lex.c) turns bytes into tokens (numbers,
 * "B3"/"n78" band tokens, "800MHz" frequencies, "4G" generations, words
 * classed as technology headings or noise, separators); it is a pure function
 * of the position, so peeking ahead is just lexing from a saved offset. The
 * parser, here, keeps the current technology section (set by headings such as
 * "3G: WCDMA" or "LTE-TDD:") and collects one list at a time into a fixed
 * buffer; when the list ends it is committed to the set of its section, or
 * dropped when it was never clearly a band list ("5G 8/256GB" in a title).
 * The public functions (parse, format, confidence names) are at the end. */
#include "analyze/bands.h"

#include <stdlib.h>
#include <string.h>

#include "analyze/bands_lex.h"

/* ---- parser ---- */

#define LIST_MAX 128

typedef struct elem {
	short value;
	unsigned char freq;     /* a MHz figure, not a band number */
	unsigned char prefixed; /* written "B3" / "n78" */
	unsigned char range;    /* "B1-B5": runs from the previous element */
	char sep;               /* separator written before it (0: blank) */
} elem;

typedef struct parser {
	bands *b;
	int section, section_before; /* TECH_*; before the pending heading */
	int qual;                    /* Q_FDD / Q_TDD of the LTE heading */
	int open;                    /* a list is being collected */
	int heading;                 /* it was opened by a heading and has no elements yet */
	int group_tech;              /* strongest technology word in that heading */
	int colon;                   /* the heading ended with ':' */
	int strong;                  /* explicit: "Band", "B3", "n78", or a "heading:" */
	int list_tech;               /* TECH_* the list belongs to; NONE = no heading */
	int nr_list;                 /* opened by an "n78" token */
	char sep;                    /* separator since the last element */
	int neg;                     /* after "not"/"no": drop the next list */
	int used;                    /* the section's heading already had its list */
	int list_neg;                /* this list is one of bands lacking */
	elem v[LIST_MAX];
	int n;
	bands_confidence conf;       /* strongest evidence of this call */
} parser;

static int conf_rank(bands_confidence c)
{
	/* merging order: explicit numbers beat MHz guesses beat bare titles */
	static const int rank[] = {0, 2, 1, 3};
	return rank[c];
}

static void note_conf(parser *p, bands_confidence c)
{
	if (conf_rank(c) > conf_rank(p->conf))
		p->conf = c;
}

static void set_lte(parser *p, int n)
{
	if (!p->b->lte[n]) {
		p->b->lte[n] = 1;
		p->b->n_lte++;
	}
}

static void set_nr(parser *p, int n)
{
	if (!p->b->nr[n]) {
		p->b->nr[n] = 1;
		p->b->n_nr++;
	}
}

/* A list written without any explicit marker must look like a band list:
 * two or more valid numbers, and not "RAM/storage" ("4G 2/32", "5G 8+256"). */
static int weak_list_ok(const parser *p, int tech)
{
	int i, cand[6];
	if (p->n < 2)
		return 0;
	if (p->n == 2 && !p->v[1].freq) {
		static const short mem[] = {16, 32, 64, 128, 256, 512};
		size_t k;
		for (k = 0; k < sizeof mem / sizeof mem[0]; k++)
			if (p->v[1].value == mem[k])
				return 0;
	}
	for (i = 0; i < p->n; i++) {
		int v = p->v[i].value;
		int is_freq = p->v[i].freq || v >= 400;
		if (tech == TECH_LTE &&
		    !(is_freq ? bands_lex_lte_freq(v, p->qual, cand) > 0 : bands_lex_lte_valid(v)))
			return 0;
		if (tech == TECH_NR && (is_freq || !bands_lex_nr_valid(v)))
			return 0;
		if (tech == TECH_UMTS &&
		    !(is_freq ? bands_lex_umts_freq(v) > 0 : bands_lex_umts_valid(v)))
			return 0;
	}
	return 1;
}

static void commit_lte(parser *p, const elem *e, const elem *prev, bands_confidence sure)
{
	int cand[6], k, nc;
	if (e->freq || e->value >= 400) {
		nc = bands_lex_lte_freq(e->value, p->qual, cand);
		if (nc == 1) {
			set_lte(p, cand[0]);
			note_conf(p, BANDS_LIKELY);
		} else if (nc > 1) {
			for (k = 0; k < nc; k++)
				p->b->lte_maybe[cand[k]] = 1;
			note_conf(p, BANDS_AMBIGUOUS);
		}
		return;
	}
	if (!bands_lex_lte_valid(e->value))
		return;
	set_lte(p, e->value);
	note_conf(p, sure);
	if (e->range && prev && !prev->freq && prev->value < e->value) {
		/* "B1-B5": the ends are listed; what lies between is only a guess */
		for (k = prev->value + 1; k < e->value; k++)
			if (bands_lex_lte_valid(k))
				p->b->lte_maybe[k] = 1;
		note_conf(p, BANDS_AMBIGUOUS);
	}
}

/* "B20 B28 12/512", "B3/B7 8/256": after explicit bands, a run of bare
 * numbers that holds a value no band or band frequency can have is a memory
 * size or something else, not more bands: drop the whole run. */
static void drop_impossible_runs(parser *p, int tech)
{
	int i = 0, j, k, seen_prefixed = 0, cand[6];

	if (tech != TECH_LTE)
		return;
	while (i < p->n) {
		int bad = 0;
		if (p->v[i].prefixed || p->v[i].freq || !seen_prefixed) {
			seen_prefixed |= p->v[i].prefixed;
			i++;
			continue;
		}
		for (j = i; j < p->n && !p->v[j].prefixed && !p->v[j].freq; j++) {
			int v = p->v[j].value;
			if (v >= 400 ? bands_lex_lte_freq(v, p->qual, cand) == 0
			             : !bands_lex_lte_valid(v))
				bad = 1;
		}
		if (!bad) {
			i = j;
			continue;
		}
		for (k = j; k < p->n; k++)
			p->v[i + k - j] = p->v[k];
		p->n -= j - i;
	}
}

/* End the current list: add its elements to the set of its section. */
static void close_list(parser *p)
{
	int i, tech;
	bands_confidence sure;

	if (!p->open)
		return;
	if (p->heading && !p->colon)
		p->section = p->section_before; /* "Redmi Note 12 5G Global": no heading */
	tech = p->nr_list ? TECH_NR : p->list_tech;
	/* SURE needs a heading: a bare "B20" or "n78" in a title is only LIKELY */
	sure = p->list_tech == TECH_NONE ? BANDS_LIKELY : BANDS_SURE;
	if (tech == TECH_NONE)
		tech = TECH_LTE; /* "B1/B3/B20", "Bands: 1, 3" without a heading */
	for (i = 2; i < p->n; i++)
		if (p->v[i].range && p->v[i - 1].range) {
			/* "B1 - B3 - B7 - B20": dashes as separators, not ranges */
			for (i = 0; i < p->n; i++)
				p->v[i].range = 0;
			break;
		}
	drop_impossible_runs(p, tech);
	if (p->n && !p->list_neg && (p->strong || weak_list_ok(p, tech))) {
		p->used = 1;
		for (i = 0; i < p->n; i++) {
			const elem *e = &p->v[i];
			switch (tech) {
			case TECH_LTE:
				commit_lte(p, e, i ? &p->v[i - 1] : NULL, sure);
				break;
			case TECH_NR:
				if (!e->freq && e->value < 400 && bands_lex_nr_valid(e->value)) {
					set_nr(p, e->value);
					note_conf(p, sure);
				}
				break;
			case TECH_UMTS:
				if (e->freq || e->value >= 400) {
					if (bands_lex_umts_freq(e->value))
						p->b->umts[bands_lex_umts_freq(e->value)] = 1;
				} else if (bands_lex_umts_valid(e->value)) {
					p->b->umts[e->value] = 1;
				}
				break;
			default: /* GSM 850/900/1800/1900: never LTE */
				break;
			}
		}
	}
	if (p->list_neg && p->n)
		p->neg = 0; /* "no B28, B20 fine": the negation covered one list */
	p->open = p->heading = p->colon = p->strong = p->nr_list = p->list_neg = 0;
	p->n = 0;
	p->sep = 0;
}

static void open_list(parser *p)
{
	close_list(p);
	p->open = 1;
	p->list_tech = p->section;
	p->list_neg = p->neg;
	p->n = 0;
	p->sep = 0;
}

/* "4G: 4/64GB", "5G: 8+256GB": memory sizes, not a band list. A list of bare
 * numbers cut off by junk right after a separator is dropped. */
static void drop_dangling(parser *p)
{
	int i, last = -1;
	if (!p->open || !(p->sep == '/' || p->sep == '+'))
		return;
	for (i = 0; i < p->n; i++)
		if (p->v[i].prefixed)
			last = i;
	if (last < 0) {
		p->n = 0;
		return;
	}
	/* "B20 B28 8/256GB": a bare group after the explicit bands, begun
	 * after a blank rather than continuing "B1/3/5", goes with the junk */
	if (last + 1 < p->n && p->v[last + 1].sep != '/' && p->v[last + 1].sep != ',')
		p->n = last + 1;
}

/* Clause punctuation ends a negation that has not reached a list yet. */
static void end_clause(parser *p)
{
	close_list(p);
	p->neg = 0;
}

static void add_elem(parser *p, int value, int freq, int prefixed)
{
	elem *e;
	if (value <= 0 || value > 9999)
		return;
	if (p->n == LIST_MAX) {
		/* a very long list: keep what is known so far, carry on */
		int strong = p->strong, tech = p->list_tech, nr = p->nr_list, neg = p->list_neg;
		close_list(p);
		p->open = 1;
		p->list_neg = neg;
		p->strong = strong;
		p->list_tech = tech;
		p->nr_list = nr;
	}
	e = &p->v[p->n++];
	e->value = (short)value;
	e->freq = (unsigned char)freq;
	e->prefixed = (unsigned char)prefixed;
	e->range = p->sep == '-' && prefixed && p->n > 1 && p->v[p->n - 2].prefixed;
	e->sep = p->sep;
	p->heading = 0;
	p->sep = 0;
}

/* A technology word or "4G": starts a heading, or refines the one pending
 * ("4G LTE", "FDD-LTE", "3G WCDMA", "TD-SCDMA"). */
static void heading_word(parser *p, int tech, int qual)
{
	if (!(p->open && p->heading)) {
		int before = p->section;
		open_list(p);
		p->heading = 1;
		p->group_tech = TECH_NONE;
		p->section_before = before;
		p->qual = Q_NONE;
	}
	p->used = 0;
	if (tech != TECH_NONE) {
		p->group_tech = tech;
		p->section = tech;
	} else if (qual == Q_SA) {
		if (p->group_tech == TECH_NONE)
			p->section = TECH_NR;
	} else {
		p->qual = qual;
		if (p->group_tech == TECH_NONE)
			p->section = TECH_LTE; /* "FDD B1 B3", "TDD: 38/40" */
	}
	p->list_tech = p->section;
}

/* Skip "(2535-2655MHz)" after an element: up to the closing parenthesis on
 * the same line, if it comes soon. Returns the position after it, or pos. */
static size_t skip_parens(const char *s, size_t len, size_t pos)
{
	size_t i, lim = pos + 96 < len ? pos + 96 : len;
	for (i = pos; i < lim && s[i] != '\n'; i++)
		if (s[i] == ')' || (s[i] == '\xEF' && i + 2 < len && s[i + 1] == '\xBC' &&
				    s[i + 2] == '\x89'))
			return i + (s[i] == ')' ? 1 : 3);
	return pos;
}

/* 1 if the word just before offset `start` is one of `words` ("Mi Band 8",
 * "Smart Band 7": a wristband, not a band list). */
static int prev_word_in(const char *s, size_t start, const char *const *list)
{
	size_t e = start, b;
	while (e > 0 && (s[e - 1] == ' ' || s[e - 1] == '\t'))
		e--;
	b = e;
	while (b > 0 && (bands_lex_is_alpha((unsigned char)s[b - 1])))
		b--;
	for (; b < e && *list; list++)
		if (bands_lex_word_eq(s + b, e - b, *list))
			return 1;
	return 0;
}

static int next_is_colon(const char *s, size_t len, size_t pos)
{
	bands_token t;
	bands_lex_next(s, len, pos, &t);
	return t.kind == TK_PUNCT && t.punct == ':';
}

static void parse_text(bands *b, const char *text, size_t len)
{
	parser p;
	size_t pos = 0;
	bands_token t;

	if (!b || !text)
		return;
	memset(&p, 0, sizeof p);
	p.b = b;
	for (;;) {
		int was_elem = 0;
		bands_lex_next(text, len, pos, &t);
		pos = t.end;
		switch (t.kind) {
		case TK_END:
			close_list(&p);
			goto done;
		case TK_NL:
			if (p.open && p.n && (p.sep == '/' || p.sep == ',' || p.sep == '+'))
				break; /* "1/2/3/\n7/8/20": the list goes on */
			if (p.open && p.heading && p.colon) {
				/* "LTE FDD:\n1/3/5": the list is on the next line, and
				 * must look like one ("5G:\n12 months warranty") */
				p.strong = 0;
				break;
			}
			end_clause(&p);
			if (p.used)
				p.section = TECH_NONE; /* its list is done: later lines are free */
			break;
		case TK_PUNCT:
			switch (t.punct) {
			case ':': case '=':
				if (p.open && p.heading)
					p.colon = p.strong = 1;
				else if (p.open && p.n)
					close_list(&p);
				break;
			case '/': case ',': case '+': case '&': case '\\': case '-':
				if (p.open && (p.sep == 0 || t.punct != '-'))
					p.sep = t.punct;
				else if (!p.open && t.punct == ',')
					p.neg = 0;
				break;
			case '(': case ')': case '[': case ']': case '\'':
				break;
			default: /* | ; . = < > and the rest end a list and a clause */
				end_clause(&p);
				break;
			}
			break;
		case TK_NUM:
			if (p.open && t.value > 0) {
				add_elem(&p, t.value, 0, 0);
				was_elem = 1;
			} else if (p.open) {
				drop_dangling(&p);
				close_list(&p); /* a 7+ digit number is no band */
			}
			break;
		case TK_FREQ:
			if (!p.open && (p.section == TECH_LTE || p.section == TECH_UMTS))
				open_list(&p);
			if (p.open && (p.list_tech == TECH_LTE || p.list_tech == TECH_UMTS))
				p.strong = 1; /* "LTE 800MHz": the unit says what it is */
			if (p.open) {
				add_elem(&p, t.value, 1, 0);
				was_elem = 1;
			}
			break;
		case TK_BAND:
			if (p.open && p.nr_list)
				close_list(&p);
			if (!p.open)
				open_list(&p);
			p.strong = 1;
			add_elem(&p, t.value, 0, 1);
			was_elem = 1;
			break;
		case TK_NRBAND:
			if (p.open && !p.nr_list && (p.n || p.list_tech != TECH_NR))
				close_list(&p);
			if (!p.open)
				open_list(&p);
			p.nr_list = p.strong = 1;
			add_elem(&p, t.value, 0, 1);
			was_elem = 1;
			break;
		case TK_GEN:
			heading_word(&p, t.value, Q_NONE);
			break;
		case TK_WORD:
			switch (t.word) {
			case W_TECH:
				heading_word(&p, t.value, Q_NONE);
				break;
			case W_QUAL:
				heading_word(&p, TECH_NONE, t.value);
				break;
			case W_BANDKW: {
				/* "Mi Band 8", "Quad band 850/900/1800/1900", "Dual Band WiFi" */
				static const char *const gadgets[] = {
					"mi", "smart", "xiaomi", "redmi", "fitness", "sport", "quad",
					"tri", "dual", "penta", "hexa", "multi", "wifi", "fi", NULL};
				if (prev_word_in(text, t.start, gadgets)) {
					close_list(&p);
					break;
				}
				if (!p.open || p.n)
					open_list(&p);
				p.strong = 1;
				break;
			}
			case W_AND:
				if (p.open)
					p.sep = ',';
				break;
			case W_NEG:
				close_list(&p);
				p.neg = 1;
				break;
			case W_NEUTRAL:
				if (p.open && p.n &&
				    bands_lex_word_eq(text + t.start, t.end - t.start, "mhz") &&
				    (p.list_tech == TECH_LTE || p.list_tech == TECH_UMTS))
					p.strong = 1; /* "LTE 800 MHz" */
				if (next_is_colon(text, len, pos) && !(p.open && (p.heading || p.strong))) {
					close_list(&p); /* "Network Frequency:" */
					p.section = TECH_NONE;
				}
				break;
			default:
				drop_dangling(&p);
				close_list(&p);
				p.neg = 0;
				if (next_is_colon(text, len, pos))
					p.section = TECH_NONE; /* "Certification:", "Model Number:" */
				break;
			}
			break;
		case TK_JUNK:
			drop_dangling(&p);
			close_list(&p);
			p.neg = 0;
			if (next_is_colon(text, len, pos))
				p.section = TECH_NONE; /* "Частоты:", "频段:" */
			break;
		}
		if (was_elem && p.n && !p.v[p.n - 1].freq && p.v[p.n - 1].value < 400) {
			/* "B41(2535-2655MHz)"; but "2100(B1)" names the band */
			bands_token u;
			bands_lex_next(text, len, pos, &u);
			if (u.kind == TK_PUNCT && u.punct == '(')
				pos = skip_parens(text, len, u.end);
		}
	}
done:
	if (conf_rank(p.conf) > conf_rank(b->confidence))
		b->confidence = p.conf;
}

/* Full-width forms (U+FF01..U+FF5E: "４Ｇ：Ｂ１／３") and the ideographic
 * space, as CJK input methods type them: 1 if text has any. */
static int has_wide(const unsigned char *s, size_t len)
{
	size_t i;
	for (i = 0; i + 2 < len; i++)
		if ((s[i] == 0xEF && (s[i + 1] == 0xBC || s[i + 1] == 0xBD)) ||
		    (s[i] == 0xE3 && s[i + 1] == 0x80 && s[i + 2] == 0x80))
			return 1;
	return 0;
}

/* Copy text with full-width ASCII folded to ASCII (UTF-8 only shrinks). */
static size_t fold_wide_text(const unsigned char *s, size_t len, char *out)
{
	size_t i = 0, o = 0;
	while (i < len) {
		if (i + 2 < len && s[i] == 0xE3 && s[i + 1] == 0x80 && s[i + 2] == 0x80) {
			out[o++] = ' ';
			i += 3;
			continue;
		}
		if (i + 2 < len && s[i] == 0xEF && (s[i + 1] == 0xBC || s[i + 1] == 0xBD) &&
		    (s[i + 2] & 0xC0) == 0x80) {
			unsigned long cp = 0xF000 | ((unsigned long)(s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F);
			if (cp >= 0xFF01 && cp <= 0xFF5E) {
				out[o++] = (char)(cp - 0xFEE0);
				i += 3;
				continue;
			}
		}
		out[o++] = (char)s[i++];
	}
	return o;
}

void bands_parse(bands *b, const char *text, size_t len)
{
	char small[1024], *buf;
	size_t n;

	if (!b || !text)
		return;
	if (!has_wide((const unsigned char *)text, len)) {
		parse_text(b, text, len);
		return;
	}
	buf = len <= sizeof small ? small : xmalloc(len);
	n = fold_wide_text((const unsigned char *)text, len, buf);
	parse_text(b, buf, n);
	if (buf != small)
		free(buf);
}

void bands_init(bands *b) { memset(b, 0, sizeof *b); }

/* The four sets, in the order pack and unpack walk them. */
#define SETS(b) {(b)->lte, (b)->nr, (b)->umts, (b)->lte_maybe}

void bands_pack(const bands *b, unsigned char out[BANDS_PACKED])
{
	const unsigned char *set[4] = SETS(b);
	int k, i;

	memset(out, 0, BANDS_PACKED);
	for (k = 0; k < 4; k++)
		for (i = 0; i < BANDS_MAX; i++)
			if (set[k][i])
				out[k * (BANDS_MAX / 8) + i / 8] |= (unsigned char)(1u << (i % 8));
	/* at most BANDS_MAX - 1 bands of a kind, and four confidence levels */
	out[4 * BANDS_MAX / 8] = (unsigned char)b->n_lte;
	out[4 * BANDS_MAX / 8 + 1] = (unsigned char)b->n_nr;
	out[4 * BANDS_MAX / 8 + 2] = (unsigned char)b->confidence;
}

void bands_unpack(bands *b, const unsigned char in[BANDS_PACKED])
{
	unsigned char *set[4] = SETS(b);
	int k, i, bit;

	bands_init(b);
	for (k = 0; k < 4; k++)
		for (i = 0; i < BANDS_MAX / 8; i++)
			for (bit = 0; in[k * (BANDS_MAX / 8) + i] >> bit; bit++) /* most bytes are 0 */
				set[k][i * 8 + bit] = (in[k * (BANDS_MAX / 8) + i] >> bit) & 1;
	b->n_lte = in[4 * BANDS_MAX / 8];
	b->n_nr = in[4 * BANDS_MAX / 8 + 1];
	b->confidence = (bands_confidence)in[4 * BANDS_MAX / 8 + 2];
}

static void format_set(const unsigned char *set, const unsigned char *except, char prefix,
		       strbuf *sb, const char *sep)
{
	int i, first = 1;
	for (i = 1; i < BANDS_MAX; i++) {
		if (!set[i] || (except && except[i]))
			continue;
		if (!first)
			sb_adds(sb, sep);
		sb_addf(sb, "%c%d", prefix, i);
		first = 0;
	}
}

void bands_format_lte(const bands *b, strbuf *sb, const char *sep)
{
	format_set(b->lte, NULL, 'B', sb, sep);
}

void bands_format_nr(const bands *b, strbuf *sb, const char *sep)
{
	format_set(b->nr, NULL, 'n', sb, sep);
}

void bands_format_umts(const bands *b, strbuf *sb, const char *sep)
{
	format_set(b->umts, NULL, 'B', sb, sep);
}

void bands_format_maybe(const bands *b, strbuf *sb, const char *sep)
{
	format_set(b->lte_maybe, b->lte, 'B', sb, sep);
}

int bands_has_lte_list(const bands *b)
{
	int i;
	if (b->n_lte)
		return 1;
	for (i = 1; i < BANDS_MAX; i++)
		if (b->lte_maybe[i])
			return 1;
	return 0;
}

const char *bands_confidence_name(bands_confidence c)
{
	switch (c) {
	case BANDS_AMBIGUOUS: return "ambiguous";
	case BANDS_LIKELY: return "likely";
	case BANDS_SURE: return "sure";
	default: return "none";
	}
}
