/* compare.c — runs set side by side (compare.h): playing each scenario,
 * and reading its figures back from its run's JSON tree. */
#include "models/results/compare.h"

#include <math.h>
#include <string.h>

#include "sim/units.h"

/* -- one run --------------------------------------------------------------- */

MdlComparePlay *mdl_compare_play_new(MdlScenario *sc)
{
	g_return_val_if_fail(sc, NULL);

	MdlComparePlay *p = g_new0(MdlComparePlay, 1);
	p->sc = sc;
	p->labels = mdl_labels_new(sc);
	return p;
}

gboolean mdl_compare_play_run(MdlComparePlay *p, unsigned threads,
			      FILE *incidents, GError **error)
{
	g_return_val_if_fail(p && !p->results && threads >= 1, FALSE);

	MdlResults *r = mdl_simulate(p->sc, p->labels, threads, incidents,
				     &p->info, error);
	if (!r)
		return FALSE;
	mdl_compare_play_take(p, r, &p->info);
	return TRUE;
}

void mdl_compare_play_take(MdlComparePlay *p, MdlResults *results,
			   const MdlRunInfo *info)
{
	g_return_if_fail(p && !p->root && results && info);
	p->results = results;
	p->info = *info;
	p->root = mdl_summary_json(p->sc, p->results, &p->info);
}

JsonArray *mdl_compare_play_services(const MdlComparePlay *p)
{
	g_return_val_if_fail(p && p->root, NULL);
	return json_object_get_array_member(json_node_get_object(p->root),
					    "services");
}

JsonObject *mdl_compare_play_service(const MdlComparePlay *p, const char *id)
{
	JsonArray *a = mdl_compare_play_services(p);

	g_return_val_if_fail(a && id, NULL);
	for (guint i = 0; i < json_array_get_length(a); i++) {
		JsonObject *s = json_array_get_object_element(a, i);
		if (strcmp(json_object_get_string_member(s, "id"), id) == 0)
			return s;
	}
	return NULL;
}

/* The object member key of o, NULL when o is NULL or it is not one. */
static JsonObject *object_member(JsonObject *o, const char *key)
{
	JsonNode *n = o ? json_object_get_member(o, key) : NULL;

	return n && JSON_NODE_HOLDS_OBJECT(n) ? json_node_get_object(n) : NULL;
}

JsonObject *mdl_compare_play_cost(const MdlComparePlay *p)
{
	g_return_val_if_fail(p && p->root, NULL);
	return object_member(json_node_get_object(p->root), "cost");
}

double mdl_compare_play_cost_number(const MdlComparePlay *p, const char *key,
				    const char *field)
{
	JsonObject *o = object_member(mdl_compare_play_cost(p), key);
	JsonNode *n = o ? json_object_get_member(o, field) : NULL;

	return n && JSON_NODE_HOLDS_VALUE(n) ? json_node_get_double(n) : NAN;
}

void mdl_compare_play_free(MdlComparePlay *p)
{
	if (!p)
		return;
	if (p->root)
		json_node_unref(p->root);
	mdl_results_free(p->results);
	mdl_labels_free(p->labels);
	mdl_scenario_free(p->sc);
	g_free(p);
}

/* -- figures --------------------------------------------------------------- */

typedef enum {
	KIND_FRACTION,	/* 0.992428 */
	KIND_HOURS,	/* 66.33 (hours per year) */
	KIND_RATE,	/* 8.675 (per year) */
	KIND_DURATION,	/* 5.3h */
	KIND_PERCENT,	/* 97.5% */
} Kind;

/* object.key of the service object (key of the service itself when
 * object is NULL); ci: object has a "ci95". */
