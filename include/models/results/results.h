/* results.h — what replications of a scenario measure, mergeable.
 *
 * One MdlResults accumulates one or many replications of one scenario:
 * a world (world.h) fills a fresh one per replication through the
 * recorder mdl_results_recorder() (world/record.h), and the runner
 * merges them in replication order (sim/runner.h), so the merged results
 * are byte-identical for any thread count.  Memory is independent of the
 * number of replications and incidents: per-replication figures are
 * folded into Welford moments, incident durations into quantile sketches.
 *
 * Per service:
 *   availability        uptime / horizon, one value per replication;
 *                       uptime leaves out planned downtime too
 *                       (planned.h), which counts as downtime below
 *   downtime_h_per_year (horizon − uptime) / horizon years, per replication
 *   incidents           closed ones (RTO known) and censored ones (still
 *                       open at the horizon: counted, never dropped, but
 *                       out of the RTO distribution since their RTO is
 *                       unknown)
 *   rto                 achieved RTO of closed incidents = t_restored − t0
 *   rpo                 achieved RPO of closed incidents whose recovery
 *                       point is known (services without datasets that
 *                       lose data: rpo_unknown); a dataset lost for good
 *                       loses all its data (lost_for_good)
 *   met counts          incidents within the RTO target, RPO target, both
 * Costs (only when the scenario has a `costs` group; docs/model.md):
 *   per replication its total, fixed, incident and operating costs and
 *   its net present value, and per year slice its cumulative cost, its
 *   operating costs and its discounted cumulative cost (cost.h).
 * What drives the breaches (drivers.h): per service and cause the sums
 * of RTO and RPO, and the breach-hours with what was down during them.
 * Per component: availability (>= need units up), mean fraction of units
 * up.  Per crew: repairs, how many started at once, waiting time.
 *
 * Ownership: mdl_results_new() returns an accumulator you own; free it
 * with mdl_results_free().  Not thread-safe.
 */
#ifndef DRSIM_MODELS_RESULTS_H
#define DRSIM_MODELS_RESULTS_H

#include <stdio.h>
#include <glib.h>

#include "models/results/hospital.h"
#include "models/results/planned.h"
#include "models/results/cost.h"
#include "models/scenario/labels.h"
#include "models/scenario/scenario.h"
#include "models/world/record.h"
#include "models/world/world.h"
#include "sim/stats.h"

/* Figures of the incidents of one cause or one path. */
typedef struct {
	guint64 incidents;
	SimWelford rto_h, rpo_h;
	SimSketch *rto_sketch, *rpo_sketch;
	guint64 rpo_unknown, both_met;
	guint64 lost_for_good;	/* incidents with a dataset lost for good */
	/* sums of the RTO and of the known RPO, for shares (drivers.h):
	 * n·mean of the Welfords is not exact */
	double rto_sum_h, rpo_sum_h;
} MdlBreakdown;

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
	guint64 lost_for_good;	/* closed incidents in which a dataset had
				   no usable copy (their RPO counts from
				   its oldest data) */
	guint64 rto_met, rpo_met, both_met;
	SimWelford rto_declared_h;	/* t_restored − t_declare, declared ones */
	SimSketch *rto_declared_sketch;
	/* Per replication: fraction of its years (8760 h slices, the last
	 * one weighted by its length) holding at least one incident that
	 * breached a target; and hours of data lost per year. */
	SimWelford p_breach_per_year;
	SimWelford data_loss_h_per_year;
	MdlBreakdown **by_cause;	/* [n_causes], NULL until used */
	MdlBreakdown **by_path;		/* [n_paths], NULL until used */
	/* Per year slice of the horizon, over replications: downtime hours
	 * (mean in the Welford, band from the sketch). */
	SimWelford *year_downtime_h;	/* [n_years] */
	SimSketch **year_downtime_sketch;	/* [n_years] */
	/* What drives the breaches (drivers.h): the breach-hours (the RTO
	 * of the closed incidents that missed a target, summed) and, of
	 * them, the hours each component and site was down. */
	double breach_h;
	double *breach_down_h;	/* [n_down] */
	/* scratch of the replication being played */
	double *year_breached;	/* [n_years]: 1 when a breach started then */
	double *year_uptime;	/* [n_years]: hours up in each slice */
	double lost_h;		/* data lost so far */
	/* of the replication being played: closed incidents, within the
	 * RTO, RPO, both targets, censored ones */
	double rep_counts[5];
	/* MTPD, paper mode, work recovery, restores in parts (hospital.h);
	 * NULL when the service has none of them */
	MdlHospital *hospital;
	/* planned downtime (planned.h); NULL when the scenario has no
	 * maintenance window */
	MdlPlanned *planned;
} MdlServiceResults;

