/* cmd_bands.c: `gvaudit bands "TEXT"... [--market CC]`: show what the band
 * parser reads in a text, and how it fits a market. Each TEXT is parsed as a
 * separate source (like a listing's title, specs and description); "-" reads
 * standard input. Output is one "name: value" line per fact, for grep. */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "analyze/bands.h"
#include "analyze/markets.h"
#include "cli/cli.h"
#include "common/paths.h"

static int read_stdin(strbuf *sb)
{
	char buf[8192];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, stdin)) > 0)
		sb_add(sb, buf, n);
	return ferror(stdin) ? -1 : 0;
}

static void print_line(const char *name, const bands *b,
		       void (*fmt)(const bands *, strbuf *, const char *))
{
	strbuf sb;
	sb_init(&sb);
	fmt(b, &sb, " ");
	printf("%s:%s%s\n", name, sb.len ? " " : "", sb.buf);
	sb_release(&sb);
}

static int valid_country(const char *s)
{
	return strlen(s) >= 2 && strlen(s) <= 8 && strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
						       "abcdefghijklmnopqrstuvwxyz") == strlen(s);
}

/* getopt stops at the first TEXT ("+" in cli_parse), but the documented
 * form is `bands "TEXT" --market CC`: take the options that follow the texts
 * here. Returns -1 to continue, or the exit status after a usage error. */
static int trailing_options(cli_opts *o)
{
	int i, n = 0, texts_only = 0;
	for (i = 0; i < o->nargs; i++) {
		const char *a = o->args[i];
		const char **dst = NULL;
		const char *val = NULL;
		if (texts_only || strncmp(a, "--", 2) != 0) {
			o->args[n++] = o->args[i];
			continue;
		}
		if (!strcmp(a, "--")) {
			texts_only = 1;
			continue;
		}
		if (!strncmp(a, "--market", 8) && (a[8] == '\0' || a[8] == '='))
			dst = &o->market, val = a[8] ? a + 9 : NULL;
		else if (!strncmp(a, "--data", 6) && (a[6] == '\0' || a[6] == '='))
			dst = &o->data, val = a[6] ? a + 7 : NULL;
		if (!dst) {
			fprintf(stderr, "gvaudit bands: unknown option '%s'; try --help\n", a);
			return GV_EXIT_USAGE;
		}
		if (!val && i + 1 < o->nargs)
			val = o->args[++i];
		if (!val || !*val) {
			fprintf(stderr, "gvaudit bands: option '%s' needs a value; try --help\n", a);
			return GV_EXIT_USAGE;
		}
		*dst = val;
	}
	o->nargs = n;
	return -1;
}

static int run_bands(const cli_opts *opts)
{
	cli_opts copy = *opts, *o = &copy;
	bands b;
	markets m;
	gv_error err;
	strbuf in, missing;
	char dir[PATH_MAX];
	int i, rc = GV_EXIT_OK;

	memset(&m, 0, sizeof m);
	gv_error_clear(&err);
	sb_init(&in);
	sb_init(&missing);
	if ((rc = trailing_options(o)) >= 0)
		goto cleanup;
	rc = GV_EXIT_OK;
	if (o->nargs < 1) {
		fputs("gvaudit bands: no TEXT given; try --help\n", stderr);
		rc = GV_EXIT_USAGE;
		goto cleanup;
	}
	if (o->market && !valid_country(o->market)) {
		fprintf(stderr, "gvaudit bands: bad market '%s': want a country code such as DE; "
				"try --help\n", o->market);
		rc = GV_EXIT_USAGE;
		goto cleanup;
	}
	if (o->market && (paths_datadir(o->data, dir, sizeof dir, &err) < 0 ||
			  markets_load(&m, dir, &err) < 0)) {
		cli_report_error(&err);
		rc = GV_EXIT_DATA;
		goto cleanup;
	}
	bands_init(&b);
	for (i = 0; i < o->nargs; i++) {
		if (!strcmp(o->args[i], "-")) {
			sb_reset(&in);
			if (read_stdin(&in) < 0) {
				fputs("gvaudit bands: cannot read standard input\n", stderr);
				rc = GV_EXIT_USAGE;
				goto cleanup;
			}
			bands_parse(&b, in.buf, in.len);
		} else {
			bands_parse(&b, o->args[i], strlen(o->args[i]));
		}
	}
	print_line("lte", &b, bands_format_lte);
	print_line("nr", &b, bands_format_nr);
	print_line("umts", &b, bands_format_umts);
	print_line("maybe", &b, bands_format_maybe);
	printf("confidence: %s\n", bands_confidence_name(b.confidence));
	if (o->market) {
		const market *mk = markets_find(&m, o->market);
		compat_grade g = markets_compat(mk, &b, &missing);
		if (mk)
			printf("market: %s (%s)\n", mk->code, o->market);
		else
			printf("market: none (%s)\n", o->market);
		printf("compat: %s\nmissing:%s%s\n", compat_name(g), missing.len ? " " : "",
		       missing.buf);
	}
cleanup:
	markets_release(&m);
	sb_release(&in);
	sb_release(&missing);
	return rc;
}

const cli_command cmd_bands = {
	"bands", run_bands, OPT_DATA | OPT_MARKET,
	"\"TEXT\"... [--market CC]  (show the bands parsed from a text)",
	"Parse the band lists in each TEXT (one source each, like a listing's title,\n"
	"specs and description; \"-\" reads standard input) and print, one line each:\n"
	"lte, nr and umts (3G) band sets, maybe (LTE bands an ambiguous MHz figure or\n"
	"range may mean), confidence (none | ambiguous | likely | sure) and, with\n"
	"--market, the market of that country, compat (all | core | some | none |\n"
	"unknown) and the key LTE bands that are missing (\"B20;B28\").\n",
};
