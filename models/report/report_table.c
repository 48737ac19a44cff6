/* report_table.c — the text table of a run's results (mdl_report(),
 * MDL_FORMAT_TABLE): a block per service, then the costs, the components
 * and the crews.  The figures come from report.c (report-private.h). */
#include "report-private.h"

#include <math.h>
#include <string.h>

#include "models/results/drivers.h"
#include "models/results/precision.h"
#include "sim/cli.h"
#include "sim/units.h"

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

static void table_dist(GString *s, const char *what, const MdlDist *d)
{
	char b[8][32];

	g_string_append_printf(
		s, "  %-4s target %-6s mean %-6s p50 %-6s p90 %-6s p95 %-6s "
		   "p99 %-6s max %-6s met %s\n",
		what, dur(d->target, b[0]), dur(d->mean, b[1]),
		dur(d->q[0], b[2]), dur(d->q[1], b[3]), dur(d->q[2], b[4]),
		dur(d->q[3], b[5]), dur(d->max, b[6]), pct(d->met, b[7]));
}

/* x with that many decimals, "-" when undefined. */
static const char *fixed(double x, int decimals, char buf[32])
{
	if (!isfinite(x))
		return "-";
	g_snprintf(buf, 32, "%.*f", decimals, x);
	return buf;
}

/* A number with two decimals. */
static const char *num(double x, char buf[32])
{
	return fixed(x, 2, buf);
}

/* An availability, 6 decimals; "-" when undefined (one replication's
 * interval). */
static const char *avail(double x, char buf[32])
{
	return fixed(x, 6, buf);
}

/* The RTO counted from the declaration, under the RTO line. */
static void table_declared(GString *s, const MdlServiceResults *x)
{
	MdlDist d = mdl_summary_of(&x->rto_declared_h, x->rto_declared_sketch);
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
	MdlEstimate p = mdl_estimate(&x->p_breach_per_year);
	MdlEstimate l = mdl_estimate(&x->data_loss_h_per_year);
	char b[3][32];

	g_string_append_printf(s, "  breach in a year  %s   95%% CI [%s, %s]\n",
			       pct(p.mean, b[0]), pct(p.lo, b[1]),
			       pct(p.hi, b[2]));
	g_string_append_printf(s, "  data lost         %s h/year   "
				  "95%% CI [%s, %s]\n",
			       num(l.mean, b[0]), num(l.lo, b[1]),
			       num(l.hi, b[2]));
}

/* A summary of durations without target: "mean 6h     p50 6h ... max 6h",
 * then the rest of the line. */
static void table_summary(GString *s, const char *head, const MdlDist *d,
			  const char *tail)
{
	char b[6][32];

	g_string_append_printf(
		s, "%smean %-6s p50 %-6s p90 %-6s p95 %-6s p99 %-6s max %-6s "
		   "%s\n",
		head, dur(d->mean, b[0]), dur(d->q[0], b[1]),
		dur(d->q[1], b[2]), dur(d->q[2], b[3]), dur(d->q[3], b[4]),
		dur(d->max, b[5]), tail);
}

/* The MTPD in one line: its target, the incidents within it (RTO + work
 * recovery), the breach in a year with its interval. */
static void table_mtpd(GString *s, const MdlService *sv,
		       const MdlServiceResults *x, const MdlHospital *h)
{
	MdlEstimate p = mdl_estimate(&h->p_mtpd_breach_per_year);
	char b[5][32];

	g_string_append_printf(
		s, "  MTPD target %-6s met %s   breach in a year %s   "
		   "95%% CI [%s, %s]\n",
		dur(sv->mtpd_h, b[0]), pct(mdl_ratio(h->mtpd_met, x->incidents),
					    b[1]),
		pct(p.mean, b[2]), pct(p.lo, b[3]), pct(p.hi, b[4]));
}

/* Paper mode, work recovery and restores in parts, when the service has
 * them (results/hospital.h). */
