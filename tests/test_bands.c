/* test_bands.c: the band notations sellers write, one parameterised case
 * each, asserting the exact LTE and NR sets, the confidence and, where the
 * case is about them, the 3G bands and the ambiguous candidates. */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <string.h>

#include "analyze/bands.h"

#define ANY ((const char *)1) /* field not checked */

typedef struct {
	const char *src[3]; /* title, specs, description: parsed one by one */
	const char *lte, *nr;
	bands_confidence conf;
	const char *umts, *maybe; /* ANY: not checked */
} band_case;

#define S BANDS_SURE
#define L BANDS_LIKELY
#define A BANDS_AMBIGUOUS
#define N BANDS_NONE

static const band_case cases[] = {
	/* ---- dumps.md, verbatim ---- */
	{{"Brand Name: Xiaomi\nModel Number: 22111317G\nVersion: Global Version\n"
	  "Cellular: GSM/WCDMA/LTE/NR\nNetwork Frequency: 2G: GSM 850/900/1800/1900; 3G: WCDMA "
	  "B1/2/4/5/8; 4G: FDD-LTE B1/2/3/4/5/7/8/12/13/17/20/26/28/66, TDD-LTE B38/40/41; 5G: "
	  "n1/3/5/7/8/20/28/38/40/41/77/78\nCertification: CE,FCC"},
	 "B1 B2 B3 B4 B5 B7 B8 B12 B13 B17 B20 B26 B28 B38 B40 B41 B66",
	 "n1 n3 n5 n7 n8 n20 n28 n38 n40 n41 n77 n78", S, "B1 B2 B4 B5 B8", ""},
	{{"LTE FDD: 1/3/5/7/8/20/28"}, "B1 B3 B5 B7 B8 B20 B28", "", S, "", ""},
	{{"4G LTE: Band 1, 3, 5, 7, 8, 20, 28"}, "B1 B3 B5 B7 B8 B20 B28", "", S, "", ""},
	{{"FDD B1 B3 B5 B7 B8 B20 B28"}, "B1 B3 B5 B7 B8 B20 B28", "", S, "", ""},
	{{"LTE-FDD:B1/B3/B5/B8 LTE-TDD:B34/B38/B39/B40/B41"}, "B1 B3 B5 B8 B34 B38 B39 B40 B41", "",
	 S, "", ""},
	{{"B28A/B28B"}, "B28", "", L, "", ""},
	{{"4G: 700/800/850/900/1800/2100/2600MHz"}, "B1 B3 B8", "", A, "",
	 "B5 B7 B12 B13 B17 B18 B19 B20 B26 B28 B38 B41"},
	{{"3G WCDMA: B1"}, "", "", N, "B1", ""},

	/* ---- multi-section spec blocks exactly as in the samples ---- */
	{{"Brand Name: POCO | Model Number: POCO X6 Pro 5G | Version: Global Version | Cellular: "
	  "GSM/WCDMA/LTE/NR | Network Frequency: 2G: GSM 850/900/1800/1900\n3G: WCDMA B1/4/5/8\n"
	  "LTE-FDD:B1/B2/B3/B4/B5/B7/B8/B12/B13/B17/B18/B19/B20/B26/B28/B32/B66 "
	  "LTE-TDD:B38/B40/B41/B42/B48\n5G: n1/n3/n5/n7/n8/n20/n28/n38/n40/n41/n77/n78"},
	 "B1 B2 B3 B4 B5 B7 B8 B12 B13 B17 B18 B19 B20 B26 B28 B32 B38 B40 B41 B42 B48 B66",
	 "n1 n3 n5 n7 n8 n20 n28 n38 n40 n41 n77 n78", S, "B1 B4 B5 B8", ""},
	{{"Brand Name: Xiaomi | Model Number: Xiaomi 14 Ultra | Version: Global Version | "
	  "Cellular: GSM/WCDMA/LTE/NR | Network Frequency: 2G: GSM 850/900/1800/1900\nLTE FDD: "
	  "1/2/3/4/5/7/8/18/19/20/26/28/66; LTE TDD: 38/40/41/42/48 | Certification: CE"},
	 "B1 B2 B3 B4 B5 B7 B8 B18 B19 B20 B26 B28 B38 B40 B41 B42 B48 B66", "", S, "", ""},
	{{"Brand Name: Xiaomi; Model Number: 23090RA98G; Version: Global Version; Cellular: "
	  "GSM/WCDMA/LTE/NR; Network Frequency: 2G: GSM 850/900/1800/1900 | 3G: WCDMA B1/2/4/5/8 | "
	  "4G: FDD-LTE B1/2/3/4/5/7/8/12/13/17/18/19/20/26/28/32/66, TDD-LTE B38/40/41 | 5G: "
	  "n1/n3/n5/n7/n8/n20/n28/n38/n40/n41/n66/n77/n78; Certification: CE,FCC"},
	 "B1 B2 B3 B4 B5 B7 B8 B12 B13 B17 B18 B19 B20 B26 B28 B32 B38 B40 B41 B66",
	 "n1 n3 n5 n7 n8 n20 n28 n38 n40 n41 n66 n77 n78", S, "B1 B2 B4 B5 B8", ""},
	{{"Brand Name: Xiaomi\nModel Number: 24115RA8EG\nVersion: Global Version\nCellular: "
	  "GSM/WCDMA/LTE/NR\nNetwork Frequency: 3G WCDMA: B1/2/5/8 | FDD B1 B2 B3 B4 B5 B7 B8 B12 "
	  "B13 B17 B18 B19 B20 B26 B28 B32 B66 TDD B38 B40 B41 B42 B48 | 5G: "
	  "n1/n2/n3/n5/n7/n8/n12/n20/n26/n28/n38/n40/n41/n48/n66/n77/n78\nCertification: FCC,CE,RCM"},
	 "B1 B2 B3 B4 B5 B7 B8 B12 B13 B17 B18 B19 B20 B26 B28 B32 B38 B40 B41 B42 B48 B66",
	 "n1 n2 n3 n5 n7 n8 n12 n20 n26 n28 n38 n40 n41 n48 n66 n77 n78", S, "B1 B2 B5 B8", ""},
	{{"Brand Name: Xiaomi | Model Number: Redmi Note 13 Pro 5G | Version: Global ROM | "
	  "Cellular: GSM/WCDMA/LTE/NR | Network Frequency: 2G: GSM 850/900/1800/1900; FDD B1 B3 B5 "
	  "B8 B19 TDD B34 B38 B39 B40 B41; 5G: n1/n3/n5/n8/n28/n38/n41/n77/n78"},
	 "B1 B3 B5 B8 B19 B34 B38 B39 B40 B41", "n1 n3 n5 n8 n28 n38 n41 n77 n78", S, "", ""},
	{{"Brand Name: Xiaomi\nModel Number: Xiaomi 12X\nCellular: GSM/WCDMA/LTE/NR\nNetwork "
	  "Frequency: 2G: GSM 850/900/1800/1900; 3G WCDMA: B1/2/5/8; 4G LTE: Band 1, 2, 3, 4, 5, 7, "
	  "8, 12, 13, 17, 18, 19, 20, 26, 28, 32, 38, 39, 40, 41, 42, 48, 66; 5G: "
	  "n1/n3/n5/n7/n8/n20/n28/n38/n40/n41/n77/n78\nCertification: CE,RoHS"},
	 "B1 B2 B3 B4 B5 B7 B8 B12 B13 B17 B18 B19 B20 B26 B28 B32 B38 B39 B40 B41 B42 B48 B66",
	 "n1 n3 n5 n7 n8 n20 n28 n38 n40 n41 n77 n78", S, "B1 B2 B5 B8", ""},
	{{"Brand Name: Xiaomi | Model Number: 24090RA29C | Version: China Version | Cellular: "
	  "GSM/WCDMA/LTE/NR | Network Frequency: 2G: GSM 850/900/1800/1900\n3G WCDMA: B1/5/8\n4G: "
	  "FDD-LTE B1/3/5/8/19, TDD-LTE B34/38/39/40/41\n5G: n1/n3/n5/n8/n28/n38/n41/n77/n78 | "
	  "Certification: CE"},
	 "B1 B3 B5 B8 B19 B34 B38 B39 B40 B41", "n1 n3 n5 n8 n28 n38 n41 n77 n78", S, "B1 B5 B8",
	 ""},
	{{"Brand Name: Xiaomi\nModel Number: Mi 11\nVersion: Global ROM\nCellular: "
	  "GSM/WCDMA/LTE/NR\nNetwork Frequency: 2G: GSM 850/900/1800/1900 | WCDMA: B1/2/5/8 | 4G: "
	  "B1/B2/B3/B4/B5/B7/B8/B12/B17/B18/B19/B20/B26/B28/B34/B38/B39/B40/B41/B42 | 5G: "
	  "n1/n3/n5/n8/n28/n41/n77/n78/n79\nCertification: CCC"},
	 "B1 B2 B3 B4 B5 B7 B8 B12 B17 B18 B19 B20 B26 B28 B34 B38 B39 B40 B41 B42",
	 "n1 n3 n5 n8 n28 n41 n77 n78 n79", S, "B1 B2 B5 B8", ""},
	{{"Brand Name: Xiaomi | Model Number: 23090RA98C | Cellular: GSM/WCDMA/LTE/NR | "
	  "Certification: CE"},
	 "", "", N, "", ""},

	/* GSMArena's layout, which sellers paste */
	{{"2G bands GSM 850 / 900 / 1800 / 1900 - SIM 1 & SIM 2\n3G bands HSDPA 850 / 900 / "
	  "1700(AWS) / 1900 / 2100\n4G bands 1, 2, 3, 4, 5, 7, 8, 12, 17, 18, 19, 20, 26, 28, 38, "
	  "40, 41, 66\n5G bands 1, 3, 5, 7, 8, 20, 28, 38, 40, 41, 77, 78 SA/NSA"},
	 "B1 B2 B3 B4 B5 B7 B8 B12 B17 B18 B19 B20 B26 B28 B38 B40 B41 B66",
	 "n1 n3 n5 n7 n8 n20 n28 n38 n40 n41 n77 n78", S, ANY, ""},
	{{"LTE: 1, 2, 3, 4, 5, 7, 8, 20, 28, 38, 40, 41 - International; 1, 3, 5, 8, 34, 38, 39 - "
	  "China"},
	 "B1 B2 B3 B4 B5 B7 B8 B20 B28 B38 B40 B41", "", S, "", ""},

	/* ---- LTE notations ---- */
	{{"B1/2/3"}, "B1 B2 B3", "", L, "", ""},
	{{"B1/B3/B5"}, "B1 B3 B5", "", L, "", ""},
	{{"Band 1, 3, 5"}, "B1 B3 B5", "", L, "", ""},
	{{"Bands: 1,3"}, "B1 B3", "", L, "", ""},
	{{"B28A+B28B"}, "B28", "", L, "", ""},
	{{"LTE: B28 (A+B), B20"}, "B20 B28", "", S, "", ""},
	{{"B41(2535-2655MHz)"}, "B41", "", L, "", ""},
	{{"LTE TDD: B41 (2496-2690MHz), B40 (2300MHz)"}, "B40 B41", "", S, "", ""},
	{{"LTE FDD: 1/2/3; LTE TDD: 38/40"}, "B1 B2 B3 B38 B40", "", S, "", ""},
	{{"TD-LTE: 38/39/40/41"}, "B38 B39 B40 B41", "", S, "", ""},
	{{"LTE: B3, B7 and B20"}, "B3 B7 B20", "", S, "", ""},
	{{"Supports B20 and B28"}, "B20 B28", "", L, "", ""},
	{{"4G+ LTE-A: B1/B3/B7"}, "B1 B3 B7", "", S, "", ""},
	{{"4G：B1／B3／B20"}, "B1 B3 B20", "", S, "", ""},
	{{"4G LTE:\nB1/B3/B7/B20"}, "B1 B3 B7 B20", "", S, "", ""},
	{{"<p>4G LTE: B1/B3/B20<br>5G: n78</p>"}, "B1 B3 B20", "n78", S, "", ""},
	{{"Bandas 4G: 1, 3, 7, 28"}, "B1 B3 B7 B28", "", S, "", ""},
	{{"LTE B1,B3,B7,B8,B20,B28 | WiFi 2.4GHz/5GHz"}, "B1 B3 B7 B8 B20 B28", "", S, "", ""},
	{{"4G LTE: B1/B3/B20 since 2023, 2 years warranty"}, "B1 B3 B20", "", S, "", ""},
	{{"LTE 1/3/7/20"}, "B1 B3 B7 B20", "", S, "", ""},
	{{"Band1/Band3/Band7"}, "B1 B3 B7", "", L, "", ""},
	/* a range: the ends are listed, what lies between is only a candidate */
	{{"B1-B5"}, "B1 B5", "", A, "", "B2 B3 B4"},

	{{"LTE: B1 - B3 - B7 - B20"}, "B1 B3 B7 B20", "", S, "", ""},
	{{"n77-n79"}, "", "n77 n79", L, "", ""},

	/* ---- 3G and 2G traps ---- */
	{{"3G: WCDMA B1/B5/B8"}, "", "", N, "B1 B5 B8", ""},
	{{"WCDMA: 1/2/4/5/8"}, "", "", N, "B1 B2 B4 B5 B8", ""},
	{{"3G WCDMA: B1/2/5/8 | FDD B1 B3 TDD B38"}, "B1 B3 B38", "", S, "B1 B2 B5 B8", ""},
	{{"UMTS/HSPA+: B1/B2/B5/B8"}, "", "", N, "B1 B2 B5 B8", ""},
	{{"WCDMA 850/900/1900/2100MHz"}, "", "", N, "B1 B2 B5 B8", ""},
	{{"WCDMA B1/B5/B8 B20/B28"}, "", "", N, ANY, ""},
	{{"3G: B1/B8\n4G: B1/B3/B20"}, "B1 B3 B20", "", S, "B1 B8", ""},
	{{"4G LTE B1 B3 / 3G B1 B8"}, "B1 B3", "", S, "B1 B8", ""},
	{{"TD-SCDMA: B34/B39"}, "", "", N, ANY, ""},
	{{"WCDMA: B1/B8 | TDS: B34/B39"}, "", "", N, "B1 B8", ""},
	{{"3G: TDS-CDMA B34/B39 | LTE: B1/B3"}, "B1 B3", "", S, "", ""},
	{{"2G: GSM 850/900/1800/1900"}, "", "", N, "", ""},
	{{"GSM 850/900/1800/1900MHz"}, "", "", N, "", ""},
	{{"GSM: B2/B3/B5/B8"}, "", "", N, "", ""},
	{{"2G GSM B2/B3/B5/B8 3G WCDMA B1/B2/B4/B5/B8 4G LTE B1/B3/B7/B20"}, "B1 B3 B7 B20", "", S,
	 "B1 B2 B4 B5 B8", ""},
	{{"850/900/1800/1900/2100MHz"}, "", "", N, "", ""},

	/* ---- MHz ---- */
	{{"4G: 900/1800/2100MHz"}, "B1 B3 B8", "", L, "", ""},
	{{"LTE: 1800MHz"}, "B3", "", L, "", ""},
	{{"4G: 850MHz"}, "", "", A, "", "B5 B26"},
	{{"LTE TDD 2300/2600MHz"}, "B40", "", A, "", "B38 B41"},
	{{"LTE FDD 2600MHz 1800MHz"}, "B3 B7", "", L, "", ""},
	{{"4G: 1700/2100 (AWS)"}, "B1", "", A, "", "B4 B66"},
	{{"4G LTE: 800 / 1800 / 2600 MHz"}, "B3", "", A, "", "B7 B18 B19 B20 B26 B38 B41"},
	{{"TD-LTE: 1900/2300MHz"}, "B39 B40", "", L, "", ""},
	{{"4G: 600/700MHz"}, "B71", "", A, "", "B12 B13 B17 B28"},

	/* ---- NR ---- */
	{{"5G: n1/n3/n28/n78"}, "", "n1 n3 n28 n78", S, "", ""},
	{{"n1/3/78"}, "", "n1 n3 n78", L, "", ""},
	{{"n78"}, "", "n78", L, "", ""},
	{{"N78"}, "", "n78", L, "", ""},
	{{"5G NR: 1/3/28/41/77/78"}, "", "n1 n3 n28 n41 n77 n78", S, "", ""},
	{{"5G SA/NSA: n1/n3/n78"}, "", "n1 n3 n78", S, "", ""},
	{{"n78/n257/n258"}, "", "n78", L, "", ""},
	{{"4G: B1/B3 5G: n78"}, "B1 B3", "n78", S, "", ""},

	/* ---- lists spread over title, specs and description ---- */
	{{"Xiaomi 13 Global B20 B28", "LTE FDD: 1/3/7", NULL}, "B1 B3 B7 B20 B28", "", S, "", ""},
	{{"Redmi Note 13 5G", "Network Frequency: 4G: 800MHz", "LTE: B1/B3"}, "B1 B3", "", S, "",
	 "B18 B19 B20 B26"},
	{{"B20", "4G: 700MHz", NULL}, "B20", "", A, "", "B12 B13 B17 B28"},
	{{"Redmi Note 12 5G 8GB 256GB", NULL, "5G: n78. Ships with WCDMA B1/B8 only for 3G."}, "",
	 "n78", S, "B1 B8", ""},

	/* ---- negations, parentheses, memory sizes, other languages ---- */
	{{"4G: B1/B3/B7/B20 (not support B12/B13/B17)"}, "B1 B3 B7 B20", "", S, "", ""},
	{{"LTE: B1/B3/B7. Not support B12/B13/B17"}, "B1 B3 B7", "", S, "", ""},
	{{"No B28, no B20"}, "", "", N, "", ""},
	{{"Sin banda 28; 4G: B1/B3"}, "B1 B3", "", S, "", ""},
	{{"Non-Global Version 4G LTE: B1/B3"}, "B1 B3", "", S, "", ""},
	{{"4G: 4/64GB"}, "", "", N, "", ""},
	{{"5G: 8+256GB"}, "", "", N, "", ""},
	{{"LTE FDD: 2100(B1)/1800(B3)/2600(B7)/800(B20) MHz"}, "B1 B3 B7 B20", "", S, "",
	 "B18 B19 B26"},
	{{"5G Sub-6: n77/n78"}, "", "n77 n78", S, "", ""},
	{{"Network: 5G\nBands: 1/3/7/20/28"}, "B1 B3 B7 B20 B28", "", L, "", ""},
	{{"Frequency: 2G: 850/900/1800/1900MHz 3G: 850/900/1900/2100MHz 4G: 800/1800/2600MHz"},
	 "B3", "", A, "B1 B2 B5 B8", "B7 B18 B19 B20 B26 B38 B41"},
	{{"Частоты 4G LTE: B1/B3/B7/B20"}, "B1 B3 B7 B20", "", S, "", ""},
	{{"All 4G bands including B20 and B28"}, "B20 B28", "", L, "", ""},
	{{"Model NO.: 2201123G; LTE: B1/B3"}, "B1 B3", "", S, "", ""},

	/* ---- where a section ends ---- */
	{{"5G: n78\nSupports B20 and B28"}, "B20 B28", "n78", S, "", ""},
	{{"2G: GSM 850/900/1800/1900\nB1/B3/B20"}, "B1 B3 B20", "", L, "", ""},
	{{"LTE FDD: 1/2/3/4/5/\n7/8/20"}, "B1 B2 B3 B4 B5 B7 B8 B20", "", S, "", ""},
	{{"3G: WCDMA B1/B8 | Модель: M2101K9G | Частоты: B1/B3/B20"}, "B1 B3 B20", "", L,
	 "B1 B8", ""},
	{{"Xiaomi 13 + Smart Band 8 gift"}, "", "", N, "", ""},
	{{"Redmi Note 13 with Mi Band 7"}, "", "", N, "", ""},
	{{"B2B orders welcome"}, "", "", N, "", ""},
	{{"Band 28"}, "B28", "", L, "", ""},

	/* ---- decorations and other separators ---- */
	{{"LTE FDD:\n\u2022 1/3/5/7/8/20/28"}, "B1 B3 B5 B7 B8 B20 B28", "", S, "", ""},
	{{"\u3010LTE\u3011 B1/B3/B7 \u2605 B20"}, "B1 B3 B7 B20", "", S, "", ""},
	{{"5G:\n12 months warranty"}, "", "", N, "", ""},
	{{"4G LTE:\n1, 3, 7, 20"}, "B1 B3 B7 B20", "", S, "", ""},
	{{"LTE=B1/B3/B20"}, "B1 B3 B20", "", S, "", ""},
	{{"4G LTE 800MHz"}, "", "", A, "", "B18 B19 B20 B26"},
	{{"LTE 1800 MHz"}, "B3", "", L, "", ""},
	{{"5G 3500MHz"}, "", "", N, "", ""},
	{{"\U0001F4F6 4G: B1/B3/B7/B20/B28 \U0001F525"}, "B1 B3 B7 B20 B28", "", S, "", ""},

	/* ---- junk that must yield nothing ---- */
	{{"Quad band 850/900/1800/1900 MHz"}, "", "", N, "", ""},
	{{"Dual Band 2.4G/5G WiFi"}, "", "", N, "", ""},
	{{"8GB 256GB 5000mAh 120Hz 67W"}, "", "", N, "", ""},
	{{"Model Number: 22111317G"}, "", "", N, "", ""},
	{{"Snapdragon 8 Gen 2"}, "", "", N, "", ""},
	{{"Redmi Note 12 5G 8/256GB Global Version"}, "", "", N, "", ""},
	{{"Redmi A2 4G 2/32"}, "", "", N, "", ""},
	{{"POCO X5 5G 6+128"}, "", "", N, "", ""},
	{{"Xiaomi 13 Pro 2023 12/256"}, "", "", N, "", ""},
	{{"Price: 219.99 USD, ships 2026/11/20"}, "", "", N, "", ""},
	{{"Xiaomi Redmi Note 13 Pro+ 5G Global Version 12GB 512GB 200MP Camera"}, "", "", N, "", ""},
	{{"Cellular: GSM/WCDMA/LTE/NR"}, "", "", N, "", ""},
	{{"LTE 4G 1800"}, "", "", N, "", ""},
	{{"Redmi 12 5G 4/128 NFC"}, "", "", N, "", ""},
	{{"B999 B0 B"}, "", "", N, "", ""},
	{{"Band: Xiaomi; Battery 5000 mAh"}, "", "", N, "", ""},
	{{"M2101K9G 2201123G 23090RA98C"}, "", "", N, "", ""},
	{{"Dimensity 7200-Ultra, 1.5K 120Hz, IP68, 5G 12GB+512GB"}, "", "", N, "", ""},
	{{"Смартфон Xiaomi 13 Глобальная версия 8/256 ГБ"}, "", "", N, "", ""},
	/* ---- memory sizes right after explicit bands ---- */
	{{"GLOBAL VERSION B20 B28 12/512"}, "B20 B28", "", L, "", ""},
	{{"Xiaomi 14 GLOBAL VERSION B20 B28 8/256GB"}, "B20 B28", "", L, "", ""},
	{{"4G LTE: B1/B3/B7 12+512"}, "B1 B3 B7", "", S, "", ""},
	{{"4G LTE: B1/B3/5/8 B20"}, "B1 B3 B5 B8 B20", "", S, "", ""},
	/* ---- full-width forms typed by CJK input methods ---- */
	{{"４Ｇ：ＦＤＤ－ＬＴＥ　Ｂ１／３／５／８，ＴＤＤ－ＬＴＥ　Ｂ３４／３８／３９／４０／４１"},
	 "B1 B3 B5 B8 B34 B38 B39 B40 B41", "", S, "", ""},
	{{"ＬＴＥ： Ｂ１/Ｂ３/Ｂ２０/Ｂ２８; ５Ｇ： ｎ７８"}, "B1 B3 B20 B28", "n78", S, "", ""},
	{{"３Ｇ：ＷＣＤＭＡ　Ｂ１／２／４／５／８"}, "", "", N, "B1 B2 B4 B5 B8", ""},
};

