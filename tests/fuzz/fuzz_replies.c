/* fuzz_replies.c: question kind and seller reply class (analyze/replies.c)
 * with the real lexicon; the input is question 0x1F answer (no 0x1F: no
 * answer). */
#include "analyze/replies.h"
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

static lexicon lx;
static lx_scan scan;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	gv_error err;
	(void)argc;
	(void)argv;
	gv_error_clear(&err);
	if (lexicon_load(&lx, fuzz_datadir(), &err) < 0)
		fuzz_die(&err);
	lx_scan_init(&scan);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	reply_result r;
	const uint8_t *sep = memchr(data, 0x1F, size);
	size_t qn = sep ? (size_t)(sep - data) : size;
	size_t an = sep ? size - qn - 1 : 0;
	char *q = xmalloc(qn ? qn : 1), *a = sep ? xmalloc(an ? an : 1) : NULL;

	memcpy(q, data, qn);
	if (a)
		memcpy(a, sep + 1, an);
	replies_classify(&lx, &scan, q, qn, a, an, &r);
	if (!replies_class_name(r.cls) || !replies_question_name(r.qk) || !r.detail ||
	    !memchr(r.model, '\0', sizeof r.model) || !memchr(r.asked_band, '\0', sizeof r.asked_band) ||
	    r.ex_start > r.ex_end || (a && r.ex_end > an))
		abort();
	(void)replies_model_region(q, qn);
	free(q);
	free(a);
	return 0;
}
