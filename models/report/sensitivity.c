/* sensitivity.c — the texts of `drsim sensitivity` (sensitivity.h): the
 * tornadoes of a played sensitivity as a table, JSON and CSV.  The
 * charts are in tornado.c. */
#include "models/report/sensitivity.h"

#include <math.h>
#include <string.h>

#include "models/report/compare_text.h"
#include "sim/cli.h"
#include "sim/units.h"

/* What a figure's numbers look like in the table. */
typedef struct {
	const char *name;	/* "breach", "cost": the CSV's figure */
	char *(*text)(double x);
	char *(*swing)(double x);
} Shape;

static char *percent_text(double x)
{
	return isfinite(x) ? g_strdup_printf("%.1f%%", 100 * x)
			   : g_strdup("-");
}

static char *points_text(double x)
{
	return isfinite(x) ? g_strdup_printf("%.1f pt", 100 * x)
			   : g_strdup("-");
}

static const Shape breach_shape = { "breach", percent_text, points_text };
static const Shape cost_shape = { "cost", mdl_compare_money,
				  mdl_compare_money };

/* -- table ---------------------------------------------------------------- */

static void table_header(GString *s, const MdlSensitivity *sen)
{
	const MdlScenario *sc = sen->base->sc;
	guint n, k = mdl_sensitivity_n(sen);
	g_autofree MdlComparePlay **plays = mdl_sensitivity_plays(sen, &n);
	guint64 events = 0;
	double wall_s = 0;
	char horizon[32];

	for (guint i = 0; i < n; i++) {
		events += plays[i]->results->events;
		wall_s += plays[i]->info.wall_s;
	}
	sim_format_duration(sc->horizon_h, horizon, sizeof horizon);
	g_string_append_printf(s, "drsim %s — sensitivity of %s (%s)\n",
			       DRSIM_VERSION, sc->name, sc->file);
	g_string_append_printf(
		s, "%u parameter%s one at a time, each at a low and a high "
		   "value: %u runs of %" G_GUINT64_FORMAT " replication%s of "
		   "%s, seed %" G_GUINT64_FORMAT " in every run (common "
		   "random numbers), %u threads, %" G_GUINT64_FORMAT
		   " events in %.2f s\n",
		k, k == 1 ? "" : "s", n, sc->replications,
		sc->replications == 1 ? "" : "s", horizon, sc->seed,
		plays[0]->info.threads, events, wall_s);
}

/* The automatic set: how many, and those its cap left out. */
static void table_automatic(GString *s, const MdlSensitivity *sen)
{
	guint k = mdl_sensitivity_n(sen);

	if (!sen->left_out)
		return;
	if (sen->left_out->len == 0) {
		g_string_append_printf(s, "automatic set: all %u parameters "
					  "found (docs/output.md)\n", k);
		return;
	}
	g_string_append_printf(s, "automatic set: %u of the %u parameters "
				  "found, one kind at a time in turn "
				  "(docs/output.md); left out:\n",
			       k, k + sen->left_out->len);
	for (guint i = 0; i < sen->left_out->len; i++)
		g_string_append_printf(s, "  %s\n",
				       (char *)sen->left_out->pdata[i]);
}

/* "0.2/y (-50%)": the value played at point j and its change. */
static char *point_text(const MdlSensParameter *p, guint j)
{
	return g_strdup_printf("%s (%s)", p->value[j], p->change[j]);
}

/* A bar whose runs gave exactly the base's figure at both points: with
 * common random numbers, a parameter that changed nothing it measures. */
static gboolean no_effect(const MdlTornado *t, const MdlTornadoBar *b)
{
	return b->low == t->base && b->high == t->base;
}

/* The line saying how many parameters had no effect, if any. */
static void table_no_effect(GString *s, const MdlTornado *t)
{
	guint n = 0;

	for (guint i = 0; i < t->n; i++)
		n += no_effect(t, &t->bars[i]) ? 1 : 0;
	if (n == t->n)
		g_string_append(s, "  no parameter changed it: the same at "
				   "every point\n");
	else if (n > 0)
		g_string_append_printf(s, "  and %u parameter%s that left it "
					  "as at base at both points\n",
				       n, n == 1 ? "" : "s");
}

/* The base line and the bars of tornado t, under a title already
 * written; the parameters without effect counted, not listed. */
