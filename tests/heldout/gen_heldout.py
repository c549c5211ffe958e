#!/usr/bin/env python3
"""Generate the held-out evaluation set fixtures/heldout/ (two nights of dumps
plus ground truth), independently of the analyser's code and data.

Sources: ../shared/spec/dumps.md, ../shared/spec/outputs.md,
../shared/reference/* (model numbers, band lists, firmware regions, market
bands, suffix rules) and general domain knowledge.  Stdlib only, seeded,
deterministic: running it twice gives byte-identical files.

    python3 tests/heldout/gen_heldout.py [OUTDIR]   (default fixtures/heldout)
"""
import csv
import gzip
import io
import os
import random
import sys

SEED = 20261122
R = random.Random(SEED)

# --------------------------------------------------------------------------
# Markets: exactly the seed table of ../shared/reference/market_bands.csv
# --------------------------------------------------------------------------
EU = "GB IE DE FR ES IT PT NL BE LU AT PL CZ SK HU RO BG GR HR SI DK SE FI EE LV LT CY MT".split()
KEY = {"US": [2, 4, 5, 12, 13, 71], "EU": [1, 3, 7, 8, 20, 28], "AU": [1, 3, 7, 28], "CA": [2, 4, 7, 12, 17]}


def group(m):
    return "EU" if m in EU else m


MARKETS = ["US"] * 5 + ["CA"] * 3 + ["AU"] * 4 + ["GB"] * 3 + ["DE"] * 3 + ["FR"] * 2 + ["ES"] * 2 + \
    ["IT"] * 2 + ["PL"] * 2 + ["NL", "AT", "PT", "BE", "IE", "SE", "CZ", "GR", "RO"]
CURRENCY = {"US": "USD", "CA": "CAD", "AU": "AUD", "GB": "GBP", "PL": "PLN", "CZ": "CZK", "SE": "SEK", "RO": "RON"}
LANG_OF = {"US": "en", "CA": "en", "AU": "en", "GB": "en", "IE": "en", "DE": "de", "AT": "de", "FR": "fr",
           "BE": "fr", "ES": "es", "IT": "it", "PL": "pl", "PT": "pt", "NL": "nl", "SE": "en", "CZ": "en",
           "GR": "en", "RO": "en"}

# --------------------------------------------------------------------------
# Devices (models.csv / variant_bands.csv; the last block are 2025/2026-style
# numbers that no registry snapshot knows: judge them by suffix)
# --------------------------------------------------------------------------
G_FULL = [1, 2, 3, 4, 5, 7, 8, 12, 13, 17, 18, 19, 20, 26, 28, 32, 38, 40, 41, 42, 48, 66]
G_MID = [1, 2, 3, 4, 5, 7, 8, 12, 13, 17, 18, 19, 20, 26, 28, 38, 40, 41, 66]
G_LOW = [1, 2, 3, 4, 5, 7, 8, 20, 28, 38, 40, 41]
C_STD = [1, 3, 5, 8, 34, 38, 39, 40, 41]
C_MID = [1, 3, 4, 5, 8, 18, 19, 26, 34, 38, 39, 40, 41]
C_B7 = [1, 2, 3, 4, 5, 7, 8, 18, 19, 26, 34, 38, 39, 40, 41, 42]
NR_G = "n1/n3/n5/n7/n8/n20/n28/n38/n40/n41/n66/n77/n78"
NR_C = "n1/n3/n5/n8/n28/n41/n77/n78/n79"

# name, brand, global model, china model (None: no China twin), global LTE, china LTE, 5G?, china name
DEVICES = [
    ("Xiaomi 15", "Xiaomi", "24129PN74G", "24129PN74C", G_FULL, C_B7, True, None),
    ("Redmi Note 14 5G", "Redmi", "24094RAD4G", "24094RAD4C", G_MID, C_MID, True, None),
    ("Redmi Note 11 Pro 5G", "Redmi", "2201116SG", "2201116SC", G_MID, C_MID, True, "Redmi Note 11E Pro"),
    ("Redmi Note 10 5G", "Redmi", "M2103K19G", "M2103K19C", G_LOW, C_STD, True, None),
    ("Redmi 13C 5G", "Redmi", "23124RN87G", "23124RN87C", G_LOW, C_STD, True, "Redmi 13R 5G"),
    ("Redmi 14C", "Redmi", "2409BRN2CA", "2409BRN2CC", G_LOW, C_STD, False, None),
    ("Xiaomi 13 Ultra", "Xiaomi", "2304FPN6DG", "2304FPN6DC", G_FULL, C_B7, True, None),
    ("Redmi 10A", "Redmi", "220233L2G", "220233L2C", G_LOW, C_STD, False, None),
    ("POCO F6", "POCO", "24069PC21G", "24069RA21C", G_FULL, C_B7, True, "Redmi Turbo 3"),
    ("POCO F5 Pro", "POCO", "23013PC75G", "23013RK75C", G_FULL, C_B7, True, "Redmi K60"),
    ("POCO F6 Pro", "POCO", "23113RKC6G", "23113RKC6C", G_FULL, C_B7, True, "Redmi K70"),
    ("Xiaomi 14T Pro", "Xiaomi", "2407FPN8EG", "2407FRK8EC", G_FULL, C_B7, True, "Redmi K70 Ultra"),
    ("Xiaomi MIX Flip", "Xiaomi", "2405CPX3DG", "2405CPX3DC", G_FULL, C_B7, True, None),
    ("Mi 10", "Xiaomi", "M2001J2G", "M2001J2E", G_FULL, C_B7, True, None),      # old M-prefix: E = China
    ("Redmi Note 14", "Redmi", "24117RN76E", None, G_LOW, None, False, None),    # 2024+: E = Europe
    ("Redmi Note 13", "Redmi", "23124RA7EO", None, G_LOW, None, False, None),    # O = global NFC
    ("Redmi 13", "Redmi", "2404ARN45A", None, G_LOW, None, False, None),         # A = global
    # newer than any registry snapshot
    ("POCO F7", "POCO", "25053PC47G", "25053RT47C", G_FULL, C_B7, True, "Redmi Turbo 4 Pro"),
    ("Redmi Turbo 4 Pro", "Redmi", "25053RT47G", "25053RT47C", G_FULL, C_B7, True, None),
    ("REDMI Note 15 Pro 5G", "Redmi", "2510BRA29G", "2510BRA29C", G_MID, C_MID, True, None),
    ("Xiaomi 16", "Xiaomi", "2512APN7CG", "2512APN7CC", G_FULL, C_B7, True, None),
    ("REDMI 15C", "Redmi", "25078RN3CY", "25078RN3CC", G_LOW, C_STD, False, None),
    ("POCO X8 Pro", "POCO", "2601DPC44G", "2601DRK44C", G_FULL, C_MID, True, "Redmi Turbo 5"),
]
DEV_CN = [d for d in DEVICES if d[3]]
NEW_DEVICES = {"POCO F7", "Redmi Turbo 4 Pro", "REDMI Note 15 Pro 5G", "Xiaomi 16", "REDMI 15C", "POCO X8 Pro"}

