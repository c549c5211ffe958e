# analyze: a night that moves the price reference leaves the evidence and
# verdicts that `gvaudit analyze --full` leaves (analyze/price_refresh.h).
# Listings nobody re-scraped gain or lose listing_price_low, or keep it with
# the new median and count, because other listings of their key came in.
. tests/e2e/lib.sh
data="$T/data"
mkdir -p "$data"
cp "$ROOT"/schemas/*.csv "$data/"

# listing ID TITLE PRICE: one row of a listings dump (US market, no specs).
listing() {
	printf '%s,S%s,Store %s,%s,%s,USD,US,2026-11-%02dT10:00:00Z,,,Sold as Global Version.\n' \
		"$1" "$1" "$1" "$2" "$3" "$night"
}
header='listing_id,seller_id,seller_name,title,price,currency,market,scraped_at,url,specs,description'
A='POCO X6 Pro 5G Global Version 8GB 256GB'
B='POCO X6 Pro 5G Global Version 12GB 512GB'
C='Xiaomi 13T Pro Global Version 12GB 512GB'

# Night 1: each key has three references at one price and listings below
# or near 80% of the median (schemas/thresholds.csv price_low_ratio); these
# count in the median too (their text shows no China hardware).
night=20
{
	echo "$header"
	for i in 1 2 3; do listing "a$i" "$A" 300; done
	listing X "$A" 230 # low: 230 < 0.8 * 300 (median of 5); stays low, quoting new figures
	listing Y "$A" 270 # not low; low once the median rises to 350 (of 10)
	listing V "POCO X6 Pro 5G China Version 8GB 256GB" 200 # low, not a reference
	for i in 1 2 3; do listing "b$i" "$B" 400; done
	listing Z "$B" 310 # low: median 400 of 4; not once the median falls to 310 (of 7)
	for i in 1 2 3; do listing "c$i" "$C" 500; done
	listing W "$C" 350 # low; its key does not move
} >"$T/n1.csv"
# Night 2: new references only; X, Y, Z and W are not scraped again.
night=21
{
	echo "$header"
	for i in 4 5 6 7 8; do listing "a$i" "$A" 400; done
	for i in 4 5 6; do listing "b$i" "$B" 250; done
} >"$T/n2.csv"

low() { q "$T/a.db" "SELECT excerpt FROM evidence WHERE listing_id = '$1' AND signal = 'listing_price_low'"; }

gv run -q --no-fts --db "$T/a.db" --out "$T/ra" --data "$data" "$T/n1.csv"
expect_eq "$rc" 0 "night 1"
case $(low X) in *"median 300.00 of 5 comparable"*) ;; *) fail "X night 1: $(low X)" ;; esac
expect_eq "$(low Y)" "" "Y night 1: not low"
expect_eq "$(low Z | grep -c 'median 400.00 of 4')" 1 "Z night 1: low"
w_before=$(low W)
[ -n "$w_before" ] || fail "W night 1: low"
expect_eq "$(q "$T/a.db" "SELECT count(*) FROM price_reference")" 3 "three keys kept"

gv run --no-fts --db "$T/a.db" --out "$T/ra" --data "$data" "$T/n2.csv"
expect_eq "$rc" 0 "night 2"
expect_log "analyze: price reference: 2 keys moved, 2 listings queued, 2 evidence rows reworded"
expect_log "analyze: listings=10 "
case $(low X) in *"median 350.00 of 10 comparable"*) ;; *) fail "X night 2: $(low X)" ;; esac
case $(low Y) in *"median 350.00 of 10 comparable"*) ;; *) fail "Y night 2: $(low Y)" ;; esac
expect_eq "$(low Z)" "" "Z night 2: no longer low"
expect_eq "$(low W)" "$w_before" "W night 2: its key did not move"
case $(low V) in *"median 350.00 of 10 comparable"*) ;; *) fail "V night 2: $(low V)" ;; esac
expect_eq "$(q "$T/a.db" "SELECT median || ' ' || listings FROM price_reference WHERE key LIKE '%|8/256|USD'")" \
	"350.0 10" "key A kept with its new figures"
q "$T/a.db" "SELECT signals FROM verdicts WHERE listing_id = 'Y'" | grep -q listing_price_low ||
	fail "Y's verdict counts the signal"

rows() {
	q "$1" "SELECT listing_id, signal, source, source_id, excerpt, weight FROM evidence ORDER BY 1, 2, 3, 4;
		SELECT listing_id, claim, hardware, verdict, score, signals FROM verdicts ORDER BY 1"
}

# same_as_full DB REPORTS WHAT: DB's evidence, verdicts and reports equal a
# full re-analysis of a copy (sellers.csv differs by design: a second
# analysis of the night is a step of the seller history).
same_as_full() {
	cp "$1" "$T/full.db"
	gv analyze -q --full --db "$T/full.db" --data "$data"; expect_eq "$rc" 0 "$3: --full"
	gv report -q --db "$T/full.db" --out "$T/rfull" --data "$data"; expect_eq "$rc" 0 "$3: report"
	rows "$1" >"$T/inc"
	rows "$T/full.db" >"$T/full"
	cmp -s "$T/inc" "$T/full" || { diff "$T/inc" "$T/full" | head >&2; fail "$3: rows differ from --full"; }
	for f in listings evidence markets; do
		cmp -s "$2/$f.csv" "$T/rfull/$f.csv" || fail "$3: $f.csv differs from --full"
	done
	rm -rf "$T/full.db" "$T/rfull"
}
same_as_full "$T/a.db" "$T/ra" "crafted nights"

# The demo's two nights (one listing gains the signal on night 2).
D="$FIX/demo"
gv run -q --no-fts --db "$T/d.db" --out "$T/rd" --data "$data" "$D"/night1/*.csv.gz
expect_eq "$rc" 0 "demo night 1"
gv run --no-fts --db "$T/d.db" --out "$T/rd" --data "$data" "$D"/night2/*.csv.gz
expect_eq "$rc" 0 "demo night 2"
expect_log "analyze: price reference: [0-9]+ keys moved, [1-9][0-9]* listings queued"
same_as_full "$T/d.db" "$T/rd" "demo"

# A database analysed before schema 015 kept only the references' keys and
# no price_reference: its next analysis works every key out again and
# re-analyses every listing, once.
for f in "$ROOT"/schemas/0*.sql; do
	case "$(basename "$f")" in 01[5-9]_*|0[2-9]*_*) continue ;; esac
	sqlite3 -batch "$T/old.db" <"$f"
done
fp=$(q "$T/a.db" "SELECT value FROM meta WHERE key = 'analyze_fingerprint'")
q "$T/old.db" "PRAGMA user_version = 14;
	INSERT INTO meta(key, value) VALUES ('price_keys', '1'), ('analyze_fingerprint', '$fp')"
gv analyze --db "$T/old.db" --data "$data"; expect_eq "$rc" 0 "analyze a schema-14 database"
expect_log "analyze: price keys from before schema 015, re-analysing every listing"
[ "$(q "$T/old.db" "PRAGMA user_version")" -ge 15 ] || fail "not migrated to 015"
expect_eq "$(q "$T/old.db" "SELECT count(*) FROM pragma_table_info('listing_prices') WHERE name = 'reference'")" \
	1 "listing_prices.reference"
gv ingest -q --no-fts --db "$T/old.db" "$T/n1.csv"; expect_eq "$rc" 0 "ingest into it"
gv analyze -q --db "$T/old.db" --data "$data"; expect_eq "$rc" 0 "analyze it"
expect_eq "$(q "$T/old.db" "SELECT value FROM meta WHERE key = 'price_keys'")" 1 "keys current again"
expect_eq "$(q "$T/old.db" "SELECT group_concat(listing_id) FROM listing_prices WHERE NOT reference")" V \
	"the China Version listing is compared, not counted"
expect_eq "$(q "$T/old.db" "SELECT count(*) FROM price_reference")" 3 "reference kept"
