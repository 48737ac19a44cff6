/* compare_plots.c — the overlaid charts of `drsim compare --out DIR`: the
 * data (compare_rto_cdf, compare_rpo_cdf, compare_availability and
 * compare_cost_year .dat) and the gnuplot scripts (.gp) drawing every
 * scenario on one chart, and their rendering with --plot
 * (docs/output.md, "compare").  The contract is compare_plots.h. */
#include "models/report/compare_plots.h"

#include <math.h>
#include <stdio.h>

#include "sim/units.h"

/* -- data ----------------------------------------------------------------- */

/* A label as one field of a .dat file (blanks and '#' made '_'), after
 * a blank unless it starts the line. */
static void dat_word(GString *s, const char *w)
{
	if (s->len > 0 && s->str[s->len - 1] != '\n')
		g_string_append_c(s, ' ');
	for (; *w; w++)
		g_string_append_c(s, g_ascii_isspace(*w) || *w == '#' ? '_'
								      : *w);
}

/* The quantile function of one sketch as "x q" rows, q = 0.001 ...
 * 0.999; one "NaN NaN" row when empty, so that the data set still counts
 * for gnuplot's index. */
static void cdf_block(GString *s, const SimSketch *sk)
{
	if (sim_sketch_count(sk) == 0) {
		g_string_append(s, "NaN NaN\n");
		return;
	}
	for (int k = 1; k < 1000; k++) {
		double q = k / 1000.0;
		mdl_compare_dat_number(s, sim_sketch_quantile(sk, q));
		mdl_compare_dat_number(s, q);
		g_string_append_c(s, '\n');
	}
}

static char *dat_cdf(const MdlCompareSet *c, gboolean rto)
{
	GString *s = g_string_new(NULL);

	g_string_append_printf(
		s, "# %s cdf\n# compare_%s_cdf.dat — drsim compare: quantiles "
		   "of the achieved %s,\n# q = 0.001 ... 0.999, from the "
		   "sketch (relative error <= 1 %%); one data set\n# per "
		   "service and scenario, gnuplot index = service * %u + "
		   "scenario; one\n# NaN row when a scenario had no closed "
		   "incident of the service\n",
		rto ? "rto_h" : "rpo_h", rto ? "rto" : "rpo",
		rto ? "RTO" : "RPO (known ones)", c->n);
	for (guint k = 0; k < c->common->len; k++) {
		const char *id = g_ptr_array_index(c->common, k);
		for (guint i = 0; i < c->n; i++) {
			const MdlComparePlay *p = c->plays[i];
			gint sv = mdl_scenario_find_service(p->sc, id);
			const MdlServiceResults *r = &p->results->services[sv];
			if (k + i > 0)
				g_string_append(s, "\n\n");
			g_string_append(s, "# service");
			dat_word(s, id);
			g_string_append(s, " scenario");
			dat_word(s, c->labels[i]);
			g_string_append_c(s, '\n');
			cdf_block(s, rto ? r->rto_sketch : r->rpo_sketch);
		}
	}
	return g_string_free(s, FALSE);
}

static char *dat_availability(const MdlCompareSet *c)
{
	GString *s = g_string_new("# service scenario mean lo hi\n"
				  "# compare_availability.dat — drsim compare: "
				  "availability, mean and 95 % interval\n");
	double lo, hi;

	for (guint k = 0; k < c->common->len; k++) {
		const char *id = g_ptr_array_index(c->common, k);
		for (guint i = 0; i < c->n; i++) {
			JsonObject *sv =
				mdl_compare_play_service(c->plays[i], id);
			dat_word(s, id);
			dat_word(s, c->labels[i]);
			mdl_compare_dat_number(s, mdl_figure_value(
				MDL_FIGURE_AVAILABILITY, sv));
			mdl_figure_ci(MDL_FIGURE_AVAILABILITY, sv, &lo, &hi);
			mdl_compare_dat_number(s, lo);
			mdl_compare_dat_number(s, hi);
			g_string_append_c(s, '\n');
		}
	}
	return g_string_free(s, FALSE);
}

/* Cumulative cost by year, one data set per scenario: year 0 is what is
 * spent at t = 0. */