FEATURES = ["120Hz AMOLED", "5000mAh", "NFC", "IP68", "Snapdragon", "Dimensity", "90W HyperCharge",
            "50MP Leica", "Smartphone", "Mobile Phone", "HyperOS 2", "Dual SIM", "6.67''", "2K Display",
            "Celular", "Téléphone", "Smartfon", "Смартфон", "📱", "🔥Hot Sale🔥"]
MEM = ["4GB 128GB", "6GB 128GB", "8GB 256GB", "12GB 256GB", "12GB 512GB", "16GB 512GB", "16GB 1TB", "8+256GB", "12/512"]

# --------------------------------------------------------------------------
# Claims: wording -> truth claim (outputs.md)
# --------------------------------------------------------------------------
GV = ["Global Version", "Global Ver.", "【Global Version】", "International Version", "Versión Global",
      "Version Globale", "Глобальная версия", "Wersja globalna", "Versione Globale", "Globale Version",
      "GLOBAL VERSION", "global version", "[Global Version]", "Global Version Official", "(Global Version)"]
GR = ["Global ROM", "Global Firmware", "Multi-Language ROM", "CN Version Global ROM", "China Version With Global ROM",
      "Chinese Version Global Rom", "Global Rom (China Hardware)", "CN Ver. Global ROM", "Multi-language ROM Google Play"]
CHN = ["China Version", "CN Version", "Chinese Version", "China Version 中国版", "Mainland China Version",
       "Non-Global Version China Version"]
GR_NEG = ["Not Global Version Global ROM", "Global ROM Non-Global Version", "Global ROM (NOT Global Version)"]


def pick(seq):
    return R.choice(seq)


# --------------------------------------------------------------------------
# Band notations.  Each renderer returns (specs_part, desc_part, title_part,
# shown_set); shown_set is what a careful reader takes as the LTE bands.
# --------------------------------------------------------------------------
FW = str.maketrans("0123456789ABDEFGLNRTCMHz/:,-", "０１２３４５６７８９ＡＢＤＥＦＧＬＮＲＴＣＭＨｚ／：，－")


def fdd_tdd(bands):
    f = [b for b in bands if b < 33 or b >= 65]
    t = [b for b in bands if 33 <= b < 65]
    return f, t


def slash(bs, pre="B"):
    return "/".join(pre + str(b) for b in bs)


def render_bands(bands, market, style, nr=None, g3trap=False):
    f, t = fdd_tdd(bands)
    shown = set(bands)
    g3 = "3G: WCDMA B1/B2/B4/B5/B8" if g3trap else "3G: WCDMA B1/B5/B8"
    nrs = ("; 5G: " + nr) if nr else ""
    sp = de = ti = ""
    if style == "dumps":       # FDD-LTE B1/2/3 ...
        lte = "4G: FDD-LTE B" + "/".join(map(str, f)) + (", TDD-LTE B" + "/".join(map(str, t)) if t else "")
        sp = "Network Frequency: 2G: GSM 850/900/1800/1900; " + g3 + "; " + lte + nrs
    elif style == "ltefdd":    # LTE FDD: 1/3/5; LTE TDD: 38/40
        sp = "Network Frequency: " + g3 + "\nLTE FDD: " + "/".join(map(str, f)) + \
            ("; LTE TDD: " + "/".join(map(str, t)) if t else "") + (("\n5G NR: " + nr) if nr else "")
    elif style == "bandcomma":  # 4G LTE: Band 1, 3, 5
        sp = "4G LTE: Band " + ", ".join(map(str, bands)) + ((" | 5G: " + nr) if nr else "")
    elif style == "fddspace":  # FDD B1 B3 B5 ... TDD B38
        sp = "Band: FDD " + " ".join("B%d" % b for b in f) + ((" TDD " + " ".join("B%d" % b for b in t)) if t else "")
    elif style == "ltedash":   # LTE-FDD:B1/B3 LTE-TDD:B34/B38
        sp = "Network: " + g3 + "\nLTE-FDD:" + slash(f) + (" LTE-TDD:" + slash(t) if t else "") + nrs
    elif style == "ltecolon":  # LTE: 1/3/5/7/8/20/28/38/40/41
        sp = "LTE: " + "/".join(map(str, bands)) + nrs
    elif style == "b28ab":     # B28A/B28B
        parts = []
        for b in f:
            parts += ["B28A", "B28B"] if b == 28 else ["B%d" % b]
        sp = "4G FDD-LTE: " + "/".join(parts) + ("\n4G TDD-LTE: " + slash(t) if t else "") + nrs
    elif style == "fullwidth":
        sp = ("４Ｇ ＬＴＥ：" + "／".join("Ｂ%d" % b for b in bands)).translate(FW)
    elif style == "fwpunct":   # ASCII bands, CJK punctuation
        sp = "4G LTE：" + "，".join("B%d" % b for b in bands) + ("；5G：" + nr if nr else "")
    elif style == "html":
        de = ("<div><b>Network</b><br>2G: GSM 850/900/1800/1900<br>" + g3 + "<br>4G: FDD-LTE " + slash(f) +
              "<br>" + ("TDD-LTE " + slash(t) + "<br>" if t else "") + (("5G: " + nr + "<br>") if nr else "") +
              "</div><p>&nbsp;</p>")
    elif style == "desc_band":  # in free text of the description
        de = "Supported networks — 4G: Band " + ", ".join(map(str, bands)) + ". Please check your carrier!"
    elif style == "split":     # FDD in specs, TDD in description
        sp = "Network Frequency: " + g3 + "; 4G FDD: " + slash(f)
        de = "Also TDD-LTE: " + (slash(t) if t else "none") + ". " + (("5G: " + nr) if nr else "")
        if not t:
            shown = set(f)
    elif style == "split_title":  # two bands in title, the rest in specs
        hi = [b for b in bands if b in (20, 28, 12, 13, 71, 17)][:2]
        if len(hi) < 2:
            return render_bands(bands, market, "dumps", nr, g3trap)
        ti = " ".join("B%d" % b for b in hi)
        rest = [b for b in bands if b not in hi]
        sp = "4G: " + slash(rest)
    elif style == "freq":      # 4G: 700/800/...MHz (EU meaning; used only in EU markets)
        fmap = {28: "700", 20: "800", 5: "850", 8: "900", 3: "1800", 1: "2100", 7: "2600"}
        fs = [fmap[b] for b in (28, 20, 5, 8, 3, 1, 7) if b in bands]
        sp = "4G: " + "/".join(fs) + "MHz"
        shown = {b for b in (28, 20, 5, 8, 3, 1, 7) if b in bands}
    else:
        raise ValueError(style)
    return sp, de, ti, shown


