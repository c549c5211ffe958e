/* test_reviews.c: labelled review sentences across languages, classified
 * with the real lexicon (schemas/lexicon.csv): complaints, negated and
 * contrary statements, passing problems, firmware strings, unofficial ROMs. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "analyze/reviews.h"

static lexicon LX;
static fw_regions FR;
static lx_scan SC;

static void setup(void)
{
	gv_error err;
	cr_assert_eq(lexicon_load(&LX, "schemas", &err), 0, "%s:%ld: %s", err.file, err.line, err.msg);
	cr_assert_eq(fw_regions_load(&FR, "schemas", &err), 0, "%s", err.msg);
	lx_scan_init(&SC);
}

static void teardown(void)
{
	lx_scan_release(&SC);
	lexicon_release(&LX);
	fw_regions_release(&FR);
}

TestSuite(reviews, .init = setup, .fini = teardown);

static const struct { const char *text, *cls; } cases[] = {
	/* English complaints */
	{"Only 3G in my town, no B28. Not the global version.", "complaint"},
	{"3G only. Returned it.", "complaint"},
	{"Phone arrived quickly. 3G only. Returned it. Fast delivery, phone works great.", "complaint"},
	{"No 4G where my old phone had it, B12 not supported.", "complaint"},
	{"Drops to 3G in the countryside, no band 4.", "complaint"},
	{"Stuck on H+ most of the time, no B12.", "complaint"},
	{"Doesn't get 4G on Vodafone in my village.", "complaint"},
	{"Doesn’t get LTE at all on Telstra", "complaint"},
	{"no lte on telus in northern ontario", "complaint"},
	{"Band 20 missing, useless in rural France", "complaint"},
	{"It does not support band 28 so no signal on the farm", "complaint"},
	{"ONLY 3G!!! B20 is missing!!!", "complaint"},
	{"3G only outside the city, B28 missing.", "complaint"},
	{"Great camera but no LTE with my carrier.", "complaint"},
	/* Russian, incl. mixed script */
	{"нет LTE, только 3G, B20 нет", "complaint"},
	{"Телефон не ловит 4G, только 3G.", "complaint"},
	{"Не видит LTE у МТС, нет 20 бэнда.", "complaint"},
	{"Только 3G, китайская версия.", "complaint"},
	{"НЕТ 4G!!! Верните деньги", "complaint"},
	/* Spanish */
	{"Solo 3G, no agarra 4G en Teruel.", "complaint"},
	{"No tiene banda 28, solo 3G.", "complaint"},
	{"Sin banda 20, el 4G no funciona en mi pueblo.", "complaint"},
	{"SÓLO 3G con Movistar", "complaint"},
	/* Portuguese */
	{"Só pega 3G, sem banda 28.", "complaint"},
	{"Não pega 4G na minha cidade.", "complaint"},
	{"so pega 3g aqui", "complaint"},
	/* French */
	{"Pas de bande 20, que la 3G.", "complaint"},
	{"Ne capte pas la 4G chez Free.", "complaint"},
	{"Uniquement la 3G à la campagne.", "complaint"},
	/* Polish */
	{"Brak pasma 20, tylko 3G.", "complaint"},
	{"Nie łapie LTE w Plusie.", "complaint"},
	{"tylko 3g, wersja chińska", "complaint"},
	/* German */
	{"Nur 3G, kein LTE bei Vodafone.", "complaint"},
	{"Band 20 fehlt, das ist keine Global Version.", "complaint"},
	{"LTE funktioniert nicht auf dem Land.", "complaint"},
	/* Italian */
	{"Solo 3G, niente 4G con WindTre.", "complaint"},
	{"Non prende il 4G, manca la banda 20.", "complaint"},
	/* Dutch */
	{"Geen 4G bij KPN, alleen 3G.", "complaint"},

	/* negated and contrary */
	{"4G works fine, not 3G only as others said.", "negated"},
	{"4G works fine on Optus, not 3G only as one review said.", "negated"},
	{"No problems with B28, full 4G on Telstra.", "negated"},
	{"no problems at all with band 20", "negated"},
	{"I was worried about the 3G only reviews but LTE is perfect here.", "negated"},
	{"Genuine global version, B20 works in regional Victoria.", "negated"},
	{"LTE läuft einwandfrei, echte Global Version.", "negated"},
	{"La 4G marche bien, vraie version globale.", "negated"},
	{"Pega 4G normal, versão global original.", "negated"},
	{"LTE działa bez problemu, wersja globalna.", "negated"},
	{"4G ловит отлично, версия глобальная.", "negated"},
	{"Не только 3G, LTE тоже ловит.", "negated"},
	{"No es solo 3G, el 4G funciona bien.", "negated"},
	{"Não é só 3G, pega 4G normal.", "negated"},
	{"Il 4G funziona, non solo 3G come dicono.", "negated"},
	{"Nie tylko 3G, LTE działa.", "negated"},
	{"It never drops to 3G.", "negated"},
	{"Does it really have no B20? Mine works fine.", "generic"}, /* asked, not reported */
	{"Other buyers complained about no LTE but mine is fine.", "negated"},
	{"Some say no B20 but I have it working.", "negated"},
	{"It doesn't have B20, but works OK on B3.", "complaint"},
	{"B20 i B28 nie działają.", "complaint"},
	{"Nur 3G wenn ich im Keller bin.", "complaint_noise"},
	{"In my area there is no 4G coverage anyway.", "complaint_noise"},
	{"kein Problem mit LTE bei O2", "negated"},
	{"only 3g?? seller please answer", "generic"},
	{"No 4G issues with Telstra.", "negated"},
	{"no LTE problems so far, B28 works", "negated"},
	{"I dont have 4G at all", "complaint"},
	{"doesnt support band20", "complaint"},
	{"no B-28 here", "complaint"},
	{"Il n’a pas la bande 20.", "complaint"},
	{"No issues, only 3G though.", "complaint"},
	{"Works with T-Mobile but no band 71 so weak signal indoors.", "complaint"},
	{"Sometimes LTE, mostly 3G.", "complaint"},
	{"Sometimes drops to 3G, otherwise fine.", "complaint_noise"},
	{"LTE sin problemas con Movistar.", "negated"},
	{"LTE bez problemu w Plusie.", "negated"},
	{"4G problemlos bei Vodafone.", "negated"},
	{"Only 3G on the train, roaming in Switzerland.", "complaint_noise"},
	{"Device is not certified by Play Protect, banking apps don't work.", "unofficial_rom"},
	{"People say it is 3G only, that is not true.", "negated"},
	{"Sin problemas con la banda 20.", "negated"},
	{"Keine Probleme mit Band 20, volles LTE.", "negated"},
	{"Никаких проблем с 20 бэндом.", "negated"},
	{"Bez problemu z pasmem 20.", "negated"},
	{"Aucun problème avec la bande 20.", "negated"},
	{"Nessun problema con la banda 20.", "negated"},
	{"Sem problemas com a banda 28.", "negated"},

	/* passing or local problems */
	{"Only 3G in the subway but fine outside.", "complaint_noise"},
	{"No 4G for a day, Vodafone had an outage.", "complaint_noise"},
	{"No LTE in the elevator, otherwise ok.", "complaint_noise"},
	{"В метро только 3G.", "complaint_noise"},
	{"Solo 3G en el metro, fuera bien.", "complaint_noise"},
	{"Nur 3G in der U-Bahn.", "complaint_noise"},
	{"Pas de 4G pendant une journée, panne chez Orange.", "complaint_noise"},
	{"Brak LTE przez jeden dzień, awaria w Play.", "complaint_noise"},

	/* firmware strings */
	{"Came with OS1.0.6.0.UNCCNXM, so it is a China ROM.", "firmware_cn"},
	{"firmware os3.0.305.0.wnccnxm, china rom, had to install google myself.", "firmware_cn"},
	{"About phone says V14.0.8.0.TLCCNXM.", "firmware_cn"},
	{"Прошивка V13.0.10.0.SKACNXM, китайская.", "firmware_cn"},
	{"MIUI China 12.5.3 Stable out of the box", "firmware_cn"},
	{"MIUI 8.2 | Stable (MAD CN DL)", "firmware_cn"},
	{"Running V14.0.3.0.TMSMIXM, no problems.", "firmware_global"},
	{"updated to os1.0.8.0.tldmixm over the air, all good.", "firmware_global"},
	{"V12.5.8.0.RKHEUXM installed", "firmware_global"},
	{"MIUI Global 13.0.4 Stable, fine", "firmware_global"},
	{"Version (MHO MI ED) on the box sticker", "firmware_global"},
	{"Actualizado a V14.0.4.0.TMSRUXM sin problemas", "firmware_global"},

	/* unofficial ROMs */
	{"Weird ROM with ads everywhere, looks like a Vietnamese ROM.", "unofficial_rom"},
	{"Fake global rom, version V14.0.8.0.0, updater says no updates.", "unofficial_rom"},
	{"The ROM is not official, no OTA updates at all.", "unofficial_rom"},
	{"Вьетнамская прошивка, реклама везде.", "unofficial_rom"},
	{"ROM no oficial, publicidad por todas partes.", "unofficial_rom"},
	{"Reklamy wszędzie, nieoficjalny ROM.", "unofficial_rom"},
	{"Werbung überall, inoffizielle ROM.", "unofficial_rom"},
	{"Comes with xiaomi.eu, not a stock rom", "unofficial_rom"},

	/* not genuine, China ROM, Google */
	{"Seller said global version but it is chinese hardware.", "not_genuine"},
	{"Es la versión china con ROM global.", "not_genuine"},
	{"Это китайская версия, перепрошитая.", "not_genuine"},
	{"C'est la version chinoise.", "not_genuine"},
	{"Came with a China ROM, had to flash it.", "china_rom"},
	{"No Google Play out of the box.", "no_google"},
	{"Brak Google, trzeba było instalować.", "no_google"},

	/* hearsay, contrast, passing problems and complaints in each language */
	{"Боялся из-за отзывов про 3G, но LTE ловит отлично.", "negated"},
	{"Только 3G в метро, на улице всё нормально.", "complaint_noise"},
	{"Не работает 4G у Теле2, только H+.", "complaint"},
	{"Никаких проблем с LTE, всё ловит.", "negated"},
	{"Пишут что нет B20, но у меня всё работает.", "negated"},
	{"Нет 4G на Билайне, это китайская версия, не глобальная.", "complaint"},
	{"Tenía miedo por las opiniones de solo 3G pero el 4G funciona perfecto.", "negated"},
	{"No agarra 4G con Movistar, solo 3G, versión china.", "complaint"},
	{"Solo 3G durante un día por una avería de Vodafone.", "complaint_noise"},
	{"Nunca se queda en 3G, el 4G va bien.", "negated"},
	{"Tinha medo das avaliações de só 3G mas pega 4G normal.", "negated"},
	{"Não pega 4G na Claro, só 3G, não é versão global.", "complaint"},
	{"Só 3G no metrô, fora funciona.", "complaint_noise"},
	{"J'avais peur des avis sur la 3G mais la 4G marche très bien.", "negated"},
	{"Pas de 4G avec Free, que la 3G, c'est une version chinoise.", "complaint"},
	{"Que la 3G dans le métro, dehors ça marche.", "complaint_noise"},
	{"Bałem się opinii o 3G, ale LTE działa bez problemu.", "negated"},
	{"Nie ma LTE w Play, tylko 3G, wersja chińska.", "complaint"},
	{"Tylko 3G przez dzień, awaria w Orange.", "complaint_noise"},
	{"Hatte Angst wegen der Bewertungen mit nur 3G, aber LTE läuft super.", "negated"},
	{"Kein LTE bei der Telekom, nur 3G, keine Global Version.", "complaint"},
	{"Nur 3G für einen Tag, Störung bei O2.", "complaint_noise"},
	{"Avevo paura delle recensioni su solo 3G, ma il 4G funziona benissimo.", "negated"},
	{"Niente 4G con Iliad, solo 3G, versione cinese.", "complaint"},
	{"Solo 3G in metropolitana, fuori tutto ok.", "complaint_noise"},

	/* Ukrainian, Turkish, Dutch; past tense */
	{"Тільки 3G, немає 20 бенду, китайська версія.", "complaint"},
	{"Не ловить LTE у Київстарі.", "complaint"},
	{"4G працює, без проблем.", "negated"},
	{"Sadece 3G, 4G çekmiyor.", "complaint"},
	{"4G çalışıyor, sorun yok.", "negated"},
	{"Pakt geen 4G bij KPN, band 20 ontbreekt.", "complaint"},
	{"4G werkt prima, geen problemen.", "negated"},
	{"Telefon nie łapał LTE, było tylko 3G.", "complaint"},
	{"Не ловил LTE вообще, было только 3G.", "complaint"},
	{"I could not get LTE on Telstra, kept dropping to 3G.", "complaint"},

	/* scraped HTML: a line break ends a sentence */
	{"Only 3G, no B20<br>Fine in the subway though", "complaint"},
	{"<p>4G works fine</p><p>not 3G only as others said</p>", "negated"},

	/* noise that must stay generic */
	{"Battery lasts two days, very happy.", "generic"},
	{"Check bands before buying!", "generic"},
	{"Charger had the wrong plug, used an adapter.", "generic"},
	{"Arrived in 12 days. All good so far. 5 stars", "generic"},
	{"Is it the global version? I hope so.", "generic"},
	{"Alles bestens, gerne wieder.", "generic"},
	{"Muy buen teléfono, llegó rápido.", "generic"},
	{"Всё пришло целое, спасибо продавцу.", "generic"},
	{"Polecam sprzedawcę. 😍😍", "generic"},
	{"Notable speed, only 3 GB RAM though", "generic"},
	{"Nothing bad: lightning fast, snow white", "generic"},
	{"", "generic"},
	{"\xff\xfe\xfd broken bytes \xc3", "generic"},
};

