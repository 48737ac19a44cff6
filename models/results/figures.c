/* figures.c — the figures derived from a run's results (figures.h):
 * estimates and distributions, breakdowns, and the whole run as a JSON
 * tree, which every format and compare read. */
#include "models/results/figures.h"

#include <math.h>
#include <string.h>

#include "models/results/drivers.h"
#include "models/results/precision.h"
#include "sim/cli.h"
#include "sim/units.h"

const double mdl_quantile_q[MDL_N_QUANTILES] = { 0.50, 0.90, 0.95, 0.99 };
const char *const mdl_quantile_key[MDL_N_QUANTILES] = { "p50", "p90", "p95",
							"p99" };

/* -- derived figures, shared by the three formats -------------------------- */

MdlEstimate mdl_estimate(const SimWelford *w)
{
	MdlEstimate e = { sim_welford_mean(w), sim_welford_stderr(w), NAN, NAN };

	sim_welford_ci(w, 0.95, &e.lo, &e.hi);
	return e;
}

double mdl_ratio(guint64 a, guint64 b)
{
	return b ? (double)a / (double)b : NAN;
}

static MdlDist dist_of(const SimWelford *w, const SimSketch *sk, double target,
		    guint64 met, guint64 incidents)
{
	MdlDist d = { target, sim_welford_mean(w), { 0 }, NAN,
		   mdl_ratio(met, incidents), w->n };

	for (guint i = 0; i < MDL_N_QUANTILES; i++)
		d.q[i] = sim_sketch_quantile(sk, mdl_quantile_q[i]);
	if (w->n > 0)
		d.max = w->max;
	return d;
}

MdlDist mdl_rto_of(const MdlService *sv, const MdlServiceResults *r)
{
	return dist_of(&r->rto_h, r->rto_sketch, sv->rto_h, r->rto_met,
		       r->incidents);
}

MdlDist mdl_rpo_of(const MdlService *sv, const MdlServiceResults *r)
{
	return dist_of(&r->rpo_h, r->rpo_sketch, sv->rpo_h, r->rpo_met,
		       r->incidents);
}

MdlDist mdl_summary_of(const SimWelford *w, const SimSketch *sk)
{
	return dist_of(w, sk, NAN, 0, 0);
}

MdlBreakdowns mdl_by_cause(const MdlResults *r, const MdlServiceResults *s)
{
	return (MdlBreakdowns){ s->by_cause, mdl_labels_n_causes(r->labels),
			     r->labels, mdl_labels_cause };
}

MdlBreakdowns mdl_by_path(const MdlResults *r, const MdlServiceResults *s)
{
	return (MdlBreakdowns){ s->by_path, mdl_labels_n_paths(r->labels),
			     r->labels, mdl_labels_path };
}

static double years_played(const MdlScenario *sc, const MdlResults *r)
{
	return (double)r->replications * sc->horizon_h / SIM_HOURS_PER_YEAR;
}

double mdl_incidents_per_year(const MdlScenario *sc, const MdlResults *r,
				 const MdlServiceResults *s)
{
	double y = years_played(sc, r);

	return y > 0 ? (double)(s->incidents + s->censored) / y : NAN;
}

/* -- JSON ------------------------------------------------------------------ */

static void add_number(JsonBuilder *b, const char *key, double x)
{
	json_builder_set_member_name(b, key);
	if (isfinite(x))
		json_builder_add_double_value(b, x);
	else
		json_builder_add_null_value(b);
}

static void add_int(JsonBuilder *b, const char *key, guint64 x)
{
	json_builder_set_member_name(b, key);
	json_builder_add_int_value(b, (gint64)x);
}

static void add_string(JsonBuilder *b, const char *key, const char *s)
{
	json_builder_set_member_name(b, key);
	if (s)
		json_builder_add_string_value(b, s);
	else
		json_builder_add_null_value(b);
}

/* "ci95": [lo, hi] of e, null for a bound one replication cannot give. */
static void add_ci95(JsonBuilder *b, const MdlEstimate *e)
{
	json_builder_set_member_name(b, "ci95");
	json_builder_begin_array(b);
	for (int i = 0; i < 2; i++) {
		double x = i ? e->hi : e->lo;
		if (isfinite(x))
			json_builder_add_double_value(b, x);
		else
			json_builder_add_null_value(b);
	}
	json_builder_end_array(b);
}

