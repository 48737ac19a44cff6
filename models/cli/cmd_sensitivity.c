/* cmd_sensitivity.c — `drsim sensitivity SCENARIO [--vary KEY=LOW,HIGH]...`:
 * plays the scenario at its base values and at each parameter's low and
 * high value, one parameter at a time, all with the same replications
 * and seed (common random numbers), and reports the tornado of each
 * service's probability of a breach in a year and of the total cost
 * (docs/output.md, "sensitivity").
 *
 * A parameter's value is read from the file (values.h), scaled with its
 * unit kept and passed back as one more --set, so the loader checks it
 * like any override; every point is loaded before the first run. */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <glib.h>

#include "models/cli/commands.h"
#include "models/cli/options.h"
#include "models/report/compare_text.h"
#include "models/report/plots.h"
#include "models/report/sensitivity.h"
#include "models/results/sensitivity.h"
#include "models/scenario/values.h"
#include "sim/cli.h"

/* The changes of the automatic set. */
static const char *const auto_change[MDL_SENS_POINTS] = { "-50%", "+50%" };

/* A parameter to vary: --vary KEY=LOW,HIGH. */
typedef struct {
	char *key;
	char *change[MDL_SENS_POINTS];
	double factor[MDL_SENS_POINTS];
} Vary;

typedef struct {
	MdlCompareOptions o;
	const char *prog;
	char **vary_args;	/* --vary, as given */
	GArray *varies;		/* Vary, in the order given */
	GPtrArray *left_out;	/* the automatic set's, or NULL */
	char **base_sets;	/* the overrides of the base */
	MdlSensitivity *sen;
} Sens;

static void sens_clear(Sens *w)
{
	for (guint i = 0; w->varies && i < w->varies->len; i++) {
		Vary *v = &g_array_index(w->varies, Vary, i);
		g_free(v->key);
		for (guint j = 0; j < MDL_SENS_POINTS; j++)
			g_free(v->change[j]);
	}
	if (w->varies)
		g_array_free(w->varies, TRUE);
	if (w->left_out)
		g_ptr_array_unref(w->left_out);
	g_strfreev(w->vary_args);
	g_strfreev(w->base_sets);
	mdl_sensitivity_free(w->sen);
	mdl_compare_options_clear(&w->o);
}

/* -- --vary --------------------------------------------------------------- */

/* A change: "-50%", "+50%", "50%" (a relative change), or "x0.5" (a
 * factor), into *factor; FALSE when it is none of them. */
static gboolean parse_change(const char *text, double *factor)
{
	const char *p = text + (*text == 'x' || *text == '+' || *text == '-');
	char *end;
	double x;

	/* a number, never "inf", "nan" or a second sign */
	if (!g_ascii_isdigit(*p) && *p != '.')
		return FALSE;
	x = g_ascii_strtod(p, &end);
	if (end == p || !isfinite(x))
		return FALSE;
	if (*text == 'x') {
		*factor = x;
		return *end == '\0';
	}
	*factor = 1 + (*text == '-' ? -x : x) / 100;
	return strcmp(end, "%") == 0;
}

/* The changes of --vary KEY=LOW,HIGH into v. */
static gboolean vary_changes(Vary *v, const char *text, GError **error)
{
	g_auto(GStrv) parts = g_strsplit(text, ",", -1);

	if (g_strv_length(parts) != MDL_SENS_POINTS)
		return mdl_cli_usage(error, "--vary '%s': expected two changes "
				    "LOW,HIGH (got '%s')", v->key, text);
	for (guint j = 0; j < MDL_SENS_POINTS; j++) {
		v->change[j] = g_strdup(parts[j]);
		if (!parse_change(parts[j], &v->factor[j]))
			return mdl_cli_usage(error, "--vary '%s': bad change '%s' "
					    "(expected a relative change "
					    "such as -50%% or +50%%, or a "
					    "factor such as x0.5)",
				     v->key, parts[j]);
		if (v->factor[j] < 0)
			return mdl_cli_usage(error, "--vary '%s': change '%s' would "
					    "make the value negative",
				     v->key, parts[j]);
	}
	return TRUE;
}

static gboolean vary_known(const Sens *w, const char *key)
{
	for (guint i = 0; i < w->varies->len; i++)
		if (strcmp(g_array_index(w->varies, Vary, i).key, key) == 0)
			return TRUE;
	return FALSE;
}

/* One --vary, appended to w->varies. */
static gboolean vary_parse(Sens *w, const char *arg, GError **error)
{
	const char *eq = strchr(arg, '=');
	Vary v = { NULL, { NULL }, { 0 } };

	if (!eq || eq == arg)
		return mdl_cli_usage(error, "--vary '%s': expected KEY=LOW,HIGH (e.g. "
				    "threats.0.rate=-50%%,+50%%)", arg);
	v.key = g_strndup(arg, (gsize)(eq - arg));
	if (vary_known(w, v.key)) {
		mdl_cli_usage(error, "--vary '%s': given twice", v.key);
		g_free(v.key);
		return FALSE;
	}
	/* appended first, so that sens_clear() frees what it holds */
	g_array_append_val(w->varies, v);
	return vary_changes(&g_array_index(w->varies, Vary,
					   w->varies->len - 1),
			    eq + 1, error);
}

