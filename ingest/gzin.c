/* gzin.c: see gzin.h. */
#include "ingest/gzin.h"

#include "ingest/fingerprint.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <zlib.h>

struct gzin {
	FILE *f;
	char path[512];
	int gzip;           /* 1 when the bytes are gzip */
	int eof;            /* the file has no more bytes */
	int member_done;    /* inflate reached the end of a member */
	int done;           /* clean end of input reached */
	z_stream zs;
	int zs_init;
	unsigned char *in;  /* raw bytes read from the file */
	size_t in_len;      /* valid bytes in `in` (plain mode: from in_pos) */
	size_t in_pos;      /* plain mode: next unread byte of `in` */
	off_t consumed;     /* file bytes handed on (plain) or read (gzip) */
	off_t size;         /* file size, 0 if unknown */
	fingerprint *hash;  /* of every byte read from the file */
};

static int fill(gzin *g, gv_error *err)
{
	size_t n;

	if (g->eof)
		return 0;
	n = fread(g->in, 1, GZIN_BUFSIZE, g->f);
	if (n < GZIN_BUFSIZE) {
		if (ferror(g->f)) {
			int saved = errno;
			return gv_error_set(err, g->path, 0, "cannot read '%s': %s", g->path,
					    strerror(saved));
		}
		g->eof = 1;
	}
	g->in_len = n;
	g->in_pos = 0;
	fingerprint_update(g->hash, g->in, n);
	return (int)(n > 0);
}

gzin *gzin_open(const char *path, gv_error *err)
{
	gzin *g;
	struct stat sb;
	FILE *f = fopen(path, "rb");

	if (!f) {
		int saved = errno;
		gv_error_set(err, path, 0, "cannot open '%s': %s", path, strerror(saved));
		return NULL;
	}
	g = xcalloc(1, sizeof *g);
	g->f = f;
	snprintf(g->path, sizeof g->path, "%s", path);
	if (fstat(fileno(f), &sb) == 0)
		g->size = sb.st_size;
	g->in = xmalloc(GZIN_BUFSIZE);
	g->hash = fingerprint_new();
	if (fill(g, err) < 0) {
		gzin_free(g);
		return NULL;
	}
	if (g->in_len >= 2 && g->in[0] == 0x1f && g->in[1] == 0x8b) {
		g->gzip = 1;
		/* 16 + MAX_WBITS: gzip wrapper only, with its CRC-32 and length check. */
		if (inflateInit2(&g->zs, 16 + MAX_WBITS) != Z_OK) {
			gv_error_set(err, path, 0, "cannot start gzip decoder for '%s'", path);
			gzin_free(g);
			return NULL;
		}
		g->zs_init = 1;
		g->zs.next_in = g->in;
		g->zs.avail_in = (uInt)g->in_len;
		g->consumed = (off_t)g->in_len;
	}
	return g;
}

static ssize_t read_plain(gzin *g, void *buf, size_t cap, gv_error *err)
{
	size_t n;

	if (g->in_pos == g->in_len) {
		int rc = fill(g, err);
		if (rc <= 0)
			return rc;
	}
	n = g->in_len - g->in_pos;
	if (n > cap)
		n = cap;
	memcpy(buf, g->in + g->in_pos, n);
	g->in_pos += n;
	g->consumed += (off_t)n;
	return (ssize_t)n;
}

/* After a member ended: more input must be another member, else garbage. */
static int next_member(gzin *g, gv_error *err)
{
	if (g->zs.avail_in == 0) {
		int rc = fill(g, err);
		if (rc < 0)
			return -1;
		if (rc == 0) {
			g->done = 1;
			return 0;
		}
		g->zs.next_in = g->in;
		g->zs.avail_in = (uInt)g->in_len;
		g->consumed += (off_t)g->in_len;
	}
	if (g->zs.next_in[0] != 0x1f || (g->zs.avail_in >= 2 && g->zs.next_in[1] != 0x8b))
		return gv_error_set(err, g->path, 0, "trailing garbage after the gzip data");
	inflateReset(&g->zs);
	g->member_done = 0;
	return 0;
}

static ssize_t read_gzip(gzin *g, void *buf, size_t cap, gv_error *err)
{
	g->zs.next_out = buf;
	g->zs.avail_out = (uInt)(cap > GZIN_BUFSIZE * 4 ? GZIN_BUFSIZE * 4 : cap);
	while (g->zs.avail_out > 0 && !g->done) {
		int zrc;

		if (g->member_done) {
			if (next_member(g, err) < 0)
				return -1;
			continue;
		}
		if (g->zs.avail_in == 0) {
			int rc = fill(g, err);
			if (rc < 0)
				return -1;
			if (rc == 0)
				return gv_error_set(err, g->path, 0,
						    "truncated gzip: the file ends inside compressed data");
			g->zs.next_in = g->in;
			g->zs.avail_in = (uInt)g->in_len;
			g->consumed += (off_t)g->in_len;
		}
		zrc = inflate(&g->zs, Z_NO_FLUSH);
		if (zrc == Z_STREAM_END) {
			g->member_done = 1;
		} else if (zrc == Z_BUF_ERROR) {
			/* no progress possible: needs input we refill above, or output space */
			if (g->zs.avail_in != 0)
				break;
		} else if (zrc != Z_OK) {
			return gv_error_set(err, g->path, 0, "corrupt gzip: %s",
					    g->zs.msg ? g->zs.msg : zError(zrc));
		}
		if ((size_t)((unsigned char *)g->zs.next_out - (unsigned char *)buf) > 0 &&
		    g->zs.avail_in == 0 && !g->member_done)
			break; /* hand over what we have rather than block on the next read */
	}
	return (ssize_t)((unsigned char *)g->zs.next_out - (unsigned char *)buf);
}

ssize_t gzin_read(gzin *g, void *buf, size_t cap, gv_error *err)
{
	if (cap == 0)
		return 0;
	return g->gzip ? read_gzip(g, buf, cap, err) : read_plain(g, buf, cap, err);
}

int gzin_same_bytes(const gzin *g, const char *hex, gv_error *err)
{
	char mine[FINGERPRINT_HEXLEN + 1];

	if (!g->eof)
		return gv_error_set(err, g->path, 0, "the file was not read to its end");
	fingerprint_hex(g->hash, mine);
	if (strcmp(mine, hex) != 0)
		return gv_error_set(err, g->path, 0,
				    "file changed while being read (is it still being written?)");
	return 0;
}

int gzin_compressed(const gzin *g)
{
	return g->gzip;
}

off_t gzin_consumed(const gzin *g)
{
	return g->consumed;
}

off_t gzin_size(const gzin *g)
{
	return g->size;
}

void gzin_free(gzin *g)
{
	if (!g)
		return;
	if (g->zs_init)
		inflateEnd(&g->zs);
	if (g->f)
		fclose(g->f);
	fingerprint_free(g->hash);
	free(g->in);
	free(g);
}
