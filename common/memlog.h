/* memlog.h: where the memory is, for chasing peak RSS (issue 7).
 *
 * With GVAUDIT_MEMLOG set in the environment, memlog("step") writes one
 * line to stderr:
 *   gvaudit: memory: at=step seconds=S rss_anon=KiB sqlite=KiB sqlite_peak=KiB
 *            pagecache_overflow=KiB malloc_used=KiB malloc_free=KiB mmapped=KiB
 * seconds is the wall time since the first such line, which places each
 * step in time (where the time goes, step by step); rss_anon is the process's resident anonymous memory (/proc/self/status
 * RssAnon); sqlite is what SQLite holds through its allocator now and
 * sqlite_peak its highest since the last line; malloc_used/_free are
 * glibc's bytes in use and held free in all its arenas (mallinfo2), so
 * rss_anon minus malloc_used is fragmentation, stacks and libraries. Without
 * the variable it costs one getenv per call. */
#ifndef GV_MEMLOG_H
#define GV_MEMLOG_H

void memlog(const char *where);

#endif
