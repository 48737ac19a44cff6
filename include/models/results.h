/* results.h — what replications of a scenario measure, mergeable.
 *
 * One MdlResults accumulates one or many replications of one scenario:
 * the world (world.h) fills a fresh one per replication, and the runner
 * merges them in replication order (sim/runner.h), so the merged results
 * are byte-identical for any thread count.  Memory is independent of the
 * number of replications and incidents: per-replication figures are
 * folded into Welford moments, incident durations into quantile sketches.
 *
 * Per service:
 *   availability        uptime / horizon, one value per replication
 *   downtime_h_per_year (horizon − uptime) / horizon years, per replication
 *   incidents           closed ones (RTO known) and censored ones (still
 *                       open at the horizon: counted, never dropped, but
 *                       out of the RTO distribution since their RTO is
 *                       unknown)
 *   rto                 achieved RTO of closed incidents = t_restored − t0
 *   rpo                 achieved RPO of closed incidents whose recovery
 *                       point is known; incidents where data was lost are
 *                       counted in rpo_unknown until data protection is
 *                       modelled
 *   met counts          incidents within the RTO target, RPO target, both
 * Per component: availability (>= need units up), mean fraction of units
 * up.  Per crew: repairs, how many started at once, waiting time.
 *
 * Ownership: mdl_results_new() returns an accumulator you own; free it
 * with mdl_results_free().  Not thread-safe.
 */
#ifndef DRSIM_MODELS_RESULTS_H
#define DRSIM_MODELS_RESULTS_H

#include <glib.h>

#include "models/scenario.h"
#include "sim/stats.h"

typedef struct {
	SimWelford availability;
	SimWelford downtime_h_per_year;
	guint64 incidents;	/* closed */
	guint64 censored;	/* open at the horizon */
	SimWelford rto_h;	/* closed incidents */
	SimSketch *rto_sketch;
	SimWelford rpo_h;	/* closed incidents with a known RPO */
	SimSketch *rpo_sketch;
	guint64 rpo_unknown;	/* closed incidents that lost data */
	guint64 rto_met, rpo_met, both_met;
} MdlServiceResults;

typedef struct {
	SimWelford availability;
	SimWelford units_up;	/* time-average fraction of units up */
} MdlComponentResults;

typedef struct {
	guint64 repairs;	/* started */
	guint64 immediate;	/* started the instant they were asked */
	SimWelford wait_h;	/* request to start, per repair */
} MdlCrewResults;

typedef struct {
	guint n_services, n_components, n_crews;
	MdlServiceResults *services;
	MdlComponentResults *components;
	MdlCrewResults *crews;
	guint64 replications;
	guint64 events;		/* engine events fired, all replications */
} MdlResults;

/* An empty accumulator shaped for sc (borrowed, only its sizes are read). */
MdlResults *mdl_results_new(const MdlScenario *sc);

/* Frees r; accepts NULL. */
void mdl_results_free(MdlResults *r);

/* Adds from to into (same shape).  Deterministic: the same sequence of
 * merges gives the same bits. */
void mdl_results_merge(MdlResults *into, const MdlResults *from);

#endif
