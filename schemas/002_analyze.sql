-- gvaudit schema 002: what `gvaudit analyze` derives. Rebuilt per listing
-- whenever the listing, its reviews or its Q&A change, or the reference
-- data (schemas/*.csv) changes.

-- What analysis read from each listing (latest scrape).
CREATE TABLE listing_facts (
    listing_id    TEXT PRIMARY KEY,
    claim         TEXT NOT NULL,     -- global_version | global_rom | china | none
    claim_excerpt TEXT,              -- the words that made the claim
    model_number  TEXT,              -- model number found (e.g. 22111317G), NULL if none
    model_region  TEXT,              -- region of that model number (GLOBAL, CN, IN, ...), NULL if unknown
    device        TEXT,              -- device name from the registry or the title
    lte_bands     TEXT,              -- LTE bands listed, 'B1 B3 B20' order by number; NULL if no list
    nr_bands      TEXT,              -- 5G NR bands listed, 'n1 n78'; NULL if no list
    band_parse    TEXT,              -- how sure the band parse is: sure | likely | ambiguous | none
    market        TEXT,              -- ship-to country of the scrape
    market_group  TEXT,              -- market of ref_markets the country belongs to (US, EU, AU, ...)
    compat        TEXT,              -- all | core | some | none | unknown: key bands of the market present
    missing_bands TEXT,              -- key LTE bands of the market the list lacks, 'B20;B28' (any market basis)
    cert          TEXT,              -- certifications named, e.g. 'CE;FCC'
    price         REAL,              -- price as listed
    currency      TEXT               -- its currency
);

-- One row per piece of evidence that fired for a listing.
CREATE TABLE evidence (
    listing_id TEXT NOT NULL,
    signal     TEXT NOT NULL,        -- signal name, see schemas/weights.csv
    source     TEXT NOT NULL CHECK (source IN ('listing', 'review', 'qa')),
    source_id  TEXT NOT NULL,        -- listing_id, review_id or qa_id
    excerpt    TEXT,                 -- the text that fired, shortened
    weight     REAL NOT NULL,        -- contribution to the score (> 0 toward China hardware)
    PRIMARY KEY (listing_id, signal, source, source_id)
) WITHOUT ROWID;

-- One verdict per listing.
CREATE TABLE verdicts (
    listing_id    TEXT PRIMARY KEY,
    seller_id     TEXT NOT NULL,
    claim         TEXT NOT NULL,     -- as listing_facts.claim
    hardware      TEXT NOT NULL,     -- global | china | unknown
    verdict       TEXT NOT NULL,     -- mislabelled | suspect | unverified | consistent | not_claimed
    score         REAL NOT NULL,     -- sum of evidence weights (> 0 toward China hardware)
    missing_bands TEXT,              -- as listing_facts.missing_bands, but only for markets of basis 'seed' (schemas/markets.csv)
    signals       TEXT,              -- names of the signals that fired, ';'-separated, sorted
    run_id        INTEGER,           -- runs.run_id of the analysis
    analyzed_at   TEXT NOT NULL      -- UTC date-time of the analysis
);
CREATE INDEX verdicts_seller ON verdicts(seller_id);
