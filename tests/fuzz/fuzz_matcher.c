/* fuzz_matcher.c: folding (analyze/fold.c) and the Aho-Corasick matcher
 * (analyze/matcher.c) with phrases taken from the input: everything before
 * the first 0x1E is a list of phrases separated by 0x1F (a leading '*' makes
 * a stem), the rest is the text. Every match must lie inside the text and
 * equal its phrase once folded. */
#include "analyze/fold.h"
#include "analyze/matcher.h"
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAXPHRASES 64

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *rs = memchr(data, 0x1E, size);
	size_t plen = rs ? (size_t)(rs - data) : 0;
	const uint8_t *text = rs ? rs + 1 : data;
	size_t tn = rs ? size - plen - 1 : size;
	char *phr[MAXPHRASES];
	size_t phn[MAXPHRASES];
	int np = 0, i;
	size_t start = 0, k;
	matcher *m = matcher_new();
	folder f, ft;
	match_list ml;

	fold_init(&f);
	fold_init(&ft);
	for (k = 0; k <= plen && np < MAXPHRASES; k++) {
		if (k == plen || data[k] == 0x1F) {
			const uint8_t *p = data + start;
			size_t n = k - start;
			int flags = 0;
			if (n && p[0] == '*') {
				flags = MATCHER_STEM;
				p++, n--;
			}
			fold_text(&f, (const char *)p, n, FOLD_MASK_NUMBERS);
			if (f.len && matcher_add(m, f.out, f.len, np, flags) == 0) {
				phr[np] = xstrndup(f.out, f.len);
				phn[np] = f.len;
				np++;
			}
			start = k + 1;
		}
	}
	matcher_build(m);
	if (matcher_add(m, "x", 1, 0, 0) != -1)
		abort();
	match_list_init(&ml);
	{
		char *t = xmalloc(tn ? tn : 1);
		memcpy(t, text, tn);
		fold_text(&ft, t, tn, FOLD_MASK_NUMBERS);
		if (ft.map[ft.len] != tn)
			abort();
		for (k = 0; k < ft.len; k++)
			if (ft.map[k] > tn)
				abort();
		free(t);
	}
	matcher_scan(m, ft.out, ft.len, &ml);
	for (k = 0; k < ml.n; k++) {
		const match *mt = &ml.v[k];
		if (mt->id < 0 || mt->id >= np || mt->start > mt->end || mt->end > ft.len ||
		    mt->end - mt->start != phn[mt->id] ||
		    memcmp(ft.out + mt->start, phr[mt->id], phn[mt->id]) != 0)
			abort();
	}
	match_list_release(&ml);
	for (i = 0; i < np; i++)
		free(phr[i]);
	matcher_free(m);
	fold_release(&f);
	fold_release(&ft);
	return 0;
}
