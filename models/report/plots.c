/* plots.c — the .dat and .gp files of the charts of a run: the CDF of
 * RTO and RPO, incidents and RTO by cause, writing them all (with those
 * along the horizon, plots_horizon.c), and rendering.  The chart object
 * and the helpers every chart uses are chart.c (plots-private.h). */
#include "plots-private.h"

#include <math.h>
#include <string.h>
#include <sys/wait.h>

#include "sim/stats.h"
#include "sim/units.h"

static double years_played(const MdlScenario *sc, const MdlResults *r)
{
	return (double)r->replications * sc->horizon_h / SIM_HOURS_PER_YEAR;
}

/* A vertical dashed line at x in colour lt, when the axis can show it;
 * FALSE when it cannot. */
static gboolean gp_vline(GString *gp, double x, guint lt, gboolean log)
{
	g_autoptr(GString) at = g_string_new(NULL);

	if (!isfinite(x) || x < 0 || (log && x == 0))
		return FALSE;
	mdl_plot_num(at, x);
	g_string_append_printf(gp, "set arrow from %s, graph 0 to %s, graph 1 "
			       "nohead lt %u dt 2 lw 2 front\n", at->str,
			       at->str, lt);
	return TRUE;
}

/* -- RTO and RPO: empirical CDF per service -------------------------------- */

typedef struct {
	const char *name, *quantity, *column;
	gboolean rpo;
} CdfKind;

static const CdfKind cdf_kinds[] = {
	{ "rto_cdf", "RTO", "rto_h", FALSE },
	{ "rpo_cdf", "RPO", "rpo_h", TRUE },
};

static const SimSketch *cdf_sketch(const MdlServiceResults *s,
				   const CdfKind *k)
{
	return k->rpo ? s->rpo_sketch : s->rto_sketch;
}

/* "dpi: 93.2 % within 4h (n = 1234, 80.1 % at 0, 2 lost for good)", the
 * key entry of a service's curve: met over the closed incidents (an
 * unknown RPO counts as missed, as in the report), n the values drawn;
 * the share of zeros is said since a logarithmic axis cannot show them,
 * and the losses for good since their RPO (decades) is off the axis. */
static char *cdf_key(const MdlService *sv, const MdlServiceResults *s,
		     const CdfKind *k)
{
	const SimSketch *sk = cdf_sketch(s, k);
	double target = k->rpo ? sv->rpo_h : sv->rto_h;
	guint64 met = k->rpo ? s->rpo_met : s->rto_met;
	double zeros = sim_sketch_fraction_le(sk, 0);
	g_autofree char *t = plots_duration(target);
	g_autofree char *head =
		isfinite(target)
			? g_strdup_printf("%s: %.1f %% within %s", sv->id,
					  100.0 * (double)met /
						  (double)s->incidents, t)
			: g_strdup_printf("%s: no %s target", sv->id,
					  k->quantity);
	g_autofree char *zero = zeros > 0 ? g_strdup_printf(
		", %.1f %% at 0", 100 * zeros) : g_strdup("");
	/* far right of any axis: said, not drawn */
	g_autofree char *lost = k->rpo && s->lost_for_good
					? g_strdup_printf(", %" G_GUINT64_FORMAT
							  " lost for good",
							  s->lost_for_good)
					: g_strdup("");

	return g_strdup_printf("%s (n = %" G_GUINT64_FORMAT "%s%s)", head,
			       sim_sketch_count(sk), zero, lost);
}

/* The points of one service: q = 0.001 .. 0.999 from the sketch, then
 * (max, 1). */
static void cdf_block(GString *dat, const SimSketch *sk, Span *span)
{
	for (int i = 1; i <= 999; i++) {
		double q = i / 1000.0, x = sim_sketch_quantile(sk, q);
		mdl_plot_num(dat, x);
		mdl_plot_num(dat, q);
		g_string_append_c(dat, '\n');
		plots_span_add(span, x);
	}
	mdl_plot_num(dat, sim_sketch_max(sk));
	mdl_plot_num(dat, 1);
	g_string_append_c(dat, '\n');
	plots_span_add(span, sim_sketch_max(sk));
}

