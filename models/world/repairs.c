/* repairs.c — repair crews: a failed unit asks for its repair, waits in
 * its crew's line (first come, first served) for a free member at work or
 * on call, and is as good as new at the repair's end (docs/model.md,
 * "Repair crews").  Without a crew, a repair starts at once. */
#include "repairs.h"

static void on_repaired(SimEngine *eng, void *ctx, uint32_t arg);
static void on_crew_open(SimEngine *eng, void *ctx, uint32_t arg);

/* Starts the repair of unit after delay (a call-out, or 0). */
static void repair_start(MdlWorld *w, guint unit, double delay)
{
	Unit *u = &w->units[unit];
	const MdlComponent *mc = mcomp(w, u->comp);
	double t = sim_dist_sample(mc->modes[u->mode].repair,
				   w->comps[u->comp].repair_rng);

	if (mc->crew >= 0 && !w->svc_out)	/* the main's crews only */
		w->rec->repair_started(w->sink, (guint)mc->crew,
				       sim_engine_now(w->eng) + delay - u->asked);
	u->repair_ev = sim_engine_after(w->eng, delay + t, MDL_PRIO_REPAIR,
					on_repaired, w, unit);
}

/* Gives waiting repairs to free members of crew k, if at work (or on
 * call); otherwise waits for the next staffed instant.  Members away
 * (people.c) are not free: with all of them away, the line waits for
 * the end of an absence, which dispatches again. */
void world_crew_dispatch(MdlWorld *w, guint k)
{
	const MdlCrew *mk = &w->sc->crews[k];
	Crew *cr = &w->crews[k];
	SimTime now = sim_engine_now(w->eng);

	while (!g_queue_is_empty(&cr->line) &&
	       (mk->size == 0 || cr->busy + cr->absent < mk->size)) {
		double delay = 0;
		if (!sim_schedule_contains(mk->hours, &w->sc->calendar, now)) {
			if (!mk->callout) {
				SimTime open = sim_schedule_next_open(
					mk->hours, &w->sc->calendar, now);
				if (cr->open_ev == SIM_EVENT_NONE && isfinite(open))
					cr->open_ev = sim_engine_at(
						w->eng, open, MDL_PRIO_CREW,
						on_crew_open, w, k);
				return;
			}
			delay = sim_dist_sample(mk->callout, cr->rng) *
				world_crew_slowness(w, (gint)k);
		}
		guint unit = GPOINTER_TO_UINT(g_queue_pop_head(&cr->line)) - 1;
		w->units[unit].queued = FALSE;
		cr->busy++;
		repair_start(w, unit, delay);
	}
}

static void on_crew_open(SimEngine *eng, void *ctx, uint32_t arg)
{
	MdlWorld *w = ctx;

	(void)eng;
	w->crews[arg].open_ev = SIM_EVENT_NONE;
	world_crew_dispatch(w, arg);
}

void world_repair_request(MdlWorld *w, guint unit)
{
	Unit *u = &w->units[unit];
	gint k = mcomp(w, u->comp)->crew;

	u->asked = sim_engine_now(w->eng);
	if (k < 0) {
		repair_start(w, unit, 0);
		return;
	}
	u->queued = TRUE;
	g_queue_push_tail(&w->crews[k].line, GUINT_TO_POINTER(unit + 1));
	world_crew_dispatch(w, (guint)k);
}

/* Withdraws unit's repair (its site was destroyed): out of the line, or
 * its crew member freed. */
void world_repair_cancel(MdlWorld *w, guint unit)
{
	Unit *u = &w->units[unit];
	gint k = mcomp(w, u->comp)->crew;

	if (u->queued) {
		g_queue_remove(&w->crews[k].line, GUINT_TO_POINTER(unit + 1));
		u->queued = FALSE;
	} else if (sim_engine_cancel(w->eng, u->repair_ev) && k >= 0) {
		w->crews[k].busy--;
	}
	u->repair_ev = SIM_EVENT_NONE;
}

static void on_repaired(SimEngine *eng, void *ctx, uint32_t arg)
{
	MdlWorld *w = ctx;
	Unit *u = &w->units[arg];
	gint k = mcomp(w, u->comp)->crew;

	(void)eng;
	u->repair_ev = SIM_EVENT_NONE;
	u->failed = FALSE;
	world_unit_renew(w, arg);
	world_comp_update(w, u->comp);
	world_propagate(w);
	if (k >= 0) {
		w->crews[k].busy--;
		world_crew_dispatch(w, (guint)k);
	}
}

char *world_repairs_event_element(const MdlWorld *w, SimHandler fn,
				  uint32_t arg, int *line)
{
	if (fn == on_repaired)
		return world_mode_element(w, arg, line);
	if (fn == on_crew_open) {
		*line = w->sc->crews[arg].line;
		return g_strdup_printf("the hours of crew '%s'",
				       w->sc->crews[arg].id);
	}
	return NULL;
}
