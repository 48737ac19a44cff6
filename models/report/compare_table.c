/* compare_table.c — compare's table (compare_table.h). */
#include "models/report/compare_table.h"

#include <math.h>
#include <string.h>

#include "models/report/compare_text.h"
#include "sim/cli.h"
#include "sim/units.h"

/* -- table ---------------------------------------------------------------- */

static char scenario_letter(guint i)
{
	return i < 26 ? (char)('A' + i) : '?';
}

static void table_header(GString *s, const MdlCompareTable *c)
{
	const MdlScenario *sc = c->set->plays[0]->sc;
	g_autoptr(MdlCompareGrid) g = mdl_compare_grid_new();
	g_autofree char *from = g_strdup_printf("from %s", c->set->labels[0]);
	guint64 events = 0;
	double wall_s = 0;
	char horizon[32], lead[32];
	g_auto(GStrv) replaces = g_new0(char *, c->set->n + 1);

	for (guint i = 0; i < c->set->n; i++) {
		const MdlScenario *si = c->set->plays[i]->sc;
		sim_format_duration(si->in_service_h, lead, sizeof lead);
		replaces[i] = si->replaces
			? g_strdup_printf(", in service after %s (until then "
					  "%s)", lead, si->replaces->file)
			: g_strdup("");
	}
	for (guint i = 0; i < c->set->n; i++) {
		events += c->set->plays[i]->results->events;
		wall_s += c->set->plays[i]->info.wall_s;
		sim_format_duration(c->set->plays[i]->sc->horizon_h, horizon,
				    sizeof horizon);
		mdl_compare_grid_row(g);
		mdl_compare_grid_take(g, g_strdup_printf("%c",
							 scenario_letter(i)));
		mdl_compare_grid_add(g, c->set->labels[i]);
		mdl_compare_grid_take(g, g_strdup_printf(
			"%s (%s), horizon %s%s", c->set->plays[i]->sc->name,
			c->files[i], horizon, replaces[i]));
	}
	g_string_append_printf(s, "drsim %s — compare %u scenarios\n",
			       DRSIM_VERSION, c->set->n);
	guint64 n = c->set->plays[0]->results->replications;
	g_string_append_printf(
		s, "%" G_GUINT64_FORMAT " replication%s each (%s), seed %"
		   G_GUINT64_FORMAT " (%s), %d threads, %" G_GUINT64_FORMAT
		   " events in %.2f s\n",
		n, n == 1 ? "" : "s",
		c->precision ? "--precision"
		: c->replications_given ? "--replications" : from,
		sc->seed, c->seed_given ? "--seed" : from, c->threads,
		events, wall_s);
	if (c->precision) {
		g_autofree char *p = mdl_precision_outcome_text(c->precision,
								n);
		g_string_append_printf(s, "%s\n", p);
	}
	mdl_compare_grid_render(g, s, "  ");
}

/* The paired difference B − A of figure f of the k-th common service,
 * or NULL (not two scenarios, a figure without one). */
static const MdlPaired *paired_of(const MdlCompareTable *c, guint k, MdlFigure f)
{
	MdlPairedFigure pf;

	if (c->set->n != 2 || !c->set->pairs || !mdl_figure_paired(f, &pf))
		return NULL;
	return mdl_compare_pairs_service(c->set->pairs, 1, k, pf);
}

/* "A" or "B" when the 95 % interval of the paired difference excludes 0,
 * "=" when it does not; "" for a figure without one (targets,
 * percentiles: docs/output.md). */
static const char *verdict(MdlFigure f, const MdlPaired *p)
{
	return p ? mdl_paired_verdict(p, mdl_figure_better(f)) : "";
}

/* "[lo, hi]" of an interval in the figure's unit, "-" when none. */
static char *interval_text(MdlFigure f, double lo, double hi, gboolean diff)
{
	if (!isfinite(lo) || !isfinite(hi))
		return g_strdup("-");
	g_autofree char *l = diff ? mdl_figure_diff_text(f, lo)
				  : mdl_figure_text(f, lo);
	g_autofree char *h = diff ? mdl_figure_diff_text(f, hi)
				  : mdl_figure_text(f, hi);
	return g_strdup_printf("[%s, %s]", l, h);
}

