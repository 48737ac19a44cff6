/* scenario.c — loading a scenario file: reading the text, libconfig's
 * parse, the overrides, the top level and the `scenario` group, ids, the
 * services' dependency order; freeing and finding (see scenario.h).  The
 * objects themselves are read in topology.c, datasets.c and plans.c,
 * laws in law.c. */
#include "scenario-private.h"

#include <errno.h>
#include <stdio.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>

/* clang-format off */
G_DEFINE_QUARK(mdl-scenario-error-quark, mdl_scenario_error)
/* clang-format on */

/* ---- the text ---------------------------------------------------------- */

/* The whole file into a new string (*len bytes), or NULL after reporting
 * why it cannot be read. */
static char *read_text(Loader *ld, gsize *len)
{
	FILE *f = fopen(ld->file, "rb");
	GString *text;
	char buf[8192];
	size_t n;
	struct stat st;

	ld->unreadable = TRUE;
	if (!f) {
		ld_error(ld, NULL, "cannot read: %s", g_strerror(errno));
		return NULL;
	}
	if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
		fclose(f);
		ld_error(ld, NULL, "cannot read: %s", g_strerror(EISDIR));
		return NULL;
	}
	text = g_string_new(NULL);
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		g_string_append_len(text, buf, (gssize)n);
	if (ferror(f)) {
		ld_error(ld, NULL, "cannot read: %s", g_strerror(errno));
		g_string_free(text, TRUE);
		fclose(f);
		return NULL;
	}
	fclose(f);
	ld->unreadable = FALSE;
	*len = text->len;
	return g_string_free(text, FALSE);
}

/* FALSE, after reporting, when text is not UTF-8: a binary file, or one
 * in a legacy encoding whose names would garble every output. */
static gboolean check_text(Loader *ld, const char *text, gsize len)
{
	guchar byte;
	unsigned line = ld_utf8_error_line(text, len, &byte);

	if (line == 0)
		return TRUE;
	ld_error_line(ld, line, "not a UTF-8 text file (byte 0x%02x)",
		      (unsigned)byte);
	return FALSE;
}

char *ld_read_text(Loader *ld, gsize *len)
{
	char *text = read_text(ld, len);

	if (text && !check_text(ld, text, *len))
		g_clear_pointer(&text, g_free);
	return text;
}

gboolean ld_parse(Loader *ld, config_t *cfg)
{
	g_autofree char *raw = NULL, *text = NULL;
	gsize len = 0;

	if (!(raw = ld_read_text(ld, &len)))
		return FALSE;
	/* A byte-order mark is valid UTF-8 but not libconfig syntax. */
	text = ld_expand(ld, g_str_has_prefix(raw, "\xEF\xBB\xBF") ? raw + 3
								     : raw);
	if (!text)
		return FALSE;
	/* No include directory: libconfig sees no @include left. */
	if (!config_read_string(cfg, text)) {
		ld_error_line(ld, (unsigned)config_error_line(cfg), "%s",
			      config_error_text(cfg));
		return FALSE;
	}
	ld->lines = g_strsplit(text, "\n", -1);
	ld_fix_ints(config_root_setting(cfg), ld->lines);
	return TRUE;
}

/* ---- the `scenario` group ---------------------------------------------- */

static const char *const scenario_keys[] = {
	"name", "description", "horizon", "replications",
	"seed", "start",       "max_events", "max_incident_rows", NULL};

/* TRUE when s is a number below 0 (libconfig's getters do not convert:
 * an integer read as a float gives 0). */
static gboolean negative_number(const config_setting_t *s)
{
	switch (config_setting_type(s)) {
	case CONFIG_TYPE_INT:
	case CONFIG_TYPE_INT64:
		return config_setting_get_int64(s) < 0;
	case CONFIG_TYPE_FLOAT:
		return config_setting_get_float(s) < 0;
	default:
		return FALSE;
	}
}