#define NCASES (sizeof cases / sizeof cases[0])

/* Criterion may run each case in a re-executed process where pointers into
 * the parent differ: pass indices into the table, not the cases. */
ParameterizedTestParameters(bands, notations)
{
	static size_t idx[NCASES];
	size_t i;
	for (i = 0; i < NCASES; i++)
		idx[i] = i;
	return cr_make_param_array(size_t, idx, NCASES);
}

static void expect_set(const char *what, const char *want, const bands *b,
		       void (*fmt)(const bands *, strbuf *, const char *), const band_case *c)
{
	strbuf sb;
	if (want == ANY)
		return;
	sb_init(&sb);
	fmt(b, &sb, " ");
	cr_expect_str_eq(sb.buf, want, "%s of '%s': got '%s', want '%s'", what, c->src[0], sb.buf,
			 want);
	sb_release(&sb);
}

ParameterizedTest(size_t *k, bands, notations)
{
	const band_case *c = &cases[*k];
	bands b;
	int i;

	bands_init(&b);
	for (i = 0; i < 3; i++)
		if (c->src[i])
			bands_parse(&b, c->src[i], strlen(c->src[i]));
	expect_set("lte", c->lte, &b, bands_format_lte, c);
	expect_set("nr", c->nr, &b, bands_format_nr, c);
	expect_set("umts", c->umts, &b, bands_format_umts, c);
	expect_set("maybe", c->maybe, &b, bands_format_maybe, c);
	cr_expect_eq(b.confidence, c->conf, "confidence of '%s': got %s, want %s", c->src[0],
		     bands_confidence_name(b.confidence), bands_confidence_name(c->conf));
}

