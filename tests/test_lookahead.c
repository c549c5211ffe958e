/* test_lookahead.c: jobs come back computed, once each, in the order they
 * were filled, with one thread or two, whatever the number of slots. */
#include <criterion/criterion.h>
#include <stdlib.h>

#include "analyze/lookahead.h"

typedef struct job {
	long in;      /* filled by the caller */
	long out;     /* computed */
	long spin;    /* the busy work's result, kept so it is not optimised away */
	int computed; /* times fn ran on it since it was filled */
} job;

/* Enough work per job that the helper and the caller both get some. */
static void square(const void *arg, void *p)
{
	job *j = p;
	long k, acc = *(const long *)arg;
	for (k = 0; k < 2000 + j->in % 7 * 500; k++)
		acc = (acc * 31 + k) % 1000003;
	j->out = j->in * j->in;
	j->spin = acc;
	j->computed++;
}

/* The caller's own work on a job it took back (analyze's SQL), slow
 * enough that the helper runs out of jobs and sleeps. */
static long sql_like(long in, long rounds)
{
	long k, acc = in;
	for (k = 0; k < rounds; k++)
		acc = (acc * 17 + k) % 1000033;
	return acc;
}

/* Fill njobs jobs through q the way analyze does (as many ahead as there
 * are free slots), check each result as it comes back, then spend
 * caller_work rounds on it. */
static void run_with(int threads, size_t nslots, long njobs, long caller_work)
{
	job *jobs = calloc(nslots, sizeof *jobs), *j;
	long zero = 0, next = 0, seen = 0;
	lookahead *q = lookahead_new(threads, jobs, nslots, sizeof *jobs, square, &zero);

	for (;;) {
		while (next < njobs && (j = lookahead_slot(q))) {
			j->in = next++;
			j->computed = 0;
			lookahead_push(q);
		}
		if (!(j = lookahead_head(q)))
			break;
		cr_assert_eq(j->in, seen, "threads %d slots %zu: job %ld came back as %ld", threads,
			     nslots, seen, j->in);
		cr_assert_eq(j->out, j->in * j->in, "job %ld not computed", j->in);
		cr_assert_eq(j->computed, 1, "job %ld computed %d times", j->in, j->computed);
		seen++;
		j->spin += sql_like(j->in, caller_work);
		lookahead_drop(q);
	}
	cr_expect_eq(seen, njobs, "threads %d slots %zu: %ld of %ld jobs", threads, nslots, seen,
		     njobs);
	lookahead_free(q);
	free(jobs);
}

static void run(int threads, size_t nslots, long njobs)
{
	run_with(threads, nslots, njobs, 0);
}

Test(lookahead, in_order_one_thread)
{
	run(1, 1, 100);
	run(1, 8, 1000);
}

Test(lookahead, in_order_two_threads)
{
	run(2, 1, 500);
	run(2, 2, 2000);
	run(2, 32, 5000);
}

/* The caller slower than the helper (the listing phase): the helper
 * sleeps until half the slots wait for it, and whatever it leaves (the
 * last jobs, fewer than that) the caller computes; odd slot counts and a
 * single slot too. */
Test(lookahead, slow_caller)
{
	run_with(2, 32, 3000, 20000);
	run_with(2, 5, 1000, 20000);
	run_with(2, 1, 300, 20000);
	run_with(2, 32, 7, 20000);
}

Test(lookahead, empty)
{
	run(2, 4, 0);
	run(1, 4, 0);
}

Test(lookahead, free_while_jobs_wait)
{
	job jobs[4] = {{0}};
	long zero = 0;
	lookahead *q = lookahead_new(2, jobs, 4, sizeof jobs[0], square, &zero);
	job *j;

	while ((j = lookahead_slot(q))) {
		j->in = 3;
		lookahead_push(q);
	}
	lookahead_free(q); /* an error path: the caller stops early */
	lookahead_free(NULL);
}

Test(lookahead, threads_from_environment)
{
	setenv("GVAUDIT_ANALYZE_THREADS", "1", 1);
	cr_expect_eq(lookahead_threads(), 1);
	setenv("GVAUDIT_ANALYZE_THREADS", "2", 1);
	cr_expect_eq(lookahead_threads(), 2);
	unsetenv("GVAUDIT_ANALYZE_THREADS");
	cr_expect_eq(lookahead_threads(), 2);
}
