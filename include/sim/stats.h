/* stats.h — mergeable accumulators for the results of replications.
 *
 * Each replication (one thread today, one MPI rank tomorrow) records into
 * its own accumulators; the runner then merges them.  Two kinds:
 *
 * SimWelford — streaming mean, variance, min and max of a scalar (one
 *   value per replication: availability, cost, downtime per year).  A plain
 *   value type: copy it with `=`, no allocation, nothing to free.  Values
 *   are added by Welford's update and accumulators merge by the pairwise
 *   update of Chan, Golub & LeVeque, both numerically stable (no sum of
 *   squares).  Merging is deterministic: the same sequence of merges gives
 *   the same bits, but merging in another order may change the last bits
 *   of the mean and variance (floating-point addition is not associative),
 *   so the runner must merge in a fixed order (by replication index).
 *   Min and max are exact in any order.  O(1) time and memory.
 *
 * SimSketch — quantiles of a non-negative quantity with many values
 *   (every incident's RTO, RPO, data loss): a DDSketch (Masson, Rim & Lee,
 *   VLDB 2019).  Guarantee: every quantile it returns is within a factor
 *   (1 ± alpha) of the exact sample quantile (defined at
 *   sim_sketch_quantile()), alpha = SIM_SKETCH_ALPHA = 1 % by default.
 *   Values fall into log-spaced buckets, gamma = (1 + alpha) / (1 − alpha),
 *   key k = ceil(log_gamma(x)), bucket k = (gamma^(k−1), gamma^k]; a dense
 *   array counts the keys seen so far.  Values below SIM_SKETCH_MIN_VALUE
 *   (exact zeros above all: an RPO of 0 is common) go to a separate zero
 *   counter and come back as 0.  Counts are integers, so merging is exact
 *   and order-independent: any merge tree of the same observations gives
 *   bit-identical quantiles.
 *   Memory is independent of the number of observations: at most
 *   SIM_SKETCH_MAX_BUCKETS counters (2048 at alpha = 1 % span a factor of
 *   about 6e17 between the smallest and the largest value).  Beyond that
 *   span the LOWEST buckets collapse into one (DDSketch's collapsing
 *   strategy): the upper quantiles keep the guarantee, only the lowest
 *   quantiles, those falling into the collapsed bucket, lose it.
 *   sim_sketch_add() is O(1) amortised (one log()); a quantile costs
 *   O(number of buckets).
 *
 * Ownership: a SimSketch is owned by whoever called sim_sketch_new() or
 * sim_sketch_copy(), and freed with sim_sketch_free().  Pointer arguments
 * are borrowed.  Nothing here is thread-safe: one accumulator, one thread
 * at a time (which is how the runner uses them: merge after the join).
 */
#ifndef DRSIM_SIM_STATS_H
#define DRSIM_SIM_STATS_H

#include <math.h>
#include <stddef.h>
#include <glib.h>

/* ---- streaming moments -------------------------------------------------- */

/* n values seen; their mean; m2 = sum of squared deviations from the mean;
 * exact min and max (+inf and −inf when n = 0). */
typedef struct {
	guint64 n;
	double mean, m2, min, max;
} SimWelford;

/* clang-format off */
#define SIM_WELFORD_INIT { 0, 0.0, 0.0, INFINITY, -INFINITY }
/* clang-format on */

/* Empties w (same as assigning SIM_WELFORD_INIT). */
void sim_welford_init(SimWelford *w);

/* Adds one value; x must be finite (else a critical and w is unchanged). */
void sim_welford_add(SimWelford *w, double x);

/* Adds everything `from` has seen to `into`; `from` is unchanged.
 * Merging an empty accumulator, either way, is the identity (bit for bit).
 * into == from is allowed (counts every value twice). */
void sim_welford_merge(SimWelford *into, const SimWelford *from);

/* Mean; NAN when n = 0. */
double sim_welford_mean(const SimWelford *w);

/* Sample variance (divisor n − 1); NAN when n < 2. */
double sim_welford_variance(const SimWelford *w);

/* Standard error of the mean, sqrt(variance / n); NAN when n < 2. */
double sim_welford_stderr(const SimWelford *w);

/* Student-t confidence interval for the mean at the given level in (0, 1)
 * (0.95 for "95 %"): mean ± t_{(1+level)/2, n−1} · stderr.  Returns FALSE
 * and sets *lo = *hi = NAN when n < 2 (or level is out of range, a
 * critical).  A zero-variance sample gives *lo = *hi = mean.  lo and hi are
 * borrowed, not NULL. */
gboolean sim_welford_ci(const SimWelford *w, double level, double *lo,
			double *hi);

/* The p-quantile of Student's t with dof > 0 degrees of freedom
 * (dof = INFINITY gives the standard normal's); p in [0, 1], p = 0 and 1
 * give −inf and +inf.  NAN (and a critical) for arguments out of range. */
