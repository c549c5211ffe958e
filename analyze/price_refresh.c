/* price_refresh.c: see price_refresh.h. */
#include "analyze/price_refresh.h"

#include <string.h>

#include "analyze/evidence.h"
#include "common/db.h"

/* One key's figures before (the last analysis's) and now; 0, 0 where the
 * key had no reference listing. */
typedef struct figures {
	double old_median, new_median;
	int old_n, new_n;
} figures;

/* The keys whose figures moved, into temp.price_moved: a merge of
 * price_reference (in key order) with now (in the same BINARY order). */
static int find_moved(sqlite3 *db, const price_ref *now, long long *keys, gv_error *err)
{
	sqlite3_stmt *old = NULL, *ins = NULL;
	size_t i = 0, n = price_ref_count(now);
	int rc, have_old, ret = -1;

	*keys = 0;
	if (db_exec(db, "CREATE TEMP TABLE IF NOT EXISTS price_moved(key TEXT PRIMARY KEY, "
			"old_median REAL NOT NULL, old_n INTEGER NOT NULL, new_median REAL NOT NULL, "
			"new_n INTEGER NOT NULL) WITHOUT ROWID; DELETE FROM temp.price_moved",
		    err) < 0 ||
	    db_prepare(db, "SELECT key, median, listings FROM price_reference ORDER BY key", &old,
		       err) < 0 ||
	    db_prepare(db, "INSERT INTO temp.price_moved VALUES (?1, ?2, ?3, ?4, ?5)", &ins, err) < 0)
		goto cleanup;
	rc = sqlite3_step(old);
	have_old = rc == SQLITE_ROW;
	while (have_old || i < n) {
		const char *okey = have_old ? (const char *)sqlite3_column_text(old, 0) : NULL;
		const char *nkey = NULL, *key;
		figures f = {0, 0, 0, 0};
		double median = 0;
		int count = 0, c;

		if (i < n)
			nkey = price_ref_group(now, i, &median, &count);
		/* < 0: the key is gone; > 0: it is new; 0: in both */
		c = !okey ? 1 : !nkey ? -1 : strcmp(okey, nkey);
		if (c <= 0) {
			f.old_median = sqlite3_column_double(old, 1);
			f.old_n = sqlite3_column_int(old, 2);
		}
		if (c >= 0) {
			f.new_median = median;
			f.new_n = count;
		}
		key = c <= 0 ? okey : nkey;
		if (f.old_median != f.new_median || f.old_n != f.new_n) {
			sqlite3_reset(ins);
			db_bind_text(ins, 1, key, -1);
			sqlite3_bind_double(ins, 2, f.old_median);
			sqlite3_bind_int(ins, 3, f.old_n);
			sqlite3_bind_double(ins, 4, f.new_median);
			sqlite3_bind_int(ins, 5, f.new_n);
			if (sqlite3_step(ins) != SQLITE_DONE) {
				db_fail(db, err, "writing price_moved");
				goto cleanup;
			}
			(*keys)++;
		}
		if (c >= 0)
			i++;
		if (c <= 0) {
			rc = sqlite3_step(old);
			have_old = rc == SQLITE_ROW;
		}
	}
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		db_fail(db, err, "reading price_reference");
		goto cleanup;
	}
	ret = 0;
cleanup:
	sqlite3_finalize(old);
	sqlite3_finalize(ins);
	return ret;
}

/* The listing_price_low excerpt of a listing of key at price under f's new
 * figures, cut as the analysis cuts it (evidence_add), into ev. 0, or -1
 * when key's device is not in the registry. */
static int new_excerpt(const registry *reg, const char *key, double price, const figures *f,
		       evidence_list *ev)
{
	const device_bands *dev = registry_device_by_key(reg, key, strcspn(key, "|"));
	const char *currency = strrchr(key, '|');
	char buf[300];

	if (!dev || !currency)
		return -1;
	price_low_excerpt(buf, sizeof buf, price, currency + 1, f->new_median, f->new_n, dev->name,
			  key);
	evidence_list_reset(ev);
	evidence_add(ev, "listing_price_low", EV_LISTING, NULL, buf, 0);
	return 0;
}

