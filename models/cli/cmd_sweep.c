/* cmd_sweep.c — `drsim sweep SCENARIO --set KEY=V1,V2,... [...]`: plays
 * a scenario at every point of a grid of values, all points with the same
 * replications and seed (common random numbers), and reports the main
 * figures point by point, and what each point costs when the scenario
 * has costs (docs/output.md, "sweep"). */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <glib.h>
#include <glib/gstdio.h>

#include "models/cli/commands.h"
#include "models/cli/options.h"
#include "models/report/compare_text.h"
#include "models/report/fileset.h"
#include "models/results/compare.h"
#include "models/report/plots.h"
#include "sim/cli.h"
#include "sim/units.h"

/* The figures of each service in the table, JSON aside, and sweep.dat. */
static const MdlFigure shown[] = {
	MDL_FIGURE_AVAILABILITY, MDL_FIGURE_RTO_P95, MDL_FIGURE_RPO_P95,
	MDL_FIGURE_BOTH_MET, MDL_FIGURE_BREACH, MDL_FIGURE_DATA_LOSS,
};

/* A swept parameter: --set KEY=V1,V2,... */
typedef struct {
	char *key;
	char **values;		/* as given, NULL-terminated */
	guint n;		/* >= 2 */
	guint set;		/* its index among the --set */
	gboolean numeric;	/* every value a plain number */
} Axis;

typedef struct {
	MdlCompareOptions o;
	const char *prog;
	Axis *axes;
	guint n_axes;
	guint n_points;
	MdlComparePlay **plays;	/* [n_points] */
	GPtrArray *services;	/* ids of point 0's services (borrowed) */
	gboolean costed;	/* point 0's scenario has costs */
	char **canon;		/* the canonical options */
	MdlBatch *batch;	/* where the results come from */
} Sweep;

static void sweep_clear(Sweep *w)
{
	for (guint a = 0; a < w->n_axes; a++) {
		g_free(w->axes[a].key);
		g_strfreev(w->axes[a].values);
	}
	g_free(w->axes);
	for (guint p = 0; w->plays && p < w->n_points; p++)
		mdl_compare_play_free(w->plays[p]);
	g_free(w->plays);
	if (w->services)
		g_ptr_array_unref(w->services);
	mdl_batch_free(w->batch);
	g_strfreev(w->canon);
	mdl_compare_options_clear(&w->o);
}

/* -- the grid ------------------------------------------------------------- */

/* A value that is a plain number, as gnuplot can read it. */
static gboolean is_number(const char *s)
{
	char *end;
	double x = g_ascii_strtod(s, &end);

	return end != s && *end == '\0' && !g_ascii_isspace(*s) &&
	       isfinite(x);
}

/* The values of a swept --set: a value with a comma, unless it is a
 * libconfig group, array or list, whose commas are its own. */
static char **swept_values(const char *set)
{
	const char *eq = strchr(set, '=');

	if (!eq || !strchr(eq + 1, ',') || strchr("{[(", eq[1]))
		return NULL;
	return g_strsplit(eq + 1, ",", -1);
}

static gboolean axis_init(Axis *x, const char *set, char **values,
			  guint index, GError **error)
{
	x->key = g_strndup(set, (gsize)(strchr(set, '=') - set));
	x->values = values;
	x->n = g_strv_length(values);
	x->set = index;
	x->numeric = TRUE;
	for (guint i = 0; i < x->n; i++) {
		if (!*values[i])
			return mdl_cli_usage(error, "--set %s: empty value in a sweep",
				     set);
		x->numeric &= is_number(values[i]);
	}
	return TRUE;
}

/* The swept --set, in the order given, and the number of points. */
static gboolean find_axes(Sweep *w, GError **error)
{
	guint n_sets = w->o.sets ? g_strv_length(w->o.sets) : 0;
	guint64 points = 1;

	w->axes = g_new0(Axis, n_sets);
	for (guint i = 0; i < n_sets; i++) {
		char **values = swept_values(w->o.sets[i]);
		if (!values)
			continue;
		Axis *x = &w->axes[w->n_axes++];
		if (!axis_init(x, w->o.sets[i], values, i, error))
			return FALSE;
		points *= x->n;
		if (points > G_MAXUINT / 2)
			return mdl_cli_usage(error, "--set %s: too many points",
				     w->o.sets[i]);
	}
	if (w->n_axes == 0)
		return mdl_cli_usage(error, "expected --set KEY=V1,V2,... to sweep "
				    "(see --help)");
	w->n_points = (guint)points;
	return TRUE;
}

