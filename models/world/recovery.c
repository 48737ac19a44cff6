/* recovery.c — what happens once a service is down: its incident,
 * detection, the declaration of a disaster, failover to a standby (with
 * retries and the services it needs there), rebuild elsewhere, failback;
 * the restores it asks for are restores.c's (through the hooks).  The
 * meaning of every step is in docs/model.md ("Recovery"). */
#include "recovery.h"

#include <string.h>

static void on_detected(SimEngine *eng, void *ctx, uint32_t arg);
static void on_declare_start(SimEngine *eng, void *ctx, uint32_t arg);
static void on_declared(SimEngine *eng, void *ctx, uint32_t arg);
static void on_failover_done(SimEngine *eng, void *ctx, uint32_t arg);
static void on_failover_retry(SimEngine *eng, void *ctx, uint32_t arg);
static void on_comp_rebuilt(SimEngine *eng, void *ctx, uint32_t arg);
static void on_failback_end(SimEngine *eng, void *ctx, uint32_t arg);
static void on_failback_window(SimEngine *eng, void *ctx, uint32_t arg);

static const char *sid(const MdlWorld *w, guint s)
{
	return w->sc->services[s].id;
}

/* -- set-up ---------------------------------------------------------------- */

/* Which causes destroy by themselves: a site destroyed, ransomware. */
static gboolean *destroying_causes(const MdlWorld *w)
{
	const MdlScenario *sc = w->sc;
	gboolean *d = g_new0(gboolean, mdl_labels_n_causes(w->labels) + 1);

	for (guint t = 0; t < sc->n_ransomware; t++)
		d[mdl_cause_ransomware(w->labels, t)] = TRUE;
	for (guint i = 0; i < sc->n_sites; i++)
		for (guint h = 0; h < sc->sites[i].n_hazards; h++)
			if (sc->sites[i].hazards[h].effect == MDL_HAZARD_DESTROYED)
				d[mdl_cause_hazard(w->labels, i, h)] = TRUE;
	return d;
}

void recovery_init(MdlWorld *w)
{
	const MdlScenario *sc = w->sc;

	w->cause_destroys = destroying_causes(w);
	w->data = g_new0(Data, sc->n_datasets);
	for (guint d = 0; d < sc->n_datasets; d++) {
		w->data[d].blocked = g_array_new(FALSE, FALSE, sizeof(Interval));
		w->data[d].services = g_array_new(FALSE, FALSE, sizeof(guint));
		w->data[d].rng = sim_rng_new(0, 0, "");
	}
	for (guint s = 0; s < sc->n_services; s++) {
		guint n = MAX(sc->services[s].n_datasets, 1);
		w->svcs[s].rng = sim_rng_new(0, 0, "");
		w->svcs[s].outcome = g_new0(guint, n);
		w->svcs[s].outcome_rp = g_new0(double, n);
	}
	w->threat_rng = sim_rng_new(0, 0, "");
	w->infected_at = g_new0(double, sc->n_ransomware + 1);
}

void recovery_reset(MdlWorld *w)
{
	for (guint d = 0; d < w->sc->n_datasets; d++) {
		Data *dt = &w->data[d];
		dt->intact = TRUE;
		dt->lost_at = dt->limit = NAN;
		dt->forensics_until = -INFINITY;
		dt->authorised = dt->manual = FALSE;
		dt->restore_ev = SIM_EVENT_NONE;
		dt->restored_at = dt->restored_rp = -INFINITY;
		dt->born = -w->sc->datasets[d].history_h;
		dt->frozen_at = INFINITY;
		g_array_set_size(dt->blocked, 0);
	}
	for (guint s = 0; s < w->sc->n_services; s++) {
		Svc *v = &w->svcs[s];
		v->on_standby = v->failing_back = v->failover_busy = FALSE;
		v->open = FALSE;
		v->detect_ev = v->declare_ev = v->step_ev = SIM_EVENT_NONE;
		v->window_ev = SIM_EVENT_NONE;
		v->window_due = FALSE;
	}
	w->settle_ev = SIM_EVENT_NONE;
	w->n_lost = w->n_standby = 0;
}

