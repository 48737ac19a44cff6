/* drill_fit.c — a drill's measured times against an exercise's simulated
 * ones (drill_fit.h). */
#include "models/results/drill_fit.h"

#include <math.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>

MdlDrillSpread mdl_drill_spread(double *times, guint n)
{
	MdlDrillSpread sp = { NAN, NAN, NAN, n };

	if (n == 0)
		return sp;
	gsl_sort(times, 1, n);
	sp.p5 = gsl_stats_quantile_from_sorted_data(times, 1, n, 0.05);
	sp.p50 = gsl_stats_quantile_from_sorted_data(times, 1, n, 0.50);
	sp.p95 = gsl_stats_quantile_from_sorted_data(times, 1, n, 0.95);
	return sp;
}

/* Two times closer than this (relative, with 1e-9 h ≈ 4 µs at least)
 * are equal: a simulated time is a sum or difference of instants (the
 * RPO t0 − (t0 − 5min) is 5min give or take 1e-16 h), which the measured
 * time, read from text, must not miss by its rounding. */
static double slack(double h)
{
	return 1e-9 * fmax(1.0, fabs(h));
}

/* The number of sorted[0 .. n) that are <= x: an upper bound by
 * bisection, so that ties with x count as at most x. */
static guint at_most(const double *sorted, guint n, double x)
{
	guint lo = 0, hi = n;

	while (lo < hi) {
		guint mid = lo + (hi - lo) / 2;
		if (sorted[mid] <= x)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

MdlDrillFit mdl_drill_fit(double *times, guint n, guint64 reps,
			  double measured_h)
{
	MdlDrillFit f = { measured_h, mdl_drill_spread(times, n), NAN, NAN,
			  reps >= n ? reps - n : 0, MDL_DRILL_NEVER };

	if (n == 0)
		return f;
	double eps = slack(measured_h);
	double p = (double)at_most(times, n, measured_h + eps) / n;
	f.percentile = p;
	f.percentile_se = sqrt(p * (1 - p) / n);
	f.flag = measured_h < f.spread.p5 - eps	   ? MDL_DRILL_FASTER
		 : measured_h > f.spread.p95 + eps ? MDL_DRILL_SLOWER
						   : MDL_DRILL_WITHIN;
	return f;
}
