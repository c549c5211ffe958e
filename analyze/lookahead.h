/* lookahead.h: work on the next few jobs of a sequence while the caller
 * finishes the current one (issue 7: the listing phase of analyze). The
 * caller fills jobs in order (from SQL rows, on its own thread), a helper
 * thread runs the pure computation of the jobs ahead, and the caller takes
 * the results back strictly in the order it filled them, so the output is
 * the same as one thread computing job by job.
 *
 * The jobs are a fixed array the caller owns (constant memory: a few
 * slots). While the job the caller needs is not computed yet, the caller
 * computes the next one nobody has started instead of waiting, so a phase
 * that is mostly computation keeps both cores busy and a phase that is
 * mostly SQL hides the computation behind it. */
#ifndef GV_LOOKAHEAD_H
#define GV_LOOKAHEAD_H

#include <stddef.h>

/* The computation of one job: reads only arg (shared, read-only data) and
 * the job, writes only the job. Called on either thread. */
typedef void (*lookahead_fn)(const void *arg, void *job);

typedef struct lookahead lookahead;

/* Threads the analysis uses (the listing phase here, classification in
 * classify.c): GVAUDIT_ANALYZE_THREADS (1 = none besides the caller's, which
 * lets tests compare the two; more than 2 is taken as 2: one helper already
 * outruns the SQLite side; anything else is logged and ignored), else 2 when
 * the machine has two cores or more, 1 otherwise. */
int lookahead_threads(void);

/* A queue over jobs[0..n-1] (each size bytes, initialised by the caller,
 * who still owns them). threads is 1 (everything on the caller's thread)
 * or 2; a helper thread that cannot be started means 1. Free with
 * lookahead_free. */
lookahead *lookahead_new(int threads, void *jobs, size_t n, size_t size, lookahead_fn fn,
			 const void *arg);
/* Stop the helper thread (after its current job) and free q; NULL does
 * nothing. The jobs stay the caller's. */
void lookahead_free(lookahead *q);

/* The next free job to fill, or NULL when every slot is in use. */
void *lookahead_slot(lookahead *q);
/* Hand over the job lookahead_slot returned, filled, for computing. */
void lookahead_push(lookahead *q);
/* The oldest job handed over, computed; NULL when none is waiting. It
 * stays the caller's until lookahead_drop. */
void *lookahead_head(lookahead *q);
/* Done with the job lookahead_head returned: its slot is free again. */
void lookahead_drop(lookahead *q);

#endif
