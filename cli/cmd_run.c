/* cmd_run.c: `gvaudit run`: ingest, analyze and report in one locked run,
 * the nightly cron job. Also `gvaudit ingest`, `analyze` and `report`, which
 * are the same steps one at a time. */
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "analyze/analyze.h"
#include "analyze/classtap.h"
#include "analyze/textsig.h"
#include "cli/cli.h"
#include "common/db.h"
#include "common/log.h"
#include "common/memlog.h"
#include "common/paths.h"
#include "ingest/ingest.h"
#include "report/report.h"

enum { STEP_INGEST = 1, STEP_ANALYZE = 2, STEP_REPORT = 4 };

/* Ingest every file, classifying the texts with tap when there is one;
 * returns the exit status so far (0, or 1 when a file was refused) or
 * GV_EXIT_DB. */
static int do_ingest(sqlite3 *db, const cli_opts *o, long long run_id, classtap *tap)
{
	ingest_opts io = {run_id, o->no_fts, tap ? classtap_tap(tap) : NULL};
	ingest_totals t;
	gv_error err;
	int i, status = GV_EXIT_OK;
	double t0 = now_seconds();

	memset(&t, 0, sizeof t);
	for (i = 0; i < o->nargs; i++) {
		int rc;
		gv_error_clear(&err);
		rc = ingest_file(db, o->args[i], &io, &t, &err);
		if (rc < 0) {
			cli_report_error(&err);
			return GV_EXIT_DB;
		}
		if (rc == 1)
			status = GV_EXIT_REFUSED;
	}
	log_info("ingest: files=%d ok=%d skipped=%d refused=%d rows_read=%lld stored=%lld "
		 "duplicates=%lld rejected=%lld seconds=%.2f",
		 o->nargs, t.files_ok, t.files_skipped, t.files_refused, t.rows_read,
		 t.rows_stored, t.rows_duplicate, t.rows_rejected, now_seconds() - t0);
	if (!o->no_fts) /* of the seconds above; tests/bench/run.sh reads it */
		log_info("ingest: fts index seconds=%.2f", t.fts_seconds);
	if (tap) {
		long long nrev, nqa;
		classtap_counts(tap, &nrev, &nqa);
		log_info("ingest: classified %lld reviews and %lld q&a rows while loading", nrev, nqa);
	}
	return status;
}

static int do_analyze(sqlite3 *db, const char *datadir, const cli_opts *o, long long run_id)
{
	analyze_opts ao = {datadir, run_id, o->full};
	analyze_totals t;
	gv_error err;
	double t0 = now_seconds();
	int rc;

	memset(&t, 0, sizeof t);
	gv_error_clear(&err);
	rc = analyze_run(db, &ao, &t, &err);
	if (rc < 0) {
		cli_report_error(&err);
		return rc == -2 ? GV_EXIT_DATA : GV_EXIT_DB;
	}
	memlog("analysis");
	log_info("analyze: listings=%lld mislabelled=%lld suspect=%lld seconds=%.2f", t.listings,
		 t.mislabelled, t.suspect, now_seconds() - t0);
	return GV_EXIT_OK;
}

static int do_report(sqlite3 *db, const char *datadir, const cli_opts *o, long long run_id)
{
	report_opts ro = {o->out, datadir, run_id};
	gv_error err;
	double t0 = now_seconds();

	gv_error_clear(&err);
	if (report_write(db, &ro, &err) < 0) {
		cli_report_error(&err);
		return GV_EXIT_OUTPUT;
	}
	memlog("report");
	log_info("report: out='%s' seconds=%.2f", o->out, now_seconds() - t0);
	return GV_EXIT_OK;
}

/* "-" (standard input) is one dump: given once, and not a terminal (a cron
 * line missing its pipe would wait for ever). -1 after saying why. */
static int stdin_args(const cli_opts *o, const char *name)
{
	int i, n = 0;

	for (i = 0; i < o->nargs; i++)
		n += !strcmp(o->args[i], "-");
	if (n > 1) {
		fprintf(stderr, "gvaudit %s: '-' (standard input) given %d times; try --help\n",
			name, n);
		return -1;
	}
	if (n && isatty(STDIN_FILENO)) {
		fprintf(stderr, "gvaudit %s: '-' reads a dump from standard input, which is a "
				"terminal; try --help\n", name);
		return -1;
	}
	return 0;
}