static void add_estimate(JsonBuilder *b, const char *key, const SimWelford *w,
			 gboolean with_stderr)
{
	MdlEstimate e = mdl_estimate(w);

	json_builder_set_member_name(b, key);
	json_builder_begin_object(b);
	add_number(b, "mean", e.mean);
	if (with_stderr)
		add_number(b, "stderr", e.stderr_);
	add_ci95(b, &e);
	add_number(b, "precision", mdl_precision_of(w));
	json_builder_end_object(b);
}

static void add_quantiles(JsonBuilder *b, const MdlDist *d)
{
	add_number(b, "mean", d->mean);
	for (guint i = 0; i < MDL_N_QUANTILES; i++)
		add_number(b, mdl_quantile_key[i], d->q[i]);
	add_number(b, "max", d->max);
}

/* Opens the object of a distribution and leaves it open, for the caller
 * to add its own keys and close it. */
static void add_dist(JsonBuilder *b, const char *key, const MdlDist *d)
{
	json_builder_set_member_name(b, key);
	json_builder_begin_object(b);
	add_number(b, "target", d->target);
	add_quantiles(b, d);
	add_number(b, "met", d->met);
}

/* The same without target and met (breakdowns, RTO from declaration);
 * left open too. */
static void add_summary(JsonBuilder *b, const char *key, const MdlDist *d)
{
	json_builder_set_member_name(b, key);
	json_builder_begin_object(b);
	add_quantiles(b, d);
}

/* One entry of "by_cause" or "by_path": what = "cause" or "path". */
static void json_breakdown(JsonBuilder *b, const char *what,
			   const char *label, const MdlBreakdown *x)
{
	MdlDist rto = mdl_summary_of(&x->rto_h, x->rto_sketch);
	MdlDist rpo = mdl_summary_of(&x->rpo_h, x->rpo_sketch);

	json_builder_begin_object(b);
	add_string(b, what, label);
	add_int(b, "incidents", x->incidents);
	add_int(b, "lost_for_good", x->lost_for_good);
	add_summary(b, "rto_h", &rto);
	json_builder_end_object(b);
	add_summary(b, "rpo_h", &rpo);
	add_int(b, "unknown", x->rpo_unknown);
	json_builder_end_object(b);
	add_number(b, "both_met", mdl_ratio(x->both_met, x->incidents));
	json_builder_end_object(b);
}

/* key: [ one entry per label that had incidents, in label order ]. */
static void json_breakdowns(JsonBuilder *b, const char *key,
			    const char *what, const MdlBreakdowns *bd)
{
	json_builder_set_member_name(b, key);
	json_builder_begin_array(b);
	for (guint i = 0; i < bd->n; i++)
		if (bd->items[i])
			json_breakdown(b, what, bd->label(bd->labels, i),
				       bd->items[i]);
	json_builder_end_array(b);
}

/* The hospital's figures (results/hospital.h), each only when the
 * service has what it measures: a scenario without them writes what it
 * wrote before. */
static void json_hospital(JsonBuilder *b, const MdlService *sv,
			  const MdlServiceResults *s)
{
	const MdlHospital *h = s->hospital;

	if (h && h->mtpd) {
		json_builder_set_member_name(b, "mtpd_h");
		json_builder_begin_object(b);
		add_number(b, "target", sv->mtpd_h);
		add_number(b, "met", mdl_ratio(h->mtpd_met, s->incidents));
		add_int(b, "breaches", s->incidents - h->mtpd_met);
		json_builder_end_object(b);
		add_estimate(b, "p_mtpd_breach_per_year",
			     &h->p_mtpd_breach_per_year, TRUE);
	}
	if (h && h->degraded) {
		json_builder_set_member_name(b, "degraded");
		json_builder_begin_object(b);
		add_number(b, "after_h", sv->degraded_after_h);
		add_int(b, "incidents", h->degraded_incidents);
		add_estimate(b, "h_per_year", &h->degraded_h_per_year, TRUE);
		json_builder_end_object(b);
	}
	if (h && h->wrt) {
		MdlDist w = mdl_summary_of(&h->wrt_h, h->wrt_sketch);
		MdlDist rw = mdl_summary_of(&h->rto_wrt_h, h->rto_wrt_sketch);
		add_summary(b, "wrt_h", &w);
		add_int(b, "count", h->wrt_h.n);
		json_builder_end_object(b);
		add_summary(b, "rto_wrt_h", &rw);
		json_builder_end_object(b);
	}
	if (h && h->parts) {
		MdlDist f = mdl_summary_of(&h->full_h, h->full_sketch);
		add_summary(b, "full_restore_h", &f);
		add_int(b, "count", h->full_h.n);
		json_builder_end_object(b);
	}
}

