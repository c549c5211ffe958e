-- gvaudit schema 011: the keys of reviews (review_id) and review_classes
-- (review_id) become named unique indexes, reviews_id and review_classes_id,
-- instead of constraints written into the tables.
--
-- Why (issue 7): a constraint's index cannot be dropped, so on a first night
-- it was kept up to date row by row, 4 million text keys inserted in random
-- order into a B-tree far larger than the page cache. A named index can be
-- dropped while the empty table loads and built once at the end by sorting,
-- like the other secondary indexes (common/dbindex.c). Duplicate review ids
-- within that first file are then removed before the index is built, the
-- first row kept, exactly as ON CONFLICT DO NOTHING keeps it (ingest/store.c).
--
-- Same columns, same rows, same review_rowid (reviews_fts refers to it), so
-- nothing an analyst queries changes: lookups by review_id use the unique
-- indexes as they used the constraints' indexes. Each table is copied once;
-- legacy_alter_table keeps the rename from re-checking the views that name
-- the tables (they name them, not the dropped copies, and stay valid).
PRAGMA legacy_alter_table = ON;

-- Buyer reviews, deduplicated by review_id (unique index reviews_id); may
-- precede their listing.
CREATE TABLE reviews_011 (
    review_id  TEXT NOT NULL,        -- marketplace review id (the key: unique index reviews_id)
    listing_id TEXT NOT NULL,        -- the listing reviewed
    rating     INTEGER,              -- 1..5
    country    TEXT,                 -- reviewer's ISO 3166-1 alpha-2 country
    created_at TEXT,                 -- UTC date or date-time
    text       TEXT,                 -- review text, any language
    file_id    INTEGER,              -- ingest_files.file_id it first came from
    review_rowid INTEGER PRIMARY KEY -- stable row number (reviews_fts refers to it; VACUUM keeps it)
);
INSERT INTO reviews_011(review_rowid, review_id, listing_id, rating, country, created_at, text,
                        file_id)
    SELECT review_rowid, review_id, listing_id, rating, country, created_at, text, file_id
    FROM reviews ORDER BY review_rowid;
DROP TABLE reviews;
ALTER TABLE reviews_011 RENAME TO reviews;
CREATE UNIQUE INDEX reviews_id ON reviews(review_id);
CREATE INDEX reviews_listing ON reviews(listing_id);
CREATE INDEX reviews_file ON reviews(file_id);

-- One row per review (reviews.review_id; unique index review_classes_id).
CREATE TABLE review_classes_011 (
    review_id    TEXT NOT NULL,      -- reviews.review_id (the key: unique index review_classes_id)
    listing_id   TEXT NOT NULL,      -- reviews.listing_id
    lexicon      TEXT NOT NULL,      -- fingerprint of the lexicon that classified it (32 hex digits)
    text_len     INTEGER NOT NULL,   -- length(reviews.text) when classified (0 for NULL): a changed text is reclassified
    class        TEXT NOT NULL,      -- the one class to filter on, strongest first:
                                     --   firmware_cn      a China ROM version string is quoted (OS1.0.6.0.UNCCNXM)
                                     --   unofficial_rom   homemade / fake ROM (ads, no OTA, V14.0.8.0.0)
                                     --   complaint        a first-hand network complaint (3G only, no B20)
                                     --   firmware_global  a non-China official ROM string is quoted
                                     --   complaint_noise  a complaint about a passing problem (subway, outage)
                                     --   negated          a complaint negated / hearsay / withdrawn, or the network praised
                                     --   not_genuine      "not the global version", "Chinese hardware", no network complaint
                                     --   china_rom        "China ROM" said, no version string
                                     --   no_google        only: Google services missing
                                     --   generic          none of these
    complaint    INTEGER NOT NULL,   -- 1: a network complaint in force (whatever the class)
    negated      INTEGER NOT NULL,   -- 1: a complaint phrase that was negated, denied, hearsay or withdrawn
    noise        INTEGER NOT NULL,   -- 1: a complaint phrase about a passing problem
    network_ok   INTEGER NOT NULL,   -- 1: 4G / key bands reported working, or "genuine global version"
    not_genuine  INTEGER NOT NULL,   -- 1: says it is not the global version / China hardware
    china_rom    INTEGER NOT NULL,   -- 1: says "China ROM"
    no_google    INTEGER NOT NULL,   -- 1: Google services missing
    unofficial   INTEGER NOT NULL,   -- 1: unofficial ROM phrase or version shape
    strength     REAL NOT NULL,      -- 0..1: surest complaint phrase in force (lexicon weight), 0 without complaint
    bands        TEXT,               -- bands the complaints name as missing, 'B20;B28'; NULL if none
    fw_version   TEXT,               -- firmware string quoted, upper-cased ('OS1.0.6.0.UNCCNXM'); NULL if none
    fw_region    TEXT,               -- its region code (CN, MI, EU, RU, IN, TR, ID, TW, JP, KR); NULL if none / unknown
    fw_branch    TEXT,               -- stable | beta | dev | unofficial | unknown; NULL without fw_version
    model_number TEXT,               -- a Xiaomi model number the buyer quotes ('22101316C'); NULL if none
    model_region TEXT,               -- its suffix says: CN (C) | GLOBAL (G, Y, O, A, X, H) | OTHER; NULL if none
    excerpt      TEXT,               -- the sentence that decided the class (<= 200 bytes); NULL for generic
    country      TEXT                -- reviews.country (NULL if none; schema 006)
);
INSERT INTO review_classes_011(rowid, review_id, listing_id, lexicon, text_len, class, complaint,
                               negated, noise, network_ok, not_genuine, china_rom, no_google,
                               unofficial, strength, bands, fw_version, fw_region, fw_branch,
                               model_number, model_region, excerpt, country)
    SELECT rowid, review_id, listing_id, lexicon, text_len, class, complaint, negated, noise,
           network_ok, not_genuine, china_rom, no_google, unofficial, strength, bands,
           fw_version, fw_region, fw_branch, model_number, model_region, excerpt, country
    FROM review_classes ORDER BY rowid;
DROP TABLE review_classes;
ALTER TABLE review_classes_011 RENAME TO review_classes;
CREATE UNIQUE INDEX review_classes_id ON review_classes(review_id);
CREATE INDEX review_classes_listing ON review_classes(listing_id);
CREATE INDEX review_classes_class ON review_classes(class);

PRAGMA legacy_alter_table = OFF;
