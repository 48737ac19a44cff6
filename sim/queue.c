/* queue.c — 4-ary heap over a pool of event slots, lazy cancellation.
 * The hot paths are inline in queue-private.h. */
#include "queue-private.h"

SimQueue *sim_queue_new(void)
{
	return g_new0(SimQueue, 1);
}

void sim_queue_free(SimQueue *q)
{
	if (!q)
		return;
	g_free(q->heap);
	g_free(q->pool);
	g_free(q->free_slots);
	g_free(q);
}

void sim_queue_grow_pool(SimQueue *q)
{
	q->pool_cap = q->pool_cap ? 2 * q->pool_cap : 64;
	g_assert(q->pool_cap <= UINT32_MAX);
	q->pool = g_renew(QSlot, q->pool, q->pool_cap);
	q->free_slots = g_renew(uint32_t, q->free_slots, q->pool_cap);
}

void sim_queue_grow_heap(SimQueue *q)
{
	q->heap_cap = q->heap_cap ? 2 * q->heap_cap : 64;
	q->heap = g_renew(QEntry, q->heap, q->heap_cap);
}

void sim_queue_clear(SimQueue *q)
{
	g_return_if_fail(q);
	/* Release every slot, bumping its generation: old ids stay invalid. */
	q->nfree = 0;
	for (size_t i = q->pool_len; i-- > 0;)
		q_slot_release(q, (uint32_t)i);
	q->n = 0;
	q->ncancelled = 0;
	q->next_seq = 0;
}

SimEventId sim_queue_push(SimQueue *q, SimTime t, unsigned priority,
			  SimHandler fn, void *ctx, uint32_t arg)
{
	g_return_val_if_fail(q && fn, SIM_EVENT_NONE);
	g_return_val_if_fail(isfinite(t), SIM_EVENT_NONE);
	g_return_val_if_fail(priority <= SIM_PRIORITY_MAX, SIM_EVENT_NONE);
	return q_push(q, t, priority, fn, ctx, arg);
}

gboolean sim_queue_pop_before(SimQueue *q, SimTime limit, SimEvent *ev)
{
	g_return_val_if_fail(q && ev, FALSE);
	return q_pop_before(q, limit, ev);
}

SimTime sim_queue_peek_time(SimQueue *q)
{
	g_return_val_if_fail(q, INFINITY);
	q_skip_cancelled(q);
	return q->n > 0 ? q->heap[0].t : INFINITY;
}

static QSlot *slot_of(const SimQueue *q, SimEventId id)
{
	uint32_t slot = (uint32_t)(id & 0xffffffffu);
	uint32_t gen = (uint32_t)(id >> 32);

	if (id == SIM_EVENT_NONE || slot >= q->pool_len)
		return NULL;
	QSlot *s = &q->pool[slot];
	return s->gen == gen && s->fn != NULL ? s : NULL;
}

/* Rebuilds the heap without its cancelled entries (Floyd, O(n)). */
static void compact(SimQueue *q)
{
	size_t kept = 0;

	for (size_t i = 0; i < q->n; i++) {
		if (q->pool[q->heap[i].slot].fn == NULL)
			q_slot_release(q, q->heap[i].slot);
		else
			q->heap[kept++] = q->heap[i];
	}
	q->n = kept;
	q->ncancelled = 0;
	for (size_t i = kept / 4 + 1; i-- > 0;)
		if (i < q->n)
			q_sift_down(q, i, q->heap[i]);
}

gboolean sim_queue_cancel(SimQueue *q, SimEventId id)
{
	g_return_val_if_fail(q, FALSE);

	QSlot *s = slot_of(q, id);
	if (!s)
		return FALSE;
	s->fn = NULL;		/* the entry stays in the heap until skipped */
	q->ncancelled++;
	if (q->ncancelled > 64 && q->ncancelled > q->n - q->ncancelled)
		compact(q);
	return TRUE;
}

gboolean sim_queue_is_pending(const SimQueue *q, SimEventId id)
{
	g_return_val_if_fail(q, FALSE);
	return slot_of(q, id) != NULL;
}

size_t sim_queue_size(const SimQueue *q)
{
	g_return_val_if_fail(q, 0);
	return q->n - q->ncancelled;
}
