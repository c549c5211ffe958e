/* db.c: see db.h. */
#include "common/db.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common/schema.h"

/* The system error behind an I/O failure, as " (Permission denied)", or "":
 * "disk I/O error" alone does not tell a full disk from a bad one. */
static const char *sys_detail(sqlite3 *db, char *buf, size_t size)
{
	int code = sqlite3_extended_errcode(db) & 0xff, e = sqlite3_system_errno(db);
	buf[0] = '\0';
	if (e && (code == SQLITE_IOERR || code == SQLITE_FULL || code == SQLITE_CANTOPEN))
		snprintf(buf, size, " (%s)", strerror(e));
	else if (sqlite3_extended_errcode(db) == SQLITE_IOERR_WRITE || code == SQLITE_FULL)
		/* the errno is often lost by then (EFBIG, ENOSPC) */
		snprintf(buf, size, " (a write failed: disk full or over the file-size limit?)");
	return buf;
}

int db_fail(sqlite3 *db, gv_error *err, const char *doing)
{
	char sys[128] = "";
	return gv_error_set(err, NULL, 0, "%s: %s%s", doing, db ? sqlite3_errmsg(db) : "no database",
			    db ? sys_detail(db, sys, sizeof sys) : "");
}

int db_exec(sqlite3 *db, const char *sql, gv_error *err)
{
	char *msg = NULL, sys[128];
	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		gv_error_set(err, NULL, 0, "database: %s%s", msg ? msg : sqlite3_errmsg(db),
			     sys_detail(db, sys, sizeof sys));
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

int db_prepare(sqlite3 *db, const char *sql, sqlite3_stmt **st, gv_error *err)
{
	if (sqlite3_prepare_v2(db, sql, -1, st, NULL) != SQLITE_OK)
		return gv_error_set(err, NULL, 0, "database: cannot prepare statement: %s (%.60s...)",
				    sqlite3_errmsg(db), sql);
	return 0;
}

int db_begin(sqlite3 *db, gv_error *err)
{
	return db_exec(db, "BEGIN IMMEDIATE", err);
}

int db_commit(sqlite3 *db, gv_error *err)
{
	return db_exec(db, "COMMIT", err);
}

void db_rollback(sqlite3 *db)
{
	if (!sqlite3_get_autocommit(db))
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
}

int db_table_empty(sqlite3 *db, const char *table, gv_error *err)
{
	sqlite3_stmt *st = NULL;
	char *q = sqlite3_mprintf("SELECT NOT EXISTS (SELECT 1 FROM \"%w\")", table);
	int rc = db_prepare(db, q, &st, err), empty;

	sqlite3_free(q);
	if (rc < 0)
		return -1;
	rc = sqlite3_step(st);
	empty = rc == SQLITE_ROW && sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW) {
		char doing[96];
		snprintf(doing, sizeof doing, "cannot count the rows of '%s'", table);
		return db_fail(db, err, doing);
	}
	return empty;
}

int db_bind_text(sqlite3_stmt *st, int idx, const char *s, int n)
{
	if (!s)
		return sqlite3_bind_null(st, idx);
	return sqlite3_bind_text(st, idx, s, n, SQLITE_TRANSIENT);
}

int db_bind_view(sqlite3_stmt *st, int idx, const char *s, int n)
{
	if (!s)
		return sqlite3_bind_null(st, idx);
	return sqlite3_bind_text(st, idx, s, n, SQLITE_STATIC);
}

int db_pragma_get(sqlite3 *db, const char *name, long long *v)
{
	sqlite3_stmt *st = NULL;
	char *sql = sqlite3_mprintf("PRAGMA %s", name);
	int rc = -1;

	if (sql && sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW) {
		*v = sqlite3_column_int64(st, 0);
		rc = 0;
	}
	sqlite3_finalize(st);
	sqlite3_free(sql);
	return rc;
}

int db_pragma_set(sqlite3 *db, const char *name, long long v, gv_error *err)
{
	char sql[96];

	snprintf(sql, sizeof sql, "PRAGMA %s = %lld", name, v);
	return db_exec(db, sql, err);
}

/* Apply every embedded migration past the database's user_version, each in
 * its own transaction together with the version bump. */
