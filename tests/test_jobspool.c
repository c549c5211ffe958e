/* test_jobspool.c: the price pass's band lists, kept for the listing phase
 * (analyze/jobspool.h), and the packed form they are kept in. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "analyze/jobspool.h"
#include "analyze/listing_job.h"

static registry *reg;
static weights w;
static markets mk;
static listing_ref ref;

static void load(void)
{
	gv_error err = {0};

	reg = registry_new("schemas", &err);
	cr_assert(reg, "registry_new: %s", err.msg);
	cr_assert_eq(weights_load(&w, "schemas", &err), 0, "weights_load: %s", err.msg);
	cr_assert_eq(markets_load(&mk, "schemas", &err), 0, "markets_load: %s", err.msg);
	ref.reg = reg;
	ref.w = &w;
	ref.mk = &mk;
}

static void unload(void)
{
	registry_free(reg);
	weights_release(&w);
	markets_release(&mk);
}

/* Listings as the price pass and the listing phase see them, in
 * listing_id order. */
static const struct {
	const char *id, *title, *specs, *description;
} rows[] = {
	{"L1", "Xiaomi Redmi Note 12 Pro 5G Global Version 8GB 256GB",
	 "Model Number: 22101316G\nNetwork: 4G: FDD-LTE B1/2/3/4/5/7/8/20/28/66", NULL},
	{"L2", "Xiaomi 14 China Version 12GB 512GB Global ROM",
	 "LTE FDD: 1/3/5/8 LTE TDD: 34/38/39/40/41", "国行 with Google Play"},
	{"L3", "POCO X6 Pro 5G 8+256", NULL, "Bands: 700/800/2600MHz, n78"},
	{"L4", "Redmi 13C", NULL, NULL},
	{"L5", "Xiaomi 13T Versión Global 12GB 256GB", "Band 1, 3, 5, 7, 8, 20, 28, 38, 40, 41",
	 "Versión global. No es la versión China."},
};
#define NROWS (sizeof rows / sizeof rows[0])

static void job_of(listing_job *j, size_t i)
{
	listing_job_init(j);
	j->in.listing_id = rows[i].id;
	j->in.title = rows[i].title;
	j->in.specs = rows[i].specs;
	j->in.description = rows[i].description;
	j->in.market = "AU";
	j->currency = "USD";
	j->has_price = 1;
	j->price = 199;
}

static void expect_same_analysis(listing_job *a, listing_job *b, const char *id)
{
	size_t k;

	cr_expect_eq(a->cl.kind, b->cl.kind, "%s", id);
	cr_expect_eq(a->cl.says_china, b->cl.says_china, "%s", id);
	cr_expect_eq(a->cl.says_global_rom, b->cl.says_global_rom, "%s", id);
	cr_expect_str_eq(a->cl.excerpt, b->cl.excerpt, "%s", id);
	cr_expect_eq(memcmp(&a->b, &b->b, sizeof a->b), 0, "%s: band lists differ", id);
	cr_expect_str_eq(a->lte, b->lte, "%s", id);
	cr_expect_str_eq(a->nr, b->nr, "%s", id);
	cr_expect_eq(a->g, b->g, "%s", id);
	cr_expect_eq(a->ev.n, b->ev.n, "%s: evidence rows", id);
	for (k = 0; k < a->ev.n && k < b->ev.n; k++) {
		cr_expect_str_eq(a->ev.v[k].signal, b->ev.v[k].signal, "%s", id);
		cr_expect_str_eq(a->ev.v[k].excerpt, b->ev.v[k].excerpt, "%s", id);
	}
}

TestSuite(jobspool, .init = load, .fini = unload);

/* Every listing the price pass kept: the listing phase, from the spool,
 * finds what it finds working the listing out itself. L3 was not kept (a
 * listing queued after the price pass) and L6 is asked for though never
 * kept; the records around them still line up. */
