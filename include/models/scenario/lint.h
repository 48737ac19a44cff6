/* lint.h — warnings about a valid scenario whose plan cannot hold.
 *
 * A scenario that loads is well formed; it may still describe a plan
 * that fails by construction, whatever the dice say: an RTO below the
 * fastest restore, an RPO below what any copy can give, health data
 * outside the EEA, no immutable or no off-site copy (3-2-1), a standby
 * sharing a single point of failure with its primary, copies kept for
 * less than a ransomware dwell time; or a project lead time during which
 * nothing is simulated.  mdl_lint() finds those from the
 * scenario alone (means of laws, sizes at the horizon), without playing
 * it; the rules and their formulas are in docs/scenario-format.md, "Lint".
 *
 * Invariants: each warning points at the line of the object concerned
 * (service, dataset, copy, strategy), in the scenario's file or the file
 * it @include's that holds the object, and names its key as a `--set`
 * path (`services.dpi.rto`, `datasets.dpi-db.copies.nightly.offsite`);
 * warnings come sorted by line, then key.  Messages are lowercase, quote
 * names, and have no final full stop.
 *
 * Ownership: the array and every warning in it are yours; freeing the
 * array frees the warnings.  The scenario is borrowed.
 *
 * Complexity: O(services × (requirements + datasets × copies +
 * strategies × requirements) + datasets × copies).
 */
#ifndef DRSIM_MODELS_LINT_H
#define DRSIM_MODELS_LINT_H

#include <glib.h>

#include "models/scenario/scenario.h"

typedef struct {
	int line;	/* line of the object concerned, in file */
	char *key;	/* its `--set` path, e.g. "services.dpi.rto" */
	char *message;	/* what cannot hold, e.g. "'rpo' 1h of service ..." */
	char *fix;	/* what would fix it */
	const char *file; /* the @include'd file the object is in, borrowed
			     from the scenario; NULL: the scenario's own */
} MdlLintWarning;

/* The warnings of sc (borrowed, a loaded scenario): a GPtrArray of
 * MdlLintWarning *, empty when the plan has nothing to flag, never NULL.
 * You own it; g_ptr_array_unref() frees the warnings too.  NULL only when
 * sc is NULL (a programming error). */
GPtrArray *mdl_lint(const MdlScenario *sc);

/* Frees a warning; accepts NULL. */
void mdl_lint_warning_free(MdlLintWarning *w);

/* "FILE:LINE: warning: MESSAGE (fix: FIX)", without a newline, for the
 * warning w (borrowed) of the scenario file `file` (FILE: w->file when
 * set).  Yours to g_free();
 * NULL when w or file is NULL. */
char *mdl_lint_warning_format(const MdlLintWarning *w, const char *file);

#endif
