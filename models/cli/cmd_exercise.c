/* cmd_exercise.c — `drsim exercise SCENARIO --inject WHAT@WHEN`: rehearse
 * one disaster.  Every replication starts with everything up, nothing
 * fails but the injection, and every random delay of the recovery is
 * drawn; the report gives each step's time from the injection (p5, p50,
 * p95), the RTO and RPO reached against the targets, and the timeline of
 * replication 0 step by step; with --observed, where each measured step
 * of a real drill falls among the simulated times of the same step. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "models/cli/commands.h"
#include "models/report/drill_report.h"
#include "models/scenario/drill.h"
#include "models/scenario/labels.h"
#include "models/results/drill_fit.h"
#include "models/results/results.h"
#include "models/scenario/scenario.h"
#include "models/world/world.h"
#include "sim/units.h"

/* The steps of one service over all replications: for each label, the
 * time from the injection of its first occurrence in each replication. */
typedef struct {
	GPtrArray *labels;	/* char *, in order of first appearance */
	GHashTable *times;	/* label -> GArray of double */
	GArray *rto, *rpo;	/* per replication with an incident */
	guint rto_met, rpo_met, both_met, incidents, unrecovered;
} Phases;

typedef struct {
	const MdlScenario *sc;
	double at;
	Phases *svc;		/* [n_services] */
	GHashTable *seen;	/* "service\tlabel" seen in this replication */
	GString *timeline;	/* replication 0, as text */
	gboolean record_timeline;
	GPtrArray *dataset_users;	/* per dataset: GArray of services */
	const MdlDrill *drill;	/* --observed, or NULL */
	MdlDrillFit *fits;	/* [drill->n_steps], once played */
} Exercise;

static void phases_add(Phases *p, const char *label, double dt)
{
	GArray *a = g_hash_table_lookup(p->times, label);

	if (!a) {
		a = g_array_new(FALSE, FALSE, sizeof(double));
		g_ptr_array_add(p->labels, g_strdup(label));
		g_hash_table_insert(p->times, g_strdup(label), a);
	}
	g_array_append_val(a, dt);
}

/* The label of a step: "failover started dc2" is kept whole; service
 * states become "down" and "restored". */
static void record(Exercise *ex, guint s, const char *label, double t)
{
	g_autofree char *key = g_strdup_printf("%u\t%s", s, label);

	if (!g_hash_table_add(ex->seen, g_steal_pointer(&key)))
		return;		/* the first occurrence only */
	phases_add(&ex->svc[s], label, t - ex->at);
}

/* A step of a component (its rebuild elsewhere): for every service that
 * requires it. */
static void record_component_step(Exercise *ex, const char *id,
				  const char *what, double t)
{
	const MdlScenario *sc = ex->sc;
	gint c = mdl_scenario_find_component(sc, id);

	for (guint s = 0; c >= 0 && s < sc->n_services; s++)
		for (guint i = 0; i < sc->services[s].n_requires; i++)
			if (sc->services[s].requires[i] == (guint)c) {
				record(ex, s, what, t);
				break;
			}
}

static void on_trace(double t, MdlTraceKind kind, const char *id,
		     const char *what, gpointer data)
{
	Exercise *ex = data;
	const MdlScenario *sc = ex->sc;

	if (ex->record_timeline) {
		g_autofree char *when = sim_calendar_format(&sc->calendar, t);
		char off[32];
		sim_format_duration(t - ex->at, off, sizeof off);
		g_string_append_printf(ex->timeline, "  %s  +%-8s %s %s %s\n",
				       when, off,
				       kind == MDL_TRACE_COMPONENT ? "component"
				       : kind == MDL_TRACE_SERVICE ? "service"
								   : "step",
				       id, what);
	}
	if (kind == MDL_TRACE_SERVICE) {
		gint s = mdl_scenario_find_service(sc, id);
		if (s >= 0)
			record(ex, (guint)s,
			       strcmp(what, "down") == 0 ? "down" : "restored", t);
	} else if (kind == MDL_TRACE_STEP) {
		gint s = mdl_scenario_find_service(sc, id);
		gint d = s < 0 ? -1 : -2;
		for (guint i = 0; s < 0 && i < sc->n_datasets; i++)
			if (strcmp(sc->datasets[i].id, id) == 0)
				d = (gint)i;
		if (s >= 0) {
			record(ex, (guint)s, what, t);
		} else if (d >= 0) {
			GArray *users = g_ptr_array_index(ex->dataset_users,
							  (guint)d);
			for (guint i = 0; i < users->len; i++)
				record(ex, g_array_index(users, guint, i), what, t);
		} else {
			record_component_step(ex, id, what, t);
		}
	}
}

