/* labels.c — cause and path tables. */
#include "models/scenario/labels.h"

struct MdlLabels {
	GPtrArray *causes, *paths;	/* of owned strings, shared with the
					   view of the replaced scenario */
	guint *mode_base;		/* per component: its first mode's cause */
	guint *hazard_base;		/* per site: its first hazard's cause */
	guint common_base, threat_base, provider_base, dependency;
	guint failover_base;		/* path of site 0 */
	guint *copy_base;		/* per dataset: path of its copy 0,
					   then of its loss for good */
	guint repair, failback;
	/* Per service with several datasets: outcome code (see
	 * mdl_path_outcomes()) to path, NULL for the others. */
	guint **outcome_path;
	guint n_services;
	MdlLabels *replaced;		/* view of sc->replaces, or NULL */
};

static guint add(GPtrArray *a, char *name)
{
	g_ptr_array_add(a, name);
	return a->len - 1;
}

static void build_causes(MdlLabels *l, const MdlScenario *sc,
			 const char *prefix)
{
	l->mode_base = g_new0(guint, sc->n_components + 1);
	for (guint c = 0; c < sc->n_components; c++) {
		const MdlComponent *mc = &sc->components[c];
		l->mode_base[c] = l->causes->len;
		for (guint m = 0; m < mc->n_modes; m++)
			add(l->causes,
			    g_strdup_printf("%scomponent:%s:%s", prefix,
					    mc->id, mc->modes[m].name));
	}
	l->hazard_base = g_new0(guint, sc->n_sites + 1);
	for (guint s = 0; s < sc->n_sites; s++) {
		const MdlSite *ms = &sc->sites[s];
		l->hazard_base[s] = l->causes->len;
		for (guint h = 0; h < ms->n_hazards; h++)
			add(l->causes,
			    g_strdup_printf("%ssite:%s:%s", prefix, ms->id,
					    ms->hazards[h].name));
	}
	l->common_base = l->causes->len;
	for (guint k = 0; k < sc->n_common; k++)
		add(l->causes, g_strdup_printf("%scommon:%s", prefix,
					       sc->common[k].name));
	l->threat_base = l->causes->len;
	for (guint t = 0; t < sc->n_ransomware; t++)
		add(l->causes, g_strdup_printf("%sransomware:%s", prefix,
					       sc->ransomware[t].name));
	l->provider_base = l->causes->len;
	for (guint k = 0; k < sc->n_providers; k++)
		add(l->causes, g_strdup_printf("%sprovider:%s:exit", prefix,
					       sc->providers[k].id));
	l->dependency = add(l->causes, g_strconcat(prefix, "dependency", NULL));
	add(l->causes, g_strconcat(prefix, "standby", NULL));
	add(l->causes, g_strconcat(prefix, "failback", NULL));
}

/* The part of a path an outcome of dataset d gives: "restore:D/COPY" or
 * "unrecoverable:D". */
static char *outcome_part(const MdlDataset *ds, guint outcome)
{
	if (outcome <= ds->n_copies)
		return g_strdup_printf("restore:%s/%s", ds->id,
				       ds->copies[outcome - 1].id);
	return g_strdup_printf("unrecoverable:%s", ds->id);
}

/* The paths of the incidents of service s in which two datasets or more
 * were lost: the outcome of each, joined by '+', in the order of its
 * `data'.  Outcome codes are mixed-radix numbers, one digit per dataset
 * (0: not lost, k: restored from copy k − 1, n_copies + 1: lost for
 * good). */
static void build_outcomes(MdlLabels *l, const MdlScenario *sc, guint s,
			   const char *prefix)
{
	const MdlService *sv = &sc->services[s];
	guint n = mdl_path_outcomes(sc, s);

	if (sv->n_datasets < 2 || n > MDL_LABELS_MAX_OUTCOMES)
		return;
	l->outcome_path[s] = g_new(guint, n);
	for (guint code = 0; code < n; code++) {
		GString *name = g_string_new(prefix);
		guint rest = code, lost = 0;
		for (guint i = 0; i < sv->n_datasets; i++) {
			const MdlDataset *ds = &sc->datasets[sv->datasets[i]];
			guint digit = rest % (ds->n_copies + 2);
			rest /= ds->n_copies + 2;
			if (digit == 0)
				continue;
			g_autofree char *part = outcome_part(ds, digit);
			g_string_append_printf(name, "%s%s", lost++ ? "+" : "",
					       part);
		}
		l->outcome_path[s][code] = G_MAXUINT;
		if (lost >= 2)
			l->outcome_path[s][code] =
				add(l->paths, g_string_free(name, FALSE));
		else
			g_string_free(name, TRUE);
	}
}

