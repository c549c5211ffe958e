-- Seller mislabel rates (reports/sellers.csv, imported as report_sellers)
-- against truth/sellers.csv: mean absolute error of the rate over sellers
-- with at least 5 Global Version claims in the truth (target <= 0.05), how
-- many of those sellers the report has, and the sellers furthest off.
-- A seller missing from the report, or with no rate there, counts as rate 0.
WITH t AS (
    SELECT seller_id, CAST(global_claims AS INTEGER) AS claims, CAST(rate AS REAL) AS rate
    FROM truth_sellers WHERE CAST(global_claims AS INTEGER) >= 5
), j AS (
    SELECT t.seller_id, t.claims, t.rate AS truth_rate,
           CAST(coalesce(nullif(r.mislabel_rate, ''), '0') AS REAL) AS report_rate,
           CAST(nullif(r.global_claims, '') AS INTEGER) AS report_claims,
           r.seller_id IS NOT NULL AS present
    FROM t LEFT JOIN report_sellers r ON r.seller_id = t.seller_id
)
SELECT count(*) AS sellers_5plus,
       sum(present) AS in_report,
       sum(report_claims = claims) AS claims_exact,
       printf('%.4f', avg(abs(report_rate - truth_rate))) AS rate_mae,
       printf('%.4f', max(abs(report_rate - truth_rate))) AS rate_max_err,
       CASE WHEN avg(abs(report_rate - truth_rate)) <= 0.05 THEN 'ok' ELSE 'ABOVE 0.05' END
           AS target
FROM j;

-- The five sellers furthest from the truth (ties by seller_id).
WITH t AS (
    SELECT seller_id, CAST(global_claims AS INTEGER) AS claims, CAST(rate AS REAL) AS rate
    FROM truth_sellers WHERE CAST(global_claims AS INTEGER) >= 5
)
SELECT t.seller_id, t.claims AS truth_claims, r.global_claims AS report_claims,
       printf('%.4f', t.rate) AS truth_rate, r.mislabel_rate AS report_rate,
       printf('%.4f', abs(CAST(coalesce(nullif(r.mislabel_rate, ''), '0') AS REAL) - t.rate))
           AS abs_err
FROM t LEFT JOIN report_sellers r ON r.seller_id = t.seller_id
ORDER BY abs(CAST(coalesce(nullif(r.mislabel_rate, ''), '0') AS REAL) - t.rate) DESC,
         t.seller_id
LIMIT 5;