/* RTO and RPO of each service's first incident, from the incident rows
 * of one replication. */
static void take_incidents(Exercise *ex, const MdlResults *r)
{
	g_auto(GStrv) rows = g_strsplit(r->rows->str, "\n", -1);
	g_autofree gboolean *done = g_new0(gboolean, ex->sc->n_services);

	for (char **row = rows; *row && **row; row++) {
		g_auto(GStrv) f = g_strsplit(*row, ",", -1);
		gint s = mdl_scenario_find_service(ex->sc, f[1]);
		if (s < 0 || done[s])
			continue;
		done[s] = TRUE;
		Phases *p = &ex->svc[s];
		const MdlService *sv = &ex->sc->services[s];
		double rto = g_ascii_strtod(f[9], NULL);
		double rpo = *f[10] ? g_ascii_strtod(f[10], NULL) : NAN;
		p->incidents++;
		g_array_append_val(p->rto, rto);
		if (!isnan(rpo))
			g_array_append_val(p->rpo, rpo);
		p->rto_met += rto <= sv->rto_h;
		p->rpo_met += !isnan(rpo) && rpo <= sv->rpo_h;
		p->both_met += rto <= sv->rto_h && !isnan(rpo) && rpo <= sv->rpo_h;
	}
	for (guint s = 0; s < ex->sc->n_services; s++)
		ex->svc[s].unrecovered += r->services[s].censored ? 1 : 0;
}

/* -- statistics of a list ------------------------------------------------ */

typedef MdlDrillSpread Spread;

/* p5, p50, p95 of a list (sorted in place), as a drill's fits take them
 * (results/drill_fit.h). */
static Spread spread(GArray *a)
{
	return a ? mdl_drill_spread((double *)(void *)a->data, a->len)
		 : mdl_drill_spread(NULL, 0);
}

/* The times of a drill step over the replications: the step's, or the
 * RTO and RPO reached; NULL when it never happened. */
static GArray *step_times(const Exercise *ex, const MdlDrillStep *st)
{
	Phases *p = &ex->svc[st->service];

	if (strcmp(st->step, MDL_DRILL_RTO) == 0)
		return p->rto;
	if (strcmp(st->step, MDL_DRILL_RPO) == 0)
		return p->rpo;
	return g_hash_table_lookup(p->times, st->step);
}

/* Each measured step of the drill placed among its simulated times. */
static void fit_drill(Exercise *ex, guint64 reps)
{
	const MdlDrill *d = ex->drill;

	ex->fits = g_new0(MdlDrillFit, d->n_steps);
	for (guint i = 0; i < d->n_steps; i++) {
		GArray *a = step_times(ex, &d->steps[i]);
		ex->fits[i] = mdl_drill_fit(a ? (double *)(void *)a->data
					      : NULL,
					    a ? a->len : 0, reps,
					    d->steps[i].measured_h);
	}
}

static const char *dur(double h, char buf[32])
{
	if (!isfinite(h))
		return "-";
	sim_format_duration(h, buf, 32);
	return buf;
}

/* -- reports ------------------------------------------------------------- */

/* A service the injection never took down, named when the drill
 * measured steps of it. */
static void table_unhit(GString *s, const Exercise *ex, guint i,
			guint64 reps)
{
	GString *block = g_string_new(NULL);

	mdl_drill_table(block, ex->drill, ex->fits, i, reps);
	if (block->len)
		g_string_append_printf(s, "\nService %s: never down in the "
					  "simulation\n%s",
				       ex->sc->services[i].id, block->str);
	g_string_free(block, TRUE);
}

