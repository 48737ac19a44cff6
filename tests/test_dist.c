/* test_dist.c — laws: samples against moments, closed forms, bad input. */
#include <math.h>
#include <string.h>
#include <gsl/gsl_statistics_double.h>

#include "sim/dist.h"
#include "sim/rng.h"
#include "testutil.h"

enum { N = 200000, BATCHES = 100, SEED = 20260105 };

/* Which constructor a table row calls. */
typedef enum {
	MK_FIXED,
	MK_EXP,
	MK_EXP_RATE,
	MK_WEIBULL,
	MK_LOGNORMAL,
	MK_LOGNORMAL_MEAN_SD,
	MK_GAMMA,
	MK_NORMAL,
	MK_UNIFORM,
	MK_EMPIRICAL,
	MK_CDF,
} Maker;

/* A law to build: two scalars, or a list (empirical: x) or a table (cdf:
 * x and p) of n points. */
typedef struct {
	Maker mk;
	double a, b;
	const double *x, *p;
	size_t n;
} Law;

static SimDist *make(const Law *l, GError **error)
{
	switch (l->mk) {
	case MK_FIXED:
		return sim_dist_new_fixed(l->a, error);
	case MK_EXP:
		return sim_dist_new_exponential(l->a, error);
	case MK_EXP_RATE:
		return sim_dist_new_exponential_rate(l->a, error);
	case MK_WEIBULL:
		return sim_dist_new_weibull(l->a, l->b, error);
	case MK_LOGNORMAL:
		return sim_dist_new_lognormal(l->a, l->b, error);
	case MK_LOGNORMAL_MEAN_SD:
		return sim_dist_new_lognormal_mean_sd(l->a, l->b, error);
	case MK_GAMMA:
		return sim_dist_new_gamma(l->a, l->b, error);
	case MK_NORMAL:
		return sim_dist_new_normal(l->a, l->b, error);
	case MK_UNIFORM:
		return sim_dist_new_uniform(l->a, l->b, error);
	case MK_EMPIRICAL:
		return sim_dist_new_empirical(l->x, l->n, error);
	case MK_CDF:
		return sim_dist_new_cdf(l->x, l->p, l->n, error);
	}
	return NULL;
}

/* Builds a law that must be valid. */
static SimDist *make_ok(const Law *l)
{
	g_autoptr(GError) error = NULL;
	SimDist *d = make(l, &error);

	ck_assert_msg(d != NULL, "unexpected error: %s",
		      error ? error->message : "(none)");
	ck_assert(error == NULL);
	return d;
}

/* Full initialisers: -Wextra flags positional ones with missing fields. */
/* clang-format off */
#define L1(mk, a) { mk, a, 0, NULL, NULL, 0 }
#define L2(mk, a, b) { mk, a, b, NULL, NULL, 0 }
#define TABLE(x, p, n) { MK_CDF, 0, 0, x, p, n }
#define LIST(...) (const double[]){ __VA_ARGS__ }
#define COUNT(...) (sizeof(LIST(__VA_ARGS__)) / sizeof(double))
#define EMPIRICAL(...) { MK_EMPIRICAL, 0, 0, LIST(__VA_ARGS__), NULL, \
			 COUNT(__VA_ARGS__) }
/* clang-format on */

/* A CDF with an atom of 0.5 at x = 2 and no probability on (2, 10). */
static const double atom_x[] = { 0, 2, 2, 10, 12 };
static const double atom_p[] = { 0, 0.25, 0.75, 0.75, 1 };
static const double steps_x[] = { 0, 1, 4, 24 };
static const double steps_p[] = { 0, 0.5, 0.9, 1 };
static const double flat_x[] = { 0, 10 };
static const double flat_p[] = { 0, 1 };

/* Two parameter sets per kind (and per alternative constructor), chosen
 * with a moderate kurtosis so that 200 000 draws pin the variance. */
static const Law good[] = {
	L1(MK_FIXED, 4),
	L1(MK_FIXED, 0.75),
	L1(MK_EXP, 1000),
	L1(MK_EXP_RATE, 0.4),
	L2(MK_WEIBULL, 2, 1000),
	L2(MK_WEIBULL, 0.8, 24),
	L2(MK_LOGNORMAL, 8, 0.5),
	L2(MK_LOGNORMAL_MEAN_SD, 10, 5),
	L2(MK_GAMMA, 2, 3),
	L2(MK_GAMMA, 0.5, 4),
	L2(MK_NORMAL, 1, 1),
	L2(MK_NORMAL, -1, 2),	/* bound under one sd: GSL redraws */
	L2(MK_NORMAL, -4, 2),	/* bound at two sd: Marsaglia's tail */
	L2(MK_UNIFORM, 1, 3),
	L2(MK_UNIFORM, 0, 0.5),
	EMPIRICAL(0.5, 1, 2, 8, 8, 24),
	EMPIRICAL(3),
	TABLE(steps_x, steps_p, G_N_ELEMENTS(steps_x)),
	TABLE(atom_x, atom_p, G_N_ELEMENTS(atom_x)),
};

