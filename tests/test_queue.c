/* test_queue.c — event ordering, ties, priorities, cancellation, and the
 * engine's run loop and stop conditions. */
#include <stdlib.h>
#include <gsl/gsl_rng.h>

#include "sim/engine.h"
#include "sim/rng.h"
#include "testutil.h"

static void nop(SimEngine *eng, void *ctx, uint32_t arg)
{
	(void)eng;
	(void)ctx;
	(void)arg;
}

/* Same instant: priority first, then scheduling order. */
START_TEST(test_queue_ties)
{
	SimQueue *q = sim_queue_new();
	SimEvent ev;
	/* (time, priority), pushed in this order; arg = index */
	static const struct { double t; unsigned prio; } in[] = {
		{ 5, 1 }, { 5, 0 }, { 2, 9 }, { 5, 1 },
		{ 5, 0 }, { 7, 0 }, { 5, 0 }, { 5, 2 },
	};
	/* t 2; then t 5 by priority 0, 1, 2, FIFO within; then t 7 */
	static const uint32_t order[] = { 2, 1, 4, 6, 0, 3, 7, 5 };

	for (size_t i = 0; i < G_N_ELEMENTS(in); i++)
		sim_queue_push(q, in[i].t, in[i].prio, nop, NULL, (uint32_t)i);
	for (size_t k = 0; k < G_N_ELEMENTS(order); k++) {
		ck_assert(sim_queue_pop_before(q, INFINITY, &ev));
		ck_assert_uint_eq(ev.arg, order[k]);
	}
	ck_assert(!sim_queue_pop_before(q, INFINITY, &ev));
	sim_queue_free(q);
}
END_TEST

START_TEST(test_queue_cancel)
{
	SimQueue *q = sim_queue_new();
	SimEvent ev;
	SimEventId a = sim_queue_push(q, 1, 0, nop, NULL, 1);
	SimEventId b = sim_queue_push(q, 2, 0, nop, NULL, 2);
	SimEventId c = sim_queue_push(q, 3, 0, nop, NULL, 3);

	ck_assert(!sim_queue_cancel(q, SIM_EVENT_NONE));
	ck_assert(sim_queue_cancel(q, b));
	ck_assert(!sim_queue_cancel(q, b));	/* twice */
	ck_assert(!sim_queue_is_pending(q, b));
	ck_assert(sim_queue_is_pending(q, c));
	ck_assert_uint_eq(sim_queue_size(q), 2);
	ck_assert(sim_queue_pop_before(q, INFINITY, &ev));
	ck_assert_uint_eq(ev.arg, 1);
	ck_assert(!sim_queue_cancel(q, a));	/* fired */
	/* a's slot is reused: a's stale id must not cancel the new event */
	SimEventId d = sim_queue_push(q, 2.5, 0, nop, NULL, 4);
	ck_assert(!sim_queue_cancel(q, a));
	ck_assert(sim_queue_is_pending(q, d));
	ck_assert(sim_queue_cancel(q, c));
	ck_assert(sim_queue_pop_before(q, INFINITY, &ev));
	ck_assert_uint_eq(ev.arg, 4);
	ck_assert(!sim_queue_pop_before(q, INFINITY, &ev));
	ck_assert_uint_eq(sim_queue_size(q), 0);
	ck_assert(sim_queue_peek_time(q) == INFINITY);
	sim_queue_free(q);
}
END_TEST

START_TEST(test_queue_limit_and_clear)
{
	SimQueue *q = sim_queue_new();
	SimEvent ev;
	SimEventId id = sim_queue_push(q, 10, 0, nop, NULL, 0);

	ck_assert(!sim_queue_pop_before(q, 10, &ev));	/* not < 10 */
	ck_assert_uint_eq(sim_queue_size(q), 1);
	assert_close(sim_queue_peek_time(q), 10, 0);
	sim_queue_clear(q);
	ck_assert_uint_eq(sim_queue_size(q), 0);
	ck_assert(!sim_queue_is_pending(q, id));
	ck_assert(!sim_queue_cancel(q, id));
	ck_assert(!sim_queue_pop_before(q, INFINITY, &ev));
	sim_queue_free(q);
	sim_queue_free(NULL);
}
END_TEST

