/* bands_lex.c: see bands_lex.h. The lexer of band lists and the band
 * tables; bands.c holds the parser that uses them. */
#include "analyze/bands_lex.h"

#include <string.h>

/* ---- lexer ---- */

static int is_alpha(unsigned char c) { return (c | 32) >= 'a' && (c | 32) <= 'z'; }
static int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
static int lower(unsigned char c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

static int word_eq(const char *s, size_t n, const char *w)
{
	size_t i;
	for (i = 0; i < n; i++)
		if (!w[i] || lower((unsigned char)s[i]) != w[i])
			return 0;
	return w[n] == '\0';
}

/* The parser reads words backwards and compares them ("Mi Band 8"). */
int bands_lex_is_alpha(unsigned char c) { return is_alpha(c); }
int bands_lex_word_eq(const char *s, size_t n, const char *w) { return word_eq(s, n, w); }

static const struct {
	const char *w;
	int cls, value;
} words[] = {
	{"gsm", W_TECH, TECH_GSM}, {"edge", W_TECH, TECH_GSM}, {"gprs", W_TECH, TECH_GSM},
	{"wcdma", W_TECH, TECH_UMTS}, {"umts", W_TECH, TECH_UMTS}, {"hspa", W_TECH, TECH_UMTS},
	{"hsdpa", W_TECH, TECH_UMTS}, {"hsupa", W_TECH, TECH_UMTS}, {"scdma", W_TECH, TECH_UMTS},
	{"tdscdma", W_TECH, TECH_UMTS}, {"cdma", W_TECH, TECH_UMTS}, {"cdma2000", W_TECH, TECH_UMTS},
	{"evdo", W_TECH, TECH_UMTS}, {"tds", W_TECH, TECH_UMTS}, {"lte", W_TECH, TECH_LTE}, {"fddlte", W_TECH, TECH_LTE},
	{"nr", W_TECH, TECH_NR}, {"fdd", W_QUAL, Q_FDD}, {"tdd", W_QUAL, Q_TDD},
	{"td", W_QUAL, Q_TDD}, {"tddlte", W_QUAL, Q_TDD}, {"sa", W_QUAL, Q_SA},
	{"nsa", W_QUAL, Q_SA}, {"band", W_BANDKW, 0}, {"bands", W_BANDKW, 0},
	{"banda", W_BANDKW, 0}, {"bandas", W_BANDKW, 0}, {"bande", W_BANDKW, 0},
	{"frequency", W_NEUTRAL, 0}, {"frequencies", W_NEUTRAL, 0}, {"freq", W_NEUTRAL, 0},
	{"network", W_NEUTRAL, 0}, {"networks", W_NEUTRAL, 0}, {"mhz", W_NEUTRAL, 0},
	{"support", W_NEUTRAL, 0}, {"supports", W_NEUTRAL, 0}, {"supported", W_NEUTRAL, 0},
	{"advanced", W_NEUTRAL, 0}, {"ca", W_NEUTRAL, 0}, {"sub", W_NEUTRAL, 0},
	{"and", W_AND, 0}, {"or", W_AND, 0},
	/* "not support B12/B13", "no B28", "sin B20": the list that follows is
	 * what the phone lacks */
	{"not", W_NEG, 0}, {"no", W_NEG, 0}, {"non", W_NEG, 0}, {"without", W_NEG, 0},
	{"except", W_NEG, 0}, {"excluding", W_NEG, 0}, {"unsupported", W_NEG, 0},
	{"sin", W_NEG, 0}, {"sem", W_NEG, 0}, {"sans", W_NEG, 0}, {"ohne", W_NEG, 0},
	{"kein", W_NEG, 0}, {"keine", W_NEG, 0}, {"nie", W_NEG, 0}, {"bez", W_NEG, 0},
};

static void classify_word(const char *s, size_t n, bands_token *t)
{
	size_t i;
	t->kind = TK_WORD;
	t->word = n == 1 ? W_NEUTRAL : W_JUNK; /* "LTE-A", "B 28 A": lone letters */
	t->value = 0;
	for (i = 0; i < sizeof words / sizeof words[0]; i++)
		if (word_eq(s, n, words[i].w)) {
			t->word = words[i].cls;
			t->value = words[i].value;
			return;
		}
}

/* Value of n digits, or -1 past 6 digits (model numbers, ids). */
static int digits_value(const char *s, size_t n)
{
	int v = 0;
	size_t i;
	if (n > 6)
		return -1;
	for (i = 0; i < n; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

/* An ASCII alphanumeric run s[0..n): letters, digits, letters. */
static void classify_alnum(const char *s, size_t n, bands_token *t)
{
	size_t a = 0, d, r;
	while (a < n && is_alpha((unsigned char)s[a]))
		a++;
	d = a;
	while (d < n && is_digit((unsigned char)s[d]))
		d++;
	r = d;
	while (r < n && is_alpha((unsigned char)s[r]))
		r++;
	t->kind = TK_JUNK;
	if (r != n)
		return; /* "M2101K9G": letters after digits after letters */
	if (d == a) {
		classify_word(s, n, t);
		return;
	}
	if (a == 0) {
		t->value = digits_value(s, d);
		if (d == n) {
			t->kind = TK_NUM;
		} else if (word_eq(s + d, n - d, "mhz") || word_eq(s + d, n - d, "m")) {
			if (t->value > 0)
				t->kind = TK_FREQ;
		} else if (d == 1 && word_eq(s + d, n - d, "g") && s[0] >= '2' && s[0] <= '5') {
			static const int gen[] = {TECH_GSM, TECH_UMTS, TECH_LTE, TECH_NR};
			t->kind = TK_GEN;
			t->value = gen[s[0] - '2'];
		}
		return;
	}
	if (d - a > 3)
		return;
	if ((a == 1 && lower((unsigned char)s[0]) == 'b') || word_eq(s, a, "band")) {
		/* B28A / B28B are the two halves of band 28; "B2B" is commerce */
		if (d == n || (n - d == 1 && d - a == 2 && s[a] == '2' && s[a + 1] == '8' &&
			       (lower((unsigned char)s[d]) == 'a' || lower((unsigned char)s[d]) == 'b'))) {
			t->kind = TK_BAND;
			t->value = digits_value(s + a, d - a);
		}
	} else if (a == 1 && lower((unsigned char)s[0]) == 'n' && d == n) {
		t->kind = TK_NRBAND;
		t->value = digits_value(s + a, d - a);
	}
}

/* Length of the UTF-8 sequence at s[0..n) (1 for a stray byte), never past n. */
static size_t utf8_len(const unsigned char *s, size_t n)
{
	size_t want = s[0] >= 0xF0 ? 4 : s[0] >= 0xE0 ? 3 : s[0] >= 0xC0 ? 2 : 1;
	size_t i;
	if (want > n)
		return 1;
	for (i = 1; i < want; i++)
		if ((s[i] & 0xC0) != 0x80)
			return 1;
	return want;
}

/* Full-width and CJK separators sellers paste: fold to ASCII, or 0. */
static char fold_wide(const unsigned char *s, size_t n)
{
	if (n == 3 && s[0] == 0xEF && s[1] == 0xBC) {
		switch (s[2]) {
		case 0x9A: return ':';
		case 0x8C: return ',';
		case 0x8F: return '/';
		case 0x9B: return ';';
		case 0x88: return '(';
		case 0x89: return ')';
		}
	}
	if (n == 3 && s[0] == 0xEF && s[1] == 0xBD && s[2] == 0x9C)
		return '|';
	if (n == 3 && s[0] == 0xE3 && s[1] == 0x80 && s[2] == 0x81)
		return ','; /* ideographic comma */
	return 0;
}

/* Code point of a valid UTF-8 sequence of n > 1 bytes. */
static unsigned long utf8_cp(const unsigned char *s, size_t n)
{
	unsigned long c = s[0] & (0x7F >> n);
	size_t i;
	for (i = 1; i < n; i++)
		c = (c << 6) | (s[i] & 0x3F);
	return c;
}

/* Bullets, dashes, brackets, stars and emoji sellers decorate lists with:
 * blanks, unlike letters (Cyrillic, CJK), which are words. */
static int is_decoration(unsigned long c)
{
	return (c >= 0xA0 && c <= 0xBF) || c == 0xD7 || (c >= 0x2000 && c < 0x2C00) ||
	       (c >= 0x3000 && c < 0x3040) || (c >= 0xFE30 && c < 0xFE70) ||
	       (c >= 0xFF00 && c < 0xFF10) || (c >= 0xFF1A && c < 0xFF21) || c >= 0x1F000;
}

/* The token starting at or after pos (bands_lex.h). */
void bands_lex_next(const char *text, size_t len, size_t pos, bands_token *t)
{
	const unsigned char *s = (const unsigned char *)text;
	memset(t, 0, sizeof *t);
	for (;;) {
		if (pos >= len) {
			t->kind = TK_END;
			t->end = len;
			return;
		}
		if (s[pos] == '\n') {
			t->kind = TK_NL;
			t->end = pos + 1;
			return;
		}
		if (s[pos] < 0x80 && !(s[pos] > ' ' && s[pos] < 0x7F)) {
			pos++; /* blanks and control characters */
			continue;
		}
		if (s[pos] >= 0x80) {
			size_t n = utf8_len(s + pos, len - pos);
			if (n > 1 && !fold_wide(s + pos, n) && is_decoration(utf8_cp(s + pos, n))) {
				pos += n; /* no-break space, bullets, emoji */
				continue;
			}
		}
		break;
	}
	t->start = pos;
	if (s[pos] >= 0x80) {
		size_t n = utf8_len(s + pos, len - pos);
		char c = fold_wide(s + pos, n);
		t->end = pos + n;
		if (c) {
			t->kind = TK_PUNCT;
			t->punct = c;
		} else {
			t->kind = TK_JUNK;
		}
		return;
	}
	if (is_alpha(s[pos]) || is_digit(s[pos])) {
		size_t e = pos;
		while (e < len && (is_alpha(s[e]) || is_digit(s[e])))
			e++;
		t->end = e;
		classify_alnum(text + pos, e - pos, t);
		return;
	}
	t->kind = TK_PUNCT;
	t->punct = (char)s[pos];
	t->end = pos + 1;
}

/* ---- band tables ---- */

int bands_lex_lte_valid(int n)
{
	return (n >= 1 && n <= 14) || (n >= 17 && n <= 53) || (n >= 65 && n <= 76) || n == 85 ||
	       n == 87 || n == 88;
}

int bands_lex_nr_valid(int n)
{
	static const unsigned char ok[] = {1, 2, 3, 5, 7, 8, 12, 13, 14, 18, 20, 24, 25, 26, 28, 29,
					   30, 34, 38, 39, 40, 41, 46, 47, 48, 50, 51, 53, 65, 66,
					   67, 70, 71, 74, 75, 76, 77, 78, 79, 80, 81, 82, 83, 84,
					   85, 86, 89, 90, 91, 92, 93, 94, 95, 96, 97, 98, 99, 100,
					   101, 102, 103, 104, 105, 106};
	size_t i;
	for (i = 0; i < sizeof ok; i++)
		if (ok[i] == n)
			return 1;
	return 0;
}

int bands_lex_umts_valid(int n) { return (n >= 1 && n <= 22) || n == 25 || n == 26 || n == 32; }

/* LTE bands a frequency may mean; returns how many (0: not an LTE frequency).
 * Only figures sellers actually write; "2535" from "2535-2655MHz" is none. */
int bands_lex_lte_freq(int mhz, int qual, int out[6])
{
	int n = 0;
#define ADD(x) (out[n++] = (x))
	switch (mhz) {
	case 450: ADD(31); ADD(72); break;
	case 600: ADD(71); break;
	case 700: ADD(28); ADD(12); ADD(13); ADD(17); break;
	case 800: ADD(20); ADD(18); ADD(19); ADD(26); break;
	case 850: ADD(5); ADD(26); break;
	case 900: ADD(8); break;
	case 1500: ADD(32); ADD(11); ADD(21); break;
	case 1700: ADD(4); ADD(66); break;
	case 1800: ADD(3); break;
	case 1900:
		if (qual == Q_TDD) {
			ADD(39);
		} else {
			ADD(2);
			ADD(25);
		}
		break;
	case 2000: case 2010: ADD(34); break;
	case 2100: ADD(1); break;
	case 2300: ADD(40); break;
	case 2500: ADD(41); break;
	case 2600:
		if (qual == Q_FDD) {
			ADD(7);
		} else if (qual == Q_TDD) {
			ADD(38);
			ADD(41);
		} else {
			ADD(7);
			ADD(38);
			ADD(41);
		}
		break;
	case 3500: ADD(42); ADD(48); break;
	case 3700: ADD(43); ADD(48); break;
	}
#undef ADD
	return n;
}

int bands_lex_umts_freq(int mhz)
{
	switch (mhz) {
	case 2100: return 1;
	case 1900: return 2;
	case 1700: return 4;
	case 850: return 5;
	case 900: return 8;
	}
	return 0;
}
