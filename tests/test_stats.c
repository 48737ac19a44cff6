/* test_stats.c — Welford moments, t intervals and the DDSketch. */
#include <string.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>

#include "sim/rng.h"
#include "sim/stats.h"
#include "testutil.h"

/* The bucket ratio of the default sketch. */
#define GAMMA ((1 + SIM_SKETCH_ALPHA) / (1 - SIM_SKETCH_ALPHA))

/* |a − b| ≤ rel·|b|. */
#define assert_rel(a, b, rel) assert_close(a, b, (rel)*fabs(b))

static gboolean same_bits(double a, double b)
{
	return memcmp(&a, &b, sizeof a) == 0;
}

static gboolean welford_identical(const SimWelford *a, const SimWelford *b)
{
	return a->n == b->n && same_bits(a->mean, b->mean) &&
	       same_bits(a->m2, b->m2) && same_bits(a->min, b->min) &&
	       same_bits(a->max, b->max);
}

/* ---- Welford ------------------------------------------------------------ */

enum { NW = 10000 };

static double *lognormal_sample(uint64_t seed, size_t n)
{
	gsl_rng *r = sim_rng_new(seed, 0, "lognormal");
	double *x = g_new(double, n);

	for (size_t i = 0; i < n; i++)
		x[i] = gsl_ran_lognormal(r, 1.0, 1.5);
	sim_rng_free(r);
	return x;
}

/* Welford agrees with GSL's two-pass mean and variance. */
START_TEST(test_welford_two_pass)
{
	double *x = lognormal_sample(11, NW);
	SimWelford w = SIM_WELFORD_INIT;

	for (size_t i = 0; i < NW; i++)
		sim_welford_add(&w, x[i]);
	ck_assert_uint_eq(w.n, NW);
	assert_rel(sim_welford_mean(&w), gsl_stats_mean(x, 1, NW), 1e-12);
	assert_rel(sim_welford_variance(&w), gsl_stats_variance(x, 1, NW),
		   1e-12);
	assert_rel(sim_welford_stderr(&w), gsl_stats_sd(x, 1, NW) / sqrt(NW),
		   1e-12);
	ck_assert(w.min == gsl_stats_min(x, 1, NW));
	ck_assert(w.max == gsl_stats_max(x, 1, NW));
	g_free(x);
}
END_TEST

/* Seven uneven chunks merged give the sequential result, min and max
 * exactly; the same merges twice give the same bits. */
START_TEST(test_welford_merge)
{
	static const size_t cut[] = {0, 1, 2, 500, 517, 4000, 9999, NW};
	double *x = lognormal_sample(12, NW);
	SimWelford seq = SIM_WELFORD_INIT, all[2];

	for (size_t i = 0; i < NW; i++)
		sim_welford_add(&seq, x[i]);
	for (int twice = 0; twice < 2; twice++) {
		sim_welford_init(&all[twice]);
		for (size_t c = 0; c + 1 < G_N_ELEMENTS(cut); c++) {
			SimWelford part = SIM_WELFORD_INIT;
			for (size_t i = cut[c]; i < cut[c + 1]; i++)
				sim_welford_add(&part, x[i]);
			sim_welford_merge(&all[twice], &part);
		}
	}
	ck_assert(welford_identical(&all[0], &all[1]));
	ck_assert_uint_eq(all[0].n, NW);
	assert_rel(sim_welford_mean(&all[0]), sim_welford_mean(&seq), 1e-12);
	assert_rel(sim_welford_variance(&all[0]), sim_welford_variance(&seq),
		   1e-12);
	ck_assert(all[0].min == seq.min && all[0].max == seq.max);
	g_free(x);
}
END_TEST

/* An empty accumulator merged either way is the identity, bit for bit. */
START_TEST(test_welford_merge_empty)
{
	SimWelford w = SIM_WELFORD_INIT, empty = SIM_WELFORD_INIT;
	SimWelford before, into = SIM_WELFORD_INIT;

	for (int i = 0; i < 10; i++)
		sim_welford_add(&w, 0.1 * i * i);
	before = w;
	sim_welford_merge(&w, &empty);
	ck_assert(welford_identical(&w, &before));
	sim_welford_merge(&into, &w);
	ck_assert(welford_identical(&into, &before));
	sim_welford_merge(&empty, &(SimWelford)SIM_WELFORD_INIT);
	ck_assert_uint_eq(empty.n, 0);
	ck_assert(isnan(sim_welford_mean(&empty)));
}
END_TEST

