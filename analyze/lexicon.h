/* lexicon.h: schemas/lexicon.csv, folded and compiled into one matcher.
 *
 * Columns: phrase, lang, signal, weight, note. A phrase is folded exactly as
 * texts are (fold.h, numbers masked: "no B20" is stored as "no b#" and
 * matches every band); a trailing '*' makes it a stem ("китайск*"). The
 * signal says what a phrase means; `weight` (0..1] is how sure the phrase
 * alone is, used to rank and to scale a review's strength. */
#ifndef GV_LEXICON_H
#define GV_LEXICON_H

#include "analyze/fold.h"
#include "analyze/matcher.h"
#include "common/util.h"

typedef enum {
	/* reviews: what the buyer reports */
	LX_COMPLAINT = 0, /* no 4G / only 3G / a band missing */
	LX_NOT_GENUINE,   /* not the global version, Chinese hardware */
	LX_NO_GOOGLE,     /* Google services missing */
	LX_UNOFFICIAL,    /* homemade ROM, ads, no OTA */
	LX_CHINA_ROM,     /* "China ROM" named without a version string */
	LX_NETWORK_OK,    /* 4G works, B20 fine */
	LX_GENUINE,       /* genuine global version */
	/* context cues */
	LX_NEGATOR,       /* not / never: negates what follows closely */
	LX_NO_PROBLEM,    /* no problems (with): negates what follows in the clause */
	LX_DENIAL,        /* not true / a myth: negates what precedes */
	LX_CONTRAST,      /* but / aber / но */
	LX_TRANSIENT,     /* subway, outage, for a day: a passing problem */
	LX_HEARSAY,       /* others said / the reviews: not first-hand */
	LX_POSITIVE,      /* fine / perfect / works: used after a contrast */
	/* questions */
	LX_Q_VERSION,     /* global or china version? original? hardware? */
	LX_Q_BANDS,       /* band 20? LTE? frequencies? */
	LX_Q_CARRIER,     /* will it work with <carrier> / in <country>? */
	/* replies */
	LX_R_CHINA,       /* China version / CN hardware admitted */
	LX_R_GLOBAL,      /* global version claimed */
	LX_R_HARDWARE,    /* hardware / model / motherboard named */
	LX_R_EVASIVE,     /* Google Play, all languages, 100% original, contact us */
	LX_R_YES,
	LX_R_NO,
	LX_NSIGNALS
} lx_signal;

typedef struct lx_entry {
	char *phrase;  /* as written in the CSV */
	char *lang;
	lx_signal signal;
	double weight;
} lx_entry;

typedef struct lexicon {
	lx_entry *e;      /* entries; a matcher id is an index here */
	size_t n;
	matcher *m;
	char fingerprint[33]; /* XXH3-128 of the rows, 32 hex digits */
} lexicon;

/* Load datadir/lexicon.csv and compile it. 0, or -1 with err naming file,
 * line and problem (unknown signal, weight not a number in (0,1], a phrase
 * that folds to nothing). Release either way. */
int lexicon_load(lexicon *lx, const char *datadir, gv_error *err);
void lexicon_release(lexicon *lx);
/* Signal of a CSV name ("complaint", "r_evasive", ...), or -1. */
int lexicon_signal(const char *name);
const char *lexicon_signal_name(lx_signal s);

/* One text, folded and matched, with each hit placed in its sentence and
 * clause: the shared first step of review and reply classification. */
typedef struct lx_hit {
	size_t start, end; /* [start, end) in the folded text */
	size_t ostart, oend; /* the same span in the original text */
	int entry;         /* index into lexicon.e */
	lx_signal sig;
	int sent, clause;  /* sentence and clause numbers, from 0 */
	int dropped;       /* inside a longer hit of another signal (see lexicon_scan) */
} lx_hit;

typedef struct lx_scan {
	folder f;          /* folded text and offset map */
	match_list ml;     /* raw matches */
	lx_hit *h;         /* hits sorted by start */
	size_t n, cap;
	size_t longest;    /* the longest hit's length: bounds searches near a hit */
	size_t *sent_end;  /* folded offset where each sentence ends */
	char *sent_q;      /* 1 if that sentence ends with '?' */
	size_t nsent, capsent;
} lx_scan;

void lx_scan_init(lx_scan *s);
void lx_scan_release(lx_scan *s);
/* Fold t[0..n), find every phrase, place hits in sentences / clauses (a
 * contrast word opens a new clause) and mark as dropped every hit lying
 * inside a longer hit of another signal ("pega 4g" inside "nao pega 4g",
 * "not" inside "4g does not work"), except content inside a cue. Reuses s's
 * buffers. */
void lexicon_scan(const lexicon *lx, lx_scan *s, const char *t, size_t n);
/* Original-text span of sentence k, trimmed of separators. */
void lx_sentence_span(const lx_scan *s, int k, size_t *ostart, size_t *oend);

#endif
