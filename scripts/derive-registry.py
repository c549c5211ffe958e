#!/usr/bin/env python3
"""Derive schemas/models.csv and schemas/variant_bands.csv from the public
reference tables in ../shared/reference (see schemas/SOURCES.md, section
"models.csv, variant_bands.csv", for what is kept, dropped and why).

usage: scripts/derive-registry.py [REFERENCE_DIR] [SCHEMAS_DIR]
"""
import csv
import re
import sys

ref = sys.argv[1] if len(sys.argv) > 1 else "../shared/reference"
out = sys.argv[2] if len(sys.argv) > 2 else "schemas"

REGIONS = {"GLOBAL", "CN", "IN", "JP", "LATAM", "EU", "KR", "TH", "TW", "BR"}


def device_name(d):
    d = re.sub(r"\s+", " ", d.strip())
    return re.sub(r"^Xiaomi (?=(Mi|Redmi|Poco|POCO|Black Shark)\b)", "", d)


def region_of(market, variant):
    if market:
        parts = [p for p in market.split("|") if p in REGIONS]
        return "|".join(parts)
    v = variant.lower()
    if "china" in v or "chinese" in v:
        return "CN"
    if "global" in v or "international" in v:
        return "GLOBAL"
    if "india" in v:
        return "IN"
    return ""


models = []
seen = set()
with open(f"{ref}/models.csv", newline="", encoding="utf-8") as f:
    for r in csv.DictReader(f):
        num = re.sub(r"\s+", "", r["model_number"]).upper()
        if not re.fullmatch(r"[A-Z0-9-]{5,16}", num):
            continue
        key = (num, r["device"])
        if key in seen:
            continue
        seen.add(key)
        models.append([num, device_name(r["device"]), region_of(r["market"], r["variant"]),
                       r["variant"], r["line"]])
with open(f"{out}/models.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["model_number", "device", "region", "variant", "line"])
    w.writerows(sorted(models))

VARIANTS = {"Global": "GLOBAL", "International": "GLOBAL", "China": "CN", "India": "IN",
            "Taiwan": "TW", "unspecified": "ANY"}
rows = {}
with open(f"{ref}/variant_bands.csv", newline="", encoding="utf-8") as f:
    for r in csv.DictReader(f):
        var = VARIANTS.get(r["variant"].strip())
        if var is None:  # "International, China": one list for two variants; regional odds
            continue
        bands = sorted({int(b) for b in r["bands"].split() if b.isdigit()})
        key = (device_name(r["device"]), var)
        e = rows.setdefault(key, {"LTE": [], "NR": [], "announced": r["announced"]})
        e[r["tech"]] = sorted(set(e[r["tech"]]) | set(bands))
out_rows = []
for (dev, var), e in sorted(rows.items()):
    lte = e["LTE"]
    if not lte:
        continue
    if var == "GLOBAL" and 34 in lte:  # a China list mixed into the global row
        continue
    if var == "CN" and rows.get((dev, "GLOBAL"), {}).get("LTE") == lte:
        continue  # the page lumped both variants: no China fingerprint
    out_rows.append([dev, var, " ".join(map(str, lte)), " ".join(map(str, e["NR"])),
                     e["announced"]])
with open(f"{out}/variant_bands.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["device", "variant", "lte_bands", "nr_bands", "announced"])
    w.writerows(out_rows)
print(f"models.csv: {len(models)} rows; variant_bands.csv: {len(out_rows)} rows", file=sys.stderr)
