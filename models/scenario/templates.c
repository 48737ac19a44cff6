/* templates.c — named plans (the top-level group `templates`) and the
 * services' plans that use one (`plan = { template = "NAME"; ... }`;
 * see "Plan templates" in docs/scenario-format.md).
 *
 * The merge is done on the config tree, before validation: a plan that
 * names a template gets a copy of each of the template's keys it does
 * not give itself (a key given in both: the plan's, whole — a group, a
 * list or an array is never merged member by member).  The `template`
 * key stays, so that validation checks it names a template.  Overrides
 * then apply to the merged plan; a --set whose path goes through a key
 * the plan takes from its template (`plan.strategies.0.activation`)
 * copies that key into the plan first (overrides.c), as the merge would.
 *
 * Problems: a template is read once, as a plan of no service, its
 * problems reported at its own lines; what it gave a plan is read again
 * with that plan, where a problem can only come from the service (a
 * failover's `data` not among the service's copies, a restore without
 * data, `depends` naming the service): it is reported at the plan's
 * `template` key, naming the template (reader.c, the copies' marks).
 * Templates do not nest: a template naming another is refused.
 *
 * Complexity: O(services × keys of a template), the copies included. */
#include "scenario-private.h"

#include <string.h>

#define WHAT "'templates' must be a group of named plans { NAME = { ... }; }"

/* ---- where templates are ----------------------------------------------- */

/* The `templates` group of the root of plan, a service's plan group; NULL
 * when there is none or plan is not a service's plan. */
static config_setting_t *templates_of(const config_setting_t *plan)
{
	const config_setting_t *service, *list, *root;
	config_setting_t *t;

	if (!plan || !config_setting_is_group(plan) ||
	    !config_setting_name(plan) ||
	    strcmp(config_setting_name(plan), "plan") != 0 ||
	    !(service = config_setting_parent(plan)) ||
	    !(list = config_setting_parent(service)) ||
	    !config_setting_is_list(list) || !config_setting_name(list) ||
	    strcmp(config_setting_name(list), "services") != 0 ||
	    !(root = config_setting_parent(list)) ||
	    config_setting_parent(root))
		return NULL;
	t = config_setting_get_member(root, "templates");
	return t && config_setting_is_group(t) ? t : NULL;
}

/* The template plan names, a group; NULL when it names none that is one
 * (validation reports it). */
static config_setting_t *template_of(const config_setting_t *plan,
				     config_setting_t **named_at)
{
	config_setting_t *ts = templates_of(plan), *t;

	*named_at = plan && config_setting_is_group(plan)
			    ? config_setting_get_member(plan, "template")
			    : NULL;
	if (!ts || !*named_at ||
	    config_setting_type(*named_at) != CONFIG_TYPE_STRING)
		return NULL;
	t = config_setting_get_member(ts, config_setting_get_string(*named_at));
	return t && config_setting_is_group(t) ? t : NULL;
}

/* ---- the merge --------------------------------------------------------- */

/* Every setting of the tree s read at `line`: a copy is at the key that
 * names its template, for messages and for the objects' lines. */
static void set_line(config_setting_t *s, unsigned line)
{
	int n = config_setting_length(s);

	/* libconfig has no call to set a setting's line; its public struct
	 * has the field (a copy would otherwise be at line 0: the file as a
	 * whole). */
	s->line = line;
	for (int i = 0; i < n; i++)
		set_line(config_setting_get_elem(s, (guint)i), line);
}

/* Copies member m of template `name` into plan, marked as its. */
static config_setting_t *take(Loader *ld, config_setting_t *plan,
			      const config_setting_t *m, const char *name,
			      const config_setting_t *named_at)
{
	config_setting_t *copy =
		ld_copy_setting(plan, config_setting_name(m), m);

	if (!copy)
		return NULL;
	set_line(copy, ld_line(named_at));
	ld_mark_copy(ld, copy, name, named_at);
	return copy;
}

config_setting_t *ld_template_take(Loader *ld, config_setting_t *plan,
				   const char *key)
{
	config_setting_t *named_at, *t = template_of(plan, &named_at), *m;

	if (!t || strcmp(key, "template") == 0 ||
	    !(m = config_setting_get_member(t, key)))
		return NULL;
	return take(ld, plan, m, config_setting_name(t), named_at);
}

