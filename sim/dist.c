/* dist.c — laws of non-negative quantities, variates from GSL.
 *
 * Each constructor validates its parameters, fills the arguments GSL's
 * sampler takes and the exact moments, then ends in finish(), which
 * rejects a law whose mean or variance is not a finite double.  Moments
 * that involve exponentials or Γ are computed in log space, so that an
 * overflow shows up as an infinite result there: GSL's own overflow
 * errors would go through its error handler, which aborts by default.
 */
#include "sim/dist.h"

#include <math.h>
#include <string.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_histogram.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_sf_gamma.h>
#include <gsl/gsl_sf_zeta.h>
#include <gsl/gsl_statistics_double.h>

/* The quark's name is stringified: no spaces around its dashes. */
/* clang-format off */
G_DEFINE_QUARK(sim-dist-error-quark, sim_dist_error)
/* clang-format on */

/* Below this P(X >= 0) a truncated normal is almost surely a misprint (a
 * sign error, days for hours) rather than a law someone meant, and the
 * rejection sampler would crawl. */
#define NORMAL_MIN_MASS 1e-6

struct SimDist {
	SimDistKind kind;
	/* The parameters as the user named and gave them, for messages and
	 * sim_dist_describe(); name[1] is NULL for one-parameter laws and
	 * both are NULL for tables. */
	const char *name[2];
	double given[2];
	/* What sample() passes to GSL, by kind:
	 *   fixed: a = value;          exponential: a = mean;
	 *   weibull: a = scale, b = shape (gsl_ran_weibull's order);
	 *   lognormal: a = ln median, b = sigma;
	 *   gamma: a = shape, b = scale;
	 *   normal: a = mean, b = sd (of the untruncated law);
	 *   uniform: a = min, b = max. */
	double a, b;
	double mean, variance;
	size_t n;		  /* number of values or table points */
	double *values;		  /* empirical: owned copy */
	gsl_histogram_pdf *table; /* cdf: range = x, sum = p; owned */
};

static const char *const kind_names[SIM_DIST_N_KINDS] = {
	[SIM_DIST_FIXED] = "fixed",	[SIM_DIST_EXPONENTIAL] = "exponential",
	[SIM_DIST_WEIBULL] = "weibull", [SIM_DIST_LOGNORMAL] = "lognormal",
	[SIM_DIST_GAMMA] = "gamma",	[SIM_DIST_NORMAL] = "normal",
	[SIM_DIST_UNIFORM] = "uniform", [SIM_DIST_EMPIRICAL] = "empirical",
	[SIM_DIST_CDF] = "cdf",
};

/* ---- numbers in messages ---------------------------------------------- */

enum { NUM_BUF = G_ASCII_DTOSTR_BUF_SIZE, NAME_BUF = 64 };

/* v in the C locale (a French locale would print "0,5", which a scenario
 * cannot contain) with the fewest significant digits that read back as v:
 * 0.1 prints as 0.1, not 0.10000000000000001.  Returns buf or a literal. */
static const char *fmt_num(char buf[NUM_BUF], double v)
{
	static const char *const formats[] = {
		"%.6g", "%.9g", "%.12g", "%.15g", "%.16g", "%.17g",
	};

	/* Spelled out: printf may write "-nan" for a NaN with its sign set. */
	if (isnan(v))
		return "nan";
	if (isinf(v))
		return v > 0 ? "inf" : "-inf";
	for (size_t i = 0; i < G_N_ELEMENTS(formats); i++) {
		g_ascii_formatd(buf, NUM_BUF, formats[i], v);
		if (g_ascii_strtod(buf, NULL) == v)
			break;
	}
	return buf;
}

/* ---- validation ------------------------------------------------------- */

typedef enum { ANY_FINITE, POSITIVE, NON_NEGATIVE } Rule;

/* TRUE when v is finite and follows rule; else sets
 * "<law> <qname> must be <rule> (got v)".  qname is quoted by the caller
 * so that table items can be named "'x'[3]". */
static gboolean check_value(SimDistKind kind, const char *qname, double v,
			    Rule rule, GError **error)
{
	char buf[NUM_BUF];
	const char *must = NULL;

	if (!isfinite(v))
		must = "finite";
	else if (rule == POSITIVE && !(v > 0))
		must = "> 0";
	else if (rule == NON_NEGATIVE && !(v >= 0))
		must = ">= 0";
	if (!must)
		return TRUE;
	g_set_error(error, SIM_DIST_ERROR, SIM_DIST_ERROR_PARAM,
		    "%s %s must be %s (got %s)", kind_names[kind], qname, must,
		    fmt_num(buf, v));
	return FALSE;
}