STYLES = ["dumps", "ltefdd", "bandcomma", "fddspace", "ltedash", "ltecolon", "b28ab", "fullwidth", "fwpunct",
          "html", "desc_band", "split", "split_title"]

# --------------------------------------------------------------------------
# Reviews (fresh wordings; classes as in samples/truth/reviews.csv)
# --------------------------------------------------------------------------
OPS = {"US": ["T-Mobile", "AT&T", "Verizon"], "CA": ["Rogers", "Bell", "Telus"], "AU": ["Telstra", "Optus", "Vodafone AU"],
       "EU": ["Vodafone", "Orange", "O2", "Movistar", "Iliad", "Play", "KPN", "Three", "MEO"]}
MISS_EX = {"US": ["12", "13", "71"], "CA": ["12", "17"], "AU": ["28"], "EU": ["20", "28"]}

COMPLAINT = {
    "en": ["Stuck on H+ most of the day. {op} support told me this handset doesn't do their LTE bands.",
           "VoLTE never activates and 4G vanishes as soon as I leave town — no band {b} on this unit.",
           "Sold as global but it clearly isn't: no B{b}, so no LTE on {op}. Returning it.",
           "Full bars yet data crawls on 3G. Checked the band list in engineering mode: band {b} missing.",
           "Mobile data only works downtown, everywhere else it falls back to E/3G. Wrong bands for my carrier.",
           "Can't make calls at my parents' place, {op} 4G there is band {b} and this phone can't see it.",
           "Hotspot useless, it never gets 4G on {op}. Chinese bands, not the global ones."],
    "ru": ["Не ловит 4G у {op}, только 3G. Нет диапазона B{b}, оператор подтвердил.",
           "Связь отвратительная: LTE пропадает за городом, частоты китайские, B{b} отсутствует.",
           "Написано глобальная версия, а по факту нет B{b}. Только H+."],
    "uk": ["Не працює 4G, лише 3G. Немає B{b}, частоти китайські.",
           "Телефон не бачить LTE мого оператора, бо нема діапазону {b}."],
    "es": ["No coge 4G con {op}, se queda en 3G todo el rato. Le falta la banda {b}.",
           "Fuera de la ciudad pierdo el 4G, no tiene la banda {b}. No es versión global de verdad."],
    "pt": ["Não pega 4G na {op}, só 3G. Falta a banda {b}.",
           "Fora da cidade fica sem LTE nenhum. Bandas erradas, não é global."],
    "fr": ["Impossible d'avoir la 4G chez {op}, le téléphone ne gère pas la bande {b}.",
           "Reste bloqué en H+ hors de la ville, la bande {b} n'est pas prise en charge."],
    "pl": ["Brak LTE w {op}, telefon nie obsługuje pasma {b}. Tylko 3G.",
           "Ciągle spada do H+, poza miastem 4G w ogóle nie ma. Brakuje B{b}."],
    "de": ["Kein LTE bei {op} auf dem Land, Band {b} fehlt einfach.",
           "Hängt ständig im 3G/H+ fest, bei {op} gibt es damit kein 4G. Keine echte Global-Hardware."],
    "it": ["Non prende il 4G con {op}, manca la banda {b}.",
           "Solo H+, niente LTE fuori città: le frequenze non sono quelle europee, manca B{b}."],
    "nl": ["Geen 4G bij {op} buiten de stad, band {b} ontbreekt.",
           "Blijft op 3G hangen, mijn provider zegt dat band {b} niet wordt ondersteund."],
    "tr": ["4G çekmiyor, sadece 3G. Band {b} yok, Çin versiyonu.", "{op} hattımda LTE yok, B{b} desteklemiyor."],
}
NEGATED = {
    "en": ["No issues with band {b}, LTE+ everywhere I go.", "Thought it would be 3G only but LTE works fine on {op}.",
           "Was worried about B{b} after reading reviews — connects to 4G on {op} without any problem.",
           "Not a single drop to 3G in a month, real global bands."],
    "ru": ["Никаких проблем с 4G, B{b} работает.", "Боялся, что будет только 3G, но LTE ловит отлично."],
    "uk": ["Жодних проблем з 4G, все працює."],
    "es": ["Pensaba que no tendría 4G pero funciona perfecto con {op}.", "Ningún problema con la banda {b}."],
    "pt": ["Sem problemas de rede, 4G funciona normal na {op}."],
    "fr": ["Aucun souci de 4G, la bande {b} fonctionne bien chez {op}."],
    "pl": ["Bałem się, że nie będzie LTE, ale działa bez problemu w {op}."],
    "de": ["Keine Probleme mit Band {b}, LTE überall.", "Dachte erst, nur 3G, aber 4G läuft bei {op} stabil."],
    "it": ["Nessun problema con la banda {b}, 4G ovunque."],
    "nl": ["Geen problemen met 4G, band {b} werkt prima."],
    "tr": ["4G sorunsuz çalışıyor, bant sorunu yok."],
}
NOISE = {
    "en": ["No signal in the subway, but that's the tunnel, not the phone.",
           "Lost 4G for an afternoon — turned out {op} had an outage in the whole area.",
           "Forgot airplane mode was on and thought it had no network lol. Works fine.",
           "Only 3G inside the underground car park, fine everywhere else."],
    "ru": ["В метро нет 4G, но это у всех так."],
    "es": ["En el metro no hay cobertura, pero es normal."],
    "fr": ["Pas de réseau dans le métro, comme tous les téléphones."],
    "de": ["Im Tunnel kein Netz, aber das ist normal.", "Ein Tag ohne LTE, {op} hatte eine Störung."],
    "pl": ["W metrze brak zasięgu, ale to normalne."],
    "it": ["In metropolitana niente rete, normale."],
    "pt": ["No metrô fica sem sinal, normal."],
    "nl": ["In de metro geen bereik, maar dat is normaal."],
}
GENERIC = {
    "en": ["Battery easily lasts a day and a half.", "Screen is gorgeous, very smooth.", "Delivery took 9 days, well packed.",
           "Great phone for the money!", "Camera is good in daylight, average at night.", "Box had a EU plug, needed an adapter.",
           "Seller answered quickly.", "Love it ❤️", "ok", "Phone is fast, no lag in games.", "Came with a free case 👍",
           "Fingerprint sensor is quick.", "Speaker is loud enough."],
    "ru": ["Отличный телефон, доставка быстрая.", "Экран супер, батарея держит долго.", "Всё пришло целым, спасибо продавцу."],
    "uk": ["Гарний телефон, швидка доставка.", "Все супер, рекомендую."],
    "es": ["Llegó rápido y bien embalado.", "Muy buen teléfono por el precio.", "La cámara es increíble."],
    "pt": ["Chegou rápido, produto excelente.", "Bateria dura muito, recomendo."],
    "fr": ["Très bon téléphone, livraison rapide.", "Écran magnifique, autonomie top."],
    "pl": ["Świetny telefon, polecam.", "Dostawa szybka, wszystko działa."],
    "de": ["Top Handy, schnelle Lieferung.", "Akku hält ewig, Display super."],
    "it": ["Ottimo telefono, consigliato.", "Spedizione veloce, tutto perfetto."],
    "nl": ["Snelle levering, prima toestel.", "Mooi scherm, goede batterij."],
    "tr": ["Ürün harika, hızlı kargo.", "Fiyatına göre çok iyi."],
}
FW_DEV = ["VNO", "VOK", "UMQ", "VLC", "UNA", "VMR", "WOC", "UKF"]


