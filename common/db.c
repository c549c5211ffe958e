/* db.c: see db.h. */
#include "common/db.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
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

int db_bind_text(sqlite3_stmt *st, int idx, const char *s, int n)
{
	if (!s)
		return sqlite3_bind_null(st, idx);
	return sqlite3_bind_text(st, idx, s, n, SQLITE_TRANSIENT);
}

static int user_version(sqlite3 *db, int *v)
{
	sqlite3_stmt *st;
	int rc;
	if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, NULL) != SQLITE_OK)
		return -1;
	rc = sqlite3_step(st);
	*v = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : -1;
}

/* Apply every embedded migration past the database's user_version, each in
 * its own transaction together with the version bump. */
static int migrate(sqlite3 *db, const char *path, gv_error *err)
{
	int v, i;
	char sql[64];

	if (user_version(db, &v) < 0)
		return db_fail(db, err, "cannot read schema version");
	if (v > schema_nmigrations)
		return gv_error_set(err, path, 0,
				    "database schema version %d is newer than this gvaudit (%d): upgrade gvaudit",
				    v, schema_nmigrations);
	for (i = v; i < schema_nmigrations; i++) {
		if (db_begin(db, err) < 0)
			return -1;
		if (db_exec(db, schema_migrations[i].sql, err) < 0) {
			char why[sizeof err->msg];
			snprintf(why, sizeof why, "%s", err->msg);
			db_rollback(db);
			return gv_error_set(err, path, 0, "cannot apply schema %s: %s",
					    schema_migrations[i].name, why);
		}
		snprintf(sql, sizeof sql, "PRAGMA user_version = %d", i + 1);
		if (db_exec(db, sql, err) < 0 || db_commit(db, err) < 0) {
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
	if (sqlite3_open_v2(path, &db, flags, NULL) != SQLITE_OK) {
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

int db_open(const char *path, sqlite3 **out, gv_error *err)
{
	sqlite3 *db;

	if (open_common(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, &db, err) < 0)
		return -1;
	if (db_exec(db, "PRAGMA journal_mode = WAL", err) < 0 ||
	    db_exec(db, "PRAGMA synchronous = NORMAL", err) < 0 ||
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