static void build_paths(MdlLabels *l, const MdlScenario *sc,
			const char *prefix)
{
	l->repair = add(l->paths, g_strconcat(prefix, "repair", NULL));
	l->failover_base = l->paths->len;
	for (guint s = 0; s < sc->n_sites; s++)
		add(l->paths, g_strdup_printf("%sfailover:%s", prefix,
					       sc->sites[s].id));
	l->copy_base = g_new0(guint, sc->n_datasets + 1);
	for (guint d = 0; d < sc->n_datasets; d++) {
		const MdlDataset *ds = &sc->datasets[d];
		l->copy_base[d] = l->paths->len;
		for (guint k = 0; k <= ds->n_copies; k++) {
			g_autofree char *part = outcome_part(ds, k + 1);
			add(l->paths, g_strconcat(prefix, part, NULL));
		}
	}
	l->failback = add(l->paths, g_strconcat(prefix, "failback", NULL));
	l->n_services = sc->n_services;
	l->outcome_path = g_new0(guint *, sc->n_services + 1);
	for (guint s = 0; s < sc->n_services; s++)
		build_outcomes(l, sc, s, prefix);
}

MdlLabels *mdl_labels_new(const MdlScenario *sc)
{
	MdlLabels *l = g_new0(MdlLabels, 1);
	MdlLabels *r = NULL;

	l->causes = g_ptr_array_new_with_free_func(g_free);
	l->paths = g_ptr_array_new_with_free_func(g_free);
	if (sc->replaces) {
		r = l->replaced = g_new0(MdlLabels, 1);
		r->causes = g_ptr_array_ref(l->causes);
		r->paths = g_ptr_array_ref(l->paths);
	}
	/* The scenario's own labels first, so that its indices are those it
	 * would have alone. */
	build_causes(l, sc, "");
	if (r)
		build_causes(r, sc->replaces, MDL_LABELS_REPLACED);
	build_paths(l, sc, "");
	if (r)
		build_paths(r, sc->replaces, MDL_LABELS_REPLACED);
	return l;
}

const MdlLabels *mdl_labels_replaced(const MdlLabels *l)
{
	return l->replaced;
}

void mdl_labels_free(MdlLabels *l)
{
	if (!l)
		return;
	mdl_labels_free(l->replaced);
	g_ptr_array_unref(l->causes);
	g_ptr_array_unref(l->paths);
	g_free(l->mode_base);
	g_free(l->hazard_base);
	g_free(l->copy_base);
	for (guint s = 0; s < l->n_services; s++)
		g_free(l->outcome_path[s]);
	g_free(l->outcome_path);
	g_free(l);
}

guint mdl_labels_n_causes(const MdlLabels *l) { return l->causes->len; }
guint mdl_labels_n_paths(const MdlLabels *l) { return l->paths->len; }

const char *mdl_labels_cause(const MdlLabels *l, guint cause)
{
	g_return_val_if_fail(cause < l->causes->len, NULL);
	return g_ptr_array_index(l->causes, cause);
}

const char *mdl_labels_path(const MdlLabels *l, guint path)
{
	g_return_val_if_fail(path < l->paths->len, NULL);
	return g_ptr_array_index(l->paths, path);
}

guint mdl_cause_mode(const MdlLabels *l, guint component, guint mode)
{
	return l->mode_base[component] + mode;
}

guint mdl_cause_hazard(const MdlLabels *l, guint site, guint hazard)
{
	return l->hazard_base[site] + hazard;
}

guint mdl_cause_common(const MdlLabels *l, guint common)
{
	return l->common_base + common;
}

guint mdl_cause_ransomware(const MdlLabels *l, guint threat)
{
	return l->threat_base + threat;
}

guint mdl_cause_provider_exit(const MdlLabels *l, guint provider)
{
	return l->provider_base + provider;
}

guint mdl_cause_dependency(const MdlLabels *l) { return l->dependency; }
guint mdl_cause_standby(const MdlLabels *l) { return l->dependency + 1; }
guint mdl_cause_failback(const MdlLabels *l) { return l->dependency + 2; }

guint mdl_path_repair(const MdlLabels *l) { return l->repair; }

