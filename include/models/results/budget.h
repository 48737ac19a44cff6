/* budget.h — the fixed costs of a scenario, exactly, year slice by year
 * slice: what an IT department budgets (docs/model.md, "Costs").
 *
 * Fixed costs are not random: capital (capex at t = 0, its refreshes,
 * the project) and the yearly operating amounts (opex, staff, the prices
 * per TB of data and per link), indexed from year 2 on, the replaced
 * topology's before the project's lead time.  They are computed from the
 * scenario alone, the same for every replication; the incident costs,
 * which are random, are added by the results (cost.h).
 *
 * Year slices are those of the results: slice y (0-based) covers
 * [8760·y, 8760·(y + 1)), the last one ends at the horizon.  "Year 0" is
 * the instant t = 0: what is spent then (capex, project) is in at_start,
 * in no slice.  A refresh at the end of a slice belongs to that slice.
 *
 * Net present value: a cost is discounted by its slice, at its end —
 * (1 + discount_rate)^(−end / 8760) — and what is spent at t = 0 is not
 * discounted (docs/model.md says why).
 *
 * Ownership: mdl_budget_new() returns a budget you own
 * (mdl_budget_free()); the scenario is borrowed for the call.  O(n_years ×
 * (per-TB datasets + refreshes)).
 */
#ifndef DRSIM_MODELS_RESULTS_BUDGET_H
#define DRSIM_MODELS_RESULTS_BUDGET_H

#include <glib.h>

#include "models/scenario/scenario.h"

typedef struct {
	guint n_years;
	double at_start;	/* capex and project, spent at t = 0 */
	double *spent;		/* [n_years]: every fixed cost spent from
				   t = 0 to the end of slice y */
	double *capex;		/* [n_years]: capital spent in slice y (the
				   refreshes; at_start excluded) */
	double *opex;		/* [n_years]: fixed operating costs of
				   slice y, indexed */
	double *discount;	/* [n_years]: the discount factor of slice y */
	double fixed;		/* spent[n_years − 1]: every fixed cost */
	double capex_total;	/* at_start + Σ capex */
	double opex_total;	/* Σ opex */
	double present_value;	/* at_start + Σ discount·(capex + opex) */
} MdlBudget;

/* The year slices of a horizon of horizon_h hours (> 0): at least 1. */
guint mdl_budget_n_years(double horizon_h);

/* The end of year slice y of n_years over horizon_h (the last one's is
 * horizon_h). */
double mdl_budget_slice_end(guint y, guint n_years, double horizon_h);

/* The fixed costs of sc spent from t = 0 to t (0 <= t <= horizon)
 * included: capex and project at 0, each refresh at k·lifetime <
 * horizon, the yearly amounts pro rata of time, indexed by slice (the
 * replaced scenario's before sc->in_service_h, sc's after).  Without
 * indexation, prices per TB or per link, the same bits as the one-step
 * formula (capex + project + yearly · t / 8760, then the refreshes).
 * 0 when sc has no costs. */
double mdl_budget_spent(const MdlScenario *sc, double t);

/* The budget of sc (which must have costs) over its horizon. */
MdlBudget *mdl_budget_new(const MdlScenario *sc);

/* Frees b; accepts NULL. */
void mdl_budget_free(MdlBudget *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(MdlBudget, mdl_budget_free)

#endif
