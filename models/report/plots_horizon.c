/* plots_horizon.c — the charts of a run along the time of its horizon:
 * availability and downtime per year slice (availability_year,
 * downtime_year), the dataset sizes over time against what a restore
 * brings back within the RTO (dataset_size), the cumulative cost by
 * year (cost_year) and the budget by year (cost_budget).  The rest of
 * the charts and the helpers this file shares are in plots.c
 * (plots-private.h). */
#include "plots-private.h"

#include <math.h>

#include "models/results/figures.h"
#include "sim/stats.h"
#include "sim/units.h"

/* -- availability and downtime per year ------------------------------------ */

/* What the year charts show: downtime (h), availability (fraction). */
typedef struct {
	Span down;
	double avail_lo, avail_hi;
} YearSpan;

static void year_line(GString *dat, const MdlResults *r,
		      const MdlServiceResults *s, guint y, YearSpan *span)
{
	double len = mdl_results_year_length(r, y);
	double mean = sim_welford_mean(&s->year_downtime_h[y]);
	double p5 = sim_sketch_quantile(s->year_downtime_sketch[y], 0.05);
	double p95 = sim_sketch_quantile(s->year_downtime_sketch[y], 0.95);

	mdl_plot_num(dat, y + 1);
	mdl_plot_num(dat, len);
	/* a year's availability: 1 − its downtime / its length; the band's
	 * low end comes from the high end of the downtime */
	mdl_plot_num(dat, 1 - mean / len);
	mdl_plot_num(dat, 1 - p95 / len);
	mdl_plot_num(dat, 1 - p5 / len);
	mdl_plot_num(dat, mean);
	mdl_plot_num(dat, p5);
	mdl_plot_num(dat, p95);
	g_string_append_c(dat, '\n');
	plots_span_add(&span->down, p95);
	plots_span_add(&span->down, mean);
	span->avail_lo = fmin(span->avail_lo, 1 - fmax(p95, mean) / len);
	span->avail_hi = fmax(span->avail_hi, 1 - fmin(p5, mean) / len);
}

static MdlPlot *year_dat(const MdlScenario *sc, const MdlResults *r,
			 YearSpan *span)
{
	g_autofree char *what = g_strdup_printf(
		"availability per year of the horizon, mean and 5-95 %% "
		"band over %" G_GUINT64_FORMAT " replications",
		r->replications);
	MdlPlot *p = mdl_plot_new("availability_year",
		"year slice_h availability_mean_fraction "
		"availability_p5_fraction availability_p95_fraction "
		"downtime_mean_h downtime_p5_h downtime_p95_h", sc, what);
	guint blocks = 0;

	g_string_append(p->dat,
		"# one data set per service, in the scenario's order; year "
		"y covers [8760(y-1), 8760y) h (the last may be shorter);\n"
		"# percentiles over replications from the sketch (relative "
		"error <= 1 %)\n");
	for (guint i = 0; i < sc->n_services; i++) {
		plots_next_block(p->dat, &blocks);
		g_string_append_printf(p->dat, "# service %s\n",
				       sc->services[i].id);
		for (guint y = 0; y < r->n_years; y++)
			year_line(p->dat, r, &r->services[i], y, span);
	}
	return p;
}

static void year_axis(GString *gp, guint n_years)
{
	g_string_append_printf(gp,
		"set xlabel \"year of the horizon\"\nset xrange [0.4:%u.6]\n",
		n_years);
	if (n_years <= 25)
		g_string_append(gp, "set xtics 1\n");
}

