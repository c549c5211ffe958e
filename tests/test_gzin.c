/* test_gzin.c: input bytes: plain or gzip by magic bytes, several members,
 * and every kind of damaged gzip refused with its reason. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "ingest/fingerprint.h"
#include "ingest/gzin.h"

static char dir[] = "/tmp/gvaudit-test-gzin.XXXXXX";

static void setup(void)
{
	cr_assert_not_null(mkdtemp(dir));
}

static void teardown(void)
{
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	cr_expect_eq(system(cmd), 0);
}

TestSuite(gzin, .init = setup, .fini = teardown);

/* gzip-compress data into a new buffer (*out, malloc'd), one member. */
static size_t gz(const void *data, size_t n, unsigned char **out)
{
	z_stream zs;
	size_t cap = n + 1024;
	memset(&zs, 0, sizeof zs);
	*out = malloc(cap);
	cr_assert_eq(deflateInit2(&zs, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY), Z_OK);
	zs.next_in = (unsigned char *)data;
	zs.avail_in = (uInt)n;
	zs.next_out = *out;
	zs.avail_out = (uInt)cap;
	cr_assert_eq(deflate(&zs, Z_FINISH), Z_STREAM_END);
	n = zs.total_out;
	deflateEnd(&zs);
	return n;
}

static const char *write_file(const char *name, const void *data, size_t n)
{
	static char path[256];
	FILE *f;
	snprintf(path, sizeof path, "%s/%s", dir, name);
	f = fopen(path, "wb");
	cr_assert_not_null(f);
	cr_assert_eq(fwrite(data, 1, n, f), n);
	fclose(f);
	return path;
}

/* Read the whole file through gzin; returns 0 or -1 (err filled), *got the
 * bytes (malloc'd). */
static int slurp(const char *path, char **got, size_t *len, int *compressed, gv_error *err)
{
	gzin *g = gzin_open(path, err);
	char *buf = malloc(64 * 1024);
	ssize_t n;
	size_t cap = 64, total = 0;
	int rc = 0;

	cr_assert_not_null(g, "%s", err->msg);
	*got = malloc(cap);
	while ((n = gzin_read(g, buf, 64 * 1024, err)) > 0) {
		while (total + (size_t)n > cap)
			cap *= 2;
		*got = realloc(*got, cap);
		memcpy(*got + total, buf, (size_t)n);
		total += (size_t)n;
	}
	if (n < 0)
		rc = -1;
	*len = total;
	*compressed = gzin_compressed(g);
	gzin_free(g);
	free(buf);
	return rc;
}

/* Some megabytes of text that compress well but not trivially. */
static char *sample(size_t n)
{
	char *s = malloc(n);
	size_t i;
	unsigned x = 12345;
	for (i = 0; i < n; i++) {
		x = x * 1103515245u + 12345u;
		s[i] = (char)("abcdefgh ,\n\"xyz"[(x >> 16) & 15]);
	}
	return s;
}

Test(gzin, plain_file_passes_through)
{
	const char text[] = "review_id,listing_id\nr1,1\n";
	const char *path = write_file("plain.csv", text, sizeof text - 1);
	gv_error err;
	char *got;
	size_t len;
	int comp;

	gv_error_clear(&err);
	cr_assert_eq(slurp(path, &got, &len, &comp, &err), 0, "%s", err.msg);
	cr_expect_eq(comp, 0);
	cr_expect_eq(len, sizeof text - 1);
	cr_expect_eq(memcmp(got, text, len), 0);
	free(got);
}

Test(gzin, gzip_detected_by_magic_not_name)
{
	size_t n = 3 * 1024 * 1024 + 17; /* several buffers' worth */
	char *text = sample(n), *got;
	unsigned char *z;
	size_t zn = gz(text, n, &z), len;
	const char *path = write_file("no-extension.csv", z, zn);
	gv_error err;
	int comp;

	gv_error_clear(&err);
	cr_assert_eq(slurp(path, &got, &len, &comp, &err), 0, "%s", err.msg);
	cr_expect_eq(comp, 1);
	cr_expect_eq(len, n);
	cr_expect_eq(memcmp(got, text, n), 0);
	free(got);
	free(z);
	free(text);
}

Test(gzin, several_members_read_as_one_stream)
{
	unsigned char *a, *b, *both;
	size_t an = gz("first,", 6, &a), bn = gz("second\n", 7, &b), len;
	const char *path;
	gv_error err;
	char *got;
	int comp;

	both = malloc(an + bn);
	memcpy(both, a, an);
	memcpy(both + an, b, bn);
	path = write_file("two.gz", both, an + bn);
	gv_error_clear(&err);
	cr_assert_eq(slurp(path, &got, &len, &comp, &err), 0, "%s", err.msg);
	cr_expect_eq(len, 13);
	cr_expect_eq(memcmp(got, "first,second\n", 13), 0);
	free(got);
	free(a);
	free(b);
	free(both);
}

