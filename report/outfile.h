/* outfile.h: report files written to a temporary name inside the output
 * directory and renamed into place, so a reader sees the old file or the
 * new one, never half of one, and nothing lands outside the directory. */
#ifndef GV_OUTFILE_H
#define GV_OUTFILE_H

#include <stdio.h>

#include "common/util.h"

typedef struct outfile {
	char *final; /* dir/name */
	char *tmp;   /* dir/.name.XXXXXX while being written; NULL once renamed */
	FILE *f;     /* open while writing */
} outfile;

/* Create dir and its missing parents (mode 0777 less the umask). 0 or -1
 * with err naming the directory. */
int outfile_mkdirs(const char *dir, gv_error *err);
/* Open a temporary file for dir/name (name has no '/'). The file gets the
 * permissions of a plain fopen(): 0666 less the umask. 0 or -1 with err. */
int outfile_open(outfile *o, const char *dir, const char *name, gv_error *err);
/* Flush, sync and close the temporary file. 0 or -1 with err (disk full is
 * reported here). */
int outfile_close(outfile *o, gv_error *err);
/* Rename the closed temporary file onto its final name. 0 or -1 with err. */
int outfile_commit(outfile *o, gv_error *err);
/* Close and remove the temporary file if still there; free the names.
 * Safe on a zeroed or released outfile. */
void outfile_release(outfile *o);
/* fsync the directory so the renames survive a crash. */
void outfile_sync_dir(const char *dir);

#endif
