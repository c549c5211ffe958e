/* weights.h: signal weights and verdict thresholds, read from
 * schemas/weights.csv and schemas/thresholds.csv so they can be tuned
 * without a compiler (README: "Verdict method"). */
#ifndef GV_WEIGHTS_H
#define GV_WEIGHTS_H

#include "common/refcsv.h"
#include "common/util.h"

typedef struct weights {
	refcsv signals;    /* weights.csv: signal, weight, strength, description */
	refcsv thresholds; /* thresholds.csv: name, value, description */
	double *w;         /* parsed weight per signals row */
	double *t;         /* parsed value per thresholds row */
} weights;

/* Load both files from datadir. 0, or -1 with err naming file, line and
 * problem (unparseable number, duplicate signal). Release either way. */
int weights_load(weights *w, const char *datadir, gv_error *err);
void weights_release(weights *w);
/* Weight of a signal; 0 if unknown (weights_check reports those). */
double weights_get(const weights *w, const char *signal);
/* 1 if the signal has a row. */
int weights_known(const weights *w, const char *signal);
/* Value of a threshold; `fallback` if the row is missing. */
double weights_threshold(const weights *w, const char *name, double fallback);
/* Fingerprint of both files' contents, for "reference data changed". */
void weights_fingerprint(const weights *w, char out[33]);

#endif