/* Availability in %: a band per service, its mean on top. */
static void availability_script(MdlPlot *p, const MdlScenario *sc,
				const MdlResults *r, const YearSpan *span)
{
	double lo = 100 * span->avail_lo, hi = 100 * span->avail_hi;
	/* a margin, and some height when every year is the same */
	double pad = hi > lo ? 0.08 * (hi - lo) : 0.5;

	year_axis(p->gp, r->n_years);
	g_string_append_printf(p->gp,
		"set ylabel \"availability in the year (%%)\"\n"
		"set yrange [%.10g:%.10g]\n"
		"set style fill transparent solid 0.2 noborder\n", lo - pad,
		fmin(100, hi + pad));
	mdl_plot_begin(p);
	for (guint i = 0; i < sc->n_services; i++) {
		g_autofree char *mean = g_strdup_printf("%s: mean",
							sc->services[i].id);
		g_autofree char *band = g_strdup_printf("%s: 5-95 %% of "
			"replications", sc->services[i].id);
		g_autofree char *qm = mdl_plot_quote(mean);
		g_autofree char *qb = mdl_plot_quote(band);
		/* one year has no band to fill: an error bar instead */
		g_string_append_printf(p->gp,
			"%s\"availability_year.dat\" index %u using %s "
			"lt %u title %s, \\\n"
			"     \"availability_year.dat\" index %u using 1:"
			"($3*100) with linespoints lt %u title %s",
			i ? ", \\\n     " : "plot ", i,
			r->n_years > 1
				? "1:($4*100):($5*100) with filledcurves"
				: "1:($3*100):($4*100):($5*100) with "
				  "yerrorbars ps 0",
			i + 1, qb, i, i + 1, qm);
	}
	g_string_append_c(p->gp, '\n');
	mdl_plot_end(p);
}

/* Downtime bars, side by side per year, with 5–95 % whiskers. */
static MdlPlot *downtime_plot(const MdlScenario *sc, const MdlResults *r,
			      const YearSpan *span)
{
	g_autofree char *what = g_strdup_printf(
		"downtime per year of the horizon, mean and 5-95 %% over "
		"%" G_GUINT64_FORMAT " replications", r->replications);
	MdlPlot *p = mdl_plot_new("downtime_year", NULL, sc, what);
	double w = 0.8 / sc->n_services;

	g_string_append(p->gp, "# Numbers: availability_year.dat (its first "
			       "line names the columns).\n");
	year_axis(p->gp, r->n_years);
	g_string_append_printf(p->gp,
		"set ylabel \"downtime in the year (h)\"\n"
		"set yrange [0:%.6g]\nset boxwidth %.6g absolute\n"
		"set style fill solid 0.6 border -1\n",
		span->down.max > 0 ? span->down.max * 1.1 : 1.0, w);
	mdl_plot_begin(p);
	for (guint i = 0; i < sc->n_services; i++) {
		double off = -0.4 + w * (i + 0.5);
		g_autofree char *bar = g_strdup_printf("%s: mean",
						       sc->services[i].id);
		g_autofree char *qb = mdl_plot_quote(bar);
		g_string_append_printf(p->gp,
			"%s\"availability_year.dat\" index %u using "
			"($1%+.6g):6 with boxes lt %u title %s, \\\n"
			"     \"availability_year.dat\" index %u using "
			"($1%+.6g):7:(0):($8-$7) with vectors heads size "
			"screen 0.006,90 fixed lc rgb \"black\" lw 1.5 "
			"title \"%s\"",
			i ? ", \\\n     " : "plot ", i, off, i + 1, qb, i, off,
			i ? "" : "whiskers: 5-95 % of replications");
	}
	g_string_append_c(p->gp, '\n');
	mdl_plot_end(p);
	return p;
}

gboolean horizon_years_save(MdlOutdir *o, const MdlScenario *sc,
			    const MdlResults *r, GPtrArray *scripts,
			    GError **error)
{
	YearSpan year = { { INFINITY, 0 }, INFINITY, -INFINITY };
	g_autoptr(MdlPlot) avail = year_dat(sc, r, &year);
	g_autoptr(MdlPlot) down = NULL;

	availability_script(avail, sc, r, &year);
	down = downtime_plot(sc, r, &year);
	return mdl_plot_save(avail, o, scripts, error) &&
	       mdl_plot_save(down, o, scripts, error);
}

/* -- dataset size against what a restore can bring back in time ------------ */

#define TB 1e12

