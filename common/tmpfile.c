/* tmpfile.c: see tmpfile.h. */
#include "common/tmpfile.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* mkstemp in dir[0..dirlen) ("" for the current directory), unlinked at
 * once. Returns the descriptor, or -1 with errno set. */
static int temp_in(const char *dir, size_t dirlen, const char *tag)
{
	char tmpl[4096];
	int fd, saved;

	if ((size_t)snprintf(tmpl, sizeof tmpl, "%.*s%s.gvaudit-%s.XXXXXX", (int)dirlen, dir,
			     dirlen ? "/" : "", tag) >= sizeof tmpl) {
		errno = ENAMETOOLONG;
		return -1;
	}
	fd = mkstemp(tmpl);
	if (fd < 0)
		return -1;
	if (unlink(tmpl) < 0) {
		saved = errno;
		close(fd);
		errno = saved;
		return -1;
	}
	return fd;
}

const char *tmpfile_dir(void)
{
	const char *tmpdir = getenv("TMPDIR");

	return tmpdir && *tmpdir ? tmpdir : "/tmp";
}

int tmpfile_near(const char *near, const char *tag)
{
	const char *slash = near ? strrchr(near, '/') : NULL;
	int fd = -1;

	if (near && *near)
		fd = slash ? temp_in(near, slash == near ? 1 : (size_t)(slash - near), tag)
			   : temp_in("", 0, tag);
	if (fd < 0) {
		const char *tmpdir = tmpfile_dir();
		fd = temp_in(tmpdir, strlen(tmpdir), tag);
	}
	return fd;
}