static void table_service(GString *s, const Exercise *ex, guint i,
			  guint64 reps)
{
	const MdlService *sv = &ex->sc->services[i];
	Phases *p = &ex->svc[i];
	char b[4][32];

	if (p->labels->len == 0) {
		if (ex->drill)	/* its drill steps still get their block */
			table_unhit(s, ex, i, reps);
		return;
	}
	g_string_append_printf(s, "\nService %s (RTO target %s, RPO target %s)\n",
			       sv->id, dur(sv->rto_h, b[0]), dur(sv->rpo_h, b[1]));
	g_string_append_printf(s, "  %-36s %-9s %-9s %-9s %s\n",
			       "step (time from the injection)", "p5", "p50",
			       "p95", "replications");
	for (guint k = 0; k < p->labels->len; k++) {
		const char *label = g_ptr_array_index(p->labels, k);
		Spread sp = spread(g_hash_table_lookup(p->times, label));
		g_string_append_printf(s, "  %-36s %-9s %-9s %-9s %u\n", label,
				       dur(sp.p5, b[0]), dur(sp.p50, b[1]),
				       dur(sp.p95, b[2]), sp.n);
	}
	Spread rto = spread(p->rto), rpo = spread(p->rpo);
	g_string_append_printf(s, "  %-36s %-9s %-9s %-9s\n", "RTO reached",
			       dur(rto.p5, b[0]), dur(rto.p50, b[1]),
			       dur(rto.p95, b[2]));
	g_string_append_printf(s, "  %-36s %-9s %-9s %-9s\n", "RPO reached",
			       dur(rpo.p5, b[0]), dur(rpo.p50, b[1]),
			       dur(rpo.p95, b[2]));
	double n = p->incidents ? (double)p->incidents : NAN;
	g_string_append_printf(s, "  met: RTO %.1f%%, RPO %.1f%%, both %.1f%%"
				  " of %u recoveries; not recovered by the "
				  "horizon in %u of %" G_GUINT64_FORMAT
				  " replications\n",
			       100 * p->rto_met / n, 100 * p->rpo_met / n,
			       100 * p->both_met / n, p->incidents,
			       p->unrecovered, reps);
	if (ex->drill)
		mdl_drill_table(s, ex->drill, ex->fits, i, reps);
}

static char *report_table(const Exercise *ex, const char *what,
			  guint64 reps)
{
	GString *s = g_string_new(NULL);
	g_autofree char *when = sim_calendar_format(&ex->sc->calendar, ex->at);

	g_string_append_printf(s, "drsim %s — exercise on %s (%s)\n",
			       DRSIM_VERSION, ex->sc->name, ex->sc->file);
	g_string_append_printf(s, "%s at %s (t = %g h), %" G_GUINT64_FORMAT
				  " replications, seed %" G_GUINT64_FORMAT "\n",
			       what, when, ex->at, reps, ex->sc->seed);
	for (guint i = 0; i < ex->sc->n_services; i++)
		table_service(s, ex, i, reps);
	g_string_append(s, "\nTimeline of replication 0\n");
	g_string_append(s, ex->timeline->str);
	return g_string_free(s, FALSE);
}

static void json_spread(JsonBuilder *b, const char *key, GArray *a)
{
	Spread sp = spread(a);
	const double v[] = { sp.p5, sp.p50, sp.p95 };
	const char *const k[] = { "p5", "p50", "p95" };

	json_builder_set_member_name(b, key);
	json_builder_begin_object(b);
	for (int i = 0; i < 3; i++) {
		json_builder_set_member_name(b, k[i]);
		if (isfinite(v[i]))
			json_builder_add_double_value(b, v[i]);
		else
			json_builder_add_null_value(b);
	}
	json_builder_set_member_name(b, "count");
	json_builder_add_int_value(b, sp.n);
	json_builder_end_object(b);
}

static void json_service(JsonBuilder *b, const Exercise *ex, guint i)
{
	Phases *p = &ex->svc[i];

	json_builder_begin_object(b);
	json_builder_set_member_name(b, "id");
	json_builder_add_string_value(b, ex->sc->services[i].id);
	json_builder_set_member_name(b, "steps");
	json_builder_begin_array(b);
	for (guint k = 0; k < p->labels->len; k++) {
		const char *label = g_ptr_array_index(p->labels, k);
		json_builder_begin_object(b);
		json_builder_set_member_name(b, "step");
		json_builder_add_string_value(b, label);
		json_spread(b, "from_injection_h",
			    g_hash_table_lookup(p->times, label));
		json_builder_end_object(b);
	}
	json_builder_end_array(b);
	json_spread(b, "rto_h", p->rto);
	json_spread(b, "rpo_h", p->rpo);
	const char *const keys[] = { "recoveries", "rto_met", "rpo_met",
				     "both_met", "not_recovered" };
	const guint vals[] = { p->incidents, p->rto_met, p->rpo_met,
			       p->both_met, p->unrecovered };
	for (int k = 0; k < 5; k++) {
		json_builder_set_member_name(b, keys[k]);
		json_builder_add_int_value(b, vals[k]);
	}
	json_builder_end_object(b);
}

