/* ingest.c: placeholder until the foundation issue's ingest lands. */
#include "ingest/ingest.h"

int ingest_file(sqlite3 *db, const char *path, const ingest_opts *o, ingest_totals *t,
		gv_error *err)
{
	(void)db; (void)o; (void)t;
	return gv_error_set(err, path, 0, "ingest: not implemented yet");
}
