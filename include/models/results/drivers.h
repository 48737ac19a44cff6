/* drivers.h — what drives a service's breaches, as figures derived from
 * merged results (docs/model.md, "What drives the breaches").
 *
 * Two answers per service:
 *   by cause     of its breaches (closed incidents that missed the RTO or
 *                the RPO target), its downtime hours (the RTO of its
 *                closed incidents, summed) and its data lost (their known
 *                RPO, summed), the share of each cause; sorted by share
 *                of breaches, then of downtime, then of data lost, then
 *                in label order;
 *   importance   of each component and site, the fraction of the
 *                service's breach-hours (the durations of its breaches,
 *                summed) during which it was down: a component with
 *                fewer than `need` units up, a site not up (an outage,
 *                destroyed, encrypted); sorted by share, ties in
 *                MdlResults order (components, sites, then those of the
 *                replaced topology).  Not additive: a site down takes its
 *                components down with it, and several things may be down
 *                at once.
 * Every figure is exact: counts and sums, no estimate.  A share whose
 * whole is 0 (no breach, no downtime, no data lost) is NAN.
 *
 * Ownership: mdl_drivers_new() returns figures you own
 * (mdl_drivers_free()); they borrow the results' scenario and labels for
 * their ids and must not outlive them.
 */
#ifndef DRSIM_MODELS_RESULTS_DRIVERS_H
#define DRSIM_MODELS_RESULTS_DRIVERS_H

#include <glib.h>

#include "models/results/results.h"

typedef struct {
	guint cause;		/* labels.h index */
	const char *label;	/* borrowed from the labels */
	guint64 breaches;	/* incidents − both targets met */
	double downtime_h;	/* RTO summed */
	double data_lost_h;	/* known RPO summed */
	double breaches_share, downtime_share, data_lost_share;
} MdlCauseShare;

typedef struct {
	MdlDownElement what;
	double down_h;		/* hours down during the breaches */
	double share;		/* down_h / breach_h */
} MdlImportance;

typedef struct {
	guint64 breaches;
	double breach_h, downtime_h, data_lost_h;	/* the wholes */
	MdlCauseShare *by_cause;	/* causes with closed incidents */
	guint n_causes;
	MdlImportance *importance;	/* every one of r->n_down */
	guint n_importance;
} MdlDrivers;

/* The drivers of service i of r (r->labels set).  Never NULL. */
MdlDrivers *mdl_drivers_new(const MdlResults *r, guint i);

/* Frees d; accepts NULL. */
void mdl_drivers_free(MdlDrivers *d);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(MdlDrivers, mdl_drivers_free)

/* "component" or "site". */
const char *mdl_down_kind(const MdlDownElement *e);

/* Its name in a report: the id, prefixed "replaced:" for the replaced
 * topology's; yours to g_free(). */
char *mdl_down_name(const MdlDownElement *e);

#endif