void recovery_free(MdlWorld *w)
{
	for (guint d = 0; d < w->sc->n_datasets; d++) {
		g_array_free(w->data[d].blocked, TRUE);
		g_array_free(w->data[d].services, TRUE);
		sim_rng_free(w->data[d].rng);
	}
	for (guint s = 0; s < w->sc->n_services; s++) {
		sim_rng_free(w->svcs[s].rng);
		g_free(w->svcs[s].outcome);
		g_free(w->svcs[s].outcome_rp);
	}
	sim_rng_free(w->threat_rng);
	g_free(w->data);
	g_free(w->infected_at);
	g_free(w->cause_destroys);
}

/* -- state ----------------------------------------------------------------- */

static gboolean data_intact(const MdlWorld *w, guint s)
{
	const MdlService *sv = &w->sc->services[s];

	for (guint i = 0; i < sv->n_datasets; i++)
		if (!w->data[sv->datasets[i]].intact)
			return FALSE;
	return TRUE;
}

/* The standby of failover strategy i of service s can serve: its site
 * up, and the components it needs too. */
static gboolean standby_ok(const MdlWorld *w, guint s, guint i)
{
	const MdlStrategy *st = &world_plan(w, s)->strategies[i];

	if (!site_ok(w, st->site))
		return FALSE;
	for (guint k = 0; k < st->n_requires; k++)
		if (!w->comps[st->requires[k]].is_up)
			return FALSE;
	return TRUE;
}

/* On the standby of failover strategy i, service s needs the services
 * the strategy names in `depends`, or else those its primary needs:
 * each up, on its primary or on its own standby.  service_order puts
 * them first, so their state is already up to date. */
static gboolean standby_dependencies_up(const MdlWorld *w, guint s, guint i)
{
	const MdlService *sv = &w->sc->services[s];
	const MdlStrategy *st = &sv->plan.strategies[i];
	const guint *deps = st->own_depends ? st->depends : sv->depends;
	guint n = st->own_depends ? st->n_depends : sv->n_depends;

	for (guint k = 0; k < n; k++)
		if (!w->svcs[deps[k]].up)
			return FALSE;
	return TRUE;
}

/* Service s can serve from the standby of failover strategy i. */
static gboolean standby_serves(const MdlWorld *w, guint s, guint i)
{
	return standby_ok(w, s, i) && standby_dependencies_up(w, s, i);
}

gboolean recovery_serving(const MdlWorld *w, guint s)
{
	const Svc *v = &w->svcs[s];

	if (v->failing_back)
		return FALSE;
	if (v->on_standby)
		return standby_serves(w, s, v->standby_strategy);
	return v->primary_ok && data_intact(w, s);
}

/* Destructive: data lost, or a cause that destroys (a site destroyed,
 * ransomware).  Such an incident is declared at once. */
static gboolean destructive(const MdlWorld *w, guint s)
{
	if (!data_intact(w, s) || w->svcs[s].data_unknown)
		return TRUE;
	return w->cause_destroys[w->svcs[s].cause];
}

/* -- incidents --------------------------------------------------------- */

void recovery_incident_open(MdlWorld *w, guint s)
{
	Svc *v = &w->svcs[s];

	v->open = TRUE;
	v->t0 = world_now(w);
	world_down_hours_of(w, v->relevant, v->n_relevant, NULL, v->down_t0);
	v->t_detect = v->t_declare = v->t_full = NAN;
	v->declared = FALSE;
	v->data_unknown = FALSE;
	for (guint i = 0; i < w->sc->services[s].n_datasets; i++) {
		v->outcome[i] = 0;
		v->outcome_rp[i] = INFINITY;
	}
	v->began_on_standby = v->on_standby;
	v->path = mdl_path_repair(w->labels);
	if (v->failing_back) {
		/* planned: nothing to detect or declare */
		v->cause = mdl_cause_failback(w->labels);
		v->path = mdl_path_failback(w->labels);
		v->t_detect = v->t0;
		return;
	}
	v->cause = w->cause;
	v->detect_ev = sim_engine_after(w->eng,
					world_draw(world_plan(w, s)->detect, v->rng),
					PRIO_STEP, on_detected, w, s);
}

static void cancel(MdlWorld *w, SimEventId *id)
{
	sim_engine_cancel(w->eng, *id);
	*id = SIM_EVENT_NONE;
}

/* Whether losing dataset d for good is charged as a whole (its
 * data_loss_total in the reported scenario), not by the hour. */
