/* topology.c — reading the scenario's objects: crews, sites and their
 * hazards, components and their failure modes, services, threats (see
 * scenario-private.h and docs/scenario-format.md).  Datasets are read in datasets.c, services'
 * plans in plans.c.
 *
 * Each object is read key by key; a bad key is reported and the object
 * keeps its default for it, so the next keys and objects are still
 * checked.  Checks that combine keys (need <= count, which of duration
 * and rebuild a hazard takes) run only when every key involved was read,
 * so one mistake gives one message. */
#include "scenario-private.h"

#include <math.h>
#include <string.h>

/* ---- helpers of this file ------------------------------------------- */

/* The optional string member `key`, copied; NULL when absent or bad. */
static char *optional_text(Loader *ld, const config_setting_t *g,
			   const char *key, const char *ctx)
{
	config_setting_t *s = config_setting_get_member(g, key);
	const char *v;

	return s && ld_text(ld, s, ctx, FALSE, &v) ? g_strdup(v) : NULL;
}

void ld_check_unique_name(Loader *ld, const config_setting_t *list, int i,
			      const char *what, const char *of)
{
	config_setting_t *g = config_setting_get_elem(list, (guint)i);
	config_setting_t *name = config_setting_get_member(g, "name");

	if (!name || config_setting_type(name) != CONFIG_TYPE_STRING)
		return;
	for (int j = 0; j < i; j++) {
		config_setting_t *h = config_setting_get_elem(list, (guint)j);
		config_setting_t *other =
			config_setting_is_group(h)
				? config_setting_get_member(h, "name")
				: NULL;

		if (other && config_setting_type(other) == CONFIG_TYPE_STRING &&
		    strcmp(config_setting_get_string(other),
			   config_setting_get_string(name)) == 0) {
			g_autofree char *where = ld_where(ld, h, name);

			ld_error(ld, name,
				 "duplicate %s name '%s' in %s (first at %s)",
				 what, config_setting_get_string(name), of,
				 where);
			return;
		}
	}
}

/* ---- crews ------------------------------------------------------------- */

static const char *const crew_keys[] = {"id",	   "size",     "hours",
					"callout", "absences", "key_person",
					NULL};

static void read_hours(Loader *ld, const config_setting_t *g, MdlCrew *c,
		       const char *ctx)
{
	config_setting_t *s = config_setting_get_member(g, "hours");
	GError *err = NULL;
	const char *spec;

	if (!s || !ld_text(ld, s, ctx, FALSE, &spec))
		return;
	c->hours = sim_schedule_parse(spec, &err);
	if (!c->hours) {
		ld_error(ld, s, "'hours' in %s: %s", ctx, err->message);
		g_error_free(err);
		return;
	}
	/* Repairs waiting for a crew that never works would never start. */
	if (sim_schedule_hours_per_week(c->hours) == 0 &&
	    !config_setting_get_member(g, "callout"))
		ld_error(ld, s,
			 "'hours' in %s: never at work and no 'callout', so "
			 "its repairs would never start",
			 ctx);
}

static void read_crew(Loader *ld, const config_setting_t *g, int i, MdlCrew *c)
{
	g_autofree char *ctx = ld_object_ctx(g, "id", "crew", i, NULL);
	config_setting_t *s;
	gint64 v;

	ld_check_keys(ld, g, crew_keys, ctx);
	c->line = (int)ld_line(g);
	c->id = ld_required_text(ld, g, "id", ctx);
	c->size = 1;
	if ((s = config_setting_get_member(g, "size")))
		/* 0 when bad: reported, and nothing to check against */
		c->size = ld_int(ld, s, ctx, 1, LD_MAX_COUNT, &v) ? (guint)v
								   : 0;
	read_hours(ld, g, c, ctx);
	if ((s = config_setting_get_member(g, "callout")))
		c->callout = ld_law(ld, s, ctx);
	ld_read_people(ld, g, c, ctx);
	if (!c->hours)
		c->hours = sim_schedule_parse("24/7", NULL);
}

