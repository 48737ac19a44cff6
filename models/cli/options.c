/* options.c — the command line of `drsim compare` and `drsim sweep`
 * (options.h). */
#include "models/cli/options.h"

#include <stdarg.h>
#include <stdio.h>

#include "models/report/plots.h"
#include "models/results/simulate.h"
#include "sim/cli.h"
#include "sim/mpi.h"

/* -- options --------------------------------------------------------------- */

void mdl_compare_options_clear(MdlCompareOptions *o)
{
	g_free(o->horizon);
	g_free(o->format_name);
	g_free(o->out);
	g_free(o->shard);
	g_strfreev(o->sets);
	g_strfreev(o->args);
}

gboolean mdl_cli_usage(GError **error, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	g_propagate_error(error, g_error_new_valist(MDL_COMPARE_ERROR,
						    MDL_COMPARE_ERROR_USAGE,
						    fmt, ap));
	va_end(ap);
	return FALSE;
}

/* A literal message (no format). */
static gboolean usage(GError **error, const char *message)
{
	return mdl_cli_usage(error, "%s", message);
}

gboolean mdl_cli_check_bounds(gint64 replications, gint threads,
			      GQuark domain, gint code, GError **error)
{
	if (replications > (gint64)MDL_MAX_REPLICATIONS) {
		g_set_error(error, domain, code,
			    "--replications must be <= %" G_GUINT64_FORMAT
			    " (got %" G_GINT64_FORMAT ")",
			    (guint64)MDL_MAX_REPLICATIONS, replications);
		return FALSE;
	}
	if (threads > MDL_MAX_THREADS) {
		g_set_error(error, domain, code,
			    "--threads must be <= %d (got %d)",
			    MDL_MAX_THREADS, threads);
		return FALSE;
	}
	return TRUE;
}

/* What GOptionContext cannot check by itself. */
static gboolean options_check(MdlCompareOptions *o, GError **error)
{
	if (o->threads < 1) {
		g_set_error(error, MDL_COMPARE_ERROR, MDL_COMPARE_ERROR_USAGE,
			    "--threads must be >= 1 (got %d)", o->threads);
		return FALSE;
	}
	if (!mdl_cli_check_bounds(o->replications, o->threads,
				  MDL_COMPARE_ERROR, MDL_COMPARE_ERROR_USAGE,
				  error))
		return FALSE;
	if (o->format_name && !mdl_format_parse(o->format_name, &o->format))
		return usage(error, "--format must be table, json or csv");
	if (o->out && !*o->out)
		return usage(error, "--out needs a directory");
	if (o->plot && !o->out)
		return usage(error, "--plot needs --out DIR");
	if (o->shard && !o->out)
		return usage(error, "--shard needs --out DIR (the shard file "
				    "goes there)");
	if (o->shard && !mdl_batch_parse_shard(o->shard, &o->shard_index,
					       &o->shard_count, error))
		return FALSE;
	return TRUE;
}

gboolean mdl_compare_options_parse(MdlCompareOptions *o, int argc,
				   char **argv, const char *params,
				   const char *summary, GError **error)
{
	return mdl_compare_options_parse_with(o, argc, argv, params, summary,
					      NULL, error);
}