/* The size of ds at t: mdl_dataset_size(), except that a compound growth
 * is computed as (1 + g)^(t / 8760), as this chart always has (the
 * world's exp(log1p(g)·t / 8760) differs in the last digits). */
static double size_at(const MdlDataset *ds, double t)
{
	if (ds->growth_bytes_per_h > 0)
		return mdl_dataset_size(ds, t);
	return ds->size_bytes * pow(1 + ds->growth, t / SIM_HOURS_PER_YEAR);
}

/* When the dataset outgrows cap bytes: 0 if it starts above, NAN if it
 * stays below over the horizon. */
static double crossing(const MdlDataset *ds, double cap, double horizon)
{
	double t;

	if (ds->size_bytes > cap)
		return 0;
	if (ds->growth_bytes_per_h > 0)
		t = (cap - ds->size_bytes) / ds->growth_bytes_per_h;
	else if (ds->growth <= 0 || cap <= 0)
		return NAN;
	else
		t = SIM_HOURS_PER_YEAR * log(cap / ds->size_bytes) /
		    log(1 + ds->growth);
	return t <= horizon ? t : NAN;
}

/* "growth 15 %/year" or "growth 4 TB/year, linear" */
static char *growth_text(const MdlDataset *ds)
{
	if (ds->growth_bytes_per_h > 0)
		return g_strdup_printf("growth %.4g TB/year, linear",
				       ds->growth_bytes_per_h *
					       SIM_HOURS_PER_YEAR / TB);
	return g_strdup_printf("growth %.4g %%/year", 100 * ds->growth);
}

typedef struct {
	GString *plot;	/* the plot command, built as data sets come */
	guint blocks;
	Span size;	/* TB */
	guint dashes;	/* dash type of the next restorable line */
} SizeData;

static void size_point(GString *dat, double t, double tb)
{
	mdl_plot_num(dat, t);
	mdl_plot_num(dat, tb);
	g_string_append_c(dat, '\n');
}

/* One data set and its plot clause (using t in years, size in TB). */
static void size_block(MdlPlot *p, SizeData *sd, const char *comment,
		       const char *style, const char *title)
{
	g_autofree char *q = mdl_plot_quote(title);

	plots_next_block(p->dat, &sd->blocks);
	g_string_append_printf(p->dat, "# %s\n", comment);
	g_string_append_printf(sd->plot,
		"%s\"dataset_size.dat\" index %u using ($1/8760):2 with %s "
		"title %s", sd->blocks > 1 ? ", \\\n     " : "plot ",
		sd->blocks - 1, style, q);
}

static void size_curve(MdlPlot *p, SizeData *sd, const MdlScenario *sc,
		       guint d)
{
	const MdlDataset *ds = &sc->datasets[d];
	g_autofree char *growth = growth_text(ds);
	g_autofree char *comment = g_strdup_printf(
		"dataset %s: size over the horizon, %s", ds->id, growth);
	g_autofree char *style = g_strdup_printf("lines lt %u lw 3", d + 1);
	g_autofree char *title = g_strdup_printf("%s: size", ds->id);

	size_block(p, sd, comment, style, title);
	for (int i = 0; i < 100; i++) {
		double t = sc->horizon_h * i / 99.0;
		size_point(p->dat, t, size_at(ds, t) / TB);
		plots_span_add(&sd->size, size_at(ds, t) / TB);
	}
}

/* The key entry of a restorable line: its level, and whether the
 * dataset is beyond it from the start. */
static char *cap_title(const MdlDataset *ds, guint c, const MdlService *sv,
		       double cap, double tx)
{
	const MdlRestore *re = &ds->copies[c].restore;
	g_autofree char *rto = plots_duration(sv->rto_h);
	g_autofree char *over = plots_duration(re->overhead_h);

	if (cap <= 0)
		return g_strdup_printf("%s/%s restores nothing in %s's %s RTO "
				       "(overhead %s)", ds->id,
				       ds->copies[c].id, sv->id, rto, over);
	if (ds->first_fraction < 1)	/* restored in parts */
		return g_strdup_printf(
			"%s/%s restores the first %.3g%% of %.3g TB in %s's "
			"%s RTO%s",
			ds->id, ds->copies[c].id, 100 * ds->first_fraction,
			cap / TB, sv->id, rto,
			tx == 0 ? " (too little from the start)" : "");
	return g_strdup_printf("%s/%s restores %.3g TB in %s's %s RTO%s",
			       ds->id, ds->copies[c].id, cap / TB, sv->id, rto,
			       tx == 0 ? " (too little from the start)" : "");
}

