/* queue.h — the pending-event set of the engine.
 *
 * Events are ordered by time, then by a priority the caller gives (lower
 * fires first), then by scheduling order (FIFO), so that events due at the
 * same instant fire in a documented, reproducible order.  This is the
 * ns-3 rule (time, uid) with a priority slotted in between.
 *
 * Implementation: a 4-ary implicit heap of 16-byte entries (time, slot,
 * priority) over a pool of event slots (handler, context, argument,
 * scheduling number).  Ties on (time, priority) are rare, so the
 * scheduling number lives in the pool and is read only then.  Push and pop
 * are O(log n).  Cancellation is O(1): it marks the slot, and the entry is
 * dropped when it reaches the top; when cancelled entries outnumber live
 * ones the heap is compacted in O(n), so memory stays within twice the
 * live events.  A slot's generation is bumped when it is freed, so a stale
 * SimEventId can never cancel a later event that reuses the slot.
 *
 * Ownership: the queue owns its storage; contexts are borrowed (never
 * freed by the queue).  Not thread-safe: one queue per replication.
 */
#ifndef DRSIM_SIM_QUEUE_H
#define DRSIM_SIM_QUEUE_H

#include <stddef.h>
#include <stdint.h>
#include <glib.h>

#include "sim/time.h"

typedef struct SimEngine SimEngine;
typedef struct SimQueue SimQueue;

/* Identifies a scheduled event for cancellation; 0 (SIM_EVENT_NONE) is
 * never a valid id, so it can mark "nothing scheduled". */
typedef uint64_t SimEventId;
#define SIM_EVENT_NONE ((SimEventId)0)

/* What an event does when it fires: ctx and arg are those given when it
 * was scheduled (arg saves allocating a context per event, e.g. a unit
 * index). */
typedef void (*SimHandler)(SimEngine *eng, void *ctx, uint32_t arg);

/* Highest priority value; 0 fires first among same-instant events. */
#define SIM_PRIORITY_MAX 255u

/* An event as popped from the queue. */
typedef struct {
	SimTime t;
	unsigned priority;
	SimHandler fn;
	void *ctx;
	uint32_t arg;
} SimEvent;

/* A new empty queue.  Never returns NULL. */
SimQueue *sim_queue_new(void);

/* Frees the queue; accepts NULL. */
void sim_queue_free(SimQueue *q);

/* Drops every pending event, keeping the memory for reuse.  Ids given
 * before are invalid afterwards. */
void sim_queue_clear(SimQueue *q);

/* Schedules fn(ctx, arg) at time t (finite) with the given priority
 * (<= SIM_PRIORITY_MAX).  Returns its id; never fails on valid input. */
SimEventId sim_queue_push(SimQueue *q, SimTime t, unsigned priority,
			  SimHandler fn, void *ctx, uint32_t arg);

/* Pops the earliest live event if its time is < limit (pass INFINITY for
 * no limit), filling *ev; returns FALSE, leaving the queue unchanged but
 * for dropped cancelled entries, when the queue is empty or the earliest
 * event is not before limit. */
gboolean sim_queue_pop_before(SimQueue *q, SimTime limit, SimEvent *ev);

/* Time of the earliest live event, or INFINITY when empty. */
SimTime sim_queue_peek_time(SimQueue *q);

/* Cancels a pending event: it will never fire.  Returns TRUE if it was
 * pending, FALSE if it had fired, was cancelled already, or id is
 * SIM_EVENT_NONE or stale. */
gboolean sim_queue_cancel(SimQueue *q, SimEventId id);

/* TRUE when id names an event still pending. */
gboolean sim_queue_is_pending(const SimQueue *q, SimEventId id);

/* Number of live (not cancelled) pending events. */
size_t sim_queue_size(const SimQueue *q);

#endif