/* The keys of its template that plan does not give itself. */
static void merge(Loader *ld, config_setting_t *plan)
{
	config_setting_t *named_at, *t = template_of(plan, &named_at);
	int n = t ? config_setting_length(t) : 0;

	for (int i = 0; i < n; i++) {
		config_setting_t *m = config_setting_get_elem(t, (guint)i);
		const char *key = config_setting_name(m);

		if (strcmp(key, "template") != 0 &&
		    !config_setting_get_member(plan, key))
			take(ld, plan, m, config_setting_name(t), named_at);
	}
}

void ld_merge_templates(Loader *ld, config_setting_t *root)
{
	config_setting_t *list = config_setting_get_member(root, "services");
	int n = list && config_setting_is_list(list)
			? config_setting_length(list)
			: 0;

	for (int i = 0; i < n; i++) {
		config_setting_t *g = config_setting_get_elem(list, (guint)i);

		if (config_setting_is_group(g))
			merge(ld, config_setting_get_member(g, "plan"));
	}
}

/* ---- validation -------------------------------------------------------- */

/* A template, read as a plan of no service; flawed when it has a
 * problem, so that what plans took from it is not reported again. */
static void read_template(Loader *ld, const config_setting_t *t,
			  const MdlScenario *sc)
{
	const char *name = config_setting_name(t);
	g_autofree char *ctx = g_strdup_printf("template '%s'", name);
	config_setting_t *nested = NULL;
	guint before = ld->errors->len;

	if (!config_setting_is_group(t)) {
		ld_error(ld, t,
			 "template '%s' must be a group { ... } in "
			 "'templates' (got %s)",
			 name, ld_type_name(t));
		g_hash_table_add(ld->flawed_templates, g_strdup(name));
		return;
	}
	if ((nested = config_setting_get_member(t, "template")))
		ld_error(ld, nested,
			 "'template' in %s: a template cannot use another "
			 "(templates do not nest)",
			 ctx);
	ld_read_template_plan(ld, t, sc, ctx);
	if (ld->errors->len > before)
		g_hash_table_add(ld->flawed_templates, g_strdup(name));
}

/* The `template` of the plan of service group g (i-th of the list): a
 * string naming a template. */
static void check_use(Loader *ld, const config_setting_t *g, int i,
		      const config_setting_t *ts)
{
	config_setting_t *plan = config_setting_get_member(g, "plan"), *s;
	g_autofree char *sctx = ld_object_ctx(g, "id", "service", i, NULL);
	g_autofree char *ctx = g_strdup_printf("'plan' of %s", sctx);
	g_autoptr(GPtrArray) names = g_ptr_array_new();
	const char *name;

	if (!plan || !config_setting_is_group(plan) ||
	    !(s = config_setting_get_member(plan, "template")) ||
	    !ld_text(ld, s, ctx, FALSE, &name))
		return;
	if (ts && config_setting_get_member(ts, name))
		return;
	for (int k = 0; ts && k < config_setting_length(ts); k++)
		g_ptr_array_add(names,
				(gpointer)config_setting_name(
					config_setting_get_elem(ts, (guint)k)));
	g_autofree char *hint = ld_hint(name, (const char *const *)names->pdata,
					(int)names->len, '\'');
	ld_error(ld, s, "unknown template '%s' in %s%s", name, ctx, hint);
}

void ld_read_templates(Loader *ld, const config_setting_t *root,
		       const MdlScenario *sc)
{
	config_setting_t *ts = config_setting_get_member(root, "templates");
	config_setting_t *list = config_setting_get_member(root, "services");
	int n;

	if (ts && !config_setting_is_group(ts)) {
		ld_error(ld, ts, WHAT " in the file (got %s)",
			 ld_type_name(ts));
		ts = NULL;
	}
	for (int k = 0; ts && k < config_setting_length(ts); k++)
		read_template(ld, config_setting_get_elem(ts, (guint)k), sc);
	n = list && config_setting_is_list(list) ? config_setting_length(list)
						 : 0;
	for (int i = 0; i < n; i++) {
		config_setting_t *g = config_setting_get_elem(list, (guint)i);

		if (config_setting_is_group(g))
			check_use(ld, g, i, ts);
	}
}
