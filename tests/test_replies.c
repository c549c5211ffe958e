/* test_replies.c: question kinds and reply classes, with the real lexicon. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "analyze/replies.h"

static lexicon LX;
static lx_scan SC;

static void setup(void)
{
	gv_error err;
	cr_assert_eq(lexicon_load(&LX, "schemas", &err), 0, "%s:%ld: %s", err.file, err.line, err.msg);
	lx_scan_init(&SC);
}

static void teardown(void)
{
	lx_scan_release(&SC);
	lexicon_release(&LX);
}

TestSuite(replies, .init = setup, .fini = teardown);

static const struct { const char *q, *a, *cls, *detail; } cases[] = {
	/* direct */
	{"Does it have band 20?", "Yes, it is the original Global Version, model 22101316G, supports B1/B3/B7/B8/B20/B28.", "direct", "model"},
	{"Is it global version or china version?", "It is Global Version (2201123G), works with EE.", "direct", "model"},
	{"Does it support B28? I'm in Australia.", "Yes dear, global version hardware, B1/B3/B7/B8/B20/B28 supported.", "direct", "bands"},
	{"Will it work with Telstra 4G?", "Supports LTE B1/B3/B5/B7/B8/B28, works with Telstra.", "direct", "bands"},
	{"¿Es versión global?", "Sí, versión global, modelo 23049PCD8G.", "direct", "model"},
	{"Это глобальная версия?", "Да, глобальная версия, модель 2201117TG.", "direct", "model"},
	{"Czy to wersja globalna?", "Tak, wersja globalna, sprzęt globalny.", "direct", "claim"},
	{"Does it support band 20?", "Yes it supports all bands in Europe.", "evasive", "cue"},
	{"Can I use it in the USA?", "Yes, works worldwide.", "evasive", "cue"},
	{"Does it have band 20?", "Yes, band 20 is supported.", "direct", "bands"},
	/* a claim, not evidence */
	{"Does it have band 20?", "Yes, Global Version.", "direct", "claim"},
	{"Is this the genuine Global Version hardware or Chinese hardware with Global ROM?", "Yes it is global version.", "direct", "claim"},
	{"Ist das die Global Version?", "Ja, Global Version.", "direct", "claim"},
	{"Is it china version?", "No, it is global version.", "direct", "claim"},
	{"Is this the CN version?", "No sir.", "direct", "claim"},
	{"Это китайская версия?", "Нет.", "direct", "claim"},
	{"Is it the China version?", "Yes.", "honest_china", "admits"},
	{"Is it global?", "No.", "honest_china", "admits"},
	{"What is the model number?", "It is 22101316C", "honest_china", "model"},
	{"What is the model number?", "22101316G", "direct", "model"},
	{"Does it support B28?", "Sorry, this version does not support B28.", "honest_china", "no_band"},
	{"Does it support band 71?", "No support for band 71.", "honest_china", "no_band"},
	/* honest */
	{"Does it have band 20?", "It is China version hardware with Global ROM, it has no B20/B28. Please check your carrier.", "honest_china", "admits"},
	{"Is it global version or china version?", "This is CN version (22101317C) flashed with global ROM, 4G bands B1/B3/B5/B7/B8 only.", "honest_china", "model"},
	{"Does it support B28? I'm in Australia.", "This is CN version (M2011K2C) flashed with global ROM, 4G bands B1/B2/B3/B4/B5/B7/B8 only.", "honest_china", "model"},
	{"Есть 20 бэнд?", "Нет 20 бэнда, это китайская версия с глобальной прошивкой.", "honest_china", "admits"},
	{"¿Tiene banda 20?", "No tiene banda 20, es versión china.", "honest_china", "admits"},
	{"Tem banda 28?", "Não tem banda 28.", "honest_china", "no_band"},
	{"Does it have band 20?", "No.", "honest_china", "no_band"},
	{"Does it have B20?", "Bands: B1/B3/B5/B8/B19 only.", "honest_china", "no_band"},
	{"Is it global?", "It's not global version, it's chinese version.", "honest_china", "admits"},
	{"Est-ce la version globale ?", "C'est la version chinoise avec ROM globale.", "honest_china", "admits"},
	/* evasive */
	{"Does it have band 20?", "Dear friend, it supports Google Play and all languages.", "evasive", "cue"},
	{"Is it global version or china version?", "Global ROM, multi-language, Google Play OK.", "evasive", "cue"},
	{"Is it global version or china version?", "Hello, we ship fast, 100% brand new.", "evasive", "cue"},
	{"Will it work with AT&T 4G?", "Our phone is 100% original, works all over the world.", "evasive", "cue"},
	{"Does it support B28? I'm in Australia.", "Please check the description.", "evasive", "cue"},
	{"Will it work with Orange 4G?", "Don't worry, you will like it.", "evasive", "cue"},
	{"Will it work with O2 4G?", "Dear, contact us for any question.", "evasive", "cue"},
	{"Это глобальная версия?", "Поддерживает гугл плей и все языки.", "evasive", "cue"},
	{"¿Funciona con Movistar 4G?", "No se preocupe, 100% original.", "evasive", "cue"},
	{"Czy ma pasmo 20?", "Nie martw się, wszystkie języki.", "evasive", "cue"},
	{"Hat es Band 20?", "Siehe Beschreibung.", "evasive", "cue"},
	{"Ha la banda 20?", "Tutte le lingue, Google Play.", "evasive", "cue"},
	{"É versão global?", "Veja a descrição.", "evasive", "cue"},
	{"Is it the global version?", "Thank you for your interest.", "evasive", "none"},
	{"Does it work with Verizon?", "We can not guarantee, please ask your carrier.", "evasive", "none"},
	{"Is it Chinese or global hardware?", "Global ROM installed, supports English and Google.", "evasive", "cue"},
	/* unanswered and unrelated */
	{"Does it have band 20?", "", "unanswered", "none"},
	{"Will it work with Bell 4G?", NULL, "unanswered", "none"},
	{"Is it global version or china version?", "  \n ", "unanswered", "none"},
	{"What colour is the back?", "Blue, as in the photo.", "other", "none"},
	{"Is it waterproof?", "Dear friend, contact us for any question.", "other", "none"},
	{"Hi, is this the one with the 108MP camera?", "Global ROM, multi-language, Google Play OK.", "evasive", "cue"},
	{"How long is shipping to Spain?", "About 12 days.", "other", "none"},
};