def fw_string(region, lower=False):
    if R.random() < 0.5:
        s = "OS%d.0.%d.0.%s%sXM" % (R.choice([1, 2, 3]), R.randint(2, 30), pick(FW_DEV), region)
    else:
        s = "V14.0.%d.0.T%s%sXM" % (R.randint(1, 12), pick(["MR", "KI", "LC", "MO", "NF"]), region)
    return s.lower() if lower else s


FWCN = {
    "en": ["About phone says {fw} — that's the Chinese ROM.", "Came with {fw}. Had to sideload Google apps myself.",
           "after the first update it showed {fw} and the whole UI turned to Chinese 🤦", "software: {fw} (china build)"],
    "ru": ["Прошивка {fw} — китайская, пришлось ставить Google сервисы.", "В «О телефоне» версия {fw}."],
    "de": ["Firmware laut Einstellungen: {fw}, also China-ROM.", "Version {fw} drauf, Google-Dienste fehlten."],
    "es": ["Trae la versión {fw}, o sea ROM china."],
    "pl": ["W ustawieniach wersja {fw}, czyli chiński ROM."],
    "it": ["Versione software {fw}: è la ROM cinese."],
}
FWGL = {
    "en": ["Updated to {fw} over the air, all fine.", "Runs {fw}, OTA works."],
    "ru": ["Пришло обновление {fw}, всё работает."],
    "de": ["Update auf {fw} kam problemlos."],
    "pl": ["Aktualizacja {fw} przyszła bez problemu."],
}
UNOFF = {
    "en": ["ROM is modded: no OTA ever, Play Protect says the device is uncertified.",
           "Seller flashed some custom 'global' ROM, settings shows a version number with no region letters.",
           "Weird launcher full of ads, definitely not an official ROM."],
    "ru": ["Прошивка кастомная, обновлений нет, Google Pay не работает."],
    "es": ["ROM no oficial, nunca recibe actualizaciones."],
    "pl": ["Nieoficjalny ROM, brak aktualizacji OTA."],
}


def market_lang(m):
    return LANG_OF[m]


def review_text(cls, lang, market):
    g = group(market)
    op = pick(OPS[g])
    b = pick(MISS_EX[g])
    if cls == "complaint":
        t = pick(COMPLAINT[lang])
    elif cls == "negated":
        t = pick(NEGATED[lang])
        b = pick(["20", "28", "7", "12"]) if g != "AU" else "28"
    elif cls == "complaint_noise":
        t = pick(NOISE[lang])
    elif cls == "firmware_cn":
        t = pick(FWCN[lang]).replace("{fw}", fw_string("CN", lower=R.random() < 0.3))
    elif cls == "firmware_global":
        t = pick(FWGL[lang]).replace("{fw}", fw_string(pick(["MI", "MI", "EU", "RU"])))
    elif cls == "unofficial_rom":
        t = pick(UNOFF[lang])
    else:
        t = pick(GENERIC[lang])
    t = t.replace("{op}", op).replace("{b}", b)
    # pad with generic chatter, sometimes over several lines
    if cls != "generic" and R.random() < 0.5:
        extra = pick(GENERIC[lang] if lang in GENERIC else GENERIC["en"])
        t = (extra + ("\n" if R.random() < 0.3 else " ") + t) if R.random() < 0.5 else (t + " " + extra)
    if R.random() < 0.08:
        t += " 😡" if cls == "complaint" else " 😊"
    return t


# --------------------------------------------------------------------------
# Q&A (classes as in samples/truth/qa.csv)
# --------------------------------------------------------------------------
QUESTIONS = ["Does this support band {b}?", "Is it the real Global Version or China version with global ROM?",
             "Will it work on {op} 4G outside the city?", "¿Es versión global de verdad o china?",
             "Это глобальная версия или китайская?", "Czy to wersja globalna z pasmem {b}?",
             "Funziona con {op}? Ha la banda {b}?", "What model number is printed on the box?",
             "Est-ce que la bande {b} est supportée ?", "Hat das Gerät Band {b}?"]
DIRECT = ["Model {gm}, LTE B1/B3/B7/B8/B20/B28 all supported.",
          "It is the global hardware, model number {gm} on the box; bands 1/2/3/4/5/7/8/12/13/17/20/28/66.",
          "Hello, international model {gm}. Works with {op} 4G.", "Sí, modelo {gm}, tiene banda 20 y 28."]
HONEST = ["Sorry friend, this is Chinese hardware with Global ROM, band {b} is not supported.",
          "Es la versión china con ROM global, no tiene banda {b}.",
          "Это китайская версия, прошита глобальная прошивка, B{b} нет.",
          "CN model, we flashed the global rom. No B{b}, please check your carrier before ordering.",
          "It's the mainland China version (model ends with C). No B{b}.",
          "To wersja chińska z globalnym ROMem, pasma {b} brak."]
