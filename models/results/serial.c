/* serial.c — an MdlResults as a GVariant and back (serial.h): every
 * accumulator, none of the scratch of a replication being played. */
#include "models/results/serial.h"

#include <string.h>

/* The types, built once from their parts. */
#define W SIM_WELFORD_VARIANT_TYPE
#define S SIM_SKETCH_VARIANT_TYPE
#define BREAKDOWN "(t" W W S S "tttdd)"
#define SERVICE                                                                \
	"(" W W "tt" W S W S "ttttt" W S W W "a(u" BREAKDOWN ")a(u" BREAKDOWN \
	")a" W "a" S "dad)"
#define COMPONENT "(" W W ")"
/* rep, service, cause, path, t0, t_detect, t_restored, t_declare, rpo_h,
 * dataset, copy, has_copy, lost_for_good, rpo_priced_h, wrt_h, t_full */
#define INCIDENT "(tuuuddddduubuddd)"
#define CREW "(tt" W W ")"
/* total, fixed, incidents and their sketches, by year; operating, by
 * year; net present value, its sketch, by year */
#define COST                                                                   \
	"(" W W W S S "a" W "a" S W "a" W W S "a" W "a" S ")"
/* mtpd_met, p_mtpd_breach_per_year, degraded_incidents,
 * degraded_h_per_year, wrt_h, rto_wrt_h, their sketches, full_h and its
 * sketch (hospital.h) */
#define HOSPITAL "(t" W "t" W W W S S W S ")"
/* planned_h_per_year, availability_unplanned, within_budget
 * (planned.h) */
#define PLANNED "(" W W W ")"
/* exits, degraded_h_per_year */
#define PROVIDER "(t" W ")"
#define RESULTS                                                                \
	"(uuuutt" W "a" SERVICE "a" COMPONENT "a" CREW "m" COST "msad"         \
	"a" INCIDENT "a(u" HOSPITAL ")a(u" PLANNED ")a" PROVIDER ")"

const char *mdl_results_variant_type(void)
{
	return RESULTS;
}

/* -- writing --------------------------------------------------------------- */

static GVariant *tuple(GVariant **items, gsize n)
{
	return g_variant_new_tuple(items, n);
}

static GVariant *u64(guint64 x)
{
	return g_variant_new_uint64(x);
}

static GVariant *breakdown(const MdlBreakdown *b)
{
	GVariant *v[] = {
		u64(b->incidents),
		sim_welford_to_variant(&b->rto_h),
		sim_welford_to_variant(&b->rpo_h),
		sim_sketch_to_variant(b->rto_sketch),
		sim_sketch_to_variant(b->rpo_sketch),
		u64(b->rpo_unknown),
		u64(b->both_met),
		u64(b->lost_for_good),
		g_variant_new_double(b->rto_sum_h),
		g_variant_new_double(b->rpo_sum_h),
	};

	return tuple(v, G_N_ELEMENTS(v));
}

/* The breakdowns that had incidents, with their label index. */
static GVariant *breakdowns(MdlBreakdown *const *items, guint n)
{
	GVariantBuilder b;

	g_variant_builder_init(&b, G_VARIANT_TYPE("a(u" BREAKDOWN ")"));
	for (guint i = 0; i < n; i++)
		if (items[i]) {
			GVariant *pair[] = { g_variant_new_uint32(i),
					     breakdown(items[i]) };
			g_variant_builder_add_value(&b, tuple(pair, 2));
		}
	return g_variant_builder_end(&b);
}

static GVariant *welfords(const SimWelford *w, guint n)
{
	GVariantBuilder b;

	g_variant_builder_init(&b, G_VARIANT_TYPE("a" W));
	for (guint i = 0; i < n; i++)
		g_variant_builder_add_value(&b, sim_welford_to_variant(&w[i]));
	return g_variant_builder_end(&b);
}

static GVariant *sketches(SimSketch *const *s, guint n)
{
	GVariantBuilder b;

	g_variant_builder_init(&b, G_VARIANT_TYPE("a" S));
	for (guint i = 0; i < n; i++)
		g_variant_builder_add_value(&b, sim_sketch_to_variant(s[i]));
	return g_variant_builder_end(&b);
}

