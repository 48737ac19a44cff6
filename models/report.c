/* report.c — table, JSON and CSV views of the same figures. */
#include "models/report.h"

#include <math.h>
#include <string.h>
#include <json-glib/json-glib.h>

#include "sim/cli.h"
#include "sim/units.h"

static const double quantile_q[] = { 0.50, 0.90, 0.95, 0.99 };
static const char *const quantile_key[] = { "p50", "p90", "p95", "p99" };
#define N_QUANTILES G_N_ELEMENTS(quantile_q)

gboolean mdl_format_parse(const char *s, MdlFormat *format)
{
	static const char *const names[] = { "table", "json", "csv" };

	for (guint i = 0; i < G_N_ELEMENTS(names); i++) {
		if (s && strcmp(s, names[i]) == 0) {
			*format = (MdlFormat)i;
			return TRUE;
		}
	}
	return FALSE;
}

/* -- derived figures, shared by the three formats -------------------------- */

typedef struct {
	double mean, stderr_, lo, hi;
} Estimate;

/* Mean over replications with its standard error and 95 % Student-t
 * interval (NAN when fewer than 2 replications). */
static Estimate estimate(const SimWelford *w)
{
	Estimate e = { sim_welford_mean(w), sim_welford_stderr(w), NAN, NAN };

	sim_welford_ci(w, 0.95, &e.lo, &e.hi);
	return e;
}

/* A duration distribution against its target. */
typedef struct {
	double target, mean, q[N_QUANTILES], max, met;
	guint64 n;
} Dist;

static double ratio(guint64 a, guint64 b)
{
	return b ? (double)a / (double)b : NAN;
}

static Dist dist_of(const SimWelford *w, const SimSketch *sk, double target,
		    guint64 met, guint64 incidents)
{
	Dist d = { target, sim_welford_mean(w), { 0 }, NAN, ratio(met, incidents),
		   w->n };

	for (guint i = 0; i < N_QUANTILES; i++)
		d.q[i] = sim_sketch_quantile(sk, quantile_q[i]);
	if (w->n > 0)
		d.max = w->max;
	return d;
}

static Dist rto_of(const MdlService *sv, const MdlServiceResults *r)
{
	return dist_of(&r->rto_h, r->rto_sketch, sv->rto_h, r->rto_met,
		       r->incidents);
}

static Dist rpo_of(const MdlService *sv, const MdlServiceResults *r)
{
	return dist_of(&r->rpo_h, r->rpo_sketch, sv->rpo_h, r->rpo_met,
		       r->incidents);
}

/* A distribution without target: met undefined. */
static Dist summary_of(const SimWelford *w, const SimSketch *sk)
{
	return dist_of(w, sk, NAN, 0, 0);
}

/* The breakdowns of a service by cause or by path, with their labels:
 * items[i] is NULL when label i had no incident. */
typedef struct {
	MdlBreakdown *const *items;
	guint n;
	const MdlLabels *labels;
	const char *(*label)(const MdlLabels *l, guint i);
} Breakdowns;

static Breakdowns by_cause(const MdlResults *r, const MdlServiceResults *s)
{
	return (Breakdowns){ s->by_cause, mdl_labels_n_causes(r->labels),
			     r->labels, mdl_labels_cause };
}

static Breakdowns by_path(const MdlResults *r, const MdlServiceResults *s)
{
	return (Breakdowns){ s->by_path, mdl_labels_n_paths(r->labels),
			     r->labels, mdl_labels_path };
}

static double years_played(const MdlScenario *sc, const MdlResults *r)
{
	return (double)r->replications * sc->horizon_h / SIM_HOURS_PER_YEAR;
}

