/* listing_job.h: the part of a listing's analysis that needs no database:
 * claim, band list, market grade, the listing's own signals and its price
 * key or price signal. It depends only on the listing row and the
 * reference data, so analyze.c runs it a few listings ahead on a second
 * thread (analyze/lookahead.h) while it does the SQL of the current one. A
 * job owns a copy of the row: the statement that read it moves on. */
#ifndef GV_LISTING_JOB_H
#define GV_LISTING_JOB_H

#include <sqlite3.h>

#include "analyze/bands.h"
#include "analyze/claim.h"
#include "analyze/evidence.h"
#include "analyze/listing_signals.h"
#include "analyze/markets.h"
#include "analyze/price.h"
#include "analyze/registry.h"
#include "analyze/weights.h"
#include "common/util.h"

/* Reference data both threads read and neither writes. */
typedef struct listing_ref {
	const registry *reg;
	const weights *w;
	const markets *mk;
	const price_ref *prices; /* finished; NULL while it is being built */
} listing_ref;

typedef struct listing_job {
	/* the row (LISTING_JOB_COLUMNS), copied */
	strbuf text;             /* the strings below, one after the other */
	listing_input in;        /* pointers into text, NULL for SQL NULL */
	const char *seller_id, *currency;
	int has_price;           /* 0: price is SQL NULL */
	double price;
	int pre;                 /* 1: packed holds the band list the price pass
				    parsed (analyze/jobspool.h) */
	unsigned char packed[BANDS_PACKED];
	/* results */
	claim_result cl;
	bands b;
	const market *mk;        /* the listing's market or NULL */
	compat_grade g;
	strbuf missing;          /* the market's key bands the list lacks */
	char lte[1024], nr[512]; /* the band lists as listing_facts stores them */
	listing_found found;
	evidence_list ev;        /* the listing's own evidence (listing_job_analyze) */
	char key[256];           /* price key, "" when not known (listing_job_price) */
	int reference;           /* 1: the key's median counts this listing's price */
} listing_job;

/* The columns listing_job_read expects, in this order, from listings l. */
#define LISTING_JOB_COLUMNS "l.listing_id, l.seller_id, l.title, l.specs, l.description, " \
			    "l.market, l.price, l.currency"

void listing_job_init(listing_job *j);
void listing_job_release(listing_job *j);
/* Copy the current row of st (LISTING_JOB_COLUMNS) into j. */
void listing_job_read(listing_job *j, sqlite3_stmt *st);

/* The analysis of the listing (a lookahead_fn, arg a listing_ref with
 * prices set): claim, bands (unpacked from packed when pre is set),
 * market grade, listing signals, listing_price_low and the band lists as
 * text, into the job. */
void listing_job_analyze(const void *ref, void *job);
/* The price reference pass (a lookahead_fn, arg a listing_ref): the band
 * list, also packed (pre set: listing_job_analyze needs it again), key set
 * when the listing's device, memory and currency are known, else "";
 * reference 1 when its own text also shows no China hardware (a price
 * reference), else 0. Only pre, packed, b, found, key and reference are
 * meaningful afterwards. */
void listing_job_price(const void *ref, void *job);

#endif
