/* spool.h: standard input as a file, for `gvaudit ingest -`. Ingest reads a
 * file twice (the fingerprint first, then the rows), which a pipe cannot
 * give, so standard input is copied into a temporary file that is unlinked
 * at once: nothing is left behind however the run ends. */
#ifndef GV_SPOOL_H
#define GV_SPOOL_H

#include "common/util.h"

typedef struct spool {
	int fd;         /* the unlinked copy; -1 when there is none */
	char path[40];  /* "/proc/self/fd/N": a name that opens the copy from its start */
} spool;

/* Copy standard input to its end into an unlinked temporary file in the
 * directory of near (the database file, so a large dump lands on the same
 * disk), or in $TMPDIR (else /tmp) when near is NULL or empty or its
 * directory cannot take a file. Returns 0 with sp->path naming the copy
 * until spool_close, or -1 with err saying why (sp->fd is then -1). */
int spool_stdin(spool *sp, const char *near, gv_error *err);
/* Close the copy (its space is freed); harmless when there is none. */
void spool_close(spool *sp);

#endif
