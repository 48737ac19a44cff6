/* results.c — the mergeable results of replications. */
#include "models/results/results.h"

#include <math.h>
#include <string.h>

#include "sim/units.h"

MdlBreakdown *mdl_breakdown_new(void)
{
	MdlBreakdown *b = g_new0(MdlBreakdown, 1);

	sim_welford_init(&b->rto_h);
	sim_welford_init(&b->rpo_h);
	b->rto_sketch = sim_sketch_new(SIM_SKETCH_ALPHA);
	b->rpo_sketch = sim_sketch_new(SIM_SKETCH_ALPHA);
	return b;
}

static void breakdown_free(MdlBreakdown *b)
{
	if (!b)
		return;
	sim_sketch_free(b->rto_sketch);
	sim_sketch_free(b->rpo_sketch);
	g_free(b);
}

static void breakdown_merge(MdlBreakdown **into, const MdlBreakdown *from)
{
	if (!from)
		return;
	if (!*into)
		*into = mdl_breakdown_new();
	MdlBreakdown *a = *into;
	a->incidents += from->incidents;
	sim_welford_merge(&a->rto_h, &from->rto_h);
	sim_welford_merge(&a->rpo_h, &from->rpo_h);
	sim_sketch_merge(a->rto_sketch, from->rto_sketch);
	sim_sketch_merge(a->rpo_sketch, from->rpo_sketch);
	a->rpo_unknown += from->rpo_unknown;
	a->both_met += from->both_met;
	a->lost_for_good += from->lost_for_good;
	a->rto_sum_h += from->rto_sum_h;
	a->rpo_sum_h += from->rpo_sum_h;
}

static void service_init(MdlServiceResults *s, const MdlResults *r)
{
	sim_welford_init(&s->availability);
	sim_welford_init(&s->downtime_h_per_year);
	sim_welford_init(&s->rto_h);
	sim_welford_init(&s->rpo_h);
	sim_welford_init(&s->rto_declared_h);
	sim_welford_init(&s->p_breach_per_year);
	sim_welford_init(&s->data_loss_h_per_year);
	s->rto_sketch = sim_sketch_new(SIM_SKETCH_ALPHA);
	s->rpo_sketch = sim_sketch_new(SIM_SKETCH_ALPHA);
	s->rto_declared_sketch = sim_sketch_new(SIM_SKETCH_ALPHA);
	s->by_cause = g_new0(MdlBreakdown *, mdl_labels_n_causes(r->labels));
	s->by_path = g_new0(MdlBreakdown *, mdl_labels_n_paths(r->labels));
	s->year_breached = g_new0(double, r->n_years);
	s->year_uptime = g_new0(double, r->n_years);
	s->year_downtime_h = g_new0(SimWelford, r->n_years);
	s->year_downtime_sketch = g_new0(SimSketch *, r->n_years);
	s->breach_down_h = g_new0(double, MAX(r->n_down, 1));
	for (guint y = 0; y < r->n_years; y++) {
		sim_welford_init(&s->year_downtime_h[y]);
		s->year_downtime_sketch[y] = sim_sketch_new(SIM_SKETCH_ALPHA);
	}
}

/* The cost of one occurrence of each cause: the first per_event entry
 * whose cause is a prefix of the cause's label (for a cause of the
 * replaced topology, of its label after "replaced:"). */
static double *cause_costs(const MdlCosts *costs, const MdlLabels *labels)
{
	guint n = mdl_labels_n_causes(labels);
	double *out = g_new0(double, MAX(n, 1));

	for (guint i = 0; i < n; i++) {
		const char *label = mdl_labels_cause(labels, i);
		if (g_str_has_prefix(label, MDL_LABELS_REPLACED))
			label += strlen(MDL_LABELS_REPLACED);
		for (guint k = 0; k < costs->n_events; k++)
			if (g_str_has_prefix(label, costs->events[k].cause)) {
				out[i] = costs->events[k].cost;
				break;
			}
	}
	return out;
}

