/* test_registry.c: model-number shapes, registry lookups, suffix rules,
 * device recognition and the band-list judgement. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "analyze/listing_signals.h"
#include "analyze/registry.h"
#include "common/refcsv.h"

static registry *reg;

static void setup(void)
{
	gv_error err;
	gv_error_clear(&err);
	reg = registry_new("schemas", &err);
	cr_assert(reg, "registry_new: %s", err.msg);
}

static void teardown(void)
{
	registry_free(reg);
}

TestSuite(registry, .init = setup, .fini = teardown);

Test(registry, shapes)
{
	static const struct { const char *t; int ok; } cases[] = {
		{"22111317G", 1}, {"23090RA98C", 1}, {"M2102K1G", 1}, {"2201123C", 1},
		{"24115RA8EC", 1}, {"2312DRAABC", 1}, {"21091116UC", 1}, {"M2007J3SY", 1},
		{"24031PN0DC", 1}, {"2112123AG", 1},
		{"5000mAh", 0}, {"20000MAH", 0}, {"12GB", 0}, {"256GB", 0}, {"2400X1080", 0},
		{"1080P", 0}, {"120HZ", 0}, {"Snapdragon", 0}, {"2201123", 0}, {"2026", 0},
		{"20261120", 0}, {"1005005023413815", 0}, {"22131317G", 0}, {"LTE", 0},
	};
	size_t i;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
		cr_expect_eq(registry_is_model_shape(cases[i].t, strlen(cases[i].t)), cases[i].ok,
			     "'%s'", cases[i].t);
}

Test(registry, suffix_rules)
{
	static const struct { const char *n; model_class c; const char *region; } cases[] = {
		{"25011AB12C", MODEL_CHINA, "CN"},     {"25011AB12G", MODEL_NOT_CHINA, "GLOBAL"},
		{"25011AB12Y", MODEL_NOT_CHINA, "GLOBAL"}, {"25011AB12O", MODEL_NOT_CHINA, "GLOBAL"},
		{"25011AB12A", MODEL_NOT_CHINA, "GLOBAL"}, {"25011AB12X", MODEL_NOT_CHINA, "GLOBAL"},
		{"25011AB12E", MODEL_NOT_CHINA, "EU"}, {"M1901F9E", MODEL_CHINA, "CN"},
		{"2201AB12E", MODEL_UNKNOWN, ""},      {"25011AB12I", MODEL_NOT_CHINA, "IN"},
		{"25011AB12P", MODEL_NOT_CHINA, "IN"}, {"25011AB12H", MODEL_NOT_CHINA, "GLOBAL|IN"},
		{"25011AB12L", MODEL_NOT_CHINA, "LATAM"}, {"25011AB12R", MODEL_NOT_CHINA, "JP"},
		{"25011AB12T", MODEL_UNKNOWN, ""},
	};
	size_t i;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char region[24];
		cr_expect_eq(registry_suffix_rule(cases[i].n, region), cases[i].c, "'%s'", cases[i].n);
		cr_expect_str_eq(region, cases[i].region, "'%s'", cases[i].n);
	}
}

Test(registry, lookups)
{
	model_info m;
	cr_assert_eq(registry_lookup(reg, "22111317G", &m), 1);
	cr_expect_eq(m.cls, MODEL_NOT_CHINA);
	cr_expect_str_eq(m.region, "GLOBAL");
	cr_expect(m.device && strstr(m.device, "Redmi Note 12 5G"));
	cr_assert_eq(registry_lookup(reg, "2201123c", &m), 1);
	cr_expect_eq(m.cls, MODEL_CHINA);
	cr_expect_str_eq(m.number, "2201123C");
	cr_assert_eq(registry_lookup(reg, "M2102K1G", &m), 1);
	cr_expect_eq(m.cls, MODEL_NOT_CHINA);
	/* unknown to the registry: the suffix rule decides */
	cr_assert_eq(registry_lookup(reg, "26031XYZ9C", &m), 0);
	cr_expect_eq(m.cls, MODEL_CHINA);
	cr_expect_eq(m.from_registry, 0);
	cr_assert_eq(registry_lookup(NULL, "26031XYZ9G", &m), 0);
	cr_expect_eq(m.cls, MODEL_NOT_CHINA);
}

Test(registry, find_models_in_text)
{
	const char *t = "Brand Name: Xiaomi | Model Number: 23090RA98C | 5000mAh 12GB 256GB 2400x1080";
	model_info m[8];
	int n = registry_find_models(reg, t, strlen(t), m, 8);
	cr_assert_eq(n, 1);
	cr_expect_str_eq(m[0].number, "23090RA98C");
	cr_expect_eq(m[0].cls, MODEL_CHINA);
	cr_expect_eq(strncmp(t + m[0].at, "23090RA98C", m[0].len), 0);
	t = "models 22111317G and 22111317G, also 22101317C";
	n = registry_find_models(reg, t, strlen(t), m, 8);
	cr_expect_eq(n, 2, "distinct numbers only");
}

/* The device registry_find_device finds in title has key. */
static void expect_key(const char *title, const char *key)
{
	const device_bands *d = registry_find_device(reg, title);
	cr_assert(d, "'%s': no device", title);
	cr_expect_str_eq(d->key, key, "'%s'", title);
}