guint mdl_path_failover(const MdlLabels *l, guint site)
{
	return l->failover_base + site;
}

guint mdl_path_restore(const MdlLabels *l, guint dataset, guint copy)
{
	return l->copy_base[dataset] + copy;
}

guint mdl_path_unrecoverable(const MdlLabels *l, const MdlScenario *sc,
			     guint dataset)
{
	return l->copy_base[dataset] + sc->datasets[dataset].n_copies;
}

guint mdl_path_failback(const MdlLabels *l) { return l->failback; }

guint mdl_path_outcomes(const MdlScenario *sc, guint service)
{
	const MdlService *sv = &sc->services[service];
	guint n = 1;

	for (guint i = 0; i < sv->n_datasets; i++) {
		n *= sc->datasets[sv->datasets[i]].n_copies + 2;
		if (n > MDL_LABELS_MAX_OUTCOMES)
			return MDL_LABELS_MAX_OUTCOMES + 1;
	}
	return n;
}

guint mdl_path_outcome(const MdlLabels *l, guint service, guint code)
{
	if (service >= l->n_services || !l->outcome_path[service])
		return G_MAXUINT;
	return l->outcome_path[service][code];
}

/* -- steps ----------------------------------------------------------------- */

/* "WHAT started ID", "WHAT done ID", "WHAT failed ID" (ID once only). */
static void add_triple(GPtrArray *a, GHashTable *seen, const char *what,
		       const char *id)
{
	static const char *const verbs[] = { "started", "done", "failed" };

	if (!g_hash_table_add(seen, g_strconcat(what, " ", id, NULL)))
		return;
	for (guint i = 0; i < G_N_ELEMENTS(verbs); i++)
		g_ptr_array_add(a, g_strdup_printf("%s %s %s", what, verbs[i],
						   id));
}

/* TRUE when some service with a rebuild strategy requires component c:
 * its rebuild is then a step of every service requiring c. */
static gboolean rebuilt(const MdlScenario *sc, guint c)
{
	for (guint s = 0; s < sc->n_services; s++) {
		const MdlService *sv = &sc->services[s];
		gboolean has = FALSE;
		for (guint i = 0; i < sv->plan.n_strategies; i++)
			has |= sv->plan.strategies[i].kind ==
			       MDL_STRATEGY_REBUILD;
		for (guint k = 0; has && k < sv->n_requires; k++)
			if (sv->requires[k] == c)
				return TRUE;
	}
	return FALSE;
}

static void add_data_steps(GPtrArray *a, GHashTable *seen,
			   const MdlDataset *ds)
{
	for (guint k = 0; k < ds->n_copies; k++) {
		g_autofree char *id =
			g_strdup_printf("%s/%s", ds->id, ds->copies[k].id);
		add_triple(a, seen, "restore", id);
	}
	g_ptr_array_add(a, g_strdup_printf("unrecoverable %s", ds->id));
}

char **mdl_labels_steps(const MdlScenario *sc, guint service)
{
	g_return_val_if_fail(service < sc->n_services, NULL);
	const MdlService *sv = &sc->services[service];
	GPtrArray *a = g_ptr_array_new();
	g_autoptr(GHashTable) seen =
		g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	static const char *const first[] = { "down", "detected",
					     "declaration started",
					     "declared" };

	for (guint i = 0; i < G_N_ELEMENTS(first); i++)
		g_ptr_array_add(a, g_strdup(first[i]));
	for (guint i = 0; i < sv->plan.n_strategies; i++)
		if (sv->plan.strategies[i].kind == MDL_STRATEGY_FAILOVER)
			add_triple(a, seen, "failover",
				   sc->sites[sv->plan.strategies[i].site].id);
	for (guint k = 0; k < sv->n_requires; k++)
		if (rebuilt(sc, sv->requires[k]))
			add_triple(a, seen, "rebuild",
				   sc->components[sv->requires[k]].id);
	for (guint i = 0; i < sv->n_datasets; i++)
		add_data_steps(a, seen, &sc->datasets[sv->datasets[i]]);
	g_ptr_array_add(a, g_strdup("restored"));
	if (sv->plan.failback) {
		g_ptr_array_add(a, g_strdup("failback started"));
		g_ptr_array_add(a, g_strdup("failback done"));
	}
	g_ptr_array_add(a, NULL);
	return (char **)g_ptr_array_free(a, FALSE);
}
