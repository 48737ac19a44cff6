/* plots-private.h — what the files of a run's charts share, one way:
 * chart.c (the chart object and the helpers below) under
 * plots_horizon.c (the charts along the horizon: per year slice, dataset
 * size, cumulative cost, budget) under plots.c (the CDF and by-cause charts,
 * mdl_plots_write(), rendering); plots_drivers.c (what drives the
 * breaches) uses chart.c only.  Only those four files include this;
 * the contract of the charts, their files and their invariants is
 * plots.h.
 *
 * Every chart is built whole in memory as an MdlPlot and saved by
 * mdl_plot_save(); the functions here only append to the strings they
 * are given.
 *
 * Ownership: arguments are borrowed for the call; an MdlPlot returned is
 * yours (mdl_plot_free()), as is a returned string (g_free()).  Not
 * thread-safe.
 */
#ifndef DRSIM_MODELS_PLOTS_PRIVATE_H
#define DRSIM_MODELS_PLOTS_PRIVATE_H

#include <glib.h>

#include "models/report/outdir.h"
#include "models/report/plots.h"
#include "models/results/results.h"
#include "models/scenario/scenario.h"

/* The range of the values an axis shows: smallest positive and largest.
 * Empty: { INFINITY, 0 }. */
typedef struct {
	double min_pos, max;
} Span;

/* ---- chart.c: helpers of every chart ---- */

/* Two blank lines appended to dat before every data set but the first
 * (*blocks counts them): gnuplot's `index` counts them. */
void plots_next_block(GString *dat, guint *blocks);

/* Closes p's script as a frame without data saying why, for a chart
 * with nothing to show. */
void plots_empty(MdlPlot *p, const char *why);

/* h hours as the reports write a duration ("4h", "1.5y"). */
char *plots_duration(double h);

/* Widens s to hold x; x not finite is ignored, and x <= 0 only counts
 * for the largest. */
void plots_span_add(Span *s, double x);

/* TRUE when s spans enough (more than a factor 100) for a logarithmic
 * axis. */
gboolean plots_span_is_log(const Span *s);

/* Appends to gp the range of axis ("x" or "y") that shows s: from a
 * little below 0 (linear), or with a margin and `set logscale`
 * (plots_span_is_log()). */
void plots_gp_range(GString *gp, const char *axis, const Span *s);

/* ---- plots_horizon.c: the charts along the horizon ---- */

/* availability_year (.dat and .gp) and downtime_year (.gp, reading
 * availability_year.dat), added to o in that order, their scripts'
 * names appended to scripts, as by mdl_plot_save().  FALSE with error
 * set when a file cannot be created. */
gboolean horizon_years_save(MdlOutdir *o, const MdlScenario *sc,
			    const MdlResults *r, GPtrArray *scripts,
			    GError **error);

/* The dataset_size chart: each dataset's size over the horizon against
 * what each copy restores within the RTO of the services using it.  sc
 * must have datasets.  Never NULL. */
MdlPlot *horizon_size_plot(const MdlScenario *sc);

/* The cost_year chart: cumulative cost by year slice, mean and 5-95 %
 * band, from the spending at t = 0 (year 0) on.  sc->costs and r->cost
 * must be set.  Never NULL. */
MdlPlot *horizon_cost_plot(const MdlScenario *sc, const MdlResults *r);

/* The cost_budget chart: capital, fixed operating costs and incidents
 * per year (year 0: at t = 0), stacked.  sc->costs and r->cost must be
 * set.  Never NULL. */
MdlPlot *horizon_budget_plot(const MdlScenario *sc, const MdlResults *r);

#endif