static void read_horizon(Loader *ld, const config_setting_t *g, MdlScenario *sc,
			 const char *ctx)
{
	config_setting_t *s = ld_required(ld, g, "horizon", ctx);
	g_autofree char *got = NULL;
	double h = 0;

	if (!s)
		return;
	/* A negative number is reported as not > 0, rather than by
	 * ld_duration() as not >= 0, which would not say what holds. */
	if (!negative_number(s) && !ld_duration(ld, s, ctx, &h))
		return;
	got = ld_value_text(s);
	if (!(h > 0))
		ld_error(ld, s, "'horizon' must be > 0 in %s (got %s)", ctx,
			 got);
	else if (h > LD_MAX_HORIZON_H)
		ld_error(ld, s, "'horizon' must be <= 1000y in %s (got %s)",
			 ctx, got);
	else
		sc->horizon_h = h;
}

static void read_start(Loader *ld, const config_setting_t *g, MdlScenario *sc,
		       const char *ctx)
{
	config_setting_t *s = config_setting_get_member(g, "start");
	GError *err = NULL;
	const char *start;

	sim_calendar_init(&sc->calendar, NULL, NULL);
	if (!s || !ld_text(ld, s, ctx, FALSE, &start))
		return;
	if (!sim_calendar_init(&sc->calendar, start, &err)) {
		ld_error(ld, s, "'start' in %s: %s", ctx, err->message);
		g_error_free(err);
	}
}

static void read_header(Loader *ld, const config_setting_t *root,
			MdlScenario *sc)
{
	const char *ctx = "'scenario'";
	config_setting_t *g = ld_required(ld, root, "scenario", "the file");
	config_setting_t *s;
	const char *text;
	gint64 v;

	sc->replications = 1000;
	sc->seed = 1;
	sc->max_events = MDL_DEFAULT_MAX_EVENTS;
	sc->max_incident_rows = MDL_DEFAULT_MAX_INCIDENT_ROWS;
	sim_calendar_init(&sc->calendar, NULL, NULL);
	if (!g)
		return;
	if (!config_setting_is_group(g)) {
		ld_error(ld, g,
			 "'scenario' must be a group in the file (got %s)",
			 ld_type_name(g));
		return;
	}
	ld_check_keys(ld, g, scenario_keys, ctx);
	if ((s = ld_required(ld, g, "name", ctx)) &&
	    ld_text(ld, s, ctx, FALSE, &text))
		sc->name = g_strdup(text);
	if ((s = config_setting_get_member(g, "description")) &&
	    ld_text(ld, s, ctx, TRUE, &text))
		sc->description = g_strdup(text);
	read_horizon(ld, g, sc, ctx);
	if ((s = config_setting_get_member(g, "replications")) &&
	    ld_int(ld, s, ctx, 1, LD_MAX_REPLICATIONS, &v))
		sc->replications = (guint64)v;
	if ((s = config_setting_get_member(g, "seed")) &&
	    ld_int(ld, s, ctx, 0, G_MAXINT64, &v))
		sc->seed = (guint64)v;
	if ((s = config_setting_get_member(g, "max_events")) &&
	    ld_int(ld, s, ctx, 1, LD_MAX_EVENTS, &v))
		sc->max_events = (guint64)v;
	if ((s = config_setting_get_member(g, "max_incident_rows")) &&
	    ld_int(ld, s, ctx, 1, LD_MAX_EVENTS, &v))
		sc->max_incident_rows = (guint64)v;
	read_start(ld, g, sc, ctx);
}

/* ---- the top level ----------------------------------------------------- */

static const char *const top_keys[] = {
	"scenario", "crews",   "sites", "components", "datasets",
	"services", "threats", "costs", "templates",  "common_causes", "providers", NULL};

/* The list `key` of the file (NULL when absent or bad, after reporting
 * if it is required: then it must also not be empty). */