MdlResults *mdl_results_new(const MdlScenario *sc, const MdlLabels *labels,
			    gboolean log_incidents)
{
	MdlResults *r = g_new0(MdlResults, 1);

	r->sc = sc;
	r->labels = labels;
	r->n_years = mdl_budget_n_years(sc->horizon_h);
	r->n_services = sc->n_services;
	r->n_components = sc->n_components;
	r->n_crews = sc->n_crews;
	r->n_down = sc->n_components + sc->n_sites;
	if (sc->replaces)
		r->n_down += sc->replaces->n_components +
			     sc->replaces->n_sites;
	r->services = g_new0(MdlServiceResults, sc->n_services);
	r->components = g_new0(MdlComponentResults, sc->n_components);
	r->crews = g_new0(MdlCrewResults, sc->n_crews);
	for (guint i = 0; i < r->n_services; i++) {
		service_init(&r->services[i], r);
		r->services[i].hospital = mdl_hospital_new(sc, i, r->n_years);
		r->services[i].planned = mdl_planned_new(sc, i, r->n_years);
	}
	for (guint i = 0; i < r->n_components; i++) {
		sim_welford_init(&r->components[i].availability);
		sim_welford_init(&r->components[i].units_up);
	}
	for (guint i = 0; i < r->n_crews; i++) {
		sim_welford_init(&r->crews[i].wait_h);
		sim_welford_init(&r->crews[i].reduced_h_per_y);
	}
	r->n_providers = sc->n_providers;
	r->providers = g_new0(MdlProviderResults, sc->n_providers);
	for (guint i = 0; i < r->n_providers; i++)
		sim_welford_init(&r->providers[i].degraded_h_per_year);
	sim_welford_init(&r->switch_h);
	if (sc->costs) {
		r->cost = mdl_cost_results_new(sc);
		r->cause_cost = cause_costs(sc->costs, labels);
	}
	r->log_incidents = log_incidents;
	if (log_incidents)
		r->rows = g_string_new(NULL);
	r->worst = g_new0(MdlIncident, (gsize)r->n_services * MDL_WORST_KEPT);
	r->n_worst = g_new0(guint, r->n_services);
	return r;
}

void mdl_results_keep_reps(MdlResults *r)
{
	g_return_if_fail(r && r->replications == 0);
	if (!r->reps)
		r->reps = g_array_new(FALSE, FALSE, sizeof(double));
}

guint mdl_results_rep_width(const MdlResults *r)
{
	return r->n_services * MDL_REP_PER_SERVICE +
	       (r->cost ? MDL_REP_COSTS : 0);
}

static void service_clear(MdlServiceResults *s, const MdlResults *r)
{
	sim_sketch_free(s->rto_sketch);
	sim_sketch_free(s->rpo_sketch);
	sim_sketch_free(s->rto_declared_sketch);
	for (guint i = 0; i < mdl_labels_n_causes(r->labels); i++)
		breakdown_free(s->by_cause[i]);
	for (guint i = 0; i < mdl_labels_n_paths(r->labels); i++)
		breakdown_free(s->by_path[i]);
	g_free(s->by_cause);
	g_free(s->by_path);
	g_free(s->year_breached);
	g_free(s->year_uptime);
	for (guint y = 0; y < r->n_years; y++)
		sim_sketch_free(s->year_downtime_sketch[y]);
	g_free(s->year_downtime_sketch);
	g_free(s->year_downtime_h);
	g_free(s->breach_down_h);
	mdl_hospital_free(s->hospital);
	mdl_planned_free(s->planned);
}

void mdl_results_free(MdlResults *r)
{
	if (!r)
		return;
	for (guint i = 0; i < r->n_services; i++)
		service_clear(&r->services[i], r);
	g_free(r->services);
	g_free(r->components);
	g_free(r->crews);
	g_free(r->providers);
	mdl_cost_results_free(r->cost);
	g_free(r->cause_cost);
	if (r->rows)
		g_string_free(r->rows, TRUE);
	if (r->reps)
		g_array_unref(r->reps);
	g_free(r->worst);
	g_free(r->n_worst);
	g_free(r);
}

/* -- recording ------------------------------------------------------------- */