Test(replies, labelled_replies)
{
	size_t i, bad = 0;
	for (i = 0; i < sizeof cases / sizeof *cases; i++) {
		reply_result r;
		const char *a = cases[i].a;
		replies_classify(&LX, &SC, cases[i].q, strlen(cases[i].q), a, a ? strlen(a) : 0, &r);
		if (strcmp(replies_class_name(r.cls), cases[i].cls) || strcmp(r.detail, cases[i].detail))
			bad++;
		cr_expect_str_eq(replies_class_name(r.cls), cases[i].cls, "Q \"%s\" A \"%s\": got %s/%s",
				 cases[i].q, a ? a : "(null)", replies_class_name(r.cls), r.detail);
		cr_expect_str_eq(r.detail, cases[i].detail, "Q \"%s\" A \"%s\": detail %s, want %s",
				 cases[i].q, a ? a : "(null)", r.detail, cases[i].detail);
	}
	cr_assert_eq(bad, 0);
}

static const struct { const char *q, *kind; } questions[] = {
	{"Is it global version or china version?", "version"},
	{"Is this the genuine Global Version hardware or Chinese hardware with Global ROM?", "version"},
	{"Это китайская версия?", "version"},
	{"¿Es la versión global?", "version"},
	{"Does it have band 20?", "bands"},
	{"Does it support B28? I'm in Australia.", "bands"},
	{"Есть 20 бэнд?", "bands"},
	{"Czy ma pasmo 20?", "bands"},
	{"Will it work with Verizon?", "carrier"},
	{"Funktioniert es mit Telekom?", "carrier"},
	{"What colour is the back?", "other"},
};

Test(replies, question_kinds)
{
	size_t i;
	for (i = 0; i < sizeof questions / sizeof *questions; i++) {
		reply_result r;
		replies_classify(&LX, &SC, questions[i].q, strlen(questions[i].q), NULL, 0, &r);
		cr_expect_str_eq(replies_question_name(r.qk), questions[i].kind, "\"%s\"", questions[i].q);
	}
}

Test(replies, model_numbers)
{
	cr_expect_eq(replies_model_region("22101317C", 9), 'C');
	cr_expect_eq(replies_model_region("M2011K2G", 8), 'G');
	cr_expect_eq(replies_model_region("23127PN0CC", 10), 'C');
	cr_expect_eq(replies_model_region("2312DRAABG", 10), 'G');
	cr_expect_eq(replies_model_region("22111317I", 9), 'O');
	cr_expect_eq(replies_model_region("B1B3B5B8", 8), 0);
	cr_expect_eq(replies_model_region("100PERCENT", 10), 0);
}

/* A megabyte of answer with tens of thousands of hits and no sentence
 * break: a negator is looked for just before each hit, not in the whole
 * answer (which took seconds per row), and one just before still counts. */
Test(replies, long_answer)
{
	const char *q = "Is this the global version?", *filler = " band 20 and band 28";
	size_t size = 1 << 20, n, f = strlen(filler);
	char *a = malloc(size + 64);
	reply_result r;

	cr_assert(a);
	for (n = 0; n + f <= size; n += f)
		memcpy(a + n, filler, f);
	strcpy(a + n, " it is not the global version");
	replies_classify(&LX, &SC, q, strlen(q), a, strlen(a), &r);
	cr_expect_gt(SC.n, 10000, "the answer is the hard case: %zu hits", SC.n);
	cr_expect_str_eq(replies_class_name(r.cls), "honest_china");
	free(a);
}
