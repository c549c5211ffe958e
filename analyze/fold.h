/* fold.h: the one text normalisation every matcher input and every lexicon
 * phrase goes through, so both sides compare equal byte for byte.
 *
 * Unicode case folding and accent stripping through utf8proc (CASEFOLD +
 * STRIPMARK: "É"->"e", "ß"->"ss", "Ё"->"е", "й"->"и" -- a breve is a mark
 * too; the lexicon is folded by the same function, so "бэнд"/"й" forms stay
 * consistent), whitespace and dashes to one space (line breaks to one
 * newline, they end sentences), non-ASCII punctuation and
 * symbols (emoji, quotes) to a space, apostrophes (ASCII and typographic)
 * dropped: "doesn't", "doesn’t" and "doesnt" fold alike.
 * Invalid UTF-8 bytes become a space. A map from every folded byte back to
 * the original byte offset is kept for excerpts.
 *
 * With FOLD_MASK_NUMBERS, short free-standing numbers ("20", "b20" -> "b#",
 * "band 28" -> "band #", and "band20", "b 20", "b-20" -> "b#") are masked so
 * one lexicon phrase ("no b#") covers every band; "4g", "v14.0.3.0", "n78"
 * and long numbers stay as they are. */
#ifndef GV_FOLD_H
#define GV_FOLD_H

#include <stddef.h>

enum { FOLD_MASK_NUMBERS = 1 };

/* Reusable output buffers: fold many texts without a malloc per call. */
typedef struct folder {
	char *out;     /* folded bytes, NUL-terminated */
	size_t *map;   /* map[i]: offset in the input of the character that produced out[i]; map[len] = input length */
	size_t len;    /* bytes in out */
	size_t cap;    /* allocated entries of out and map */
} folder;

void fold_init(folder *f);
void fold_release(folder *f);
/* Fold s[0..n) into f->out (replacing what was there). Never fails; invalid
 * UTF-8 is replaced, never read past n. */
void fold_text(folder *f, const char *s, size_t n, int flags);
/* 1 for bytes that belong to a word after folding: ASCII letters and digits,
 * '#' (a masked number) and any byte of a non-ASCII character (folding has
 * turned non-letters outside ASCII into spaces). */
int fold_is_word_byte(unsigned char c);

#endif
