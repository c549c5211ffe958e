# `gvaudit bands`: the inspector's output lines, --market, merging of several
# texts, stdin, and its usage errors.
. tests/e2e/lib.sh

# line NAME: the value of "NAME: ..." in the last output
line() { sed -n "s/^$1: \{0,1\}//p" "$T/out"; }

SPECS='Network Frequency: 2G: GSM 850/900/1800/1900; 3G: WCDMA B1/2/4/5/8; 4G: FDD-LTE B1/3/5/8/19, TDD-LTE B34/38/39/40/41; 5G: n1/n3/n78'

gv bands "$SPECS" --market DE; expect_eq "$rc" 0 "bands status"
expect_eq "$(line lte)" "B1 B3 B5 B8 B19 B34 B38 B39 B40 B41" "lte set"
expect_eq "$(line nr)" "n1 n3 n78" "nr set"
expect_eq "$(line umts)" "B1 B2 B4 B5 B8" "3G bands kept apart"
expect_eq "$(line confidence)" "sure" "confidence"
expect_eq "$(line market)" "EU (DE)" "market line"
expect_eq "$(line compat)" "some" "compat grade"
expect_eq "$(line missing)" "B7;B20;B28" "missing key bands"

# options before the text work too; the market may be named by its code
gv bands --market=us "FDD B2 B4 B5 B12 B13 B71"; expect_eq "$rc" 0 "option first"
expect_eq "$(line compat)" "all" "US all key bands"
expect_eq "$(line missing)" "" "nothing missing"

# several texts are separate sources, merged; '-' is standard input
echo "LTE FDD: 1/3/7" >"$T/specs.txt"
gv bands "Xiaomi 13 Global B20 B28" - --market AU <"$T/specs.txt"
expect_eq "$rc" 0 "stdin status"
expect_eq "$(line lte)" "B1 B3 B7 B20 B28" "merged sources"
expect_eq "$(line compat)" "all" "AU all"

# ambiguous MHz: candidates shown, not reported missing
gv bands "4G: 700/1800/2100MHz" --market AU
expect_eq "$(line lte)" "B1 B3" "unambiguous MHz"
expect_eq "$(line maybe)" "B12 B13 B17 B28" "700 MHz candidates"
expect_eq "$(line confidence)" "ambiguous" "ambiguous confidence"
expect_eq "$(line missing)" "B7" "B28 may be there"

# 3G trap and junk: no LTE list
gv bands "3G: WCDMA B1/B5/B8 | 8GB 256GB 5000mAh 120Hz" --market GB
expect_eq "$(line lte)" "" "no LTE from 3G"
expect_eq "$(line confidence)" "none" "none"
expect_eq "$(line compat)" "unknown" "no list, unknown"

# a country without a market
gv bands "LTE: B1" --market ZZ; expect_eq "$rc" 0 "unknown market status"
expect_eq "$(line market)" "none (ZZ)" "unknown market line"
expect_eq "$(line compat)" "unknown" "unknown market grade"

# usage errors
gv bands; expect_eq "$rc" 2 "no text"
expect_log "no TEXT given; try --help"
gv bands "B1" --bogus; expect_eq "$rc" 2 "unknown trailing option"
expect_log "unknown option '--bogus'"
gv bands "B1" --market; expect_eq "$rc" 2 "option without value"
expect_log "needs a value"
gv bands "B1" --market D3; expect_eq "$rc" 2 "bad country code"
expect_log "bad market 'D3'"

# bad reference data: status 5, the file and line named
mkdir "$T/data"
printf 'market,countries,key_lte_bands,core_lte_bands,commonly_missed,basis,source\nUS,US,2 4 x9,2,,seed,x\n' >"$T/data/markets.csv"
gv bands "B1" --market US --data "$T/data"; expect_eq "$rc" 5 "bad markets.csv status"
expect_log "markets.csv:2: bad band 'x9'"
exit 0
