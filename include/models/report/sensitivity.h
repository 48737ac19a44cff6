/* sensitivity.h — what `drsim sensitivity` prints and writes: the
 * tornado of each service's probability of a breach in a year and of
 * the total cost, as a table, JSON or CSV, and as tornado charts
 * (docs/output.md, "sensitivity").
 *
 * Every figure comes from the plays' JSON trees (results/
 * sensitivity.h), so the table, the JSON, the CSV and the charts show
 * the same numbers, those `drsim run` would print for each point.
 *
 * The charts follow plots.h: NAME.dat (first line the columns, '#'
 * comments, no blank in a field) and NAME.gp (the common preamble of
 * chart.c; run from DIR it renders NAME.png and NAME.svg):
 *   tornado_breach_SERVICE   one per service
 *   tornado_cost             when the scenario has costs
 * a horizontal bar per parameter, largest swing on top, from the base
 * value to the figure at the parameter's low value and to the figure at
 * its high value, the base as a vertical dashed line.
 *
 * Ownership: arguments are borrowed; returned strings are yours.  Not
 * thread-safe.
 */
#ifndef DRSIM_MODELS_REPORT_SENSITIVITY_H
#define DRSIM_MODELS_REPORT_SENSITIVITY_H

#include <glib.h>

#include "models/report/report.h"
#include "models/results/sensitivity.h"

/* The report of s, played, in format, ending with a newline.  JSON is
 * the complete one (and summary.json of --out). */
char *mdl_sensitivity_report(const MdlSensitivity *s, MdlFormat format);

/* Writes the charts of s into dir (which must exist: mdl_compare_dir_
 * ready()), all the files or none (fileset.h):
 * tornado_breach_SERVICE.dat and .gp for each service, then
 * tornado_cost.dat and .gp when the scenario has costs, then summary
 * (the JSON report) as summary.json, last, so that its presence means
 * the set is complete.  Appends the scripts' names ("NAME.gp", copies)
 * to scripts (g_free as element free function).  FALSE with error set
 * (MDL_OUTDIR_ERROR_WRITE) at the first file that cannot be written,
 * none of them left. */
gboolean mdl_sensitivity_write(const MdlSensitivity *s, const char *dir,
			       const char *summary, GPtrArray *scripts,
			       GError **error);

#endif
