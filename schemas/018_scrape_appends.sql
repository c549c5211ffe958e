-- gvaudit schema 018: listing_scrapes becomes a table of appended rows,
-- its key (listing_id, scraped_at) a named unique index, listing_scrapes_key,
-- instead of the table's own order (it was a WITHOUT ROWID table).
--
-- Why (issue 7): a later night re-scrapes listings spread over the whole
-- key range. Keyed by listing, each new scrape (a whole row, about 500
-- bytes) went onto a random page of the history: at scale 1 night 2's
-- 50,000 re-scrapes rewrote most of its 241 MB, each page twice (the WAL,
-- then the database). Appended, the rows fill new pages at the end, and
-- only the key (about 40 bytes a row) goes onto random pages. At scale 1,
-- five alternated pairs, night 2's listings file took 3.6-4.4 s against
-- 4.5-5.2 s, and at scale 4, two pairs, 22.3-23.9 s against 34.9-35.7 s
-- (tests/bench/HISTORY.md, eleventh round). Whole nights at scale 1 moved
-- by more than that from run to run.
--
-- Same columns, same rows: lookups by listing use the unique index as they
-- used the table's key, and ON CONFLICT(listing_id, scraped_at) names it.
-- Only a query without ORDER BY sees another row order (the order stored).
-- legacy_alter_table keeps the rename from re-checking the views (schema
-- 011 does the same).
PRAGMA legacy_alter_table = ON;

-- Every distinct scrape of every listing (history: a title edited from
-- "Global Version" to "Global ROM" stays visible here).
CREATE TABLE listing_scrapes_018 (
    listing_id  TEXT NOT NULL,       -- the key: unique index listing_scrapes_key
    scraped_at  TEXT NOT NULL,       -- UTC date-time of the scrape (the key's second part)
    seller_id   TEXT NOT NULL,
    seller_name TEXT,
    title       TEXT NOT NULL,
    price       REAL,
    currency    TEXT,
    market      TEXT,
    url         TEXT,
    specs       TEXT,
    description TEXT,
    file_id     INTEGER              -- ingest_files.file_id it came from
);
INSERT INTO listing_scrapes_018(listing_id, scraped_at, seller_id, seller_name, title, price,
                                currency, market, url, specs, description, file_id)
    SELECT listing_id, scraped_at, seller_id, seller_name, title, price, currency, market, url,
           specs, description, file_id
    FROM listing_scrapes ORDER BY listing_id, scraped_at;
DROP TABLE listing_scrapes;
ALTER TABLE listing_scrapes_018 RENAME TO listing_scrapes;
CREATE UNIQUE INDEX listing_scrapes_key ON listing_scrapes(listing_id, scraped_at);

PRAGMA legacy_alter_table = OFF;
