/* record.h — what a world reports as it plays a replication, and to
 * whom: the recorder interface.
 *
 * The world (world.h) knows nothing of what is done with its figures:
 * it calls a recorder, a table of functions with an opaque sink, at each
 * fact it measures.  The mergeable accumulators of results/ are one
 * recorder (mdl_results_recorder(), results.h); a test may be another.
 * Services, causes and paths are indices of the reported scenario and of
 * its labels (labels.h); the components and sites of an incident's
 * down_h, of the topology that played it (the reported scenario's, or
 * the one it replaces).  Semantics of every figure: docs/model.md.
 */
#ifndef DRSIM_MODELS_WORLD_RECORD_H
#define DRSIM_MODELS_WORLD_RECORD_H

#include <glib.h>

/* One closed incident of a service, as the world reports it. */
typedef struct {
	guint64 rep;		/* replication */
	guint service, cause, path;	/* cause, path: labels.h indices */
	double t0, t_detect, t_restored;
	double t_declare;	/* NAN when not declared */
	double rpo_h;		/* t0 − recovery point; 0 if nothing lost;
				   NAN when unknown; a dataset lost for good
				   counts from its oldest data */
	guint dataset, copy;	/* the copy of the worst restore, when
				   has_copy */
	gboolean has_copy;
	guint lost_for_good;	/* datasets with no usable copy */
	double rpo_priced_h;	/* when lost_for_good: the worst RPO of its
				   datasets not priced by a data_loss_total
				   (mdl_scenario_loss_total()), charged at
				   data_loss_per_hour */
	/* What was down during [t0, t_restored], in hours: each component
	 * (fewer than `need` units up), then each site (not up: an outage,
	 * destroyed, encrypted) of the topology that played the incident —
	 * n_components + n_sites of its scenario, in their order, at the
	 * indices down_idx.  Borrowed for the call; NULL when not
	 * measured. */
	const double *down_h;
	/* the indices of down_h measured: the components and sites the
	 * service relies on (its requirements, those of the services it
	 * depends on, of its strategies and datasets' storage, and their
	 * sites); the others are not set.  Borrowed for the call. */
	const guint *down_idx;
	guint n_down_idx;
	gboolean replaced;	/* played by the topology the reported
				   scenario replaces: down_h is of that
				   scenario's components and sites */
	/* The hospital's side (docs/model.md, "The hospital during an
	 * outage"): the work recovery time after t_restored, drawn from the
	 * reported service's work_recovery (0 when it has none, or when
	 * the outage ended before its paper mode began); and when every
	 * dataset of the incident was wholly restored — after t_restored
	 * when one was restored in parts (its first part brought the
	 * service back), NAN when none was. */
	double wrt_h;
	double t_full;
} MdlIncident;

typedef struct {
	/* a closed incident */
	void (*incident)(gpointer sink, const MdlIncident *inc);
	/* an incident of service, begun at t0, still open at the horizon */
	void (*censored)(gpointer sink, guint service, double t0);
	/* service was up during [a, b) */
	void (*uptime)(gpointer sink, guint service, double a, double b);
	/* service was down planned (a maintenance window, no incident)
	 * during [a, b); may be NULL (then not reported) */
	void (*planned)(gpointer sink, guint service, double a, double b);
	/* a cause (labels.h index) occurred at t */
	void (*occurrence)(gpointer sink, guint cause, double t);
	/* provider (a scenario index) exited at a: the services hosted
	 * there ran in degraded mode during [a, b), b possibly past the
	 * horizon (docs/model.md, "Provider risks") */
	void (*degraded)(gpointer sink, guint provider, double a, double b);
	/* dataset `id` had no usable copy left at t */
	void (*lost_for_good)(gpointer sink, const char *id, double t);
	/* the new topology took over at t (a scenario that replaces one) */
	void (*switched)(gpointer sink, double t);
	/* a repair of crew started wait_h hours after it was asked for */
	void (*repair_started)(gpointer sink, guint crew, double wait_h);
	/* crew (one with absences) was at reduced size reduced_h hours of
	 * the span_h hours measured (from the instant the topology took
	 * over to the horizon) */
	void (*crew_reduced)(gpointer sink, guint crew, double reduced_h,
			     double span_h);
	/* component c over the replication: availability, units up */
	void (*component)(gpointer sink, guint c, double availability,
			  double units_up);
	/* engine events fired */
	void (*events)(gpointer sink, guint64 n);
	/* the replication ends: each service's uptime, in hours */
	void (*end_replication)(gpointer sink, const double *uptime_h);
} MdlRecorder;

#endif
