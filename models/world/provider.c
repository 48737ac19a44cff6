/* provider.c — a host's exit (bankruptcy, contract end, loss of its
 * certificate) and the reversibility plan that follows: the services
 * hosted on its sites move out, in project + S(t)/egress hours, S(t) the
 * size at the exit of the datasets stored there; meanwhile they run in
 * degraded mode (docs/model.md, "Provider risks").
 *
 * Degraded mode is counted, not simulated: the services stay up on the
 * same sites, with the same plans, and the topology is the same after
 * the move (re-established elsewhere).  What it costs is the time spent
 * so and the money (a per_event cost of "provider:ID:exit").  The
 * alternative, the standby sites unusable during the move, would have
 * reached into every failover decision for a risk of 1 %/yr; it is left
 * out rather than half done.
 *
 * Each provider draws from its own stream ("provider:ID"), so adding one
 * leaves every other stream's draws as they were. */
#include "provider.h"

static void on_exit(SimEngine *eng, void *ctx, uint32_t arg);

void provider_init(MdlWorld *w)
{
	guint n = w->sc->n_providers;

	w->provider_rng = g_new0(gsl_rng *, n + 1);
	for (guint k = 0; k < n; k++)
		w->provider_rng[k] = sim_rng_new(0, 0, "");
}

void provider_free(MdlWorld *w)
{
	for (guint k = 0; k < w->sc->n_providers; k++)
		sim_rng_free(w->provider_rng[k]);
	g_free(w->provider_rng);
}

/* Provider k's next exit, `after` hours from now plus a draw of its
 * `every`. */
static void schedule(MdlWorld *w, guint k, double after)
{
	const MdlProvider *p = &w->sc->providers[k];

	sim_engine_after(w->eng,
			 after + sim_dist_sample(p->exit_every,
						 w->provider_rng[k]),
			 MDL_PRIO_HAZARD, on_exit, w, k);
}

/* A replaced topology's providers are not played: its recorder reports
 * the main scenario's providers, and a host leaving a topology about to
 * be replaced is the project's own business. */
void provider_schedule(MdlWorld *w)
{
	if (w->svc_out)
		return;
	for (guint k = 0; k < w->sc->n_providers; k++)
		if (w->sc->providers[k].exit_every)
			schedule(w, k, 0);
}

static gboolean hosted(const MdlProvider *p, guint site)
{
	for (guint i = 0; i < p->n_sites; i++)
		if (p->sites[i] == site)
			return TRUE;
	return FALSE;
}

/* Bytes to move out of provider k at t: every dataset whose storage is
 * on one of its sites, at its size then. */
static double volume(const MdlWorld *w, guint k, double t)
{
	const MdlScenario *sc = w->sc;
	double bytes = 0;

	for (guint d = 0; d < sc->n_datasets; d++)
		if (hosted(&sc->providers[k],
			   mcomp(w, sc->datasets[d].storage)->site))
			bytes += world_data_size(w, d, t);
	return bytes;
}

/* The next exit is counted from the end of this one's move, so that a
 * host never leaves twice at once. */
static void on_exit(SimEngine *eng, void *ctx, uint32_t arg)
{
	MdlWorld *w = ctx;
	const MdlProvider *p = &w->sc->providers[arg];
	double t = sim_engine_now(eng);
	double move = p->project_h + volume(w, arg, t) / p->egress;

	/* no incident opens here: w->cause is left as it was */
	w->rec->occurrence(w->sink, mdl_cause_provider_exit(w->labels, arg),
			   t);
	w->rec->degraded(w->sink, arg, t, t + move);
	schedule(w, arg, move);
}
