/* cli.h: the command line, shared by the cmd_*.c files. The commands only
 * parse options and call library functions that know nothing about argv. */
#ifndef GV_CLI_H
#define GV_CLI_H

#include <sqlite3.h>

#include "common/util.h"

/* Options common to the subcommands; each command accepts a subset. */
typedef struct cli_opts {
	const char *db;      /* --db, default ./gvaudit.db */
	const char *out;     /* --out, default ./reports */
	const char *data;    /* --data, NULL = look up (see common/paths.h) */
	const char *market;  /* --market, for `bands` */
	int no_fts;          /* --no-fts: skip the full-text index */
	int full;            /* --full: re-analyse every listing */
	int quiet;           /* -q: only errors on stderr */
	char **args;         /* remaining arguments (files, text) */
	int nargs;
} cli_opts;

/* Which options a command takes, as a bit set. */
enum {
	OPT_DB = 1 << 0,
	OPT_OUT = 1 << 1,
	OPT_DATA = 1 << 2,
	OPT_MARKET = 1 << 3,
	OPT_NO_FTS = 1 << 4,
	OPT_FULL = 1 << 5
};

typedef struct cli_command {
	const char *name;
	int (*run)(const cli_opts *o);
	unsigned accepts;      /* OPT_* bits */
	const char *synopsis;  /* one line, after "gvaudit NAME " */
	const char *help;      /* the rest of --help */
} cli_command;

/* Parse argv for cmd into o. Returns -1 to continue, else the exit status
 * (0 after --help, 2 after a usage error, already reported). */
int cli_parse(const cli_command *cmd, int argc, char **argv, cli_opts *o);
/* Print an error with its file/line detail: "gvaudit: error: ...". */
void cli_report_error(const gv_error *err);

/* Shared steps of the writing commands: take the lock, open and migrate the
 * database. With may_build, a database that does not exist yet is built in
 * its side file instead (db_open_new; *fresh set to 1) for db_publish to put
 * in place. Return 0, or the exit status after printing why. */
int cli_open_db(const cli_opts *o, int may_build, int *fresh, int *lockfd, sqlite3 **db);

extern const cli_command cmd_ingest, cmd_analyze, cmd_report, cmd_run, cmd_bands;

#endif
