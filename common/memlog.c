/* memlog.c: see memlog.h. */
#include "common/memlog.h"

#include <malloc.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/log.h"
#include "common/util.h"

/* RssAnon of this process in KiB, -1 if /proc cannot say. */
static long rss_anon_kib(void)
{
	FILE *f = fopen("/proc/self/status", "r");
	char line[128];
	long kib = -1;

	if (!f)
		return -1;
	while (fgets(line, sizeof line, f))
		if (strncmp(line, "RssAnon:", 8) == 0) {
			kib = strtol(line + 8, NULL, 10);
			break;
		}
	fclose(f);
	return kib;
}

void memlog(const char *where)
{
	static double t0; /* of the first line */
	sqlite3_int64 used, peak, ovf, ovf_peak;
	struct mallinfo2 mi;

	if (!getenv("GVAUDIT_MEMLOG"))
		return;
	/* reset the peak so each line says the highest since the one before */
	sqlite3_status64(SQLITE_STATUS_MEMORY_USED, &used, &peak, 1);
	sqlite3_status64(SQLITE_STATUS_PAGECACHE_OVERFLOW, &ovf, &ovf_peak, 0);
	mi = mallinfo2();
	if (t0 == 0)
		t0 = now_seconds();
	log_info("memory: at=%s seconds=%.2f rss_anon=%ld sqlite=%lld sqlite_peak=%lld "
		 "pagecache_overflow=%lld malloc_used=%zu malloc_free=%zu mmapped=%zu",
		 where, now_seconds() - t0, rss_anon_kib(), (long long)(used >> 10), (long long)(peak >> 10),
		 (long long)(ovf >> 10), mi.uordblks >> 10, mi.fordblks >> 10, mi.hblkhd >> 10);
}