Test(reviews, labelled_sentences)
{
	size_t i, bad = 0;
	for (i = 0; i < sizeof cases / sizeof *cases; i++) {
		review_result r;
		reviews_classify(&LX, &FR, &SC, cases[i].text, strlen(cases[i].text), &r);
		if (strcmp(reviews_class_name(r.cls), cases[i].cls))
			bad++;
		cr_expect_str_eq(reviews_class_name(r.cls), cases[i].cls, "\"%s\": got %s, want %s",
				 cases[i].text, reviews_class_name(r.cls), cases[i].cls);
	}
	cr_assert_geq(sizeof cases / sizeof *cases, 100);
	cr_assert_eq(bad, 0);
}

Test(reviews, flags_and_bands)
{
	review_result r;
	const char *t = "нет LTE, только 3G, B20 нет";
	reviews_classify(&LX, &FR, &SC, t, strlen(t), &r);
	cr_expect_eq(r.complaint, 1);
	cr_expect_str_eq(r.bands, "B20");
	cr_expect_gt(r.strength, 0.0);

	t = "Only 3G in my town, no B28. Not the global version.";
	reviews_classify(&LX, &FR, &SC, t, strlen(t), &r);
	cr_expect_eq(r.complaint, 1);
	cr_expect_eq(r.not_genuine, 1);
	cr_expect_str_eq(r.bands, "B28");
	cr_expect(r.ex_end > r.ex_start && r.ex_end <= strlen(t));

	t = "Phone ok. Came with OS1.0.6.0.UNCCNXM, so it is a China ROM.";
	reviews_classify(&LX, &FR, &SC, t, strlen(t), &r);
	cr_expect_eq(r.has_fw, 1);
	cr_expect_str_eq(r.fw.region, "CN");
	cr_expect_str_eq(r.fw.version, "OS1.0.6.0.UNCCNXM");
	cr_expect_eq(strncmp(t + r.ex_start, "Came with", 9), 0, "excerpt starts at the sentence");

	t = "Settings say model 22101316C. Great phone anyway.";
	reviews_classify(&LX, &FR, &SC, t, strlen(t), &r);
	cr_expect_str_eq(r.model, "22101316C");
	cr_expect_eq(r.model_region, 'C');
	t = "About phone: 2201117TG, MIUI Global";
	reviews_classify(&LX, &FR, &SC, t, strlen(t), &r);
	cr_expect_eq(r.model_region, 'G');

	t = "No 4G for a day, EE had an outage.";
	reviews_classify(&LX, &FR, &SC, t, strlen(t), &r);
	cr_expect_eq(r.complaint, 0);
	cr_expect_eq(r.noise, 1);
}

