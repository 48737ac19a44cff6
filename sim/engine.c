/* engine.c — clock and run loop. */
#include "sim/engine.h"
#include "queue-private.h"

#include <math.h>

struct SimEngine {
	SimQueue *queue;
	SimTime now;
	uint64_t events;
	gboolean stop;
};

SimEngine *sim_engine_new(void)
{
	SimEngine *eng = g_new0(SimEngine, 1);

	eng->queue = sim_queue_new();
	return eng;
}

void sim_engine_free(SimEngine *eng)
{
	if (!eng)
		return;
	sim_queue_free(eng->queue);
	g_free(eng);
}

void sim_engine_reset(SimEngine *eng)
{
	sim_engine_reset_at(eng, 0);
}

void sim_engine_reset_at(SimEngine *eng, SimTime t0)
{
	g_return_if_fail(eng);
	g_return_if_fail(isfinite(t0) && t0 >= 0);
	sim_queue_clear(eng->queue);
	eng->now = t0;
	eng->events = 0;
	eng->stop = FALSE;
}

SimTime sim_engine_now(const SimEngine *eng)
{
	g_return_val_if_fail(eng, 0);
	return eng->now;
}

SimEventId sim_engine_at(SimEngine *eng, SimTime t, unsigned priority,
			 SimHandler fn, void *ctx, uint32_t arg)
{
	g_return_val_if_fail(eng, SIM_EVENT_NONE);
	g_return_val_if_fail(t >= eng->now && isfinite(t), SIM_EVENT_NONE);
	g_return_val_if_fail(fn && priority <= SIM_PRIORITY_MAX, SIM_EVENT_NONE);
	return q_push(eng->queue, t, priority, fn, ctx, arg);
}

SimEventId sim_engine_after(SimEngine *eng, SimTime delay, unsigned priority,
			    SimHandler fn, void *ctx, uint32_t arg)
{
	g_return_val_if_fail(eng, SIM_EVENT_NONE);
	g_return_val_if_fail(delay >= 0 && isfinite(delay), SIM_EVENT_NONE);
	g_return_val_if_fail(fn && priority <= SIM_PRIORITY_MAX, SIM_EVENT_NONE);
	return q_push(eng->queue, eng->now + delay, priority, fn, ctx, arg);
}

gboolean sim_engine_cancel(SimEngine *eng, SimEventId id)
{
	g_return_val_if_fail(eng, FALSE);
	return sim_queue_cancel(eng->queue, id);
}

gboolean sim_engine_is_pending(const SimEngine *eng, SimEventId id)
{
	g_return_val_if_fail(eng, FALSE);
	return sim_queue_is_pending(eng->queue, id);
}

SimStopReason sim_engine_run(SimEngine *eng, SimTime horizon,
			     uint64_t max_events)
{
	g_return_val_if_fail(eng, SIM_STOP_EMPTY);
	g_return_val_if_fail(!isnan(horizon), SIM_STOP_EMPTY);

	uint64_t budget = max_events ? max_events : UINT64_MAX;
	SimEvent ev;

	eng->stop = FALSE;
	while (budget > 0) {
		if (!q_pop_before(eng->queue, horizon, &ev)) {
			gboolean empty = sim_queue_size(eng->queue) == 0;
			if (isfinite(horizon))
				eng->now = horizon;
			return empty ? SIM_STOP_EMPTY : SIM_STOP_HORIZON;
		}
		eng->now = ev.t;
		eng->events++;
		budget--;
		ev.fn(eng, ev.ctx, ev.arg);
		if (eng->stop)
			return SIM_STOP_REQUESTED;
	}
	return SIM_STOP_EVENTS;
}

gboolean sim_engine_step(SimEngine *eng, SimTime horizon, SimEvent *ev)
{
	g_return_val_if_fail(eng && ev && !isnan(horizon), FALSE);

	if (!q_pop_before(eng->queue, horizon, ev))
		return FALSE;
	eng->now = ev->t;
	eng->events++;
	ev->fn(eng, ev->ctx, ev->arg);
	return TRUE;
}

void sim_engine_stop(SimEngine *eng)
{
	g_return_if_fail(eng);
	eng->stop = TRUE;
}

uint64_t sim_engine_events(const SimEngine *eng)
{
	g_return_val_if_fail(eng, 0);
	return eng->events;
}

size_t sim_engine_pending(const SimEngine *eng)
{
	g_return_val_if_fail(eng, 0);
	return sim_queue_size(eng->queue);
}