/* n = 0, n = 1 and a zero-variance sample. */
START_TEST(test_welford_edges)
{
	SimWelford w;
	double lo = 0, hi = 0;

	sim_welford_init(&w);
	ck_assert(isnan(sim_welford_mean(&w)));
	ck_assert(isnan(sim_welford_variance(&w)));
	ck_assert(isnan(sim_welford_stderr(&w)));
	ck_assert(!sim_welford_ci(&w, 0.95, &lo, &hi));
	ck_assert(isnan(lo) && isnan(hi));
	ck_assert(isinf(w.min) && w.min > 0 && isinf(w.max) && w.max < 0);

	sim_welford_add(&w, 2.5);
	ck_assert(sim_welford_mean(&w) == 2.5);
	ck_assert(isnan(sim_welford_variance(&w)));
	ck_assert(isnan(sim_welford_stderr(&w)));
	lo = hi = 0;
	ck_assert(!sim_welford_ci(&w, 0.95, &lo, &hi));
	ck_assert(isnan(lo) && isnan(hi));
	ck_assert(w.min == 2.5 && w.max == 2.5);

	for (int i = 0; i < 4; i++)
		sim_welford_add(&w, 2.5);
	ck_assert(sim_welford_variance(&w) == 0);
	ck_assert(sim_welford_ci(&w, 0.95, &lo, &hi));
	ck_assert(lo == 2.5 && hi == 2.5);
}
END_TEST

/* ---- t quantiles and intervals ----------------------------------------- */

static const struct {
	double p, dof, t, tol;
} t_table[] = {
	{0.975, 9, 2.262157, 1e-6},
	{0.025, 9, -2.262157, 1e-6},
	{0.975, 1, 12.7062, 1e-4},
	{0.975, 1e6, 1.959964, 1e-5},
	{0.975, INFINITY, 1.959964, 1e-6},
	{0.95, 4, 2.131847, 1e-6},
	{0.5, 3, 0.0, 1e-12},
};

START_TEST(test_t_quantile)
{
	assert_close(sim_t_quantile(t_table[_i].p, t_table[_i].dof),
		     t_table[_i].t, t_table[_i].tol);
}
END_TEST

static const size_t ci_sizes[] = {10, 3};

/* 4 000 samples of N(3, 2): the fraction of 95 % intervals containing 3
 * is a binomial proportion, SE sqrt(0.95·0.05/4000) = 0.0034.  The same
 * samples with the normal quantile 1.96 instead of t must fall outside
 * the band (coverage about 0.92 at n = 10 and 0.81 at n = 3), so this
 * test does tell t from z. */
START_TEST(test_ci_coverage)
{
	enum { SAMPLES = 4000 };
	const size_t n = ci_sizes[_i];
	const double se = sqrt(0.95 * 0.05 / SAMPLES);
	gsl_rng *r = sim_rng_new(2024, n, "ci");
	int hit_t = 0, hit_z = 0;

	for (int s = 0; s < SAMPLES; s++) {
		SimWelford w = SIM_WELFORD_INIT;
		double lo, hi;
		for (size_t i = 0; i < n; i++)
			sim_welford_add(&w, 3.0 + gsl_ran_gaussian(r, 2.0));
		ck_assert(sim_welford_ci(&w, 0.95, &lo, &hi));
		hit_t += lo <= 3.0 && 3.0 <= hi;
		double half_z = 1.959964 * sim_welford_stderr(&w);
		hit_z += fabs(sim_welford_mean(&w) - 3.0) <= half_z;
	}
	assert_within_se((double)hit_t / SAMPLES, 0.95, se, 4, 0.0035);
	ck_assert_msg((double)hit_z / SAMPLES < 0.95 - 4 * se,
		      "z coverage %g: the test cannot tell t from z",
		      (double)hit_z / SAMPLES);
	sim_rng_free(r);
}
END_TEST

/* ---- sketch ------------------------------------------------------------- */

enum { NS = 100000 };

/* clang-format off */
static const double qs[] = {0, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95,
			    0.99, 0.999, 1};
/* clang-format on */

typedef enum { EXPO, LOGNORMAL, UNIFORM, ZEROS, N_DATASETS } Dataset;

static double draw(gsl_rng *r, Dataset d)
{
	switch (d) {
	case EXPO:
		return gsl_ran_exponential(r, 4.0);
	case LOGNORMAL:
		return gsl_ran_lognormal(r, 0.0, 2.0);
	case UNIFORM:
		return gsl_ran_flat(r, 0.0, 100.0);
	case ZEROS: /* RPO-like: 30 % without loss */
		return gsl_rng_uniform(r) < 0.3 ? 0.0
						: gsl_ran_exponential(r, 24.0);
	default:
		g_assert_not_reached();
	}
}

