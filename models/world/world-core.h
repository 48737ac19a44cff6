/* world-core.h — the core of a replication, on which the mechanisms of
 * world/ build: its state (units, components, sites, crews, services,
 * datasets and copies), its propagation (world.c: a change of units or
 * sites, then the services, then aging; runaway.c: the event budget),
 * and the hooks through which the core and the mechanisms call one
 * another.
 *
 * The mechanisms are repairs.c (crews), people.c (their absences and
 * key persons), hazards.c (site hazards), common.c (common causes),
 * provider.c (a host's exit), protect.c (recovery points of copies), recovery.c (incidents,
 * declarations, failovers, rebuilds), restores.c (restores and losses
 * for good), ransomware.c, replaced.c (the topology in service until
 * this one), exercise.c (an injected disaster), hospital.c (the
 * hospital's work recovery after an incident) and planned.c
 * (maintenance windows); steps.c offers them
 * the trace of a step and the wait for a crew.  Each includes this and its own header only, and reaches
 * another mechanism through w->hooks, never directly; mechanisms.c fills
 * the table and is the only file that knows them all.  So the calls go
 * mechanism -> core, and core -> hooks, one way.
 *
 * Only models/world/ includes this; the contract is world.h. */
#ifndef DRSIM_MODELS_WORLD_CORE_H
#define DRSIM_MODELS_WORLD_CORE_H

#include <math.h>

#include "models/scenario/labels.h"
#include "models/world/record.h"
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
	guint struck;		/* common causes holding it down now
				   (common.c): down, not failed */
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
	double down_time;	/* hours below need, since the topology took
				   over (world_down_hours_of()) */
	gsl_rng *fail_rng, *repair_rng;
	GArray *services;	/* guint: services requiring it */
	GArray *datasets;	/* guint: datasets stored on it */
	GArray *links;		/* guint: replication copies travelling on
				   it (`via`; index into World.copies),
				   filled by protect.c */
	guint maint;		/* maintenance windows holding it down
				   planned now (planned.c): still up */
} Comp;

typedef struct {
	guint outages;		/* outage effects in progress */
	gboolean destroyed;
	gboolean encrypted;	/* ransomware: until its rebuild */
	gsl_rng *rng;
	GArray *comps;		/* guint: components on the site */
	GArray *down;		/* Interval: when the site was not up */
	double down_time;	/* hours of the intervals of down closed */
	double down_since;	/* start of the open one, INFINITY: up */
} Site;

typedef struct {
	guint busy;
	GQueue line;		/* units waiting, as GUINT_TO_POINTER(u + 1) */
	SimEventId open_ev;	/* dispatch at the next staffed instant */
	gsl_rng *rng;
	/* its people (people.c): members away now (the sum of the sizes of
	 * the absences under way, possibly above the crew's size), since
	 * when some are (INFINITY: none), the hours at reduced size of the
	 * spans closed; its human steps slower until slow_until (a key
	 * person lost), and the stream of those losses (NULL: none) */
	guint absent;
	double absent_since;
	double reduced_h;
	double slow_until;
	gsl_rng *key_rng;
} Crew;

/* An absence of a crew (people.c), flattened, with its own stream. */
typedef struct {
	guint crew, index;
	gsl_rng *rng;
} AbsenceRef;

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
	double rest_h;		/* restored in parts: what the restore in
				   progress has left after its first part
				   (the background), in hours */
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
	GArray *cut;		/* Interval: replication stopped, a component
				   of its `via` below its need; NULL: the
				   copy has no `via` */
} CopyState;

/* A common cause (common.c): its stream, and the units its occurrence in
 * effect holds down (empty between occurrences). */
typedef struct {
	gsl_rng *rng;		/* occurrences, repairs, units struck */
	GArray *struck;		/* guint: unit indices */
} Common;

