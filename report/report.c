/* report.c: placeholder until the reports issue lands. */
#include "report/report.h"

int report_write(sqlite3 *db, const report_opts *o, gv_error *err)
{
	(void)db; (void)o;
	return gv_error_set(err, NULL, 0, "report: not implemented yet");
}
