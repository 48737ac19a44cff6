/* test_rng.c — stream determinism and independence. */
#include <string.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_statistics_double.h>

#include "sim/rng.h"
#include "testutil.h"

enum { N = 100000 };

/* The same (seed, rep, name) gives the same numbers, whatever was drawn
 * from other streams in between. */
START_TEST(test_rng_determinism)
{
	gsl_rng *a = sim_rng_new(42, 7, "failures");
	gsl_rng *noise = sim_rng_new(42, 8, "failures");
	gsl_rng *b = sim_rng_new(42, 7, "failures");

	for (int i = 0; i < 1000; i++) {
		gsl_rng_get(noise);
		ck_assert_uint_eq(gsl_rng_get(a), gsl_rng_get(b));
	}
	sim_rng_reseed(noise, 42, 7, "failures");
	sim_rng_reseed(a, 42, 7, "failures");
	for (int i = 0; i < 1000; i++)
		ck_assert_uint_eq(gsl_rng_get(a), gsl_rng_get(noise));
	sim_rng_free(a);
	sim_rng_free(b);
	sim_rng_free(noise);
}
END_TEST

/* A fixed reference value: streams must never change between versions,
 * or every published figure of drsim would move. */
START_TEST(test_rng_golden)
{
	gsl_rng *r = sim_rng_new(1, 0, "golden");
	unsigned long first = gsl_rng_get(r);

	ck_assert_uint_eq(first, 0x4863f71c77450692UL);
	sim_rng_free(r);
}
END_TEST

static const struct {
	uint64_t seed, rep;
	const char *name;
} other[] = {
	{ 42, 7, "repairs" },	/* another name */
	{ 42, 6, "failures" },	/* another replication */
	{ 43, 7, "failures" },	/* another seed */
	{ 42, 7, "failure" },	/* a near name */
};

/* Pairs of streams differing in one input are uncorrelated: the sample
 * correlation of N pairs has SE 1/sqrt(N); we allow 4 SE. */
START_TEST(test_rng_independence)
{
	gsl_rng *a = sim_rng_new(42, 7, "failures");
	gsl_rng *b = sim_rng_new(other[_i].seed, other[_i].rep, other[_i].name);
	static double x[N], y[N];

	for (int i = 0; i < N; i++) {
		x[i] = gsl_rng_uniform(a);
		y[i] = gsl_rng_uniform(b);
	}
	double r = gsl_stats_correlation(x, 1, y, 1, N);
	assert_within_se(r, 0.0, 1.0 / sqrt(N), 4, 0.004);
	/* Lag-1 autocorrelation within a stream, too. */
	r = gsl_stats_correlation(x, 1, x + 1, 1, N - 1);
	assert_within_se(r, 0.0, 1.0 / sqrt(N - 1), 4, 0.004);
	sim_rng_free(a);
	sim_rng_free(b);
}
END_TEST

/* Uniforms are in [0, 1) with mean 1/2 and variance 1/12; the 53-bit fast
 * path agrees with GSL's get_double. */
START_TEST(test_rng_uniform)
{
	gsl_rng *a = sim_rng_new(5, 0, "u");
	gsl_rng *b = sim_rng_new(5, 0, "u");
	double sum = 0, sum2 = 0;

	for (int i = 0; i < N; i++) {
		double u = sim_rng_uniform(a);
		ck_assert(u >= 0 && u < 1);
		ck_assert(u == gsl_rng_uniform(b));
		sum += u;
		sum2 += u * u;
	}
	double mean = sum / N, var = sum2 / N - mean * mean;
	assert_within_se(mean, 0.5, sqrt(1.0 / 12 / N), 4, 0.001);
	/* Var of a U(0,1) sample variance: (1/80 − 1/144)/N. */
	assert_within_se(var, 1.0 / 12, sqrt((1.0 / 80 - 1.0 / 144) / N), 4,
			 0.0003);
	sim_rng_free(a);
	sim_rng_free(b);
}
END_TEST

/* GSL variates work through the wrapper: exponential mean and SE. */
START_TEST(test_rng_gsl_variates)
{
	gsl_rng *r = sim_rng_new(9, 3, "exp");
	double sum = 0, fast = 0;

	for (int i = 0; i < N; i++) {
		sum += gsl_ran_exponential(r, 2.0);
		fast += sim_rng_exponential(r, 2.0);
	}
	assert_within_se(sum / N, 2.0, 2.0 / sqrt(N), 4, 0.01);
	assert_within_se(fast / N, 2.0, 2.0 / sqrt(N), 4, 0.01);
	sim_rng_free(r);
}
END_TEST

Suite *rng_suite(void)
{
	Suite *s = suite_create("rng");
	TCase *tc = tcase_create("streams");

	tcase_add_test(tc, test_rng_determinism);
	tcase_add_test(tc, test_rng_golden);
	tcase_add_loop_test(tc, test_rng_independence, 0,
			    (int)(sizeof other / sizeof other[0]));
	tcase_add_test(tc, test_rng_uniform);
	tcase_add_test(tc, test_rng_gsl_variates);
	suite_add_tcase(s, tc);
	return s;
}
