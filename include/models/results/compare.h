/* compare.h — runs set side by side, as data: what `drsim compare` and
 * `drsim sweep` play and read.
 *
 * Each run is played as `drsim run` plays it (mdl_simulate()) and its
 * figures are read back from its JSON tree (mdl_summary_json(), the
 * document `drsim run --format json` writes), so a figure of compare or
 * sweep is by construction the figure of the same name in
 * docs/output.md, never a second computation of it.
 *
 * Runs are played one at a time, each on all the threads asked for, so
 * each run is byte-identical to what `drsim run` gives for the same
 * scenario and seed, whatever the thread count.
 *
 * Ownership: said at each function.  Nothing here is thread-safe.
 */
#ifndef DRSIM_MODELS_RESULTS_COMPARE_H
#define DRSIM_MODELS_RESULTS_COMPARE_H

#include <stdio.h>
#include <glib.h>
#include <json-glib/json-glib.h>

#include "models/results/figures.h"
#include "models/results/paired.h"
#include "models/results/results.h"
#include "models/results/simulate.h"
#include "models/scenario/labels.h"
#include "models/scenario/scenario.h"

/* -- one run ----------------------------------------------------------- */

/* A scenario, then its results once played. */
typedef struct {
	MdlScenario *sc;
	MdlLabels *labels;
	MdlResults *results;	/* NULL until played */
	MdlRunInfo info;
	JsonNode *root;		/* the run's JSON tree; NULL until played */
} MdlComparePlay;

/* A play of sc, which it now owns; never NULL. */
MdlComparePlay *mdl_compare_play_new(MdlScenario *sc);

/* Plays p's scenario on threads >= 1 threads, incident rows to incidents
 * when not NULL (as mdl_simulate()), and makes its JSON tree.  Call
 * once.  FALSE with error set when a replication failed (exit 1). */
gboolean mdl_compare_play_run(MdlComparePlay *p, unsigned threads,
			      FILE *incidents, GError **error);

/* The same with results played elsewhere (batch.h): p takes them and
 * makes its JSON tree.  Call once, instead of mdl_compare_play_run(). */
void mdl_compare_play_take(MdlComparePlay *p, MdlResults *results,
			   const MdlRunInfo *info);

/* The "services" array of the played run's JSON report, or the object of
 * the service with that id (NULL when it has none).  Owned by p. */
JsonArray *mdl_compare_play_services(const MdlComparePlay *p);
JsonObject *mdl_compare_play_service(const MdlComparePlay *p,
				     const char *id);

/* The "cost" object of the played run's JSON report, NULL when the
 * scenario has no costs (owned by p); and cost.KEY.FIELD of it as a
 * number ("total", "mean"), NAN when absent or null. */
JsonObject *mdl_compare_play_cost(const MdlComparePlay *p);
double mdl_compare_play_cost_number(const MdlComparePlay *p, const char *key,
				    const char *field);

/* Frees p and all it owns; accepts NULL. */
void mdl_compare_play_free(MdlComparePlay *p);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(MdlComparePlay, mdl_compare_play_free)

/* -- figures of a service ---------------------------------------------- */

/* The figures compare and sweep show, each a value of a service object of
 * the run JSON (docs/output.md). */
typedef enum {
	MDL_FIGURE_AVAILABILITY,	/* availability.mean, with CI */
	MDL_FIGURE_DOWNTIME,		/* downtime_h_per_year.mean, CI */
	MDL_FIGURE_INCIDENTS,		/* incidents.per_year */
	MDL_FIGURE_RTO_TARGET,		/* rto_h.target */
	MDL_FIGURE_RTO_P50,
	MDL_FIGURE_RTO_P95,
	MDL_FIGURE_RTO_P99,
	MDL_FIGURE_RTO_MET,		/* rto_h.met */
	MDL_FIGURE_RPO_TARGET,
	MDL_FIGURE_RPO_P50,
	MDL_FIGURE_RPO_P95,
	MDL_FIGURE_RPO_P99,
	MDL_FIGURE_RPO_MET,
	MDL_FIGURE_BOTH_MET,		/* both_met */
	MDL_FIGURE_BREACH,		/* p_breach_per_year.mean, CI */
	MDL_FIGURE_DATA_LOSS,		/* data_loss_h_per_year.mean, CI */
	/* only for a service with an MTPD (mdl_figure_shown()) */
	MDL_FIGURE_MTPD_TARGET,		/* mtpd_h.target */
	MDL_FIGURE_MTPD_MET,		/* mtpd_h.met */
	MDL_FIGURE_MTPD_BREACH,	/* p_mtpd_breach_per_year.mean, CI */
	MDL_N_FIGURES
} MdlFigure;

/* Which way a figure is better: a higher availability or fraction met, a
 * lower everything else; a target has no better side. */
