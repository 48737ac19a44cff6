/* world.c — the core of a replication (world-core.h): units age and
 * fail, components and sites change state, services follow them.  What
 * the mechanisms do (repairs, hazards, copies, recovery...) it asks
 * through w->hooks, never by name.
 *
 * Every handler follows the same steps: change the state of units or
 * sites, recount the components they belong to (comp_update), re-evaluate
 * the services that depend on them (services_update: incidents open and
 * close there), then re-evaluate which units age (operating_update).
 */
#include "world-core.h"

#include <string.h>

#include "sim/units.h"

/* -- set-up ---------------------------------------------------------------- */

static gboolean has(const GArray *a, guint x)
{
	for (guint i = 0; i < a->len; i++)
		if (g_array_index(a, guint, i) == x)
			return TRUE;
	return FALSE;
}

/* Components a standby of service s needs (a WAN link) change whether s
 * serves: they know s as one of their services. */
static void index_standby_needs(MdlWorld *w, guint s)
{
	const MdlPlan *p = &w->sc->services[s].plan;

	for (guint i = 0; i < p->n_strategies; i++)
		for (guint k = 0; k < p->strategies[i].n_requires; k++) {
			GArray *svcs = w->comps[p->strategies[i].requires[k]].services;
			if (!has(svcs, s))
				g_array_append_val(svcs, s);
		}
}

/* Services a standby of service s needs (its strategy's own `depends`)
 * change whether s serves there: s is one of their dependents. */
static void index_standby_depends(MdlWorld *w, guint s)
{
	const MdlPlan *p = &w->sc->services[s].plan;

	for (guint i = 0; i < p->n_strategies; i++)
		for (guint k = 0; k < p->strategies[i].n_depends; k++) {
			guint d = p->strategies[i].depends[k];
			GArray *deps = w->svcs[d].dependents;
			if (!has(deps, s))
				g_array_append_val(deps, s);
		}
}

static void list_streams(MdlWorld *w);


static void index_topology(MdlWorld *w)
{
	const MdlScenario *sc = w->sc;

	for (guint c = 0; c < sc->n_components; c++)
		g_array_append_val(w->sites[sc->components[c].site].comps, c);
	for (guint d = 0; d < sc->n_datasets; d++)
		g_array_append_val(w->comps[sc->datasets[d].storage].datasets, d);
	for (guint s = 0; s < sc->n_services; s++) {
		const MdlService *sv = &sc->services[s];
		for (guint i = 0; i < sv->n_requires; i++)
			g_array_append_val(w->comps[sv->requires[i]].services, s);
		for (guint i = 0; i < sv->n_depends; i++)
			g_array_append_val(w->svcs[sv->depends[i]].dependents, s);
		for (guint i = 0; i < sv->n_datasets; i++)
			g_array_append_val(w->data[sv->datasets[i]].services, s);
		index_standby_needs(w, s);
		index_standby_depends(w, s);
	}
}

static void alloc_units(MdlWorld *w)
{
	const MdlScenario *sc = w->sc;
	guint n_lives = 0;

	for (guint c = 0; c < sc->n_components; c++) {
		w->comps[c].first = w->n_units;
		w->n_units += sc->components[c].count;
		n_lives += sc->components[c].count * sc->components[c].n_modes;
	}
	w->units = g_new0(Unit, w->n_units);
	w->lives = g_new0(double, n_lives);
	double *life = w->lives;
	for (guint c = 0; c < sc->n_components; c++) {
		const MdlComponent *mc = &sc->components[c];
		for (guint k = 0; k < mc->count; k++) {
			Unit *u = &w->units[w->comps[c].first + k];
			u->comp = c;
			u->life = life;
			life += mc->n_modes;
		}
	}
}

static GArray *uint_array(void)
{
	return g_array_new(FALSE, FALSE, sizeof(guint));
}