static config_setting_t *top_list(Loader *ld, const config_setting_t *root,
				  const char *key, const char *what,
				  gboolean required)
{
	config_setting_t *s = config_setting_get_member(root, key);

	if (!s) {
		if (required)
			ld_required(ld, root, key, "the file");
		return NULL;
	}
	/* libconfig reads "()" as a list but "[]" as an array. */
	if (!config_setting_is_list(s) &&
	    !(config_setting_is_array(s) && config_setting_length(s) == 0)) {
		ld_error(ld, s,
			 "'%s' must be a list of groups ( ... ) in the "
			 "file (got %s)",
			 key, ld_type_name(s));
		return NULL;
	}
	if (required && config_setting_length(s) == 0)
		ld_error(ld, s, "'%s' must have at least one %s", key, what);
	return s;
}

/* ---- dependency order -------------------------------------------------- */

/* The dependency graph: service v's edges are the services its primary
 * depends on, then those each of its failover strategies names in its
 * own `depends` (needed on that standby), in that order. */
static guint n_edges(const MdlService *sv)
{
	guint n = sv->n_depends;

	for (guint i = 0; i < sv->plan.n_strategies; i++)
		n += sv->plan.strategies[i].n_depends;
	return n;
}

/* The target of edge k of sv; *strategy the failover naming it, or -1
 * for the primary's `depends`. */
static guint edge(const MdlService *sv, guint k, gint *strategy)
{
	*strategy = -1;
	if (k < sv->n_depends)
		return sv->depends[k];
	k -= sv->n_depends;
	for (guint i = 0;; i++) {
		const MdlStrategy *st = &sv->plan.strategies[i];

		if (k < st->n_depends) {
			*strategy = (gint)i;
			return st->depends[k];
		}
		k -= st->n_depends;
	}
}

/* TRUE when an edge of sv before k has the same target as edge k: a
 * service both the primary and a standby need is one dependency (and
 * one cycle to report, not two). */
static gboolean edge_repeated(const MdlService *sv, guint k)
{
	gint st;
	guint w = edge(sv, k, &st);

	for (guint j = 0; j < k; j++)
		if (edge(sv, j, &st) == w)
			return TRUE;
	return FALSE;
}

/* The `depends` setting edge k of service v comes from (the service's
 * group when there is none to point at). */
static const config_setting_t *edge_setting(const MdlScenario *sc,
					    const config_setting_t *list,
					    guint v, guint k, gint *strategy)
{
	config_setting_t *g = config_setting_get_elem(list, v), *at;

	edge(&sc->services[v], k, strategy);
	if (*strategy < 0) {
		at = config_setting_get_member(g, "depends");
	} else {
		at = config_setting_get_member(g, "plan");
		at = at ? config_setting_get_member(at, "strategies") : NULL;
		at = at ? config_setting_get_elem(at, (guint)*strategy) : NULL;
		at = at ? config_setting_get_member(at, "depends") : NULL;
	}
	return at ? at : g;
}

/* Where to report a cycle through the services of stack[from..top],
 * each left by its edge next[i] − 1: the `depends` an override wrote,
 * if one did (it closed the cycle); else the first standby's `depends`
 * on the way from the service `first` (the surprising part of the
 * loop); else that of `first`.  *strategy: the failover of the key
 * chosen, or -1; *owner its service. */
static const config_setting_t *cycle_at(const MdlScenario *sc,
					const config_setting_t *list,
					const guint *stack, const guint *next,
					guint from, guint top, guint first,
					gint *strategy, guint *owner)
{
	guint len = top - from + 1;
	const config_setting_t *at;

	for (guint i = from; i <= top; i++) {
		at = edge_setting(sc, list, stack[i], next[i] - 1, strategy);
		*owner = stack[i];
		if (ld_from_set(at))
			return at;
	}
	for (guint k = 0; k < len; k++) {
		guint i = from + (first - from + k) % len;

		at = edge_setting(sc, list, stack[i], next[i] - 1, strategy);
		*owner = stack[i];
		if (*strategy >= 0)
			return at;
	}
	*owner = stack[first];
	return edge_setting(sc, list, stack[first], next[first] - 1, strategy);
}

/* Reports the cycle made of the services on the DFS stack from position
 * from to its top, starting it at its first service in file order. */