/* ---- properties beyond the table ---- */

Test(bands, counts_match_sets)
{
	bands b;
	const char *t = "LTE: B1/B3/B3/B20; 5G: n78/n78/n1";
	bands_init(&b);
	bands_parse(&b, t, strlen(t));
	cr_expect_eq(b.n_lte, 3);
	cr_expect_eq(b.n_nr, 2);
}

Test(bands, stops_at_len)
{
	/* "B1/B3" followed by bytes the parser must not see */
	const char t[] = "LTE: B1/B3B20 n78";
	bands b;
	bands_init(&b);
	bands_parse(&b, t, 10); /* "LTE: B1/B3" */
	cr_expect_eq(b.n_lte, 2);
	cr_expect(b.lte[1] && b.lte[3] && !b.lte[20]);
	cr_expect_eq(b.n_nr, 0);
}

Test(bands, truncated_utf8_and_controls)
{
	const char t[] = "4G\xEF\xBC: B1\x01/B3 \xE3\x80"; /* cut full-width colon and comma */
	bands b;
	bands_init(&b);
	bands_parse(&b, t, sizeof t - 1);
	cr_expect(b.lte[1] && b.lte[3]);
	bands_init(&b);
	bands_parse(&b, "", 0);
	bands_parse(&b, NULL, 5);
	cr_expect_eq(b.confidence, BANDS_NONE);
}

