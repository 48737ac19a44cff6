/* plans.c — reading a service's recovery plan: detection, declaration,
 * decision, the crew for human steps, failback, and the strategies tried
 * in turn (see MdlPlan in scenario.h and "Recovery plans" in
 * docs/scenario-format.md).
 *
 * A strategy takes the keys of its kind only: its kind is read first,
 * and a key of another kind is reported as not applying to it rather
 * than as unknown, which would hide that the key exists.
 *
 * A template (templates.c) is read by the same functions with no service
 * (sv NULL): what can be checked without one is, once, at the template;
 * what depends on the service — a failover's `data` among its first
 * dataset's copies, a restore needing `data`, `depends` naming itself —
 * is checked in each plan that uses the template, where its keys were
 * copied. */
#include "scenario-private.h"

#include <math.h>
#include <string.h>

static const char *const plan_keys[] = {
	"detect",     "declare_after",	  "decision", "crew", "failback",
	"strategies", "freeze_retention", "template", "failback_window",
	NULL};
static const char *const strategy_keys[] = {
	"kind", "mode", "site", "standby", "activation", "success", "data",
	"duration", "requires", "depends", "retries", "retry_after", NULL};
/* In the order of MdlStrategyKind. */
static const char *const strategy_kinds[] = {"repair", "failover", "restore",
					     "rebuild", NULL};
static const char *const modes[] = {"auto", "manual", NULL};
static const char *const standbys[] = {"hot", "warm", "cold", NULL};

/* The keys each kind takes besides `kind`, by MdlStrategyKind. */
static const char *const kind_keys[][12] = {
	[MDL_STRATEGY_REPAIR] = {NULL},
	[MDL_STRATEGY_FAILOVER] = {"mode", "site", "standby", "activation",
				   "success", "data", "requires", "depends",
				   "retries", "retry_after", NULL},
	[MDL_STRATEGY_RESTORE] = {"mode", NULL},
	[MDL_STRATEGY_REBUILD] = {"mode", "duration", "success", NULL},
};

/* ---- freeing ----------------------------------------------------------- */

void ld_plan_clear(MdlPlan *plan)
{
	sim_dist_free(plan->detect);
	sim_dist_free(plan->decision);
	sim_dist_free(plan->failback);
	for (guint i = 0; i < plan->n_strategies; i++) {
		sim_dist_free(plan->strategies[i].activation);
		sim_dist_free(plan->strategies[i].retry_after);
		g_free(plan->strategies[i].requires);
		g_free(plan->strategies[i].depends);
	}
	g_free(plan->strategies);
	memset(plan, 0, sizeof *plan);
}

/* ---- strategies -------------------------------------------------------- */

/* Reports each key of g that kind does not take. */
static void check_kind_keys(Loader *ld, const config_setting_t *g,
			    MdlStrategyKind kind, const char *ctx)
{
	int n = config_setting_length(g);

	for (int i = 0; i < n; i++) {
		config_setting_t *s = config_setting_get_elem(g, (guint)i);
		const char *name = config_setting_name(s);

		/* Unknown keys are reported by ld_check_keys(). */
		if (strcmp(name, "kind") == 0 ||
		    g_strv_contains(kind_keys[kind], name) ||
		    !g_strv_contains(strategy_keys, name))
			continue;
		ld_error(ld, s, "'%s' does not apply to kind \"%s\" in %s",
			 name, strategy_kinds[kind], ctx);
	}
}

/* The optional percentage `success` of g into st (default 100 %). */
static void read_success(Loader *ld, const config_setting_t *g, MdlStrategy *st,
			 const char *ctx)
{
	config_setting_t *s = config_setting_get_member(g, "success");

	st->success = 1;
	if (s)
		ld_percent(ld, s, ctx, &st->success);
}

/* The index of the copy `id` in ds, or -1. */
static gint find_copy(const MdlDataset *ds, const char *id)
{
	for (guint i = 0; i < ds->n_copies; i++)
		if (ds->copies[i].id && strcmp(ds->copies[i].id, id) == 0)
			return (gint)i;
	return -1;
}

