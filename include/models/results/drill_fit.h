/* drill_fit.h — where a drill's measured time falls in the simulated
 * distribution of the same step, as data.
 *
 * An exercise (drsim exercise) keeps, for every step of every service,
 * the exact time from the injection of the step's first occurrence in
 * each replication in which it happened (and the RTO and RPO reached, one
 * per recovered replication).  mdl_drill_spread() gives the p5, p50 and
 * p95 the exercise prints: GSL's quantiles of the sorted times
 * (gsl_stats_quantile_from_sorted_data, linear interpolation between
 * order statistics).  mdl_drill_fit() places a measured time among the
 * same times: the fraction of them that are <= it, counted exactly (no
 * quantile sketch), with the binomial standard error of that fraction as
 * an estimate of the model's probability, and a flag when the measured
 * time lies outside [p5, p95].  Times that differ by less than 1e-9 of
 * the measured one (1e-9 h at least) count as equal, so that a measured
 * time equal to a fixed step is not flagged for the rounding of either.
 *
 * Ownership: the times are borrowed for the call and sorted in place.
 * Complexity: O(n log n) for the sort, O(log n) for the fraction.
 */
#ifndef DRSIM_MODELS_RESULTS_DRILL_FIT_H
#define DRSIM_MODELS_RESULTS_DRILL_FIT_H

#include <glib.h>

typedef struct {
	double p5, p50, p95;	/* NAN when n == 0 */
	guint n;		/* the number of times */
} MdlDrillSpread;

/* The spread of the n times (sorted in place; times may be NULL when
 * n == 0). */
MdlDrillSpread mdl_drill_spread(double *times, guint n);

typedef enum {
	MDL_DRILL_WITHIN,	/* p5 <= measured <= p95 */
	MDL_DRILL_FASTER,	/* measured < p5: faster than 95 % */
	MDL_DRILL_SLOWER,	/* measured > p95: slower than 95 % */
	MDL_DRILL_NEVER,	/* the step happened in no replication */
} MdlDrillFlag;

typedef struct {
	double measured_h;
	MdlDrillSpread spread;	/* of the times; .n the replications in
				   which the step happened */
	double percentile;	/* fraction of those times <= measured_h,
				   in [0, 1]; NAN when n == 0 */
	double percentile_se;	/* sqrt(p (1 − p) / n); NAN when n == 0 */
	guint64 never;		/* replications without the step: reps − n */
	MdlDrillFlag flag;
} MdlDrillFit;

/* Where measured_h falls among the n times (sorted in place) of a step
 * that reps replications played (reps >= n): percentile the fraction of
 * times <= measured_h, flag FASTER when measured_h < p5, SLOWER when
 * > p95 (both up to the tolerance above), NEVER when n == 0. */
MdlDrillFit mdl_drill_fit(double *times, guint n, guint64 reps,
			  double measured_h);

#endif
