/* drivers.c — what drives a service's breaches (drivers.h): shares by
 * cause from the breakdowns' counts and sums, importance of components
 * and sites from the breach-hours. */
#include "models/results/drivers.h"

#include <math.h>
#include <stdlib.h>

/* part / whole, NAN when there is no whole. */
static double share(double part, double whole)
{
	return whole > 0 ? part / whole : NAN;
}

/* NAN last, then larger first. */
static int cmp_share(double a, double b)
{
	if (isnan(a) || isnan(b))
		return isnan(a) - isnan(b);
	return (a < b) - (a > b);
}

static int cmp_cause(const void *pa, const void *pb)
{
	const MdlCauseShare *a = pa, *b = pb;
	int c = cmp_share(a->breaches_share, b->breaches_share);

	if (c == 0)
		c = cmp_share(a->downtime_share, b->downtime_share);
	if (c == 0)
		c = cmp_share(a->data_lost_share, b->data_lost_share);
	return c ? c : (a->cause > b->cause) - (a->cause < b->cause);
}

/* An importance with its place in breach_down_h: ties keep that order. */
typedef struct {
	MdlImportance imp;
	guint index;
} Ranked;

static int cmp_importance(const void *pa, const void *pb)
{
	const Ranked *a = pa, *b = pb;
	int c = cmp_share(a->imp.share, b->imp.share);

	return c ? c : (a->index > b->index) - (a->index < b->index);
}

/* The causes of s with closed incidents, their wholes added up in label
 * order into d. */
static void causes_fill(MdlDrivers *d, const MdlResults *r,
			const MdlServiceResults *s)
{
	guint n = mdl_labels_n_causes(r->labels);

	d->by_cause = g_new0(MdlCauseShare, MAX(n, 1));
	for (guint c = 0; c < n; c++) {
		const MdlBreakdown *b = s->by_cause[c];
		if (!b || b->incidents == 0)
			continue;
		MdlCauseShare *x = &d->by_cause[d->n_causes++];
		x->cause = c;
		x->label = mdl_labels_cause(r->labels, c);
		x->breaches = b->incidents - b->both_met;
		x->downtime_h = b->rto_sum_h;
		x->data_lost_h = b->rpo_sum_h;
		d->breaches += x->breaches;
		d->downtime_h += x->downtime_h;
		d->data_lost_h += x->data_lost_h;
	}
	for (guint i = 0; i < d->n_causes; i++) {
		MdlCauseShare *x = &d->by_cause[i];
		x->breaches_share = share((double)x->breaches,
					  (double)d->breaches);
		x->downtime_share = share(x->downtime_h, d->downtime_h);
		x->data_lost_share = share(x->data_lost_h, d->data_lost_h);
	}
	qsort(d->by_cause, d->n_causes, sizeof *d->by_cause, cmp_cause);
}

static void importance_fill(MdlDrivers *d, const MdlResults *r,
			    const MdlServiceResults *s)
{
	g_autofree Ranked *rank = g_new0(Ranked, MAX(r->n_down, 1));

	for (guint i = 0; i < r->n_down; i++) {
		rank[i].index = i;
		rank[i].imp.what = mdl_results_down_element(r, i);
		rank[i].imp.down_h = s->breach_down_h[i];
		rank[i].imp.share = share(s->breach_down_h[i], s->breach_h);
	}
	qsort(rank, r->n_down, sizeof *rank, cmp_importance);
	d->importance = g_new0(MdlImportance, MAX(r->n_down, 1));
	d->n_importance = r->n_down;
	for (guint i = 0; i < r->n_down; i++)
		d->importance[i] = rank[i].imp;
}

MdlDrivers *mdl_drivers_new(const MdlResults *r, guint i)
{
	g_return_val_if_fail(r && r->labels && i < r->n_services, NULL);

	const MdlServiceResults *s = &r->services[i];
	MdlDrivers *d = g_new0(MdlDrivers, 1);

	d->breach_h = s->breach_h;
	causes_fill(d, r, s);
	importance_fill(d, r, s);
	return d;
}

void mdl_drivers_free(MdlDrivers *d)
{
	if (!d)
		return;
	g_free(d->by_cause);
	g_free(d->importance);
	g_free(d);
}

const char *mdl_down_kind(const MdlDownElement *e)
{
	return e->site ? "site" : "component";
}

char *mdl_down_name(const MdlDownElement *e)
{
	return g_strconcat(e->replaced ? MDL_LABELS_REPLACED : "", e->id,
			   NULL);
}
