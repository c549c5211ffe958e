/* bands.h: parse the band lists sellers write ("4G: FDD-LTE B1/2/3/...",
 * "LTE FDD: 1/3/5", "Band 1, 3, 5", "B28A/B28B", "700/800/2600MHz",
 * "n78") into LTE and NR band sets. A real parser: the text is split into
 * technology sections (2G / 3G / 4G FDD / 4G TDD / 5G) and a band number under
 * a 3G (WCDMA/UMTS) heading is never counted as LTE. The notations understood
 * and the decisions taken on unclear ones are listed in README.md ("Band lists and markets"). */
#ifndef GV_BANDS_H
#define GV_BANDS_H

#include <stddef.h>

#include "common/util.h"

#define BANDS_MAX 256 /* band numbers 1..255 */

/* How sure the parse is. When several sources are merged the strongest
 * evidence wins: an explicit LTE/NR band number (SURE) outranks any MHz
 * guesswork, and an ambiguous MHz figure outranks a bare "B20" in a title. */
typedef enum {
	BANDS_NONE = 0,  /* no band list found */
	BANDS_AMBIGUOUS, /* found, but bands were inferred from frequencies with several candidates */
	BANDS_LIKELY,    /* found without an explicit LTE heading, or from unambiguous MHz */
	BANDS_SURE       /* explicit LTE / NR section with band numbers */
} bands_confidence;

typedef struct bands {
	unsigned char lte[BANDS_MAX];  /* 1 if LTE band n is listed */
	unsigned char nr[BANDS_MAX];   /* 1 if NR band n is listed */
	unsigned char umts[BANDS_MAX]; /* 3G bands seen (kept apart, never LTE) */
	unsigned char lte_maybe[BANDS_MAX]; /* candidates from an ambiguous MHz figure or a range */
	int n_lte, n_nr;
	bands_confidence confidence;
} bands;

void bands_init(bands *b);
/* b in BANDS_PACKED bytes (a bit per band of each set, then the counts and
 * the confidence), for keeping it outside memory (analyze/jobspool.h), and
 * back: bands_unpack(bands_pack(b)) == b for any parsed b. */
#define BANDS_PACKED (4 * BANDS_MAX / 8 + 3)
void bands_pack(const bands *b, unsigned char out[BANDS_PACKED]);
void bands_unpack(bands *b, const unsigned char in[BANDS_PACKED]);
/* Parse text (not necessarily NUL-terminated, any bytes) and add what it
 * lists to b; call once per source (title, specs, description) to merge.
 * Never fails, never allocates, never reads past text[len - 1]. */
void bands_parse(bands *b, const char *text, size_t len);
/* "B1 B3 B20" / "n1 n78": bands in number order into sb (appended; nothing
 * when the set is empty). */
void bands_format_lte(const bands *b, strbuf *sb, const char *sep);
void bands_format_nr(const bands *b, strbuf *sb, const char *sep);
/* "B1 B8": 3G bands seen; "B12 B13 B17": ambiguous LTE candidates that are
 * not also listed for sure. Same conventions as bands_format_lte(). */
void bands_format_umts(const bands *b, strbuf *sb, const char *sep);
void bands_format_maybe(const bands *b, strbuf *sb, const char *sep);
/* 1 if b shows an LTE band list at all (sure or candidate bands). */
int bands_has_lte_list(const bands *b);
/* "none", "ambiguous", "likely", "sure". */
const char *bands_confidence_name(bands_confidence c);

#endif
