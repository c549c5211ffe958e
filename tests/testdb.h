/* testdb.h: for unit tests with a scratch database. */
#ifndef GV_TESTDB_H
#define GV_TESTDB_H

#include <stdio.h>
#include <unistd.h>

/* Remove the database at path and the -wal and -shm files SQLite leaves
 * beside it (the connection closed first). */
static inline void testdb_unlink(const char *path)
{
	static const char *const suffix[] = {"", "-wal", "-shm"};
	char p[512];
	size_t i;

	for (i = 0; i < sizeof suffix / sizeof suffix[0]; i++) {
		snprintf(p, sizeof p, "%s%s", path, suffix[i]);
		unlink(p);
	}
}

#endif