static double samples[N];

/* Draws N samples of d into samples[] with the stream (SEED, rep, "dist");
 * returns how many were negative or not finite. */
static int draw(const SimDist *d, uint64_t rep)
{
	gsl_rng *r = sim_rng_new(SEED, rep, "dist");
	int bad = 0;

	for (int i = 0; i < N; i++) {
		samples[i] = sim_dist_sample(d, r);
		bad += !(isfinite(samples[i]) && samples[i] >= 0);
	}
	sim_rng_free(r);
	return bad;
}

/* Seed 20260105, replication _i.  All samples are finite and >= 0.  The
 * sample mean is within 4 SE of sim_dist_mean(), SE = sqrt(var / N) from
 * the exact variance, bounded at 1 % of the mean.  The sample variance
 * is within 4 SE of sim_dist_variance(), the SE estimated by batches:
 * the N draws split into 100 batches of 2000, SE = sd(batch variances)
 * / sqrt(100), bounded at 2 % of the variance (the laws above have a
 * kurtosis below 20, so the true SE is under 1 %). */
START_TEST(test_dist_moments)
{
	SimDist *d = make_ok(&good[_i]);
	double mean = sim_dist_mean(d), var = sim_dist_variance(d);
	double bvar[BATCHES];
	const size_t len = N / BATCHES;

	ck_assert_int_eq(draw(d, (uint64_t)_i), 0);
	assert_within_se(gsl_stats_mean(samples, 1, N), mean, sqrt(var / N), 4,
			 0.01 * mean);
	for (size_t b = 0; b < BATCHES; b++)
		bvar[b] = gsl_stats_variance(samples + b * len, 1, len);
	assert_within_se(gsl_stats_variance(samples, 1, N), var,
			 gsl_stats_sd(bvar, 1, BATCHES) / sqrt(BATCHES), 4,
			 0.02 * var);
	sim_dist_free(d);
}
END_TEST

/* A copy draws the same numbers as the original from the same stream,
 * has the same moments and description, and outlives it. */
START_TEST(test_dist_copy)
{
	SimDist *d = make_ok(&good[_i]);
	SimDist *c = sim_dist_copy(d);
	gsl_rng *r1 = sim_rng_new(SEED, 0, "copy");
	gsl_rng *r2 = sim_rng_new(SEED, 0, "copy");
	g_autofree char *text = sim_dist_describe(d);
	g_autofree char *copy_text = NULL;
	double first[100], mean = sim_dist_mean(d), var = sim_dist_variance(d);
	SimDistKind kind = sim_dist_kind(d);

	for (int i = 0; i < 100; i++)
		first[i] = sim_dist_sample(d, r1);
	sim_dist_free(d);
	for (int i = 0; i < 100; i++)
		ck_assert(sim_dist_sample(c, r2) == first[i]);
	ck_assert_int_eq(sim_dist_kind(c), kind);
	ck_assert(sim_dist_mean(c) == mean && sim_dist_variance(c) == var);
	copy_text = sim_dist_describe(c);
	ck_assert_str_eq(copy_text, text);
	sim_dist_free(c);
	sim_rng_free(r1);
	sim_rng_free(r2);
}
END_TEST

