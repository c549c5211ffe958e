/* fingerprint.h: content fingerprint of an input file (XXH3-128 of its
 * bytes as stored on disk, compressed or not), so that ingesting the same
 * file again is recognised whatever its name. */
#ifndef GV_FINGERPRINT_H
#define GV_FINGERPRINT_H

#include <stddef.h>
#include <sys/types.h>

#include "common/util.h"

#define FINGERPRINT_HEXLEN 32 /* hex digits, without the NUL */

/* A fingerprint computed piece by piece. */
typedef struct fingerprint fingerprint;

/* A new, empty fingerprint (fingerprint_free it). Aborts when out of memory. */
fingerprint *fingerprint_new(void);
void fingerprint_update(fingerprint *fp, const void *data, size_t len);
/* The fingerprint of everything added so far, as fingerprint_bytes writes it. */
void fingerprint_hex(const fingerprint *fp, char *hex);
void fingerprint_free(fingerprint *fp);

/* Hash len bytes into hex (>= FINGERPRINT_HEXLEN + 1 bytes, lowercase,
 * XXH128 canonical big-endian order). Never fails. */
void fingerprint_bytes(const void *data, size_t len, char *hex);
/* Hash the file at path into hex and set *size to its length in bytes.
 * Returns 0, or -1 with err naming the file and the system error. */
int fingerprint_file(const char *path, char *hex, off_t *size, gv_error *err);

#endif
