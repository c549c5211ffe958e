/* weights.c: see weights.h. */
#include "analyze/weights.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

static int parse_numbers(const refcsv *t, int col, double **out, gv_error *err)
{
	size_t r;

	*out = xcalloc(t->nrows ? t->nrows : 1, sizeof **out);
	for (r = 0; r < t->nrows; r++) {
		const char *s = refcsv_get(t, r, col);
		char *end;
		(*out)[r] = strtod(s, &end);
		if (!*s || *end)
			return gv_error_set(err, t->path, t->lines[r], "'%s' is not a number", s);
	}
	return 0;
}

static int check_unique(const refcsv *t, gv_error *err)
{
	size_t i, j;
	for (i = 0; i < t->nrows; i++)
		for (j = 0; j < i; j++)
			if (!strcmp(refcsv_get(t, i, 0), refcsv_get(t, j, 0)))
				return gv_error_set(err, t->path, t->lines[i], "'%s' is listed twice",
						    refcsv_get(t, i, 0));
	return 0;
}

int weights_load(weights *w, const char *datadir, gv_error *err)
{
	static const char *const sreq[] = {"signal", "weight", NULL};
	static const char *const treq[] = {"name", "value", NULL};

	memset(w, 0, sizeof *w);
	if (refcsv_load(&w->signals, datadir, "weights.csv", sreq, err) < 0 ||
	    refcsv_load(&w->thresholds, datadir, "thresholds.csv", treq, err) < 0)
		return -1;
	if (parse_numbers(&w->signals, refcsv_col(&w->signals, "weight"), &w->w, err) < 0 ||
	    parse_numbers(&w->thresholds, refcsv_col(&w->thresholds, "value"), &w->t, err) < 0 ||
	    check_unique(&w->signals, err) < 0 || check_unique(&w->thresholds, err) < 0)
		return -1;
	return 0;
}

void weights_release(weights *w)
{
	refcsv_release(&w->signals);
	refcsv_release(&w->thresholds);
	free(w->w);
	free(w->t);
	memset(w, 0, sizeof *w);
}

static long find(const refcsv *t, const char *key)
{
	size_t r;
	for (r = 0; r < t->nrows; r++)
		if (!strcmp(refcsv_get(t, r, 0), key)) /* first column is the key */
			return (long)r;
	return -1;
}

double weights_get(const weights *w, const char *signal)
{
	long r = find(&w->signals, signal);
	return r < 0 ? 0.0 : w->w[r];
}

int weights_known(const weights *w, const char *signal)
{
	return find(&w->signals, signal) >= 0;
}

double weights_threshold(const weights *w, const char *name, double fallback)
{
	long r = find(&w->thresholds, name);
	return r < 0 ? fallback : w->t[r];
}

static void hash_table(XXH3_state_t *st, const refcsv *t)
{
	size_t i;
	for (i = 0; i < t->nrows * (size_t)t->ncols; i++)
		XXH3_128bits_update(st, t->cells[i], strlen(t->cells[i]) + 1);
}

void weights_fingerprint(const weights *w, char out[33])
{
	XXH3_state_t *st = XXH3_createState();
	XXH128_hash_t h;

	XXH3_128bits_reset(st);
	hash_table(st, &w->signals);
	hash_table(st, &w->thresholds);
	h = XXH3_128bits_digest(st);
	XXH3_freeState(st);
	snprintf(out, 33, "%016llx%016llx", (unsigned long long)h.high64,
		 (unsigned long long)h.low64);
}