/* Close the run row with the status so far; returns the new status. */
static int end_run(sqlite3 *db, long long run_id, int status)
{
	gv_error err;

	gv_error_clear(&err);
	if (db_run_end(db, run_id, status, &err) < 0) {
		cli_report_error(&err);
		if (status == GV_EXIT_OK)
			status = GV_EXIT_DB;
	}
	return status;
}

/* A first load's side file is put in place once the data is complete: after
 * the ingest, and the analysis when the command analyses, before the
 * reports, which then read the published database (reopened in *db). After a
 * database error it is discarded instead: no database, as before the run.
 * Returns the new status; *db is NULL unless reopened. */
static int publish(const cli_opts *o, long long run_id, int status, int reports, sqlite3 **db)
{
	gv_error err;
	double t0;
	int rc;

	gv_error_clear(&err);
	if (!reports)
		status = end_run(*db, run_id, status);
	if (status == GV_EXIT_DB) {
		db_discard_new(*db, o->db);
		*db = NULL;
		return status;
	}
	t0 = now_seconds();
	rc = db_publish(*db, o->db, &err);
	*db = NULL;
	if (rc == 0)
		log_info("first load: '%s.new' synced and renamed to '%s' seconds=%.2f", o->db,
			 o->db, now_seconds() - t0);
	if (rc == 0 && reports)
		rc = db_open(o->db, db, &err);
	if (rc < 0) {
		cli_report_error(&err);
		return GV_EXIT_DB;
	}
	return status;
}

/* Check the arguments against the steps; 0, or the exit status after saying
 * why. */
static int check_args(const cli_opts *o, unsigned steps, const char *name)
{
	if ((steps & STEP_INGEST) && o->nargs == 0) {
		fprintf(stderr, "gvaudit %s: no input files; try --help\n", name);
		return GV_EXIT_USAGE;
	}
	if ((steps & STEP_INGEST) && stdin_args(o, name) < 0)
		return GV_EXIT_USAGE;
	if (!(steps & STEP_INGEST) && o->nargs > 0) {
		fprintf(stderr, "gvaudit %s: unexpected argument '%s'; try --help\n", name,
			o->args[0]);
		return GV_EXIT_USAGE;
	}
	return 0;
}

/* A run that ingests and then analyses classifies a first night's texts
 * while loading them (analyze/classtap.h). Without a readable lexicon it loads them as
 * they are: the analysis then stops on the same error, after the ingest, as
 * it always has. */
static classtap *ingest_classifier(const char *datadir, textsig **ts)
{
	gv_error ignored;

	*ts = textsig_new(datadir, &ignored);
	return *ts ? classtap_new(*ts) : NULL;
}

static int run_steps(const cli_opts *o, unsigned steps, const char *name)
{
	char datadir[PATH_MAX];
	textsig *ts = NULL;
	classtap *tap = NULL;
	sqlite3 *db = NULL;
	gv_error err;
	long long run_id;
	int lockfd = -1, status, rc, fresh;

	gv_error_clear(&err);
	status = check_args(o, steps, name);
	if (status)
		return status;
	if ((steps & (STEP_ANALYZE | STEP_REPORT)) &&
	    paths_datadir(o->data, datadir, sizeof datadir, &err) < 0) {
		cli_report_error(&err);
		return GV_EXIT_DATA;
	}
	/* only a load builds a new database in a side file: analyze or report
	 * alone on a new database have nothing to load */
	rc = cli_open_db(o, steps & STEP_INGEST, &fresh, &lockfd, &db);
	if (rc)
		return rc;
	run_id = db_run_begin(db, name, &err);
	if (run_id < 0) {
		cli_report_error(&err);
		status = GV_EXIT_DB;
		goto cleanup;
	}
	if ((steps & STEP_INGEST) && (steps & STEP_ANALYZE))
		tap = ingest_classifier(datadir, &ts);
	if (steps & STEP_INGEST)
		status = do_ingest(db, o, run_id, tap);
	classtap_free(tap); /* before the analysis: the memory is its own */
	textsig_free(ts);
	tap = NULL;
	ts = NULL;
	if (status <= GV_EXIT_REFUSED && (steps & STEP_ANALYZE)) {
		rc = do_analyze(db, datadir, o, run_id);
		if (rc)
			status = rc;
	}
	if (fresh) {
		int reports = status <= GV_EXIT_REFUSED && (steps & STEP_REPORT);
		status = publish(o, run_id, status, reports, &db);
		fresh = 0;
		if (!reports || !db)
			goto cleanup;
	}
	if (status <= GV_EXIT_REFUSED && (steps & STEP_REPORT)) {
		rc = do_report(db, datadir, o, run_id);
		if (rc)
			status = rc;
	}
	status = end_run(db, run_id, status);
cleanup:
	if (fresh && db)
		db_discard_new(db, o->db); /* the run row could not even be opened */
	else
		db_close(db);
	db_unlock(lockfd);
	return status;
}

