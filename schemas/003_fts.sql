-- gvaudit schema 003: full-text search over review texts and Q&A.
--
-- Both are external-content FTS5 tables: the text itself stays in reviews
-- and qa, the index refers to their review_rowid / qa_rowid. Tokenizer:
-- unicode61 with remove_diacritics 2, so 'versión' matches 'version' and
-- Cyrillic, CJK and emoji text is split sensibly.
--
-- `gvaudit ingest` keeps them in step at the end of each file's transaction
-- (only the rows that file added or changed). After `gvaudit ingest --no-fts`
-- the index lags behind: meta 'fts_stale' is '1' and the next ingest without
-- --no-fts rebuilds both indexes. To rebuild by hand:
--   INSERT INTO reviews_fts(reviews_fts) VALUES('rebuild');
--   INSERT INTO qa_fts(qa_fts) VALUES('rebuild');
--
-- Example: reviews that mention band 20 or 28 together with 3G, best first:
--   SELECT r.review_id, r.listing_id, snippet(reviews_fts, 0, '[', ']', '...', 12)
--   FROM reviews_fts JOIN reviews r ON r.review_rowid = reviews_fts.rowid
--   WHERE reviews_fts MATCH '(b20 OR b28 OR "band 20" OR "band 28") AND 3g'
--   ORDER BY rank;

-- Index of reviews.text (rowid = reviews.review_rowid).
CREATE VIRTUAL TABLE reviews_fts USING fts5(
    text,                            -- reviews.text
    content = 'reviews',
    content_rowid = 'review_rowid',
    tokenize = 'unicode61 remove_diacritics 2'
);

-- Index of qa.question and qa.answer (rowid = qa.qa_rowid); search one
-- column with e.g. MATCH 'answer : "china version"'.
CREATE VIRTUAL TABLE qa_fts USING fts5(
    question,                        -- qa.question
    answer,                          -- qa.answer (seller's reply)
    content = 'qa',
    content_rowid = 'qa_rowid',
    tokenize = 'unicode61 remove_diacritics 2'
);

-- Rows by the file that brought them: lets ingest index just that file's rows.
CREATE INDEX reviews_file ON reviews(file_id);
CREATE INDEX qa_file ON qa(file_id);