static GVariant *doubles(const double *x, guint n)
{
	return g_variant_new_fixed_array(G_VARIANT_TYPE_DOUBLE, x, n,
					 sizeof(double));
}

static GVariant *service(const MdlResults *r, const MdlServiceResults *s)
{
	GVariant *v[] = {
		sim_welford_to_variant(&s->availability),
		sim_welford_to_variant(&s->downtime_h_per_year),
		u64(s->incidents),
		u64(s->censored),
		sim_welford_to_variant(&s->rto_h),
		sim_sketch_to_variant(s->rto_sketch),
		sim_welford_to_variant(&s->rpo_h),
		sim_sketch_to_variant(s->rpo_sketch),
		u64(s->rpo_unknown),
		u64(s->lost_for_good),
		u64(s->rto_met),
		u64(s->rpo_met),
		u64(s->both_met),
		sim_welford_to_variant(&s->rto_declared_h),
		sim_sketch_to_variant(s->rto_declared_sketch),
		sim_welford_to_variant(&s->p_breach_per_year),
		sim_welford_to_variant(&s->data_loss_h_per_year),
		breakdowns(s->by_cause, mdl_labels_n_causes(r->labels)),
		breakdowns(s->by_path, mdl_labels_n_paths(r->labels)),
		welfords(s->year_downtime_h, r->n_years),
		sketches(s->year_downtime_sketch, r->n_years),
		g_variant_new_double(s->breach_h),
		doubles(s->breach_down_h, r->n_down),
	};

	return tuple(v, G_N_ELEMENTS(v));
}

static GVariant *cost(const MdlResults *r)
{
	const MdlCostResults *c = r->cost;

	if (!c)
		return g_variant_new_maybe(G_VARIANT_TYPE(COST), NULL);
	GVariant *v[] = {
		sim_welford_to_variant(&c->total),
		sim_welford_to_variant(&c->fixed),
		sim_welford_to_variant(&c->incidents),
		sim_sketch_to_variant(c->total_sketch),
		sim_sketch_to_variant(c->incidents_sketch),
		welfords(c->year_cumulative, r->n_years),
		sketches(c->year_sketch, r->n_years),
		sim_welford_to_variant(&c->opex),
		welfords(c->year_opex, r->n_years),
		sim_welford_to_variant(&c->npv),
		sim_sketch_to_variant(c->npv_sketch),
		welfords(c->year_npv, r->n_years),
		sketches(c->year_npv_sketch, r->n_years),
	};
	return g_variant_new_maybe(NULL, tuple(v, G_N_ELEMENTS(v)));
}

/* The worst incidents of every service, service by service. */
static GVariant *worst_incidents(const MdlResults *r)
{
	GVariantBuilder b;

	g_variant_builder_init(&b, G_VARIANT_TYPE("a" INCIDENT));
	for (guint i = 0; i < r->n_services; i++)
		for (guint k = 0; k < r->n_worst[i]; k++) {
			const MdlIncident *x = mdl_results_worst(r, i, k);
			g_variant_builder_add(
				&b, INCIDENT, (guint64)x->rep, x->service,
				x->cause, x->path, x->t0, x->t_detect,
				x->t_restored, x->t_declare, x->rpo_h,
				x->dataset, x->copy, x->has_copy,
				x->lost_for_good, x->rpo_priced_h, x->wrt_h,
				x->t_full);
		}
	return g_variant_builder_end(&b);
}

static GVariant *hospital(const MdlHospital *h)
{
	GVariant *v[] = {
		u64(h->mtpd_met),
		sim_welford_to_variant(&h->p_mtpd_breach_per_year),
		u64(h->degraded_incidents),
		sim_welford_to_variant(&h->degraded_h_per_year),
		sim_welford_to_variant(&h->wrt_h),
		sim_welford_to_variant(&h->rto_wrt_h),
		sim_sketch_to_variant(h->wrt_sketch),
		sim_sketch_to_variant(h->rto_wrt_sketch),
		sim_welford_to_variant(&h->full_h),
		sim_sketch_to_variant(h->full_sketch),
	};

	return tuple(v, G_N_ELEMENTS(v));
}

