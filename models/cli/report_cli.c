/* report_cli.c — `--report FILE` of compare and run (commands.h): the
 * tornado of each scenario, then the decision report (report/html.h). */
#include <stdio.h>
#include <string.h>
#include <glib.h>

#include "models/cli/commands.h"
#include "models/report/compare_text.h"
#include "models/report/html.h"

/* The replications of a report's sensitivities: enough for the order of
 * the parameters, at most the run's. */
#define TORNADO_REPLICATIONS 500

char *mdl_cli_command_line(int argc, char **argv)
{
	GString *s = g_string_new(NULL);

	for (int i = 0; i < argc; i++) {
		gboolean plain = i == 0 || !strpbrk(argv[i], " \t'\"$\\*?;&|<>()");
		g_autofree char *q = plain ? g_strdup(argv[i])
					   : g_shell_quote(argv[i]);
		g_string_append_printf(s, "%s%s", i ? " " : "", q);
	}
	return g_string_free(s, FALSE);
}

/* The played automatic sensitivity of each scenario, NULL for one that
 * has nothing to vary; FALSE with error set when a run failed. */
static gboolean tornadoes(const MdlReportJob *job, MdlSensitivity **sens,
			  GError **error)
{
	const MdlCompareSet *set = job->set;
	guint64 n = set->plays[0]->results->replications;

	for (guint i = 0; i < set->n; i++) {
		GError *e = NULL;
		sens[i] = mdl_sensitivity_auto(
			job->prog, set->plays[i]->sc->file, job->sets[i],
			job->horizon, (gint64)MIN(n, TORNADO_REPLICATIONS),
			(gint64)set->plays[0]->sc->seed, job->threads, &e);
		if (sens[i])
			continue;
		/* a scenario with no rate or duration to vary has no
		 * tornado; anything else is a failure */
		if (!g_error_matches(e, MDL_COMPARE_ERROR,
				     MDL_COMPARE_ERROR_USAGE)) {
			g_propagate_error(error, e);
			return FALSE;
		}
		g_error_free(e);
	}
	return TRUE;
}

int mdl_cli_write_report(const MdlReportJob *job)
{
	g_autofree MdlSensitivity **sens = g_new0(MdlSensitivity *,
						   job->set->n);
	MdlHtmlReport rep = { job->set, sens, job->precision, job->command };
	GError *error = NULL;
	gboolean ok = tornadoes(job, sens, &error) &&
		      mdl_html_report_write(&rep, job->path, &error);

	for (guint i = 0; i < job->set->n; i++)
		mdl_sensitivity_free(sens[i]);
	if (!ok) {
		fprintf(stderr, "%s: the report: %s\n", job->prog,
			error->message);
		g_error_free(error);
		return SIM_EXIT_FAILED;
	}
	fprintf(stderr, "%s: the report is in %s\n", job->prog, job->path);
	return SIM_EXIT_OK;
}

/* "scenarios/a.cfg" -> "a". */
static char *label_of(const char *file)
{
	char *base = g_path_get_basename(file);

	if (g_str_has_suffix(base, ".cfg") && strlen(base) > 4)
		base[strlen(base) - 4] = '\0';
	return base;
}

int mdl_cli_run_report(const MdlRunReport *run)
{
	GError *error = NULL;
	MdlScenario *copy = mdl_scenario_load(run->sc->file, run->sets,
					      &error);

	if (!copy) {	/* the file changed under the run */
		fprintf(stderr, "%s: the report: %s\n", run->prog,
			error->message);
		g_error_free(error);
		mdl_results_free(run->results);
		return SIM_EXIT_FAILED;
	}
	g_autoptr(MdlComparePlay) play = mdl_compare_play_new(copy);
	g_autoptr(GPtrArray) ids = g_ptr_array_new();
	g_autoptr(GPtrArray) none = g_ptr_array_new();
	char *labels[] = { label_of(run->sc->file), NULL };
	MdlComparePlay *plays[] = { play };
	char *const *sets[] = { (char *const *)run->sets };

	mdl_compare_play_take(play, run->results, run->info);
	for (guint i = 0; i < copy->n_services; i++)
		g_ptr_array_add(ids, copy->services[i].id);
	MdlCompareSet set = { 1, plays, labels, ids, none, NULL };
	MdlReportJob job = { run->prog, run->path, run->command, &set,
			     (char *const *const *)sets, NULL, run->threads,
			     run->info->precision };
	int code = mdl_cli_write_report(&job);
	g_free(labels[0]);
	return code;
}
