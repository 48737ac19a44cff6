/* costs.c — reading the optional `costs` group of a scenario (see
 * "Costs" in docs/scenario-format.md; the model: docs/model.md).  Every
 * key is optional and 0 when absent, so that a file states only the
 * costs it knows; the budget keys (indexation, discounting, prices per
 * TB and per link) are also remembered as given (MdlCosts.budget), so
 * that the outputs of a file without them stay as they were. */
#include "scenario-private.h"

#include <math.h>
#include <string.h>

static const char *const cost_keys[] = {
	"currency",	     "capex",	  "lifetime",
	"refresh",	     "opex_per_year", "staff",
	"project",	     "downtime_per_hour", "data_loss_per_hour",
	"data_loss_total",   "per_event",	  "per_tb_year",
	"per_link_year",     "indexation",	  "discount_rate",
	NULL};
/* The keys of an IT department's budget: any of them shows it. */
static const char *const budget_keys[] = {"per_tb_year", "per_link_year",
					  "indexation", "discount_rate",
					  NULL};
static const char *const per_tb_keys[] = {"amount", "of", "copies", NULL};
static const char *const per_link_keys[] = {"amount", "count", NULL};
static const char *const staff_keys[] = {"fte", "cost_per_fte", NULL};
static const char *const project_keys[] = {"cost", "lead_time", "replaces",
						 NULL};
static const char *const event_keys[] = {"cause", "cost", NULL};

/* Reports "KEY must be >= 0 in CTX (got VALUE)". */
static gboolean negative(Loader *ld, const config_setting_t *s,
			 const char *ctx)
{
	g_autofree char *key = ld_key(s);
	g_autofree char *got = ld_value_text(s);

	ld_error(ld, s, "%s must be >= 0 in %s (got %s)", key, ctx, got);
	return FALSE;
}

gboolean ld_parse_amount(const char *text, double *out)
{
	char *end;
	double v = g_ascii_strtod(text, &end), scale = 1;

	if (end == text || !isfinite(v))
		return FALSE;
	while (g_ascii_isspace(*end))
		end++;
	switch (*end) {
	case 'k':
	case 'K':
		scale = 1e3;
		end++;
		break;
	case 'M':
		scale = 1e6;
		end++;
		break;
	case 'G':
		scale = 1e9;
		end++;
		break;
	default:
		break;
	}
	while (g_ascii_isspace(*end))
		end++;
	if (*end)
		return FALSE;
	*out = v * scale;
	return TRUE;
}

gboolean ld_amount(Loader *ld, const config_setting_t *s, const char *ctx,
		   double *out)
{
	double v;

	if (config_setting_type(s) == CONFIG_TYPE_STRING) {
		const char *text = config_setting_get_string(s);
		if (!ld_parse_amount(text, &v)) {
			g_autofree char *key = ld_key(s);
			g_autofree char *got = ld_value_text(s);
			ld_error(ld, s,
				 "%s in %s: bad amount %s (expected a number, "
				 "or a string like \"150k\" or \"1.5M\")",
				 key, ctx, got);
			return FALSE;
		}
	} else if (!ld_number(ld, s, ctx, &v)) {
		return FALSE;
	}
	if (v < 0)
		return negative(ld, s, ctx);
	*out = v;
	return TRUE;
}

/* The optional amount `key` of g into *out (left alone when absent). */
static void amount_of(Loader *ld, const config_setting_t *g, const char *key,
		      const char *ctx, double *out)
{
	config_setting_t *s = config_setting_get_member(g, key);

	if (s)
		ld_amount(ld, s, ctx, out);
}

