/* listing_signals.h: evidence from the listing itself: model numbers
 * (registry or suffix rule), the band list against the device's China and
 * Global variants and against the market's key bands, certifications, the
 * unofficial-ROM risk of honest "Global ROM" listings, and model numbers or
 * band lists the seller gives in Q&A replies. */
#ifndef GV_LISTING_SIGNALS_H
#define GV_LISTING_SIGNALS_H

#include "analyze/bands.h"
#include "analyze/claim.h"
#include "analyze/evidence.h"
#include "analyze/markets.h"
#include "analyze/registry.h"
#include "analyze/weights.h"

/* One listing as analysis reads it (latest scrape). */
typedef struct listing_input {
	const char *listing_id;
	const char *title, *specs, *description; /* may be NULL */
	const char *market;                      /* ship-to country, may be NULL */
} listing_input;

/* What the listing signals found, for listing_facts. */
typedef struct listing_found {
	model_info model;            /* the deciding model number; number[0] == 0 if none */
	const device_bands *device;  /* device recognised, or NULL */
	char cert[64];               /* certifications named, "CE;FCC" */
	int bands_china;             /* 1 if the band list looks like China hardware */
	int bands_global;            /* 1 if it matches the global variant */
	int lacks_key;               /* 1 lacks key bands of the market, 0 has them, -1 unknown */
} listing_found;

/* Append the listing's own evidence to ev (weights from w). b is the band
 * list parsed from title, specs and description; mk the listing's market
 * (NULL if unknown), g and missing what markets_compat said. Never fails. */
void listing_signals(const registry *reg, const weights *w, const listing_input *in,
		     const claim_result *claim, const bands *b, const market *mk, compat_grade g,
		     const char *missing, listing_found *found, evidence_list *ev);

/* The band-list judgement alone (for tests and the inspector): 1 China,
 * -1 Global, 0 neither; why (>= 160 bytes) says which rule decided. */
int listing_bands_judge(const device_bands *dev, const bands *b, char *why, size_t size);

/* Seller replies: a model number or a China band list stated by the seller
 * in a Q&A answer. Appends qa_model_china / qa_bands_china evidence (the
 * signals only fire when weights.csv has them). */
void listing_qa_signals(const registry *reg, const weights *w, const char *qa_id,
			const char *answer, const device_bands *dev, evidence_list *ev);

#endif