MdlWorld *world_new(const MdlScenario *sc, const MdlLabels *labels,
		    const char *stream_prefix, const WorldHooks *hooks)
{
	MdlWorld *w = g_new0(MdlWorld, 1);

	w->hooks = hooks;
	w->sc = sc;
	w->report_sc = sc;
	w->labels = labels ? labels : (w->own_labels = mdl_labels_new(sc));
	w->stream_prefix = stream_prefix;
	w->eng = sim_engine_new();
	w->comps = g_new0(Comp, sc->n_components);
	w->sites = g_new0(Site, sc->n_sites);
	w->crews = g_new0(Crew, sc->n_crews);
	w->svcs = g_new0(Svc, sc->n_services);
	for (guint c = 0; c < sc->n_components; c++) {
		w->comps[c].services = uint_array();
		w->comps[c].datasets = uint_array();
		w->comps[c].links = uint_array();
		w->comps[c].fail_rng = sim_rng_new(0, 0, "");
		w->comps[c].repair_rng = sim_rng_new(0, 0, "");
		w->comps[c].rebuild_rng = sim_rng_new(0, 0, "");
	}
	for (guint s = 0; s < sc->n_sites; s++) {
		w->sites[s].comps = uint_array();
		w->sites[s].down = g_array_new(FALSE, FALSE, sizeof(Interval));
		w->sites[s].rng = sim_rng_new(0, 0, "");
		w->n_hazards += sc->sites[s].n_hazards;
	}
	for (guint k = 0; k < sc->n_crews; k++) {
		g_queue_init(&w->crews[k].line);
		w->crews[k].rng = sim_rng_new(0, 0, "");
		if (sc->crews[k].key_person)
			w->crews[k].key_rng = sim_rng_new(0, 0, "");
		w->n_absences += sc->crews[k].n_absences;
	}
	w->absences = g_new0(AbsenceRef, w->n_absences);
	for (guint k = 0, a = 0; k < sc->n_crews; k++)
		for (guint i = 0; i < sc->crews[k].n_absences; i++, a++)
			w->absences[a] = (AbsenceRef){ k, i,
						       sim_rng_new(0, 0, "") };
	guint n_down = MAX(sc->n_components + sc->n_sites, 1);
	for (guint s = 0; s < sc->n_services; s++) {
		w->svcs[s].dependents = uint_array();
		w->svcs[s].down_t0 = g_new0(double, n_down);
		world_index_relevant(w, s);
	}
	w->down_h = g_new0(double, n_down);
	hooks->init(w);	/* before the index and the streams: they list
			   the mechanisms' state */
	w->hazards = g_new0(HazardRef, w->n_hazards);
	for (guint s = 0, h = 0; s < sc->n_sites; s++)
		for (guint i = 0; i < sc->sites[s].n_hazards; i++, h++)
			w->hazards[h] = (HazardRef){ s, i };
	alloc_units(w);
	index_topology(w);
	w->dirty_comps = uint_array();
	w->dirty_svcs = uint_array();
	list_streams(w);
	w->order_pos = g_new0(guint, sc->n_services + 1);
	for (guint i = 0; i < sc->n_services; i++)
		w->order_pos[sc->service_order[i]] = i;
	return w;
}

void world_free(MdlWorld *w)
{
	if (!w)
		return;
	for (guint c = 0; c < w->sc->n_components; c++) {
		g_array_free(w->comps[c].services, TRUE);
		g_array_free(w->comps[c].datasets, TRUE);
		g_array_free(w->comps[c].links, TRUE);
		sim_rng_free(w->comps[c].fail_rng);
		sim_rng_free(w->comps[c].repair_rng);
		sim_rng_free(w->comps[c].rebuild_rng);
	}
	for (guint s = 0; s < w->sc->n_sites; s++) {
		g_array_free(w->sites[s].comps, TRUE);
		g_array_free(w->sites[s].down, TRUE);
		sim_rng_free(w->sites[s].rng);
	}
	for (guint k = 0; k < w->sc->n_crews; k++) {
		g_queue_clear(&w->crews[k].line);
		sim_rng_free(w->crews[k].rng);
		sim_rng_free(w->crews[k].key_rng);
	}
	for (guint a = 0; a < w->n_absences; a++)
		sim_rng_free(w->absences[a].rng);
	g_free(w->absences);
	for (guint s = 0; s < w->sc->n_services; s++) {
		g_array_free(w->svcs[s].dependents, TRUE);
		g_free(w->svcs[s].down_t0);
		g_free(w->svcs[s].relevant);
	}
	g_free(w->down_h);
	g_array_free(w->dirty_comps, TRUE);
	g_array_free(w->dirty_svcs, TRUE);
	g_free(w->order_pos);
	g_array_free(w->streams, TRUE);
	w->hooks->free(w);
	sim_engine_free(w->eng);
	mdl_labels_free(w->own_labels);
	g_free(w->before_uptime);
	g_free(w->svc_out);
	g_free(w->units);
	g_free(w->lives);
	g_free(w->comps);
	g_free(w->sites);
	g_free(w->crews);
	g_free(w->svcs);
	g_free(w->hazards);
	g_free(w);
}