/* The hospital figures of the services that have them, with their
 * index. */
static GVariant *hospitals(const MdlResults *r)
{
	GVariantBuilder b;

	g_variant_builder_init(&b, G_VARIANT_TYPE("a(u" HOSPITAL ")"));
	for (guint i = 0; i < r->n_services; i++)
		if (r->services[i].hospital) {
			GVariant *pair[] = {
				g_variant_new_uint32(i),
				hospital(r->services[i].hospital),
			};
			g_variant_builder_add_value(&b, tuple(pair, 2));
		}
	return g_variant_builder_end(&b);
}

static GVariant *planned(const MdlPlanned *p)
{
	GVariant *v[] = {
		sim_welford_to_variant(&p->planned_h_per_year),
		sim_welford_to_variant(&p->availability_unplanned),
		sim_welford_to_variant(&p->within_budget),
	};

	return tuple(v, G_N_ELEMENTS(v));
}

/* The planned downtime of the services that have it (every one, or
 * none when the scenario has no window), with their index. */
static GVariant *planned_all(const MdlResults *r)
{
	GVariantBuilder b;

	g_variant_builder_init(&b, G_VARIANT_TYPE("a(u" PLANNED ")"));
	for (guint i = 0; i < r->n_services; i++)
		if (r->services[i].planned) {
			GVariant *pair[] = {
				g_variant_new_uint32(i),
				planned(r->services[i].planned),
			};
			g_variant_builder_add_value(&b, tuple(pair, 2));
		}
	return g_variant_builder_end(&b);
}

static GVariant *providers(const MdlResults *r)
{
	GVariantBuilder b;

	g_variant_builder_init(&b, G_VARIANT_TYPE("a" PROVIDER));
	for (guint i = 0; i < r->n_providers; i++) {
		GVariant *v[] = {
			u64(r->providers[i].exits),
			sim_welford_to_variant(
				&r->providers[i].degraded_h_per_year),
		};
		g_variant_builder_add_value(&b, tuple(v, 2));
	}
	return g_variant_builder_end(&b);
}

GVariant *mdl_results_to_variant(const MdlResults *r)
{
	GVariantBuilder svcs, comps, crews;

	g_return_val_if_fail(r, NULL);
	g_variant_builder_init(&svcs, G_VARIANT_TYPE("a" SERVICE));
	for (guint i = 0; i < r->n_services; i++)
		g_variant_builder_add_value(&svcs, service(r, &r->services[i]));
	g_variant_builder_init(&comps, G_VARIANT_TYPE("a" COMPONENT));
	for (guint i = 0; i < r->n_components; i++) {
		GVariant *v[] = {
			sim_welford_to_variant(&r->components[i].availability),
			sim_welford_to_variant(&r->components[i].units_up),
		};
		g_variant_builder_add_value(&comps, tuple(v, 2));
	}
	g_variant_builder_init(&crews, G_VARIANT_TYPE("a" CREW));
	for (guint i = 0; i < r->n_crews; i++) {
		GVariant *v[] = {
			u64(r->crews[i].repairs),
			u64(r->crews[i].immediate),
			sim_welford_to_variant(&r->crews[i].wait_h),
			sim_welford_to_variant(&r->crews[i].reduced_h_per_y),
		};
		g_variant_builder_add_value(&crews, tuple(v, 4));
	}
	GVariant *rows = r->rows ? g_variant_new_string(r->rows->str) : NULL;
	GVariant *v[] = {
		g_variant_new_uint32(r->n_years),
		g_variant_new_uint32(r->n_services),
		g_variant_new_uint32(r->n_components),
		g_variant_new_uint32(r->n_crews),
		u64(r->replications),
		u64(r->events),
		sim_welford_to_variant(&r->switch_h),
		g_variant_builder_end(&svcs),
		g_variant_builder_end(&comps),
		g_variant_builder_end(&crews),
		cost(r),
		g_variant_new_maybe(G_VARIANT_TYPE_STRING, rows),
		g_variant_new_fixed_array(G_VARIANT_TYPE_DOUBLE,
					  r->reps ? r->reps->data : NULL,
					  r->reps ? r->reps->len : 0,
					  sizeof(double)),
		worst_incidents(r),
		hospitals(r),
		planned_all(r),
		providers(r),
	};
	return tuple(v, G_N_ELEMENTS(v));
}

