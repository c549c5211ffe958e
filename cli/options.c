/* options.c: getopt_long parsing shared by the subcommands. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "common/db.h"
#include "common/log.h"

static void print_help(const cli_command *cmd)
{
	printf("usage: gvaudit %s %s\n\n%s", cmd->name, cmd->synopsis, cmd->help);
	puts("\noptions:");
	if (cmd->accepts & OPT_DB)
		puts("  --db FILE      the SQLite database (default ./gvaudit.db)");
	if (cmd->accepts & OPT_OUT)
		puts("  --out DIR      where reports are written (default ./reports)");
	if (cmd->accepts & OPT_DATA)
		puts("  --data DIR     reference data directory (default: found next to the binary)");
	if (cmd->accepts & OPT_MARKET)
		puts("  --market CC    ship-to country (ISO 3166-1 alpha-2) to judge the bands for");
	if (cmd->accepts & OPT_NO_FTS)
		puts("  --no-fts       do not maintain the full-text index of reviews and Q&A");
	if (cmd->accepts & OPT_FULL)
		puts("  --full         re-analyse every listing, not only the changed ones");
	puts("  -q, --quiet    only errors on stderr\n"
	     "  -h, --help     this help\n"
	     "\n"
	     "exit status: 0 ok, 1 a whole file refused, 2 usage, 3 database locked,\n"
	     "4 database error, 5 reference data error, 6 reports not written\n"
	     "(see `gvaudit --help`).");
}

int cli_parse(const cli_command *cmd, int argc, char **argv, cli_opts *o)
{
	static const struct option longopts[] = {
		{"db", required_argument, NULL, 'd'},
		{"out", required_argument, NULL, 'o'},
		{"data", required_argument, NULL, 'D'},
		{"market", required_argument, NULL, 'm'},
		{"no-fts", no_argument, NULL, 'F'},
		{"full", no_argument, NULL, 'f'},
		{"quiet", no_argument, NULL, 'q'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	int c;

	memset(o, 0, sizeof *o);
	o->db = "gvaudit.db";
	o->out = "reports";
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+qh", longopts, NULL)) != -1) {
		unsigned need = 0;
		switch (c) {
		case 'd': need = OPT_DB; o->db = optarg; break;
		case 'o': need = OPT_OUT; o->out = optarg; break;
		case 'D': need = OPT_DATA; o->data = optarg; break;
		case 'm': need = OPT_MARKET; o->market = optarg; break;
		case 'F': need = OPT_NO_FTS; o->no_fts = 1; break;
		case 'f': need = OPT_FULL; o->full = 1; break;
		case 'q': o->quiet = 1; break;
		case 'h': print_help(cmd); return GV_EXIT_OK;
		default:
			fprintf(stderr, "gvaudit %s: unknown option '%s'; try --help\n", cmd->name,
				argv[optind - 1]);
			return GV_EXIT_USAGE;
		}
		if (need && !(cmd->accepts & need)) {
			fprintf(stderr, "gvaudit %s: option '%s' does not apply here; try --help\n",
				cmd->name, argv[optind - 1]);
			return GV_EXIT_USAGE;
		}
		if (!*argv[optind - 1] || (optarg && !*optarg)) {
			fprintf(stderr, "gvaudit %s: option '%s' needs a value; try --help\n",
				cmd->name, argv[optind - 1]);
			return GV_EXIT_USAGE;
		}
	}
	o->args = argv + optind;
	o->nargs = argc - optind;
	log_set_quiet(o->quiet);
	return -1;
}

void cli_report_error(const gv_error *err)
{
	if (err->file[0] && err->line > 0)
		log_error("%s:%ld: %s", err->file, err->line, err->msg);
	else
		log_error("%s", err->msg);
}

int cli_open_db(const cli_opts *o, int may_build, int *fresh, int *lockfd, sqlite3 **db)
{
	gv_error err;
	int fd, rc;

	gv_error_clear(&err);
	*db = NULL;
	*fresh = 0;
	fd = db_lock(o->db, &err);
	if (fd < 0) {
		cli_report_error(&err);
		return fd == -2 ? GV_EXIT_LOCKED : GV_EXIT_DB;
	}
	rc = may_build ? db_is_new(o->db, &err) : 0;
	if (rc == 1) {
		*fresh = 1;
		rc = db_open_new(o->db, db, &err);
	} else if (rc == 0) {
		db_discard_new(NULL, o->db); /* a killed first load's side file */
		rc = db_open(o->db, db, &err);
	}
	if (rc < 0) {
		cli_report_error(&err);
		db_unlock(fd);
		return GV_EXIT_DB;
	}
	*lockfd = fd;
	return 0;
}
