/* util.h: allocation, growable strings and the error struct every module fills.
 *
 * Out of memory in a batch tool is not recoverable: the x* allocators print
 * and abort. Everything else reports failure through a caller-owned gv_error
 * and a status return; only main() prints and exits. */
#ifndef GV_UTIL_H
#define GV_UTIL_H

#include <stdarg.h>
#include <stddef.h>

/* Exit statuses of the gvaudit binary (the public contract of --help). */
enum {
	GV_EXIT_OK = 0,      /* every input processed */
	GV_EXIT_REFUSED = 1, /* finished, but at least one whole file was refused */
	GV_EXIT_USAGE = 2,   /* bad command line */
	GV_EXIT_LOCKED = 3,  /* another gvaudit holds the database's lock */
	GV_EXIT_DB = 4,      /* the database cannot be opened, migrated or written */
	GV_EXIT_DATA = 5,    /* reference data under schemas/ missing or invalid */
	GV_EXIT_OUTPUT = 6   /* reports cannot be written */
};

/* Detail of a failure: where and why. Filled by library code, printed by main. */
typedef struct gv_error {
	char file[512]; /* input file, or "" */
	long line;      /* 1-based line in file, or 0 */
	char msg[1024]; /* the problem, first; lowercase; no trailing newline */
} gv_error;

void gv_error_clear(gv_error *err);
/* Record a problem; file may be NULL. Always returns -1 so callers can
 * `return gv_error_set(...)`. */
int gv_error_set(gv_error *err, const char *file, long line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

void *xmalloc(size_t n);
void *xcalloc(size_t nmemb, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/* A growable NUL-terminated byte string (sds-like, caller-owned struct). */
typedef struct strbuf {
	char *buf;  /* always NUL-terminated once initialised */
	size_t len; /* bytes before the NUL */
	size_t cap; /* allocated bytes */
} strbuf;

void sb_init(strbuf *sb);
void sb_release(strbuf *sb);
void sb_reset(strbuf *sb);
void sb_grow(strbuf *sb, size_t extra);
void sb_add(strbuf *sb, const char *s, size_t n);
void sb_adds(strbuf *sb, const char *s);
void sb_addc(strbuf *sb, char c);
void sb_addf(strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Hand the buffer to the caller (free() it) and reset sb to a fresh empty
 * buffer, ready for reuse: sb still owns that one, so sb_release(sb) when
 * done with it (forgetting this leaked a buffer per device_norm call). */
char *sb_detach(strbuf *sb);

/* Case-insensitive ASCII comparison; 0 when equal. */
int ascii_casecmp(const char *a, const char *b);
/* 1 when the environment variable name is exactly "1": how
 * GVAUDIT_INGEST_THREADS and GVAUDIT_REPORT_THREADS ask for one thread,
 * so tests can compare it with two. */
int env_is_one(const char *name);
/* Monotonic seconds, for durations in logs. */
double now_seconds(void);
/* Current UTC time as "YYYY-MM-DDTHH:MM:SSZ" into buf (>= 21 bytes). */
void utc_now_iso(char *buf, size_t size);

#endif
