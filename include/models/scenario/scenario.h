/* scenario.h — a scenario, loaded from a libconfig file and validated.
 *
 * mdl_scenario_load() reads a scenario file (format: docs/
 * scenario-format.md), applies the command line's `--set KEY=VALUE`
 * overrides, validates everything and builds an MdlScenario: the
 * immutable description of a topology that every replication reads
 * (shared by all threads, never written after loading).  References
 * between objects are resolved to indices into the scenario's arrays.
 *
 * Errors: loading reports every problem it finds, not only the first, as
 * lines `FILE:LINE: message` (for an override: `--set KEY: message`),
 * joined by newlines in one GError of domain MDL_SCENARIO_ERROR.  Messages
 * name the key, quoted, lowercase, without a final full stop.
 *
 * Lines: a file may @include others; an object's `line` is a line of the
 * file's text with every @include expanded in place, which is the file's
 * own line when it includes nothing.  mdl_scenario_locate() tells the
 * file and the line there.
 *
 * Units: durations in hours (SimTime), rates per hour.  Targets that are
 * not set are INFINITY.
 *
 * Ownership: the scenario owns everything it points to; free it with
 * mdl_scenario_free().
 */
#ifndef DRSIM_MODELS_SCENARIO_H
#define DRSIM_MODELS_SCENARIO_H

#include <glib.h>

#include "sim/calendar.h"
#include "sim/dist.h"

#define MDL_SCENARIO_ERROR (mdl_scenario_error_quark())
GQuark mdl_scenario_error_quark(void);

typedef enum {
	MDL_SCENARIO_ERROR_FILE,	/* cannot read the file */
	MDL_SCENARIO_ERROR_INVALID,	/* syntax or validation: see message */
	MDL_SCENARIO_ERROR_VALUE,	/* a path naming no usable value
					   (values.h) */
} MdlScenarioError;

typedef enum { MDL_SITE_INTERNAL, MDL_SITE_HOSTED } MdlSiteKind;
typedef enum { MDL_HAZARD_OUTAGE, MDL_HAZARD_DESTROYED } MdlHazardEffect;
typedef enum { MDL_FAILURE_DOWN, MDL_FAILURE_DATA_LOSS } MdlFailureEffect;
typedef enum { MDL_AGES_ALWAYS, MDL_AGES_OPERATING } MdlAging;

/* A site-wide hazard: occurrences separated by `every` (exponential for a
 * `rate`), counted from the end of the previous occurrence's effect; each
 * takes the whole site down for `duration` (outage: data intact) or
 * destroys it until `duration` (the rebuild) has elapsed. */
typedef struct {
	char *name;
	SimDist *every;
	MdlHazardEffect effect;
	SimDist *duration;
	int line;
} MdlHazard;

/* A maintenance window (docs/model.md, "Planned downtime"): down
 * planned during [first_h + k·period_h, + duration_h), k = 0, 1, ...;
 * duration_h 0: no window. */
typedef struct {
	double first_h, period_h, duration_h;
} MdlWindow;

typedef struct {
	char *id;
	MdlSiteKind kind;
	char *operator_name;	/* may be NULL */
	char *country;		/* ISO 3166-1 alpha-2, upper case */
	MdlHazard *hazards;
	guint n_hazards;
	MdlWindow maintenance;	/* of every component on the site */
	int line;
} MdlSite;

/* Members of a crew away (holidays, sickness, turnover): occurrences
 * whose starts are separated by `every` (exponential for a `rate`), the
 * first at `at` from the instant the topology takes over (a draw of
 * `every` when not given); each takes `size` members away for a draw of
 * `duration` (docs/model.md, "Staff absences"). */
typedef struct {
	char *name;
	SimDist *every;
	double at_h;		/* NAN: a draw of every */
	SimDist *duration;
	guint size;		/* 1 <= size <= the crew's size */
	int line;
} MdlAbsence;

/* The loss of a key person of a crew: occurrences separated by `every`
 * (exponential for a `rate`); for a draw of `period` after each, the
 * crew's human steps take 1 + slower times as long (docs/model.md,
 * "The loss of a key person"). */
typedef struct {
	SimDist *every;
	double slower;		/* fraction in [0, 1] */
	SimDist *period;	/* the scenario's `for` */
	int line;
} MdlKeyPerson;

/* A repair team: at most `size` (>= 1) repairs at once, staffed
 * by the weekly schedule `hours`; outside them a repair waits for the
 * next staffed instant, or, when `callout` is set (on call), starts after
 * a call-out delay drawn from it.  Its absences lower the size for a
 * while; its key person's loss slows its human steps. */
