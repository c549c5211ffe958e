/* tmpfile.h: unlinked temporary files for gvaudit's own scratch data (the
 * copy of standard input that ingest reads twice, the analysis's job
 * spool). Each is made with mkstemp and unlinked at once, so nothing is
 * left behind however a run ends, and its space is freed when it is
 * closed. */
#ifndef GV_TMPFILE_H
#define GV_TMPFILE_H

/* A new unlinked file open for reading and writing, named
 * ".gvaudit-TAG.XXXXXX" while it is made: in the directory of near (a
 * file's path, e.g. the database's, so large scratch data lands on that
 * disk), else, when near is NULL or empty or its directory cannot take a
 * file, in $TMPDIR (else /tmp). Returns the descriptor, or -1 with errno
 * set by the last directory tried. */
int tmpfile_near(const char *near, const char *tag);
/* The directory tmpfile_near falls back to: $TMPDIR, else /tmp (for
 * naming it in a message). */
const char *tmpfile_dir(void);

#endif
