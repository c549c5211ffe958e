/* fold.c: see fold.h. One pass over code points with utf8proc, a second
 * in-place pass for number masking; both keep the offset map in step. */
#include "analyze/fold.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "common/util.h"

#define FOLD_OPTS (UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK | UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT)

void fold_init(folder *f)
{
	memset(f, 0, sizeof *f);
}

void fold_release(folder *f)
{
	free(f->out);
	free(f->map);
	fold_init(f);
}

int fold_is_word_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '#' || c >= 0x80 ||
	       (c >= 'A' && c <= 'Z');
}

/* Room for `extra` more bytes plus the NUL and the end-of-text map entry. */
static void reserve(folder *f, size_t extra)
{
	size_t need = f->len + extra + 1;
	if (need <= f->cap)
		return;
	while (f->cap < need)
		f->cap = f->cap ? f->cap * 2 : 256;
	f->out = xrealloc(f->out, f->cap);
	f->map = xrealloc(f->map, f->cap * sizeof *f->map);
}

static void put(folder *f, unsigned char c, size_t at)
{
	if ((c == ' ' || c == '\n') && (f->len == 0 || f->out[f->len - 1] == ' ' || f->out[f->len - 1] == '\n')) {
		if (c == '\n' && f->len)
			f->out[f->len - 1] = '\n'; /* "x \n" -> "x\n" */
		return; /* runs of separators become one; none at the start */
	}
	reserve(f, 1);
	f->out[f->len] = (char)c;
	f->map[f->len] = at;
	f->len++;
}

/* A non-ASCII code point that is not a letter or digit: what it becomes. */
static int non_word_cp(utf8proc_int32_t cp, unsigned char *repl)
{
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_PC: case UTF8PROC_CATEGORY_PD: case UTF8PROC_CATEGORY_PS:
	case UTF8PROC_CATEGORY_PE: case UTF8PROC_CATEGORY_PI: case UTF8PROC_CATEGORY_PF:
	case UTF8PROC_CATEGORY_PO: case UTF8PROC_CATEGORY_SM: case UTF8PROC_CATEGORY_SC:
	case UTF8PROC_CATEGORY_SK: case UTF8PROC_CATEGORY_SO: case UTF8PROC_CATEGORY_ZS:
	case UTF8PROC_CATEGORY_ZL: case UTF8PROC_CATEGORY_ZP: case UTF8PROC_CATEGORY_CC:
	case UTF8PROC_CATEGORY_CF: case UTF8PROC_CATEGORY_CS: case UTF8PROC_CATEGORY_CO:
	case UTF8PROC_CATEGORY_CN:
		switch (cp) { /* sentence and clause marks of other scripts */
		case 0x2026: case 0x3002: case 0xFF0E: case 0xFF61: *repl = '.'; return 1;
		case 0xFF01: *repl = '!'; return 1;
		case 0xFF1F: *repl = '?'; return 1;
		case 0xFF0C: case 0x3001: case 0x060C: *repl = ','; return 1;
		case 0xFF1B: *repl = ';'; return 1;
		default: break;
		}
		/* apostrophes are dropped by the caller ("don’t" = "dont"); the rest separate words */
		*repl = (cp == 0x2019 || cp == 0x2018 || cp == 0x02BC || cp == 0x2032) ? '\'' :
			(cp == 0x2028 || cp == 0x2029 || cp == 0x85) ? '\n' : ' ';
		return 1;
	default:
		return 0;
	}
}

