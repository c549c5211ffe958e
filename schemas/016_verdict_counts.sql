-- gvaudit schema 016: a listing's counts for the seller figures move into
-- its verdict row, and verdicts_seller covers them, so the seller figures
-- read two indexes in seller order and nothing else (analyze/sellers.c).
--
-- Why (issue 7): the seller figures walked listings_seller and
-- verdicts_seller (schema 013) and looked every listing up in
-- listing_counts (schemas 006, 008) by listing_id, twice. In seller order
-- those lookups land on random pages: at scale 1 the table (18 MB) fits
-- the page cache and the step took 2.0 s; at scale 4 (72 MB) it did not,
-- and each walk took about 7 s where the walk alone takes 0.2 s. A verdict
-- is written whole each time its listing is analysed, so its index entry is
-- rewritten anyway: carrying the counts there costs the analysis wider
-- entries, not another table written in random order.
--
-- The counts are NULL in a verdict written without them (before this
-- schema with no listing_counts row, or by hand); such a listing is counted
-- from the rows themselves, as before.
ALTER TABLE verdicts ADD COLUMN reviews INTEGER;     -- reviews of the listing
ALTER TABLE verdicts ADD COLUMN complaints INTEGER;  -- of those, classified complaint = 1 or not_genuine = 1
ALTER TABLE verdicts ADD COLUMN replies INTEGER;     -- Q&A rows with a non-blank answer
ALTER TABLE verdicts ADD COLUMN evasive INTEGER;     -- of those, classified reply_class = 'evasive'
ALTER TABLE verdicts ADD COLUMN ev_bands INTEGER;    -- 1: evidence of kind bands with weight > 0 (kinds: v_evidence)
ALTER TABLE verdicts ADD COLUMN ev_model INTEGER;    -- 1: of kind model
ALTER TABLE verdicts ADD COLUMN ev_reviews INTEGER;  -- 1: of kind reviews
ALTER TABLE verdicts ADD COLUMN ev_firmware INTEGER; -- 1: of kind firmware
ALTER TABLE verdicts ADD COLUMN ev_evasive INTEGER;  -- 1: of kind evasive

UPDATE verdicts SET reviews = k.reviews, complaints = k.complaints, replies = k.replies,
    evasive = k.evasive, ev_bands = k.ev_bands, ev_model = k.ev_model,
    ev_reviews = k.ev_reviews, ev_firmware = k.ev_firmware, ev_evasive = k.ev_evasive
FROM listing_counts k WHERE k.listing_id = verdicts.listing_id;

DROP INDEX verdicts_seller;
CREATE INDEX verdicts_seller ON verdicts(seller_id, listing_id, claim, verdict, reviews,
    complaints, replies, evasive, ev_bands, ev_model, ev_reviews, ev_firmware, ev_evasive);

-- The table's old name stays, for analysts' queries: the same columns, one
-- row per verdict that has its counts.
DROP TABLE listing_counts;
CREATE VIEW listing_counts AS
SELECT listing_id, reviews, complaints, replies, evasive, ev_bands, ev_model, ev_reviews,
       ev_firmware, ev_evasive
FROM verdicts WHERE reviews IS NOT NULL;