static void read_staff(Loader *ld, const config_setting_t *g, MdlCosts *c)
{
	const char *ctx = "'staff' of 'costs'";
	config_setting_t *staff = ld_group(ld, g, "staff", "'costs'");
	config_setting_t *s;
	double fte;

	if (!staff)
		return;
	ld_check_keys(ld, staff, staff_keys, ctx);
	if ((s = config_setting_get_member(staff, "fte")) &&
	    ld_number(ld, s, ctx, &fte)) {
		if (fte < 0)
			negative(ld, s, ctx);
		else
			c->fte = fte;
	}
	amount_of(ld, staff, "cost_per_fte", ctx, &c->cost_per_fte);
}

static void read_project(Loader *ld, const config_setting_t *g, MdlCosts *c)
{
	const char *ctx = "'project' of 'costs'";
	config_setting_t *project = ld_group(ld, g, "project", "'costs'");
	config_setting_t *s;

	if (!project)
		return;
	ld_check_keys(ld, project, project_keys, ctx);
	amount_of(ld, project, "cost", ctx, &c->project_cost);
	if ((s = config_setting_get_member(project, "lead_time"))) {
		ld_duration(ld, s, ctx, &c->project_lead_h);
		c->lead_line = (int)ld_line(s);
	}
	/* `replaces` names a scenario: scenario.c loads it (costs.c only
	 * reads amounts and durations) */
}

/* The amounts of the member `key` of g by id of that kind into out[n]:
 * a group of amounts by id with `default` for the others, or one amount
 * for every one.  Entries absent from the group keep their value. */
static void read_by_id(Loader *ld, const config_setting_t *g, const char *key,
		       LdKind kind, guint n, double *out)
{
	g_autofree char *ctx = g_strdup_printf("'%s' of 'costs'", key);
	config_setting_t *d = config_setting_get_member(g, key);
	config_setting_t *s;
	double v = 0;
	guint i;

	if (!d)
		return;
	if (!config_setting_is_group(d)) {
		if (ld_amount(ld, d, "'costs'", &v))
			for (i = 0; i < n; i++)
				out[i] = v;
		return;
	}
	if ((s = config_setting_get_member(d, "default")) &&
	    ld_amount(ld, s, ctx, &v))
		for (i = 0; i < n; i++)
			out[i] = v;
	for (guint k = 0; k < (guint)config_setting_length(d); k++) {
		s = config_setting_get_elem(d, k);
		const char *id = config_setting_name(s);
		if (strcmp(id, "default") == 0 ||
		    !ld_ref_id(ld, s, id, kind, ctx, &i))
			continue;
		ld_amount(ld, s, ctx, &out[i]);
	}
}

/* Rates per hour by service; what losing a dataset for good costs, by
 * dataset (NAN when not given: its hours at data_loss_per_hour). */
static void read_by_ids(Loader *ld, const config_setting_t *g,
			const MdlScenario *sc, MdlCosts *c)
{
	c->downtime_per_hour = g_new0(double, MAX(sc->n_services, 1));
	read_by_id(ld, g, "downtime_per_hour", LD_SERVICE, sc->n_services,
		   c->downtime_per_hour);
	c->data_loss_total = g_new(double, MAX(sc->n_datasets, 1));
	for (guint d = 0; d < MAX(sc->n_datasets, 1); d++)
		c->data_loss_total[d] = NAN;
	read_by_id(ld, g, "data_loss_total", LD_DATASET, sc->n_datasets,
		   c->data_loss_total);
}

static void read_event(Loader *ld, const config_setting_t *list, guint k,
		       MdlCosts *c)
{
	config_setting_t *g = ld_element(ld, list, (int)k, "per_event entry");
	config_setting_t *s;
	MdlCostEvent *e = &c->events[c->n_events];
	g_autofree char *ctx = NULL;
	const char *cause;

	if (!g)
		return;
	ctx = g_strdup_printf("'per_event'[%u] of 'costs'", k);
	ld_check_keys(ld, g, event_keys, ctx);
	e->line = (int)ld_line(g);
	if ((s = ld_required(ld, g, "cause", ctx)) &&
	    ld_text(ld, s, ctx, FALSE, &cause))
		e->cause = g_strdup(cause);
	if ((s = ld_required(ld, g, "cost", ctx)))
		ld_amount(ld, s, ctx, &e->cost);
	if (e->cause)
		c->n_events++;
}

