-- gvaudit schema 005: per-seller figures (written by analyze/sellers.c at
-- the end of every analysis, inside its transaction) and the views analysts
-- query. README "Querying the results" has worked examples.
--
-- Words: a "claim" is a listing whose listing_facts/verdicts claim is
-- 'global_version'. The mislabel rate is mislabelled / claims, with a 95%
-- Wilson score interval (ci_low, ci_high). Sellers are ranked by ci_low, so
-- one mislabelled listing out of one (interval 0.21..1) does not top sellers
-- with 8 out of 10 (0.49..0.94). Sellers with fewer claims than the
-- threshold min_claims_ranked (schemas/thresholds.csv) are not ranked: their
-- status is 'insufficient data' (or 'no claims' when they have none).
--
-- Kinds of evidence: each signal of schemas/weights.csv falls into one kind
-- by its name (the CASE in v_evidence below is the one definition):
--   bands     listing_bands_*              (listed LTE bands)
--   model     listing_model_*              (model number in title / specs)
--   reviews   review_network*, review_not_genuine (buyers' complaints)
--   firmware  review_firmware_cn           (a China ROM string quoted by a buyer)
--   evasive   qa_evasive                   (the seller dodged the question)
--   other     everything else (certification, price, admissions, ...)

-- Current figures, one row per seller (replaced by every analysis).
CREATE TABLE seller_stats (
    seller_id      TEXT PRIMARY KEY,
    seller_name    TEXT,             -- store name of its most recently scraped listing
    run_id         INTEGER,          -- runs.run_id of the analysis that computed the row
    computed_at    TEXT NOT NULL,    -- UTC date-time
    listings       INTEGER NOT NULL, -- listings of the seller (latest scrape of each)
    global_claims  INTEGER NOT NULL, -- of those, verdicts whose claim is global_version
    mislabelled    INTEGER NOT NULL, -- verdict mislabelled
    suspect        INTEGER NOT NULL, -- verdict suspect
    unverified     INTEGER NOT NULL, -- verdict unverified
    consistent     INTEGER NOT NULL, -- verdict consistent
    mislabel_rate  REAL,             -- mislabelled / global_claims; NULL when no claims
    ci_low         REAL,             -- 95% Wilson score interval of the rate; NULL when no claims
    ci_high        REAL,
    status         TEXT NOT NULL,    -- ranked | insufficient data | no claims
    rank           INTEGER,          -- 1 = highest ci_low; NULL unless status is ranked
    -- Claims (Global Version listings) with at least one piece of evidence
    -- toward China hardware (weight > 0) of each kind:
    ev_bands       INTEGER NOT NULL DEFAULT 0,
    ev_model       INTEGER NOT NULL DEFAULT 0,
    ev_reviews     INTEGER NOT NULL DEFAULT 0,
    ev_firmware    INTEGER NOT NULL DEFAULT 0,
    ev_evasive     INTEGER NOT NULL DEFAULT 0,
    -- Complaints and evasive replies count a row by its class in
    -- review_classes / qa_classes (schema 004) once it is classified, else
    -- by the evidence that fired on it (kind reviews / signal qa_evasive).
    reviews        INTEGER NOT NULL DEFAULT 0, -- reviews of all the seller's listings
    complaints     INTEGER NOT NULL DEFAULT 0, -- of those, network or not-genuine complaints
    complaint_rate REAL,             -- complaints / reviews; NULL when no reviews
    replies        INTEGER NOT NULL DEFAULT 0, -- answered questions on the seller's listings
    evasive        INTEGER NOT NULL DEFAULT 0, -- of those, evasive replies
    evasive_rate   REAL              -- evasive / replies; NULL when no replies
);

-- The same figures for every analysis run, so history shows who is getting
-- better or worse (v_seller_history adds the change since the previous run).
CREATE TABLE seller_history (
    run_id         INTEGER NOT NULL, -- runs.run_id of the analysis
    recorded_at    TEXT NOT NULL,    -- UTC date-time
    seller_id      TEXT NOT NULL,
    seller_name    TEXT,
    listings       INTEGER NOT NULL,
    global_claims  INTEGER NOT NULL,
    mislabelled    INTEGER NOT NULL,
    suspect        INTEGER NOT NULL,
    mislabel_rate  REAL,
    ci_low         REAL,
    ci_high        REAL,
    status         TEXT NOT NULL,    -- as seller_stats.status
    rank           INTEGER,
    complaint_rate REAL,
    evasive_rate   REAL,
    PRIMARY KEY (seller_id, run_id)
) WITHOUT ROWID;
CREATE INDEX seller_history_run ON seller_history(run_id);

-- v_evidence: every piece of evidence with its listing, seller, verdict and
-- kind (see above). One row per evidence row.
CREATE VIEW v_evidence AS
SELECT e.listing_id,
       l.seller_id,
       l.seller_name,
       l.title,
       v.claim,
       v.verdict,
       e.signal,
       CASE
           WHEN e.signal LIKE 'listing\_bands\_%' ESCAPE '\' THEN 'bands'
           WHEN e.signal LIKE 'listing\_model\_%' ESCAPE '\' THEN 'model'
           WHEN e.signal LIKE 'review\_network%' ESCAPE '\'
             OR e.signal = 'review_not_genuine' THEN 'reviews'
           WHEN e.signal = 'review_firmware_cn' THEN 'firmware'
           WHEN e.signal = 'qa_evasive' THEN 'evasive'
           ELSE 'other'
       END AS kind,
       e.source,
       e.source_id,
       e.excerpt,
       e.weight
FROM evidence e
LEFT JOIN listings l ON l.listing_id = e.listing_id
LEFT JOIN verdicts v ON v.listing_id = e.listing_id;

-- v_listing_verdicts: one row per analysed listing: what it says (title,
-- claim), what the evidence says (hardware, verdict, score, signals) and
-- the facts read from it (model number, bands, market).
CREATE VIEW v_listing_verdicts AS
SELECT v.listing_id,
       v.seller_id,
       l.seller_name,
       l.title,
       l.market,
       f.market_group,
       v.claim,
       f.claim_excerpt,
       v.hardware,
       v.verdict,
       v.score,
       v.missing_bands,
       v.signals,
       f.model_number,
       f.model_region,
       f.lte_bands,
       f.compat,
       l.price,
       l.currency,
       l.url,
       l.scraped_at,
       v.run_id,
       v.analyzed_at
FROM verdicts v
LEFT JOIN listings l ON l.listing_id = v.listing_id
LEFT JOIN listing_facts f ON f.listing_id = v.listing_id;

-- v_seller_history: every seller's figures per run, with the change since
-- that seller's previous recorded run (NULL on its first run or when either
-- rate is NULL) and newly_ranked = 1 when the seller crossed
-- min_claims_ranked in this run: ranked now, not ranked (or not yet seen) in
-- an earlier run. On the very first recorded run nobody is "newly" ranked.
CREATE VIEW v_seller_history AS
SELECT h.run_id,
       h.recorded_at,
       h.seller_id,
       h.seller_name,
       h.listings,
       h.global_claims,
       h.mislabelled,
       h.suspect,
       h.mislabel_rate,
       h.ci_low,
       h.ci_high,
       h.status,
       h.rank,
       h.complaint_rate,
       h.evasive_rate,
       LAG(h.run_id) OVER w AS prev_run_id,
       LAG(h.mislabel_rate) OVER w AS prev_rate,
       h.mislabel_rate - LAG(h.mislabel_rate) OVER w AS rate_change,
       h.global_claims - LAG(h.global_claims) OVER w AS claims_change,
       LAG(h.rank) OVER w AS prev_rank,
       CASE WHEN h.status = 'ranked' AND COALESCE(LAG(h.status) OVER w, '') <> 'ranked'
                 AND EXISTS (SELECT 1 FROM seller_history o WHERE o.run_id < h.run_id)
            THEN 1 ELSE 0 END AS newly_ranked
FROM seller_history h
WINDOW w AS (PARTITION BY h.seller_id ORDER BY h.run_id);

-- v_seller_latest: the current figures of every seller (seller_stats) with
-- the change since the previous recorded run (from v_seller_history):
-- ranked sellers first by rank, then those with too few claims, then those
-- with none, each by seller_id.
CREATE VIEW v_seller_latest AS
SELECT s.*,
       h.prev_run_id,
       h.prev_rate,
       h.rate_change,
       h.claims_change,
       h.prev_rank,
       COALESCE(h.newly_ranked, 0) AS newly_ranked
FROM seller_stats s
LEFT JOIN v_seller_history h ON h.seller_id = s.seller_id AND h.run_id = s.run_id
ORDER BY s.rank IS NULL, s.rank, s.global_claims = 0, s.seller_id;