void ld_read_crews(Loader *ld, const config_setting_t *list, MdlScenario *sc)
{
	int n = list ? config_setting_length(list) : 0;

	sc->crews = g_new0(MdlCrew, (gsize)n);
	sc->n_crews = (guint)n;
	for (int i = 0; i < n; i++) {
		config_setting_t *g = ld_element(ld, list, i, "crew");

		if (g)
			read_crew(ld, g, i, &sc->crews[i]);
		else
			sc->crews[i].hours = sim_schedule_parse("24/7", NULL);
	}
}

/* ---- sites and hazards ------------------------------------------------- */

static const char *const site_keys[] = {"id",	   "kind",    "operator",
					"country", "hazards", "maintenance",
					NULL};
static const char *const hazard_keys[] = {
	"name", "rate", "every", "effect", "duration", "rebuild", NULL};
static const char *const site_kinds[] = {"internal", "hosted", NULL};
static const char *const hazard_effects[] = {"outage", "destroyed", NULL};

/* ISO 3166-1 alpha-2: the 249 officially assigned codes. */
static const char countries[] =
	"AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG "
	"BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI "
	"CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH "
	"ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ "
	"GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT "
	"JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS "
	"LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU "
	"MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG "
	"PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG "
	"SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK "
	"TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU "
	"WF WS YE YT ZA ZM ZW";

static gboolean country_valid(const char *code)
{
	if (strlen(code) != 2 || !g_ascii_isupper(code[0]) ||
	    !g_ascii_isupper(code[1]))
		return FALSE;
	for (size_t i = 0; i + 1 < sizeof countries; i += 3)
		if (countries[i] == code[0] && countries[i + 1] == code[1])
			return TRUE;
	return FALSE;
}

static void read_country(Loader *ld, const config_setting_t *g, MdlSite *site,
			 const char *ctx)
{
	config_setting_t *s = ld_required(ld, g, "country", ctx);
	const char *code;

	if (!s || !ld_text(ld, s, ctx, FALSE, &code))
		return;
	if (!country_valid(code)) {
		ld_error(ld, s,
			 "'country' must be an ISO 3166-1 alpha-2 code like "
			 "\"FR\" in %s (got \"%s\")",
			 ctx, code);
		return;
	}
	site->country = g_strdup(code);
}

/* The law of an outage's duration or of a destroyed site's rebuild:
 * `want` is required and `other` does not apply. */
static SimDist *effect_law(Loader *ld, const config_setting_t *g,
			   const char *want, const char *other,
			   const char *effect, const char *ctx)
{
	config_setting_t *s = config_setting_get_member(g, other);

	if (s)
		ld_error(ld, s, "'%s' does not apply to effect \"%s\" in %s",
			 other, effect, ctx);
	s = ld_required(ld, g, want, ctx);
	return s ? ld_law(ld, s, ctx) : NULL;
}

static void read_hazard(Loader *ld, const config_setting_t *g, int i,
			MdlHazard *h, const char *site_ctx)
{
	g_autofree char *ctx = ld_object_ctx(g, "name", "hazard", i, site_ctx);
	config_setting_t *s;
	int effect;

	ld_check_keys(ld, g, hazard_keys, ctx);
	h->line = (int)ld_line(g);
	h->name = ld_required_text(ld, g, "name", ctx);
	h->every = ld_occurrence(ld, g, "every", ctx);
	if (!(s = ld_required(ld, g, "effect", ctx)) ||
	    !ld_choice(ld, s, ctx, hazard_effects, &effect))
		return;
	h->effect = (MdlHazardEffect)effect;
	if (h->effect == MDL_HAZARD_OUTAGE)
		h->duration =
			effect_law(ld, g, "duration", "rebuild", "outage", ctx);
	else
		h->duration = effect_law(ld, g, "rebuild", "duration",
					 "destroyed", ctx);
}

