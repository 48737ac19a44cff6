/* results.c — the mergeable results of replications. */
#include "models/results.h"

MdlResults *mdl_results_new(const MdlScenario *sc)
{
	MdlResults *r = g_new0(MdlResults, 1);

	r->n_services = sc->n_services;
	r->n_components = sc->n_components;
	r->n_crews = sc->n_crews;
	r->services = g_new0(MdlServiceResults, sc->n_services);
	r->components = g_new0(MdlComponentResults, sc->n_components);
	r->crews = g_new0(MdlCrewResults, sc->n_crews);
	for (guint i = 0; i < r->n_services; i++) {
		MdlServiceResults *s = &r->services[i];
		sim_welford_init(&s->availability);
		sim_welford_init(&s->downtime_h_per_year);
		sim_welford_init(&s->rto_h);
		sim_welford_init(&s->rpo_h);
		s->rto_sketch = sim_sketch_new(SIM_SKETCH_ALPHA);
		s->rpo_sketch = sim_sketch_new(SIM_SKETCH_ALPHA);
	}
	for (guint i = 0; i < r->n_components; i++) {
		sim_welford_init(&r->components[i].availability);
		sim_welford_init(&r->components[i].units_up);
	}
	for (guint i = 0; i < r->n_crews; i++)
		sim_welford_init(&r->crews[i].wait_h);
	return r;
}

void mdl_results_free(MdlResults *r)
{
	if (!r)
		return;
	for (guint i = 0; i < r->n_services; i++) {
		sim_sketch_free(r->services[i].rto_sketch);
		sim_sketch_free(r->services[i].rpo_sketch);
	}
	g_free(r->services);
	g_free(r->components);
	g_free(r->crews);
	g_free(r);
}

static void merge_service(MdlServiceResults *a, const MdlServiceResults *b)
{
	sim_welford_merge(&a->availability, &b->availability);
	sim_welford_merge(&a->downtime_h_per_year, &b->downtime_h_per_year);
	a->incidents += b->incidents;
	a->censored += b->censored;
	sim_welford_merge(&a->rto_h, &b->rto_h);
	sim_sketch_merge(a->rto_sketch, b->rto_sketch);
	sim_welford_merge(&a->rpo_h, &b->rpo_h);
	sim_sketch_merge(a->rpo_sketch, b->rpo_sketch);
	a->rpo_unknown += b->rpo_unknown;
	a->rto_met += b->rto_met;
	a->rpo_met += b->rpo_met;
	a->both_met += b->both_met;
}

void mdl_results_merge(MdlResults *into, const MdlResults *from)
{
	g_return_if_fail(into && from);
	g_return_if_fail(into->n_services == from->n_services &&
			 into->n_components == from->n_components &&
			 into->n_crews == from->n_crews);

	for (guint i = 0; i < into->n_services; i++)
		merge_service(&into->services[i], &from->services[i]);
	for (guint i = 0; i < into->n_components; i++) {
		MdlComponentResults *a = &into->components[i];
		const MdlComponentResults *b = &from->components[i];
		sim_welford_merge(&a->availability, &b->availability);
		sim_welford_merge(&a->units_up, &b->units_up);
	}
	for (guint i = 0; i < into->n_crews; i++) {
		MdlCrewResults *a = &into->crews[i];
		const MdlCrewResults *b = &from->crews[i];
		a->repairs += b->repairs;
		a->immediate += b->immediate;
		sim_welford_merge(&a->wait_h, &b->wait_h);
	}
	into->replications += from->replications;
	into->events += from->events;
}
