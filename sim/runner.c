/* runner.c — replications on a GThreadPool, merged in order. */
#include "sim/runner.h"

/* Replications run in chunks of consecutive indices, each chunk into one
 * accumulator; chunks merge in order.  The chunk size depends on n only,
 * never on the thread count, so the merge tree — and the result, bit for
 * bit — is the same for any number of threads.  Chunks spare a merge and
 * an accumulator per replication, which matters when replications are
 * short. */
#define MAX_CHUNK 64

static uint64_t chunk_size(uint64_t n)
{
	uint64_t k = n / 64;

	return k < 1 ? 1 : k > MAX_CHUNK ? MAX_CHUNK : k;
}

typedef struct {
	const SimRunnerOps *ops;
	gpointer user;
	uint64_t n;		/* chunks */
	uint64_t reps, chunk;	/* replications, per chunk */
	size_t window;		/* ring size: chunks alive at once */

	GMutex lock;
	GCond cond;		/* signalled on: a result, a merge, a failure */
	uint64_t next_rep;	/* next index to claim */
	uint64_t merged;	/* replications merged so far */
	gpointer *ring;		/* finished accumulators, by rep % window */
	gboolean *done;
	uint64_t failed_rep;	/* lowest failing replication, or n */
	GError *failure;
} Run;

/* Plays chunk c (its replications in order) into acc. */
static gboolean play(const Run *run, gpointer worker, gpointer acc,
		     uint64_t c, GError **error)
{
	uint64_t end = MIN(run->reps, (c + 1) * run->chunk);

	for (uint64_t rep = c * run->chunk; rep < end; rep++) {
		if (!run->ops->replicate(worker, acc, rep, run->user, error)) {
			g_prefix_error(error, "replication %" G_GUINT64_FORMAT
					      ": ", rep);
			return FALSE;
		}
	}
	return TRUE;
}

static gpointer run_serial(const SimRunnerOps *ops, gpointer user,
			   uint64_t reps, GError **error)
{
	uint64_t k = chunk_size(reps), n = (reps + k - 1) / k;
	Run run = { .ops = ops, .user = user, .n = n, .reps = reps, .chunk = k };
	gpointer worker = ops->worker_new ? ops->worker_new(user) : NULL;
	gpointer total = ops->acc_new(user);

	for (uint64_t rep = 0; rep < n; rep++) {
		gpointer acc = ops->acc_new(user);
		gboolean ok = play(&run, worker, acc, rep, error);
		if (ok)
			ops->merge(total, acc, user);
		ops->acc_free(acc);
		if (!ok) {
			ops->acc_free(total);
			total = NULL;
			break;
		}
	}
	if (ops->worker_free)
		ops->worker_free(worker);
	return total;
}

/* Claims the next index, waiting while it is a window ahead of the merge
 * cursor; returns FALSE when there is nothing left to do. */
static gboolean claim(Run *run, uint64_t *rep)
{
	gboolean ok;

	g_mutex_lock(&run->lock);
	while (run->next_rep < run->n && run->next_rep < run->failed_rep &&
	       run->next_rep >= run->merged + run->window)
		g_cond_wait(&run->cond, &run->lock);
	ok = run->next_rep < run->n && run->next_rep < run->failed_rep;
	if (ok)
		*rep = run->next_rep++;
	g_mutex_unlock(&run->lock);
	return ok;
}

static void publish(Run *run, uint64_t rep, gpointer acc, GError *err)
{
	g_mutex_lock(&run->lock);
	if (err && rep < run->failed_rep) {
		g_clear_error(&run->failure);
		run->failure = err;
		run->failed_rep = rep;
		err = NULL;
	}
	g_clear_error(&err);
	run->ring[rep % run->window] = acc;
	run->done[rep % run->window] = TRUE;
	g_cond_broadcast(&run->cond);
	g_mutex_unlock(&run->lock);
}

static void task(gpointer data, gpointer user_data)
{
	Run *run = user_data;
	const SimRunnerOps *ops = run->ops;
	gpointer worker = ops->worker_new ? ops->worker_new(run->user) : NULL;
	uint64_t rep;

	(void)data;
	while (claim(run, &rep)) {
		gpointer acc = ops->acc_new(run->user);
		GError *err = NULL;
		if (!play(run, worker, acc, rep, &err)) {
			ops->acc_free(acc);
			acc = NULL;
		}
		publish(run, rep, acc, err);
	}
	if (ops->worker_free)
		ops->worker_free(worker);
}

/* The calling thread's part: merge results in order as they arrive. */
static gpointer merge_in_order(Run *run)
{
	gpointer total = run->ops->acc_new(run->user);

	g_mutex_lock(&run->lock);
	while (run->merged < run->n && run->merged < run->failed_rep) {
		size_t slot = run->merged % run->window;
		if (!run->done[slot]) {
			g_cond_wait(&run->cond, &run->lock);
			continue;
		}
		gpointer acc = run->ring[slot];
		run->ring[slot] = NULL;
		run->done[slot] = FALSE;
		/* Merge outside the lock: workers go on meanwhile. */
		g_mutex_unlock(&run->lock);
		run->ops->merge(total, acc, run->user);
		run->ops->acc_free(acc);
		g_mutex_lock(&run->lock);
		run->merged++;
		g_cond_broadcast(&run->cond);
	}
	g_mutex_unlock(&run->lock);
	return total;
}

static gpointer run_threads(const SimRunnerOps *ops, gpointer user,
			    uint64_t reps, unsigned threads, GError **error)
{
	uint64_t k = chunk_size(reps), n = (reps + k - 1) / k;
	Run run = { .ops = ops, .user = user, .n = n, .reps = reps, .chunk = k,
		    .failed_rep = n };
	GThreadPool *pool;
	gpointer total;

	run.window = (size_t)threads * SIM_RUNNER_WINDOW_PER_THREAD;
	run.ring = g_new0(gpointer, run.window);
	run.done = g_new0(gboolean, run.window);
	g_mutex_init(&run.lock);
	g_cond_init(&run.cond);
	pool = g_thread_pool_new(task, &run, (int)threads, TRUE, NULL);
	for (unsigned i = 0; i < threads; i++)
		g_thread_pool_push(pool, GUINT_TO_POINTER(i + 1), NULL);
	total = merge_in_order(&run);
	g_thread_pool_free(pool, FALSE, TRUE);	/* waits for the tasks */

	/* Results past a failure were never merged. */
	for (size_t i = 0; i < run.window; i++)
		if (run.ring[i])
			ops->acc_free(run.ring[i]);
	if (run.failure) {
		g_propagate_error(error, run.failure);
		ops->acc_free(total);
		total = NULL;
	}
	g_free(run.ring);
	g_free(run.done);
	g_mutex_clear(&run.lock);
	g_cond_clear(&run.cond);
	return total;
}

gpointer sim_runner_run(const SimRunnerOps *ops, gpointer user, uint64_t n,
			unsigned threads, GError **error)
{
	g_return_val_if_fail(ops && ops->acc_new && ops->acc_free, NULL);
	g_return_val_if_fail(ops->replicate && ops->merge, NULL);
	g_return_val_if_fail(threads >= 1, NULL);
	g_return_val_if_fail(error == NULL || *error == NULL, NULL);

	if (threads == 1 || n <= 1)
		return run_serial(ops, user, n, error);
	return run_threads(ops, user, n, threads, error);
}
