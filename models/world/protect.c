/* protect.c — recovery points of the copies of datasets, computed when a
 * restore asks for them instead of simulated job by job.
 *
 * A backup every hour for ten years is 87 600 jobs per replication, and
 * nothing observes almost all of them.  Each job is a pure function of its
 * number k, the replication and the copy: its start t_k = first + k·period,
 * whether it fails and how long it runs come from a stream keyed by (copy,
 * k) (so asking twice gives the same answer), and whether it ran at all
 * from the history kept as intervals (the dataset's source blocked at its
 * start; its source or destination site not up at its start, or at any
 * instant until its end: a job in flight is lost with its site).  A
 * restore walks the jobs backwards from now, applying retention, until it
 * finds the newest usable one: O(jobs walked · log spans), with no event
 * per job.  Jobs before t = 0 are taken to have run as usual (the
 * topology was in service before the simulation starts), so the first
 * hours have copies too.
 */
#include "protect.h"

#include <string.h>

#include "sim/units.h"

/* No more jobs than this are walked back for one query: a copy whose
 * jobs all fail or are all skipped has nothing to offer. */
#define MAX_WALK 100000

static const MdlCopy *copy_of(const MdlWorld *w, guint k, guint *d)
{
	const MdlScenario *sc = w->sc;

	for (guint i = 0; i < sc->n_datasets; i++) {
		if (k < w->data[i].first_copy + sc->datasets[i].n_copies) {
			*d = i;
			return &sc->datasets[i].copies[k - w->data[i].first_copy];
		}
	}
	g_assert_not_reached();
}

/* A replication copy k travelling via components (`via`): it keeps the
 * spans its replication stopped, and the components know it, so that
 * only their changes update them (protect_links_changed). */
static void index_via(MdlWorld *w, const MdlCopy *c, guint k)
{
	if (c->n_via == 0)
		return;
	w->copies[k].cut = g_array_new(FALSE, FALSE, sizeof(Interval));
	for (guint i = 0; i < c->n_via; i++)
		g_array_append_val(w->comps[c->via[i]].links, k);
}

void protect_init(MdlWorld *w)
{
	const MdlScenario *sc = w->sc;

	for (guint d = 0; d < sc->n_datasets; d++) {
		w->data[d].first_copy = w->n_copies;
		w->n_copies += sc->datasets[d].n_copies;
	}
	w->copies = g_new0(CopyState, w->n_copies);
	for (guint d = 0; d < sc->n_datasets; d++) {
		const MdlDataset *ds = &sc->datasets[d];
		for (guint i = 0; i < ds->n_copies; i++) {
			CopyState *cs = &w->copies[w->data[d].first_copy + i];
			g_autofree char *name = g_strdup_printf(
				"%scopy:%s/%s", w->stream_prefix, ds->id,
				ds->copies[i].id);
			cs->wipes = g_array_new(FALSE, FALSE, sizeof(double));
			cs->key = sim_rng_hash_name(name);
			index_via(w, &ds->copies[i],
				  w->data[d].first_copy + i);
		}
	}
	w->job_rng = sim_rng_new(0, 0, "");
}

void protect_reset(MdlWorld *w)
{
	for (guint k = 0; k < w->n_copies; k++) {
		g_array_set_size(w->copies[k].wipes, 0);
		if (w->copies[k].cut)
			g_array_set_size(w->copies[k].cut, 0);
	}
}

void protect_free(MdlWorld *w)
{
	for (guint k = 0; k < w->n_copies; k++) {
		g_array_free(w->copies[k].wipes, TRUE);
		if (w->copies[k].cut)
			g_array_free(w->copies[k].cut, TRUE);
	}
	g_free(w->copies);
	sim_rng_free(w->job_rng);
}

guint protect_copy_site(const MdlWorld *w, guint k)
{
	guint d;

	return copy_of(w, k, &d)->site;
}

void protect_wipe(MdlWorld *w, guint k)
{
	double now = sim_engine_now(w->eng);

	g_array_append_val(w->copies[k].wipes, now);
}

/* The last instant <= at when every instance of copy k was lost, or
 * -INFINITY. */
static double last_wipe(const MdlWorld *w, guint k, double at)
{
	GArray *wipes = w->copies[k].wipes;

	for (guint i = wipes->len; i-- > 0;)
		if (g_array_index(wipes, double, i) <= at)
			return g_array_index(wipes, double, i);
	return -INFINITY;
}

/* -- one job ----------------------------------------------------------- */

typedef struct {
	gboolean ran;		/* not skipped, not failed */
	double start, end;
} Job;

/* Job number j of copy k (of dataset d): did it run, and when did it end?
 * Its draws come from a stream keyed by (copy, j). */