static const struct {
	const char *label, *column, *object, *key;
	Kind kind;
	MdlBetter better;
	gboolean ci;
} figures[MDL_N_FIGURES] = {
	[MDL_FIGURE_AVAILABILITY] = { "availability", "availability",
		"availability", "mean", KIND_FRACTION, MDL_BETTER_HIGHER,
		TRUE },
	[MDL_FIGURE_DOWNTIME] = { "downtime h/year", "downtime_h_per_year",
		"downtime_h_per_year", "mean", KIND_HOURS, MDL_BETTER_LOWER,
		TRUE },
	[MDL_FIGURE_INCIDENTS] = { "incidents /year", "incidents_per_year",
		"incidents", "per_year", KIND_RATE, MDL_BETTER_LOWER, FALSE },
	[MDL_FIGURE_RTO_TARGET] = { "RTO target", "rto_target_h", "rto_h",
		"target", KIND_DURATION, MDL_BETTER_NONE, FALSE },
	[MDL_FIGURE_RTO_P50] = { "RTO p50", "rto_p50_h", "rto_h", "p50",
		KIND_DURATION, MDL_BETTER_LOWER, FALSE },
	[MDL_FIGURE_RTO_P95] = { "RTO p95", "rto_p95_h", "rto_h", "p95",
		KIND_DURATION, MDL_BETTER_LOWER, FALSE },
	[MDL_FIGURE_RTO_P99] = { "RTO p99", "rto_p99_h", "rto_h", "p99",
		KIND_DURATION, MDL_BETTER_LOWER, FALSE },
	[MDL_FIGURE_RTO_MET] = { "RTO met", "rto_met", "rto_h", "met",
		KIND_PERCENT, MDL_BETTER_HIGHER, FALSE },
	[MDL_FIGURE_RPO_TARGET] = { "RPO target", "rpo_target_h", "rpo_h",
		"target", KIND_DURATION, MDL_BETTER_NONE, FALSE },
	[MDL_FIGURE_RPO_P50] = { "RPO p50", "rpo_p50_h", "rpo_h", "p50",
		KIND_DURATION, MDL_BETTER_LOWER, FALSE },
	[MDL_FIGURE_RPO_P95] = { "RPO p95", "rpo_p95_h", "rpo_h", "p95",
		KIND_DURATION, MDL_BETTER_LOWER, FALSE },
	[MDL_FIGURE_RPO_P99] = { "RPO p99", "rpo_p99_h", "rpo_h", "p99",
		KIND_DURATION, MDL_BETTER_LOWER, FALSE },
	[MDL_FIGURE_RPO_MET] = { "RPO met", "rpo_met", "rpo_h", "met",
		KIND_PERCENT, MDL_BETTER_HIGHER, FALSE },
	[MDL_FIGURE_BOTH_MET] = { "both met", "both_met", NULL, "both_met",
		KIND_PERCENT, MDL_BETTER_HIGHER, FALSE },
	[MDL_FIGURE_BREACH] = { "breach in a year", "p_breach",
		"p_breach_per_year", "mean", KIND_PERCENT, MDL_BETTER_LOWER,
		TRUE },
	[MDL_FIGURE_DATA_LOSS] = { "data lost h/year", "data_loss_h_per_year",
		"data_loss_h_per_year", "mean", KIND_HOURS, MDL_BETTER_LOWER,
		TRUE },
	[MDL_FIGURE_MTPD_TARGET] = { "MTPD target", "mtpd_target_h",
		"mtpd_h", "target", KIND_DURATION, MDL_BETTER_NONE, FALSE },
	[MDL_FIGURE_MTPD_MET] = { "MTPD met", "mtpd_met", "mtpd_h", "met",
		KIND_PERCENT, MDL_BETTER_HIGHER, FALSE },
	[MDL_FIGURE_MTPD_BREACH] = { "MTPD breach in a year", "p_mtpd_breach",
		"p_mtpd_breach_per_year", "mean", KIND_PERCENT,
		MDL_BETTER_LOWER, TRUE },
};

/* The MTPD's figures: in a service object only when it has one. */
static gboolean is_mtpd(MdlFigure f)
{
	return f == MDL_FIGURE_MTPD_TARGET || f == MDL_FIGURE_MTPD_MET ||
	       f == MDL_FIGURE_MTPD_BREACH;
}

gboolean mdl_figure_shown(MdlFigure f, JsonObject *const *services, guint n)
{
	g_return_val_if_fail(f < MDL_N_FIGURES, FALSE);
	if (!is_mtpd(f))
		return TRUE;
	for (guint i = 0; i < n; i++)
		if (services[i] &&
		    json_object_has_member(services[i], "mtpd_h"))
			return TRUE;
	return FALSE;
}

const char *mdl_figure_label(MdlFigure f)
{
	g_return_val_if_fail(f < MDL_N_FIGURES, NULL);
	return figures[f].label;
}