static void report_cycle(Loader *ld, const MdlScenario *sc,
			 const config_setting_t *list, const guint *stack,
			 const guint *next, guint from, guint top)
{
	guint len = top - from + 1, first = from, owner;
	GString *path = g_string_new(NULL);
	const config_setting_t *at;
	gint strategy;

	for (guint i = from; i <= top; i++)
		if (stack[i] < stack[first])
			first = i;
	for (guint k = 0; k <= len; k++) {
		guint v = stack[from + (first - from + k) % len];

		g_string_append_printf(path, "%s'%s'", k ? " -> " : "",
				       sc->services[v].id);
	}
	at = cycle_at(sc, list, stack, next, from, top, first, &strategy,
		      &owner);
	if (strategy < 0)
		ld_error(ld, at, "dependency cycle: %s", path->str);
	else
		ld_error(ld, at,
			 "dependency cycle through 'depends' of strategy #%d "
			 "of service '%s' (needed on its standby): %s",
			 strategy + 1, sc->services[owner].id, path->str);
	g_string_free(path, TRUE);
}

enum { WHITE, GREY, BLACK };

/* Depth-first search from root: appends each service after those it
 * depends on to sc->service_order (*n so far), reporting cycles. */
static void visit(Loader *ld, MdlScenario *sc, const config_setting_t *list,
		  guint root, guint8 *color, guint *stack, guint *next,
		  guint *n)
{
	guint top = 0;
	gint strategy;

	stack[0] = root;
	next[0] = 0;
	color[root] = GREY;
	for (;;) {
		guint v = stack[top];
		const MdlService *sv = &sc->services[v];

		if (next[top] == n_edges(sv)) {
			color[v] = BLACK;
			sc->service_order[(*n)++] = v;
			if (top-- == 0)
				return;
			continue;
		}
		guint k = next[top]++;
		if (edge_repeated(sv, k))
			continue;
		guint w = edge(sv, k, &strategy);
		if (color[w] == WHITE) {
			stack[++top] = w;
			next[top] = 0;
			color[w] = GREY;
		} else if (color[w] == GREY) {
			guint from = top;

			while (stack[from] != w)
				from--;
			report_cycle(ld, sc, list, stack, next, from, top);
		}
	}
}

/* sc->service_order: every service after the services it depends on,
 * otherwise in file order. */
static void order_services(Loader *ld, MdlScenario *sc,
			   const config_setting_t *list)
{
	guint n = sc->n_services, done = 0;
	guint8 *color = g_new0(guint8, n);
	guint *stack = g_new(guint, n), *next = g_new(guint, n);

	sc->service_order = g_new0(guint, n);
	for (guint i = 0; i < n; i++)
		if (color[i] == WHITE)
			visit(ld, sc, list, i, color, stack, next, &done);
	g_free(color);
	g_free(stack);
	g_free(next);
}

/* ---- loading ----------------------------------------------------------- */

/* TRUE when the optional list `key` is in the file but malformed (that
 * is reported): its ids are then not reported unknown.  Absent, a
 * reference to an id it lacks is still unknown. */
static gboolean malformed(const config_setting_t *root,
			  const config_setting_t *list, const char *key)
{
	return !list && config_setting_get_member(root, key) != NULL;
}

/* FILE of `replaces` (setting s), relative to the directory of the file
 * naming it: an @include'd file names it relative to itself, as its own
 * @include's; an override, relative to the scenario's file. */
static char *replaced_path(const Loader *ld, const config_setting_t *s,
			   const char *name)
{
	g_autofree char *dir = g_path_get_dirname(ld_file_of(ld, s));

	if (g_path_is_absolute(name) || strcmp(dir, ".") == 0)
		return g_strdup(name);
	return g_build_filename(dir, name, NULL);
}

/* The replaced scenario must run every service of this one and share
 * its calendar: its incidents are this scenario's, on the same clock. */
