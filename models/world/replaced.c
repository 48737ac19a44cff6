/* replaced.c — the topology a scenario replaces, played until the new one
 * takes over (docs/model.md, "Replaced infrastructure").
 *
 * A scenario whose project replaces another (costs.project.replaces) is
 * in service from in_service_h only: before, the replaced topology runs,
 * with its own failures, hazards, threats, copies and plans.  Each
 * replication plays the replaced scenario's world from 0 to the switch,
 * then the scenario's own world from the switch to the horizon, both
 * recording into the same results: incidents and uptime of a service (by
 * id) are one story over the whole horizon, under the scenario's targets.
 *
 * The switch is at in_service_h, or, when an incident of the replaced
 * topology is still open then, at the first instant it has none left: no
 * migration cuts over in the middle of a crisis.
 *
 * The replaced world draws from its own streams (names prefixed
 * "replaced:"), so it does not replay the new topology's draws; two
 * scenarios replacing the same file see the same old topology for as long
 * as both run it (common random numbers).
 */
#include "replaced.h"

#include <string.h>

void replaced_init(MdlWorld *w)
{
	const MdlScenario *sc = w->sc, *old = sc->replaces;
	MdlWorld *pw;

	if (!old)
		return;
	pw = world_new(old, mdl_labels_replaced(w->labels),
		       MDL_LABELS_REPLACED, w->hooks);
	pw->svc_out = g_new(guint, MAX(old->n_services, 1));
	for (guint s = 0; s < old->n_services; s++) {
		gint i = mdl_scenario_find_service(sc, old->services[s].id);
		pw->svc_out[s] = i >= 0 ? (guint)i : G_MAXUINT;
	}
	pw->report_sc = sc;
	w->replaced = pw;
	w->before_uptime = g_new0(double, MAX(sc->n_services, 1));
}

/* Some incident of a service the results report is open. */
static gboolean reported_open(const MdlWorld *pw)
{
	for (guint s = 0; s < pw->sc->n_services; s++)
		if (pw->svcs[s].open && pw->svc_out[s] != G_MAXUINT)
			return TRUE;
	return FALSE;
}

void replaced_incident_closed(MdlWorld *pw)
{
	if (!reported_open(pw))
		sim_engine_stop(pw->eng);
}

/* Closes the replaced world's integrals at the switch t: each reported
 * service's uptime goes to w->before_uptime and, when it is up, its last
 * stretch into the year slices. */
static void close_at_switch(MdlWorld *w, MdlWorld *pw, double t)
{
	for (guint s = 0; s < pw->sc->n_services; s++) {
		guint out = pw->svc_out[s];
		if (out == G_MAXUINT)
			continue;
		w->before_uptime[out] = world_service_close(pw, s, t, out);
	}
}

gboolean replaced_play(MdlWorld *w, GError **error)
{
	MdlWorld *pw = w->replaced;
	double T = w->sc->horizon_h;
	gboolean ok;

	pw->rec = w->rec;
	pw->sink = w->sink;
	world_reseed(pw, w->seed, w->rep);	/* the scenario's seed */
	world_reset(pw, 0);
	ok = world_play(pw, w->sc->in_service_h, error);
	if (ok && reported_open(pw)) {
		pw->quiet_stop = TRUE;
		ok = world_play(pw, T, error);
		pw->quiet_stop = FALSE;
	}
	if (ok) {
		double t = fmin(sim_engine_now(pw->eng), T);
		close_at_switch(w, pw, t);
		if (t >= T)
			pw->hooks->censor(pw);
		w->rec->switched(w->sink, t);
		w->rec->events(w->sink, sim_engine_events(pw->eng));
		w->start = t;
	}
	pw->rec = NULL;
	pw->sink = NULL;
	return ok;
}
