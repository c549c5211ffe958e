/* main.c: `gvaudit COMMAND [options]`: dispatch to the subcommands. */
#include <malloc.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"

static const cli_command *const commands[] = {
	&cmd_run, &cmd_ingest, &cmd_analyze, &cmd_report, &cmd_bands,
};
#define NCOMMANDS (sizeof commands / sizeof commands[0])

static void usage(FILE *f)
{
	size_t i;
	fputs("usage: gvaudit COMMAND [options]\n"
	      "\n"
	      "Audits marketplace phone listings for \"Global Version\" mislabelling.\n"
	      "\n"
	      "commands:\n",
	      f);
	for (i = 0; i < NCOMMANDS; i++)
		fprintf(f, "  %-8s %s\n", commands[i]->name, commands[i]->synopsis);
	fputs("\n"
	      "`gvaudit COMMAND --help` describes each command; `gvaudit --version` the version.\n"
	      "\n"
	      "exit status:\n"
	      "  0  every input processed (rejected rows are counted, not failures)\n"
	      "  1  finished, but a whole input file was refused (named in the log)\n"
	      "  2  usage error\n"
	      "  3  another gvaudit holds the database's lock (DB.lock)\n"
	      "  4  the database cannot be opened, migrated or written (e.g. disk full)\n"
	      "  5  reference data (schemas/*.csv) missing or invalid\n"
	      "  6  reports cannot be written\n",
	      f);
}

int main(int argc, char **argv)
{
	size_t i;

	/* Over the file-size limit (ulimit -f) a write must fail with EFBIG, so
	 * the transaction is rolled back and the cause reported (exit 4 or 6),
	 * instead of the process dying of SIGXFSZ without a word. */
	signal(SIGXFSZ, SIG_IGN);

#ifdef M_MMAP_THRESHOLD
	/* Blocks of 128 KiB and more (queue batches, SQLite's sorters) always
	 * mapped, and returned to the system when freed. glibc otherwise raises
	 * the threshold to the largest mapped block freed so far, and later
	 * such blocks come from the heap, where freed they stay resident: a
	 * night 2 at scale 1 peaked at 85.5 MB without this call, 64.6 MB with
	 * it (tests/bench/HISTORY.md, fourteenth round). */
	mallopt(M_MMAP_THRESHOLD, 128 * 1024);
#endif

	if (argc < 2) {
		usage(stderr);
		return GV_EXIT_USAGE;
	}
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
		usage(stdout);
		return GV_EXIT_OK;
	}
	if (!strcmp(argv[1], "--version") || !strcmp(argv[1], "-V")) {
		printf("gvaudit %s\n", GV_VERSION);
		return GV_EXIT_OK;
	}
	for (i = 0; i < NCOMMANDS; i++) {
		if (!strcmp(argv[1], commands[i]->name)) {
			cli_opts o;
			int rc = cli_parse(commands[i], argc - 1, argv + 1, &o);
			if (rc >= 0)
				return rc;
			return commands[i]->run(&o);
		}
	}
	fprintf(stderr, "gvaudit: unknown command '%s'; try --help\n", argv[1]);
	return GV_EXIT_USAGE;
}