static Job job(MdlWorld *w, guint k, guint d, const MdlCopy *c, gint64 j)
{
	Job jb = { FALSE, c->first_h + (double)j * c->period_h, 0 };
	guint src_site = w->sc->components[w->sc->datasets[d].storage].site;
	const GArray *dst_down = w->sites[c->site].down;
	const GArray *src_down = w->sites[src_site].down;

	if (world_interval_contains(w->data[d].blocked, jb.start) ||
	    world_interval_contains(dst_down, jb.start) ||
	    world_interval_contains(src_down, jb.start))
		return jb;	/* skipped: source or destination down */
	sim_rng_reseed_key(w->job_rng, w->seed, w->rep,
			   sim_rng_mix64(w->copies[k].key ^ (uint64_t)j));
	if (c->fail_p > 0 && sim_rng_uniform(w->job_rng) < c->fail_p)
		return jb;
	if (c->duration)
		jb.end = jb.start + sim_dist_sample(c->duration, w->job_rng);
	else if (isfinite(c->throughput))
		jb.end = jb.start + world_data_size(w, d, jb.start) / c->throughput;
	else
		jb.end = jb.start;
	/* A job in flight when either site goes down is lost: what it was
	 * writing is not a copy, even if the wipe came before its end. */
	jb.ran = !world_interval_meets(dst_down, jb.start, jb.end) &&
		 !world_interval_meets(src_down, jb.start, jb.end);
	return jb;
}

/* -- walking back ------------------------------------------------------ */

/* What a walk looks for: the newest recovery point <= limit and < before,
 * among the instances alive at `now`. */
typedef struct {
	double now, limit, before;
	double loss;		/* when the data was lost (replicas) */
	double clock;		/* retention's clock: now, or the instant it
				   was frozen by a declared disaster */
} Query;

static double point_of(MdlWorld *w, guint k, double at);

/* Applies retention to the walk: FALSE once older instances are gone.
 * Retention runs on q->clock: an instance completed after it was frozen
 * pushes no older one out. */
static gboolean retained(const MdlCopy *c, double end, const Query *q,
			 double wiped, guint *kept)
{
	if (end < wiped || end < q->clock - c->retention_h)
		return FALSE;
	if (end > q->clock)
		return TRUE;
	(*kept)++;
	return c->keep == 0 || *kept <= c->keep;
}

/* The newest usable recovery point of a snapshot or backup copy, or
 * -INFINITY. */
static double walk_jobs(MdlWorld *w, guint k, guint d, const MdlCopy *c,
			const Query *q)
{
	double wiped = last_wipe(w, k, q->now);
	gint64 j = (gint64)floor((q->now - c->first_h) / c->period_h);
	guint kept = 0;

	if (c->fail_p >= 1)
		return -INFINITY;
	for (int n = 0; n < MAX_WALK; n++, j--) {
		Job jb = job(w, k, d, c, j);
		if (!jb.ran || jb.end > q->now)
			continue;	/* skipped, failed or still running */
		if (!retained(c, jb.end, q, wiped, &kept))
			return -INFINITY;
		if (jb.start <= q->limit && jb.start < q->before)
			return jb.start;
	}
	return -INFINITY;
}

/* An offsite copy: job j copies, at its start u_j, the newest instance of
 * its source backup usable then; it arrives delay_h later. */
static double walk_offsite(MdlWorld *w, guint k, guint d, const MdlCopy *c,
			   const Query *q)
{
	guint src = w->data[d].first_copy + (guint)c->source;
	double wiped = last_wipe(w, k, q->now);
	gint64 j = (gint64)floor((q->now - c->delay_h - c->first_h) /
				 c->period_h);
	guint kept = 0;

	guint src_site = protect_copy_site(w, src);

	for (int n = 0; n < MAX_WALK; n++, j--) {
		double u = c->first_h + (double)j * c->period_h;
		/* the source is read at u; the destination must stay up
		 * until the copy arrives (a vault burning while the copy
		 * is in transit loses it) */
		if (world_interval_meets(w->sites[c->site].down, u, u + c->delay_h) ||
		    world_interval_contains(w->sites[src_site].down, u))
			continue;
		double rp = point_of(w, src, u);
		if (!isfinite(rp))
			continue;
		if (!retained(c, u + c->delay_h, q, wiped, &kept))
			return -INFINITY;
		if (rp <= q->limit && rp < q->before)
			return rp;
	}
	return -INFINITY;
}

/* The span of spans (sorted, disjoint [a, b)) holding t, or NULL. */
static const Interval *span_at(const GArray *spans, double t)
{
	for (guint i = spans->len; i-- > 0;) {
		const Interval *iv = &g_array_index(spans, Interval, i);
		if (iv->b <= t)
			return NULL;	/* the earlier ones end earlier */
		if (iv->a <= t)
			return iv;
	}
	return NULL;
}