Test(registry, devices)
{
	const device_bands *d;
	expect_key("Xiaomi Redmi Note 13 Pro+ 5G 12GB 256GB Global Version", " redmi note 13 pro+ 5g ");
	expect_key("Redmi Note13 Pro Plus 5G 8/256 Global", " redmi note 13 pro+ 5g ");
	expect_key("XIAOMI Mi11 Ultra", " mi 11 ultra ");
	d = registry_find_device(reg, "POCO X6 Pro 5G 12GB");
	cr_assert(d);
	cr_expect(strstr(d->key, " poco x 6 pro "), "%s", d->key);
	expect_key("Mi 11 Ultra 12GB 256GB", " mi 11 ultra ");
	expect_key("Xiaomi Mi 11 GLOBAL VERSION 8GB", " mi 11 ");
	d = registry_find_device(reg, "Mi 11");
	cr_assert(d);
	cr_expect(d->has_china && d->has_global);
	/* the longest key wins wherever it is; every occurrence is tried */
	expect_key("Mi 11 Ultra and Mi 11", " mi 11 ultra ");
	expect_key("Mi 11, and a Mi 11 Ultra", " mi 11 ultra ");
	expect_key("Redmi Note 13 Pro Plus case for Redmi Note 13", " redmi note 13 pro+ ");
	cr_expect_null(registry_find_device(reg, "Samsung Galaxy S24"));
	cr_expect_null(registry_find_device(NULL, "Mi 11"));
}

static void set(bands *b, const int *list)
{
	bands_init(b);
	for (; *list; list++)
		b->lte[*list] = 1, b->n_lte++;
	b->confidence = BANDS_SURE;
}

Test(registry, band_judgement)
{
	static const int mi11_cn[] = {1, 2, 3, 4, 5, 7, 8, 12, 17, 18, 19, 20, 26, 28, 34, 38, 39, 40, 41, 42, 0};
	static const int mi11_gl[] = {1, 2, 3, 4, 5, 7, 8, 12, 17, 20, 28, 32, 38, 40, 41, 42, 66, 0};
	static const int generic_cn[] = {1, 3, 5, 8, 34, 38, 39, 40, 41, 0};
	static const int generic_gl[] = {1, 3, 7, 8, 20, 28, 38, 40, 0};
	static const int india[] = {1, 3, 5, 8, 40, 41, 0};
	const device_bands *mi11 = registry_find_device(reg, "Mi 11");
	char why[200];
	bands b;

	cr_assert(mi11);
	set(&b, mi11_cn);
	cr_expect_eq(listing_bands_judge(mi11, &b, why, sizeof why), 1, "%s", why);
	cr_expect(strstr(why, "B34"), "%s", why);
	set(&b, mi11_gl);
	cr_expect_eq(listing_bands_judge(mi11, &b, why, sizeof why), -1, "%s", why);
	/* unknown device: generic shapes */
	set(&b, generic_cn);
	cr_expect_eq(listing_bands_judge(NULL, &b, why, sizeof why), 1, "%s", why);
	set(&b, generic_gl);
	cr_expect_eq(listing_bands_judge(NULL, &b, why, sizeof why), -1, "%s", why);
	set(&b, india);
	cr_expect_eq(listing_bands_judge(NULL, &b, why, sizeof why), 0, "India list: no China band");
	bands_init(&b);
	cr_expect_eq(listing_bands_judge(mi11, &b, why, sizeof why), 0, "no list");
}

Test(registry, fingerprint_and_bad_data)
{
	gv_error err;
	cr_expect_eq(strlen(registry_fingerprint(reg)), 32);
	gv_error_clear(&err);
	cr_expect_null(registry_new("/nonexistent", &err));
	cr_expect(err.msg[0], "an error names the problem");
}

/* Every device of schemas/variant_bands.csv, by name: looked up by its key
 * (registry_device_by_key's binary search), and found in a title that is
 * its name alone (registry_find_device's one pass: no longer key can be in
 * it, so it is the device's own). */
Test(registry, every_device_by_key_and_title)
{
	static const char *const req[] = {"device", NULL};
	gv_error err = {0};
	refcsv csv;
	size_t r;
	int n = 0, col;

	cr_assert_eq(refcsv_load(&csv, "schemas", "variant_bands.csv", req, &err), 0, "%s", err.msg);
	col = refcsv_col(&csv, "device");
	for (r = 0; r < csv.nrows; r++) {
		const char *name = refcsv_get(&csv, r, col);
		const device_bands *d, *t;
		char key[256];
		size_t klen;

		d = registry_device(reg, name);
		if (!d)
			continue; /* a name too short to match on */
		klen = strlen(d->key);
		cr_expect_eq(registry_device_by_key(reg, d->key, klen), d, "by key '%s'", d->key);
		t = registry_find_device(reg, name);
		cr_expect_eq(t, d, "'%s': found '%s'", name, t ? t->key : "(none)");
		/* a key one byte short, or one byte longer, is another key or none */
		snprintf(key, sizeof key, "%sx", d->key);
		cr_expect_neq(registry_device_by_key(reg, key, klen + 1), d, "'%s'", key);
		cr_expect_neq(registry_device_by_key(reg, d->key, klen - 1), d, "'%s' - 1", d->key);
		n++;
	}
	refcsv_release(&csv);
	cr_expect_gt(n, 300, "devices read: %d", n);
	cr_expect_null(registry_device_by_key(reg, " no such phone ", 15));
	cr_expect_null(registry_device_by_key(reg, "", 0));
}

/* A key followed by a modifier word is another phone ("Mi 11 Turbo" is not
 * a Mi 11; the registry has no Mi 11 Turbo); a later plain "Mi 11" still
 * counts. */
Test(registry, find_device_modifier)
{
	const device_bands *d = registry_find_device(reg, "Mi 11 Turbo 8/256");

	cr_expect(!d || strcmp(d->key, " mi 11 "), "%s", d ? d->key : "");
	expect_key("Mi 11 Turbo, or the plain Mi 11 8/256", " mi 11 ");
	expect_key("Mi 11 Pro, or the plain Mi 11 8/256", " mi 11 pro ");
}