/* Moments known in closed form (computed independently, in double). */
static const struct {
	Law law;
	double mean, variance;
} exact[] = {
	/* 1000 Γ(3/2) = 500 √π; variance 1000² (1 − π/4). */
	{ L2(MK_WEIBULL, 2, 1000), 886.226925452758, 214601.83660255172 },
	{ L2(MK_WEIBULL, 1, 5), 5, 25 }, /* the exponential */
	/* 8 e^(1/8); variance 64 e^(1/4) (e^(1/4) − 1). */
	{ L2(MK_LOGNORMAL, 8, 0.5), 9.06518762453461, 23.340534656792748 },
	{ L2(MK_LOGNORMAL_MEAN_SD, 10, 5), 10, 25 },
	{ L1(MK_EXP, 1000), 1000, 1e6 },
	{ L1(MK_EXP_RATE, 0.4), 2.5, 6.25 },
	{ L2(MK_GAMMA, 2, 3), 6, 18 },
	/* N(1, 1) given X >= 0: 1 + φ(1)/Φ(1). */
	{ L2(MK_NORMAL, 1, 1), 1.2875999709391783, 0.6296862857766055 },
	/* The half-normal: √(2/π), 1 − 2/π. */
	{ L2(MK_NORMAL, 0, 1), 0.7978845608028654, 0.3633802276324186 },
	{ L2(MK_UNIFORM, 1, 3), 2, 1.0 / 3 },
	{ L1(MK_FIXED, 4), 4, 0 },
	{ EMPIRICAL(1, 2, 3, 4), 2.5, 1.25 },
	{ TABLE(flat_x, flat_p, 2), 5, 100.0 / 12 },
	/* 0.25·1 + 0.5·2 + 0.25·11; E[X²] = 1/12 + 2 + 91/3. */
	{ TABLE(atom_x, atom_p, 5), 4, 50.0 / 3 },
	/* 1e-100 · 100!: the moments go through lnΓ, not Γ (Γ(201)
	 * overflows, the variance 1e-200 Γ(201) does not). */
	{ L2(MK_WEIBULL, 0.01, 1e-100), 9.332621544394416e+57, NAN },
};

START_TEST(test_dist_exact)
{
	SimDist *d = make_ok(&exact[_i].law);
	double mean = exact[_i].mean, var = exact[_i].variance;

	assert_close(sim_dist_mean(d), mean, 1e-12 * mean);
	if (!isnan(var))
		assert_close(sim_dist_variance(d), var, 1e-12 * var);
	ck_assert(isfinite(sim_dist_variance(d)));
	ck_assert(sim_dist_variance(d) >= 0);
	sim_dist_free(d);
}
END_TEST

/* Bad parameters: NULL, and the message the scenario author reads. */
static const struct {
	Law law;
	const char *message;
} bad[] = {
	{ L1(MK_FIXED, -1), "fixed 'value' must be >= 0 (got -1)" },
	{ L1(MK_FIXED, NAN), "fixed 'value' must be finite (got nan)" },
	{ L1(MK_EXP, 0), "exponential 'mean' must be > 0 (got 0)" },
	{ L1(MK_EXP_RATE, -2), "exponential 'rate' must be > 0 (got -2)" },
	{ L1(MK_EXP_RATE, 1e-200),
	  "exponential: mean or variance overflows for 'rate' 1e-200" },
	{ L2(MK_WEIBULL, -1, 1000), "weibull 'shape' must be > 0 (got -1)" },
	{ L2(MK_WEIBULL, 2, INFINITY),
	  "weibull 'scale' must be finite (got inf)" },
	{ L2(MK_WEIBULL, 1e-3, 1000),
	  "weibull: mean or variance overflows for 'shape' 0.001 and "
	  "'scale' 1000" },
	{ L2(MK_LOGNORMAL, 8, 0), "lognormal 'sigma' must be > 0 (got 0)" },
	{ L2(MK_LOGNORMAL, 0, 1), "lognormal 'median' must be > 0 (got 0)" },
	{ L2(MK_LOGNORMAL, 1, 30),
	  "lognormal: mean or variance overflows for 'median' 1 and "
	  "'sigma' 30" },
	{ L2(MK_LOGNORMAL_MEAN_SD, 10, -1),
	  "lognormal 'sd' must be > 0 (got -1)" },
	{ L2(MK_GAMMA, 0, 1), "gamma 'shape' must be > 0 (got 0)" },
	{ L2(MK_GAMMA, 2, -INFINITY),
	  "gamma 'scale' must be finite (got -inf)" },
	{ L2(MK_GAMMA, 1e300, 1e10),
	  "gamma: mean or variance overflows for 'shape' 1e+300 and "
	  "'scale' 1e+10" },
	{ L2(MK_NORMAL, 1, 0), "normal 'sd' must be > 0 (got 0)" },
	{ L2(MK_NORMAL, NAN, 1), "normal 'mean' must be finite (got nan)" },
	{ L2(MK_NORMAL, -50, 1),
	  "normal: P(X >= 0) is negligible for 'mean' -50 and 'sd' 1" },
	/* P = 7.9e-7, just under the 1e-6 floor. */
	{ L2(MK_NORMAL, -4.8, 1),
	  "normal: P(X >= 0) is negligible for 'mean' -4.8 and 'sd' 1" },
	{ L2(MK_UNIFORM, -1, 2), "uniform 'min' must be >= 0 (got -1)" },
	{ L2(MK_UNIFORM, 2, 1), "uniform 'max' must be >= 'min' (got 1 < 2)" },
	{ { MK_EMPIRICAL, 0, 0, flat_x, NULL, 0 },
	  "empirical 'values' must not be empty" },
	{ EMPIRICAL(1, -3), "empirical 'values'[1] must be >= 0 (got -3)" },
	{ EMPIRICAL(1e200, 0),
	  "empirical: mean or variance overflows for these 'values'" },
	{ TABLE(flat_x, flat_p, 1),
	  "cdf needs at least 2 points in 'x' and 'p' (got 1)" },
	{ TABLE(LIST(0, 5), LIST(0.1, 1), 2),
	  "cdf 'p' must start at 0 and end at 1" },
	{ TABLE(LIST(0, 5), LIST(0, 0.9), 2),
	  "cdf 'p' must start at 0 and end at 1" },
	{ TABLE(LIST(0, 5, 3), LIST(0, 0.5, 1), 3),
	  "cdf 'x'[2] must be >= 'x'[1] (got 3 < 5)" },
	{ TABLE(LIST(-1, 2), LIST(0, 1), 2),
	  "cdf 'x'[0] must be >= 0 (got -1)" },
	{ TABLE(LIST(0, 1, 2, 3), LIST(0, 0.6, 0.4, 1), 4),
	  "cdf 'p'[2] must be >= 'p'[1] (got 0.4 < 0.6)" },
	{ TABLE(LIST(0, 1), LIST(0, NAN), 2),
	  "cdf 'p'[1] must be finite (got nan)" },
};

