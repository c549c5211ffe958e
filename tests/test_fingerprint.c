/* test_fingerprint.c: XXH3-128 of a file's bytes, as 32 hex digits. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ingest/fingerprint.h"

static const char *write_tmp(const char *name, const void *data, size_t n)
{
	static char path[256];
	FILE *f;
	snprintf(path, sizeof path, "/tmp/gvaudit-test-fp-%ld-%s", (long)getpid(), name);
	f = fopen(path, "wb");
	cr_assert_not_null(f);
	cr_assert_eq(fwrite(data, 1, n, f), n);
	fclose(f);
	return path;
}

Test(fingerprint, known_values)
{
	char hex[FINGERPRINT_HEXLEN + 1];

	/* XXH3-128 reference values (xxhsum -H2) */
	fingerprint_bytes("", 0, hex);
	cr_expect_str_eq(hex, "99aa06d3014798d86001c324468d497f");
	fingerprint_bytes("abc", 3, hex);
	cr_expect_str_eq(hex, "06b05ab6733a618578af5f94892f3950");
	cr_expect_eq(strlen(hex), FINGERPRINT_HEXLEN);
}

Test(fingerprint, file_equals_its_bytes)
{
	size_t n = 700000, i;
	char *data = malloc(n), a[FINGERPRINT_HEXLEN + 1], b[FINGERPRINT_HEXLEN + 1];
	const char *path;
	off_t size = 0;
	gv_error err;

	for (i = 0; i < n; i++)
		data[i] = (char)(i * 7 + i / 13);
	path = write_tmp("big", data, n);
	gv_error_clear(&err);
	cr_assert_eq(fingerprint_file(path, a, &size, &err), 0, "%s", err.msg);
	fingerprint_bytes(data, n, b);
	cr_expect_str_eq(a, b, "streamed hash equals the one-shot hash");
	cr_expect_eq(size, (off_t)n);
	/* one byte changed: another fingerprint */
	data[n / 2] ^= 1;
	fingerprint_bytes(data, n, b);
	cr_expect_str_neq(a, b);
	unlink(path);
	free(data);
}

Test(fingerprint, missing_file)
{
	char hex[FINGERPRINT_HEXLEN + 1];
	off_t size = 0;
	gv_error err;

	gv_error_clear(&err);
	cr_expect_eq(fingerprint_file("/nonexistent/dump.csv", hex, &size, &err), -1);
	cr_expect(strstr(err.msg, "cannot open '/nonexistent/dump.csv'") != NULL, "%s", err.msg);
	cr_expect_str_eq(hex, "");
}

Test(fingerprint, pieces_equal_the_whole)
{
	static const char text[] = "review_id,listing_id\nr1,1005005123456789\n";
	char a[FINGERPRINT_HEXLEN + 1], b[FINGERPRINT_HEXLEN + 1];
	fingerprint *fp = fingerprint_new();
	size_t i;

	for (i = 0; i < sizeof text - 1; i += 5)
		fingerprint_update(fp, text + i, sizeof text - 1 - i < 5 ? sizeof text - 1 - i : 5);
	fingerprint_hex(fp, a);
	fingerprint_bytes(text, sizeof text - 1, b);
	cr_expect_str_eq(a, b);
	fingerprint_free(fp);
	fingerprint_free(NULL);
}