static double incidents_per_year(const MdlScenario *sc, const MdlResults *r,
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

static void add_estimate(JsonBuilder *b, const char *key, const SimWelford *w,
			 gboolean with_stderr)
{
	Estimate e = estimate(w);

	json_builder_set_member_name(b, key);
	json_builder_begin_object(b);
	add_number(b, "mean", e.mean);
	if (with_stderr)
		add_number(b, "stderr", e.stderr_);
	json_builder_set_member_name(b, "ci95");
	json_builder_begin_array(b);
	for (int i = 0; i < 2; i++) {
		double x = i ? e.hi : e.lo;
		if (isfinite(x))
			json_builder_add_double_value(b, x);
		else
			json_builder_add_null_value(b);
	}
	json_builder_end_array(b);
	json_builder_end_object(b);
}

static void add_quantiles(JsonBuilder *b, const Dist *d)
{
	add_number(b, "mean", d->mean);
	for (guint i = 0; i < N_QUANTILES; i++)
		add_number(b, quantile_key[i], d->q[i]);
	add_number(b, "max", d->max);
}

/* Opens the object of a distribution and leaves it open, for the caller
 * to add its own keys and close it. */
static void add_dist(JsonBuilder *b, const char *key, const Dist *d)
{
	json_builder_set_member_name(b, key);
	json_builder_begin_object(b);
	add_number(b, "target", d->target);
	add_quantiles(b, d);
	add_number(b, "met", d->met);
}

/* The same without target and met (breakdowns, RTO from declaration);
 * left open too. */
static void add_summary(JsonBuilder *b, const char *key, const Dist *d)
{
	json_builder_set_member_name(b, key);
	json_builder_begin_object(b);
	add_quantiles(b, d);
}

/* One entry of "by_cause" or "by_path": what = "cause" or "path". */
static void json_breakdown(JsonBuilder *b, const char *what,
			   const char *label, const MdlBreakdown *x)
{
	Dist rto = summary_of(&x->rto_h, x->rto_sketch);
	Dist rpo = summary_of(&x->rpo_h, x->rpo_sketch);

	json_builder_begin_object(b);
	add_string(b, what, label);
	add_int(b, "incidents", x->incidents);
	add_summary(b, "rto_h", &rto);
	json_builder_end_object(b);
	add_summary(b, "rpo_h", &rpo);
	add_int(b, "unknown", x->rpo_unknown);
	json_builder_end_object(b);
	add_number(b, "both_met", ratio(x->both_met, x->incidents));
	json_builder_end_object(b);
}

/* key: [ one entry per label that had incidents, in label order ]. */
static void json_breakdowns(JsonBuilder *b, const char *key,
			    const char *what, const Breakdowns *bd)
{
	json_builder_set_member_name(b, key);
	json_builder_begin_array(b);
	for (guint i = 0; i < bd->n; i++)
		if (bd->items[i])
			json_breakdown(b, what, bd->label(bd->labels, i),
				       bd->items[i]);
	json_builder_end_array(b);
}

/* Data protection: RTO from declaration, breaches, data lost, and the
 * breakdowns by cause and by path. */
static void json_protection(JsonBuilder *b, const MdlResults *r,
			    const MdlServiceResults *s)
{
	Dist decl = summary_of(&s->rto_declared_h, s->rto_declared_sketch);
	Breakdowns causes = by_cause(r, s), paths = by_path(r, s);

	add_summary(b, "rto_declared_h", &decl);
	add_int(b, "count", s->rto_declared_h.n);
	json_builder_end_object(b);
	add_estimate(b, "p_breach_per_year", &s->p_breach_per_year, TRUE);
	add_estimate(b, "data_loss_h_per_year", &s->data_loss_h_per_year, TRUE);
	json_breakdowns(b, "by_cause", "cause", &causes);
	json_breakdowns(b, "by_path", "path", &paths);
}

static void json_service(JsonBuilder *b, const MdlScenario *sc,
			 const MdlResults *r, guint i)
{
	const MdlService *sv = &sc->services[i];
	const MdlServiceResults *s = &r->services[i];
	Dist rto = rto_of(sv, s), rpo = rpo_of(sv, s);

	json_builder_begin_object(b);
	add_string(b, "id", sv->id);
	add_string(b, "name", sv->name);
	add_estimate(b, "availability", &s->availability, TRUE);
	add_estimate(b, "downtime_h_per_year", &s->downtime_h_per_year, FALSE);
	json_builder_set_member_name(b, "incidents");
	json_builder_begin_object(b);
	add_int(b, "count", s->incidents);
	add_int(b, "censored", s->censored);
	add_number(b, "per_year", incidents_per_year(sc, r, s));
	json_builder_end_object(b);
	add_dist(b, "rto_h", &rto);
	json_builder_end_object(b);
	add_dist(b, "rpo_h", &rpo);
	add_int(b, "unknown", s->rpo_unknown);
	json_builder_end_object(b);
	add_number(b, "both_met", ratio(s->both_met, s->incidents));
	json_protection(b, r, s);
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
	add_number(b, "immediate", ratio(k->immediate, k->repairs));
	add_number(b, "wait_h_mean", sim_welford_mean(&k->wait_h));
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
	Estimate e = estimate(&c->total);

	json_builder_set_member_name(b, "total");
	json_builder_begin_object(b);
	add_cost_quantiles(b, &c->total, c->total_sketch, TRUE);
	add_number(b, "stderr", e.stderr_);
	json_builder_set_member_name(b, "ci95");
	json_builder_begin_array(b);
	for (int i = 0; i < 2; i++) {
		double x = i ? e.hi : e.lo;
		if (isfinite(x))
			json_builder_add_double_value(b, x);
		else
			json_builder_add_null_value(b);
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
	add_number(b, "at_start", mdl_results_fixed_cost(sc->costs, 0,
							 sc->horizon_h));
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
	json_builder_end_object(b);
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

static char *report_json(const MdlScenario *sc, const MdlResults *r,
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
	json_cost(b, sc, r);
	json_builder_set_member_name(b, "run");
	json_builder_begin_object(b);
	add_int(b, "threads", info->threads);
	add_int(b, "events", r->events);
	add_number(b, "wall_s", info->wall_s);
	json_builder_end_object(b);
	json_builder_end_object(b);

	g_autoptr(JsonNode) root = json_builder_get_root(b);
	g_autoptr(JsonGenerator) gen = json_generator_new();
	json_generator_set_pretty(gen, TRUE);
	json_generator_set_indent(gen, 2);
	json_generator_set_root(gen, root);
	char *text = json_generator_to_data(gen, NULL);
	char *out = g_strconcat(text, "\n", NULL);
	g_free(text);
	return out;
}

/* -- table ----------------------------------------------------------------- */

/* A duration for the table: "4h", "55min", "-" when undefined. */
static const char *dur(double h, char buf[32])
{
	if (!isfinite(h))
		return "-";
	sim_format_duration(h, buf, 32);
	return buf;
}

static const char *pct(double x, char buf[32])
{
	if (!isfinite(x))
		return "-";
	g_snprintf(buf, 32, "%.1f%%", 100 * x);
	return buf;
}

static void table_dist(GString *s, const char *what, const Dist *d)
{
	char b[8][32];

	g_string_append_printf(
		s, "  %-4s target %-6s mean %-6s p50 %-6s p90 %-6s p95 %-6s "
		   "p99 %-6s max %-6s met %s\n",
		what, dur(d->target, b[0]), dur(d->mean, b[1]),
		dur(d->q[0], b[2]), dur(d->q[1], b[3]), dur(d->q[2], b[4]),
		dur(d->q[3], b[5]), dur(d->max, b[6]), pct(d->met, b[7]));
}

/* A number with two decimals, "-" when undefined. */
static const char *num(double x, char buf[32])
{
	if (!isfinite(x))
		return "-";
	g_snprintf(buf, 32, "%.2f", x);
	return buf;
}

/* An availability, 6 decimals; "-" when undefined (one replication's
 * interval). */
static const char *avail(double x, char buf[32])
{
	if (!isfinite(x))
		return "-";
	g_snprintf(buf, 32, "%.6f", x);
	return buf;
}

/* The RTO counted from the declaration, under the RTO line. */
static void table_declared(GString *s, const MdlServiceResults *x)
{
	Dist d = summary_of(&x->rto_declared_h, x->rto_declared_sketch);
	char b[6][32];

	if (x->rto_declared_h.n == 0)
		return;
	g_string_append_printf(
		s, "       declared      mean %-6s p50 %-6s p90 %-6s p95 %-6s "
		   "p99 %-6s max %-6s (%" G_GUINT64_FORMAT
		   " incidents, from the declaration)\n",
		dur(d.mean, b[0]), dur(d.q[0], b[1]), dur(d.q[1], b[2]),
		dur(d.q[2], b[3]), dur(d.q[3], b[4]), dur(d.max, b[5]),
		x->rto_declared_h.n);
}

static void table_protection(GString *s, const MdlServiceResults *x)
{
	Estimate p = estimate(&x->p_breach_per_year);
	Estimate l = estimate(&x->data_loss_h_per_year);
	char b[3][32];

	g_string_append_printf(s, "  breach in a year  %s   95%% CI [%s, %s]\n",
			       pct(p.mean, b[0]), pct(p.lo, b[1]),
			       pct(p.hi, b[2]));
	g_string_append_printf(s, "  data lost         %s h/year   "
				  "95%% CI [%s, %s]\n",
			       num(l.mean, b[0]), num(l.lo, b[1]),
			       num(l.hi, b[2]));
}

/* One line per label that had incidents: count, mean and p95 of RTO and
 * RPO, fraction meeting both targets. */
static void table_breakdowns(GString *s, const char *title,
			     const Breakdowns *bd)
{
	char b[5][32];

	g_string_append_printf(s, "  %-28s %9s  %-9s%-9s%-9s%-9s%s\n", title,
			       "incidents", "RTO mean", "RTO p95", "RPO mean",
			       "RPO p95", "both met");
	for (guint i = 0; i < bd->n; i++) {
		const MdlBreakdown *x = bd->items[i];
		if (!x)
			continue;
		Dist rto = summary_of(&x->rto_h, x->rto_sketch);
		Dist rpo = summary_of(&x->rpo_h, x->rpo_sketch);
		g_string_append_printf(
			s, "    %-26s %9" G_GUINT64_FORMAT
			   "  %-9s%-9s%-9s%-9s%s\n",
			bd->label(bd->labels, i), x->incidents,
			dur(rto.mean, b[0]), dur(rto.q[2], b[1]),
			dur(rpo.mean, b[2]), dur(rpo.q[2], b[3]),
			pct(ratio(x->both_met, x->incidents), b[4]));
	}
}

static void table_service(GString *s, const MdlScenario *sc,
			  const MdlResults *r, guint i)
{
	const MdlService *sv = &sc->services[i];
	const MdlServiceResults *x = &r->services[i];
	Estimate a = estimate(&x->availability);
	Estimate d = estimate(&x->downtime_h_per_year);
	Dist rto = rto_of(sv, x), rpo = rpo_of(sv, x);
	char b[3][32];

	g_string_append_printf(s, "\nService %s", sv->id);
	if (strcmp(sv->name, sv->id) != 0)
		g_string_append_printf(s, " — %s", sv->name);
	g_string_append_printf(s, "\n  availability      %s   95%% CI [%s, %s]\n",
			       avail(a.mean, b[0]), avail(a.lo, b[1]),
			       avail(a.hi, b[2]));
	g_string_append_printf(s, "  downtime          %s h/year   95%% CI [%s, %s]\n",
			       num(d.mean, b[0]), num(d.lo, b[1]),
			       num(d.hi, b[2]));
	g_string_append_printf(s, "  incidents         %.3f /year   (%" G_GUINT64_FORMAT
				  " closed, %" G_GUINT64_FORMAT " censored)\n",
			       incidents_per_year(sc, r, x), x->incidents,
			       x->censored);
	table_dist(s, "RTO", &rto);
	table_declared(s, x);
	table_dist(s, "RPO", &rpo);
	if (x->rpo_unknown)
		g_string_append_printf(s, "       RPO unknown for %" G_GUINT64_FORMAT
					  " incidents that lost data with no "
					  "usable recovery point\n",
				       x->rpo_unknown);
	g_string_append_printf(s, "  both targets met  %s of incidents\n",
			       pct(ratio(x->both_met, x->incidents), b[0]));
	table_protection(s, x);
	if (x->incidents == 0)
		return;
	Breakdowns causes = by_cause(r, x), paths = by_path(r, x);
	table_breakdowns(s, "by cause", &causes);
	table_breakdowns(s, "by path", &paths);
}

static void table_components(GString *s, const MdlScenario *sc,
			     const MdlResults *r)
{
	char b[3][32];

	g_string_append(s, "\nComponents          availability   95% CI                 units up\n");
	for (guint i = 0; i < sc->n_components; i++) {
		const MdlComponentResults *c = &r->components[i];
		Estimate a = estimate(&c->availability);
		g_string_append_printf(s, "  %-18s %s   [%s, %s]   %.4f\n",
				       sc->components[i].id, avail(a.mean, b[0]),
				       avail(a.lo, b[1]), avail(a.hi, b[2]),
				       sim_welford_mean(&c->units_up));
	}
}

static void table_crews(GString *s, const MdlScenario *sc, const MdlResults *r)
{
	char b[2][32];

	if (sc->n_crews == 0)
		return;
	g_string_append(s, "\nCrews               repairs   started at once   mean wait\n");
	for (guint i = 0; i < sc->n_crews; i++) {
		const MdlCrewResults *k = &r->crews[i];
		g_string_append_printf(s, "  %-18s %-9" G_GUINT64_FORMAT " %-17s %s\n",
				       sc->crews[i].id, k->repairs,
				       pct(ratio(k->immediate, k->repairs), b[0]),
				       dur(sim_welford_mean(&k->wait_h), b[1]));
	}
}

/* An amount for the table: "1.52 M", "75.0 k", "950", "-". */
static const char *money(double x, char buf[32])
{
	double a = fabs(x);

	if (!isfinite(x))
		return "-";
	if (a >= 1e6)
		g_snprintf(buf, 32, "%.2f M", x / 1e6);
	else if (a >= 1e3)
		g_snprintf(buf, 32, "%.1f k", x / 1e3);
	else
		g_snprintf(buf, 32, "%.0f", x);
	return buf;
}

/* "p5 X   p50 Y   p95 Z" of a cost sketch. */
static void table_cost_quantiles(GString *s, const SimSketch *sk)
{
	char b[3][32];

	g_string_append_printf(s, "p5 %s   p50 %s   p95 %s\n",
			       money(sim_sketch_quantile(sk, 0.05), b[0]),
			       money(sim_sketch_quantile(sk, 0.50), b[1]),
			       money(sim_sketch_quantile(sk, 0.95), b[2]));
}

static void table_cost(GString *s, const MdlScenario *sc, const MdlResults *r)
{
	const MdlCostResults *c = r->cost;
	char b[3][32];

	if (!c || !sc->costs)
		return;
	Estimate t = estimate(&c->total);
	g_string_append_printf(s, "\nCost over the horizon (%s)\n",
			       sc->costs->currency);
	g_string_append_printf(s, "  total             %s   95%% CI [%s, %s]"
				  "\n                    ",
			       money(t.mean, b[0]), money(t.lo, b[1]),
			       money(t.hi, b[2]));
	table_cost_quantiles(s, c->total_sketch);
	g_string_append_printf(s, "  fixed             %s\n",
			       money(sim_welford_mean(&c->fixed), b[0]));
	g_string_append_printf(s, "  incidents         %s   ",
			       money(sim_welford_mean(&c->incidents), b[0]));
	table_cost_quantiles(s, c->incidents_sketch);
}

/* Which topology ran until when. */
static void table_replaces(GString *s, const MdlScenario *sc,
			   const MdlResults *r)
{
	char b[2][32];

	if (!sc->replaces)
		return;
	g_string_append_printf(
		s, "In service after %s; until then %s (%s) runs; the switch "
		   "waited %s on average for an incident to end\n",
		dur(sc->in_service_h, b[0]), sc->replaces->name,
		sc->replaces->file,
		dur(fmax(0, sim_welford_mean(&r->switch_h) - sc->in_service_h),
		    b[1]));
}

static char *report_table(const MdlScenario *sc, const MdlResults *r,
			  const MdlRunInfo *info)
{
	GString *s = g_string_new(NULL);
	char b[32];

	g_string_append_printf(s, "drsim %s — %s (%s)\n", DRSIM_VERSION,
			       sc->name, sc->file);
	g_string_append_printf(s, "%" G_GUINT64_FORMAT " replications of %s, seed %"
				  G_GUINT64_FORMAT ", %u threads, %" G_GUINT64_FORMAT
				  " events in %.2f s\n",
			       r->replications, dur(sc->horizon_h, b), sc->seed,
			       info->threads, r->events, info->wall_s);
	table_replaces(s, sc, r);
	for (guint i = 0; i < sc->n_services; i++)
		table_service(s, sc, r, i);
	table_cost(s, sc, r);
	table_components(s, sc, r);
	table_crews(s, sc, r);
	return g_string_free(s, FALSE);
}

/* -- CSV ------------------------------------------------------------------- */

static void csv_number(GString *s, double x)
{
	char buf[G_ASCII_DTOSTR_BUF_SIZE];

	g_string_append_c(s, ',');
	if (isfinite(x))
		g_string_append(s, g_ascii_dtostr(buf, sizeof buf, x));
}

/* A field quoted as RFC 4180 says. */
static void csv_text(GString *s, const char *text)
{
	g_string_append_c(s, '"');
	for (const char *p = text; *p; p++) {
		if (*p == '"')
			g_string_append_c(s, '"');
		g_string_append_c(s, *p);
	}
	g_string_append_c(s, '"');
}

static void csv_dist_header(GString *s, const char *what)
{
	g_string_append_printf(s, ",%s_target,%s_mean", what, what);
	for (guint i = 0; i < N_QUANTILES; i++)
		g_string_append_printf(s, ",%s_%s", what, quantile_key[i]);
	g_string_append_printf(s, ",%s_max,%s_met", what, what);
}

static void csv_dist(GString *s, const Dist *d)
{
	csv_number(s, d->target);
	csv_number(s, d->mean);
	for (guint i = 0; i < N_QUANTILES; i++)
		csv_number(s, d->q[i]);
	csv_number(s, d->max);
	csv_number(s, d->met);
}

static void csv_row(GString *s, const MdlScenario *sc, const MdlResults *r,
		    guint i)
{
	const MdlService *sv = &sc->services[i];
	const MdlServiceResults *x = &r->services[i];
	Estimate a = estimate(&x->availability);
	Dist rto = rto_of(sv, x), rpo = rpo_of(sv, x);

	csv_text(s, sv->id);
	g_string_append_c(s, ',');
	csv_text(s, sv->name);
	csv_number(s, a.mean);
	csv_number(s, a.stderr_);
	csv_number(s, a.lo);
	csv_number(s, a.hi);
	csv_number(s, sim_welford_mean(&x->downtime_h_per_year));
	g_string_append_printf(s, ",%" G_GUINT64_FORMAT ",%" G_GUINT64_FORMAT,
			       x->incidents, x->censored);
	csv_number(s, incidents_per_year(sc, r, x));
	csv_dist(s, &rto);
	csv_dist(s, &rpo);
	g_string_append_printf(s, ",%" G_GUINT64_FORMAT, x->rpo_unknown);
	csv_number(s, ratio(x->both_met, x->incidents));
	csv_number(s, sim_welford_mean(&x->p_breach_per_year));
	csv_number(s, sim_welford_mean(&x->data_loss_h_per_year));
	g_string_append_c(s, '\n');
}

/* New columns go at the end: readers may index columns by position. */
static char *report_csv(const MdlScenario *sc, const MdlResults *r)
{
	GString *s = g_string_new("service,name,availability_mean,"
				  "availability_stderr,availability_ci95_lo,"
				  "availability_ci95_hi,downtime_h_per_year_mean,"
				  "incidents,censored,incidents_per_year");

	csv_dist_header(s, "rto_h");
	csv_dist_header(s, "rpo_h");
	g_string_append(s, ",rpo_unknown,both_met,p_breach_per_year,"
			   "data_loss_h_per_year\n");
	for (guint i = 0; i < sc->n_services; i++)
		csv_row(s, sc, r, i);
	return g_string_free(s, FALSE);
}

char *mdl_report(const MdlScenario *sc, const MdlResults *r,
		 const MdlRunInfo *info, MdlFormat format)
{
	g_return_val_if_fail(sc && r && info && r->labels, NULL);

	switch (format) {
	case MDL_FORMAT_JSON:
		return report_json(sc, r, info);
	case MDL_FORMAT_CSV:
		return report_csv(sc, r);
	case MDL_FORMAT_TABLE:
	default:
		return report_table(sc, r, info);
	}
}
