/* stats.c — Welford moments and the DDSketch quantile sketch. */
#include "sim/stats.h"

#include <string.h>
#include <gsl/gsl_cdf.h>

/* ---- streaming moments -------------------------------------------------- */

void sim_welford_init(SimWelford *w)
{
	g_return_if_fail(w);
	*w = (SimWelford)SIM_WELFORD_INIT;
}

void sim_welford_add(SimWelford *w, double x)
{
	g_return_if_fail(w);
	g_return_if_fail(isfinite(x));
	w->n++;
	double delta = x - w->mean;
	w->mean += delta / (double)w->n;
	/* delta and (x − new mean) share their sign: m2 never decreases. */
	w->m2 += delta * (x - w->mean);
	if (x < w->min)
		w->min = x;
	if (x > w->max)
		w->max = x;
}

void sim_welford_merge(SimWelford *into, const SimWelford *from)
{
	g_return_if_fail(into && from);
	if (from->n == 0)
		return;
	if (into->n == 0) {
		/* Copy, not the formula: the identity must hold bit for bit. */
		*into = *from;
		return;
	}
	double na = (double)into->n, nb = (double)from->n;
	double n = na + nb;
	double delta = from->mean - into->mean;

	into->mean += delta * (nb / n);
	into->m2 += from->m2 + delta * delta * (na * nb / n);
	into->n += from->n;
	into->min = fmin(into->min, from->min);
	into->max = fmax(into->max, from->max);
}

double sim_welford_mean(const SimWelford *w)
{
	g_return_val_if_fail(w, NAN);
	return w->n ? w->mean : NAN;
}

double sim_welford_variance(const SimWelford *w)
{
	g_return_val_if_fail(w, NAN);
	return w->n >= 2 ? w->m2 / (double)(w->n - 1) : NAN;
}

double sim_welford_stderr(const SimWelford *w)
{
	g_return_val_if_fail(w, NAN);
	return w->n >= 2 ? sqrt(sim_welford_variance(w) / (double)w->n) : NAN;
}

gboolean sim_welford_ci(const SimWelford *w, double level, double *lo,
			double *hi)
{
	g_return_val_if_fail(w && lo && hi, FALSE);
	*lo = *hi = NAN;
	g_return_val_if_fail(level > 0 && level < 1, FALSE);
	if (w->n < 2)
		return FALSE;
	double t = sim_t_quantile((1 + level) / 2, (double)(w->n - 1));
	double half = t * sim_welford_stderr(w);

	*lo = w->mean - half;
	*hi = w->mean + half;
	return TRUE;
}

double sim_t_quantile(double p, double dof)
{
	g_return_val_if_fail(p >= 0 && p <= 1, NAN);
	g_return_val_if_fail(dof > 0, NAN);
	/* GSL's t inverse does not take an infinite dof; the limit is the
	 * normal. */
	if (isinf(dof))
		return gsl_cdf_ugaussian_Pinv(p);
	return gsl_cdf_tdist_Pinv(p, dof);
}

/* ---- quantile sketch ---------------------------------------------------- */

/* Keys are gint64: ceil(log_gamma(DBL_MAX)) overflows 32 bits once alpha
 * is below about 1e-7.
 *
 * Invariants: the keys in use are [lo, hi] (lo > hi: none), all inside the
 * window [offset, offset + alloc) of `bins`; every counter outside [lo, hi]
 * is zero; hi − lo < SIM_SKETCH_MAX_BUCKETS; when the span had to be
 * capped, bucket lo also counts every value whose key is below lo. */
struct SimSketch {
	double alpha, gamma, ln_gamma;
	guint64 count;	    /* every value, zeros included */
	guint64 zero_count; /* values below SIM_SKETCH_MIN_VALUE */
	double min, max;    /* exact; ±inf when empty */
	guint64 *bins;	    /* bins[i] counts key offset + i */
	size_t alloc;	    /* counters in bins */
	gint64 offset;
	gint64 lo, hi;
};

enum { FIRST_ALLOC = 64 };