/* The flat line of copy c restored for service s within its RTO, and
 * the point where the dataset outgrows it. */
static void size_cap(MdlPlot *p, SizeData *sd, const MdlScenario *sc,
		     guint d, guint c, const MdlService *sv)
{
	const MdlDataset *ds = &sc->datasets[d];
	const MdlRestore *re = &ds->copies[c].restore;
	/* restored in parts, the service is back with the first part: a
	 * dataset 1/first_fraction times as large fits the RTO */
	double cap = re->throughput * fmax(0, sv->rto_h - re->overhead_h) /
		     ds->first_fraction;
	double tx = crossing(ds, cap, sc->horizon_h);
	g_autofree char *comment = g_strdup_printf(
		"copy %s/%s, service %s: restorable within the RTO = "
		"throughput x (RTO - overhead)%s", ds->id, ds->copies[c].id,
		sv->id, ds->first_fraction < 1 ? " / first fraction" : "");
	g_autofree char *style = g_strdup_printf("lines lt %u dt %u lw 2",
						 d + 1, 2 + sd->dashes++ % 4);
	g_autofree char *title = cap_title(ds, c, sv, cap, tx);

	size_block(p, sd, comment, style, title);
	size_point(p->dat, 0, cap / TB);
	size_point(p->dat, sc->horizon_h, cap / TB);
	plots_span_add(&sd->size, cap / TB);
	if (!(tx > 0))	/* never, or from the start: no crossing */
		return;
	g_autofree char *when = g_strdup_printf(
		"%s/%s too slow for %s after %.2f years", ds->id,
		ds->copies[c].id, sv->id, tx / SIM_HOURS_PER_YEAR);
	size_block(p, sd, when, "points pt 7 ps 2 lc rgb \"black\"", when);
	size_point(p->dat, tx, cap / TB);
}

/* Every copy of dataset d with a finite restore throughput, for every
 * service using d that has an RTO target. */
static void size_caps(MdlPlot *p, SizeData *sd, const MdlScenario *sc,
		      guint d)
{
	const MdlDataset *ds = &sc->datasets[d];

	for (guint c = 0; c < ds->n_copies; c++) {
		if (!isfinite(ds->copies[c].restore.throughput))
			continue;
		for (guint i = 0; i < sc->n_services; i++) {
			const MdlService *sv = &sc->services[i];
			for (guint k = 0; k < sv->n_datasets; k++)
				if (sv->datasets[k] == d && isfinite(sv->rto_h))
					size_cap(p, sd, sc, d, c, sv);
		}
	}
}

MdlPlot *horizon_size_plot(const MdlScenario *sc)
{
	MdlPlot *p = mdl_plot_new("dataset_size", "t_h size_tb", sc,
		"dataset size over the horizon against what a restore brings "
		"back within the RTO");
	SizeData sd = { g_string_new(NULL), 0, { INFINITY, 0 }, 0 };

	g_string_append(p->dat, "# data sets: each dataset's size curve, "
		"then for each copy with a restore throughput and each\n# "
		"service using the dataset with an RTO target, the size "
		"restorable in time (flat), then where the\n# dataset outgrows "
		"it (one point), if it does within the horizon; 1 TB = 1e12 "
		"bytes\n");
	for (guint d = 0; d < sc->n_datasets; d++) {
		size_curve(p, &sd, sc, d);
		size_caps(p, &sd, sc, d);
	}
	g_string_append_printf(p->gp,
		"set xlabel \"time since the start (years)\"\n"
		"set ylabel \"size (TB)%s\"\nset xrange [0:%.6g]\n",
		plots_span_is_log(&sd.size) ? ", logarithmic scale" : "",
		sc->horizon_h / SIM_HOURS_PER_YEAR);
	plots_gp_range(p->gp, "y", &sd.size);
	/* the key is below the plot, a line per data set: past a few, the
	 * chart grows rather than the plot shrinking */
	p->height = 800 + 28 * (MAX(sd.blocks, 6) - 6);
	mdl_plot_begin(p);
	g_string_append_printf(p->gp, "%s\n", sd.plot->str);
	mdl_plot_end(p);
	g_string_free(sd.plot, TRUE);
	return p;
}