static void check_replaced(Loader *ld, const config_setting_t *s,
			   const MdlScenario *sc, const MdlScenario *old,
			   const char *path)
{
	for (guint i = 0; i < sc->n_services; i++)
		if (mdl_scenario_find_service(old, sc->services[i].id) < 0)
			ld_error(ld, s,
				 "'replaces' in 'project' of 'costs': %s has "
				 "no service '%s' (the replaced topology must "
				 "run every service of this one)",
				 path, sc->services[i].id);
	if (old->calendar.start_s != sc->calendar.start_s)
		ld_error(ld, s,
			 "'replaces' in 'project' of 'costs': %s has another "
			 "'start' than this file (both run on one calendar)",
			 path);
}

/* `replaces = FILE`: the scenario in service until the project ends. */
static void read_replaces(Loader *ld, const config_setting_t *s,
			  MdlScenario *sc, MdlCosts *c)
{
	const char *name;
	g_autofree char *path = NULL;
	g_autoptr(GError) error = NULL;
	MdlScenario *old;

	if (!ld_text(ld, s, "'project' of 'costs'", FALSE, &name))
		return;
	if (ld->nested) {
		ld_error(ld, s,
			 "'replaces' in 'project' of 'costs': a replaced "
			 "scenario cannot replace another in turn (one "
			 "replaced topology at most)");
		return;
	}
	path = replaced_path(ld, s, name);
	old = ld_load_scenario(path, NULL, TRUE, &error);
	if (!old) {
		ld_error_then(ld, s, error->message,
			      "'replaces' in 'project' of 'costs': %s does "
			      "not load:",
			      path);
		return;
	}
	check_replaced(ld, s, sc, old, path);
	if (old->costs)
		c->replaced_per_year = old->costs->opex_per_year +
				       old->costs->fte *
					       old->costs->cost_per_fte;
	sc->replaces = old;
}

/* The new topology must come into service within the horizon. */
static void check_lead_time(Loader *ld, const config_setting_t *project,
			    MdlScenario *sc, MdlCosts *c)
{
	config_setting_t *lead = config_setting_get_member(project,
							   "lead_time");

	if (!lead) {
		ld_error(ld, project,
			 "'replaces' in 'project' of 'costs' needs "
			 "'lead_time': when the new topology is in service");
		return;
	}
	if (c->project_lead_h <= 0 || c->project_lead_h >= sc->horizon_h) {
		g_autofree char *got = ld_value_text(lead);
		ld_error(ld, lead,
			 "lead_time in 'project' of 'costs' must be > 0 and "
			 "shorter than the horizon when the project replaces "
			 "a topology (got %s)",
			 got);
		return;
	}
	sc->in_service_h = c->in_service_h = c->project_lead_h;
}


/* costs.project.replaces, when the file has it: the scenario of the
 * topology in service until the project's lead time, loaded here (it is
 * a scenario) after the costs that name it. */
static void read_project_replaces(Loader *ld, const config_setting_t *root,
				  MdlScenario *sc)
{
	config_setting_t *costs = config_setting_get_member(root, "costs");
	config_setting_t *project =
		costs && config_setting_is_group(costs)
			? config_setting_get_member(costs, "project")
			: NULL;
	config_setting_t *s =
		project && config_setting_is_group(project)
			? config_setting_get_member(project, "replaces")
			: NULL;

	if (!s || !sc->costs)
		return;
	read_replaces(ld, s, sc, sc->costs);
	if (sc->replaces)
		check_lead_time(ld, project, sc, sc->costs);
}

/* Every id first: services may depend on services listed later. */
static void register_ids(Loader *ld, const config_setting_t *root,
			 config_setting_t *const lists[LD_N_KINDS])
{
	ld->absent[LD_CREW] = malformed(root, lists[LD_CREW], "crews");
	ld->absent[LD_SITE] =
		!lists[LD_SITE] || config_setting_length(lists[LD_SITE]) == 0;
	ld->absent[LD_COMPONENT] =
		!lists[LD_COMPONENT] ||
		config_setting_length(lists[LD_COMPONENT]) == 0;
	ld->absent[LD_SERVICE] = !lists[LD_SERVICE];
	ld->absent[LD_DATASET] = malformed(root, lists[LD_DATASET], "datasets");
	for (int k = 0; k < LD_N_KINDS; k++)
		ld_register(ld, lists[k], (LdKind)k);
}

