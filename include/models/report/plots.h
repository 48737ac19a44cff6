/* plots.h — gnuplot-ready traces and charts of a run, for --out DIR.
 *
 * Each chart is a pair NAME.dat (the numbers) and NAME.gp (the gnuplot
 * script drawing them), written into DIR with the other files of --out
 * (outdir.h: temporaries renamed on success, nothing left on failure).
 * The charts and their columns are documented in docs/output.md
 * ("Charts"):
 *
 *   rto_cdf, rpo_cdf         empirical CDF of the achieved RTO and RPO per
 *                            service, the target as a vertical line
 *   availability_year,       availability and downtime per year slice of
 *   downtime_year            the horizon, with their 5–95 % band (one .dat)
 *   causes, rto_by_cause     incidents per year and RTO p5/p50/p95 by
 *                            cause (one .dat)
 *   cost_year                cumulative cost by year, mean and 5–95 %
 *                            band (only when the scenario has costs)
 *   dataset_size             size of each dataset over the horizon against
 *                            what its copies restore within the RTO (only
 *                            when the scenario has datasets)
 *   drivers_SERVICE          per service, the fraction of its breach-hours
 *                            each component and site was down, as
 *                            horizontal bars (mdl_plots_drivers_write(),
 *                            only with --drivers)
 *   timeline                 Gantt chart of one replication (timeline.h)
 *
 * Invariants of every .dat: whitespace-separated columns; the first line
 * is "# " followed by the name of every column, with its unit as a suffix
 * (rto_h, size_tb, cdf_fraction); further lines starting with '#' are
 * comments; no field holds a blank; data sets that a script selects with
 * `index` are separated by two blank lines.  Numbers in a .dat have a
 * decimal point whatever the locale (g_ascii_formatd); those in a .gp
 * rely on drsim's LC_NUMERIC being "C", as every output does (main.c).
 *
 * Invariants of every .gp: run from DIR (`cd DIR && gnuplot NAME.gp`), it
 * reads its .dat by a relative path and renders DIR/NAME.png (pngcairo,
 * 1200x800 unless the chart says otherwise) and DIR/NAME.svg; the title names the scenario, axes carry
 * their unit, the key is outside the plot area.  A chart with nothing to
 * show still renders: an empty frame saying why.
 *
 * Ownership: arguments are borrowed; an MdlPlot is yours
 * (mdl_plot_free()).  Not thread-safe.
 */
#ifndef DRSIM_MODELS_PLOTS_H
#define DRSIM_MODELS_PLOTS_H

#include <glib.h>

#include "models/report/outdir.h"
#include "models/results/results.h"
#include "models/scenario/scenario.h"

#define MDL_PLOTS_ERROR mdl_plots_error_quark()
GQuark mdl_plots_error_quark(void);

typedef enum {
	MDL_PLOTS_ERROR_NO_GNUPLOT,	/* gnuplot is not in the PATH */
	MDL_PLOTS_ERROR_GNUPLOT,	/* gnuplot failed on a script */
} MdlPlotsError;

/* One chart on its way: the text of NAME.dat and of NAME.gp. */
typedef struct {
	char *name;
	GString *dat, *gp;
	guint height;		/* pixels of the rendered chart; 0: 800 */
	guint width;		/* and its width; 0: 1200 */
} MdlPlot;

/* A new chart called name ("rto_cdf"), its .dat opened with the column
 * header "# columns" (names separated by single blanks; columns NULL: no
 * .dat, the script reads another chart's) and its .gp with the common
 * preamble: comments saying what it draws (what, one line) and how to
 * run it, the title (scenario name, then what), colours, and a key
 * outside the plot.  Never NULL. */
MdlPlot *mdl_plot_new(const char *name, const char *columns,
		      const MdlScenario *sc, const char *what);

/* Frees p; accepts NULL. */
void mdl_plot_free(MdlPlot *p);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(MdlPlot, mdl_plot_free)

/* Opens the loop of p's script that renders NAME.png then NAME.svg: what
 * the caller appends next (plot commands) runs once per file, until
 * mdl_plot_end(). */
void mdl_plot_begin(MdlPlot *p);

/* Closes the loop opened by mdl_plot_begin(). */
void mdl_plot_end(MdlPlot *p);

/* Appends x to s, after a blank unless s is empty or ends a line; x
 * formatted with up to 15 significant digits and a decimal point ("NaN"
 * when x is not finite: gnuplot skips it). */
void mdl_plot_num(GString *s, double x);

/* s as a gnuplot double-quoted string literal ("a \"b\""), newlines
 * turned into blanks; yours to g_free(). */
char *mdl_plot_quote(const char *s);

/* s with every blank, '#' and control character turned into '_', so
 * that it is one field of a .dat; yours to g_free(). */
char *mdl_plot_field(const char *s);

/* Adds NAME.dat and NAME.gp to o with p's text and appends "NAME.gp"
 * (a copy) to scripts (a GPtrArray of strings, g_free as element free
 * function).  FALSE with error set (outdir.h) when a file cannot be
 * created. */
gboolean mdl_plot_save(const MdlPlot *p, MdlOutdir *o, GPtrArray *scripts,
		       GError **error);

/* Every chart of r (every one but the timeline) added to o, their
 * scripts' names appended to scripts as by mdl_plot_save().  r must hold
 * at least one replication and its labels.  FALSE with error set when a
 * file cannot be created. */
gboolean mdl_plots_write(MdlOutdir *o, const MdlScenario *sc,
			 const MdlResults *r, GPtrArray *scripts,
			 GError **error);

/* The chart drivers_ID of every service ID of r (drivers.h: the
 * components and sites down during its breaches, most first, at most
 * 20) added to o, their scripts' names appended to scripts, as
 * mdl_plots_write().  FALSE with error set when a file cannot be
 * created. */
gboolean mdl_plots_drivers_write(MdlOutdir *o, const MdlScenario *sc,
				 const MdlResults *r, GPtrArray *scripts,
				 GError **error);

/* Runs `gnuplot NAME.gp` in dir for each of scripts (n names, "NAME.gp"),
 * in order, and appends to charts (g_free as element free function) the
 * paths "dir/NAME.png" and "dir/NAME.svg" of those that rendered, and to
 * log (may be NULL) what gnuplot wrote on its stderr when it succeeded
 * (warnings; normally nothing).  FALSE with error set:
 * MDL_PLOTS_ERROR_NO_GNUPLOT when gnuplot is not in the PATH (nothing
 * run); MDL_PLOTS_ERROR_GNUPLOT when gnuplot cannot be started or fails
 * on a script ("gnuplot failed on 'dir/NAME.gp':" and its stderr), the
 * scripts after it not run. */
gboolean mdl_plots_render(const char *dir, const char *const *scripts,
			  guint n, GPtrArray *charts, GString *log,
			  GError **error);

#endif
