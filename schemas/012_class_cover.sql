-- gvaudit schema 012: review_classes_listing covers what a listing's
-- analysis reads of its reviews' classes (analyze/textsig.c), in the order
-- it reads them (review_id).
--
-- Why (issue 7): a listing's reviews arrive scattered through the dumps, so
-- their class rows are scattered through review_classes. Through an index
-- of listing_id alone, every row cost a random read of the table: on a
-- first night at scale 0.3 that was 7.9 of the 58 CPU seconds of the
-- analysis (perf), for 1.15 M rows. With the columns in the index a
-- listing's classes are one contiguous range of it. The index is built by
-- sorting once on a first night (common/dbindex.c) and costs disk: about the
-- size of those columns again.
DROP INDEX review_classes_listing;
CREATE INDEX review_classes_listing ON review_classes(listing_id, review_id, class, complaint,
    network_ok, not_genuine, china_rom, no_google, unofficial, strength, fw_region, country,
    model_region, excerpt);