Test(bands, long_hostile_input)
{
	static char t[200000];
	size_t i;
	bands b;
	for (i = 0; i + 3 < sizeof t; i += 3)
		memcpy(t + i, "B1/", 3);
	bands_init(&b);
	bands_parse(&b, t, sizeof t);
	cr_expect_eq(b.n_lte, 1);
	cr_expect(b.lte[1]);
	for (i = 0; i < sizeof t; i++)
		t[i] = (char)(i * 131 + 7);
	bands_init(&b);
	bands_parse(&b, t, sizeof t); /* must not crash; anything found must be valid */
	for (i = 0; i < BANDS_MAX; i++)
		cr_expect(!b.lte[i] || (i >= 1 && i <= 88));
}

Test(bands, deterministic_and_order_independent_sets)
{
	const char *a = "Title B20 B28", *s = "LTE FDD: 1/3/7; 5G: n78";
	bands x, y;
	bands_init(&x);
	bands_init(&y);
	bands_parse(&x, a, strlen(a));
	bands_parse(&x, s, strlen(s));
	bands_parse(&y, s, strlen(s));
	bands_parse(&y, a, strlen(a));
	cr_expect(!memcmp(x.lte, y.lte, sizeof x.lte));
	cr_expect(!memcmp(x.nr, y.nr, sizeof x.nr));
	cr_expect_eq(x.confidence, y.confidence);
	cr_expect_eq(x.confidence, BANDS_SURE);
}

Test(bands, format_separator_and_names)
{
	bands b;
	strbuf sb;
	const char *t = "LTE: B20/B3/B1";
	bands_init(&b);
	bands_parse(&b, t, strlen(t));
	sb_init(&sb);
	sb_adds(&sb, "x=");
	bands_format_lte(&b, &sb, ";");
	cr_expect_str_eq(sb.buf, "x=B1;B3;B20");
	sb_release(&sb);
	cr_expect_str_eq(bands_confidence_name(BANDS_NONE), "none");
	cr_expect_str_eq(bands_confidence_name(BANDS_AMBIGUOUS), "ambiguous");
	cr_expect_str_eq(bands_confidence_name(BANDS_LIKELY), "likely");
	cr_expect_str_eq(bands_confidence_name(BANDS_SURE), "sure");
	cr_expect(bands_has_lte_list(&b));
	bands_init(&b);
	cr_expect(!bands_has_lte_list(&b));
}
