-- gvaudit schema 007: the price reference kept between analyses (issue 7).
--
-- The listing_price_low signal compares a listing's price with the median of
-- comparable listings (analyze/price.h): every priced listing whose own text
-- shows no China hardware, by device, memory and currency. Working that out
-- reads the title, specifications and description of every listing; kept
-- here, a night re-reads only the listings it re-analyses (dirty_listings).
-- Rewritten whole when meta 'price_keys' is not set (a database analysed
-- before this schema) and for every listing when the reference data change.
CREATE TABLE listing_prices (
    listing_id TEXT PRIMARY KEY,     -- listings.listing_id
    key        TEXT NOT NULL,        -- comparison key: device | memory | currency (price_key)
    price      REAL NOT NULL         -- listings.price
) WITHOUT ROWID;
