/* price.c: see price.h. */
#include "analyze/price.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/util.h"

/* One comparison key's figures. Only these are kept: the prices of one
 * key at a time are buffered while they stream in (memory bounded by the
 * largest group, not by the number of listings). */
typedef struct group {
	char *key;
	double median;
	int n;
} group;

struct price_ref {
	group *v;
	size_t n, cap;
	double *prices; /* the current group's prices, ascending */
	size_t np, capp;
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
	free(p->prices);
	free(p);
}

/* Close the current group: its median over the buffered prices. */
static void close_group(price_ref *p)
{
	group *g;
	size_t k = p->np;

	if (!k)
		return;
	g = &p->v[p->n - 1];
	g->n = (int)k;
	g->median = k % 2 ? p->prices[k / 2] : (p->prices[k / 2 - 1] + p->prices[k / 2]) / 2;
	p->np = 0;
}

int price_ref_add(price_ref *p, const char *key, double price)
{
	int c = p->n ? strcmp(key, p->v[p->n - 1].key) : 1;

	if (c < 0 || (c == 0 && (p->np == 0 || price < p->prices[p->np - 1])))
		return -1; /* not in key, price order (or the key was closed) */
	if (c > 0) {
		close_group(p);
		if (p->n == p->cap) {
			p->cap = p->cap ? p->cap * 2 : 64;
			p->v = xrealloc(p->v, p->cap * sizeof *p->v);
		}
		p->v[p->n].key = xstrdup(key);
		p->v[p->n].median = 0;
		p->v[p->n].n = 0;
		p->n++;
	}
	if (p->np == p->capp) {
		p->capp = p->capp ? p->capp * 2 : 256;
		p->prices = xrealloc(p->prices, p->capp * sizeof *p->prices);
	}
	p->prices[p->np++] = price;
	return 0;
}

void price_ref_finish(price_ref *p)
{
	close_group(p);
}

size_t price_ref_count(const price_ref *p)
{
	return p->n;
}

const char *price_ref_group(const price_ref *p, size_t i, double *median, int *n)
{
	*median = p->v[i].median;
	*n = p->v[i].n;
	return p->v[i].key;
}

int price_is_low(double price, double median, int n, double ratio, int min_ref)
{
	return n >= min_ref && price > 0 && price < ratio * median;
}

void price_low_rule(const weights *w, double *ratio, int *min_ref)
{
	*ratio = weights_threshold(w, "price_low_ratio", 0.65);
	*min_ref = (int)weights_threshold(w, "price_min_reference", 3);
}

void price_low_excerpt(char *buf, size_t size, double price, const char *currency, double median,
		       int n, const char *device, const char *key)
{
	const char *mem = strchr(key, '|');

	mem = mem ? mem + 1 : ""; /* "8/256|USD" -> "8/256" */
	snprintf(buf, size, "price %.2f %s, %.0f%% of the median %.2f of %d comparable %s %.*s listings",
		 price, currency, 100 * price / median, median, n, device, (int)strcspn(mem, "|"),
		 mem);
}

double price_ref_median(const price_ref *p, const char *key, int *n)
{
	size_t lo = 0, hi = p->n;

	*n = 0;
	while (lo < hi) { /* the group with this key, if any */
		size_t mid = (lo + hi) / 2;
		int c = strcmp(p->v[mid].key, key);
		if (c == 0) {
			*n = p->v[mid].n;
			return p->v[mid].median;
		}
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
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
