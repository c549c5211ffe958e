/* gencorpus.c: seeded generator of a realistic dump corpus for `make bench`.
 *
 *   gencorpus [--scale F] [--seed N] [--night 1|2] [--level L] --out DIR
 *
 * Writes DIR/listings.csv.gz, DIR/reviews.csv.gz, DIR/qa.csv.gz (columns as
 * in ../shared/spec/dumps.md, shapes and proportions as in
 * ../shared/samples) and DIR/manifest.txt (rows, uncompressed bytes and text
 * bytes per file, read by tests/bench/run.sh).
 *
 * Scale 1.0 is about 1 GB of uncompressed reviews (~3.9 M rows, texts ~225
 * bytes on average), 0.5 M listings and 0.5 M questions: 7.7 reviews and
 * 1.05 questions per listing, as in the samples.
 *
 * Every row is derived from (seed, listing index, slot) alone, so night 2
 * can re-emit exactly the rows night 1 had. Night 2 holds 10% new listings
 * with their reviews and questions, and 10% of night 1's listings scraped
 * again with a changed price (some a changed title), all their reviews again
 * (duplicates) plus a few new ones, and their questions with some
 * previously unanswered ones now answered. Rows come in a shuffled order,
 * as in the samples (review ids are not sorted in a dump). */
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <zlib.h>

#define LISTINGS_PER_SCALE 500000.0
#define SLOTS 64            /* review slots per listing (review id space) */
#define QSLOTS 8            /* question slots per listing */
#define OUTBUF (1u << 20)   /* bytes buffered before each gzwrite */

/* ---- random numbers: every value is a hash of what it describes ---- */

static uint64_t seed_g;

static uint64_t mix64(uint64_t x)
{
	x ^= x >> 30;
	x *= 0xbf58476d1ce4e5b9ULL;
	x ^= x >> 27;
	x *= 0x94d049bb133111ebULL;
	x ^= x >> 31;
	return x;
}

typedef struct rng {
	uint64_t s; /* splitmix64 state */
} rng;

static void rng_init(rng *r, uint64_t kind, uint64_t a, uint64_t b)
{
	r->s = mix64(seed_g ^ mix64(kind * 0x9e3779b97f4a7c15ULL ^ mix64(a * 31 + b)));
}

static uint64_t rng_next(rng *r)
{
	r->s += 0x9e3779b97f4a7c15ULL;
	return mix64(r->s);
}

static unsigned rng_below(rng *r, unsigned n)
{
	return (unsigned)(rng_next(r) % n);
}

static double rng_unit(rng *r)
{
	return (double)(rng_next(r) >> 11) / 9007199254740992.0;
}

static int rng_chance(rng *r, double p)
{
	return rng_unit(r) < p;
}

/* Pick an index from cumulative-free integer weights. */
static unsigned rng_weighted(rng *r, const unsigned *w, unsigned n)
{
	unsigned i, total = 0, x;
	for (i = 0; i < n; i++)
		total += w[i];
	x = rng_below(r, total);
	for (i = 0; i < n; i++) {
		if (x < w[i])
			return i;
		x -= w[i];
	}
	return n - 1;
}

#define PICK(r, arr) ((arr)[rng_below((r), sizeof(arr) / sizeof((arr)[0]))])
#define NELEM(arr) (sizeof(arr) / sizeof((arr)[0]))

/* ---- buffered gzip CSV writer ---- */

typedef struct out {
	gzFile gz;
	char *buf;
	size_t len;
	unsigned long long rows;       /* data rows */
	unsigned long long bytes;      /* uncompressed bytes */
	unsigned long long text_bytes; /* bytes of free-text fields (FTS input) */
	const char *path;
} out;

static void die(const char *what, const char *path)
{
	fprintf(stderr, "gencorpus: %s '%s': %s\n", what, path, strerror(errno));
	exit(1);
}

static void out_flush(out *o)
{
	if (o->len && gzwrite(o->gz, o->buf, (unsigned)o->len) != (int)o->len)
		die("cannot write", o->path);
	o->bytes += o->len;
	o->len = 0;
}

static void out_add(out *o, const char *s, size_t n)
{
	if (o->len + n > OUTBUF)
		out_flush(o);
	memcpy(o->buf + o->len, s, n);
	o->len += n;
}

static void out_str(out *o, const char *s)
{
	out_add(o, s, strlen(s));
}