/* -- cost ------------------------------------------------------------------ */

/* Cumulative cost by year slice: the mean and its 5-95 % band over
 * replications, from the spending at t = 0 (year 0) on. */
MdlPlot *horizon_cost_plot(const MdlScenario *sc, const MdlResults *r)
{
	const MdlCostResults *c = r->cost;
	g_autofree char *what = g_strdup_printf(
		"cumulative cost by year, mean and 5-95 %% band (%"
		G_GUINT64_FORMAT " replications)",
		r->replications);
	g_autofree char *cur = g_ascii_strdown(sc->costs->currency, -1);
	g_autofree char *unit = mdl_plot_field(cur);
	g_autofree char *columns = g_strdup_printf(
		"year end_h cumulative_mean_%s cumulative_p5_%s "
		"cumulative_p95_%s", unit, unit, unit);
	g_autofree char *ylabel = g_strdup_printf(
		"cumulative cost (millions of %s)", sc->costs->currency);
	g_autofree char *qy = mdl_plot_quote(ylabel);
	MdlPlot *p = mdl_plot_new("cost_year", columns, sc, what);
	double t0 = c->budget->at_start;

	g_string_append(p->dat,
		"# year 0: what is spent at t = 0 (capex, project); year y: "
		"cumulative cost at the end of\n# year slice y (fixed costs "
		"and incidents); percentiles from the sketch (relative error "
		"<= 1 %)\n");
	mdl_plot_num(p->dat, 0);
	mdl_plot_num(p->dat, 0);
	for (int k = 0; k < 3; k++)
		mdl_plot_num(p->dat, t0);
	g_string_append_c(p->dat, '\n');
	for (guint y = 0; y < r->n_years; y++) {
		mdl_plot_num(p->dat, y + 1);
		mdl_plot_num(p->dat, fmin((y + 1) * SIM_HOURS_PER_YEAR,
					  sc->horizon_h));
		mdl_plot_num(p->dat, sim_welford_mean(&c->year_cumulative[y]));
		mdl_plot_num(p->dat,
			     sim_sketch_quantile(c->year_sketch[y], 0.05));
		mdl_plot_num(p->dat,
			     sim_sketch_quantile(c->year_sketch[y], 0.95));
		g_string_append_c(p->dat, '\n');
	}
	g_string_append_printf(p->gp,
		"set xlabel \"year of the horizon\"\nset xrange [0:%u]\n"
		"%sset ylabel %s\nset yrange [0:*]\n"
		"set style fill transparent solid 0.2 noborder\n",
		r->n_years, r->n_years <= 25 ? "set xtics 1\n" : "", qy);
	if (sc->replaces)
		g_string_append_printf(p->gp,
			"set arrow from %.6g, graph 0 to %.6g, graph 1 "
			"nohead dt 3 lw 2 lc rgb \"black\"\nset label 10 "
			"\"in service\" at %.6g, graph 0.80 left offset "
			"0.5,0\n",
			sc->in_service_h / SIM_HOURS_PER_YEAR,
			sc->in_service_h / SIM_HOURS_PER_YEAR,
			sc->in_service_h / SIM_HOURS_PER_YEAR);
	mdl_plot_begin(p);
	g_string_append(p->gp,
		"plot \"cost_year.dat\" using 1:($4/1e6):($5/1e6) with "
		"filledcurves lt 1 title \"5-95 % of replications\", \\\n"
		"     \"cost_year.dat\" using 1:($3/1e6) with linespoints "
		"lt 1 title \"mean\"\n");
	mdl_plot_end(p);
	return p;
}