/* The automatic set (values.h), each at -50% and +50%. */
static gboolean vary_auto(Sens *w, GError **error)
{
	g_autoptr(GPtrArray) chosen = NULL;
	const char *const *sets = (const char *const *)w->base_sets;

	if (!mdl_value_auto_keys(w->o.args[0], sets, MDL_VALUES_AUTO_MAX,
				 &chosen, &w->left_out, error))
		return FALSE;
	if (chosen->len == 0)
		return mdl_cli_usage(error, "no rate or duration to vary in %s: name "
				    "values with --vary KEY=LOW,HIGH",
			     w->o.args[0]);
	for (guint i = 0; i < chosen->len; i++) {
		Vary v = { g_strdup(chosen->pdata[i]), { NULL }, { 0.5, 1.5 } };
		for (guint j = 0; j < MDL_SENS_POINTS; j++)
			v.change[j] = g_strdup(auto_change[j]);
		g_array_append_val(w->varies, v);
	}
	return TRUE;
}

static gboolean choose(Sens *w, GError **error)
{
	w->varies = g_array_new(FALSE, TRUE, sizeof(Vary));
	if (!w->vary_args)
		return vary_auto(w, error);
	for (char **a = w->vary_args; *a; a++)
		if (!vary_parse(w, *a, error))
			return FALSE;
	return TRUE;
}

/* -- the points ----------------------------------------------------------- */

static gboolean load_base(Sens *w, GError **error)
{
	MdlScenario *sc;

	w->base_sets = mdl_compare_options_sets(&w->o,
						(const char *const *)w->o.sets,
						NULL);
	sc = mdl_scenario_load(w->o.args[0],
			       (const char *const *)w->base_sets, error);
	if (!sc)
		return FALSE;
	w->sen = mdl_sensitivity_new(mdl_compare_play_new(sc));
	return TRUE;
}

/* The scenario with v's key at value (text), or NULL with error set:
 * the loader's messages, then which point of which --vary. */
static MdlComparePlay *load_point(const Sens *w, const Vary *v,
				  const MdlValue *value, guint j,
				  const char *text, GError **error)
{
	g_autofree char *set = mdl_value_override(v->key, value, text);
	const char *extra[] = { set, NULL };
	g_auto(GStrv) sets = mdl_compare_options_sets(
		&w->o, (const char *const *)w->o.sets, extra);
	GError *e = NULL;
	MdlScenario *sc = mdl_scenario_load(w->o.args[0],
					    (const char *const *)sets, &e);

	if (sc)
		return mdl_compare_play_new(sc);
	g_set_error(error, MDL_SCENARIO_ERROR, MDL_SCENARIO_ERROR_INVALID,
		    "%s\n%s: --vary '%s': its %s value (%s: %s) does not load",
		    e->message, w->prog, v->key, j ? "high" : "low",
		    v->change[j], text);
	g_error_free(e);
	return NULL;
}

/* v's base value, then its low and high points, added to w->sen. */
static gboolean load_vary(Sens *w, const Vary *v, GError **error)
{
	MdlValue value;
	char *text[MDL_SENS_POINTS] = { NULL };
	MdlComparePlay *play[MDL_SENS_POINTS] = { NULL };
	GError *e = NULL;
	gboolean ok = TRUE;

	if (!mdl_value_read(w->o.args[0], (const char *const *)w->base_sets,
			    v->key, &value, &e)) {
		if (!g_error_matches(e, MDL_SCENARIO_ERROR,
				     MDL_SCENARIO_ERROR_VALUE)) {
			g_propagate_error(error, e);
			return FALSE;
		}
		mdl_cli_usage(error, "--vary '%s': %s", v->key, e->message);
		g_error_free(e);
		return FALSE;
	}
	for (guint j = 0; ok && j < MDL_SENS_POINTS; j++) {
		text[j] = mdl_value_scaled_text(&value, v->factor[j]);
		play[j] = load_point(w, v, &value, j, text[j], error);
		ok = play[j] != NULL;
	}
	if (ok)
		mdl_sensitivity_add(w->sen, v->key, value.text,
				    (const char *const *)v->change,
				    (const char *const *)text,
				    play[MDL_SENS_LOW], play[MDL_SENS_HIGH]);
	else
		mdl_compare_play_free(play[MDL_SENS_LOW]);
	for (guint j = 0; j < MDL_SENS_POINTS; j++)
		g_free(text[j]);
	mdl_value_clear(&value);
	return ok;
}

/* Every point, loaded before any is played: a bad value anywhere fails
 * before the first run. */
static gboolean load_points(Sens *w, GError **error)
{
	for (guint i = 0; i < w->varies->len; i++)
		if (!load_vary(w, &g_array_index(w->varies, Vary, i), error))
			return FALSE;
	w->sen->left_out = g_steal_pointer(&w->left_out);
	return TRUE;
}

