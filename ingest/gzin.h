/* gzin.h: the bytes of an input dump, plain or gzip, decompressed.
 *
 * Gzip is told by its magic bytes (1f 8b), not by the file name. The inflate
 * loop is our own (zlib), so that every way a gzip file can be damaged is
 * reported rather than passed over: a corrupt stream or checksum, a file cut
 * short, and bytes after the last member that are not another member.
 * Members concatenated one after the other (`cat a.gz b.gz`) are read as one
 * stream, as gzip(1) does. */
#ifndef GV_GZIN_H
#define GV_GZIN_H

#include <stddef.h>
#include <sys/types.h>

#include "common/util.h"

#define GZIN_BUFSIZE (256u * 1024u) /* read and inflate buffers, bytes */

typedef struct gzin gzin;

/* Open path for reading. Returns a new reader (gzin_free it), or NULL with
 * err naming the file and the system error. An empty file is not an error
 * here; it simply reads as zero bytes. */
gzin *gzin_open(const char *path, gv_error *err);
/* Read up to cap decompressed bytes into buf. Returns the number read (> 0),
 * 0 at the clean end of the input, or -1 with err filled (read error,
 * corrupt or truncated gzip, trailing garbage). */
ssize_t gzin_read(gzin *g, void *buf, size_t cap, gv_error *err);
/* Once gzin_read returned 0: 0 when the bytes read were those fingerprinted
 * as hex (fingerprint.h) before, or -1 with err saying the file changed in
 * between (a scraper still writing it). */
int gzin_same_bytes(const gzin *g, const char *hex, gv_error *err);
/* 1 when the input is gzip. */
int gzin_compressed(const gzin *g);
/* Bytes of the file consumed so far and its size (for progress). */
off_t gzin_consumed(const gzin *g);
off_t gzin_size(const gzin *g);
void gzin_free(gzin *g);

#endif