static void read_hazards(Loader *ld, const config_setting_t *g, MdlSite *site,
			 const char *ctx)
{
	config_setting_t *list =
		ld_sublist(ld, g, "hazards", ctx, FALSE, &site->n_hazards);

	site->hazards = g_new0(MdlHazard, site->n_hazards);
	for (guint i = 0; i < site->n_hazards; i++) {
		config_setting_t *h = ld_element(ld, list, (int)i, "hazard");

		if (!h)
			continue;
		read_hazard(ld, h, (int)i, &site->hazards[i], ctx);
		ld_check_unique_name(ld, list, (int)i, "hazard", ctx);
	}
}

static void read_site(Loader *ld, const config_setting_t *g, int i,
		      MdlScenario *sc, MdlSite *site)
{
	g_autofree char *ctx = ld_object_ctx(g, "id", "site", i, NULL);
	config_setting_t *s;
	int kind;

	ld_check_keys(ld, g, site_keys, ctx);
	site->line = (int)ld_line(g);
	site->id = ld_required_text(ld, g, "id", ctx);
	if ((s = ld_required(ld, g, "kind", ctx)) &&
	    ld_choice(ld, s, ctx, site_kinds, &kind))
		site->kind = (MdlSiteKind)kind;
	site->operator_name = optional_text(ld, g, "operator", ctx);
	read_country(ld, g, site, ctx);
	read_hazards(ld, g, site, ctx);
	ld_read_maintenance(ld, g, sc, &site->maintenance, ctx);
}

void ld_read_sites(Loader *ld, const config_setting_t *list, MdlScenario *sc)
{
	int n = list ? config_setting_length(list) : 0;

	sc->sites = g_new0(MdlSite, (gsize)n);
	sc->n_sites = (guint)n;
	for (int i = 0; i < n; i++) {
		config_setting_t *g = ld_element(ld, list, i, "site");

		if (g)
			read_site(ld, g, i, sc, &sc->sites[i]);
	}
}

/* ---- components and failure modes -------------------------------------- */

static const char *const component_keys[] = {"id",   "site", "count",	 "need",
					     "ages", "crew", "failures",
					     "maintenance", NULL};
static const char *const mode_keys[] = {"name",	  "ttf",    "rate",
					"repair", "effect", NULL};
static const char *const agings[] = {"always", "operating", NULL};
static const char *const failure_effects[] = {"down", "data_loss", NULL};

static void read_mode(Loader *ld, const config_setting_t *g, int i,
		      MdlFailureMode *m, const char *comp_ctx)
{
	g_autofree char *ctx =
		ld_object_ctx(g, "name", "failure mode", i, comp_ctx);
	config_setting_t *s;
	int effect;

	ld_check_keys(ld, g, mode_keys, ctx);
	m->line = (int)ld_line(g);
	m->name = ld_required_text(ld, g, "name", ctx);
	m->ttf = ld_occurrence(ld, g, "ttf", ctx);
	if ((s = ld_required(ld, g, "repair", ctx)))
		m->repair = ld_law(ld, s, ctx);
	m->effect = MDL_FAILURE_DOWN;
	if ((s = config_setting_get_member(g, "effect")) &&
	    ld_choice(ld, s, ctx, failure_effects, &effect))
		m->effect = (MdlFailureEffect)effect;
}

static void read_modes(Loader *ld, const config_setting_t *g, MdlComponent *c,
		       const char *ctx)
{
	config_setting_t *list = NULL;

	if (ld_required(ld, g, "failures", ctx))
		list = ld_sublist(ld, g, "failures", ctx, TRUE, &c->n_modes);
	c->modes = g_new0(MdlFailureMode, c->n_modes);
	for (guint i = 0; i < c->n_modes; i++) {
		config_setting_t *m =
			ld_element(ld, list, (int)i, "failure mode");

		if (!m)
			continue;
		read_mode(ld, m, (int)i, &c->modes[i], ctx);
		ld_check_unique_name(ld, list, (int)i, "failure mode", ctx);
	}
}

