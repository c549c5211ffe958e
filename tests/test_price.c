/* test_price.c: memory configurations read from titles, medians. */
#include <criterion/criterion.h>
#include <string.h>

#include "analyze/price.h"

Test(price, keys)
{
	static const struct { const char *title; const char *key; } cases[] = {
		{"Xiaomi 14 Global Version 12GB 256GB", " xiaomi 14 |12/256|USD"},
		{"Xiaomi 14 16GB+512GB", " xiaomi 14 |16/512|USD"},
		{"Xiaomi 14 8/256GB", " xiaomi 14 |8/256|USD"},
		{"Xiaomi 14 8 + 256", " xiaomi 14 |8/256|USD"},
		{"Xiaomi 14 16GB 1TB", " xiaomi 14 |16/1024|USD"},
		{"Xiaomi 14 12GB RAM 512GB ROM 5000mAh", " xiaomi 14 |12/512|USD"},
		{"Xiaomi 14 5000mAh 120Hz", NULL},
		{"Xiaomi 14 256GB", NULL},
	};
	device_bands d;
	char dkey[] = " xiaomi 14 ", key[160];
	size_t i;

	memset(&d, 0, sizeof d);
	d.key = dkey;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		int ok = price_key(&d, cases[i].title, "USD", key, sizeof key);
		cr_expect_eq(ok, cases[i].key != NULL, "'%s'", cases[i].title);
		if (ok && cases[i].key)
			cr_expect_str_eq(key, cases[i].key, "'%s'", cases[i].title);
	}
	cr_expect_eq(price_key(NULL, "Xiaomi 14 8GB 256GB", "USD", key, sizeof key), 0, "no device");
	cr_expect_eq(price_key(&d, "Xiaomi 14 8GB 256GB", "", key, sizeof key), 0, "no currency");
}

Test(price, medians)
{
	price_ref *p = price_ref_new();
	int n;
	/* in key, price order, as "ORDER BY key, price" reads them */
	cr_expect_eq(price_ref_add(p, "a|8/256|EUR", 50), 0);
	cr_expect_eq(price_ref_add(p, "a|8/256|USD", 100), 0);
	cr_expect_eq(price_ref_add(p, "a|8/256|USD", 200), 0);
	cr_expect_eq(price_ref_add(p, "a|8/256|USD", 300), 0);
	cr_expect_eq(price_ref_add(p, "b|8/256|USD", 500), 0);
	cr_expect_eq(price_ref_add(p, "b|8/256|USD", 500), 0, "equal prices");
	cr_expect_eq(price_ref_add(p, "b|8/256|USD", 600), 0);
	cr_expect_eq(price_ref_add(p, "b|8/256|USD", 999), 0);
	price_ref_finish(p);
	cr_expect_float_eq(price_ref_median(p, "a|8/256|USD", &n), 200, 1e-9, "odd count: the middle");
	cr_expect_eq(n, 3);
	cr_expect_float_eq(price_ref_median(p, "b|8/256|USD", &n), 550, 1e-9, "even: mean of the two");
	cr_expect_eq(n, 4);
	cr_expect_float_eq(price_ref_median(p, "a|8/256|EUR", &n), 50, 1e-9);
	cr_expect_eq(n, 1);
	cr_expect_float_eq(price_ref_median(p, "zzz", &n), 0, 1e-9);
	cr_expect_eq(n, 0);
	cr_expect_float_eq(price_ref_median(p, "a", &n), 0, 1e-9, "a prefix is not a key");
	cr_expect_eq(n, 0);
	price_ref_free(p);
	price_ref_free(NULL);
}

/* Out of order is refused, not silently mis-counted: a lower key, a lower
 * price under the same key. */
Test(price, order_required)
{
	price_ref *p = price_ref_new();
	int n;
	cr_expect_eq(price_ref_add(p, "b|8/256|USD", 300), 0);
	cr_expect_eq(price_ref_add(p, "b|8/256|USD", 200), -1);
	cr_expect_eq(price_ref_add(p, "a|8/256|USD", 400), -1);
	price_ref_finish(p);
	cr_expect_float_eq(price_ref_median(p, "b|8/256|USD", &n), 300, 1e-9);
	cr_expect_eq(n, 1);
	price_ref_free(p);
}