/* TRUE when every dataset the service g names was resolved into sv:
 * otherwise the mistake is reported already and checks that depend on
 * them would only repeat it. */
static gboolean data_resolved(const config_setting_t *g, const MdlService *sv)
{
	config_setting_t *s = config_setting_get_member(g, "data");

	return !s || (guint)config_setting_length(s) == sv->n_datasets;
}

/* A failover's `data`: a replication copy of the service's first
 * dataset, feeding the standby. */
static void read_failover_data(Loader *ld, const config_setting_t *s,
			       const config_setting_t *g, const MdlScenario *sc,
			       const MdlService *sv, MdlStrategy *st,
			       const char *ctx)
{
	const MdlDataset *ds;
	const char *id;
	gint k;

	/* A template's: the service's datasets are not known. */
	if (!ld_text(ld, s, ctx, FALSE, &id) || !sv || !data_resolved(g, sv))
		return;
	if (sv->n_datasets == 0) {
		ld_error(ld, s,
			 "'data' names a copy of the service's first "
			 "dataset, but the service has no 'data', in %s",
			 ctx);
		return;
	}
	ds = &sc->datasets[sv->datasets[0]];
	if (ld->dataset_flawed && ld->dataset_flawed[sv->datasets[0]])
		return;
	k = find_copy(ds, id);
	if (k >= 0 && ds->copies[k].kind == MDL_COPY_REPLICATION) {
		st->data_copy = k;
		return;
	}
	ld_error(ld, s,
		 "'data' must be a replication copy of dataset '%s', the "
		 "service's first, in %s (got \"%s\"%s)",
		 ds->id, ctx, id,
		 k < 0 ? ", not one of its copies" : ", not a replication");
}

/* A failover's `depends`: the services needed on the standby, instead
 * of the primary's.  The service itself is refused here, where the key
 * can be named (the cycle check would only see a loop). */
static void read_standby_depends(Loader *ld, const config_setting_t *s,
				 const MdlScenario *sc, const MdlService *sv,
				 MdlStrategy *st, const char *ctx)
{
	guint self, n = 0;
	g_autofree char *rctx = g_strdup_printf("'depends' of %s", ctx);

	if (!ld_read_refs(ld, s, LD_SERVICE, ctx, &st->depends,
			  &st->n_depends))
		return;
	st->own_depends = TRUE;
	if (!sv)
		return;
	self = (guint)(sv - sc->services);
	for (guint i = 0; i < st->n_depends; i++)
		if (st->depends[i] != self)
			st->depends[n++] = st->depends[i];
	if (n == st->n_depends)
		return;
	st->n_depends = n;
	for (int i = 0; i < config_setting_length(s); i++) {
		config_setting_t *e = config_setting_get_elem(s, (guint)i);

		if (config_setting_type(e) == CONFIG_TYPE_STRING &&
		    ld_lookup(ld, LD_SERVICE, config_setting_get_string(e)) ==
			    (gint)self) {
			ld_error(ld, e,
				 "service '%s' cannot depend on itself in %s",
				 config_setting_get_string(e), rctx);
			return;
		}
	}
}

/* A failover's `retries` (default 2) and `retry_after` (default fixed
 * 1 h: diagnosing the failed attempt), assumptions of the defaults
 * (docs/scenario-format.md). */
static void read_retries(Loader *ld, const config_setting_t *g,
			 MdlStrategy *st, const char *ctx)
{
	config_setting_t *s;
	SimDist *d;
	gint64 v;

	st->retries = 2;
	if ((s = config_setting_get_member(g, "retries")) &&
	    ld_int(ld, s, ctx, 0, LD_MAX_COUNT, &v))
		st->retries = (guint)v;
	s = config_setting_get_member(g, "retry_after");
	d = s ? ld_law(ld, s, ctx) : NULL;
	st->retry_after = d ? d : sim_dist_new_fixed(1, NULL);
}