/* count and need (k of n): need defaults to count, and is checked
 * against it only when both were read. */
static void read_k_of_n(Loader *ld, const config_setting_t *g, MdlComponent *c,
			const char *ctx)
{
	config_setting_t *count = config_setting_get_member(g, "count");
	config_setting_t *need = config_setting_get_member(g, "need");
	gboolean count_ok = TRUE;
	gint64 v;

	c->count = 1;
	if (count && (count_ok = ld_int(ld, count, ctx, 1, LD_MAX_COUNT, &v)))
		c->count = (guint)v;
	c->need = c->count;
	if (!need || !ld_int(ld, need, ctx, 1, LD_MAX_COUNT, &v))
		return;
	c->need = (guint)v;
	if (count_ok && c->need > c->count)
		ld_error(ld, need,
			 "'need' (%u) must not exceed 'count' (%u) in %s",
			 c->need, c->count, ctx);
}

static void read_component(Loader *ld, const config_setting_t *g, int i,
			   MdlScenario *sc, MdlComponent *c)
{
	g_autofree char *ctx = ld_object_ctx(g, "id", "component", i, NULL);
	config_setting_t *s;
	guint crew;
	int ages;

	ld_check_keys(ld, g, component_keys, ctx);
	c->line = (int)ld_line(g);
	c->id = ld_required_text(ld, g, "id", ctx);
	if ((s = ld_required(ld, g, "site", ctx)))
		ld_ref(ld, s, LD_SITE, ctx, &c->site);
	read_k_of_n(ld, g, c, ctx);
	c->ages = MDL_AGES_ALWAYS;
	if ((s = config_setting_get_member(g, "ages")) &&
	    ld_choice(ld, s, ctx, agings, &ages))
		c->ages = (MdlAging)ages;
	c->crew = -1;
	if ((s = config_setting_get_member(g, "crew")) &&
	    ld_ref(ld, s, LD_CREW, ctx, &crew))
		c->crew = (gint)crew;
	read_modes(ld, g, c, ctx);
	ld_read_maintenance(ld, g, sc, &c->maintenance, ctx);
}

void ld_read_components(Loader *ld, const config_setting_t *list,
			MdlScenario *sc)
{
	int n = list ? config_setting_length(list) : 0;

	sc->components = g_new0(MdlComponent, (gsize)n);
	sc->n_components = (guint)n;
	for (int i = 0; i < n; i++) {
		config_setting_t *g = ld_element(ld, list, i, "component");

		if (g)
			read_component(ld, g, i, sc, &sc->components[i]);
	}
}

/* ---- services ---------------------------------------------------------- */

static const char *const service_keys[] = {
	"id", "name", "requires", "depends", "data", "plan", "rto", "rpo",
	"mtpd", "degraded", "work_recovery", "planned_budget", NULL};
static const char *const degraded_keys[] = {"after", NULL};

/* Adds component id (alternative of requirement g) to sv, unless unknown
 * or already listed. */
static void add_requirement(Loader *ld, const config_setting_t *e,
			    const char *id, guint g, const char *rctx,
			    MdlService *sv)
{
	guint k, j;

	if (!ld_ref_id(ld, e, id, LD_COMPONENT, rctx, &k))
		return;
	for (j = 0; j < sv->n_requires && sv->requires[j] != k; j++)
		;
	if (j < sv->n_requires) {
		ld_error(ld, e, "component '%s' is listed twice in %s", id, rctx);
		return;
	}
	sv->requires[sv->n_requires] = k;
	sv->group[sv->n_requires++] = g;
}

