/* test_firmware.c: MIUI / HyperOS version strings into region and branch. */
#include <criterion/criterion.h>
#include <string.h>

#include "analyze/firmware.h"

static fw_regions FR;

static void setup(void)
{
	gv_error err;
	cr_assert_eq(fw_regions_load(&FR, "schemas", &err), 0, "%s", err.msg);
}

static void teardown(void)
{
	fw_regions_release(&FR);
}

TestSuite(firmware, .init = setup, .fini = teardown);

static const struct { const char *text, *version, *region, *branch; } cases[] = {
	{"Running V14.0.3.0.TMSMIXM, no problems.", "V14.0.3.0.TMSMIXM", "MI", "stable"},
	{"Came with OS1.0.6.0.UNCCNXM, so it is a China ROM.", "OS1.0.6.0.UNCCNXM", "CN", "stable"},
	{"firmware os3.0.305.0.wnccnxm lowercase", "OS3.0.305.0.WNCCNXM", "CN", "stable"},
	{"V12.5.8.0.RKHEUXM", "V12.5.8.0.RKHEUXM", "EU", "stable"},
	{"прошивка V13.0.4.0.SKHRUXM стоит", "V13.0.4.0.SKHRUXM", "RU", "stable"},
	{"(V14.0.2.0.TMPINXM)", "V14.0.2.0.TMPINXM", "IN", "stable"},
	{"OS2.0.1.0.VNOTRXM!", "OS2.0.1.0.VNOTRXM", "TR", "stable"},
	{"v13.0.6.0.sgcidxm", "V13.0.6.0.SGCIDXM", "ID", "stable"},
	{"V12.0.1.0.RJWTWXM", "V12.0.1.0.RJWTWXM", "TW", "stable"},
	{"V14.0.1.0.TMRJPXM", "V14.0.1.0.TMRJPXM", "JP", "stable"},
	{"V13.0.2.0.SKAKRXM", "V13.0.2.0.SKAKRXM", "KR", "stable"},
	{"MIUI Global 13.0.4 Stable", "13.0.4", "MI", "stable"},
	{"HyperOS China 1.0.6 beta", "1.0.6", "CN", "beta"},
	{"miui 14.0.2 eea", "14.0.2", "EU", "unknown"},
	{"MIUI 8.2 | Stable (MAD CN DL)", "MAD CN DL", "CN", "unknown"},
	{"box says (MHO MI ED)", "MHO MI ED", "MI", "unknown"},
	{"Fake global rom, version V14.0.8.0.0, updater says no updates.", "V14.0.8.0.0", "", "unofficial"},
	{"OS1.0.6.0.0.UNCMIXM", "OS1.0.6.0.0.UNCMIXM", "", "unofficial"},
	{"V13.1.22.10.13.DEV weekly", "V13.1.22.10.13.DEV", "", "dev"},
	{"runs xiaomi.eu rom", "XIAOMI.EU", "", "unofficial"},
	{"V14.0.3.0 only", "V14.0.3.0", "", "unknown"},
};

Test(firmware, table)
{
	size_t i;
	for (i = 0; i < sizeof cases / sizeof *cases; i++) {
		fw_hit h[4];
		size_t n = firmware_scan(&FR, cases[i].text, strlen(cases[i].text), h, 4);
		cr_expect_eq(n, 1, "\"%s\": %zu hits", cases[i].text, n);
		if (n < 1)
			continue;
		cr_expect_str_eq(h[0].version, cases[i].version, "\"%s\"", cases[i].text);
		cr_expect_str_eq(h[0].region, cases[i].region, "\"%s\"", cases[i].text);
		cr_expect_str_eq(firmware_branch_name(h[0].branch), cases[i].branch, "\"%s\"", cases[i].text);
		cr_expect_leq(h[0].end, strlen(cases[i].text));
	}
}

static const char *const none[] = {
	"Battery lasts two days", "version 2.0 of the app", "MIUI 14 is nice", "1.5.2 GHz",
	"model 22101317C", "in 12.05.2026 arrived", "B1/B3/B20", "(ABC)", "OS is fine", "v2", "",
	"price 199.99", "V14", "Android 13.0.1",
};

Test(firmware, not_versions)
{
	size_t i;
	for (i = 0; i < sizeof none / sizeof *none; i++) {
		fw_hit h[4];
		cr_expect_eq(firmware_scan(&FR, none[i], strlen(none[i]), h, 4), 0, "\"%s\"", none[i]);
	}
}

Test(firmware, several_and_bounds)
{
	fw_hit h[2];
	const char *t = "from V14.0.3.0.TMSCNXM to V14.0.3.0.TMSMIXM and OS1.0.6.0.UNCCNXM";
	cr_expect_eq(firmware_scan(&FR, t, strlen(t), h, 2), 2, "stops at max");
	cr_expect_str_eq(h[0].region, "CN");
	cr_expect_str_eq(h[1].region, "MI");
	cr_expect_eq(firmware_scan(&FR, "V14.0.3.0.TMS", 9, h, 2), 1, "never reads past n");
	cr_expect_eq(fw_region_known(&FR, "cn"), 1);
	cr_expect_eq(fw_region_known(&FR, "XX"), 0);
}
