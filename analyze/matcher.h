/* matcher.h: one pass over a text for every phrase of the lexicon.
 *
 * Aho-Corasick over bytes (phrases and text are folded the same way first,
 * see fold.h), compiled to a dense transition table over byte classes, so a
 * scan costs one table lookup per byte whatever the number of phrases. Word
 * boundaries are checked when a phrase ends: a phrase that starts (ends) with
 * a word byte must not be preceded (followed) by one, unless it was added as
 * a stem (MATCHER_STEM: "китайск" matches "китайская"). */
#ifndef GV_MATCHER_H
#define GV_MATCHER_H

#include <stddef.h>

typedef struct matcher matcher;

enum { MATCHER_STEM = 1 }; /* no word boundary needed after the phrase */

typedef struct match {
	size_t start, end; /* [start, end) in the scanned text */
	int id;            /* id given to matcher_add */
} match;

typedef struct match_list {
	match *v;
	size_t n, cap;
} match_list;

matcher *matcher_new(void);
void matcher_free(matcher *m);
/* Add phrase p[0..n) with a caller id (>= 0). Adding after matcher_build is
 * an error: returns -1. Empty phrases are refused (-1). */
int matcher_add(matcher *m, const char *p, size_t n, int id, int flags);
/* Compile the automaton; call once after the last add. */
void matcher_build(matcher *m);
/* Number of states, for tests and logs. */
size_t matcher_states(const matcher *m);
/* Empty out, then append every boundary-respecting occurrence in t[0..n),
 * ordered by end offset (ties: longer first). No allocation once out has
 * grown to its working size. */
void matcher_scan(const matcher *m, const char *t, size_t n, match_list *out);

void match_list_init(match_list *l);
void match_list_release(match_list *l);

#endif
