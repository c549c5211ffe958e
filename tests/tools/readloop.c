/* readloop.c: an analyst who never sets a busy timeout, for
 * tests/suites/fault_readers.sh.
 *
 *   readloop DB STOPFILE
 *
 * Until STOPFILE exists: open DB read-write (as the sqlite3 shell does, so
 * that it checkpoints and removes the WAL when it is the last to close),
 * with no busy handler, run one counting query, close. Prints one line per
 * failed query, "fail CODE MESSAGE" with SQLite's extended result code (the
 * shell prints only the primary one, which cannot tell a writer's lock from
 * a WAL-index rebuild), then "reads N fails M". Exit 0, or 2 on bad usage. */
#include <sqlite3.h>
#include <stdio.h>
#include <unistd.h>

static int one_read(const char *path)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *st = NULL;
	int rc;

	rc = sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_extended_result_codes(db, 1);
		rc = sqlite3_prepare_v2(db, "SELECT count(*) FROM listings", -1, &st, NULL);
	}
	if (rc == SQLITE_OK) {
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW)
			rc = SQLITE_OK;
	}
	if (rc != SQLITE_OK)
		printf("fail %d %s\n", rc, db ? sqlite3_errmsg(db) : "out of memory");
	sqlite3_finalize(st);
	sqlite3_close(db);
	return rc;
}

int main(int argc, char **argv)
{
	long reads = 0, fails = 0;

	if (argc != 3) {
		fprintf(stderr, "usage: readloop DB STOPFILE\n");
		return 2;
	}
	setvbuf(stdout, NULL, _IOLBF, 0);
	while (access(argv[2], F_OK) != 0) {
		if (one_read(argv[1]) != SQLITE_OK)
			fails++;
		reads++;
	}
	printf("reads %ld fails %ld\n", reads, fails);
	return 0;
}
