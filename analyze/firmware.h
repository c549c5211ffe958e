/* firmware.h: MIUI / HyperOS version strings in free text.
 *
 * Recognised wherever they appear, in any letter case:
 *   V14.0.3.0.TMSMIXM, OS1.0.6.0.UNCCNXM, os3.0.305.0.wnccnxm
 *     four numbers, then Android letter + device (2) + region (2) + build (2);
 *   V13.1.22.10.13.DEV                       developer weekly (region unknown);
 *   V14.0.8.0.0, OS1.0.6.0.0.UNCMIXM         shapes no official ROM uses;
 *   "MIUI Global 13.0.4 Stable", "HyperOS China 1.0.6", "MIUI 14.0.2 EEA";
 *   "(MAD CN DL)", "(MHO MI ED)"             old MIUI 8/9 build tags;
 *   xiaomi.eu                                 a custom (unofficial) ROM.
 * Region codes are those of schemas/firmware_regions.csv (CN, MI, EU, ...).
 * No allocation while scanning. */
#ifndef GV_FIRMWARE_H
#define GV_FIRMWARE_H

#include <stddef.h>

#include "common/util.h"

typedef enum {
	FW_UNKNOWN = 0, /* a version without branch detail ("MIUI Global 13.0.4") */
	FW_STABLE,      /* an official stable build string */
	FW_BETA,        /* "beta" named */
	FW_DEV,         /* developer weekly (".DEV") */
	FW_UNOFFICIAL   /* a shape no official ROM uses, or a named custom ROM */
} fw_branch;

typedef struct fw_hit {
	size_t start, end;  /* [start, end) in the scanned text */
	char version[48];   /* the version as written, upper-cased, cut to fit */
	char region[3];     /* "CN", "MI", ...; "" when the string names none */
	fw_branch branch;
} fw_hit;

/* The region codes of schemas/firmware_regions.csv. */
typedef struct fw_regions {
	char (*code)[3];
	int n;
} fw_regions;

/* Load datadir/firmware_regions.csv (column region_code). 0, or -1 with err
 * (missing file, a code that is not two letters). Release either way. */
int fw_regions_load(fw_regions *r, const char *datadir, gv_error *err);
void fw_regions_release(fw_regions *r);
/* 1 if the two-letter code (any case) is a known region. */
int fw_region_known(const fw_regions *r, const char *code);

/* Find version strings in t[0..n); fill at most max hits in text order and
 * return how many were stored. */
size_t firmware_scan(const fw_regions *r, const char *t, size_t n, fw_hit *hits, size_t max);
/* "stable", "beta", "dev", "unofficial" or "unknown". */
const char *firmware_branch_name(fw_branch b);

#endif
