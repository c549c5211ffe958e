#!/usr/bin/env python3
"""Self-consistency checks of fixtures/heldout (truth against the dumps it
describes).  Stdlib only.  Exit 1 on the first failed group of checks.

    python3 tests/heldout/check_heldout.py [DIR]
"""
import collections
import csv
import gzip
import io
import sys

D = sys.argv[1] if len(sys.argv) > 1 else "fixtures/heldout"
EU = "GB IE DE FR ES IT PT NL BE LU AT PL CZ SK HU RO BG GR HR SI DK SE FI EE LV LT CY MT".split()
KEY = {"US": [2, 4, 5, 12, 13, 71], "EU": [1, 3, 7, 8, 20, 28], "AU": [1, 3, 7, 28], "CA": [2, 4, 7, 12, 17]}
ALIAS = {"product_id": "listing_id", "item_id": "listing_id", "productid": "listing_id", "store_id": "seller_id",
         "shop_id": "seller_id", "storeid": "seller_id", "store_name": "seller_name", "storename": "seller_name",
         "review_text": "text", "content": "text", "body": "text", "ship_to": "market", "country_code": "market",
         "reply": "answer", "seller_reply": "answer"}
errors = []


def check(cond, msg):
    if not cond:
        errors.append(msg)


def dump(night, kind):
    raw = gzip.open("%s/night%d/%s.csv.gz" % (D, night, kind)).read().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(raw, newline="")))
    hdr = [ALIAS.get(h.lower(), h.lower()) for h in rows[0]]
    return [dict(zip(hdr, r)) for r in rows[1:]]


def truth(name):
    return list(csv.DictReader(open("%s/truth/%s.csv" % (D, name), encoding="utf-8")))


TL, TR, TQ, TS = truth("listings"), truth("reviews"), truth("qa"), truth("sellers")
lat = {}
for n in (1, 2):
    for r in dump(n, "listings"):
        if r["listing_id"] not in lat or r["scraped_at"] >= lat[r["listing_id"]]["scraped_at"]:
            lat[r["listing_id"]] = r
revs = {r["review_id"]: r for n in (1, 2) for r in dump(n, "reviews")}
qas = {r["qa_id"]: r for n in (1, 2) for r in dump(n, "qa")}

# every truth row has its dump row and vice versa
check(set(lat) == {t["listing_id"] for t in TL}, "listing ids: truth and dumps differ")
check(set(revs) == {t["review_id"] for t in TR}, "review ids: truth and dumps differ")
check(set(qas) == {t["qa_id"] for t in TQ}, "qa ids: truth and dumps differ")
lids = {t["listing_id"] for t in TL}
check(all(t["listing_id"] in lids for t in TR + TQ), "review/qa of an unknown listing")

rc = collections.defaultdict(collections.Counter)
for t in TR:
    rc[t["listing_id"]][t["class"]] += 1
    check(t["class"] in ("complaint", "negated", "generic", "firmware_cn", "firmware_global", "complaint_noise",
                         "unofficial_rom"), "review class " + t["class"])
qc = collections.defaultdict(collections.Counter)
for t in TQ:
    qc[t["listing_id"]][t["class"]] += 1
    check((qas[t["qa_id"]]["answer"] == "") == (t["class"] == "unanswered"), "unanswered mismatch " + t["qa_id"])

for t in TL:
    lid, m = t["listing_id"], t["market"]
    d = lat[lid]
    check(d["market"] == m, "market differs " + lid)
    check(d["seller_id"] == t["seller_id"], "seller differs " + lid)
    check(m in EU or m in KEY, "market outside the seed table " + lid)
    check(t["claim"] in ("global_version", "global_rom", "china", "none"), "claim " + lid)
    check(t["hardware"] in ("global", "china"), "hardware " + lid)
    mis = int(t["claim"] == "global_version" and t["hardware"] == "china")
    check(int(t["mislabelled"]) == mis, "mislabelled inconsistent " + lid)
    ev = set(filter(None, t["evidence"].split(";")))
    check(("complaints" in ev) == (rc[lid]["complaint"] >= 2), "complaints evidence vs reviews " + lid)
    check(("fw_cn" in ev) == (rc[lid]["firmware_cn"] > 0), "fw_cn evidence vs reviews " + lid)
    check(("evasive" in ev) == (qc[lid]["evasive"] > 0), "evasive evidence vs qa " + lid)
    strong = bool(ev & {"cn_model", "cn_bands", "complaints", "fw_cn"})
    check(int(t["detectable"]) == int(mis and strong), "detectable inconsistent " + lid)
    if t["hardware"] == "global":
        check(not (ev & {"cn_model", "cn_bands", "fw_cn", "complaints"}), "china evidence on global hardware " + lid)
    key = KEY["EU" if m in EU else m]
    miss = [b for b in t["missing_bands"].split(";") if b]
    check(all(int(b[1:]) in key for b in miss), "missing band not a key band " + lid)
    check(t["bands_shown"] == "1" or not miss, "missing bands without a band list " + lid)
    check(miss == sorted(miss, key=lambda b: int(b[1:])), "missing bands not in numeric order " + lid)
    if "cn_model" in ev:
        text = (d["title"] + " " + d["specs"] + " " + d["description"]).upper().replace(" ", "")
        check(any(x in text for x in ("C", "E")), "cn_model without a model " + lid)

# seller aggregates
by = collections.defaultdict(list)
for t in TL:
    by[t["seller_id"]].append(t)
check(set(by) == {s["seller_id"] for s in TS}, "sellers: truth listings and sellers.csv differ")
for s in TS:
    ls = by[s["seller_id"]]
    claims = sum(t["claim"] == "global_version" for t in ls)
    mis = sum(int(t["mislabelled"]) for t in ls)
    det = sum(int(t["detectable"]) for t in ls)
    check(int(s["listings"]) == len(ls), "seller listings " + s["seller_id"])
    check(int(s["global_claims"]) == claims, "seller claims " + s["seller_id"])
    check(int(s["mislabelled"]) == mis and int(s["detectable"]) == det, "seller counts " + s["seller_id"])
    check(s["rate"] == ("%.4f" % (det / claims) if claims else ""), "seller rate " + s["seller_id"])
    check(s["true_rate"] == ("%.4f" % (mis / claims) if claims else ""), "seller true_rate " + s["seller_id"])
    names = {lat[t["listing_id"]]["seller_name"] for t in ls}
    check(names == {s["seller_name"]}, "seller name " + s["seller_id"])

if errors:
    print("\n".join(errors[:40]))
    print("check_heldout: %d problems" % len(errors))
    sys.exit(1)
print("check_heldout: ok: %d listings, %d reviews, %d qa, %d sellers" % (len(TL), len(TR), len(TQ), len(TS)))