typedef struct {
	SimWelford availability;
	SimWelford units_up;	/* time-average fraction of units up */
} MdlComponentResults;

typedef struct {
	guint64 repairs;	/* started */
	guint64 immediate;	/* started the instant they were asked */
	SimWelford wait_h;	/* request to start, per repair */
	SimWelford reduced_h_per_y;	/* hours at reduced size (absences)
					   per year, per replication; none
					   for a crew without absences */
} MdlCrewResults;

/* A provider's exits (docs/model.md, "Provider risks"). */
typedef struct {
	guint64 exits;		/* occurred, over the replications held */
	SimWelford degraded_h_per_year;	/* per replication: hours its
					   services ran in degraded mode
					   within the horizon, per year */
	double rep_h;		/* scratch: those of the replication
				   being played */
} MdlProviderResults;

typedef struct {
	const MdlScenario *sc;	/* borrowed */
	const MdlLabels *labels;	/* borrowed */
	guint n_years;		/* year slices of the horizon (last partial) */
	guint n_services, n_components, n_crews;
	/* What may be down during a breach: the components, then the
	 * sites, of sc, then those of the topology it replaces, if any
	 * (mdl_results_down_element()). */
	guint n_down;
	MdlServiceResults *services;
	MdlComponentResults *components;
	MdlCrewResults *crews;
	guint n_providers;
	MdlProviderResults *providers;	/* [n_providers] */
	MdlCostResults *cost;	/* NULL when the scenario has no costs */
	double *cause_cost;	/* [n_causes]: cost of one occurrence */
	guint64 replications;
	guint64 events;		/* engine events fired, all replications */
	/* When sc replaces a topology: the instant it took over, per
	 * replication (in_service_h, or later when an incident of the
	 * replaced one was still open then). */
	SimWelford switch_h;
	/* incidents.csv rows (without header) of the replications held, when
	 * log_incidents; see mdl_results_merge() for where they go. */
	gboolean log_incidents;
	GString *rows;
	FILE *rows_out;		/* borrowed; NULL: keep rows in memory */
	guint64 rows_written;	/* rows merged into rows_out so far */
	/* The figures of each replication, in replication order, when kept
	 * (mdl_results_keep_reps(): what compare pairs); see
	 * mdl_results_merge() for where they go. */
	GArray *reps;		/* double [replications × rep width] */
	FILE *reps_out;		/* borrowed; NULL: keep them in memory */
	/* Per service, its MDL_WORST_KEPT closed incidents of longest RTO
	 * (ties: lower replication, then earlier t0), longest first: what
	 * a report explains (mdl_results_worst()). */
	MdlIncident *worst;	/* [n_services × MDL_WORST_KEPT] */
	guint *n_worst;		/* [n_services] */
} MdlResults;

#define MDL_WORST_KEPT 3

/* The k-th worst closed incident of service i (k < n_worst[i]). */
const MdlIncident *mdl_results_worst(const MdlResults *r, guint i, guint k);

/* The figures of one replication, in this order for each service (of the
 * scenario's order), then, when the scenario has costs, its total and
 * incidents costs and its net present value: what paired differences
 * need (docs/model.md). */
enum {
	MDL_REP_AVAILABILITY,	/* uptime / horizon */
	MDL_REP_DOWNTIME,	/* hours down per year */
	MDL_REP_BREACH,		/* fraction of its years with a breach */
	MDL_REP_DATA_LOSS,	/* hours of data lost per year */
	MDL_REP_INCIDENTS,	/* closed incidents (a count) */
	MDL_REP_RTO_MET,	/* of them within the RTO target */
	MDL_REP_RPO_MET,	/* within the RPO target */
	MDL_REP_BOTH_MET,	/* within both */
	MDL_REP_CENSORED,	/* incidents open at the horizon */
	MDL_REP_MTPD_BREACH,	/* fraction of its years with an MTPD
				   breach (0 without an MTPD) */
	MDL_REP_MTPD_MET,	/* closed incidents within the MTPD */
	MDL_REP_PER_SERVICE
};
enum {
	MDL_REP_COST_TOTAL,
	MDL_REP_COST_INCIDENTS,
	MDL_REP_COST_NPV,
	MDL_REP_COSTS
};

