-- gvaudit schema 001: what `gvaudit ingest` stores.
--
-- This file is the analysts' contract for the raw tables: every table and
-- column is described here. Ids are stored as TEXT exactly as scraped (they
-- are long numbers or strings such as 'qa-88123'). Dates are normalised to
-- UTC ISO 8601: 'YYYY-MM-DD' for dates, 'YYYY-MM-DDTHH:MM:SSZ' for date-times.
-- Empty CSV fields are stored as NULL ("unknown").

-- Internal key/value state of the tool (reference-data fingerprints and such).
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,          -- name of the setting
    value TEXT                       -- its value
);

-- One row per invocation of a gvaudit command that writes.
CREATE TABLE runs (
    run_id      INTEGER PRIMARY KEY, -- increasing run number
    command     TEXT NOT NULL,       -- ingest | analyze | report | run
    version     TEXT NOT NULL,       -- gvaudit version that ran
    started_at  TEXT NOT NULL,       -- UTC date-time the run started
    finished_at TEXT,                -- UTC date-time it finished; NULL if killed
    status      INTEGER              -- exit status; NULL if killed
);

-- One row per input file offered to ingest (also refused ones).
CREATE TABLE ingest_files (
    file_id        INTEGER PRIMARY KEY,
    run_id         INTEGER,          -- runs.run_id of the ingest
    path           TEXT NOT NULL,    -- path as given on the command line
    fingerprint    TEXT NOT NULL,    -- XXH3-128 of the file's bytes, 32 hex digits
    kind           TEXT,             -- listings | reviews | qa; NULL if not recognised
    compressed     INTEGER NOT NULL DEFAULT 0, -- 1 when the bytes were gzip
    bytes          INTEGER,          -- size of the file on disk
    rows_read      INTEGER NOT NULL DEFAULT 0, -- data rows read (header excluded)
    rows_stored    INTEGER NOT NULL DEFAULT 0, -- rows that added or changed data
    rows_duplicate INTEGER NOT NULL DEFAULT 0, -- rows already stored (same id / same scrape)
    rows_rejected  INTEGER NOT NULL DEFAULT 0, -- rows written to rejects
    status         TEXT NOT NULL,    -- ok | refused | skipped (same fingerprint seen before)
    reason         TEXT,             -- why refused or skipped
    started_at     TEXT NOT NULL,    -- UTC date-time ingest of this file began
    seconds        REAL              -- wall time spent on the file
);
CREATE INDEX ingest_files_fingerprint ON ingest_files(fingerprint, status);

-- Rows that could not be stored, one per rejected row (the rest of the file
-- still loads). Rows of a file refused as a whole are not listed here: the
-- file's ingest_files row says why it was refused.
CREATE TABLE rejects (
    reject_id INTEGER PRIMARY KEY,
    file_id   INTEGER NOT NULL,      -- ingest_files.file_id
    line      INTEGER NOT NULL,      -- physical line where the row starts (header is line 1)
    reason    TEXT NOT NULL,         -- the problem, e.g. "price 'abc' is not a number"
    excerpt   TEXT                   -- first 200 bytes of the raw row; invalid bytes as \xNN
);
CREATE INDEX rejects_file ON rejects(file_id);

-- Current state of each listing: its latest scrape by scraped_at.
CREATE TABLE listings (
    listing_id  TEXT PRIMARY KEY,    -- marketplace product id
    seller_id   TEXT NOT NULL,       -- marketplace store id
    seller_name TEXT,                -- store name as shown
    title       TEXT NOT NULL,       -- listing title as shown
    price       REAL,                -- price in currency
    currency    TEXT,                -- ISO 4217
    market      TEXT,                -- ISO 3166-1 alpha-2 ship-to country of the scrape
    scraped_at  TEXT NOT NULL,       -- UTC date-time of this scrape
    url         TEXT,                -- listing URL
    specs       TEXT,                -- specification block as scraped
    description TEXT,                -- free text under the listing
    file_id     INTEGER,             -- ingest_files.file_id it came from
    first_seen  TEXT NOT NULL,       -- earliest scraped_at seen for this listing
    scrapes     INTEGER NOT NULL DEFAULT 1 -- distinct scrapes stored in listing_scrapes
);
CREATE INDEX listings_seller ON listings(seller_id);

-- Every distinct scrape of every listing (history: a title edited from
-- "Global Version" to "Global ROM" stays visible here).
CREATE TABLE listing_scrapes (
    listing_id  TEXT NOT NULL,
    scraped_at  TEXT NOT NULL,       -- UTC date-time of the scrape
    seller_id   TEXT NOT NULL,
    seller_name TEXT,
    title       TEXT NOT NULL,
    price       REAL,
    currency    TEXT,
    market      TEXT,
    url         TEXT,
    specs       TEXT,
    description TEXT,
    file_id     INTEGER,             -- ingest_files.file_id it came from
    PRIMARY KEY (listing_id, scraped_at)
) WITHOUT ROWID;

-- Buyer reviews, deduplicated by review_id; may precede their listing.
CREATE TABLE reviews (
    review_id  TEXT NOT NULL UNIQUE, -- marketplace review id (the key)
    listing_id TEXT NOT NULL,        -- the listing reviewed
    rating     INTEGER,              -- 1..5
    country    TEXT,                 -- reviewer's ISO 3166-1 alpha-2 country
    created_at TEXT,                 -- UTC date or date-time
    text       TEXT,                 -- review text, any language
    file_id    INTEGER,              -- ingest_files.file_id it first came from
    review_rowid INTEGER PRIMARY KEY -- stable row number (reviews_fts refers to it; VACUUM keeps it)
);
CREATE INDEX reviews_listing ON reviews(listing_id);

-- Buyer questions with the seller's reply, deduplicated by qa_id. A reply
-- that arrives in a later scrape fills in an unanswered question.
CREATE TABLE qa (
    qa_id       TEXT NOT NULL UNIQUE, -- id of the question (the key)
    listing_id  TEXT NOT NULL,       -- the listing asked about
    asked_at    TEXT,                -- UTC date or date-time
    question    TEXT NOT NULL,       -- buyer's question
    answer      TEXT,                -- seller's reply; NULL when unanswered
    answered_at TEXT,                -- UTC date or date-time
    file_id     INTEGER,             -- ingest_files.file_id it came from (the later
                                     -- file when a reply was filled in)
    qa_rowid    INTEGER PRIMARY KEY  -- stable row number (qa_fts refers to it; VACUUM keeps it)
);
CREATE INDEX qa_listing ON qa(listing_id);

-- Listings whose inputs changed since the last analysis (work queue for
-- `gvaudit analyze`; emptied by it).
CREATE TABLE dirty_listings (
    listing_id TEXT PRIMARY KEY
) WITHOUT ROWID;