static void table_tornado(GString *s, const MdlSensitivity *sen,
			  const MdlTornado *t, const Shape *sh)
{
	g_autoptr(MdlCompareGrid) g = mdl_compare_grid_new();
	g_autofree char *base = sh->text(t->base);
	g_autofree char *lo = sh->text(t->lo), *hi = sh->text(t->hi);
	static const char *const titles[] = { "parameter", "low", "high",
		"at low", "at high", "swing" };
	guint shown = 0;

	g_string_append_printf(s, "  at base  %s", base);
	if (isfinite(t->lo))
		g_string_append_printf(s, "   95%% CI [%s, %s]", lo, hi);
	g_string_append_c(s, '\n');
	mdl_compare_grid_row(g);
	for (guint i = 0; i < G_N_ELEMENTS(titles); i++)
		mdl_compare_grid_add(g, titles[i]);
	for (guint i = 0; i < t->n; i++) {
		const MdlTornadoBar *b = &t->bars[i];
		const MdlSensParameter *p =
			mdl_sensitivity_param(sen, b->param);
		if (no_effect(t, b))
			continue;
		shown++;
		mdl_compare_grid_row(g);
		mdl_compare_grid_add(g, p->key);
		mdl_compare_grid_take(g, point_text(p, MDL_SENS_LOW));
		mdl_compare_grid_take(g, point_text(p, MDL_SENS_HIGH));
		mdl_compare_grid_take(g, sh->text(b->low));
		mdl_compare_grid_take(g, sh->text(b->high));
		mdl_compare_grid_take(g, sh->swing(b->swing));
	}
	if (shown > 0)
		mdl_compare_grid_render(g, s, "  ");
	table_no_effect(s, t);
}

static char *sens_table(const MdlSensitivity *sen)
{
	const MdlScenario *sc = sen->base->sc;
	GString *s = g_string_new(NULL);
	g_autoptr(MdlTornado) cost = mdl_sensitivity_cost(sen);

	table_header(s, sen);
	table_automatic(s, sen);
	for (guint k = 0; k < sc->n_services; k++) {
		const MdlService *sv = &sc->services[k];
		g_autoptr(MdlTornado) t = mdl_sensitivity_breach(sen, sv->id);
		g_string_append_printf(s, "\nService %s — %s: breach in a "
					  "year\n", sv->id, sv->name);
		table_tornado(s, sen, t, &breach_shape);
	}
	if (cost) {
		g_string_append_printf(s, "\nTotal cost over the horizon "
					  "(%s)\n", sc->costs->currency);
		table_tornado(s, sen, cost, &cost_shape);
	}
	return g_string_free(s, FALSE);
}

/* -- JSON ----------------------------------------------------------------- */

static void json_number(JsonBuilder *b, const char *key, double x)
{
	json_builder_set_member_name(b, key);
	if (isfinite(x))
		json_builder_add_double_value(b, x);
	else
		json_builder_add_null_value(b);
}

static void json_string(JsonBuilder *b, const char *key, const char *text)
{
	json_builder_set_member_name(b, key);
	json_builder_add_string_value(b, text);
}

static void json_parameter(JsonBuilder *b, const MdlSensParameter *p)
{
	static const char *const point[] = { "low", "high" };

	json_builder_begin_object(b);
	json_string(b, "key", p->key);
	json_string(b, "base", p->base);
	for (guint j = 0; j < MDL_SENS_POINTS; j++) {
		json_builder_set_member_name(b, point[j]);
		json_builder_begin_object(b);
		json_string(b, "change", p->change[j]);
		json_string(b, "value", p->value[j]);
		json_builder_end_object(b);
	}
	json_builder_end_object(b);
}

static void json_parameters(JsonBuilder *b, const MdlSensitivity *sen)
{
	json_builder_set_member_name(b, "parameters");
	json_builder_begin_array(b);
	for (guint i = 0; i < mdl_sensitivity_n(sen); i++)
		json_parameter(b, mdl_sensitivity_param(sen, i));
	json_builder_end_array(b);
	json_builder_set_member_name(b, "automatic");
	if (!sen->left_out) {
		json_builder_add_null_value(b);
		return;
	}
	json_builder_begin_object(b);
	json_builder_set_member_name(b, "found");
	json_builder_add_int_value(b, mdl_sensitivity_n(sen) +
					      sen->left_out->len);
	json_builder_set_member_name(b, "left_out");
	json_builder_begin_array(b);
	for (guint i = 0; i < sen->left_out->len; i++)
		json_builder_add_string_value(b, sen->left_out->pdata[i]);
	json_builder_end_array(b);
	json_builder_end_object(b);
}

/* {"base": {"mean", "ci95"}, "bars": [{"key", "low", "high", "swing"}]}
 * as the member key. */
static void json_tornado(JsonBuilder *b, const char *key,
			 const MdlSensitivity *sen, const MdlTornado *t)
{
	json_builder_set_member_name(b, key);
	json_builder_begin_object(b);
	json_builder_set_member_name(b, "base");
	json_builder_begin_object(b);
	json_number(b, "mean", t->base);
	json_builder_set_member_name(b, "ci95");
	json_builder_begin_array(b);
	for (int i = 0; i < 2; i++)
		if (isfinite(i ? t->hi : t->lo))
			json_builder_add_double_value(b, i ? t->hi : t->lo);
		else
			json_builder_add_null_value(b);
	json_builder_end_array(b);
	json_builder_end_object(b);
	json_builder_set_member_name(b, "bars");
	json_builder_begin_array(b);
	for (guint i = 0; i < t->n; i++) {
		const MdlTornadoBar *bar = &t->bars[i];
		const MdlSensParameter *p =
			mdl_sensitivity_param(sen, bar->param);
		json_builder_begin_object(b);
		json_string(b, "key", p->key);
		json_number(b, "low", bar->low);
		json_number(b, "high", bar->high);
		json_number(b, "swing", bar->swing);
		json_builder_end_object(b);
	}
	json_builder_end_array(b);
	json_builder_end_object(b);
}