static void expect_refused(const char *name, const void *data, size_t n, const char *why)
{
	const char *path = write_file(name, data, n);
	gv_error err;
	char *got;
	size_t len;
	int comp;

	gv_error_clear(&err);
	cr_expect_eq(slurp(path, &got, &len, &comp, &err), -1, "%s should fail", name);
	cr_expect(strstr(err.msg, why) != NULL, "%s: '%s' lacks '%s'", name, err.msg, why);
	free(got);
}

Test(gzin, damaged_gzip_is_refused)
{
	size_t n = 300000;
	char *text = sample(n);
	unsigned char *z, *bad;
	size_t zn = gz(text, n, &z);

	bad = malloc(zn + 16);
	/* cut short: in the middle, and inside the 8-byte trailer */
	expect_refused("cut-middle.gz", z, zn / 2, "truncated gzip");
	expect_refused("cut-trailer.gz", z, zn - 3, "truncated gzip");
	expect_refused("header-only.gz", z, 10, "truncated gzip");
	/* CRC-32 wrong */
	memcpy(bad, z, zn);
	bad[zn - 8] ^= 0xff;
	expect_refused("crc.gz", bad, zn, "corrupt gzip");
	/* length wrong */
	memcpy(bad, z, zn);
	bad[zn - 1] ^= 0x01;
	expect_refused("isize.gz", bad, zn, "corrupt gzip");
	/* garbage after the last member */
	memcpy(bad, z, zn);
	memcpy(bad + zn, "trailing", 8);
	expect_refused("garbage.gz", bad, zn + 8, "trailing garbage");
	/* zero padding counts as garbage too */
	memcpy(bad, z, zn);
	memset(bad + zn, 0, 4);
	expect_refused("zeros.gz", bad, zn + 4, "trailing garbage");
	free(bad);
	free(z);
	free(text);
}

Test(gzin, empty_and_missing_files)
{
	const char *path = write_file("empty.csv", "", 0);
	gv_error err;
	char buf[16];
	gzin *g;

	gv_error_clear(&err);
	g = gzin_open(path, &err);
	cr_assert_not_null(g);
	cr_expect_eq(gzin_read(g, buf, sizeof buf, &err), 0, "an empty file reads as nothing");
	cr_expect_eq(gzin_compressed(g), 0);
	gzin_free(g);
	g = gzin_open("/nonexistent/x.csv.gz", &err);
	cr_expect_null(g);
	cr_expect(strstr(err.msg, "cannot open '/nonexistent/x.csv.gz'") != NULL, "%s", err.msg);
	gzin_free(NULL);
}

Test(gzin, progress_counts_file_bytes)
{
	size_t n = 1000000;
	char *text = sample(n), buf[4096];
	unsigned char *z;
	size_t zn = gz(text, n, &z);
	const char *path = write_file("p.gz", z, zn);
	gv_error err;
	gzin *g = gzin_open(path, &err);

	cr_assert_not_null(g);
	cr_expect_eq(gzin_size(g), (off_t)zn);
	while (gzin_read(g, buf, sizeof buf, &err) > 0)
		;
	cr_expect_eq(gzin_consumed(g), (off_t)zn);
	gzin_free(g);
	free(z);
	free(text);
}

Test(gzin, bytes_read_match_the_fingerprint)
{
	size_t n = 600000;
	char *text = sample(n), buf[8192], hex[FINGERPRINT_HEXLEN + 1];
	unsigned char *z;
	size_t zn = gz(text, n, &z);
	const char *path = write_file("f.gz", z, zn);
	off_t size;
	gv_error err;
	gzin *g;

	gv_error_clear(&err);
	cr_assert_eq(fingerprint_file(path, hex, &size, &err), 0, "%s", err.msg);
	g = gzin_open(path, &err);
	cr_assert_not_null(g);
	cr_expect_eq(gzin_same_bytes(g, hex, &err), -1, "not read to the end yet");
	while (gzin_read(g, buf, sizeof buf, &err) > 0)
		;
	cr_expect_eq(gzin_same_bytes(g, hex, &err), 0, "%s", err.msg);
	gzin_free(g);

	/* the file changes between the fingerprint and the read */
	text[n / 3] ^= 1;
	free(z);
	zn = gz(text, n, &z);
	path = write_file("f.gz", z, zn);
	g = gzin_open(path, &err);
	cr_assert_not_null(g);
	while (gzin_read(g, buf, sizeof buf, &err) > 0)
		;
	cr_expect_eq(gzin_same_bytes(g, hex, &err), -1);
	cr_expect(strstr(err.msg, "file changed while being read") != NULL, "%s", err.msg);
	gzin_free(g);
	free(z);
	free(text);
}