/* Vertical target lines, target[i] (NAN: none) in the colour of service
 * i; the key entry that explains them (appended to plot) when there is
 * one.  Colours go by service, so that a service keeps its colour from
 * chart to chart. */
static void gp_targets(GString *gp, const GArray *target, gboolean log,
		       GString *plot, const char *what)
{
	gboolean any = FALSE;

	for (guint i = 0; i < target->len; i++)
		any = gp_vline(gp, g_array_index(target, double, i), i + 1,
			       log) || any;
	if (any)
		g_string_append_printf(plot, ", \\\n     NaN with lines lc "
			"rgb \"#444444\" dt 2 lw 2 title \"dashed: the "
			"service's %s target\"", what);
}

/* One NAN target per service, to be filled. */
static GArray *no_targets(const MdlScenario *sc)
{
	GArray *a = g_array_sized_new(FALSE, FALSE, sizeof(double),
				      sc->n_services);
	double none = NAN;

	for (guint i = 0; i < sc->n_services; i++)
		g_array_append_val(a, none);
	return a;
}

static void cdf_script(MdlPlot *p, const CdfKind *k, const Span *span,
		       const GArray *target, GString *plot)
{
	gboolean log = plots_span_is_log(span);

	gp_targets(p->gp, target, log, plot, k->quantity);
	g_string_append_printf(p->gp,
		"set xlabel \"achieved %s (h)%s\"\n"
		"set ylabel \"fraction of incidents with %s <= x\"\n"
		"set yrange [0:1.02]\n", k->quantity,
		log ? ", logarithmic scale" : "", k->quantity);
	plots_gp_range(p->gp, "x", span);
	mdl_plot_begin(p);
	g_string_append_printf(p->gp, "%s\n", plot->str);
	mdl_plot_end(p);
}

static MdlPlot *cdf_plot(const MdlScenario *sc, const MdlResults *r,
			 const CdfKind *k)
{
	g_autofree char *what = g_strdup_printf(
		"achieved %s of closed incidents, empirical CDF per service "
		"(%" G_GUINT64_FORMAT " replications)", k->quantity,
		r->replications);
	g_autofree char *cols = g_strdup_printf("%s cdf_fraction", k->column);
	MdlPlot *p = mdl_plot_new(k->name, cols, sc, what);
	g_autoptr(GString) plot = g_string_new(NULL);
	g_autoptr(GArray) target = no_targets(sc);
	Span span = { INFINITY, 0 };
	guint blocks = 0;

	g_string_append(p->dat, "# quantiles from the sketch (relative "
				"error <= 1 %); one data set per service\n");
	for (guint i = 0; i < sc->n_services; i++) {
		const MdlService *sv = &sc->services[i];
		const MdlServiceResults *s = &r->services[i];
		const SimSketch *sk = cdf_sketch(s, k);
		if (sim_sketch_count(sk) == 0) {
			g_string_append_printf(p->dat,
				"# service %s: no closed incident with a "
				"known %s, skipped\n", sv->id, k->quantity);
			continue;
		}
		double t = k->rpo ? sv->rpo_h : sv->rto_h;
		g_autofree char *key = cdf_key(sv, s, k);
		g_autofree char *qkey = mdl_plot_quote(key);
		g_string_append_printf(plot,
			"%s\"%s.dat\" index %u using 1:2 with steps lt %u "
			"title %s", blocks ? ", \\\n     " : "plot ",
			k->name, blocks, i + 1, qkey);
		g_array_index(target, double, i) = t;
		plots_span_add(&span, t);
		plots_next_block(p->dat, &blocks);
		g_string_append_printf(p->dat,
			"# service %s: %" G_GUINT64_FORMAT " values\n",
			sv->id, sim_sketch_count(sk));
		cdf_block(p->dat, sk, &span);
	}
	if (blocks == 0)
		plots_empty(p, "no closed incident with a known value");
	else
		cdf_script(p, k, &span, target, plot);
	return p;
}

/* -- incidents and RTO by cause -------------------------------------------- */

/* The causes with incidents in some service, in label order: their row
 * on the charts (row[cause], G_MAXUINT when none); the number of rows. */