/* Index of axis a's value at point p: the last axis varies fastest. */
static guint value_index(const Sweep *w, guint p, guint a)
{
	for (guint b = w->n_axes - 1; b > a; b--)
		p /= w->axes[b].n;
	return p % w->axes[a].n;
}

static const char *value_at(const Sweep *w, guint p, guint a)
{
	return w->axes[a].values[value_index(w, p, a)];
}

/* "KEY=V, KEY2=W" of point p, for messages. */
static char *point_text(const Sweep *w, guint p)
{
	GString *s = g_string_new(NULL);

	for (guint a = 0; a < w->n_axes; a++)
		g_string_append_printf(s, "%s%s=%s", a ? ", " : "",
				       w->axes[a].key, value_at(w, p, a));
	return g_string_free(s, FALSE);
}

/* The --set of point p: each swept one replaced by its value there, in
 * place, so that the order of the overrides is the command line's. */
static char **point_sets(const Sweep *w, guint p)
{
	g_auto(GStrv) sets = g_strdupv(w->o.sets);

	for (guint a = 0; a < w->n_axes; a++) {
		g_free(sets[w->axes[a].set]);
		sets[w->axes[a].set] = g_strdup_printf(
			"%s=%s", w->axes[a].key, value_at(w, p, a));
	}
	return mdl_compare_options_sets(&w->o, (const char *const *)sets,
					NULL);
}

/* Every point, loaded before any is played: a bad value anywhere fails
 * before the first run. */
static gboolean load_points(Sweep *w, GError **error)
{
	w->plays = g_new0(MdlComparePlay *, w->n_points);
	for (guint p = 0; p < w->n_points; p++) {
		g_auto(GStrv) sets = point_sets(w, p);
		GError *e = NULL;
		MdlScenario *sc = mdl_scenario_load(
			w->o.args[0], (const char *const *)sets, &e);
		if (!sc) {
			g_autofree char *at = point_text(w, p);
			g_set_error(error, MDL_SCENARIO_ERROR,
				    MDL_SCENARIO_ERROR_INVALID,
				    "%s\n%s: at point %u (%s), one of points 0 "
				    "to %u", e->message, w->prog, p, at,
				    w->n_points - 1);
			g_error_free(e);
			return FALSE;
		}
		w->plays[p] = mdl_compare_play_new(sc);
	}
	w->services = g_ptr_array_new();
	for (guint k = 0; k < w->plays[0]->sc->n_services; k++)
		g_ptr_array_add(w->services, w->plays[0]->sc->services[k].id);
	w->costed = w->plays[0]->sc->costs != NULL;
	return TRUE;
}

/* The batch of the points (batch.h): local, a shard, a merge or MPI;
 * a sweep writes no incident rows. */
static gboolean batch_new(Sweep *w, GError **error)
{
	w->canon = mdl_compare_options_canonical(&w->o);
	w->batch = mdl_batch_new("sweep", (const char *const *)w->canon,
				 (unsigned)w->o.threads);
	if (w->o.shard &&
	    !mdl_batch_set_shard(w->batch, w->o.shard_index, w->o.shard_count,
				 w->o.out, error))
		return FALSE;
	for (guint p = 0; p < w->n_points; p++) {
		g_auto(GStrv) sets = point_sets(w, p);
		MdlComparePlay *play = w->plays[p];
		if (!mdl_batch_add(w->batch, play->sc, play->labels,
				   w->o.args[0], (const char *const *)sets,
				   0, error))
			return FALSE;
	}
	return TRUE;
}

static gboolean play_all(Sweep *w, GError **error)
{
	for (guint p = 0; p < w->n_points; p++) {
		MdlRunInfo info;
		MdlResults *r = mdl_batch_results(w->batch, p, NULL, NULL,
						  &info, error);
		if (!r) {
			g_autofree char *at = point_text(w, p);
			if ((*error)->domain != MDL_SHARD_ERROR)
				g_prefix_error(error, "%s (point %u: %s): ",
					       w->o.args[0], p, at);
			return FALSE;
		}
		mdl_compare_play_take(w->plays[p], r, &info);
	}
	return TRUE;
}

/* -- table ---------------------------------------------------------------- */

