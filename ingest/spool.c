/* spool.c: see spool.h. */
#include "ingest/spool.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/tmpfile.h"

#define SPOOL_BUF (256 * 1024)

/* Write all of buf[0..n) to fd. 0, or -1 with errno set. */
static int write_all(int fd, const char *buf, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, buf, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			return -1;
		buf += w;
		n -= (size_t)w;
	}
	return 0;
}

int spool_stdin(spool *sp, const char *near, gv_error *err)
{
	char *buf = NULL;
	int rc = -1, saved;

	sp->path[0] = '\0';
	sp->fd = tmpfile_near(near, "stdin");
	if (sp->fd < 0) {
		saved = errno;
		gv_error_set(err, "-", 0, "cannot make a temporary file in '%s' for standard input: %s",
			     tmpfile_dir(), strerror(saved));
		goto cleanup;
	}
	buf = xmalloc(SPOOL_BUF);
	for (;;) {
		ssize_t n = read(STDIN_FILENO, buf, SPOOL_BUF);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			saved = errno;
			gv_error_set(err, "-", 0, "cannot read standard input: %s", strerror(saved));
			goto cleanup;
		}
		if (n == 0)
			break;
		if (write_all(sp->fd, buf, (size_t)n) < 0) {
			saved = errno;
			gv_error_set(err, "-", 0, "cannot copy standard input to a temporary file: %s",
				     strerror(saved));
			goto cleanup;
		}
	}
	snprintf(sp->path, sizeof sp->path, "/proc/self/fd/%d", sp->fd);
	rc = 0;
cleanup:
	free(buf);
	if (rc < 0)
		spool_close(sp);
	return rc;
}

void spool_close(spool *sp)
{
	if (sp->fd >= 0)
		close(sp->fd);
	sp->fd = -1;
	sp->path[0] = '\0';
}
