/* budget.c — the fixed costs of a scenario by year slice (budget.h). */
#include "models/results/budget.h"

#include <math.h>

#include "sim/units.h"

#define Y SIM_HOURS_PER_YEAR
#define TB 1e12

guint mdl_budget_n_years(double horizon_h)
{
	guint n = (guint)ceil(horizon_h / Y - 1e-9);

	return n > 0 ? n : 1;
}

double mdl_budget_slice_end(guint y, guint n_years, double horizon_h)
{
	return y + 1 >= n_years ? horizon_h : fmin((y + 1) * Y, horizon_h);
}

/* The prices per TB of c over [u, v]: amount × copies × the integral of
 * the size of each dataset it names, in TB-years. */
static double per_tb(const MdlCosts *c, const MdlScenario *sc, double u,
		     double v)
{
	double sum = 0;

	for (guint k = 0; k < c->n_per_tb; k++) {
		const MdlCostPerTb *e = &c->per_tb[k];
		double byte_h = 0;
		for (guint i = 0; i < e->n_datasets; i++)
			byte_h += mdl_dataset_size_integral(
				&sc->datasets[e->datasets[i]], u, v);
		sum += e->amount * e->copies * (byte_h / TB);
	}
	return sum / Y;
}

/* What sc's prices per link and per TB cost over [u, v]; 0 when sc is
 * NULL (nothing replaced) or has no costs. */
static double extras(const MdlScenario *sc, double u, double v)
{
	const MdlCosts *c = sc ? sc->costs : NULL;

	if (!c || v <= u)
		return 0;
	return c->links_per_year * (v - u) / Y + per_tb(c, sc, u, v);
}

/* Every yearly amount over [u, v] at its base price: the replaced
 * topology's before the lead time (its opex and staff are
 * replaced_per_year), sc's after. */
static double recurring(const MdlScenario *sc, double u, double v)
{
	const MdlCosts *c = sc->costs;
	double yearly = c->opex_per_year + c->fte * c->cost_per_fte;
	double mid = fmin(fmax(c->in_service_h, u), v);

	return (c->replaced_per_year * (mid - u) + yearly * (v - mid)) / Y +
	       extras(sc->replaces, u, mid) + extras(sc, mid, v);
}

/* The indexation factor of slice y (0-based): (1 + indexation)^y. */
static double indexed(const MdlCosts *c, guint y)
{
	return pow(1 + c->indexation, y);
}

/* What mdl_budget_spent() adds to the one-step formula of opex and staff
 * over [0, t]: the prices per link and per TB, and what indexation adds
 * slice by slice.  Exactly 0 without them, so that the sum keeps the
 * bits of a scenario that has none. */
static double beyond_base(const MdlScenario *sc, double t)
{
	const MdlCosts *c = sc->costs;
	double before = fmin(t, c->in_service_h);
	double more = extras(sc->replaces, 0, before) + extras(sc, before, t);
	guint n = mdl_budget_n_years(sc->horizon_h);

	if (c->indexation <= 0)
		return more;
	for (guint y = 1; y < n && y * Y < t; y++) {
		double end = fmin(mdl_budget_slice_end(y, n, sc->horizon_h), t);
		more += (indexed(c, y) - 1) * recurring(sc, y * Y, end);
	}
	return more;
}

double mdl_budget_spent(const MdlScenario *sc, double t)
{
	const MdlCosts *c = sc->costs;
	double spent, yearly, before;

	if (!c)
		return 0;
	yearly = c->opex_per_year + c->fte * c->cost_per_fte;
	before = fmin(t, c->in_service_h);
	spent = c->capex + c->project_cost +
		((c->replaced_per_year * before + yearly * (t - before)) / Y +
		 beyond_base(sc, t));
	if (c->lifetime_h > 0)
		for (guint k = 1; k * c->lifetime_h < sc->horizon_h &&
				  k * c->lifetime_h <= t; k++)
			spent += c->refresh * c->capex;
	return spent;
}

/* The refreshes in (a, b] (and before the horizon). */
static double refreshes(const MdlScenario *sc, double a, double b)
{
	const MdlCosts *c = sc->costs;
	double spent = 0;

	if (c->lifetime_h > 0)
		for (guint k = 1; k * c->lifetime_h < sc->horizon_h &&
				  k * c->lifetime_h <= b; k++)
			if (k * c->lifetime_h > a)
				spent += c->refresh * c->capex;
	return spent;
}

MdlBudget *mdl_budget_new(const MdlScenario *sc)
{
	const MdlCosts *c;
	MdlBudget *b;
	guint n;
	double start = 0;

	g_return_val_if_fail(sc && sc->costs, NULL);
	c = sc->costs;
	b = g_new0(MdlBudget, 1);
	n = b->n_years = mdl_budget_n_years(sc->horizon_h);
	b->spent = g_new0(double, n);
	b->capex = g_new0(double, n);
	b->opex = g_new0(double, n);
	b->discount = g_new0(double, n);
	b->at_start = b->capex_total = b->present_value =
		c->capex + c->project_cost;
	for (guint y = 0; y < n; y++) {
		double end = mdl_budget_slice_end(y, n, sc->horizon_h);
		b->spent[y] = mdl_budget_spent(sc, end);
		b->capex[y] = refreshes(sc, start, end);
		b->opex[y] = indexed(c, y) * recurring(sc, start, end);
		b->discount[y] = pow(1 + c->discount_rate, -end / Y);
		b->capex_total += b->capex[y];
		b->opex_total += b->opex[y];
		b->present_value += b->discount[y] * (b->capex[y] + b->opex[y]);
		start = end;
	}
	b->fixed = b->spent[n - 1];
	return b;
}

void mdl_budget_free(MdlBudget *b)
{
	if (!b)
		return;
	g_free(b->spent);
	g_free(b->capex);
	g_free(b->opex);
	g_free(b->discount);
	g_free(b);
}
