/* fuzz_common.h: helpers shared by the libFuzzer targets (tests/fuzz/run.sh).
 * Reference data is read from $GVAUDIT_DATA, else ./schemas (run.sh runs the
 * targets from the repository root). */
#ifndef GV_FUZZ_COMMON_H
#define GV_FUZZ_COMMON_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/util.h"

static inline const char *fuzz_datadir(void)
{
	const char *d = getenv("GVAUDIT_DATA");
	return d && *d ? d : "schemas";
}

/* A NUL-terminated copy of data[0..n) (the input may hold NULs: the C string
 * then ends at the first, as it would coming out of SQLite text). */
static inline char *fuzz_cstr(const uint8_t *data, size_t n)
{
	char *s = xmalloc(n + 1);
	memcpy(s, data, n);
	s[n] = '\0';
	return s;
}

/* Split data at the first n-1 occurrences of byte sep into n NUL-terminated
 * parts (missing parts are ""). Free parts[0] only... each part is its own
 * allocation: free them all. */
static inline void fuzz_split(const uint8_t *data, size_t size, char sep, char **parts, int n)
{
	size_t start = 0, i;
	int k = 0;
	for (i = 0; i <= size && k < n; i++) {
		if (i == size || (data[i] == (uint8_t)sep && k < n - 1)) {
			parts[k++] = fuzz_cstr(data + start, i - start);
			start = i + 1;
		}
	}
	while (k < n)
		parts[k++] = fuzz_cstr((const uint8_t *)"", 0);
}

static inline void fuzz_die(const gv_error *err)
{
	fprintf(stderr, "fuzz setup: %s: %s\n", err->file, err->msg);
	abort();
}

#endif
