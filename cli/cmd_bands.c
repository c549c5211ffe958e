/* cmd_bands.c: `gvaudit bands "TEXT" [--market CC]`: placeholder until the
 * band parser lands. */
#include <stdio.h>

#include "cli/cli.h"

static int run_bands(const cli_opts *o)
{
	(void)o;
	fputs("gvaudit bands: not implemented yet\n", stderr);
	return GV_EXIT_USAGE;
}

const cli_command cmd_bands = {
	"bands", run_bands, OPT_DATA | OPT_MARKET,
	"\"TEXT\" [--market CC]  (show the bands parsed from a text)",
	"Parse the band list in TEXT and print the LTE and NR band sets, how sure the\n"
	"parse is and, with --market, the key bands of that market that are missing.\n",
};
