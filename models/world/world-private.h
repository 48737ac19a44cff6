/* world-private.h — the state of a replication, shared by world.c (units,
 * services), repairs.c (crews), hazards.c (site hazards), protect.c
 * (recovery points of copies) and recovery.c (incidents, declarations,
 * failovers, restores, ransomware).
 * Only models/ includes this; the contract is world.h. */
#ifndef DRSIM_MODELS_WORLD_PRIVATE_H
#define DRSIM_MODELS_WORLD_PRIVATE_H

#include <math.h>

#include "models/scenario/labels.h"
#include "models/world/world.h"
#include "sim/engine.h"
#include "sim/rng.h"

/* A span of time [a, b); b is INFINITY while it lasts. */
typedef struct {
	double a, b;
} Interval;

typedef struct {
	guint comp;
	gboolean failed;
	gboolean operating;	/* its time to failure is running */
	gboolean active;	/* carries the load (operating aging) */
	gboolean queued;	/* waiting in its crew's line */
	guint mode;		/* mode of the next or last failure */
	SimTime since;		/* operating since */
	SimTime asked;		/* repair requested at */
	SimEventId fail_ev, repair_ev;
	double *life;		/* remaining time to failure, per mode */
} Unit;

typedef struct {
	guint first, up;	/* units [first, first + count); up now */
	gboolean is_up;		/* up >= need */
	gboolean dirty;		/* needs an operating_update */
	gboolean relocated;	/* rebuilt elsewhere while its site is lost */
	SimEventId rebuild_ev;	/* its rebuild elsewhere, in progress */
	double rebuild_success;	/* ... and the strategy's success */
	const SimDist *rebuild_law;	/* ... and its duration */
	gsl_rng *rebuild_rng;	/* rebuild durations and outcomes */
	SimTime last;		/* integrals accrued up to */
	double up_time, unit_time;
	gsl_rng *fail_rng, *repair_rng;
	GArray *services;	/* guint: services requiring it */
	GArray *datasets;	/* guint: datasets stored on it */
} Comp;

typedef struct {
	guint outages;		/* outage effects in progress */
	gboolean destroyed;
	gboolean encrypted;	/* ransomware: until its rebuild */
	gsl_rng *rng;
	GArray *comps;		/* guint: components on the site */
	GArray *down;		/* Interval: when the site was not up */
} Site;

typedef struct {
	guint busy;
	GQueue line;		/* units waiting, as GUINT_TO_POINTER(u + 1) */
	SimEventId open_ev;	/* dispatch at the next staffed instant */
	gsl_rng *rng;
} Crew;

/* A dataset's primary copy. */
typedef struct {
	gboolean intact;
	double lost_at;		/* start of the current loss */
	double limit;		/* latest acceptable recovery point */
	double forensics_until;	/* restores wait until then */
	gboolean authorised;	/* a plan asked for its restore */
	gboolean manual;	/* ... through a human step */
	SimEventId restore_ev;	/* restore in progress */
	guint restore_copy;
	double restore_rp;	/* recovery point being restored */
	double restored_at;	/* last restore: its end, -INF if none */
	double restored_rp;	/* ... and the recovery point it used */
	double born;		/* its oldest data: -history, or the instant
				   it restarted empty after a loss for good */
	double frozen_at;	/* retention suspended since (a declared
				   disaster), INFINITY: running */
	GArray *blocked;	/* Interval: no job could read it (source down
				   or data lost) */
	GArray *services;	/* guint: services using it */
	gsl_rng *rng;		/* restore outcomes */
	guint first_copy;	/* its copies in World.copies */
} Data;

typedef struct {
	GArray *wipes;		/* double: instants every instance was lost */
	uint64_t key;		/* stream key: jobs draw from key ^ job */
} CopyState;

typedef struct {
	gboolean up, dirty;	/* up: serving users */
	gboolean primary_ok;	/* components and dependencies up */
	SimTime last;
	double uptime;
	GArray *dependents;	/* guint: services depending on it */
	/* standby */
	gboolean on_standby;
	guint standby_site;
	guint standby_strategy;	/* the failover that put it there */
	double standby_rp;	/* recovery point of the standby's data */
	gboolean failing_back;	/* planned outage in progress */
	gboolean failover_busy;	/* an attempt in progress, or its retry
				   awaited */
	guint failover_failures;	/* failed attempts of the failover
					   strategy being tried */
	/* the open incident */
	gboolean open;
	double t0, t_detect, t_declare;
	guint cause;
	gboolean destructive;	/* data lost, site destroyed, ransomware */
	gboolean declared;
	gboolean began_on_standby;	/* the standby itself went down */
	gboolean data_unknown;
	guint path;
	/* per dataset of the service, for the open incident: its outcome
	 * (labels.h outcome digit: 0 not lost, k restored from copy k − 1,
	 * n_copies + 1 lost for good) and the recovery point it got */
	guint *outcome;
	double *outcome_rp;
	SimEventId detect_ev, declare_ev, step_ev;
	gsl_rng *rng;		/* detection, decisions, activations */
} Svc;