double sim_t_quantile(double p, double dof);

/* ---- quantile sketch ---------------------------------------------------- */

#define SIM_SKETCH_ALPHA       0.01 /* default relative accuracy */
#define SIM_SKETCH_MAX_BUCKETS 2048 /* hard cap on bucket counters */
#define SIM_SKETCH_MIN_VALUE   1e-9 /* below this, a value counts as 0 */

typedef struct SimSketch SimSketch;

/* A new empty sketch of relative accuracy alpha, 0 < alpha < 1
 * (SIM_SKETCH_ALPHA unless there is a reason).  NULL (and a critical) for
 * alpha out of range; otherwise never NULL (aborts when memory is
 * exhausted).  The caller owns it. */
SimSketch *sim_sketch_new(double alpha);

/* Frees s; accepts NULL. */
void sim_sketch_free(SimSketch *s);

/* An independent copy of s (same alpha, same content); the caller owns it.
 * NULL (and a critical) when s is NULL. */
SimSketch *sim_sketch_copy(const SimSketch *s);

/* Empties s and keeps its memory (for reuse across replications). */
void sim_sketch_clear(SimSketch *s);

/* Records x; x must be finite and >= 0 (else a critical and s is
 * unchanged). */
void sim_sketch_add(SimSketch *s, double x);

/* Adds everything `from` has seen to `into`; `from` is unchanged.  Both
 * must have the same alpha (else a critical and `into` is unchanged).  The
 * result is bit-identical to one sketch fed all the values, whatever the
 * order or grouping of merges. */
void sim_sketch_merge(SimSketch *into, const SimSketch *from);

/* Number of values recorded (the zeros included). */
guint64 sim_sketch_count(const SimSketch *s);

/* Exact smallest and largest value recorded; NAN when empty. */
/* Its relative accuracy, as created. */
double sim_sketch_alpha(const SimSketch *s);
double sim_sketch_min(const SimSketch *s);
double sim_sketch_max(const SimSketch *s);

/* The q-quantile, q in [0, 1]; NAN when empty (or, with a critical, when q
 * is out of range).  Defined against the exact lower quantile x_(r),
 * r = floor(q · (n − 1)) (0-based, values sorted ascending): the value
 * returned is within a factor (1 ± alpha) of x_(r), unless x_(r) lies in
 * the collapsed lowest bucket (see the top of this file) or below
 * SIM_SKETCH_MIN_VALUE.  For bucket k the estimate is 2·gamma^k/(gamma+1),
 * clamped to [min, max]; values of the zero counter give 0 (clamped too:
 * the exact min when no exact zero was seen, so that the quantile function
 * stays non-decreasing).  q = 0 returns min and q = 1 returns max exactly. */
double sim_sketch_quantile(const SimSketch *s, double q);

/* Fraction of the values that are <= x; NAN when empty.  Exact when
 * x >= max (1) and when x < min (0).  Otherwise approximate within the
 * bucket that contains x: the whole bucket counts as <= x, so the result
 * is the exact fraction of values <= y for some y in [x, gamma · x) — it
 * may count values up to about 2·alpha above x (and, when x is in the
 * collapsed lowest bucket, every value of that bucket).  For "fraction of
 * incidents within the RTO target" prefer counting at record time; this is
 * the fallback. */
double sim_sketch_fraction_le(const SimSketch *s, double x);

/* Number of bucket counters s holds in memory (not counting the fixed
 * header), never more than SIM_SKETCH_MAX_BUCKETS: a probe for tests. */
size_t sim_sketch_bucket_count(const SimSketch *s);

/* ---- serialization --------------------------------------------------- */

/* Accumulators as GVariants, for carrying them to another process or a
 * file (the caller handles byte order, e.g. g_variant_byteswap()).  A
 * value read back is the one written: the same figures, and the same
 * bits after any further adds and merges.  Reading checks what it can
 * (type, counts adding up, a span within the cap, no NaN): FALSE, or
 * NULL, with error set in SIM_STATS_ERROR otherwise.
 *
 *   SimWelford  "(tdddd)"   n, mean, m2, min, max
 *   SimSketch   "(dttddxat)" alpha, count, zero_count, min, max, lo,
 *                            the counters of keys lo, lo + 1, ...
 *
 * The new GVariants are floating references. */
#define SIM_STATS_ERROR (sim_stats_error_quark())
GQuark sim_stats_error_quark(void);
enum { SIM_STATS_ERROR_INVALID };

#define SIM_WELFORD_VARIANT_TYPE "(tdddd)"
#define SIM_SKETCH_VARIANT_TYPE "(dttddxat)"

GVariant *sim_welford_to_variant(const SimWelford *w);
gboolean sim_welford_from_variant(GVariant *v, SimWelford *w, GError **error);
GVariant *sim_sketch_to_variant(const SimSketch *s);
SimSketch *sim_sketch_from_variant(GVariant *v, GError **error);

#endif