static void table_header(GString *s, const Sweep *w)
{
	const MdlScenario *sc = w->plays[0]->sc;
	guint64 events = 0;
	double wall_s = 0;
	char horizon[32];

	for (guint p = 0; p < w->n_points; p++) {
		events += w->plays[p]->results->events;
		wall_s += w->plays[p]->info.wall_s;
	}
	sim_format_duration(sc->horizon_h, horizon, sizeof horizon);
	g_string_append_printf(s, "drsim %s — sweep of %s (%s)\n",
			       DRSIM_VERSION, sc->name, w->o.args[0]);
	g_string_append_printf(
		s, "%u points, %" G_GUINT64_FORMAT " replication%s of %s, "
		   "seed %" G_GUINT64_FORMAT " at every point, %d threads, %"
		   G_GUINT64_FORMAT " events in %.2f s\n\n",
		w->n_points, sc->replications,
		sc->replications == 1 ? "" : "s", horizon, sc->seed,
		w->o.threads, events, wall_s);
}

/* Two header rows: "cost" and the services over their first column,
 * then the swept keys, the total cost and the figures. */
static void table_titles(MdlCompareGrid *g, const Sweep *w)
{
	mdl_compare_grid_row(g);
	for (guint a = 0; a <= w->n_axes; a++)
		mdl_compare_grid_add(g, "");
	if (w->costed)
		mdl_compare_grid_add(g, "cost");
	for (guint k = 0; k < w->services->len; k++)
		for (guint f = 0; f < G_N_ELEMENTS(shown); f++)
			mdl_compare_grid_add(
				g, f ? "" : g_ptr_array_index(w->services, k));
	mdl_compare_grid_row(g);
	mdl_compare_grid_add(g, "point");
	for (guint a = 0; a < w->n_axes; a++)
		mdl_compare_grid_add(g, w->axes[a].key);
	if (w->costed)
		mdl_compare_grid_add(g, "total cost");
	for (guint k = 0; k < w->services->len; k++)
		for (guint f = 0; f < G_N_ELEMENTS(shown); f++)
			mdl_compare_grid_add(g, mdl_figure_label(shown[f]));
}

static char *report_table(const Sweep *w)
{
	GString *s = g_string_new(NULL);
	g_autoptr(MdlCompareGrid) g = mdl_compare_grid_new();

	table_header(s, w);
	table_titles(g, w);
	for (guint p = 0; p < w->n_points; p++) {
		mdl_compare_grid_row(g);
		mdl_compare_grid_take(g, g_strdup_printf("%u", p));
		for (guint a = 0; a < w->n_axes; a++)
			mdl_compare_grid_add(g, value_at(w, p, a));
		if (w->costed)
			mdl_compare_grid_take(
				g, mdl_compare_money(mdl_compare_play_cost_number(
					   w->plays[p], "total", "mean")));
		for (guint k = 0; k < w->services->len; k++) {
			JsonObject *sv = mdl_compare_play_service(
				w->plays[p], g_ptr_array_index(w->services, k));
			for (guint f = 0; f < G_N_ELEMENTS(shown); f++) {
				double x = sv ? mdl_figure_value(shown[f], sv)
					      : NAN;
				mdl_compare_grid_take(
					g, mdl_figure_text(shown[f], x));
			}
		}
	}
	mdl_compare_grid_render(g, s, "");
	return g_string_free(s, FALSE);
}

/* -- JSON and CSV --------------------------------------------------------- */

/* Adds "name": member key of o, copied (null when o has none). */
static void json_copy(JsonBuilder *b, const char *name, JsonObject *o,
		      const char *key)
{
	JsonNode *n = o ? json_object_get_member(o, key) : NULL;

	json_builder_set_member_name(b, name);
	json_builder_add_value(b, n ? json_node_copy(n)
				    : json_node_new(JSON_NODE_NULL));
}

/* "cost": null without costs, else the main figures of the point's
 * "cost" object: currency, the total's mean, interval and percentiles,
 * the fixed and incidents means. */
