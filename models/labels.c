/* labels.c — cause and path tables. */
#include "models/labels.h"

struct MdlLabels {
	GPtrArray *causes, *paths;	/* of owned strings, shared with the
					   view of the replaced scenario */
	guint *mode_base;		/* per component: its first mode's cause */
	guint *hazard_base;		/* per site: its first hazard's cause */
	guint threat_base, dependency;
	guint failover_base;		/* path of site 0 */
	guint *copy_base;		/* per dataset: path of its copy 0 */
	guint repair, unrecoverable;
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
	l->threat_base = l->causes->len;
	for (guint t = 0; t < sc->n_ransomware; t++)
		add(l->causes, g_strdup_printf("%sransomware:%s", prefix,
					       sc->ransomware[t].name));
	l->dependency = add(l->causes, g_strconcat(prefix, "dependency", NULL));
	add(l->causes, g_strconcat(prefix, "standby", NULL));
	add(l->causes, g_strconcat(prefix, "failback", NULL));
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
		for (guint k = 0; k < ds->n_copies; k++)
			add(l->paths,
			    g_strdup_printf("%srestore:%s/%s", prefix, ds->id,
					    ds->copies[k].id));
	}
	l->unrecoverable = add(l->paths,
			       g_strconcat(prefix, "unrecoverable", NULL));
	add(l->paths, g_strconcat(prefix, "failback", NULL));
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

guint mdl_cause_ransomware(const MdlLabels *l, guint threat)
{
	return l->threat_base + threat;
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

guint mdl_path_unrecoverable(const MdlLabels *l) { return l->unrecoverable; }
guint mdl_path_failback(const MdlLabels *l) { return l->unrecoverable + 1; }
