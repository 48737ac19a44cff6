/* hospital.h — the hospital's side of a service's incidents, mergeable:
 * its maximum tolerable period of disruption (MTPD), its degraded
 * (paper) mode, its work recovery after the systems are back, and its
 * restores in parts (docs/model.md, "The hospital during an outage").
 *
 * An MdlHospital exists only for a service that has one of them (an
 * `mtpd`, a `degraded` mode, a `work_recovery`, a dataset restored in
 * parts, here or in the topology it replaces): results.c holds NULL for
 * the others, so a scenario without them carries, computes and writes
 * nothing more than before.  Each figure below exists only when the
 * service has what it measures (the flags).
 *
 * Per closed incident i of RTO r_i = t_restored − t0 and work recovery
 * w_i (0 without one):
 *   MTPD      met when r_i + w_i <= mtpd (the business back within it);
 *             per replication, the fraction of its years in which an
 *             incident that did not meet it started
 *   degraded  max(0, r_i − after) hours on paper (an incident still open
 *             at the horizon: up to the horizon); per replication, the
 *             hours per year; the incidents that reached it
 *   wrt       w_i over the incidents that had one; r_i + w_i over all
 *   parts     t_full − t0 over the incidents restored in parts
 * Merged exactly as results.c merges (Welford moments, sketches, sums).
 *
 * Ownership: mdl_hospital_new() returns an accumulator you own (or
 * NULL); free it with mdl_hospital_free().  Not thread-safe. */
#ifndef DRSIM_MODELS_RESULTS_HOSPITAL_H
#define DRSIM_MODELS_RESULTS_HOSPITAL_H

#include <glib.h>

#include "models/scenario/scenario.h"
#include "models/world/record.h"
#include "sim/stats.h"

typedef struct {
	/* what the service has (from the scenario: the shape) */
	gboolean mtpd, degraded, wrt, parts;
	guint n_years;
	/* MTPD: closed incidents within it; per replication, the fraction
	 * of its years holding an MTPD breach */
	guint64 mtpd_met;
	SimWelford p_mtpd_breach_per_year;
	/* paper mode: closed incidents that reached it; per replication,
	 * its hours on paper per year */
	guint64 degraded_incidents;
	SimWelford degraded_h_per_year;
	/* work recovery: w_i of the incidents that had one; r_i + w_i of
	 * every closed incident */
	SimWelford wrt_h, rto_wrt_h;
	SimSketch *wrt_sketch, *rto_wrt_sketch;
	/* restores in parts: t_full − t0 */
	SimWelford full_h;
	SimSketch *full_sketch;
	/* scratch of the replication being played */
	double *year_mtpd_breached;	/* [n_years]: 1 when one started */
	double degraded_h;		/* hours on paper so far */
	double rep_mtpd_met;		/* closed ones within the MTPD */
} MdlHospital;

/* The accumulator of service i of sc (its years: n_years slices of the
 * horizon), or NULL when the service has none of the four. */
MdlHospital *mdl_hospital_new(const MdlScenario *sc, guint i, guint n_years);

/* Frees h; accepts NULL. */
void mdl_hospital_free(MdlHospital *h);

/* A closed incident of service sv (h's), begun in year slice y. */
void mdl_hospital_incident(MdlHospital *h, const MdlService *sv,
			   const MdlIncident *inc, guint y);

/* An incident of sv begun at t0 still open at horizon_h: its hours on
 * paper up to the horizon. */
void mdl_hospital_censored(MdlHospital *h, const MdlService *sv, double t0,
			   double horizon_h);

/* Folds the replication's figures and clears the scratch; years is the
 * length of a replication in years, whole its whole year slices (the
 * breach in a year counts over them, as results.c's). */
void mdl_hospital_end_replication(MdlHospital *h, double years, guint whole);

/* The replication's MTPD figures, for the paired differences (results.h,
 * MDL_REP_MTPD_*), before mdl_hospital_end_replication(); 0 when h is
 * NULL or has no MTPD. */
double mdl_hospital_rep_breach(const MdlHospital *h, guint whole);
double mdl_hospital_rep_met(const MdlHospital *h);

/* Adds from to into (the same shape). */
void mdl_hospital_merge(MdlHospital *into, const MdlHospital *from);

#endif