static void json_cost(JsonBuilder *b, const Sweep *w, guint p)
{
	static const char *const total[] = { "mean", "ci95", "p5", "p50",
					     "p95" };
	JsonObject *cost = mdl_compare_play_cost(w->plays[p]);

	json_builder_set_member_name(b, "cost");
	if (!cost) {
		json_builder_add_null_value(b);
		return;
	}
	/* a report with costs has these three objects (docs/output.md) */
	json_builder_begin_object(b);
	json_copy(b, "currency", cost, "currency");
	json_builder_set_member_name(b, "total");
	json_builder_begin_object(b);
	for (guint i = 0; i < G_N_ELEMENTS(total); i++)
		json_copy(b, total[i],
			  json_object_get_object_member(cost, "total"),
			  total[i]);
	json_builder_end_object(b);
	json_copy(b, "fixed", json_object_get_object_member(cost, "fixed"),
		  "mean");
	json_copy(b, "incidents",
		  json_object_get_object_member(cost, "incidents"), "mean");
	json_builder_end_object(b);
}

static void json_point(JsonBuilder *b, const Sweep *w, guint p)
{
	JsonArray *services = mdl_compare_play_services(w->plays[p]);

	json_builder_begin_object(b);
	json_builder_set_member_name(b, "values");
	json_builder_begin_array(b);
	for (guint a = 0; a < w->n_axes; a++)
		json_builder_add_string_value(b, value_at(w, p, a));
	json_builder_end_array(b);
	json_cost(b, w, p);
	json_builder_set_member_name(b, "services");
	json_builder_add_value(b, json_node_init_array(json_node_alloc(),
						       services));
	json_builder_end_object(b);
}

static char *report_json(const Sweep *w)
{
	g_autoptr(JsonBuilder) b = json_builder_new();
	const MdlScenario *sc = w->plays[0]->sc;

	json_builder_begin_object(b);
	mdl_compare_json_version(b);
	json_builder_set_member_name(b, "scenario");
	json_builder_begin_object(b);
	json_builder_set_member_name(b, "name");
	json_builder_add_string_value(b, sc->name);
	json_builder_set_member_name(b, "file");
	json_builder_add_string_value(b, sc->file);
	json_builder_end_object(b);
	json_builder_set_member_name(b, "seed");
	json_builder_add_int_value(b, (gint64)sc->seed);
	json_builder_set_member_name(b, "replications");
	json_builder_add_int_value(b, (gint64)sc->replications);
	json_builder_set_member_name(b, "parameters");
	json_builder_begin_array(b);
	for (guint a = 0; a < w->n_axes; a++)
		json_builder_add_string_value(b, w->axes[a].key);
	json_builder_end_array(b);
	json_builder_set_member_name(b, "points");
	json_builder_begin_array(b);
	for (guint p = 0; p < w->n_points; p++)
		json_point(b, w, p);
	json_builder_end_array(b);
	mdl_compare_json_run(b, w->plays, w->n_points);
	json_builder_end_object(b);
	return mdl_compare_json_text(b);
}

/* A header field of the CSV: quoted only when it must be. */
static void csv_name(GString *s, const char *name)
{
	if (strpbrk(name, ",\"\n"))
		mdl_compare_csv_text(s, name);
	else
		g_string_append(s, name);
}

/* The runs' CSV rows, each prefixed by its point and values. */
static char *report_csv(const Sweep *w)
{
	GString *s = g_string_new("point");

	for (guint a = 0; a < w->n_axes; a++) {
		g_string_append_c(s, ',');
		csv_name(s, w->axes[a].key);
	}
	for (guint p = 0; p < w->n_points; p++) {
		MdlComparePlay *x = w->plays[p];
		g_autofree char *csv = mdl_report(x->sc, x->results, &x->info,
						  MDL_FORMAT_CSV);
		g_auto(GStrv) lines = mdl_compare_csv_lines(csv);
		if (p == 0)
			g_string_append_printf(s, ",%s\n", lines[0]);
		for (guint k = 1; lines[k] && *lines[k]; k++) {
			g_string_append_printf(s, "%u", p);
			for (guint a = 0; a < w->n_axes; a++) {
				g_string_append_c(s, ',');
				mdl_compare_csv_text(s, value_at(w, p, a));
			}
			g_string_append_printf(s, ",%s\n", lines[k]);
		}
	}
	return g_string_free(s, FALSE);
}

/* -- files of --out ------------------------------------------------------- */

/* The column names, first line of the file: a swept key whose values
 * are not all plain numbers is written as the index of its value, and
 * its legend given in a comment. */