static void breakdown_add(MdlBreakdown **slot, double rto, double rpo,
			  gboolean both, gboolean lost)
{
	if (!*slot)
		*slot = mdl_breakdown_new();
	MdlBreakdown *b = *slot;
	b->incidents++;
	sim_welford_add(&b->rto_h, rto);
	sim_sketch_add(b->rto_sketch, rto);
	b->rto_sum_h += rto;
	if (isnan(rpo)) {
		b->rpo_unknown++;
	} else {
		sim_welford_add(&b->rpo_h, rpo);
		sim_sketch_add(b->rpo_sketch, rpo);
		b->rpo_sum_h += rpo;
	}
	b->both_met += both ? 1 : 0;
	b->lost_for_good += lost ? 1 : 0;
}

static void csv_num(GString *s, double x)
{
	char buf[G_ASCII_DTOSTR_BUF_SIZE];

	g_string_append_c(s, ',');
	if (isfinite(x))
		g_string_append(s, g_ascii_dtostr(buf, sizeof buf, x));
}

const char *mdl_results_csv_header(void)
{
	return "replication,service,cause,t0_h,detect_h,declare_h,restored_h,"
	       "path,copy,rto_h,rpo_h,met\n";
}

/* One row of incidents.csv: ids and labels never hold commas or quotes
 * (the loader restricts ids), so no quoting is needed. */
static void add_row(MdlResults *r, const MdlIncident *inc, double rto,
		    gboolean met)
{
	const MdlScenario *sc = r->sc;
	GString *s = r->rows;
	const char *path = mdl_labels_path(r->labels, inc->path);
	/* the copy column: DATASET/COPY, "replaced:" kept in front */
	gboolean replaced = g_str_has_prefix(path, MDL_LABELS_REPLACED);

	g_string_append_printf(s, "%" G_GUINT64_FORMAT ",%s,%s", inc->rep,
			       sc->services[inc->service].id,
			       mdl_labels_cause(r->labels, inc->cause));
	csv_num(s, inc->t0);
	csv_num(s, inc->t_detect);
	csv_num(s, inc->t_declare);
	csv_num(s, inc->t_restored);
	g_string_append_printf(s, ",%s,", path);
	if (inc->has_copy) {
		/* replaced datasets are named in the replaced scenario */
		const MdlScenario *of =
			replaced && sc->replaces ? sc->replaces : sc;
		const MdlDataset *ds = &of->datasets[inc->dataset];

		g_string_append_printf(s, "%s%s/%s",
				       replaced ? MDL_LABELS_REPLACED : "",
				       ds->id, ds->copies[inc->copy].id);
	}
	csv_num(s, rto);
	csv_num(s, inc->rpo_h);
	g_string_append_printf(s, ",%d\n", met ? 1 : 0);
}

/* The year slice holding instant t (the last one from its start on). */
static guint year_of(const MdlResults *r, double t)
{
	return MIN((guint)(fmax(t, 0) / SIM_HOURS_PER_YEAR), r->n_years - 1);
}

/* What the data an incident lost costs: its hours at data_loss_per_hour,
 * leaving out the datasets lost for good that have a data_loss_total
 * (charged once, by mdl_results_lost_for_good(); docs/model.md,
 * "Costs"). */
static double data_loss_cost(const MdlResults *r, const MdlIncident *inc)
{
	double per_hour = r->sc->costs->data_loss_per_hour;

	return (inc->lost_for_good ? inc->rpo_priced_h : inc->rpo_h) * per_hour;
}

void mdl_results_lost_for_good(MdlResults *r, const char *id, double t)
{
	double cost = mdl_scenario_loss_total(r->sc, id);

	if (r->cost && !isnan(cost))
		r->cost->year_incidents[year_of(r, t)] += cost;
}

/* -- the worst incidents ---------------------------------------------------- */

/* TRUE when a is worse than b: a longer RTO, then a lower replication,
 * then an earlier start (a total order: the kept ones do not depend on
 * the order they came in). */