static gboolean priced_whole(const MdlWorld *w, guint d)
{
	return !isnan(mdl_scenario_loss_total(w->report_sc,
					       w->sc->datasets[d].id));
}

/* The outcome of every dataset the incident lost: the RPO of the worst,
 * the path naming each (one label per combination), the copy of the
 * worst restore, and what the costs need (docs/model.md, "Recovery"). */
static double restores_rpo(const MdlWorld *w, guint s, MdlIncident *inc)
{
	const MdlService *sv = &w->sc->services[s];
	const Svc *v = &w->svcs[s];
	double worst = INFINITY, worst_restored = INFINITY, priced = 0;
	guint code = 0, radix = 1, lost = 0, worst_i = 0;

	for (guint i = 0; i < sv->n_datasets; i++) {
		guint d = sv->datasets[i], nc = w->sc->datasets[d].n_copies;
		guint o = v->outcome[i];
		code += o * radix;
		radix *= nc + 2;
		if (o == 0)
			continue;
		lost++;
		double rpo = fmax(0, v->t0 - v->outcome_rp[i]);
		if (o == nc + 1) {
			inc->lost_for_good++;
			if (priced_whole(w, d))
				rpo = 0;	/* charged once, as a whole */
		} else if (v->outcome_rp[i] < worst_restored) {
			worst_restored = v->outcome_rp[i];
			inc->has_copy = TRUE;
			inc->dataset = d;
			inc->copy = o - 1;
		}
		priced = fmax(priced, rpo);
		if (v->outcome_rp[i] < worst) {
			worst = v->outcome_rp[i];
			worst_i = i;
		}
	}
	inc->rpo_priced_h = priced;
	if (lost == 0)
		return v->data_unknown ? NAN : 0;
	guint d = sv->datasets[worst_i];
	inc->path = v->outcome[worst_i] > w->sc->datasets[d].n_copies
			    ? mdl_path_unrecoverable(w->labels, w->sc, d)
			    : mdl_path_restore(w->labels, d,
					       v->outcome[worst_i] - 1);
	if (lost >= 2 && mdl_path_outcome(w->labels, s, code) != G_MAXUINT)
		inc->path = mdl_path_outcome(w->labels, s, code);
	return fmax(0, v->t0 - worst);
}

/* The RPO of the incident closing: from the standby's data, the worst
 * of its datasets' outcomes, or nothing lost. */
static double incident_rpo(const MdlWorld *w, guint s, MdlIncident *inc)
{
	const Svc *v = &w->svcs[s];
	double rpo;

	if (v->on_standby) {
		inc->path = mdl_path_failover(w->labels, v->standby_site);
		if (v->began_on_standby)
			rpo = 0;	/* the standby's data went nowhere */
		else
			rpo = isfinite(v->standby_rp)
				      ? fmax(0, v->t0 - v->standby_rp)
				      : NAN;
		inc->rpo_priced_h = rpo;
		return rpo;
	}
	rpo = restores_rpo(w, s, inc);
	if (inc->lost_for_good == 0)
		inc->rpo_priced_h = rpo;
	return rpo;
}

/* What was down from the incident's t0 to now (record.h). */
static void down_during(MdlWorld *w, guint s, MdlIncident *inc)
{
	const Svc *v = &w->svcs[s];

	world_down_hours_of(w, v->relevant, v->n_relevant, v->down_t0,
			    w->down_h);
	inc->down_h = w->down_h;
	inc->down_idx = v->relevant;
	inc->n_down_idx = v->n_relevant;
	inc->replaced = w->svc_out != NULL;
}

void recovery_incident_close(MdlWorld *w, guint s)
{
	Svc *v = &w->svcs[s];
	MdlIncident inc = {
		.rep = w->rep, .service = s, .cause = v->cause, .path = v->path,
		.t0 = v->t0, .t_detect = v->t_detect,
		.t_declare = v->t_declare, .t_restored = world_now(w),
	};

	if (!v->open)
		return;
	cancel(w, &v->detect_ev);
	cancel(w, &v->declare_ev);
	if (v->failover_busy && !v->on_standby) {
		cancel(w, &v->step_ev);
		v->failover_busy = FALSE;
	}
	inc.rpo_h = incident_rpo(w, s, &inc);
	if (isnan(inc.t_detect))
		inc.t_detect = inc.t_restored;	/* back before anyone saw */
	inc.t_full = isnan(v->t_full) ? NAN : fmax(v->t_full, inc.t_restored);
	w->hooks->work_recovery(w, s, &inc);
	inc.service = world_out_service(w, s);
	if (inc.service != G_MAXUINT) {
		down_during(w, s, &inc);
		w->rec->incident(w->sink, &inc);
	}
	v->open = FALSE;
	if (w->quiet_stop)
		w->hooks->replaced_closed(w);
}

