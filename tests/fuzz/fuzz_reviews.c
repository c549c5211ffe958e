/* fuzz_reviews.c: the review classifier (analyze/reviews.c) with the real
 * lexicon: folding (fold.c), the Aho-Corasick matcher (matcher.c), sentence
 * and clause placement (lexicon.c), firmware strings. */
#include "analyze/reviews.h"
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

static lexicon lx;
static fw_regions fr;
static lx_scan scan;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	gv_error err;
	(void)argc;
	(void)argv;
	gv_error_clear(&err);
	if (lexicon_load(&lx, fuzz_datadir(), &err) < 0 || fw_regions_load(&fr, fuzz_datadir(), &err) < 0)
		fuzz_die(&err);
	lx_scan_init(&scan);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	review_result r;
	char *copy = xmalloc(size ? size : 1);

	memcpy(copy, data, size);
	reviews_classify(&lx, &fr, &scan, copy, size, &r);
	if (r.cls >= RV_NCLASSES || r.ex_start > r.ex_end || r.ex_end > size ||
	    !memchr(r.bands, '\0', sizeof r.bands))
		abort();
	(void)reviews_class_name(r.cls);
	free(copy);
	return 0;
}