EVASIVE = ["Supports Google Play and all languages 😊", "100% original, works worldwide!", "Please check the description dear.",
           "Don't worry, it works in every country 👍👍", "Contact us in chat for details.",
           "Dear, it has Google Play Store, Gmail, YouTube, multi-language 🙏", "Hello, 100% brand new original sealed.",
           "Works in all countries, all languages, no problem 🌍", "Please contact customer service, thanks 🌹"]
LIE = ["yes global", "Yes, Global Version.", "Sí, versión global.", "Да, глобальная версия.",
       "Yes dear 100% global version hardware", "YES GLOBAL VERSION ✅"]


def qa_answer(cls, dev, market):
    g = group(market)
    op, b = pick(OPS[g]), pick(MISS_EX[g])
    if cls == "direct":
        return pick(DIRECT).replace("{gm}", dev[2]).replace("{op}", op)
    if cls == "honest_china":
        return pick(HONEST).replace("{b}", b)
    if cls == "evasive":
        return pick(EVASIVE)
    if cls == "lie":
        return pick(LIE)
    return ""


# --------------------------------------------------------------------------
# Sellers and listings
# --------------------------------------------------------------------------
SELLER_KINDS = ["official"] * 2 + ["honest"] * 12 + ["occasional"] * 10 + ["mislabeller"] * 8 + ["cnstore"] * 6
NAME_A = ["Xiaomi Global", "Mi Fans", "Shenzhen", "Redmi World", "POCO Zone", "Mobile Planet", "Tech Harbor",
          "Orient", "Smart Life", "Dragon", "HK Digital", "Top Mobile", "Global Phone"]
NAME_B = ["Store", "Official Store", "Digital Store", "Phone Store", "数码 Store", "Trading Co.", "Shop",
          "Flagship Store", "Direct"]


def make_sellers():
    sellers = []
    used = set()
    for i, kind in enumerate(SELLER_KINDS):
        sid = str(R.randint(700000000, 999999999))
        while sid in used:
            sid = str(R.randint(700000000, 999999999))
        used.add(sid)
        if kind == "official":
            name = "Xiaomi %s Official Store %d" % (pick(["Global", "EU", "AU"]), i)
        elif kind == "cnstore":
            name = "%s%d China Direct" % (pick(["Orient", "Dragon", "Shenzhen", "Huaqiang"]), R.randint(100, 999))
        else:
            name = "%s%d %s" % (pick(NAME_A), R.randint(100, 999), pick(NAME_B))
        n = {"official": 14, "honest": 8, "occasional": 8, "mislabeller": 8, "cnstore": 6}[kind] + R.randint(-2, 3)
        sellers.append({"seller_id": sid, "seller_name": name, "kind": kind, "n": n})
    return sellers


def plan_listing(kind, idx):
    """Decide the truth of one listing: (claim, hardware, mislabelled)."""
    r = R.random()
    if kind == "official":
        return "global_version", "global"
    if kind == "honest":
        return ("global_version", "global") if r < 0.45 else (("global_rom", "china") if r < 0.8 else ("china", "china"))
    if kind == "occasional":
        if idx < 2 and R.random() < 0.75:
            return "global_version", "china"
        return ("global_version", "global") if r < 0.85 else ("global_rom", "china")
    if kind == "mislabeller":
        return ("global_version", "china") if r < 0.8 else (("global_rom", "china") if r < 0.9 else ("global_version", "global"))
    # cnstore
    return ("china", "china") if r < 0.45 else (("global_rom", "china") if r < 0.8 else ("none", "china"))


def title_for(dev, hw, claim, phrase, model_in_title=None, band_title=""):
    name = dev[0]
    if hw == "china" and dev[7] and claim in ("china", "none") and R.random() < 0.5:
        name = dev[7]                   # China twin's own name
    if R.random() < 0.1:
        name = name.lower()
    feats = R.sample(FEATURES, 3)
    mem = pick(MEM)
    parts = [name]
    if phrase:
        parts.insert(0 if R.random() < 0.2 else 1, phrase)
    parts += [mem] + feats[:2]
    if band_title:
        parts.insert(2, band_title)
    if model_in_title:
        parts.insert(1, "(%s)" % model_in_title)
    parts.append(feats[2])
    return " ".join(parts)


def desc_base():
    return pick(["Brand new, sealed box. Fast shipping from our warehouse.",
                 "<p>100% brand new original. <b>Fast delivery</b> 🚚</p>",
                 "Ships from China. Customs duties may apply.\nWarranty: 1 year store warranty.",
                 "Package: phone, charger, cable, case.\n\nPlease leave 5 stars ⭐⭐⭐⭐⭐",
                 "<ul><li>Original product</li><li>Google Play supported</li></ul>"])