static void table_hospital(GString *s, const MdlService *sv,
			   const MdlServiceResults *x)
{
	const MdlHospital *h = x->hospital;
	char b[4][32];

	if (!h)
		return;
	if (h->mtpd)
		table_mtpd(s, sv, x, h);
	if (h->degraded) {
		MdlEstimate e = mdl_estimate(&h->degraded_h_per_year);
		g_string_append_printf(
			s, "  paper mode        %s h/year   95%% CI [%s, %s]   "
			   "(%" G_GUINT64_FORMAT " of %" G_GUINT64_FORMAT
			   " incidents past %s)\n",
			num(e.mean, b[0]), num(e.lo, b[1]), num(e.hi, b[2]),
			h->degraded_incidents, x->incidents,
			dur(sv->degraded_after_h, b[3]));
	}
	if (h->wrt) {
		MdlDist w = mdl_summary_of(&h->wrt_h, h->wrt_sketch);
		MdlDist rw = mdl_summary_of(&h->rto_wrt_h, h->rto_wrt_sketch);
		g_autofree char *n = g_strdup_printf(
			"(%" G_GUINT64_FORMAT " incidents)", h->wrt_h.n);
		table_summary(s, "  work recovery     ", &w, n);
		table_summary(s, "       RTO + WRT    ", &rw,
			      "(the business back)");
	}
	if (h->parts) {
		MdlDist f = mdl_summary_of(&h->full_h, h->full_sketch);
		g_autofree char *n = g_strdup_printf(
			"(%" G_GUINT64_FORMAT " incidents restored in parts)",
			h->full_h.n);
		table_summary(s, "  full restore      ", &f, n);
	}
}

/* "±0.027%", the precision of an estimate; "-" when it has none. */
static const char *prec(const SimWelford *w, char buf[32])
{
	double p = mdl_precision_of(w);

	if (!isfinite(p))
		return "-";
	g_snprintf(buf, 32, "±%.2g%%", p * 100);
	return buf;
}

/* The precision of the headline figures: the half-width of their 95 %
 * interval relative to their mean. */
static void table_precision(GString *s, const MdlServiceResults *x)
{
	char b[4][32];

	g_string_append_printf(
		s, "  precision         availability %s, downtime %s, breach %s, "
		   "data lost %s (95%% CI half-width / mean)\n",
		prec(&x->availability, b[0]), prec(&x->downtime_h_per_year, b[1]),
		prec(&x->p_breach_per_year, b[2]),
		prec(&x->data_loss_h_per_year, b[3]));
}

/* One line per label that had incidents: count, mean and p95 of RTO and
 * RPO, fraction meeting both targets. */
static void table_breakdowns(GString *s, const char *title,
			     const MdlBreakdowns *bd)
{
	char b[5][32];

	g_string_append_printf(s, "  %-28s %9s  %-9s%-9s%-9s%-9s%s\n", title,
			       "incidents", "RTO mean", "RTO p95", "RPO mean",
			       "RPO p95", "both met");
	for (guint i = 0; i < bd->n; i++) {
		const MdlBreakdown *x = bd->items[i];
		if (!x)
			continue;
		MdlDist rto = mdl_summary_of(&x->rto_h, x->rto_sketch);
		MdlDist rpo = mdl_summary_of(&x->rpo_h, x->rpo_sketch);
		g_string_append_printf(
			s, "    %-26s %9" G_GUINT64_FORMAT
			   "  %-9s%-9s%-9s%-9s%s\n",
			bd->label(bd->labels, i), x->incidents,
			dur(rto.mean, b[0]), dur(rto.q[2], b[1]),
			dur(rpo.mean, b[2]), dur(rpo.q[2], b[3]),
			pct(mdl_ratio(x->both_met, x->incidents), b[4]));
	}
}

/* "lost for good  N of M incidents (CAUSE n of m, ...)": never hidden
 * behind the percentiles, which a few total losses may not reach. */
static void table_lost(GString *s, const MdlResults *r,
		       const MdlServiceResults *x)
{
	MdlBreakdowns causes = mdl_by_cause(r, x);
	const char *sep = " (";

	if (x->lost_for_good == 0)
		return;
	g_string_append_printf(s, "  lost for good     %" G_GUINT64_FORMAT
				  " of %" G_GUINT64_FORMAT " incidents",
			       x->lost_for_good, x->incidents);
	for (guint i = 0; i < causes.n; i++) {
		const MdlBreakdown *c = causes.items[i];
		if (!c || c->lost_for_good == 0)
			continue;
		g_string_append_printf(s, "%s%s %" G_GUINT64_FORMAT " of %"
					  G_GUINT64_FORMAT, sep,
				       causes.label(causes.labels, i),
				       c->lost_for_good, c->incidents);
		sep = ", ";
	}
	g_string_append(s, ")\n");
}

/* Planned downtime, under the downtime line, when the scenario has a
 * maintenance window (results/planned.h). */