static void dat_header(GString *s, const Sweep *w)
{
	g_string_append(s, "# point");
	for (guint a = 0; a < w->n_axes; a++)
		g_string_append_printf(s, " %s%s", w->axes[a].key,
				       w->axes[a].numeric ? "" : "_index");
	if (w->costed)
		g_string_append(s, " cost_total_mean cost_total_p5 "
				   "cost_total_p95");
	for (guint k = 0; k < w->services->len; k++)
		for (guint f = 0; f < G_N_ELEMENTS(shown); f++)
			g_string_append_printf(
				s, " %s_%s",
				(const char *)g_ptr_array_index(w->services, k),
				mdl_figure_column(shown[f]));
	g_string_append_printf(s, "\n# sweep.dat — drsim sweep of %s: one "
				  "row per point, the first key varying "
				  "slowest\n",
			       w->o.args[0]);
	for (guint a = 0; a < w->n_axes; a++) {
		if (w->axes[a].numeric)
			continue;
		g_string_append_printf(s, "# %s_index:", w->axes[a].key);
		for (guint i = 0; i < w->axes[a].n; i++)
			g_string_append_printf(s, " %u=%s", i,
					       w->axes[a].values[i]);
		g_string_append_c(s, '\n');
	}
}

static char *sweep_dat(const Sweep *w)
{
	/* the fields of cost.total in the columns cost_total_FIELD */
	static const char *const dat_cost[] = { "mean", "p5", "p95" };
	GString *s = g_string_new(NULL);

	dat_header(s, w);
	for (guint p = 0; p < w->n_points; p++) {
		g_string_append_printf(s, "%u", p);
		for (guint a = 0; a < w->n_axes; a++) {
			if (w->axes[a].numeric)
				g_string_append_printf(s, " %s",
						       value_at(w, p, a));
			else
				g_string_append_printf(s, " %u",
						       value_index(w, p, a));
		}
		for (guint i = 0; w->costed && i < G_N_ELEMENTS(dat_cost); i++)
			mdl_compare_dat_number(
				s, mdl_compare_play_cost_number(
					   w->plays[p], "total", dat_cost[i]));
		for (guint k = 0; k < w->services->len; k++) {
			JsonObject *sv = mdl_compare_play_service(
				w->plays[p], g_ptr_array_index(w->services, k));
			for (guint f = 0; f < G_N_ELEMENTS(shown); f++)
				mdl_compare_dat_number(
					s, sv ? mdl_figure_value(shown[f], sv)
					      : NAN);
		}
		g_string_append_c(s, '\n');
	}
	return g_string_free(s, FALSE);
}

/* -- charts ------------------------------------------------------------- */

/* Appends text to a quoted gnuplot string, without its quotes and
 * backslashes. */
static void gp_text(GString *s, const char *text)
{
	for (const char *c = text; *c; c++)
		if (*c != '"' && *c != '\\')
			g_string_append_c(s, *c);
}

/* A point's label for the x axis: its swept values, joined by commas. */
static char *point_label(const Sweep *w, guint p)
{
	GString *s = g_string_new(NULL);

	for (guint a = 0; a < w->n_axes; a++) {
		gp_text(s, value_at(w, p, a));
		if (a + 1 < w->n_axes)
			g_string_append_c(s, ',');
	}
	return g_string_free(s, FALSE);
}

/* The datablock $T of service id's RTO and RPO targets at each point,
 * then the x axis: the points' labels. */
static void gp_points(GString *s, const Sweep *w, const char *id)
{
	g_string_append(s, "$T << EOD\n");
	for (guint p = 0; p < w->n_points; p++) {
		JsonObject *sv = mdl_compare_play_service(w->plays[p], id);
		double rt = sv ? mdl_figure_value(MDL_FIGURE_RTO_TARGET, sv)
			       : NAN;
		double pt = sv ? mdl_figure_value(MDL_FIGURE_RPO_TARGET, sv)
			       : NAN;
		g_string_append_printf(s, "%u", p);
		mdl_compare_dat_number(s, isfinite(rt) ? rt : NAN);
		mdl_compare_dat_number(s, isfinite(pt) ? pt : NAN);
		g_string_append_c(s, '\n');
	}
	g_string_append(s, "EOD\nset xtics (");
	for (guint p = 0; p < w->n_points; p++) {
		g_autofree char *label = point_label(w, p);
		g_string_append_printf(s, "%s\"%s\" %u", p ? ", " : "", label,
				       p);
	}
	g_string_append_printf(s, ")\nset xrange [-0.5:%u.5]\n",
			       w->n_points - 1);
}

/* One panel: column col of sweep.dat against the point, with a target per
 * point (datablock $T, column 2 or 3) when tcol > 0. */
