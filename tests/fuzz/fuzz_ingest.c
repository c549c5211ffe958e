/* fuzz_ingest.c: a whole dump file through ingest_file(), the code path of
 * `gvaudit ingest` (fingerprint, gzip detection, libcsv records with line
 * tracking, header map, row checks, store, rejects, FTS), into a database in
 * a temporary directory. After each file the database must still pass
 * PRAGMA quick_check. The database is started afresh every 500 inputs. */
#include <unistd.h>

#include "common/db.h"
#include "common/log.h"
#include "fuzz_common.h"
#include "ingest/ingest.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

static char dir[] = "/tmp/gvaudit-fuzz-ingest.XXXXXX";
static char dbpath[256], inpath[256];
static sqlite3 *db;
static long iter;

static void fresh_db(void)
{
	gv_error err;
	char side[300];

	db_close(db);
	db = NULL;
	unlink(dbpath);
	snprintf(side, sizeof side, "%s-wal", dbpath);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", dbpath);
	unlink(side);
	gv_error_clear(&err);
	if (db_open(dbpath, &db, &err) < 0)
		fuzz_die(&err);
	/* the fuzzer is not testing durability: keep the disk out of it */
	sqlite3_exec(db, "PRAGMA synchronous = OFF", NULL, NULL, NULL);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	if (!mkdtemp(dir))
		abort();
	snprintf(dbpath, sizeof dbpath, "%s/fuzz.db", dir);
	snprintf(inpath, sizeof inpath, "%s/input.csv", dir);
	log_set_quiet(1);
	fresh_db();
	return 0;
}

static int check_ok(void *ctx, int n, char **v, char **names)
{
	(void)ctx;
	(void)names;
	if (n != 1 || !v[0] || strcmp(v[0], "ok") != 0) {
		fprintf(stderr, "quick_check: %s\n", v[0] ? v[0] : "(null)");
		abort();
	}
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ingest_opts o = {1, (int)(size & 1), NULL}; /* with and without FTS */
	ingest_totals t;
	gv_error err;
	FILE *f;
	int rc;

	if (++iter % 500 == 0)
		fresh_db();
	f = fopen(inpath, "wb");
	if (!f || fwrite(data, 1, size, f) != size || fclose(f) != 0)
		abort();
	memset(&t, 0, sizeof t);
	gv_error_clear(&err);
	rc = ingest_file(db, inpath, &o, &t, &err);
	if (rc < 0) {
		/* a database error on a healthy database is a bug */
		fprintf(stderr, "ingest_file: %s\n", err.msg);
		abort();
	}
	if (!sqlite3_get_autocommit(db)) {
		fprintf(stderr, "ingest_file left a transaction open\n");
		abort();
	}
	if (sqlite3_exec(db, "PRAGMA quick_check", check_ok, NULL, NULL) != SQLITE_OK)
		abort();
	return 0;
}
