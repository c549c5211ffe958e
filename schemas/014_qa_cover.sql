-- gvaudit schema 014: qa_listing and qa_classes_listing cover what a
-- listing's analysis reads of its Q&A (analyze/analyze.c ANALYZE_QA_SQL,
-- analyze/textsig.c TEXTSIG_QA_SQL), in qa_id order.
--
-- Why (issue 7), as for the review classes in schema 012: a listing's
-- questions are scattered through the dumps, and each answered one cost a
-- random read of qa and a lookup plus a random read of qa_classes, and a
-- sort, for every listing every time it is analysed (3.2 of 58 CPU seconds
-- of a one-thread first-night analysis at scale 0.3, perf). With the
-- columns in the indexes both statements read one range of an index each.
-- The answers are stored twice (in qa and in qa_listing): about a third of
-- the size of qa.
DROP INDEX qa_listing;
CREATE INDEX qa_listing ON qa(listing_id, qa_id, answer);
DROP INDEX qa_classes_listing;
CREATE INDEX qa_classes_listing ON qa_classes(listing_id, qa_id, question_kind, reply_class,
    reply_detail, excerpt);
