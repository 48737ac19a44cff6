/* cost.c — the accumulator of what replications cost (cost.h). */
#include "models/results/cost.h"

#include <math.h>
#include <string.h>

static void sketches_new(SimSketch **s, guint n)
{
	for (guint y = 0; y < n; y++)
		s[y] = sim_sketch_new(SIM_SKETCH_ALPHA);
}

static void welfords_init(SimWelford *w, guint n)
{
	for (guint y = 0; y < n; y++)
		sim_welford_init(&w[y]);
}

MdlCostResults *mdl_cost_results_new(const MdlScenario *sc)
{
	MdlCostResults *c;
	guint n;

	g_return_val_if_fail(sc && sc->costs, NULL);
	c = g_new0(MdlCostResults, 1);
	c->budget = mdl_budget_new(sc);
	n = c->n_years = c->budget->n_years;
	sim_welford_init(&c->total);
	sim_welford_init(&c->fixed);
	sim_welford_init(&c->incidents);
	sim_welford_init(&c->opex);
	sim_welford_init(&c->npv);
	c->total_sketch = sim_sketch_new(SIM_SKETCH_ALPHA);
	c->incidents_sketch = sim_sketch_new(SIM_SKETCH_ALPHA);
	c->npv_sketch = sim_sketch_new(SIM_SKETCH_ALPHA);
	c->year_cumulative = g_new0(SimWelford, n);
	c->year_opex = g_new0(SimWelford, n);
	c->year_npv = g_new0(SimWelford, n);
	welfords_init(c->year_cumulative, n);
	welfords_init(c->year_opex, n);
	welfords_init(c->year_npv, n);
	c->year_sketch = g_new0(SimSketch *, n);
	c->year_npv_sketch = g_new0(SimSketch *, n);
	sketches_new(c->year_sketch, n);
	sketches_new(c->year_npv_sketch, n);
	c->year_incidents = g_new0(double, n);
	c->cum_incidents = g_new0(double, n);
	return c;
}

static void sketches_free(SimSketch **s, guint n)
{
	for (guint y = 0; y < n; y++)
		sim_sketch_free(s[y]);
	g_free(s);
}

void mdl_cost_results_free(MdlCostResults *c)
{
	if (!c)
		return;
	sim_sketch_free(c->total_sketch);
	sim_sketch_free(c->incidents_sketch);
	sim_sketch_free(c->npv_sketch);
	sketches_free(c->year_sketch, c->n_years);
	sketches_free(c->year_npv_sketch, c->n_years);
	g_free(c->year_cumulative);
	g_free(c->year_opex);
	g_free(c->year_npv);
	g_free(c->year_incidents);
	g_free(c->cum_incidents);
	mdl_budget_free(c->budget);
	g_free(c);
}

/* The slices: cumulative cost at each end; operating costs of each (the
 * fixed ones and the incidents of the slice); the discounted cumulative
 * cost at each end, from what is spent at t = 0, undiscounted.  Returns
 * the net present value and the operating costs in *opex. */
static double fold_slices(MdlCostResults *c, double *opex)
{
	const MdlBudget *b = c->budget;
	double npv = b->at_start, before = 0;

	*opex = 0;
	for (guint y = 0; y < c->n_years; y++) {
		double cum = b->spent[y] + c->cum_incidents[y];
		double incidents = c->cum_incidents[y] - before;
		sim_welford_add(&c->year_cumulative[y], cum);
		sim_sketch_add(c->year_sketch[y], cum);
		sim_welford_add(&c->year_opex[y], b->opex[y] + incidents);
		*opex += b->opex[y] + incidents;
		npv += b->discount[y] * (b->capex[y] + b->opex[y] + incidents);
		sim_welford_add(&c->year_npv[y], npv);
		sim_sketch_add(c->year_npv_sketch[y], npv);
		before = c->cum_incidents[y];
	}
	return npv;
}

void mdl_cost_results_end_replication(MdlCostResults *c)
{
	double fixed = c->budget->fixed, opex;
	double incidents = c->cum_incidents[c->n_years - 1];
	double npv = fold_slices(c, &opex);

	sim_welford_add(&c->fixed, fixed);
	sim_welford_add(&c->incidents, incidents);
	sim_sketch_add(c->incidents_sketch, incidents);
	sim_welford_add(&c->total, fixed + incidents);
	sim_sketch_add(c->total_sketch, fixed + incidents);
	sim_welford_add(&c->opex, opex);
	sim_welford_add(&c->npv, npv);
	sim_sketch_add(c->npv_sketch, npv);
	c->rep_total = fixed + incidents;
	c->rep_incidents = incidents;
	c->rep_npv = npv;
	memset(c->year_incidents, 0, c->n_years * sizeof(double));
	memset(c->cum_incidents, 0, c->n_years * sizeof(double));
}

static void merge_years(SimWelford *a, SimSketch **as, const SimWelford *b,
			SimSketch *const *bs, guint n)
{
	for (guint y = 0; y < n; y++) {
		sim_welford_merge(&a[y], &b[y]);
		if (as)
			sim_sketch_merge(as[y], bs[y]);
	}
}

void mdl_cost_results_merge(MdlCostResults *a, const MdlCostResults *b)
{
	g_return_if_fail(a && b && a->n_years == b->n_years);
	sim_welford_merge(&a->total, &b->total);
	sim_welford_merge(&a->fixed, &b->fixed);
	sim_welford_merge(&a->incidents, &b->incidents);
	sim_sketch_merge(a->total_sketch, b->total_sketch);
	sim_sketch_merge(a->incidents_sketch, b->incidents_sketch);
	merge_years(a->year_cumulative, a->year_sketch, b->year_cumulative,
		    b->year_sketch, a->n_years);
	sim_welford_merge(&a->opex, &b->opex);
	merge_years(a->year_opex, NULL, b->year_opex, NULL, a->n_years);
	sim_welford_merge(&a->npv, &b->npv);
	sim_sketch_merge(a->npv_sketch, b->npv_sketch);
	merge_years(a->year_npv, a->year_npv_sketch, b->year_npv,
		    b->year_npv_sketch, a->n_years);
}