static void validate(Loader *ld, const config_setting_t *root, MdlScenario *sc)
{
	config_setting_t *lists[LD_N_KINDS], *threats, *common, *providers;

	ld_check_keys(ld, root, top_keys, "the file");
	read_header(ld, root, sc);
	lists[LD_CREW] = top_list(ld, root, "crews", "crew", FALSE);
	lists[LD_SITE] = top_list(ld, root, "sites", "site", TRUE);
	lists[LD_COMPONENT] =
		top_list(ld, root, "components", "component", TRUE);
	lists[LD_DATASET] = top_list(ld, root, "datasets", "dataset", FALSE);
	lists[LD_SERVICE] = top_list(ld, root, "services", "service", TRUE);
	threats = top_list(ld, root, "threats", "threat", FALSE);
	common = top_list(ld, root, "common_causes", "common cause", FALSE);
	providers = top_list(ld, root, "providers", "provider", FALSE);
	register_ids(ld, root, lists);
	/* In the order objects refer to one another. */
	ld_read_crews(ld, lists[LD_CREW], sc);
	ld_read_sites(ld, lists[LD_SITE], sc);
	ld_read_components(ld, lists[LD_COMPONENT], sc);
	ld_read_common_causes(ld, common, sc);
	ld_read_providers(ld, providers, sc);
	ld_read_datasets(ld, lists[LD_DATASET], sc);
	ld_read_templates(ld, root, sc);
	ld_read_services(ld, lists[LD_SERVICE], sc);
	ld_read_threats(ld, threats, sc);
	ld_read_costs(ld, root, sc);
	read_project_replaces(ld, root, sc);
	order_services(ld, sc, lists[LD_SERVICE]);
	ld_check_event_budget(ld, sc);
}

gboolean ld_read_tree(Loader *ld, config_t *cfg, const char *const *sets)
{
	if (!ld_parse(ld, cfg))
		return FALSE;
	if (config_setting_length(config_root_setting(cfg)) == 0) {
		ld_error(ld, NULL, "empty scenario: no settings in the file");
		return FALSE;
	}
	ld_apply_sets(ld, config_root_setting(cfg), sets);
	ld_merge_templates(ld, config_root_setting(cfg));
	return TRUE;
}

/* Builds the scenario from the file and the overrides, into ld's errors
 * when it cannot. */
static MdlScenario *load(Loader *ld, const char *const *sets)
{
	MdlScenario *sc;
	config_t cfg;

	config_init(&cfg);
	if (!ld_read_tree(ld, &cfg, sets)) {
		config_destroy(&cfg);
		return NULL;
	}
	sc = g_new0(MdlScenario, 1);
	sc->file = g_strdup(ld->file);
	validate(ld, config_root_setting(&cfg), sc);
	sc->sources = ld_sources_take(ld);
	config_destroy(&cfg);
	return sc;
}

MdlScenario *ld_load_scenario(const char *file, const char *const *sets,
			      gboolean nested, GError **error)
{
	Loader ld;
	MdlScenario *sc;

	ld_init(&ld, file);
	ld.nested = nested;
	sc = load(&ld, sets);
	if (ld_failed(&ld)) {
		g_autofree char *msg = ld_message(&ld);

		g_set_error_literal(error, MDL_SCENARIO_ERROR,
				    ld.unreadable ? MDL_SCENARIO_ERROR_FILE
						  : MDL_SCENARIO_ERROR_INVALID,
				    msg);
		mdl_scenario_free(sc);
		sc = NULL;
	}
	ld_clear(&ld);
	return sc;
}

MdlScenario *mdl_scenario_load(const char *file, const char *const *sets,
			       GError **error)
{
	g_return_val_if_fail(file != NULL, NULL);
	g_return_val_if_fail(error == NULL || *error == NULL, NULL);
	return ld_load_scenario(file, sets, FALSE, error);
}

/* ---- freeing and finding ----------------------------------------------- */

