/* exercise.c — the injected disaster of an exercise (drsim exercise):
 * a site out or destroyed, a component failing by a mode, ransomware,
 * at a given instant, in a world where nothing else fails. */
#include "exercise.h"

static void on_injected_outage_end(SimEngine *eng, void *ctx, uint32_t arg)
{
	MdlWorld *w = ctx;

	(void)eng;
	w->sites[arg].outages--;
	world_site_refresh(w, arg);
}

static void on_injected_rebuilt(SimEngine *eng, void *ctx, uint32_t arg)
{
	(void)eng;
	world_site_rebuilt(ctx, arg);
}

/* Every unit of component c fails now by mode m. */
static void fail_component(MdlWorld *w, guint c, guint m)
{
	const MdlComponent *mc = mcomp(w, c);

	w->cause = mdl_cause_mode(w->labels, c, m);
	for (guint k = 0; k < mc->count; k++) {
		guint unit = w->comps[c].first + k;
		Unit *u = &w->units[unit];
		if (u->failed)
			continue;
		sim_engine_cancel(w->eng, u->fail_ev);
		u->fail_ev = SIM_EVENT_NONE;
		u->operating = FALSE;
		u->failed = TRUE;
		u->mode = m;
	}
	world_comp_update(w, c);
	world_propagate(w);
	if (mc->modes[m].effect == MDL_FAILURE_DATA_LOSS) {
		w->hooks->data_lost_on(w, c);
		world_propagate(w);
	}
	for (guint k = 0; k < mc->count; k++)
		if (w->units[w->comps[c].first + k].repair_ev == SIM_EVENT_NONE &&
		    !w->units[w->comps[c].first + k].queued)
			w->hooks->repair_request(w, w->comps[c].first + k);
}

static void on_injected(SimEngine *eng, void *ctx, uint32_t arg)
{
	MdlWorld *w = ctx;
	const MdlInjection *inj = w->injection;
	double d = inj->duration ? sim_dist_sample(inj->duration,
						   w->sites[0].rng) : 0;

	(void)arg;
	world_trace(w, MDL_TRACE_STEP, inj->what, "injected");
	switch (inj->kind) {
	case MDL_INJECT_OUTAGE:
		w->cause = inj->cause;
		w->sites[inj->index].outages++;
		world_site_refresh(w, inj->index);
		sim_engine_after(eng, d, MDL_PRIO_SITE_BACK,
				 on_injected_outage_end, w, inj->index);
		break;
	case MDL_INJECT_DESTROYED:
		w->cause = inj->cause;
		w->hooks->destroy_site(w, inj->index);
		sim_engine_after(eng, d, MDL_PRIO_SITE_BACK,
				 on_injected_rebuilt, w, inj->index);
		break;
	case MDL_INJECT_FAILURE:
		fail_component(w, inj->index, inj->mode);
		break;
	case MDL_INJECT_RANSOMWARE:
	default:
		w->hooks->inject_ransomware(w, inj);
		break;
	}
}

void world_schedule_injection(MdlWorld *w, const MdlInjection *inj)
{
	sim_engine_at(w->eng, inj->at_h, MDL_PRIO_HAZARD, on_injected, w, 0);
}