/* -- state queries --------------------------------------------------------- */

/* Up: not failed, not held down by a common cause, and its site up — or
 * the component rebuilt elsewhere by a plan while its site is lost. */
static gboolean unit_up(const MdlWorld *w, const Unit *u)
{
	return !u->failed && u->struck == 0 &&
	       (site_ok(w, mcomp(w, u->comp)->site) ||
		w->comps[u->comp].relocated);
}

/* -- components and services ------------------------------------------- */

/* Dirty marks go on lists as well as flags, so that the passes after an
 * event visit what changed, not the whole topology: an event costs
 * O(what it touches), and a replication-year grows linearly with the
 * number of components. */
static void comp_dirty(MdlWorld *w, guint c)
{
	if (w->comps[c].dirty)
		return;
	w->comps[c].dirty = TRUE;
	g_array_append_val(w->dirty_comps, c);
}

static void svc_dirty(MdlWorld *w, guint s)
{
	if (w->svcs[s].dirty)
		return;
	w->svcs[s].dirty = TRUE;
	g_array_append_val(w->dirty_svcs, s);
}

static void mark_services_dirty(MdlWorld *w, guint c)
{
	GArray *svcs = w->comps[c].services;

	for (guint i = 0; i < svcs->len; i++)
		svc_dirty(w, g_array_index(svcs, guint, i));
}

/* Accrues c's time integrals to now, recounts its units up, and marks its
 * services for re-evaluation and itself for operating_update. */
static void comp_update(MdlWorld *w, guint c)
{
	Comp *cp = &w->comps[c];
	const MdlComponent *mc = mcomp(w, c);
	SimTime now = sim_engine_now(w->eng);

	cp->up_time += cp->is_up ? now - cp->last : 0;
	cp->down_time += cp->is_up ? 0 : now - cp->last;
	cp->unit_time += (double)cp->up * (now - cp->last);
	cp->last = now;
	cp->up = 0;
	for (guint k = 0; k < mc->count; k++)
		cp->up += unit_up(w, &w->units[cp->first + k]) ? 1 : 0;
	gboolean was_up = cp->is_up;
	cp->is_up = cp->up >= mc->need;
	if (cp->is_up != was_up) {
		world_trace(w, MDL_TRACE_COMPONENT, mc->id,
			    cp->is_up ? "up" : "down");
		if (cp->links->len > 0)	/* replications travel on it */
			w->hooks->links_changed(w, c);
	}
	comp_dirty(w, c);
	mark_services_dirty(w, c);
	for (guint i = 0; i < cp->datasets->len; i++)
		world_data_blocked_update(w, g_array_index(cp->datasets, guint, i));
}

void world_comp_update(MdlWorld *w, guint c)
{
	comp_update(w, c);
}

/* A dataset's jobs cannot read it while its storage is down or its data
 * lost: kept as intervals, for the jobs evaluated later (protect.c). */
void world_data_blocked_update(MdlWorld *w, guint d)
{
	Data *dt = &w->data[d];
	gboolean blocked = !w->comps[w->sc->datasets[d].storage].is_up ||
			   !dt->intact;
	gboolean was = dt->blocked->len > 0 &&
		       isinf(g_array_index(dt->blocked, Interval,
					   dt->blocked->len - 1).b);
	double now = sim_engine_now(w->eng);

	if (blocked && !was)
		world_interval_open(dt->blocked, now);
	else if (!blocked && was)
		world_interval_close(dt->blocked, now);
}

void world_interval_open(GArray *spans, double t)
{
	Interval iv = { t, INFINITY };

	g_array_append_val(spans, iv);
}

void world_interval_close(GArray *spans, double t)
{
	g_array_index(spans, Interval, spans->len - 1).b = t;
}

