/* paths.c: see paths.h. */
#include "common/paths.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

char *paths_join(char *buf, size_t size, const char *dir, const char *name)
{
	if ((size_t)snprintf(buf, size, "%s/%s", dir, name) >= size)
		buf[0] = '\0'; /* too long: an empty path that opens nothing */
	return buf;
}

static int has_data(const char *dir)
{
	char p[PATH_MAX + 32];
	if (strlen(dir) >= PATH_MAX)
		return 0;
	return access(paths_join(p, sizeof p, dir, "markets.csv"), R_OK) == 0;
}

int paths_datadir(const char *option, char *buf, size_t size, gv_error *err)
{
	char exe[PATH_MAX], cand[PATH_MAX + 32], real[PATH_MAX];
	const char *env = getenv("GVAUDIT_DATA");
	ssize_t n;

	if (option) {
		if (!has_data(option))
			return gv_error_set(err, option, 0,
					    "no reference data in '%s' (markets.csv missing)", option);
		snprintf(buf, size, "%s", option);
		return 0;
	}
	if (env && *env) {
		if (!has_data(env))
			return gv_error_set(err, env, 0,
					    "no reference data in GVAUDIT_DATA '%s' (markets.csv missing)",
					    env);
		snprintf(buf, size, "%s", env);
		return 0;
	}
	n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		char *slash;
		exe[n] = '\0';
		slash = strrchr(exe, '/');
		if (slash) {
			*slash = '\0';
			snprintf(cand, sizeof cand, "%s/../share/gvaudit", exe);
			if (has_data(cand) && realpath(cand, real)) {
				snprintf(buf, size, "%s", real);
				return 0;
			}
			snprintf(cand, sizeof cand, "%s/../schemas", exe);
			if (has_data(cand) && realpath(cand, real)) {
				snprintf(buf, size, "%s", real);
				return 0;
			}
		}
	}
	if (has_data(GV_DATADIR)) {
		snprintf(buf, size, "%s", GV_DATADIR);
		return 0;
	}
	return gv_error_set(err, NULL, 0,
			    "cannot find reference data (markets.csv): tried --data, GVAUDIT_DATA, "
			    "<exe>/../share/gvaudit, <exe>/../schemas and '%s'",
			    GV_DATADIR);
}
