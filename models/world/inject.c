/* inject.c — parsing an exercise's injection, "WHAT@WHEN". */
#include "models/world/world.h"

#include <string.h>

#include "sim/units.h"

#define INJECT_ERROR (g_quark_from_static_string("mdl-inject-error"))

static gboolean bad(GError **error, const char *spec, const char *why)
{
	g_set_error(error, INJECT_ERROR, 0, "bad injection \"%s\": %s", spec,
		    why);
	return FALSE;
}

/* An explicit duration (fixed law), or the one of the first hazard of
 * that effect on site s. */
static SimDist *site_duration(const MdlScenario *sc, guint s,
			      MdlHazardEffect effect, const char *given,
			      GError **error)
{
	double h;

	if (given) {
		if (!sim_parse_duration(given, &h, error))
			return NULL;
		return sim_dist_new_fixed(h, error);
	}
	for (guint i = 0; i < sc->sites[s].n_hazards; i++)
		if (sc->sites[s].hazards[i].effect == effect)
			return sim_dist_copy(sc->sites[s].hazards[i].duration);
	g_set_error(error, INJECT_ERROR, 0,
		    "site '%s' has no %s hazard to take the duration from: "
		    "give it (\"site:%s:%s:4h\")", sc->sites[s].id,
		    effect == MDL_HAZARD_OUTAGE ? "outage" : "destroyed",
		    sc->sites[s].id,
		    effect == MDL_HAZARD_OUTAGE ? "outage" : "destroyed");
	return NULL;
}

/* The first cause label of that effect on site s, or of any hazard. */
static guint site_cause(const MdlScenario *sc, const MdlLabels *labels,
			guint s, MdlHazardEffect effect)
{
	for (guint i = 0; i < sc->sites[s].n_hazards; i++)
		if (sc->sites[s].hazards[i].effect == effect)
			return mdl_cause_hazard(labels, s, i);
	return mdl_cause_dependency(labels);
}

static gboolean parse_site(const MdlScenario *sc, const MdlLabels *labels,
			   char **f, guint n, MdlInjection *inj, GError **error)
{
	gint s = n >= 3 ? mdl_scenario_find_site(sc, f[1]) : -1;
	MdlHazardEffect effect;

	if (n < 3 || n > 4)
		return bad(error, inj->what,
			   "expected site:ID:outage[:DURATION] or "
			   "site:ID:destroyed[:REBUILD]");
	if (s < 0) {
		g_set_error(error, INJECT_ERROR, 0, "unknown site '%s' in \"%s\"",
			    f[1], inj->what);
		return FALSE;
	}
	if (strcmp(f[2], "outage") == 0)
		effect = MDL_HAZARD_OUTAGE, inj->kind = MDL_INJECT_OUTAGE;
	else if (strcmp(f[2], "destroyed") == 0)
		effect = MDL_HAZARD_DESTROYED, inj->kind = MDL_INJECT_DESTROYED;
	else
		return bad(error, inj->what,
			   "a site is injected 'outage' or 'destroyed'");
	inj->index = (guint)s;
	inj->cause = site_cause(sc, labels, (guint)s, effect);
	inj->duration = site_duration(sc, (guint)s, effect,
				      n == 4 ? f[3] : NULL, error);
	return inj->duration != NULL;
}

static gboolean parse_component(const MdlScenario *sc,
				const MdlLabels *labels, char **f, guint n,
				MdlInjection *inj, GError **error)
{
	gint c = n == 4 ? mdl_scenario_find_component(sc, f[1]) : -1;

	if (n != 4 || strcmp(f[2], "failure") != 0)
		return bad(error, inj->what,
			   "expected component:ID:failure:MODE");
	if (c < 0) {
		g_set_error(error, INJECT_ERROR, 0,
			    "unknown component '%s' in \"%s\"", f[1], inj->what);
		return FALSE;
	}
	const MdlComponent *mc = &sc->components[c];
	for (guint m = 0; m < mc->n_modes; m++) {
		if (strcmp(mc->modes[m].name, f[3]) == 0) {
			inj->kind = MDL_INJECT_FAILURE;
			inj->index = (guint)c;
			inj->mode = m;
			inj->cause = mdl_cause_mode(labels, (guint)c, m);
			return TRUE;
		}
	}
	g_set_error(error, INJECT_ERROR, 0,
		    "component '%s' has no failure mode '%s'", f[1], f[3]);
	return FALSE;
}

