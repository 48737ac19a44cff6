/* down.c — part of the world's core (world-core.h): what a service
 * relies on, and how long each of those has been down, which its
 * incidents report (record.h: what drives the breaches). */
#include "world-core.h"

#include <math.h>

static void mark_component(const MdlScenario *sc, guint c, gboolean *mask)
{
	mask[c] = TRUE;
	mask[sc->n_components + sc->components[c].site] = TRUE;
}

/* Marks the components and sites service s relies on (world-core.h,
 * Svc.relevant), through the services it depends on (seen: visited). */
static void mark_service(const MdlScenario *sc, guint s, gboolean *mask,
			 gboolean *seen)
{
	const MdlService *sv = &sc->services[s];

	if (seen[s])
		return;
	seen[s] = TRUE;
	for (guint i = 0; i < sv->n_requires; i++)
		mark_component(sc, sv->requires[i], mask);
	for (guint i = 0; i < sv->n_depends; i++)
		mark_service(sc, sv->depends[i], mask, seen);
	for (guint i = 0; i < sv->n_datasets; i++)
		mark_component(sc, sc->datasets[sv->datasets[i]].storage, mask);
	for (guint k = 0; k < sv->plan.n_strategies; k++) {
		const MdlStrategy *st = &sv->plan.strategies[k];
		if (st->kind == MDL_STRATEGY_FAILOVER)
			mask[sc->n_components + st->site] = TRUE;
		for (guint i = 0; i < st->n_requires; i++)
			mark_component(sc, st->requires[i], mask);
		for (guint i = 0; i < st->n_depends; i++)
			mark_service(sc, st->depends[i], mask, seen);
	}
}

void world_index_relevant(MdlWorld *w, guint s)
{
	const MdlScenario *sc = w->sc;
	guint n = sc->n_components + sc->n_sites;
	g_autofree gboolean *mask = g_new0(gboolean, MAX(n, 1));
	g_autofree gboolean *seen = g_new0(gboolean, sc->n_services);
	Svc *v = &w->svcs[s];

	mark_service(sc, s, mask, seen);
	v->relevant = g_new(guint, MAX(n, 1));
	for (guint i = 0; i < n; i++)
		if (mask[i])
			v->relevant[v->n_relevant++] = i;
}

void world_down_hours_of(const MdlWorld *w, const guint *idx, guint n,
			 const double *since, double *out)
{
	double now = sim_engine_now(w->eng);
	guint nc = w->sc->n_components;

	for (guint k = 0; k < n; k++) {
		guint i = idx[k];
		if (i < nc) {
			const Comp *cp = &w->comps[i];
			out[i] = cp->down_time + (cp->is_up ? 0 : now - cp->last);
		} else {
			const Site *st = &w->sites[i - nc];
			out[i] = st->down_time + (isinf(st->down_since)
							  ? 0
							  : now - st->down_since);
		}
		if (since)
			out[i] -= since[i];
	}
}
