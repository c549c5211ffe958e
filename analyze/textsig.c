/* textsig.c: placeholder until review and Q&A signals land (no signals). */
#include "analyze/textsig.h"

#include <stdlib.h>

struct textsig { int unused; };

textsig *textsig_new(const char *datadir, gv_error *err) { (void)datadir; (void)err; return calloc(1, sizeof(textsig)); }
void textsig_free(textsig *ts) { free(ts); }
const char *textsig_fingerprint(const textsig *ts) { (void)ts; return "00000000000000000000000000000000"; }
int textsig_classify_pending(sqlite3 *db, const textsig *ts, gv_error *err) { (void)db; (void)ts; (void)err; return 0; }
int textsig_listing_evidence(sqlite3 *db, const textsig *ts, const weights *w, const char *listing_id,
			     const char *market, int lacks_key, evidence_list *ev, gv_error *err)
{ (void)db; (void)ts; (void)w; (void)listing_id; (void)market; (void)lacks_key; (void)ev; (void)err; return 0; }