START_TEST(test_dist_bad)
{
	GError *error = NULL;
	SimDist *d = make(&bad[_i].law, &error);

	ck_assert_ptr_null(d);
	ck_assert_ptr_nonnull(error);
	ck_assert(g_error_matches(error, SIM_DIST_ERROR, SIM_DIST_ERROR_PARAM));
	ck_assert_str_eq(error->message, bad[_i].message);
	g_error_free(error);
	/* error may be NULL: the caller does not care why. */
	ck_assert_ptr_null(make(&bad[_i].law, NULL));
}
END_TEST

static const struct {
	Law law;
	const char *text;
} described[] = {
	{ L2(MK_WEIBULL, 2, 1000), "weibull(shape 2, scale 1000)" },
	{ L1(MK_EXP, 1000), "exponential(mean 1000)" },
	{ L1(MK_EXP_RATE, 0.1), "exponential(rate 0.1)" },
	{ L2(MK_LOGNORMAL, 8, 0.5), "lognormal(median 8, sigma 0.5)" },
	{ L2(MK_LOGNORMAL_MEAN_SD, 10, 2.5), "lognormal(mean 10, sd 2.5)" },
	{ L2(MK_GAMMA, 2, 1234567), "gamma(shape 2, scale 1234567)" },
	{ L2(MK_NORMAL, -1, 2), "normal(mean -1, sd 2)" },
	{ L2(MK_UNIFORM, 0, 8760), "uniform(min 0, max 8760)" },
	{ L1(MK_FIXED, 1.0 / 3), "fixed(value 0.3333333333333333)" },
	{ EMPIRICAL(8, 0.5, 24, 1), "empirical(4 values in [0.5, 24])" },
	{ EMPIRICAL(3), "empirical(1 value in [3, 3])" },
	{ TABLE(steps_x, steps_p, 4), "cdf(4 points on [0, 24])" },
};

START_TEST(test_dist_describe)
{
	SimDist *d = make_ok(&described[_i].law);
	g_autofree char *text = sim_dist_describe(d);

	ck_assert_str_eq(text, described[_i].text);
	sim_dist_free(d);
}
END_TEST

START_TEST(test_dist_kinds)
{
	static const char *const names[] = {
		"fixed",  "exponential", "weibull",   "lognormal", "gamma",
		"normal", "uniform",	 "empirical", "cdf",
	};

	ck_assert_int_eq(G_N_ELEMENTS(names), SIM_DIST_N_KINDS);
	for (int k = 0; k < SIM_DIST_N_KINDS; k++)
		ck_assert_str_eq(sim_dist_kind_name((SimDistKind)k), names[k]);
	for (size_t i = 0; i < G_N_ELEMENTS(good); i++) {
		SimDist *d = make_ok(&good[i]);
		const char *name = sim_dist_kind_name(sim_dist_kind(d));
		g_autofree char *text = sim_dist_describe(d);

		/* The description opens with the kind's name. */
		ck_assert(g_str_has_prefix(text, name));
		ck_assert(text[strlen(name)] == '(');
		sim_dist_free(d);
	}
	sim_dist_free(NULL);
}
END_TEST

