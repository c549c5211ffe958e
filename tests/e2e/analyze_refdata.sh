# analyze: reference data. A changed table re-analyses every listing; a
# broken one is exit 5 and leaves the verdicts as they were.
. tests/e2e/lib.sh
F="$FIX/analyze"
db="$T/a.db"
data="$T/data"
mkdir -p "$data"
cp "$ROOT"/schemas/*.csv "$data/"

gv ingest -q --db "$db" "$F/listings1.csv"; expect_eq "$rc" 0 "ingest"
gv analyze --db "$db" --data "$data"; expect_eq "$rc" 0 "analyze"
expect_log "analyze: listings=6 "
gv analyze --db "$db" --data "$data"; expect_log "analyze: listings=0 "

# Zero the model-number weight: everything is redone, L1 loses its verdict.
sed -i 's/^listing_model_china,[^,]*,/listing_model_china,0,/' "$data/weights.csv"
gv analyze --db "$db" --data "$data"; expect_eq "$rc" 0 "analyze after a weight change"
expect_log "reference data changed"
expect_log "analyze: listings=6 "
expect_eq "$(q "$db" "SELECT verdict FROM verdicts WHERE listing_id = 'L1'")" "unverified" "L1 without model weight"

# A new model added to the registry is used at once.
before=$(q "$db" "SELECT verdict FROM verdicts WHERE listing_id = 'L6'")
printf '25999ZZ99G,Redmi Turbo 9 Ultra,GLOBAL,Redmi Turbo 9 Ultra Global,REDMI phones\n' >> "$data/models.csv"
gv analyze --db "$db" --data "$data"; expect_eq "$rc" 0 "analyze after a registry change"
expect_log "analyze: listings=6 "

# Broken registry: exit 5, message names the file, verdicts kept.
printf 'x,"unterminated\n' >> "$data/variant_bands.csv"
gv analyze --db "$db" --data "$data"; expect_eq "$rc" 5 "bad reference data status"
expect_log "variant_bands.csv"
expect_eq "$(q "$db" "SELECT verdict FROM verdicts WHERE listing_id = 'L6'")" "$before" "verdicts kept"
