/* planned.c — a service's planned downtime (planned.h). */
#include "models/results/planned.h"

#include <math.h>
#include <string.h>

#include "sim/units.h"

MdlPlanned *mdl_planned_new(const MdlScenario *sc, guint i, guint n_years)
{
	MdlPlanned *p;

	if (!sc->has_maintenance)
		return NULL;
	p = g_new0(MdlPlanned, 1);
	p->budget_h = sc->services[i].planned_budget_h;
	p->horizon_h = sc->horizon_h;
	p->n_years = n_years;
	sim_welford_init(&p->planned_h_per_year);
	sim_welford_init(&p->availability_unplanned);
	sim_welford_init(&p->within_budget);
	p->year_h = g_new0(double, MAX(n_years, 1));
	return p;
}

void mdl_planned_free(MdlPlanned *p)
{
	if (!p)
		return;
	g_free(p->year_h);
	g_free(p);
}

/* Sliced into years as results.c slices uptime. */
void mdl_planned_add(MdlPlanned *p, double a, double b)
{
	p->rep_h += fmax(0, b - a);
	while (a < b) {
		guint y = MIN((guint)(a / SIM_HOURS_PER_YEAR), p->n_years - 1);
		double end = fmin(b, (y + 1) * SIM_HOURS_PER_YEAR);
		if (y == p->n_years - 1)
			end = b;
		p->year_h[y] += end - a;
		a = end;
	}
}

/* The fraction of the replication's whole years within the budget;
 * under a year, its one slice against the budget pro rata. */
static double within(const MdlPlanned *p, guint whole)
{
	double in = 0;

	if (whole == 0)
		return p->year_h[0] <=
		       p->budget_h * p->horizon_h / SIM_HOURS_PER_YEAR;
	for (guint y = 0; y < whole; y++)
		in += p->year_h[y] <= p->budget_h ? 1 : 0;
	return in / whole;
}

void mdl_planned_end_replication(MdlPlanned *p, double uptime_h, guint whole)
{
	double T = p->horizon_h;

	sim_welford_add(&p->planned_h_per_year,
			p->rep_h / (T / SIM_HOURS_PER_YEAR));
	sim_welford_add(&p->availability_unplanned, (uptime_h + p->rep_h) / T);
	if (isfinite(p->budget_h))
		sim_welford_add(&p->within_budget, within(p, whole));
	memset(p->year_h, 0, sizeof(double) * MAX(p->n_years, 1));
	p->rep_h = 0;
}

void mdl_planned_merge(MdlPlanned *into, const MdlPlanned *from)
{
	sim_welford_merge(&into->planned_h_per_year, &from->planned_h_per_year);
	sim_welford_merge(&into->availability_unplanned,
			  &from->availability_unplanned);
	sim_welford_merge(&into->within_budget, &from->within_budget);
}
