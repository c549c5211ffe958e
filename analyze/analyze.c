/* analyze.c: placeholder until the listing-analysis issue lands. */
#include "analyze/analyze.h"

int analyze_run(sqlite3 *db, const analyze_opts *o, analyze_totals *t, gv_error *err)
{
	(void)db; (void)o; (void)t;
	return gv_error_set(err, NULL, 0, "analyze: not implemented yet");
}
