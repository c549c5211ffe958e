/* registry.c: see registry.h. */
#include "analyze/registry.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "analyze/matcher.h"
#include "common/refcsv.h"

typedef struct model_row {
	char *number;
	char *region;
	char *device; /* first name of the device ("A / B" keeps "A") */
} model_row;

struct registry {
	model_row *models;
	size_t nmodels;
	device_bands *devices;
	size_t ndevices;
	matcher *keys;        /* every device key, its index the id (registry_find_device) */
	size_t *by_key;       /* device indexes in key order (key_slot), kept as devices are added */
	char fingerprint[33];
};

/* Lower-case ASCII words separated by one space, with a leading and a
 * trailing space, digits split from the letters before them; '+' stays
 * glued to its word and a "plus" word becomes one ("Pro Plus" = "Pro+");
 * "Xiaomi" before Mi / Redmi / POCO / Black Shark is dropped, as GSMArena
 * and titles use it inconsistently. The caller frees the result. */
static char *device_norm(const char *s, size_t n)
{
	strbuf sb;
	size_t i = 0;
	char *out, *p;

	sb_init(&sb);
	sb_addc(&sb, ' ');
	while (i < n) {
		size_t j = i;
		while (j < n && (isalnum((unsigned char)s[j]) || s[j] == '+'))
			j++;
		if (j > i) {
			if (j - i == 4 && !strncasecmp(s + i, "plus", 4) && sb.len > 1) {
				sb.len--; /* glue to the previous word */
				sb_addc(&sb, '+');
			} else {
				size_t k;
				for (k = i; k < j; k++) {
					/* "Note13" = "Note 13", "Mi11" = "Mi 11": a space
					 * between letters and the digits after them */
					if (k > i && isdigit((unsigned char)s[k]) &&
					    isalpha((unsigned char)s[k - 1]))
						sb_addc(&sb, ' ');
					sb_addc(&sb, (char)tolower((unsigned char)s[k]));
				}
			}
			sb_addc(&sb, ' ');
			i = j;
		} else {
			i++;
		}
	}
	out = sb_detach(&sb);
	sb_release(&sb); /* sb_detach leaves a fresh buffer behind */
	for (p = strstr(out, " xiaomi "); p; p = strstr(p + 1, " xiaomi ")) {
		static const char *const brands[] = {"mi ", "redmi ", "poco ", "black ", NULL};
		const char *const *b;
		for (b = brands; *b; b++)
			if (!strncmp(p + 8, *b, strlen(*b))) {
				memmove(p, p + 7, strlen(p + 7) + 1);
				break;
			}
	}
	return out;
}

static int model_cmp(const void *a, const void *b)
{
	return strcmp(((const model_row *)a)->number, ((const model_row *)b)->number);
}

/* Where key[0..n) is in by_key, or would go (keys in strcmp order: bytes
 * unsigned, a prefix first); *found is 1 when it is there. */
