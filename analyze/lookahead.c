/* lookahead.c: see lookahead.h.
 *
 * Jobs are numbered in the order they are pushed; job k lives in slot
 * k % n. Three counters, all under the mutex, split the sequence:
 * [popped, started) are computed or being computed, [started, pushed)
 * wait for a thread, and pushed - popped slots are in use. Whoever
 * computes a job (helper or caller) takes the number `started` first, so
 * no job is computed twice.
 *
 * Each thread is woken only when it sleeps, and the helper only once half
 * the slots wait for it: waking a thread is a system call on both sides,
 * and when the caller's SQL is the slower side (the listing phase) the
 * helper would otherwise sleep and be woken for every job (two futex
 * calls a job: 191,911 for an analysis of 50,000 listings). Nothing waits
 * on a sleeping helper: the caller computes the jobs nobody took. */
#include "analyze/lookahead.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/log.h"
#include "common/util.h"

struct lookahead {
	char *jobs;           /* the caller's array */
	size_t n, size;       /* slots, bytes per job */
	lookahead_fn fn;
	const void *arg;
	unsigned long long pushed, started, popped;
	unsigned char *done;  /* per slot: 1 once its job is computed */
	int threaded;         /* 1: the helper thread runs */
	int stop;             /* lookahead_free: the helper leaves */
	int helper_sleeps;    /* the helper waits on work */
	int caller_sleeps;    /* the caller waits on computed */
	pthread_t helper;
	pthread_mutex_t mu;
	pthread_cond_t work;     /* jobs pushed, or stop */
	pthread_cond_t computed; /* a job is done */
};

int lookahead_threads(void)
{
	const char *v = getenv("GVAUDIT_ANALYZE_THREADS");
	char *end;
	long n;

	if (v && *v) {
		n = strtol(v, &end, 10);
		if (!*end && n >= 1)
			return n > 1 ? 2 : 1;
		log_info("analyze: ignoring GVAUDIT_ANALYZE_THREADS='%s' (not a number >= 1)", v);
	}
	return sysconf(_SC_NPROCESSORS_ONLN) > 1 ? 2 : 1;
}

static void *job_at(const lookahead *q, unsigned long long k)
{
	return q->jobs + (size_t)(k % q->n) * q->size;
}

/* Compute job k outside the lock, then mark it done. Called with the
 * mutex held and q->started just moved past k. */
static void compute(lookahead *q, unsigned long long k)
{
	pthread_mutex_unlock(&q->mu);
	q->fn(q->arg, job_at(q, k));
	pthread_mutex_lock(&q->mu);
	q->done[k % q->n] = 1;
	if (q->caller_sleeps)
		pthread_cond_signal(&q->computed);
}

static void *helper_main(void *arg)
{
	lookahead *q = arg;

	pthread_mutex_lock(&q->mu);
	for (;;) {
		while (!q->stop && q->started == q->pushed) {
			q->helper_sleeps = 1;
			pthread_cond_wait(&q->work, &q->mu);
			q->helper_sleeps = 0;
		}
		if (q->stop)
			break;
		compute(q, q->started++);
	}
	pthread_mutex_unlock(&q->mu);
	return NULL;
}

lookahead *lookahead_new(int threads, void *jobs, size_t n, size_t size, lookahead_fn fn,
			 const void *arg)
{
	lookahead *q = xcalloc(1, sizeof *q);

	q->jobs = jobs;
	q->n = n;
	q->size = size;
	q->fn = fn;
	q->arg = arg;
	q->done = xcalloc(n, 1);
	pthread_mutex_init(&q->mu, NULL);
	pthread_cond_init(&q->work, NULL);
	pthread_cond_init(&q->computed, NULL);
	q->threaded = threads >= 2 && pthread_create(&q->helper, NULL, helper_main, q) == 0;
	return q;
}

void lookahead_free(lookahead *q)
{
	if (!q)
		return;
	if (q->threaded) {
		pthread_mutex_lock(&q->mu);
		q->stop = 1;
		pthread_cond_signal(&q->work);
		pthread_mutex_unlock(&q->mu);
		pthread_join(q->helper, NULL);
	}
	pthread_cond_destroy(&q->work);
	pthread_cond_destroy(&q->computed);
	pthread_mutex_destroy(&q->mu);
	free(q->done);
	free(q);
}

void *lookahead_slot(lookahead *q)
{
	/* only the caller's thread moves pushed and popped: no lock needed */
	return q->pushed - q->popped < q->n ? job_at(q, q->pushed) : NULL;
}

void lookahead_push(lookahead *q)
{
	pthread_mutex_lock(&q->mu);
	q->done[q->pushed % q->n] = 0;
	q->pushed++;
	if (q->helper_sleeps && q->pushed - q->started >= (q->n + 1) / 2)
		pthread_cond_signal(&q->work);
	pthread_mutex_unlock(&q->mu);
}

void *lookahead_head(lookahead *q)
{
	if (q->popped == q->pushed)
		return NULL;
	pthread_mutex_lock(&q->mu);
	while (!q->done[q->popped % q->n]) {
		/* Rather than wait, compute the next job nobody took (the head
		 * itself when the helper has not reached it): a phase that is all
		 * computation keeps both threads busy. */
		if (q->started < q->pushed) {
			compute(q, q->started++);
		} else {
			q->caller_sleeps = 1;
			pthread_cond_wait(&q->computed, &q->mu);
			q->caller_sleeps = 0;
		}
	}
	pthread_mutex_unlock(&q->mu);
	return job_at(q, q->popped);
}

void lookahead_drop(lookahead *q)
{
	pthread_mutex_lock(&q->mu);
	q->popped++;
	pthread_mutex_unlock(&q->mu);
}
