/* sensitivity.h — one-at-a-time sensitivity, as data: what `drsim
 * sensitivity` plays and reads (docs/output.md, "sensitivity").
 *
 * A sensitivity is a base run of a scenario and, for each parameter (a
 * value of the file named by its override path), a run at its low value
 * and one at its high value, every other value as in the base.  Every
 * run has the base's seed and replications: common random numbers, so
 * that a difference between two runs comes from the parameter and not
 * from different draws (each replication draws from streams named by
 * what they drive: changing one rate leaves the others' draws as they
 * were).  The runs are compare.h plays, so a figure is the figure of the
 * same name of `drsim run`.
 *
 * For one figure, the tornado sets the parameters in order of their
 * swing |high − low| — the figure at the high value against the figure
 * at the low value — largest first.
 *
 * Ownership: an MdlSensitivity owns its plays and strings; a tornado is
 * yours (mdl_tornado_free()).  Nothing here is thread-safe.
 */
#ifndef DRSIM_MODELS_RESULTS_SENSITIVITY_H
#define DRSIM_MODELS_RESULTS_SENSITIVITY_H

#include <glib.h>

#include "models/results/compare.h"

/* The low and high point of a parameter. */
enum { MDL_SENS_LOW, MDL_SENS_HIGH, MDL_SENS_POINTS };

typedef struct {
	char *key;			/* the override path */
	char *base;			/* its value in the base, as written */
	char *change[MDL_SENS_POINTS];	/* as given: "-50%", "x2" */
	char *value[MDL_SENS_POINTS];	/* the values played: "0.2/y" */
	MdlComparePlay *play[MDL_SENS_POINTS];
} MdlSensParameter;

typedef struct {
	MdlComparePlay *base;
	GArray *params;		/* MdlSensParameter, in the order added */
	/* The automatic set (values.h): left_out the paths its cap left
	 * out, NULL when the parameters were named by the user. */
	GPtrArray *left_out;
} MdlSensitivity;

/* A sensitivity around base, which it now owns; no parameter yet.
 * Never NULL. */
MdlSensitivity *mdl_sensitivity_new(MdlComparePlay *base);

/* Adds a parameter: strings copied, the plays of its low and high
 * points (scenarios with base's seed and replications, not played yet)
 * taken. */
void mdl_sensitivity_add(MdlSensitivity *s, const char *key,
			 const char *base,
			 const char *const change[MDL_SENS_POINTS],
			 const char *const value[MDL_SENS_POINTS],
			 MdlComparePlay *low, MdlComparePlay *high);

/* The number of parameters, and parameter i (borrowed). */
guint mdl_sensitivity_n(const MdlSensitivity *s);
const MdlSensParameter *mdl_sensitivity_param(const MdlSensitivity *s,
					      guint i);

/* Every play — the base, then each parameter's low and high — in that
 * order, into a new array of n = 1 + 2·params (borrowed plays; free the
 * array with g_free()). */
MdlComparePlay **mdl_sensitivity_plays(const MdlSensitivity *s, guint *n);

/* Plays every run in the order of mdl_sensitivity_plays(), each on
 * threads >= 1 threads (mdl_compare_play_run()).  FALSE with error set
 * when a replication failed (exit 1) or the run was interrupted (exit
 * 130 or 143: simulate.h), its message prefixed by the run ("the base
 * run: ", "'KEY' at its low value 0.2/y: "), the runs after it not
 * played. */
gboolean mdl_sensitivity_play(MdlSensitivity *s, unsigned threads,
			      GError **error);

/* Frees s and all it owns; accepts NULL. */
void mdl_sensitivity_free(MdlSensitivity *s);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(MdlSensitivity, mdl_sensitivity_free)

/* -- tornadoes ---------------------------------------------------------- */

/* One parameter's bar: the figure at its low and high points. */
typedef struct {
	guint param;		/* index of the parameter */
	double low, high;
	double swing;		/* |high − low|; NAN when either is */
} MdlTornadoBar;

/* A figure of a played sensitivity, bars sorted by swing, largest
 * first, ties in the order of the parameters, NAN swings last. */
typedef struct {
	double base;		/* the figure in the base run */
	double lo, hi;		/* its 95 % interval; NAN when none */
	MdlTornadoBar *bars;	/* [n], n the number of parameters */
	guint n;
} MdlTornado;

/* The probability of at least one breach in a year of the service with
 * that id (p_breach_per_year.mean, docs/output.md), NAN in a run
 * without the service.  s must be played.  Yours. */
MdlTornado *mdl_sensitivity_breach(const MdlSensitivity *s,
				   const char *service);

/* The mean total cost over the horizon (cost.total.mean), or NULL when
 * the base scenario has no costs.  s must be played.  Yours. */
MdlTornado *mdl_sensitivity_cost(const MdlSensitivity *s);

/* Frees t; accepts NULL. */
void mdl_tornado_free(MdlTornado *t);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(MdlTornado, mdl_tornado_free)

#endif