/* -- reading --------------------------------------------------------------- */

/* Reading goes child by child; the first bad one stops it with its
 * error set, and every later read does nothing. */
typedef struct {
	GError **error;
	gboolean ok;
} Reader;

static guint64 get_u64(GVariant *v, gsize i)
{
	g_autoptr(GVariant) c = g_variant_get_child_value(v, i);

	return g_variant_get_uint64(c);
}

static double get_double(GVariant *v, gsize i)
{
	g_autoptr(GVariant) c = g_variant_get_child_value(v, i);

	return g_variant_get_double(c);
}

static guint32 get_u32(GVariant *v, gsize i)
{
	g_autoptr(GVariant) c = g_variant_get_child_value(v, i);

	return g_variant_get_uint32(c);
}

static void get_welford(Reader *rd, GVariant *v, gsize i, SimWelford *w)
{
	if (!rd->ok)
		return;
	g_autoptr(GVariant) c = g_variant_get_child_value(v, i);
	rd->ok = sim_welford_from_variant(c, w, rd->error);
}

static gboolean shape_error(Reader *rd, const char *what)
{
	g_set_error(rd->error, SIM_STATS_ERROR, SIM_STATS_ERROR_INVALID,
		    "results of another shape: %s", what);
	return rd->ok = FALSE;
}

/* Replaces *s by the sketch read back. */
static void get_sketch(Reader *rd, GVariant *v, gsize i, SimSketch **s)
{
	if (!rd->ok)
		return;
	g_autoptr(GVariant) c = g_variant_get_child_value(v, i);
	SimSketch *n = sim_sketch_from_variant(c, rd->error);
	if (!n) {
		rd->ok = FALSE;
		return;
	}
	/* sketches merge only with sketches of their own accuracy */
	if (sim_sketch_alpha(n) != sim_sketch_alpha(*s)) {
		sim_sketch_free(n);
		shape_error(rd, "a sketch of another accuracy");
		return;
	}
	sim_sketch_free(*s);
	*s = n;
}

static void get_welfords(Reader *rd, GVariant *v, gsize i, SimWelford *w,
			 guint n)
{
	g_autoptr(GVariant) a = g_variant_get_child_value(v, i);

	if (rd->ok && g_variant_n_children(a) != n)
		shape_error(rd, "year slices");
	for (guint k = 0; rd->ok && k < n; k++)
		get_welford(rd, a, k, &w[k]);
}

static void get_sketches(Reader *rd, GVariant *v, gsize i, SimSketch **s,
			 guint n)
{
	g_autoptr(GVariant) a = g_variant_get_child_value(v, i);

	if (rd->ok && g_variant_n_children(a) != n)
		shape_error(rd, "year slices");
	for (guint k = 0; rd->ok && k < n; k++)
		get_sketch(rd, a, k, &s[k]);
}

/* n doubles into x: what was down during the breaches. */
static void get_doubles(Reader *rd, GVariant *v, gsize i, double *x, guint n)
{
	g_autoptr(GVariant) a = g_variant_get_child_value(v, i);
	gsize len = 0;
	const double *items = g_variant_get_fixed_array(a, &len,
							sizeof(double));

	if (rd->ok && len != n)
		shape_error(rd, "components and sites");
	if (rd->ok && n > 0)
		memcpy(x, items, n * sizeof(double));
}

