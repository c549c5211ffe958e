/* test_fold.c: case folding, accent stripping, separators, number masking
 * and the offset map back to the original text. */
#include <criterion/criterion.h>
#include <string.h>

#include "analyze/fold.h"

static const struct { const char *in; int flags; const char *out; } cases[] = {
	{"Only 3G", 0, "only 3g"},
	{"VERSIÓN CHINA", 0, "version china"},
	{"Versão Global", 0, "versao global"},
	{"Préféré, ÇA MARCHE", 0, "prefere, ca marche"},
	{"Straße", 0, "strasse"},
	{"КИТАЙСКАЯ ВЕРСИЯ", 0, "китаиская версия"},      /* й -> и: the breve is a mark */
	{"Ёлка", 0, "елка"},
	{"Wersja CHIŃSKA, nie łapie", 0, "wersja chinska, nie łapie"}, /* ł has no decomposition */
	{"don’t  worry\t\tnow, doesn't", 0, "dont worry now, doesnt"},
	{"3G-only", 0, "3g only"},
	{"«quoted» 😡 text", 0, "quoted text"},
	{"line one\r\nline two", 0, "line one\nline two"},
	{"ﬁne ＬＴＥ", 0, "fine lte"},
	{"No B20, band 28 missing", FOLD_MASK_NUMBERS, "no b#, band # missing"},
	{"20 бэнд нет", FOLD_MASK_NUMBERS, "# бэнд нет"},
	{"4G and n78 and B28A", FOLD_MASK_NUMBERS, "4g and n78 and b28a"},
	{"V14.0.3.0.TMSMIXM and MIUI 13.0.4", FOLD_MASK_NUMBERS, "v14.0.3.0.tmsmixm and miui 13.0.4"},
	{"B1/B3/B20", FOLD_MASK_NUMBERS, "b#/b#/b#"},
	{"22101317C 100%", FOLD_MASK_NUMBERS, "22101317c #%"},
	{"Arrived in 12 days", FOLD_MASK_NUMBERS, "arrived in # days"},
	{"1.5 GHz", FOLD_MASK_NUMBERS, "1.5 ghz"},
	{"no band20, no B-28, no b 7", FOLD_MASK_NUMBERS, "no b#, no b#, no b#"},
	{"bandwidth 20 MHz, husband20", FOLD_MASK_NUMBERS, "bandwidth # mhz, husband20"},
};

Test(fold, table)
{
	folder f;
	size_t i;
	fold_init(&f);
	for (i = 0; i < sizeof cases / sizeof *cases; i++) {
		fold_text(&f, cases[i].in, strlen(cases[i].in), cases[i].flags);
		cr_expect_str_eq(f.out, cases[i].out, "fold(\"%s\") = \"%s\"", cases[i].in, f.out);
		cr_expect_eq(strlen(f.out), f.len);
	}
	fold_release(&f);
}

Test(fold, offset_map)
{
	folder f;
	const char *s = "Нет LTE, ВЕРСИЯ";
	size_t i;
	fold_init(&f);
	fold_text(&f, s, strlen(s), 0);
	cr_assert_str_eq(f.out, "нет lte, версия");
	/* "lte" starts after "Нет " (3 Cyrillic letters of 2 bytes + space) */
	i = (size_t)(strstr(f.out, "lte") - f.out);
	cr_expect_eq(f.map[i], 7);
	cr_expect_eq(f.map[f.len], strlen(s));
	for (i = 1; i <= f.len; i++)
		cr_expect_leq(f.map[i - 1], f.map[i], "map is monotonic");
	fold_text(&f, "B20 и B28", strlen("B20 и B28"), FOLD_MASK_NUMBERS);
	cr_expect_str_eq(f.out, "b# и b#");
	cr_expect_eq(f.map[strlen("b# и ")], 7, "masked offsets still map to the original");
	fold_release(&f);
}

Test(fold, invalid_utf8_and_empty)
{
	folder f;
	const char bad[] = "ok\xff\xfe\xc3(\xe2\x82 end\xf0";
	fold_init(&f);
	fold_text(&f, bad, sizeof bad - 1, FOLD_MASK_NUMBERS);
	cr_expect_str_eq(f.out, "ok ( end ");
	cr_expect_eq(f.map[f.len], sizeof bad - 1);
	fold_text(&f, "", 0, 0);
	cr_expect_eq(f.len, 0);
	cr_expect_str_eq(f.out, "");
	cr_expect_eq(f.map[0], 0);
	fold_release(&f);
	fold_release(&f); /* twice is harmless */
}
