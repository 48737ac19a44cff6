/* cmd_check.c — `drsim check FILE... [--set KEY=VALUE]...`: loads and
 * validates each scenario file, says "ok" with a one-line summary or
 * prints every problem found. */
#include <stdio.h>
#include <glib.h>

#include "models/commands.h"
#include "models/scenario.h"
#include "sim/units.h"

/* "1 site", "2 sites". */
static char *count(guint64 n, const char *noun)
{
	return g_strdup_printf("%" G_GUINT64_FORMAT " %s%s", n, noun,
			       n == 1 ? "" : "s");
}

static void print_summary(const char *file, const MdlScenario *sc)
{
	char horizon[16];
	g_autofree char *sites = count(sc->n_sites, "site");
	g_autofree char *crews = count(sc->n_crews, "crew");
	g_autofree char *components = count(sc->n_components, "component");
	g_autofree char *services = count(sc->n_services, "service");
	g_autofree char *reps = count(sc->replications, "replication");

	sim_format_duration(sc->horizon_h, horizon, sizeof horizon);
	printf("%s: ok — %s, %s, %s, %s, horizon %s, %s\n", file, sites, crews,
	       components, services, horizon, reps);
}

/* Checks one file; FALSE when it is bad (its problems on stderr). */
static gboolean check_file(const char *file, const char *const *sets)
{
	GError *error = NULL;
	MdlScenario *sc = mdl_scenario_load(file, sets, &error);

	if (!sc) {
		fprintf(stderr, "%s\n", error->message);
		g_error_free(error);
		return FALSE;
	}
	print_summary(file, sc);
	mdl_scenario_free(sc);
	return TRUE;
}

static GOptionContext *options(char ***sets, char ***files)
{
	const GOptionEntry entries[] = {
		{"set", 0, 0, G_OPTION_ARG_STRING_ARRAY, sets,
		 "Override a value of each file before checking it, e.g. "
		 "services.dpi.rto=2h (repeatable)",
		 "KEY=VALUE"},
		{G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, files,
		 NULL, "FILE..."},
		{NULL, 0, 0, 0, NULL, NULL, NULL},
	};
	GOptionContext *ctx = g_option_context_new(NULL);

	g_option_context_set_summary(
		ctx, "Validates scenario files: every problem is reported as "
		     "FILE:LINE: message.\nExit status: 0 all files are "
		     "valid, 2 a file is not (or bad usage).");
	g_option_context_add_main_entries(ctx, entries, NULL);
	return ctx;
}

int mdl_cmd_check(int argc, char **argv)
{
	g_auto(GStrv) sets = NULL, files = NULL;
	GOptionContext *ctx = options(&sets, &files);
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
		if (!check_file(*f, (const char *const *)sets))
			code = SIM_EXIT_USAGE;
	return code;
}