static gboolean worse(const MdlIncident *a, const MdlIncident *b)
{
	double ra = a->t_restored - a->t0, rb = b->t_restored - b->t0;

	if (ra != rb)
		return ra > rb;
	if (a->rep != b->rep)
		return a->rep < b->rep;
	return a->t0 < b->t0;
}

/* Keeps inc among the worst of its service when it is one. */
static void keep_worst(MdlResults *r, const MdlIncident *inc)
{
	MdlIncident *w = r->worst + (gsize)inc->service * MDL_WORST_KEPT;
	guint *n = &r->n_worst[inc->service];
	guint at = *n;

	while (at > 0 && worse(inc, &w[at - 1]))
		at--;
	if (at >= MDL_WORST_KEPT)
		return;
	guint last = MIN(*n, MDL_WORST_KEPT - 1);
	memmove(&w[at + 1], &w[at], (last - at) * sizeof *w);
	w[at] = *inc;
	w[at].down_h = NULL;	/* the world's scratch: not kept */
	w[at].down_idx = NULL;
	w[at].n_down_idx = 0;
	*n = MIN(*n + 1, MDL_WORST_KEPT);
}

const MdlIncident *mdl_results_worst(const MdlResults *r, guint i, guint k)
{
	g_return_val_if_fail(i < r->n_services && k < r->n_worst[i], NULL);
	return &r->worst[(gsize)i * MDL_WORST_KEPT + k];
}

MdlDownElement mdl_results_down_element(const MdlResults *r, guint i)
{
	const MdlScenario *sc = r->sc;
	gboolean replaced = i >= sc->n_components + sc->n_sites;

	g_return_val_if_fail(i < r->n_down, (MdlDownElement){ 0 });
	if (replaced) {
		i -= sc->n_components + sc->n_sites;
		sc = sc->replaces;
	}
	if (i < sc->n_components)
		return (MdlDownElement){ FALSE, replaced,
					 sc->components[i].id };
	return (MdlDownElement){ TRUE, replaced,
				 sc->sites[i - sc->n_components].id };
}

/* A breach of rto hours: its hours, and what was down during them,
 * where the topology that played it has its components and sites. */
static void breach_add(MdlResults *r, MdlServiceResults *s,
		       const MdlIncident *inc, double rto)
{
	const MdlScenario *sc = r->sc;
	guint first = 0, n = sc->n_components + sc->n_sites;

	s->breach_h += rto;
	if (!inc->down_h)
		return;
	if (inc->replaced) {
		g_return_if_fail(sc->replaces);
		first = n;
		n = sc->replaces->n_components + sc->replaces->n_sites;
	}
	for (guint k = 0; k < inc->n_down_idx; k++) {
		guint i = inc->down_idx[k];
		g_return_if_fail(i < n);
		s->breach_down_h[first + i] += inc->down_h[i];
	}
}

void mdl_results_incident(MdlResults *r, const MdlIncident *inc)
{
	const MdlService *sv = &r->sc->services[inc->service];
	MdlServiceResults *s = &r->services[inc->service];
	double rto = inc->t_restored - inc->t0;
	gboolean rto_met = rto <= sv->rto_h;
	gboolean lost = inc->lost_for_good > 0;
	gboolean rpo_met = !isnan(inc->rpo_h) && inc->rpo_h <= sv->rpo_h &&
			   !lost;

	s->incidents++;
	s->lost_for_good += lost ? 1 : 0;
	sim_welford_add(&s->rto_h, rto);
	sim_sketch_add(s->rto_sketch, rto);
	if (isnan(inc->rpo_h)) {
		s->rpo_unknown++;
	} else {
		sim_welford_add(&s->rpo_h, inc->rpo_h);
		sim_sketch_add(s->rpo_sketch, inc->rpo_h);
		s->lost_h += inc->rpo_h;
		if (r->cost)
			r->cost->year_incidents[year_of(r, inc->t0)] +=
				data_loss_cost(r, inc);
	}
	s->rto_met += rto_met ? 1 : 0;
	s->rpo_met += rpo_met ? 1 : 0;
	s->both_met += rto_met && rpo_met ? 1 : 0;
	s->rep_counts[0] += 1;
	s->rep_counts[1] += rto_met ? 1 : 0;
	s->rep_counts[2] += rpo_met ? 1 : 0;
	s->rep_counts[3] += rto_met && rpo_met ? 1 : 0;
	if (!isnan(inc->t_declare)) {
		double d = inc->t_restored - inc->t_declare;
		sim_welford_add(&s->rto_declared_h, d);
		sim_sketch_add(s->rto_declared_sketch, fmax(d, 0));
	}
	guint y = MIN((guint)(inc->t0 / SIM_HOURS_PER_YEAR), r->n_years - 1);
	if (!(rto_met && rpo_met)) {
		s->year_breached[y] = 1;
		breach_add(r, s, inc, rto);
	}
	if (s->hospital)
		mdl_hospital_incident(s->hospital, sv, inc, y);
	breakdown_add(&s->by_cause[inc->cause], rto, inc->rpo_h,
		      rto_met && rpo_met, lost);
	breakdown_add(&s->by_path[inc->path], rto, inc->rpo_h,
		      rto_met && rpo_met, lost);
	if (r->log_incidents)
		add_row(r, inc, rto, rto_met && rpo_met);
	keep_worst(r, inc);
}

