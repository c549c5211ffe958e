-- Listing verdicts against the sample truth (tests/eval.sh loads
-- truth_listings beside the pipeline's tables). Precision of `mislabelled`
-- over every listing we call so; recall over the listings the truth marks
-- `detectable` (strong evidence is in the dumps). missing_bands compared as
-- sets, from the verdicts table (the same value report writes to
-- listings.csv).
WITH RECURSIVE
j AS (
    SELECT t.listing_id, t.claim AS t_claim, t.hardware AS t_hw, t.mislabelled + 0 AS t_mis,
           t.detectable + 0 AS t_det, t.missing_bands AS t_missing,
           v.claim AS claim, v.hardware AS hw, v.verdict AS verdict,
           coalesce(v.missing_bands, '') AS missing
    FROM truth_listings t LEFT JOIN verdicts v ON v.listing_id = t.listing_id
),
split(listing_id, side, rest, band) AS (
    SELECT listing_id, 't', t_missing || ';', NULL FROM j
    UNION ALL SELECT listing_id, 'p', missing || ';', NULL FROM j
    UNION ALL
    SELECT listing_id, side, substr(rest, instr(rest, ';') + 1), substr(rest, 1, instr(rest, ';') - 1)
    FROM split WHERE rest <> ''
),
sets AS (
    SELECT listing_id,
           (SELECT group_concat(band, ';') FROM (SELECT DISTINCT band FROM split s
                WHERE s.listing_id = j.listing_id AND s.side = 't' AND band <> '' ORDER BY band)) AS t_set,
           (SELECT group_concat(band, ';') FROM (SELECT DISTINCT band FROM split s
                WHERE s.listing_id = j.listing_id AND s.side = 'p' AND band <> '' ORDER BY band)) AS p_set
    FROM j
)
SELECT
    (SELECT count(*) FROM j) AS listings,
    (SELECT count(*) FROM j WHERE verdict = 'mislabelled') AS called_mislabelled,
    (SELECT count(*) FROM j WHERE verdict = 'mislabelled' AND t_mis = 1) AS true_pos,
    printf('%.3f', (SELECT 1.0 * sum(t_mis = 1) / max(count(*), 1) FROM j WHERE verdict = 'mislabelled')) AS precision,
    printf('%.3f', (SELECT 1.0 * sum(verdict = 'mislabelled') / max(count(*), 1) FROM j WHERE t_det = 1)) AS recall_detectable,
    printf('%.3f', (SELECT 1.0 * sum(verdict = 'mislabelled') / max(count(*), 1) FROM j WHERE t_mis = 1)) AS recall_all,
    printf('%.3f', (SELECT 1.0 * sum(claim IS t_claim) / count(*) FROM j)) AS claim_accuracy,
    printf('%.3f', (SELECT 1.0 * sum(coalesce(t_set, '') = coalesce(p_set, '')) / count(*) FROM sets)) AS missing_bands_accuracy;

.print
.print -- confusion: truth (claim, hardware, mislabelled, detectable) x verdict
SELECT t.claim AS t_claim, t.hardware AS t_hw, t.mislabelled AS t_mis, t.detectable AS t_det,
       sum(v.verdict = 'mislabelled') AS mislabelled, sum(v.verdict = 'suspect') AS suspect,
       sum(v.verdict = 'unverified') AS unverified, sum(v.verdict = 'consistent') AS consistent,
       sum(v.verdict = 'not_claimed') AS not_claimed, sum(v.verdict IS NULL) AS missing
FROM truth_listings t LEFT JOIN verdicts v ON v.listing_id = t.listing_id
GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4;

.print
.print -- hardware: truth x ours (Global Version claims)
SELECT t.hardware AS t_hw, v.hardware AS hw, count(*) AS n
FROM truth_listings t JOIN verdicts v ON v.listing_id = t.listing_id
WHERE t.claim = 'global_version' GROUP BY 1, 2 ORDER BY 1, 2;

.print
.print -- disagreements (false mislabelled first, then missed detectable, then claims)
SELECT * FROM (
    SELECT 'false mislabelled' AS kind, t.listing_id, v.claim, v.verdict, v.score, v.signals, t.evidence AS t_evidence
    FROM truth_listings t JOIN verdicts v ON v.listing_id = t.listing_id
    WHERE v.verdict = 'mislabelled' AND t.mislabelled = '0'
    UNION ALL
    SELECT 'missed detectable', t.listing_id, v.claim, v.verdict, v.score, v.signals, t.evidence
    FROM truth_listings t JOIN verdicts v ON v.listing_id = t.listing_id
    WHERE t.detectable = '1' AND v.verdict <> 'mislabelled'
    UNION ALL
    SELECT 'claim ' || t.claim || '->' || v.claim, t.listing_id, v.claim, v.verdict, v.score, v.signals, t.evidence
    FROM truth_listings t JOIN verdicts v ON v.listing_id = t.listing_id
    WHERE t.claim <> v.claim
) LIMIT 15;

.print
.print -- missing_bands disagreements (first 10)
SELECT t.listing_id, t.market, t.bands_shown, t.missing_bands AS t_missing, v.missing_bands, f.lte_bands, f.band_parse
FROM truth_listings t JOIN verdicts v ON v.listing_id = t.listing_id
LEFT JOIN listing_facts f ON f.listing_id = t.listing_id
WHERE t.missing_bands <> coalesce(v.missing_bands, '')
LIMIT 10;
