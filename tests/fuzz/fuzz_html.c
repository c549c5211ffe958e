/* fuzz_html.c: html_escape and html_anchor (report/html.c). Escaped text
 * must hold none of < > " ' and every & must start a character reference;
 * an anchor only [A-Za-z0-9_.-]. */
#include "fuzz_common.h"
#include "report/html.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_cstr(data, size);
	strbuf out;
	size_t i;

	sb_init(&out);
	html_escape(&out, s);
	for (i = 0; i < out.len; i++) {
		char c = out.buf[i];
		if (c == '<' || c == '>' || c == '"' || c == '\'')
			abort();
		if (c == '&' && !(out.buf[i + 1] == '#' || !strncmp(out.buf + i, "&amp;", 5) ||
				  !strncmp(out.buf + i, "&lt;", 4) || !strncmp(out.buf + i, "&gt;", 4) ||
				  !strncmp(out.buf + i, "&quot;", 6)))
			abort();
	}
	html_escape(&out, NULL);
	sb_reset(&out);
	html_anchor(&out, s);
	for (i = 0; i < out.len; i++) {
		unsigned char c = (unsigned char)out.buf[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		      c == '_' || c == '.' || c == '-'))
			abort();
	}
	sb_release(&out);
	free(s);
	return 0;
}