/* A random stream and the key of its name. */
typedef struct {
	gsl_rng *r;
	uint64_t key;
} Stream;

/* A site hazard or a ransomware threat, flattened. */
typedef struct {
	guint site, index;
} HazardRef;

struct MdlWorld {
	const MdlScenario *sc;
	const MdlLabels *labels;	/* own_labels, or a view of the main
					   world's (replaced world) */
	MdlLabels *own_labels;
	SimEngine *eng;
	guint64 seed, rep;	/* of the replication being played */
	Unit *units;
	guint n_units;
	double *lives;
	Comp *comps;
	Site *sites;
	Crew *crews;
	Svc *svcs;
	Data *data;
	CopyState *copies;	/* every copy of every dataset, in order */
	guint n_copies;
	HazardRef *hazards;
	guint n_hazards;
	gsl_rng *job_rng;	/* reseeded per job, see protect.c */
	gsl_rng *threat_rng;
	double *infected_at;	/* per ransomware threat: current infection */
	guint cause;		/* cause of the event being handled */
	gboolean *cause_destroys;	/* per cause: destructive by itself */
	GArray *dirty_comps;	/* guint: components to re-age */
	GArray *dirty_svcs;	/* guint: services to re-evaluate */
	guint *order_pos;	/* per service: its place in service_order */
	GArray *streams;	/* Stream: every stream, reseeded per rep */
	SimEventId settle_ev;	/* pending end-of-instant work */
	guint n_lost;		/* datasets not intact */
	guint n_standby;	/* services on a standby */
	gboolean exercise;	/* nothing happens but the injection */
	const MdlInjection *injection;
	MdlTraceFn trace;	/* NULL: no trace */
	gpointer trace_data;
	/* the recorder of the replication being played, and what it
	 * reports of (the main scenario, in a replaced world too) */
	const MdlRecorder *rec;
	gpointer sink;
	const MdlScenario *report_sc;
	/* Phases (replaced.c; docs/model.md, "Replaced infrastructure") */
	double start;		/* when this world's topology took over */
	MdlWorld *replaced;	/* world of sc->replaces, or NULL */
	double *before_uptime;	/* per service: uptime in the replaced
				   world, this replication */
	/* In the world of a replaced topology: each service's index in the
	 * main scenario (out's), or G_MAXUINT for one it does not run;
	 * NULL in the main world. */
	guint *svc_out;
	const char *stream_prefix;	/* "" or "replaced:" */
	gboolean quiet_stop;	/* stop once no reported incident is open */
};

/* Event priorities not in world.h. */
enum {
	PRIO_RESTORED = 12,
	PRIO_STEP = 35,
	PRIO_SETTLE = 250,	/* after everything else due at the instant */
};

static inline const MdlComponent *mcomp(const MdlWorld *w, guint c)
{
	return &w->sc->components[c];
}

/* A draw of d, 0 when there is no law. */
static inline double world_draw(const SimDist *d, gsl_rng *r)
{
	return d ? sim_dist_sample(d, r) : 0;
}

static inline double world_now(const MdlWorld *w)
{
	return sim_engine_now(w->eng);
}

/* Service s's index in out, or G_MAXUINT when out does not report it. */
static inline guint world_out_service(const MdlWorld *w, guint s)
{
	return w->svc_out ? w->svc_out[s] : s;
}

static inline gboolean site_ok(const MdlWorld *w, guint s)
{
	const Site *st = &w->sites[s];

	return st->outages == 0 && !st->destroyed && !st->encrypted;
}

/* world.c */
MdlWorld *world_new(const MdlScenario *sc, const MdlLabels *labels,
		    const char *stream_prefix);
/* Streams of replication rep of a run seeded with seed. */
void world_reseed(MdlWorld *w, guint64 seed, guint64 rep);
/* Everything new and up at `start`, the first events scheduled. */
void world_reset(MdlWorld *w, double start);
/* Plays from now to horizon (more when quiet_stop); FALSE with error
 * when the event budget runs out. */