/* A CSV field, quoted when it needs to be (RFC 4180). */
static void out_field(out *o, const char *s, size_t n)
{
	size_t i;
	if (!memchr(s, ',', n) && !memchr(s, '"', n) && !memchr(s, '\n', n) &&
	    !memchr(s, '\r', n)) {
		out_add(o, s, n);
		return;
	}
	out_add(o, "\"", 1);
	for (i = 0; i < n; i++) {
		if (s[i] == '"')
			out_add(o, "\"", 1);
		out_add(o, s + i, 1);
	}
	out_add(o, "\"", 1);
}

static void out_open(out *o, const char *dir, const char *name, int level)
{
	static char path[3][4096];
	static int n;
	char mode[8];
	char *p = path[n++ % 3];
	snprintf(p, sizeof path[0], "%s/%s", dir, name);
	snprintf(mode, sizeof mode, "wb%d", level);
	memset(o, 0, sizeof *o);
	o->path = p;
	o->gz = gzopen(p, mode);
	if (!o->gz)
		die("cannot create", p);
	gzbuffer(o->gz, 512 * 1024);
	o->buf = malloc(OUTBUF);
	if (!o->buf)
		die("out of memory for", p);
}

static void out_close(out *o, FILE *manifest, const char *name)
{
	out_flush(o);
	if (gzclose(o->gz) != Z_OK)
		die("cannot close", o->path);
	free(o->buf);
	fprintf(manifest, "%s rows=%llu bytes=%llu text_bytes=%llu\n", name, o->rows, o->bytes,
		o->text_bytes);
}

/* A small growable text for one field. */
typedef struct text {
	char b[8192];
	size_t n;
} text;

static void t_add(text *t, const char *s)
{
	size_t n = strlen(s);
	if (t->n + n >= sizeof t->b)
		n = sizeof t->b - 1 - t->n;
	memcpy(t->b + t->n, s, n);
	t->n += n;
	t->b[t->n] = 0;
}

