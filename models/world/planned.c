/* planned.c — maintenance windows (docs/model.md, "Planned downtime").
 *
 * A window of a component, or of a site (then of every component on
 * it), holds the component down planned: it stays up for the core
 * (no incident, no RTO), and a service that can do without it only
 * through the window is counted down planned (world.c, planned_update).
 * A window due while its component is down (its site not up, for a
 * site's) does not start: the next one is awaited.  Windows are
 * owners 0..n_components−1 (components) then the sites, the event
 * argument. */
#include "planned.h"

#include <string.h>

static void on_window_start(SimEngine *eng, void *ctx, uint32_t arg);

static guint n_owners(const MdlWorld *w)
{
	return w->sc->n_components + w->sc->n_sites;
}

static const MdlWindow *window_of(const MdlWorld *w, guint owner)
{
	guint nc = w->sc->n_components;

	return owner < nc ? &w->sc->components[owner].maintenance
			  : &w->sc->sites[owner - nc].maintenance;
}

void planned_init(MdlWorld *w)
{
	w->window_open = g_new0(gboolean, MAX(n_owners(w), 1));
}

void planned_free(MdlWorld *w)
{
	g_free(w->window_open);
}

/* The first start of window win at or after t. */
static double next_start(const MdlWindow *win, double t)
{
	if (t <= win->first_h)
		return win->first_h;
	double k = ceil((t - win->first_h) / win->period_h);
	double at = win->first_h + k * win->period_h;

	return at >= t ? at : at + win->period_h;
}

void planned_reset(MdlWorld *w)
{
	memset(w->window_open, 0, sizeof(gboolean) * MAX(n_owners(w), 1));
	if (!w->sc->has_maintenance || w->exercise)
		return;
	for (guint o = 0; o < n_owners(w); o++) {
		const MdlWindow *win = window_of(w, o);
		if (win->duration_h > 0)
			sim_engine_at(w->eng, next_start(win, world_now(w)),
				      PRIO_WINDOW, on_window_start, w, o);
	}
}

/* Component c enters (by +1) or leaves (by −1) a window. */
static void hold(MdlWorld *w, guint c, int by)
{
	w->comps[c].maint = (guint)((int)w->comps[c].maint + by);
	world_comp_update(w, c);
}

/* Every component of owner o enters or leaves a window, then what
 * depends on them follows. */
static void hold_owner(MdlWorld *w, guint o, int by)
{
	guint nc = w->sc->n_components;
	GArray *comps;

	if (o < nc) {
		hold(w, o, by);
	} else {
		comps = w->sites[o - nc].comps;
		for (guint i = 0; i < comps->len; i++)
			hold(w, g_array_index(comps, guint, i), by);
	}
	world_propagate(w);
}

static void on_window_end(SimEngine *eng, void *ctx, uint32_t arg)
{
	MdlWorld *w = ctx;

	(void)eng;
	w->window_open[arg] = FALSE;
	hold_owner(w, arg, -1);
}

/* A window does not start on a component that is down, nor on a site
 * that is not up: no planned work on what is being repaired. */
static gboolean can_start(const MdlWorld *w, guint o)
{
	guint nc = w->sc->n_components;

	return o < nc ? w->comps[o].is_up : site_ok(w, o - nc);
}

static void on_window_start(SimEngine *eng, void *ctx, uint32_t arg)
{
	MdlWorld *w = ctx;
	const MdlWindow *win = window_of(w, arg);
	double now = sim_engine_now(eng);

	sim_engine_at(eng, now + win->period_h, PRIO_WINDOW, on_window_start,
		      w, arg);
	if (!can_start(w, arg))
		return;
	w->window_open[arg] = TRUE;
	sim_engine_at(eng, now + win->duration_h, PRIO_WINDOW_END,
		      on_window_end, w, arg);
	hold_owner(w, arg, +1);
}

/* The earlier of at and the next start of window win after t. */
static double earliest(const MdlWindow *win, double t, double at)
{
	return win->duration_h > 0 ? fmin(at, next_start(win, t)) : at;
}

double planned_next_window(const MdlWorld *w, guint s, double t)
{
	const MdlService *sv = &w->sc->services[s];
	double at = INFINITY;

	for (guint i = 0; i < sv->n_requires; i++) {
		const MdlComponent *mc = mcomp(w, sv->requires[i]);
		at = earliest(&mc->maintenance, t, at);
		at = earliest(&w->sc->sites[mc->site].maintenance, t, at);
	}
	return at;
}

char *planned_event_element(const MdlWorld *w, SimHandler fn, uint32_t arg,
			    int *line)
{
	guint nc = w->sc->n_components;

	if (fn != on_window_start && fn != on_window_end)
		return NULL;
	if (arg < nc) {
		*line = w->sc->components[arg].line;
		return g_strdup_printf("the maintenance of component '%s'",
				       w->sc->components[arg].id);
	}
	*line = w->sc->sites[arg - nc].line;
	return g_strdup_printf("the maintenance of site '%s'",
			       w->sc->sites[arg - nc].id);
}