/* Data protection: RTO from declaration, breaches, data lost, the
 * hospital's figures, and the breakdowns by cause and by path. */
static void json_protection(JsonBuilder *b, const MdlResults *r,
			    const MdlService *sv, const MdlServiceResults *s)
{
	MdlDist decl = mdl_summary_of(&s->rto_declared_h,
				      s->rto_declared_sketch);
	MdlBreakdowns causes = mdl_by_cause(r, s), paths = mdl_by_path(r, s);

	add_summary(b, "rto_declared_h", &decl);
	add_int(b, "count", s->rto_declared_h.n);
	json_builder_end_object(b);
	add_estimate(b, "p_breach_per_year", &s->p_breach_per_year, TRUE);
	add_estimate(b, "data_loss_h_per_year", &s->data_loss_h_per_year, TRUE);
	json_hospital(b, sv, s);
	json_breakdowns(b, "by_cause", "cause", &causes);
	json_breakdowns(b, "by_path", "path", &paths);
}

static void json_cause_share(JsonBuilder *b, const MdlCauseShare *x)
{
	json_builder_begin_object(b);
	add_string(b, "cause", x->label);
	add_int(b, "breaches", x->breaches);
	add_number(b, "breaches_share", x->breaches_share);
	add_number(b, "downtime_h", x->downtime_h);
	add_number(b, "downtime_share", x->downtime_share);
	add_number(b, "data_lost_h", x->data_lost_h);
	add_number(b, "data_lost_share", x->data_lost_share);
	json_builder_end_object(b);
}

static void json_importance(JsonBuilder *b, const MdlImportance *x)
{
	g_autofree char *id = mdl_down_name(&x->what);

	json_builder_begin_object(b);
	add_string(b, "kind", mdl_down_kind(&x->what));
	add_string(b, "id", id);
	add_number(b, "share", x->share);
	add_number(b, "down_h", x->down_h);
	json_builder_end_object(b);
}

/* "drivers": what drives the service's breaches (drivers.h). */
static void json_drivers(JsonBuilder *b, const MdlResults *r, guint i)
{
	g_autoptr(MdlDrivers) d = mdl_drivers_new(r, i);

	json_builder_set_member_name(b, "drivers");
	json_builder_begin_object(b);
	add_int(b, "breaches", d->breaches);
	add_number(b, "breach_h", d->breach_h);
	add_number(b, "downtime_h", d->downtime_h);
	add_number(b, "data_lost_h", d->data_lost_h);
	json_builder_set_member_name(b, "by_cause");
	json_builder_begin_array(b);
	for (guint k = 0; k < d->n_causes; k++)
		json_cause_share(b, &d->by_cause[k]);
	json_builder_end_array(b);
	json_builder_set_member_name(b, "importance");
	json_builder_begin_array(b);
	for (guint k = 0; k < d->n_importance; k++)
		json_importance(b, &d->importance[k]);
	json_builder_end_array(b);
	json_builder_end_object(b);
}

/* Planned downtime (results/planned.h), only in a scenario with a
 * maintenance window: one without writes what it wrote before. */
static void json_planned(JsonBuilder *b, const MdlService *sv,
			 const MdlServiceResults *s)
{
	const MdlPlanned *p = s->planned;

	if (!p)
		return;
	add_estimate(b, "availability_unplanned", &p->availability_unplanned,
		     TRUE);
	add_estimate(b, "planned_h_per_year", &p->planned_h_per_year, FALSE);
	if (!isfinite(sv->planned_budget_h))
		return;
	json_builder_set_member_name(b, "planned_budget");
	json_builder_begin_object(b);
	add_number(b, "h_per_year", sv->planned_budget_h);
	add_estimate(b, "within", &p->within_budget, TRUE);
	json_builder_end_object(b);
}