static double *dataset(Dataset d, size_t n)
{
	gsl_rng *r = sim_rng_new(77, (uint64_t)d, "sketch");
	double *x = g_new(double, n);

	for (size_t i = 0; i < n; i++)
		x[i] = draw(r, d);
	sim_rng_free(r);
	return x;
}

static SimSketch *sketch_of(const double *x, size_t from, size_t to)
{
	SimSketch *s = sim_sketch_new(SIM_SKETCH_ALPHA);

	for (size_t i = from; i < to; i++)
		sim_sketch_add(s, x[i]);
	return s;
}

/* The exact lower quantile x_(r), r = floor(q·(n − 1)), of sorted x. */
static double exact_quantile(const double *sorted, size_t n, double q)
{
	return sorted[(size_t)floor(q * (double)(n - 1))];
}

/* est is within a factor 1 ± alpha of exact (0 exactly when exact is). */
static void assert_relative(double est, double exact, double q)
{
	if (exact == 0) {
		ck_assert_msg(est == 0, "q %g: %g for an exact 0", q, est);
		return;
	}
	ck_assert_msg(fabs(est - exact) <= SIM_SKETCH_ALPHA * exact,
		      "q %g: %.9g vs exact %.9g, relative error %.4g", q, est,
		      exact, fabs(est - exact) / exact);
}

START_TEST(test_sketch_accuracy)
{
	double *x = dataset((Dataset)_i, NS);
	SimSketch *s = sketch_of(x, 0, NS);

	gsl_sort(x, 1, NS);
	ck_assert_uint_eq(sim_sketch_count(s), NS);
	ck_assert(sim_sketch_min(s) == x[0]);
	ck_assert(sim_sketch_max(s) == x[NS - 1]);
	for (size_t j = 0; j < G_N_ELEMENTS(qs); j++)
		assert_relative(sim_sketch_quantile(s, qs[j]),
				exact_quantile(x, NS, qs[j]), qs[j]);
	ck_assert(sim_sketch_quantile(s, 0) == x[0]);
	ck_assert(sim_sketch_quantile(s, 1) == x[NS - 1]);
	ck_assert_uint_le(sim_sketch_bucket_count(s), SIM_SKETCH_MAX_BUCKETS);
	sim_sketch_free(s);
	g_free(x);
}
END_TEST

/* a and b give the same bits for every quantile on a fine grid. */
static void assert_same_sketch(const SimSketch *a, const SimSketch *b)
{
	ck_assert_uint_eq(sim_sketch_count(a), sim_sketch_count(b));
	ck_assert(same_bits(sim_sketch_min(a), sim_sketch_min(b)));
	ck_assert(same_bits(sim_sketch_max(a), sim_sketch_max(b)));
	for (int i = 0; i <= 1000; i++) {
		double q = i / 1000.0;
		ck_assert_msg(same_bits(sim_sketch_quantile(a, q),
					sim_sketch_quantile(b, q)),
			      "q %g: %.17g vs %.17g", q,
			      sim_sketch_quantile(a, q),
			      sim_sketch_quantile(b, q));
	}
}

/* Five uneven chunks, merged forwards and backwards, give quantiles
 * bit-identical to the sketch of the whole. */
static void check_chunk_merges(const double *x, size_t n)
{
	const size_t cut[] = {0, 3, n / 7, n / 2, n / 2 + 1, n};
	SimSketch *whole = sketch_of(x, 0, n);
	SimSketch *fwd = sim_sketch_new(SIM_SKETCH_ALPHA);
	SimSketch *bwd = sim_sketch_new(SIM_SKETCH_ALPHA);

	for (size_t c = 0; c + 1 < G_N_ELEMENTS(cut); c++) {
		SimSketch *a = sketch_of(x, cut[c], cut[c + 1]);
		size_t rc = G_N_ELEMENTS(cut) - 2 - c;
		SimSketch *b = sketch_of(x, cut[rc], cut[rc + 1]);
		sim_sketch_merge(fwd, a);
		sim_sketch_merge(b, bwd); /* merge into the new chunk */
		sim_sketch_free(bwd);
		bwd = b;
		sim_sketch_free(a);
	}
	assert_same_sketch(fwd, whole);
	assert_same_sketch(bwd, whole);
	sim_sketch_free(whole);
	sim_sketch_free(fwd);
	sim_sketch_free(bwd);
}

