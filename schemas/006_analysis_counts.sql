-- gvaudit schema 006: what lets the analysis avoid re-reading every review
-- each night (issue 7, README.md ("Performance")).

-- The reviewer's country, copied from reviews.country when the review is
-- classified (reviews are never updated once stored, so the copy cannot go
-- stale). The listing evidence weighs a complaint by whether the reviewer
-- is in the listing's market; with the country here it reads
-- review_classes alone instead of joining back to reviews row by row.
ALTER TABLE review_classes ADD COLUMN country TEXT; -- reviews.country (NULL if none)
UPDATE review_classes SET country =
    (SELECT r.country FROM reviews r WHERE r.review_id = review_classes.review_id);

-- Per-listing counts behind the sellers' complaint and evasion rates
-- (seller_stats.reviews, complaints, replies, evasive), written by the
-- analysis of each listing. A seller's figures are the sum over its
-- listings; a listing without a row here, or waiting in dirty_listings
-- (new reviews or answers since its analysis), is counted from the rows
-- themselves instead (analyze/sellers.c), so the figures are the same
-- either way.
CREATE TABLE listing_counts (
    listing_id TEXT PRIMARY KEY,     -- listings.listing_id
    reviews    INTEGER NOT NULL,     -- reviews of the listing
    complaints INTEGER NOT NULL,     -- of those, classified complaint = 1 or not_genuine = 1
    replies    INTEGER NOT NULL,     -- Q&A rows with a non-blank answer
    evasive    INTEGER NOT NULL      -- of those, classified reply_class = 'evasive'
) WITHOUT ROWID;

-- A database analysed before this schema: every listing gets its counts
-- now, row by row as analyze/sellers.c counts them, so later nights read
-- only what changed.
INSERT INTO listing_counts(listing_id, reviews, complaints, replies, evasive)
SELECT l.listing_id,
       (SELECT count(*) FROM reviews r WHERE r.listing_id = l.listing_id),
       (SELECT count(*) FROM reviews r
        LEFT JOIN review_classes c ON c.review_id = r.review_id
        WHERE r.listing_id = l.listing_id
          AND CASE WHEN c.review_id IS NOT NULL THEN c.complaint = 1 OR c.not_genuine = 1
              ELSE r.review_id IN (SELECT source_id FROM v_evidence WHERE source = 'review'
                                   AND kind = 'reviews' AND weight > 0) END),
       (SELECT count(*) FROM qa q
        WHERE q.listing_id = l.listing_id AND trim(coalesce(q.answer, '')) <> ''),
       (SELECT count(*) FROM qa q
        LEFT JOIN qa_classes c ON c.qa_id = q.qa_id
        WHERE q.listing_id = l.listing_id AND trim(coalesce(q.answer, '')) <> ''
          AND CASE WHEN c.qa_id IS NOT NULL THEN c.reply_class = 'evasive'
              ELSE q.qa_id IN (SELECT source_id FROM v_evidence WHERE source = 'qa'
                               AND signal = 'qa_evasive') END)
FROM listings l;