static void read_failover(Loader *ld, const config_setting_t *g,
			  const config_setting_t *service,
			  const MdlScenario *sc, const MdlService *sv,
			  MdlStrategy *st, const char *ctx)
{
	config_setting_t *s;
	int standby;

	if ((s = ld_required(ld, g, "site", ctx)))
		ld_ref(ld, s, LD_SITE, ctx, &st->site);
	if ((s = config_setting_get_member(g, "standby")) &&
	    ld_choice(ld, s, ctx, standbys, &standby))
		st->standby = (MdlStandby)standby;
	if ((s = ld_required(ld, g, "activation", ctx)))
		st->activation = ld_law(ld, s, ctx);
	read_success(ld, g, st, ctx);
	if ((s = config_setting_get_member(g, "data")))
		read_failover_data(ld, s, service, sc, sv, st, ctx);
	if ((s = config_setting_get_member(g, "requires")))
		ld_read_refs(ld, s, LD_COMPONENT, ctx, &st->requires,
			     &st->n_requires);
	if ((s = config_setting_get_member(g, "depends")))
		read_standby_depends(ld, s, sc, sv, st, ctx);
	read_retries(ld, g, st, ctx);
}

/* The keys of st's kind (known by then). */
static void read_kind(Loader *ld, const config_setting_t *g,
		      const config_setting_t *service, const MdlScenario *sc,
		      const MdlService *sv, MdlStrategy *st, const char *ctx)
{
	config_setting_t *s;

	switch (st->kind) {
	case MDL_STRATEGY_FAILOVER:
		read_failover(ld, g, service, sc, sv, st, ctx);
		break;
	case MDL_STRATEGY_REBUILD:
		if ((s = ld_required(ld, g, "duration", ctx)))
			st->activation = ld_law(ld, s, ctx);
		read_success(ld, g, st, ctx);
		break;
	case MDL_STRATEGY_RESTORE:
		/* Restores take their success from the copy used. */
		if (sv && sv->n_datasets == 0 && data_resolved(service, sv))
			ld_error(ld, config_setting_get_member(g, "kind"),
				 "a \"restore\" strategy needs the service "
				 "to have 'data' in %s",
				 ctx);
		break;
	case MDL_STRATEGY_REPAIR:
		break;
	}
}

static void read_strategy(Loader *ld, const config_setting_t *g, int i,
			  const config_setting_t *service,
			  const MdlScenario *sc, const MdlService *sv,
			  MdlStrategy *st, const char *service_ctx)
{
	g_autofree char *ctx =
		g_strdup_printf("strategy #%d of %s", i + 1, service_ctx);
	config_setting_t *s;
	int choice;

	ld_check_keys(ld, g, strategy_keys, ctx);
	st->line = (int)ld_line(g);
	st->success = 1;
	st->data_copy = -1;
	/* Without a known kind, which keys apply cannot be told. */
	if (!(s = ld_required(ld, g, "kind", ctx)) ||
	    !ld_choice(ld, s, ctx, strategy_kinds, &choice))
		return;
	st->kind = (MdlStrategyKind)choice;
	check_kind_keys(ld, g, st->kind, ctx);
	if ((s = config_setting_get_member(g, "mode")) &&
	    g_strv_contains(kind_keys[st->kind], "mode") &&
	    ld_choice(ld, s, ctx, modes, &choice))
		st->manual = choice == 1;
	read_kind(ld, g, service, sc, sv, st, ctx);
}

