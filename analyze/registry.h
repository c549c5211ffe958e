/* registry.h: the Xiaomi / Redmi / POCO model registry (schemas/models.csv)
 * and the known LTE band lists of each device's variants
 * (schemas/variant_bands.csv), both derived from ../shared/reference by
 * scripts/derive-registry.py (notes in schemas/SOURCES.md).
 *
 * Model numbers are found in free text by their shape (22111317G,
 * 23090RA98C, M2102K1G, 2201123C: year, month, then letters and digits,
 * ending in the region letter), looked up in the registry, and judged by the
 * suffix rules of ../shared/reference/SOURCES.md when the registry does not
 * know them: new models appear every month. */
#ifndef GV_REGISTRY_H
#define GV_REGISTRY_H

#include <stddef.h>

#include "analyze/bands.h"
#include "common/util.h"

/* What a model number says about the hardware. */
typedef enum {
	MODEL_UNKNOWN = 0, /* ambiguous (T, old numeric E, a number shared by regions) */
	MODEL_CHINA,       /* a China variant */
	MODEL_NOT_CHINA    /* Global, Europe, India, LatAm, Japan, ... */
} model_class;

typedef struct model_info {
	char number[24];     /* normalised (upper case) */
	char region[24];     /* GLOBAL, CN, IN, EU, LATAM, JP, GLOBAL|IN, ... or "" */
	model_class cls;
	int from_registry;   /* 1: registry row; 0: suffix rule */
	const char *device;  /* registry device name (owned by the registry) or NULL */
	size_t at, len;      /* where it was found in the text */
} model_info;

/* Band lists known for one device (a union when the source lists several
 * rows per variant). */
typedef struct device_bands {
	char *name;                           /* device as in variant_bands.csv */
	char *key;                            /* normalised name for matching */
	unsigned char global[BANDS_MAX];      /* GLOBAL (Global / International) LTE bands */
	unsigned char china[BANDS_MAX];       /* CN LTE bands */
	unsigned char india[BANDS_MAX];       /* IN LTE bands */
	int has_global, has_china, has_india; /* 1 when that variant's list is known */
} device_bands;

typedef struct registry registry;

/* Load models.csv and variant_bands.csv from datadir. NULL with err filled
 * (file, line, problem) on missing or invalid data. Free with registry_free. */
registry *registry_new(const char *datadir, gv_error *err);
void registry_free(registry *r);
/* Fingerprint of both tables (32 hex digits + NUL), owned by r. */
const char *registry_fingerprint(const registry *r);

/* 1 if token (not NUL-terminated, len bytes) has the shape of a Xiaomi model
 * number: 7 to 12 letters and digits, starting with a year and month
 * (YYMM or MYYMM), ending in a letter, not a unit (mAh, GB, Hz...). */
int registry_is_model_shape(const char *token, size_t len);
/* Judge a model number by its suffix letter (SOURCES.md rules) into region
 * (>= 24 bytes). */
model_class registry_suffix_rule(const char *number, char *region);
/* Look a normalised number up; fills *out (also by the suffix rule when the
 * registry does not know it). Returns 1 if the registry knows it. */
int registry_lookup(const registry *r, const char *number, model_info *out);
/* Find up to max model numbers in text (n bytes), in order; returns how
 * many (distinct numbers only). */
int registry_find_models(const registry *r, const char *text, size_t n, model_info *out, int max);

/* The device named in text (longest known name on word boundaries, not
 * followed by a model modifier such as "Pro" or "Ultra"), or NULL. */
const device_bands *registry_find_device(const registry *r, const char *text);
/* Band lists of the device called name (registry or variant_bands name), or
 * NULL. */
const device_bands *registry_device(const registry *r, const char *name);
/* The device whose normalised name (device_bands.key, as in a price key)
 * is key[0..n), or NULL. */
const device_bands *registry_device_by_key(const registry *r, const char *key, size_t n);

#endif
