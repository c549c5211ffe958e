/* jobspool.h: the band list the price pass parsed from each listing, kept
 * for the listing phase that follows, so that it is not parsed twice
 * (issue 7).
 *
 * Both passes walk the dirty listings in listing_id order, so the spool is
 * a temporary file written in that order and read back in it: constant
 * memory, however many listings a night has (about 140 bytes a listing).
 * The file is unlinked as soon as it is made (common/tmpfile.h), so
 * nothing is left behind by a kill.
 *
 * It is an optimisation only. A spool that cannot be made, written or read
 * back is dropped (one log line), and the listing phase then parses every
 * band list again, with the same result. */
#ifndef GV_JOBSPOOL_H
#define GV_JOBSPOOL_H

#include "analyze/listing_job.h"

typedef struct job_spool job_spool;

/* An empty spool open for job_spool_put, in the directory of near (the
 * database's path) or else $TMPDIR (tmpfile_near); NULL (logged) when no
 * temporary file can be made. Free with job_spool_free. */
job_spool *job_spool_new(const char *near);
/* Close and free s; NULL does nothing. */
void job_spool_free(job_spool *s);

/* Keep j's packed band list (listing_job_price; nothing when j->pre is
 * not set). Listings come in strictly increasing listing_id order
 * (strcmp). s may be NULL. */
void job_spool_put(job_spool *s, const listing_job *j);
/* Done writing: the spool is read from its start by job_spool_take. */
void job_spool_rewind(job_spool *s);
/* When j's listing (j->in.listing_id) was kept, copy its packed band list
 * into j->packed and set j->pre (listing_job_analyze unpacks it), and
 * return 1; else 0. Call in increasing listing_id order; listings the
 * spool skips (queued after the price pass) and records nobody asks for
 * (none today) are both fine. s may be NULL. */
int job_spool_take(job_spool *s, listing_job *j);

#endif