static int run_all(const cli_opts *o)
{
	return run_steps(o, STEP_INGEST | STEP_ANALYZE | STEP_REPORT, "run");
}

static int run_ingest(const cli_opts *o)
{
	return run_steps(o, STEP_INGEST, "ingest");
}

static int run_analyze(const cli_opts *o)
{
	return run_steps(o, STEP_ANALYZE, "analyze");
}

static int run_report(const cli_opts *o)
{
	return run_steps(o, STEP_REPORT, "report");
}

const cli_command cmd_run = {
	"run", run_all, OPT_DB | OPT_OUT | OPT_DATA | OPT_NO_FTS | OPT_FULL,
	"[--db FILE] [--out DIR] FILE...  (ingest, analyze, report: the nightly job)",
	"Ingest the dump FILEs (listings, reviews, Q&A; CSV or gzip CSV, kind told by\n"
	"the header), analyse what changed and write the reports, holding the\n"
	"database's lock throughout. FILE '-' is one dump read from standard input,\n"
	"shown as '-' in the log and in ingest_files. The nightly cron line:\n"
	"  gvaudit run --db /var/lib/gvaudit/gvaudit.db --out /var/www/gvaudit /srv/dumps/$(date +%F)/*.csv.gz\n"
	"A dump from another host, through a pipe:\n"
	"  ssh scraper cat dumps/listings.csv.gz | gvaudit run --db gvaudit.db --out reports -\n",
};

const cli_command cmd_ingest = {
	"ingest", run_ingest, OPT_DB | OPT_NO_FTS,
	"[--db FILE] FILE...  (load dumps into the database)",
	"Load the dump FILEs into the database. Columns are matched by header name\n"
	"(case-insensitive, aliases accepted); a file with a missing required column,\n"
	"a corrupt gzip or an unterminated quote is refused whole; bad rows go to the\n"
	"rejects table. A file already ingested (same content) is skipped.\n"
	"FILE '-' is one dump (CSV or gzip CSV) read from standard input: it is copied\n"
	"to a temporary file next to the database (else $TMPDIR), deleted at once, and\n"
	"shown as '-' in the log and in ingest_files. For example:\n"
	"  curl -s https://scraper/dumps/reviews.csv.gz | gvaudit ingest --db gvaudit.db -\n",
};

const cli_command cmd_analyze = {
	"analyze", run_analyze, OPT_DB | OPT_DATA | OPT_FULL,
	"[--db FILE] [--full]  (evidence, verdicts, seller rates)",
	"Derive evidence, per-listing verdicts and per-seller mislabel rates for the\n"
	"listings whose inputs changed since the last analysis (all with --full).\n",
};

const cli_command cmd_report = {
	"report", run_report, OPT_DB | OPT_OUT | OPT_DATA,
	"[--db FILE] [--out DIR]  (CSV and HTML reports)",
	"Write listings.csv, sellers.csv, evidence.csv, markets.csv and report.html\n"
	"into DIR from the latest analysis.\n",
};