gboolean world_play(MdlWorld *w, double horizon, GError **error);
void world_unit_renew(MdlWorld *w, guint unit);

/* repairs.c: crews (docs/model.md, "Repair crews") */
/* Unit failed now: its repair starts at once, or waits for its crew. */
void world_repair_request(MdlWorld *w, guint unit);
/* Gives waiting repairs to the free members of crew k, if it can now. */
void world_crew_dispatch(MdlWorld *w, guint k);
/* Withdraws unit's repair: out of its crew's line, or its member freed. */
void world_repair_cancel(MdlWorld *w, guint unit);

/* hazards.c: site hazards (docs/model.md, "Site hazards") */
/* Schedules the first occurrence of every hazard of every site. */
void world_schedule_hazards(MdlWorld *w);
/* Everything on site s is lost now, until a rebuild. */
void world_destroy_site(MdlWorld *w, guint s);
/* Site s is rebuilt now: every unit on it as good as new, then
 * everything downstream refreshed. */
void world_site_rebuilt(MdlWorld *w, guint s);
/* Site s changed state: its components, then everything downstream. */
void world_site_refresh(MdlWorld *w, guint s);

/* exercise.c: the injection of mdl_world_run_exercise() */
void world_schedule_injection(MdlWorld *w, const MdlInjection *inj);

void world_trace(MdlWorld *w, MdlTraceKind kind, const char *id,
		 const char *what);
void world_comp_update(MdlWorld *w, guint c);
void world_data_blocked_update(MdlWorld *w, guint d);
void world_mark_service(MdlWorld *w, guint s);
void world_site_changed(MdlWorld *w, guint s);
void world_propagate(MdlWorld *w);
void world_propagate_settled(MdlWorld *w);
/* TRUE when t falls in one of spans (sorted, disjoint Intervals). */
gboolean world_interval_contains(const GArray *spans, double t);
/* TRUE when one of spans meets the closed [from, to]. */
gboolean world_interval_meets(const GArray *spans, double from, double to);
void world_interval_open(GArray *spans, double t);
void world_interval_close(GArray *spans, double t);

/* protect.c: recovery points */
void protect_init(MdlWorld *w);
void protect_reset(MdlWorld *w);
void protect_free(MdlWorld *w);
/* The best recovery point of dataset d usable now, <= limit and < before:
 * its instant in *rp and the copy in *copy; FALSE when none. */
gboolean protect_best(MdlWorld *w, guint d, double limit, double before,
		      double *rp, guint *copy);
/* The recovery point the replica (copy `copy` of dataset d) offers for
 * data as of `at`: at − lag, or -INFINITY when unusable now. */
double protect_replica(MdlWorld *w, guint d, guint copy, double at);
/* Every instance of copy k (index into World.copies) is lost now. */
void protect_wipe(MdlWorld *w, guint k);
/* The site copy k lives on. */
guint protect_copy_site(const MdlWorld *w, guint k);
/* Size of dataset d at t, in bytes. */
double protect_size(const MdlWorld *w, guint d, double t);

/* replaced.c */
/* The world of sc->replaces inside w, when there is one. */
void replaced_init(MdlWorld *w);
/* Plays the replaced topology from 0 until w's takes over: sets
 * w->start and w->before_uptime, reports to w->rec. */
gboolean replaced_play(MdlWorld *w, GError **error);
/* An incident of w (a replaced world) closed: stops it when it was the
 * last one open past the switch. */
void replaced_incident_closed(MdlWorld *w);

/* recovery.c */
void recovery_init(MdlWorld *w);
void recovery_reset(MdlWorld *w);
void recovery_free(MdlWorld *w);
gboolean recovery_serving(const MdlWorld *w, guint s);
void recovery_incident_open(MdlWorld *w, guint s);
void recovery_incident_close(MdlWorld *w, guint s);
void recovery_lose_data(MdlWorld *w, guint d, double limit);
/* Data on component c is lost now (data_loss failure, destruction):
 * its datasets; RPO unknown for services using c without datasets. */
void recovery_data_loss_on(MdlWorld *w, guint c);
void recovery_after_change(MdlWorld *w);
/* ransomware.c */
void recovery_schedule_threats(MdlWorld *w);
void recovery_censor(MdlWorld *w);
void recovery_inject_ransomware(MdlWorld *w, const MdlInjection *inj);

#endif