static char *report_json(const Exercise *ex, const char *what, guint64 reps)
{
	g_autoptr(JsonBuilder) b = json_builder_new();

	json_builder_begin_object(b);
	json_builder_set_member_name(b, "drsim");
	json_builder_begin_object(b);
	json_builder_set_member_name(b, "version");
	json_builder_add_string_value(b, DRSIM_VERSION);
	json_builder_end_object(b);
	json_builder_set_member_name(b, "scenario");
	json_builder_begin_object(b);
	json_builder_set_member_name(b, "name");
	json_builder_add_string_value(b, ex->sc->name);
	json_builder_set_member_name(b, "file");
	json_builder_add_string_value(b, ex->sc->file);
	json_builder_end_object(b);
	json_builder_set_member_name(b, "inject");
	json_builder_begin_object(b);
	json_builder_set_member_name(b, "what");
	json_builder_add_string_value(b, what);
	json_builder_set_member_name(b, "at_h");
	json_builder_add_double_value(b, ex->at);
	json_builder_end_object(b);
	json_builder_set_member_name(b, "seed");
	json_builder_add_int_value(b, (gint64)ex->sc->seed);
	json_builder_set_member_name(b, "replications");
	json_builder_add_int_value(b, (gint64)reps);
	json_builder_set_member_name(b, "services");
	json_builder_begin_array(b);
	for (guint i = 0; i < ex->sc->n_services; i++)
		if (ex->svc[i].labels->len)
			json_service(b, ex, i);
	json_builder_end_array(b);
	if (ex->drill)
		mdl_drill_json(b, ex->drill, ex->fits, ex->sc);
	json_builder_set_member_name(b, "timeline");
	json_builder_add_string_value(b, ex->timeline->str);
	json_builder_end_object(b);
	g_autoptr(JsonNode) root = json_builder_get_root(b);
	g_autofree char *text = json_to_string(root, TRUE);
	return g_strconcat(text, "\n", NULL);
}

/* exercise.dat: per service a block, one row per step: index, p5, p50,
 * p95 (hours from the injection) and the label; exercise.gp draws each
 * step as a bar from p5 to p95 with its median, a Gantt of the phases. */
static char *gantt_dat(const Exercise *ex)
{
	GString *s = g_string_new("# row p5_h p50_h p95_h label\n");
	guint row = 0;

	for (guint i = 0; i < ex->sc->n_services; i++) {
		Phases *p = &ex->svc[i];
		if (!p->labels->len)
			continue;
		g_string_append_printf(s, "# service %s\n", ex->sc->services[i].id);
		for (guint k = 0; k < p->labels->len; k++) {
			const char *label = g_ptr_array_index(p->labels, k);
			Spread sp = spread(g_hash_table_lookup(p->times, label));
			char b[3][G_ASCII_DTOSTR_BUF_SIZE];
			g_string_append_printf(
				s, "%u %s %s %s \"%s: %s\"\n", row++,
				g_ascii_dtostr(b[0], sizeof b[0], sp.p5),
				g_ascii_dtostr(b[1], sizeof b[1], sp.p50),
				g_ascii_dtostr(b[2], sizeof b[2], sp.p95),
				ex->sc->services[i].id, label);
		}
	}
	return g_string_free(s, FALSE);
}

