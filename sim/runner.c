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
	uint64_t first;		/* the first chunk played */
	uint64_t n;		/* chunks played, from first */
	uint64_t reps;		/* replications of the whole run */
	size_t window;		/* ring size: chunks alive at once */
	GMutex lock;
	GCond cond;		/* signalled on: a result, a take, a failure */
	uint64_t next_rep;	/* next chunk to claim, from 0 */
	uint64_t merged;	/* chunks taken so far */
	gpointer *ring;		/* finished accumulators, by chunk % window */
	gboolean *done;
	uint64_t failed_rep;	/* lowest failing chunk, or n */
	GError *failure;
	SimRunnerTake take;	/* each chunk's accumulator, in order */
	gpointer take_data;
} Run;

uint64_t sim_runner_n_chunks(uint64_t n)
{
	uint64_t k = chunk_size(n);

	return (n + k - 1) / k;
}

void sim_runner_chunk_reps(uint64_t n, uint64_t c, uint64_t *first,
			   uint64_t *end)
{
	uint64_t k = chunk_size(n);

	*first = MIN(n, c * k);
	*end = MIN(n, (c + 1) * k);
}

/* Plays chunk first + c (its replications in order) into acc. */
static gboolean play(const Run *run, gpointer worker, gpointer acc,
		     uint64_t c, GError **error)
{
	uint64_t first, end;

	sim_runner_chunk_reps(run->reps, run->first + c, &first, &end);
	for (uint64_t rep = first; rep < end; rep++) {
		if (!run->ops->replicate(worker, acc, rep, run->user, error)) {
			g_prefix_error(error, "replication %" G_GUINT64_FORMAT
					      ": ", rep);
			return FALSE;
		}
	}
	return TRUE;
}

static gboolean run_serial(Run *run, GError **error)
{
	const SimRunnerOps *ops = run->ops;
	gpointer worker = ops->worker_new ? ops->worker_new(run->user) : NULL;
	gboolean ok = TRUE;

	for (uint64_t c = 0; ok && c < run->n; c++) {
		gpointer acc = ops->acc_new(run->user);
		ok = play(run, worker, acc, c, error);
		if (ok)
			run->take(acc, run->first + c, run->take_data);
		else
			ops->acc_free(acc);
	}
	if (ops->worker_free)
		ops->worker_free(worker);
	return ok;
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

/* The calling thread's part: hands the chunks' accumulators to take in
 * order as they arrive. */
static void take_in_order(Run *run)
{
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
		/* Outside the lock: workers go on meanwhile. */
		g_mutex_unlock(&run->lock);
		run->take(acc, run->first + run->merged, run->take_data);
		g_mutex_lock(&run->lock);
		run->merged++;
		g_cond_broadcast(&run->cond);
	}
	g_mutex_unlock(&run->lock);
}

static gboolean run_threads(Run *run, unsigned threads, GError **error)
{
	const SimRunnerOps *ops = run->ops;
	GThreadPool *pool;
	gboolean ok;

	run->failed_rep = run->n;
	run->window = (size_t)threads * SIM_RUNNER_WINDOW_PER_THREAD;
	run->ring = g_new0(gpointer, run->window);
	run->done = g_new0(gboolean, run->window);
	g_mutex_init(&run->lock);
	g_cond_init(&run->cond);
	pool = g_thread_pool_new(task, run, (int)threads, TRUE, NULL);
	for (unsigned i = 0; i < threads; i++)
		g_thread_pool_push(pool, GUINT_TO_POINTER(i + 1), NULL);
	take_in_order(run);
	g_thread_pool_free(pool, FALSE, TRUE);	/* waits for the tasks */

	/* Results past a failure were never taken. */
	for (size_t i = 0; i < run->window; i++)
		if (run->ring[i])
			ops->acc_free(run->ring[i]);
	ok = run->failure == NULL;
	if (!ok)
		g_propagate_error(error, run->failure);
	g_free(run->ring);
	g_free(run->done);
	g_mutex_clear(&run->lock);
	g_cond_clear(&run->cond);
	return ok;
}

gboolean sim_runner_run_chunks(const SimRunnerOps *ops, gpointer user,
			       uint64_t n, uint64_t c0, uint64_t c1,
			       unsigned threads, SimRunnerTake take,
			       gpointer data, GError **error)
{
	g_return_val_if_fail(ops && ops->acc_new && ops->acc_free, FALSE);
	g_return_val_if_fail(ops->replicate && take, FALSE);
	g_return_val_if_fail(c0 <= c1 && c1 <= sim_runner_n_chunks(n), FALSE);
	g_return_val_if_fail(threads >= 1, FALSE);
	g_return_val_if_fail(error == NULL || *error == NULL, FALSE);

	Run run = { .ops = ops, .user = user, .first = c0, .n = c1 - c0,
		    .reps = n, .take = take, .take_data = data };
	if (threads == 1 || run.n <= 1)
		return run_serial(&run, error);
	return run_threads(&run, threads, error);
}

/* sim_runner_run(): every chunk merged, in order, into one accumulator. */
typedef struct {
	const SimRunnerOps *ops;
	gpointer user, total;
} Total;

static void merge_into_total(gpointer acc, uint64_t c, gpointer data)
{
	Total *t = data;

	(void)c;
	t->ops->merge(t->total, acc, t->user);
	t->ops->acc_free(acc);
}

gpointer sim_runner_run(const SimRunnerOps *ops, gpointer user, uint64_t n,
			unsigned threads, GError **error)
{
	g_return_val_if_fail(ops && ops->acc_new && ops->acc_free, NULL);
	g_return_val_if_fail(ops->replicate && ops->merge, NULL);
	g_return_val_if_fail(threads >= 1, NULL);
	g_return_val_if_fail(error == NULL || *error == NULL, NULL);

	Total t = { ops, user, ops->acc_new(user) };
	if (!sim_runner_run_chunks(ops, user, n, 0, sim_runner_n_chunks(n),
				   threads, merge_into_total, &t, error)) {
		ops->acc_free(t.total);
		return NULL;
	}
	return t.total;
}
