/* engine.h — the clock and run loop of one replication.
 *
 * An engine owns a SimQueue and a clock.  sim_engine_run() pops events in
 * order (time, priority, scheduling order — see queue.h), sets the clock
 * to each event's time and calls its handler, which may schedule or cancel
 * events.  The run stops when the queue is empty, at the horizon, after a
 * number of events, or when a handler calls sim_engine_stop().
 *
 * Horizon rule (as SimPy's run(until=T)): events due strictly before the
 * horizon fire; events at or after it stay pending, and the clock is left
 * at the horizon (also when the queue ran empty before it).  A later run with a larger horizon goes on from there.
 *
 * Scheduling into the past (t < now) or at a non-finite time is a
 * programming error: a g_critical (fatal in tests), and no event.
 *
 * The engine knows nothing of what events mean: models give it handlers
 * and contexts.  Reusing one engine per worker thread through
 * sim_engine_reset() keeps per-replication setup free of allocation.
 * Not thread-safe: one engine per replication at a time.
 */
#ifndef DRSIM_SIM_ENGINE_H
#define DRSIM_SIM_ENGINE_H

#include <stdint.h>
#include <glib.h>

#include "sim/queue.h"
#include "sim/time.h"

typedef enum {
	SIM_STOP_EMPTY,		/* no event left */
	SIM_STOP_HORIZON,	/* next event at or after the horizon */
	SIM_STOP_EVENTS,	/* the event budget was spent */
	SIM_STOP_REQUESTED,	/* a handler called sim_engine_stop() */
} SimStopReason;

/* A new engine at time 0 with no event.  Never returns NULL. */
SimEngine *sim_engine_new(void);

/* Frees the engine and its pending events; accepts NULL. */
void sim_engine_free(SimEngine *eng);

/* Back to time 0 with no event and zero counters, keeping the memory. */
void sim_engine_reset(SimEngine *eng);

/* The same, the clock at t0 (finite, >= 0) instead of 0: a run that
 * starts part-way through a horizon. */
void sim_engine_reset_at(SimEngine *eng, SimTime t0);

/* The current time: that of the event being handled, or where the last
 * run stopped. */
SimTime sim_engine_now(const SimEngine *eng);

/* Schedules fn(eng, ctx, arg) at absolute time t >= now, priority 0..255
 * (lower first among same-instant events).  Returns the id, or
 * SIM_EVENT_NONE on a programming error. */
SimEventId sim_engine_at(SimEngine *eng, SimTime t, unsigned priority,
			 SimHandler fn, void *ctx, uint32_t arg);

/* Same, at now + delay (delay >= 0). */
SimEventId sim_engine_after(SimEngine *eng, SimTime delay, unsigned priority,
			    SimHandler fn, void *ctx, uint32_t arg);

/* Cancels a pending event (see sim_queue_cancel()); TRUE if it was
 * pending. */
gboolean sim_engine_cancel(SimEngine *eng, SimEventId id);

/* TRUE when id is still pending. */
gboolean sim_engine_is_pending(const SimEngine *eng, SimEventId id);

/* Runs until the queue is empty, the next event is at or after horizon
 * (INFINITY: none), max_events more events have fired (0: no limit), or a
 * handler asks to stop.  Returns why it stopped. */
SimStopReason sim_engine_run(SimEngine *eng, SimTime horizon,
			     uint64_t max_events);

/* Fires the next event due strictly before horizon, as sim_engine_run()
 * would, and fills *ev with what it fired (its time, priority, handler,
 * context and argument): a model can so tell what a run is busy with.
 * FALSE, the clock unchanged, when no event is due before horizon. */
gboolean sim_engine_step(SimEngine *eng, SimTime horizon, SimEvent *ev);

/* Called from a handler: the run returns after this handler. */
void sim_engine_stop(SimEngine *eng);

/* Events fired since creation or the last reset. */
uint64_t sim_engine_events(const SimEngine *eng);

/* Live pending events. */
size_t sim_engine_pending(const SimEngine *eng);

#endif