static char *gantt_gp(const Exercise *ex, const char *what)
{
	return g_strdup_printf(
		"# Gantt of the exercise's phases: p5-p95 bar, median mark.\n"
		"# Render: cd DIR && gnuplot exercise.gp\n"
		"set encoding utf8\n"
		"set title \"%s: %s — time of each step from the injection "
		"(p5–p95, median)\"\n"
		"set xlabel \"hours from the injection (log scale; an instant "
		"step is drawn at 1 min)\"\n"
		"set logscale x\n"
		"lo(x) = x < 1.0/60 ? 1.0/60 : x\n"
		"set ytics scale 0 font \",9\"\n"
		"set yrange [-1:*] reverse\n"
		"set grid xtics\n"
		"set key outside top center horizontal\n"
		"set style fill solid 0.6\n"
		"do for [fmt in \"png svg\"] {\n"
		"  if (fmt eq \"png\") { set terminal pngcairo size 1200,800 "
		"font \",11\"; set output \"exercise.png\" }\n"
		"  else { set terminal svg size 1200,800; set output "
		"\"exercise.svg\" }\n"
		"  plot \"exercise.dat\" using (sqrt(lo($2)*lo($4))):1:(lo($2)):"
		"(lo($4)):($1-0.3):($1+0.3):yticlabels(5) with boxxyerror "
		"title \"p5–p95\", \\\n"
		"       \"\" using (lo($3)):1 with points pt 7 ps 1.2 "
		"title \"median\"\n"
		"}\n",
		ex->sc->name, what);
}

/* -- the command --------------------------------------------------------- */

typedef struct {
	gint64 replications, seed;
	char *inject, *format, *out, *observed;
	gboolean plot;
	char **sets, **args;
} Options;

static void options_clear(Options *o)
{
	g_free(o->inject);
	g_free(o->format);
	g_free(o->out);
	g_free(o->observed);
	g_strfreev(o->sets);
	g_strfreev(o->args);
}

static gboolean parse_options(int argc, char **argv, Options *o,
			      GError **error)
{
	GOptionEntry entries[] = {
		{ "inject", 'i', 0, G_OPTION_ARG_STRING, &o->inject,
		  "The disaster: site:ID:outage[:DURATION], "
		  "site:ID:destroyed[:REBUILD], component:ID:failure:MODE or "
		  "ransomware:SITE[:REBUILD]; WHEN a date-time or +OFFSET",
		  "WHAT@WHEN" },
		{ "replications", 'r', 0, G_OPTION_ARG_INT64, &o->replications,
		  "Replications (default 1000)", "N" },
		{ "seed", 's', 0, G_OPTION_ARG_INT64, &o->seed,
		  "Seed (default: the scenario's)", "S" },
		{ "set", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o->sets,
		  "Override a value of the scenario (repeatable)", "KEY=VALUE" },
		{ "format", 'f', 0, G_OPTION_ARG_STRING, &o->format,
		  "table (default) or json", "FORMAT" },
		{ "observed", 0, 0, G_OPTION_ARG_FILENAME, &o->observed,
		  "The measured times of a real drill of this injection (.cfg "
		  "or .csv, times from the injection): each step's percentile "
		  "among the simulated times, flagged outside p5-p95",
		  "FILE" },
		{ "out", 'o', 0, G_OPTION_ARG_FILENAME, &o->out,
		  "Write exercise.json, exercise.dat and exercise.gp in DIR "
		  "(with --observed, drill.dat and drill.gp too)",
		  "DIR" },
		{ "plot", 0, 0, G_OPTION_ARG_NONE, &o->plot,
		  "Render the charts with gnuplot (with --out)", NULL },
		{ G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &o->args,
		  NULL, "SCENARIO" },
		{ NULL, 0, 0, 0, NULL, NULL, NULL },
	};
	g_autoptr(GOptionContext) ctx = g_option_context_new("SCENARIO");

	g_option_context_set_summary(ctx,
		"Rehearses one disaster: nothing fails but the injection, every "
		"delay of\nthe recovery is drawn; reports each step's time from "
		"the injection\n(p5, p50, p95), the RTO and RPO reached, and one "
		"timeline step by step.\n\n"
		"With --observed FILE, the measured times of a real drill are "
		"set against\nthe simulation: for each step, the percentile of "
		"the measured time (the\nshare of the replications having the "
		"step whose time is <= it), flagged\nwhen below p5 (faster than "
		"95 % of simulations) or above p95 (slower).\nFILE is a "
		"libconfig file (.cfg):\n"
		"  drill = { name = \"PRA 2026-03\"; steps = (\n"
		"    { service = \"dpi\"; step = \"detected\"; at = \"25min\"; } ); };\n"
		"or a CSV file (.csv) with the header service,step,measured.\n"
		"Steps are named as the table prints them (see docs/output.md).");
	g_option_context_add_main_entries(ctx, entries, NULL);
	if (!g_option_context_parse(ctx, &argc, &argv, error))
		return FALSE;
	if (!o->args || !o->args[0] || o->args[1] || !o->inject ||
	    o->replications < 1 ||
	    (o->format && strcmp(o->format, "table") && strcmp(o->format, "json")) ||
	    (o->plot && !o->out)) {
		g_set_error(error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
			    "expected one scenario, --inject WHAT@WHEN, "
			    "--replications >= 1, --format table or json, and "
			    "--out with --plot (see --help)");
		return FALSE;
	}
	return TRUE;
}