static guint cause_rows(const MdlScenario *sc, const MdlResults *r,
			guint *row)
{
	guint n = mdl_labels_n_causes(r->labels), rows = 0;

	for (guint c = 0; c < n; c++) {
		row[c] = G_MAXUINT;
		for (guint i = 0; i < sc->n_services; i++)
			if (r->services[i].by_cause[c] &&
			    r->services[i].by_cause[c]->incidents > 0)
				row[c] = rows;
		if (row[c] != G_MAXUINT)
			rows++;
	}
	return rows;
}

typedef struct {
	Span rate, rto;
	guint blocks;
	GArray *service;	/* guint: the service of each data set */
} CauseData;

static void cause_line(GString *dat, guint row, const char *label,
		       const MdlBreakdown *b, double years, CauseData *cd)
{
	g_autofree char *field = mdl_plot_field(label);
	double p5 = sim_sketch_quantile(b->rto_sketch, 0.05);
	double p95 = sim_sketch_quantile(b->rto_sketch, 0.95);

	g_string_append_printf(dat, "%u %s", row, field);
	mdl_plot_num(dat, (double)b->incidents / years);
	mdl_plot_num(dat, p5);
	mdl_plot_num(dat, sim_sketch_quantile(b->rto_sketch, 0.5));
	mdl_plot_num(dat, p95);
	mdl_plot_num(dat, sim_welford_mean(&b->rto_h));
	g_string_append_c(dat, '\n');
	plots_span_add(&cd->rate, (double)b->incidents / years);
	plots_span_add(&cd->rto, p5);
	plots_span_add(&cd->rto, p95);
}

static MdlPlot *causes_dat(const MdlScenario *sc, const MdlResults *r,
			   const guint *row, CauseData *cd)
{
	g_autofree char *what = g_strdup_printf(
		"closed incidents per year by cause (%" G_GUINT64_FORMAT
		" replications)", r->replications);
	MdlPlot *p = mdl_plot_new("causes",
		"row cause incidents_per_year rto_p5_h rto_p50_h rto_p95_h "
		"rto_mean_h", sc, what);
	double years = years_played(sc, r);

	g_string_append(p->dat,
		"# one data set per service with closed incidents; row: the "
		"cause's row on the charts;\n# incidents per year: closed "
		"incidents / (replications x horizon in years); RTO "
		"percentiles from the sketch\n");
	for (guint i = 0; i < sc->n_services; i++) {
		const MdlServiceResults *s = &r->services[i];
		if (s->incidents == 0) {
			g_string_append_printf(p->dat,
				"# service %s: no closed incident, skipped\n",
				sc->services[i].id);
			continue;
		}
		plots_next_block(p->dat, &cd->blocks);
		g_array_append_val(cd->service, i);
		g_string_append_printf(p->dat, "# service %s\n",
				       sc->services[i].id);
		for (guint c = 0; c < mdl_labels_n_causes(r->labels); c++)
			if (s->by_cause[c] && s->by_cause[c]->incidents > 0)
				cause_line(p->dat, row[c],
					   mdl_labels_cause(r->labels, c),
					   s->by_cause[c], years, cd);
	}
	return p;
}

/* Rows top down, one tic per cause, its label. */
static void cause_axis(GString *gp, const MdlResults *r, const guint *row,
		       guint rows)
{
	gboolean first = TRUE;

	g_string_append_printf(gp, "set yrange [%u.6:-0.6]\n"
			       "set ytics (", rows - 1);
	for (guint c = 0; c < mdl_labels_n_causes(r->labels); c++) {
		if (row[c] == G_MAXUINT)
			continue;
		g_autofree char *q = mdl_plot_quote(
			mdl_labels_cause(r->labels, c));
		g_string_append_printf(gp, "%s%s %u", first ? "" : ", ", q,
				       row[c]);
		first = FALSE;
	}
	g_string_append(gp, ")\nset grid noytics xtics\n");
}

/* Bar height and offset of data set k of n within a row. */
static double bar_half(guint n)
{
	return 0.8 / n / 2;
}

static double bar_offset(guint k, guint n)
{
	return -0.4 + 0.8 / n * (k + 0.5);
}

