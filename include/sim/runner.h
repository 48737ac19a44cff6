/* runner.h — replications on threads, merged in replication order.
 *
 * sim_runner_run() plays replications 0..n−1 of a model and returns one
 * accumulator holding all of them.  Replications run in chunks of
 * consecutive indices (the chunk size depends on n only: at most 64, about
 * n/64); each chunk fills a fresh accumulator, its replications added in
 * order; chunk accumulators are merged into the result strictly in order,
 * whatever the thread count and whichever thread finished first, so the
 * result is byte-identical for any number of threads.  (With the model's streams derived from
 * (seed, replication, name), see rng.h, each replication is the same on
 * every run.)
 *
 * Threads: T tasks of a GThreadPool each claim the next chunk; the
 * calling thread merges.  A chunk may run at most
 * SIM_RUNNER_WINDOW_PER_THREAD·T chunks ahead of the merge cursor, so at
 * most that many accumulators are alive at once: memory does not grow
 * with the number of replications.  With T = 1 everything runs in the
 * calling thread.
 *
 * Per-thread scratch: each task calls worker_new() once and passes the
 * result to every replicate() it runs, so that a model can reuse its
 * engine and buffers instead of allocating them per replication.
 */
#ifndef DRSIM_SIM_RUNNER_H
#define DRSIM_SIM_RUNNER_H

#include <stdint.h>
#include <glib.h>

#define SIM_RUNNER_WINDOW_PER_THREAD 4

typedef struct {
	/* Per-thread scratch (may be NULL: then worker is NULL). */
	gpointer (*worker_new)(gpointer user);
	void (*worker_free)(gpointer worker);
	/* A new empty accumulator, and its destructor.  Required. */
	gpointer (*acc_new)(gpointer user);
	void (*acc_free)(gpointer acc);
	/* Plays replication rep into acc (which may already hold earlier
	 * replications of its chunk: add to it).  Runs on any thread; must
	 * touch no shared mutable state but user's read-only data.  Returns
	 * FALSE with error set when the replication failed. */
	gboolean (*replicate)(gpointer worker, gpointer acc, uint64_t rep,
			      gpointer user, GError **error);
	/* Adds from into into (from is freed afterwards by acc_free). */
	void (*merge)(gpointer into, gconstpointer from, gpointer user);
} SimRunnerOps;

/* Runs replications 0..n−1 on threads (>= 1) threads.  Returns the merged
 * accumulator (acc_new() merged with every replication's, in order),
 * which you now own, or NULL with error set to the failure of the lowest
 * failing replication (prefixed with "replication R: "). */
gpointer sim_runner_run(const SimRunnerOps *ops, gpointer user, uint64_t n,
			unsigned threads, GError **error);

/* The chunks of a run of n replications: how many, and the replications
 * [*first, *end) of chunk c.  They depend on n alone. */
uint64_t sim_runner_n_chunks(uint64_t n);
void sim_runner_chunk_reps(uint64_t n, uint64_t c, uint64_t *first,
			   uint64_t *end);

/* Receives the accumulator of chunk c (yours to free with acc_free). */
typedef void (*SimRunnerTake)(gpointer acc, uint64_t c, gpointer data);

/* Plays chunks [c0, c1) of a run of n replications on threads (>= 1)
 * threads and hands each chunk's accumulator to take, in chunk order, on
 * the calling thread: the pieces sim_runner_run() merges, for a caller
 * that merges them elsewhere or later (shards).  FALSE with error set
 * as sim_runner_run(); the chunks before the failing one were taken. */
gboolean sim_runner_run_chunks(const SimRunnerOps *ops, gpointer user,
			       uint64_t n, uint64_t c0, uint64_t c1,
			       unsigned threads, SimRunnerTake take,
			       gpointer data, GError **error);

#endif