typedef struct {
	char *id;
	guint size;
	SimSchedule *hours;	/* never NULL ("24/7" when not given) */
	SimDist *callout;	/* NULL: no on-call service */
	MdlAbsence *absences;	/* n_absences of them, owned */
	guint n_absences;
	MdlKeyPerson *key_person;	/* NULL: none; owned */
	int line;
} MdlCrew;

typedef struct {
	char *name;
	SimDist *ttf;		/* time to failure, operating or calendar */
	SimDist *repair;	/* repair time once a crew member is on it */
	MdlFailureEffect effect;
	int line;
} MdlFailureMode;

/* count units of which need must be up (k-of-n).  Each unit fails by its
 * earliest failure mode and is repaired as good as new. */
typedef struct {
	char *id;
	guint site;		/* index into MdlScenario.sites */
	guint count, need;
	MdlAging ages;
	gint crew;		/* index into MdlScenario.crews, or -1: own
				   technician per repair, 24/7 */
	MdlFailureMode *modes;
	guint n_modes;
	MdlWindow maintenance;	/* its own, besides its site's */
	int line;
} MdlComponent;

/* -- data and its protection ------------------------------------------- */

typedef enum {
	MDL_COPY_SNAPSHOT,	/* on the dataset's own storage */
	MDL_COPY_BACKUP,	/* jobs to a destination site */
	MDL_COPY_OFFSITE,	/* periodic copy of a backup to another site */
	MDL_COPY_REPLICATION,	/* continuous, to another site */
} MdlCopyKind;

/* How a restore from a copy goes: overhead + size / throughput, success
 * with probability success (a failed attempt takes its full duration). */
typedef struct {
	double overhead_h;
	double throughput;	/* bytes per hour; INFINITY: instant */
	double success;		/* probability in [0, 1] */
} MdlRestore;

/* A copy of a dataset.  Jobs (snapshots, backups, offsite copies) start
 * at first_h + k·period_h, k = 0, 1, ... (`every`, `daily`, `weekly` all
 * reduce to that, the calendar having no daylight saving).  A job captures
 * the data as of its start and is usable once it completes. */
typedef struct {
	char *id;
	MdlCopyKind kind;
	double first_h, period_h;	/* snapshot, backup, offsite */
	SimDist *duration;	/* job duration law; NULL: size / throughput */
	double throughput;	/* bytes per hour, when duration is NULL;
				   INFINITY: instant */
	double fail_p;		/* probability that a job fails */
	guint site;		/* where the copy lives (a snapshot: its
				   storage's site) */
	guint keep;		/* retention: the last `keep` good jobs; 0: no
				   count limit */
	double retention_h;	/* retention by age; INFINITY: none */
	gboolean immutable;	/* immutable or offline: ransomware cannot
				   encrypt it */
	gint source;		/* offsite: index of the backup it copies in
				   the dataset's copies; else -1 */
	double delay_h;		/* offsite: transfer delay after the job */
	gboolean sync;		/* replication: synchronous (no loss) */
	SimDist *lag;		/* replication, async: lag at the instant of
				   a loss */
	guint *via;		/* replication: the components its traffic
				   travels on (a WAN link); while one is below
				   its need, replication stops; NULL: none */
	guint n_via;
	MdlRestore restore;
	int line;
} MdlCopy;

/* The default `history` of a dataset: 20 years, the time a French
 * hospital keeps a patient's record after the last stay (Code de la santé
 * publique, art. R.1112-7). */
#define MDL_DEFAULT_HISTORY_H (20 * 8760.0)

/* Data written continuously: a loss is a span of time.  Its size at t
 * (mdl_dataset_size()) is size_bytes·(1 + growth)^(t / 8760), growth
 * compounded continuously, or, when it grows linearly,
 * size_bytes + growth_bytes_per_h·t; never both (growth is then 0). */
typedef struct {
	char *id;
	guint storage;		/* component holding the primary copy */
	double size_bytes;	/* at t = 0 */
	double growth;		/* per year, as a fraction (0.15 for 15 %) */
	double growth_bytes_per_h;	/* linear growth; 0: compound */
	double history_h;	/* how long its data has been written before
				   t = 0: a loss for good loses all of it */
	MdlCopy *copies;
	guint n_copies;
	/* A restore in parts (`restore.first`, docs/model.md "Recovery",
	 * step 5): the first first_fraction of the size, most useful first,
	 * brings the service back; the rest follows in the background.
	 * 1 (and first_name NULL): restored in one piece. */
	double first_fraction;	/* in (0, 1] */
	char *first_name;	/* what the first part is ("recent studies") */
	int line;
} MdlDataset;