void recovery_censor(MdlWorld *w)
{
	for (guint s = 0; s < w->sc->n_services; s++) {
		guint out = world_out_service(w, s);
		if (w->svcs[s].open && out != G_MAXUINT)
			w->rec->censored(w->sink, out, w->svcs[s].t0);
	}
}

/* -- failover ---------------------------------------------------------- */

/* The next failover strategy of that mode from index i on, or -1. */
static gint next_failover(const MdlPlan *p, guint i, gboolean manual)
{
	for (; i < p->n_strategies; i++)
		if (p->strategies[i].kind == MDL_STRATEGY_FAILOVER &&
		    p->strategies[i].manual == manual)
			return (gint)i;
	return -1;
}

/* Recovery point of the data a failover would bring up: the replica
 * feeding the standby, or the best copy restored there (whose duration
 * adds to the activation). */
static double standby_data(MdlWorld *w, guint s, const MdlStrategy *st,
			   double *extra)
{
	const MdlService *sv = &w->sc->services[s];
	double rp = w->svcs[s].t0;

	*extra = 0;
	if (sv->n_datasets == 0)
		return rp;
	if (st->data_copy >= 0)
		return w->hooks->replica_point(w, sv->datasets[0], (guint)st->data_copy,
				       w->svcs[s].t0);	/* its limit applies */
	for (guint i = 0; i < sv->n_datasets; i++) {
		guint d = sv->datasets[i], copy = 0;
		double p;
		if (!w->hooks->best_copy(w, d, w->svcs[s].t0, INFINITY, &p, &copy))
			return -INFINITY;
		const MdlRestore *re = &w->sc->datasets[d].copies[copy].restore;
		double t = re->overhead_h;
		if (isfinite(re->throughput))
			t += world_data_size(w, d, world_now(w)) / re->throughput;
		*extra = fmax(*extra, t);
		rp = fmin(rp, p);
	}
	return rp;
}

/* One attempt of failover strategy i: the human wait (manual only), the
 * activation, and the restore at the standby when its data comes from
 * copies.  The standby's dependencies are not waited for: the switch
 * is made, and the service serves once they are up. */
static void failover_attempt(MdlWorld *w, guint s, guint i)
{
	Svc *v = &w->svcs[s];
	const MdlPlan *p = world_plan(w, s);
	const MdlStrategy *st = &p->strategies[i];
	double extra;

	v->standby_rp = standby_data(w, s, st, &extra);
	double delay = (st->manual ? world_human_delay(w, p->crew, v->rng) +
					     world_human_step(w, p->crew,
							      st->activation,
							      v->rng)
				   : world_draw(st->activation, v->rng)) +
		       extra;
	v->failover_busy = TRUE;
	world_step(w, sid(w, s), "failover started %s", w->sc->sites[st->site].id);
	v->step_ev = sim_engine_after(w->eng, delay, PRIO_STEP,
				      on_failover_done, w,
				      (uint32_t)(s << 8 | i));
}

/* The first failover strategy from i on, of mode `manual`, whose standby
 * can take the service now: its first attempt.  None left among the
 * automatic ones of a declared incident: the manual ones (an automatic
 * attempt under way at the declaration kept them waiting).  None at all:
 * the primary's repair is all that is left. */
static void failover_try(MdlWorld *w, guint s, gint i, gboolean manual)
{
	const MdlPlan *p = world_plan(w, s);

	for (; i >= 0; i = next_failover(p, (guint)i + 1, manual)) {
		if (!standby_ok(w, s, (guint)i))
			continue;
		w->svcs[s].failover_failures = 0;
		failover_attempt(w, s, (guint)i);
		return;
	}
	if (!manual && w->svcs[s].declared)
		failover_try(w, s, next_failover(p, 0, TRUE), TRUE);
}

