/* drill_report.h — a drill set against the simulation of an exercise, in
 * every form `drsim exercise --observed` gives it: a block of the table,
 * a member of the JSON, and a chart (drill.dat, drill.gp).
 *
 * Every function reads a drill (scenario/drill.h) and its fits
 * (results/drill_fit.h): fits[i] is the fit of d->steps[i], computed from
 * the exercise's per-replication times.  Steps are reported in the
 * drill's order.  The forms and their columns: docs/output.md ("Drill").
 *
 * Ownership: arguments are borrowed for the call; a returned MdlPlot is
 * yours (mdl_plot_free()).  Not thread-safe.
 */
#ifndef DRSIM_MODELS_REPORT_DRILL_REPORT_H
#define DRSIM_MODELS_REPORT_DRILL_REPORT_H

#include <glib.h>
#include <json-glib/json-glib.h>

#include "models/report/plots.h"
#include "models/results/drill_fit.h"
#include "models/scenario/drill.h"
#include "models/scenario/scenario.h"

/* The flag of a fit in words: "faster than 95 % of simulations",
 * "slower than 95 % of simulations", "never simulated", or "" within
 * p5–p95.  Static strings. */
const char *mdl_drill_flag_text(MdlDrillFlag flag);

/* The flag as JSON and .dat give it: "within", "faster", "slower" or
 * "never".  Static strings. */
const char *mdl_drill_flag_key(MdlDrillFlag flag);

/* Appends to s the block "Drill 'NAME' against the simulation" of the
 * steps of service (an index into the scenario's services) — a header
 * line, one line per step (step, measured, p5, p50, p95, percentile,
 * flag), then a line for each step that happened in some but not all of
 * the reps replications — or nothing when the drill has no step of it. */
void mdl_drill_table(GString *s, const MdlDrill *d, const MdlDrillFit *fits,
		     guint service, guint64 reps);

/* Adds to b, inside an open object, the member "drill": { "name",
 * "file", "steps": [ { "service", "step", "line", "measured_h", "p5",
 * "p50", "p95", "happened", "never", "percentile", "percentile_se",
 * "flag" } ] } (null for a figure that does not exist). */
void mdl_drill_json(JsonBuilder *b, const MdlDrill *d,
		    const MdlDrillFit *fits, const MdlScenario *sc);

/* The chart "drill": drill.dat (a row per step: row, measured, p5, p50,
 * p95, percentile, happened, never, flag, service, step) and drill.gp
 * (each step's p5–p95 as a bar, its median, and the measured time as a
 * point, log time axis).  what: the injection, for the title.  Never
 * NULL. */
MdlPlot *mdl_drill_plot(const MdlDrill *d, const MdlDrillFit *fits,
			const MdlScenario *sc, const char *what);

#endif
