/* providers.c — reading the optional top-level list `providers`: the
 * hosts a scenario's sites belong to, and the risk of a host's exit
 * (see MdlProvider in scenario.h, "Provider risks" in docs/model.md and
 * docs/scenario-format.md).
 *
 * A list of its own rather than a key of a site: one host holds several
 * sites (both datacenters of an HDS provider), and its exit moves all of
 * them at once.  Read after the sites it names. */
#include "scenario-private.h"

static const char *const provider_keys[] = {"id", "sites", "exit", NULL};
static const char *const exit_keys[] = {"rate", "every", "project", "egress",
					NULL};

static void read_sites(Loader *ld, const config_setting_t *g, MdlProvider *p,
		       const char *ctx)
{
	config_setting_t *s = ld_required(ld, g, "sites", ctx);

	if (!s || !ld_read_refs(ld, s, LD_SITE, ctx, &p->sites, &p->n_sites))
		return;
	if (config_setting_length(s) == 0)
		ld_error(ld, s, "'sites' must name at least one site in %s",
			 ctx);
}

/* `exit`: its occurrences, the project's fixed duration and the egress
 * throughput of the data moved out. */
static void read_exit(Loader *ld, const config_setting_t *g, MdlProvider *p,
		      const char *ctx)
{
	config_setting_t *e = config_setting_get_member(g, "exit"), *s;
	g_autofree char *ectx = g_strdup_printf("'exit' of %s", ctx);

	if (!e)
		return;
	if (!config_setting_is_group(e)) {
		ld_error(ld, e, "'exit' must be a group in %s", ctx);
		return;
	}
	ld_check_keys(ld, e, exit_keys, ectx);
	p->exit_every = ld_occurrence(ld, e, "every", ectx);
	if ((s = ld_required(ld, e, "project", ectx)))
		ld_duration(ld, s, ectx, &p->project_h);
	if ((s = ld_required(ld, e, "egress", ectx)))
		ld_throughput(ld, s, ectx, &p->egress);
}

static void check_unique(Loader *ld, const config_setting_t *g,
			 const MdlScenario *sc, guint i)
{
	for (guint j = 0; j < i; j++)
		if (sc->providers[i].id && sc->providers[j].id &&
		    strcmp(sc->providers[i].id, sc->providers[j].id) == 0)
			ld_error(ld, g,
				 "duplicate provider id '%s' in 'providers' "
				 "(first at line %d)",
				 sc->providers[i].id, sc->providers[j].line);
}

void ld_read_providers(Loader *ld, const config_setting_t *list,
		       MdlScenario *sc)
{
	int n = list ? config_setting_length(list) : 0;

	sc->providers = g_new0(MdlProvider, (gsize)n);
	sc->n_providers = (guint)n;
	for (int i = 0; i < n; i++) {
		config_setting_t *g = ld_element(ld, list, i, "provider");
		MdlProvider *p = &sc->providers[i];
		g_autofree char *ctx = NULL;

		if (!g)
			continue;
		ctx = ld_object_ctx(g, "id", "provider", i, NULL);
		ld_check_keys(ld, g, provider_keys, ctx);
		p->line = (int)ld_line(g);
		p->id = ld_required_text(ld, g, "id", ctx);
		if (p->id && !ld_id_valid(p->id))
			ld_error(ld, config_setting_get_member(g, "id"),
				 "'id' must be letters, digits, '_' or '-' "
				 "in %s",
				 ctx);
		read_sites(ld, g, p, ctx);
		read_exit(ld, g, p, ctx);
		check_unique(ld, g, sc, (guint)i);
	}
}

void ld_providers_free(MdlProvider *providers, guint n)
{
	for (guint i = 0; i < n; i++) {
		g_free(providers[i].id);
		g_free(providers[i].sites);
		sim_dist_free(providers[i].exit_every);
	}
	g_free(providers);
}