static void json_service(JsonBuilder *b, const MdlScenario *sc,
			 const MdlResults *r, guint i)
{
	const MdlService *sv = &sc->services[i];
	const MdlServiceResults *s = &r->services[i];
	MdlDist rto = mdl_rto_of(sv, s), rpo = mdl_rpo_of(sv, s);

	json_builder_begin_object(b);
	add_string(b, "id", sv->id);
	add_string(b, "name", sv->name);
	add_estimate(b, "availability", &s->availability, TRUE);
	add_estimate(b, "downtime_h_per_year", &s->downtime_h_per_year, FALSE);
	json_planned(b, sv, s);
	json_builder_set_member_name(b, "incidents");
	json_builder_begin_object(b);
	add_int(b, "count", s->incidents);
	add_int(b, "censored", s->censored);
	add_int(b, "lost_for_good", s->lost_for_good);
	add_number(b, "per_year", mdl_incidents_per_year(sc, r, s));
	json_builder_end_object(b);
	add_dist(b, "rto_h", &rto);
	json_builder_end_object(b);
	add_dist(b, "rpo_h", &rpo);
	add_int(b, "unknown", s->rpo_unknown);
	json_builder_end_object(b);
	add_number(b, "both_met", mdl_ratio(s->both_met, s->incidents));
	json_protection(b, r, sv, s);
	json_drivers(b, r, i);
	json_builder_end_object(b);
}

static void json_component(JsonBuilder *b, const MdlScenario *sc,
			   const MdlResults *r, guint i)
{
	const MdlComponentResults *c = &r->components[i];

	json_builder_begin_object(b);
	add_string(b, "id", sc->components[i].id);
	add_estimate(b, "availability", &c->availability, TRUE);
	json_builder_set_member_name(b, "units_up");
	json_builder_begin_object(b);
	add_number(b, "mean", sim_welford_mean(&c->units_up));
	add_number(b, "stderr", sim_welford_stderr(&c->units_up));
	json_builder_end_object(b);
	json_builder_end_object(b);
}

static void json_crew(JsonBuilder *b, const MdlScenario *sc,
		      const MdlResults *r, guint i)
{
	const MdlCrewResults *k = &r->crews[i];

	json_builder_begin_object(b);
	add_string(b, "id", sc->crews[i].id);
	add_int(b, "repairs", k->repairs);
	add_number(b, "immediate", mdl_ratio(k->immediate, k->repairs));
	add_number(b, "wait_h_mean", sim_welford_mean(&k->wait_h));
	if (sc->crews[i].n_absences > 0) {	/* as before without them */
		json_builder_set_member_name(b, "reduced_h_per_year");
		json_builder_begin_object(b);
		add_number(b, "mean", sim_welford_mean(&k->reduced_h_per_y));
		add_number(b, "stderr",
			   sim_welford_stderr(&k->reduced_h_per_y));
		json_builder_end_object(b);
	}
	json_builder_end_object(b);
}

/* {"mean", "p5", "p50", "p95"} (p50 when with_p50) of a cost, without
 * opening an object. */
static void add_cost_quantiles(JsonBuilder *b, const SimWelford *w,
			       const SimSketch *sk, gboolean with_p50)
{
	add_number(b, "mean", sim_welford_mean(w));
	add_number(b, "p5", sim_sketch_quantile(sk, 0.05));
	if (with_p50)
		add_number(b, "p50", sim_sketch_quantile(sk, 0.50));
	add_number(b, "p95", sim_sketch_quantile(sk, 0.95));
}

static void json_cost_total(JsonBuilder *b, const MdlCostResults *c)
{
	MdlEstimate e = mdl_estimate(&c->total);

	json_builder_set_member_name(b, "total");
	json_builder_begin_object(b);
	add_cost_quantiles(b, &c->total, c->total_sketch, TRUE);
	add_number(b, "stderr", e.stderr_);
	add_ci95(b, &e);
	add_number(b, "precision", mdl_precision_of(&c->total));
	json_builder_end_object(b);
}

/* "mean", "stderr", "ci95" of a cost, without opening an object. */
static void add_cost_estimate(JsonBuilder *b, const SimWelford *w)
{
	MdlEstimate e = mdl_estimate(w);

	add_number(b, "mean", e.mean);
	add_number(b, "stderr", e.stderr_);
	add_ci95(b, &e);
}

/* "capex": the capital spent, fixed: at t = 0 and in each slice. */
static void json_capex(JsonBuilder *b, const MdlBudget *bu)
{
	json_builder_set_member_name(b, "capex");
	json_builder_begin_object(b);
	add_number(b, "total", bu->capex_total);
	add_number(b, "at_start", bu->at_start);
	json_builder_set_member_name(b, "by_year");
	json_builder_begin_array(b);
	for (guint y = 0; y < bu->n_years; y++) {
		json_builder_begin_object(b);
		add_int(b, "year", y + 1);
		add_number(b, "amount", bu->capex[y]);
		json_builder_end_object(b);
	}
	json_builder_end_array(b);
	json_builder_end_object(b);
}

