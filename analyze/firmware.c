/* firmware.c: see firmware.h. A hand-written scanner over ASCII bytes: the
 * strings are ASCII even inside Cyrillic text, and every other byte only
 * matters as a boundary. */
#include "analyze/firmware.h"

#include <stdlib.h>
#include <string.h>

#include "common/refcsv.h"

int fw_regions_load(fw_regions *r, const char *datadir, gv_error *err)
{
	static const char *const req[] = {"region_code", NULL};
	refcsv t;
	int col, rc = -1;
	size_t i;

	memset(r, 0, sizeof *r);
	if (refcsv_load(&t, datadir, "firmware_regions.csv", req, err) < 0)
		goto cleanup;
	col = refcsv_col(&t, "region_code");
	r->code = xcalloc(t.nrows ? t.nrows : 1, sizeof *r->code);
	for (i = 0; i < t.nrows; i++) {
		const char *c = refcsv_get(&t, i, col);
		if (strlen(c) != 2 || c[0] < 'A' || c[0] > 'Z' || c[1] < 'A' || c[1] > 'Z') {
			gv_error_set(err, t.path, t.lines[i], "region code '%s' is not two capital letters", c);
			goto cleanup;
		}
		memcpy(r->code[r->n++], c, 3);
	}
	rc = 0;
cleanup:
	refcsv_release(&t);
	return rc;
}

void fw_regions_release(fw_regions *r)
{
	free(r->code);
	memset(r, 0, sizeof *r);
}

static char up(char c) { return (c >= 'a' && c <= 'z') ? (char)(c - 'a' + 'A') : c; }
static int is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static int is_digit(char c) { return c >= '0' && c <= '9'; }
static int is_alnum(char c) { return is_alpha(c) || is_digit(c); }

int fw_region_known(const fw_regions *r, const char *code)
{
	int i;
	if (!code[0] || !code[1])
		return 0;
	for (i = 0; i < r->n; i++)
		if (r->code[i][0] == up(code[0]) && r->code[i][1] == up(code[1]))
			return 1;
	return 0;
}

const char *firmware_branch_name(fw_branch b)
{
	switch (b) {
	case FW_STABLE: return "stable";
	case FW_BETA: return "beta";
	case FW_DEV: return "dev";
	case FW_UNOFFICIAL: return "unofficial";
	default: return "unknown";
	}
}

static void set_version(fw_hit *h, const char *s, size_t n)
{
	size_t i;
	if (n >= sizeof h->version)
		n = sizeof h->version - 1;
	for (i = 0; i < n; i++)
		h->version[i] = up(s[i]);
	h->version[n] = '\0';
}

/* Case-insensitive: does t[i..n) start with the lower-case word w? */
static int has_word(const char *t, size_t n, size_t i, const char *w)
{
	size_t k = strlen(w), j;
	if (i + k > n)
		return 0;
	for (j = 0; j < k; j++)
		if ((char)(t[i + j] | 0x20) != w[j])
			return 0;
	return 1;
}

/* "V14.0.3.0.TMSMIXM" and relatives at t[i]; 1 and h filled, or 0. */
static int scan_build(const fw_regions *r, const char *t, size_t n, size_t i, fw_hit *h, size_t *next)
{
	size_t p = i, lstart, llen = 0;
	int parts = 0, prefix = 0, last_zero = 0, prev_zero = 0;

	if ((t[p] | 0x20) == 'v' && p + 1 < n && is_digit(t[p + 1])) {
		p++;
		prefix = 1;
	} else if (has_word(t, n, p, "os") && p + 2 < n && is_digit(t[p + 2])) {
		p += 2;
		prefix = 1;
	} else if (!is_digit(t[p]))
		return 0;
	for (;;) {
		size_t d = p;
		while (p < n && is_digit(t[p]))
			p++;
		if (p == d || p - d > 4)
			return 0;
		prev_zero = last_zero;
		last_zero = (p - d == 1 && t[d] == '0');
		parts++;
		if (p + 1 < n && t[p] == '.' && is_digit(t[p + 1])) {
			p++;
			continue;
		}
		break;
	}
	lstart = p;
	if (p + 1 < n && t[p] == '.' && is_alpha(t[p + 1])) {
		lstart = ++p;
		while (p < n && is_alpha(t[p]))
			p++;
		llen = p - lstart;
	}
	if (p < n && (is_alnum(t[p]) || t[p] == '_'))
		return 0;
	if (parts < 3 || (!prefix && (parts < 4 || llen == 0)))
		return 0;

	memset(h, 0, sizeof *h);
	h->start = i;
	h->end = p;
	set_version(h, t + i, p - i);
	if (llen == 3 && has_word(t, n, lstart, "dev")) {
		h->branch = FW_DEV;
	} else if (llen == 7 && parts == 4) {
		char a = up(t[lstart]);
		char reg[3] = {up(t[lstart + 3]), up(t[lstart + 4]), 0};
		if (a >= 'K' && a <= 'W' && fw_region_known(r, reg)) {
			memcpy(h->region, reg, 3);
			h->branch = FW_STABLE;
		} else {
			h->branch = FW_UNKNOWN; /* a region code this table does not know */
		}
	} else if (parts >= 5 || (llen > 0 && parts != 4)) {
		h->branch = (parts >= 5 && !(last_zero && prev_zero) && llen == 0) ? FW_UNKNOWN : FW_UNOFFICIAL;
	} else {
		h->branch = FW_UNKNOWN; /* "V14.0.3.0" cut short: a version, no region */
	}
	if (h->branch == FW_UNKNOWN && !prefix)
		return 0;
	*next = p;
	return 1;
}

