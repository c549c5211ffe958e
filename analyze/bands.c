/* bands.c: placeholder until the band parser lands (finds nothing). */
#include "analyze/bands.h"

#include <string.h>

void bands_init(bands *b) { memset(b, 0, sizeof *b); }
void bands_parse(bands *b, const char *text, size_t len) { (void)b; (void)text; (void)len; }
void bands_format_lte(const bands *b, strbuf *sb, const char *sep) { (void)b; (void)sb; (void)sep; }
void bands_format_nr(const bands *b, strbuf *sb, const char *sep) { (void)b; (void)sb; (void)sep; }
const char *bands_confidence_name(bands_confidence c) { (void)c; return "none"; }
