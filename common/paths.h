/* paths.h: where the reference data (schemas/NAME.csv) lives at run time.
 *
 * Looked up in order: the --data option, $GVAUDIT_DATA, <exe>/../share/gvaudit
 * (an installed binary, whatever PREFIX), <exe>/../schemas (a build tree:
 * build/gvaudit), then the DATADIR compiled in. The first directory that
 * holds markets.csv wins. */
#ifndef GV_PATHS_H
#define GV_PATHS_H

#include <stddef.h>

#include "common/util.h"

/* Resolve the data directory into buf. `option` may be NULL. 0 or -1 with
 * err naming every place tried. */
int paths_datadir(const char *option, char *buf, size_t size, gv_error *err);
/* Join dir and name into buf; returns buf. */
char *paths_join(char *buf, size_t size, const char *dir, const char *name);

#endif
