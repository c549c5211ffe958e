/* fuzz_csvout.c: CSV escaping of report cells (report/csvout.c). The input
 * is cells separated by 0x1F; each row written through csvout is read back
 * with libcsv and must give the same cells, every text cell that
 * csv_is_formula() flags coming back with a leading apostrophe. */
#include <csv.h>

#include "fuzz_common.h"
#include "report/csvout.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAXCELLS 16

typedef struct back {
	char *cell[MAXCELLS + 1];
	size_t len[MAXCELLS + 1];
	int n, rows;
} back;

static void on_field(void *s, size_t len, void *d)
{
	back *b = d;
	if (b->n <= MAXCELLS) {
		b->cell[b->n] = xstrndup(s, len);
		b->len[b->n] = len;
	}
	b->n++;
}

static int no_space(unsigned char c)
{
	(void)c;
	return 0;
}

static void on_row(int c, void *d)
{
	(void)c;
	((back *)d)->rows++;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *cells[MAXCELLS];
	size_t start = 0, k;
	int n = 0, i;
	strbuf row;
	struct csv_parser p;
	back b;

	for (k = 0; k <= size && n < MAXCELLS; k++) {
		if (k == size || data[k] == 0x1F) {
			/* cells come from SQLite text: no NUL inside */
			char *c = fuzz_cstr(data + start, k - start);
			cells[n++] = c;
			start = k + 1;
		}
	}
	sb_init(&row);
	for (i = 0; i < n; i++) {
		if (i)
			sb_addc(&row, ',');
		csv_field(&row, cells[i], 1);
	}
	sb_add(&row, "\r\n", 2);

	memset(&b, 0, sizeof b);
	if (n == 1 && !cells[0][0]) {
		/* a row of one empty cell is a blank line to any reader */
		free(cells[0]);
		sb_release(&row);
		return 0;
	}
	csv_init(&p, CSV_STRICT | CSV_STRICT_FINI);
	csv_set_space_func(&p, no_space);
	if (csv_parse(&p, row.buf, row.len, on_field, on_row, &b) != row.len ||
	    csv_fini(&p, on_field, on_row, &b) != 0)
		abort(); /* what we write must parse as strict RFC 4180 */
	csv_free(&p);
	if (b.rows != 1 || b.n != n)
		abort();
	for (i = 0; i < n; i++) {
		const char *want = cells[i];
		const char *got = b.cell[i];
		size_t wl = strlen(want);
		if (csv_is_formula(want)) {
			if (got[0] != '\'' || b.len[i] != wl + 1 || memcmp(got + 1, want, wl))
				abort();
		} else if (b.len[i] != wl || memcmp(got, want, wl)) {
			abort();
		}
		/* what a spreadsheet sees must never start a formula */
		if (got[0] == '=' || got[0] == '+' || got[0] == '-' || got[0] == '@')
			abort();
	}
	for (i = 0; i < n; i++) {
		free(cells[i]);
		if (i <= MAXCELLS)
			free(b.cell[i]);
	}
	sb_release(&row);
	return 0;
}
