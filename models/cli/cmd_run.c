/* cmd_run.c — `drsim run SCENARIO [OPTION...]`. */
#include <stdio.h>
#include <glib.h>

#include "models/cli/commands.h"
#include "models/cli/options.h"
#include "models/results/batch.h"
#include "models/report/outdir.h"
#include "models/report/plots.h"
#include "models/report/report.h"
#include "models/results/results.h"
#include "models/scenario/scenario.h"
#include "models/results/simulate.h"
#include "models/report/timeline.h"

/* -- the command ----------------------------------------------------------- */

#define NO_TRACE G_MININT64	/* --trace-replication not given */

typedef struct {
	gint64 replications, seed;
	char *horizon, *format;
	char *out;		/* --out DIR, or NULL */
	gboolean plot;		/* --plot: run gnuplot on the scripts */
	gboolean quiet;		/* --quiet: no progress line */
	gboolean drivers;	/* --drivers: what drives the breaches */
	gint64 trace;		/* --trace-replication R, or NO_TRACE */
	gint threads;
	char *shard;		/* --shard I/K or auto, or NULL */
	guint32 shard_index, shard_count;
	MdlPrecisionOptions prec;	/* --precision ... */
	char *report;		/* --report FILE, or NULL */
	char *command;		/* the command line, for the report */
	char **sets;
	char **args;
} RunOptions;

static void run_options_clear(RunOptions *o)
{
	g_free(o->horizon);
	g_free(o->format);
	g_free(o->out);
	g_free(o->shard);
	mdl_precision_options_clear(&o->prec);
	g_free(o->report);
	g_free(o->command);
	g_strfreev(o->sets);
	g_strfreev(o->args);
}

/* The options that make the run what it is, in a fixed order: what a
 * shard records and `drsim merge` replays (not --out, --threads,
 * --quiet, --shard: where and how it is played, not what). */
