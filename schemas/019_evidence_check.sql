-- gvaudit schema 019: evidence.source keeps its CHECK, written as three
-- comparisons instead of an IN list.
--
-- Why (issue 7): SQLite codes a CHECK's `x IN ('a', 'b', 'c')` as a
-- temporary b-tree that every INSERT builds, probes and frees again (an
-- OpenEphemeral in its EXPLAIN, not hoisted out of the statement). The
-- analysis stores about six evidence rows per listing, so that b-tree was
-- opened three million times on a first night at scale 1, on the thread
-- that does the analysis's SQL. The comparisons accept and refuse exactly
-- the same values. Measured: tests/bench/HISTORY.md, twelfth round.
--
-- The table is copied in its key order (it is WITHOUT ROWID: the copy
-- appends). legacy_alter_table keeps the rename from re-checking the views
-- (schemas 011 and 018 do the same).
PRAGMA legacy_alter_table = ON;

CREATE TABLE evidence_019 (
    listing_id TEXT NOT NULL,
    signal     TEXT NOT NULL,        -- signal name, see schemas/weights.csv
    source     TEXT NOT NULL CHECK (source = 'listing' OR source = 'review' OR source = 'qa'),
    source_id  TEXT NOT NULL,        -- listing_id, review_id or qa_id
    excerpt    TEXT,                 -- the text that fired, shortened
    weight     REAL NOT NULL,        -- contribution to the score (> 0 toward China hardware)
    PRIMARY KEY (listing_id, signal, source, source_id)
) WITHOUT ROWID;
INSERT INTO evidence_019(listing_id, signal, source, source_id, excerpt, weight)
    SELECT listing_id, signal, source, source_id, excerpt, weight
    FROM evidence ORDER BY listing_id, signal, source, source_id;
DROP TABLE evidence;
ALTER TABLE evidence_019 RENAME TO evidence;

PRAGMA legacy_alter_table = OFF;
