/* compare-private.h — what the two files of `drsim compare` share:
 * cmd_compare.c (options, playing the scenarios, the table, compare.json,
 * the CSV, and the costs read back from the plays' reports) and
 * compare_plots.c (the overlaid charts of --out: compare_*.dat and .gp,
 * rendered with --plot).  Only those two files include this; the
 * command's contract is commands.h and docs/output.md ("compare").
 *
 * A Compare is the command's state.  The charts see it once every
 * scenario is played and the services are matched (plays, labels,
 * common and partial all set), and only read it.  Like the table, they
 * take every figure from the plays' JSON reports (compare.h), the costs
 * through the functions below, so a chart shows what the table prints.
 *
 * Ownership: a Compare and what it points to belong to cmd_compare.c;
 * the functions here borrow it, and the plays, for the call.  Nothing
 * here is thread-safe.
 */
#ifndef DRSIM_MODELS_COMPARE_PRIVATE_H
#define DRSIM_MODELS_COMPARE_PRIVATE_H

#include <glib.h>
#include <json-glib/json-glib.h>

#include "models/cli/options.h"
#include "models/report/compare_text.h"
#include "models/results/compare.h"
#include "models/report/outdir.h"

typedef struct {
	MdlCompareOptions o;
	const char *prog;
	guint n;			/* scenarios */
	MdlComparePlay **plays;		/* [n] */
	char **labels;			/* [n]: file name without .cfg */
	MdlOutdir **outs;		/* [n] with --out, else NULL */
	GPtrArray *common;		/* ids in every scenario (borrowed) */
	GPtrArray *partial;		/* ids missing from some (borrowed) */
} Compare;

/* ---- cmd_compare.c: the costs of the plays (each read with
 * mdl_compare_play_cost(), compare.h) ---- */

/* TRUE when every scenario of c has costs. */
gboolean compare_all_costed(const Compare *c);

/* The cumulative cost of p at the end of year slice y, y = 0 being what
 * is spent at t = 0: field ("mean", "p5" or "p95") of
 * cost.by_year[y - 1].cumulative, or cost.fixed.at_start for y = 0.  NAN
 * when p has no costs, no such slice or no such field. */
double compare_cost_year(const MdlComparePlay *p, guint y,
			 const char *field);

/* The number of year slices of p's costs, 0 without costs. */
guint compare_cost_years(const MdlComparePlay *p);

/* The first year slice at whose end the cumulative mean costs of the two
 * scenarios of c have changed order (from the spending at t = 0 on);
 * *b_cheaper then tells whether B is the cheaper one from then on.  0
 * (and *b_cheaper untouched) when they never do, when c does not hold
 * exactly two scenarios or when one has no costs. */
guint compare_cost_crossing(const Compare *c, gboolean *b_cheaper);

/* ---- compare_plots.c: the charts of --out ---- */

/* Writes into c->o.out the data and scripts of the charts, in this
 * order: compare_rto_cdf.dat, compare_rpo_cdf.dat,
 * compare_availability.dat, their .gp, then compare_cost_year.dat and
 * .gp when every scenario has costs.  c->o.out must be set.  FALSE with
 * error set (mdl_compare_write()) at the first file that cannot be
 * written, the later ones not written. */
gboolean compare_plots_write(const Compare *c, GError **error);

/* Runs gnuplot on each script compare_plots_write() wrote, in c->o.out,
 * then lists the PNG files on stderr.  Without gnuplot in the PATH, says
 * so on stderr (naming c->prog) and returns TRUE: the scripts are there.
 * FALSE with error set when gnuplot cannot be started (G_SPAWN_ERROR) or
 * fails on a script (MDL_COMPARE_ERROR_WRITE, with its stderr); the
 * scripts after it are not run. */
gboolean compare_plots_render(const Compare *c, GError **error);

#endif
