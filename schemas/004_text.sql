-- gvaudit schema 004: what buyers write and how sellers answer, one stored
-- class per review and per Q&A row (analyze/textsig.c; method in
-- README.md ("Reviews and seller replies")).
--
-- Each row is classified once with the lexicon loaded at the time
-- (schemas/lexicon.csv + schemas/firmware_regions.csv + the classifier's own
-- version, fingerprinted into `lexicon`). `gvaudit analyze` reclassifies the
-- rows whose `lexicon` differs from the current fingerprint, new rows, and
-- rows whose text length changed since (a Q&A reply arriving later), and
-- marks their listings dirty.
--
-- Per listing and per seller evasion (for the reports):
--   SELECT l.seller_id,
--          count(*)                                        AS version_questions,
--          sum(c.reply_class = 'evasive')                  AS evasive,
--          round(avg(c.reply_class = 'evasive'), 3)        AS evasive_rate
--   FROM qa_classes c JOIN listings l USING (listing_id)
--   WHERE c.reply_class IN ('direct', 'honest_china', 'evasive')
--   GROUP BY l.seller_id;
-- (drop the seller_id grouping for per-listing figures: GROUP BY c.listing_id).

-- One row per review (reviews.review_id).
CREATE TABLE review_classes (
    review_id    TEXT PRIMARY KEY,   -- reviews.review_id
    listing_id   TEXT NOT NULL,      -- reviews.listing_id
    lexicon      TEXT NOT NULL,      -- fingerprint of the lexicon that classified it (32 hex digits)
    text_len     INTEGER NOT NULL,   -- length(reviews.text) when classified (0 for NULL): a changed text is reclassified
    class        TEXT NOT NULL,      -- the one class to filter on, strongest first:
                                     --   firmware_cn      a China ROM version string is quoted (OS1.0.6.0.UNCCNXM)
                                     --   unofficial_rom   homemade / fake ROM (ads, no OTA, V14.0.8.0.0)
                                     --   complaint        a first-hand network complaint (3G only, no B20)
                                     --   firmware_global  a non-China official ROM string is quoted
                                     --   complaint_noise  a complaint about a passing problem (subway, outage)
                                     --   negated          a complaint negated / hearsay / withdrawn, or the network praised
                                     --   not_genuine      "not the global version", "Chinese hardware", no network complaint
                                     --   china_rom        "China ROM" said, no version string
                                     --   no_google        only: Google services missing
                                     --   generic          none of these
    complaint    INTEGER NOT NULL,   -- 1: a network complaint in force (whatever the class)
    negated      INTEGER NOT NULL,   -- 1: a complaint phrase that was negated, denied, hearsay or withdrawn
    noise        INTEGER NOT NULL,   -- 1: a complaint phrase about a passing problem
    network_ok   INTEGER NOT NULL,   -- 1: 4G / key bands reported working, or "genuine global version"
    not_genuine  INTEGER NOT NULL,   -- 1: says it is not the global version / China hardware
    china_rom    INTEGER NOT NULL,   -- 1: says "China ROM"
    no_google    INTEGER NOT NULL,   -- 1: Google services missing
    unofficial   INTEGER NOT NULL,   -- 1: unofficial ROM phrase or version shape
    strength     REAL NOT NULL,      -- 0..1: surest complaint phrase in force (lexicon weight), 0 without complaint
    bands        TEXT,               -- bands the complaints name as missing, 'B20;B28'; NULL if none
    fw_version   TEXT,               -- firmware string quoted, upper-cased ('OS1.0.6.0.UNCCNXM'); NULL if none
    fw_region    TEXT,               -- its region code (CN, MI, EU, RU, IN, TR, ID, TW, JP, KR); NULL if none / unknown
    fw_branch    TEXT,               -- stable | beta | dev | unofficial | unknown; NULL without fw_version
    model_number TEXT,               -- a Xiaomi model number the buyer quotes ('22101316C'); NULL if none
    model_region TEXT,               -- its suffix says: CN (C) | GLOBAL (G, Y, O, A, X, H) | OTHER; NULL if none
    excerpt      TEXT                -- the sentence that decided the class (<= 200 bytes); NULL for generic
);
CREATE INDEX review_classes_listing ON review_classes(listing_id);
CREATE INDEX review_classes_class ON review_classes(class);

-- One row per Q&A row (qa.qa_id).
CREATE TABLE qa_classes (
    qa_id         TEXT PRIMARY KEY,  -- qa.qa_id
    listing_id    TEXT NOT NULL,     -- qa.listing_id
    lexicon       TEXT NOT NULL,     -- fingerprint of the lexicon that classified it
    text_len      INTEGER NOT NULL,  -- length(question) + length(answer) when classified
    question_kind TEXT NOT NULL,     -- version | bands | carrier (asked about the version, hardware,
                                     -- bands, carriers) | other
    reply_class   TEXT NOT NULL,     -- direct | honest_china | evasive | unanswered | other:
                                     --   direct        a clear answer about the hardware (see reply_detail)
                                     --   honest_china  admits China hardware or missing bands
                                     --   evasive       a version/band/carrier question answered with something
                                     --                 else (Google Play, languages, "100% original", "contact us"),
                                     --                 or any question answered with ROM / language / "works
                                     --                 worldwide" talk instead of the hardware
                                     --   unanswered    no reply
                                     --   other         an answered question about something else
    reply_detail  TEXT NOT NULL,     -- why: model | bands | claim (direct: only the label
                                     -- "Yes, Global Version", "global hardware" -- a claim, not evidence) | admits | no_band
                                     -- (honest_china) | cue | none (evasive: a typical dodge phrase or not)
    model_number  TEXT,              -- model number named in the reply, NULL if none
    asked_band    TEXT,              -- band the question named ('B20'), NULL if none
    excerpt       TEXT               -- the reply (<= 200 bytes); NULL when unanswered
);
CREATE INDEX qa_classes_listing ON qa_classes(listing_id);
