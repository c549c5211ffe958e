-- gvaudit schema 010: v_seller_latest (schemas/005_report.sql) without the
-- window over all of seller_history (issue 7). The old view joined
-- seller_stats to v_seller_history, whose LAG() reads every seller's every
-- run: one more full set of sellers per night, read twice by every report
-- (sellers.csv, report.html). This one looks up the two rows it needs per
-- seller by seller_history's key: the row of the seller's current run and
-- the one of its latest run before that. Same columns, same rows, same
-- values; v_seller_history stays as it was for analysts.
DROP VIEW v_seller_latest;

-- v_seller_latest: the current figures of every seller (seller_stats) with
-- the change since the previous recorded run (as v_seller_history computes
-- it): ranked sellers first by rank, then those with too few claims, then
-- those with none, each by seller_id.
CREATE VIEW v_seller_latest AS
SELECT s.*,
       p.run_id AS prev_run_id,
       p.mislabel_rate AS prev_rate,
       h.mislabel_rate - p.mislabel_rate AS rate_change,
       h.global_claims - p.global_claims AS claims_change,
       p.rank AS prev_rank,
       CASE WHEN h.status = 'ranked' AND COALESCE(p.status, '') <> 'ranked'
                 AND EXISTS (SELECT 1 FROM seller_history o WHERE o.run_id < h.run_id)
            THEN 1 ELSE 0 END AS newly_ranked
FROM seller_stats s
LEFT JOIN seller_history h ON h.seller_id = s.seller_id AND h.run_id = s.run_id
LEFT JOIN seller_history p ON p.seller_id = h.seller_id
     AND p.run_id = (SELECT max(x.run_id) FROM seller_history x
                     WHERE x.seller_id = h.seller_id AND x.run_id < h.run_id)
ORDER BY s.rank IS NULL, s.rank, s.global_claims = 0, s.seller_id;
