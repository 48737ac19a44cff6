/* timeline.h — what happened in one replication, as a Gantt chart.
 *
 * mdl_timeline_trace() plays replication R of a scenario alone, on its
 * own world with the trace on (world.h: mdl_world_set_trace()), so its
 * incidents are those of replication R of `drsim run` (same streams),
 * and turns the trace into spans on rows, one row per component then one
 * per service, in the scenario's order:
 *
 *   down           a component or service down: from "down" to the next
 *                  "up"
 *   detected       a point: the incident of the service was detected
 *   declaration    from "declaration started" to "declared"
 *   failover       from "failover started SITE" to "... done/failed SITE"
 *   restore        from "restore started D/C" to "... done/failed D/C",
 *                  on the row of every service using dataset D
 *   rebuild        from "rebuild started" to "rebuild done"
 *   failback       from "failback started" to "failback done"
 *   unrecoverable  a point: no copy of a dataset could serve, on the row
 *                  of every service using it
 *
 * Each span has an outcome: "done", "failed", "cut" (abandoned: the
 * service came back first — the world then drops its declaration,
 * failover and rebuild without a trace — or the same step started over,
 * as a restore does after a new loss), "open" (still running at the
 * horizon: its end is the horizon), "-" for down spans that ended and
 * for points.  Trace events the timeline cannot place (a step it does not
 * know) are kept as comment lines of timeline.dat.
 *
 * timeline.dat: columns "row row_name kind start_h end_h duration_h
 * outcome detail" (detail: the site of a failover, DATASET/COPY of a
 * restore, DATASET of an unrecoverable point, else "-"), one data set
 * per kind present, in the order above.  timeline.gp: the Gantt chart,
 * the whole horizon on top and, below, a zoom on the longest outage of a
 * service with the steps that overlap it (plots.h for the conventions).
 *
 * Memory: proportional to the number of trace events of the replication.
 * Ownership: the timeline borrows the scenario, which must outlive it.
 */
#ifndef DRSIM_MODELS_TIMELINE_H
#define DRSIM_MODELS_TIMELINE_H

#include <glib.h>

#include "models/report/outdir.h"
#include "models/scenario/scenario.h"

typedef struct MdlTimeline MdlTimeline;

/* Kinds of span, in the order of the data sets of timeline.dat. */
typedef enum {
	MDL_SPAN_DOWN,
	MDL_SPAN_DETECTED,
	MDL_SPAN_DECLARATION,
	MDL_SPAN_FAILOVER,
	MDL_SPAN_RESTORE,
	MDL_SPAN_REBUILD,
	MDL_SPAN_FAILBACK,
	MDL_SPAN_UNRECOVERABLE,
	MDL_SPAN_N_KINDS
} MdlSpanKind;

/* Plays replication rep of sc (rep < sc->replications is not required)
 * and returns its timeline, which you own; NULL with error set when the
 * replication fails (world.h). */
MdlTimeline *mdl_timeline_trace(const MdlScenario *sc, guint64 rep,
				GError **error);

/* Frees tl; accepts NULL. */
void mdl_timeline_free(MdlTimeline *tl);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(MdlTimeline, mdl_timeline_free)

/* Number of spans (points included) of the given kind. */
guint mdl_timeline_count(const MdlTimeline *tl, MdlSpanKind kind);

/* Adds timeline.dat and timeline.gp to o and appends "timeline.gp" to
 * scripts (as mdl_plot_save(), plots.h).  FALSE with error set when a
 * file cannot be created. */
gboolean mdl_timeline_save(const MdlTimeline *tl, MdlOutdir *o,
			   GPtrArray *scripts, GError **error);

#endif
