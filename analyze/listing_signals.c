/* listing_signals.c: see listing_signals.h.
 *
 * Why these rules: a China model number is what the phone reports about
 * itself, so it is strong; a Global one is weak because sellers copy model
 * numbers from the global page. A band list is compared with the device's
 * known variants by the bands that tell them apart (China-only TDD bands
 * such as B34/B39 versus the global variant's B7/B20/B28/...), not by the
 * whole list, since sellers trim and reorder lists. Without a known device,
 * a list carrying B34 or B39 yet lacking both B20 and B28 is China
 * hardware: no global or India variant in the reference data has that
 * shape (see README.md ("Verdict method")). */
#include "analyze/listing_signals.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int count_in(const unsigned char *set, const unsigned char *of)
{
	int i, n = 0;
	for (i = 1; i < BANDS_MAX; i++)
		n += set[i] && of[i];
	return n;
}

static void format_set(const unsigned char *set, strbuf *sb)
{
	int i;
	for (i = 1; i < BANDS_MAX; i++)
		if (set[i])
			sb_addf(sb, "%sB%d", sb->len && sb->buf[sb->len - 1] != ' ' ? " " : "", i);
}

int listing_bands_judge(const device_bands *dev, const bands *b, char *why, size_t size)
{
	unsigned char cn_only[BANDS_MAX], gl_only[BANDS_MAX], tmp[BANDS_MAX];
	int i, ngl = 0, c = 0, g;
	strbuf sb;

	why[0] = '\0';
	if (b->n_lte < 3)
		return 0;
	sb_init(&sb);
	if (dev && dev->has_china && dev->has_global) {
		/* Bands only the China variant has (not the global, not the India
		 * one), and bands only the global variant has. */
		for (i = 1; i < BANDS_MAX; i++) {
			cn_only[i] = dev->china[i] && !dev->global[i] && !dev->india[i];
			gl_only[i] = dev->global[i] && !dev->china[i];
			ngl += gl_only[i];
			c += cn_only[i] && b->lte[i];
		}
		g = count_in(b->lte, gl_only);
		/* B34 is the China Mobile TDD band no global or India variant in the
		 * reference data lists; B39 alone is not enough (some global
		 * variants list it), so B34 must be among the China-only bands. */
		if (cn_only[34] && b->lte[34] && (ngl == 0 || 2 * g < ngl)) {
			sb_adds(&sb, "has China-variant-only ");
			for (i = 0; i < BANDS_MAX; i++)
				tmp[i] = b->lte[i] && cn_only[i];
			format_set(tmp, &sb);
			if (ngl) {
				for (i = 0; i < BANDS_MAX; i++)
					tmp[i] = gl_only[i] && !b->lte[i];
				sb_adds(&sb, ", lacks global-variant ");
				format_set(tmp, &sb);
			}
			snprintf(why, size, "%s (%s)", sb.buf, dev->name);
			sb_release(&sb);
			return 1;
		}
		if (c == 0 && ngl > 0 && 5 * g >= 4 * ngl) {
			sb_adds(&sb, "matches the global variant: has ");
			for (i = 0; i < BANDS_MAX; i++)
				tmp[i] = b->lte[i] && gl_only[i];
			format_set(tmp, &sb);
			snprintf(why, size, "%s, no China-only band (%s)", sb.buf, dev->name);
			sb_release(&sb);
			return -1;
		}
	}
	sb_release(&sb);
	/* The generic shape, for any device: B34 without B20 and B28. No global
	 * or India variant in the reference data has it. */
	if (b->lte[34] && !b->lte[20] && !b->lte[28] && b->n_lte >= 4) {
		snprintf(why, size, "has China TDD band B34%s, lacks B20 and B28",
			 b->lte[39] ? " and B39" : "");
		return 1;
	}
	if (!dev || !dev->has_china || !dev->has_global) {
		if (b->lte[7] && b->lte[20] && b->lte[28] && !b->lte[34]) {
			snprintf(why, size, "has B7, B20 and B28, no B34: a global shape");
			return -1;
		}
	}
	return 0;
}

static void add(evidence_list *ev, const weights *w, const char *signal, ev_source src,
		const char *id, const char *excerpt)
{
	if (!weights_known(w, signal))
		return; /* a signal an analyst removed from weights.csv is off */
	evidence_add(ev, signal, src, id, excerpt, weights_get(w, signal));
}

/* The value of the spec field whose name contains `name` (ASCII,
 * case-insensitive) into buf; 1 if found. */