static gboolean check_param(SimDistKind kind, const char *name, double v,
			    Rule rule, GError **error)
{
	char qname[NAME_BUF];

	g_snprintf(qname, sizeof qname, "'%s'", name);
	return check_value(kind, qname, v, rule, error);
}

/* Item i of a list parameter: finite, follows rule, and (after the first)
 * >= the item before it. */
static gboolean check_item(SimDistKind kind, const char *name, const double *v,
			   size_t i, Rule rule, gboolean sorted, GError **error)
{
	char qname[NAME_BUF], b0[NUM_BUF], b1[NUM_BUF];

	g_snprintf(qname, sizeof qname, "'%s'[%zu]", name, i);
	if (!check_value(kind, qname, v[i], rule, error))
		return FALSE;
	if (!sorted || i == 0 || v[i] >= v[i - 1])
		return TRUE;
	g_set_error(error, SIM_DIST_ERROR, SIM_DIST_ERROR_PARAM,
		    "%s %s must be >= '%s'[%zu] (got %s < %s)",
		    kind_names[kind], qname, name, i - 1, fmt_num(b0, v[i]),
		    fmt_num(b1, v[i - 1]));
	return FALSE;
}

static SimDist *dist_alloc(SimDistKind kind, const char *name0, double v0,
			   const char *name1, double v1)
{
	SimDist *d = g_new0(SimDist, 1);

	d->kind = kind;
	d->name[0] = name0;
	d->given[0] = v0;
	d->name[1] = name1;
	d->given[1] = v1;
	return d;
}

/* "'shape' 0.001 and 'scale' 1000", "'rate' 1e-200", "these 'values'". */
static char *describe_given(const SimDist *d)
{
	char b0[NUM_BUF], b1[NUM_BUF];

	if (d->kind == SIM_DIST_EMPIRICAL)
		return g_strdup("these 'values'");
	if (d->kind == SIM_DIST_CDF)
		return g_strdup("these 'x'");
	if (!d->name[1])
		return g_strdup_printf("'%s' %s", d->name[0],
				       fmt_num(b0, d->given[0]));
	return g_strdup_printf("'%s' %s and '%s' %s", d->name[0],
			       fmt_num(b0, d->given[0]), d->name[1],
			       fmt_num(b1, d->given[1]));
}

/* Every constructor ends here: returns d when its moments are finite,
 * else frees it and sets an error, so that no law with an infinite or
 * NaN mean reaches the linter, the docs or the statistics. */
static SimDist *finish(SimDist *d, GError **error)
{
	if (!isfinite(d->mean) || !isfinite(d->variance)) {
		g_autofree char *given = describe_given(d);

		g_set_error(error, SIM_DIST_ERROR, SIM_DIST_ERROR_PARAM,
			    "%s: mean or variance overflows for %s",
			    kind_names[d->kind], given);
		sim_dist_free(d);
		return NULL;
	}
	/* Rounding may leave a degenerate law a variance of -1e-17. */
	if (d->variance < 0)
		d->variance = 0;
	return d;
}

/* ---- parametric laws -------------------------------------------------- */

SimDist *sim_dist_new_fixed(double value, GError **error)
{
	SimDist *d;

	g_return_val_if_fail(error == NULL || *error == NULL, NULL);
	if (!check_param(SIM_DIST_FIXED, "value", value, NON_NEGATIVE, error))
		return NULL;
	d = dist_alloc(SIM_DIST_FIXED, "value", value, NULL, 0);
	d->a = d->mean = value;
	d->variance = 0;
	return finish(d, error);
}

/* Both exponential constructors: the law by its mean, described by the
 * parameter the user gave.  1/rate of a tiny rate is inf: finish()
 * rejects it. */
static SimDist *exponential(const char *name, double given, double mean,
			    GError **error)
{
	SimDist *d = dist_alloc(SIM_DIST_EXPONENTIAL, name, given, NULL, 0);

	d->a = d->mean = mean;
	d->variance = mean * mean;
	return finish(d, error);
}

SimDist *sim_dist_new_exponential(double mean, GError **error)
{
	g_return_val_if_fail(error == NULL || *error == NULL, NULL);
	if (!check_param(SIM_DIST_EXPONENTIAL, "mean", mean, POSITIVE, error))
		return NULL;
	return exponential("mean", mean, mean, error);
}

