/* test_db.c: the first load's side file (db_is_new, db_open_new,
 * db_publish, db_discard_new): what counts as no database yet, what is left
 * after publishing, and that a database another program created meanwhile
 * is never replaced. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common/db.h"

static char dir[64], path[128];

/* path + suffix, in one of two static buffers (two may be in use at once) */
static const char *at(const char *suffix)
{
	static char buf[2][160];
	static int slot;
	slot ^= 1;
	snprintf(buf[slot], sizeof buf[slot], "%s%s", path, suffix);
	return buf[slot];
}

static void put(const char *file, const char *text)
{
	FILE *f = fopen(file, "w");
	cr_assert(f);
	fputs(text, f);
	fclose(f);
}

static void setup(void)
{
	snprintf(dir, sizeof dir, "/tmp/gvaudit-test-db-%ld", (long)getpid());
	mkdir(dir, 0700);
	snprintf(path, sizeof path, "%s/g.db", dir);
}

static void teardown(void)
{
	static const char *const suffix[] = {"", "-wal", "-shm", ".new", ".new-journal"};
	size_t i;
	for (i = 0; i < sizeof suffix / sizeof suffix[0]; i++)
		unlink(at(suffix[i]));
	rmdir(dir);
}

TestSuite(db, .init = setup, .fini = teardown);

static int is_new(void)
{
	gv_error err;
	gv_error_clear(&err);
	return db_is_new(path, &err);
}

Test(db, what_counts_as_new)
{
	cr_assert_eq(is_new(), 1, "no file");
	put(at(""), "");
	cr_assert_eq(is_new(), 1, "an empty file");
	put(at("-wal"), "");
	cr_assert_eq(is_new(), 1, "an empty file and an empty -wal");
	/* a WAL database whose writer died before any checkpoint */
	put(at("-wal"), "frames");
	cr_assert_eq(is_new(), 0, "an empty file and a -wal with content");
	unlink(at("-wal"));
	put(at(""), "x");
	cr_assert_eq(is_new(), 0, "a file with content");
}

/* The file's header says WAL: read and write versions 2 (bytes 18-19). */
static int wal_header(const char *file)
{
	unsigned char v[20] = {0};
	FILE *f = fopen(file, "rb");
	cr_assert(f);
	cr_assert_eq(fread(v, 1, sizeof v, f), sizeof v);
	fclose(f);
	return v[18] == 2 && v[19] == 2;
}

/* A side file (over a stale one) holding one meta row, ready to publish. */
static sqlite3 *side_with_a_row(void)
{
	sqlite3 *db;
	gv_error err;
	gv_error_clear(&err);
	put(at(".new"), "stale");
	cr_assert_eq(db_open_new(path, &db, &err), 0, "%s", err.msg);
	cr_assert_eq(db_exec(db, "INSERT INTO meta(key, value) VALUES ('probe', 'side')", &err), 0,
		     "%s", err.msg);
	return db;
}

Test(db, publish_renames_a_wal_database)
{
	sqlite3 *db = side_with_a_row();
	gv_error err;
	char *v;

	put(at(""), ""); /* an analyst's shell was first */
	put(at("-wal"), "");
	gv_error_clear(&err);
	cr_assert_eq(db_publish(db, path, &err), 0, "%s", err.msg);
	cr_assert_neq(access(at(".new"), F_OK), 0, "side file left");
	cr_assert_neq(access(at(".new-journal"), F_OK), 0, "journal left");
	cr_assert_neq(access(at("-wal"), F_OK), 0, "the old empty -wal kept");
	cr_assert(wal_header(path), "not a WAL database");
	cr_assert_eq(db_open(path, &db, &err), 0, "%s", err.msg);
	v = db_meta_get(db, "probe");
	cr_assert_str_eq(v, "side");
	free(v);
	db_close(db);
}

Test(db, publish_never_replaces_a_database)
{
	sqlite3 *db = side_with_a_row(), *other;
	gv_error err;

	/* created by another program while the side file was built */
	gv_error_clear(&err);
	cr_assert_eq(sqlite3_open(at(""), &other), SQLITE_OK);
	cr_assert_eq(db_exec(other, "CREATE TABLE mine(x); INSERT INTO mine VALUES (7)", &err), 0,
		     "%s", err.msg);
	sqlite3_close(other);
	cr_assert_eq(db_publish(db, path, &err), -1);
	cr_assert(strstr(err.msg, "was created by another program"), "%s", err.msg);
	cr_assert_neq(access(at(".new"), F_OK), 0, "side file left after the refusal");
	cr_assert_eq(sqlite3_open(at(""), &other), SQLITE_OK);
	cr_assert_eq(db_exec(other, "DELETE FROM mine WHERE x = 7", &err), 0, "%s", err.msg);
	cr_assert_eq(sqlite3_changes(other), 1, "their row is gone");
	sqlite3_close(other);
}

Test(db, discard_removes_the_side_file)
{
	sqlite3 *db = side_with_a_row();
	db_discard_new(db, path);
	cr_assert_neq(access(at(".new"), F_OK), 0, "side file left");
	cr_assert_neq(access(at(".new-journal"), F_OK), 0, "journal left");
	cr_assert_neq(access(at(""), F_OK), 0, "a database appeared");
}