/* A row of the figure, and under it its interval when it has one (each
 * scenario's, and that of the paired difference). */
static void figure_rows(MdlCompareGrid *g, const MdlCompareTable *c, guint k,
			MdlFigure f, JsonObject **svc)
{
	const MdlPaired *p = paired_of(c, k, f);
	gboolean has_ci = p && isfinite(p->lo);
	double lo, hi;

	mdl_compare_grid_row(g);
	mdl_compare_grid_add(g, mdl_figure_label(f));
	for (guint i = 0; i < c->set->n; i++) {
		mdl_compare_grid_take(
			g, mdl_figure_text(f, mdl_figure_value(f, svc[i])));
		has_ci |= mdl_figure_ci(f, svc[i], &lo, &hi);
	}
	if (c->set->n == 2) {
		double d = mdl_figure_value(f, svc[1]) -
			   mdl_figure_value(f, svc[0]);
		mdl_compare_grid_take(g, mdl_figure_diff_text(f, d));
		mdl_compare_grid_add(g, verdict(f, p));
	}
	if (!has_ci)
		return;
	mdl_compare_grid_row(g);
	mdl_compare_grid_add(g, "  95% CI");
	for (guint i = 0; i < c->set->n; i++) {
		if (!mdl_figure_ci(f, svc[i], &lo, &hi))
			lo = hi = NAN;
		mdl_compare_grid_take(g, interval_text(f, lo, hi, FALSE));
	}
	if (p)
		mdl_compare_grid_take(g, interval_text(f, p->lo, p->hi, TRUE));
}

/* "data lost for good in 15 of 151 incidents (ransomware:crypto 15 of
 * 40)" of one play's service, or "no data lost for good". */
static char *lost_text(JsonObject *svc)
{
	JsonObject *inc = json_object_get_object_member(svc, "incidents");
	gint64 lost = json_object_get_int_member(inc, "lost_for_good");
	JsonArray *causes = json_object_get_array_member(svc, "by_cause");
	const char *sep = " (";

	if (lost == 0)
		return g_strdup("no data lost for good");
	GString *t = g_string_new(NULL);
	g_string_append_printf(t, "data lost for good in %" G_GINT64_FORMAT
				  " of %" G_GINT64_FORMAT
				  " incidents",
			       lost, json_object_get_int_member(inc, "count"));
	for (guint i = 0; i < json_array_get_length(causes); i++) {
		JsonObject *x = json_array_get_object_element(causes, i);
		gint64 n = json_object_get_int_member(x, "lost_for_good");
		if (n == 0)
			continue;
		const char *cause = json_object_get_string_member(x, "cause");
		gint64 of = json_object_get_int_member(x, "incidents");
		g_string_append_printf(t, "%s%s %" G_GINT64_FORMAT " of %"
					  G_GINT64_FORMAT, sep, cause, n, of);
		sep = ", ";
	}
	g_string_append_c(t, ')');
	return g_string_free(t, FALSE);
}

/* Data lost for good, in words under the table whenever one scenario has
 * any: a few total losses hide below every percentile. */
static void table_lost(GString *s, const MdlCompareTable *c, JsonObject **svc)
{
	gboolean any = FALSE;

	for (guint i = 0; i < c->set->n; i++) {
		JsonObject *inc = json_object_get_object_member(svc[i],
								"incidents");
		any = any || json_object_get_int_member(inc, "lost_for_good");
	}
	if (!any)
		return;
	for (guint i = 0; i < c->set->n; i++) {
		g_autofree char *t = lost_text(svc[i]);
		g_string_append_printf(s, "  %s: %s\n",
				       c->set->labels[i], t);
	}
}

/* The first row of a table: a column per scenario, then B − A and
 * better for two. */
static void grid_header(MdlCompareGrid *g, const MdlCompareTable *c)
{
	mdl_compare_grid_row(g);
	mdl_compare_grid_add(g, "");
	for (guint i = 0; i < c->set->n; i++)
		mdl_compare_grid_add(g, c->set->labels[i]);
	if (c->set->n == 2) {
		mdl_compare_grid_add(g, "B − A");
		mdl_compare_grid_add(g, "better");
	}
}

