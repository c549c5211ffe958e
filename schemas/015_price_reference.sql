-- gvaudit schema 015: the price reference an analysis used, so a later
-- night can tell which unchanged listings it moved (issue 7: the same
-- verdicts and evidence incrementally as from `gvaudit analyze --full`).
--
-- Why: a listing's listing_price_low evidence compares its price with the
-- median of its key (analyze/price.h) and quotes that median and how many
-- listings it is taken over. New and re-scraped listings move medians every
-- night; before this schema only the re-analysed listings saw the new
-- figures, so an unchanged listing kept a signal that no longer held (or
-- lacked one that now did) and quoted old figures: at scale 0.1, night 2
-- left 799 of 55,000 verdicts and 16,980 evidence rows different from a
-- full re-analysis. Now each analysis compares the new reference with the
-- one kept here: listings whose signal appears or disappears are
-- re-analysed, and the evidence of those that keep it gets the new figures.
--
-- listing_prices now holds every priced listing with a key, not only the
-- references; reference = 0 marks the ones compared but not counted (their
-- own text shows China hardware). Meta 'price_keys' is cleared so the next
-- analysis works every key out again and re-analyses every listing once.
ALTER TABLE listing_prices ADD COLUMN
    reference  INTEGER NOT NULL DEFAULT 1; -- 1: counted in the key's median; 0: compared only

-- One row per key of the last analysis's reference: what its
-- listing_price_low evidence quotes.
CREATE TABLE price_reference (
    key        TEXT PRIMARY KEY,     -- listing_prices.key
    median     REAL NOT NULL,        -- median price of the key's reference listings
    listings   INTEGER NOT NULL      -- how many reference listings it is the median of
) WITHOUT ROWID;

DELETE FROM meta WHERE key = 'price_keys';