/* One element of `requires`: "san", or alternatives "dbA|dbB". */
static void read_requirement(Loader *ld, const config_setting_t *e,
			     const char *rctx, MdlService *sv)
{
	const char *text = config_setting_get_string(e);
	g_auto(GStrv) alts = NULL;

	if (config_setting_type(e) != CONFIG_TYPE_STRING) {
		ld_error(ld, e, "elements of %s must be component ids "
			 "(or \"a|b\" alternatives)", rctx);
		return;
	}
	alts = g_strsplit(text, "|", -1);
	sv->requires = g_renew(guint, sv->requires,
			       sv->n_requires + g_strv_length(alts));
	sv->group = g_renew(guint, sv->group,
			    sv->n_requires + g_strv_length(alts));
	for (char **a = alts; *a; a++) {
		g_strstrip(*a);
		if (**a == '\0') {
			ld_error(ld, e, "empty alternative in \"%s\" in %s",
				 text, rctx);
			continue;
		}
		add_requirement(ld, e, *a, sv->n_groups, rctx, sv);
	}
	sv->n_groups++;
}

/* `requires`: an array of requirements, each a component id or
 * alternatives "a|b" (one of them up suffices). */
static void read_requires(Loader *ld, const config_setting_t *s,
			  const char *ctx, MdlService *sv)
{
	g_autofree char *rctx = g_strdup_printf("'requires' of %s", ctx);
	int len = config_setting_length(s);

	if (!config_setting_is_array(s) && !config_setting_is_list(s)) {
		ld_error(ld, s, "'requires' must be an array of component ids "
			 "in %s (got %s)", ctx, ld_type_name(s));
		return;
	}
	if (len == 0) {
		ld_error(ld, s, "'requires' must not be empty in %s", ctx);
		return;
	}
	for (int i = 0; i < len; i++)
		read_requirement(ld, config_setting_get_elem(s, (unsigned)i),
				 rctx, sv);
}

/* An optional target: a duration, INFINITY when absent. */
static double read_target(Loader *ld, const config_setting_t *g,
			  const char *key, const char *ctx)
{
	config_setting_t *s = config_setting_get_member(g, key);
	double v;

	return s && ld_duration(ld, s, ctx, &v) ? v : INFINITY;
}

/* `degraded = { after = DURATION; }`: the care teams work on paper from
 * that long into an outage (docs/model.md, "The hospital during an
 * outage"); a group, so that what paper mode changes may grow. */
static void read_degraded(Loader *ld, const config_setting_t *g,
			  MdlService *sv, const char *ctx)
{
	config_setting_t *dg = ld_group(ld, g, "degraded", ctx);
	g_autofree char *dctx = NULL;
	config_setting_t *s;

	if (!dg)
		return;
	dctx = g_strdup_printf("'degraded' of %s", ctx);
	ld_check_keys(ld, dg, degraded_keys, dctx);
	if ((s = ld_required(ld, dg, "after", dctx)))
		ld_duration(ld, s, dctx, &sv->degraded_after_h);
}

/* What the hospital does while the service is down and after: its MTPD,
 * paper mode, work recovery. */
static void read_hospital(Loader *ld, const config_setting_t *g,
			  MdlService *sv, const char *ctx)
{
	config_setting_t *s;

	sv->mtpd_h = read_target(ld, g, "mtpd", ctx);
	sv->degraded_after_h = INFINITY;
	read_degraded(ld, g, sv, ctx);
	if ((s = config_setting_get_member(g, "work_recovery")))
		sv->work_recovery = ld_law(ld, s, ctx);
}

