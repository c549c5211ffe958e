-- gvaudit schema 009: how far the classification of reviews and Q&A rows
-- (schema 004) has got, so a later night looks only at the rows of newer
-- files instead of comparing every row with its class (analyze/classify.c).
-- At most one row, written in the analysis' transaction; without it (or
-- under another lexicon) every row is compared, as before.
CREATE TABLE textsig_watermark (
    lexicon TEXT NOT NULL,   -- fingerprint every row was then classified with (review_classes.lexicon)
    file_id INTEGER NOT NULL -- highest ingest_files.file_id then: rows added or changed later carry a higher one
);
