/* fuzz_bands.c: band lists as sellers write them (analyze/bands.c). The
 * input is parsed whole, then again split in three sources (title, specs,
 * description) merged into one set; the sets are formatted. */
#include "analyze/bands.h"
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	bands b;
	strbuf sb;
	char *copy = xmalloc(size ? size : 1);
	size_t third = size / 3;

	/* an exact-size heap copy: ASan sees any read past len */
	memcpy(copy, data, size);
	bands_init(&b);
	bands_parse(&b, copy, size);
	sb_init(&sb);
	bands_format_lte(&b, &sb, " ");
	bands_format_nr(&b, &sb, ";");
	bands_format_umts(&b, &sb, " ");
	bands_format_maybe(&b, &sb, " ");
	(void)bands_has_lte_list(&b);
	(void)bands_confidence_name(b.confidence);

	bands_init(&b);
	bands_parse(&b, copy, third);
	bands_parse(&b, copy + third, third);
	bands_parse(&b, copy + 2 * third, size - 2 * third);
	sb_reset(&sb);
	bands_format_lte(&b, &sb, "/");
	sb_release(&sb);
	free(copy);
	return 0;
}