const char *mdl_figure_column(MdlFigure f)
{
	g_return_val_if_fail(f < MDL_N_FIGURES, NULL);
	return figures[f].column;
}

MdlBetter mdl_figure_better(MdlFigure f)
{
	g_return_val_if_fail(f < MDL_N_FIGURES, MDL_BETTER_NONE);
	return figures[f].better;
}

/* A number node, or NAN for null or anything else. */
static double number(JsonNode *n)
{
	if (!n || JSON_NODE_TYPE(n) != JSON_NODE_VALUE)
		return NAN;
	return json_node_get_double(n);
}

/* The object holding the figure's key: the service or one of its
 * members; NULL when missing. */
static JsonObject *holder(MdlFigure f, JsonObject *service)
{
	if (!figures[f].object)
		return service;
	JsonNode *n = json_object_get_member(service, figures[f].object);
	return n && JSON_NODE_HOLDS_OBJECT(n) ? json_node_get_object(n) : NULL;
}

double mdl_figure_value(MdlFigure f, JsonObject *service)
{
	g_return_val_if_fail(f < MDL_N_FIGURES && service, NAN);

	JsonObject *o = holder(f, service);
	return o ? number(json_object_get_member(o, figures[f].key)) : NAN;
}

gboolean mdl_figure_ci(MdlFigure f, JsonObject *service, double *lo,
		       double *hi)
{
	g_return_val_if_fail(f < MDL_N_FIGURES && service && lo && hi, FALSE);

	JsonObject *o = holder(f, service);
	JsonNode *n = figures[f].ci && o ? json_object_get_member(o, "ci95")
					 : NULL;
	*lo = *hi = NAN;
	if (!n || !JSON_NODE_HOLDS_ARRAY(n) ||
	    json_array_get_length(json_node_get_array(n)) != 2)
		return FALSE;
	*lo = number(json_array_get_element(json_node_get_array(n), 0));
	*hi = number(json_array_get_element(json_node_get_array(n), 1));
	return isfinite(*lo) && isfinite(*hi);
}

char *mdl_figure_text(MdlFigure f, double x)
{
	char buf[32];

	g_return_val_if_fail(f < MDL_N_FIGURES, NULL);
	if (!isfinite(x))
		return g_strdup("-");
	switch (figures[f].kind) {
	case KIND_FRACTION:
		return g_strdup_printf("%.6f", x);
	case KIND_HOURS:
		return g_strdup_printf("%.2f", x);
	case KIND_RATE:
		return g_strdup_printf("%.3f", x);
	case KIND_PERCENT:
		return g_strdup_printf("%.1f%%", 100 * x);
	case KIND_DURATION:
	default:
		sim_format_duration(x, buf, sizeof buf);
		return g_strdup(buf);
	}
}

char *mdl_figure_diff_text(MdlFigure f, double d)
{
	char buf[32];

	g_return_val_if_fail(f < MDL_N_FIGURES, NULL);
	if (!isfinite(d))
		return g_strdup("-");
	switch (figures[f].kind) {
	case KIND_FRACTION:
		return g_strdup_printf("%+.6f", d);
	case KIND_HOURS:
		return g_strdup_printf("%+.2f", d);
	case KIND_RATE:
		return g_strdup_printf("%+.3f", d);
	case KIND_PERCENT:
		return g_strdup_printf("%+.1f pt", 100 * d);
	case KIND_DURATION:
	default:
		if (d == 0)
			return g_strdup("0");
		sim_format_duration(fabs(d), buf, sizeof buf);
		return g_strdup_printf("%c%s", d < 0 ? '-' : '+', buf);
	}
}


/* -- costs of a set of plays ------------------------------------------------ */

/* TRUE when every scenario has costs. */
gboolean mdl_compare_all_costed(const MdlCompareSet *c)
{
	for (guint i = 0; i < c->n; i++)
		if (!mdl_compare_play_cost(c->plays[i]))
			return FALSE;
	return TRUE;
}

/* A number of an object (NAN when null or missing). */
static double member_number(JsonObject *o, const char *key)
{
	JsonNode *n = o ? json_object_get_member(o, key) : NULL;

	return n && JSON_NODE_HOLDS_VALUE(n) ? json_node_get_double(n) : NAN;
}

