/* batch.h — where the results of a command's plays come from: played in
 * this process, played as one shard of many (`--shard I/K`), merged from
 * shard files (`drsim merge`), or spread over the ranks of an mpirun
 * launch.  Whichever it is, play j's results are bit for bit those one
 * process gets (shard.h says why), so the command reports them as it
 * always does.
 *
 * A command (run, compare, sweep) makes its batch, declares its plays in
 * order, starts it, then — when mdl_batch_reports() — takes each play's
 * results in order and reports them:
 *
 *     b = mdl_batch_new("compare", args, threads);
 *     if (shard) mdl_batch_set_shard(b, index, count, dir, &e);
 *     for each play: mdl_batch_add(b, sc, labels, file, sets, keep, &e);
 *     mdl_batch_start(b, &e);
 *     if (mdl_batch_reports(b))
 *             for each play j: r = mdl_batch_results(b, j, rows, reps,
 *                                                      &info, &e);
 *
 * The modes:
 *   local: mdl_batch_results() plays play j (mdl_simulate());
 *   shard: start plays shard I of K of every play into DIR/shard-I-of-K
 *     .drsim, unless a complete and valid file of this very shard is
 *     there already (a killed batch resumes); nothing to report;
 *   merge: set by `drsim merge` (mdl_batch_merge_from()); start checks
 *     that the shards are of this command, mdl_batch_results() merges
 *     play j's chunks from them in order, one shard open at a time;
 *   MPI (an mpirun launch of more than one process, sim/mpi.h): every
 *     rank plays its shard in memory, ranks 1.. send theirs to rank 0,
 *     which merges them as in merge mode and alone reports.
 *
 * The results' run information: threads are those the shards were played
 * on (shard 0's), wall_s the time this process took to get them (for a
 * merge, the merge's).
 */
#ifndef DRSIM_MODELS_RESULTS_BATCH_H
#define DRSIM_MODELS_RESULTS_BATCH_H

#include <stdio.h>
#include <glib.h>

#include "models/results/results.h"
#include "models/results/shard.h"
#include "models/results/simulate.h"
#include "models/scenario/labels.h"
#include "models/scenario/scenario.h"

typedef struct MdlBatch MdlBatch;

/* "I/K" (0 <= I < K); "auto": I = SLURM_ARRAY_TASK_ID, K =
 * SLURM_ARRAY_TASK_COUNT (a job array --array=0-K-1); "auto/K": I from
 * Slurm, K given (an array resubmitted for some indices only, whose
 * task count is not K).  FALSE with error set (G_OPTION_ERROR) else. */
gboolean mdl_batch_parse_shard(const char *text, guint32 *index,
			       guint32 *count, GError **error);

/* The batch of command (args: its options in canonical form, borrowed
 * while it lives), played on threads threads: merge mode when `drsim
 * merge` set shards to merge, MPI mode in an mpirun launch of more than
 * one process, else local. */
MdlBatch *mdl_batch_new(const char *command, const char *const *args,
			unsigned threads);

/* Shard mode: shard index of count, written into dir.  FALSE with error
 * set (G_OPTION_ERROR) in an mpirun launch of more than one process: the
 * ranks already share the work, a shard of it is not theirs to split. */
gboolean mdl_batch_set_shard(MdlBatch *b, guint32 index, guint32 count,
			     const char *dir, GError **error);

/* Declares the next play: sc loaded from file with sets, its labels
 * (all borrowed while b lives); keep: what the command writes besides
 * the figures (its incident rows, the figures of each replication:
 * simulate.h; shards then carry them).  In merge mode, FALSE with
 * error set (MDL_SHARD_ERROR) when the file cannot be read. */
gboolean mdl_batch_add(MdlBatch *b, const MdlScenario *sc,
		       const MdlLabels *labels, const char *file,
		       const char *const *sets, MdlKeep keep,
		       GError **error);

/* Plays what this process plays before reporting (shard, MPI) or checks
 * the shards (merge); after the last mdl_batch_add().  FALSE with error
 * set: MDL_SHARD_ERROR_MISMATCH when shards are of another command or
 * scenario (a usage error, exit 2), any other error a failure (exit 1). */
gboolean mdl_batch_start(MdlBatch *b, GError **error);

/* Whether this process reports the results: not a shard, not a rank
 * other than 0. */
gboolean mdl_batch_reports(const MdlBatch *b);

/* What a shard did, for stdout ("DIR/shard-0-of-2.drsim: shard 0 of 2
 * written"); NULL in the other modes. */
const char *mdl_batch_note(const MdlBatch *b);

/* The results of play j, taken in order 0, 1, ..., yours to free; its
 * incident rows written to incidents and the figures of each replication
 * to reps when not NULL, as mdl_simulate_streams().
 * NULL with error set (a replication failed, a shard is corrupt). */
MdlResults *mdl_batch_results(MdlBatch *b, guint j, FILE *incidents,
			      FILE *reps, MdlRunInfo *info, GError **error);

/* The exit code of a batch's error: 2 for bad usage (G_OPTION_ERROR)
 * and for a shard that is not one (corrupt, truncated, of another format
 * version, of another command or scenario, missing or twice), 1 for
 * anything else (a replication or an I/O failure). */
int mdl_batch_exit_code(const GError *error);

void mdl_batch_free(MdlBatch *b);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(MdlBatch, mdl_batch_free)

/* `drsim merge`: the shard files, one per index in index order, that
 * the next batches merge (borrowed; NULL to stop). */
void mdl_batch_merge_from(const char *const *paths, guint n);

#endif
