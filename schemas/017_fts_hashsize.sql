-- gvaudit schema 017: the full-text indexes gather 8 MiB of new terms in
-- memory before writing a segment, instead of FTS5's default 1 MiB.
--
-- Why (issue 7): FTS5 keeps the terms of rows inserted in a transaction in
-- a hash table and writes them out as a new segment of the index each time
-- the table holds 'hashsize' bytes; segments of a similar size are then
-- merged (FTS5's 'automerge', left at its default of 4). With 1 MiB a
-- night's reviews make hundreds of small segments, merged again and again
-- as they grow. Rebuilding the reviews index of scale 0.1 (91 MB of
-- text) took 19.70 G instructions with 1 MiB, 15.70 G with 4 MiB and
-- 12.95 G with 8 MiB (callgrind, sqlite3 3.40.1, 24 MiB page cache); at
-- scale 1 the rebuild took 18-20 s against 23-28 s. Peak RSS of the
-- rebuild rose by 9 MB (31.7 to 40.6 MB), inside issue 7's 100 MB budget.
-- Queries read the same index: only how it is written changes.
--
-- The setting is kept in each index's %_config table, so it holds for
-- every writer of the database, and SQLite's own 'rebuild' uses it too.
INSERT INTO reviews_fts(reviews_fts, rank) VALUES ('hashsize', 8388608);
INSERT INTO qa_fts(qa_fts, rank) VALUES ('hashsize', 8388608);
