-- gvaudit schema 008: kinds of evidence per listing, for the sellers'
-- ev_bands .. ev_evasive figures (schemas/005_report.sql), kept beside the
-- counts of schema 006 so a night sums them over listings instead of
-- re-reading every claim's evidence. Written with the listing's evidence by
-- its analysis; a listing without a listing_counts row or waiting in
-- dirty_listings is counted from the evidence table instead
-- (analyze/sellers.c), as before.
ALTER TABLE listing_counts ADD COLUMN ev_bands INTEGER NOT NULL DEFAULT 0;    -- 1: evidence of kind bands with weight > 0 (kinds: v_evidence)
ALTER TABLE listing_counts ADD COLUMN ev_model INTEGER NOT NULL DEFAULT 0;    -- 1: of kind model
ALTER TABLE listing_counts ADD COLUMN ev_reviews INTEGER NOT NULL DEFAULT 0;  -- 1: of kind reviews
ALTER TABLE listing_counts ADD COLUMN ev_firmware INTEGER NOT NULL DEFAULT 0; -- 1: of kind firmware
ALTER TABLE listing_counts ADD COLUMN ev_evasive INTEGER NOT NULL DEFAULT 0;  -- 1: of kind evasive

-- Rows stored before this schema: from the evidence as it stands.
UPDATE listing_counts SET
    ev_bands = EXISTS (SELECT 1 FROM v_evidence e WHERE e.listing_id = listing_counts.listing_id
                       AND e.kind = 'bands' AND e.weight > 0),
    ev_model = EXISTS (SELECT 1 FROM v_evidence e WHERE e.listing_id = listing_counts.listing_id
                       AND e.kind = 'model' AND e.weight > 0),
    ev_reviews = EXISTS (SELECT 1 FROM v_evidence e WHERE e.listing_id = listing_counts.listing_id
                         AND e.kind = 'reviews' AND e.weight > 0),
    ev_firmware = EXISTS (SELECT 1 FROM v_evidence e WHERE e.listing_id = listing_counts.listing_id
                          AND e.kind = 'firmware' AND e.weight > 0),
    ev_evasive = EXISTS (SELECT 1 FROM v_evidence e WHERE e.listing_id = listing_counts.listing_id
                         AND e.kind = 'evasive' AND e.weight > 0);
