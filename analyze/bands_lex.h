/* bands_lex.h: the vocabulary of band lists, internal to analyze/bands.c.
 *
 * The lexer turns the bytes of a seller's text into tokens: numbers,
 * "B3"/"n78" band tokens, "800MHz" frequencies, "4G" generations, words
 * classed as technology headings or noise, separators. It is a pure function
 * of the position, so peeking ahead is just lexing from a saved offset. The
 * band tables say which numbers are real LTE / NR / 3G bands and which bands
 * a MHz figure may mean. Nothing here allocates or fails. */
#ifndef GV_BANDS_LEX_H
#define GV_BANDS_LEX_H

#include <stddef.h>

enum bands_tech { TECH_NONE, TECH_GSM, TECH_UMTS, TECH_LTE, TECH_NR };

enum bands_tok_kind {
	TK_END,
	TK_NL,     /* newline: ends a list, not the section */
	TK_PUNCT,  /* separator, in .punct (full-width forms folded to ASCII) */
	TK_NUM,    /* bare number, .value (-1 when too long to be anything) */
	TK_FREQ,   /* "800MHz", .value in MHz */
	TK_BAND,   /* "B3", "B28A", "Band3": .value */
	TK_NRBAND, /* "n78", "N78": .value */
	TK_GEN,    /* "4G": a heading, .value = tech */
	TK_WORD,   /* letters: .word class, .value tech or qualifier */
	TK_JUNK    /* anything else: "8GB", "M2101K9G", non-ASCII text */
};

enum bands_word_class { W_JUNK, W_NEUTRAL, W_AND, W_BANDKW, W_TECH, W_QUAL, W_NEG };
enum bands_qual { Q_NONE, Q_FDD, Q_TDD, Q_SA };

typedef struct bands_token {
	enum bands_tok_kind kind;
	size_t start; /* offset of its first byte */
	size_t end;  /* offset just past the token */
	char punct;
	int value;
	int word;    /* enum bands_word_class for TK_WORD */
} bands_token;

/* ---- lexer ---- */

/* Fill t with the token starting at or after pos in text[0..len): blanks,
 * control characters and decorations (no-break space, bullets, emoji) are
 * skipped; at len it is TK_END with .end = len. t->end is where the next
 * token may start. Never reads past text[len - 1]. */
void bands_lex_next(const char *text, size_t len, size_t pos, bands_token *t);
/* 1 if c is an ASCII letter. */
int bands_lex_is_alpha(unsigned char c);
/* 1 if s[0..n) is the word w (lowercase), ignoring ASCII case. */
int bands_lex_word_eq(const char *s, size_t n, const char *w);

/* ---- band tables ---- */

/* 1 if n is a band number of its kind (LTE E-UTRA, 5G NR, 3G UMTS). */
int bands_lex_lte_valid(int n);
int bands_lex_nr_valid(int n);
int bands_lex_umts_valid(int n);
/* LTE bands a frequency may mean; returns how many (0: not an LTE frequency).
 * Only figures sellers actually write; "2535" from "2535-2655MHz" is none.
 * qual (Q_FDD / Q_TDD / Q_NONE) narrows 1900 and 2600 MHz. */
int bands_lex_lte_freq(int mhz, int qual, int out[6]);
/* The 3G band a frequency means, or 0. */
int bands_lex_umts_freq(int mhz);

#endif
