/* matcher.c: see matcher.h. The trie is built as first-child/next-sibling
 * lists while phrases are added, then turned into a full DFA (failure links
 * folded into the table) over the byte classes that phrases use. */
#include "analyze/matcher.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "analyze/fold.h"
#include "common/util.h"

typedef struct pattern {
	size_t len;
	int id, flags;
	int left_word, right_word; /* first / last byte is a word byte */
	int next;                  /* next pattern ending at the same state, -1 */
} pattern;

typedef struct tnode {
	int child, sibling; /* trie lists, -1 */
	unsigned char byte; /* byte on the edge into this node */
} tnode;

struct matcher {
	tnode *nodes;
	size_t nnodes, capnodes;
	pattern *pats;
	size_t npats, cappats;
	int *out;           /* per state: first pattern ending here, -1 */
	int *dict;          /* per state: nearest proper suffix state with output, 0 = none */
	uint32_t *delta;    /* nnodes * nclass transitions */
	unsigned char cls[256];
	int nclass;
	int built;
};

static int new_node(matcher *m, unsigned char b)
{
	if (m->nnodes == m->capnodes) {
		m->capnodes = m->capnodes ? m->capnodes * 2 : 256;
		m->nodes = xrealloc(m->nodes, m->capnodes * sizeof *m->nodes);
		m->out = xrealloc(m->out, m->capnodes * sizeof *m->out);
	}
	m->nodes[m->nnodes].child = -1;
	m->nodes[m->nnodes].sibling = -1;
	m->nodes[m->nnodes].byte = b;
	m->out[m->nnodes] = -1;
	return (int)m->nnodes++;
}

matcher *matcher_new(void)
{
	matcher *m = xcalloc(1, sizeof *m);
	new_node(m, 0);
	return m;
}

void matcher_free(matcher *m)
{
	if (!m)
		return;
	free(m->nodes);
	free(m->pats);
	free(m->out);
	free(m->dict);
	free(m->delta);
	free(m);
}

static int trie_child(const matcher *m, int s, unsigned char b)
{
	int c;
	for (c = m->nodes[s].child; c >= 0; c = m->nodes[c].sibling)
		if (m->nodes[c].byte == b)
			return c;
	return -1;
}

int matcher_add(matcher *m, const char *p, size_t n, int id, int flags)
{
	int s = 0;
	size_t i;
	pattern *pt;

	if (m->built || n == 0 || id < 0)
		return -1;
	for (i = 0; i < n; i++) {
		unsigned char b = (unsigned char)p[i];
		int c = trie_child(m, s, b);
		if (c < 0) {
			c = new_node(m, b);
			m->nodes[c].sibling = m->nodes[s].child;
			m->nodes[s].child = c;
		}
		s = c;
	}
	if (m->npats == m->cappats) {
		m->cappats = m->cappats ? m->cappats * 2 : 64;
		m->pats = xrealloc(m->pats, m->cappats * sizeof *m->pats);
	}
	pt = &m->pats[m->npats];
	pt->len = n;
	pt->id = id;
	pt->flags = flags;
	pt->left_word = fold_is_word_byte((unsigned char)p[0]);
	pt->right_word = fold_is_word_byte((unsigned char)p[n - 1]);
	pt->next = m->out[s];
	m->out[s] = (int)m->npats++;
	return 0;
}

void matcher_build(matcher *m)
{
	size_t s, head = 0, tail = 0, nc;
	int *queue, *fail;
	int b;

	if (m->built)
		return;
	/* byte classes: 0 for bytes no phrase uses */
	memset(m->cls, 0, sizeof m->cls);
	m->nclass = 1;
	for (s = 1; s < m->nnodes; s++)
		if (!m->cls[m->nodes[s].byte])
			m->cls[m->nodes[s].byte] = (unsigned char)m->nclass++;
	nc = (size_t)m->nclass;
	m->delta = xcalloc(m->nnodes * nc, sizeof *m->delta);
	m->dict = xcalloc(m->nnodes, sizeof *m->dict);
	queue = xmalloc(m->nnodes * sizeof *queue);
	fail = xcalloc(m->nnodes, sizeof *fail);

	/* breadth first: a state's failure state is complete before its children */
	for (b = m->nodes[0].child; b >= 0; b = m->nodes[b].sibling) {
		m->delta[m->cls[m->nodes[b].byte]] = (uint32_t)b;
		fail[b] = 0;
		queue[tail++] = b;
	}
	while (head < tail) {
		int u = queue[head++];
		int f = fail[u];
		size_t c;
		memcpy(&m->delta[(size_t)u * nc], &m->delta[(size_t)f * nc], nc * sizeof *m->delta);
		for (b = m->nodes[u].child; b >= 0; b = m->nodes[b].sibling) {
			c = m->cls[m->nodes[b].byte];
			fail[b] = (int)m->delta[(size_t)f * nc + c];
			m->delta[(size_t)u * nc + c] = (uint32_t)b;
			queue[tail++] = b;
		}
		m->dict[u] = m->out[f] >= 0 ? f : m->dict[f];
	}
	free(queue);
	free(fail);
	m->built = 1;
}

size_t matcher_states(const matcher *m)
{
	return m->nnodes;
}

void match_list_init(match_list *l)
{
	memset(l, 0, sizeof *l);
}

void match_list_release(match_list *l)
{
	free(l->v);
	match_list_init(l);
}

static void emit(match_list *l, size_t start, size_t end, int id)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 32;
		l->v = xrealloc(l->v, l->cap * sizeof *l->v);
	}
	l->v[l->n].start = start;
	l->v[l->n].end = end;
	l->v[l->n].id = id;
	l->n++;
}

void matcher_scan(const matcher *m, const char *t, size_t n, match_list *out)
{
	const unsigned char *u = (const unsigned char *)t;
	size_t i, nc = (size_t)m->nclass;
	uint32_t s = 0;

	out->n = 0;
	if (!m->built)
		return;
	for (i = 0; i < n; i++) {
		int st;
		s = m->delta[(size_t)s * nc + m->cls[u[i]]];
		for (st = m->out[s] >= 0 ? (int)s : m->dict[s]; st > 0; st = m->dict[st]) {
			int p;
			for (p = m->out[st]; p >= 0; p = m->pats[p].next) {
				const pattern *pt = &m->pats[p];
				size_t end = i + 1, start = end - pt->len;
				if (pt->left_word && start > 0 && fold_is_word_byte(u[start - 1]))
					continue;
				if (pt->right_word && !(pt->flags & MATCHER_STEM) && end < n &&
				    fold_is_word_byte(u[end]))
					continue;
				emit(out, start, end, pt->id);
			}
		}
	}
}