START_TEST(test_sketch_merge)
{
	double *x = dataset((Dataset)_i, NS);

	check_chunk_merges(x, NS);
	g_free(x);
}
END_TEST

/* Exact fraction of the n values of x that are <= y. */
static double exact_fraction_le(const double *x, size_t n, double y)
{
	size_t le = 0;

	for (size_t i = 0; i < n; i++)
		le += x[i] <= y;
	return (double)le / (double)n;
}

/* 1e6 log-uniform values over 1e-6..1e12 span 2072 keys at alpha = 1 %:
 * the lowest buckets collapse, the memory stays under the cap, the upper
 * quantiles keep their guarantee, merges stay exact.  Half the values come
 * in ascending order to exercise the window sliding up at the cap. */
START_TEST(test_sketch_collapse)
{
	enum { N = 1000000 };
	gsl_rng *r = sim_rng_new(5, 0, "collapse");
	double *x = g_new(double, N);
	SimSketch *s = sim_sketch_new(SIM_SKETCH_ALPHA);

	for (size_t i = 0; i < N; i++)
		x[i] = 1e-6 * pow(10.0, 18.0 * gsl_rng_uniform(r));
	gsl_sort(x, 1, N / 2);
	for (size_t i = 0; i < N; i++) {
		sim_sketch_add(s, x[i]);
		if (i % 1000 == 0)
			ck_assert_uint_le(sim_sketch_bucket_count(s),
					  SIM_SKETCH_MAX_BUCKETS);
	}
	ck_assert_uint_le(sim_sketch_bucket_count(s), SIM_SKETCH_MAX_BUCKETS);
	check_chunk_merges(x, N);
	gsl_sort(x, 1, N);
	ck_assert(sim_sketch_min(s) == x[0] && sim_sketch_max(s) == x[N - 1]);
	/* The collapsed bucket holds about 25/2072 = 1.2 % of the values:
	 * from q = 0.1 up the guarantee holds, at q = 0.001 it is lost. */
	for (size_t j = 2; j < G_N_ELEMENTS(qs); j++)
		assert_relative(sim_sketch_quantile(s, qs[j]),
				exact_quantile(x, N, qs[j]), qs[j]);
	double low = exact_quantile(x, N, 0.001);
	ck_assert_uint_eq(sim_sketch_bucket_count(s), SIM_SKETCH_MAX_BUCKETS);
	ck_assert(fabs(sim_sketch_quantile(s, 0.001) - low) >
		  SIM_SKETCH_ALPHA * low);
	/* No count is lost by collapsing: fractions stay within a bucket. */
	for (double y = 1e-5; y < 1e12; y *= 10) {
		double f = sim_sketch_fraction_le(s, y);
		ck_assert_msg(f >= exact_fraction_le(x, N, y) &&
				      f <= exact_fraction_le(x, N, GAMMA * y),
			      "fraction_le(%g) = %g", y, f);
	}
	sim_sketch_free(s);
	sim_rng_free(r);
	g_free(x);
}
END_TEST

/* fraction_le on 0, 0, 1, 2, ..., 10: exact outside [min, max) and where
 * no value shares the bucket of x; elsewhere between the exact fraction at
 * x and at gamma·x, as documented. */