double mdl_results_year_length(const MdlResults *r, guint y)
{
	return fmin(SIM_HOURS_PER_YEAR,
		    r->sc->horizon_h - (double)y * SIM_HOURS_PER_YEAR);
}

void mdl_results_uptime(MdlResults *r, guint service, double a, double b)
{
	double *slices = r->services[service].year_uptime;

	while (a < b) {
		guint y = MIN((guint)(a / SIM_HOURS_PER_YEAR), r->n_years - 1);
		double end = fmin(b, (y + 1) * SIM_HOURS_PER_YEAR);
		if (y == r->n_years - 1)
			end = b;
		slices[y] += end - a;
		a = end;
	}
}

void mdl_results_occurrence(MdlResults *r, guint cause, double t)
{
	g_return_if_fail(r);
	if (!r->cost)
		return;
	g_return_if_fail(cause < mdl_labels_n_causes(r->labels));
	r->cost->year_incidents[year_of(r, t)] += r->cause_cost[cause];
}

/* Folds the replication's costs: its incident costs by year slice,
 * cumulated (occurrences and data lost as recorded, downtime from the
 * services' uptime per slice, which must not be cleared yet). */
static void cost_end_replication(MdlResults *r)
{
	MdlCostResults *c = r->cost;
	const MdlCosts *costs = r->sc->costs;
	double incidents = 0;

	for (guint y = 0; y < r->n_years; y++) {
		double len = mdl_results_year_length(r, y);
		incidents += c->year_incidents[y];
		for (guint i = 0; i < r->n_services; i++) {
			double up = r->services[i].year_uptime[y];
			incidents += costs->downtime_per_hour[i] *
				     fmax(0, len - up);
		}
		c->cum_incidents[y] = incidents;
	}
	mdl_cost_results_end_replication(c);
}

void mdl_results_censored(MdlResults *r, guint service, double t0)
{
	MdlServiceResults *s = &r->services[service];

	s->censored++;
	s->rep_counts[4] += 1;
	if (s->hospital)
		mdl_hospital_censored(s->hospital, &r->sc->services[service],
				      t0, r->sc->horizon_h);
}

/* The whole year slices of the horizon (a breach in a year counts over
 * them), 0 when it is shorter than a year. */
static guint whole_years(const MdlResults *r)
{
	return (guint)(r->sc->horizon_h / SIM_HOURS_PER_YEAR + 1e-9);
}

/* Fraction of the replication's years with a breach: over its whole
 * years when it has any (a partial last slice is left out), else over its
 * single partial slice. */
static double breach_fraction(const MdlResults *r, const MdlServiceResults *s)
{
	guint whole = whole_years(r);
	guint n = whole > 0 ? whole : 1;
	double hit = 0;

	for (guint y = 0; y < n; y++)
		hit += s->year_breached[y];
	return hit / n;
}