/* Attempt of failover i failed its success draw: it is tried again
 * after retry_after (the failure diagnosed), the service busy with it
 * meanwhile. */
static void failover_retry_later(MdlWorld *w, guint s, guint i)
{
	Svc *v = &w->svcs[s];
	const MdlStrategy *st = &world_plan(w, s)->strategies[i];

	v->failover_busy = TRUE;
	v->step_ev = sim_engine_after(w->eng,
				      world_draw(st->retry_after, v->rng),
				      PRIO_STEP, on_failover_retry, w,
				      (uint32_t)(s << 8 | i));
}

static void on_failover_retry(SimEngine *eng, void *ctx, uint32_t arg)
{
	MdlWorld *w = ctx;
	guint s = arg >> 8, i = arg & 0xff;
	Svc *v = &w->svcs[s];
	const MdlPlan *p = world_plan(w, s);

	(void)eng;
	v->step_ev = SIM_EVENT_NONE;
	v->failover_busy = FALSE;
	if (!v->open)
		return;
	if (standby_ok(w, s, i))
		failover_attempt(w, s, i);
	else	/* its site or a link it needs went down meanwhile */
		failover_try(w, s, next_failover(p, i + 1,
						 p->strategies[i].manual),
			     p->strategies[i].manual);
}

/* The switch to the standby of failover i is made. */
static void failover_succeeded(MdlWorld *w, guint s, guint i)
{
	Svc *v = &w->svcs[s];
	const MdlStrategy *st = &world_plan(w, s)->strategies[i];

	v->on_standby = TRUE;
	w->n_standby++;
	/* the primary must get its data back to fail back one day,
	 * whatever the mode of the restore strategy */
	w->hooks->authorise_restores(w, s, FALSE);
	v->standby_site = st->site;
	v->standby_strategy = i;
	world_step(w, sid(w, s), "failover done %s", w->sc->sites[st->site].id);
	world_mark_service(w, s);
}

/* An attempt ends.  A standby that cannot take the service (its site or
 * a required link down, no usable data) sends the plan to the next
 * failover at once: trying it again would not help.  An attempt that
 * merely failed (the success draw) is retried up to `retries` times. */
static void on_failover_done(SimEngine *eng, void *ctx, uint32_t arg)
{
	MdlWorld *w = ctx;
	guint s = arg >> 8, i = arg & 0xff;
	Svc *v = &w->svcs[s];
	const MdlStrategy *st = &world_plan(w, s)->strategies[i];
	gboolean usable;

	(void)eng;
	v->step_ev = SIM_EVENT_NONE;
	v->failover_busy = FALSE;
	if (!v->open)
		return;
	usable = standby_ok(w, s, i) && v->standby_rp > -INFINITY;
	if (usable && sim_rng_uniform(v->rng) < st->success) {
		failover_succeeded(w, s, i);
	} else {
		world_step(w, sid(w, s), "failover failed %s", w->sc->sites[st->site].id);
		if (usable && v->failover_failures++ < st->retries)
			failover_retry_later(w, s, i);
		else
			failover_try(w, s, next_failover(world_plan(w, s), i + 1,
							 st->manual),
				     st->manual);
	}
	world_propagate(w);
}

/* -- rebuild elsewhere ------------------------------------------------- */

/* Component c's site is destroyed or encrypted, and c not rebuilt
 * elsewhere. */
static gboolean lost_site(const MdlWorld *w, guint c)
{
	const Site *st = &w->sites[mcomp(w, c)->site];

	return (st->destroyed || st->encrypted) && !w->comps[c].relocated;
}

/* A step of component c's rebuild: "WHAT ID" on its row (a replaced
 * topology's components are named with their prefix, as in world.c). */
static void comp_step(MdlWorld *w, guint c, const char *what)
{
	g_autofree char *id = NULL;

	if (!w->trace)
		return;
	id = g_strconcat(w->svc_out ? w->stream_prefix : "", mcomp(w, c)->id,
			 NULL);
	world_step(w, id, "%s %s", what, id);
}

/* Component c is rebuilt elsewhere now: up whatever its site's state
 * (until the site is back), its data clean for restores; a failed rebuild
 * (the strategy's success) is started again. */