def build(out):
    sellers = make_sellers()
    listings = []            # truth + per-night rows
    reviews = []             # (night set, row, truth)
    qas = []
    used_lid = set()
    rid_counter = [60020000000000 + R.randint(0, 10 ** 9)]
    qid_counter = [9100000 + R.randint(0, 1000)]
    special_neg_none = 0

    for s in sellers:
        for idx in range(s["n"]):
            lid = str(1005008000000000 + R.randint(0, 10 ** 12))
            while lid in used_lid:
                lid = str(1005008000000000 + R.randint(0, 10 ** 12))
            used_lid.add(lid)
            claim, hw = plan_listing(s["kind"], idx)
            dev = pick(DEV_CN) if hw == "china" else pick(DEVICES)
            market = pick(MARKETS)
            g = group(market)
            mis = int(claim == "global_version" and hw == "china")
            L = {"listing_id": lid, "seller": s, "claim": claim, "hw": hw, "mis": mis, "dev": dev, "market": market,
                 "evidence": set(), "traps": []}
            spec_lines = ["Brand Name: %s" % (dev[1] if R.random() < 0.7 else "Xiaomi")]
            desc = [desc_base()]
            model_in_title = None
            phrase_n1 = None       # a different night-1 title (edited listing)
            # ---- model number shown
            mode = "none"
            # a careful mislabeller: nothing in the dumps gives the hardware away
            stealth = bool(mis) and R.random() < 0.16
            L["stealth"] = stealth
            if hw == "china":
                if stealth:
                    mode = pick(["copied_global", "name", "none"])
                elif mis:
                    mode = R.choices(["spec", "desc_lower", "desc_space", "title", "copied_global", "name", "none"],
                                     [22, 7, 6, 5, 15, 15, 30])[0]
                else:
                    mode = R.choices(["spec", "desc_lower", "title", "name", "none"], [40, 10, 10, 15, 25])[0]
                m = dev[3]
                if mode == "spec":
                    spec_lines.append(pick(["Model Number: ", "Model: ", "model number: ", "MODEL NUMBER: "]) + m)
                elif mode == "desc_lower":
                    desc.append(pick(["Model: %s.", "model no. %s, sealed", "Box label says %s"]) % m.lower())
                elif mode == "desc_space":
                    k = R.randint(4, len(m) - 2)
                    desc.append("Model Number: %s %s" % (m[:k], m[k:]))
                elif mode == "title":
                    model_in_title = m
                elif mode == "copied_global":
                    spec_lines.append("Model Number: " + dev[2])
                    L["traps"].append("copied global model number")
                elif mode == "name":
                    spec_lines.append("Model Number: " + dev[0])
                if mode in ("spec", "desc_lower", "desc_space", "title"):
                    L["evidence"].add("cn_model")
                    if dev[0] in NEW_DEVICES:
                        L["traps"].append("unregistered model number")
                    if mode in ("desc_lower", "desc_space", "title"):
                        L["traps"].append("model number in " + mode)
            else:
                mode = R.choices(["spec", "desc_lower", "title", "name", "none"], [45, 10, 5, 20, 20])[0]
                m = dev[2]
                if mode == "spec":
                    spec_lines.append("Model Number: " + m)
                elif mode == "desc_lower":
                    desc.append("Model: %s (global model)" % m.lower())
                elif mode == "title":
                    model_in_title = m
                elif mode == "name":
                    spec_lines.append("Model Number: " + dev[0])
                if mode in ("spec", "desc_lower", "title"):
                    if m.endswith("E") or m[-1] in "AOYX":
                        L["traps"].append("global suffix %s" % m[-1])
                    if dev[0] in NEW_DEVICES:
                        L["traps"].append("unregistered global model number")
            # ---- band list shown
            shown = None
            bt = ""
            nr = None
            if hw == "global":
                if R.random() < 0.72:
                    style = pick(STYLES + (["freq"] * 2 if g == "EU" else []))
                    nr = NR_G if dev[6] and R.random() < 0.5 else None
                    sp, de, bt, shown = render_bands(dev[4], market, style, nr, g3trap=R.random() < 0.3)
                    L["style"] = style if (style != "split_title" or bt) else "dumps"
            else:
                p_show = 0.55 if mis else 0.7
                if R.random() < p_show:
                    if mis and (stealth or R.random() < 0.15):
                        style = pick(["dumps", "ltefdd", "bandcomma"])
                        sp, de, bt, shown = render_bands(dev[4], market, style, None)
                        L["traps"].append("copied global band list")
                        L["style"] = style
                    else:
                        styles = STYLES + (["freq"] if (g == "EU" and not mis and 7 in dev[5]) else [])
                        style = pick(styles)
                        nr = NR_C if dev[6] and R.random() < 0.6 else None
                        trap3 = g in ("US", "CA") and R.random() < 0.6
                        sp, de, bt, shown = render_bands(dev[5], market, style, nr, g3trap=trap3)
                        L["style"] = style if (style != "split_title" or bt) else "dumps"
                        if style != "freq":
                            L["evidence"].add("cn_bands")
                        if mis:
                            L["traps"].append("china bands as " + style + (" +3G trap" if trap3 else "") +
                                              (" +n28" if nr else ""))
                        if not mis and R.random() < 0.4:
                            desc.append(pick(["Not support B20/B28.", "NOTE: no band 20, no B28!", "Does not support B12/B13/B71.",
                                              "Attention: without B28 (700MHz)."]))
            if shown is not None:
                if sp:
                    spec_lines.append(sp)
                if de:
                    desc.append(de)
            spec_lines.append(pick(["Cellular: GSM/WCDMA/LTE/NR", "Network Type: 2G/3G/4G/5G", "SIM: Dual Nano-SIM",
                                    "Certification: CE,FCC", "Operating System: Android 15"]))
            # ---- claim wording
            phrase = None
            if claim == "global_version":
                r = R.random()
                if r < 0.12:
                    spec_lines.insert(1, pick(["Version: Global Version", "Version: Global", "version: GLOBAL VERSION"]))
                    L["traps"].append("claim only in specs")
                elif r < 0.2:
                    phrase = pick(GR)
                    if "CN" in phrase or "Chin" in phrase:
                        phrase = "Global ROM"
                    spec_lines.insert(1, "Version: Global Version")
                    L["traps"].append("Global ROM title + Global Version specs")
                else:
                    phrase = pick(GV)
                    if phrase not in ("Global Version", "Global Ver.", "【Global Version】", "GLOBAL VERSION"):
                        L["traps"].append("claim wording " + phrase)
                if hw == "china" and R.random() < 0.12:
                    phrase_n1 = pick(["Global ROM", "CN Version Global ROM"])
                    L["traps"].append("edited to Global Version on night 2")
            elif claim == "global_rom":
                r = R.random()
                if r < 0.15:
                    phrase = pick(GR_NEG)
                    L["traps"].append("negated Global Version + Global ROM")
                elif r < 0.22:
                    phrase = "Global ROM"
                    desc.append("This is NOT the Global Version: China version flashed with global ROM.")
                    L["traps"].append("'Global Version' in a negative sentence")
                else:
                    phrase = pick(GR)
                if R.random() < 0.1:
                    phrase_n1 = pick(["Global Version", "【Global Version】"])
                    L["traps"].append("edited from Global Version to Global ROM on night 2")
            elif claim == "china":
                phrase = pick(CHN)
                if "Non-Global" in phrase:
                    L["traps"].append("negation + China Version")
            else:
                if special_neg_none < 3 and R.random() < 0.35:
                    phrase = "Not Global Version"
                    special_neg_none += 1
                    L["traps"].append("bare negation 'Not Global Version'")
            L["title"] = title_for(dev, hw, claim, phrase, model_in_title, bt)
            L["title_n1"] = title_for(dev, hw, claim, phrase_n1, model_in_title, bt) if phrase_n1 else None
            sep = pick([" | ", "\n", "; "])
            L["specs"] = sep.join(spec_lines)
            dsep = pick(["\n", " ", "<br>"])
            L["description"] = dsep.join(desc)
            L["bands_shown"] = int(shown is not None)
            L["missing"] = [b for b in KEY[g] if shown is not None and b not in shown]
            L["price"] = "%.2f" % R.uniform(89, 1299)
            # nights the listing is scraped in
            r = R.random()
            L["nights"] = (1, 2) if r < 0.7 else ((1,) if r < 0.85 else (2,))
            if L["title_n1"]:
                L["nights"] = (1, 2)
            listings.append(L)

            # ---- reviews
            lang0 = market_lang(market)
            nrev = R.randint(4, 14)
            classes = []
            if hw == "china":
                if stealth:
                    nc = R.choice([0, 1])
                elif mis:
                    nc = R.choices([0, 1, 2, 3, 4], [30, 25, 22, 13, 10])[0]
                else:
                    nc = R.choices([0, 1, 2, 3], [35, 25, 25, 15])[0]
                classes += ["complaint"] * nc
                if not stealth and R.random() < (0.2 if mis else 0.3):
                    classes.append("firmware_cn")
                if R.random() < 0.25:
                    classes.append("firmware_global")     # China hardware flashed with a global ROM
                if R.random() < 0.1:
                    classes.append("unofficial_rom")
                if R.random() < 0.1:
                    classes.append("complaint_noise")
            else:
                if R.random() < 0.35:
                    classes.append("negated")
                if R.random() < 0.2:
                    classes.append("complaint_noise")
                if g == "US" and 71 in L["missing"] and R.random() < 0.25:
                    classes.append("complaint")           # one genuine B71 complaint on global hardware
                    L["traps"].append("one B71 complaint on global hardware")
                if R.random() < 0.25:
                    classes.append("firmware_global")
                if R.random() < 0.03:
                    classes.append("unofficial_rom")
            while len(classes) < nrev:
                classes.append("generic")
            R.shuffle(classes)
            ncomp = classes.count("complaint")
            if ncomp >= 2:
                L["evidence"].add("complaints")
            if "firmware_cn" in classes:
                L["evidence"].add("fw_cn")
            for cls in classes:
                r = R.random()
                if r < 0.55:
                    lang = lang0
                elif r < 0.75:
                    lang = "en"
                else:
                    lang = pick(["ru", "uk", "es", "pt", "fr", "pl", "de", "it", "nl", "tr"])
                table = {"complaint": COMPLAINT, "negated": NEGATED, "complaint_noise": NOISE, "firmware_cn": FWCN,
                         "firmware_global": FWGL, "unofficial_rom": UNOFF, "generic": GENERIC}[cls]
                if lang not in table:
                    lang = "en"
                txt = review_text(cls, lang, market)
                if cls == "complaint" and g == "US" and hw == "global":
                    txt = pick(["No coverage at my house, T-Mobile says it's band 71 there and this phone lacks it.",
                                "Band 71 isn't supported so I lose LTE in rural areas on T-Mobile."])
                    lang = "en"
                rating = {"complaint": R.randint(1, 3), "firmware_cn": R.randint(1, 4)}.get(cls, R.randint(3, 5))
                if cls == "negated":
                    rating = R.randint(4, 5)
                rid_counter[0] += R.randint(1, 99999)
                cc = {"en": pick(["US", "GB", "AU", "CA", "IE"]), "ru": "RU", "uk": "UA", "es": "ES", "pt": pick(["PT", "BR"]),
                      "fr": "FR", "pl": "PL", "de": pick(["DE", "AT"]), "it": "IT", "nl": "NL", "tr": "TR"}[lang]
                if lang == lang0 and lang == "en":
                    cc = market
                row = {"review_id": str(rid_counter[0]), "listing_id": lid, "rating": str(rating), "country": cc,
                       "created_at": "2026-%02d-%02d" % (R.randint(8, 11), R.randint(1, 19)), "text": txt}
                # which night(s) carry the review
                if L["nights"] == (2,) and R.random() < 0.4:
                    rn = (1,)                            # review arrives a night before its listing
                elif L["nights"] == (1,):
                    rn = (1,) if R.random() < 0.85 else (2,)
                else:
                    rn = (1,) if R.random() < 0.55 else (2,)
                if R.random() < 0.12:
                    rn = (1, 2)                          # same review in both nights
                reviews.append({"nights": rn, "row": row, "class": cls, "lang": lang})

            # ---- Q&A
            nq = R.choices([0, 1, 2, 3], [25, 40, 25, 10])[0]
            for _ in range(nq):
                if hw == "global":
                    cls = R.choices(["direct", "unanswered", "evasive"], [70, 20, 10])[0]
                elif mis:
                    cls = R.choices(["evasive", "lie", "unanswered"], [50, 30, 20])[0]
                else:
                    cls = R.choices(["honest_china", "evasive", "unanswered"], [60, 20, 20])[0]
                if cls == "evasive" and claim == "global_version":
                    L["evidence"].add("evasive")
                elif cls == "evasive":
                    L["evidence"].add("evasive")
                qid_counter[0] += R.randint(1, 400)
                qb = pick(MISS_EX[g])
                q = pick(QUESTIONS).replace("{b}", qb).replace("{op}", pick(OPS[g]))
                a = qa_answer(cls, dev, market)
                ad = "2026-%02d-%02d" % (R.randint(9, 11), R.randint(1, 18))
                row = {"qa_id": "qa-%d" % qid_counter[0], "listing_id": lid, "asked_at": ad, "question": q,
                       "answer": a, "answered_at": ("2026-11-%02d" % R.randint(19, 20)) if a else ""}
                qn = L["nights"] if len(L["nights"]) == 1 else ((1,) if R.random() < 0.6 else (2,))
                qas.append({"nights": qn, "row": row, "class": cls})
            L["detectable"] = int(mis and bool(L["evidence"] & {"cn_model", "cn_bands", "complaints", "fw_cn"}))
            if mis and not L["detectable"]:
                L["traps"].append("mislabelled with no strong evidence")

    return sellers, listings, reviews, qas