/* Appends the replication's figures to r->reps (mdl_results_keep_reps),
 * in the order of the MDL_REP_ enums. */
static void keep_rep(MdlResults *r, const double *uptime_h)
{
	double T = r->sc->horizon_h, years = T / SIM_HOURS_PER_YEAR;

	for (guint i = 0; i < r->n_services; i++) {
		const MdlServiceResults *s = &r->services[i];
		double v[MDL_REP_PER_SERVICE] = {
			uptime_h[i] / T, (T - uptime_h[i]) / years,
			breach_fraction(r, s), s->lost_h / years,
			s->rep_counts[0], s->rep_counts[1], s->rep_counts[2],
			s->rep_counts[3], s->rep_counts[4],
			mdl_hospital_rep_breach(s->hospital, whole_years(r)),
			mdl_hospital_rep_met(s->hospital),
		};
		g_array_append_vals(r->reps, v, MDL_REP_PER_SERVICE);
	}
	if (r->cost) {
		double c[MDL_REP_COSTS] = { r->cost->rep_total,
					    r->cost->rep_incidents,
					    r->cost->rep_npv };
		g_array_append_vals(r->reps, c, MDL_REP_COSTS);
	}
}

void mdl_results_end_replication(MdlResults *r, const double *uptime_h)
{
	double T = r->sc->horizon_h, years = T / SIM_HOURS_PER_YEAR;

	if (r->cost)
		cost_end_replication(r);
	if (r->reps)
		keep_rep(r, uptime_h);
	for (guint i = 0; i < r->n_providers; i++) {
		MdlProviderResults *p = &r->providers[i];
		sim_welford_add(&p->degraded_h_per_year, p->rep_h / years);
		p->rep_h = 0;
	}
	for (guint i = 0; i < r->n_services; i++) {
		MdlServiceResults *s = &r->services[i];
		sim_welford_add(&s->availability, uptime_h[i] / T);
		sim_welford_add(&s->downtime_h_per_year,
				(T - uptime_h[i]) / years);
		sim_welford_add(&s->p_breach_per_year, breach_fraction(r, s));
		sim_welford_add(&s->data_loss_h_per_year, s->lost_h / years);
		for (guint y = 0; y < r->n_years; y++) {
			double down = fmax(0, mdl_results_year_length(r, y) -
						      s->year_uptime[y]);
			sim_welford_add(&s->year_downtime_h[y], down);
			sim_sketch_add(s->year_downtime_sketch[y], down);
			s->year_breached[y] = 0;
			s->year_uptime[y] = 0;
		}
		s->lost_h = 0;
		memset(s->rep_counts, 0, sizeof s->rep_counts);
		if (s->hospital)
			mdl_hospital_end_replication(s->hospital, years,
						     whole_years(r));
		if (s->planned)
			mdl_planned_end_replication(s->planned, uptime_h[i],
						    whole_years(r));
	}
	r->replications++;
}

/* -- merging --------------------------------------------------------------- */

static void merge_service(const MdlResults *r, MdlServiceResults *a,
			  const MdlServiceResults *b)
{
	sim_welford_merge(&a->availability, &b->availability);
	sim_welford_merge(&a->downtime_h_per_year, &b->downtime_h_per_year);
	a->incidents += b->incidents;
	a->censored += b->censored;
	sim_welford_merge(&a->rto_h, &b->rto_h);
	sim_sketch_merge(a->rto_sketch, b->rto_sketch);
	sim_welford_merge(&a->rpo_h, &b->rpo_h);
	sim_sketch_merge(a->rpo_sketch, b->rpo_sketch);
	a->rpo_unknown += b->rpo_unknown;
	a->lost_for_good += b->lost_for_good;
	a->rto_met += b->rto_met;
	a->rpo_met += b->rpo_met;
	a->both_met += b->both_met;
	sim_welford_merge(&a->rto_declared_h, &b->rto_declared_h);
	sim_sketch_merge(a->rto_declared_sketch, b->rto_declared_sketch);
	sim_welford_merge(&a->p_breach_per_year, &b->p_breach_per_year);
	sim_welford_merge(&a->data_loss_h_per_year, &b->data_loss_h_per_year);
	a->breach_h += b->breach_h;
	for (guint i = 0; i < r->n_down; i++)
		a->breach_down_h[i] += b->breach_down_h[i];
	for (guint y = 0; y < r->n_years; y++) {
		sim_welford_merge(&a->year_downtime_h[y], &b->year_downtime_h[y]);
		sim_sketch_merge(a->year_downtime_sketch[y],
				 b->year_downtime_sketch[y]);
	}
	for (guint i = 0; i < mdl_labels_n_causes(r->labels); i++)
		breakdown_merge(&a->by_cause[i], b->by_cause[i]);
	for (guint i = 0; i < mdl_labels_n_paths(r->labels); i++)
		breakdown_merge(&a->by_path[i], b->by_path[i]);
	if (a->hospital && b->hospital)
		mdl_hospital_merge(a->hospital, b->hospital);
	if (a->planned && b->planned)
		mdl_planned_merge(a->planned, b->planned);
}

