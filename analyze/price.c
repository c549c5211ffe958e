/* price.c: see price.h. */
#include "analyze/price.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/util.h"

typedef struct entry {
	char *key;
	double price;
} entry;

struct price_ref {
	entry *v;
	size_t n, cap;
};

price_ref *price_ref_new(void)
{
	return xcalloc(1, sizeof(price_ref));
}

void price_ref_free(price_ref *p)
{
	size_t i;
	if (!p)
		return;
	for (i = 0; i < p->n; i++)
		free(p->v[i].key);
	free(p->v);
	free(p);
}

void price_ref_add(price_ref *p, const char *key, double price)
{
	if (p->n == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 256;
		p->v = xrealloc(p->v, p->cap * sizeof *p->v);
	}
	p->v[p->n].key = xstrdup(key);
	p->v[p->n].price = price;
	p->n++;
}

static int entry_cmp(const void *a, const void *b)
{
	const entry *x = a, *y = b;
	int c = strcmp(x->key, y->key);
	if (c)
		return c;
	return x->price < y->price ? -1 : x->price > y->price;
}

void price_ref_finish(price_ref *p)
{
	qsort(p->v, p->n, sizeof *p->v, entry_cmp);
}

double price_ref_median(const price_ref *p, const char *key, int *n)
{
	size_t lo = 0, hi = p->n, first, last;

	*n = 0;
	while (lo < hi) { /* first entry with key >= key */
		size_t mid = (lo + hi) / 2;
		if (strcmp(p->v[mid].key, key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	first = lo;
	for (last = first; last < p->n && !strcmp(p->v[last].key, key); last++)
		;
	*n = (int)(last - first);
	if (!*n)
		return 0;
	if (*n % 2)
		return p->v[first + (size_t)*n / 2].price;
	return (p->v[first + (size_t)*n / 2 - 1].price + p->v[first + (size_t)*n / 2].price) / 2;
}

/* RAM and storage from a title: "8GB 256GB", "8GB+256GB", "8+256", "8/256GB",
 * "12GB RAM 512GB ROM", "16GB 1TB". */
static int memory_of(const char *t, int *ram, int *rom)
{
	const char *p = t;

	*ram = *rom = 0;
	while (*p) {
		char *end;
		long a, b = 0;
		if (!isdigit((unsigned char)*p) || (p > t && isalnum((unsigned char)p[-1]))) {
			p++;
			continue;
		}
		a = strtol(p, &end, 10);
		p = end;
		while (*p == ' ')
			p++;
		if (!strncasecmp(p, "GB", 2) || !strncasecmp(p, "TB", 2) || (*p == '+' || *p == '/')) {
			long unit = !strncasecmp(p, "TB", 2) ? 1024 : 1;
			if (!strncasecmp(p, "GB", 2) || !strncasecmp(p, "TB", 2))
				p += 2;
			if (*p == '+' || *p == '/') { /* "8+256", "8GB/256GB" */
				const char *q = p + 1;
				while (*q == ' ')
					q++;
				if (isdigit((unsigned char)*q)) {
					b = strtol(q, &end, 10);
					p = end;
					while (*p == ' ')
						p++;
					if (!strncasecmp(p, "TB", 2))
						b *= 1024;
					if (unit == 1 && a <= 24 && b >= 32) {
						*ram = (int)a;
						*rom = (int)b;
						return 1;
					}
				}
				continue;
			}
			if (unit == 1 && a >= 1 && a <= 24 && !*ram)
				*ram = (int)a;
			else if (a * unit >= 32 && !*rom)
				*rom = (int)(a * unit);
			if (*ram && *rom)
				return 1;
		}
	}
	return *ram && *rom;
}

int price_key(const device_bands *dev, const char *title, const char *currency, char *key,
	      size_t size)
{
	int ram, rom;
	if (!dev || !title || !currency || !*currency || !memory_of(title, &ram, &rom))
		return 0;
	snprintf(key, size, "%s|%d/%d|%s", dev->key, ram, rom, currency);
	return 1;
}