/* A replica: current up to its lag at the loss (0 when synchronous), or
 * frozen since its site went down, or since its traffic stopped (a
 * component of its `via` down: its point then, less the lag; caught up
 * at once when they are back).  Lost when wiped since the loss. */
static double replica_point(MdlWorld *w, guint k, const MdlCopy *c,
			    const Query *q)
{
	double lost = q->loss, lag = 0, rp = lost;

	if (last_wipe(w, k, q->now) >= lost)
		return -INFINITY;
	if (!c->sync) {
		sim_rng_reseed_key(w->job_rng, w->seed, w->rep,
				   sim_rng_mix64(w->copies[k].key ^
						 (uint64_t)(gint64)floor(lost * 3600)));
		lag = sim_dist_sample(c->lag, w->job_rng);
		rp = lost - lag;
	}
	GArray *down = w->sites[c->site].down;
	for (guint i = down->len; i-- > 0;) {
		Interval iv = g_array_index(down, Interval, i);
		if (iv.a <= lost && lost < iv.b)
			rp = fmin(rp, iv.a);
	}
	const Interval *cut = w->copies[k].cut ? span_at(w->copies[k].cut, lost)
					       : NULL;
	if (cut)
		rp = fmin(rp, cut->a - lag);
	return rp <= q->limit && rp < q->before ? rp : -INFINITY;
}

void protect_links_changed(MdlWorld *w, guint c)
{
	GArray *links = w->comps[c].links;
	double now = sim_engine_now(w->eng);

	for (guint i = 0; i < links->len; i++) {
		guint k = g_array_index(links, guint, i), d;
		const MdlCopy *cp = copy_of(w, k, &d);
		GArray *cut = w->copies[k].cut;
		gboolean stopped = FALSE, was = cut->len > 0 &&
			isinf(g_array_index(cut, Interval, cut->len - 1).b);

		for (guint j = 0; j < cp->n_via; j++)
			stopped = stopped || !w->comps[cp->via[j]].is_up;
		if (stopped && !was)
			world_interval_open(cut, now);
		else if (!stopped && was)
			world_interval_close(cut, now);
	}
}

static double copy_point(MdlWorld *w, guint k, const Query *q)
{
	guint d;
	const MdlCopy *c = copy_of(w, k, &d);

	if (!site_ok(w, c->site) && q->now >= sim_engine_now(w->eng))
		return -INFINITY;	/* unreachable now */
	switch (c->kind) {
	case MDL_COPY_REPLICATION:
		return replica_point(w, k, c, q);
	case MDL_COPY_OFFSITE:
		return walk_offsite(w, k, d, c, q);
	case MDL_COPY_SNAPSHOT:
	case MDL_COPY_BACKUP:
	default:
		return walk_jobs(w, k, d, c, q);
	}
}

/* The newest instance of copy k usable at `at` (for offsite jobs). */
static double point_of(MdlWorld *w, guint k, double at)
{
	guint d;
	Query q = { at, INFINITY, INFINITY, at, at };

	copy_of(w, k, &d);
	q.clock = fmin(at, w->data[d].frozen_at);
	return copy_point(w, k, &q);
}

gboolean protect_best(MdlWorld *w, guint d, double limit, double before,
		      double *rp, guint *copy)
{
	double now = sim_engine_now(w->eng);
	Query q = { now, limit, before, w->data[d].lost_at,
		    fmin(now, w->data[d].frozen_at) };
	const MdlDataset *ds = &w->sc->datasets[d];
	double best = -INFINITY;

	for (guint i = 0; i < ds->n_copies; i++) {
		double p = copy_point(w, w->data[d].first_copy + i, &q);
		if (p > best) {
			best = p;
			*copy = i;
		}
	}
	*rp = best;
	return isfinite(best);
}

double protect_replica(MdlWorld *w, guint d, guint copy, double at)
{
	double now = sim_engine_now(w->eng);
	/* after ransomware the replica must be older than the clean point
	 * like any copy (it is not: it fails) */
	double limit = w->data[d].intact ? INFINITY : w->data[d].limit;
	Query q = { now, limit, INFINITY, at, fmin(now, w->data[d].frozen_at) };

	return copy_point(w, w->data[d].first_copy + copy, &q);
}

/* Every instance of every copy living on site s is lost now. */
void protect_wipe_site(MdlWorld *w, guint s)
{
	for (guint k = 0; k < w->n_copies; k++)
		if (protect_copy_site(w, k) == s)
			protect_wipe(w, k);
}
