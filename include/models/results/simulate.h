/* simulate.h — play every replication of a scenario and merge them.
 *
 * mdl_simulate() runs replications 0..N−1 of the scenario (N =
 * sc->replications) on the given number of threads, one MdlWorld per
 * thread, and merges their results in replication order, so the results
 * are byte-identical for any thread count (sim/runner.h).
 */
#ifndef DRSIM_MODELS_SIMULATE_H
#define DRSIM_MODELS_SIMULATE_H

#include <stdio.h>
#include <glib.h>

#include "models/results/results.h"
#include "sim/runner.h"
#include "models/scenario/scenario.h"

struct MdlPrecisionOutcome;

/* How a run went, for the "run" object of the outputs. */
typedef struct {
	guint threads;
	double wall_s;
	/* a run to a precision: how it went (precision.h); NULL else */
	const struct MdlPrecisionOutcome *precision;
} MdlRunInfo;

/* Plays sc on threads >= 1 threads; sc and labels (mdl_labels_new(sc))
 * are borrowed and must outlive the results.  When incidents is not NULL,
 * one CSV row per incident is written to it (no header), in replication
 * order.  Returns the merged results, which you own, and fills info; or
 * NULL with error set when a replication failed at run time. */
MdlResults *mdl_simulate(const MdlScenario *sc, const MdlLabels *labels,
			 unsigned threads, FILE *incidents, MdlRunInfo *info,
			 GError **error);

/* The same, the figures of each replication (results.h, MDL_REP_*)
 * written to reps too when not NULL, as raw doubles in this machine's
 * byte order, in replication order: what compare pairs. */
MdlResults *mdl_simulate_streams(const MdlScenario *sc,
				 const MdlLabels *labels, unsigned threads,
				 FILE *incidents, FILE *reps,
				 MdlRunInfo *info, GError **error);

/* The same for the replications [first, first + n) only, played in
 * chunks of a run of n (sim/runner.h): the batches of a run to a
 * precision (precision.h).  Merged in order, batches give results that
 * depend on their sizes, never on the threads. */
MdlResults *mdl_simulate_range(const MdlScenario *sc,
			       const MdlLabels *labels, unsigned threads,
			       guint64 first, guint64 n, FILE *incidents,
			       FILE *reps, MdlRunInfo *info, GError **error);

/* What the results of a chunk keep besides their figures, for a command
 * to write out: its incident rows, the figures of each replication. */
typedef enum {
	MDL_KEEP_ROWS = 1 << 0,
	MDL_KEEP_REPS = 1 << 1,
} MdlKeep;

/* Plays the chunks [c0, c1) of sc's run (sim/runner.h: they depend on
 * sc->replications alone) and hands each chunk's results (keeping what
 * keep says) to take in chunk order, on the calling thread: merged in
 * that order into mdl_results_new(), they are what mdl_simulate()
 * returns.  FALSE with error set when a replication failed. */
gboolean mdl_simulate_chunks(const MdlScenario *sc, const MdlLabels *labels,
			     unsigned threads, MdlKeep keep, guint64 c0,
			     guint64 c1, SimRunnerTake take, gpointer data,
			     MdlRunInfo *info, GError **error);

/* Whether runs longer than a second show a progress line on stderr when
 * it is a terminal (default TRUE; `--quiet` sets FALSE). */
void mdl_simulate_set_progress(gboolean on);

/* Makes Ctrl-C (SIGINT) and SIGTERM stop a run cleanly: replications not
 * yet started fail with "interrupted by SIGINT" (G_IO_ERROR_CANCELLED),
 * so the command removes its unfinished files and says so; main() exits
 * 128 + the signal's number (130, 143).  The handler only sets a flag,
 * read by the runs and by mdl_simulate_commit(). */
void mdl_simulate_catch_interrupt(void);

/* TRUE once SIGINT or SIGTERM was caught, before mdl_simulate_commit();
 * FALSE after it. */
gboolean mdl_simulate_interrupted(void);

/* The signal caught (SIGINT, SIGTERM) while mdl_simulate_interrupted(),
 * else 0; its name ("SIGINT", "SIGTERM"), else NULL. */
int mdl_simulate_interrupt_signal(void);
const char *mdl_simulate_interrupt_name(void);

/* The point of no return of a command's files: called before the first
 * file of --out is put in place (mdl_outdir_commit(), mdl_compare_write()
 * call it).  FALSE with error set ("interrupted by SIGINT: nothing
 * written", G_IO_ERROR_CANCELLED) when a signal was caught already; TRUE
 * otherwise, and from then on signals are ignored, so that the files of
 * the set are all put in place: the directory holds the old set or the
 * new one, never a mix.  TRUE at every later call. */
gboolean mdl_simulate_commit(GError **error);

#endif
