/* restores.c — restores of lost data from the best usable copy, with
 * fallback to older ones, and losses for good (docs/model.md,
 * "Recovery", step 5).  A mechanism of world/ (world-core.h): the plans
 * (recovery.c) ask for restores through the hooks. */
#include "restores.h"

#include <math.h>

static void on_restored(SimEngine *eng, void *ctx, uint32_t arg);
static void on_wake(SimEngine *eng, void *ctx, uint32_t arg);

/* The position of dataset d in the `data` of service s. */
static guint data_pos(const MdlWorld *w, guint s, guint d)
{
	const MdlService *sv = &w->sc->services[s];
	guint i = 0;

	while (i < sv->n_datasets && sv->datasets[i] != d)
		i++;
	return i;
}

/* Records in every open incident using d the outcome of its restore:
 * outcome digit o and recovery point rp; a loss for good stays the
 * worst, else the oldest recovery point restored. */
static void record_outcome(MdlWorld *w, guint d, guint o, double rp)
{
	Data *dt = &w->data[d];
	guint lost = w->sc->datasets[d].n_copies + 1;

	for (guint i = 0; i < dt->services->len; i++) {
		guint s = g_array_index(dt->services, guint, i);
		Svc *v = &w->svcs[s];
		guint k = data_pos(w, s, d);
		if (v->open && v->outcome[k] != lost &&
		    (o == lost || rp < v->outcome_rp[k])) {
			v->outcome[k] = o;
			v->outcome_rp[k] = rp;
		}
	}
}

/* Dataset d is usable again: intact, its retention running again. */
static void data_back(MdlWorld *w, guint d)
{
	Data *dt = &w->data[d];

	dt->intact = TRUE;
	w->n_lost--;
	dt->authorised = FALSE;
	dt->frozen_at = INFINITY;
	dt->restored_at = world_now(w);
	world_data_blocked_update(w, d);
	for (guint i = 0; i < dt->services->len; i++)
		world_mark_service(w, g_array_index(dt->services, guint, i));
}

/* No usable copy: the data is lost for good, every byte since the
 * dataset's oldest data, and the dataset restarts empty now. */
static void lost_for_good(MdlWorld *w, guint d)
{
	Data *dt = &w->data[d];
	const MdlDataset *ds = &w->sc->datasets[d];

	world_step(w, ds->id, "unrecoverable %s", ds->id);
	w->rec->lost_for_good(w->sink, ds->id, world_now(w));
	record_outcome(w, d, ds->n_copies + 1, dt->born);
	data_back(w, d);
	dt->restored_rp = -INFINITY;
	dt->born = world_now(w);
}

/* The newest usable recovery point of dataset d older than `before`;
 * none: the data is lost for good. */
static void restore_start(MdlWorld *w, guint d, double before, double delay)
{
	Data *dt = &w->data[d];
	const MdlDataset *ds = &w->sc->datasets[d];
	double rp;
	guint copy = 0;

	if (!w->hooks->best_copy(w, d, dt->limit, before, &rp, &copy)) {
		lost_for_good(w, d);
		return;
	}
	const MdlRestore *re = &ds->copies[copy].restore;
	double t = re->overhead_h, all = 0;
	if (isfinite(re->throughput))
		all = world_data_size(w, d, world_now(w)) / re->throughput;
	/* in parts: the first brings the service back, the rest follows
	 * in the background (first_fraction 1: all of it at once) */
	t += ds->first_fraction * all;
	dt->rest_h = all - ds->first_fraction * all;
	dt->restore_copy = copy;
	dt->restore_rp = rp;
	world_step(w, ds->id, "restore started %s/%s", ds->id, ds->copies[copy].id);
	dt->restore_ev = sim_engine_after(w->eng, delay + t, PRIO_RESTORED,
					  on_restored, w, d);
}

/* The data is back as of rp: the state a restore leaves counts as a
 * recovery point itself while a copy at least as old serves (the next
 * loss loses only what was written since the restore). */
static double effective_rp(const Data *dt, double rp)
{
	return rp >= dt->restored_rp ? fmax(rp, dt->restored_at) : rp;
}

/* A restore in parts has brought its first part back: every open
 * incident using d is whole only once the rest is, rest_h from now.  A
 * new loss during the background restarts a restore of the whole, which
 * the earlier incident does not wait for. */
static void record_full(MdlWorld *w, guint d)
{
	Data *dt = &w->data[d];
	double end = world_now(w) + dt->rest_h;

	for (guint i = 0; i < dt->services->len; i++) {
		Svc *v = &w->svcs[g_array_index(dt->services, guint, i)];
		if (v->open)
			v->t_full = isnan(v->t_full) ? end
						     : fmax(v->t_full, end);
	}
}

static void restore_done(MdlWorld *w, guint d)
{
	Data *dt = &w->data[d];

	record_outcome(w, d, dt->restore_copy + 1,
		       effective_rp(dt, dt->restore_rp));
	if (w->sc->datasets[d].first_fraction < 1)
		record_full(w, d);
	data_back(w, d);
	dt->restored_rp = dt->restore_rp;
}

static void on_restored(SimEngine *eng, void *ctx, uint32_t arg)
{
	MdlWorld *w = ctx;
	Data *dt = &w->data[arg];
	const MdlCopy *c = &w->sc->datasets[arg].copies[dt->restore_copy];

	(void)eng;
	const char *ds = w->sc->datasets[arg].id;

	dt->restore_ev = SIM_EVENT_NONE;
	if (sim_rng_uniform(dt->rng) < c->restore.success) {
		world_step(w, ds, "restore done %s/%s", ds, c->id);
		restore_done(w, arg);
	} else {	/* the copy was bad: the next older one */
		world_step(w, ds, "restore failed %s/%s", ds, c->id);
		restore_start(w, arg, dt->restore_rp, 0);
	}
	world_propagate(w);
}

static void on_wake(SimEngine *eng, void *ctx, uint32_t arg)
{
	(void)eng;
	(void)arg;
	world_propagate(ctx);
}

/* Starts the restores that can start now: asked for by a plan, storage
 * back, forensics over. */
void restores_try(MdlWorld *w)
{
	double now = world_now(w);

	for (guint d = 0; d < w->sc->n_datasets; d++) {
		Data *dt = &w->data[d];
		guint storage = w->sc->datasets[d].storage;
		if (dt->intact || !dt->authorised ||
		    dt->restore_ev != SIM_EVENT_NONE)
			continue;
		if (!w->comps[storage].is_up)
			continue;
		if (now < dt->forensics_until) {
			sim_engine_at(w->eng, dt->forensics_until, PRIO_STEP,
				      on_wake, w, 0);
			continue;
		}
		guint s = g_array_index(dt->services, guint, 0);
		double delay = dt->manual ? world_human_delay(w, world_plan(w, s)->crew,
							dt->rng)
					  : 0;
		restore_start(w, d, INFINITY, delay);
	}
}

void restores_authorise(MdlWorld *w, guint s, gboolean manual)
{
	const MdlService *sv = &w->sc->services[s];

	for (guint i = 0; i < sv->n_datasets; i++) {
		Data *dt = &w->data[sv->datasets[i]];
		if (dt->intact || dt->authorised)
			continue;
		dt->authorised = TRUE;
		dt->manual = manual;
	}
}