/* The reference: a sorted array of (t, prio, seq) of live events. */
typedef struct {
	double t;
	unsigned prio;
	uint32_t seq;
	SimEventId id;
} Ref;

static int ref_cmp(const void *pa, const void *pb)
{
	const Ref *a = pa, *b = pb;

	if (a->t != b->t)
		return a->t < b->t ? -1 : 1;
	if (a->prio != b->prio)
		return a->prio < b->prio ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* Random interleavings of push, pop and cancel against the reference.
 * Times are drawn on a coarse grid so ties are frequent; one seed per
 * loop index (the seed is the index). */
START_TEST(test_queue_random_vs_sorted)
{
	enum { STEPS = 20000 };
	gsl_rng *r = sim_rng_new((uint64_t)_i, 0, "queue");
	SimQueue *q = sim_queue_new();
	GArray *ref = g_array_new(FALSE, FALSE, sizeof(Ref));
	uint32_t seq = 0;
	double now = 0;
	SimEvent ev;

	for (int step = 0; step < STEPS; step++) {
		double u = gsl_rng_uniform(r);
		if (u < 0.5 || ref->len == 0) {
			Ref e = { now + (double)gsl_rng_uniform_int(r, 20),
				  (unsigned)gsl_rng_uniform_int(r, 3), seq++, 0 };
			e.id = sim_queue_push(q, e.t, e.prio, nop, NULL, e.seq);
			g_array_append_val(ref, e);
		} else if (u < 0.8) {
			qsort(ref->data, ref->len, sizeof(Ref), ref_cmp);
			Ref want = g_array_index(ref, Ref, 0);
			ck_assert(sim_queue_pop_before(q, INFINITY, &ev));
			ck_assert_uint_eq(ev.arg, want.seq);
			ck_assert(ev.t == want.t && ev.priority == want.prio);
			now = ev.t;
			g_array_remove_index(ref, 0);
		} else {
			guint k = (guint)gsl_rng_uniform_int(r, ref->len);
			ck_assert(sim_queue_cancel(q, g_array_index(ref, Ref, k).id));
			g_array_remove_index(ref, k);
		}
		ck_assert_uint_eq(sim_queue_size(q), ref->len);
	}
	/* Drain. */
	qsort(ref->data, ref->len, sizeof(Ref), ref_cmp);
	for (guint k = 0; k < ref->len; k++) {
		ck_assert(sim_queue_pop_before(q, INFINITY, &ev));
		ck_assert_uint_eq(ev.arg, g_array_index(ref, Ref, k).seq);
	}
	ck_assert(!sim_queue_pop_before(q, INFINITY, &ev));
	g_array_free(ref, TRUE);
	sim_queue_free(q);
	sim_rng_free(r);
}
END_TEST

/* Mass cancellation compacts the heap and keeps the survivors' order. */
START_TEST(test_queue_compaction)
{
	enum { N = 10000 };
	SimQueue *q = sim_queue_new();
	SimEventId *ids = g_new(SimEventId, N);
	SimEvent ev;

	for (uint32_t i = 0; i < N; i++)
		ids[i] = sim_queue_push(q, (double)(N - i), 0, nop, NULL, i);
	for (uint32_t i = 0; i < N; i++)
		if (i % 10)
			ck_assert(sim_queue_cancel(q, ids[i]));
	ck_assert_uint_eq(sim_queue_size(q), N / 10);
	for (uint32_t k = 0; k < N / 10; k++) {
		ck_assert(sim_queue_pop_before(q, INFINITY, &ev));
		ck_assert_uint_eq(ev.arg, N - 10 - 10 * k);
	}
	ck_assert(!sim_queue_pop_before(q, INFINITY, &ev));
	g_free(ids);
	sim_queue_free(q);
}
END_TEST

/* -- engine ------------------------------------------------------------ */

typedef struct {
	GArray *log;		/* times at which events fired */
	SimEventId victim;
	int stop_at;
} Trace;

static void record(SimEngine *eng, void *ctx, uint32_t arg)
{
	Trace *tr = ctx;
	double now = sim_engine_now(eng);

	g_array_append_val(tr->log, now);
	if ((int)arg == tr->stop_at)
		sim_engine_stop(eng);
}

static void cancel_victim(SimEngine *eng, void *ctx, uint32_t arg)
{
	Trace *tr = ctx;

	(void)arg;
	ck_assert(sim_engine_cancel(eng, tr->victim));
}

/* Each event schedules the next one hour later, forever. */
static void chain(SimEngine *eng, void *ctx, uint32_t arg)
{
	record(eng, ctx, arg);
	sim_engine_after(eng, 1.0, 0, chain, ctx, arg + 1);
}

START_TEST(test_engine_stop_conditions)
{
	SimEngine *eng = sim_engine_new();
	Trace tr = { g_array_new(FALSE, FALSE, sizeof(double)), 0, -1 };

	/* Horizon: events strictly before it fire, the clock ends on it. */
	sim_engine_at(eng, 0, 0, chain, &tr, 0);
	ck_assert_int_eq(sim_engine_run(eng, 10, 0), SIM_STOP_HORIZON);
	ck_assert_uint_eq(tr.log->len, 10);	/* t = 0..9 */
	assert_close(sim_engine_now(eng), 10, 0);
	ck_assert_uint_eq(sim_engine_pending(eng), 1);
	/* Going on: the event at 10 fires now. */
	ck_assert_int_eq(sim_engine_run(eng, 12.5, 0), SIM_STOP_HORIZON);
	ck_assert_uint_eq(tr.log->len, 13);
	/* Event budget. */
	ck_assert_int_eq(sim_engine_run(eng, INFINITY, 5), SIM_STOP_EVENTS);
	ck_assert_uint_eq(tr.log->len, 18);
	ck_assert_uint_eq(sim_engine_events(eng), 18);
	/* Requested stop. */
	tr.stop_at = 20;
	ck_assert_int_eq(sim_engine_run(eng, INFINITY, 0), SIM_STOP_REQUESTED);
	assert_close(sim_engine_now(eng), 20, 0);
	/* Reset, then an empty queue. */
	sim_engine_reset(eng);
	assert_close(sim_engine_now(eng), 0, 0);
	ck_assert_uint_eq(sim_engine_events(eng), 0);
	ck_assert_int_eq(sim_engine_run(eng, 100, 0), SIM_STOP_EMPTY);
	assert_close(sim_engine_now(eng), 100, 0);
	/* Reset part-way: the clock starts there, the past is refused. */
	sim_engine_reset_at(eng, 50);
	assert_close(sim_engine_now(eng), 50, 0);
	ck_assert_uint_eq(sim_engine_events(eng), 0);
	sim_engine_after(eng, 5, 0, record, &tr, 0);
	ck_assert_int_eq(sim_engine_run(eng, 100, 0), SIM_STOP_EMPTY);
	assert_close(g_array_index(tr.log, double, tr.log->len - 1), 55, 0);
	g_array_free(tr.log, TRUE);
	sim_engine_free(eng);
	sim_engine_free(NULL);
}
END_TEST

/* A step fires one event, as a run would, and says which. */
START_TEST(test_engine_step)
{
	SimEngine *eng = sim_engine_new();
	Trace tr = { g_array_new(FALSE, FALSE, sizeof(double)), 0, -1 };
	SimEvent ev;

	sim_engine_at(eng, 2, 7, chain, &tr, 40);
	ck_assert(sim_engine_step(eng, 10, &ev));
	ck_assert(ev.fn == chain && ev.ctx == &tr && ev.arg == 40);
	ck_assert_uint_eq(ev.priority, 7);
	assert_close(ev.t, 2, 0);
	assert_close(sim_engine_now(eng), 2, 0);
	ck_assert_uint_eq(tr.log->len, 1);
	ck_assert_uint_eq(sim_engine_events(eng), 1);
	/* the one it scheduled, at 3 */
	ck_assert(sim_engine_step(eng, 10, &ev) && ev.arg == 41);
	assert_close(sim_engine_now(eng), 3, 0);
	/* none before the horizon: nothing fires, the clock stays */
	ck_assert(!sim_engine_step(eng, 4, &ev));
	assert_close(sim_engine_now(eng), 3, 0);
	ck_assert_uint_eq(tr.log->len, 2);
	g_array_free(tr.log, TRUE);
	sim_engine_free(eng);
}
END_TEST

START_TEST(test_engine_cancel_from_handler)
{
	SimEngine *eng = sim_engine_new();
	Trace tr = { g_array_new(FALSE, FALSE, sizeof(double)), 0, -1 };

	sim_engine_at(eng, 1, 0, cancel_victim, &tr, 0);
	tr.victim = sim_engine_at(eng, 2, 0, record, &tr, 0);
	sim_engine_at(eng, 3, 0, record, &tr, 0);
	ck_assert(sim_engine_is_pending(eng, tr.victim));
	ck_assert_int_eq(sim_engine_run(eng, INFINITY, 0), SIM_STOP_EMPTY);
	ck_assert_uint_eq(tr.log->len, 1);
	assert_close(g_array_index(tr.log, double, 0), 3, 0);
	ck_assert_uint_eq(sim_engine_events(eng), 2);
	g_array_free(tr.log, TRUE);
	sim_engine_free(eng);
}
END_TEST

static int ncritical;

static void count_critical(const gchar *domain, GLogLevelFlags level,
			   const gchar *message, gpointer data)
{
	(void)domain;
	(void)level;
	(void)message;
	(void)data;
	ncritical++;
}

/* Scheduling into the past or at NaN is a programming error: a critical
 * and no event (criticals made non-fatal for this test only). */
START_TEST(test_engine_past_is_an_error)
{
	SimEngine *eng = sim_engine_new();
	GLogLevelFlags old = g_log_set_always_fatal(G_LOG_FATAL_MASK);
	guint h = g_log_set_handler(NULL, G_LOG_LEVEL_CRITICAL, count_critical,
				    NULL);

	ncritical = 0;
	sim_engine_run(eng, 5, 0);
	ck_assert_uint_eq(sim_engine_at(eng, 4.999, 0, nop, NULL, 0),
			  SIM_EVENT_NONE);
	ck_assert_uint_eq(sim_engine_at(eng, NAN, 0, nop, NULL, 0),
			  SIM_EVENT_NONE);
	ck_assert_uint_eq(sim_engine_after(eng, -1, 0, nop, NULL, 0),
			  SIM_EVENT_NONE);
	ck_assert_uint_eq(sim_engine_at(eng, 6, 256, nop, NULL, 0),
			  SIM_EVENT_NONE);
	ck_assert_int_eq(ncritical, 4);
	ck_assert_uint_eq(sim_engine_pending(eng), 0);
	ck_assert(sim_engine_at(eng, 5, 0, nop, NULL, 0) != SIM_EVENT_NONE);
	g_log_remove_handler(NULL, h);
	g_log_set_always_fatal(old);
	sim_engine_free(eng);
}
END_TEST

Suite *queue_suite(void)
{
	Suite *s = suite_create("queue");
	TCase *tc = tcase_create("queue");
	TCase *te = tcase_create("engine");

	tcase_add_test(tc, test_queue_ties);
	tcase_add_test(tc, test_queue_cancel);
	tcase_add_test(tc, test_queue_limit_and_clear);
	tcase_add_loop_test(tc, test_queue_random_vs_sorted, 1, 6);
	tcase_add_test(tc, test_queue_compaction);
	suite_add_tcase(s, tc);
	tcase_add_test(te, test_engine_stop_conditions);
	tcase_add_test(te, test_engine_step);
	tcase_add_test(te, test_engine_cancel_from_handler);
	tcase_add_test(te, test_engine_past_is_an_error);
	suite_add_tcase(s, te);
	return s;
}