/* Keep r's figures of each replication from now on (r holds no
 * replication yet). */
void mdl_results_keep_reps(MdlResults *r);

/* The number of figures of one replication: MDL_REP_PER_SERVICE per
 * service, then MDL_REP_COSTS when the scenario has costs. */
guint mdl_results_rep_width(const MdlResults *r);

/* One of the n_down things that may be down during a breach. */
typedef struct {
	gboolean site;		/* a site, else a component */
	gboolean replaced;	/* of the topology sc replaces */
	const char *id;		/* its id, borrowed from the scenario */
} MdlDownElement;

/* What r->services[].breach_down_h[i] is of; i < r->n_down. */
MdlDownElement mdl_results_down_element(const MdlResults *r, guint i);

/* An empty breakdown (freed with the results holding it). */
MdlBreakdown *mdl_breakdown_new(void);

/* An empty accumulator shaped for sc; sc and labels are borrowed and must
 * outlive it.  log_incidents: keep one CSV row per incident. */
MdlResults *mdl_results_new(const MdlScenario *sc, const MdlLabels *labels,
			    gboolean log_incidents);

/* Records a closed incident: RTO, RPO, targets met, breakdowns, breach
 * year, data lost, breach-hours and what was down during them (when
 * inc->down_h is set), and its CSV row when logging. */
void mdl_results_incident(MdlResults *r, const MdlIncident *inc);

/* Service was up during [a, b): hours added to the year slices. */
void mdl_results_uptime(MdlResults *r, guint service, double a, double b);

/* Length in hours of year slice y of the horizon (the last may be
 * shorter). */
double mdl_results_year_length(const MdlResults *r, guint y);

/* Provider p exited at a; its services ran in degraded mode during
 * [a, b) (b may pass the horizon: counted up to it). */
void mdl_results_degraded(MdlResults *r, guint provider, double a, double b);

/* A cause (labels.h index) occurred at t: its per-event cost, if any,
 * is added to the replication's incident costs.  Does nothing when the
 * scenario has no costs. */
void mdl_results_occurrence(MdlResults *r, guint cause, double t);

/* Dataset `id` was lost for good at t: its data_loss_total, if any, is
 * added to the replication's incident costs, once per loss whatever the
 * number of services using it. */
void mdl_results_lost_for_good(MdlResults *r, const char *id, double t);

/* The new topology of a scenario that replaces another took over at t
 * in the replication being played. */
void mdl_results_switch(MdlResults *r, double t);

/* Records an incident of service, begun at t0, still open at the
 * horizon. */
void mdl_results_censored(MdlResults *r, guint service, double t0);

/* Folds the per-replication figures (availability needs uptime_h per
 * service) into the accumulators and clears the scratch; called once at
 * the end of every replication. */
void mdl_results_end_replication(MdlResults *r, const double *uptime_h);

/* The header line of incidents.csv (with its newline). */
const char *mdl_results_csv_header(void);

/* Frees r; accepts NULL. */
void mdl_results_free(MdlResults *r);

/* The recorder (world/record.h) whose sink is an MdlResults shaped for
 * the world's scenario: what a played replication adds to it.  Static. */
const MdlRecorder *mdl_results_recorder(void);

/* mdl_world_run() and mdl_world_run_exercise() into r. */
gboolean mdl_results_play(MdlWorld *w, guint64 rep, MdlResults *r,
			  GError **error);
gboolean mdl_results_play_exercise(MdlWorld *w, guint64 rep,
				   const MdlInjection *inj, MdlResults *r,
				   GError **error);

/* Adds from to into (same shape).  Deterministic: the same sequence of
 * merges gives the same bits.  Incident rows of from are written to
 * into->rows_out when set, else appended to into->rows. */
void mdl_results_merge(MdlResults *into, const MdlResults *from);

/* Sets error, "more than N incident rows ('max_incident_rows' of
 * 'scenario')...", for a run whose rows_written went past
 * sc->max_incident_rows; returns FALSE. */
gboolean mdl_results_rows_error(const MdlScenario *sc, GError **error);

#endif
