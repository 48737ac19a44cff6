/* dist.h — probability laws of non-negative quantities.
 *
 * Times to failure, repair times, delays and counts are drawn from a
 * SimDist: a law validated when it is built, which knows its mean and
 * variance (the linter and the docs read them) and draws variates through
 * GSL's gsl_ran_* functions on a caller's stream.
 *
 * Invariants: every sample is finite and >= 0 (laws that could go below
 * zero are truncated or rejected when built); sim_dist_mean() and
 * sim_dist_variance() are finite and exact for the law as sampled (for
 * the truncated normal, the moments of the truncated law).  A SimDist is
 * immutable once built.
 *
 * Ownership and threads: constructors copy their input arrays and return
 * a SimDist the caller owns and frees with sim_dist_free().  Sampling
 * only reads the SimDist, so one SimDist may be shared by every thread;
 * the gsl_rng is the caller's and, like any stream, used by one thread at
 * a time.
 *
 * Complexity: building is O(n) in the number of table points; a sample
 * is O(1) (amortised, for the rejection samplers of GSL), O(log n) for a
 * CDF table.
 *
 * Errors: invalid parameters are input errors (they come from scenario
 * files) reported as SIM_DIST_ERROR_PARAM with a message naming the
 * parameter as the scenario file names it, e.g.
 *     weibull 'shape' must be > 0 (got -1)
 * lowercase and without a full stop; the scenario loader prefixes
 * "file:line: ".  Numbers are printed in the C locale with the fewest
 * digits that read back as the same double.
 */
#ifndef DRSIM_SIM_DIST_H
#define DRSIM_SIM_DIST_H

#include <stddef.h>
#include <glib.h>
#include <gsl/gsl_rng.h>

typedef enum {
	SIM_DIST_FIXED,
	SIM_DIST_EXPONENTIAL,
	SIM_DIST_WEIBULL,
	SIM_DIST_LOGNORMAL,
	SIM_DIST_GAMMA,
	SIM_DIST_NORMAL,
	SIM_DIST_UNIFORM,
	SIM_DIST_EMPIRICAL,
	SIM_DIST_CDF,
} SimDistKind;

/* Number of kinds, for tables indexed by SimDistKind. */
#define SIM_DIST_N_KINDS ((int)SIM_DIST_CDF + 1)

typedef struct SimDist SimDist;

#define SIM_DIST_ERROR (sim_dist_error_quark())
GQuark sim_dist_error_quark(void);

typedef enum {
	SIM_DIST_ERROR_PARAM, /* a parameter is out of its domain */
} SimDistError;

/* Constructors.  Each returns a new SimDist (caller owns it), or NULL
 * with *error set (SIM_DIST_ERROR_PARAM) when a parameter is not finite,
 * breaks the rule given below, or makes the mean or the variance overflow
 * a double (e.g. weibull shape 1e-3, where Γ(1 + 2/shape) overflows).
 * Passing error == NULL or *error == NULL is required, as in GLib. */

/* Always `value` (>= 0). */
SimDist *sim_dist_new_fixed(double value, GError **error);

/* Exponential of the given mean (> 0, hours). */
SimDist *sim_dist_new_exponential(double mean, GError **error);

/* Exponential of the given rate (> 0, per hour): mean 1/rate.  Same kind
 * as sim_dist_new_exponential(); described by its rate. */
SimDist *sim_dist_new_exponential_rate(double rate, GError **error);

/* Weibull, P(X > x) = exp(-(x/scale)^shape), shape > 0, scale > 0. */
SimDist *sim_dist_new_weibull(double shape, double scale, GError **error);

/* Lognormal of the given median (> 0) and sigma (> 0, the sd of ln X). */
SimDist *sim_dist_new_lognormal(double median, double sigma, GError **error);

/* Lognormal of the given mean (> 0) and standard deviation (> 0) of X
 * itself.  Same kind as sim_dist_new_lognormal(); described by mean, sd. */
SimDist *sim_dist_new_lognormal_mean_sd(double mean, double sd, GError **error);

/* Gamma of the given shape (> 0) and scale (> 0): mean shape * scale. */
SimDist *sim_dist_new_gamma(double shape, double scale, GError **error);

/* N(mean, sd²) truncated at 0: draws below 0 are redrawn, so the law is
 * N(mean, sd²) conditioned on X >= 0.  sd > 0; mean may be any finite
 * number, negative included, as long as P(X >= 0) >= 1e-6 under the
 * untruncated law (else the law is a misprint and is rejected).
 * sim_dist_mean() returns the mean of the truncated law,
 * mean + sd * φ(a) / (1 − Φ(a)) with a = −mean/sd, not `mean`. */
SimDist *sim_dist_new_normal(double mean, double sd, GError **error);

/* Uniform on [min, max], 0 <= min <= max (min == max is a fixed value). */
SimDist *sim_dist_new_uniform(double min, double max, GError **error);

/* Resamples uniformly among the n >= 1 observed values (each >= 0;
 * repeats count as weights).  values: borrowed, copied. */
SimDist *sim_dist_new_empirical(const double *values, size_t n, GError **error);

/* A CDF table: P(X <= x[i]) = p[i] for n >= 2 points, linearly
 * interpolated in between (piecewise uniform density).  x: >= 0,
 * non-decreasing (two equal x make an atom of the probability between
 * them); p: non-decreasing, p[0] = 0, p[n-1] = 1 (a flat step holds no
 * probability).  x and p: borrowed, copied; both of length n (the caller
 * checks that the scenario gave lists of the same length). */
SimDist *sim_dist_new_cdf(const double *x, const double *p, size_t n,
			  GError **error);

/* Frees d; accepts NULL. */
void sim_dist_free(SimDist *d);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(SimDist, sim_dist_free)

/* A deep copy of d (caller owns it).  Never returns NULL for a valid d. */
SimDist *sim_dist_copy(const SimDist *d);

/* One variate of d, drawn from r (borrowed, advanced).  Always finite and
 * >= 0.  Reads d only: safe on a SimDist shared between threads. */
double sim_dist_sample(const SimDist *d, gsl_rng *r);

/* The law's mean and variance: finite, >= 0.  NAN if d is NULL. */
double sim_dist_mean(const SimDist *d);
double sim_dist_variance(const SimDist *d);

/* The kind of law d is. */
SimDistKind sim_dist_kind(const SimDist *d);

/* The kind's name as written in scenario files ("fixed", "exponential",
 * "weibull", "lognormal", "gamma", "normal", "uniform", "empirical",
 * "cdf"): static, never freed.  NULL for a value outside the enum. */
const char *sim_dist_kind_name(SimDistKind k);

/* A one-line description with the parameters as the law was built, e.g.
 * "weibull(shape 2, scale 1000)", "exponential(rate 0.4)",
 * "empirical(6 values in [0.5, 24])", "cdf(4 points on [0, 24])".
 * Caller g_free()s it.  Never returns NULL for a valid d. */
char *sim_dist_describe(const SimDist *d);

#endif