static void gp_panel(GString *s, const char *title, const char *ylabel,
		     guint col, guint tcol, gboolean percent)
{
	g_string_append_printf(s, "  set title \"%s\"\n  set ylabel \"%s\"\n",
			       title, ylabel);
	g_string_append_printf(s, "  plot \"sweep.dat\" using 1:(%s$%u) with "
				  "linespoints lw 2 pt 7 title \"%s\"",
			       percent ? "100*" : "", col, title);
	if (tcol)
		g_string_append_printf(s, ", $T using 1:%u with lines dt 2 "
					  "lw 2 lc rgb \"black\" title "
					  "\"target\"", tcol);
	g_string_append_c(s, '\n');
}

/* The panel of the total cost, in millions of point 0's currency: the
 * mean of each point (column col of sweep.dat), its p5 and p95 (the two
 * next columns) as error bars. */
static void gp_cost_panel(GString *s, const Sweep *w, guint col)
{
	JsonObject *cost = mdl_compare_play_cost(w->plays[0]);
	JsonNode *n = cost ? json_object_get_member(cost, "currency") : NULL;
	const char *cur = n ? json_node_get_string(n) : NULL;

	g_string_append(s, "  set title \"total cost\"\n"
			   "  set ylabel \"millions of ");
	gp_text(s, cur ? cur : "the currency");
	g_string_append_printf(s, "\"\n  plot \"sweep.dat\" using "
				  "1:($%u/1e6):($%u/1e6):($%u/1e6) with "
				  "yerrorlines lw 2 pt 7 title \"total cost "
				  "(mean, 5–95 %%)\"\n",
			       col, col + 1, col + 2);
}

/* sweep_SERVICE.gp: four panels against the swept points — availability,
 * RTO p95 and RPO p95 with their targets, probability of a breach in a
 * year — and a fifth, the total cost, when the scenario has costs. */
static char *gp_sweep(const Sweep *w, guint k)
{
	const char *id = g_ptr_array_index(w->services, k);
	guint costs = 2 + w->n_axes;
	guint base = costs + (w->costed ? 3 : 0) +
		     k * (guint)G_N_ELEMENTS(shown);
	const char *size = w->costed ? "1500,800" : "1200,800";
	GString *s = g_string_new(NULL);

	g_string_append_printf(s, "# drsim sweep: the figures of service %s "
				  "against the swept points.\n# Render: cd DIR "
				  "&& gnuplot sweep_%s.gp\nset encoding utf8\n"
				  "set grid\nset key below\n",
			       id, id);
	gp_points(s, w, id);
	g_string_append_printf(
		s, "do for [fmt in \"png svg\"] {\n"
		   "  if (fmt eq \"png\") { set terminal pngcairo size %s "
		   "font \",10\" noenhanced; set output \"sweep_%s.png\" }\n"
		   "  else { set terminal svg size %s font \",10\" "
		   "noenhanced; set output \"sweep_%s.svg\" }\n"
		   "  set multiplot layout 2,%u title \"%s: sweep of %s\"\n",
		size, id, size, id, w->costed ? 3 : 2, id, w->axes[0].key);
	gp_panel(s, "availability", "availability (%)", base, 0, TRUE);
	gp_panel(s, "RTO p95", "hours", base + 1, 2, FALSE);
	gp_panel(s, "RPO p95", "hours", base + 2, 3, FALSE);
	gp_panel(s, "breach in a year", "probability (%)", base + 4, 0, TRUE);
	if (w->costed)
		gp_cost_panel(s, w, costs);
	g_string_append(s, "  unset multiplot\n}\n");
	return g_string_free(s, FALSE);
}

static gboolean write_charts(const Sweep *w, GPtrArray *scripts,
			     MdlFileSet *set, GError **error)
{
	for (guint k = 0; k < w->services->len; k++) {
		g_autofree char *gp = gp_sweep(w, k);
		char *name = g_strdup_printf(
			"sweep_%s.gp",
			(const char *)g_ptr_array_index(w->services, k));
		g_ptr_array_add(scripts, name);
		if (!mdl_fileset_write(set, w->o.out, name, gp, error))
			return FALSE;
	}
	return TRUE;
}

/* Each point's summary.json, then sweep.dat, then sweep.json last, all
 * or nothing (fileset.h): a DIR holding sweep.json is complete. */
