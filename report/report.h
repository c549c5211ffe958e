/* report.h: write the files writers cite (../shared/spec/outputs.md):
 * listings.csv, sellers.csv, evidence.csv, markets.csv and report.html,
 * each written to a temporary name in the output directory and renamed
 * into place. */
#ifndef GV_REPORT_H
#define GV_REPORT_H

#include <sqlite3.h>

#include "common/util.h"

typedef struct report_opts {
	const char *outdir;  /* created if missing; nothing is written outside it */
	const char *datadir; /* reference data directory (method text, thresholds) */
	long long run_id;    /* runs.run_id the report is for */
} report_opts;

/* Write every report. 0, or -1 with err filled (files already in place from
 * an earlier run are left as they were). */
int report_write(sqlite3 *db, const report_opts *o, gv_error *err);

#endif