static void get_breakdowns(Reader *rd, GVariant *v, gsize i,
			   MdlBreakdown **items, guint n)
{
	g_autoptr(GVariant) a = g_variant_get_child_value(v, i);

	for (gsize k = 0; rd->ok && k < g_variant_n_children(a); k++) {
		g_autoptr(GVariant) pair = g_variant_get_child_value(a, k);
		g_autoptr(GVariant) b = g_variant_get_child_value(pair, 1);
		guint label = get_u32(pair, 0);
		if (label >= n || items[label]) {
			shape_error(rd, "a cause or path label");
			return;
		}
		MdlBreakdown *x = items[label] = mdl_breakdown_new();
		x->incidents = get_u64(b, 0);
		get_welford(rd, b, 1, &x->rto_h);
		get_welford(rd, b, 2, &x->rpo_h);
		get_sketch(rd, b, 3, &x->rto_sketch);
		get_sketch(rd, b, 4, &x->rpo_sketch);
		x->rpo_unknown = get_u64(b, 5);
		x->both_met = get_u64(b, 6);
		x->lost_for_good = get_u64(b, 7);
		x->rto_sum_h = get_double(b, 8);
		x->rpo_sum_h = get_double(b, 9);
	}
}

static void get_service(Reader *rd, const MdlResults *r, GVariant *v,
			MdlServiceResults *s)
{
	get_welford(rd, v, 0, &s->availability);
	get_welford(rd, v, 1, &s->downtime_h_per_year);
	s->incidents = get_u64(v, 2);
	s->censored = get_u64(v, 3);
	get_welford(rd, v, 4, &s->rto_h);
	get_sketch(rd, v, 5, &s->rto_sketch);
	get_welford(rd, v, 6, &s->rpo_h);
	get_sketch(rd, v, 7, &s->rpo_sketch);
	s->rpo_unknown = get_u64(v, 8);
	s->lost_for_good = get_u64(v, 9);
	s->rto_met = get_u64(v, 10);
	s->rpo_met = get_u64(v, 11);
	s->both_met = get_u64(v, 12);
	get_welford(rd, v, 13, &s->rto_declared_h);
	get_sketch(rd, v, 14, &s->rto_declared_sketch);
	get_welford(rd, v, 15, &s->p_breach_per_year);
	get_welford(rd, v, 16, &s->data_loss_h_per_year);
	get_breakdowns(rd, v, 17, s->by_cause, mdl_labels_n_causes(r->labels));
	get_breakdowns(rd, v, 18, s->by_path, mdl_labels_n_paths(r->labels));
	get_welfords(rd, v, 19, s->year_downtime_h, r->n_years);
	get_sketches(rd, v, 20, s->year_downtime_sketch, r->n_years);
	s->breach_h = get_double(v, 21);
	get_doubles(rd, v, 22, s->breach_down_h, r->n_down);
}

static void get_cost(Reader *rd, MdlResults *r, GVariant *v, gsize i)
{
	g_autoptr(GVariant) m = g_variant_get_child_value(v, i);
	g_autoptr(GVariant) c = g_variant_get_maybe(m);
	MdlCostResults *x = r->cost;

	if (!c != !x) {
		shape_error(rd, "costs");
		return;
	}
	if (!c)
		return;
	get_welford(rd, c, 0, &x->total);
	get_welford(rd, c, 1, &x->fixed);
	get_welford(rd, c, 2, &x->incidents);
	get_sketch(rd, c, 3, &x->total_sketch);
	get_sketch(rd, c, 4, &x->incidents_sketch);
	get_welfords(rd, c, 5, x->year_cumulative, r->n_years);
	get_sketches(rd, c, 6, x->year_sketch, r->n_years);
	get_welford(rd, c, 7, &x->opex);
	get_welfords(rd, c, 8, x->year_opex, r->n_years);
	get_welford(rd, c, 9, &x->npv);
	get_sketch(rd, c, 10, &x->npv_sketch);
	get_welfords(rd, c, 11, x->year_npv, r->n_years);
	get_sketches(rd, c, 12, x->year_npv_sketch, r->n_years);
}