void mdl_results_degraded(MdlResults *r, guint provider, double a, double b)
{
	MdlProviderResults *p;

	g_return_if_fail(r && provider < r->n_providers);
	p = &r->providers[provider];
	p->exits++;
	p->rep_h += fmax(0, fmin(b, r->sc->horizon_h) - a);
}

void mdl_results_switch(MdlResults *r, double t)
{
	sim_welford_add(&r->switch_h, t);
}

static guint64 count_lines(const GString *s)
{
	guint64 n = 0;

	for (gsize i = 0; i < s->len; i++)
		n += s->str[i] == '\n';
	return n;
}

static void merge_rows(MdlResults *into, const MdlResults *from)
{
	if (!from->rows || from->rows->len == 0)
		return;
	if (into->rows_out) {
		fwrite(from->rows->str, 1, from->rows->len, into->rows_out);
		into->rows_written += count_lines(from->rows);
	}
	else if (into->rows)
		g_string_append_len(into->rows, from->rows->str,
				    (gssize)from->rows->len);
}

static void merge_reps(MdlResults *into, const MdlResults *from)
{
	if (!from->reps || from->reps->len == 0)
		return;
	if (into->reps_out)
		fwrite(from->reps->data, sizeof(double), from->reps->len,
		       into->reps_out);
	else if (into->reps)
		g_array_append_vals(into->reps, from->reps->data,
				    from->reps->len);
}

void mdl_results_merge(MdlResults *into, const MdlResults *from)
{
	g_return_if_fail(into && from);
	g_return_if_fail(into->n_services == from->n_services &&
			 into->n_components == from->n_components &&
			 into->n_crews == from->n_crews &&
			 into->n_providers == from->n_providers &&
			 into->n_down == from->n_down);

	for (guint i = 0; i < into->n_services; i++)
		merge_service(into, &into->services[i], &from->services[i]);
	for (guint i = 0; i < into->n_components; i++) {
		MdlComponentResults *a = &into->components[i];
		const MdlComponentResults *b = &from->components[i];
		sim_welford_merge(&a->availability, &b->availability);
		sim_welford_merge(&a->units_up, &b->units_up);
	}
	for (guint i = 0; i < into->n_crews; i++) {
		MdlCrewResults *a = &into->crews[i];
		const MdlCrewResults *b = &from->crews[i];
		a->repairs += b->repairs;
		a->immediate += b->immediate;
		sim_welford_merge(&a->wait_h, &b->wait_h);
		sim_welford_merge(&a->reduced_h_per_y, &b->reduced_h_per_y);
	}
	for (guint i = 0; i < into->n_providers; i++) {
		into->providers[i].exits += from->providers[i].exits;
		sim_welford_merge(&into->providers[i].degraded_h_per_year,
				  &from->providers[i].degraded_h_per_year);
	}
	if (into->cost && from->cost)
		mdl_cost_results_merge(into->cost, from->cost);
	merge_rows(into, from);
	merge_reps(into, from);
	for (guint i = 0; i < from->n_services; i++)
		for (guint k = 0; k < from->n_worst[i]; k++)
			keep_worst(into, mdl_results_worst(from, i, k));
	into->replications += from->replications;
	into->events += from->events;
	sim_welford_merge(&into->switch_h, &from->switch_h);
}