static void on_comp_rebuilt(SimEngine *eng, void *ctx, uint32_t arg)
{
	MdlWorld *w = ctx;
	Comp *cp = &w->comps[arg];

	(void)eng;
	cp->rebuild_ev = SIM_EVENT_NONE;
	if (!lost_site(w, arg))
		return;
	if (sim_rng_uniform(cp->rebuild_rng) >= cp->rebuild_success) {
		comp_step(w, arg, "rebuild failed");
		comp_step(w, arg, "rebuild started");
		cp->rebuild_ev = sim_engine_after(
			w->eng, world_draw(cp->rebuild_law, cp->rebuild_rng),
			PRIO_STEP, on_comp_rebuilt, w, arg);
		return;
	}
	comp_step(w, arg, "rebuild done");
	cp->relocated = TRUE;
	GArray *sets = cp->datasets;
	for (guint j = 0; j < sets->len; j++)	/* clean now */
		w->data[g_array_index(sets, guint, j)].forensics_until =
			world_now(w);
	world_comp_update(w, arg);
	world_propagate(w);
}

/* Rebuild strategy i of service s: its components on a destroyed or
 * encrypted site are rebuilt elsewhere after `duration` (plus a human
 * wait when manual); restores may start then.  A rebuild belongs to the
 * component: one draw per loss, from its own stream, by the first plan
 * that asks; every service requiring it waits for that one. */
static void rebuild_try(MdlWorld *w, guint s, guint i)
{
	const MdlService *sv = &w->sc->services[s];
	const MdlStrategy *st = &sv->plan.strategies[i];

	for (guint k = 0; k < sv->n_requires; k++) {
		guint c = sv->requires[k];
		Comp *cp = &w->comps[c];
		if (!lost_site(w, c) || cp->rebuild_ev != SIM_EVENT_NONE)
			continue;
		double delay =
			st->manual ? world_human_delay(w, sv->plan.crew,
						       cp->rebuild_rng) +
					     world_human_step(w, sv->plan.crew,
							      st->activation,
							      cp->rebuild_rng)
				   : world_draw(st->activation,
						cp->rebuild_rng);
		cp->rebuild_law = st->activation;
		cp->rebuild_success = st->success;
		comp_step(w, c, "rebuild started");
		cp->rebuild_ev = sim_engine_after(w->eng, delay, PRIO_STEP,
						  on_comp_rebuilt, w, c);
	}
}

/* -- detection and declaration ----------------------------------------- */

static gboolean has_restore_strategy(const MdlPlan *p)
{
	for (guint i = 0; i < p->n_strategies; i++)
		if (p->strategies[i].kind == MDL_STRATEGY_RESTORE)
			return TRUE;
	return FALSE;
}

/* Runs the strategies of one mode: automatic ones at detection, manual
 * ones at declaration.  A service with data but no restore strategy
 * restores automatically (else it could never come back). */
static void trigger(MdlWorld *w, guint s, gboolean manual)
{
	const MdlPlan *p = world_plan(w, s);
	Svc *v = &w->svcs[s];

	for (guint i = 0; i < p->n_strategies; i++) {
		const MdlStrategy *st = &p->strategies[i];
		if (st->manual != manual)
			continue;
		if (st->kind == MDL_STRATEGY_RESTORE)
			w->hooks->authorise_restores(w, s, manual);
		else if (st->kind == MDL_STRATEGY_REBUILD && v->destructive)
			rebuild_try(w, s, i);
	}
	if (!manual && !has_restore_strategy(p))
		w->hooks->authorise_restores(w, s, FALSE);
	gint f = next_failover(p, 0, manual);
	if (f >= 0 && !v->on_standby && !v->failover_busy)
		failover_try(w, s, f, manual);
}

/* A declared disaster suspends the expiry of the copies of the service's
 * lost data, as operators do (unless its plan opts out): what was still
 * retained at the declaration stays until the data is back. */
static void freeze_retention(MdlWorld *w, guint s)
{
	const MdlService *sv = &w->sc->services[s];

	if (!sv->plan.freeze_retention)
		return;
	for (guint i = 0; i < sv->n_datasets; i++) {
		Data *dt = &w->data[sv->datasets[i]];
		if (!dt->intact && !isfinite(dt->frozen_at))
			dt->frozen_at = world_now(w);
	}
}