/* -- budget ---------------------------------------------------------------- */

/* One row of cost_budget.dat: year, capex, fixed opex, opex mean and the
 * 95 % interval of that mean (w NULL: nothing but fixed costs). */
static void budget_row(GString *dat, guint year, double capex, double fixed,
		       const SimWelford *w)
{
	MdlEstimate e = { fixed, 0, fixed, fixed };

	if (w)
		e = mdl_estimate(w);
	mdl_plot_num(dat, year);
	mdl_plot_num(dat, capex);
	mdl_plot_num(dat, fixed);
	mdl_plot_num(dat, e.mean);
	mdl_plot_num(dat, e.lo);
	mdl_plot_num(dat, e.hi);
	g_string_append_c(dat, '\n');
}

/* The budget by year: capital, operating fixed costs and incidents
 * stacked, the 95 % interval of the mean operating costs as whiskers. */
MdlPlot *horizon_budget_plot(const MdlScenario *sc, const MdlResults *r)
{
	const MdlCostResults *c = r->cost;
	const MdlBudget *bu = c->budget;
	g_autofree char *what = g_strdup_printf(
		"budget by year: capital and operating costs (%"
		G_GUINT64_FORMAT " replications)", r->replications);
	g_autofree char *cur = g_ascii_strdown(sc->costs->currency, -1);
	g_autofree char *u = mdl_plot_field(cur);
	g_autofree char *columns = g_strdup_printf(
		"year capex_%s opex_fixed_%s opex_mean_%s opex_ci_lo_%s "
		"opex_ci_hi_%s", u, u, u, u, u);
	g_autofree char *ylabel = g_strdup_printf(
		"spent in the year (millions of %s)", sc->costs->currency);
	g_autofree char *qy = mdl_plot_quote(ylabel);
	MdlPlot *p = mdl_plot_new("cost_budget", columns, sc, what);

	g_string_append(p->dat,
		"# year 0: what is spent at t = 0 (capex, project); year y: "
		"what is spent in year slice y:\n# capital (refreshes), fixed "
		"operating costs (indexed), operating costs with the incidents "
		"(mean\n# over replications and its 95 % interval)\n");
	budget_row(p->dat, 0, bu->at_start, 0, NULL);
	for (guint y = 0; y < r->n_years; y++)
		budget_row(p->dat, y + 1, bu->capex[y], bu->opex[y],
			   &c->year_opex[y]);
	g_string_append_printf(p->gp,
		"set xlabel \"year of the horizon (0: at the start)\"\n"
		"set xrange [-0.6:%u.6]\n%sset ylabel %s\nset yrange [0:*]\n"
		"set style fill solid 0.7 border -1\nset boxwidth 0.7\n",
		r->n_years, r->n_years <= 25 ? "set xtics 1\n" : "", qy);
	mdl_plot_begin(p);
	g_string_append(p->gp,
		"plot \"cost_budget.dat\" using 1:(($2+$4)/1e6) with boxes "
		"lt 3 title \"operating: incidents (mean)\", \\\n"
		"     \"cost_budget.dat\" using 1:(($2+$3)/1e6) with boxes "
		"lt 2 title \"operating: fixed (opex, staff, per TB, per "
		"link)\", \\\n"
		"     \"cost_budget.dat\" using 1:($2/1e6) with boxes lt 1 "
		"title \"capital (capex, refresh, project)\", \\\n"
		"     \"cost_budget.dat\" using 1:(($2+$4)/1e6):(($2+$5)/1e6):"
		"(($2+$6)/1e6) with yerrorbars lc rgb \"black\" pt 7 ps 0.6 "
		"title \"95 % interval of the mean\"\n");
	mdl_plot_end(p);
	return p;
}