static void exercise_init(Exercise *ex, const MdlScenario *sc, double at)
{
	ex->sc = sc;
	ex->at = at;
	ex->svc = g_new0(Phases, sc->n_services);
	for (guint s = 0; s < sc->n_services; s++) {
		Phases *p = &ex->svc[s];
		p->labels = g_ptr_array_new_with_free_func(g_free);
		p->times = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
						 (GDestroyNotify)g_array_unref);
		p->rto = g_array_new(FALSE, FALSE, sizeof(double));
		p->rpo = g_array_new(FALSE, FALSE, sizeof(double));
	}
	ex->seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	ex->timeline = g_string_new(NULL);
	ex->drill = NULL;
	ex->fits = NULL;
	ex->dataset_users =
		g_ptr_array_new_with_free_func((GDestroyNotify)g_array_unref);
	for (guint d = 0; d < sc->n_datasets; d++)
		g_ptr_array_add(ex->dataset_users,
				g_array_new(FALSE, FALSE, sizeof(guint)));
	for (guint s = 0; s < sc->n_services; s++)
		for (guint i = 0; i < sc->services[s].n_datasets; i++)
			g_array_append_val(
				(GArray *)g_ptr_array_index(
					ex->dataset_users,
					sc->services[s].datasets[i]),
				s);
}

static void exercise_clear(Exercise *ex)
{
	for (guint s = 0; s < ex->sc->n_services; s++) {
		g_ptr_array_free(ex->svc[s].labels, TRUE);
		g_hash_table_destroy(ex->svc[s].times);
		g_array_free(ex->svc[s].rto, TRUE);
		g_array_free(ex->svc[s].rpo, TRUE);
	}
	g_ptr_array_free(ex->dataset_users, TRUE);
	g_free(ex->fits);
	g_free(ex->svc);
	g_hash_table_destroy(ex->seen);
	g_string_free(ex->timeline, TRUE);
}

static gboolean play_all(Exercise *ex, const MdlInjection *inj,
			 guint64 reps, GError **error)
{
	MdlWorld *w = mdl_world_new(ex->sc);
	gboolean ok = TRUE;

	mdl_world_set_trace(w, on_trace, ex);
	for (guint64 rep = 0; rep < reps && ok; rep++) {
		MdlResults *r = mdl_results_new(ex->sc, mdl_world_labels(w), TRUE);
		ex->record_timeline = rep == 0;
		g_hash_table_remove_all(ex->seen);
		ok = mdl_results_play_exercise(w, rep, inj, r, error);
		if (ok)
			take_incidents(ex, r);
		mdl_results_free(r);
	}
	mdl_world_free(w);
	return ok;
}

/* Runs gnuplot on DIR/NAME.gp and names the charts on stderr. */
static gboolean render(const char *dir, const char *name, GError **error)
{
	g_autofree char *script = g_strconcat(name, ".gp", NULL);
	g_autofree char *pg = g_build_filename(dir, script, NULL);
	char *argv[] = { (char *)"gnuplot", script, NULL };
	int status;
	g_autofree char *err = NULL;

	if (!g_spawn_sync(dir, argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
			  NULL, &err, &status, error))
		return FALSE;
	if (!g_spawn_check_wait_status(status, NULL)) {
		g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
			    "gnuplot failed on %s: %s", pg, err);
		return FALSE;
	}
	fprintf(stderr, "%s/%s.png\n%s/%s.svg\n", dir, name, dir, name);
	return TRUE;
}

/* DIR/name with the text, written whole or not at all (a temporary
 * renamed: g_file_set_contents). */
static gboolean write_file(const char *dir, const char *name,
			   const char *text, GError **error)
{
	g_autofree char *path = g_build_filename(dir, name, NULL);

	return g_file_set_contents(path, text, -1, error);
}

