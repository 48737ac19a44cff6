/* queue-private.h — the event set's layout and hot paths, shared by
 * queue.c and engine.c so that the run loop inlines push and pop (a call
 * per event costs a third of the hold benchmark at small P).  Only sim/
 * includes this; the public contract is queue.h. */
#ifndef DRSIM_SIM_QUEUE_PRIVATE_H
#define DRSIM_SIM_QUEUE_PRIVATE_H

#include <math.h>
#include <stdbool.h>

#include "sim/queue.h"

/* A heap entry: 16 bytes, so four children share a cache line. */
typedef struct {
	SimTime t;
	uint32_t slot;
	uint32_t priority;
} QEntry;

typedef struct {
	SimHandler fn;		/* NULL: cancelled or free */
	void *ctx;
	uint64_t seq;		/* scheduling order, breaks full ties */
	uint32_t arg;
	uint32_t gen;		/* bumped on free; part of the id */
} QSlot;

struct SimQueue {
	QEntry *heap;
	size_t n, heap_cap;	/* entries in the heap, live or cancelled */
	QSlot *pool;
	uint32_t *free_slots;	/* stack of free slot indices */
	size_t nfree, pool_len, pool_cap;
	size_t ncancelled;	/* cancelled entries still in the heap */
	uint64_t next_seq;
};

/* Grows the pool or the heap; out of line, rarely called. */
void sim_queue_grow_pool(SimQueue *q);
void sim_queue_grow_heap(SimQueue *q);

static inline bool q_before(const SimQueue *q, const QEntry *a,
			    const QEntry *b)
{
	if (a->t != b->t)
		return a->t < b->t;
	if (a->priority != b->priority)
		return a->priority < b->priority;
	return q->pool[a->slot].seq < q->pool[b->slot].seq;
}

static inline void q_sift_up(SimQueue *q, size_t i, QEntry e)
{
	while (i > 0) {
		size_t parent = (i - 1) / 4;
		if (!q_before(q, &e, &q->heap[parent]))
			break;
		q->heap[i] = q->heap[parent];
		i = parent;
	}
	q->heap[i] = e;
}

/* Places e at hole i or below: the hot loop of pop. */
static inline void q_sift_down(SimQueue *q, size_t i, QEntry e)
{
	QEntry *h = q->heap;
	size_t n = q->n;

	for (;;) {
		size_t c = 4 * i + 1, best = c, end = c + 4;
		if (c >= n)
			break;
		if (end > n)
			end = n;
		for (size_t k = c + 1; k < end; k++)
			if (q_before(q, &h[k], &h[best]))
				best = k;
		if (!q_before(q, &h[best], &e))
			break;
		/* Moving a child into the root makes it the next event
		 * popped: fetch its slot now, while the rest of the sift and
		 * the handler run, instead of stalling on it at the next pop. */
		if (i == 0)
			__builtin_prefetch(&q->pool[h[best].slot]);
		h[i] = h[best];
		i = best;
	}
	h[i] = e;
}

static inline uint32_t q_slot_alloc(SimQueue *q)
{
	if (q->nfree > 0)
		return q->free_slots[--q->nfree];
	if (q->pool_len == q->pool_cap)
		sim_queue_grow_pool(q);
	q->pool[q->pool_len].gen = 1;
	return (uint32_t)q->pool_len++;
}

static inline void q_slot_release(SimQueue *q, uint32_t slot)
{
	QSlot *s = &q->pool[slot];

	s->fn = NULL;
	if (++s->gen == 0)	/* generation 0 would make id 0 valid */
		s->gen = 1;
	q->free_slots[q->nfree++] = slot;
}

/* Push without argument checks (the callers made them). */
static inline SimEventId q_push(SimQueue *q, SimTime t, unsigned priority,
				SimHandler fn, void *ctx, uint32_t arg)
{
	uint32_t slot = q_slot_alloc(q);
	QSlot *s = &q->pool[slot];

	s->fn = fn;
	s->ctx = ctx;
	s->arg = arg;
	s->seq = q->next_seq++;
	if (q->n == q->heap_cap)
		sim_queue_grow_heap(q);
	q->n++;
	q_sift_up(q, q->n - 1, (QEntry){ t, slot, priority });
	return (SimEventId)s->gen << 32 | slot;
}

static inline void q_remove_top(SimQueue *q)
{
	QEntry last = q->heap[--q->n];

	if (q->n > 0)
		q_sift_down(q, 0, last);
}

/* Drops cancelled entries from the top so that the top, if any, is live. */
static inline void q_skip_cancelled(SimQueue *q)
{
	while (q->n > 0 && q->pool[q->heap[0].slot].fn == NULL) {
		q_slot_release(q, q->heap[0].slot);
		q->ncancelled--;
		q_remove_top(q);
	}
}

static inline bool q_pop_before(SimQueue *q, SimTime limit, SimEvent *ev)
{
	if (q->ncancelled)
		q_skip_cancelled(q);
	if (q->n == 0 || !(q->heap[0].t < limit))
		return false;

	QEntry top = q->heap[0];
	QSlot *s = &q->pool[top.slot];
	ev->t = top.t;
	ev->priority = top.priority;
	ev->fn = s->fn;
	ev->ctx = s->ctx;
	ev->arg = s->arg;
	/* Free the slot before the handler runs: cancelling the running event
	 * then reports FALSE, and its slot is reused at once (hot in cache). */
	q_slot_release(q, top.slot);
	q_remove_top(q);
	return true;
}

#endif
