/* common.c — reading the optional top-level list `common_causes`: events
 * that take down units of several components at once (see MdlCommonCause
 * in scenario.h, "Common causes" in docs/scenario-format.md and
 * docs/model.md).
 *
 * A list of its own rather than a key of a component or a site: a common
 * cause spans components, possibly on several sites (the SAN controllers
 * of both rooms), as no failure mode or site hazard does.  Read after the
 * components, whose counts bound `units`. */
#include "scenario-private.h"

static const char *const common_keys[] = {"name",	"rate",	 "every",
					  "components", "units", "repair",
					  NULL};

/* `units`: "all" (0), or a number of units of each component, at most
 * the count of every one of them. */
static void read_units(Loader *ld, const config_setting_t *g,
		       const MdlScenario *sc, MdlCommonCause *cc,
		       const char *ctx)
{
	config_setting_t *s = config_setting_get_member(g, "units");
	gint64 v;

	if (!s)
		return;
	if (config_setting_type(s) == CONFIG_TYPE_STRING) {
		const char *text = config_setting_get_string(s);

		if (g_strcmp0(text, "all") != 0)
			ld_error(ld, s,
				 "'units' must be \"all\" or a number of "
				 "units in %s (got \"%s\")",
				 ctx, text);
		return;
	}
	if (!ld_int(ld, s, ctx, 1, LD_MAX_COUNT, &v))
		return;
	cc->units = (guint)v;
	for (guint i = 0; i < cc->n_components; i++) {
		const MdlComponent *mc = &sc->components[cc->components[i]];

		/* a component with an unreadable count is reported already */
		if (mc->count > 0 && cc->units > mc->count)
			ld_error(ld, s,
				 "'units' (%u) must not exceed 'count' (%u) of "
				 "component '%s' in %s",
				 cc->units, mc->count, mc->id, ctx);
	}
}

static void read_components(Loader *ld, const config_setting_t *g,
			    MdlCommonCause *cc, const char *ctx)
{
	config_setting_t *s = ld_required(ld, g, "components", ctx);

	if (!s || !ld_read_refs(ld, s, LD_COMPONENT, ctx, &cc->components,
				&cc->n_components))
		return;
	if (config_setting_length(s) == 0)
		ld_error(ld, s,
			 "'components' must name at least one component in %s",
			 ctx);
}

static void read_common(Loader *ld, const config_setting_t *g, int i,
			const MdlScenario *sc, MdlCommonCause *cc)
{
	g_autofree char *ctx = ld_object_ctx(g, "name", "common cause", i,
					     NULL);
	config_setting_t *s;

	ld_check_keys(ld, g, common_keys, ctx);
	cc->line = (int)ld_line(g);
	cc->name = ld_required_text(ld, g, "name", ctx);
	cc->every = ld_occurrence(ld, g, "every", ctx);
	read_components(ld, g, cc, ctx);
	read_units(ld, g, sc, cc, ctx);
	if ((s = ld_required(ld, g, "repair", ctx)))
		cc->repair = ld_law(ld, s, ctx);
}

void ld_read_common_causes(Loader *ld, const config_setting_t *list,
			   MdlScenario *sc)
{
	int n = list ? config_setting_length(list) : 0;

	sc->common = g_new0(MdlCommonCause, (gsize)n);
	sc->n_common = (guint)n;
	for (int i = 0; i < n; i++) {
		config_setting_t *g = ld_element(ld, list, i, "common cause");

		if (!g)
			continue;
		read_common(ld, g, i, sc, &sc->common[i]);
		ld_check_unique_name(ld, list, i, "common cause",
				     "'common_causes'");
	}
}

void ld_common_causes_free(MdlCommonCause *common, guint n)
{
	for (guint i = 0; i < n; i++) {
		g_free(common[i].name);
		sim_dist_free(common[i].every);
		g_free(common[i].components);
		sim_dist_free(common[i].repair);
	}
	g_free(common);
}
