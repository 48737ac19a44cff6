/* cost.h — what replications cost, mergeable (docs/model.md, "Costs").
 *
 * The accumulator of the costs of one or many replications of a scenario
 * with a `costs` group, inside its MdlResults (results.h).  Per
 * replication: the total, fixed and incident costs; the operating costs
 * (the fixed operating amounts and the incidents: capital apart, which
 * is fixed); the net present value; and per year slice the cumulative
 * cost at its end, the operating costs of the slice and the discounted
 * cumulative cost.  The fixed costs come from the scenario alone
 * (budget.h), computed once.
 *
 * The results fill the scratch of the replication being played: the
 * incident costs of occurrences and data lost by the slice they fell in
 * (year_incidents), then, at its end, cum_incidents (every incident cost,
 * downtime included, from t = 0 to the end of each slice) before calling
 * mdl_cost_results_end_replication().
 *
 * Ownership: mdl_cost_results_new() returns an accumulator you own
 * (mdl_cost_results_free()), which owns its budget; the scenario is
 * borrowed for the call.  Memory O(n_years).  Not thread-safe.
 */
#ifndef DRSIM_MODELS_RESULTS_COST_H
#define DRSIM_MODELS_RESULTS_COST_H

#include <glib.h>

#include "models/results/budget.h"
#include "models/scenario/scenario.h"
#include "sim/stats.h"

typedef struct {
	guint n_years;
	MdlBudget *budget;	/* the fixed costs, the same every
				   replication */
	SimWelford total, fixed, incidents;	/* per replication */
	SimSketch *total_sketch, *incidents_sketch;
	/* Per year slice: cost spent from t = 0 to the end of the slice. */
	SimWelford *year_cumulative;	/* [n_years] */
	SimSketch **year_sketch;	/* [n_years] */
	/* Operating costs (fixed operating + incidents) per replication,
	 * and spent in each slice. */
	SimWelford opex;
	SimWelford *year_opex;	/* [n_years] */
	/* Net present value per replication, and the discounted cost from
	 * t = 0 to the end of each slice. */
	SimWelford npv;
	SimSketch *npv_sketch;
	SimWelford *year_npv;	/* [n_years] */
	SimSketch **year_npv_sketch;	/* [n_years] */
	/* scratch of the replication being played (above) */
	double *year_incidents;	/* [n_years] */
	double *cum_incidents;	/* [n_years] */
	double rep_total, rep_incidents, rep_npv;	/* of the last one */
} MdlCostResults;

/* An empty accumulator for sc, which must have costs. */
MdlCostResults *mdl_cost_results_new(const MdlScenario *sc);

/* Frees c; accepts NULL. */
void mdl_cost_results_free(MdlCostResults *c);

/* Folds the replication whose cum_incidents is filled, and clears the
 * scratch. */
void mdl_cost_results_end_replication(MdlCostResults *c);

/* Adds from to into (the same scenario).  Deterministic, as
 * mdl_results_merge(). */
void mdl_cost_results_merge(MdlCostResults *into,
			    const MdlCostResults *from);

#endif