static int migrate(sqlite3 *db, const char *path, gv_error *err)
{
	long long v;
	int i;

	if (db_pragma_get(db, "user_version", &v) < 0)
		return db_fail(db, err, "cannot read schema version");
	if (v > schema_nmigrations)
		return gv_error_set(err, path, 0,
				    "database schema version %lld is newer than this gvaudit (%d): upgrade gvaudit",
				    v, schema_nmigrations);
	for (i = (int)v; i < schema_nmigrations; i++) {
		if (db_begin(db, err) < 0)
			return -1;
		if (db_exec(db, schema_migrations[i].sql, err) < 0) {
			char why[sizeof err->msg];
			snprintf(why, sizeof why, "%s", err->msg);
			db_rollback(db);
			return gv_error_set(err, path, 0, "cannot apply schema %s: %s",
					    schema_migrations[i].name, why);
		}
		if (db_pragma_set(db, "user_version", i + 1, err) < 0 || db_commit(db, err) < 0) {
			db_rollback(db);
			return -1;
		}
	}
	return 0;
}

static int open_common(const char *path, int flags, sqlite3 **out, gv_error *err)
{
	sqlite3 *db = NULL;

	*out = NULL;
	/* NOMUTEX: every connection is used by one thread at a time (the
	 * helper threads of ingest and analyze never call SQLite), so the
	 * per-call connection mutex is pure cost: sqlite3_column_* take it for
	 * every cell read. Without it the report runs 14.5% fewer instructions
	 * and a first night 2.4% (callgrind, scales 0.1 and 0.01). */
	if (sqlite3_open_v2(path, &db, flags | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		gv_error_set(err, path, 0, "cannot open database '%s': %s", path,
			     db ? sqlite3_errmsg(db) : "out of memory");
		sqlite3_close(db);
		return -1;
	}
	sqlite3_extended_result_codes(db, 1);
	/* Readers and the writer meet only at checkpoints; wait rather than fail. */
	sqlite3_busy_timeout(db, 10000);
	*out = db;
	return 0;
}

/* Page cache per connection, in KiB (negative: SQLite's unit for KiB). The
 * default 2 MiB makes every insert into the big unique indexes (review_id,
 * qa_id, the listing history) re-read its pages through pread(2): half of a
 * first night's ingest was system time. SQLite's sorter (CREATE INDEX,
 * ORDER BY) may use as much again, so 24 MiB keeps a run inside the 100 MB
 * peak RSS budget of issue 7 (measured by tests/bench/run.sh). */
#ifndef DB_CACHE_KIB
#define DB_CACHE_KIB "-24576"
#endif
/* SQLite's heap, process-wide, in bytes: a safety net. Past it the page
 * cache recycles clean pages and sorters spill to their temporary files
 * early, so one statement with many sorts (the seller figures' GROUP BYs)
 * cannot keep a cache's worth of rows per sort. It does not bound dirty
 * pages: cache_size above does. */
#ifndef DB_SOFT_HEAP_LIMIT
#define DB_SOFT_HEAP_LIMIT "67108864"
#endif

/* Open path read-write (creating it), run the given mode pragmas, then the
 * settings every writer shares, and migrate. 0 and *out, or -1. */
static int open_writer(const char *path, const char *mode, sqlite3 **out, gv_error *err)
{
	sqlite3 *db;

	if (open_common(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, &db, err) < 0)
		return -1;
	if (db_exec(db, mode, err) < 0 ||
	    db_exec(db, "PRAGMA foreign_keys = OFF", err) < 0 ||
	    /* Sorts and temporary b-trees spill to temporary files: in memory
	     * (temp_store = MEMORY) a first night's CREATE INDEX alone held the
	     * whole index, 130 MB per GB of reviews, and was 2.5x slower. */
	    db_exec(db, "PRAGMA temp_store = FILE", err) < 0 ||
	    db_exec(db, "PRAGMA cache_size = " DB_CACHE_KIB, err) < 0 ||
	    db_exec(db, "PRAGMA soft_heap_limit = " DB_SOFT_HEAP_LIMIT, err) < 0 ||
	    migrate(db, path, err) < 0) {
		if (!err->file[0])
			snprintf(err->file, sizeof err->file, "%s", path);
		sqlite3_close(db);
		return -1;
	}
	*out = db;
	return 0;
}

int db_open(const char *path, sqlite3 **out, gv_error *err)
{
	return open_writer(path, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL", out,
			   err);
}

int db_open_readonly(const char *path, sqlite3 **out, gv_error *err)
{
	return open_common(path, SQLITE_OPEN_READONLY, out, err);
}

void db_close(sqlite3 *db)
{
	if (!db)
		return;
	if (sqlite3_db_readonly(db, "main") == 0) {
		/* The checkpoint SQLite runs when its last connection closes holds
		 * an EXCLUSIVE lock on the database file while it copies the WAL
		 * back and deletes it: an analyst's sqlite3 shell (no busy timeout)
		 * opening then fails with "database is locked". Checkpoint here
		 * instead, in the shared-lock way that waits for readers (our busy
		 * timeout) and truncates the WAL, then close without the exclusive
		 * step. The empty WAL file stays. (tests/suites/fault_readers.sh) */
		sqlite3_wal_checkpoint_v2(db, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
		sqlite3_db_config(db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, (int *)NULL);
	}
	sqlite3_close(db);
}

int db_lock(const char *path, gv_error *err)
{
	char lockpath[4096];
	int fd, saved;

	snprintf(lockpath, sizeof lockpath, "%s.lock", path);
	fd = open(lockpath, O_RDWR | O_CREAT | O_CLOEXEC, 0666);
	if (fd < 0) {
		saved = errno;
		return gv_error_set(err, lockpath, 0, "cannot open lock file '%s': %s", lockpath,
				    strerror(saved));
	}
	if (flock(fd, LOCK_EX | LOCK_NB) < 0) {
		saved = errno;
		close(fd);
		if (saved == EWOULDBLOCK) {
			gv_error_set(err, path, 0,
				     "database '%s' is in use: another gvaudit holds '%s'", path,
				     lockpath);
			return -2;
		}
		return gv_error_set(err, lockpath, 0, "cannot lock '%s': %s", lockpath,
				    strerror(saved));
	}
	return fd;
}

void db_unlock(int fd)
{
	if (fd >= 0)
		close(fd); /* closing releases the flock */
}

char *db_meta_get(sqlite3 *db, const char *key)
{
	sqlite3_stmt *st;
	char *val = NULL;

	if (sqlite3_prepare_v2(db, "SELECT value FROM meta WHERE key = ?", -1, &st, NULL) !=
	    SQLITE_OK)
		return NULL;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
		val = xstrdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return val;
}

int db_meta_set(sqlite3 *db, const char *key, const char *value, gv_error *err)
{
	sqlite3_stmt *st;
	int rc;

	if (db_prepare(db, "INSERT INTO meta(key, value) VALUES (?, ?) "
			   "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
		       &st, err) < 0)
		return -1;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	db_bind_text(st, 2, value, -1);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_fail(db, err, "cannot store meta");
	return 0;
}

long long db_run_begin(sqlite3 *db, const char *command, gv_error *err)
{
	sqlite3_stmt *st;
	char now[32];
	long long id;

	utc_now_iso(now, sizeof now);
	if (db_prepare(db, "INSERT INTO runs(command, started_at, version) VALUES (?, ?, ?)", &st,
		       err) < 0)
		return -1;
	sqlite3_bind_text(st, 1, command, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, GV_VERSION, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE) {
		sqlite3_finalize(st);
		return db_fail(db, err, "cannot record run");
	}
	sqlite3_finalize(st);
	id = sqlite3_last_insert_rowid(db);
	return id;
}

int db_run_end(sqlite3 *db, long long run_id, int status, gv_error *err)
{
	sqlite3_stmt *st;
	char now[32];
	int rc;

	utc_now_iso(now, sizeof now);
	if (db_prepare(db, "UPDATE runs SET finished_at = ?, status = ? WHERE run_id = ?", &st,
		       err) < 0)
		return -1;
	sqlite3_bind_text(st, 1, now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 2, status);
	sqlite3_bind_int64(st, 3, run_id);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : db_fail(db, err, "cannot close run");
}

/* path + suffix into buf; -1 with err filled when it does not fit. */
static int side_path(char *buf, size_t size, const char *path, const char *suffix,
		     gv_error *err)
{
	if ((size_t)snprintf(buf, size, "%s%s", path, suffix) < size)
		return 0;
	return gv_error_set(err, path, 0, "database path '%s' is too long", path);
}

/* Size of the file at path in *size, -1 when it does not exist. 0, or -1
 * with err filled (errno kept) on another error. */
static int file_size(const char *path, long long *size, gv_error *err)
{
	struct stat st;
	int saved;

	*size = -1;
	if (lstat(path, &st) == 0) {
		*size = S_ISREG(st.st_mode) ? (long long)st.st_size : LLONG_MAX;
		return 0;
	}
	saved = errno;
	if (saved == ENOENT)
		return 0;
	gv_error_set(err, path, 0, "cannot look at '%s': %s", path, strerror(saved));
	errno = saved;
	return -1;
}

int db_is_new(const char *path, gv_error *err)
{
	char wal[4096];
	long long db, log;

	if (side_path(wal, sizeof wal, path, "-wal", err) < 0 ||
	    file_size(path, &db, err) < 0 || file_size(wal, &log, err) < 0)
		return -1;
	/* a WAL database whose first writer died before any checkpoint is an
	 * empty main file and all its content in the -wal file */
	return db <= 0 && log <= 0;
}

void db_discard_new(sqlite3 *db, const char *path)
{
	static const char *const suffix[] = {".new", ".new-journal", ".new-wal", ".new-shm"};
	char buf[4096];
	size_t i;
	gv_error err;

	sqlite3_close_v2(db);
	for (i = 0; i < sizeof suffix / sizeof suffix[0]; i++)
		if (side_path(buf, sizeof buf, path, suffix[i], &err) == 0)
			unlink(buf);
}

/* Pragmas of the side file: nobody else can open it, and a kill discards
 * it, so no sync and one lock taken for good (no cache revalidation
 * between transactions). A rollback journal stays: a refused file rolls its
 * rows back, and pages a transaction appends to the file are not
 * journaled, so on a first night it holds little. */
#define NEW_MODE                                                                              \
	"PRAGMA locking_mode = EXCLUSIVE; PRAGMA journal_mode = DELETE; "                     \
	"PRAGMA synchronous = OFF"

int db_open_new(const char *path, sqlite3 **out, gv_error *err)
{
	char side[4096];

	*out = NULL;
	if (side_path(side, sizeof side, path, ".new", err) < 0)
		return -1;
	db_discard_new(NULL, path); /* a killed first load's */
	if (open_writer(side, NEW_MODE, out, err) < 0) {
		db_discard_new(NULL, path);
		return -1;
	}
	return 0;
}

/* fsync the file or directory at path. 0, or -1 with err filled. */
static int sync_path(const char *path, int flags, gv_error *err)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC | flags), rc, saved;

	if (fd < 0) {
		saved = errno;
		return gv_error_set(err, path, 0, "cannot open '%s' to sync it: %s", path,
				    strerror(saved));
	}
	rc = fsync(fd);
	saved = errno;
	close(fd);
	if (rc < 0)
		return gv_error_set(err, path, 0, "cannot sync '%s': %s", path, strerror(saved));
	return 0;
}