static void json_services(JsonBuilder *b, const MdlSensitivity *sen)
{
	const MdlScenario *sc = sen->base->sc;

	json_builder_set_member_name(b, "services");
	json_builder_begin_array(b);
	for (guint k = 0; k < sc->n_services; k++) {
		g_autoptr(MdlTornado) t =
			mdl_sensitivity_breach(sen, sc->services[k].id);
		json_builder_begin_object(b);
		json_string(b, "id", sc->services[k].id);
		json_string(b, "name", sc->services[k].name);
		json_tornado(b, "p_breach_per_year", sen, t);
		json_builder_end_object(b);
	}
	json_builder_end_array(b);
}

static void json_cost(JsonBuilder *b, const MdlSensitivity *sen)
{
	g_autoptr(MdlTornado) t = mdl_sensitivity_cost(sen);

	json_builder_set_member_name(b, "cost");
	if (!t) {
		json_builder_add_null_value(b);
		return;
	}
	json_builder_begin_object(b);
	json_string(b, "currency", sen->base->sc->costs->currency);
	json_tornado(b, "total", sen, t);
	json_builder_end_object(b);
}

static char *sens_json(const MdlSensitivity *sen)
{
	g_autoptr(JsonBuilder) b = json_builder_new();
	const MdlScenario *sc = sen->base->sc;
	guint n;
	g_autofree MdlComparePlay **plays = mdl_sensitivity_plays(sen, &n);

	json_builder_begin_object(b);
	mdl_compare_json_version(b);
	json_builder_set_member_name(b, "scenario");
	json_builder_begin_object(b);
	json_string(b, "name", sc->name);
	json_string(b, "file", sc->file);
	json_builder_end_object(b);
	json_builder_set_member_name(b, "seed");
	json_builder_add_int_value(b, (gint64)sc->seed);
	json_builder_set_member_name(b, "replications");
	json_builder_add_int_value(b, (gint64)sc->replications);
	json_parameters(b, sen);
	json_services(b, sen);
	json_cost(b, sen);
	mdl_compare_json_run(b, plays, n);
	json_builder_end_object(b);
	return mdl_compare_json_text(b);
}

/* -- CSV ------------------------------------------------------------------ */

/* ",x" with 9 significant digits, "," alone when x is not finite. */
static void csv_number(GString *s, double x)
{
	char buf[G_ASCII_DTOSTR_BUF_SIZE];

	g_string_append_c(s, ',');
	if (isfinite(x))
		g_string_append(s, g_ascii_formatd(buf, sizeof buf, "%.9g", x));
}

static void csv_field(GString *s, const char *text)
{
	g_string_append_c(s, ',');
	if (strpbrk(text, ",\"\n"))
		mdl_compare_csv_text(s, text);
	else
		g_string_append(s, text);
}

/* One row per bar of t: figure, service ("" for the cost), rank. */
static void csv_tornado(GString *s, const MdlSensitivity *sen,
			const MdlTornado *t, const char *figure,
			const char *service)
{
	for (guint i = 0; i < t->n; i++) {
		const MdlTornadoBar *b = &t->bars[i];
		const MdlSensParameter *p =
			mdl_sensitivity_param(sen, b->param);
		g_string_append(s, figure);
		csv_field(s, service);
		g_string_append_printf(s, ",%u", i + 1);
		csv_field(s, p->key);
		csv_field(s, p->base);
		for (guint j = 0; j < MDL_SENS_POINTS; j++) {
			csv_field(s, p->change[j]);
			csv_field(s, p->value[j]);
		}
		csv_number(s, t->base);
		csv_number(s, b->low);
		csv_number(s, b->high);
		csv_number(s, b->swing);
		g_string_append_c(s, '\n');
	}
}

static char *sens_csv(const MdlSensitivity *sen)
{
	const MdlScenario *sc = sen->base->sc;
	g_autoptr(MdlTornado) cost = mdl_sensitivity_cost(sen);
	GString *s = g_string_new(
		"figure,service,rank,parameter,base_value,low_change,"
		"low_value,high_change,high_value,base,at_low,at_high,"
		"swing\n");

	for (guint k = 0; k < sc->n_services; k++) {
		g_autoptr(MdlTornado) t =
			mdl_sensitivity_breach(sen, sc->services[k].id);
		csv_tornado(s, sen, t, breach_shape.name, sc->services[k].id);
	}
	if (cost)
		csv_tornado(s, sen, cost, cost_shape.name, "");
	return g_string_free(s, FALSE);
}

char *mdl_sensitivity_report(const MdlSensitivity *s, MdlFormat format)
{
	g_return_val_if_fail(s && s->base->root, NULL);
	switch (format) {
	case MDL_FORMAT_JSON:
		return sens_json(s);
	case MDL_FORMAT_CSV:
		return sens_csv(s);
	case MDL_FORMAT_TABLE:
	default:
		return sens_table(s);
	}
}
