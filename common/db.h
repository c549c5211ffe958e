/* db.h: the SQLite store: opening, migrating, locking, small helpers.
 *
 * The database runs in WAL mode so analysts can read while a night runs
 * (except on a first load: db_open_new below).
 * Writers (ingest, analyze, report, run) also hold an exclusive advisory lock
 * on "<db>.lock", so a second writer is refused at once instead of waiting. */
#ifndef GV_DB_H
#define GV_DB_H

#include <sqlite3.h>

#include "common/util.h"

/* Open (creating if needed) the database at path and migrate it forward to
 * the schema this binary embeds. Returns 0 and sets *out, or -1 with err
 * filled (a database newer than this binary is an error, never downgraded).
 * Close with db_close(). */
int db_open(const char *path, sqlite3 **out, gv_error *err);
/* Open an existing database read-only, without migrating. */
int db_open_readonly(const char *path, sqlite3 **out, gv_error *err);
void db_close(sqlite3 *db);

/* A first load into a database that does not exist yet is built in a side
 * file, "<path>.new", with no syncs and the file locked for good, then made
 * a WAL database and renamed to path in one step (db_publish): nobody can
 * read a database that does not exist, so readers lose nothing, and a kill
 * leaves no database at all, only a side file the next writer removes.
 * These functions are called with the writer lock (db_lock) held. */

/* 1 when path holds no database yet: no file, or an empty one (what an
 * analyst's sqlite3 shell leaves when it opens a path that does not exist)
 * without a -wal file holding content. 0 when it does; -1 with err filled on
 * a system error. */
int db_is_new(const char *path, gv_error *err);
/* Create the side file of path (removing a stale one), set up for a bulk
 * load, with the schema. 0 and *out, or -1 with err filled. */
int db_open_new(const char *path, sqlite3 **out, gv_error *err);
/* Switch the side file open as db to WAL mode, close it, sync it and rename
 * it to path (which db_is_new must still call new: a database another
 * program created meanwhile is not replaced), then sync the directory.
 * db is closed either way; on failure the side file is removed. 0, or -1
 * with err filled. */
int db_publish(sqlite3 *db, const char *path, gv_error *err);
/* Close db (may be NULL) and remove path's side file and its journals. */
void db_discard_new(sqlite3 *db, const char *path);

/* Take the writer lock for the database at path. Returns a descriptor >= 0,
 * -1 with err filled on a system error, or -2 when another process holds it. */
int db_lock(const char *path, gv_error *err);
void db_unlock(int fd);

/* Run SQL with no results. 0 or -1 with err filled (err->msg names the SQL
 * error). */
int db_exec(sqlite3 *db, const char *sql, gv_error *err);
/* Prepare one statement; 0 or -1 with err filled. */
int db_prepare(sqlite3 *db, const char *sql, sqlite3_stmt **st, gv_error *err);
/* Fill err from the connection's last error, prefixed by what was being done.
 * Returns -1. */
int db_fail(sqlite3 *db, gv_error *err, const char *doing);

int db_begin(sqlite3 *db, gv_error *err);   /* BEGIN IMMEDIATE */
int db_commit(sqlite3 *db, gv_error *err);
void db_rollback(sqlite3 *db);              /* safe when no transaction is open */

/* meta(key, value): tool state such as reference-data fingerprints.
 * db_meta_get returns a malloc'd copy (free it) or NULL when unset. */
char *db_meta_get(sqlite3 *db, const char *key);
int db_meta_set(sqlite3 *db, const char *key, const char *value, gv_error *err);

/* The integer value of PRAGMA name into *v: 0, or -1 (*v untouched) when
 * it cannot be read. */
int db_pragma_get(sqlite3 *db, const char *name, long long *v);
/* PRAGMA name = v. 0 or -1 with err. */
int db_pragma_set(sqlite3 *db, const char *name, long long v, gv_error *err);

/* 1 when table has no row, 0 when it has one, -1 with err filled. */
int db_table_empty(sqlite3 *db, const char *table, gv_error *err);

/* Bind text of length n (n < 0: to its NUL), or NULL when s is NULL;
 * SQLite copies it. */
int db_bind_text(sqlite3_stmt *st, int idx, const char *s, int n);

/* The same without the copy (SQLITE_STATIC), for hot statements: s must
 * stay as it is until the statement's next step has run, and every
 * parameter bound this way must be bound again before the step after
 * that. The copy costs about 725 instructions a bind (callgrind, scale 0.1),
 * most of them SQLite's malloc and free. */
int db_bind_view(sqlite3_stmt *st, int idx, const char *s, int n);

/* Start a row in runs for this invocation; returns the run id (> 0) or -1. */
long long db_run_begin(sqlite3 *db, const char *command, gv_error *err);
/* Close the run row with its exit status. */
int db_run_end(sqlite3 *db, long long run_id, int status, gv_error *err);

#endif
