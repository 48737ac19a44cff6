/* cmd_check.c — `drsim check FILE... [--set KEY=VALUE]... [--strict]`:
 * loads and validates each scenario file, says "ok" with a one-line
 * summary or prints every problem found; then lints a valid one
 * (models/lint.h), its warnings on stderr.  Warnings leave the exit
 * status at 0 unless --strict, which makes them errors. */
#include <stdio.h>
#include <glib.h>

#include "models/cli/commands.h"
#include "models/scenario/lint.h"
#include "models/scenario/scenario.h"
#include "sim/units.h"

/* "1 site", "2 sites". */
static char *count(guint64 n, const char *noun)
{
	return g_strdup_printf("%" G_GUINT64_FORMAT " %s%s", n, noun,
			       n == 1 ? "" : "s");
}

static void print_summary(const char *file, const MdlScenario *sc,
			  guint n_warnings)
{
	char horizon[16], lead[16];
	g_autofree char *replaces = NULL;
	g_autofree char *sites = count(sc->n_sites, "site");
	g_autofree char *crews = count(sc->n_crews, "crew");
	g_autofree char *components = count(sc->n_components, "component");
	g_autofree char *services = count(sc->n_services, "service");
	g_autofree char *reps = count(sc->replications, "replication");
	g_autofree char *warnings = count(n_warnings, "warning");

	sim_format_duration(sc->horizon_h, horizon, sizeof horizon);
	sim_format_duration(sc->in_service_h, lead, sizeof lead);
	replaces = sc->replaces ? g_strdup_printf(", in service after %s "
						  "(until then %s)",
						  lead, sc->replaces->file)
				: g_strdup("");
	printf("%s: ok — %s, %s, %s, %s, horizon %s, %s%s%s%s\n", file, sites,
	       crews, components, services, horizon, reps, replaces,
	       n_warnings > 0 ? ", " : "", n_warnings > 0 ? warnings : "");
}

/* Prints the warnings of sc on stderr, in line order; returns how many. */
static guint print_warnings(const char *file, const MdlScenario *sc)
{
	g_autoptr(GPtrArray) ws = mdl_lint(sc);

	for (guint i = 0; i < ws->len; i++) {
		g_autofree char *line =
			mdl_lint_warning_format(ws->pdata[i], file);

		fprintf(stderr, "%s\n", line);
	}
	return ws->len;
}

/* Checks one file; FALSE when it is bad (its problems on stderr), or,
 * strict, when it has warnings (then it gets no "ok" line). */
static gboolean check_file(const char *file, const char *const *sets,
			   gboolean strict)
{
	GError *error = NULL;
	MdlScenario *sc = mdl_scenario_load(file, sets, &error);
	guint n_warnings;

	if (!sc) {
		fprintf(stderr, "%s\n", error->message);
		g_error_free(error);
		return FALSE;
	}
	n_warnings = print_warnings(file, sc);
	if (!strict || n_warnings == 0)
		print_summary(file, sc, n_warnings);
	mdl_scenario_free(sc);
	return !strict || n_warnings == 0;
}

static GOptionContext *options(char ***sets, char ***files,
			       gboolean *strict)
{
	const GOptionEntry entries[] = {
		{"set", 0, 0, G_OPTION_ARG_STRING_ARRAY, sets,
		 "Override a value of each file before checking it, e.g. "
		 "services.dpi.rto=2h (repeatable)",
		 "KEY=VALUE"},
		{"strict", 0, 0, G_OPTION_ARG_NONE, strict,
		 "Treat lint warnings as errors (exit status 2)", NULL},
		{G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, files,
		 NULL, "FILE..."},
		{NULL, 0, 0, 0, NULL, NULL, NULL},
	};
	GOptionContext *ctx = g_option_context_new(NULL);

	g_option_context_set_summary(
		ctx, "Validates scenario files: every problem is reported as "
		     "FILE:LINE: message.\nThen lints the valid ones: plans "
		     "that cannot hold are reported as\nFILE:LINE: warning: "
		     "MESSAGE (fix: WHAT WOULD FIX IT).\nExit status: 0 all "
		     "files are valid (warnings allowed), 2 a file is not,\n"
		     "or has warnings with --strict (or bad usage).");
	g_option_context_add_main_entries(ctx, entries, NULL);
	return ctx;
}

int mdl_cmd_check(int argc, char **argv)
{
	g_auto(GStrv) sets = NULL, files = NULL;
	gboolean strict = FALSE;
	GOptionContext *ctx = options(&sets, &files, &strict);
	GError *error = NULL;
	int code = SIM_EXIT_OK;

	if (!g_option_context_parse(ctx, &argc, &argv, &error)) {
		fprintf(stderr, "drsim check: %s\n", error->message);
		g_error_free(error);
		g_option_context_free(ctx);
		return SIM_EXIT_USAGE;
	}
	g_option_context_free(ctx);
	if (!files || !files[0]) {
		fprintf(stderr, "drsim check: no scenario file given (see "
				"'drsim check --help')\n");
		return SIM_EXIT_USAGE;
	}
	for (char **f = files; *f; f++)
		if (!check_file(*f, (const char *const *)sets, strict))
			code = SIM_EXIT_USAGE;
	return code;
}