static void table_service(GString *s, const MdlCompareTable *c, guint k)
{
	const char *id = g_ptr_array_index(c->set->common, k);
	g_autofree JsonObject **svc = g_new(JsonObject *, c->set->n);
	g_autoptr(MdlCompareGrid) g = mdl_compare_grid_new();
	const char *name;

	for (guint i = 0; i < c->set->n; i++)
		svc[i] = mdl_compare_play_service(c->set->plays[i], id);
	name = json_object_get_string_member(svc[0], "name");
	g_string_append_printf(s, "\nService %s", id);
	if (name && strcmp(name, id) != 0)
		g_string_append_printf(s, " — %s", name);
	g_string_append_c(s, '\n');
	grid_header(g, c);
	for (guint f = 0; f < MDL_N_FIGURES; f++)
		if (mdl_figure_shown((MdlFigure)f, svc, c->set->n))
			figure_rows(g, c, k, (MdlFigure)f, svc);
	mdl_compare_grid_render(g, s, "  ");
	table_lost(s, c, svc);
}

/* -- cost ----------------------------------------------------------------- */

/* The costs are read back from each play's JSON report; the charts
 * (compare_plots.c) read them through the same functions. */

/* Bound i of a ci95 pair, NAN when absent or null (an interval one
 * replication cannot give). */
static double ci_bound(JsonArray *a, guint i)
{
	JsonNode *n = a && json_array_get_length(a) > i
			      ? json_array_get_element(a, i)
			      : NULL;

	return n && JSON_NODE_HOLDS_VALUE(n) ? json_node_get_double(n) : NAN;
}

/* The paired difference B − A of a cost, NULL when not two scenarios. */
static const MdlPaired *cost_paired(const MdlCompareTable *c, MdlPairedCost f)
{
	return c->set->n == 2 && c->set->pairs ? mdl_compare_pairs_cost(c->set->pairs, 1, f)
				     : NULL;
}

/* A row of a cost (mean) with B − A and the better one (lower), decided
 * by the 95 % interval of the paired difference. */
static void cost_row(MdlCompareGrid *g, const MdlCompareTable *c, const char *label,
		     MdlPairedCost f)
{
	const char *key = mdl_paired_cost_name(f);
	double v[2] = { NAN, NAN };

	mdl_compare_grid_row(g);
	mdl_compare_grid_add(g, label);
	for (guint i = 0; i < c->set->n; i++) {
		double x = mdl_compare_play_cost_number(c->set->plays[i], key,
							"mean");
		if (i < 2)
			v[i] = x;
		mdl_compare_grid_take(g, mdl_compare_money(x));
	}
	if (c->set->n != 2)
		return;
	g_autofree char *d = mdl_compare_money(v[1] - v[0]);
	mdl_compare_grid_take(g, g_strdup_printf(
		"%s%s", v[1] - v[0] >= 0 ? "+" : "", d));
	const MdlPaired *p = cost_paired(c, f);
	mdl_compare_grid_add(g, p && isfinite(v[0]) && isfinite(v[1])
					? mdl_paired_verdict(p, -1)
					: "");
}

static char *money_interval(double lo, double hi)
{
	if (!isfinite(lo) || !isfinite(hi))	/* one replication */
		return g_strdup("-");
	g_autofree char *l = mdl_compare_money(lo);
	g_autofree char *h = mdl_compare_money(hi);
	return g_strdup_printf("[%s, %s]", l, h);
}

/* The 95 % interval of a cost under its row: each scenario's (none for
 * the incidents cost), and that of the paired difference. */