static void causes_script(MdlPlot *p, const MdlScenario *sc,
			  const CauseData *cd)
{
	guint n = cd->blocks;

	g_string_append_printf(p->gp,
		"set xlabel \"closed incidents per year\"\n"
		"set xrange [0:%.6g]\nset style fill solid 0.7 border -1\n",
		cd->rate.max * 1.25);
	mdl_plot_begin(p);
	for (guint k = 0; k < n; k++) {
		guint i = g_array_index(cd->service, guint, k);
		g_autofree char *q = mdl_plot_quote(sc->services[i].id);
		g_string_append_printf(p->gp,
			"%s\"causes.dat\" index %u using ($3/2):($1+%.6g):"
			"($3/2):(%.6g) with boxxyerror lt %u title %s, \\\n"
			"     \"causes.dat\" index %u using 3:($1+%.6g):"
			"(sprintf(\" %%.3g\", $3)) with labels left "
			"font \",11\" notitle",
			k ? ", \\\n     " : "plot ", k, bar_offset(k, n),
			bar_half(n), i + 1, q, k, bar_offset(k, n));
	}
	g_string_append_c(p->gp, '\n');
	mdl_plot_end(p);
}

/* p50 as a point, p5–p95 as a bar, per service and cause; targets as
 * dashed lines. */
static MdlPlot *rto_cause_plot(const MdlScenario *sc, const MdlResults *r,
			       const CauseData *cd, const GString *axis)
{
	g_autofree char *what = g_strdup_printf(
		"achieved RTO by cause, p5 / p50 / p95 (%" G_GUINT64_FORMAT
		" replications)", r->replications);
	MdlPlot *p = mdl_plot_new("rto_by_cause", NULL, sc, what);
	g_autoptr(GArray) target = no_targets(sc);
	g_autoptr(GString) plot = g_string_new(NULL);
	Span span = cd->rto;
	guint n = cd->blocks;

	g_string_append(p->gp, "# Numbers: causes.dat (its first line names "
			       "the columns).\n");
	g_string_append(p->gp, axis->str);
	for (guint k = 0; k < n; k++) {
		guint i = g_array_index(cd->service, guint, k);
		g_array_index(target, double, i) = sc->services[i].rto_h;
		plots_span_add(&span, sc->services[i].rto_h);
	}
	g_string_append_printf(p->gp, "set xlabel \"achieved RTO (h)%s\"\n",
		plots_span_is_log(&span) ? ", logarithmic scale" : "");
	plots_gp_range(p->gp, "x", &span);
	/* a p5 of 0 has no place on a logarithmic axis: its left end */
	g_string_append_printf(p->gp, "XLOW = %.17g\n",
		plots_span_is_log(&span) ? span.min_pos / 1.5 : 0);
	for (guint k = 0; k < n; k++) {
		guint i = g_array_index(cd->service, guint, k);
		g_autofree char *key = g_strdup_printf(
			"%s: p50 (point), p5-p95 (bar)", sc->services[i].id);
		g_autofree char *q = mdl_plot_quote(key);
		g_string_append_printf(plot,
			"%s\"causes.dat\" index %u using 5:($1+%.6g):"
			"($4 > 0 ? $4 : XLOW):6 with xerrorbars lt %u lw 2.5 "
			"title %s",
			k ? ", \\\n     " : "plot ", k, bar_offset(k, n),
			i + 1, q);
	}
	gp_targets(p->gp, target, plots_span_is_log(&span), plot, "RTO");
	mdl_plot_begin(p);
	g_string_append_printf(p->gp, "%s\n", plot->str);
	mdl_plot_end(p);
	return p;
}

static gboolean causes_save(MdlOutdir *o, const MdlScenario *sc,
			    const MdlResults *r, GPtrArray *scripts,
			    GError **error)
{
	g_autofree guint *row = g_new(guint, mdl_labels_n_causes(r->labels));
	guint rows = cause_rows(sc, r, row);
	CauseData cd = { { INFINITY, 0 }, { INFINITY, 0 }, 0,
			 g_array_new(FALSE, FALSE, sizeof(guint)) };
	g_autoptr(MdlPlot) causes = causes_dat(sc, r, row, &cd);
	g_autoptr(MdlPlot) rto = NULL;
	g_autoptr(GString) axis = g_string_new(NULL);

	if (rows == 0) {
		plots_empty(causes, "no closed incident");
		rto = mdl_plot_new("rto_by_cause", NULL, sc,
				   "achieved RTO by cause");
		plots_empty(rto, "no closed incident");
	} else {
		cause_axis(axis, r, row, rows);
		g_string_append(causes->gp, axis->str);
		causes_script(causes, sc, &cd);
		rto = rto_cause_plot(sc, r, &cd, axis);
	}
	g_array_free(cd.service, TRUE);
	return mdl_plot_save(causes, o, scripts, error) &&
	       mdl_plot_save(rto, o, scripts, error);
}

