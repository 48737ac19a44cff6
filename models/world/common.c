/* common.c — common causes: one event takes down units of several
 * components at once (a trench cutting both WAN links, a firmware fault
 * on every controller of a model), until one joint repair brings them
 * all back (docs/model.md, "Common causes").
 *
 * A struck unit is down, not failed, as on a site in an outage: its own
 * failures and repairs go on meanwhile (Unit.struck counts the common
 * causes holding it).  Every draw — the time to the next occurrence, the
 * repair, the units struck — comes from the cause's own stream, so
 * adding one leaves every other stream's draws as they were. */
#include "common.h"

static void on_common(SimEngine *eng, void *ctx, uint32_t arg);

void common_init(MdlWorld *w)
{
	guint n = w->sc->n_common;

	w->common = g_new0(Common, n + 1);
	for (guint k = 0; k < n; k++) {
		w->common[k].rng = sim_rng_new(0, 0, "");
		w->common[k].struck = g_array_new(FALSE, FALSE, sizeof(guint));
	}
}

void common_reset(MdlWorld *w)
{
	for (guint k = 0; k < w->sc->n_common; k++)
		g_array_set_size(w->common[k].struck, 0);
}

void common_free(MdlWorld *w)
{
	for (guint k = 0; k < w->sc->n_common; k++) {
		sim_rng_free(w->common[k].rng);
		g_array_free(w->common[k].struck, TRUE);
	}
	g_free(w->common);
}

/* The next occurrence of common cause k, from now (t = 0, or the end of
 * the previous one's repair). */
static void schedule(MdlWorld *w, guint k)
{
	sim_engine_after(w->eng,
			 sim_dist_sample(w->sc->common[k].every,
					 w->common[k].rng),
			 MDL_PRIO_HAZARD, on_common, w, k);
}

void common_schedule(MdlWorld *w)
{
	for (guint k = 0; k < w->sc->n_common; k++)
		schedule(w, k);
}

/* Into struck: every unit of each component of cause k, or `units` of
 * them drawn uniformly without replacement (a partial Fisher–Yates
 * shuffle of its units, in index order first; no draw when all are
 * taken). */
static void choose_units(MdlWorld *w, guint k)
{
	const MdlCommonCause *cc = &w->sc->common[k];
	GArray *struck = w->common[k].struck;

	for (guint i = 0; i < cc->n_components; i++) {
		guint c = cc->components[i], n = mcomp(w, c)->count;
		guint take = cc->units ? MIN(cc->units, n) : n, base = struck->len;
		guint *u;

		g_array_set_size(struck, base + n);
		u = &g_array_index(struck, guint, base);
		for (guint j = 0; j < n; j++)
			u[j] = w->comps[c].first + j;
		for (guint j = 0; j < take && take < n; j++) {
			guint r = j + (guint)gsl_rng_uniform_int(
				w->common[k].rng, n - j);
			guint t = u[j];
			u[j] = u[r];
			u[r] = t;
		}
		g_array_set_size(struck, base + take);
	}
}

/* Units struck by cause k held down (by = 1) or released (by = -1), then
 * their components recounted and everything downstream. */
static void hold(MdlWorld *w, guint k, int by)
{
	const MdlCommonCause *cc = &w->sc->common[k];
	GArray *struck = w->common[k].struck;

	for (guint i = 0; i < struck->len; i++) {
		Unit *u = &w->units[g_array_index(struck, guint, i)];
		u->struck = by > 0 ? u->struck + 1 : u->struck - 1;
	}
	for (guint i = 0; i < cc->n_components; i++)
		world_comp_update(w, cc->components[i]);
	world_propagate(w);
}

static void on_repaired(SimEngine *eng, void *ctx, uint32_t arg)
{
	MdlWorld *w = ctx;

	(void)eng;
	hold(w, arg, -1);
	g_array_set_size(w->common[arg].struck, 0);
	schedule(w, arg);
}

static void on_common(SimEngine *eng, void *ctx, uint32_t arg)
{
	MdlWorld *w = ctx;
	const MdlCommonCause *cc = &w->sc->common[arg];
	double repair = sim_dist_sample(cc->repair, w->common[arg].rng);

	w->cause = mdl_cause_common(w->labels, arg);
	w->rec->occurrence(w->sink, w->cause, sim_engine_now(eng));
	choose_units(w, arg);
	hold(w, arg, 1);
	sim_engine_after(eng, repair, MDL_PRIO_REPAIR, on_repaired, w, arg);
}

char *common_event_element(const MdlWorld *w, SimHandler fn, uint32_t arg,
			   int *line)
{
	if (fn != on_common && fn != on_repaired)
		return NULL;
	*line = w->sc->common[arg].line;
	return g_strdup_printf("common cause '%s'", w->sc->common[arg].name);
}