static void free_site(MdlSite *s)
{
	for (guint i = 0; i < s->n_hazards; i++) {
		g_free(s->hazards[i].name);
		sim_dist_free(s->hazards[i].every);
		sim_dist_free(s->hazards[i].duration);
	}
	g_free(s->hazards);
	g_free(s->id);
	g_free(s->operator_name);
	g_free(s->country);
}

static void free_component(MdlComponent *c)
{
	for (guint i = 0; i < c->n_modes; i++) {
		g_free(c->modes[i].name);
		sim_dist_free(c->modes[i].ttf);
		sim_dist_free(c->modes[i].repair);
	}
	g_free(c->modes);
	g_free(c->id);
}

static void free_service(MdlService *sv)
{
	g_free(sv->id);
	g_free(sv->name);
	g_free(sv->requires);
	g_free(sv->group);
	g_free(sv->depends);
	g_free(sv->datasets);
	sim_dist_free(sv->work_recovery);
	ld_plan_clear(&sv->plan);
}

static void free_ransomware(MdlRansomware *r)
{
	g_free(r->name);
	sim_dist_free(r->every);
	sim_dist_free(r->dwell);
	g_free(r->sites);
	sim_dist_free(r->rebuild);
}

void mdl_scenario_free(MdlScenario *sc)
{
	if (!sc)
		return;
	for (guint i = 0; i < sc->n_sites; i++)
		free_site(&sc->sites[i]);
	for (guint i = 0; i < sc->n_crews; i++) {
		g_free(sc->crews[i].id);
		sim_schedule_free(sc->crews[i].hours);
		sim_dist_free(sc->crews[i].callout);
		ld_people_clear(&sc->crews[i]);
	}
	for (guint i = 0; i < sc->n_components; i++)
		free_component(&sc->components[i]);
	for (guint i = 0; i < sc->n_services; i++)
		free_service(&sc->services[i]);
	for (guint i = 0; i < sc->n_datasets; i++)
		ld_dataset_clear(&sc->datasets[i]);
	for (guint i = 0; i < sc->n_ransomware; i++)
		free_ransomware(&sc->ransomware[i]);
	g_free(sc->sites);
	g_free(sc->crews);
	g_free(sc->components);
	g_free(sc->services);
	g_free(sc->datasets);
	g_free(sc->ransomware);
	ld_common_causes_free(sc->common, sc->n_common);
	ld_providers_free(sc->providers, sc->n_providers);
	ld_costs_free(sc->costs);
	mdl_scenario_free(sc->replaces);
	g_free(sc->service_order);
	ld_sources_free(sc->sources);
	g_free(sc->file);
	g_free(sc->name);
	g_free(sc->description);
	g_free(sc);
}

/* Linear: scenarios have tens of objects, and lookups happen at load
 * time, not in the event loop. */
#define FIND(array, n)                                                         \
	do {                                                                   \
		g_return_val_if_fail(sc != NULL && id != NULL, -1);            \
		for (guint i = 0; i < sc->n; i++)                              \
			if (sc->array[i].id &&                                 \
			    strcmp(sc->array[i].id, id) == 0)                  \
				return (gint)i;                                \
		return -1;                                                     \
	} while (0)

gint mdl_scenario_find_component(const MdlScenario *sc, const char *id)
{
	FIND(components, n_components);
}

gint mdl_scenario_find_service(const MdlScenario *sc, const char *id)
{
	FIND(services, n_services);
}

gint mdl_scenario_find_site(const MdlScenario *sc, const char *id)
{
	FIND(sites, n_sites);
}

gint mdl_scenario_find_crew(const MdlScenario *sc, const char *id)
{
	FIND(crews, n_crews);
}

double mdl_scenario_loss_total(const MdlScenario *sc, const char *id)
{
	if (!sc->costs)
		return NAN;
	for (guint d = 0; d < sc->n_datasets; d++)
		if (strcmp(sc->datasets[d].id, id) == 0)
			return sc->costs->data_loss_total[d];
	return NAN;
}
