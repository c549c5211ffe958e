# Schema 011 on a database made before it: reviews and review_classes are
# copied into tables whose keys are named unique indexes. Every row, its
# review_rowid (the full-text index refers to it) and its class stay; the
# views still work; a later file's duplicate is still refused at once.
. tests/e2e/lib.sh
DB="$T/old.db"

# A schema-010 database, as gvaudit left it before 011 existed.
for f in "$ROOT"/schemas/0*.sql; do
	case "$(basename "$f")" in 01[1-9]_*|0[2-9]*_*) continue ;; esac
	sqlite3 -batch "$DB" <"$f"
done
q "$DB" "PRAGMA user_version = 10"
expect_eq "$(q "$DB" "select count(*) from pragma_index_list('reviews') where origin = 'u'")" 1 \
	"before: the key is a constraint"
q "$DB" "INSERT INTO ingest_files(file_id, path, fingerprint, kind, status, started_at)
	VALUES (1, 'old.csv', 'f1', 'reviews', 'ok', '2026-11-01T00:00:00Z');
INSERT INTO reviews(review_rowid, review_id, listing_id, rating, country, created_at, text, file_id)
	VALUES (5, 'R1', 'L9', 2, 'AU', '2026-11-01', 'only 3G in the bush', 1),
	       (9, 'R2', 'L9', 5, NULL, NULL, 'fast delivery', 1);
INSERT INTO reviews_fts(reviews_fts) VALUES ('rebuild');
INSERT INTO review_classes(review_id, listing_id, lexicon, text_len, class, complaint, negated,
	noise, network_ok, not_genuine, china_rom, no_google, unofficial, strength, country)
	VALUES ('R1', 'L9', 'x', 19, 'complaint', 1, 0, 0, 0, 0, 0, 0, 0, 0.9, 'AU')"
before=$(q "$DB" "select review_rowid, review_id, listing_id, rating, country, created_at, text, file_id from reviews order by 1;
select * from review_classes")

cat >"$T/reviews.csv" <<'EOF'
review_id,listing_id,rating,country,created_at,text
R1,L9,1,AU,2026-11-02,a second copy of R1
R3,L9,4,NZ,2026-11-02,no band 28 here
EOF
gv ingest --db "$DB" "$T/reviews.csv"
expect_eq "$rc" 0 "ingest after the migration"
expect_log "kind=reviews rows=2 stored=1 duplicates=1 rejected=0"
expect_eq "$(q "$DB" "PRAGMA user_version")" "$(ls "$ROOT"/schemas/0*.sql | wc -l)" "migrated"
expect_eq "$(q "$DB" "select review_rowid, review_id, listing_id, rating, country, created_at, text, file_id from reviews where review_rowid < 10 order by 1;
select * from review_classes")" "$before" "rows, rowids and classes kept"
expect_eq "$(q "$DB" "select group_concat(name || ':' || \"unique\" || ':' || origin, ' ') from
	(select * from pragma_index_list('reviews') order by name)")" \
	"reviews_file:0:c reviews_id:1:c reviews_listing:0:c" "reviews' indexes"
expect_eq "$(q "$DB" "select group_concat(name || ':' || \"unique\", ' ') from
	(select * from pragma_index_list('review_classes') order by name)")" \
	"review_classes_class:0 review_classes_id:1 review_classes_listing:0" "review_classes' indexes"
expect_eq "$(q "$DB" "select r.review_id from reviews_fts f join reviews r on r.review_rowid = f.rowid
	where reviews_fts match 'bush'")" R1 "the full-text index still finds old rows"
expect_eq "$(q "$DB" "select r.review_id from reviews_fts f join reviews r on r.review_rowid = f.rowid
	where reviews_fts match 'band'")" R3 "and the new one"

# The views that name the tables still work: a whole analysis and report.
gv analyze --db "$DB"
expect_eq "$rc" 0 "analyze after the migration"
gv report --db "$DB" --out "$T/rep"
expect_eq "$rc" 0 "report after the migration"
expect_eq "$(q "$DB" "select count(*) from review_classes")" 3 "every review classified"