static void get_parts(Reader *rd, MdlResults *r, GVariant *v)
{
	g_autoptr(GVariant) svcs = g_variant_get_child_value(v, 7);
	g_autoptr(GVariant) comps = g_variant_get_child_value(v, 8);
	g_autoptr(GVariant) crews = g_variant_get_child_value(v, 9);

	for (guint i = 0; rd->ok && i < r->n_services; i++) {
		g_autoptr(GVariant) s = g_variant_get_child_value(svcs, i);
		get_service(rd, r, s, &r->services[i]);
	}
	for (guint i = 0; rd->ok && i < r->n_components; i++) {
		g_autoptr(GVariant) c = g_variant_get_child_value(comps, i);
		get_welford(rd, c, 0, &r->components[i].availability);
		get_welford(rd, c, 1, &r->components[i].units_up);
	}
	for (guint i = 0; rd->ok && i < r->n_crews; i++) {
		g_autoptr(GVariant) k = g_variant_get_child_value(crews, i);
		r->crews[i].repairs = get_u64(k, 0);
		r->crews[i].immediate = get_u64(k, 1);
		get_welford(rd, k, 2, &r->crews[i].wait_h);
		get_welford(rd, k, 3, &r->crews[i].reduced_h_per_y);
	}
	get_cost(rd, r, v, 10);
}

/* The sizes v says against r's. */
static gboolean same_shape(Reader *rd, const MdlResults *r, GVariant *v)
{
	g_autoptr(GVariant) svcs = g_variant_get_child_value(v, 7);
	g_autoptr(GVariant) comps = g_variant_get_child_value(v, 8);
	g_autoptr(GVariant) crews = g_variant_get_child_value(v, 9);

	if (get_u32(v, 0) != r->n_years || get_u32(v, 1) != r->n_services ||
	    get_u32(v, 2) != r->n_components || get_u32(v, 3) != r->n_crews ||
	    g_variant_n_children(svcs) != r->n_services ||
	    g_variant_n_children(comps) != r->n_components ||
	    g_variant_n_children(crews) != r->n_crews)
		return shape_error(rd, "services, components, crews or years");
	return TRUE;
}

/* The figures of each replication, when r keeps them: as many as its
 * replications say. */
static gboolean get_reps(Reader *rd, MdlResults *r, GVariant *v)
{
	g_autoptr(GVariant) a = g_variant_get_child_value(v, 12);
	gsize n;
	const double *x = g_variant_get_fixed_array(a, &n, sizeof(double));

	if (!r->reps)
		return TRUE;
	if (n != r->replications * mdl_results_rep_width(r))
		return shape_error(rd, "figures of each replication");
	g_array_append_vals(r->reps, x, (guint)n);
	return TRUE;
}

/* The worst incidents, each of a service, cause and path of r's, at most
 * MDL_WORST_KEPT a service. */
static gboolean get_worst(Reader *rd, MdlResults *r, GVariant *v)
{
	g_autoptr(GVariant) a = g_variant_get_child_value(v, 13);
	GVariantIter it;
	MdlIncident x = { 0 };
	guint64 rep;

	g_variant_iter_init(&it, a);
	while (g_variant_iter_next(&it, INCIDENT, &rep, &x.service, &x.cause,
				   &x.path, &x.t0, &x.t_detect, &x.t_restored,
				   &x.t_declare, &x.rpo_h, &x.dataset,
				   &x.copy, &x.has_copy, &x.lost_for_good,
				   &x.rpo_priced_h, &x.wrt_h, &x.t_full)) {
		x.rep = rep;
		if (x.service >= r->n_services ||
		    x.cause >= mdl_labels_n_causes(r->labels) ||
		    x.path >= mdl_labels_n_paths(r->labels) ||
		    r->n_worst[x.service] == MDL_WORST_KEPT)
			return shape_error(rd, "worst incidents");
		r->worst[(gsize)x.service * MDL_WORST_KEPT +
			 r->n_worst[x.service]++] = x;
	}
	return TRUE;
}

static void get_hospital(Reader *rd, GVariant *x, MdlHospital *h)
{
	h->mtpd_met = get_u64(x, 0);
	get_welford(rd, x, 1, &h->p_mtpd_breach_per_year);
	h->degraded_incidents = get_u64(x, 2);
	get_welford(rd, x, 3, &h->degraded_h_per_year);
	get_welford(rd, x, 4, &h->wrt_h);
	get_welford(rd, x, 5, &h->rto_wrt_h);
	get_sketch(rd, x, 6, &h->wrt_sketch);
	get_sketch(rd, x, 7, &h->rto_wrt_sketch);
	get_welford(rd, x, 8, &h->full_h);
	get_sketch(rd, x, 9, &h->full_sketch);
}