SimSketch *sim_sketch_new(double alpha)
{
	g_return_val_if_fail(alpha > 0 && alpha < 1, NULL);
	SimSketch *s = g_new0(SimSketch, 1);

	s->alpha = alpha;
	s->gamma = (1 + alpha) / (1 - alpha);
	/* log1p: gamma is close to 1, log(gamma) would lose digits. */
	s->ln_gamma = log1p(2 * alpha / (1 - alpha));
	sim_sketch_clear(s);
	return s;
}

void sim_sketch_free(SimSketch *s)
{
	if (!s)
		return;
	g_free(s->bins);
	g_free(s);
}

SimSketch *sim_sketch_copy(const SimSketch *s)
{
	g_return_val_if_fail(s, NULL);
	SimSketch *c = g_memdup2(s, sizeof *s);

	c->bins = g_memdup2(s->bins, s->alloc * sizeof *s->bins);
	return c;
}

void sim_sketch_clear(SimSketch *s)
{
	g_return_if_fail(s);
	s->count = s->zero_count = 0;
	s->min = INFINITY;
	s->max = -INFINITY;
	if (s->bins)
		memset(s->bins, 0, s->alloc * sizeof *s->bins);
	s->lo = 0;
	s->hi = -1;
}

/* Key of x >= SIM_SKETCH_MIN_VALUE: x lies in (gamma^(k−1), gamma^k]. */
static gint64 key_of(const SimSketch *s, double x)
{
	return (gint64)ceil(log(x) / s->ln_gamma);
}

/* The estimate for bucket k: the point of (gamma^(k−1), gamma^k] whose
 * relative distance to both ends is alpha. */
static double value_of(const SimSketch *s, gint64 k)
{
	return 2 * exp((double)k * s->ln_gamma) / (s->gamma + 1);
}

static guint64 *bin(const SimSketch *s, gint64 k)
{
	return &s->bins[k - s->offset];
}

static gboolean in_window(const SimSketch *s, gint64 lo, gint64 hi)
{
	return s->bins && lo >= s->offset && hi < s->offset + (gint64)s->alloc;
}

/* Moves the counters to a new window holding [lo, hi], centred, keys
 * below lo folded into lo.  The size doubles when the span outgrows it
 * (up to the cap), so a growing span reallocates O(log span) times, and
 * the slack on both sides absorbs further growth either way. */
static void rewindow(SimSketch *s, gint64 lo, gint64 hi)
{
	size_t len = (size_t)(hi - lo + 1);
	size_t alloc = MAX(s->alloc, (size_t)FIRST_ALLOC);

	if (alloc < len)
		alloc = MIN(MAX(2 * alloc, len),
			    (size_t)SIM_SKETCH_MAX_BUCKETS);
	guint64 *bins = g_new0(guint64, alloc);
	gint64 offset = lo - (gint64)((alloc - len) / 2);

	for (gint64 k = s->lo; k <= s->hi; k++)
		bins[MAX(k, lo) - offset] += *bin(s, k);
	g_free(s->bins);
	s->bins = bins;
	s->alloc = alloc;
	s->offset = offset;
}

/* Grows the span of keys to include [klo, khi], collapsing the lowest
 * buckets when the span would pass the cap.  The final span depends only
 * on the smallest and largest key ever included, whatever the order:
 * this is what makes merges order-independent. */
static void include_keys(SimSketch *s, gint64 klo, gint64 khi)
{
	gint64 lo = klo, hi = khi;

	if (s->lo <= s->hi) {
		lo = MIN(lo, s->lo);
		hi = MAX(hi, s->hi);
	}
	lo = MAX(lo, hi - (SIM_SKETCH_MAX_BUCKETS - 1));
	/* A collapse (lo raised above the old lo) never fits the window:
	 * the window holds the old lo and at most SIM_SKETCH_MAX_BUCKETS
	 * keys, so rewindow() is the one place where counters fold. */
	if (!in_window(s, lo, hi))
		rewindow(s, lo, hi);
	s->lo = lo;
	s->hi = hi;
}