static gboolean write_out(const Sweep *w, const char *json,
			  GPtrArray *scripts, GError **error)
{
	g_autofree char *dat = sweep_dat(w);
	g_autoptr(MdlFileSet) set = mdl_fileset_new();

	for (guint p = 0; p < w->n_points; p++) {
		g_autofree char *name = g_strdup_printf("point-%03u", p);
		g_autofree char *dir = g_build_filename(w->o.out, name, NULL);
		g_autofree char *summary =
			mdl_report_json_text(w->plays[p]->root);
		if (!mdl_fileset_write(set, dir, "summary.json", summary,
				       error))
			return FALSE;
	}
	return mdl_fileset_write(set, w->o.out, "sweep.dat", dat, error) &&
	       write_charts(w, scripts, set, error) &&
	       mdl_fileset_write(set, w->o.out, "sweep.json", json, error) &&
	       mdl_fileset_commit(set, error);
}

/* -- the command ---------------------------------------------------------- */

static int report(const Sweep *w)
{
	g_autofree char *json = report_json(w);
	g_autofree char *text = NULL;
	g_autoptr(GPtrArray) scripts = g_ptr_array_new_with_free_func(g_free);
	GError *error = NULL;

	if (w->o.format == MDL_FORMAT_TABLE)
		text = report_table(w);
	else if (w->o.format == MDL_FORMAT_CSV)
		text = report_csv(w);
	fputs(text ? text : json, stdout);
	fflush(stdout);
	if (w->o.out && !write_out(w, json, scripts, &error)) {
		fprintf(stderr, "%s: %s\n", w->prog, error->message);
		g_error_free(error);
		return SIM_EXIT_FAILED;
	}
	if (w->o.plot)
		return mdl_cli_render(w->prog, w->o.out, scripts);
	return SIM_EXIT_OK;
}

static gboolean parse(Sweep *w, int argc, char **argv, GError **error)
{
	if (!mdl_compare_options_parse(
		    &w->o, argc, argv, "SCENARIO",
		    "Plays the scenario at every point of a grid: each --set "
		    "whose value has\ncommas (KEY=V1,V2,...) is swept, the "
		    "points being every combination, the\nfirst swept key "
		    "varying slowest.  Every point has the same replications\n"
		    "and seed.  A value starting with {, [ or ( is never "
		    "split.  With --out\nDIR, also writes DIR/sweep.dat, "
		    "DIR/sweep.json and DIR/point-NNN/summary.json.",
		    error))
		return FALSE;
	if (!w->o.args || !w->o.args[0] || w->o.args[1])
		return mdl_cli_usage(error, "expected one scenario file (see --help)");
	return find_axes(w, error);
}

/* Every step up to the report; the exit code, with error set on failure
 * (the report's own failures are printed by report()). */
static int sweep(Sweep *w, int argc, char **argv, GError **error)
{
	if (!parse(w, argc, argv, error) || !load_points(w, error))
		return SIM_EXIT_USAGE;
	if (!batch_new(w, error))
		return mdl_batch_exit_code(*error);
	if (mdl_batch_reports(w->batch) && w->o.out &&
	    !mdl_compare_dir_ready(w->o.out, "sweep.json", error))
		return SIM_EXIT_FAILED;
	if (!mdl_batch_start(w->batch, error))
		return mdl_batch_exit_code(*error);
	if (!mdl_batch_reports(w->batch)) {
		if (mdl_batch_note(w->batch))
			printf("%s\n", mdl_batch_note(w->batch));
		return SIM_EXIT_OK;
	}
	if (!play_all(w, error)) {
		mdl_cli_interrupted(w->prog, error);
		return mdl_batch_exit_code(*error);
	}
	return report(w);
}

int mdl_cmd_sweep(int argc, char **argv)
{
	Sweep w = { .o = MDL_COMPARE_OPTIONS_INIT, .prog = argv[0] };
	GError *error = NULL;
	int code = sweep(&w, argc, argv, &error);

	/* the loader's and the run's messages name their file already */
	if (error && (error->domain == MDL_COMPARE_ERROR ||
		      error->domain == G_OPTION_ERROR ||
		      error->domain == MDL_SHARD_ERROR))
		fprintf(stderr, "%s: %s\n", w.prog, error->message);
	else if (error)
		fprintf(stderr, "%s\n", error->message);
	g_clear_error(&error);
	sweep_clear(&w);
	return code;
}