/* Fixed laws give exactly their value; empirical ones only their values. */
START_TEST(test_dist_fixed_and_values)
{
	static const double values[] = { 0.5, 1, 2, 8, 24 };
	SimDist *f = make_ok(&(Law)L1(MK_FIXED, 4.25));
	SimDist *e = sim_dist_new_empirical(values, 5, NULL);
	gsl_rng *r = sim_rng_new(SEED, 0, "exact");
	int off = 0, foreign = 0;

	for (int i = 0; i < 10000; i++) {
		double x = sim_dist_sample(e, r);
		gboolean found = FALSE;

		off += sim_dist_sample(f, r) != 4.25;
		for (size_t j = 0; j < G_N_ELEMENTS(values); j++)
			found |= x == values[j];
		foreign += !found;
	}
	ck_assert_int_eq(off, 0);
	ck_assert_int_eq(foreign, 0);
	sim_dist_free(f);
	sim_dist_free(e);
	sim_rng_free(r);
}
END_TEST

/* The atom table: P(X = 2) = 0.5 (binomial SE sqrt(0.25 / N) ≤ 0.0012),
 * nothing on the flat step (2, 10), nothing outside [0, 12]. */
START_TEST(test_dist_cdf_atom)
{
	SimDist *d = make_ok(&good[G_N_ELEMENTS(good) - 1]);
	int at_two = 0, in_gap = 0, outside = 0;

	ck_assert_int_eq(sim_dist_kind(d), SIM_DIST_CDF);
	draw(d, 99);
	for (int i = 0; i < N; i++) {
		at_two += samples[i] == 2;
		in_gap += samples[i] > 2 && samples[i] < 10;
		outside += samples[i] < 0 || samples[i] > 12;
	}
	assert_within_se((double)at_two / N, 0.5, sqrt(0.25 / N), 4, 0.0012);
	ck_assert_int_eq(in_gap, 0);
	ck_assert_int_eq(outside, 0);
	sim_dist_free(d);
}
END_TEST

/* Extreme but valid parameters keep accurate, finite moments: large
 * Weibull shapes (a variance of order 1/shape², where lnΓ near 1 alone
 * would lose digits; references from mpmath at 40 digits), a normal with
 * P(X >= 0) = 1.3e-6, just above the floor. */
static const struct {
	double shape, scale, mean, variance;
} weibull_tight[] = {
	{ 1e6, 10, 9.9999942278532415355, 1.6449297637827162e-10 },
	{ 200, 5, 4.9856926762550889256, 0.0010148177240199765584 },
	{ 50, 1, 0.98884420326391326886, 0.00062534258560130378593 },
};

START_TEST(test_dist_edges)
{
	SimDist *n = make_ok(&(Law)L2(MK_NORMAL, -4.7, 1));
	gsl_rng *r = sim_rng_new(SEED, 0, "edges");
	int negative = 0;

	for (size_t i = 0; i < G_N_ELEMENTS(weibull_tight); i++) {
		SimDist *w = sim_dist_new_weibull(weibull_tight[i].shape,
						  weibull_tight[i].scale, NULL);
		double mean = weibull_tight[i].mean;
		double var = weibull_tight[i].variance;

		assert_close(sim_dist_mean(w), mean, 1e-13 * mean);
		assert_close(sim_dist_variance(w), var, 1e-12 * var);
		sim_dist_free(w);
	}
	ck_assert(sim_dist_mean(n) > 0 && sim_dist_mean(n) < 0.3);
	for (int i = 0; i < 1000; i++)
		negative += sim_dist_sample(n, r) < 0;
	ck_assert_int_eq(negative, 0);
	sim_dist_free(n);
	sim_rng_free(r);
}
END_TEST

Suite *dist_suite(void)
{
	Suite *s = suite_create("dist");
	TCase *tc = tcase_create("laws");

	tcase_add_loop_test(tc, test_dist_moments, 0, (int)G_N_ELEMENTS(good));
	tcase_add_loop_test(tc, test_dist_copy, 0, (int)G_N_ELEMENTS(good));
	tcase_add_loop_test(tc, test_dist_exact, 0, (int)G_N_ELEMENTS(exact));
	tcase_add_loop_test(tc, test_dist_bad, 0, (int)G_N_ELEMENTS(bad));
	tcase_add_loop_test(tc, test_dist_describe, 0,
			    (int)G_N_ELEMENTS(described));
	tcase_add_test(tc, test_dist_kinds);
	tcase_add_test(tc, test_dist_fixed_and_values);
	tcase_add_test(tc, test_dist_cdf_atom);
	tcase_add_test(tc, test_dist_edges);
	suite_add_tcase(s, tc);
	return s;
}