static void t_addf(text *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void t_addf(text *t, const char *fmt, ...)
{
	va_list ap;
	int n;
	va_start(ap, fmt);
	n = vsnprintf(t->b + t->n, sizeof t->b - t->n, fmt, ap);
	va_end(ap);
	if (n > 0)
		t->n += (size_t)n < sizeof t->b - t->n ? (size_t)n : sizeof t->b - 1 - t->n;
}

/* ---- reference pools (drawn from the samples, widened) ---- */

typedef struct device {
	const char *brand, *name, *global_mn, *cn_mn;
} device;

static const device devices[] = {
	{"Xiaomi", "Xiaomi 14 Ultra", "24031PN0DG", "24031PN0DC"},
	{"Xiaomi", "Redmi Note 13 Pro+ 5G", "23090RA98G", "23090RA98C"},
	{"POCO", "POCO X6 Pro 5G", "2311DRK48G", "23122RKC6C"},
	{"POCO", "POCO F5", "23049PCD8G", "23013RK75C"},
	{"Xiaomi", "Redmi Note 12 5G", "22111317G", "22101317C"},
	{"Xiaomi", "Xiaomi 13T Pro", "23078PND5G", "23078RKD5C"},
	{"Xiaomi", "Redmi 13C", "23100RN82L", "23106RN0DA"},
	{"Xiaomi", "Redmi Note 13 4G", "23129RAA4G", "23124RA7EO"},
	{"POCO", "POCO M6 Pro", "2312FPCA6G", "23117RA68C"},
	{"Xiaomi", "Xiaomi 12T", "22071212AG", "22081212C"},
	{"Xiaomi", "Redmi K70", "2311DRK48G", "23113RKC6C"},
	{"Xiaomi", "Xiaomi Mi 11 Lite 5G NE", "2109119DG", "2109119DC"},
};

static const char *const claims_global[] = {
	"Global Version", "【Global Version】", "Global Ver.", "International Version",
	"Global Version Official", "GLOBAL VERSION", "Versión Global", "Global Version ROM",
};
static const char *const claims_other[] = {
	"Global ROM", "China Version", "CN Version Global ROM", "", "Chinese Version Multi Language",
};
static const char *const title_extras[] = {
	"Mobile Phone 120Hz AMOLED", "Smartphone 5000mAh", "67W Fast Charging IP68",
	"Snapdragon NFC", "200MP Camera 5000mAh", "Dimensity Smartphone 5000mAh",
	"NFC 108MP Camera", "Octa Core 6.67\" Display", "Unlocked Cellphone Dual SIM",
};
static const unsigned rams[] = {4, 6, 8, 12, 16};
static const unsigned roms[] = {64, 128, 256, 512, 1024};

static const char *const markets[] = {"US", "AU", "GB", "DE", "CA", "FR", "NL", "IT", "BR",
				      "RU", "PL", "ES"};
static const unsigned market_w[] = {55, 41, 37, 29, 21, 20, 18, 16, 15, 15, 14, 12};
static const unsigned country_w[] = {325, 453, 312, 211, 158, 121, 120, 120, 103, 95, 115, 117};

static const char *const band_global[] = {
	"2G: GSM 850/900/1800/1900; 3G: WCDMA B1/2/4/5/8; 4G: FDD-LTE B1/2/3/4/5/7/8/12/13/17/20/26/28/66, TDD-LTE B38/40/41; 5G: n1/3/5/7/8/20/28/38/40/41/77/78",
	"2G: GSM 850/900/1800/1900\n3G: WCDMA B1/4/5/8\nLTE-FDD:B1/B2/B3/B4/B5/B7/B8/B12/B13/B17/B18/B19/B20/B26/B28/B32/B66 LTE-TDD:B38/B40/B41/B42/B48\n5G: n1/n3/n5/n7/n8/n20/n28/n38/n40/n41/n77/n78",
	"LTE FDD: 1/2/3/4/5/7/8/18/19/20/26/28/66; LTE TDD: 38/40/41/42/48",
	"4G LTE: Band 1, 3, 5, 7, 8, 20, 28",
	"FDD B1 B3 B5 B7 B8 B20 B28 TDD B38 B40 B41",
	"2G: GSM 850/900/1800/1900 | 3G: WCDMA B1/2/4/5/8 | 4G: FDD-LTE B1/2/3/4/5/7/8/12/13/17/18/19/20/26/28/32/66, TDD-LTE B38/40/41 | 5G: n1/n3/n5/n7/n8/n20/n28/n38/n40/n41/n66/n77/n78",
	"4G: 700/800/850/900/1800/2100/2600MHz",
	"LTE-FDD:B1/B3/B5/B7/B8/B20/B28A/B28B LTE-TDD:B38/B40/B41",
};
static const char *const band_china[] = {
	"2G: GSM 850/900/1800/1900; 3G: WCDMA B1/2/5/8; 4G: FDD-LTE B1/3/4/5/8/18/19/26, TDD-LTE B34/38/39/40/41; 5G: n1/3/5/8/28/41/77/78",
	"LTE-FDD:B1/B3/B5/B8 LTE-TDD:B34/B38/B39/B40/B41",
	"LTE FDD: 1/3/4/5/8/18/19/26; LTE TDD: 34/38/39/40/41",
	"4G LTE: Band 1, 3, 5, 8, 34, 38, 39, 40, 41",
	"FDD B1 B3 B4 B5 B8 B18 B19 B26 TDD B34 B38 B39 B40 B41",
};
static const char *const certs[] = {"CE,FCC", "CE", "CE,RoHS", "FCC", "CE,FCC,RoHS", "3C"};
static const char *const spec_seps[] = {" | ", "; ", "\n", " | ", "; "};
static const char *const descriptions[] = {
	"Ships from China. Customs duties are paid by the buyer.",
	"Brand new sealed box. Fast shipping.",
	"",
	"100% original. 1 year warranty.",
	"<p>Free shipping, <b>fast delivery</b>.</p><br>Contact us for any question.",
	"Supports Google Play, multi-language. Please check the bands with your carrier before ordering.",
	"EU plug adapter included.",
	"Stock in Spain, delivery 3-7 days; VAT included.",
};
static const char *const store_pre[] = {"Top", "Star", "Global", "Mi", "Best", "Smart", "Xiaomi Global", "Shop", "Phone"};
static const char *const store_kind[] = {"Digital Store", "Mobile Store", "Global Phone Store", "Official Store", "Electronic Store", "Store", "Tech Store"};

/* Review sentences. Placeholders: %b LTE band (B28), %n band number, %p
 * place, %c carrier, %f China firmware, %g global firmware. */
static const char *const rv_generic_en[] = {
	"Check bands before buying!", "Nice design.", "Disappointed.", "Phone arrived quickly.",
	"Camera is amazing for the price.", "Battery lasts two days, very happy.",
	"Charger had the wrong plug, used an adapter.", "Fast delivery, phone works great.",
	"Good value for money.", "Screen is beautiful, camera ok.", "Arrived in 12 days.",
	"All good so far.", "Box was a bit damaged but the phone is fine.",
	"Excellent seller, recommended.", "Thanks!", "5 stars", "Seller answered, fast.",
	"Packaging was good, screen protector already applied.",
	"Took 3 weeks to arrive but the phone is really good for this price, no complaints at all.",
	"I use it every day for WhatsApp, photos and maps; battery easily lasts until the evening.",
};
static const char *const rv_generic_xx[] = {
	"Alles bestens, gerne wieder.", "Super Handy, schnelle Lieferung.",
	"Tutto perfetto, consigliato.", "Ottimo telefono, spedizione veloce.",
	"Świetny telefon, szybka dostawa.", "Bon rapport qualité prix.",
	"Muy buen teléfono, llegó rápido.", "Tudo certo, recomendo o vendedor.",
	"Todo perfecto, recomendado.", "Très bon téléphone, livraison rapide.",
	"Produto excelente, chegou rápido.", "Conforme à la description.",
	"Всё пришло целое, спасибо продавцу.", "La batería dura mucho.",
	"Отличный телефон, быстрая доставка.", "Bateria muito boa.", "Polecam sprzedawcę.",
	"Wszystko zgodne z opisem.", "Камера хорошая, батарея держит долго.",
	"手机很好，物流很快。", "画面がきれいです。", "배송 빠르고 좋아요.",
};
static const char *const rv_emoji[] = {"👍", "😡", "🔥🔥", "❤️", "👌😊", "📱✨"};
static const char *const rv_complaint[] = {
	"3G only.", "Returned it.", "Only 3G in the subway but fine outside.",
	"Seller said global version but it is chinese hardware.",
	"This is not the global version.", "3G only outside the city, %b missing.",
	"China version with global rom flashed.", "No 4G where my old phone had it, %b not supported.",
	"Stuck on H+ most of the time, no %b.", "Nur 3G, kein LTE bei %c.",
	"Drops to 3G in the countryside, no band %n.", "Kein Band %n, nur 3G auf dem Land.",
	"Das ist keine Global Version.", "Only 3G in %p, no 4G at all.",
	"Solo 3G, niente 4G con %c.", "Manca la banda %n, solo 3G.", "Que la 3G, pas de 4G avec %c.",
	"No LTE on %c in %p.", "Brak pasma %n, tylko 3G.", "Pas de bande %n, que la 3G.",
	"No tiene banda %n, solo 3G.", "No es versión global, es china con ROM global.",
	"To nie jest wersja globalna.", "Tylko 3G, nie łapie LTE.", "Нет 4G, только 3G, нет %b.",
	"Solo 3G, no agarra 4G en %p.",
};
static const char *const rv_negated[] = {
	"I was worried about the 3G only reviews but LTE is perfect here.",
	"Pega 4G normal, versão global original.", "LTE läuft einwandfrei, echte Global Version.",
	"4G ловит отлично, версия глобальная.", "La 4G marche bien, vraie version globale.",
	"Il 4G funziona benissimo, versione globale.", "4G works fine on %c, not 3G only as one review said.",
	"Agarra 4G perfecto, versión global original.", "No 4G for a day, %c had an outage.",
};
static const char *const rv_fw_cn[] = {
	"Firmware %f, china rom, had to install google myself.",
	"Came with %f, so it is a China ROM.",
	"Fake global rom, version V14.0.8.0.0, updater says no updates.",
	"Weird ROM with ads everywhere, looks like a Vietnamese ROM.",
};
static const char *const rv_fw_global[] = {
	"Running %g, no problems.", "Updated to %g over the air, all good.",
};
static const char *const bands_key[] = {"B20", "B28", "B7", "B4", "B13", "B12", "B2", "B3"};
static const char *const places[] = {"the countryside", "my town", "Toowoomba", "Bendigo",
				     "Ballarat", "Cornwall", "northern Ontario", "upstate New York",
				     "Brandenburg", "Teruel", "Łódź", "Новосибирск"};
static const char *const carriers[] = {"Telstra", "Optus", "Vodafone", "Three", "O2", "Telekom",
				       "Rogers", "Verizon", "AT&T", "T-Mobile", "TIM", "WindTre",
				       "Orange", "Bouygues", "Movistar", "МТС"};
static const char *const fw_codes[] = {"TNR", "UKB", "VMR", "WNA", "TLD", "WOP", "UMP"};

static const char *const q_pool[] = {
	"Does it have band 20?", "Is it global version or china version?",
	"Is this the genuine Global Version hardware or Chinese hardware with Global ROM?",
	"Does it support B28? I'm in Australia.", "Will it work with %c 4G?",
	"Does it come with an EU plug?", "Does it have Google Play and English language?",
	"How many days to deliver to %p?", "Is NFC working for Google Pay in Europe, \"yes\" or \"no\"?",
};
static const char *const a_pool[] = {
	"Yes, Global Version.", "Yes it is global version.",
	"It is China version hardware with Global ROM, it has no B20/B28. Please check your carrier.",
	"It is Global Version (%g model), works with %c.",
	"Yes dear, global version hardware, B1/B3/B7/B8/B20/B28 supported.",
	"Don't worry, you will like it.", "Dear friend, it supports Google Play and all languages.",
	"This is CN version flashed with global ROM, 4G bands B1/B3/B4/B5/B8/B18/B19/B26/B28/B66 only.",
	"Hello, please contact us,\nwe will check with the factory and reply soon.",
	"Yes, it is the original Global Version, supports B1/B3/B7/B8/B20/B28.",
};

/* ---- per-listing facts (pure functions of seed and index) ---- */

typedef struct listing {
	unsigned long long id;
	unsigned seller;
	int device;
	int claim_global;  /* the title claims a Global Version */
	int mislabelled;   /* China hardware behind a global claim */
	unsigned market;
	unsigned nreviews; /* night-1 reviews (slots 0..nreviews-1) */
	unsigned nqa;      /* night-1 questions */
} listing;

static unsigned long long nlistings; /* night-1 listings */
static unsigned long long nsellers;

static void listing_get(unsigned long long i, listing *l)
{
	rng r;
	double u;
	rng_init(&r, 1, i, 0);
	l->id = 1005005000000000ULL + i * 7 + rng_below(&r, 7);
	u = rng_unit(&r);
	l->seller = (unsigned)(u * u * (double)nsellers); /* a few big sellers */
	l->device = (int)rng_below(&r, NELEM(devices));
	l->claim_global = rng_chance(&r, 0.8);
	l->mislabelled = l->claim_global && rng_chance(&r, 0.2);
	l->market = rng_weighted(&r, market_w, NELEM(market_w));
	/* geometric, mean ~7.7 reviews per listing as in the samples */
	u = floor(-log(1.0 - rng_unit(&r)) * 8.2);
	l->nreviews = u > SLOTS - 4 ? SLOTS - 4 : (unsigned)u;
	u = rng_unit(&r);
	l->nqa = u < 0.35 ? 0 : u < 0.7 ? 1 : u < 0.9 ? 2 : 3;
}

static int listing_rescraped(unsigned long long i)
{
	return mix64(seed_g ^ (i * 0x51ed27ULL) ^ 0xabcdef) % 10 == 0;
}

/* Date "2026-MM-DD" for a day offset from 2026-08-01 (0..121). */
static void day_str(char *buf, size_t n, unsigned off)
{
	static const unsigned mdays[] = {31, 30, 31, 30, 31};
	unsigned m = 0;
	while (m < 4 && off >= mdays[m])
		off -= mdays[m++];
	snprintf(buf, n, "2026-%02u-%02u", 8 + m, off + 1);
}

/* Append s with its placeholders expanded. */
static void expand(text *t, rng *r, const char *s)
{
	const char *p;
	for (p = s; *p; p++) {
		if (*p != '%' || !p[1]) {
			if (t->n + 1 < sizeof t->b) {
				t->b[t->n++] = *p;
				t->b[t->n] = 0;
			}
			continue;
		}
		switch (*++p) {
		case 'b': t_add(t, PICK(r, bands_key)); break;
		case 'n': t_add(t, PICK(r, bands_key) + 1); break;
		case 'p': t_add(t, PICK(r, places)); break;
		case 'c': t_add(t, PICK(r, carriers)); break;
		case 'f':
			t_addf(t, "OS%u.0.%u.0.%sCNXM", 1 + rng_below(r, 3), rng_below(r, 40),
			       PICK(r, fw_codes));
			break;
		case 'g':
			t_addf(t, "OS%u.0.%u.0.%sMIXM", 1 + rng_below(r, 3), rng_below(r, 40),
			       PICK(r, fw_codes));
			break;
		default: t_add(t, "%"); break;
		}
	}
}

/* ---- rows ---- */

static void emit_listing(out *o, unsigned long long i, int night)
{
	const listing *l;
	listing L;
	rng r;
	text t;
	char buf[256];
	const device *d;
	unsigned sep, k;
	int changed_title;
	double price;

	listing_get(i, &L);
	l = &L;
	d = &devices[l->device];
	rng_init(&r, 2, i, 0);
	changed_title = night == 2 && i < nlistings && rng_chance(&r, 0.25);

	snprintf(buf, sizeof buf, "%llu,%u,", l->id, 900000000u + (unsigned)((l->seller * 7919ULL) % 99999999ULL));
	out_str(o, buf);
	t.n = 0;
	t_addf(&t, "%s%u %s", store_pre[l->seller % NELEM(store_pre)], 100 + l->seller % 900,
	       store_kind[(l->seller / 7) % NELEM(store_kind)]);
	out_field(o, t.b, t.n);
	out_add(o, ",", 1);

	{
		const char *claim = l->claim_global ? PICK(&r, claims_global) : PICK(&r, claims_other);
		if (changed_title && l->claim_global)
			claim = "Global ROM";
		t.n = 0;
		if (rng_chance(&r, 0.5))
			t_addf(&t, "%s %s %uGB %uGB %s", d->name, claim, PICK(&r, rams),
			       PICK(&r, roms), PICK(&r, title_extras));
		else
			t_addf(&t, "%s %uGB %uGB %s %s", d->name, PICK(&r, rams), PICK(&r, roms),
			       claim, PICK(&r, title_extras));
	}
	out_field(o, t.b, t.n);

	price = 89.0 + rng_unit(&r) * 1200.0;
	if (night == 2)
		price *= 0.9 + 0.2 * rng_unit(&r);
	snprintf(buf, sizeof buf, ",%.2f,%s,%s,2026-11-%02uT%02u:%02u:00Z,"
		 "https://www.aliexpress.com/item/%llu.html,",
		 price, rng_chance(&r, 0.9) ? "USD" : "EUR", markets[l->market], night == 1 ? 20 : 21,
		 rng_below(&r, 6), rng_below(&r, 60), l->id);
	out_str(o, buf);

	t.n = 0;
	sep = rng_below(&r, NELEM(spec_seps));
	t_addf(&t, "Brand Name: %s%sModel Number: %s", d->brand, spec_seps[sep],
	       rng_chance(&r, 0.4) ? d->name : l->mislabelled ? d->cn_mn : d->global_mn);
	if (l->claim_global && rng_chance(&r, 0.7))
		t_addf(&t, "%sVersion: Global Version", spec_seps[sep]);
	t_addf(&t, "%sCellular: GSM/WCDMA/LTE/NR", spec_seps[sep]);
	if (rng_chance(&r, 0.75))
		t_addf(&t, "%sNetwork Frequency: %s", spec_seps[sep],
		       l->mislabelled && rng_chance(&r, 0.7) ? PICK(&r, band_china)
							     : PICK(&r, band_global));
	t_addf(&t, "%sCertification: %s", spec_seps[sep], PICK(&r, certs));
	if (rng_chance(&r, 0.1))
		for (k = rng_below(&r, 6); k > 0; k--)
			t_addf(&t, "%sFeature %u: %s", spec_seps[sep], k, PICK(&r, title_extras));
	out_field(o, t.b, t.n);
	out_add(o, ",", 1);
	t.n = 0;
	t_add(&t, PICK(&r, descriptions));
	if (rng_chance(&r, 0.05))
		t_addf(&t, " Bands: %s", l->mislabelled ? band_china[0] : band_global[0]);
	out_field(o, t.b, t.n);
	out_add(o, "\n", 1);
	o->rows++;
}

static void emit_review(out *o, const listing *l, unsigned long long i, unsigned k)
{
	rng r;
	text t;
	char buf[128];
	unsigned target, lang;
	double p_complaint;
	int complaint = 0;

	rng_init(&r, 3, i, k);
	/* target length: 40 + exponential, mean ~225 bytes once sentences overshoot */
	target = 40 + (unsigned)(-log(1.0 - rng_unit(&r)) * 160.0);
	if (target > 4000)
		target = 4000;
	lang = rng_below(&r, 100);
	p_complaint = l->mislabelled ? 0.35 : 0.06;
	t.n = 0;
	t.b[0] = 0;
	while (t.n < target) {
		unsigned x = rng_below(&r, 1000);
		if (t.n) {
			unsigned s = rng_below(&r, 1000);
			t_add(&t, s < 10 ? "\n" : s < 13 ? "\r\n" : s < 18 ? "\n\n" : " ");
		}
		if (!complaint && x < p_complaint * 1000 / 3) {
			expand(&t, &r, PICK(&r, rv_complaint));
			complaint = 1;
		} else if (x >= 900 && x < 915) {
			expand(&t, &r, PICK(&r, rv_negated));
		} else if (x >= 915 && x < 922) {
			expand(&t, &r, l->mislabelled ? PICK(&r, rv_fw_cn) : PICK(&r, rv_fw_global));
		} else if (x >= 922 && x < 926) {
			t_add(&t, rng_chance(&r, 0.5) ? "\"ok\""
						      : "Works as described, the \"global\" sticker was on the box.");
		} else if (x >= 926 && x < 940) {
			t_add(&t, PICK(&r, rv_emoji));
		} else if (x >= 940 || lang < 30) {
			t_add(&t, PICK(&r, rv_generic_xx));
		} else {
			const char *s = PICK(&r, rv_generic_en);
			size_t start = t.n;
			t_add(&t, s);
			if (rng_chance(&r, 0.08) && t.b[start] >= 'A' && t.b[start] <= 'Z')
				t.b[start] = (char)(t.b[start] - 'A' + 'a');
		}
	}
	snprintf(buf, sizeof buf, "%llu,%llu,%u,%s,", 60010000000000ULL + i * SLOTS + k, l->id,
		 complaint ? 1 + rng_below(&r, 3) : 5 - rng_weighted(&r, (const unsigned[]){52, 20, 18, 7, 3}, 5),
		 rng_chance(&r, 0.02) ? "" : markets[rng_weighted(&r, country_w, NELEM(country_w))]);
	out_str(o, buf);
	day_str(buf, sizeof buf, rng_below(&r, 100));
	out_str(o, buf);
	out_add(o, ",", 1);
	out_field(o, t.b, t.n);
	out_add(o, "\n", 1);
	o->rows++;
	o->text_bytes += t.n;
}

static void emit_qa(out *o, const listing *l, unsigned long long i, unsigned k, int night)
{
	rng r;
	text q, a;
	char buf[128];
	int answered;

	rng_init(&r, 4, i, k);
	q.n = a.n = 0;
	q.b[0] = a.b[0] = 0;
	expand(&q, &r, PICK(&r, q_pool));
	answered = rng_chance(&r, 0.88);
	expand(&a, &r, PICK(&r, a_pool));
	if (!answered && night == 2 && i < nlistings && rng_chance(&r, 0.5))
		answered = 1; /* the reply came in since night 1 */
	snprintf(buf, sizeof buf, "qa-%llu,%llu,", 7000000ULL + i * QSLOTS + k, l->id);
	out_str(o, buf);
	day_str(buf, sizeof buf, 60 + rng_below(&r, 30));
	out_str(o, buf);
	out_add(o, ",", 1);
	out_field(o, q.b, q.n);
	out_add(o, ",", 1);
	if (answered) {
		out_field(o, a.b, a.n);
		day_str(buf, sizeof buf, 92 + rng_below(&r, 19));
		out_add(o, ",", 1);
		out_str(o, buf);
		o->text_bytes += a.n;
	} else {
		out_add(o, ",", 1);
	}
	out_add(o, "\n", 1);
	o->rows++;
	o->text_bytes += q.n;
}

/* A bijection on [0, n): the rows of a dump come in no useful order. */
static unsigned long long shuffle(unsigned long long x, unsigned long long n)
{
	static const unsigned long long mult = 2654435761ULL; /* prime, > any n used */
	return (x * mult + 12345) % n;
}

/* Listings scraped this night: [0, nlistings) on night 1; on night 2 the
 * re-scraped tenth of those plus [nlistings, total) new ones. */
static int in_night(unsigned long long i, int night)
{
	return night == 1 ? i < nlistings : (i >= nlistings || listing_rescraped(i));
}

/* Slot k of listing i is a review this night. */
static int review_in_night(const listing *l, unsigned long long i, unsigned k, int night)
{
	if (k < l->nreviews)
		return 1;
	if (night == 2 && i < nlistings && k < SLOTS)
		return k < l->nreviews + (unsigned)(mix64(seed_g ^ i ^ 0x77) % 3);
	return 0;
}

/* mkdir -p */
static void mkdir_p(const char *dir)
{
	char p[4096], *q;
	snprintf(p, sizeof p, "%s", dir);
	for (q = p + 1; *q; q++) {
		if (*q != '/')
			continue;
		*q = 0;
		if (mkdir(p, 0777) < 0 && errno != EEXIST)
			die("cannot create", p);
		*q = '/';
	}
	if (mkdir(p, 0777) < 0 && errno != EEXIST)
		die("cannot create", p);
}

static int usage(int status)
{
	fprintf(status ? stderr : stdout,
		"usage: gencorpus [--scale F] [--seed N] [--night 1|2] [--level 1-9] --out DIR\n");
	return status;
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"scale", required_argument, NULL, 's'}, {"seed", required_argument, NULL, 'S'},
		{"night", required_argument, NULL, 'n'}, {"out", required_argument, NULL, 'o'},
		{"level", required_argument, NULL, 'l'}, {"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	double scale = 1.0;
	unsigned long long seed = 1, total, i, s, slots;
	int night = 1, level = 1, c;
	const char *dir = NULL;
	char *end, path[4096];
	out lo, ro, qo;
	FILE *manifest;
	unsigned char *nrev;

	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (c) {
		case 's':
			scale = strtod(optarg, &end);
			if (*end || scale <= 0 || scale > 50)
				return fprintf(stderr, "gencorpus: bad --scale '%s'\n", optarg), 2;
			break;
		case 'S':
			seed = strtoull(optarg, &end, 10);
			if (*end)
				return fprintf(stderr, "gencorpus: bad --seed '%s'\n", optarg), 2;
			break;
		case 'n':
			night = (int)strtol(optarg, &end, 10);
			if (*end || (night != 1 && night != 2))
				return fprintf(stderr, "gencorpus: bad --night '%s'\n", optarg), 2;
			break;
		case 'l':
			level = (int)strtol(optarg, &end, 10);
			if (*end || level < 1 || level > 9)
				return fprintf(stderr, "gencorpus: bad --level '%s'\n", optarg), 2;
			break;
		case 'o': dir = optarg; break;
		case 'h': return usage(0);
		default: return usage(2);
		}
	}
	if (!dir || optind != argc)
		return usage(2);
	mkdir_p(dir);

	seed_g = mix64(seed + 0x1234567);
	nlistings = (unsigned long long)(scale * LISTINGS_PER_SCALE + 0.5);
	if (nlistings < 20)
		nlistings = 20;
	nsellers = nlistings / 8 < 40 ? 40 : nlistings / 8;
	total = night == 1 ? nlistings : nlistings + nlistings / 10;

	snprintf(path, sizeof path, "%s/manifest.txt", dir);
	manifest = fopen(path, "w");
	if (!manifest)
		die("cannot create", path);
	fprintf(manifest, "scale=%g seed=%llu night=%d listings=%llu\n", scale, seed, night,
		nlistings);

	out_open(&lo, dir, "listings.csv.gz", level);
	out_str(&lo, "listing_id,seller_id,seller_name,title,price,currency,market,scraped_at,url,specs,description\n");
	for (s = 0; s < total; s++) {
		i = shuffle(s, total);
		if (in_night(i, night))
			emit_listing(&lo, i, night);
	}
	out_close(&lo, manifest, "listings.csv.gz");

	/* Review count per listing, cached: the review pass visits every slot. */
	nrev = malloc(total);
	if (!nrev)
		die("out of memory for", dir);
	for (i = 0; i < total; i++) {
		listing l;
		listing_get(i, &l);
		nrev[i] = (unsigned char)l.nreviews;
	}
	out_open(&ro, dir, "reviews.csv.gz", level);
	out_str(&ro, "review_id,listing_id,rating,country,created_at,text\n");
	slots = total * SLOTS;
	for (s = 0; s < slots; s++) {
		unsigned long long p = shuffle(s, slots);
		unsigned k = (unsigned)(p % SLOTS);
		listing l;
		i = p / SLOTS;
		if (k >= nrev[i] + 3u || !in_night(i, night))
			continue;
		listing_get(i, &l);
		if (review_in_night(&l, i, k, night))
			emit_review(&ro, &l, i, k);
	}
	out_close(&ro, manifest, "reviews.csv.gz");
	free(nrev);

	out_open(&qo, dir, "qa.csv.gz", level);
	out_str(&qo, "qa_id,listing_id,asked_at,question,answer,answered_at\n");
	slots = total * QSLOTS;
	for (s = 0; s < slots; s++) {
		unsigned long long p = shuffle(s, slots);
		unsigned k = (unsigned)(p % QSLOTS);
		listing l;
		i = p / QSLOTS;
		if (!in_night(i, night))
			continue;
		listing_get(i, &l);
		if (k < l.nqa)
			emit_qa(&qo, &l, i, k, night);
	}
	out_close(&qo, manifest, "qa.csv.gz");

	if (fclose(manifest) != 0)
		die("cannot write", path);
	return 0;
}
