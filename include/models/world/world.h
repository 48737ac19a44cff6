/* world.h — the state of one replication of a scenario, and its events.
 *
 * A world plays replications of one scenario: failures and repairs of
 * every unit of every component, site hazards with their common-cause
 * effects, repair crews as a limited resource, and the services derived
 * from their components; it reports incidents and time integrals to a
 * recorder (record.h).  Semantics, with formulas: docs/model.md.
 *
 * One world per worker thread: mdl_world_new() allocates everything once
 * (engine, streams, state arrays) and mdl_world_run() resets and reuses
 * it for each replication, so per-replication setup allocates nothing.
 * Replication r draws only from streams derived from (seed, r, entity), one
 * stream per component (failures, repairs), per site and per crew, so a
 * change to one entity leaves the others' draws unchanged (common random
 * numbers across compared scenarios).
 *
 * Ownership: the world borrows the scenario (which must outlive it) and
 * owns the rest.  Not thread-safe: one world, one thread.
 */
#ifndef DRSIM_MODELS_WORLD_H
#define DRSIM_MODELS_WORLD_H

#include <glib.h>

#include "models/scenario/labels.h"
#include "models/scenario/scenario.h"
#include "models/world/record.h"

typedef struct MdlWorld MdlWorld;

/* Event priorities: among events due at the same instant, restorations
 * fire before new failures, so a repair and a failure at one instant never
 * make a zero-length incident by their order alone. */
enum {
	MDL_PRIO_REPAIR = 10,
	MDL_PRIO_SITE_BACK = 20,
	MDL_PRIO_CREW = 30,
	MDL_PRIO_FAILURE = 40,
	MDL_PRIO_HAZARD = 50,
};

/* A world for sc (borrowed).  Never returns NULL. */
MdlWorld *mdl_world_new(const MdlScenario *sc);

/* Frees w; accepts NULL. */
void mdl_world_free(MdlWorld *w);

/* -- exercises: one disaster, injected at a given instant --------------- */

typedef enum {
	MDL_INJECT_OUTAGE,	/* site: all down for a duration */
	MDL_INJECT_DESTROYED,	/* site: destroyed until a rebuild */
	MDL_INJECT_FAILURE,	/* component: every unit fails by a mode */
	MDL_INJECT_RANSOMWARE,	/* site: encrypted (infected dwell earlier) */
} MdlInjectKind;

typedef struct {
	char *what;		/* as given: "site:roomA:destroyed" */
	MdlInjectKind kind;
	guint index;		/* site or component */
	guint mode;		/* failure mode (component) */
	double at_h;		/* when, hours from the start */
	SimDist *duration;	/* outage duration, rebuild or forensics */
	SimDist *dwell;		/* ransomware: infection before at_h; NULL 0 */
	guint cause;		/* its cause label */
} MdlInjection;

/* Parses "WHAT@WHEN" for the scenario: WHAT is site:ID:outage[:DURATION],
 * site:ID:destroyed[:REBUILD], component:ID:failure:MODE or
 * ransomware:SITE[:REBUILD]; WHEN a date-time ("2026-03-01 14:00") or an
 * offset from the start ("+36h").  A duration not given comes from the
 * site's first hazard of that effect, or the scenario's first ransomware
 * threat (its dwell and rebuild).  Fills *inj (free with
 * mdl_injection_clear()); FALSE with error otherwise. */
gboolean mdl_injection_parse(const MdlScenario *sc, const MdlLabels *labels,
			     const char *spec, MdlInjection *inj,
			     GError **error);
void mdl_injection_clear(MdlInjection *inj);

/* Plays replication rep with nothing failing but the injection (NULL:
 * as mdl_world_run()): every random delay of the recovery is still
 * drawn.  The replication ends when nothing is left to happen, or at the
 * scenario's horizon. */
gboolean mdl_world_run_exercise(MdlWorld *w, guint64 rep,
				const MdlInjection *inj,
				const MdlRecorder *rec, gpointer sink,
				GError **error);

/* A trace of one replication, for timelines: every change of a
 * component's or service's state ("up", "down"), and every recovery step
 * of a service ("detected", "declaration started", "declared", "failover
 * started SITE", "failover done SITE", "failover failed SITE", "restore
 * started DATASET/COPY", "restore done DATASET/COPY", "restore failed
 * DATASET/COPY", "unrecoverable DATASET", "rebuild started COMPONENT",
 * "rebuild done COMPONENT", "rebuild failed COMPONENT", "failback
 * started", "failback done"), at simulated time t. */
typedef enum {
	MDL_TRACE_COMPONENT,
	MDL_TRACE_SERVICE,
	MDL_TRACE_STEP,		/* id: the service (the dataset for restores,
				   the component for rebuilds) */
} MdlTraceKind;

typedef void (*MdlTraceFn)(double t, MdlTraceKind kind, const char *id,
			   const char *what, gpointer data);

/* Traces the next replications played into fn (NULL: stop tracing);
 * data is passed back. */
void mdl_world_set_trace(MdlWorld *w, MdlTraceFn fn, gpointer data);

/* The cause and path labels of w's scenario (owned by w). */
const MdlLabels *mdl_world_labels(const MdlWorld *w);

/* Plays replication rep over the scenario's horizon, reporting what it
 * measures to rec with sink (rec->end_replication() last).  Returns
 * FALSE with error set if the replication cannot complete (event budget
 * exhausted: a model that never stops). */
gboolean mdl_world_run(MdlWorld *w, guint64 rep, const MdlRecorder *rec,
		       gpointer sink, GError **error);

#endif