static char *dat_cost_year(const MdlCompareSet *c)
{
	GString *s = g_string_new(
		"# year cumulative_mean cumulative_p5 cumulative_p95\n"
		"# compare_cost_year.dat — drsim compare: cumulative cost at "
		"the end of each year slice,\n# mean and 5-95 % of "
		"replications; one data set per scenario (gnuplot index =\n"
		"# scenario); year 0: spent at t = 0\n");

	for (guint i = 0; i < c->n; i++) {
		const MdlComparePlay *p = c->plays[i];
		/* year 0 has no band: the spending at t = 0 itself */
		double at_start = mdl_compare_cost_year(p, 0, "mean");
		if (i > 0)
			g_string_append(s, "\n\n");
		g_string_append(s, "# scenario");
		dat_word(s, c->labels[i]);
		g_string_append_c(s, '\n');
		for (guint y = 0; y <= mdl_compare_cost_years(p); y++) {
			mdl_compare_dat_number(s, y);
			mdl_compare_dat_number(
				s, mdl_compare_cost_year(p, y, "mean"));
			mdl_compare_dat_number(
				s, y ? mdl_compare_cost_year(p, y, "p5")
				     : at_start);
			mdl_compare_dat_number(
				s, y ? mdl_compare_cost_year(p, y, "p95")
				     : at_start);
			g_string_append_c(s, '\n');
		}
	}
	return g_string_free(s, FALSE);
}

/* -- charts ------------------------------------------------------------- */

/* A text safe inside a gnuplot double-quoted string. */
static char *gp_text(const char *t)
{
	GString *s = g_string_new(NULL);

	for (; *t; t++) {
		if (*t == '"' || *t == '\\')
			g_string_append_c(s, '\\');
		g_string_append_c(s, *t);
	}
	return g_string_free(s, FALSE);
}

/* The terminal lines that render NAME to PNG and SVG (1200x800), text
 * as written (no enhanced-text markup: "_" is not a subscript). */
static void gp_outputs(GString *s, const char *name)
{
	g_string_append_printf(
		s, "do for [fmt in \"png svg\"] {\n"
		   "  if (fmt eq \"png\") { set terminal pngcairo size 1200,800 "
		   "font \",11\" noenhanced; set output \"%s.png\" }\n"
		   "  else { set terminal svg size 1200,800 font \",11\" "
		   "noenhanced; set output \"%s.svg\" }\n",
		   name, name);
}

/* One chart per service: the CDF of every scenario overlaid, the target
 * as a vertical line, the fraction met in the key. */
/* ", 2 lost for good" of a service's JSON, or "": a loss for good's RPO
 * (decades) is off the axis, so the key says it. */
static char *lost_for_good_text(JsonObject *sv)
{
	JsonObject *inc = json_object_get_object_member(sv, "incidents");
	gint64 n = json_object_get_int_member(inc, "lost_for_good");

	return n ? g_strdup_printf(", %" G_GINT64_FORMAT " lost for good", n)
		 : g_strdup("");
}

static char *gp_cdf(const MdlCompareSet *c, gboolean rto)
{
	const char *what = rto ? "RTO" : "RPO";
	MdlFigure target = rto ? MDL_FIGURE_RTO_TARGET : MDL_FIGURE_RPO_TARGET;
	MdlFigure met = rto ? MDL_FIGURE_RTO_MET : MDL_FIGURE_RPO_MET;
	GString *s = g_string_new(NULL);

	g_string_append_printf(s, "# drsim compare: achieved %s, empirical CDF "
				  "per service, scenarios overlaid.\n# Render: "
				  "cd DIR && gnuplot compare_%s_cdf.gp\n"
				  "set encoding utf8\nset grid\nset key bottom "
				  "right box opaque\nset logscale x\n"
				  "set xlabel \"achieved %s (hours, log scale)\"\n"
				  "set ylabel \"fraction of incidents\"\n"
				  "set yrange [0:1]\n",
			       what, rto ? "rto" : "rpo", what);
	for (guint k = 0; k < c->common->len; k++) {
		const char *id = g_ptr_array_index(c->common, k);
		JsonObject *a = mdl_compare_play_service(c->plays[0], id);
		double t = mdl_figure_value(target, a);
		g_autofree char *name = g_strdup_printf("compare_%s_cdf_%s",
							rto ? "rto" : "rpo", id);
		g_autofree char *sid = gp_text(id);
		gp_outputs(s, name);
		g_string_append_printf(s, "  unset arrow\n  set title \"%s: "
					  "achieved %s, %s\"\n", sid, what,
				       c->n == 2 ? "two scenarios" : "scenarios");
		if (isfinite(t) && t > 0)
			g_string_append_printf(
				s, "  set arrow from %g, graph 0 to %g, graph 1 "
				   "nohead dt 2 lw 2 lc rgb \"black\"\n"
				   "  set label 1 \"target %g h\" at %g, graph 0.03 "
				   "left offset 0.5,0\n", t, t, t, t);
		else
			g_string_append(s, "  unset label 1\n");
		g_string_append(s, "  plot ");
		for (guint i = 0; i < c->n; i++) {
			JsonObject *sv = mdl_compare_play_service(c->plays[i], id);
			double m = mdl_figure_value(met, sv);
			g_autofree char *lab = gp_text(c->labels[i]);
			g_autofree char *lost = rto ? g_strdup("")
						    : lost_for_good_text(sv);
			g_string_append_printf(
				s, "%s\"compare_%s_cdf.dat\" index %u using "
				   "($1 > 0 ? $1 : 1e-3):2 with lines lw 2 "
				   "title \"%s: %.1f %% within target%s\"",
				i ? ", \\\n       " : "", rto ? "rto" : "rpo",
				k * c->n + i, lab, isfinite(m) ? 100 * m : 0.0,
				lost);
		}
		g_string_append(s, "\n}\n");
	}
	return g_string_free(s, FALSE);
}