static void declaration_start(MdlWorld *w, guint s)
{
	Svc *v = &w->svcs[s];
	const MdlPlan *p = world_plan(w, s);
	double delay = world_human_delay(w, p->crew, v->rng) +
		       world_human_step(w, p->crew, p->decision, v->rng);

	cancel(w, &v->declare_ev);
	world_step(w, sid(w, s), "declaration started");
	v->declare_ev = sim_engine_after(w->eng, delay, PRIO_STEP, on_declared,
					 w, s);
}

static void on_detected(SimEngine *eng, void *ctx, uint32_t arg)
{
	MdlWorld *w = ctx;
	Svc *v = &w->svcs[arg];
	const MdlPlan *p = world_plan(w, arg);

	(void)eng;
	v->detect_ev = SIM_EVENT_NONE;
	v->t_detect = world_now(w);
	world_step(w, sid(w, arg), "detected");
	v->destructive = destructive(w, arg);
	trigger(w, arg, FALSE);
	if (v->destructive)
		declaration_start(w, arg);
	else if (isfinite(p->declare_after_h))
		v->declare_ev = sim_engine_at(w->eng,
					      fmax(v->t_detect,
						   v->t0 + p->declare_after_h),
					      PRIO_STEP, on_declare_start, w, arg);
	world_propagate(w);
}

static void on_declare_start(SimEngine *eng, void *ctx, uint32_t arg)
{
	MdlWorld *w = ctx;

	(void)eng;
	w->svcs[arg].declare_ev = SIM_EVENT_NONE;
	declaration_start(w, arg);
}

static void on_declared(SimEngine *eng, void *ctx, uint32_t arg)
{
	MdlWorld *w = ctx;
	Svc *v = &w->svcs[arg];

	(void)eng;
	v->declare_ev = SIM_EVENT_NONE;
	v->declared = TRUE;
	v->t_declare = world_now(w);
	world_step(w, sid(w, arg), "declared");
	freeze_retention(w, arg);
	trigger(w, arg, TRUE);
	world_propagate(w);
}

/* -- data loss ----------------------------------------------------------- */

/* A loss of d hits an incident already under way: it turns destructive
 * (declared at once) and its restores are asked for. */
static void loss_during_incident(MdlWorld *w, guint s)
{
	Svc *v = &w->svcs[s];

	if (!v->open || isnan(v->t_detect))
		return;		/* detection will see it */
	v->destructive = TRUE;
	trigger(w, s, FALSE);
	if (v->declared) {
		freeze_retention(w, s);
		trigger(w, s, TRUE);
	}
	else if (v->declare_ev == SIM_EVENT_NONE)
		declaration_start(w, s);
}

void recovery_lose_data(MdlWorld *w, guint d, double limit)
{
	Data *dt = &w->data[d];

	if (!dt->intact) {
		dt->limit = fmin(dt->limit, limit);
		if (dt->restore_ev != SIM_EVENT_NONE)
			cancel(w, &dt->restore_ev);	/* restarted later */
		return;
	}
	dt->intact = FALSE;
	w->n_lost++;
	dt->lost_at = world_now(w);
	dt->limit = limit;
	dt->authorised = FALSE;
	world_data_blocked_update(w, d);
	for (guint i = 0; i < dt->services->len; i++)
		world_mark_service(w, g_array_index(dt->services, guint, i));
	for (guint i = 0; i < dt->services->len; i++) {
		guint s = g_array_index(dt->services, guint, i);
		loss_during_incident(w, s);
		if (w->svcs[s].on_standby)	/* the primary needs its data */
			w->hooks->authorise_restores(w, s, FALSE);
	}
}

void recovery_data_loss_on(MdlWorld *w, guint c)
{
	GArray *sets = w->comps[c].datasets, *svcs = w->comps[c].services;
	double now = world_now(w);

	/* Corruption: snapshots on the storage survive it (they go with
	 * the site, or with ransomware). */
	for (guint i = 0; i < sets->len; i++)
		recovery_lose_data(w, g_array_index(sets, guint, i), now);
	/* Services without datasets: what was lost is unknown. */
	for (guint i = 0; i < svcs->len; i++) {
		guint s = g_array_index(svcs, guint, i);
		if (w->sc->services[s].n_datasets == 0 && w->svcs[s].open)
			w->svcs[s].data_unknown = TRUE;
	}
}

