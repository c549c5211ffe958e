/* fuzz_firmware.c: MIUI / HyperOS version strings in free text
 * (analyze/firmware.c), with the real region table. */
#include "analyze/firmware.h"
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

static fw_regions regions;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	gv_error err;
	(void)argc;
	(void)argv;
	gv_error_clear(&err);
	if (fw_regions_load(&regions, fuzz_datadir(), &err) < 0)
		fuzz_die(&err);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fw_hit hits[8];
	char *copy = xmalloc(size ? size : 1);
	size_t n, i;

	memcpy(copy, data, size);
	n = firmware_scan(&regions, copy, size, hits, 8);
	if (n > 8)
		abort();
	for (i = 0; i < n; i++) {
		if (hits[i].start > hits[i].end || hits[i].end > size ||
		    memchr(hits[i].version, '\0', sizeof hits[i].version) == NULL ||
		    memchr(hits[i].region, '\0', sizeof hits[i].region) == NULL)
			abort();
		(void)firmware_branch_name(hits[i].branch);
	}
	n = firmware_scan(&regions, copy, size, hits, 1);
	free(copy);
	return 0;
}