/* The size in bytes of ds at t hours (t may be < 0: jobs before the
 * start; a linear size stops at 0). */
double mdl_dataset_size(const MdlDataset *ds, double t);

/* The integral of mdl_dataset_size() over [a, b] (0 <= a <= b), in
 * byte-hours: exact for either law.  O(1). */
double mdl_dataset_size_integral(const MdlDataset *ds, double a, double b);

/* -- recovery plans --------------------------------------------------- */

typedef enum {
	MDL_STRATEGY_REPAIR,	/* wait for the primary (always implied) */
	MDL_STRATEGY_FAILOVER,	/* switch to a standby site */
	MDL_STRATEGY_RESTORE,	/* restore lost data from a copy */
	MDL_STRATEGY_REBUILD,	/* rebuild the primary elsewhere */
} MdlStrategyKind;

typedef enum { MDL_STANDBY_HOT, MDL_STANDBY_WARM, MDL_STANDBY_COLD } MdlStandby;

typedef struct {
	MdlStrategyKind kind;
	gboolean manual;	/* starts at declaration, not detection */
	/* failover */
	guint site;		/* the standby site */
	MdlStandby standby;
	SimDist *activation;	/* failover: time to switch; rebuild: time
				   to rebuild the primary */
	double success;		/* probability the step works */
	guint *requires;	/* failover: components the standby needs too
				   (a WAN link, the provider's control plane) */
	guint n_requires;
	gint data_copy;		/* failover: the replication copy feeding
				   the standby (index in the service's first
				   dataset's copies), or -1: a restore at the
				   standby from the best copy */
	/* failover: the services the service needs while on this standby.
	 * Without own_depends (no `depends` key), those of its primary
	 * (MdlService.depends); with it, these (maybe none).  No repeats,
	 * never the service itself; they take part in service_order. */
	gboolean own_depends;
	guint *depends;		/* indices into MdlScenario.services */
	guint n_depends;
	/* failover: a failed attempt (the success draw) is tried again
	 * after a draw of retry_after, up to `retries` times, before the
	 * next failover strategy of the same mode. */
	guint retries;
	SimDist *retry_after;	/* never NULL for a failover */
	int line;
} MdlStrategy;

/* The most strategies a plan may list. */
#define MDL_MAX_STRATEGIES 255u

/* What happens after an incident starts: it is detected after `detect`;
 * a declaration (needed by manual strategies) is made for a destructive
 * cause (data lost, site destroyed, ransomware) at detection, otherwise
 * once the outage has lasted declare_after_h, and takes `decision`;
 * human steps wait for the staffed hours of `crew` (-1: 24/7). */
typedef struct {
	SimDist *detect;	/* never NULL (fixed 0 when not given) */
	double declare_after_h;	/* INFINITY: only destructive causes */
	SimDist *decision;	/* never NULL */
	gint crew;
	MdlStrategy *strategies;
	guint n_strategies;
	SimDist *failback;	/* planned outage to fail back; NULL: none */
	gboolean failback_window;	/* ... started at the next maintenance
					   window of the primary's
					   components */
	gboolean freeze_retention;	/* a declaration suspends the expiry
					   of the lost data's copies */
	int line;
} MdlPlan;

/* -- threats ---------------------------------------------------------- */

/* Ransomware: infections every `every`; encryption after `dwell`; on the
 * sites reached, components are down and their datasets, replicas and
 * copies that are not immutable (snapshots included) encrypted; forensics
 * and rebuild take `rebuild` from the encryption before restores can
 * start.  Recovery uses a
 * copy older than the infection, or, when accept_until_encryption, any
 * copy older than the encryption. */
typedef struct {
	char *name;
	SimDist *every;
	SimDist *dwell;
	guint *sites;
	guint n_sites;
	SimDist *rebuild;
	gboolean accept_until_encryption;
	int line;
} MdlRansomware;

/* -- correlated failures ---------------------------------------------- */

/* A common cause: one event that takes down units of several components
 * at once — a trench cutting both WAN links, a firmware fault on every
 * controller of a model.  Occurrences are separated by `every`
 * (exponential for a `rate`), counted from the end of the previous
 * occurrence's repair; each takes down `units` units of every component
 * listed (drawn at random among its units; 0: every unit) — down, not
 * failed, their own failures and repairs going on — until one joint
 * repair, drawn from `repair`, brings them all back at once. */
typedef struct {
	char *name;
	SimDist *every;
	guint *components;	/* indices into MdlScenario.components,
				   >= 1, no repeats */
	guint n_components;
	guint units;		/* per component; 0: every unit */
	SimDist *repair;
	int line;
} MdlCommonCause;

