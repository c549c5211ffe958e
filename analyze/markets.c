/* markets.c: see markets.h. The table is schemas/markets.csv; how it was
 * built is in schemas/SOURCES.md, how to extend it in README.md ("Band lists and markets"). */
#include "analyze/markets.h"

#include <stdlib.h>
#include <string.h>

#include "common/refcsv.h"

/* Parse "1 3 7 20" or "B1;B3" into set. 0, or -1 with the bad token in err. */
static int parse_bands(const char *s, unsigned char *set, const char *path, long line,
		       const char *col, gv_error *err)
{
	while (*s) {
		const char *tok, *word;
		long v = 0;
		size_t n = 0;
		while (*s == ' ' || *s == ';' || *s == ',' || *s == '\t')
			s++;
		if (!*s)
			break;
		tok = word = s;
		while (s[n] && s[n] != ' ' && s[n] != ';' && s[n] != ',' && s[n] != '\t')
			n++;
		s += n;
		if (n && (tok[0] == 'B' || tok[0] == 'b'))
			tok++, n--;
		if (n == 0 || n > 3)
			goto bad;
		while (n--) {
			if (*tok < '0' || *tok > '9')
				goto bad;
			v = v * 10 + (*tok++ - '0');
		}
		if (v < 1 || v >= BANDS_MAX)
			goto bad;
		set[v] = 1;
		continue;
	bad:
		return gv_error_set(err, path, line, "bad band '%.*s' in column '%s'",
				    (int)(s - word < 32 ? s - word : 32), word, col);
	}
	return 0;
}

static int parse_countries(market *mk, const char *s, const char *path, long line,
			   gv_error *err)
{
	while (*s) {
		char cc[3];
		while (*s == ' ' || *s == ';' || *s == ',')
			s++;
		if (!*s)
			break;
		if (!((s[0] | 32) >= 'a' && (s[0] | 32) <= 'z' && (s[1] | 32) >= 'a' &&
		      (s[1] | 32) <= 'z') ||
		    (s[2] && s[2] != ' ' && s[2] != ';' && s[2] != ','))
			return gv_error_set(err, path, line,
					    "bad country code near '%.8s' in column 'countries'", s);
		cc[0] = (char)(s[0] & ~32);
		cc[1] = (char)(s[1] & ~32);
		cc[2] = '\0';
		mk->countries = xrealloc(mk->countries,
					 (size_t)(mk->ncountries + 1) * sizeof *mk->countries);
		mk->countries[mk->ncountries++] = xstrdup(cc);
		s += 2;
	}
	if (!mk->ncountries)
		return gv_error_set(err, path, line, "market '%s' has no countries", mk->code);
	return 0;
}

static int subset(const unsigned char *a, const unsigned char *b)
{
	int i;
	for (i = 1; i < BANDS_MAX; i++)
		if (a[i] && !b[i])
			return 0;
	return 1;
}

static int empty(const unsigned char *a)
{
	int i;
	for (i = 1; i < BANDS_MAX; i++)
		if (a[i])
			return 0;
	return 1;
}

