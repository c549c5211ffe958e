-- gvaudit schema 013: listings_seller and verdicts_seller cover what the
-- seller figures read (analyze/sellers.c, LISTINGS_SQL and VERDICTS_SQL),
-- in seller order.
--
-- Why (issue 7): the figures are summed one seller at a time, so both
-- tables are read in seller_id order. Through an index of seller_id alone
-- every listing and every verdict cost a random read of its table, the
-- whole table every night. With the columns in the index the read is one
-- scan of it: the two statements at scale 0.3 took 0.79 + 0.67 s with the
-- old indexes and 0.29 + 0.18 s with these. Writes barely change: a
-- re-scraped listing's upsert assigns seller_id and so rewrote its entry of
-- listings_seller already, and a verdict is replaced whole.
DROP INDEX listings_seller;
CREATE INDEX listings_seller ON listings(seller_id, listing_id, seller_name, scraped_at);
DROP INDEX verdicts_seller;
CREATE INDEX verdicts_seller ON verdicts(seller_id, listing_id, claim, verdict);