/* -- the recorder of a world ------------------------------------------------ */

static void rec_incident(gpointer sink, const MdlIncident *inc)
{
	mdl_results_incident(sink, inc);
}

static void rec_censored(gpointer sink, guint service, double t0)
{
	mdl_results_censored(sink, service, t0);
}

static void rec_uptime(gpointer sink, guint service, double a, double b)
{
	mdl_results_uptime(sink, service, a, b);
}

static void rec_planned(gpointer sink, guint service, double a, double b)
{
	MdlPlanned *p = ((MdlResults *)sink)->services[service].planned;

	if (p)
		mdl_planned_add(p, a, b);
}

static void rec_occurrence(gpointer sink, guint cause, double t)
{
	mdl_results_occurrence(sink, cause, t);
}

static void rec_degraded(gpointer sink, guint provider, double a, double b)
{
	mdl_results_degraded(sink, provider, a, b);
}

static void rec_lost_for_good(gpointer sink, const char *id, double t)
{
	mdl_results_lost_for_good(sink, id, t);
}

static void rec_switched(gpointer sink, double t)
{
	mdl_results_switch(sink, t);
}

static void rec_repair_started(gpointer sink, guint crew, double wait_h)
{
	MdlCrewResults *k = &((MdlResults *)sink)->crews[crew];

	k->repairs++;
	k->immediate += wait_h == 0 ? 1 : 0;
	sim_welford_add(&k->wait_h, wait_h);
}

static void rec_crew_reduced(gpointer sink, guint crew, double reduced_h,
			     double span_h)
{
	MdlCrewResults *k = &((MdlResults *)sink)->crews[crew];

	sim_welford_add(&k->reduced_h_per_y,
			reduced_h / span_h * SIM_HOURS_PER_YEAR);
}

static void rec_component(gpointer sink, guint c, double availability,
			  double units_up)
{
	MdlComponentResults *x = &((MdlResults *)sink)->components[c];

	sim_welford_add(&x->availability, availability);
	sim_welford_add(&x->units_up, units_up);
}

static void rec_events(gpointer sink, guint64 n)
{
	((MdlResults *)sink)->events += n;
}

static void rec_end_replication(gpointer sink, const double *uptime_h)
{
	mdl_results_end_replication(sink, uptime_h);
}

static const MdlRecorder recorder = {
	.incident = rec_incident,
	.censored = rec_censored,
	.uptime = rec_uptime,
	.planned = rec_planned,
	.occurrence = rec_occurrence,
	.degraded = rec_degraded,
	.lost_for_good = rec_lost_for_good,
	.switched = rec_switched,
	.repair_started = rec_repair_started,
	.crew_reduced = rec_crew_reduced,
	.component = rec_component,
	.events = rec_events,
	.end_replication = rec_end_replication,
};

const MdlRecorder *mdl_results_recorder(void)
{
	return &recorder;
}

gboolean mdl_results_play(MdlWorld *w, guint64 rep, MdlResults *r,
			  GError **error)
{
	return mdl_world_run(w, rep, &recorder, r, error);
}

gboolean mdl_results_play_exercise(MdlWorld *w, guint64 rep,
				   const MdlInjection *inj, MdlResults *r,
				   GError **error)
{
	return mdl_world_run_exercise(w, rep, inj, &recorder, r, error);
}

gboolean mdl_results_rows_error(const MdlScenario *sc, GError **error)
{
	g_set_error(error, MDL_SCENARIO_ERROR, MDL_SCENARIO_ERROR_INVALID,
		    "more than %" G_GUINT64_FORMAT " incident rows for "
		    "incidents.csv ('max_incident_rows' of 'scenario'): play "
		    "fewer replications, or raise the limit if the disk can "
		    "hold them (about 120 bytes a row)",
		    sc->max_incident_rows);
	return FALSE;
}
