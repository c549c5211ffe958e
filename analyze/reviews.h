/* reviews.h: what one buyer review says about the phone's hardware.
 *
 * Network complaints ("only 3G", "no B20") count only when first-hand and in
 * force: not negated ("not 3G only", "no problems with B28"), not hearsay
 * ("worried about the 3G reviews"), not withdrawn by a working network after
 * a contrast ("... but LTE is perfect"), not a passing problem ("in the
 * subway", "for a day, X had an outage"), not inside a question. Scope is the
 * clause (commas, contrast words) or the sentence, as the rule needs. */
#ifndef GV_REVIEWS_H
#define GV_REVIEWS_H

#include <stddef.h>

#include "analyze/firmware.h"
#include "analyze/lexicon.h"

typedef enum {
	RV_GENERIC = 0,   /* nothing about network, version or ROM */
	RV_COMPLAINT,     /* a first-hand network complaint */
	RV_NEGATED,       /* a complaint negated or withdrawn, or the network praised */
	RV_NOISE,         /* a complaint about a passing or local problem */
	RV_FIRMWARE_CN,   /* a China ROM version string quoted */
	RV_FIRMWARE_GLOBAL, /* a non-China official ROM version string quoted */
	RV_UNOFFICIAL,    /* an unofficial / homemade ROM reported */
	RV_NOT_GENUINE,   /* says it is not the global version, no network complaint */
	RV_CHINA_ROM,     /* says "China ROM" without a version string */
	RV_NO_GOOGLE,     /* only: Google services missing */
	RV_NCLASSES
} review_class;

typedef struct review_result {
	review_class cls;   /* the one class an analyst filters on (priority order above, see reviews.c) */
	int complaint;      /* 1: a network complaint in force */
	int negated;        /* 1: a complaint phrase negated, denied, hearsay or withdrawn */
	int noise;          /* 1: a complaint phrase about a passing problem */
	int network_ok;     /* 1: the network / key bands reported working, or "genuine global" */
	int not_genuine;    /* 1: "not the global version", "Chinese hardware" */
	int china_rom;      /* 1: "China ROM" named */
	int no_google;      /* 1: Google services missing */
	int unofficial;     /* 1: unofficial ROM phrase or version shape */
	char model[24];     /* a Xiaomi model number quoted ("22101316C"), "" if none */
	char model_region;  /* 'C' China, 'G' global, 'O' other, 0 (see replies.h) */
	double strength;    /* max lexicon weight of the complaint phrases in force, 0 if none */
	char bands[64];     /* bands named in complaints in force, "B20;B28" */
	fw_hit fw;          /* the firmware string that decided, if has_fw */
	int has_fw;
	size_t ex_start, ex_end; /* excerpt: span of the original text (the deciding sentence) */
} review_result;

/* Classify text t[0..n) (any bytes; invalid UTF-8 is tolerated). scan is
 * scratch reused between calls. Never fails. */
void reviews_classify(const lexicon *lx, const fw_regions *fr, lx_scan *scan, const char *t, size_t n,
		      review_result *out);
/* "generic", "complaint", "negated", "complaint_noise", "firmware_cn",
 * "firmware_global", "unofficial_rom", "not_genuine", "china_rom", "no_google". */
const char *reviews_class_name(review_class c);

#endif
