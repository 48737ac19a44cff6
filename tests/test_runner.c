/* test_runner.c — replications on threads, merged in order. */
#include <string.h>

#include "sim/rng.h"
#include "sim/runner.h"
#include "testutil.h"

/* An accumulator whose merge is order-sensitive in floating point (a
 * running sum of draws and a hash of the order), so that a merge out of
 * replication order would show in the bits. */
typedef struct {
	double sum;
	uint64_t order_hash;
	uint64_t reps;
} Acc;

typedef struct {
	uint64_t seed;
	int64_t fail_at[2];	/* replications that fail, or -1 */
	gint alive, max_alive;	/* accumulators alive, and the peak */
} Model;

static gpointer acc_new(gpointer user)
{
	Model *m = user;
	gint now = g_atomic_int_add(&m->alive, 1) + 1;
	gint peak;

	while ((peak = g_atomic_int_get(&m->max_alive)) < now &&
	       !g_atomic_int_compare_and_exchange(&m->max_alive, peak, now))
		;
	return g_new0(Acc, 1);
}

static Model *current;

static void acc_free(gpointer acc)
{
	g_atomic_int_add(&current->alive, -1);
	g_free(acc);
}

static gpointer worker_new(gpointer user)
{
	(void)user;
	return sim_rng_new(0, 0, "");
}

static void worker_free(gpointer worker)
{
	sim_rng_free(worker);
}

static gboolean replicate(gpointer worker, gpointer acc, uint64_t rep,
			  gpointer user, GError **error)
{
	Model *m = user;
	gsl_rng *r = worker;
	Acc *a = acc;

	if ((int64_t)rep == m->fail_at[0] || (int64_t)rep == m->fail_at[1]) {
		g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
			    "boom %u", (unsigned)rep);
		return FALSE;
	}
	sim_rng_reseed(r, m->seed, rep, "draws");
	/* uneven work so that threads finish out of order */
	int n = 100 + (int)gsl_rng_uniform_int(r, 5000);
	for (int i = 0; i < n; i++)
		a->sum += gsl_rng_uniform(r) * 1e-3;
	a->order_hash = sim_rng_mix64(a->order_hash ^ (rep + 1));
	a->reps++;
	return TRUE;
}

static void merge(gpointer into, gconstpointer from, gpointer user)
{
	Acc *a = into;
	const Acc *b = from;

	(void)user;
	a->sum += b->sum;
	a->order_hash = sim_rng_mix64(a->order_hash ^ b->order_hash);
	a->reps += b->reps;
}

static const SimRunnerOps ops = {
	.worker_new = worker_new, .worker_free = worker_free,
	.acc_new = acc_new, .acc_free = acc_free,
	.replicate = replicate, .merge = merge,
};

static Acc *run(Model *m, uint64_t n, unsigned threads, GError **error)
{
	current = m;
	m->alive = m->max_alive = 0;
	return sim_runner_run(&ops, m, n, threads, error);
}

/* Byte-identical merged result for 1, 2 and 5 threads, and memory bounded
 * by the window, not by the number of replications. */
START_TEST(test_runner_threads_identical)
{
	Model m = { .seed = 2024, .fail_at = { -1, -1 } };
	const uint64_t n = 5000;	/* chunks of 64 */
	Acc *one = run(&m, n, 1, NULL);
	ck_assert_int_le(m.max_alive, 2);
	ck_assert_uint_eq(one->reps, n);

	static const unsigned threads[] = { 2, 5 };
	for (size_t i = 0; i < G_N_ELEMENTS(threads); i++) {
		Acc *many = run(&m, n, threads[i], NULL);
		ck_assert_msg(memcmp(one, many, sizeof *one) == 0,
			      "%u threads: result differs", threads[i]);
		ck_assert_int_le(m.max_alive,
				 1 + (int)threads[i] * SIM_RUNNER_WINDOW_PER_THREAD);
		ck_assert_uint_eq(many->reps, n);
		ck_assert_int_eq(m.alive, 1);	/* only the result */
		acc_free(many);
	}
	acc_free(one);
}
END_TEST

/* Chunks played in K ranges (as shards would: range i is chunks
 * [i·C/K, (i+1)·C/K)), each chunk handed over in order and merged
 * later, give the same bits as one run, for K in {1, 2, 3, 7} and 1 or 2
 * threads; and the chunks cover the replications exactly once. */
typedef struct {
	Acc *total;
	uint64_t next;		/* the chunk expected */
} Taken;

static void take(gpointer acc, uint64_t c, gpointer data)
{
	Taken *t = data;

	ck_assert_uint_eq(c, t->next);
	t->next++;
	merge(t->total, acc, NULL);
	acc_free(acc);
}

START_TEST(test_runner_chunk_ranges)
{
	static const uint64_t ks[] = { 1, 2, 3, 7 };
	Model m = { .seed = 7, .fail_at = { -1, -1 } };
	const uint64_t n = 1000;	/* 66 chunks of 15, then one of 10 */
	const uint64_t chunks = sim_runner_n_chunks(n);
	Acc *one = run(&m, n, 2, NULL);
	uint64_t covered = 0;

	ck_assert_uint_eq(chunks, 67);
	for (uint64_t c = 0; c < chunks; c++) {
		uint64_t a, b;
		sim_runner_chunk_reps(n, c, &a, &b);
		ck_assert_uint_eq(a, covered);
		covered = b;
	}
	ck_assert_uint_eq(covered, n);
	for (size_t i = 0; i < G_N_ELEMENTS(ks); i++) {
		for (unsigned threads = 1; threads <= 2; threads++) {
			Taken t = { acc_new(&m), 0 };
			for (uint64_t k = 0; k < ks[i]; k++)
				ck_assert(sim_runner_run_chunks(
					&ops, &m, n, k * chunks / ks[i],
					(k + 1) * chunks / ks[i], threads, take,
					&t, NULL));
			ck_assert_uint_eq(t.next, chunks);
			ck_assert_msg(memcmp(one, t.total, sizeof *one) == 0,
				      "K = %u, %u threads: result differs",
				      (unsigned)ks[i], threads);
			acc_free(t.total);
		}
	}
	acc_free(one);
}
END_TEST

/* The lowest failing replication is reported, whatever the threads. */
START_TEST(test_runner_failure)
{
	Model m = { .seed = 1, .fail_at = { 97, 31 } };

	for (unsigned threads = 1; threads <= 4; threads++) {
		GError *err = NULL;
		ck_assert_ptr_null(run(&m, 200, threads, &err));
		ck_assert_ptr_nonnull(err);
		ck_assert_str_eq(err->message, "replication 31: boom 31");
		ck_assert_int_eq(m.alive, 0);	/* nothing leaked */
		g_error_free(err);
	}
}
END_TEST

START_TEST(test_runner_edge_counts)
{
	Model m = { .seed = 3, .fail_at = { -1, -1 } };

	for (uint64_t n = 0; n <= 3; n++) {
		Acc *a = run(&m, n, 3, NULL);
		ck_assert_uint_eq(a->reps, n);
		acc_free(a);
	}
}
END_TEST

Suite *runner_suite(void)
{
	Suite *s = suite_create("runner");
	TCase *tc = tcase_create("runner");

	tcase_add_test(tc, test_runner_threads_identical);
	tcase_add_test(tc, test_runner_chunk_ranges);
	tcase_add_test(tc, test_runner_failure);
	tcase_add_test(tc, test_runner_edge_counts);
	suite_add_tcase(s, tc);
	return s;
}