/* -- after every change ---------------------------------------------------- */

/* With failback_window, a failback waits for the next maintenance
 * window of the primary's components: TRUE while it waits (one is
 * scheduled, or was just scheduled).  None to come: no wait. */
static gboolean wait_window(MdlWorld *w, guint s)
{
	Svc *v = &w->svcs[s];
	double now = world_now(w), at;

	if (!world_plan(w, s)->failback_window || v->window_due)
		return FALSE;
	if (v->window_ev != SIM_EVENT_NONE)
		return TRUE;
	at = w->hooks->next_window(w, s, now);
	if (!isfinite(at) || at <= now)
		return FALSE;
	world_step(w, sid(w, s), "failback awaits the maintenance window");
	v->window_ev = sim_engine_at(w->eng, at, PRIO_STEP,
				     on_failback_window, w, s);
	return TRUE;
}

/* A service on its standby goes home once its primary is whole again:
 * through a planned outage when the plan has a failback (in the next
 * maintenance window with failback_window). */
static void consider_failback(MdlWorld *w, guint s)
{
	Svc *v = &w->svcs[s];
	const MdlPlan *p = world_plan(w, s);

	if (!v->on_standby || v->failing_back || !v->primary_ok ||
	    !data_intact(w, s))
		return;
	/* a standby that is not serving has no users to interrupt */
	gboolean serves = standby_serves(w, s, v->standby_strategy);
	if (serves && wait_window(w, s))
		return;
	if (p->failback && serves) {
		v->failing_back = TRUE;
		world_step(w, sid(w, s), "failback started");
		v->step_ev = sim_engine_after(w->eng, world_draw(p->failback, v->rng),
					      PRIO_STEP, on_failback_end, w, s);
	} else {
		v->on_standby = FALSE;
		w->n_standby--;
	}
	world_mark_service(w, s);
}

static void on_failback_end(SimEngine *eng, void *ctx, uint32_t arg)
{
	MdlWorld *w = ctx;
	Svc *v = &w->svcs[arg];

	(void)eng;
	v->step_ev = SIM_EVENT_NONE;
	v->failing_back = FALSE;
	v->on_standby = FALSE;
	w->n_standby--;
	world_step(w, sid(w, arg), "failback done");
	world_mark_service(w, arg);
	world_propagate(w);
}

/* The window awaited: fail back now if the primary is still whole,
 * else wait for it to be and then for the next window. */
static void on_failback_window(SimEngine *eng, void *ctx, uint32_t arg)
{
	MdlWorld *w = ctx;
	Svc *v = &w->svcs[arg];

	(void)eng;
	v->window_ev = SIM_EVENT_NONE;
	v->window_due = TRUE;
	consider_failback(w, arg);
	v->window_due = FALSE;
	world_propagate(w);
}

static void on_settle(SimEngine *eng, void *ctx, uint32_t arg)
{
	MdlWorld *w = ctx;

	(void)eng;
	(void)arg;
	w->settle_ev = SIM_EVENT_NONE;
	w->hooks->try_restores(w);
	for (guint s = 0; s < w->sc->n_services; s++)
		consider_failback(w, s);
	world_propagate_settled(w);
}

/* Restores and failbacks start once the instant has settled: after every
 * event due now (a site coming back with several flags, a repair and a
 * rebuild at the same time), so that they see the final state. */
static gboolean work_pending(const MdlWorld *w)
{
	if (w->n_lost == 0 && w->n_standby == 0)
		return FALSE;	/* the common case, in O(1) */
	for (guint d = 0; d < w->sc->n_datasets; d++) {
		const Data *dt = &w->data[d];
		if (!dt->intact && dt->authorised &&
		    dt->restore_ev == SIM_EVENT_NONE)
			return TRUE;
	}
	for (guint s = 0; s < w->sc->n_services; s++)
		if (w->svcs[s].on_standby && !w->svcs[s].failing_back)
			return TRUE;
	return FALSE;
}

void recovery_after_change(MdlWorld *w)
{
	if (w->settle_ev == SIM_EVENT_NONE && work_pending(w))
		w->settle_ev = sim_engine_after(w->eng, 0, PRIO_SETTLE,
						on_settle, w, 0);
}