static void read_events(Loader *ld, const config_setting_t *g, MdlCosts *c)
{
	guint n = 0;
	config_setting_t *list =
		ld_sublist(ld, g, "per_event", "'costs'", FALSE, &n);

	if (!list)
		return;
	c->events = g_new0(MdlCostEvent, MAX(n, 1));
	for (guint k = 0; k < n; k++)
		read_event(ld, list, k, c);
}

/* -- the budget keys ------------------------------------------------------ */

/* The entries of the member `key` of g: one group, or a list of groups
 * (NULL when absent or bad, after reporting); *n their number. */
static config_setting_t *entries(Loader *ld, const config_setting_t *g,
				 const char *key, guint *n)
{
	config_setting_t *s = config_setting_get_member(g, key);

	*n = 0;
	if (!s)
		return NULL;
	if (config_setting_is_group(s)) {
		*n = 1;
		return s;
	}
	if (config_setting_is_list(s) ||
	    (config_setting_is_array(s) && config_setting_length(s) == 0)) {
		*n = (guint)config_setting_length(s);
		return s;
	}
	ld_error(ld, s, "'%s' must be a group or a list of groups in "
			"'costs' (got %s)", key, ld_type_name(s));
	return NULL;
}

/* Entry k of what entries() returned, with its context ("'KEY' of
 * 'costs'", or "'KEY'[k] of 'costs'" in a list) in *ctx (g_free() it). */
static config_setting_t *entry(Loader *ld, config_setting_t *s,
			       const char *key, guint k, char **ctx)
{
	if (config_setting_is_group(s)) {
		*ctx = g_strdup_printf("'%s' of 'costs'", key);
		return s;
	}
	*ctx = g_strdup_printf("'%s'[%u] of 'costs'", key, k);
	return ld_element(ld, s, (int)k, "entry");
}

/* An optional count (`copies`, `count`) >= 1, 1 when absent. */
static guint count_of(Loader *ld, const config_setting_t *g, const char *key,
		      const char *ctx)
{
	config_setting_t *s = config_setting_get_member(g, key);
	gint64 v = 1;

	if (s && !ld_int(ld, s, ctx, 1, LD_MAX_COUNT, &v))
		return 1;
	return (guint)v;
}

/* One price per TB: `of` the datasets it prices, every one when absent. */
static void read_per_tb(Loader *ld, const config_setting_t *g,
			const MdlScenario *sc, MdlCostPerTb *e,
			const char *ctx)
{
	config_setting_t *s;

	ld_check_keys(ld, g, per_tb_keys, ctx);
	e->line = (int)ld_line(g);
	if ((s = ld_required(ld, g, "amount", ctx)))
		ld_amount(ld, s, ctx, &e->amount);
	e->copies = count_of(ld, g, "copies", ctx);
	if ((s = config_setting_get_member(g, "of"))) {
		ld_read_refs(ld, s, LD_DATASET, ctx, &e->datasets,
			     &e->n_datasets);
		return;
	}
	e->datasets = g_new0(guint, MAX(sc->n_datasets, 1));
	for (guint d = 0; d < sc->n_datasets; d++)
		e->datasets[e->n_datasets++] = d;
}

static void read_per_tbs(Loader *ld, const config_setting_t *g,
			 const MdlScenario *sc, MdlCosts *c)
{
	guint n;
	config_setting_t *list = entries(ld, g, "per_tb_year", &n);

	if (!list)
		return;
	c->per_tb = g_new0(MdlCostPerTb, MAX(n, 1));
	for (guint k = 0; k < n; k++) {
		g_autofree char *ctx = NULL;
		config_setting_t *e = entry(ld, list, "per_tb_year", k, &ctx);
		if (e)
			read_per_tb(ld, e, sc, &c->per_tb[c->n_per_tb++], ctx);
	}
}

