/* fuzz_claim.c: the claim of a listing (analyze/claim.c) from title, specs
 * and description: the input split at its first two 0x1F bytes. */
#include "analyze/claim.h"
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *p[3];
	claim_result r;

	fuzz_split(data, size, 0x1F, p, 3);
	claim_detect(p[0], p[1], p[2], &r);
	if (strlen(r.excerpt) > CLAIM_EXCERPT_MAX || !claim_name(r.kind))
		abort();
	claim_detect(p[0], NULL, NULL, &r);
	claim_detect(NULL, p[1], p[2], &r);
	free(p[0]);
	free(p[1]);
	free(p[2]);
	return 0;
}