SimDist *sim_dist_new_exponential_rate(double rate, GError **error)
{
	g_return_val_if_fail(error == NULL || *error == NULL, NULL);
	if (!check_param(SIM_DIST_EXPONENTIAL, "rate", rate, POSITIVE, error))
		return NULL;
	return exponential("rate", rate, 1.0 / rate, error);
}

/* lnΓ(1+2ε) − 2 lnΓ(1+ε), about (π²/6)ε² for a small ε = 1/shape.
 * lnΓ near 1 is accurate to ~1e-16 absolute only, which would leave a
 * shape of 1e6 a variance right to 4 digits; below ε = 0.05 the series
 * Σ_{n≥2} (−1)ⁿ ζ(n) (2ⁿ − 2) εⁿ / n is used instead (its terms shrink
 * by 2ε <= 0.1: under 20 terms). */
static double weibull_log_ratio(double eps)
{
	double sum = 0, eps_n = eps;

	if (eps >= 0.05)
		return gsl_sf_lngamma(1 + 2 * eps) -
		       2 * gsl_sf_lngamma(1 + eps);
	for (int n = 2; n < 40; n++) {
		double term;

		eps_n *= eps;
		term = gsl_sf_zeta_int(n) * (ldexp(1.0, n) - 2) * eps_n / n;
		sum += n % 2 ? -term : term;
		if (term <= 1e-18 * sum)
			break;
	}
	return sum;
}

/* Mean λΓ(1+1/k) and variance λ²(Γ(1+2/k) − Γ(1+1/k)²) through lnΓ,
 * the variance as λ²Γ(1+1/k)² (Γ(1+2/k)/Γ(1+1/k)² − 1) with expm1, free
 * of the cancellation of the textbook difference for a large shape.
 * Past 2/k = 1e7, lnΓ(1+2/k) > 1e8 while ln λ² >= −1490, so the variance
 * overflows anyway: stop there, keeping lnΓ's argument moderate. */
static void weibull_moments(SimDist *d, double k, double lambda)
{
	double ll = log(lambda), lg1;

	if (!(2.0 / k <= 1e7)) {
		d->mean = d->variance = INFINITY;
		return;
	}
	lg1 = gsl_sf_lngamma(1.0 + 1.0 / k);
	d->mean = exp(ll + lg1);
	d->variance = exp(2.0 * (ll + lg1)) * expm1(weibull_log_ratio(1 / k));
}

SimDist *sim_dist_new_weibull(double shape, double scale, GError **error)
{
	SimDist *d;

	g_return_val_if_fail(error == NULL || *error == NULL, NULL);
	if (!check_param(SIM_DIST_WEIBULL, "shape", shape, POSITIVE, error) ||
	    !check_param(SIM_DIST_WEIBULL, "scale", scale, POSITIVE, error))
		return NULL;
	d = dist_alloc(SIM_DIST_WEIBULL, "shape", shape, "scale", scale);
	d->a = scale;
	d->b = shape;
	weibull_moments(d, shape, scale);
	return finish(d, error);
}

/* ln(e^x − 1) for x >= 0, finite even where e^x overflows. */
static double log_expm1(double x)
{
	return x > 30 ? x + log1p(-exp(-x)) : log(expm1(x));
}

/* Moments from ζ = d->a and σ = d->b: mean e^(ζ+σ²/2) and variance
 * (e^σ² − 1) e^(2ζ+σ²), the latter in one exponential since a huge
 * median with a tiny sigma has a finite variance where the mean squared
 * overflows. */
static void lognormal_moments(SimDist *d)
{
	double s2 = d->b * d->b;

	d->mean = exp(d->a + s2 / 2);
	d->variance = exp(2 * d->a + s2 + log_expm1(s2));
}

SimDist *sim_dist_new_lognormal(double median, double sigma, GError **error)
{
	SimDist *d;

	g_return_val_if_fail(error == NULL || *error == NULL, NULL);
	if (!check_param(SIM_DIST_LOGNORMAL, "median", median, POSITIVE,
			 error) ||
	    !check_param(SIM_DIST_LOGNORMAL, "sigma", sigma, POSITIVE, error))
		return NULL;
	d = dist_alloc(SIM_DIST_LOGNORMAL, "median", median, "sigma", sigma);
	d->a = log(median);
	d->b = sigma;
	lognormal_moments(d);
	return finish(d, error);
}