/* TRUE when one of spans (sorted, disjoint [a, b)) meets the closed
 * [from, to]: binary search for the last span starting by `to` (those
 * before it end before it starts, so none reaches past from unless it
 * does).  Only spans starting by `to` count, so a query about the past
 * never looks at what came after. */
gboolean world_interval_meets(const GArray *spans, double from, double to)
{
	guint lo = 0, hi = spans->len;

	while (lo < hi) {	/* first interval with a > to */
		guint mid = (lo + hi) / 2;
		if (g_array_index(spans, Interval, mid).a > to)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo > 0 && from < g_array_index(spans, Interval, lo - 1).b;
}

gboolean world_interval_contains(const GArray *spans, double t)
{
	return world_interval_meets(spans, t, t);
}

/* Keeps the site's down intervals in step with its state. */
void world_site_changed(MdlWorld *w, guint s)
{
	GArray *down = w->sites[s].down;
	gboolean was = down->len > 0 &&
		       isinf(g_array_index(down, Interval, down->len - 1).b);
	gboolean is = !site_ok(w, s);
	double now = sim_engine_now(w->eng);

	if (is && !was) {
		world_interval_open(down, now);
		w->sites[s].down_since = now;
	} else if (!is && was) {
		world_interval_close(down, now);
		w->sites[s].down_time += now - w->sites[s].down_since;
		w->sites[s].down_since = INFINITY;
	}
}


/* TRUE when every requirement of sv is met — one of its alternatives up —
 * ignoring the requirement that holds component skip (G_MAXUINT: none). */
static gboolean requirements_met(const MdlWorld *w, const MdlService *sv,
				 guint skip)
{
	guint i = 0;

	while (i < sv->n_requires) {
		guint g = sv->group[i];
		gboolean met = FALSE, skipped = FALSE;
		for (; i < sv->n_requires && sv->group[i] == g; i++) {
			met = met || w->comps[sv->requires[i]].is_up;
			skipped = skipped || sv->requires[i] == skip;
		}
		if (!met && !skipped)
			return FALSE;
	}
	return TRUE;
}

static gboolean dependencies_up(const MdlWorld *w, const MdlService *sv)
{
	for (guint i = 0; i < sv->n_depends; i++)
		if (!w->svcs[sv->depends[i]].up)
			return FALSE;
	return TRUE;
}

static gboolean primary_ok(const MdlWorld *w, guint s)
{
	const MdlService *sv = &w->sc->services[s];

	return requirements_met(w, sv, G_MAXUINT) && dependencies_up(w, sv);
}

/* Records s's stretch [last, t): up, or planned downtime. */
static void service_record(MdlWorld *w, guint s, double t, guint out)
{
	Svc *sv = &w->svcs[s];

	if (!sv->up || out == G_MAXUINT)
		return;
	if (!sv->planned)
		w->rec->uptime(w->sink, out, sv->last, t);
	else if (w->rec->planned)
		w->rec->planned(w->sink, out, sv->last, t);
}

double world_service_close(MdlWorld *w, guint s, double t, guint out)
{
	const Svc *sv = &w->svcs[s];

	service_record(w, s, t, out);
	return sv->uptime + (sv->up && !sv->planned ? t - sv->last : 0);
}

/* Closes s's stretch up to now: a change of up or planned follows. */
static void service_accrue(MdlWorld *w, guint s)
{
	Svc *sv = &w->svcs[s];
	SimTime now = sim_engine_now(w->eng);

	sv->uptime += sv->up && !sv->planned ? now - sv->last : 0;
	service_record(w, s, now, world_out_service(w, s));
	sv->last = now;
}

static void service_set(MdlWorld *w, guint s, gboolean up)
{
	Svc *sv = &w->svcs[s];

	service_accrue(w, s);
	sv->up = up;
	world_trace(w, MDL_TRACE_SERVICE, w->sc->services[s].id,
		    up ? "up" : "down");
	if (up)
		w->hooks->incident_close(w, s);
	else
		w->hooks->incident_open(w, s);
	for (guint i = 0; i < sv->dependents->len; i++)
		svc_dirty(w, g_array_index(sv->dependents, guint, i));
}

/* Marks the components of service s for operating_update: whether they
 * are stopped depends on the service's other components. */
static void mark_components_dirty(MdlWorld *w, guint s)
{
	const MdlService *sv = &w->sc->services[s];

	for (guint i = 0; i < sv->n_requires; i++)
		comp_dirty(w, sv->requires[i]);
}

/* TRUE when service s, serving from its primary, is held down by a
 * maintenance window: a requirement met only by components in a window,
 * or a dependency itself held.  On a standby it is not (the window is of
 * the primary's components). */
static gboolean planned_held(const MdlWorld *w, guint s)
{
	const MdlService *sv = &w->sc->services[s];
	guint i = 0;

	if (w->svcs[s].on_standby)
		return FALSE;
	while (i < sv->n_requires) {
		guint g = sv->group[i];
		gboolean met = FALSE;
		for (; i < sv->n_requires && sv->group[i] == g; i++) {
			const Comp *cp = &w->comps[sv->requires[i]];
			met = met || (cp->is_up && cp->maint == 0);
		}
		if (!met)
			return TRUE;
	}
	for (i = 0; i < sv->n_depends; i++)
		if (w->svcs[sv->depends[i]].planned)
			return TRUE;
	return FALSE;
}

/* Planned downtime: s up but held by a window.  Only in scenarios with
 * windows (sc->has_maintenance), so that others pay nothing. */
static void planned_update(MdlWorld *w, guint s)
{
	Svc *sv = &w->svcs[s];
	gboolean planned = sv->up && planned_held(w, s);

	if (planned == sv->planned)
		return;
	service_accrue(w, s);
	sv->planned = planned;
	world_trace(w, MDL_TRACE_SERVICE, w->sc->services[s].id,
		    planned ? "planned down" : "planned up");
	for (guint i = 0; i < sv->dependents->len; i++)
		svc_dirty(w, g_array_index(sv->dependents, guint, i));
}

/* Re-evaluates dirty services in dependency order (a change propagates to
 * dependents, which come later in the order): first whether the primary
 * can run, then whether the service serves (recovery.c: data intact, or on
 * a standby). */
static void services_update(MdlWorld *w)
{
	GArray *dirty = w->dirty_svcs;

	while (dirty->len > 0) {
		/* the dirty service first in dependency order: its
		 * dependents, marked by it, come later */
		guint best = 0;
		for (guint i = 1; i < dirty->len; i++)
			if (w->order_pos[g_array_index(dirty, guint, i)] <
			    w->order_pos[g_array_index(dirty, guint, best)])
				best = i;
		guint s = g_array_index(dirty, guint, best);
		g_array_remove_index_fast(dirty, best);
		w->svcs[s].dirty = FALSE;
		mark_components_dirty(w, s);
		w->svcs[s].primary_ok = primary_ok(w, s);
		gboolean up = w->hooks->serving(w, s);
		if (up != w->svcs[s].up)
			service_set(w, s, up);
		if (w->sc->has_maintenance)
			planned_update(w, s);
	}
}

void world_mark_service(MdlWorld *w, guint s)
{
	svc_dirty(w, s);
}

/* -- sites and data ---------------------------------------------------- */

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

double world_data_size(const MdlWorld *w, guint d, double t)
{
	return mdl_dataset_size(&w->sc->datasets[d], t);
}

/* -- aging ----------------------------------------------------------------- */

static void on_failure(SimEngine *eng, void *ctx, uint32_t arg);

static guint first_mode(const Unit *u, guint n_modes)
{
	guint m = 0;

	for (guint k = 1; k < n_modes; k++)
		if (u->life[k] < u->life[m])
			m = k;
	return m;
}

/* Schedules u's failure after the shortest remaining life. */
static void schedule_failure(MdlWorld *w, guint unit)
{
	Unit *u = &w->units[unit];

	u->mode = first_mode(u, mcomp(w, u->comp)->n_modes);
	if (w->exercise)	/* nothing fails but what is injected */
		return;
	u->fail_ev = sim_engine_after(w->eng, u->life[u->mode],
				      MDL_PRIO_FAILURE, on_failure, w, unit);
}

/* As good as new: a fresh time to failure for every mode.  Calendar aging
 * starts the clock now; operating aging waits for operating_update. */
void world_unit_renew(MdlWorld *w, guint unit)
{
	Unit *u = &w->units[unit];
	const MdlComponent *mc = mcomp(w, u->comp);
	gsl_rng *r = w->comps[u->comp].fail_rng;

	for (guint m = 0; m < mc->n_modes; m++)
		u->life[m] = sim_dist_sample(mc->modes[m].ttf, r);
	u->operating = FALSE;
	if (mc->ages == MDL_AGES_ALWAYS)
		schedule_failure(w, unit);
}

/* TRUE when every service requiring c is down for a reason other than c
 * (another requirement unmet, a dependency down): then c carries no load
 * and, if it ages only while operating, rests. */
static gboolean comp_stopped(const MdlWorld *w, guint c)
{
	GArray *svcs = w->comps[c].services;

	if (svcs->len == 0)
		return FALSE;
	for (guint i = 0; i < svcs->len; i++) {
		const MdlService *sv =
			&w->sc->services[g_array_index(svcs, guint, i)];
		if (requirements_met(w, sv, c) && dependencies_up(w, sv))
			return FALSE;
	}
	return TRUE;
}

static void unit_start_aging(MdlWorld *w, guint unit)
{
	Unit *u = &w->units[unit];

	u->operating = TRUE;
	u->since = sim_engine_now(w->eng);
	schedule_failure(w, unit);
}

static void unit_stop_aging(MdlWorld *w, guint unit)
{
	Unit *u = &w->units[unit];
	double ran = sim_engine_now(w->eng) - u->since;

	for (guint m = 0; m < mcomp(w, u->comp)->n_modes; m++)
		u->life[m] = fmax(0.0, u->life[m] - ran);
	sim_engine_cancel(w->eng, u->fail_ev);
	u->fail_ev = SIM_EVENT_NONE;
	u->operating = FALSE;
}

/* Operating aging: `need` units carry the load and keep it until they go
 * down; then spares that are up take over, in index order (a repaired
 * unit comes back as a spare: no switching back).  The load-carrying
 * units age unless the component is stopped. */
static void operating_update_comp(MdlWorld *w, guint c)
{
	const MdlComponent *mc = mcomp(w, c);
	Unit *units = &w->units[w->comps[c].first];
	gboolean stopped = comp_stopped(w, c);
	guint active = 0;

	for (guint k = 0; k < mc->count; k++) {
		if (units[k].active && !unit_up(w, &units[k]))
			units[k].active = FALSE;
		active += units[k].active ? 1 : 0;
	}
	for (guint k = 0; k < mc->count && active < mc->need; k++) {
		if (!units[k].active && unit_up(w, &units[k])) {
			units[k].active = TRUE;
			active++;
		}
	}
	for (guint k = 0; k < mc->count; k++) {
		gboolean run = units[k].active && !stopped;
		if (run && !units[k].operating)
			unit_start_aging(w, w->comps[c].first + k);
		else if (!run && units[k].operating)
			unit_stop_aging(w, w->comps[c].first + k);
	}
}

static void operating_update(MdlWorld *w)
{
	GArray *dirty = w->dirty_comps;

	for (guint i = 0; i < dirty->len; i++) {
		guint c = g_array_index(dirty, guint, i);
		w->comps[c].dirty = FALSE;
		if (mcomp(w, c)->ages == MDL_AGES_OPERATING)
			operating_update_comp(w, c);
	}
	g_array_set_size(dirty, 0);
}

/* After a change of units, sites or data: services (incidents open and
 * close), then what recovery can start now (restores, failbacks), then
 * which units age. */
static void propagate(MdlWorld *w)
{
	services_update(w);
	operating_update(w);
	w->hooks->after_change(w);
}

void world_propagate(MdlWorld *w)
{
	propagate(w);
}

/* The end-of-instant pass of recovery.c: no new settle is asked for. */
void world_propagate_settled(MdlWorld *w)
{
	services_update(w);
	operating_update(w);
}

/* -- event handlers -------------------------------------------------------- */

static void on_failure(SimEngine *eng, void *ctx, uint32_t arg)
{
	MdlWorld *w = ctx;
	Unit *u = &w->units[arg];
	const MdlComponent *mc = mcomp(w, u->comp);

	(void)eng;
	w->cause = mdl_cause_mode(w->labels, u->comp, u->mode);
	w->rec->occurrence(w->sink, w->cause, sim_engine_now(eng));
	u->fail_ev = SIM_EVENT_NONE;
	u->operating = FALSE;
	u->failed = TRUE;
	comp_update(w, u->comp);
	propagate(w);
	if (mc->modes[u->mode].effect == MDL_FAILURE_DATA_LOSS) {
		w->hooks->data_lost_on(w, u->comp);
		propagate(w);
	}
	w->hooks->repair_request(w, arg);
}

char *world_event_element(const MdlWorld *w, SimHandler fn, uint32_t arg,
			  int *line)
{
	if (fn == on_failure)
		return world_mode_element(w, arg, line);
	return w->hooks->event_element(w, fn, arg, line);
}

char *world_mode_element(const MdlWorld *w, guint unit, int *line)
{
	const Unit *u = &w->units[unit];
	const MdlComponent *mc = mcomp(w, u->comp);

	*line = mc->modes[u->mode].line;
	return g_strdup_printf("failure mode '%s' of component '%s'",
			       mc->modes[u->mode].name, mc->id);
}

/* -- a replication ----------------------------------------------------- */

/* Every stream of the world with the key of its name ("component:ID:
 * failures", "site:ID", ...), hashed once here rather than at every
 * replication. */
static void add_stream(MdlWorld *w, gsl_rng *r, char *name)
{
	g_autofree char *full = g_strconcat(w->stream_prefix, name, NULL);
	Stream st = { r, sim_rng_hash_name(full) };

	g_array_append_val(w->streams, st);
	g_free(name);
}

static void list_streams(MdlWorld *w)
{
	const MdlScenario *sc = w->sc;

	w->streams = g_array_new(FALSE, FALSE, sizeof(Stream));
	for (guint c = 0; c < sc->n_components; c++) {
		const char *id = sc->components[c].id;
		add_stream(w, w->comps[c].fail_rng,
			   g_strdup_printf("component:%s:failures", id));
		add_stream(w, w->comps[c].repair_rng,
			   g_strdup_printf("component:%s:repairs", id));
		add_stream(w, w->comps[c].rebuild_rng,
			   g_strdup_printf("component:%s:rebuild", id));
	}
	for (guint s = 0; s < sc->n_sites; s++)
		add_stream(w, w->sites[s].rng,
			   g_strdup_printf("site:%s", sc->sites[s].id));
	for (guint k = 0; k < sc->n_crews; k++)
		add_stream(w, w->crews[k].rng,
			   g_strdup_printf("crew:%s", sc->crews[k].id));
	/* only a crew that has them: the others' streams stay as they were */
	for (guint k = 0; k < sc->n_crews; k++)
		if (w->crews[k].key_rng)
			add_stream(w, w->crews[k].key_rng,
				   g_strdup_printf("crew:%s:key_person",
						   sc->crews[k].id));
	for (guint a = 0; a < w->n_absences; a++) {
		const MdlCrew *mk = &sc->crews[w->absences[a].crew];
		add_stream(w, w->absences[a].rng,
			   g_strdup_printf("crew:%s:absence:%s", mk->id,
					   mk->absences[w->absences[a].index]
						   .name));
	}
	for (guint s = 0; s < sc->n_services; s++) {
		add_stream(w, w->svcs[s].rng,
			   g_strdup_printf("service:%s", sc->services[s].id));
		add_stream(w, w->svcs[s].work_rng,
			   g_strdup_printf("service:%s:work",
					   sc->services[s].id));
	}
	for (guint d = 0; d < sc->n_datasets; d++)
		add_stream(w, w->data[d].rng,
			   g_strdup_printf("dataset:%s", sc->datasets[d].id));
	add_stream(w, w->threat_rng, g_strdup("threats"));
	for (guint k = 0; k < sc->n_common; k++)
		add_stream(w, w->common[k].rng,
			   g_strdup_printf("common:%s", sc->common[k].name));
	for (guint k = 0; k < sc->n_providers; k++)
		add_stream(w, w->provider_rng[k],
			   g_strdup_printf("provider:%s",
					   sc->providers[k].id));
}

void world_reseed(MdlWorld *w, guint64 seed, guint64 rep)
{
	for (guint i = 0; i < w->streams->len; i++) {
		Stream *st = &g_array_index(w->streams, Stream, i);
		sim_rng_reseed_key(st->r, seed, rep, st->key);
	}
	w->seed = seed;
	w->rep = rep;
}

void world_reset(MdlWorld *w, double start)
{
	const MdlScenario *sc = w->sc;

	sim_engine_reset_at(w->eng, start);
	w->start = start;
	for (guint k = 0; k < sc->n_crews; k++) {
		g_queue_clear(&w->crews[k].line);
		w->crews[k].busy = 0;
		w->crews[k].open_ev = SIM_EVENT_NONE;
		w->crews[k].absent = 0;
		w->crews[k].absent_since = INFINITY;
		w->crews[k].reduced_h = 0;
		w->crews[k].slow_until = -INFINITY;
	}
	for (guint s = 0; s < sc->n_sites; s++) {
		Site *st = &w->sites[s];
		st->outages = 0;
		st->destroyed = st->encrypted = FALSE;
		st->down_time = 0;
		st->down_since = INFINITY;
		g_array_set_size(st->down, 0);
	}
	for (guint i = 0; i < w->n_units; i++) {
		Unit *u = &w->units[i];
		u->failed = u->queued = u->active = FALSE;
		u->struck = 0;
		u->fail_ev = u->repair_ev = SIM_EVENT_NONE;
		world_unit_renew(w, i);
	}
	for (guint c = 0; c < sc->n_components; c++) {
		Comp *cp = &w->comps[c];
		cp->up = sc->components[c].count;
		cp->is_up = TRUE;
		cp->dirty = FALSE;
		cp->last = start;
		cp->up_time = cp->unit_time = cp->down_time = 0;
		cp->relocated = FALSE;
		cp->rebuild_ev = SIM_EVENT_NONE;
		cp->maint = 0;
	}
	for (guint s = 0; s < sc->n_services; s++) {
		Svc *sv = &w->svcs[s];
		sv->up = sv->primary_ok = TRUE;
		sv->dirty = sv->planned = FALSE;
		sv->last = start;
		sv->uptime = 0;
	}
	g_array_set_size(w->dirty_comps, 0);
	g_array_set_size(w->dirty_svcs, 0);
	for (guint c = 0; c < sc->n_components; c++)
		comp_dirty(w, c);
	w->hooks->reset(w);	/* copies, recovery, hazards and threats */
	operating_update(w);
}

/* At the horizon: integrals closed, open incidents censored,
 * per-replication figures folded into the results.  Components count
 * from the instant their topology took over; services over the whole
 * horizon, with their uptime under the replaced topology if any. */
void world_collect(MdlWorld *w)
{
	const MdlScenario *sc = w->sc;
	double T = sc->horizon_h, span = T - w->start;

	for (guint c = 0; c < sc->n_components && span > 0; c++) {
		comp_update(w, c);
		Comp *cp = &w->comps[c];
		w->rec->component(w->sink, c, cp->up_time / span,
				  cp->unit_time /
					  (span * sc->components[c].count));
	}
	for (guint k = 0; k < sc->n_crews && span > 0 && !w->svc_out; k++) {
		const Crew *cr = &w->crews[k];
		if (sc->crews[k].n_absences == 0)
			continue;
		w->rec->crew_reduced(w->sink, k,
				     cr->reduced_h +
					     (cr->absent ? T - cr->absent_since
							 : 0),
				     span);
	}
	w->hooks->censor(w);
	g_autofree double *uptime = g_new(double, MAX(sc->n_services, 1));
	for (guint s = 0; s < sc->n_services; s++) {
		uptime[s] = world_service_close(w, s, T, s);
		if (w->start > 0)	/* the replaced topology ran before */
			uptime[s] += w->before_uptime[s];
	}
	w->rec->events(w->sink, sim_engine_events(w->eng));
	w->rec->end_replication(w->sink, uptime);
}

void world_trace(MdlWorld *w, MdlTraceKind kind, const char *id,
		 const char *what)
{
	g_autofree char *full = NULL;

	if (!w->trace)
		return;
	/* a replaced topology's components are not the scenario's */
	if (w->svc_out && kind == MDL_TRACE_COMPONENT)
		id = full = g_strconcat(w->stream_prefix, id, NULL);
	w->trace(sim_engine_now(w->eng), kind, id, what, w->trace_data);
}