/* -- the report ----------------------------------------------------------- */

static int report(const Sens *w)
{
	g_autofree char *json = mdl_sensitivity_report(w->sen,
						       MDL_FORMAT_JSON);
	g_autofree char *text = NULL;
	g_autoptr(GPtrArray) scripts = g_ptr_array_new_with_free_func(g_free);
	GError *error = NULL;

	if (w->o.format != MDL_FORMAT_JSON)
		text = mdl_sensitivity_report(w->sen, w->o.format);
	fputs(text ? text : json, stdout);
	fflush(stdout);
	if (w->o.out &&
	    !mdl_sensitivity_write(w->sen, w->o.out, json, scripts, &error)) {
		fprintf(stderr, "%s: %s\n", w->prog, error->message);
		g_error_free(error);
		return SIM_EXIT_FAILED;
	}
	if (w->o.plot)
		return mdl_cli_render(w->prog, w->o.out, scripts);
	return SIM_EXIT_OK;
}

/* -- the command ---------------------------------------------------------- */

static gboolean parse(Sens *w, int argc, char **argv, GError **error)
{
	GOptionEntry extra[] = {
		{ "vary", 0, 0, G_OPTION_ARG_STRING_ARRAY, &w->vary_args,
		  "Vary a numeric value (the path of --set) by two changes, "
		  "e.g. threats.0.rate=-50%,+50% or =x0.5,x2 (repeatable; "
		  "default: the automatic set)", "KEY=LOW,HIGH" },
		{ NULL, 0, 0, 0, NULL, NULL, NULL },
	};

	if (!mdl_compare_options_parse_with(
		    &w->o, argc, argv, "SCENARIO",
		    "Plays the scenario at its base values, then each "
		    "parameter alone at a low and\na high value, every run "
		    "with the same replications and seed (common random\n"
		    "numbers), and reports for each service the probability "
		    "of a breach in a\nyear, and the total cost, at base, "
		    "low and high, parameters sorted by\nswing |high - low|.  "
		    "Without --vary: the scenario's main rates and\n"
		    "durations at -50% and +50%, at most 30 (docs/output.md, "
		    "\"sensitivity\").\nWith --out DIR, also writes "
		    "DIR/tornado_breach_SERVICE.dat and .gp,\n"
		    "DIR/tornado_cost.dat and .gp and DIR/summary.json.",
		    extra, error))
		return FALSE;
	if (!w->o.args || !w->o.args[0] || w->o.args[1])
		return mdl_cli_usage(error, "expected one scenario file (see --help)");
	if (w->o.shard)
		return mdl_cli_usage(error, "--shard is not available for "
				    "sensitivity (its runs play in one "
				    "process)");
	return TRUE;
}

/* Every step up to the report; the exit code, with error set on failure
 * (the report's own failures are printed by report()). */
static int sensitivity(Sens *w, int argc, char **argv, GError **error)
{
	if (!parse(w, argc, argv, error) || !load_base(w, error) ||
	    !choose(w, error) || !load_points(w, error))
		return SIM_EXIT_USAGE;
	if (w->o.out && !mdl_compare_dir_ready(w->o.out, "summary.json", error))
		return SIM_EXIT_FAILED;
	if (!mdl_sensitivity_play(w->sen, (unsigned)w->o.threads, error)) {
		g_prefix_error(error, "%s: ", w->o.args[0]);
		mdl_cli_interrupted(w->prog, error);
		return SIM_EXIT_FAILED;
	}
	return report(w);
}

int mdl_cmd_sensitivity(int argc, char **argv)
{
	Sens w = { .o = MDL_COMPARE_OPTIONS_INIT, .prog = argv[0] };
	GError *error = NULL;
	int code = sensitivity(&w, argc, argv, &error);

	/* the loader's and the run's messages name their file already */
	if (error && (error->domain == MDL_COMPARE_ERROR ||
		      error->domain == G_OPTION_ERROR))
		fprintf(stderr, "%s: %s\n", w.prog, error->message);
	else if (error)
		fprintf(stderr, "%s\n", error->message);
	g_clear_error(&error);
	sens_clear(&w);
	return code;
}

MdlSensitivity *mdl_sensitivity_auto(const char *prog, const char *file,
				     char *const *sets, const char *horizon,
				     gint64 replications, gint64 seed,
				     unsigned threads, GError **error)
{
	Sens w = { .o = MDL_COMPARE_OPTIONS_INIT, .prog = prog };
	const char *args[] = { file, NULL };
	MdlSensitivity *sen = NULL;

	w.o.args = g_strdupv((char **)args);
	w.o.sets = g_strdupv((char **)sets);
	w.o.horizon = g_strdup(horizon);
	w.o.replications = replications;
	w.o.seed = seed;
	if (load_base(&w, error) && choose(&w, error) &&
	    load_points(&w, error) &&
	    mdl_sensitivity_play(w.sen, threads, error))
		sen = g_steal_pointer(&w.sen);
	sens_clear(&w);
	return sen;
}