/* -- all of them ----------------------------------------------------------- */

gboolean mdl_plots_write(MdlOutdir *o, const MdlScenario *sc,
			 const MdlResults *r, GPtrArray *scripts,
			 GError **error)
{
	g_return_val_if_fail(o && sc && r && r->labels && scripts, FALSE);
	g_return_val_if_fail(r->replications > 0, FALSE);

	for (guint k = 0; k < G_N_ELEMENTS(cdf_kinds); k++) {
		g_autoptr(MdlPlot) cdf = cdf_plot(sc, r, &cdf_kinds[k]);
		if (!mdl_plot_save(cdf, o, scripts, error))
			return FALSE;
	}
	if (!horizon_years_save(o, sc, r, scripts, error) ||
	    !causes_save(o, sc, r, scripts, error))
		return FALSE;
	if (r->cost && sc->costs) {
		g_autoptr(MdlPlot) cost = horizon_cost_plot(sc, r);
		if (!mdl_plot_save(cost, o, scripts, error))
			return FALSE;
	}
	if (r->cost && sc->costs && sc->costs->budget) {
		g_autoptr(MdlPlot) budget = horizon_budget_plot(sc, r);
		if (!mdl_plot_save(budget, o, scripts, error))
			return FALSE;
	}
	if (sc->n_datasets == 0)
		return TRUE;
	g_autoptr(MdlPlot) size = horizon_size_plot(sc);
	return mdl_plot_save(size, o, scripts, error);
}

/* -- rendering ------------------------------------------------------------- */

/* gnuplot on one script, in dir; its stderr appended to log on success. */
static gboolean render_one(const char *gnuplot, const char *dir,
			   const char *script, GString *log, GError **error)
{
	char *argv[] = { (char *)gnuplot, (char *)script, NULL };
	g_autofree char *out = NULL, *err = NULL;
	g_autofree char *path = g_build_filename(dir, script, NULL);
	GError *spawn_error = NULL;
	int status = 0;

	if (!g_spawn_sync(dir, argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out,
			  &err, &status, &spawn_error)) {
		g_set_error(error, MDL_PLOTS_ERROR, MDL_PLOTS_ERROR_GNUPLOT,
			    "cannot run gnuplot on '%s': %s", path,
			    spawn_error->message);
		g_error_free(spawn_error);
		return FALSE;
	}
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		g_set_error(error, MDL_PLOTS_ERROR, MDL_PLOTS_ERROR_GNUPLOT,
			    "gnuplot failed on '%s':\n%s", path,
			    err && *err ? err : "(no message)\n");
		return FALSE;
	}
	if (log && err)
		g_string_append(log, err);
	return TRUE;
}

gboolean mdl_plots_render(const char *dir, const char *const *scripts,
			  guint n, GPtrArray *charts, GString *log,
			  GError **error)
{
	g_return_val_if_fail(dir && (scripts || n == 0) && charts, FALSE);

	g_autofree char *gnuplot = g_find_program_in_path("gnuplot");
	if (!gnuplot) {
		g_set_error(error, MDL_PLOTS_ERROR, MDL_PLOTS_ERROR_NO_GNUPLOT,
			    "gnuplot not found: the .gp scripts in %s render "
			    "the charts", dir);
		return FALSE;
	}
	for (guint i = 0; i < n; i++) {
		if (!render_one(gnuplot, dir, scripts[i], log, error))
			return FALSE;
		gsize len = strlen(scripts[i]);
		if (g_str_has_suffix(scripts[i], ".gp"))
			len -= 3;
		g_autofree char *base = g_strndup(scripts[i], len);
		for (int k = 0; k < 2; k++)
			g_ptr_array_add(charts, g_strdup_printf("%s/%s.%s",
				dir, base, k ? "svg" : "png"));
	}
	return TRUE;
}
