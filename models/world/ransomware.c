/* ransomware.c — ransomware: infections, the encryption of the sites
 * reached after a dwell time (components down, data and reachable copies
 * lost), the rebuild; and an exercise's injected ransomware.  Semantics:
 * docs/model.md ("Ransomware"). */
#include "ransomware.h"


static void on_infected(SimEngine *eng, void *ctx, uint32_t arg);

static void on_encrypted(SimEngine *eng, void *ctx, uint32_t arg);
static void on_decrypted(SimEngine *eng, void *ctx, uint32_t arg);

static void schedule_infection(MdlWorld *w, guint t)
{
	sim_engine_after(w->eng, world_draw(w->sc->ransomware[t].every, w->threat_rng),
			 MDL_PRIO_HAZARD, on_infected, w, t);
}

void recovery_schedule_threats(MdlWorld *w)
{
	for (guint t = 0; t < w->sc->n_ransomware; t++)
		schedule_infection(w, t);
}

static void on_infected(SimEngine *eng, void *ctx, uint32_t arg)
{
	MdlWorld *w = ctx;

	(void)eng;
	w->infected_at[arg] = world_now(w);
	sim_engine_after(w->eng, world_draw(w->sc->ransomware[arg].dwell, w->threat_rng),
			 MDL_PRIO_HAZARD, on_encrypted, w, arg);
}

/* Copies the attacker reaches: on a reached site and not immutable
 * (replicas follow their source, whatever the flag). */
static void encrypt_copies(MdlWorld *w, const guint *sites, guint n)
{
	for (guint k = 0; k < w->n_copies; k++) {
		guint d = 0;
		while (k >= w->data[d].first_copy + w->sc->datasets[d].n_copies)
			d++;
		const MdlCopy *c =
			&w->sc->datasets[d].copies[k - w->data[d].first_copy];
		gboolean hit = FALSE;
		for (guint i = 0; i < n; i++)
			hit = hit || c->site == sites[i];
		if (hit && (!c->immutable || c->kind == MDL_COPY_REPLICATION))
			w->hooks->wipe_copy(w, k);
	}
}

static void set_encrypted(MdlWorld *w, const guint *sites, guint n,
			  gboolean on)
{
	/* every flag first: a refresh propagates, and must see them all */
	for (guint i = 0; i < n; i++)
		w->sites[sites[i]].encrypted = on;
	for (guint i = 0; i < n; i++)
		world_site_refresh(w, sites[i]);
}

/* Encryption now of the sites given: down until the rebuild, their data
 * lost (recovery point at most limit), their copies encrypted unless
 * immutable. */
static void encrypt(MdlWorld *w, const guint *sites, guint n, double limit,
		    double rebuild)
{
	double now = world_now(w);

	encrypt_copies(w, sites, n);
	set_encrypted(w, sites, n, TRUE);
	for (guint d = 0; d < w->sc->n_datasets; d++) {
		guint site = mcomp(w, w->sc->datasets[d].storage)->site;
		gboolean hit = FALSE;
		for (guint i = 0; i < n; i++)
			hit = hit || site == sites[i];
		if (!hit)
			continue;
		w->hooks->lose_data(w, d, limit);
		w->data[d].forensics_until = now + rebuild;
	}
	world_propagate(w);
}

static void on_encrypted(SimEngine *eng, void *ctx, uint32_t arg)
{
	MdlWorld *w = ctx;
	const MdlRansomware *rw = &w->sc->ransomware[arg];
	double rebuild = world_draw(rw->rebuild, w->threat_rng);
	double limit = rw->accept_until_encryption ? world_now(w)
						   : w->infected_at[arg];

	w->cause = mdl_cause_ransomware(w->labels, arg);
	w->rec->occurrence(w->sink, w->cause, world_now(w));
	encrypt(w, rw->sites, rw->n_sites, limit, rebuild);
	sim_engine_after(eng, rebuild, MDL_PRIO_SITE_BACK, on_decrypted, w, arg);
}

static void on_decrypted(SimEngine *eng, void *ctx, uint32_t arg)
{
	MdlWorld *w = ctx;
	const MdlRansomware *rw = &w->sc->ransomware[arg];

	(void)eng;
	set_encrypted(w, rw->sites, rw->n_sites, FALSE);
	world_propagate(w);
	schedule_infection(w, arg);
}

static void on_injected_decrypted(SimEngine *eng, void *ctx, uint32_t arg)
{
	MdlWorld *w = ctx;
	guint site = arg;

	(void)eng;
	set_encrypted(w, &site, 1, FALSE);
	world_propagate(w);
}

/* An exercise's ransomware: the site is encrypted now, infected a dwell
 * time earlier; the policy of the scenario's first threat, if any. */
void recovery_inject_ransomware(MdlWorld *w, const MdlInjection *inj)
{
	double now = world_now(w), dwell = world_draw(inj->dwell, w->threat_rng);
	double rebuild = world_draw(inj->duration, w->threat_rng);
	gboolean late = w->sc->n_ransomware > 0 &&
			w->sc->ransomware[0].accept_until_encryption;

	w->cause = inj->cause;
	encrypt(w, &inj->index, 1, late ? now : now - dwell, rebuild);
	sim_engine_after(w->eng, rebuild, MDL_PRIO_SITE_BACK,
			 on_injected_decrypted, w, inj->index);
}

char *recovery_threat_event_element(const MdlWorld *w, SimHandler fn,
				    uint32_t arg, int *line)
{
	if (fn != on_infected && fn != on_encrypted && fn != on_decrypted)
		return NULL;
	*line = w->sc->ransomware[arg].line;
	return g_strdup_printf("threat '%s'", w->sc->ransomware[arg].name);
}