static void table_planned(GString *s, const MdlService *sv,
			  const MdlServiceResults *x)
{
	const MdlPlanned *p = x->planned;
	char b[4][32];

	if (!p)
		return;
	MdlEstimate h = mdl_estimate(&p->planned_h_per_year);
	MdlEstimate a = mdl_estimate(&p->availability_unplanned);
	g_string_append_printf(s, "    of it planned   %s h/year   95%% CI "
				  "[%s, %s]   (maintenance windows, not "
				  "incidents)\n",
			       num(h.mean, b[0]), num(h.lo, b[1]),
			       num(h.hi, b[2]));
	g_string_append_printf(s, "  without windows   %s   95%% CI "
				  "[%s, %s]   (availability, planned downtime "
				  "not counted)\n",
			       avail(a.mean, b[0]), avail(a.lo, b[1]),
			       avail(a.hi, b[2]));
	if (!isfinite(sv->planned_budget_h))
		return;
	MdlEstimate w = mdl_estimate(&p->within_budget);
	g_string_append_printf(s, "  planned budget    %s h/year   within it "
				  "%s of years   95%% CI [%s, %s]\n",
			       num(sv->planned_budget_h, b[0]),
			       pct(w.mean, b[1]), pct(w.lo, b[2]),
			       pct(w.hi, b[3]));
}

static void table_service(GString *s, const MdlScenario *sc,
			  const MdlResults *r, guint i)
{
	const MdlService *sv = &sc->services[i];
	const MdlServiceResults *x = &r->services[i];
	MdlEstimate a = mdl_estimate(&x->availability);
	MdlEstimate d = mdl_estimate(&x->downtime_h_per_year);
	MdlDist rto = mdl_rto_of(sv, x), rpo = mdl_rpo_of(sv, x);
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
	table_planned(s, sv, x);
	g_string_append_printf(s, "  incidents         %.3f /year   (%" G_GUINT64_FORMAT
				  " closed, %" G_GUINT64_FORMAT " censored)\n",
			       mdl_incidents_per_year(sc, r, x),
			       x->incidents, x->censored);
	table_dist(s, "RTO", &rto);
	table_declared(s, x);
	table_dist(s, "RPO", &rpo);
	if (x->rpo_unknown)
		g_string_append_printf(s, "       RPO unknown for %" G_GUINT64_FORMAT
					  " incidents that lost data with no "
					  "usable recovery point\n",
				       x->rpo_unknown);
	table_lost(s, r, x);
	g_string_append_printf(s, "  both targets met  %s of incidents\n",
			       pct(mdl_ratio(x->both_met, x->incidents),
				   b[0]));
	table_protection(s, x);
	table_hospital(s, sv, x);
	table_precision(s, x);
	if (x->incidents == 0)
		return;
	MdlBreakdowns causes = mdl_by_cause(r, x), paths = mdl_by_path(r, x);
	table_breakdowns(s, "by cause", &causes);
	table_breakdowns(s, "by path", &paths);
}

/* Lines of each list of the drivers' block, at most. */
#define DRIVERS_LINES 10

static void drivers_cause_line(GString *s, int width, const char *label,
			       double breaches, double downtime, double lost)
{
	char b[3][32];

	g_string_append_printf(s, "      %-*s %9s %9s %10s\n", width, label,
			       pct(breaches, b[0]), pct(downtime, b[1]),
			       pct(lost, b[2]));
}

/* The causes by share of breaches; past DRIVERS_LINES, the last line
 * adds up the rest. */
static void drivers_causes(GString *s, const MdlDrivers *d, int width)
{
	guint shown = d->n_causes <= DRIVERS_LINES ? d->n_causes
						   : DRIVERS_LINES - 1;
	double rest[3] = { 0, 0, 0 };

	g_string_append_printf(s, "    %-*s %9s %9s %10s\n", width + 2,
			       "by cause", "breaches", "downtime",
			       "data lost");
	for (guint k = 0; k < d->n_causes; k++) {
		const MdlCauseShare *x = &d->by_cause[k];
		if (k < shown) {
			drivers_cause_line(s, width, x->label,
					   x->breaches_share, x->downtime_share,
					   x->data_lost_share);
			continue;
		}
		rest[0] += x->breaches_share;
		rest[1] += x->downtime_share;
		rest[2] += x->data_lost_share;
	}
	if (shown < d->n_causes) {
		g_autofree char *more = g_strdup_printf(
			"(%u more causes)", d->n_causes - shown);
		drivers_cause_line(s, width, more, rest[0], rest[1], rest[2]);
	}
}