/* The file's header says WAL (read and write versions 2, bytes 18-19): a
 * checkpoint that failed as the connection closed would leave the switch
 * only in the -wal file. 0, or -1 with err filled. */
static int check_wal_header(const char *side, gv_error *err)
{
	unsigned char v[2] = {0, 0};
	int fd = open(side, O_RDONLY | O_CLOEXEC);
	ssize_t n = fd < 0 ? -1 : pread(fd, v, 2, 18);

	if (fd >= 0)
		close(fd);
	if (n != 2 || v[0] != 2 || v[1] != 2)
		return gv_error_set(err, side, 0, "cannot switch '%s' to WAL mode", side);
	return 0;
}

/* The directory holding path, into buf ("." for a bare name). */
static void dir_of(const char *path, char *buf, size_t size)
{
	const char *slash = strrchr(path, '/');

	if (!slash)
		snprintf(buf, size, ".");
	else
		snprintf(buf, size, "%.*s", slash == path ? 1 : (int)(slash - path), path);
}

/* Move the closed side file to path: drop the -wal and -shm files an
 * earlier database left (empty, db_is_new checked), rename, sync the
 * directory. 0, or -1 with err filled (only the rename's failure leaves the
 * side file: the caller removes it). */
static int move_into_place(const char *side, const char *path, gv_error *err)
{
	char buf[4096];
	int saved;

	switch (db_is_new(path, err)) {
	case -1: return -1;
	case 0:
		return gv_error_set(err, path, 0,
				    "database '%s' was created by another program during the "
				    "first load: not replaced", path);
	}
	if (side_path(buf, sizeof buf, path, "-wal", err) < 0)
		return -1;
	unlink(buf);
	if (side_path(buf, sizeof buf, path, "-shm", err) < 0)
		return -1;
	unlink(buf);
	if (rename(side, path) < 0) {
		saved = errno;
		return gv_error_set(err, path, 0, "cannot rename '%s' to '%s': %s", side, path,
				    strerror(saved));
	}
	dir_of(path, buf, sizeof buf);
	return sync_path(buf, O_DIRECTORY, err);
}

int db_publish(sqlite3 *db, const char *path, gv_error *err)
{
	char side[4096];
	int rc = -1;

	if (side_path(side, sizeof side, path, ".new", err) < 0)
		goto cleanup;
	/* the switch itself is written through the WAL; closing the last
	 * connection checkpoints it into the file and removes the WAL */
	if (db_exec(db, "PRAGMA journal_mode = WAL", err) < 0)
		goto cleanup;
	if (sqlite3_close(db) != SQLITE_OK) {
		db_fail(db, err, "cannot close the new database");
		goto cleanup;
	}
	db = NULL;
	if (check_wal_header(side, err) < 0 || sync_path(side, 0, err) < 0 ||
	    move_into_place(side, path, err) < 0)
		goto cleanup;
	rc = 0;
cleanup:
	if (rc < 0)
		db_discard_new(db, path);
	return rc;
}