/* The hospital figures: one for each service of r that has them, in
 * the order of the services. */
static gboolean get_hospitals(Reader *rd, MdlResults *r, GVariant *v)
{
	g_autoptr(GVariant) a = g_variant_get_child_value(v, 14);
	gsize n = g_variant_n_children(a), k = 0;

	for (guint i = 0; rd->ok && i < r->n_services; i++) {
		MdlHospital *h = r->services[i].hospital;
		if (!h)
			continue;
		if (k == n)
			return shape_error(rd, "hospital figures");
		g_autoptr(GVariant) pair = g_variant_get_child_value(a, k++);
		g_autoptr(GVariant) x = g_variant_get_child_value(pair, 1);
		if (get_u32(pair, 0) != i)
			return shape_error(rd, "hospital figures");
		get_hospital(rd, x, h);
	}
	if (rd->ok && k != n)
		return shape_error(rd, "hospital figures");
	return rd->ok;
}

/* The planned downtime: one for each service of r that has it, in the
 * order of the services. */
static gboolean get_planned(Reader *rd, MdlResults *r, GVariant *v)
{
	g_autoptr(GVariant) a = g_variant_get_child_value(v, 15);
	gsize n = g_variant_n_children(a), k = 0;

	for (guint i = 0; rd->ok && i < r->n_services; i++) {
		MdlPlanned *p = r->services[i].planned;
		if (!p)
			continue;
		if (k == n)
			return shape_error(rd, "planned downtime");
		g_autoptr(GVariant) pair = g_variant_get_child_value(a, k++);
		g_autoptr(GVariant) x = g_variant_get_child_value(pair, 1);
		if (get_u32(pair, 0) != i)
			return shape_error(rd, "planned downtime");
		get_welford(rd, x, 0, &p->planned_h_per_year);
		get_welford(rd, x, 1, &p->availability_unplanned);
		get_welford(rd, x, 2, &p->within_budget);
	}
	if (rd->ok && k != n)
		return shape_error(rd, "planned downtime");
	return TRUE;
}

/* The providers' figures, as many as r's providers. */
static gboolean get_providers(Reader *rd, MdlResults *r, GVariant *v)
{
	g_autoptr(GVariant) a = g_variant_get_child_value(v, 16);

	if (g_variant_n_children(a) != r->n_providers)
		return shape_error(rd, "providers");
	for (guint i = 0; rd->ok && i < r->n_providers; i++) {
		g_autoptr(GVariant) x = g_variant_get_child_value(a, i);
		r->providers[i].exits = get_u64(x, 0);
		get_welford(rd, x, 1, &r->providers[i].degraded_h_per_year);
	}
	return rd->ok;
}

gboolean mdl_results_from_variant(MdlResults *r, GVariant *v, GError **error)
{
	Reader rd = { error, TRUE };

	g_return_val_if_fail(r && v && r->replications == 0, FALSE);
	if (!g_variant_is_of_type(v, G_VARIANT_TYPE(RESULTS))) {
		g_set_error(error, SIM_STATS_ERROR, SIM_STATS_ERROR_INVALID,
			    "not drsim results (type %s)",
			    g_variant_get_type_string(v));
		return FALSE;
	}
	if (!same_shape(&rd, r, v))
		return FALSE;
	r->replications = get_u64(v, 4);
	r->events = get_u64(v, 5);
	get_welford(&rd, v, 6, &r->switch_h);
	get_parts(&rd, r, v);
	if (!rd.ok)
		return FALSE;
	g_autoptr(GVariant) m = g_variant_get_child_value(v, 11);
	g_autoptr(GVariant) rows = g_variant_get_maybe(m);
	if (rows && r->rows)
		g_string_assign(r->rows, g_variant_get_string(rows, NULL));
	return get_reps(&rd, r, v) && get_worst(&rd, r, v) &&
	       get_hospitals(&rd, r, v) && get_planned(&rd, r, v) &&
	       get_providers(&rd, r, v);
}
