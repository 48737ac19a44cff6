/* hazards.c — site hazards: outages, destruction and rebuild of a site,
 * each hazard drawn again from the end of its occurrence's effect
 * (docs/model.md, "Site hazards"). */
#include "hazards.h"

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

static void on_outage_end(SimEngine *eng, void *ctx, uint32_t arg)
{
	MdlWorld *w = ctx;
	guint s = w->hazards[arg].site;

	(void)eng;
	w->sites[s].outages--;
	world_site_refresh(w, s);
	schedule_hazard(w, arg);
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
				w->hooks->repair_cancel(w, unit);
			u->failed = FALSE;
		}
	}
	world_site_refresh(w, s);
	for (guint i = 0; i < comps->len; i++)
		w->hooks->data_lost_on(w, g_array_index(comps, guint, i));
	w->hooks->wipe_site_copies(w, s);
	world_propagate(w);
	/* members freed by cancellations */
	for (guint k = 0; k < w->sc->n_crews; k++)
		w->hooks->crew_dispatch(w, k);
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

char *world_hazards_event_element(const MdlWorld *w, SimHandler fn,
				  uint32_t arg, int *line)
{
	if (fn != on_hazard && fn != on_outage_end && fn != on_rebuilt)
		return NULL;
	*line = hazard_of(w, arg)->line;
	return g_strdup_printf("hazard '%s' of site '%s'",
			       hazard_of(w, arg)->name,
			       w->sc->sites[w->hazards[arg].site].id);
}