Test(jobspool, listing_phase_from_the_spool_is_the_same)
{
	job_spool *s = job_spool_new(NULL);
	listing_job j, fresh;
	size_t i;

	cr_assert(s);
	for (i = 0; i < NROWS; i++) {
		if (i == 2)
			continue;
		job_of(&j, i);
		listing_job_price(&ref, &j);
		cr_expect_eq(j.pre, 1);
		job_spool_put(s, &j);
		listing_job_release(&j);
	}
	job_spool_rewind(s);
	for (i = 0; i < NROWS; i++) {
		job_of(&j, i);
		job_of(&fresh, i);
		cr_expect_eq(job_spool_take(s, &j), i != 2, "%s", rows[i].id);
		cr_expect_eq(j.pre, i != 2);
		listing_job_analyze(&ref, &j);
		listing_job_analyze(&ref, &fresh);
		expect_same_analysis(&j, &fresh, rows[i].id);
		listing_job_release(&j);
		listing_job_release(&fresh);
	}
	job_of(&j, 0);
	j.in.listing_id = "L6";
	cr_expect_eq(job_spool_take(s, &j), 0, "past the last record");
	cr_expect_eq(j.pre, 0);
	listing_job_release(&j);
	job_spool_free(s);
}

/* The band list the spool gives back is the one the price pass parsed
 * (L2: an LTE TDD list, China hardware, so no price reference), and the
 * listing phase reads it without parsing the text: here the text is gone
 * when the listing phase runs. */
Test(jobspool, band_list_comes_back)
{
	job_spool *s = job_spool_new(NULL);
	listing_job j;

	cr_assert(s);
	job_of(&j, 1);
	listing_job_price(&ref, &j);
	cr_expect_eq(j.reference, 0);
	job_spool_put(s, &j);
	listing_job_release(&j);
	job_spool_rewind(s);
	job_of(&j, 1);
	j.in.specs = j.in.description = NULL;
	cr_assert_eq(job_spool_take(s, &j), 1);
	listing_job_analyze(&ref, &j);
	cr_expect(j.b.lte[34] && j.b.lte[3] && !j.b.lte[20]);
	cr_expect_str_eq(j.lte, "B1 B3 B5 B8 B34 B38 B39 B40 B41");
	listing_job_release(&j);
	job_spool_free(s);
}

/* TMPDIR set to dir for the time of one job_spool_new(near). */
static job_spool *spool_with_tmpdir(const char *dir, const char *near)
{
	char *old = getenv("TMPDIR") ? strdup(getenv("TMPDIR")) : NULL;
	job_spool *s;

	setenv("TMPDIR", dir, 1);
	s = job_spool_new(near);
	if (old)
		setenv("TMPDIR", old, 1);
	else
		unsetenv("TMPDIR");
	free(old);
	return s;
}

/* No temporary file (neither the database's directory nor TMPDIR can
 * take one): no spool, and every call with it does nothing, so the
 * listing phase works everything out. */
Test(jobspool, no_temporary_file_means_no_spool)
{
	listing_job j;
	job_spool *s = spool_with_tmpdir("/nonexistent/gvaudit-test", "/nonexistent/db/x.db");

	cr_expect_null(s);
	job_of(&j, 0);
	job_spool_put(s, &j);
	job_spool_rewind(s);
	cr_expect_eq(job_spool_take(s, &j), 0);
	cr_expect_eq(j.pre, 0);
	listing_job_release(&j);
	job_spool_free(s);
}

/* A database directory that cannot take the file: the spool goes to
 * TMPDIR, and works. */
Test(jobspool, falls_back_to_tmpdir)
{
	listing_job j;
	job_spool *s = spool_with_tmpdir("/tmp", "/nonexistent/db/x.db");

	cr_assert(s);
	job_of(&j, 3);
	listing_job_price(&ref, &j);
	job_spool_put(s, &j);
	listing_job_release(&j);
	job_spool_rewind(s);
	job_of(&j, 3);
	cr_expect_eq(job_spool_take(s, &j), 1);
	listing_job_release(&j);
	job_spool_free(s);
}

/* bands_unpack(bands_pack(b)) == b, for band lists with every set used. */
Test(jobspool, packed_band_list_round_trips)
{
	static const char *const texts[] = {
		"4G: FDD-LTE B1/2/3/4/5/7/8/12/13/17/20/25/26/28/66/71\n5G: n1/n3/n5/n7/n28/n41/n77/n78",
		"WCDMA: B1/2/4/5/8 LTE: 700/800/2600MHz",
		"",
		"Band 255 n255 B254",
	};
	size_t i;

	for (i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		bands b, back;
		unsigned char packed[BANDS_PACKED];
		bands_init(&b);
		bands_parse(&b, texts[i], strlen(texts[i]));
		bands_pack(&b, packed);
		memset(&back, 0xA5, sizeof back);
		bands_unpack(&back, packed);
		cr_expect_eq(memcmp(&b, &back, sizeof b), 0, "text %zu", i);
	}
}
