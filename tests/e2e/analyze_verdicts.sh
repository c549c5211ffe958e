# analyze: verdicts and evidence rows on a small fixture, and incremental
# behaviour (nothing dirty changes nothing; a changed listing is redone).
. tests/e2e/lib.sh
F="$FIX/analyze"
db="$T/a.db"

gv ingest -q --db "$db" "$F/listings1.csv"; expect_eq "$rc" 0 "ingest night 1"
gv analyze --db "$db"; expect_eq "$rc" 0 "analyze status"
expect_log "analyze: listings=6 mislabelled=2 "

v() { q "$db" "SELECT claim || ' ' || hardware || ' ' || verdict FROM verdicts WHERE listing_id = '$1'"; }
expect_eq "$(v L1)" "global_version china mislabelled" "L1: China model number on a Global Version listing"
expect_eq "$(v L2)" "global_version global consistent" "L2: global model and bands"
expect_eq "$(v L3)" "global_rom china not_claimed" "L3: honest Global ROM of China hardware"
expect_eq "$(v L4)" "none unknown not_claimed" "L4: negated claim"
expect_eq "$(v L5)" "global_version unknown unverified" "L5: no evidence"
expect_eq "$(v L6)" "global_version china mislabelled" "L6: unknown device, China band shape"

# evidence rows behind the verdicts
expect_eq "$(q "$db" "SELECT source || ' ' || source_id FROM evidence WHERE listing_id = 'L1' AND signal = 'listing_model_china'")" \
	"listing L1" "L1 model evidence row"
q "$db" "SELECT excerpt FROM evidence WHERE listing_id = 'L1' AND signal = 'listing_model_china'" | grep -q 22101317C \
	|| fail "L1 excerpt quotes the model number"
expect_eq "$(q "$db" "SELECT count(*) FROM evidence WHERE listing_id = 'L3' AND signal = 'listing_unofficial_rom_risk' AND weight = 0")" \
	1 "L3 unofficial ROM risk note"
expect_eq "$(q "$db" "SELECT signals FROM verdicts WHERE listing_id = 'L2'")" \
	"listing_bands_global;listing_cert_global;listing_model_global" "L2 signals sorted"
expect_eq "$(q "$db" "SELECT count(*) FROM evidence WHERE listing_id = 'L6' AND signal = 'listing_bands_china'")" 1 "L6 band evidence"
expect_eq "$(q "$db" "SELECT claim_excerpt LIKE 'title: %Global Version%' FROM listing_facts WHERE listing_id = 'L1'")" 1 "claim excerpt"
expect_eq "$(q "$db" "SELECT model_number || ' ' || model_region FROM listing_facts WHERE listing_id = 'L1'")" "22101317C CN" "L1 facts"
expect_eq "$(q "$db" "SELECT count(*) FROM dirty_listings")" 0 "dirty_listings emptied"

# Nothing dirty: a second analysis redoes nothing and changes nothing.
before=$(q "$db" "SELECT group_concat(listing_id || verdict || score || analyzed_at, ',') FROM verdicts")
ev_before=$(q "$db" "SELECT count(*) FROM evidence")
sleep 1
gv analyze --db "$db"; expect_eq "$rc" 0 "second analyze"
expect_log "analyze: listings=0 "
expect_eq "$(q "$db" "SELECT group_concat(listing_id || verdict || score || analyzed_at, ',') FROM verdicts")" "$before" "verdicts untouched"
expect_eq "$(q "$db" "SELECT count(*) FROM evidence")" "$ev_before" "evidence untouched"

# A changed listing (its new scrape shows a China model number) is re-analysed, alone.
gv ingest -q --db "$db" "$F/listings2.csv"; expect_eq "$rc" 0 "ingest night 2"
gv analyze --db "$db"; expect_eq "$rc" 0 "third analyze"
expect_log "analyze: listings=1 mislabelled=1 "
expect_eq "$(v L5)" "global_version china mislabelled" "L5 after its change"
expect_eq "$(v L2)" "global_version global consistent" "L2 unchanged"

# A seller's reply naming a China model number is Q&A evidence.
gv ingest -q --db "$db" "$F/qa1.csv"; expect_eq "$rc" 0 "ingest q&a"
gv analyze --db "$db"; expect_eq "$rc" 0 "fourth analyze"
expect_eq "$(q "$db" "SELECT source || ' ' || source_id FROM evidence WHERE listing_id = 'L5' AND signal = 'qa_model_china'")" \
	"qa Q1" "Q&A model evidence"

# --full redoes everything with the same result.
gv analyze --db "$db" --full; expect_eq "$rc" 0 "full analyze"
expect_log "analyze: listings=6 mislabelled=3 "
