/* claim.h: what a listing says it is (outputs.md "claim"): global_version,
 * global_rom, china or none, read from the title, the specs block and the
 * description in the wordings and languages sellers use, with negations
 * ("not Global Version", "Non-Global Version") discarded. */
#ifndef GV_CLAIM_H
#define GV_CLAIM_H

typedef enum {
	CLAIM_NONE = 0,
	CLAIM_CHINA,          /* "China Version", "CN Version", ... and nothing global */
	CLAIM_GLOBAL_ROM,     /* "Global ROM", "Multi-Language ROM", ...: software only */
	CLAIM_GLOBAL_VERSION  /* "Global Version", "Versión Global", ...: hardware claim */
} claim_kind;

#define CLAIM_EXCERPT_MAX 200

typedef struct claim_result {
	claim_kind kind;                      /* the claim the buyer was told */
	int says_china;                       /* 1 if a (non-negated) China-version phrase appears */
	int says_global_rom;                  /* 1 if a (non-negated) Global-ROM phrase appears */
	char excerpt[CLAIM_EXCERPT_MAX + 1];  /* "title: ...Global Version..." words that decided; "" for none */
} claim_result;

/* Read the claim of one listing. Any argument may be NULL (unknown). A
 * Global Version claim anywhere (title, a "Version: Global" spec line, the
 * description) wins: the buyer was told the hardware is global, even when
 * "Global ROM" or "CN" also appear. Never fails. */
void claim_detect(const char *title, const char *specs, const char *description,
		  claim_result *out);
/* claim_detect(...).says_china, for less work: only the China phrases are
 * looked for, and only until one is found. */
int claim_says_china(const char *title, const char *specs, const char *description);
/* "global_version", "global_rom", "china" or "none". */
const char *claim_name(claim_kind k);

#endif
