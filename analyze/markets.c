/* markets.c: placeholder until the market table lands (knows no market). */
#include "analyze/markets.h"

#include <string.h>

int markets_load(markets *m, const char *datadir, gv_error *err) { (void)datadir; (void)err; memset(m, 0, sizeof *m); return 0; }
void markets_release(markets *m) { (void)m; }
const market *markets_find(const markets *m, const char *country) { (void)m; (void)country; return NULL; }
compat_grade markets_compat(const market *mk, const bands *b, strbuf *missing) { (void)mk; (void)b; (void)missing; return COMPAT_UNKNOWN; }
const char *compat_name(compat_grade g) { (void)g; return "unknown"; }