gboolean mdl_compare_options_parse_with(MdlCompareOptions *o, int argc,
					char **argv, const char *params,
					const char *summary,
					const GOptionEntry *extra,
					GError **error)
{
	GOptionEntry entries[] = {
		{ "replications", 'r', 0, G_OPTION_ARG_INT64, &o->replications,
		  "Replications of every run (default: the first scenario's)",
		  "N" },
		{ "seed", 's', 0, G_OPTION_ARG_INT64, &o->seed,
		  "Seed of every run (default: the first scenario's)", "S" },
		{ "horizon", 'H', 0, G_OPTION_ARG_STRING, &o->horizon,
		  "Simulated time per replication, e.g. 10y", "T" },
		{ "threads", 'j', 0, G_OPTION_ARG_INT, &o->threads,
		  "Worker threads (default: one per core)", "N" },
		{ "set", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o->sets,
		  "Override a value of every scenario (repeatable)",
		  "KEY=VALUE" },
		{ "format", 'f', 0, G_OPTION_ARG_STRING, &o->format_name,
		  "Output format: table (default), json or csv", "FORMAT" },
		{ "out", 'o', 0, G_OPTION_ARG_FILENAME, &o->out,
		  "Also write the results into DIR", "DIR" },
		{ "plot", 0, 0, G_OPTION_ARG_NONE, &o->plot,
		  "Draw the charts of DIR with gnuplot (needs --out)", NULL },
		{ "quiet", 'q', 0, G_OPTION_ARG_NONE, &o->quiet,
		  "No progress line on stderr", NULL },
		{ "shard", 0, 0, G_OPTION_ARG_STRING, &o->shard,
		  "Play only shard I of K, into DIR of --out (auto: I and K "
		  "from Slurm's SLURM_ARRAY_TASK_ID and _COUNT; auto/K: I "
		  "from Slurm); drsim merge joins the shards "
		  "(docs/scale-out.md)", "I/K" },
		{ G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY,
		  &o->args, NULL, NULL },
		{ NULL, 0, 0, 0, NULL, NULL, NULL },
	};
	g_autoptr(GOptionContext) ctx = g_option_context_new(params);

	o->threads = (gint)g_get_num_processors();
	g_option_context_set_summary(ctx, summary);
	g_option_context_add_main_entries(ctx, entries, NULL);
	if (extra)
		g_option_context_add_main_entries(ctx, extra, NULL);
	if (!g_option_context_parse(ctx, &argc, &argv, error) ||
	    !options_check(o, error))
		return FALSE;
	if (o->quiet)
		mdl_simulate_set_progress(FALSE);
	return TRUE;
}

static void add_all(GPtrArray *a, const char *const *sets)
{
	for (; sets && *sets; sets++)
		g_ptr_array_add(a, g_strdup(*sets));
}

char **mdl_compare_options_sets(const MdlCompareOptions *o,
				const char *const *sets,
				const char *const *extra)
{
	GPtrArray *a = g_ptr_array_new();

	g_return_val_if_fail(o, NULL);
	add_all(a, sets);
	if (o->replications >= 0)
		g_ptr_array_add(a, g_strdup_printf("scenario.replications=%"
						   G_GINT64_FORMAT,
						   o->replications));
	if (o->seed >= 0)
		g_ptr_array_add(a, g_strdup_printf("scenario.seed=%"
						   G_GINT64_FORMAT, o->seed));
	if (o->horizon)
		g_ptr_array_add(a, g_strdup_printf("scenario.horizon=%s",
						   o->horizon));
	add_all(a, extra);
	g_ptr_array_add(a, NULL);
	return (char **)g_ptr_array_free(a, FALSE);
}

void mdl_options_canonical_add(GPtrArray *a, gint64 replications,
			       gint64 seed, const char *horizon,
			       char **sets, const char *format,
			       gboolean plot)
{
	if (replications >= 0)
		g_ptr_array_add(a, g_strdup_printf("--replications=%"
						   G_GINT64_FORMAT,
						   replications));
	if (seed >= 0)
		g_ptr_array_add(a, g_strdup_printf("--seed=%" G_GINT64_FORMAT,
						   seed));
	if (horizon)
		g_ptr_array_add(a, g_strdup_printf("--horizon=%s", horizon));
	for (char **s = sets; s && *s; s++)
		g_ptr_array_add(a, g_strdup_printf("--set=%s", *s));
	if (format)
		g_ptr_array_add(a, g_strdup_printf("--format=%s", format));
	if (plot)
		g_ptr_array_add(a, g_strdup("--plot"));
}

