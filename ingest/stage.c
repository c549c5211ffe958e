/* stage.c: see stage.h. */
#include "ingest/stage.h"

#include <stdlib.h>
#include <string.h>

#include "common/db.h"

/* One column per canonical field of the largest kind (f0 is the id), the
 * row's line, and its number (a listing's price or a review's rating). */
#define STAGE_FIELDS "f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10"
_Static_assert(HEADER_MAXFIELDS == 11, "STAGE_FIELDS names one column per canonical field");

struct stage {
	sqlite3 *db;
	ingest_kind kind;
	int nfields;          /* canonical fields of kind */
	sqlite3_stmt *ins;
	long long n;          /* rows kept */
};

stage *stage_new(sqlite3 *db, ingest_kind kind, gv_error *err)
{
	stage *g = xcalloc(1, sizeof *g);

	g->db = db;
	g->kind = kind;
	header_fields(kind, &g->nfields);
	if (db_exec(db,
		    "DROP TABLE IF EXISTS temp.ingest_stage;"
		    "CREATE TEMP TABLE ingest_stage(line INTEGER NOT NULL, num REAL, " STAGE_FIELDS ")",
		    err) < 0 ||
	    db_prepare(db, "INSERT INTO temp.ingest_stage(line, num, " STAGE_FIELDS ") "
			   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
		       &g->ins, err) < 0) {
		stage_free(g);
		return NULL;
	}
	return g;
}

/* The row's number column: what rows.c parsed besides the text. */
static int has_number(const stage *g, const ingest_row *row, double *v)
{
	if (g->kind == KIND_LISTINGS && row->s[LF_PRICE]) {
		*v = row->price;
		return 1;
	}
	if (g->kind == KIND_REVIEWS && row->s[RF_RATING]) {
		*v = row->rating;
		return 1;
	}
	return 0;
}

int stage_add(stage *g, const ingest_row *row, gv_error *err)
{
	sqlite3_stmt *st = g->ins;
	double v;
	int j, rc;

	sqlite3_bind_int64(st, 1, row->line);
	if (has_number(g, row, &v))
		sqlite3_bind_double(st, 2, v);
	else
		sqlite3_bind_null(st, 2);
	for (j = 0; j < g->nfields; j++)
		db_bind_view(st, j + 3, row->s[j], row->n[j]);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (rc != SQLITE_DONE)
		return db_fail(g->db, err, "cannot keep the row for storing in key order");
	g->n++;
	return 0;
}

long long stage_count(const stage *g)
{
	return g->n;
}

/* The row st points at, its fields pointing into st's columns. */
static void read_row(const stage *g, sqlite3_stmt *st, ingest_row *row)
{
	int j;

	memset(row, 0, sizeof *row);
	row->kind = g->kind;
	row->line = (long)sqlite3_column_int64(st, 0);
	for (j = 0; j < g->nfields; j++) {
		row->s[j] = (const char *)sqlite3_column_text(st, j + 2);
		row->n[j] = row->s[j] ? sqlite3_column_bytes(st, j + 2) : 0;
	}
	if (g->kind == KIND_LISTINGS && row->s[LF_PRICE])
		row->price = sqlite3_column_double(st, 1);
	if (g->kind == KIND_REVIEWS && row->s[RF_RATING])
		row->rating = sqlite3_column_int(st, 1);
}

int stage_replay(stage *g, stage_fn fn, void *ctx, gv_error *err)
{
	sqlite3_stmt *st;
	ingest_row row;
	int rc, ret = 0;

	/* rowid: the order the rows were added in, the file's */
	if (db_prepare(g->db, "SELECT line, num, " STAGE_FIELDS " FROM temp.ingest_stage "
			      "ORDER BY f0, rowid", &st, err) < 0)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		read_row(g, st, &row);
		if ((ret = fn(ctx, &row, err)) < 0)
			break;
	}
	if (ret == 0 && rc != SQLITE_DONE)
		ret = db_fail(g->db, err, "cannot read the rows back in key order");
	sqlite3_finalize(st);
	return ret;
}

void stage_free(stage *g)
{
	if (!g)
		return;
	sqlite3_finalize(g->ins);
	/* Inside the file's transaction; after a rollback the table is gone
	 * already and this finds nothing to drop. */
	sqlite3_exec(g->db, "DROP TABLE IF EXISTS temp.ingest_stage", NULL, NULL, NULL);
	free(g);
}
