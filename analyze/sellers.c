/* sellers.c: placeholder until seller figures land. */
#include "analyze/sellers.h"

void wilson_interval(long k, long n, double *lo, double *hi) { (void)k; (void)n; *lo = 0; *hi = 1; }
int sellers_update(sqlite3 *db, const weights *w, long long run_id, gv_error *err) { (void)db; (void)w; (void)run_id; (void)err; return 0; }