char **mdl_compare_options_canonical(const MdlCompareOptions *o)
{
	GPtrArray *a = g_ptr_array_new();

	add_all(a, (const char *const *)o->args);
	mdl_options_canonical_add(a, o->replications, o->seed, o->horizon,
				  o->sets, o->format_name, o->plot);
	g_ptr_array_add(a, NULL);
	return (char **)g_ptr_array_free(a, FALSE);
}

/* -- precision ----------------------------------------------------------- */

GOptionEntry *mdl_precision_options_entries(MdlPrecisionOptions *p)
{
	const GOptionEntry entries[] = {
		{ "precision", 0, 0, G_OPTION_ARG_STRING, &p->target,
		  "Play replications in batches until the 95% intervals of "
		  "the --precision-on figures are this narrow, relative to "
		  "their mean (e.g. 0.5%)", "P" },
		{ "precision-on", 0, 0, G_OPTION_ARG_STRING, &p->on,
		  "The figures of --precision, of every service: "
		  "availability, downtime, breach, data-loss, cost (default: "
		  "availability,breach)", "LIST" },
		{ "max-replications", 0, 0, G_OPTION_ARG_INT64, &p->max,
		  "Stop there if --precision is not reached (default: "
		  "1000000)", "N" },
		{ NULL, 0, 0, 0, NULL, NULL, NULL },
	};

	return g_memdup2(entries, sizeof entries);
}

gboolean mdl_precision_options_check(MdlPrecisionOptions *p, gboolean shard,
				     GError **error)
{
	if (!p->target) {
		if (!p->on && p->max < 0)
			return TRUE;
		return usage(error, p->on ? "--precision-on needs --precision"
					  : "--max-replications needs "
					    "--precision");
	}
	if (shard || sim_mpi_size() > 1)
		return usage(error, "--precision plays batches one after the "
				    "other: not with --shard or mpirun");
	if (!mdl_precision_parse_target(p->target, &p->goal.target, error))
		return FALSE;
	p->goal.figures = MDL_PRECISION_DEFAULT;
	if (p->on && !mdl_precision_parse_figures(p->on, &p->goal.figures,
						  error))
		return FALSE;
	if (p->max == 0 || p->max < -1) {
		g_set_error(error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
			    "--max-replications must be >= 2 (got %"
			    G_GINT64_FORMAT ")", p->max);
		return FALSE;
	}
	p->goal.max_replications = p->max > 0 ? (guint64)p->max
					      : MDL_PRECISION_MAX_DEFAULT;
	return TRUE;
}

void mdl_precision_options_clear(MdlPrecisionOptions *p)
{
	g_free(p->target);
	g_free(p->on);
	p->target = p->on = NULL;
}

void mdl_cli_interrupted(const char *prog, GError **error)
{
	GError *e = *error;

	if (!mdl_simulate_interrupted())
		return;
	*error = NULL;
	g_set_error(error, e->domain, e->code,
		    "%s\n%s: interrupted by %s: not every run was played; "
		    "nothing written", e->message, prog,
		    mdl_simulate_interrupt_name());
	g_error_free(e);
}

/* -- charts ----------------------------------------------------------------- */

int mdl_cli_render(const char *prog, const char *dir, GPtrArray *scripts)
{
	g_autoptr(GPtrArray) charts = g_ptr_array_new_with_free_func(g_free);
	GError *error = NULL;
	int code = SIM_EXIT_OK;

	if (!mdl_plots_render(dir, (const char *const *)scripts->pdata,
			      scripts->len, charts, NULL, &error)) {
		code = g_error_matches(error, MDL_PLOTS_ERROR,
				       MDL_PLOTS_ERROR_NO_GNUPLOT)
			       ? SIM_EXIT_OK
			       : SIM_EXIT_FAILED;
		fprintf(stderr, "%s: %s\n", prog, error->message);
		g_error_free(error);
	}
	for (guint i = 0; i < charts->len; i++)
		fprintf(stderr, "%s\n", (char *)g_ptr_array_index(charts, i));
	return code;
}