static void cost_ci_row(MdlCompareGrid *g, const MdlCompareTable *c,
			MdlPairedCost f)
{
	const MdlPaired *p = cost_paired(c, f);

	if (f == MDL_PAIRED_COST_INCIDENTS && !p)
		return;
	mdl_compare_grid_row(g);
	mdl_compare_grid_add(g, "  95% CI");
	for (guint i = 0; i < c->set->n; i++) {
		JsonObject *o = json_object_get_object_member(
			mdl_compare_play_cost(c->set->plays[i]),
			mdl_paired_cost_name(f));
		JsonArray *a = json_object_has_member(o, "ci95")
				       ? json_object_get_array_member(o, "ci95")
				       : NULL;
		mdl_compare_grid_take(g, money_interval(ci_bound(a, 0),
							ci_bound(a, 1)));
	}
	if (!p)
		return;
	g_autofree char *l = NULL, *h = NULL;
	if (!isfinite(p->lo) || !isfinite(p->hi)) {
		mdl_compare_grid_add(g, "-");
		return;
	}
	l = mdl_compare_money(p->lo);
	h = mdl_compare_money(p->hi);
	mdl_compare_grid_take(g, g_strdup_printf("[%s%s, %s%s]",
						 p->lo >= 0 ? "+" : "", l,
						 p->hi >= 0 ? "+" : "", h));
}

/* TRUE when a scenario states a budget key (MdlCosts.budget): the net
 * present value is then shown. */
static gboolean any_budget(const MdlCompareTable *c)
{
	for (guint i = 0; i < c->set->n; i++)
		if (c->set->plays[i]->sc->costs &&
		    c->set->plays[i]->sc->costs->budget)
			return TRUE;
	return FALSE;
}

/* "Cost over the horizon": total and incidents per scenario (and the net
 * present value when budgeted), and the year their cumulative costs
 * cross (two scenarios). */
static void table_cost(GString *s, const MdlCompareTable *c)
{
	g_autoptr(MdlCompareGrid) g = NULL;
	gboolean b_cheaper = FALSE;
	guint year;

	if (!mdl_compare_all_costed(c->set))
		return;
	g = mdl_compare_grid_new();
	g_string_append_printf(
		s, "\nCost over the horizon (%s)\n",
		json_object_get_string_member(
			mdl_compare_play_cost(c->set->plays[0]), "currency"));
	grid_header(g, c);
	cost_row(g, c, "total cost", MDL_PAIRED_COST_TOTAL);
	cost_ci_row(g, c, MDL_PAIRED_COST_TOTAL);
	cost_row(g, c, "incidents cost", MDL_PAIRED_COST_INCIDENTS);
	cost_ci_row(g, c, MDL_PAIRED_COST_INCIDENTS);
	if (any_budget(c)) {
		cost_row(g, c, "net present value", MDL_PAIRED_COST_NPV);
		cost_ci_row(g, c, MDL_PAIRED_COST_NPV);
	}
	mdl_compare_grid_render(g, s, "  ");
	if (c->set->n != 2)
		return;
	year = mdl_compare_cost_crossing(c->set, &b_cheaper);
	if (year == 0)
		g_string_append(s, "  cost: no crossing over the horizon\n");
	else
		g_string_append_printf(s, "  cost: %c becomes cheaper than %c "
					  "in year %u\n", b_cheaper ? 'B' : 'A',
				       b_cheaper ? 'A' : 'B', year);
}

/* Which scenarios have each service that is not in all of them. */
static void table_partial(GString *s, const MdlCompareTable *c)
{
	if (c->set->partial->len == 0)
		return;
	g_string_append(s, "\nNot in every scenario, not compared:");
	for (guint k = 0; k < c->set->partial->len; k++) {
		const char *id = g_ptr_array_index(c->set->partial, k);
		g_string_append_printf(s, "%s %s (in", k ? "," : "", id);
		for (guint i = 0; i < c->set->n; i++)
			if (mdl_scenario_find_service(c->set->plays[i]->sc, id) >= 0)
				g_string_append_printf(s, " %c",
						       scenario_letter(i));
		g_string_append_c(s, ')');
	}
	g_string_append_c(s, '\n');
}

char *mdl_compare_table(const MdlCompareTable *c)
{
	GString *s = g_string_new(NULL);

	table_header(s, c);
	for (guint k = 0; k < c->set->common->len; k++)
		table_service(s, c, k);
	table_cost(s, c);
	table_partial(s, c);
	return g_string_free(s, FALSE);
}