START_TEST(test_sketch_fraction_le)
{
	const double x[] = {0, -0.0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
	const size_t n = G_N_ELEMENTS(x);
	SimSketch *s = sim_sketch_new(SIM_SKETCH_ALPHA);

	ck_assert(isnan(sim_sketch_fraction_le(s, 1.0)));
	for (size_t i = 0; i < n; i++)
		sim_sketch_add(s, x[i]);
	ck_assert(same_bits(sim_sketch_min(s), 0.0)); /* not -0 */
	ck_assert(sim_sketch_fraction_le(s, -1) == 0);
	ck_assert(sim_sketch_fraction_le(s, 0) == 2.0 / 12);
	ck_assert(sim_sketch_fraction_le(s, 0.5) == 2.0 / 12);
	ck_assert(sim_sketch_fraction_le(s, 1) == 3.0 / 12);
	ck_assert(sim_sketch_fraction_le(s, 5) == 7.0 / 12);
	ck_assert(sim_sketch_fraction_le(s, 5.5) == 7.0 / 12);
	ck_assert(sim_sketch_fraction_le(s, 10) == 1);
	ck_assert(sim_sketch_fraction_le(s, 1e300) == 1);
	int inexact = 0;
	for (int j = 0; j <= 10000; j++) {
		double y = 0.001 * j, f = sim_sketch_fraction_le(s, y);
		ck_assert_msg(f >= exact_fraction_le(x, n, y) &&
				      f <= exact_fraction_le(x, n, GAMMA * y),
			      "fraction_le(%g) = %g", y, f);
		inexact += f != exact_fraction_le(x, n, y);
	}
	/* Just below each integer, its bucket already counts it. */
	ck_assert_int_gt(inexact, 0);
	/* Quantiles of the same set: the zeros come back as 0; the median
	 * is x_(5) = 4 (lower quantile, r = floor(0.5 · 11)). */
	ck_assert(sim_sketch_quantile(s, 0.05) == 0);
	ck_assert(sim_sketch_quantile(s, 0.1) == 0);
	ck_assert(sim_sketch_quantile(s, 0.2) != 0);
	assert_relative(sim_sketch_quantile(s, 0.5), 4, 0.5);
	sim_sketch_free(s);
}
END_TEST

/* copy is independent; clear empties and keeps the memory; the empty
 * sketch answers NAN. */
START_TEST(test_sketch_copy_clear)
{
	double *x = dataset(LOGNORMAL, 1000);
	SimSketch *s = sketch_of(x, 0, 1000);
	SimSketch *c = sim_sketch_copy(s);
	size_t mem = sim_sketch_bucket_count(s);

	assert_same_sketch(c, s);
	sim_sketch_clear(s);
	ck_assert_uint_eq(sim_sketch_count(s), 0);
	ck_assert_uint_eq(sim_sketch_bucket_count(s), mem);
	ck_assert(isnan(sim_sketch_quantile(s, 0.5)));
	ck_assert(isnan(sim_sketch_min(s)) && isnan(sim_sketch_max(s)));
	ck_assert_uint_eq(sim_sketch_count(c), 1000);
	for (size_t i = 0; i < 1000; i++)
		sim_sketch_add(s, x[i]);
	assert_same_sketch(s, c);
	sim_sketch_free(s);
	sim_sketch_free(c);
	sim_sketch_free(NULL);
	g_free(x);
}
END_TEST

/* ---- serialization ------------------------------------------------------ */

/* A value read back gives the same figures, and the same bits after
 * further adds and merges: for moments, and for sketches of every data
 * set, the collapsed one (a span at the cap) and an empty one. */
START_TEST(test_welford_variant_round_trip)
{
	double *x = lognormal_sample(11, NW);
	SimWelford a = SIM_WELFORD_INIT, b = SIM_WELFORD_INIT, back, empty;
	SimWelford e = SIM_WELFORD_INIT;

	for (size_t i = 0; i < NW / 2; i++)
		sim_welford_add(&a, x[i]);
	for (size_t i = NW / 2; i < NW; i++)
		sim_welford_add(&b, x[i]);
	g_autoptr(GVariant) v = g_variant_ref_sink(sim_welford_to_variant(&a));
	ck_assert(sim_welford_from_variant(v, &back, NULL));
	ck_assert(welford_identical(&a, &back));
	sim_welford_merge(&a, &b);
	sim_welford_merge(&back, &b);
	ck_assert(welford_identical(&a, &back));
	g_autoptr(GVariant) ve = g_variant_ref_sink(sim_welford_to_variant(&e));
	ck_assert(sim_welford_from_variant(ve, &empty, NULL));
	ck_assert(welford_identical(&e, &empty));
	g_free(x);
}
END_TEST

static void sketch_round_trip(const double *x, size_t n)
{
	SimSketch *a = sketch_of(x, 0, n / 2), *rest = sketch_of(x, n / 2, n);
	g_autoptr(GVariant) v = g_variant_ref_sink(sim_sketch_to_variant(a));
	GError *error = NULL;
	SimSketch *back = sim_sketch_from_variant(v, &error);

	ck_assert_msg(back, "%s", error ? error->message : "?");
	assert_same_sketch(a, back);
	sim_sketch_merge(a, rest);
	sim_sketch_merge(back, rest);
	assert_same_sketch(a, back);
	sim_sketch_free(a);
	sim_sketch_free(back);
	sim_sketch_free(rest);
}

START_TEST(test_sketch_variant_round_trip)
{
	enum { N = 20000 };
	double *x = dataset((Dataset)_i, N);

	sketch_round_trip(x, N);
	sketch_round_trip(x, 0);	/* empty */
	g_free(x);
}
END_TEST

START_TEST(test_sketch_variant_collapsed)
{
	enum { N = 100000 };
	gsl_rng *r = sim_rng_new(5, 0, "collapse");
	double *x = g_new(double, N);

	for (size_t i = 0; i < N; i++)
		x[i] = 1e-6 * pow(10.0, 18.0 * gsl_rng_uniform(r));
	sketch_round_trip(x, N);
	sim_rng_free(r);
	g_free(x);
}
END_TEST

/* Values that cannot come from a sketch or moments are refused: a wrong
 * type, counters not adding up to the count, an empty edge bucket, a
 * span past the cap, alpha out of (0, 1), NaN. */
START_TEST(test_stats_variant_refused)
{
	static const guint64 ok[] = { 2, 1 }, gap[] = { 0, 3 };
	guint64 *wide = g_new0(guint64, SIM_SKETCH_MAX_BUCKETS + 1);
	GVariant *bad[7];
	SimWelford w;

	wide[0] = wide[SIM_SKETCH_MAX_BUCKETS] = 1;
#define BINS(a, n) g_variant_new_fixed_array(G_VARIANT_TYPE_UINT64, a, n, 8)
	bad[0] = g_variant_new("(td)", (guint64)1, 1.0);
	bad[1] = g_variant_new("(dttddx@at)", 0.01, (guint64)4, (guint64)0,
			       1.0, 2.0, (gint64)3, BINS(ok, 2));
	bad[2] = g_variant_new("(dttddx@at)", 0.01, (guint64)3, (guint64)0,
			       1.0, 2.0, (gint64)3, BINS(gap, 2));
	bad[3] = g_variant_new("(dttddx@at)", 0.01, (guint64)2, (guint64)0,
			       1.0, 2.0, (gint64)3,
			       BINS(wide, SIM_SKETCH_MAX_BUCKETS + 1));
	bad[4] = g_variant_new("(dttddx@at)", 1.5, (guint64)3, (guint64)0,
			       1.0, 2.0, (gint64)3, BINS(ok, 2));
	bad[5] = g_variant_new("(dttddx@at)", 0.01, (guint64)3, (guint64)0,
			       NAN, 2.0, (gint64)3, BINS(ok, 2));
	bad[6] = g_variant_new("(tdddd)", (guint64)3, NAN, 0.0, 1.0, 2.0);
#undef BINS
	for (guint i = 0; i < G_N_ELEMENTS(bad); i++) {
		GError *error = NULL;
		g_variant_ref_sink(bad[i]);
		if (i == 6 || i == 0) {
			ck_assert(!sim_welford_from_variant(bad[i], &w, &error));
		} else {
			ck_assert_ptr_null(sim_sketch_from_variant(bad[i], &error));
		}
		ck_assert(g_error_matches(error, SIM_STATS_ERROR,
					  SIM_STATS_ERROR_INVALID));
		g_error_free(error);
		g_variant_unref(bad[i]);
	}
	g_free(wide);
}
END_TEST

Suite *stats_suite(void)
{
	Suite *s = suite_create("stats");
	TCase *tw = tcase_create("welford");
	TCase *tk = tcase_create("sketch");

	tcase_add_test(tw, test_welford_two_pass);
	tcase_add_test(tw, test_welford_merge);
	tcase_add_test(tw, test_welford_merge_empty);
	tcase_add_test(tw, test_welford_edges);
	tcase_add_loop_test(tw, test_t_quantile, 0, (int)G_N_ELEMENTS(t_table));
	tcase_add_loop_test(tw, test_ci_coverage, 0,
			    (int)G_N_ELEMENTS(ci_sizes));
	suite_add_tcase(s, tw);

	tcase_add_loop_test(tk, test_sketch_accuracy, 0, N_DATASETS);
	tcase_add_loop_test(tk, test_sketch_merge, 0, N_DATASETS);
	tcase_add_test(tk, test_sketch_collapse);
	tcase_add_test(tk, test_sketch_fraction_le);
	tcase_add_test(tk, test_sketch_copy_clear);
	tcase_add_test(tw, test_welford_variant_round_trip);
	tcase_add_loop_test(tk, test_sketch_variant_round_trip, 0, N_DATASETS);
	tcase_add_test(tk, test_sketch_variant_collapsed);
	tcase_add_test(tk, test_stats_variant_refused);
	suite_add_tcase(s, tk);
	return s;
}