/* "opex": the operating costs, fixed ones and incidents, in all and by
 * slice. */
static void json_opex(JsonBuilder *b, const MdlCostResults *c)
{
	const MdlBudget *bu = c->budget;

	json_builder_set_member_name(b, "opex");
	json_builder_begin_object(b);
	add_cost_estimate(b, &c->opex);
	add_number(b, "fixed", bu->opex_total);
	json_builder_set_member_name(b, "by_year");
	json_builder_begin_array(b);
	for (guint y = 0; y < c->n_years; y++) {
		json_builder_begin_object(b);
		add_int(b, "year", y + 1);
		add_cost_estimate(b, &c->year_opex[y]);
		add_number(b, "fixed", bu->opex[y]);
		json_builder_end_object(b);
	}
	json_builder_end_array(b);
	json_builder_end_object(b);
}

/* "npv": the net present value, and the discounted cumulative cost at
 * the end of each slice. */
static void json_npv(JsonBuilder *b, const MdlScenario *sc,
		     const MdlCostResults *c)
{
	json_builder_set_member_name(b, "npv");
	json_builder_begin_object(b);
	add_number(b, "discount_rate", sc->costs->discount_rate);
	add_cost_estimate(b, &c->npv);
	add_cost_quantiles(b, &c->npv, c->npv_sketch, TRUE);
	add_number(b, "fixed", c->budget->present_value);
	json_builder_set_member_name(b, "by_year");
	json_builder_begin_array(b);
	for (guint y = 0; y < c->n_years; y++) {
		json_builder_begin_object(b);
		add_int(b, "year", y + 1);
		add_number(b, "discount", c->budget->discount[y]);
		json_builder_set_member_name(b, "cumulative");
		json_builder_begin_object(b);
		add_cost_quantiles(b, &c->year_npv[y], c->year_npv_sketch[y],
				   FALSE);
		json_builder_end_object(b);
		json_builder_end_object(b);
	}
	json_builder_end_array(b);
	json_builder_end_object(b);
}

/* "cost": null without a costs group, else what the runs cost. */
static void json_cost(JsonBuilder *b, const MdlScenario *sc,
		      const MdlResults *r)
{
	const MdlCostResults *c = r->cost;

	json_builder_set_member_name(b, "cost");
	if (!c || !sc->costs) {
		json_builder_add_null_value(b);
		return;
	}
	json_builder_begin_object(b);
	add_string(b, "currency", sc->costs->currency);
	json_cost_total(b, c);
	json_builder_set_member_name(b, "fixed");
	json_builder_begin_object(b);
	add_number(b, "mean", sim_welford_mean(&c->fixed));
	add_number(b, "at_start", c->budget->at_start);
	json_builder_end_object(b);
	json_builder_set_member_name(b, "incidents");
	json_builder_begin_object(b);
	add_cost_quantiles(b, &c->incidents, c->incidents_sketch, TRUE);
	json_builder_end_object(b);
	add_number(b, "project_lead_time_h", sc->costs->project_lead_h);
	json_builder_set_member_name(b, "by_year");
	json_builder_begin_array(b);
	for (guint y = 0; y < r->n_years; y++) {
		json_builder_begin_object(b);
		add_int(b, "year", y + 1);
		json_builder_set_member_name(b, "cumulative");
		json_builder_begin_object(b);
		add_cost_quantiles(b, &c->year_cumulative[y], c->year_sketch[y],
				   FALSE);
		json_builder_end_object(b);
		json_builder_end_object(b);
	}
	json_builder_end_array(b);
	add_number(b, "indexation", sc->costs->indexation);
	json_capex(b, c->budget);
	json_opex(b, c);
	json_npv(b, sc, c);
	json_builder_end_object(b);
}

/* "providers": a host's exits and the hours its services ran in
 * degraded mode (docs/model.md, "Provider risks"); absent when the
 * scenario names no provider, so that its output is as before. */