typedef enum {
	MDL_BETTER_LOWER = -1,
	MDL_BETTER_NONE = 0,
	MDL_BETTER_HIGHER = 1,
} MdlBetter;

/* The figure's name in a table ("RTO p95") and as a column of a .dat
 * file, with its unit ("rto_p95_h").  Static strings. */
const char *mdl_figure_label(MdlFigure f);
const char *mdl_figure_column(MdlFigure f);
MdlBetter mdl_figure_better(MdlFigure f);

/* The figure in a service object (borrowed); NAN when null (no incident,
 * no target, a single replication for an interval). */
double mdl_figure_value(MdlFigure f, JsonObject *service);

/* Whether a table shows figure f for a service: always, but for the
 * MTPD's figures, shown when one of the n service objects (borrowed, NULL
 * ignored) has an MTPD — the others are absent from its JSON. */
gboolean mdl_figure_shown(MdlFigure f, JsonObject *const *services, guint n);

/* Its 95 % interval in *lo, *hi; FALSE (and NANs) when the figure has
 * none or it is null. */
gboolean mdl_figure_ci(MdlFigure f, JsonObject *service, double *lo,
		       double *hi);

/* x as the tables print it ("0.992428", "5.3h", "97.5%", "-" when not
 * finite), and a difference of two values, signed ("+0.000123", "-2.5h",
 * "+1.5 pt").  Yours to g_free(). */
char *mdl_figure_text(MdlFigure f, double x);
char *mdl_figure_diff_text(MdlFigure f, double d);

/* -- a set of plays --------------------------------------------------- */

typedef struct MdlComparePairs MdlComparePairs;

/* Scenarios set side by side, once each is played and their services
 * matched: what compare's table, JSON and charts read.  Borrowed. */
typedef struct {
	guint n;			/* scenarios */
	MdlComparePlay *const *plays;	/* [n] */
	char *const *labels;		/* [n]: file name without .cfg */
	GPtrArray *common;		/* service ids in every scenario */
	GPtrArray *partial;		/* ids missing from some */
	const MdlComparePairs *pairs;	/* paired differences, or NULL */
} MdlCompareSet;

/* -- paired differences ------------------------------------------------ */

/* B − A of every scenario j > 0 of c against the first, for each service
 * of c->common and for the costs when every scenario has them (paired.h),
 * from the streams reps[c->n] of the figures of each replication
 * (mdl_simulate_streams(), borrowed, read from their start).  Yours to
 * free; NULL with error set when a stream cannot be read. */
MdlComparePairs *mdl_compare_pairs_new(const MdlCompareSet *c,
				       FILE *const *reps, GError **error);
void mdl_compare_pairs_free(MdlComparePairs *p);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(MdlComparePairs, mdl_compare_pairs_free)

/* The difference of paired figure f of the k-th service of c->common,
 * scenario j against the first; of the costs (NULL when not every
 * scenario has costs).  Owned by p. */
const MdlPaired *mdl_compare_pairs_service(const MdlComparePairs *p,
					   guint j, guint k,
					   MdlPairedFigure f);
const MdlPaired *mdl_compare_pairs_cost(const MdlComparePairs *p, guint j,
					MdlPairedCost f);

/* Whether paired figure f of the k-th service of c->common, scenario j
 * against the first, exists: always, but for the MTPD's, which exist
 * when both have an MTPD (NANs otherwise). */
gboolean mdl_compare_paired_exists(const MdlCompareSet *c, guint j, guint k,
				   MdlPairedFigure f);

/* The paired figure of a figure of the table, FALSE when it has none
 * (targets, percentiles: no interval for a difference of percentiles). */
gboolean mdl_figure_paired(MdlFigure f, MdlPairedFigure *paired);

/* TRUE when every scenario of c has costs. */
gboolean mdl_compare_all_costed(const MdlCompareSet *c);

/* The cumulative cost of p at the end of year slice y, y = 0 being what
 * is spent at t = 0: field ("mean", "p5" or "p95") of
 * cost.by_year[y - 1].cumulative, or cost.fixed.at_start for y = 0.  NAN
 * when p has no costs, no such slice or no such field. */
double mdl_compare_cost_year(const MdlComparePlay *p, guint y,
			     const char *field);

/* The number of year slices of p's costs, 0 without costs. */
guint mdl_compare_cost_years(const MdlComparePlay *p);

/* The first year slice at whose end the cumulative mean costs of the two
 * scenarios of c have changed order (from the spending at t = 0 on);
 * *b_cheaper then tells whether B is the cheaper one from then on.  0
 * (and *b_cheaper untouched) when they never do, when c does not hold
 * exactly two scenarios or when one has no costs. */
guint mdl_compare_cost_crossing(const MdlCompareSet *c, gboolean *b_cheaper);

#endif