typedef struct {
	gboolean up, dirty;	/* up: serving users */
	gboolean primary_ok;	/* components and dependencies up */
	gboolean planned;	/* up, but held down by a maintenance
				   window: planned downtime, no incident */
	SimTime last;
	double uptime;		/* up and not planned */
	GArray *dependents;	/* guint: services depending on it */
	/* standby */
	gboolean on_standby;
	guint standby_site;
	guint standby_strategy;	/* the failover that put it there */
	double standby_rp;	/* recovery point of the standby's data */
	gboolean failing_back;	/* planned outage in progress */
	gboolean window_due;	/* a maintenance window awaited for the
				   failback starts now */
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
	/* when its datasets restored in parts are wholly back (NAN: none
	 * was restored in parts) */
	double t_full;
	/* world_down_hours_of() at t0: what was down before the incident, of
	 * the components and sites the service relies on (relevant: its
	 * requirements, those of the services it depends on, of its
	 * strategies and datasets' storage, and their sites; indices as in
	 * world_down_hours_of()) */
	double *down_t0;
	guint *relevant;
	guint n_relevant;
	SimEventId detect_ev, declare_ev, step_ev;
	SimEventId window_ev;	/* a failback waiting for a window */
	gsl_rng *rng;		/* detection, decisions, activations */
	gsl_rng *work_rng;	/* work recovery times (hospital.c) */
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

typedef struct WorldHooks WorldHooks;

struct MdlWorld {
	const WorldHooks *hooks;	/* the mechanisms (mechanisms.c) */
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
	AbsenceRef *absences;	/* of every crew */
	guint n_absences;
	gsl_rng *job_rng;	/* reseeded per job, see protect.c */
	gsl_rng *threat_rng;
	Common *common;		/* per common cause (common.c) */
	gsl_rng **provider_rng;	/* per provider: its exits (provider.c) */
	double *infected_at;	/* per ransomware threat: current infection */
	guint cause;		/* cause of the event being handled */
	gboolean *cause_destroys;	/* per cause: destructive by itself */
	GArray *dirty_comps;	/* guint: components to re-age */
	GArray *dirty_svcs;	/* guint: services to re-evaluate */
	guint *order_pos;	/* per service: its place in service_order */
	GArray *streams;	/* Stream: every stream, reseeded per rep */
	double *down_h;		/* scratch: what an incident closing saw
				   down (world_down_hours_of()) */
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
	/* Maintenance windows (planned.c): per component, then per site,
	 * whether its window is open now */
	gboolean *window_open;
};

/* Event priorities not in world.h. */
enum {
	PRIO_RESTORED = 12,
	PRIO_WINDOW_END = 15,	/* a window ends before repairs look */
	PRIO_WINDOW = 45,	/* a window starts after failures due then */
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

/* -- the hooks ------------------------------------------------------------- */

/* What the mechanisms offer the core and one another: the only way across
 * files of world/.  Every entry is set (mechanisms.c); each says where it
 * is and what it does. */
struct WorldHooks {
	/* their state, allocated in world_new() (before the streams are
	 * listed), reset for each replication in world_reset() (copies,
	 * recovery, then the first hazards and threats unless an exercise),
	 * freed in world_free() */
	void (*init)(MdlWorld *w);
	void (*reset)(MdlWorld *w);
	void (*free)(MdlWorld *w);
	/* recovery.c: whether service s serves now; an incident of s opens
	 * or closes (the core decided s went down or came back); the open
	 * incidents at the horizon; what can start once the instant settles
	 * (restores, failbacks) */
	gboolean (*serving)(const MdlWorld *w, guint s);
	void (*incident_open)(MdlWorld *w, guint s);
	void (*incident_close)(MdlWorld *w, guint s);
	void (*censor)(MdlWorld *w);
	void (*after_change)(MdlWorld *w);
	/* recovery.c: the data on component c is lost now (a data_loss
	 * failure, a destroyed site); dataset d is lost now, its recovery
	 * point at most limit (ransomware) */
	void (*data_lost_on)(MdlWorld *w, guint c);
	void (*lose_data)(MdlWorld *w, guint d, double limit);
	/* repairs.c: unit failed now (its repair, or its place in its
	 * crew's line); withdraw unit's repair; give crew k's waiting
	 * repairs to its free members */
	void (*repair_request)(MdlWorld *w, guint unit);
	void (*repair_cancel)(MdlWorld *w, guint unit);
	void (*crew_dispatch)(MdlWorld *w, guint k);
	/* hazards.c: everything on site s is lost now, until a rebuild */
	void (*destroy_site)(MdlWorld *w, guint s);
	/* protect.c: every instance of copy k, or of every copy on site s,
	 * is lost now; the best recovery point of dataset d usable now,
	 * <= limit and < before (FALSE when none); the one a replica (copy
	 * `copy` of d) offers for data as of `at`, -INFINITY when none */
	void (*wipe_copy)(MdlWorld *w, guint k);
	void (*wipe_site_copies)(MdlWorld *w, guint s);
	gboolean (*best_copy)(MdlWorld *w, guint d, double limit,
			      double before, double *rp, guint *copy);
	double (*replica_point)(MdlWorld *w, guint d, guint copy, double at);
	/* protect.c: component c, on which replications travel (its
	 * `links`), went up or down now */
	void (*links_changed)(MdlWorld *w, guint c);
	/* restores.c: start what can start now; the lost data of service
	 * s is to be restored (through a human step when manual) */
	void (*try_restores)(MdlWorld *w);
	void (*authorise_restores)(MdlWorld *w, guint s, gboolean manual);
	/* ransomware.c: an exercise's ransomware, now */
	void (*inject_ransomware)(MdlWorld *w, const MdlInjection *inj);
	/* replaced.c: an incident of w (a replaced world) closed */
	void (*replaced_closed)(MdlWorld *w);
	/* hospital.c: what the hospital adds to the incident of service s
	 * closing now: its work recovery time (inc->wrt_h, record.h) */
	void (*work_recovery)(MdlWorld *w, guint s, MdlIncident *inc);
	/* planned.c: the earliest start, at or after t, of a maintenance
	 * window of a component service s requires (its own or its
	 * site's); INFINITY when none */
	double (*next_window)(const MdlWorld *w, guint s, double t);
	/* the scenario element an event of a mechanism comes from, in
	 * words ("hazard 'fire' of site 'roomA'"), *line its object's
	 * line of the text; NULL when fn is none of theirs (world_play()
	 * names what a runaway replication is busy with) */
	char *(*event_element)(const MdlWorld *w, SimHandler fn, uint32_t arg,
			       int *line);
};

/* -- the core (world.c) ------------------------------------------------------ */

/* A world of sc with those mechanisms; labels NULL: its own. */
MdlWorld *world_new(const MdlScenario *sc, const MdlLabels *labels,
		    const char *stream_prefix, const WorldHooks *hooks);
void world_free(MdlWorld *w);
/* Streams of replication rep of a run seeded with seed. */
void world_reseed(MdlWorld *w, guint64 seed, guint64 rep);
/* Everything new and up at `start`, the first events scheduled. */
void world_reset(MdlWorld *w, double start);
/* Plays from now to horizon (more when quiet_stop); FALSE with error
 * when the event budget runs out, naming what the replication was busy
 * with (runaway.c). */
gboolean world_play(MdlWorld *w, double horizon, GError **error);
/* The scenario element an event comes from, in words, *line its
 * object's line: a unit's failure (world.c) or a mechanism's event
 * (WorldHooks.event_element); NULL for the recovery's own events. */
char *world_event_element(const MdlWorld *w, SimHandler fn, uint32_t arg,
			  int *line);
/* At the horizon: integrals closed, open incidents censored, the
 * replication's figures reported to w->rec. */
void world_collect(MdlWorld *w);
void world_unit_renew(MdlWorld *w, guint unit);
/* "failure mode 'M' of component 'C'" of unit's last or next failure,
 * *line the mode's line: the element of its failure and its repair. */
char *world_mode_element(const MdlWorld *w, guint unit, int *line);
/* Service s's uptime (up and not planned) through t >= its last change;
 * its open stretch, up or planned, recorded as service out of w->rec
 * (none when out is G_MAXUINT). */
double world_service_close(MdlWorld *w, guint s, double t, guint out);
/* Site s changed state: its components, then everything downstream. */
void world_site_refresh(MdlWorld *w, guint s);
/* Site s is rebuilt now: every unit on it as good as new, then
 * everything downstream refreshed. */
void world_site_rebuilt(MdlWorld *w, guint s);
/* Size of dataset d at t, in bytes. */
double world_data_size(const MdlWorld *w, guint d, double t);
/* Fills w->svcs[s].relevant: the components and sites service s relies
 * on (its requirements, those of the services it depends on, of its
 * strategies, its datasets' storage, and their sites), in index order
 * (down.c). */
void world_index_relevant(MdlWorld *w, guint s);

/* How long each of the n elements idx has been down — component i <
 * n_components with fewer than `need` units up, then site n_components +
 * j not up (an outage, destroyed, encrypted) — from the instant the
 * topology took over to now, in hours, less since[i] (NULL: 0), into
 * out[i] (the other entries untouched).  With since an earlier call's
 * out, what was down in between (an incident's, record.h).  O(n), from
 * integrals the state changes keep: no event pays for it. */
void world_down_hours_of(const MdlWorld *w, const guint *idx, guint n,
			 const double *since, double *out);

void world_trace(MdlWorld *w, MdlTraceKind kind, const char *id,
		 const char *what);

/* -- steps.c: for the mechanisms' human and traced steps -------------------- */

/* A recovery step of a service (a dataset for restores, a component for
 * rebuilds) in the trace, when tracing. */
void world_step(MdlWorld *w, const char *id, const char *fmt, ...)
	G_GNUC_PRINTF(3, 4);
/* The wait before a human step of crew (-1: none) can start now: 0 in
 * staffed hours, a call-out delay drawn from r on call, else until the
 * next staffed instant. */
double world_human_delay(MdlWorld *w, gint crew, gsl_rng *r);
/* How many times longer crew's (-1: none) human steps take now: 1, or
 * 1 + its key person's `slower` for a while after that person's loss. */
double world_crew_slowness(const MdlWorld *w, gint crew);
/* A human step of crew starting now: a draw of law from r (0 without a
 * law) times world_crew_slowness(). */
double world_human_step(const MdlWorld *w, gint crew, const SimDist *law,
			gsl_rng *r);

static inline const MdlPlan *world_plan(const MdlWorld *w, guint s)
{
	return &w->sc->services[s].plan;
}
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

#endif