static void read_strategies(Loader *ld, const config_setting_t *pg,
			    const config_setting_t *service,
			    const MdlScenario *sc, const MdlService *sv,
			    MdlPlan *plan, const char *service_ctx,
			    const char *ctx)
{
	config_setting_t *list = ld_sublist(ld, pg, "strategies", ctx, FALSE,
					    &plan->n_strategies);

	/* a strategy's index travels in 8 bits of its events' argument */
	if (plan->n_strategies > MDL_MAX_STRATEGIES) {
		ld_error(ld, list,
			 "'strategies' has %u entries in %s: at most %u",
			 plan->n_strategies, ctx, MDL_MAX_STRATEGIES);
		plan->n_strategies = MDL_MAX_STRATEGIES;
	}
	plan->strategies = g_new0(MdlStrategy, plan->n_strategies);
	for (guint i = 0; i < plan->n_strategies; i++) {
		config_setting_t *g = ld_element(ld, list, (int)i, "strategy");

		plan->strategies[i].success = 1;
		plan->strategies[i].data_copy = -1;
		if (g)
			read_strategy(ld, g, (int)i, service, sc, sv,
				      &plan->strategies[i], service_ctx);
	}
}

/* ---- the plan ---------------------------------------------------------- */

/* The optional law `key` of g, or fixed 0. */
static SimDist *law_or_zero(Loader *ld, const config_setting_t *g,
			    const char *key, const char *ctx)
{
	config_setting_t *s = config_setting_get_member(g, key);
	SimDist *d = s ? ld_law(ld, s, ctx) : NULL;

	return d ? d : sim_dist_new_fixed(0, NULL);
}

/* The plan of group pg into plan: that of service sv (its group g), or
 * a template's (sv and g NULL). */
static void read_plan_keys(Loader *ld, const config_setting_t *pg,
			   const config_setting_t *g, const MdlScenario *sc,
			   const MdlService *sv, MdlPlan *plan,
			   const char *service_ctx, const char *ctx)
{
	config_setting_t *s;
	guint crew;

	ld_check_keys(ld, pg, plan_keys, ctx);
	plan->line = (int)ld_line(pg);
	plan->detect = law_or_zero(ld, pg, "detect", ctx);
	plan->decision = law_or_zero(ld, pg, "decision", ctx);
	if ((s = config_setting_get_member(pg, "declare_after")))
		ld_duration(ld, s, ctx, &plan->declare_after_h);
	if ((s = config_setting_get_member(pg, "crew")) &&
	    ld_ref(ld, s, LD_CREW, ctx, &crew))
		plan->crew = (gint)crew;
	if ((s = config_setting_get_member(pg, "failback")))
		plan->failback = ld_law(ld, s, ctx);
	if ((s = config_setting_get_member(pg, "failback_window")))
		ld_bool(ld, s, ctx, &plan->failback_window);
	if ((s = config_setting_get_member(pg, "freeze_retention")))
		ld_bool(ld, s, ctx, &plan->freeze_retention);
	read_strategies(ld, pg, g, sc, sv, plan, service_ctx, ctx);
}

/* The defaults of a plan: detected and decided at once, declared only for
 * a destructive cause, no crew, retention frozen. */
static void plan_defaults(MdlPlan *plan, int line)
{
	plan->declare_after_h = INFINITY;
	plan->crew = -1;
	plan->freeze_retention = TRUE;
	plan->line = line;
}

void ld_read_plan(Loader *ld, const config_setting_t *g, const MdlScenario *sc,
		  MdlService *sv, const char *ctx)
{
	MdlPlan *plan = &sv->plan;
	config_setting_t *pg = g ? ld_group(ld, g, "plan", ctx) : NULL;
	g_autofree char *pctx = NULL;

	plan_defaults(plan, sv->line);
	if (!pg) {
		plan->detect = sim_dist_new_fixed(0, NULL);
		plan->decision = sim_dist_new_fixed(0, NULL);
		return;
	}
	pctx = g_strdup_printf("'plan' of %s", ctx);
	read_plan_keys(ld, pg, g, sc, sv, plan, ctx, pctx);
}

void ld_read_template_plan(Loader *ld, const config_setting_t *tg,
			   const MdlScenario *sc, const char *ctx)
{
	MdlPlan plan = {0};

	plan_defaults(&plan, (int)ld_line(tg));
	read_plan_keys(ld, tg, NULL, sc, NULL, &plan, ctx, ctx);
	ld_plan_clear(&plan);
}