SimDist *sim_dist_new_lognormal_mean_sd(double mean, double sd, GError **error)
{
	SimDist *d;
	double lcv, s2;

	g_return_val_if_fail(error == NULL || *error == NULL, NULL);
	if (!check_param(SIM_DIST_LOGNORMAL, "mean", mean, POSITIVE, error) ||
	    !check_param(SIM_DIST_LOGNORMAL, "sd", sd, POSITIVE, error))
		return NULL;
	d = dist_alloc(SIM_DIST_LOGNORMAL, "mean", mean, "sd", sd);
	/* σ² = ln(1 + cv²) with cv = sd/mean taken in logs: cv² may
	 * overflow (sd 1e154, mean 1e-200) where the law is still fine. */
	lcv = log(sd) - log(mean);
	s2 = lcv > 300 ? 2 * lcv : log1p(exp(2 * lcv));
	d->a = log(mean) - s2 / 2;
	d->b = sqrt(s2);
	/* The user's numbers are the exact moments: keep them rather than
	 * their round trip through ζ and σ. */
	d->mean = mean;
	d->variance = sd * sd;
	return finish(d, error);
}

SimDist *sim_dist_new_gamma(double shape, double scale, GError **error)
{
	SimDist *d;

	g_return_val_if_fail(error == NULL || *error == NULL, NULL);
	if (!check_param(SIM_DIST_GAMMA, "shape", shape, POSITIVE, error) ||
	    !check_param(SIM_DIST_GAMMA, "scale", scale, POSITIVE, error))
		return NULL;
	d = dist_alloc(SIM_DIST_GAMMA, "shape", shape, "scale", scale);
	d->a = shape;
	d->b = scale;
	d->mean = shape * scale;
	d->variance = d->mean * scale;
	return finish(d, error);
}

/* Moments of N(μ, σ²) conditioned on X >= 0: with α = −μ/σ and the
 * inverse Mills ratio λ = φ(α)/(1 − Φ(α)), mean μ + σλ and variance
 * σ²(1 − λ(λ − α)).  mass = 1 − Φ(α) > 0. */
static void normal_moments(SimDist *d, double mu, double sd, double alpha,
			   double mass)
{
	double lambda = gsl_ran_ugaussian_pdf(alpha) / mass;

	d->mean = mu + sd * lambda;
	/* λ = 0 when μ/σ is so large that α = −inf: 0·inf would be NaN. */
	d->variance = lambda > 0 ? sd * sd * (1 - lambda * (lambda - alpha))
				 : sd * sd;
}

SimDist *sim_dist_new_normal(double mean, double sd, GError **error)
{
	char b0[NUM_BUF], b1[NUM_BUF];
	double alpha, mass;
	SimDist *d;

	g_return_val_if_fail(error == NULL || *error == NULL, NULL);
	if (!check_param(SIM_DIST_NORMAL, "mean", mean, ANY_FINITE, error) ||
	    !check_param(SIM_DIST_NORMAL, "sd", sd, POSITIVE, error))
		return NULL;
	alpha = -mean / sd;
	mass = gsl_cdf_ugaussian_Q(alpha);
	if (!(mass >= NORMAL_MIN_MASS)) {
		g_set_error(error, SIM_DIST_ERROR, SIM_DIST_ERROR_PARAM,
			    "normal: P(X >= 0) is negligible for 'mean' %s "
			    "and 'sd' %s",
			    fmt_num(b0, mean), fmt_num(b1, sd));
		return NULL;
	}
	d = dist_alloc(SIM_DIST_NORMAL, "mean", mean, "sd", sd);
	d->a = mean;
	d->b = sd;
	normal_moments(d, mean, sd, alpha, mass);
	return finish(d, error);
}

SimDist *sim_dist_new_uniform(double min, double max, GError **error)
{
	char b0[NUM_BUF], b1[NUM_BUF];
	SimDist *d;

	g_return_val_if_fail(error == NULL || *error == NULL, NULL);
	if (!check_param(SIM_DIST_UNIFORM, "min", min, NON_NEGATIVE, error) ||
	    !check_param(SIM_DIST_UNIFORM, "max", max, ANY_FINITE, error))
		return NULL;
	if (max < min) {
		g_set_error(error, SIM_DIST_ERROR, SIM_DIST_ERROR_PARAM,
			    "uniform 'max' must be >= 'min' (got %s < %s)",
			    fmt_num(b0, max), fmt_num(b1, min));
		return NULL;
	}
	d = dist_alloc(SIM_DIST_UNIFORM, "min", min, "max", max);
	d->a = min;
	d->b = max;
	/* Halves first: min + max may overflow where the mean does not. */
	d->mean = min / 2 + max / 2;
	d->variance = (max - min) * (max - min) / 12;
	return finish(d, error);
}