/* Availability of every service, the scenarios' bars side by side with
 * their 95 % intervals. */
static char *gp_availability(const MdlCompareSet *c)
{
	GString *s = g_string_new(
		"# drsim compare: availability per service, bars side by "
		"side, 95 % intervals.\n# Render: cd DIR && gnuplot "
		"compare_availability.gp\nset encoding utf8\n"
		"set title \"Availability per service (mean over replications, "
		"95 % interval)\"\n"
		"set ylabel \"availability (%)\"\nset grid ytics\n"
		"set style data histogram\nset style histogram errorbars gap 2 "
		"lw 1.5\nset style fill solid 0.7 border -1\n"
		"set key outside top center horizontal\nset xtics scale 0\n"
		"set format y \"%.2f\"\n");

	gp_outputs(s, "compare_availability");
	g_string_append(s, "  plot ");
	for (guint i = 0; i < c->n; i++) {
		g_autofree char *lab = gp_text(c->labels[i]);
		g_string_append_printf(
			s, "%s\"compare_availability.dat\" every %u::%u using "
			   "(100*$3):(100*$4):(100*$5):xtic(1) title \"%s\"",
			i ? ", \\\n       " : "", c->n, i, lab);
	}
	g_string_append(s, "\n}\n");
	return g_string_free(s, FALSE);
}

/* A short mark where a scenario that replaces a topology takes over. */
static void gp_in_service(GString *s, const MdlCompareSet *c)
{
	for (guint i = 0; i < c->n; i++) {
		const MdlScenario *si = c->plays[i]->sc;
		double x = si->in_service_h / SIM_HOURS_PER_YEAR;
		g_autofree char *lab = NULL;
		if (!si->replaces)
			continue;
		lab = gp_text(c->labels[i]);
		g_string_append_printf(s,
			"set arrow from %.6g, graph 0 to %.6g, graph 1 "
			"nohead dt 3 lw 2 lt %u\nset label %u \"%s in "
			"service\" at %.6g, graph %.2f left offset 0.5,0 "
			"tc lt %u\n",
			x, x, i + 1, 10 + i, lab, x, 0.80 - 0.06 * i, i + 1);
	}
}

/* The cumulative costs of the scenarios on one chart, each a band and
 * its mean; the crossing year marked. */
static char *gp_cost_year(const MdlCompareSet *c)
{
	gboolean b_cheaper = FALSE;
	guint year = mdl_compare_cost_crossing(c, &b_cheaper);
	g_autofree char *cur = gp_text(json_object_get_string_member(
		mdl_compare_play_cost(c->plays[0]), "currency"));
	GString *s = g_string_new(NULL);

	g_string_append_printf(s,
		"# drsim compare: cumulative cost by year, mean and 5-95 %% "
		"band per scenario.\n# Render: cd DIR && gnuplot "
		"compare_cost_year.gp\nset encoding utf8\nset grid\n"
		"set title \"Cumulative cost (mean, 5-95 %% of "
		"replications)\"\nset xlabel \"year of the horizon\"\n"
		"set ylabel \"cumulative cost (millions of %s)\"\n"
		"set key top left box opaque\nset yrange [0:*]\n"
		"set style fill transparent solid 0.15 noborder\n", cur);
	if (year)
		g_string_append_printf(s,
			"set arrow from %u, graph 0 to %u, graph 1 nohead dt 2 "
			"lw 2 lc rgb \"black\"\nset label 1 \"crossing: "
			"year %u\" at %u, graph 0.95 left offset 0.5,0\n",
			year, year, year, year);
	gp_in_service(s, c);
	gp_outputs(s, "compare_cost_year");
	g_string_append(s, "  plot ");
	for (guint i = 0; i < c->n; i++) {
		g_autofree char *lab = gp_text(c->labels[i]);
		g_string_append_printf(s,
			"%s\"compare_cost_year.dat\" index %u using "
			"1:($3/1e6):($4/1e6) with filledcurves lt %u "
			"notitle, \\\n       \"compare_cost_year.dat\" "
			"index %u using 1:($2/1e6) with linespoints lw 2 "
			"lt %u title \"%s\"",
			i ? ", \\\n       " : "", i, i + 1, i, i + 1, lab);
	}
	g_string_append(s, "\n}\n");
	return g_string_free(s, FALSE);
}

