/* figures.h — the figures derived from a run's merged results, as data.
 *
 * Every format of the report (report/) and every comparison (compare.h)
 * reads them from here, so that they print the same numbers; each figure
 * is defined in docs/output.md.  The derived figures are computed on
 * demand and returned by value; mdl_summary_json() gives the whole run
 * as a JSON tree (the `drsim run --format json` document, before it is
 * written out).
 *
 * Ownership: everything is borrowed for the call; an MdlBreakdowns points
 * into the results and labels it was made from and must not outlive
 * them.  mdl_summary_json() returns a tree you own.
 */
#ifndef DRSIM_MODELS_RESULTS_FIGURES_H
#define DRSIM_MODELS_RESULTS_FIGURES_H

#include <glib.h>
#include <json-glib/json-glib.h>

#include "models/results/results.h"
#include "models/results/simulate.h"
#include "models/scenario/labels.h"
#include "models/scenario/scenario.h"
#include "sim/stats.h"

/* The quantiles of an MdlDist: their levels and names, p50 p90 p95 p99. */
#define MDL_N_QUANTILES 4
extern const double mdl_quantile_q[MDL_N_QUANTILES];
extern const char *const mdl_quantile_key[MDL_N_QUANTILES];

typedef struct {
	double mean, stderr_, lo, hi;
} MdlEstimate;

/* Mean over replications with its standard error and 95 % Student-t
 * interval (NAN when fewer than 2 replications). */
MdlEstimate mdl_estimate(const SimWelford *w);

/* A duration distribution against its target: q[] as mdl_quantile_q;
 * NAN for what is undefined (no value, no target, no incident). */
typedef struct {
	double target, mean, q[MDL_N_QUANTILES], max, met;
	guint64 n;
} MdlDist;

/* a / b, NAN when b is 0. */
double mdl_ratio(guint64 a, guint64 b);

/* The RTO, or the RPO, of service sv against its target. */
MdlDist mdl_rto_of(const MdlService *sv, const MdlServiceResults *r);
MdlDist mdl_rpo_of(const MdlService *sv, const MdlServiceResults *r);

/* A distribution without target: target and met NAN. */
MdlDist mdl_summary_of(const SimWelford *w, const SimSketch *sk);

/* The breakdowns of a service by cause or by path, with their labels:
 * items[i] is NULL when label i had no incident. */
typedef struct {
	MdlBreakdown *const *items;
	guint n;
	const MdlLabels *labels;
	const char *(*label)(const MdlLabels *l, guint i);
} MdlBreakdowns;

/* Service s's breakdowns, named by r->labels. */
MdlBreakdowns mdl_by_cause(const MdlResults *r, const MdlServiceResults *s);
MdlBreakdowns mdl_by_path(const MdlResults *r, const MdlServiceResults *s);

/* Incidents of s (closed and censored) per year played, NAN when no time
 * was played. */
double mdl_incidents_per_year(const MdlScenario *sc, const MdlResults *r,
			      const MdlServiceResults *s);

/* The whole run as a JSON tree (docs/output.md, "JSON"); r->labels must
 * be set.  Yours (json_node_unref()). */
JsonNode *mdl_summary_json(const MdlScenario *sc, const MdlResults *r,
			   const MdlRunInfo *info);

#endif
