/* test_wilson.c: the 95% Wilson score interval against published values
 * (computed independently, z = 1.959964). */
#include <criterion/criterion.h>
#include <math.h>

#include "analyze/sellers.h"

static const struct {
	long k, n;
	double lo, hi;
} cases[] = {
	{0, 10, 0.000000, 0.277533},
	{5, 10, 0.236593, 0.763407},
	{1, 1, 0.206549, 1.000000},
	{0, 1, 0.000000, 0.793451},
	{3, 4, 0.300642, 0.954413},
	{8, 10, 0.490162, 0.943318},
	{10, 10, 0.722467, 1.000000},
	{1, 100, 0.001767, 0.054486},
	{50, 100, 0.403832, 0.596168},
};

Test(wilson, known_values)
{
	size_t i;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		double lo, hi;
		wilson_interval(cases[i].k, cases[i].n, &lo, &hi);
		cr_expect(fabs(lo - cases[i].lo) < 1e-5, "k=%ld n=%ld: lo %.6f, want %.6f",
			  cases[i].k, cases[i].n, lo, cases[i].lo);
		cr_expect(fabs(hi - cases[i].hi) < 1e-5, "k=%ld n=%ld: hi %.6f, want %.6f",
			  cases[i].k, cases[i].n, hi, cases[i].hi);
	}
}

Test(wilson, exact_ends)
{
	double lo, hi;
	wilson_interval(0, 7, &lo, &hi);
	cr_expect_eq(lo, 0.0, "no successes: the interval starts at exactly 0");
	wilson_interval(7, 7, &lo, &hi);
	cr_expect_eq(hi, 1.0, "all successes: the interval ends at exactly 1");
}

Test(wilson, no_trials)
{
	double lo = -1, hi = -1;
	wilson_interval(0, 0, &lo, &hi);
	cr_expect_eq(lo, 0.0);
	cr_expect_eq(hi, 1.0);
}

Test(wilson, contains_rate_and_narrows)
{
	long n;
	double prev = 2.0;
	for (n = 2; n <= 2000; n *= 2) {
		double lo, hi;
		wilson_interval(n / 2, n, &lo, &hi);
		cr_expect(lo <= 0.5 && hi >= 0.5, "n=%ld contains the rate", n);
		cr_expect(hi - lo < prev, "n=%ld narrower than n/2", n);
		prev = hi - lo;
	}
}

Test(wilson, out_of_range_counts_clamped)
{
	double lo, hi;
	wilson_interval(12, 10, &lo, &hi);
	cr_expect(lo >= 0.0 && hi == 1.0);
	wilson_interval(-3, 10, &lo, &hi);
	cr_expect(lo == 0.0 && hi <= 1.0);
}
