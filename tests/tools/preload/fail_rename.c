/* fail_rename.c: LD_PRELOAD shim for the fault suites. rename(2) onto the
 * path named by FAIL_RENAME_TO fails with ENOSPC (as a full directory
 * would); every other rename goes to libc's. Lets tests/suites/fault_space.sh
 * reach the failed-rename path of a first load (common/db.c
 * move_into_place), which no file-size limit can. Not for the sanitizer
 * build: ASan wants to be the first library loaded. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int rename(const char *from, const char *to)
{
	static int (*real)(const char *, const char *);
	const char *target = getenv("FAIL_RENAME_TO");

	if (target && to && strcmp(to, target) == 0) {
		errno = ENOSPC;
		return -1;
	}
	if (!real)
		real = (int (*)(const char *, const char *))dlsym(RTLD_NEXT, "rename");
	return real ? real(from, to) : (errno = ENOSYS, -1);
}
