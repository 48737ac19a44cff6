/* planned.h — a service's planned downtime, mergeable (docs/model.md,
 * "Planned downtime"): the hours a maintenance window held it down,
 * which are downtime but not incidents.
 *
 * An MdlPlanned exists only when the scenario has a maintenance window
 * (MdlScenario.has_maintenance): results.c holds NULL otherwise, so a
 * scenario without one carries, computes and writes nothing more than
 * before.
 *
 * Per replication of horizon T (years = T / 8760 h), with u its uptime
 * (up, not planned) and p its planned hours:
 *   planned_h_per_year      p / years
 *   availability_unplanned  (u + p) / T: the availability had the
 *                           windows not counted (results.h's
 *                           availability, u / T, counts them)
 *   within_budget           with a `planned_budget` b: the fraction of
 *                           its whole year slices whose planned hours
 *                           are <= b (a horizon under a year: its one
 *                           slice against b·T/8760)
 * Merged as Welford moments.
 *
 * Ownership: mdl_planned_new() returns an accumulator you own (or
 * NULL); free it with mdl_planned_free().  Not thread-safe. */
#ifndef DRSIM_MODELS_RESULTS_PLANNED_H
#define DRSIM_MODELS_RESULTS_PLANNED_H

#include <glib.h>

#include "models/scenario/scenario.h"
#include "sim/stats.h"

typedef struct {
	double budget_h;	/* per year; INFINITY: none */
	double horizon_h;
	guint n_years;
	SimWelford planned_h_per_year;
	SimWelford availability_unplanned;
	SimWelford within_budget;	/* only with a budget */
	/* scratch of the replication being played */
	double *year_h;		/* [n_years]: planned hours in each slice */
	double rep_h;		/* planned hours so far */
} MdlPlanned;

/* The accumulator of service i of sc (n_years slices of its horizon),
 * or NULL when sc has no maintenance window. */
MdlPlanned *mdl_planned_new(const MdlScenario *sc, guint i, guint n_years);

/* Frees p; accepts NULL. */
void mdl_planned_free(MdlPlanned *p);

/* The service was down planned during [a, b). */
void mdl_planned_add(MdlPlanned *p, double a, double b);

/* Folds the replication (its service's uptime, up and not planned,
 * uptime_h; whole: its whole year slices) and clears the scratch. */
void mdl_planned_end_replication(MdlPlanned *p, double uptime_h, guint whole);

/* Adds from to into (the same shape). */
void mdl_planned_merge(MdlPlanned *into, const MdlPlanned *from);

#endif