static char **canonical_args(const RunOptions *o)
{
	GPtrArray *a = g_ptr_array_new();

	g_ptr_array_add(a, g_strdup(o->args[0]));
	mdl_options_canonical_add(a, o->replications, o->seed, o->horizon,
				  o->sets, o->format, o->plot);
	if (o->trace != NO_TRACE)
		g_ptr_array_add(a, g_strdup_printf("--trace-replication=%"
						   G_GINT64_FORMAT, o->trace));
	if (o->drivers)
		g_ptr_array_add(a, g_strdup("--drivers"));
	g_ptr_array_add(a, NULL);
	return (char **)g_ptr_array_free(a, FALSE);
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

/* --plot and --trace-replication write into the directory of --out. */
static gboolean check_chart_options(const RunOptions *o, GError **error)
{
	if (o->quiet)
		mdl_simulate_set_progress(FALSE);
	if (o->plot && !o->out) {
		g_set_error(error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
			    "--plot needs --out DIR (the charts go there)");
		return FALSE;
	}
	if (o->trace != NO_TRACE && !o->out) {
		g_set_error(error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
			    "--trace-replication needs --out DIR (the "
			    "timeline goes there)");
		return FALSE;
	}
	if (o->trace != NO_TRACE && o->trace < 0) {
		g_set_error(error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
			    "--trace-replication must be >= 0 (got %"
			    G_GINT64_FORMAT ")", o->trace);
		return FALSE;
	}
	return TRUE;
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
		  "Also write summary.json, incidents.csv and the charts' "
		  "files into DIR", "DIR" },
		{ "plot", 0, 0, G_OPTION_ARG_NONE, &o->plot,
		  "Render the charts of --out with gnuplot (PNG and SVG)",
		  NULL },
		{ "trace-replication", 0, 0, G_OPTION_ARG_INT64, &o->trace,
		  "Also write the timeline of replication R into DIR "
		  "(timeline.dat/.gp)", "R" },
		{ "quiet", 'q', 0, G_OPTION_ARG_NONE, &o->quiet,
		  "No progress line on stderr", NULL },
		{ "report", 0, 0, G_OPTION_ARG_FILENAME, &o->report,
		  "Also write the decision report, one self-contained HTML "
		  "file (docs/output.md, \"The report\")", "FILE" },
		{ "drivers", 0, 0, G_OPTION_ARG_NONE, &o->drivers,
		  "Say what drives the breaches, after each service of the "
		  "table (and with --out, the charts drivers_SERVICE)",
		  NULL },
		{ "shard", 0, 0, G_OPTION_ARG_STRING, &o->shard,
		  "Play only shard I of K, into DIR of --out (auto: I and K "
		  "from Slurm's SLURM_ARRAY_TASK_ID and _COUNT; auto/K: I "
		  "from Slurm); drsim merge joins the shards "
		  "(docs/scale-out.md)", "I/K" },
		{ G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &o->args,
		  NULL, NULL },
		{ NULL, 0, 0, 0, NULL, NULL, NULL },
	};
	g_autoptr(GOptionContext) ctx = g_option_context_new("SCENARIO");
	g_autofree GOptionEntry *prec = mdl_precision_options_entries(&o->prec);

	g_option_context_set_summary(ctx,
		"Plays a scenario many times and reports, per service, "
		"availability,\nincidents and achieved RTO/RPO against the "
		"targets (docs/output.md).\nWith --out DIR, also writes "
		"DIR/summary.json, DIR/incidents.csv and gnuplot\nchart "
		"scripts with their data, all complete or none; --plot "
		"renders the\ncharts (docs/output.md, \"Charts\").");
	g_option_context_add_main_entries(ctx, entries, NULL);
	g_option_context_add_main_entries(ctx, prec, NULL);
	if (!g_option_context_parse(ctx, &argc, &argv, error) ||
	    !mdl_precision_options_check(&o->prec, o->shard != NULL, error))
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
	if (!mdl_cli_check_bounds(o->replications, o->threads,
				  G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
				  error))
		return FALSE;
	if (o->out && !*o->out) {
		g_set_error(error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
			    "--out needs a directory");
		return FALSE;
	}
	if (!check_chart_options(o, error))
		return FALSE;
	if (o->shard && !o->out) {
		g_set_error(error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
			    "--shard needs --out DIR (the shard file goes "
			    "there)");
		return FALSE;
	}
	return !o->shard || mdl_batch_parse_shard(o->shard, &o->shard_index,
						  &o->shard_count, error);
}

/* What a run writes: the report in a format on stdout, with the table's
 * blocks of flags (report.h), and the files of --out when out is set. */
typedef struct {
	MdlFormat format;
	guint flags;
	MdlOutdir *out;
	const MdlTimeline *tl;	/* --trace-replication, or NULL */
	GPtrArray *scripts;	/* the charts' scripts, as written */
} Outputs;

/* The charts' files (plots.h, timeline.h) join those of --out; their
 * scripts' names go to scripts. */
static gboolean add_charts(const Outputs *w, const MdlScenario *sc,
			   const MdlResults *r, GError **error)
{
	return mdl_plots_write(w->out, sc, r, w->scripts, error) &&
	       (!(w->flags & MDL_REPORT_DRIVERS) ||
		mdl_plots_drivers_write(w->out, sc, r, w->scripts, error)) &&
	       (!w->tl || mdl_timeline_save(w->tl, w->out, w->scripts, error));
}

/* The report on stdout, then the files of --out when asked. */
static int report(const MdlScenario *sc, const MdlResults *r,
		  const MdlRunInfo *info, const Outputs *w, const char *prog)
{
	g_autofree char *text = mdl_report_with(sc, r, info, w->format,
						w->flags);
	g_autofree char *json = NULL;
	GError *error = NULL;

	fputs(text, stdout);
	if (!w->out)
		return SIM_EXIT_OK;
	if (w->format != MDL_FORMAT_JSON)
		json = mdl_report(sc, r, info, MDL_FORMAT_JSON);
	if (!add_charts(w, sc, r, &error) ||
	    !mdl_outdir_commit(w->out, json ? json : text, &error)) {
		fprintf(stderr, "%s: %s\n", prog, error->message);
		g_error_free(error);
		return SIM_EXIT_FAILED;
	}
	return SIM_EXIT_OK;
}

