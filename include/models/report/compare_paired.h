/* compare_paired.h — the paired differences of compare (results/
 * compare.h, paired.h) in its JSON: per service, and for the costs.
 *
 *   "differences": [ { "scenario": LABEL_j, "minus": LABEL_0,
 *       "FIGURE": { "diff": d, "ci95": [lo, hi], "better": LABEL | "=" },
 *       ... } ]
 *
 * one entry per scenario j > 0 against the first, a member per paired
 * figure (mdl_paired_name(), mdl_paired_cost_name()); a number that does
 * not exist is null, and "better" is null when there is no difference.
 */
#ifndef DRSIM_MODELS_REPORT_COMPARE_PAIRED_H
#define DRSIM_MODELS_REPORT_COMPARE_PAIRED_H

#include <json-glib/json-glib.h>

#include "models/results/compare.h"

/* Adds member "differences" of the k-th service of c->common to the
 * object b is building; nothing when c has no pairs. */
void mdl_compare_json_service_differences(JsonBuilder *b,
					  const MdlCompareSet *c, guint k);

/* Adds member "cost_differences" (null when not every scenario has
 * costs); nothing when c has no pairs. */
void mdl_compare_json_cost_differences(JsonBuilder *b,
				       const MdlCompareSet *c);

/* The label of the better one of scenario j and the first by p (better
 * as mdl_paired_verdict()), "=", or NULL when there is no difference. */
const char *mdl_compare_paired_better(const MdlCompareSet *c, guint j,
				      const MdlPaired *p, int better);

#endif
