/* precision.h — how precise an estimate is, and runs played to a
 * precision (docs/model.md, "Precision").
 *
 * The precision of an estimate over replications is the half-width of
 * its 95 % interval relative to its mean: t_{0.975, n−1}·s/(√n·|mean|);
 * 0 when it never varies (s = 0), NaN below two replications.
 *
 * The breach in a year counts only for services with an RTO or RPO
 * target.  A figure never seen to vary (s = 0: a breach no replication
 * had yet) counts as precise: a rare event may still be unseen.
 *
 * A run to a precision plays its replications in batches: the first
 * batch is the scenario's replications n0 (or -r), and after each batch
 * the worst precision w of the figures asked for (every service's, and
 * the total cost's) is compared with the target P: the run stops when
 * w ≤ P, or at the maximum of replications; else the next total is
 *     N' = min(max, max(N + n0, min(4·N, ⌈1.1·N·(w/P)²⌉)))
 * (the replications the 1/√N law says are needed, at most four times as
 * many at once).  Batch b plays replications [N_b, N_b+1) in chunks of
 * its own size and is merged after the previous ones: the result depends
 * on the batches, which depend on the results only — never on the
 * threads.  Memory does not grow with the replications.
 */
#ifndef DRSIM_MODELS_RESULTS_PRECISION_H
#define DRSIM_MODELS_RESULTS_PRECISION_H

#include <stdio.h>
#include <glib.h>

#include "models/results/results.h"
#include "models/results/simulate.h"
#include "sim/stats.h"

/* The figures a precision may be asked on (--precision-on). */
typedef enum {
	MDL_PRECISION_AVAILABILITY = 1 << 0,
	MDL_PRECISION_DOWNTIME = 1 << 1,
	MDL_PRECISION_BREACH = 1 << 2,	/* breach in a year */
	MDL_PRECISION_DATA_LOSS = 1 << 3,
	MDL_PRECISION_COST = 1 << 4,	/* total cost over the horizon */
} MdlPrecisionFigure;

#define MDL_PRECISION_DEFAULT \
	(MDL_PRECISION_AVAILABILITY | MDL_PRECISION_BREACH)

/* The precision of the estimate w holds (see above). */
double mdl_precision_of(const SimWelford *w);

/* "0.5%" or "0.005" into *target (> 0, < 1); "availability,breach"
 * (names: availability, downtime, breach, data-loss, cost) into *figures.
 * FALSE with error set (G_OPTION_ERROR) else. */
gboolean mdl_precision_parse_target(const char *text, double *target,
				    GError **error);
gboolean mdl_precision_parse_figures(const char *text, guint *figures,
				     GError **error);

/* The names of figures, "availability, breach"; yours to g_free(). */
char *mdl_precision_figures_text(guint figures);

/* The worst precision of figures over r's services (and its cost), and
 * which it is ("dpi breach", "cost") in *which when not NULL (yours to
 * g_free()).  0 when r has none of them. */
double mdl_precision_worst(const MdlResults *r, guint figures, char **which);

/* What a run to a precision asks. */
typedef struct {
	double target;		/* relative half-width, in (0, 1) */
	guint figures;		/* MdlPrecisionFigure bits */
	guint64 max_replications;
} MdlPrecisionGoal;

/* How it went. */
typedef struct MdlPrecisionOutcome {
	MdlPrecisionGoal goal;
	double reached;		/* the worst precision at the end */
	char *worst;		/* which figure that was (owned) */
	guint batches;
	gboolean met;		/* reached <= target */
} MdlPrecisionOutcome;

void mdl_precision_outcome_clear(MdlPrecisionOutcome *o);

/* The next total of replications after n, from n0 and the worst
 * precision w (the rule above). */
guint64 mdl_precision_next(guint64 n0, guint64 n, double w,
			   const MdlPrecisionGoal *goal);

/* One scenario of a run to a precision: what to play and where its
 * streams go (borrowed, may be NULL: simulate.h), then its results
 * (yours) and run information. */
typedef struct {
	const MdlScenario *sc;
	const MdlLabels *labels;
	const char *name;	/* in the worst figure's name, when several */
	FILE *incidents, *reps;
	MdlResults *results;
	MdlRunInfo info;
} MdlPrecisionPlay;

/* Plays every scenario of plays[n] batch by batch, the same replications
 * for all (the first's n0), until the worst precision of them all is
 * within goal or the maximum is reached; fills each play's results and
 * info and *out.  FALSE with error set when a replication failed. */
gboolean mdl_precision_play(MdlPrecisionPlay *plays, guint n,
			    unsigned threads, const MdlPrecisionGoal *goal,
			    MdlPrecisionOutcome *out, GError **error);

/* "precision 0.5 % on availability, breach: reached 0.48 % (worst: dpi
 * breach) after 72000 replications in 4 batches" or "... not reached:
 * 0.61 % (worst: ...) at the maximum of 100000 replications"; yours to
 * g_free(). */
char *mdl_precision_outcome_text(const MdlPrecisionOutcome *o,
				 guint64 replications);

#endif