static void json_providers(JsonBuilder *b, const MdlScenario *sc,
			   const MdlResults *r)
{
	double years = years_played(sc, r);

	if (sc->n_providers == 0)
		return;
	json_builder_set_member_name(b, "providers");
	json_builder_begin_array(b);
	for (guint i = 0; i < sc->n_providers; i++) {
		const MdlProviderResults *p = &r->providers[i];

		json_builder_begin_object(b);
		add_string(b, "id", sc->providers[i].id);
		add_int(b, "exits", p->exits);
		add_number(b, "exits_per_year",
			   years > 0 ? (double)p->exits / years : NAN);
		add_estimate(b, "degraded_h_per_year",
			     &p->degraded_h_per_year, TRUE);
		json_builder_end_object(b);
	}
	json_builder_end_array(b);
}

/* "replaces": null, or the topology in service until the switch. */
static void json_replaces(JsonBuilder *b, const MdlScenario *sc,
			  const MdlResults *r)
{
	json_builder_set_member_name(b, "replaces");
	if (!sc->replaces) {
		json_builder_add_null_value(b);
		return;
	}
	json_builder_begin_object(b);
	add_string(b, "name", sc->replaces->name);
	add_string(b, "file", sc->replaces->file);
	add_number(b, "in_service_h", sc->in_service_h);
	json_builder_set_member_name(b, "switch_h");
	json_builder_begin_object(b);
	add_number(b, "mean", sim_welford_mean(&r->switch_h));
	add_number(b, "max", r->switch_h.n ? r->switch_h.max : NAN);
	json_builder_end_object(b);
	json_builder_end_object(b);
}

static void json_header(JsonBuilder *b, const MdlScenario *sc,
			const MdlResults *r)
{
	json_builder_set_member_name(b, "drsim");
	json_builder_begin_object(b);
	add_string(b, "version", DRSIM_VERSION);
	json_builder_end_object(b);
	json_builder_set_member_name(b, "scenario");
	json_builder_begin_object(b);
	add_string(b, "name", sc->name);
	add_string(b, "file", sc->file);
	json_replaces(b, sc, r);
	json_builder_end_object(b);
	add_int(b, "seed", sc->seed);
	add_int(b, "replications", r->replications);
	add_number(b, "horizon_h", sc->horizon_h);
}

/* "precision": how a run to a precision went (precision.h). */
static void json_precision(JsonBuilder *b, const MdlPrecisionOutcome *o,
			   const MdlResults *r)
{
	g_autofree char *on = mdl_precision_figures_text(o->goal.figures);
	g_auto(GStrv) names = g_strsplit(on, ", ", -1);

	json_builder_set_member_name(b, "precision");
	json_builder_begin_object(b);
	add_number(b, "target", o->goal.target);
	json_builder_set_member_name(b, "on");
	json_builder_begin_array(b);
	for (char **n = names; *n; n++)
		json_builder_add_string_value(b, *n);
	json_builder_end_array(b);
	add_number(b, "reached", o->reached);
	add_string(b, "worst", o->worst);
	json_builder_set_member_name(b, "met");
	json_builder_add_boolean_value(b, o->met);
	add_int(b, "batches", o->batches);
	add_int(b, "replications", r->replications);
	add_int(b, "max_replications", o->goal.max_replications);
	json_builder_end_object(b);
}

JsonNode *mdl_summary_json(const MdlScenario *sc, const MdlResults *r,
			   const MdlRunInfo *info)
{
	g_autoptr(JsonBuilder) b = json_builder_new();

	json_builder_begin_object(b);
	json_header(b, sc, r);
	json_builder_set_member_name(b, "services");
	json_builder_begin_array(b);
	for (guint i = 0; i < sc->n_services; i++)
		json_service(b, sc, r, i);
	json_builder_end_array(b);
	json_builder_set_member_name(b, "components");
	json_builder_begin_array(b);
	for (guint i = 0; i < sc->n_components; i++)
		json_component(b, sc, r, i);
	json_builder_end_array(b);
	json_builder_set_member_name(b, "crews");
	json_builder_begin_array(b);
	for (guint i = 0; i < sc->n_crews; i++)
		json_crew(b, sc, r, i);
	json_builder_end_array(b);
	json_providers(b, sc, r);
	json_cost(b, sc, r);
	if (info->precision)
		json_precision(b, info->precision, r);
	json_builder_set_member_name(b, "run");
	json_builder_begin_object(b);
	add_int(b, "threads", info->threads);
	add_int(b, "events", r->events);
	add_number(b, "wall_s", info->wall_s);
	json_builder_end_object(b);
	json_builder_end_object(b);

	return json_builder_get_root(b);
}