/* The components and sites down during some breach-hours, most first. */
static void drivers_importance(GString *s, const MdlDrivers *d, int width)
{
	guint down = 0;
	char b[2][32];

	for (guint k = 0; k < d->n_importance; k++)
		down += d->importance[k].down_h > 0 ? 1 : 0;
	g_string_append_printf(s, "    %-*s %9s %9s", width + 2,
			       "down during the breach-hours", "share",
			       "hours");
	if (down > DRIVERS_LINES)
		g_string_append_printf(s, "   (the first %u of %u)",
				       DRIVERS_LINES, down);
	g_string_append_c(s, '\n');
	for (guint k = 0; k < MIN(down, DRIVERS_LINES); k++) {
		const MdlImportance *x = &d->importance[k];
		g_autofree char *id = mdl_down_name(&x->what);
		g_autofree char *name = g_strdup_printf(
			"%s %s", mdl_down_kind(&x->what), id);
		g_string_append_printf(s, "      %-*s %9s %9s\n", width, name,
				       pct(x->share, b[0]),
				       fixed(x->down_h, 0, b[1]));
	}
}

/* The widest label the block shows, at least that of the by-cause
 * block of the table. */
static int drivers_width(const MdlDrivers *d)
{
	gsize w = 26;

	for (guint k = 0; k < MIN(d->n_causes, DRIVERS_LINES); k++)
		w = MAX(w, strlen(d->by_cause[k].label));
	for (guint k = 0; k < MIN(d->n_importance, DRIVERS_LINES); k++)
		w = MAX(w, strlen(d->importance[k].what.id) +
				   strlen(MDL_LABELS_REPLACED "component "));
	return (int)w;
}

/* "What drives the breaches" of service i (--drivers). */
static void table_drivers(GString *s, const MdlResults *r, guint i)
{
	g_autoptr(MdlDrivers) d = mdl_drivers_new(r, i);
	char b[32];

	if (d->breaches == 0) {
		g_string_append(s, "  What drives the breaches: no breach\n");
		return;
	}
	g_string_append_printf(s, "  What drives the breaches: %"
				  G_GUINT64_FORMAT " breaches of %"
				  G_GUINT64_FORMAT " closed incidents, %s "
				  "breach-hours\n",
			       d->breaches, r->services[i].incidents,
			       fixed(d->breach_h, 0, b));
	drivers_causes(s, d, drivers_width(d));
	drivers_importance(s, d, drivers_width(d));
}

static void table_components(GString *s, const MdlScenario *sc,
			     const MdlResults *r)
{
	char b[3][32];

	g_string_append(s, "\nComponents          availability   95% CI                 units up\n");
	for (guint i = 0; i < sc->n_components; i++) {
		const MdlComponentResults *c = &r->components[i];
		MdlEstimate a = mdl_estimate(&c->availability);
		g_string_append_printf(s, "  %-18s %s   [%s, %s]   %.4f\n",
				       sc->components[i].id, avail(a.mean, b[0]),
				       avail(a.lo, b[1]), avail(a.hi, b[2]),
				       sim_welford_mean(&c->units_up));
	}
}

/* Hours per year at reduced size of the crews with absences, when one
 * has them (a scenario without gives the table it gave before). */
static void table_absences(GString *s, const MdlScenario *sc,
			   const MdlResults *r)
{
	gboolean any = FALSE;

	for (guint i = 0; i < sc->n_crews; i++)
		any = any || sc->crews[i].n_absences > 0;
	if (!any)
		return;
	g_string_append(s, "\nCrews at reduced size (absences)   hours/year\n");
	for (guint i = 0; i < sc->n_crews; i++) {
		const SimWelford *x = &r->crews[i].reduced_h_per_y;
		if (sc->crews[i].n_absences == 0)
			continue;
		g_string_append_printf(s, "  %-33s %.0f ± %.0f\n",
				       sc->crews[i].id, sim_welford_mean(x),
				       1.96 * sim_welford_stderr(x));
	}
}

/* A host's exits and the hours its services ran in degraded mode
 * (docs/model.md, "Provider risks"); nothing when the scenario names no
 * provider. */
