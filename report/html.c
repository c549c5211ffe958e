/* html.c: see html.h. */
#include "report/html.h"

#include <string.h>

void html_escape(strbuf *out, const char *s)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '&': sb_adds(out, "&amp;"); break;
		case '<': sb_adds(out, "&lt;"); break;
		case '>': sb_adds(out, "&gt;"); break;
		case '"': sb_adds(out, "&quot;"); break;
		case '\'': sb_adds(out, "&#39;"); break;
		default: sb_addc(out, *s); break;
		}
	}
}

void html_anchor(strbuf *out, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	for (; s && *s; s++) {
		unsigned char c = (unsigned char)*s;
		if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		    c == '-' || c == '.')
			sb_addc(out, (char)c);
		else {
			sb_addc(out, '_');
			sb_addc(out, hex[c >> 4]);
			sb_addc(out, hex[c & 15]);
		}
	}
}

int html_write(FILE *f, sqlite3 *db, const html_ctx *ctx, gv_error *err)
{
	(void)db; (void)ctx; (void)err;
	fputs("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>gvaudit report</title></head><body></body></html>\n", f);
	return 0;
}