/* drill.dat and drill.gp, when --observed. */
static gboolean write_drill(const Exercise *ex, const char *dir,
			    const char *what, GError **error)
{
	if (!ex->drill)
		return TRUE;
	g_autoptr(MdlPlot) p = mdl_drill_plot(ex->drill, ex->fits, ex->sc,
					      what);
	return write_file(dir, "drill.dat", p->dat->str, error) &&
	       write_file(dir, "drill.gp", p->gp->str, error);
}

/* exercise.dat, .gp, drill.dat, .gp (--observed) and exercise.json last
 * in dir, each written atomically, rendered with --plot. */
static gboolean write_out(const Exercise *ex, const Options *o,
			  const char *what, const char *json, GError **error)
{
	g_autofree char *dat = gantt_dat(ex), *gp = gantt_gp(ex, what);

	if (g_mkdir_with_parents(o->out, 0777) != 0) {
		g_set_error(error, G_FILE_ERROR,
			    (gint)g_file_error_from_errno(errno),
			    "cannot write '%s': %s", o->out, g_strerror(errno));
		return FALSE;
	}
	if (!write_file(o->out, "exercise.dat", dat, error) ||
	    !write_file(o->out, "exercise.gp", gp, error) ||
	    !write_drill(ex, o->out, what, error) ||
	    !write_file(o->out, "exercise.json", json, error))
		return FALSE;
	g_autofree char *gnuplot = o->plot ? g_find_program_in_path("gnuplot")
					    : NULL;

	if (!o->plot)
		return TRUE;
	if (!gnuplot) {
		g_autofree char *pg = g_build_filename(o->out, "exercise.gp",
						       NULL);
		fprintf(stderr, "gnuplot not found: %s renders the chart\n",
			pg);
		return TRUE;
	}
	return render(o->out, "exercise", error) &&
	       (!ex->drill || render(o->out, "drill", error));
}

static int run(const Options *o, GError **error)
{
	g_autoptr(GPtrArray) sets = g_ptr_array_new_with_free_func(g_free);

	for (char **s = o->sets; s && *s; s++)
		g_ptr_array_add(sets, g_strdup(*s));
	if (o->seed >= 0)
		g_ptr_array_add(sets, g_strdup_printf("scenario.seed=%" G_GINT64_FORMAT,
						      o->seed));
	g_ptr_array_add(sets, NULL);
	g_autoptr(MdlScenario) sc = mdl_scenario_load(
		o->args[0], (const char *const *)sets->pdata, error);
	if (!sc)
		return SIM_EXIT_USAGE;
	g_autoptr(MdlLabels) labels = mdl_labels_new(sc);
	MdlInjection inj;
	if (!mdl_injection_parse(sc, labels, o->inject, &inj, error)) {
		mdl_injection_clear(&inj);
		return SIM_EXIT_USAGE;
	}
	g_autoptr(MdlDrill) drill = NULL;
	if (o->observed && !(drill = mdl_drill_load(o->observed, sc, error))) {
		mdl_injection_clear(&inj);
		return SIM_EXIT_USAGE;
	}
	Exercise ex;
	exercise_init(&ex, sc, inj.at_h);
	ex.drill = drill;
	guint64 reps = (guint64)o->replications;
	int code = SIM_EXIT_OK;
	if (!play_all(&ex, &inj, reps, error)) {
		code = SIM_EXIT_FAILED;
	} else {
		if (drill)
			fit_drill(&ex, reps);
		gboolean json = o->format && strcmp(o->format, "json") == 0;
		g_autofree char *js = report_json(&ex, inj.what, reps);
		g_autofree char *text = json ? NULL
					     : report_table(&ex, inj.what, reps);
		fputs(json ? js : text, stdout);
		if (o->out && !write_out(&ex, o, inj.what, js, error))
			code = SIM_EXIT_FAILED;
	}
	exercise_clear(&ex);
	mdl_injection_clear(&inj);
	return code;
}

int mdl_cmd_exercise(int argc, char **argv)
{
	Options o = { .replications = 1000, .seed = -1 };
	GError *error = NULL;
	int code;

	if (!parse_options(argc, argv, &o, &error)) {
		fprintf(stderr, "%s: %s\n", argv[0], error->message);
		code = SIM_EXIT_USAGE;
	} else {
		code = run(&o, &error);
		if (error)
			fprintf(stderr, "%s\n", error->message);
	}
	g_clear_error(&error);
	options_clear(&o);
	return code;
}
