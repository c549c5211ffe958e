/* fingerprint.c: see fingerprint.h. */
#include "ingest/fingerprint.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "ingest/gzin.h"

static void to_hex(XXH128_hash_t h, char *hex)
{
	XXH128_canonical_t c;
	static const char digits[] = "0123456789abcdef";
	size_t i;

	XXH128_canonicalFromHash(&c, h);
	for (i = 0; i < sizeof c.digest; i++) {
		hex[2 * i] = digits[c.digest[i] >> 4];
		hex[2 * i + 1] = digits[c.digest[i] & 15];
	}
	hex[2 * sizeof c.digest] = '\0';
}

struct fingerprint {
	XXH3_state_t *st;
};

fingerprint *fingerprint_new(void)
{
	fingerprint *fp = xmalloc(sizeof *fp);
	fp->st = XXH3_createState();
	if (!fp->st) {
		fputs("gvaudit: out of memory\n", stderr);
		abort();
	}
	XXH3_128bits_reset(fp->st);
	return fp;
}

void fingerprint_update(fingerprint *fp, const void *data, size_t len)
{
	XXH3_128bits_update(fp->st, data, len);
}

void fingerprint_hex(const fingerprint *fp, char *hex)
{
	to_hex(XXH3_128bits_digest(fp->st), hex);
}

void fingerprint_free(fingerprint *fp)
{
	if (!fp)
		return;
	XXH3_freeState(fp->st);
	free(fp);
}

void fingerprint_bytes(const void *data, size_t len, char *hex)
{
	to_hex(XXH3_128bits(data, len), hex);
}

int fingerprint_file(const char *path, char *hex, off_t *size, gv_error *err)
{
	fingerprint *fp = NULL;
	FILE *f = NULL;
	unsigned char *buf = NULL;
	off_t total = 0;
	size_t n;
	int rc = -1;

	hex[0] = '\0';
	f = fopen(path, "rb");
	if (!f) {
		int saved = errno;
		gv_error_set(err, path, 0, "cannot open '%s': %s", path, strerror(saved));
		goto cleanup;
	}
	fp = fingerprint_new();
	buf = xmalloc(GZIN_BUFSIZE);
	while ((n = fread(buf, 1, GZIN_BUFSIZE, f)) > 0) {
		fingerprint_update(fp, buf, n);
		total += (off_t)n;
	}
	if (ferror(f)) {
		int saved = errno;
		gv_error_set(err, path, 0, "cannot read '%s': %s", path, strerror(saved));
		goto cleanup;
	}
	fingerprint_hex(fp, hex);
	*size = total;
	rc = 0;
cleanup:
	fingerprint_free(fp);
	if (f)
		fclose(f);
	free(buf);
	return rc;
}