/* Counts one more value of key k (k may be below the collapsed floor). */
static void add_key(SimSketch *s, gint64 k)
{
	include_keys(s, k, k);
	++*bin(s, MAX(k, s->lo));
}

void sim_sketch_add(SimSketch *s, double x)
{
	g_return_if_fail(s);
	g_return_if_fail(isfinite(x) && x >= 0);
	if (x == 0)
		x = 0.0; /* −0 would make min print as "-0" */
	s->count++;
	s->min = fmin(s->min, x);
	s->max = fmax(s->max, x);
	if (x < SIM_SKETCH_MIN_VALUE)
		s->zero_count++;
	else
		add_key(s, key_of(s, x));
}

void sim_sketch_merge(SimSketch *into, const SimSketch *from)
{
	g_return_if_fail(into && from);
	g_return_if_fail(into->alpha == from->alpha);
	if (from->lo <= from->hi) {
		/* Grow once, then add: also correct when into == from. */
		include_keys(into, from->lo, from->hi);
		for (gint64 k = from->lo; k <= from->hi; k++)
			*bin(into, MAX(k, into->lo)) += *bin(from, k);
	}
	into->count += from->count;
	into->zero_count += from->zero_count;
	into->min = fmin(into->min, from->min);
	into->max = fmax(into->max, from->max);
}

guint64 sim_sketch_count(const SimSketch *s)
{
	g_return_val_if_fail(s, 0);
	return s->count;
}

double sim_sketch_alpha(const SimSketch *s)
{
	return s->alpha;
}

double sim_sketch_min(const SimSketch *s)
{
	g_return_val_if_fail(s, NAN);
	return s->count ? s->min : NAN;
}

double sim_sketch_max(const SimSketch *s)
{
	g_return_val_if_fail(s, NAN);
	return s->count ? s->max : NAN;
}

static double clamp(const SimSketch *s, double x)
{
	return fmin(fmax(x, s->min), s->max);
}

double sim_sketch_quantile(const SimSketch *s, double q)
{
	g_return_val_if_fail(s, NAN);
	g_return_val_if_fail(q >= 0 && q <= 1, NAN);
	if (!s->count)
		return NAN;
	/* The extremes are known exactly: no bucket rounding for them. */
	if (q == 0)
		return s->min;
	if (q == 1)
		return s->max;
	guint64 rank = (guint64)floor(q * (double)(s->count - 1));

	if (rank < s->zero_count)
		return clamp(s, 0.0);
	/* The mapping x -> key is non-decreasing, so the value of rank r
	 * lies in the first bucket whose cumulative count passes r. */
	guint64 seen = s->zero_count;
	for (gint64 k = s->lo; k <= s->hi; k++) {
		seen += *bin(s, k);
		if (seen > rank)
			return clamp(s, value_of(s, k));
	}
	g_return_val_if_reached(s->max);
}

double sim_sketch_fraction_le(const SimSketch *s, double x)
{
	g_return_val_if_fail(s, NAN);
	g_return_val_if_fail(!isnan(x), NAN);
	if (!s->count)
		return NAN;
	if (x >= s->max)
		return 1.0;
	if (x < s->min)
		return 0.0;
	/* Here x >= min >= 0: every value of the zero counter is <= x, or
	 * within SIM_SKETCH_MIN_VALUE of it. */
	guint64 le = s->zero_count;

	if (x >= SIM_SKETCH_MIN_VALUE) {
		gint64 kx = key_of(s, x);
		for (gint64 k = s->lo; k <= s->hi && k <= kx; k++)
			le += *bin(s, k);
	}
	return (double)le / (double)s->count;
}

size_t sim_sketch_bucket_count(const SimSketch *s)
{
	g_return_val_if_fail(s, 0);
	return s->alloc;
}

/* ---- serialization --------------------------------------------------- */

G_DEFINE_QUARK(sim-stats-error-quark, sim_stats_error)