static void read_service(Loader *ld, const config_setting_t *g, int i,
			 const MdlScenario *sc, MdlService *sv)
{
	g_autofree char *ctx = ld_object_ctx(g, "id", "service", i, NULL);
	config_setting_t *s;

	ld_check_keys(ld, g, service_keys, ctx);
	sv->line = (int)ld_line(g);
	sv->id = ld_required_text(ld, g, "id", ctx);
	sv->name = optional_text(ld, g, "name", ctx);
	if (!sv->name && sv->id)
		sv->name = g_strdup(sv->id);
	/* A service requiring nothing would always be up: surely a
	 * mistake. */
	if ((s = ld_required(ld, g, "requires", ctx)))
		read_requires(ld, s, ctx, sv);
	if ((s = config_setting_get_member(g, "depends")))
		ld_read_refs(ld, s, LD_SERVICE, ctx, &sv->depends, &sv->n_depends);
	if ((s = config_setting_get_member(g, "data")))
		ld_read_refs(ld, s, LD_DATASET, ctx, &sv->datasets,
			  &sv->n_datasets);
	sv->rto_h = read_target(ld, g, "rto", ctx);
	sv->rpo_h = read_target(ld, g, "rpo", ctx);
	read_hospital(ld, g, sv, ctx);
	sv->planned_budget_h = INFINITY;
	if ((s = config_setting_get_member(g, "planned_budget")))
		ld_duration(ld, s, ctx, &sv->planned_budget_h);
	ld_read_plan(ld, g, sc, sv, ctx);
}

void ld_read_services(Loader *ld, const config_setting_t *list, MdlScenario *sc)
{
	int n = list ? config_setting_length(list) : 0;

	sc->services = g_new0(MdlService, (gsize)n);
	sc->n_services = (guint)n;
	for (int i = 0; i < n; i++) {
		config_setting_t *g = ld_element(ld, list, i, "service");

		if (g)
			read_service(ld, g, i, sc, &sc->services[i]);
		else
			ld_read_plan(ld, NULL, sc, &sc->services[i], NULL);
	}
}

/* ---- threats ----------------------------------------------------------- */

static const char *const threat_keys[] = {"kind",    "name",	    "rate",
					  "every",   "dwell",	    "reach",
					  "rebuild", "clean_point", NULL};
static const char *const threat_kinds[] = {"ransomware", NULL};
static const char *const clean_points[] = {"infection", "encryption", NULL};

/* `reach`: the sites an infection reaches, at least one. */
static void read_reach(Loader *ld, const config_setting_t *g, MdlRansomware *r,
		       const char *ctx)
{
	config_setting_t *s = ld_required(ld, g, "reach", ctx);

	if (!s || !ld_read_refs(ld, s, LD_SITE, ctx, &r->sites, &r->n_sites))
		return;
	if (config_setting_length(s) == 0)
		ld_error(ld, s, "'reach' must name at least one site in %s",
			 ctx);
}

static void read_threat(Loader *ld, const config_setting_t *g, int i,
			MdlRansomware *r)
{
	g_autofree char *ctx = ld_object_ctx(g, "name", "threat", i, NULL);
	config_setting_t *s;
	int choice;

	ld_check_keys(ld, g, threat_keys, ctx);
	r->line = (int)ld_line(g);
	/* One kind for now: the key is required so that files stay valid
	 * when others come. */
	if ((s = ld_required(ld, g, "kind", ctx)))
		ld_choice(ld, s, ctx, threat_kinds, &choice);
	r->name = ld_required_text(ld, g, "name", ctx);
	r->every = ld_occurrence(ld, g, "every", ctx);
	if ((s = ld_required(ld, g, "dwell", ctx)))
		r->dwell = ld_law(ld, s, ctx);
	read_reach(ld, g, r, ctx);
	if ((s = ld_required(ld, g, "rebuild", ctx)))
		r->rebuild = ld_law(ld, s, ctx);
	if ((s = config_setting_get_member(g, "clean_point")) &&
	    ld_choice(ld, s, ctx, clean_points, &choice))
		r->accept_until_encryption = choice == 1;
}

void ld_read_threats(Loader *ld, const config_setting_t *list, MdlScenario *sc)
{
	int n = list ? config_setting_length(list) : 0;

	sc->ransomware = g_new0(MdlRansomware, (gsize)n);
	sc->n_ransomware = (guint)n;
	for (int i = 0; i < n; i++) {
		config_setting_t *g = ld_element(ld, list, i, "threat");

		if (!g)
			continue;
		read_threat(ld, g, i, &sc->ransomware[i]);
		ld_check_unique_name(ld, list, i, "threat", "'threats'");
	}
}
