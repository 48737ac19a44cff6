/* drill.h — the measured times of a real DR exercise (a drill), read
 * from a file and checked against the scenario it rehearsed.
 *
 * `drsim exercise SCENARIO --inject WHAT@WHEN --observed FILE` sets what
 * each step of a drill really took beside the simulated distribution of
 * the same step (docs/output.md, "Drill").  FILE is either
 *
 *   - a libconfig file (name ending in .cfg): one group `drill` with an
 *     optional `name` and a non-empty list `steps` of groups { service;
 *     step; at; } (`service` may be left out when the scenario has one
 *     service; `at` a duration, a string with units or a number of
 *     hours);
 *   - a CSV file (name ending in .csv): a header naming the columns
 *     service, step and measured (in any order), then one row per step;
 *     fields may be quoted ("..."), blank lines and lines starting with
 *     '#' are skipped; `service` may be empty when the scenario has one
 *     service.
 *
 * A step is named as the exercise table prints it: one of
 * mdl_labels_steps() of its service, or MDL_DRILL_RTO and MDL_DRILL_RPO.
 * Its measured time is a duration from the injection — for MDL_DRILL_RTO
 * and MDL_DRILL_RPO, the RTO and RPO reached themselves.  A step is given
 * once per service.
 *
 * Errors: every problem of the file, each as `FILE:LINE: message` (or
 * `FILE: message` for the file as a whole), sorted by line and joined by
 * newlines in one GError of domain MDL_DRILL_ERROR — unreadable file,
 * not UTF-8, syntax, unknown or missing key or column, bad duration,
 * unknown service or step (with the list of its steps), a step given
 * twice, an empty file.
 *
 * Ownership: the drill owns its strings and steps; it keeps no pointer
 * into the scenario (services are indices), which must only be the one
 * the drill was checked against when the indices are used.
 */
#ifndef DRSIM_MODELS_SCENARIO_DRILL_H
#define DRSIM_MODELS_SCENARIO_DRILL_H

#include <glib.h>

#include "models/scenario/scenario.h"

#define MDL_DRILL_ERROR (mdl_drill_error_quark())
GQuark mdl_drill_error_quark(void);

typedef enum {
	MDL_DRILL_ERROR_FILE,		/* cannot read the file */
	MDL_DRILL_ERROR_INVALID,	/* format or content: see message */
} MdlDrillError;

/* The two rows of the exercise table that are no step of the trace. */
#define MDL_DRILL_RTO "RTO reached"
#define MDL_DRILL_RPO "RPO reached"

typedef struct {
	guint service;		/* index into the scenario's services */
	char *step;		/* as the exercise table names it */
	double measured_h;	/* hours from the injection (the RTO or RPO
				   itself for MDL_DRILL_RTO, MDL_DRILL_RPO) */
	int line;		/* of the file */
} MdlDrillStep;

typedef struct {
	char *file;		/* as given */
	char *name;		/* the file's `name`, else the file's base
				   name; never NULL */
	MdlDrillStep *steps;	/* in the order of the file, >= 1 */
	guint n_steps;
} MdlDrill;

/* Reads FILE (.cfg or .csv, by its name) and checks it against sc
 * (borrowed for the call).  Returns the drill, which you own, or NULL
 * with error set (every problem found, one per line). */
MdlDrill *mdl_drill_load(const char *file, const MdlScenario *sc,
			 GError **error);

/* Frees a drill; accepts NULL. */
void mdl_drill_free(MdlDrill *d);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(MdlDrill, mdl_drill_free)

#endif