/* Prices per link: their sum, amount × count of each. */
static void read_per_links(Loader *ld, const config_setting_t *g,
			   MdlCosts *c)
{
	guint n;
	config_setting_t *list = entries(ld, g, "per_link_year", &n);

	for (guint k = 0; list && k < n; k++) {
		g_autofree char *ctx = NULL;
		config_setting_t *e = entry(ld, list, "per_link_year", k, &ctx);
		config_setting_t *s;
		double amount = 0;

		if (!e)
			continue;
		ld_check_keys(ld, e, per_link_keys, ctx);
		if ((s = ld_required(ld, e, "amount", ctx)))
			ld_amount(ld, s, ctx, &amount);
		c->links_per_year += amount * count_of(ld, e, "count", ctx);
	}
}

/* Indexation, discounting and the prices that follow the data and the
 * links. */
static void read_budget(Loader *ld, const config_setting_t *g,
			const MdlScenario *sc, MdlCosts *c)
{
	config_setting_t *s;

	for (guint k = 0; budget_keys[k]; k++)
		if (config_setting_get_member(g, budget_keys[k]))
			c->budget = TRUE;
	if ((s = config_setting_get_member(g, "indexation")))
		ld_percent(ld, s, "'costs'", &c->indexation);
	if ((s = config_setting_get_member(g, "discount_rate")))
		ld_percent(ld, s, "'costs'", &c->discount_rate);
	read_per_tbs(ld, g, sc, c);
	read_per_links(ld, g, c);
}

/* capex, its lifetime and the refresh fraction. */
static void read_capex(Loader *ld, const config_setting_t *g, MdlCosts *c)
{
	config_setting_t *s;
	double refresh;

	amount_of(ld, g, "capex", "'costs'", &c->capex);
	if ((s = config_setting_get_member(g, "lifetime")))
		ld_duration(ld, s, "'costs'", &c->lifetime_h);
	if ((s = config_setting_get_member(g, "refresh")) &&
	    ld_percent(ld, s, "'costs'", &refresh))
		c->refresh = refresh;
}

void ld_read_costs(Loader *ld, const config_setting_t *root, MdlScenario *sc)
{
	config_setting_t *g = ld_group(ld, root, "costs", "the file");
	config_setting_t *s;
	const char *currency;
	MdlCosts *c;

	if (!g)
		return;
	c = g_new0(MdlCosts, 1);
	sc->costs = c;
	c->line = (int)ld_line(g);
	c->refresh = 1;
	ld_check_keys(ld, g, cost_keys, "'costs'");
	if ((s = config_setting_get_member(g, "currency")) &&
	    ld_text(ld, s, "'costs'", FALSE, &currency))
		c->currency = g_strdup(currency);
	if (!c->currency)
		c->currency = g_strdup("EUR");
	read_capex(ld, g, c);
	amount_of(ld, g, "opex_per_year", "'costs'", &c->opex_per_year);
	read_staff(ld, g, c);
	read_project(ld, g, c);
	read_by_ids(ld, g, sc, c);
	amount_of(ld, g, "data_loss_per_hour", "'costs'",
		  &c->data_loss_per_hour);
	read_events(ld, g, c);
	read_budget(ld, g, sc, c);
}

void ld_costs_free(MdlCosts *costs)
{
	if (!costs)
		return;
	for (guint i = 0; i < costs->n_events; i++)
		g_free(costs->events[i].cause);
	g_free(costs->events);
	for (guint i = 0; i < costs->n_per_tb; i++)
		g_free(costs->per_tb[i].datasets);
	g_free(costs->per_tb);
	g_free(costs->downtime_per_hour);
	g_free(costs->data_loss_total);
	g_free(costs->currency);
	g_free(costs);
}