int markets_load(markets *m, const char *datadir, gv_error *err)
{
	static const char *const required[] = {"market", "countries", "key_lte_bands",
					       "core_lte_bands", "commonly_missed", "basis", "source",
					       NULL};
	refcsv t;
	int rc = -1, cm, cc, ck, cr, cx, cb;
	size_t r;

	memset(m, 0, sizeof *m);
	memset(&t, 0, sizeof t);
	if (refcsv_load(&t, datadir, "markets.csv", required, err) < 0)
		goto cleanup;
	cm = refcsv_col(&t, "market");
	cc = refcsv_col(&t, "countries");
	ck = refcsv_col(&t, "key_lte_bands");
	cr = refcsv_col(&t, "core_lte_bands");
	cx = refcsv_col(&t, "commonly_missed");
	cb = refcsv_col(&t, "basis");
	if (t.nrows == 0) {
		gv_error_set(err, t.path, 1, "no markets: every listing's missing bands would be unknown");
		goto cleanup;
	}
	m->v = xcalloc(t.nrows, sizeof *m->v);
	for (r = 0; r < t.nrows; r++) {
		market *mk = &m->v[m->n];
		long line = t.lines[r];
		const char *code = refcsv_get(&t, r, cm);
		int i, j;

		if (!*code) {
			gv_error_set(err, t.path, line, "empty market name");
			goto cleanup;
		}
		mk->code = xstrdup(code);
		m->n++;
		if (parse_countries(mk, refcsv_get(&t, r, cc), t.path, line, err) < 0 ||
		    parse_bands(refcsv_get(&t, r, ck), mk->key, t.path, line, "key_lte_bands", err) < 0 ||
		    parse_bands(refcsv_get(&t, r, cr), mk->core, t.path, line, "core_lte_bands", err) < 0 ||
		    parse_bands(refcsv_get(&t, r, cx), mk->missed, t.path, line, "commonly_missed", err) < 0)
			goto cleanup;
		if (!strcmp(refcsv_get(&t, r, cb), "seed")) {
			mk->seed = 1;
		} else if (strcmp(refcsv_get(&t, r, cb), "operators")) {
			gv_error_set(err, t.path, line, "market '%s': basis '%s' is not seed or operators",
				     code, refcsv_get(&t, r, cb));
			goto cleanup;
		}
		if (empty(mk->key)) {
			gv_error_set(err, t.path, line, "market '%s' has no key bands", code);
			goto cleanup;
		}
		if (empty(mk->core) || !subset(mk->core, mk->key) || !subset(mk->missed, mk->key)) {
			gv_error_set(err, t.path, line,
				     "market '%s': core and commonly missed bands must be key bands "
				     "(core not empty)", code);
			goto cleanup;
		}
		for (i = 0; i < m->n - 1; i++) {
			if (!ascii_casecmp(m->v[i].code, code)) {
				gv_error_set(err, t.path, line, "market '%s' listed twice", code);
				goto cleanup;
			}
			for (j = 0; j < mk->ncountries; j++)
				if (markets_find(&(markets){&m->v[i], 1}, mk->countries[j])) {
					gv_error_set(err, t.path, line,
						     "country '%s' already in market '%s'",
						     mk->countries[j], m->v[i].code);
					goto cleanup;
				}
		}
	}
	rc = 0;
cleanup:
	refcsv_release(&t);
	if (rc < 0)
		markets_release(m);
	return rc;
}

void markets_release(markets *m)
{
	int i, j;
	if (!m)
		return;
	for (i = 0; i < m->n; i++) {
		for (j = 0; j < m->v[i].ncountries; j++)
			free(m->v[i].countries[j]);
		free(m->v[i].countries);
		free(m->v[i].code);
	}
	free(m->v);
	m->v = NULL;
	m->n = 0;
}

const market *markets_find(const markets *m, const char *country)
{
	int i, j;
	if (!m || !country || !*country)
		return NULL;
	for (i = 0; i < m->n; i++)
		for (j = 0; j < m->v[i].ncountries; j++)
			if (!ascii_casecmp(m->v[i].countries[j], country))
				return &m->v[i];
	for (i = 0; i < m->n; i++) /* "--market EU" */
		if (!ascii_casecmp(m->v[i].code, country))
			return &m->v[i];
	return NULL;
}

compat_grade markets_compat(const market *mk, const bands *b, strbuf *missing)
{
	int i, nkey = 0, nhave = 0, core_ok = 1, first = 1;

	if (!mk || !b || !bands_has_lte_list(b))
		return COMPAT_UNKNOWN;
	for (i = 1; i < BANDS_MAX; i++) {
		/* an ambiguous MHz figure that may be this band is not "missing":
		 * a false missing band is worse than a missed one (see README) */
		int have = b->lte[i] || b->lte_maybe[i];
		if (!mk->key[i])
			continue;
		nkey++;
		if (have) {
			nhave++;
			continue;
		}
		if (mk->core[i])
			core_ok = 0;
		if (missing) {
			sb_addf(missing, "%sB%d", first ? "" : ";", i);
			first = 0;
		}
	}
	if (nhave == nkey)
		return COMPAT_ALL;
	if (core_ok)
		return COMPAT_CORE;
	return nhave ? COMPAT_SOME : COMPAT_NONE;
}

const char *compat_name(compat_grade g)
{
	switch (g) {
	case COMPAT_NONE: return "none";
	case COMPAT_SOME: return "some";
	case COMPAT_CORE: return "core";
	case COMPAT_ALL: return "all";
	default: return "unknown";
	}
}