/* Fuzzing (tests/fuzz/fuzz_reviews.c) found lexicon_scan calling qsort(NULL,
 * 0, ...) on a fresh scan when a text has no hit: undefined behaviour that
 * UBSan halts on. Empty and hit-less texts on a fresh scan must classify as
 * generic. */
Test(reviews, empty_text_on_fresh_scan)
{
	static const char *const texts[] = {"", "zzzz", "\xff\xfe", "...", "\n\n"};
	size_t i;
	for (i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		lx_scan fresh;
		review_result r;
		lx_scan_init(&fresh);
		reviews_classify(&LX, &FR, &fresh, texts[i], strlen(texts[i]), &r);
		cr_expect_str_eq(reviews_class_name(r.cls), "generic", "text %zu", i);
		lx_scan_release(&fresh);
	}
}

/* A review of a megabyte with thousands of phrase hits and no sentence
 * break: each hit is judged against the hits near it, not against every
 * hit of the text (which took minutes), and what is near still counts. */
static char *long_review(const char *head, const char *filler, size_t size)
{
	char *t = malloc(size + 1);
	size_t n = strlen(head), f = strlen(filler);
	cr_assert(t);
	memcpy(t, head, n);
	while (n + f <= size) {
		memcpy(t + n, filler, f);
		n += f;
	}
	t[n] = '\0';
	return t;
}

Test(reviews, long_unpunctuated_review)
{
	review_result r;
	char *t = long_review("only 3G in my area", " band 20 and band 28", 1 << 20);
	reviews_classify(&LX, &FR, &SC, t, strlen(t), &r);
	cr_expect_gt(SC.n, 10000, "the text is the hard case: %zu hits", SC.n);
	cr_expect_eq(r.complaint, 1);
	free(t);

	t = long_review("it is not 3G only", " band 20 and band 28", 1 << 20);
	reviews_classify(&LX, &FR, &SC, t, strlen(t), &r);
	cr_expect_eq(r.complaint, 0, "the negator next to the complaint still counts");
	free(t);
}