/* -- writing and rendering ------------------------------------------------ */

/* compare_cost_year.dat and .gp, when every scenario has costs. */
static gboolean write_cost(const MdlCompareSet *c, const char *out,
			   MdlFileSet *set, GError **error)
{
	if (!mdl_compare_all_costed(c))
		return TRUE;
	g_autofree char *dat = dat_cost_year(c), *gp = gp_cost_year(c);
	return mdl_fileset_put(set, out, "compare_cost_year.dat", dat,
			       error) &&
	       mdl_fileset_put(set, out, "compare_cost_year.gp", gp, error);
}

/* The per-service charts, when the scenarios have a service in common
 * (without one, gnuplot has nothing to draw and fails). */
static gboolean write_services(const MdlCompareSet *c, const char *out,
			       MdlFileSet *set, GError **error)
{
	if (c->common->len == 0)
		return TRUE;
	g_autofree char *rto = dat_cdf(c, TRUE), *rpo = dat_cdf(c, FALSE);
	g_autofree char *avail = dat_availability(c);
	g_autofree char *grto = gp_cdf(c, TRUE), *grpo = gp_cdf(c, FALSE);
	g_autofree char *gav = gp_availability(c);

	return mdl_fileset_put(set, out, "compare_rto_cdf.dat", rto, error) &&
	       mdl_fileset_put(set, out, "compare_rpo_cdf.dat", rpo, error) &&
	       mdl_fileset_put(set, out, "compare_availability.dat", avail,
			       error) &&
	       mdl_fileset_put(set, out, "compare_rto_cdf.gp", grto, error) &&
	       mdl_fileset_put(set, out, "compare_rpo_cdf.gp", grpo, error) &&
	       mdl_fileset_put(set, out, "compare_availability.gp", gav,
			       error);
}

gboolean mdl_compare_plots_write(const MdlCompareSet *c, const char *out,
				 MdlFileSet *set, GError **error)
{
	return write_services(c, out, set, error) &&
	       write_cost(c, out, set, error);
}

gboolean mdl_compare_plots_render(const MdlCompareSet *c, const char *prog,
				  const char *out, GError **error)
{
	/* the per-service charts when a service is common, the cost chart
	 * when every scenario has costs */
	static const char *const per_service[] = { "compare_rto_cdf.gp",
		"compare_rpo_cdf.gp", "compare_availability.gp" };
	g_autoptr(GPtrArray) scripts = g_ptr_array_new();
	g_autofree char *gnuplot = g_find_program_in_path("gnuplot");

	for (guint k = 0; k < G_N_ELEMENTS(per_service) && c->common->len; k++)
		g_ptr_array_add(scripts, (gpointer)per_service[k]);
	if (mdl_compare_all_costed(c))
		g_ptr_array_add(scripts, (gpointer)"compare_cost_year.gp");

	if (!gnuplot) {
		fprintf(stderr, "%s: gnuplot not found: the .gp scripts in "
				"'%s' render the charts\n", prog, out);
		return TRUE;
	}
	for (guint k = 0; k < scripts->len; k++) {
		char *argv[] = { gnuplot, scripts->pdata[k], NULL };
		g_autofree char *err = NULL;
		int status;
		if (!g_spawn_sync(out, argv, NULL, G_SPAWN_DEFAULT, NULL,
				  NULL, NULL, &err, &status, error))
			return FALSE;
		if (!g_spawn_check_wait_status(status, NULL)) {
			g_set_error(error, MDL_COMPARE_ERROR,
				    MDL_COMPARE_ERROR_WRITE,
				    "gnuplot failed on %s: %s",
				    (const char *)scripts->pdata[k], err);
			return FALSE;
		}
	}
	for (guint k = 0; k < c->common->len; k++)
		for (int r = 0; r < 2; r++)
			fprintf(stderr, "%s/compare_%s_cdf_%s.png\n", out,
				r ? "rpo" : "rto",
				(const char *)g_ptr_array_index(c->common, k));
	if (c->common->len)
		fprintf(stderr, "%s/compare_availability.png\n", out);
	if (mdl_compare_all_costed(c))
		fprintf(stderr, "%s/compare_cost_year.png\n", out);
	return TRUE;
}