static int spec_field(const char *specs, const char *name, char *buf, size_t size)
{
	const char *p = specs;
	size_t nl = strlen(name);

	while (p && *p) {
		size_t e = strcspn(p, "\n;|"), colon = strcspn(p, ":");
		if (colon < e) {
			size_t i;
			for (i = 0; i + nl <= colon; i++)
				if (!strncasecmp(p + i, name, nl)) {
					size_t vl = e - colon - 1;
					if (vl >= size)
						vl = size - 1;
					memcpy(buf, p + colon + 1, vl);
					buf[vl] = '\0';
					return 1;
				}
		}
		p += e;
		if (*p)
			p++;
	}
	return 0;
}

static void read_cert(const char *specs, char *out, size_t size, int *global, int *china)
{
	static const char *const gl[] = {"CE", "FCC", "RCM", "UKCA", "IC", "ANATEL", "PTCRB", NULL};
	static const char *const cn[] = {"CCC", "3C", NULL};
	char val[256];
	size_t i = 0, n;

	*global = *china = 0;
	out[0] = '\0';
	if (!specs || !spec_field(specs, "certif", val, sizeof val))
		return;
	n = strlen(val);
	while (i < n) {
		size_t j = i, k;
		const char *const *t;
		while (j < n && isalnum((unsigned char)val[j]))
			j++;
		for (k = 0; k < 2; k++)
			for (t = k ? cn : gl; *t; t++)
				if (strlen(*t) == j - i && !strncasecmp(val + i, *t, j - i)) {
					size_t o = strlen(out);
					snprintf(out + o, size - o, "%s%s", o ? ";" : "", *t);
					*(k ? china : global) = 1;
				}
		i = j > i ? j : i + 1;
	}
}

static const char *const src_label[3] = {"specs", "title", "description"};

void listing_signals(const registry *reg, const weights *w, const listing_input *in,
		     const claim_result *claim, const bands *b, const market *mk, compat_grade g,
		     const char *missing, listing_found *found, evidence_list *ev)
{
	const char *texts[3] = {in->specs, in->title, in->description};
	model_info m[8], china, global;
	int has_china = 0, has_global = 0;
	const char *china_src = NULL, *global_src = NULL;
	int s, i, n, cert_gl, cert_cn;
	char why[200], buf[300];

	memset(found, 0, sizeof *found);
	found->lacks_key = -1;

	/* Model numbers, the spec block first (it holds "Model Number:"). */
	for (s = 0; s < 3; s++) {
		if (!texts[s])
			continue;
		n = registry_find_models(reg, texts[s], strlen(texts[s]), m, 8);
		for (i = 0; i < n; i++) {
			if (m[i].cls == MODEL_CHINA && !has_china) {
				china = m[i];
				has_china = 1;
				china_src = src_label[s];
			} else if (m[i].cls == MODEL_NOT_CHINA && !has_global) {
				global = m[i];
				has_global = 1;
				global_src = src_label[s];
			} else if (!found->model.number[0]) {
				found->model = m[i];
			}
		}
	}
	/* A China and a Global number side by side ("22101317C / 22111317G")
	 * prove nothing: the seller copied both. */
	if (has_china && has_global) {
		found->model = china;
	} else if (has_china) {
		found->model = china;
		snprintf(buf, sizeof buf, "%s: %s (%s%s%s)", china_src, china.number,
			 china.from_registry ? "China variant" : "unknown model, suffix rule: China",
			 china.device ? ", " : "", china.device ? china.device : "");
		add(ev, w, china.from_registry ? "listing_model_china" : "listing_model_china_suffix",
		    EV_LISTING, in->listing_id, buf);
	} else if (has_global) {
		found->model = global;
		snprintf(buf, sizeof buf, "%s: %s (%s variant%s%s)", global_src, global.number,
			 global.region, global.device ? ", " : "", global.device ? global.device : "");
		add(ev, w, "listing_model_global", EV_LISTING, in->listing_id, buf);
	}

	/* The device: from the registry's model row, else the title, else the
	 * spec block's model field ("Model Number: Xiaomi 14 Ultra"). */
	if (found->model.device)
		found->device = registry_device(reg, found->model.device);
	if (!found->device || !found->device->has_global)
		found->device = registry_find_device(reg, in->title);
	if (!found->device && in->specs && spec_field(in->specs, "model", buf, sizeof buf))
		found->device = registry_find_device(reg, buf);
	if (!found->device && found->model.device)
		found->device = registry_device(reg, found->model.device);

	/* The band list. Frequencies read with several candidates are not
	 * enough to call a list China hardware. */
	if (b->n_lte > 0 && b->confidence >= BANDS_LIKELY) {
		int j = listing_bands_judge(found->device, b, why, sizeof why);
		strbuf sb;
		sb_init(&sb);
		bands_format_lte(b, &sb, " ");
		snprintf(buf, sizeof buf, "LTE %s: %s", sb.buf, why);
		sb_release(&sb);
		if (j > 0) {
			found->bands_china = 1;
			add(ev, w, "listing_bands_china", EV_LISTING, in->listing_id, buf);
		} else if (j < 0) {
			found->bands_global = 1;
			add(ev, w, "listing_bands_global", EV_LISTING, in->listing_id, buf);
		}
	}
	/* Key bands of the market. A single missing band that global Xiaomi
	 * variants also commonly lack (B71 in the US) is not held against the
	 * listing; missing core bands, or two or more of the bands China
	 * hardware typically misses, are. */
	if (mk && g != COMPAT_UNKNOWN) {
		int nmissed = 0, nmissing = 0;
		const char *p = missing ? missing : "";
		found->lacks_key = g == COMPAT_ALL ? 0 : 1;
		while (*p) {
			int band = 0;
			while (*p && !isdigit((unsigned char)*p))
				p++;
			while (isdigit((unsigned char)*p))
				band = band * 10 + (*p++ - '0');
			if (band > 0 && band < BANDS_MAX) {
				nmissing++;
				nmissed += mk->missed[band];
			}
		}
		if (g <= COMPAT_SOME || nmissed >= 2 || (nmissing >= 2 && nmissed >= 1)) {
			snprintf(buf, sizeof buf, "market %s (%s): lacks key band%s %s", mk->code,
				 in->market ? in->market : "?", nmissing > 1 ? "s" : "", missing);
			add(ev, w, "listing_bands_missing_key", EV_LISTING, in->listing_id, buf);
		}
	}

	read_cert(in->specs, found->cert, sizeof found->cert, &cert_gl, &cert_cn);
	if (cert_cn && !cert_gl) {
		snprintf(buf, sizeof buf, "specs: certification %s", found->cert);
		add(ev, w, "listing_cert_china", EV_LISTING, in->listing_id, buf);
	} else if (cert_gl && !cert_cn) {
		snprintf(buf, sizeof buf, "specs: certification %s", found->cert);
		add(ev, w, "listing_cert_global", EV_LISTING, in->listing_id, buf);
	}

	/* Since 2018 China hardware cannot run an official Global ROM: an honest
	 * "CN Version Global ROM" listing still sells a phone whose ROM is
	 * unofficial. A note for readers, never a verdict (weight 0). */
	if (claim->kind == CLAIM_GLOBAL_ROM &&
	    (claim->says_china || found->model.cls == MODEL_CHINA || found->bands_china)) {
		snprintf(buf, sizeof buf, "%s; China hardware cannot run an official Global ROM",
			 claim->excerpt);
		add(ev, w, "listing_unofficial_rom_risk", EV_LISTING, in->listing_id, buf);
	}
}