/* --plot: gnuplot on the scripts just written, the charts' paths on
 * stderr (stdout holds the report).  No gnuplot is not a failure: the
 * scripts are there for later. */
static int render(const char *dir, GPtrArray *scripts, const char *prog)
{
	g_autoptr(GPtrArray) charts = g_ptr_array_new_with_free_func(g_free);
	g_autoptr(GString) log = g_string_new(NULL);
	GError *error = NULL;
	int code = SIM_EXIT_OK;

	fflush(stdout);
	if (!mdl_plots_render(dir, (const char *const *)scripts->pdata,
			      scripts->len, charts, log, &error)) {
		code = g_error_matches(error, MDL_PLOTS_ERROR,
				       MDL_PLOTS_ERROR_NO_GNUPLOT)
			       ? SIM_EXIT_OK
			       : SIM_EXIT_FAILED;
		fprintf(stderr, "%s: %s\n", prog, error->message);
		g_error_free(error);
	}
	fputs(log->str, stderr);
	for (guint i = 0; i < charts->len; i++)
		fprintf(stderr, "%s\n", (char *)g_ptr_array_index(charts, i));
	return code;
}

/* The timeline of --trace-replication R, played before anything is
 * written; R must be one of the run's replications, so that it matches
 * their rows in incidents.csv.  *code is set when it fails. */
static gboolean trace(const MdlScenario *sc, const RunOptions *o,
		      MdlTimeline **tl, int *code, const char *prog)
{
	GError *error = NULL;

	if (o->trace == NO_TRACE)
		return TRUE;
	if ((guint64)o->trace >= sc->replications) {
		fprintf(stderr, "%s: --trace-replication %" G_GINT64_FORMAT
			": the run has replications 0 to %" G_GUINT64_FORMAT
			"\n", prog, o->trace, sc->replications - 1);
		*code = SIM_EXIT_USAGE;
		return FALSE;
	}
	*tl = mdl_timeline_trace(sc, (guint64)o->trace, &error);
	if (!*tl) {
		fprintf(stderr, "%s: %s\n", sc->file, error->message);
		g_error_free(error);
		*code = SIM_EXIT_FAILED;
		return FALSE;
	}
	return TRUE;
}

/* Says why a batch failed; its exit code (batch.h). */
static int batch_failed(GError *error, const MdlScenario *sc,
			const char *prog)
{
	int code = mdl_batch_exit_code(error);

	if (mdl_simulate_interrupted())
		fprintf(stderr, "%s: interrupted by %s: not all %"
			G_GUINT64_FORMAT " replications were played; nothing "
			"written\n", prog, mdl_simulate_interrupt_name(),
			sc->replications);
	else if (error->domain == MDL_SHARD_ERROR ||
		 error->domain == G_OPTION_ERROR)
		fprintf(stderr, "%s: %s\n", prog, error->message);
	else
		fprintf(stderr, "%s: %s\n", sc->file, error->message);
	g_error_free(error);
	return code;
}

/* The batch of the run: local, a shard, a merge or MPI (batch.h), its
 * one play declared. */
static MdlBatch *batch_new(const MdlScenario *sc, const MdlLabels *labels,
			   const RunOptions *o, const char *const *args,
			   const char *const *sets, GError **error)
{
	MdlBatch *b = mdl_batch_new("run", args, (unsigned)o->threads);

	if ((o->shard && !mdl_batch_set_shard(b, o->shard_index,
					      o->shard_count, o->out, error)) ||
	    !mdl_batch_add(b, sc, labels, o->args[0], sets,
			   o->out ? MDL_KEEP_ROWS : 0,
			   error)) {
		mdl_batch_free(b);
		return NULL;
	}
	return b;
}

/* The run to the precision of --precision (precision.h): its results,
 * with *outcome and *info filled, or NULL with error set. */
