/* compare_plots.h — the overlaid charts of `drsim compare --out DIR`:
 * every scenario of a set on one chart (docs/output.md, "compare").  Like
 * the table, they take every figure from the plays' JSON trees
 * (results/compare.h), so a chart shows what the table prints.
 * Everything is borrowed for the call.
 */
#ifndef DRSIM_MODELS_REPORT_COMPARE_PLOTS_H
#define DRSIM_MODELS_REPORT_COMPARE_PLOTS_H

#include <glib.h>

#include "models/report/compare_text.h"
#include "models/report/fileset.h"
#include "models/results/compare.h"

/* Writes into out the data and scripts of the charts, in this
 * order: compare_rto_cdf.dat, compare_rpo_cdf.dat,
 * compare_availability.dat, their .gp, then compare_cost_year.dat and
 * .gp when every scenario has costs: into set, put in place with it, or
 * (set NULL) each at once (mdl_fileset_put()).  out must be set.  FALSE
 * with error set at the first file that cannot be written, the later
 * ones not written. */
gboolean mdl_compare_plots_write(const MdlCompareSet *c, const char *out,
				 MdlFileSet *set, GError **error);

/* Runs gnuplot on each script mdl_compare_plots_write() wrote, in out,
 * then lists the PNG files on stderr.  Without gnuplot in the PATH, says
 * so on stderr (naming prog) and returns TRUE: the scripts are there.
 * FALSE with error set when gnuplot cannot be started (G_SPAWN_ERROR) or
 * fails on a script (MDL_COMPARE_ERROR_WRITE, with its stderr); the
 * scripts after it are not run. */
gboolean mdl_compare_plots_render(const MdlCompareSet *c, const char *prog,
				  const char *out, GError **error);

#endif