static size_t key_slot(const registry *r, const char *key, size_t n, int *found)
{
	size_t lo = 0, hi = r->ndevices;

	*found = 0;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const char *k = r->devices[r->by_key[mid]].key;
		size_t klen = strlen(k);
		int c = memcmp(k, key, klen < n ? klen : n);
		if (c == 0)
			c = klen < n ? -1 : klen > n;
		if (c == 0) {
			*found = 1;
			return mid;
		}
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The device named name[0..n), added to r (and to by_key, in order) if
 * new; NULL for a name too short to match on. */
static device_bands *device_add(registry *r, const char *name, size_t n)
{
	char *key = device_norm(name, n);
	size_t klen = strlen(key), at;
	int found;

	at = key_slot(r, key, klen, &found);
	if (found || klen < 3) {
		free(key);
		return found ? &r->devices[r->by_key[at]] : NULL;
	}
	r->by_key = xrealloc(r->by_key, (r->ndevices + 1) * sizeof *r->by_key);
	memmove(r->by_key + at + 1, r->by_key + at, (r->ndevices - at) * sizeof *r->by_key);
	r->by_key[at] = r->ndevices;
	r->devices = xrealloc(r->devices, (r->ndevices + 1) * sizeof *r->devices);
	memset(&r->devices[r->ndevices], 0, sizeof *r->devices);
	r->devices[r->ndevices].name = xstrndup(name, n);
	r->devices[r->ndevices].key = key;
	return &r->devices[r->ndevices++];
}

static int parse_bands(const char *s, unsigned char *set, const refcsv *t, size_t row,
		       gv_error *err)
{
	while (*s) {
		char *end;
		long b;
		if (*s == ' ') {
			s++;
			continue;
		}
		b = strtol(s, &end, 10);
		if (end == s || b < 1 || b >= BANDS_MAX || (*end && *end != ' '))
			return gv_error_set(err, t->path, t->lines[row], "bad band list '%s'", s);
		set[b] = 1;
		s = end;
	}
	return 0;
}

static void hash_table(XXH3_state_t *st, const refcsv *t)
{
	size_t i;
	for (i = 0; i < t->nrows * (size_t)t->ncols; i++)
		XXH3_128bits_update(st, t->cells[i], strlen(t->cells[i]) + 1);
}

/* registry_find_device's Aho-Corasick automaton over the device keys, once
 * every device is in: one pass over a title instead of one strstr per
 * device (18.6 M calls, 1.8% of a first night's instructions at 0.1). Keys
 * begin and end with a space, so the matcher's word-boundary rule never
 * applies and it finds exactly the occurrences strstr would. */
static void index_devices(registry *r)
{
	size_t i;

	r->keys = matcher_new();
	for (i = 0; i < r->ndevices; i++)
		matcher_add(r->keys, r->devices[i].key, strlen(r->devices[i].key), (int)i, 0);
	matcher_build(r->keys);
}

registry *registry_new(const char *datadir, gv_error *err)
{
	static const char *const mreq[] = {"model_number", "device", "region", NULL};
	static const char *const breq[] = {"device", "variant", "lte_bands", NULL};
	refcsv mt, bt;
	registry *r = xcalloc(1, sizeof *r);
	XXH3_state_t *st = NULL;
	XXH128_hash_t h;
	size_t i, j;
	int ok = 0, cnum, cdev, creg, cvar, clte;

	memset(&mt, 0, sizeof mt);
	memset(&bt, 0, sizeof bt);
	if (refcsv_load(&mt, datadir, "models.csv", mreq, err) < 0 ||
	    refcsv_load(&bt, datadir, "variant_bands.csv", breq, err) < 0)
		goto cleanup;
	cnum = refcsv_col(&mt, "model_number");
	cdev = refcsv_col(&mt, "device");
	creg = refcsv_col(&mt, "region");
	r->models = xcalloc(mt.nrows + 1, sizeof *r->models);
	for (i = 0; i < mt.nrows; i++) {
		const char *num = refcsv_get(&mt, i, cnum), *dev = refcsv_get(&mt, i, cdev);
		const char *slash = strstr(dev, " / ");
		model_row *m = &r->models[r->nmodels];
		char *p;
		if (!*num || strlen(num) >= sizeof ((model_info *)0)->number) {
			gv_error_set(err, mt.path, mt.lines[i], "bad model number '%s'", num);
			goto cleanup;
		}
		m->number = xstrdup(num);
		for (p = m->number; *p; p++)
			*p = (char)toupper((unsigned char)*p);
		m->region = xstrdup(refcsv_get(&mt, i, creg));
		m->device = slash ? xstrndup(dev, (size_t)(slash - dev)) : xstrdup(dev);
		r->nmodels++;
		/* every name of the device ("A / B") is findable in titles */
		while (*dev) {
			size_t n = slash ? (size_t)(slash - dev) : strlen(dev);
			if (n)
				device_add(r, dev, n);
			dev += n;
			if (slash) {
				dev += 3;
				slash = strstr(dev, " / ");
			}
		}
	}
	qsort(r->models, r->nmodels, sizeof *r->models, model_cmp);
	/* A number listed twice with different regions keeps both ("GLOBAL|CN"):
	 * it proves nothing either way. */
	for (i = 1, j = 0; i < r->nmodels; i++) {
		if (!strcmp(r->models[i].number, r->models[j].number)) {
			if (strcmp(r->models[i].region, r->models[j].region)) {
				strbuf sb;
				sb_init(&sb);
				sb_addf(&sb, "%s|%s", r->models[j].region, r->models[i].region);
				free(r->models[j].region);
				r->models[j].region = sb_detach(&sb);
				sb_release(&sb);
			}
			free(r->models[i].number);
			free(r->models[i].region);
			free(r->models[i].device);
		} else {
			r->models[++j] = r->models[i];
		}
	}
	if (r->nmodels)
		r->nmodels = j + 1;

	cdev = refcsv_col(&bt, "device");
	cvar = refcsv_col(&bt, "variant");
	clte = refcsv_col(&bt, "lte_bands");
	for (i = 0; i < bt.nrows; i++) {
		const char *dev = refcsv_get(&bt, i, cdev), *var = refcsv_get(&bt, i, cvar);
		device_bands *d = device_add(r, dev, strlen(dev));
		unsigned char *set;
		if (!d)
			continue;
		if (!strcmp(var, "GLOBAL")) {
			set = d->global;
			d->has_global = 1;
		} else if (!strcmp(var, "CN")) {
			set = d->china;
			d->has_china = 1;
		} else if (!strcmp(var, "IN")) {
			set = d->india;
			d->has_india = 1;
		} else {
			continue; /* ANY / TW: no variant to compare with */
		}
		if (parse_bands(refcsv_get(&bt, i, clte), set, &bt, i, err) < 0)
			goto cleanup;
	}

	st = XXH3_createState();
	XXH3_128bits_reset(st);
	hash_table(st, &mt);
	hash_table(st, &bt);
	h = XXH3_128bits_digest(st);
	snprintf(r->fingerprint, sizeof r->fingerprint, "%016llx%016llx",
		 (unsigned long long)h.high64, (unsigned long long)h.low64);
	index_devices(r);
	ok = 1;
cleanup:
	if (st)
		XXH3_freeState(st);
	refcsv_release(&mt);
	refcsv_release(&bt);
	if (!ok) {
		registry_free(r);
		return NULL;
	}
	return r;
}

void registry_free(registry *r)
{
	size_t i;
	if (!r)
		return;
	for (i = 0; i < r->nmodels; i++) {
		free(r->models[i].number);
		free(r->models[i].region);
		free(r->models[i].device);
	}
	for (i = 0; i < r->ndevices; i++) {
		free(r->devices[i].name);
		free(r->devices[i].key);
	}
	free(r->models);
	free(r->devices);
	matcher_free(r->keys);
	free(r->by_key);
	free(r);
}

const char *registry_fingerprint(const registry *r)
{
	return r->fingerprint;
}

static int ends_with_unit(const char *t, size_t n)
{
	static const char *const units[] = {"MAH", "GB", "TB", "MB", "MP", "HZ", "MM", "NM", "W",
					    "K", "P", "MHZ", "GHZ", "G", NULL};
	const char *const *u;
	/* a "G" suffix is a region letter (22111317G), not "5G", once the
	 * number is long enough; only the short unit-like forms are refused */
	for (u = units; *u; u++) {
		size_t k = strlen(*u), i, digits = 0;
		if (k >= n || strncasecmp(t + n - k, *u, k))
			continue;
		for (i = 0; i < n - k; i++)
			digits += isdigit((unsigned char)t[i]) != 0;
		if (digits == n - k && n - k < 7)
			return 1; /* "5000MAH", "1080P", "120HZ" */
		if (digits == n - k && k >= 2)
			return 1; /* "20000MAH" */
	}
	return 0;
}

int registry_is_model_shape(const char *t, size_t n)
{
	size_t i = 0, digits = 0, letters = 0;
	int yy, mm;

	if (n < 7 || n > 12)
		return 0;
	if (t[0] == 'M' || t[0] == 'm')
		i = 1;
	for (; i < n; i++)
		if (!isalnum((unsigned char)t[i]))
			return 0;
	i = (t[0] == 'M' || t[0] == 'm');
	if (n - i < 7 || !isdigit((unsigned char)t[i]) || !isdigit((unsigned char)t[i + 1]) ||
	    !isdigit((unsigned char)t[i + 2]) || !isdigit((unsigned char)t[i + 3]))
		return 0;
	yy = (t[i] - '0') * 10 + (t[i + 1] - '0');
	mm = (t[i + 2] - '0') * 10 + (t[i + 3] - '0');
	if (yy < 15 || yy > 39 || mm < 1 || mm > 12)
		return 0;
	if (!isalpha((unsigned char)t[n - 1]))
		return 0;
	for (; i < n; i++) {
		digits += isdigit((unsigned char)t[i]) != 0;
		letters += isalpha((unsigned char)t[i]) != 0;
	}
	if (letters > 6 || digits < 4)
		return 0;
	return !ends_with_unit(t, n);
}

model_class registry_suffix_rule(const char *number, char *region)
{
	size_t n = strlen(number);
	char last = n ? (char)toupper((unsigned char)number[n - 1]) : 0;
	int mprefix = number[0] == 'M' || number[0] == 'm';
	int yy = n > 2 ? (number[mprefix] - '0') * 10 + (number[mprefix + 1] - '0') : 0;

	switch (last) {
	case 'C':
		strcpy(region, "CN");
		return MODEL_CHINA;
	case 'G': case 'Y': case 'O': case 'A': case 'X':
		strcpy(region, "GLOBAL");
		return MODEL_NOT_CHINA;
	case 'E':
		if (mprefix) {
			strcpy(region, "CN");
			return MODEL_CHINA;
		}
		if (yy >= 24) {
			strcpy(region, "EU");
			return MODEL_NOT_CHINA;
		}
		break;
	case 'I': case 'P':
		strcpy(region, "IN");
		return MODEL_NOT_CHINA;
	case 'H':
		strcpy(region, "GLOBAL|IN");
		return MODEL_NOT_CHINA;
	case 'L':
		strcpy(region, "LATAM");
		return MODEL_NOT_CHINA;
	case 'R':
		strcpy(region, "JP");
		return MODEL_NOT_CHINA;
	default:
		break; /* T: Thailand / Saudi Arabia or a China carrier edition */
	}
	region[0] = '\0';
	return MODEL_UNKNOWN;
}

static model_class region_class(const char *region)
{
	int cn = 0, other = 0;
	const char *p = region;

	while (*p) {
		size_t n = strcspn(p, "|");
		if (n == 2 && !strncmp(p, "CN", 2))
			cn = 1;
		else if (n)
			other = 1;
		p += n;
		if (*p)
			p++;
	}
	if (cn && !other)
		return MODEL_CHINA;
	if (other && !cn)
		return MODEL_NOT_CHINA;
	return MODEL_UNKNOWN;
}

int registry_lookup(const registry *r, const char *number, model_info *out)
{
	model_row key, *m;
	size_t i;

	memset(out, 0, sizeof *out);
	snprintf(out->number, sizeof out->number, "%s", number);
	for (i = 0; out->number[i]; i++)
		out->number[i] = (char)toupper((unsigned char)out->number[i]);
	key.number = out->number;
	m = r ? bsearch(&key, r->models, r->nmodels, sizeof *r->models, model_cmp) : NULL;
	if (m && *m->region) {
		snprintf(out->region, sizeof out->region, "%s", m->region);
		out->cls = region_class(m->region);
		out->from_registry = 1;
		out->device = m->device;
		return 1;
	}
	out->cls = registry_suffix_rule(out->number, out->region);
	if (m) {
		out->device = m->device;
		out->from_registry = 1;
		return 1;
	}
	return 0;
}

int registry_find_models(const registry *r, const char *text, size_t n, model_info *out, int max)
{
	size_t i = 0;
	int found = 0;

	while (i < n && found < max) {
		size_t j = i;
		char tok[24];
		int k, dup = 0;
		while (j < n && isalnum((unsigned char)text[j]))
			j++;
		if (j == i) {
			i++;
			continue;
		}
		/* a token glued to other letters ("22111317GGlobal") is not cut out */
		if (j - i < sizeof tok && registry_is_model_shape(text + i, j - i)) {
			memcpy(tok, text + i, j - i);
			tok[j - i] = '\0';
			registry_lookup(r, tok, &out[found]);
			for (k = 0; k < found; k++)
				dup |= !strcmp(out[k].number, out[found].number);
			if (!dup) {
				out[found].at = i;
				out[found].len = j - i;
				found++;
			}
		}
		i = j;
	}
	return found;
}

/* Words after a device name that make it another device. */
static int is_modifier(const char *w)
{
	static const char *const mods[] = {"pro", "pro+", "plus", "ultra", "lite", "max", "mini",
					   "s", "t", "x", "se", "turbo", "neo", "prime", "power",
					   "c", "a", "i", "r", "e", "+", "note", "fold", "flip", NULL};
	const char *const *m;
	size_t n = strcspn(w, " ");
	for (m = mods; *m; m++)
		if (strlen(*m) == n && !strncmp(*m, w, n))
			return 1;
	return 0;
}

/* The longest device key found in text (not followed by a modifier such as
 * "pro" or "+"), the first in file order among keys of that length. */
const device_bands *registry_find_device(const registry *r, const char *text)
{
	char *norm;
	match_list ms;
	size_t i, best_len = 0;
	int best = -1;

	if (!r || !text)
		return NULL;
	norm = device_norm(text, strlen(text));
	match_list_init(&ms);
	matcher_scan(r->keys, norm, strlen(norm), &ms);
	for (i = 0; i < ms.n; i++) {
		const match *m = &ms.v[i];
		size_t len = m->end - m->start;
		if (is_modifier(norm + m->end))
			continue;
		if (len > best_len || (len == best_len && m->id < best)) {
			best = m->id;
			best_len = len;
		}
	}
	match_list_release(&ms);
	free(norm);
	return best < 0 ? NULL : &r->devices[best];
}

const device_bands *registry_device_by_key(const registry *r, const char *key, size_t n)
{
	size_t at;
	int found;

	if (!r)
		return NULL;
	at = key_slot(r, key, n, &found);
	return found ? &r->devices[r->by_key[at]] : NULL;
}

const device_bands *registry_device(const registry *r, const char *name)
{
	char *key;
	const device_bands *d;

	if (!r || !name)
		return NULL;
	key = device_norm(name, strlen(name));
	d = registry_device_by_key(r, key, strlen(key));
	free(key);
	return d;
}