static const struct { const char *word; const char *code; } region_words[] = {
	{"global", "MI"}, {"international", "MI"}, {"china", "CN"}, {"chinese", "CN"}, {"cn", "CN"},
	{"eea", "EU"}, {"europe", "EU"}, {"european", "EU"}, {"russia", "RU"}, {"russian", "RU"},
	{"india", "IN"}, {"indian", "IN"}, {"indonesia", "ID"}, {"turkey", "TR"}, {"taiwan", "TW"},
	{"japan", "JP"}, {"korea", "KR"},
};

/* Length of the word at t[i] (letters only). */
static size_t word_len(const char *t, size_t n, size_t i)
{
	size_t p = i;
	while (p < n && is_alpha(t[p]))
		p++;
	return p - i;
}

static size_t skip_sep(const char *t, size_t n, size_t p)
{
	while (p < n && (t[p] == ' ' || t[p] == '|' || t[p] == '-' || t[p] == ':'))
		p++;
	return p;
}

/* "MIUI Global 13.0.4 Stable", "HyperOS 1.0.6 China" at t[i]. */
static int scan_named(const fw_regions *r, const char *t, size_t n, size_t i, fw_hit *h, size_t *next)
{
	size_t p, vs = 0, ve = 0, k;
	const char *region = "";
	fw_branch br = FW_UNKNOWN;
	int tok;

	if (has_word(t, n, i, "miui") && word_len(t, n, i) == 4)
		p = i + 4;
	else if (has_word(t, n, i, "hyperos") && word_len(t, n, i) == 7)
		p = i + 7;
	else if (has_word(t, n, i, "hyper os") && word_len(t, n, i + 6) == 2)
		p = i + 8;
	else
		return 0;
	for (tok = 0; tok < 4; tok++) {
		size_t w;
		p = skip_sep(t, n, p);
		if (p >= n)
			break;
		if ((t[p] | 0x20) == 'v' && p + 1 < n && is_digit(t[p + 1]) && !vs)
			p++;
		if (is_digit(t[p]) && !vs) {
			vs = p;
			while (p < n && (is_digit(t[p]) || (t[p] == '.' && p + 1 < n && is_digit(t[p + 1]))))
				p++;
			ve = p;
			continue;
		}
		w = word_len(t, n, p);
		if (!w)
			break;
		for (k = 0; k < sizeof region_words / sizeof *region_words; k++)
			if (strlen(region_words[k].word) == w && has_word(t, n, p, region_words[k].word) &&
			    fw_region_known(r, region_words[k].code))
				region = region_words[k].code;
		if (w == 6 && has_word(t, n, p, "stable"))
			br = FW_STABLE;
		else if (w == 4 && has_word(t, n, p, "beta"))
			br = FW_BETA;
		else if ((w == 3 && has_word(t, n, p, "dev")) || (w == 9 && has_word(t, n, p, "developer")))
			br = FW_DEV;
		p += w;
	}
	if (!vs || !region[0])
		return 0; /* "MIUI 14" alone says nothing about the region */
	memset(h, 0, sizeof *h);
	h->start = i;
	h->end = ve > p ? ve : p;
	set_version(h, t + vs, ve - vs);
	memcpy(h->region, region, 3);
	h->branch = br;
	*next = ve;
	return 1;
}

/* "(MAD CN DL)" */
static int scan_tag(const fw_regions *r, const char *t, size_t n, size_t i, fw_hit *h, size_t *next)
{
	char reg[3];
	if (i + 11 > n || t[i] != '(' || t[i + 10] != ')' || t[i + 4] != ' ' || t[i + 7] != ' ')
		return 0;
	if (!is_alpha(t[i + 1]) || !is_alpha(t[i + 2]) || !is_alpha(t[i + 3]) || !is_alpha(t[i + 5]) ||
	    !is_alpha(t[i + 6]) || !is_alpha(t[i + 8]) || !is_alpha(t[i + 9]))
		return 0;
	reg[0] = up(t[i + 5]);
	reg[1] = up(t[i + 6]);
	reg[2] = 0;
	if (!fw_region_known(r, reg))
		return 0;
	memset(h, 0, sizeof *h);
	h->start = i;
	h->end = i + 11;
	set_version(h, t + i + 1, 9);
	memcpy(h->region, reg, 3);
	h->branch = FW_UNKNOWN;
	*next = i + 11;
	return 1;
}

size_t firmware_scan(const fw_regions *r, const char *t, size_t n, fw_hit *hits, size_t max)
{
	size_t i = 0, nh = 0, next;

	while (i < n && nh < max) {
		int boundary = i == 0 || !(is_alnum(t[i - 1]) || t[i - 1] == '.' || t[i - 1] == '_');
		if (boundary && (scan_build(r, t, n, i, &hits[nh], &next) ||
				 scan_named(r, t, n, i, &hits[nh], &next))) {
			nh++;
			i = next > i ? next : i + 1;
			continue;
		}
		if (t[i] == '(' && scan_tag(r, t, n, i, &hits[nh], &next)) {
			nh++;
			i = next;
			continue;
		}
		if (boundary && has_word(t, n, i, "xiaomi.eu") && (i + 9 >= n || !is_alnum(t[i + 9]))) {
			memset(&hits[nh], 0, sizeof hits[nh]);
			hits[nh].start = i;
			hits[nh].end = i + 9;
			set_version(&hits[nh], t + i, 9);
			hits[nh].branch = FW_UNOFFICIAL;
			nh++;
			i += 9;
			continue;
		}
		i++;
	}
	return nh;
}
