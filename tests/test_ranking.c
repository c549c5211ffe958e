/* test_ranking.c: sellers ranked by the lower bound of the interval, the
 * minimum of claims, and a total, repeatable order. */
#include <criterion/criterion.h>
#include <string.h>

#include "analyze/sellers.h"

static void fill(seller_rank *r, const char *id, long k, long n)
{
	memset(r, 0, sizeof *r);
	r->seller_id = id;
	r->mislabelled = k;
	r->claims = n;
	wilson_interval(k, n, &r->ci_low, &r->ci_high);
}

Test(ranking, one_out_of_one_does_not_top_the_table)
{
	seller_rank v[3];
	fill(&v[0], "a-one-of-one", 1, 1);
	fill(&v[1], "b-eight-of-ten", 8, 10);
	fill(&v[2], "c-three-of-three", 3, 3);
	sellers_rank(v, 3, 1);
	cr_expect_str_eq(v[0].seller_id, "b-eight-of-ten");
	cr_expect_str_eq(v[1].seller_id, "c-three-of-three");
	cr_expect_str_eq(v[2].seller_id, "a-one-of-one");
	cr_expect_eq(v[0].rank, 1);
	cr_expect_eq(v[2].rank, 3);
	cr_expect_str_eq(v[2].status, SELLER_RANKED);
}

Test(ranking, below_minimum_is_insufficient_data)
{
	seller_rank v[4];
	fill(&v[0], "s1", 2, 2);  /* 100% but only two claims */
	fill(&v[1], "s2", 1, 5);
	fill(&v[2], "s3", 0, 0);  /* no claims at all */
	fill(&v[3], "s4", 0, 3);
	sellers_rank(v, 4, 3);
	cr_expect_str_eq(v[0].seller_id, "s2");
	cr_expect_eq(v[0].rank, 1);
	cr_expect_str_eq(v[1].seller_id, "s4");
	cr_expect_eq(v[1].rank, 2);
	cr_expect_str_eq(v[2].seller_id, "s1");
	cr_expect_eq(v[2].rank, 0);
	cr_expect_str_eq(v[2].status, SELLER_INSUFFICIENT);
	cr_expect_str_eq(v[3].seller_id, "s3");
	cr_expect_eq(v[3].rank, 0);
	cr_expect_str_eq(v[3].status, SELLER_NO_CLAIMS);
}

Test(ranking, ties_broken_by_rate_upper_bound_then_id)
{
	seller_rank v[4];
	fill(&v[0], "z", 0, 5);
	fill(&v[1], "y", 0, 9);   /* same lower bound 0 and rate 0, lower upper bound */
	fill(&v[2], "x", 0, 5);   /* identical to z: id decides */
	fill(&v[3], "w", 1, 20);  /* lower bound just above 0 */
	sellers_rank(v, 4, 3);
	cr_expect_str_eq(v[0].seller_id, "w");
	cr_expect_str_eq(v[1].seller_id, "x");
	cr_expect_str_eq(v[2].seller_id, "z");
	cr_expect_str_eq(v[3].seller_id, "y");
	cr_expect_eq(v[3].rank, 4);
}

Test(ranking, same_input_any_order_same_ranking)
{
	static const char *ids[] = {"a", "b", "c", "d", "e", "f"};
	static const long k[] = {1, 4, 0, 2, 2, 7}, n[] = {3, 8, 4, 2, 6, 9};
	seller_rank v[6], u[6];
	int i;
	for (i = 0; i < 6; i++) {
		fill(&v[i], ids[i], k[i], n[i]);
		fill(&u[5 - i], ids[i], k[i], n[i]);
	}
	sellers_rank(v, 6, 3);
	sellers_rank(u, 6, 3);
	for (i = 0; i < 6; i++) {
		cr_expect_str_eq(v[i].seller_id, u[i].seller_id);
		cr_expect_eq(v[i].rank, u[i].rank);
	}
}

Test(ranking, empty_and_zero_minimum)
{
	seller_rank v[1];
	sellers_rank(v, 0, 3);
	fill(&v[0], "only", 0, 0);
	sellers_rank(v, 1, 0); /* a minimum below one still needs a claim */
	cr_expect_eq(v[0].rank, 0);
	cr_expect_str_eq(v[0].status, SELLER_NO_CLAIMS);
}
