/* report-private.h — what the two files of mdl_report() share: report.c
 * (the figures derived from the results, JSON, CSV and mdl_report()
 * itself) and report_table.c (the text table).  Only those two files
 * include this; the contract is report.h, and every figure is defined in
 * docs/output.md.
 *
 * The derived figures are computed on demand from the merged results and
 * returned by value, so the three formats print the same numbers.
 *
 * Ownership: everything is borrowed for the call; a Breakdowns points
 * into the results and labels it was made from and must not outlive
 * them.  Nothing here allocates but report_table().
 */
#ifndef DRSIM_MODELS_REPORT_PRIVATE_H
#define DRSIM_MODELS_REPORT_PRIVATE_H

#include <glib.h>

#include "models/scenario/labels.h"
#include "models/report/report.h"
#include "models/results/results.h"
#include "models/scenario/scenario.h"
#include "sim/stats.h"

/* The quantiles of a Dist, in this order: p50, p90, p95, p99 (their
 * levels and names are in report.c). */
#define N_QUANTILES 4

/* ---- report.c: derived figures, shared by the three formats ---- */

typedef struct {
	double mean, stderr_, lo, hi;
} Estimate;

/* Mean over replications with its standard error and 95 % Student-t
 * interval (NAN when fewer than 2 replications). */
Estimate report_estimate(const SimWelford *w);

/* A duration distribution against its target: q[] as N_QUANTILES says;
 * NAN for what is undefined (no value, no target, no incident). */
typedef struct {
	double target, mean, q[N_QUANTILES], max, met;
	guint64 n;
} Dist;

/* a / b, NAN when b is 0. */
double report_ratio(guint64 a, guint64 b);

/* The RTO, or the RPO, of service sv against its target. */
Dist report_rto_of(const MdlService *sv, const MdlServiceResults *r);
Dist report_rpo_of(const MdlService *sv, const MdlServiceResults *r);

/* A distribution without target: target and met NAN. */
Dist report_summary_of(const SimWelford *w, const SimSketch *sk);

/* The breakdowns of a service by cause or by path, with their labels:
 * items[i] is NULL when label i had no incident. */
typedef struct {
	MdlBreakdown *const *items;
	guint n;
	const MdlLabels *labels;
	const char *(*label)(const MdlLabels *l, guint i);
} Breakdowns;

/* Service s's breakdowns, named by r->labels. */
Breakdowns report_by_cause(const MdlResults *r, const MdlServiceResults *s);
Breakdowns report_by_path(const MdlResults *r, const MdlServiceResults *s);

/* Incidents of s (closed and censored) per year played, NAN when no time
 * was played. */
double report_incidents_per_year(const MdlScenario *sc, const MdlResults *r,
				 const MdlServiceResults *s);

/* ---- report_table.c: the text table ---- */

/* The report as a table, ending with a newline, which you own
 * (g_free()).  The arguments are those of mdl_report(), already
 * checked: none is NULL and r->labels is set. */
char *report_table(const MdlScenario *sc, const MdlResults *r,
		   const MdlRunInfo *info);

#endif