static void fold_cp(folder *f, utf8proc_int32_t cp, size_t at)
{
	utf8proc_int32_t dec[16];
	utf8proc_uint8_t enc[4];
	unsigned char repl;
	int last = 0;
	utf8proc_ssize_t k, i, j, m;

	if (cp < 0x80) {
		unsigned char c = (unsigned char)cp;
		if (c >= 'A' && c <= 'Z')
			c = (unsigned char)(c - 'A' + 'a');
		else if (c == '\'')
			return; /* "doesn't" = "doesnt": people drop it as often as not */
		else if (c == '\n' || c == '\r')
			c = '\n'; /* kept: a line break ends a sentence */
		else if (c < 0x20 || c == 0x7f || c == '-' || c == '_')
			c = ' ';
		put(f, c, at);
		return;
	}
	if (non_word_cp(cp, &repl)) {
		if (repl != '\'')
			put(f, repl, at);
		return;
	}
	k = utf8proc_decompose_char(cp, dec, 16, FOLD_OPTS, &last);
	if (k < 0 || k > 16) { /* cannot happen for valid code points; be safe */
		put(f, ' ', at);
		return;
	}
	for (i = 0; i < k; i++) {
		if (dec[i] < 0x80) {
			fold_cp(f, dec[i], at); /* "ﬁ" -> "fi", fullwidth -> ASCII */
			continue;
		}
		m = utf8proc_encode_char(dec[i], enc);
		reserve(f, (size_t)m);
		for (j = 0; j < m; j++) {
			f->out[f->len] = (char)enc[j];
			f->map[f->len] = at;
			f->len++;
		}
	}
}

static int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

/* Replace free-standing runs of 1-3 digits (alone, or after a word-initial
 * "b") by '#', compacting out and map in place. */
static void mask_numbers(folder *f)
{
	size_t r = 0, w = 0, n = f->len;
	unsigned char *s = (unsigned char *)f->out;

	while (r < n) {
		if (is_digit(s[r]) && (r == 0 || !is_digit(s[r - 1]))) {
			size_t e = r;
			int ok;
			while (e < n && is_digit(s[e]))
				e++;
			/* what precedes, in the already compacted output */
			if (w == 0 || !fold_is_word_byte(s[w - 1]))
				ok = 1;
			else
				ok = s[w - 1] == 'b' && (w == 1 || !fold_is_word_byte(s[w - 2]));
			if (w > 0 && s[w - 1] == '.')
				ok = 0;                     /* "13.0.4": part of a version */
			if (e - r > 3)
				ok = 0;
			if (e < n && (fold_is_word_byte(s[e]) ||
				      ((s[e] == '.' || s[e] == ',') && e + 1 < n && is_digit(s[e + 1]))))
				ok = 0;                     /* "4g", "n78", "1.5", "13.0" */
			/* "band20" -> "b#", "b 20" / "b-20" -> "b#": one form for the lexicon */
			if (!ok && e - r <= 3 && w >= 4 && !memcmp(s + w - 4, "band", 4) &&
			    (w == 4 || !fold_is_word_byte(s[w - 5])) &&
			    !(e < n && (fold_is_word_byte(s[e]) || s[e] == '.'))) {
				w -= 3;
				ok = 1;
			}
			if (ok && w >= 2 && s[w - 1] == ' ' && s[w - 2] == 'b' &&
			    (w == 2 || !fold_is_word_byte(s[w - 3])))
				w--;
			if (ok) {
				s[w] = '#';
				f->map[w] = f->map[r];
				w++;
				r = e;
				continue;
			}
			while (r < e) {
				s[w] = s[r];
				f->map[w++] = f->map[r++];
			}
			continue;
		}
		s[w] = s[r];
		f->map[w++] = f->map[r++];
	}
	f->map[w] = f->map[n];
	f->len = w;
}

void fold_text(folder *f, const char *s, size_t n, int flags)
{
	size_t i = 0;

	f->len = 0;
	reserve(f, n);
	while (i < n) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
						      (utf8proc_ssize_t)(n - i), &cp);
		if (k <= 0) { /* invalid byte: a separator, resynchronise on the next */
			put(f, ' ', i);
			i++;
			continue;
		}
		fold_cp(f, cp, i);
		i += (size_t)k;
	}
	reserve(f, 0);
	f->map[f->len] = n;
	if (flags & FOLD_MASK_NUMBERS)
		mask_numbers(f);
	f->out[f->len] = '\0';
}