/* -- provider risks --------------------------------------------------- */

/* A host holding some of the sites (docs/model.md, "Provider risks").
 * Its exit (bankruptcy, contract end, loss of its certificate) occurs
 * every `exit_every` (exponential for a `rate`; NULL: never), counted
 * from the end of the previous exit's move; the services hosted there
 * then run in degraded mode for project_h + S(t)/egress hours, S(t) the
 * size at t of the datasets stored on its sites.  The topology is the
 * same afterwards (re-established elsewhere). */
typedef struct {
	char *id;
	guint *sites;		/* indices into MdlScenario.sites, >= 1 */
	guint n_sites;
	SimDist *exit_every;	/* NULL: no exit risk */
	double project_h;	/* the reversibility project, fixed */
	double egress;		/* bytes per hour, > 0 */
	int line;
} MdlProvider;

/* -- costs ------------------------------------------------------------ */

/* A cost paid at every occurrence of a cause whose label (labels.h)
 * starts with `cause`: "ransomware" matches every threat,
 * "site:salle-a:" every hazard of that site. */
typedef struct {
	char *cause;
	double cost;
	int line;
} MdlCostEvent;

/* A price per terabyte (10^12 bytes) and year of some datasets' data:
 * amount × copies × their size, at every instant (docs/model.md,
 * "Costs"). */
typedef struct {
	double amount;		/* per TB and year */
	guint *datasets;	/* indices into MdlScenario.datasets */
	guint n_datasets;
	guint copies;		/* >= 1 */
	int line;
} MdlCostPerTb;

/* The optional `costs` group, amounts in `currency`, every one >= 0 and
 * 0 when not given (docs/model.md, "Costs").  capex is paid at t = 0 and
 * again, times refresh, at every k·lifetime_h < horizon (k >= 1);
 * project_cost at t = 0; yearly amounts (opex, staff, per TB, per link)
 * are spent pro rata of time, indexed by (1 + indexation)^(y − 1) in
 * year slice y — when the project replaces a scenario, from
 * project_lead_h on, the replaced one's yearly amounts
 * (replaced_per_year, and its own per TB and per link) being spent
 * before.  downtime_per_hour has one rate per service (the `default` for
 * those not named). */
typedef struct {
	char *currency;		/* "EUR" when not given */
	double capex;
	double lifetime_h;	/* 0: never renewed */
	double refresh;		/* fraction of capex per renewal, 1 default */
	double opex_per_year;
	double fte, cost_per_fte;
	double project_cost;
	double project_lead_h;	/* when it replaces nothing: reported only */
	double replaced_per_year;	/* opex + staff of the replaced
					   scenario's costs, if any */
	double in_service_h;	/* MdlScenario.in_service_h */
	int lead_line;		/* of project.lead_time; 0 when absent */
	double *downtime_per_hour;	/* [n_services] */
	double data_loss_per_hour;	/* per hour of data lost */
	double *data_loss_total;	/* [n_datasets]: cost of losing it for
					   good, NAN: by the hour */
	MdlCostEvent *events;	/* first matching prefix wins */
	guint n_events;
	/* The budget of an IT department (docs/model.md, "Costs"): */
	MdlCostPerTb *per_tb;	/* per_tb_year entries */
	guint n_per_tb;
	double links_per_year;	/* per_link_year: Σ amount × count */
	double indexation;	/* of the yearly amounts, per year */
	double discount_rate;	/* per year, for the net present value */
	gboolean budget;	/* one of the four keys above is given: the
				   table and charts show the budget */
	int line;
} MdlCosts;

/* Up when every requirement is met — requirement g is met when at least
 * one of its components (alternatives, written "a|b") has `need` units
 * up — and every service it depends on is up.  requires lists every
 * component of every requirement, requirement by requirement: component
 * requires[i] belongs to requirement group[i] (0, 0, 1, 2, 2, ...).
 * requires and depends hold no repeats; depends, with the depends of
 * its failover strategies, has no cycle (MdlScenario.service_order). */
typedef struct {
	char *id;
	char *name;		/* display name; the id when not given */
	guint *requires;	/* indices into MdlScenario.components, >= 1 */
	guint *group;		/* requirement of each, non-decreasing */
	guint n_requires;
	guint n_groups;
	guint *depends;		/* indices into MdlScenario.services */
	guint n_depends;
	guint *datasets;	/* indices into MdlScenario.datasets */
	guint n_datasets;
	MdlPlan plan;		/* defaults when not given: detect 0,
				   no strategy but repair */
	double rto_h, rpo_h;	/* targets; INFINITY when not set */
	/* The hospital's side of an outage (docs/model.md, "The hospital
	 * during an outage"): the maximum tolerable period of disruption,
	 * checked against RTO + work recovery (INFINITY when not set);
	 * degraded (paper) mode from this long into an outage (INFINITY:
	 * none); the work recovery time once the service is back (NULL:
	 * none). */
	double mtpd_h;
	double degraded_after_h;
	SimDist *work_recovery;
	/* planned downtime allowed per year (`planned_budget`); INFINITY:
	 * none */
	double planned_budget_h;
	int line;
} MdlService;