/* The cumulative cost of year slice y (0: spent at t = 0) of a play:
 * FIELD ("mean", "p5", "p95") of cost.by_year[y - 1].cumulative. */
double mdl_compare_cost_year(const MdlComparePlay *p, guint y,
			     const char *field)
{
	JsonObject *cost = mdl_compare_play_cost(p);
	JsonArray *years;

	if (!cost)
		return NAN;
	if (y == 0)
		return mdl_compare_play_cost_number(p, "fixed", "at_start");
	years = json_object_get_array_member(cost, "by_year");
	if (!years || y > json_array_get_length(years))
		return NAN;
	JsonObject *slice = json_array_get_object_element(years, y - 1);
	return member_number(
		json_object_get_object_member(slice, "cumulative"), field);
}

guint mdl_compare_cost_years(const MdlComparePlay *p)
{
	JsonObject *cost = mdl_compare_play_cost(p);

	return cost ? json_array_get_length(
			      json_object_get_array_member(cost, "by_year"))
		    : 0;
}

/* The first year slice at whose end the cumulative mean costs of the two
 * scenarios have changed order (from the spending at t = 0 on), 0 when
 * they never do; *b_cheaper tells which one is cheaper from then on. */
guint mdl_compare_cost_crossing(const MdlCompareSet *c, gboolean *b_cheaper)
{
	guint n;
	double prev;

	if (c->n != 2 || !mdl_compare_all_costed(c))
		return 0;
	n = MIN(mdl_compare_cost_years(c->plays[0]),
		mdl_compare_cost_years(c->plays[1]));
	prev = mdl_compare_cost_year(c->plays[1], 0, "mean") -
	       mdl_compare_cost_year(c->plays[0], 0, "mean");
	for (guint y = 1; y <= n; y++) {
		double d = mdl_compare_cost_year(c->plays[1], y, "mean") -
			   mdl_compare_cost_year(c->plays[0], y, "mean");
		if ((d < 0 && prev >= 0) || (d > 0 && prev <= 0)) {
			*b_cheaper = d < 0;
			return y;
		}
		prev = d;
	}
	return 0;
}


/* -- paired differences ------------------------------------------------ */

struct MdlComparePairs {
	guint n, services;
	MdlPaired *service;	/* [(n − 1) × services × N_SERVICE] */
	MdlPaired *cost;	/* [(n − 1) × N_COST], or NULL */
};

/* One side of a pair: play i's stream, the service of id (or none). */
static MdlPairedSide side_of(const MdlCompareSet *c, FILE *const *reps,
			     guint i, const char *id)
{
	const MdlComparePlay *p = c->plays[i];
	MdlPairedSide s = { reps[i], mdl_results_rep_width(p->results), 0,
			    p->sc->n_services * MDL_REP_PER_SERVICE,
			    p->sc->horizon_h / SIM_HOURS_PER_YEAR };

	if (id)
		s.service = (guint)mdl_scenario_find_service(p->sc, id);
	return s;
}

/* Whether service id of play i has an MTPD. */
static gboolean has_mtpd(const MdlCompareSet *c, guint i, const char *id)
{
	const MdlScenario *sc = c->plays[i]->sc;
	gint s = mdl_scenario_find_service(sc, id);

	return s >= 0 && isfinite(sc->services[s].mtpd_h);
}

gboolean mdl_compare_paired_exists(const MdlCompareSet *c, guint j, guint k,
				   MdlPairedFigure f)
{
	const char *id;

	g_return_val_if_fail(c && j < c->n && k < c->common->len, FALSE);
	if (f != MDL_PAIRED_MTPD_MET && f != MDL_PAIRED_MTPD_BREACH)
		return TRUE;
	id = g_ptr_array_index(c->common, k);
	return has_mtpd(c, 0, id) && has_mtpd(c, j, id);
}

