/* log.c: see log.h. */
#include "common/log.h"

#include <stdarg.h>
#include <stdio.h>
#include <unistd.h>

static int quiet;
static int progress_shown;

void log_set_quiet(int q)
{
	quiet = q;
}

static void emit(const char *prefix, const char *fmt, va_list ap)
{
	if (progress_shown)
		progress_done();
	fprintf(stderr, "gvaudit: %s", prefix);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void log_info(const char *fmt, ...)
{
	va_list ap;
	if (quiet)
		return;
	va_start(ap, fmt);
	emit("", fmt, ap);
	va_end(ap);
}

void log_warn(const char *fmt, ...)
{
	va_list ap;
	if (quiet)
		return;
	va_start(ap, fmt);
	emit("warning: ", fmt, ap);
	va_end(ap);
}

void log_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	emit("error: ", fmt, ap);
	va_end(ap);
}

void progress_update(const char *what, double done, double total)
{
	int pct, i, bar;

	if (quiet || !isatty(STDERR_FILENO) || total <= 0)
		return;
	pct = (int)(100.0 * done / total);
	if (pct > 100)
		pct = 100;
	bar = pct / 5;
	fprintf(stderr, "\r%-24.24s [", what);
	for (i = 0; i < 20; i++)
		fputc(i < bar ? '#' : ' ', stderr);
	fprintf(stderr, "] %3d%%", pct);
	fflush(stderr);
	progress_shown = 1;
}

void progress_done(void)
{
	if (!progress_shown)
		return;
	fputs("\r\033[K", stderr);
	fflush(stderr);
	progress_shown = 0;
}
