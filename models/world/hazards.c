/* hazards.c — site hazards: outages, destruction and rebuild of a site,
 * each hazard drawn again from the end of its occurrence's effect
 * (docs/model.md, "Site hazards"). */
#include "world-private.h"

static void on_hazard(SimEngine *eng, void *ctx, uint32_t arg);

static const MdlHazard *hazard_of(const MdlWorld *w, guint h)
{
	return &w->sc->sites[w->hazards[h].site].hazards[w->hazards[h].index];
}

static void schedule_hazard(MdlWorld *w, guint h)
{
	Site *st = &w->sites[w->hazards[h].site];

	sim_engine_after(w->eng, sim_dist_sample(hazard_of(w, h)->every, st->rng),
			 MDL_PRIO_HAZARD, on_hazard, w, h);
}

void world_schedule_hazards(MdlWorld *w)
{
	for (guint h = 0; h < w->n_hazards; h++)
		schedule_hazard(w, h);
}

/* Runs at every change of a site's state, whatever its cause. */
void world_site_refresh(MdlWorld *w, guint s)
{
	GArray *comps = w->sites[s].comps;

	world_site_changed(w, s);
	if (site_ok(w, s))	/* home again: no longer elsewhere */
		for (guint i = 0; i < comps->len; i++) {
			Comp *cp = &w->comps[g_array_index(comps, guint, i)];
			cp->relocated = FALSE;
			sim_engine_cancel(w->eng, cp->rebuild_ev);
			cp->rebuild_ev = SIM_EVENT_NONE;
		}
	for (guint i = 0; i < comps->len; i++)
		world_comp_update(w, g_array_index(comps, guint, i));
	world_propagate(w);
}

static void on_outage_end(SimEngine *eng, void *ctx, uint32_t arg)
{
	MdlWorld *w = ctx;
	guint s = w->hazards[arg].site;

	(void)eng;
	w->sites[s].outages--;
	world_site_refresh(w, s);
	schedule_hazard(w, arg);
}

void world_site_rebuilt(MdlWorld *w, guint s)
{
	GArray *comps = w->sites[s].comps;

	w->sites[s].destroyed = FALSE;
	for (guint i = 0; i < comps->len; i++) {
		guint c = g_array_index(comps, guint, i);
		for (guint k = 0; k < mcomp(w, c)->count; k++)
			world_unit_renew(w, w->comps[c].first + k);
	}
	world_site_refresh(w, s);
}

static void on_rebuilt(SimEngine *eng, void *ctx, uint32_t arg)
{
	MdlWorld *w = ctx;

	(void)eng;
	world_site_rebuilt(w, w->hazards[arg].site);
	schedule_hazard(w, arg);
}

/* Everything on site s is lost: pending failures and repairs withdrawn,
 * units gone until the rebuild. */
void world_destroy_site(MdlWorld *w, guint s)
{
	GArray *comps = w->sites[s].comps;

	w->sites[s].destroyed = TRUE;
	for (guint i = 0; i < comps->len; i++) {
		guint c = g_array_index(comps, guint, i);
		for (guint k = 0; k < mcomp(w, c)->count; k++) {
			guint unit = w->comps[c].first + k;
			Unit *u = &w->units[unit];
			sim_engine_cancel(w->eng, u->fail_ev);
			u->fail_ev = SIM_EVENT_NONE;
			u->operating = FALSE;
			if (u->failed)
				world_repair_cancel(w, unit);
			u->failed = FALSE;
		}
	}
	world_site_refresh(w, s);
	for (guint i = 0; i < comps->len; i++)
		recovery_data_loss_on(w, g_array_index(comps, guint, i));
	for (guint k = 0; k < w->n_copies; k++)
		if (protect_copy_site(w, k) == s)
			protect_wipe(w, k);
	world_propagate(w);
	/* members freed by cancellations */
	for (guint k = 0; k < w->sc->n_crews; k++)
		world_crew_dispatch(w, k);
}

static void on_hazard(SimEngine *eng, void *ctx, uint32_t arg)
{
	MdlWorld *w = ctx;
	const MdlHazard *hz = hazard_of(w, arg);
	guint s = w->hazards[arg].site;
	Site *st = &w->sites[s];
	double d = sim_dist_sample(hz->duration, st->rng);

	w->cause = mdl_cause_hazard(w->labels, s, w->hazards[arg].index);
	if (hz->effect == MDL_HAZARD_OUTAGE || !st->destroyed)
		w->rec->occurrence(w->sink, w->cause, sim_engine_now(eng));
	if (hz->effect == MDL_HAZARD_OUTAGE) {
		st->outages++;
		world_site_refresh(w, s);
		sim_engine_after(eng, d, MDL_PRIO_SITE_BACK, on_outage_end, w, arg);
	} else if (st->destroyed) {
		schedule_hazard(w, arg);	/* nothing left to destroy */
	} else {
		world_destroy_site(w, s);
		sim_engine_after(eng, d, MDL_PRIO_SITE_BACK, on_rebuilt, w, arg);
	}
}