/* ---- tables ----------------------------------------------------------- */

SimDist *sim_dist_new_empirical(const double *values, size_t n, GError **error)
{
	SimDist *d;

	g_return_val_if_fail(error == NULL || *error == NULL, NULL);
	g_return_val_if_fail(values != NULL || n == 0, NULL);
	if (n == 0) {
		g_set_error_literal(error, SIM_DIST_ERROR, SIM_DIST_ERROR_PARAM,
				    "empirical 'values' must not be empty");
		return NULL;
	}
	for (size_t i = 0; i < n; i++)
		if (!check_item(SIM_DIST_EMPIRICAL, "values", values, i,
				NON_NEGATIVE, FALSE, error))
			return NULL;
	d = dist_alloc(SIM_DIST_EMPIRICAL, NULL, 0, NULL, 0);
	d->n = n;
	d->values = g_memdup2(values, n * sizeof *values);
	/* Moments of the resampling law: divisor n, not n − 1. */
	d->mean = gsl_stats_mean(values, 1, n);
	d->variance = gsl_stats_variance_with_fixed_mean(values, 1, n, d->mean);
	return finish(d, error);
}

static gboolean check_cdf(const double *x, const double *p, size_t n,
			  GError **error)
{
	if (n < 2) {
		g_set_error(error, SIM_DIST_ERROR, SIM_DIST_ERROR_PARAM,
			    "cdf needs at least 2 points in 'x' and 'p' "
			    "(got %zu)",
			    n);
		return FALSE;
	}
	for (size_t i = 0; i < n; i++)
		if (!check_item(SIM_DIST_CDF, "x", x, i, NON_NEGATIVE, TRUE,
				error))
			return FALSE;
	for (size_t i = 0; i < n; i++)
		if (!check_item(SIM_DIST_CDF, "p", p, i, ANY_FINITE, TRUE,
				error))
			return FALSE;
	/* Exactly 0 and 1: sampling then always finds its uniform within
	 * the table, and the probabilities need no renormalising. */
	if (p[0] != 0 || p[n - 1] != 1) {
		g_set_error_literal(error, SIM_DIST_ERROR, SIM_DIST_ERROR_PARAM,
				    "cdf 'p' must start at 0 and end at 1");
		return FALSE;
	}
	return TRUE;
}

/* The law is a mixture of uniforms on [x_i, x_i+1] with weights
 * p_i+1 − p_i; its variance as the mixture's (within plus between
 * segments) has no cancellation, unlike E[X²] − E[X]². */
static void cdf_moments(SimDist *d, const double *x, const double *p, size_t n)
{
	double mean = 0, var = 0;

	for (size_t i = 0; i + 1 < n; i++)
		mean += (p[i + 1] - p[i]) * (x[i] / 2 + x[i + 1] / 2);
	for (size_t i = 0; i + 1 < n; i++) {
		double mid = x[i] / 2 + x[i + 1] / 2, width = x[i + 1] - x[i];

		var += (p[i + 1] - p[i]) *
		       ((mid - mean) * (mid - mean) + width * width / 12);
	}
	d->mean = mean;
	d->variance = var;
}

static gsl_histogram_pdf *table_new(const double *x, const double *p, size_t n)
{
	gsl_histogram_pdf *t = gsl_histogram_pdf_alloc(n - 1);

	if (!t)
		g_error("sim_dist: out of memory");
	/* Filled directly rather than by gsl_histogram_pdf_init(), which
	 * rebuilds the sums from bin weights and may end them at
	 * 1 − 1e-16: a uniform above that would make GSL's sampler fail. */
	memcpy(t->range, x, n * sizeof *x);
	memcpy(t->sum, p, n * sizeof *p);
	return t;
}

SimDist *sim_dist_new_cdf(const double *x, const double *p, size_t n,
			  GError **error)
{
	SimDist *d;

	g_return_val_if_fail(error == NULL || *error == NULL, NULL);
	g_return_val_if_fail((x != NULL && p != NULL) || n == 0, NULL);
	if (!check_cdf(x, p, n, error))
		return NULL;
	d = dist_alloc(SIM_DIST_CDF, NULL, 0, NULL, 0);
	d->n = n;
	d->table = table_new(x, p, n);
	cdf_moments(d, x, p, n);
	return finish(d, error);
}

/* ---- use -------------------------------------------------------------- */

