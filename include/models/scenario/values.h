/* values.h — the numeric values of a scenario file, read by their
 * override path and scaled with their unit kept: what `drsim
 * sensitivity` varies (docs/output.md, "sensitivity").
 *
 * A value is named by the path `--set` takes ("threats.ransomware.rate",
 * "components.san.failures.0.ttf.mean": names, ids or indices separated
 * by dots; docs/scenario-format.md, "Overriding values") and read from
 * the file's text after the overrides, before validation: what the file
 * says, as written ("4h", "0.4/y", "20TB", "1TB/h", "15%", "1.5M", 2,
 * 0.8).  Scaling multiplies its number and keeps its unit ("4h" × 1.5 is
 * "6h"), so that the new value goes back through `--set` and the loader
 * checks it like any other.
 *
 * Errors: GError in MDL_SCENARIO_ERROR; MDL_SCENARIO_ERROR_VALUE for a
 * path that names nothing or nothing numeric (messages lowercase, no
 * file or line: the caller names the path), the loader's own codes and
 * `file:line: message` lines when the file or an override is bad.
 *
 * Ownership: arguments are borrowed for the call; what is returned is
 * yours, as said at each function.  Reading a value parses the file:
 * O(size of the file).  Thread-safe (no state).
 */
#ifndef DRSIM_MODELS_SCENARIO_VALUES_H
#define DRSIM_MODELS_SCENARIO_VALUES_H

#include <glib.h>

#include "models/scenario/scenario.h"

/* The automatic set of drsim sensitivity keeps at most this many. */
#define MDL_VALUES_AUTO_MAX 30u

typedef enum {
	MDL_VALUE_INTEGER,	/* a libconfig integer: count = 2 */
	MDL_VALUE_NUMBER,	/* a libconfig float: sigma = 0.8 */
	MDL_VALUE_DURATION,	/* a string: "4h", "1h30min", "-1h" */
	MDL_VALUE_RATE,		/* "0.4/y", "1/10y" */
	MDL_VALUE_SIZE,		/* "20TB" */
	MDL_VALUE_THROUGHPUT,	/* "1.3TB/h" */
	MDL_VALUE_PERCENT,	/* "15%" */
	MDL_VALUE_AMOUNT,	/* "1.5M", "150k" */
} MdlValueKind;

/* A numeric value of the file.  Scaling it scales number, the first
 * number of the text (the count of a rate, the size of a throughput),
 * or, for a duration of several terms ("1h30min"), the duration in
 * hours, then written in hours. */
typedef struct {
	MdlValueKind kind;
	char *text;		/* as written, a string without its quotes */
	double number;		/* the number scaled (see above) */
	gboolean rounded;	/* an integer the loader reads as one
				   (count, need, size, keep, retries,
				   replications, seed): kept an integer,
				   rounded to the nearest */
} MdlValue;

/* The value at path key of file, after the overrides sets (NULL-
 * terminated, may be NULL), into *out (mdl_value_clear() it).  FALSE
 * with error set: the file does not parse or an override does not apply
 * (the loader's message), the path names nothing ("unknown path: no 'x'
 * in 'components' (did you mean 'y'?)"), or not a number or a quantity
 * ("is a law: name one of its parameters, e.g. 'KEY.mean'", "\"mon-fri
 * 08:00-18:00\" is not a number or a quantity with a unit"). */
gboolean mdl_value_read(const char *file, const char *const *sets,
			const char *key, MdlValue *out, GError **error);

/* Frees what v holds (not v). */
void mdl_value_clear(MdlValue *v);

/* "duration", "rate", "size", "throughput", "percentage", "amount",
 * "number", "integer".  Static. */
const char *mdl_value_kind_name(MdlValueKind kind);

/* v's text with its number multiplied by factor (>= 0), its unit kept:
 * "0.4/y" × 0.5 is "0.2/y", 14 × 1.5 (keep) is 21, 0.8 × 1.5 is 1.2;
 * a float keeps a decimal point.  Yours to g_free(). */
char *mdl_value_scaled_text(const MdlValue *v, double factor);

/* The override "KEY=TEXT" writing text (from mdl_value_scaled_text()) as
 * v's kind: quoted for a string.  Yours to g_free(). */
char *mdl_value_override(const char *key, const MdlValue *v,
			 const char *text);

/* The automatic set of `drsim sensitivity` on file with the overrides
 * sets, which must load: the paths of the scenario's main rates and
 * durations, in five kinds, each in file order —
 *   failures: each failure mode's `rate` or `ttf`, then its `repair`;
 *   hazards: each site hazard's `rate` or `every`, then its `duration`
 *     or `rebuild`; then each common cause's `rate` or `every`, then
 *     its `repair`;
 *   threats: each threat's `rate` or `every`, then its `dwell`;
 *   plans: each service plan's `decision`, then its failovers'
 *     `activation`;
 *   restores: each copy's `restore.throughput`, then its offsite copy's;
 * a law by its scale parameter (exponential mean or rate, weibull and
 * gamma scale, lognormal median or mean, normal mean, fixed value), a
 * law with none (uniform, empirical, cdf) and a value of 0 left out.
 * When there are more than max, they are taken one kind at a time in
 * turn (the first of each kind, then the second of each...) so that
 * every kind is represented.  *chosen gets the paths kept, *left_out
 * the others, both in the order above (new arrays of strings, yours to
 * g_ptr_array_unref()).  FALSE with error set when the file does not
 * parse. */
gboolean mdl_value_auto_keys(const char *file, const char *const *sets,
			     guint max, GPtrArray **chosen,
			     GPtrArray **left_out, GError **error);

#endif
