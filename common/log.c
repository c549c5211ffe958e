/* log.c: see log.h. */
#include "common/log.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "common/util.h"

static int quiet;
static int progress_shown;

void log_set_quiet(int q)
{
	quiet = q;
}

/* Write the message with control characters as \xNN: messages quote
 * scraped text (ids, header names, file names), and a line break in it must
 * not start a forged log line. */
static void put_line(const char *fmt, va_list ap)
{
	char small[1024], *buf = small;
	const unsigned char *p;
	va_list aq;
	int n;

	va_copy(aq, ap);
	n = vsnprintf(small, sizeof small, fmt, aq);
	va_end(aq);
	if (n < 0)
		return;
	if ((size_t)n >= sizeof small) {
		buf = xmalloc((size_t)n + 1);
		vsnprintf(buf, (size_t)n + 1, fmt, ap);
	}
	for (p = (const unsigned char *)buf; *p; p++) {
		if (*p < 0x20 || *p == 0x7F)
			fprintf(stderr, "\\x%02X", *p);
		else
			fputc(*p, stderr);
	}
	if (buf != small)
		free(buf);
}

static void emit(const char *prefix, const char *fmt, va_list ap)
{
	if (progress_shown)
		progress_done();
	fprintf(stderr, "gvaudit: %s", prefix);
	put_line(fmt, ap);
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