/* A negation in the few words before offset at ("not 22101317C", "no es
 * 22101317C", "не 22101317C"). */
static int negated_before(const char *text, size_t at)
{
	static const char *const neg[] = {" not ", " no ", "n't ", " non ", " не ", " nie ",
					  " nao ", " não ", " nicht ", " pas ", NULL};
	char win[40];
	size_t from = at > 24 ? at - 24 : 0, n = at - from, i;
	const char *const *p;

	win[0] = ' ';
	for (i = 0; i < n; i++)
		win[i + 1] = (char)tolower((unsigned char)text[from + i]);
	win[n + 1] = '\0';
	for (p = neg; *p; p++)
		if (strstr(win, *p))
			return 1;
	return 0;
}

void listing_qa_signals(const registry *reg, const weights *w, const char *qa_id,
			const char *answer, const device_bands *dev, evidence_list *ev)
{
	model_info m[8];
	int i, n, cn = 0, gl = 0;
	char buf[300], why[200];
	bands b;

	if (!answer || !*answer)
		return;
	n = registry_find_models(reg, answer, strlen(answer), m, 8);
	for (i = 0; i < n; i++) {
		if (m[i].cls == MODEL_CHINA && negated_before(answer, m[i].at))
			continue; /* "it is not 22101317C" */
		cn += m[i].cls == MODEL_CHINA;
		gl += m[i].cls == MODEL_NOT_CHINA;
	}
	for (i = 0; i < n && cn && !gl; i++)
		if (m[i].cls == MODEL_CHINA && !negated_before(answer, m[i].at)) {
			snprintf(buf, sizeof buf, "seller: %s (%s)", m[i].number,
				 m[i].from_registry ? "China variant" : "unknown model, suffix rule: China");
			add(ev, w, "qa_model_china", EV_QA, qa_id, buf);
			break;
		}
	bands_init(&b);
	bands_parse(&b, answer, strlen(answer));
	if (b.n_lte > 0 && b.confidence >= BANDS_LIKELY &&
	    listing_bands_judge(dev, &b, why, sizeof why) > 0) {
		snprintf(buf, sizeof buf, "seller lists %s", why);
		add(ev, w, "qa_bands_china", EV_QA, qa_id, buf);
	}
}