static MdlResults *play_to_precision(const MdlScenario *sc,
				     const MdlLabels *labels,
				     const RunOptions *o, MdlOutdir *out,
				     MdlPrecisionOutcome *outcome,
				     MdlRunInfo *info, GError **error)
{
	MdlPrecisionPlay play = { sc, labels, sc->name,
				  out ? mdl_outdir_incidents(out) : NULL, NULL,
				  NULL, { 0, 0, NULL } };

	if (!mdl_precision_play(&play, 1, (unsigned)o->threads, &o->prec.goal,
				outcome, error)) {
		mdl_results_free(play.results);
		return NULL;
	}
	*info = play.info;
	return play.results;
}

/* Plays a loaded scenario.  The files of --out are opened before the run,
 * so that an unwritable DIR fails at once, and are removed unless the
 * whole run and every file succeeded (outdir.h); --plot renders the
 * charts only then.  A shard (or an MPI rank but the first) only plays
 * its part and says so. */
static int run(const MdlScenario *sc, const RunOptions *o, MdlFormat format,
	       const char *const *sets, const char *prog)
{
	g_autoptr(MdlOutdir) out = NULL;
	g_autoptr(MdlLabels) labels = mdl_labels_new(sc);
	g_autoptr(MdlTimeline) tl = NULL;
	g_autoptr(GPtrArray) scripts = g_ptr_array_new_with_free_func(g_free);
	g_auto(GStrv) args = canonical_args(o);
	g_autoptr(MdlBatch) batch = NULL;
	GError *error = NULL;
	MdlRunInfo info;
	int code = SIM_EXIT_OK;

	batch = batch_new(sc, labels, o, (const char *const *)args, sets,
			  &error);
	if (!batch)
		return batch_failed(error, sc, prog);
	if (mdl_batch_reports(batch)) {
		if (!trace(sc, o, &tl, &code, prog))
			return code;
		if (o->out && !(out = mdl_outdir_open(o->out, &error))) {
			fprintf(stderr, "%s: %s\n", prog, error->message);
			g_error_free(error);
			return SIM_EXIT_FAILED;
		}
	}
	if (!mdl_batch_start(batch, &error))
		return batch_failed(error, sc, prog);
	if (!mdl_batch_reports(batch)) {
		if (mdl_batch_note(batch))
			printf("%s\n", mdl_batch_note(batch));
		return SIM_EXIT_OK;
	}
	MdlPrecisionOutcome precision = { 0 };
	MdlResults *r = o->prec.target
				? play_to_precision(sc, labels, o, out, &precision,
						    &info, &error)
				: mdl_batch_results(batch, 0,
						    out ? mdl_outdir_incidents(out)
							: NULL,
						    NULL, &info, &error);
	if (!r) {
		mdl_precision_outcome_clear(&precision);
		return batch_failed(error, sc, prog);
	}
	Outputs w = { format, o->drivers ? MDL_REPORT_DRIVERS : 0, out, tl,
		      scripts };
	code = report(sc, r, &info, &w, prog);
	if (code == SIM_EXIT_OK && o->plot)
		code = render(o->out, scripts, prog);
	if (code == SIM_EXIT_OK && o->report) {
		MdlRunReport rr = { prog, o->report, o->command, sc, sets, r,
				    &info, (unsigned)o->threads };
		r = NULL;	/* the report takes it */
		code = mdl_cli_run_report(&rr);
	}
	mdl_results_free(r);
	mdl_precision_outcome_clear(&precision);
	return code;
}

int mdl_cmd_run(int argc, char **argv)
{
	RunOptions o = { .replications = -1, .seed = -1, .trace = NO_TRACE,
			 .prec = MDL_PRECISION_OPTIONS_INIT };
	GError *error = NULL;
	MdlFormat format = MDL_FORMAT_TABLE;
	int code = SIM_EXIT_OK;

	o.threads = (gint)g_get_num_processors();
	o.command = mdl_cli_command_line(argc, argv);
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
		code = run(sc, &o, format, (const char *const *)sets,
			   argv[0]);
	}
	g_clear_error(&error);
	run_options_clear(&o);
	return code;
}