/* Scenario j against the first, into the slots of j. */
static gboolean pair_one(const MdlCompareSet *c, FILE *const *reps, guint j,
			 MdlComparePairs *p, GError **error)
{
	guint64 n = c->plays[0]->results->replications;

	for (guint k = 0; k < p->services; k++) {
		const char *id = g_ptr_array_index(c->common, k);
		MdlPairedSide a = side_of(c, reps, 0, id);
		MdlPairedSide b = side_of(c, reps, j, id);
		MdlPaired *out = p->service + ((j - 1) * p->services + k) *
						      MDL_PAIRED_N_SERVICE;
		if (!mdl_paired_service(&a, &b, n, out, error))
			return FALSE;
		/* a side without an MTPD has no MTPD figure to differ by */
		for (guint f = MDL_PAIRED_MTPD_MET; f <= MDL_PAIRED_MTPD_BREACH;
		     f++)
			if (!mdl_compare_paired_exists(c, j, k, f))
				out[f] = (MdlPaired){ NAN, NAN, NAN };
	}
	if (!p->cost)
		return TRUE;
	MdlPairedSide a = side_of(c, reps, 0, NULL);
	MdlPairedSide b = side_of(c, reps, j, NULL);
	return mdl_paired_costs(&a, &b, n,
				p->cost + (j - 1) * MDL_PAIRED_N_COST, error);
}

MdlComparePairs *mdl_compare_pairs_new(const MdlCompareSet *c,
				       FILE *const *reps, GError **error)
{
	g_return_val_if_fail(c && reps && c->n >= 1, NULL);
	MdlComparePairs *p = g_new0(MdlComparePairs, 1);

	p->n = c->n;
	p->services = c->common->len;
	p->service = g_new(MdlPaired, (gsize)(c->n - 1) * p->services *
					      MDL_PAIRED_N_SERVICE + 1);
	if (mdl_compare_all_costed(c))
		p->cost = g_new(MdlPaired,
				(gsize)(c->n - 1) * MDL_PAIRED_N_COST + 1);
	for (guint j = 1; j < c->n; j++)
		if (!pair_one(c, reps, j, p, error)) {
			mdl_compare_pairs_free(p);
			return NULL;
		}
	return p;
}

void mdl_compare_pairs_free(MdlComparePairs *p)
{
	if (!p)
		return;
	g_free(p->service);
	g_free(p->cost);
	g_free(p);
}

const MdlPaired *mdl_compare_pairs_service(const MdlComparePairs *p,
					   guint j, guint k,
					   MdlPairedFigure f)
{
	g_return_val_if_fail(p && j >= 1 && j < p->n && k < p->services &&
				     f < MDL_PAIRED_N_SERVICE,
			     NULL);
	return &p->service[((j - 1) * p->services + k) * MDL_PAIRED_N_SERVICE +
			   f];
}

const MdlPaired *mdl_compare_pairs_cost(const MdlComparePairs *p, guint j,
					MdlPairedCost f)
{
	g_return_val_if_fail(p && j >= 1 && j < p->n && f < MDL_PAIRED_N_COST,
			     NULL);
	return p->cost ? &p->cost[(j - 1) * MDL_PAIRED_N_COST + f] : NULL;
}

gboolean mdl_figure_paired(MdlFigure f, MdlPairedFigure *paired)
{
	static const struct {
		MdlFigure figure;
		MdlPairedFigure paired;
	} map[] = {
		{ MDL_FIGURE_AVAILABILITY, MDL_PAIRED_AVAILABILITY },
		{ MDL_FIGURE_DOWNTIME, MDL_PAIRED_DOWNTIME },
		{ MDL_FIGURE_INCIDENTS, MDL_PAIRED_INCIDENTS },
		{ MDL_FIGURE_RTO_MET, MDL_PAIRED_RTO_MET },
		{ MDL_FIGURE_RPO_MET, MDL_PAIRED_RPO_MET },
		{ MDL_FIGURE_BOTH_MET, MDL_PAIRED_BOTH_MET },
		{ MDL_FIGURE_BREACH, MDL_PAIRED_BREACH },
		{ MDL_FIGURE_DATA_LOSS, MDL_PAIRED_DATA_LOSS },
		{ MDL_FIGURE_MTPD_MET, MDL_PAIRED_MTPD_MET },
		{ MDL_FIGURE_MTPD_BREACH, MDL_PAIRED_MTPD_BREACH },
	};

	for (guint i = 0; i < G_N_ELEMENTS(map); i++)
		if (map[i].figure == f) {
			*paired = map[i].paired;
			return TRUE;
		}
	return FALSE;
}
