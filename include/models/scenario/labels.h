/* labels.h — names of incident causes and recovery paths, by index.
 *
 * Results are broken down by cause (what started an incident) and by path
 * (what ended it).  Both are small integers into tables built once per
 * scenario, in a fixed order, so that per-cause arrays merge by index:
 *
 * causes: "component:ID:MODE" for every failure mode of every component
 *         (component order, then mode order), "site:ID:HAZARD" for every
 *         hazard, "common:NAME" for every common cause,
 *         "ransomware:NAME" for every threat, "provider:ID:exit" for
 *         every provider (its exit, docs/model.md "Provider risks"),
 *         then "dependency"
 *         (a service it depends on went down, root cause unknown to it),
 *         "standby" (the standby it ran on failed) and "failback" (the
 *         planned outage of a failback);
 * paths:  "repair" (the primary came back, data intact), "failover:SITE"
 *         for every site, "restore:DATASET/COPY" for every copy of every
 *         dataset followed by "unrecoverable:DATASET" (no usable copy:
 *         the data is lost for good and the dataset restarts empty),
 *         "failback", then, for every service with several datasets,
 *         the combined outcomes of incidents in which two or more of
 *         them were lost ("restore:db/nightly+unrecoverable:img", in the
 *         order of the service's `data`).
 *
 * A scenario that replaces another (sc->replaces: the topology in service
 * until its own is) has, after its own causes and after its own paths,
 * those of the replaced scenario prefixed with MDL_LABELS_REPLACED
 * ("replaced:component:san:disk"); mdl_labels_replaced() is the view
 * through which the replaced scenario's world finds them.
 *
 * Immutable once built; shared by every thread.
 */
#ifndef DRSIM_MODELS_LABELS_H
#define DRSIM_MODELS_LABELS_H

#include <glib.h>

#include "models/scenario/scenario.h"

typedef struct MdlLabels MdlLabels;

#define MDL_LABELS_REPLACED "replaced:"

MdlLabels *mdl_labels_new(const MdlScenario *sc);
void mdl_labels_free(MdlLabels *l);

/* The labels of sc->replaces inside l (owned by l, same tables, indices
 * into l), or NULL when sc replaces nothing. */
const MdlLabels *mdl_labels_replaced(const MdlLabels *l);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(MdlLabels, mdl_labels_free)

guint mdl_labels_n_causes(const MdlLabels *l);
guint mdl_labels_n_paths(const MdlLabels *l);
const char *mdl_labels_cause(const MdlLabels *l, guint cause);
const char *mdl_labels_path(const MdlLabels *l, guint path);

/* Cause indices. */
guint mdl_cause_mode(const MdlLabels *l, guint component, guint mode);
guint mdl_cause_hazard(const MdlLabels *l, guint site, guint hazard);
guint mdl_cause_common(const MdlLabels *l, guint common);
guint mdl_cause_ransomware(const MdlLabels *l, guint threat);
guint mdl_cause_provider_exit(const MdlLabels *l, guint provider);
guint mdl_cause_dependency(const MdlLabels *l);
guint mdl_cause_standby(const MdlLabels *l);
guint mdl_cause_failback(const MdlLabels *l);

/* Path indices. */
guint mdl_path_repair(const MdlLabels *l);
guint mdl_path_failover(const MdlLabels *l, guint site);
guint mdl_path_restore(const MdlLabels *l, guint dataset, guint copy);
guint mdl_path_unrecoverable(const MdlLabels *l, const MdlScenario *sc,
			     guint dataset);
guint mdl_path_failback(const MdlLabels *l);

/* Combined outcomes of a service with several datasets: an outcome code
 * is a mixed-radix number with one digit per dataset of its `data`, in
 * order, of radix n_copies + 2 (0: not lost, k: restored from copy
 * k − 1, n_copies + 1: lost for good).  A service has at most
 * MDL_LABELS_MAX_OUTCOMES codes with labels of their own; beyond, its
 * combined incidents are labelled by their worst dataset alone. */
#define MDL_LABELS_MAX_OUTCOMES 4096u
/* The number of codes of service (MDL_LABELS_MAX_OUTCOMES + 1 when more). */
guint mdl_path_outcomes(const MdlScenario *sc, guint service);
/* The path of code, or G_MAXUINT when fewer than two datasets were lost
 * or the service has no combined labels. */
guint mdl_path_outcome(const MdlLabels *l, guint service, guint code);

/* -- steps: what an exercise's trace names (world.h, MdlTraceFn) -------- */

/* Every step service can go through in an exercise, as the trace names
 * them and the exercise table prints them, in this order: "down",
 * "detected", "declaration started", "declared"; for each site of its
 * failover strategies "failover started SITE", "failover done SITE",
 * "failover failed SITE"; for each component it requires that a rebuild
 * strategy of some service rebuilds "rebuild started COMPONENT",
 * "rebuild done COMPONENT", "rebuild failed COMPONENT"; for each of its
 * datasets and each copy "restore started DATASET/COPY", "restore done
 * DATASET/COPY", "restore failed DATASET/COPY", then "unrecoverable
 * DATASET"; "restored"; with a failback "failback started", "failback
 * done".  Possible, not certain: most never happen in a given exercise.
 * The scenario's own topology only (an exercise never plays a replaced
 * one).  Returns a new NULL-terminated array, yours to g_strfreev(). */
char **mdl_labels_steps(const MdlScenario *sc, guint service);

#endif