# --------------------------------------------------------------------------
# Writers
# --------------------------------------------------------------------------
def csv_bytes(header, rows, crlf=False, bom=False):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n" if crlf else "\n")
    w.writerow(header)
    for r in rows:
        w.writerow(r)
    data = buf.getvalue().encode("utf-8")
    return (b"\xef\xbb\xbf" + data) if bom else data


def write_gz(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(gzip.compress(data, compresslevel=9, mtime=0))


def write_csv(path, header, rows):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        for r in rows:
            w.writerow(r)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "fixtures/heldout"
    sellers, listings, reviews, qas = build(out)

    # ---- listings dumps
    # night 1: aliases, uppercase, shuffled, extra columns, UTF-8 BOM
    h1 = [("PRODUCT_ID", "listing_id"), ("STORE_ID", "seller_id"), ("storeName", "seller_name"), ("Title", "title"),
          ("Price", "price"), ("Currency", "currency"), ("SHIP_TO", "market"), ("Scraped_At", "scraped_at"),
          ("URL", "url"), ("Specs", "specs"), ("Description", "description"), ("sku_count", None), ("rating_avg", None)]
    R.shuffle(h1)
    # night 2: canonical names, country_code alias, extra columns, CRLF
    h2 = [("listing_id", "listing_id"), ("seller_id", "seller_id"), ("seller_name", "seller_name"), ("title", "title"),
          ("price", "price"), ("currency", "currency"), ("country_code", "market"), ("scraped_at", "scraped_at"),
          ("url", "url"), ("specs", "specs"), ("description", "description"), ("scraper_version", None),
          ("ships_from", None)]
    for night, hdr in ((1, h1), (2, h2)):
        rows = []
        ls = [L for L in listings if night in L["nights"]]
        R.shuffle(ls)
        for i, L in enumerate(ls):
            title = L["title_n1"] if (night == 1 and L["title_n1"]) else L["title"]
            desc = L["description"]
            if night == 2 and i == 7:
                desc += " \x07"                       # a stray control character
            price = L["price"] if night == 2 else "%.2f" % (float(L["price"]) * 1.03)
            v = {"listing_id": L["listing_id"], "seller_id": L["seller"]["seller_id"],
                 "seller_name": L["seller"]["seller_name"], "title": title, "price": price,
                 "currency": CURRENCY.get(L["market"], "EUR"), "market": L["market"],
                 "scraped_at": "2026-11-%02dT%02d:%02d:%02dZ" % (20 + night, R.randint(0, 5), R.randint(0, 59), R.randint(0, 59)),
                 "url": "https://www.aliexpress.com/item/%s.html" % L["listing_id"], "specs": L["specs"], "description": desc}
            rows.append([v[c] if c else (str(R.randint(1, 9)) if n in ("sku_count",) else
                                         ("%.1f" % R.uniform(3.5, 5) if n == "rating_avg" else
                                          ("scr-2.%d" % night if n == "scraper_version" else "CN")))
                         for n, c in hdr])
        write_gz(os.path.join(out, "night%d" % night, "listings.csv.gz"),
                 csv_bytes([n for n, _ in hdr], rows, crlf=(night == 2), bom=(night == 1)))

    # ---- reviews dumps
    rh = {1: [("review_id", "review_id"), ("product_id", "listing_id"), ("rating", "rating"), ("country", "country"),
              ("created_at", "created_at"), ("review_text", "text"), ("images", None), ("helpful", None)],
          2: [("Country", "country"), ("REVIEW_ID", "review_id"), ("item_id", "listing_id"), ("content", "text"),
              ("Rating", "rating"), ("Created_At", "created_at"), ("likes", None)]}
    for night in (1, 2):
        rs = [x for x in reviews if night in x["nights"]]
        R.shuffle(rs)
        rows = [[x["row"][c] if c else ("" if R.random() < 0.8 else str(R.randint(0, 30))) for _, c in rh[night]] for x in rs]
        write_gz(os.path.join(out, "night%d" % night, "reviews.csv.gz"), csv_bytes([n for n, _ in rh[night]], rows))

    # ---- qa dumps
    qh = {1: [("qa_id", "qa_id"), ("productId", "listing_id"), ("asked_at", "asked_at"), ("question", "question"),
              ("reply", "answer"), ("answered_at", "answered_at")],
          2: [("QA_ID", "qa_id"), ("listing_id", "listing_id"), ("Question", "question"), ("seller_reply", "answer"),
              ("answered_at", "answered_at"), ("asked_at", "asked_at"), ("lang", None)]}
    for night in (1, 2):
        qs = [x for x in qas if night in x["nights"]]
        R.shuffle(qs)
        rows = [[x["row"][c] if c else "auto" for _, c in qh[night]] for x in qs]
        write_gz(os.path.join(out, "night%d" % night, "qa.csv.gz"), csv_bytes([n for n, _ in qh[night]], rows))

    # ---- truth
    tl = []
    for L in sorted(listings, key=lambda x: x["listing_id"]):
        tl.append([L["listing_id"], L["seller"]["seller_id"], L["claim"], L["hw"], L["mis"], L["detectable"],
                   L["market"], L["bands_shown"], ";".join("B%d" % b for b in L["missing"]),
                   ";".join(sorted(L["evidence"]))])
    write_csv(os.path.join(out, "truth", "listings.csv"),
              "listing_id,seller_id,claim,hardware,mislabelled,detectable,market,bands_shown,missing_bands,evidence".split(","), tl)
    write_csv(os.path.join(out, "truth", "reviews.csv"), ["review_id", "listing_id", "class", "lang"],
              sorted([[x["row"]["review_id"], x["row"]["listing_id"], x["class"], x["lang"]] for x in reviews]))
    write_csv(os.path.join(out, "truth", "qa.csv"), ["qa_id", "listing_id", "class"],
              sorted([[x["row"]["qa_id"], x["row"]["listing_id"], x["class"]] for x in qas]))
    ts = []
    for s in sellers:
        ls = [L for L in listings if L["seller"] is s]
        claims = sum(L["claim"] == "global_version" for L in ls)
        mis = sum(L["mis"] for L in ls)
        det = sum(L["detectable"] for L in ls)
        ts.append([s["seller_id"], s["seller_name"], s["kind"], len(ls), claims, mis, det,
                   "%.4f" % (det / claims) if claims else "", "%.4f" % (mis / claims) if claims else ""])
    write_csv(os.path.join(out, "truth", "sellers.csv"),
              "seller_id,seller_name,kind,listings,global_claims,mislabelled,detectable,rate,true_rate".split(","), ts)
    # traps per listing (not part of the truth format; for reading misses)
    write_csv(os.path.join(out, "truth_notes", "traps.csv"), ["listing_id", "style", "traps"],
              [[L["listing_id"], L.get("style", ""), "; ".join(L["traps"])]
               for L in sorted(listings, key=lambda x: x["listing_id"])])


if __name__ == "__main__":
    main()