void sim_dist_free(SimDist *d)
{
	if (!d)
		return;
	g_free(d->values);
	if (d->table)
		gsl_histogram_pdf_free(d->table);
	g_free(d);
}

SimDist *sim_dist_copy(const SimDist *d)
{
	SimDist *c;

	g_return_val_if_fail(d != NULL, NULL);
	c = g_memdup2(d, sizeof *d);
	if (d->values)
		c->values = g_memdup2(d->values, d->n * sizeof *d->values);
	if (d->table)
		c->table = table_new(d->table->range, d->table->sum, d->n);
	return c;
}

/* N(μ, σ²) conditioned on X >= 0 as μ + Y, Y drawn from N(0, σ²)
 * conditioned on Y >= −μ: GSL redraws below the bound when it is under
 * one σ and uses Marsaglia's tail method above, so even P(X >= 0) = 1e-6
 * costs a few uniforms. */
static double sample_normal(const SimDist *d, gsl_rng *r)
{
	double x = d->a + gsl_ran_gaussian_tail(r, -d->a, d->b);

	/* GSL scales by σ after comparing with the bound: a rounding may
	 * land 1 ulp below 0. */
	return x > 0 ? x : 0.0;
}

double sim_dist_sample(const SimDist *d, gsl_rng *r)
{
	g_return_val_if_fail(d != NULL && r != NULL, NAN);
	switch (d->kind) {
	case SIM_DIST_FIXED:
		return d->a;
	case SIM_DIST_EXPONENTIAL:
		return gsl_ran_exponential(r, d->a);
	case SIM_DIST_WEIBULL:
		return gsl_ran_weibull(r, d->a, d->b);
	case SIM_DIST_LOGNORMAL:
		return gsl_ran_lognormal(r, d->a, d->b);
	case SIM_DIST_GAMMA:
		return gsl_ran_gamma(r, d->a, d->b);
	case SIM_DIST_NORMAL:
		return sample_normal(d, r);
	case SIM_DIST_UNIFORM:
		return gsl_ran_flat(r, d->a, d->b);
	case SIM_DIST_EMPIRICAL:
		return d->values[gsl_rng_uniform_int(r, d->n)];
	case SIM_DIST_CDF:
		/* gsl_rng_uniform() < 1 = the table's last p: always found. */
		return gsl_histogram_pdf_sample(d->table, gsl_rng_uniform(r));
	}
	g_return_val_if_reached(NAN);
}

double sim_dist_mean(const SimDist *d)
{
	g_return_val_if_fail(d != NULL, NAN);
	return d->mean;
}

double sim_dist_variance(const SimDist *d)
{
	g_return_val_if_fail(d != NULL, NAN);
	return d->variance;
}

SimDistKind sim_dist_kind(const SimDist *d)
{
	g_return_val_if_fail(d != NULL, SIM_DIST_FIXED);
	return d->kind;
}

const char *sim_dist_kind_name(SimDistKind k)
{
	g_return_val_if_fail((int)k >= 0 && (int)k < SIM_DIST_N_KINDS, NULL);
	return kind_names[k];
}

/* "empirical(6 values in [0.5, 24])", "cdf(4 points on [0, 24])". */
static char *describe_table(const SimDist *d)
{
	char b0[NUM_BUF], b1[NUM_BUF];
	double lo, hi;

	if (d->kind == SIM_DIST_CDF) {
		lo = d->table->range[0];
		hi = d->table->range[d->n - 1];
		return g_strdup_printf("cdf(%zu points on [%s, %s])", d->n,
				       fmt_num(b0, lo), fmt_num(b1, hi));
	}
	gsl_stats_minmax(&lo, &hi, d->values, 1, d->n);
	return g_strdup_printf("empirical(%zu %s in [%s, %s])", d->n,
			       d->n == 1 ? "value" : "values", fmt_num(b0, lo),
			       fmt_num(b1, hi));
}

char *sim_dist_describe(const SimDist *d)
{
	char b0[NUM_BUF], b1[NUM_BUF];
	const char *law;

	g_return_val_if_fail(d != NULL, NULL);
	law = kind_names[d->kind];
	if (!d->name[0])
		return describe_table(d);
	if (!d->name[1])
		return g_strdup_printf("%s(%s %s)", law, d->name[0],
				       fmt_num(b0, d->given[0]));
	return g_strdup_printf("%s(%s %s, %s %s)", law, d->name[0],
			       fmt_num(b0, d->given[0]), d->name[1],
			       fmt_num(b1, d->given[1]));
}
