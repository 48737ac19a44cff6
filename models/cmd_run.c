/* cmd_run.c — `drsim run SCENARIO [OPTION...]`. */
#include <stdio.h>
#include <glib.h>

#include "models/commands.h"
#include "models/outdir.h"
#include "models/report.h"
#include "models/results.h"
#include "models/scenario.h"
#include "models/simulate.h"

/* -- the command ----------------------------------------------------------- */

typedef struct {
	gint64 replications, seed;
	char *horizon, *format;
	char *out;		/* --out DIR, or NULL */
	gint threads;
	char **sets;
	char **args;
} RunOptions;

static void run_options_clear(RunOptions *o)
{
	g_free(o->horizon);
	g_free(o->format);
	g_free(o->out);
	g_strfreev(o->sets);
	g_strfreev(o->args);
}

/* The overrides: the user's --set, then the dedicated options (which win,
 * being applied last).  Validated by the loader like the file. */
static char **all_sets(const RunOptions *o)
{
	GPtrArray *a = g_ptr_array_new();

	for (char **s = o->sets; s && *s; s++)
		g_ptr_array_add(a, g_strdup(*s));
	if (o->replications >= 0)
		g_ptr_array_add(a, g_strdup_printf("scenario.replications=%" G_GINT64_FORMAT,
						   o->replications));
	if (o->seed >= 0)
		g_ptr_array_add(a, g_strdup_printf("scenario.seed=%" G_GINT64_FORMAT,
						   o->seed));
	if (o->horizon)
		g_ptr_array_add(a, g_strdup_printf("scenario.horizon=%s", o->horizon));
	g_ptr_array_add(a, NULL);
	return (char **)g_ptr_array_free(a, FALSE);
}

static gboolean parse_options(int argc, char **argv, RunOptions *o,
			      GError **error)
{
	GOptionEntry entries[] = {
		{ "replications", 'r', 0, G_OPTION_ARG_INT64, &o->replications,
		  "Number of replications (default: the scenario's)", "N" },
		{ "seed", 's', 0, G_OPTION_ARG_INT64, &o->seed,
		  "Seed of the random streams (default: the scenario's)", "S" },
		{ "horizon", 'H', 0, G_OPTION_ARG_STRING, &o->horizon,
		  "Simulated time per replication, e.g. 10y", "T" },
		{ "threads", 'j', 0, G_OPTION_ARG_INT, &o->threads,
		  "Worker threads (default: one per core)", "N" },
		{ "set", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o->sets,
		  "Override a value of the scenario (repeatable)", "KEY=VALUE" },
		{ "format", 'f', 0, G_OPTION_ARG_STRING, &o->format,
		  "Output format: table (default), json or csv", "FORMAT" },
		{ "out", 'o', 0, G_OPTION_ARG_FILENAME, &o->out,
		  "Also write summary.json and incidents.csv into DIR",
		  "DIR" },
		{ G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &o->args,
		  NULL, "SCENARIO" },
		{ NULL, 0, 0, 0, NULL, NULL, NULL },
	};
	g_autoptr(GOptionContext) ctx = g_option_context_new("SCENARIO");

	g_option_context_set_summary(ctx,
		"Plays a scenario many times and reports, per service, "
		"availability,\nincidents and achieved RTO/RPO against the "
		"targets (docs/output.md).\nWith --out DIR, also writes "
		"DIR/summary.json and DIR/incidents.csv, both\ncomplete or "
		"neither.");
	g_option_context_add_main_entries(ctx, entries, NULL);
	if (!g_option_context_parse(ctx, &argc, &argv, error))
		return FALSE;
	if (!o->args || !o->args[0] || o->args[1]) {
		g_set_error(error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
			    "expected one scenario file (see --help)");
		return FALSE;
	}
	if (o->threads < 1) {
		g_set_error(error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
			    "--threads must be >= 1 (got %d)", o->threads);
		return FALSE;
	}
	if (o->out && !*o->out) {
		g_set_error(error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
			    "--out needs a directory");
		return FALSE;
	}
	return TRUE;
}

/* The report on stdout, then the files of --out when asked. */
static int report(const MdlScenario *sc, const MdlResults *r,
		  const MdlRunInfo *info, MdlFormat format, MdlOutdir *out,
		  const char *prog)
{
	g_autofree char *text = mdl_report(sc, r, info, format);
	g_autofree char *json = NULL;
	GError *error = NULL;

	fputs(text, stdout);
	if (!out)
		return SIM_EXIT_OK;
	if (format != MDL_FORMAT_JSON)
		json = mdl_report(sc, r, info, MDL_FORMAT_JSON);
	if (!mdl_outdir_commit(out, json ? json : text, &error)) {
		fprintf(stderr, "%s: %s\n", prog, error->message);
		g_error_free(error);
		return SIM_EXIT_FAILED;
	}
	return SIM_EXIT_OK;
}

/* Plays a loaded scenario.  The files of --out are opened before the run,
 * so that an unwritable DIR fails at once, and are removed unless the
 * whole run and both files succeeded (outdir.h). */
static int run(const MdlScenario *sc, const RunOptions *o, MdlFormat format,
	       const char *prog)
{
	g_autoptr(MdlOutdir) out = NULL;
	g_autoptr(MdlLabels) labels = NULL;
	GError *error = NULL;
	MdlRunInfo info;
	int code;

	if (o->out && !(out = mdl_outdir_open(o->out, &error))) {
		fprintf(stderr, "%s: %s\n", prog, error->message);
		g_error_free(error);
		return SIM_EXIT_FAILED;
	}
	labels = mdl_labels_new(sc);
	MdlResults *r = mdl_simulate(sc, labels, (unsigned)o->threads,
				     out ? mdl_outdir_incidents(out) : NULL,
				     &info, &error);
	if (!r) {
		fprintf(stderr, "%s: %s\n", sc->file, error->message);
		g_error_free(error);
		return SIM_EXIT_FAILED;
	}
	code = report(sc, r, &info, format, out, prog);
	mdl_results_free(r);
	return code;
}

int mdl_cmd_run(int argc, char **argv)
{
	RunOptions o = { .replications = -1, .seed = -1 };
	GError *error = NULL;
	MdlFormat format = MDL_FORMAT_TABLE;
	int code = SIM_EXIT_OK;

	o.threads = (gint)g_get_num_processors();
	if (!parse_options(argc, argv, &o, &error) ||
	    (o.format && !mdl_format_parse(o.format, &format))) {
		fprintf(stderr, "%s: %s\n", argv[0],
			error ? error->message : "--format must be table, json or csv");
		g_clear_error(&error);
		run_options_clear(&o);
		return SIM_EXIT_USAGE;
	}
	g_auto(GStrv) sets = all_sets(&o);
	g_autoptr(MdlScenario) sc =
		mdl_scenario_load(o.args[0], (const char *const *)sets, &error);
	if (!sc) {
		fprintf(stderr, "%s\n", error->message);
		code = SIM_EXIT_USAGE;
	} else {
		code = run(sc, &o, format, argv[0]);
	}
	g_clear_error(&error);
	run_options_clear(&o);
	return code;
}