static gboolean invalid(GError **error, const char *what)
{
	g_set_error(error, SIM_STATS_ERROR, SIM_STATS_ERROR_INVALID,
		    "invalid %s", what);
	return FALSE;
}

GVariant *sim_welford_to_variant(const SimWelford *w)
{
	g_return_val_if_fail(w, NULL);
	return g_variant_new(SIM_WELFORD_VARIANT_TYPE, w->n, w->mean, w->m2,
			     w->min, w->max);
}

gboolean sim_welford_from_variant(GVariant *v, SimWelford *w, GError **error)
{
	SimWelford r;

	g_return_val_if_fail(v && w, FALSE);
	if (!g_variant_is_of_type(v, G_VARIANT_TYPE(SIM_WELFORD_VARIANT_TYPE)))
		return invalid(error, "moments: wrong type");
	g_variant_get(v, SIM_WELFORD_VARIANT_TYPE, &r.n, &r.mean, &r.m2,
		      &r.min, &r.max);
	if (isnan(r.mean) || isnan(r.m2) || r.m2 < 0 || isnan(r.min) ||
	    isnan(r.max) || (r.n > 0 && r.min > r.max))
		return invalid(error, "moments");
	*w = r;
	return TRUE;
}

GVariant *sim_sketch_to_variant(const SimSketch *s)
{
	g_return_val_if_fail(s, NULL);

	gsize n = s->lo <= s->hi ? (gsize)(s->hi - s->lo + 1) : 0;
	GVariant *bins = g_variant_new_fixed_array(
		G_VARIANT_TYPE_UINT64, n ? bin(s, s->lo) : NULL, n,
		sizeof(guint64));
	return g_variant_new("(dttddx@at)", s->alpha, s->count,
			     s->zero_count, s->min, s->max, s->lo, bins);
}

/* The counters of a sketch read back, or FALSE: they must add up with
 * the zeros to the count, and span at most the cap. */
static gboolean sketch_counts_ok(const guint64 *c, gsize n, guint64 count,
				 guint64 zeros)
{
	guint64 sum = zeros;

	if (n > SIM_SKETCH_MAX_BUCKETS || zeros > count)
		return FALSE;
	for (gsize i = 0; i < n; i++) {
		if (c[i] > count - sum)
			return FALSE;
		sum += c[i];
	}
	return sum == count && (n == 0 || (c[0] > 0 && c[n - 1] > 0));
}

SimSketch *sim_sketch_from_variant(GVariant *v, GError **error)
{
	double alpha, min, max;
	guint64 count, zeros;
	gint64 lo;
	gsize n = 0;

	g_return_val_if_fail(v, NULL);
	if (!g_variant_is_of_type(v, G_VARIANT_TYPE(SIM_SKETCH_VARIANT_TYPE))) {
		invalid(error, "sketch: wrong type");
		return NULL;
	}
	g_autoptr(GVariant) bins = NULL;
	g_variant_get(v, "(dttddx@at)", &alpha, &count, &zeros, &min, &max,
		      &lo, &bins);
	const guint64 *c = g_variant_get_fixed_array(bins, &n, sizeof(guint64));
	if (!(alpha > 0 && alpha < 1) || isnan(min) || isnan(max) ||
	    (count > 0 && min > max) || lo > G_MAXINT64 / 2 ||
	    lo < G_MININT64 / 2 || !sketch_counts_ok(c, n, count, zeros)) {
		invalid(error, "sketch");
		return NULL;
	}
	SimSketch *s = sim_sketch_new(alpha);
	/* sim_sketch_new() returns NULL only for an alpha outside (0, 1),
	 * ruled out above: gcc 12's analyzer does not carry a range on a
	 * double from one test to the next. */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wanalyzer-null-dereference"
#endif
	s->count = count;
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif
	s->zero_count = zeros;
	s->min = min;
	s->max = max;
	if (n > 0) {
		include_keys(s, lo, lo + (gint64)n - 1);
		memcpy(bin(s, lo), c, n * sizeof *c);
	}
	return s;
}