int price_refresh(sqlite3 *db, const price_ref *now, const registry *reg, const weights *w,
		  price_moves *out, gv_error *err)
{
	sqlite3_stmt *scan = NULL, *queue = NULL, *reword = NULL;
	evidence_list ev;
	double ratio;
	int min_ref, rc, ret = -1;

	memset(out, 0, sizeof *out);
	if (!weights_known(w, "listing_price_low"))
		return 0; /* no such evidence to keep true */
	price_low_rule(w, &ratio, &min_ref);
	evidence_list_init(&ev);
	if (find_moved(db, now, &out->keys, err) < 0)
		goto cleanup;
	if (!out->keys) {
		ret = 0;
		goto cleanup;
	}
	/* Every priced listing not queued, each looked up among the moved keys. */
	if (db_prepare(db, "SELECT p.listing_id, p.key, p.price, k.old_median, k.old_n, "
			   "k.new_median, k.new_n FROM listing_prices p "
			   "CROSS JOIN temp.price_moved k ON k.key = p.key "
			   "WHERE NOT EXISTS (SELECT 1 FROM dirty_listings d "
			   "WHERE d.listing_id = p.listing_id)", &scan, err) < 0 ||
	    db_prepare(db, "INSERT OR IGNORE INTO dirty_listings(listing_id) VALUES (?1)", &queue,
		       err) < 0 ||
	    db_prepare(db, "UPDATE evidence SET excerpt = ?2 WHERE listing_id = ?1 AND "
			   "signal = 'listing_price_low' AND source = 'listing' AND source_id = ?1",
		       &reword, err) < 0)
		goto cleanup;
	while ((rc = sqlite3_step(scan)) == SQLITE_ROW) {
		const char *id = (const char *)sqlite3_column_text(scan, 0);
		const char *key = (const char *)sqlite3_column_text(scan, 1);
		double price = sqlite3_column_double(scan, 2);
		figures f = {.old_median = sqlite3_column_double(scan, 3),
			     .old_n = sqlite3_column_int(scan, 4),
			     .new_median = sqlite3_column_double(scan, 5),
			     .new_n = sqlite3_column_int(scan, 6)};
		int was = price_is_low(price, f.old_median, f.old_n, ratio, min_ref);
		int is = price_is_low(price, f.new_median, f.new_n, ratio, min_ref);

		if (!was && !is)
			continue;
		if (was && is && new_excerpt(reg, key, price, &f, &ev) == 0) {
			/* id (scan's row) and ev outlive the step: not copied */
			sqlite3_reset(reword);
			db_bind_view(reword, 1, id, -1);
			db_bind_view(reword, 2, ev.v[0].excerpt, -1);
			if (sqlite3_step(reword) != SQLITE_DONE) {
				db_fail(db, err, "rewording listing_price_low evidence");
				goto cleanup;
			}
			if (sqlite3_changes(db) == 1) {
				out->reworded++;
				continue;
			}
		}
		/* The signal comes or goes (or its row is not where it should
		 * be): the listing is analysed again. */
		sqlite3_reset(queue);
		db_bind_view(queue, 1, id, -1);
		if (sqlite3_step(queue) != SQLITE_DONE) {
			db_fail(db, err, "queueing a listing whose price signal moved");
			goto cleanup;
		}
		out->requeued++;
	}
	if (rc != SQLITE_DONE) {
		db_fail(db, err, "reading listing_prices");
		goto cleanup;
	}
	ret = 0;
cleanup:
	sqlite3_finalize(scan);
	sqlite3_finalize(queue);
	sqlite3_finalize(reword);
	evidence_list_release(&ev);
	return ret;
}

int price_reference_keep(sqlite3 *db, const price_ref *now, gv_error *err)
{
	sqlite3_stmt *ins = NULL;
	size_t i, n = price_ref_count(now);
	int ret = -1;

	if (db_exec(db, "DELETE FROM price_reference", err) < 0 ||
	    db_prepare(db, "INSERT INTO price_reference(key, median, listings) VALUES (?1, ?2, ?3)",
		       &ins, err) < 0)
		goto cleanup;
	for (i = 0; i < n; i++) {
		double median;
		int count;
		const char *key = price_ref_group(now, i, &median, &count);

		sqlite3_reset(ins);
		db_bind_text(ins, 1, key, -1);
		sqlite3_bind_double(ins, 2, median);
		sqlite3_bind_int(ins, 3, count);
		if (sqlite3_step(ins) != SQLITE_DONE) {
			db_fail(db, err, "writing price_reference");
			goto cleanup;
		}
	}
	ret = 0;
cleanup:
	sqlite3_finalize(ins);
	return ret;
}
