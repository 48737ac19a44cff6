/* mechanisms.c — a world assembled: the table of hooks through which the
 * core (world.c) and the mechanisms reach one another (world-core.h),
 * and the public functions of world.h, which play a replication with the
 * replaced topology first and an exercise's injection.  The only file of
 * world/ that knows every mechanism. */
#include "common.h"
#include "exercise.h"
#include "hazards.h"
#include "hospital.h"
#include "people.h"
#include "planned.h"
#include "protect.h"
#include "provider.h"
#include "ransomware.h"
#include "recovery.h"
#include "repairs.h"
#include "replaced.h"
#include "restores.h"

static void mechanisms_init(MdlWorld *w)
{
	recovery_init(w);
	protect_init(w);
	hospital_init(w);
	common_init(w);
	planned_init(w);
	provider_init(w);
}

/* Copies, recovery, common causes and maintenance windows, then the
 * first hazards, threats, common causes, absences and key-person losses,
 * and providers' exits (none in an exercise: nothing happens but the
 * injection). */
static void mechanisms_reset(MdlWorld *w)
{
	protect_reset(w);
	recovery_reset(w);
	common_reset(w);
	planned_reset(w);
	if (!w->exercise) {
		world_schedule_hazards(w);
		recovery_schedule_threats(w);
		common_schedule(w);
		people_schedule(w);
		provider_schedule(w);
	}
}

static void mechanisms_free(MdlWorld *w)
{
	recovery_free(w);
	protect_free(w);
	hospital_free(w);
	common_free(w);
	planned_free(w);
	provider_free(w);
	if (w->replaced)
		world_free(w->replaced);
}

/* The element an event of a mechanism comes from, or NULL. */
static char *mechanisms_event_element(const MdlWorld *w, SimHandler fn,
				      uint32_t arg, int *line)
{
	char *what;

	if ((what = world_repairs_event_element(w, fn, arg, line)) ||
	    (what = world_hazards_event_element(w, fn, arg, line)) ||
	    (what = common_event_element(w, fn, arg, line)) ||
	    (what = planned_event_element(w, fn, arg, line)) ||
	    (what = people_event_element(w, fn, arg, line)) ||
	    (what = recovery_threat_event_element(w, fn, arg, line)))
		return what;
	return NULL;
}

static const WorldHooks hooks = {
	.init = mechanisms_init,
	.reset = mechanisms_reset,
	.free = mechanisms_free,
	.serving = recovery_serving,
	.incident_open = recovery_incident_open,
	.incident_close = recovery_incident_close,
	.censor = recovery_censor,
	.after_change = recovery_after_change,
	.data_lost_on = recovery_data_loss_on,
	.lose_data = recovery_lose_data,
	.repair_request = world_repair_request,
	.repair_cancel = world_repair_cancel,
	.crew_dispatch = world_crew_dispatch,
	.destroy_site = world_destroy_site,
	.wipe_copy = protect_wipe,
	.wipe_site_copies = protect_wipe_site,
	.best_copy = protect_best,
	.replica_point = protect_replica,
	.links_changed = protect_links_changed,
	.try_restores = restores_try,
	.authorise_restores = restores_authorise,
	.inject_ransomware = recovery_inject_ransomware,
	.replaced_closed = replaced_incident_closed,
	.work_recovery = hospital_work_recovery,
	.next_window = planned_next_window,
	.event_element = mechanisms_event_element,
};

MdlWorld *mdl_world_new(const MdlScenario *sc)
{
	MdlWorld *w = world_new(sc, NULL, "", &hooks);

	replaced_init(w);
	return w;
}

void mdl_world_free(MdlWorld *w)
{
	if (w)
		world_free(w);
}

gboolean mdl_world_run(MdlWorld *w, guint64 rep, const MdlRecorder *rec,
		       gpointer sink, GError **error)
{
	return mdl_world_run_exercise(w, rep, NULL, rec, sink, error);
}

gboolean mdl_world_run_exercise(MdlWorld *w, guint64 rep,
				const MdlInjection *inj,
				const MdlRecorder *rec, gpointer sink,
				GError **error)
{
	g_return_val_if_fail(w && rec, FALSE);

	w->rec = rec;
	w->sink = sink;
	w->exercise = inj != NULL;
	w->injection = inj;
	world_reseed(w, w->sc->seed, rep);
	/* An exercise tries the scenario's own topology, from t = 0. */
	if (w->replaced && !inj && !replaced_play(w, error)) {
		w->rec = NULL;
		return FALSE;
	}
	world_reset(w, w->replaced && !inj ? w->start : 0);
	if (inj)
		world_schedule_injection(w, inj);
	if (!world_play(w, w->sc->horizon_h, error)) {
		w->rec = NULL;
		return FALSE;
	}
	world_collect(w);
	w->rec = NULL;
	return TRUE;
}

void mdl_world_set_trace(MdlWorld *w, MdlTraceFn fn, gpointer data)
{
	w->trace = fn;
	w->trace_data = data;
	if (w->replaced)
		mdl_world_set_trace(w->replaced, fn, data);
}

const MdlLabels *mdl_world_labels(const MdlWorld *w)
{
	return w->labels;
}