/* Which file each line of a scenario's text came from (opaque). */
typedef struct MdlSources MdlSources;

typedef struct MdlScenario {
	char *file;		/* as given on the command line */
	MdlSources *sources;	/* for mdl_scenario_locate() */
	char *name;
	char *description;	/* may be NULL */
	double horizon_h;
	guint64 replications;
	guint64 seed;
	/* Events one replication may fire at most (`max_events`): beyond
	 * them it fails instead of running for ever. */
	guint64 max_events;
	/* Rows incidents.csv may hold at most (`max_incident_rows`):
	 * beyond them the run fails instead of filling the disk. */
	guint64 max_incident_rows;
	SimCalendar calendar;

	MdlSite *sites;
	guint n_sites;
	MdlCrew *crews;
	guint n_crews;
	MdlComponent *components;
	guint n_components;
	MdlService *services;
	guint n_services;
	MdlDataset *datasets;
	guint n_datasets;
	MdlRansomware *ransomware;
	guint n_ransomware;
	MdlCommonCause *common;	/* `common_causes`, in file order */
	guint n_common;
	MdlProvider *providers;	/* `providers`, in file order */
	guint n_providers;
	MdlCosts *costs;	/* NULL: the file has no `costs` group */
	/* The topology in service until this one is (costs.project.
	 * replaces, docs/model.md "Replaced infrastructure"), or NULL.  It
	 * runs every service of this one (same ids) and shares its
	 * calendar; only its topology, plans and yearly costs are used.
	 * This one is in service from in_service_h (the project's lead
	 * time, < horizon_h; 0 when it replaces nothing). */
	struct MdlScenario *replaces;
	double in_service_h;
	/* The n_services service indices, each after every service it
	 * depends on, on its primary or on any of its standbys (otherwise
	 * in file order): evaluating services in this order sees a
	 * service's dependencies already up to date. */
	guint *service_order;
	/* TRUE when a site or a component has a maintenance window: the
	 * planned downtime figures are reported */
	gboolean has_maintenance;
} MdlScenario;

/* The most `scenario.replications` (and --replications): a million
 * stays possible a thousand times over (docs/scenario-format.md). */
#define MDL_MAX_REPLICATIONS 1000000000ull

/* The default of `scenario.max_events` (docs/scenario-format.md). */
#define MDL_DEFAULT_MAX_EVENTS 100000000ull

/* The default of `scenario.max_incident_rows`: about 12 GB of
 * incidents.csv (docs/scenario-format.md). */
#define MDL_DEFAULT_MAX_INCIDENT_ROWS 100000000ull

/* Loads and validates FILE with the overrides sets (NULL-terminated array
 * of "KEY=VALUE", may be NULL; borrowed).  Returns the scenario, which you
 * own, or NULL with error set (every problem found, one per line). */
MdlScenario *mdl_scenario_load(const char *file, const char *const *sets,
			       GError **error);

/* The file (borrowed from sc: its own file, or an @include'd one, as
 * opened) and the line there (*file_line) of `line`, an object's line.
 * NULL only when sc or file_line is NULL (a programming error). */
const char *mdl_scenario_locate(const MdlScenario *sc, int line,
				int *file_line);

/* Frees a scenario; accepts NULL. */
void mdl_scenario_free(MdlScenario *sc);

/* Index of the component, service, site or crew with that id, or -1.
 * O(n) in the number of such objects. */
gint mdl_scenario_find_component(const MdlScenario *sc, const char *id);
gint mdl_scenario_find_service(const MdlScenario *sc, const char *id);
gint mdl_scenario_find_site(const MdlScenario *sc, const char *id);
gint mdl_scenario_find_crew(const MdlScenario *sc, const char *id);

/* What losing dataset `id` of sc for good costs (its `data_loss_total`),
 * NAN when it is charged by the hour (no such dataset, no total, no
 * costs).  By id: a replaced topology's dataset of the same id costs the
 * same. */
double mdl_scenario_loss_total(const MdlScenario *sc, const char *id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(MdlScenario, mdl_scenario_free)

#endif