static gboolean parse_ransomware(const MdlScenario *sc,
				 const MdlLabels *labels, char **f, guint n,
				 MdlInjection *inj, GError **error)
{
	gint s = n >= 2 ? mdl_scenario_find_site(sc, f[1]) : -1;
	double h;

	if (n < 2 || n > 3)
		return bad(error, inj->what, "expected ransomware:SITE[:REBUILD]");
	if (s < 0) {
		g_set_error(error, INJECT_ERROR, 0, "unknown site '%s' in \"%s\"",
			    f[1], inj->what);
		return FALSE;
	}
	inj->kind = MDL_INJECT_RANSOMWARE;
	inj->index = (guint)s;
	inj->cause = sc->n_ransomware ? mdl_cause_ransomware(labels, 0)
				      : mdl_cause_dependency(labels);
	if (sc->n_ransomware)
		inj->dwell = sim_dist_copy(sc->ransomware[0].dwell);
	if (n == 3) {
		if (!sim_parse_duration(f[2], &h, error))
			return FALSE;
		inj->duration = sim_dist_new_fixed(h, error);
	} else if (sc->n_ransomware) {
		inj->duration = sim_dist_copy(sc->ransomware[0].rebuild);
	} else {
		return bad(error, inj->what,
			   "the scenario has no ransomware threat to take the "
			   "rebuild time from: give it (\"ransomware:SITE:5d\")");
	}
	return inj->duration != NULL;
}

gboolean mdl_injection_parse(const MdlScenario *sc, const MdlLabels *labels,
			     const char *spec, MdlInjection *inj,
			     GError **error)
{
	const char *at = strrchr(spec, '@'), *end;
	gboolean ok;

	memset(inj, 0, sizeof *inj);
	if (!g_utf8_validate(spec, -1, &end)) {
		g_autofree char *valid = g_utf8_make_valid(spec, -1);
		g_autofree char *why = g_strdup_printf(
			"not UTF-8 text (byte 0x%02x)", (unsigned)(guchar)*end);
		return bad(error, valid, why);
	}
	if (!at || at == spec || !at[1])
		return bad(error, spec, "expected WHAT@WHEN");
	inj->what = g_strndup(spec, (gsize)(at - spec));
	if (!sim_calendar_parse_instant(&sc->calendar, at + 1, &inj->at_h,
					error)) {
		g_prefix_error(error, "injection \"%s\": ", spec);
		return FALSE;
	}
	if (inj->at_h >= sc->horizon_h) {
		g_set_error(error, INJECT_ERROR, 0, "injection \"%s\" is at or "
			    "after the horizon (%g h)", spec, sc->horizon_h);
		return FALSE;
	}
	g_auto(GStrv) f = g_strsplit(inj->what, ":", -1);
	guint n = g_strv_length(f);
	if (strcmp(f[0], "site") == 0)
		ok = parse_site(sc, labels, f, n, inj, error);
	else if (strcmp(f[0], "component") == 0)
		ok = parse_component(sc, labels, f, n, inj, error);
	else if (strcmp(f[0], "ransomware") == 0)
		ok = parse_ransomware(sc, labels, f, n, inj, error);
	else
		ok = bad(error, spec, "WHAT starts with site:, component: or "
				      "ransomware:");
	return ok;
}

void mdl_injection_clear(MdlInjection *inj)
{
	g_free(inj->what);
	sim_dist_free(inj->duration);
	sim_dist_free(inj->dwell);
	memset(inj, 0, sizeof *inj);
}
