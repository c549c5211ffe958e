# The schemas are numbered 001, 002, ... without a gap or a repeat, because a
# database's user_version counts the migrations applied (common/db.c
# migrate); scripts/embed-sql.sh refuses any other numbering, naming the
# file, so such a build fails instead of skipping a migration.
. tests/e2e/lib.sh
EMBED="$ROOT/scripts/embed-sql.sh"

n=$(ls "$ROOT"/schemas/[0-9]*.sql | wc -l)
sh "$EMBED" "$ROOT"/schemas/[0-9]*.sql >"$T/ok.c" 2>"$T/err" || fail "the project's schemas refused: $(cat "$T/err")"
expect_eq "$(grep -c '^	{"' "$T/ok.c")" "$n" "every schema embedded"
grep -q "schema_nmigrations = $n;" "$T/ok.c" || fail "schema_nmigrations is not $n"

mkdir "$T/s"
for k in 001_a 002_b 004_d; do echo "SELECT 1;" >"$T/s/$k.sql"; done
if sh "$EMBED" "$T"/s/*.sql >"$T/gap.c" 2>"$T/err"; then fail "a gap (003 missing) accepted"; fi
grep -q "'$T/s/004_d.sql': expected schema number 003" "$T/err" || fail "gap message: $(cat "$T/err")"

rm "$T/s/004_d.sql"
echo "SELECT 1;" >"$T/s/002_c.sql"
if sh "$EMBED" "$T"/s/*.sql >"$T/dup.c" 2>"$T/err"; then fail "a repeated 002 accepted"; fi
grep -q "'$T/s/002_c.sql': expected schema number 003" "$T/err" || fail "repeat message: $(cat "$T/err")"
echo "ok"
