/* test_matcher.c: Aho-Corasick over folded bytes: overlaps, word
 * boundaries, stems, non-ASCII, and a scan over many phrases at once. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "analyze/matcher.h"

static matcher *build(const char *const *p, size_t n)
{
	matcher *m = matcher_new();
	size_t i;
	for (i = 0; i < n; i++) {
		size_t len = strlen(p[i]);
		int stem = len > 1 && p[i][len - 1] == '*';
		cr_assert_eq(matcher_add(m, p[i], len - (size_t)stem, (int)i, stem ? MATCHER_STEM : 0), 0);
	}
	matcher_build(m);
	return m;
}

static int has(const match_list *l, int id, size_t start, size_t end)
{
	size_t i;
	for (i = 0; i < l->n; i++)
		if (l->v[i].id == id && l->v[i].start == start && l->v[i].end == end)
			return 1;
	return 0;
}

static int has_id(const match_list *l, int id)
{
	size_t i;
	for (i = 0; i < l->n; i++)
		if (l->v[i].id == id)
			return 1;
	return 0;
}

static const char *const P[] = {"only 3g", "3g only", "no b#", "b# нет", "нет lte", "3g", "китаиск*", "he", "she", "hers"};

static const struct { const char *text; int id; size_t start, end; int found; } cases[] = {
	{"only 3g", 0, 0, 7, 1},
	{"it is 3g only here", 1, 6, 13, 1},
	{"only 3g only", 0, 0, 7, 1},
	{"only 3g only", 1, 5, 12, 1},               /* overlapping phrases both found */
	{"no b# and no b#", 2, 10, 15, 1},
	{"нет lte, только 3g, b# нет", 4, 0, 10, 1},
	{"нет lte, только 3g, b# нет", 3, 29, 38, 1},
	{"нет lte, только 3g, b# нет", 5, 25, 27, 1},
	{"only 3gb ram", 0, 0, 7, 0},               /* right boundary */
	{"commonly 3g", 0, 0, 0, 0},
	{"xonly 3g", 0, 1, 8, 0},                   /* left boundary */
	{"это китаиская версия", 6, 7, 21, 1},       /* stem: no right boundary */
	{"ushers", 8, 1, 4, 0},                      /* inside a word: not a match */
	{"she hers", 8, 0, 3, 1},
	{"she hers", 9, 4, 8, 1},
};

Test(matcher, table)
{
	matcher *m = build(P, sizeof P / sizeof *P);
	match_list l;
	size_t i;
	match_list_init(&l);
	for (i = 0; i < sizeof cases / sizeof *cases; i++) {
		matcher_scan(m, cases[i].text, strlen(cases[i].text), &l);
		if (cases[i].found)
			cr_expect(has(&l, cases[i].id, cases[i].start, cases[i].end), "\"%s\": phrase %d at %zu..%zu",
				  cases[i].text, cases[i].id, cases[i].start, cases[i].end);
		else
			cr_expect(!has_id(&l, cases[i].id), "\"%s\": phrase %d must not match", cases[i].text,
				  cases[i].id);
	}
	match_list_release(&l);
	matcher_free(m);
}

Test(matcher, refuses_and_empty)
{
	matcher *m = matcher_new();
	match_list l;
	match_list_init(&l);
	cr_expect_eq(matcher_add(m, "", 0, 0, 0), -1);
	cr_expect_eq(matcher_add(m, "x", 1, -1, 0), -1);
	cr_expect_eq(matcher_add(m, "ab", 2, 0, 0), 0);
	matcher_build(m);
	cr_expect_eq(matcher_add(m, "cd", 2, 1, 0), -1, "no adds after build");
	matcher_scan(m, "", 0, &l);
	cr_expect_eq(l.n, 0);
	matcher_scan(m, "ab ab", 5, &l);
	cr_expect_eq(l.n, 2);
	match_list_release(&l);
	matcher_free(m);
	matcher_free(NULL);
}

/* Thousands of phrases, one pass: every planted phrase is found. */
Test(matcher, many_phrases)
{
	matcher *m = matcher_new();
	match_list l;
	char buf[64], text[4096];
	size_t i, len = 0;
	match_list_init(&l);
	for (i = 0; i < 5000; i++) {
		int n = snprintf(buf, sizeof buf, "phrase%zu word", i);
		matcher_add(m, buf, (size_t)n, (int)i, 0);
	}
	matcher_build(m);
	cr_expect_gt(matcher_states(m), 5000);
	for (i = 0; i < 5000; i += 500)
		len += (size_t)snprintf(text + len, sizeof text - len, "x phrase%zu word y ", i);
	matcher_scan(m, text, len, &l);
	cr_expect_eq(l.n, 10);
	for (i = 0; i < l.n; i++)
		cr_expect_eq(l.v[i].id % 500, 0);
	match_list_release(&l);
	matcher_free(m);
}