static void table_providers(GString *s, const MdlScenario *sc,
			    const MdlResults *r)
{
	double years = (double)r->replications * sc->horizon_h /
		       SIM_HOURS_PER_YEAR;

	if (sc->n_providers == 0)
		return;
	g_string_append(s, "\nProviders           exits/year   degraded h/year   95% CI\n");
	for (guint i = 0; i < sc->n_providers; i++) {
		const MdlProviderResults *p = &r->providers[i];
		MdlEstimate e = mdl_estimate(&p->degraded_h_per_year);
		g_string_append_printf(
			s, "  %-18s %-12.4f %-17.2f [%.2f, %.2f]\n",
			sc->providers[i].id,
			years > 0 ? (double)p->exits / years : 0, e.mean,
			e.lo, e.hi);
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
				       pct(mdl_ratio(k->immediate, k->repairs),
					   b[0]),
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

/* "X   95% CI [LO, HI]" of a cost. */
static void table_cost_ci(GString *s, const SimWelford *w)
{
	MdlEstimate e = mdl_estimate(w);
	char b[3][32];

	g_string_append_printf(s, "%s   95%% CI [%s, %s]", money(e.mean, b[0]),
			       money(e.lo, b[1]), money(e.hi, b[2]));
}

/* A row of the budget by year: capex, fixed opex, opex with the
 * incidents, cumulative, discounted cumulative. */
static void table_budget_row(GString *s, guint year, double capex,
			     double fixed, double opex, double cum,
			     double npv)
{
	char b[5][32];

	g_string_append_printf(s, "  %-7u %-10s %-11s %-10s %-11s %s\n", year,
			       money(capex, b[0]), money(fixed, b[1]),
			       money(opex, b[2]), money(cum, b[3]),
			       money(npv, b[4]));
}

/* What an IT department budgets (when the scenario states one of the
 * budget keys): capital and operating costs apart, the net present
 * value, and both by year. */
static void table_budget(GString *s, const MdlScenario *sc,
			 const MdlCostResults *c)
{
	const MdlBudget *bu = c->budget;
	char b[2][32];

	g_string_append_printf(s,
			       "  capital (capex)   %s   of it %s at t = 0\n",
			       money(bu->capex_total, b[0]),
			       money(bu->at_start, b[1]));
	g_string_append(s, "  operating (opex)  ");
	table_cost_ci(s, &c->opex);
	g_string_append_printf(s, "   of it %s fixed\n",
			       money(bu->opex_total, b[0]));
	g_string_append(s, "  net present value ");
	table_cost_ci(s, &c->npv);
	g_string_append_printf(s, "   at %g%% a year; indexation %g%% a year\n",
			       100 * sc->costs->discount_rate,
			       100 * sc->costs->indexation);
	g_string_append(s, "  year    capex      opex fixed  opex       "
			   "cumulative  discounted\n");
	table_budget_row(s, 0, bu->at_start, 0, 0, bu->at_start, bu->at_start);
	for (guint y = 0; y < c->n_years; y++)
		table_budget_row(s, y + 1, bu->capex[y], bu->opex[y],
				 sim_welford_mean(&c->year_opex[y]),
				 sim_welford_mean(&c->year_cumulative[y]),
				 sim_welford_mean(&c->year_npv[y]));
}

static void table_cost(GString *s, const MdlScenario *sc, const MdlResults *r)
{
	const MdlCostResults *c = r->cost;
	char b[3][32];

	if (!c || !sc->costs)
		return;
	MdlEstimate t = mdl_estimate(&c->total);
	g_string_append_printf(s, "\nCost over the horizon (%s)\n",
			       sc->costs->currency);
	g_string_append_printf(s, "  total             %s   95%% CI [%s, %s]"
				  "\n                    ",
			       money(t.mean, b[0]), money(t.lo, b[1]),
			       money(t.hi, b[2]));
	table_cost_quantiles(s, c->total_sketch);
	g_string_append_printf(s, "  precision         %s (95%% CI "
				  "half-width / mean)\n",
			       prec(&c->total, b[0]));
	g_string_append_printf(s, "  fixed             %s\n",
			       money(sim_welford_mean(&c->fixed), b[0]));
	g_string_append_printf(s, "  incidents         %s   ",
			       money(sim_welford_mean(&c->incidents), b[0]));
	table_cost_quantiles(s, c->incidents_sketch);
	if (sc->costs->budget)
		table_budget(s, sc, c);
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

char *report_table(const MdlScenario *sc, const MdlResults *r,
		   const MdlRunInfo *info, guint flags)
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
	if (info->precision) {
		g_autofree char *p = mdl_precision_outcome_text(
			info->precision, r->replications);
		g_string_append_printf(s, "%s\n", p);
	}
	table_replaces(s, sc, r);
	for (guint i = 0; i < sc->n_services; i++) {
		table_service(s, sc, r, i);
		if (flags & MDL_REPORT_DRIVERS)
			table_drivers(s, r, i);
	}
	table_cost(s, sc, r);
	table_components(s, sc, r);
	table_crews(s, sc, r);
	table_absences(s, sc, r);
	table_providers(s, sc, r);
	return g_string_free(s, FALSE);
}
