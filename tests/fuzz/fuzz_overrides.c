/* fuzz_overrides.c — libFuzzer target: `--set KEY=VALUE` overrides and
 * `--inject WHAT@WHEN` exercises on a shipped scenario
 * (scenarios/example.cfg, which has sites, hazards, components, copies,
 * a failover and ransomware to name).
 *
 * The input is lines: "inject SPEC" is an injection, any other line but
 * an empty one a --set (the first 32).  The scenario is loaded with the
 * sets as `drsim run --set` does; when it loads, each injection is
 * parsed as `drsim exercise --inject` does, and one that parses is
 * played (replication 0, nothing failing but it).  A rejection must say
 * why as drsim promises (fuzz_check_message()). */
#include <string.h>
#include <glib.h>

#include "fuzz.h"
#include "models/results/results.h"
#include "models/scenario/labels.h"
#include "models/scenario/scenario.h"
#include "models/world/world.h"

#define MAX_SETS 32
#define INJECT "inject "

static char *base;	/* the scenario's path */

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_init();
	base = fuzz_source("scenarios/example.cfg");
	return 0;
}

/* Parses spec for sc and, when it is good, plays it once. */
static void inject(const MdlScenario *sc, const MdlLabels *labels,
		   const char *spec)
{
	MdlInjection inj;
	GError *error = NULL;

	if (!mdl_injection_parse(sc, labels, spec, &inj, &error)) {
		/* drsim exercise prints the message alone: it has no
		 * WHERE of its own */
		g_autofree char *msg =
			g_strdup_printf("--inject: %s", error->message);
		fuzz_check_message(msg);
		g_error_free(error);
		mdl_injection_clear(&inj);
		return;
	}
	MdlWorld *w = mdl_world_new(sc);
	MdlResults *r = mdl_results_new(sc, labels, TRUE);

	if (!mdl_results_play_exercise(w, 0, &inj, r, &error)) {
		fuzz_check_message(error->message);
		g_error_free(error);
	}
	mdl_results_free(r);
	mdl_world_free(w);
	mdl_injection_clear(&inj);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	g_autofree char *text = g_strndup((const char *)data, size);
	g_auto(GStrv) lines = g_strsplit(text, "\n", -1);
	g_autoptr(GPtrArray) sets = g_ptr_array_new();
	g_autoptr(GPtrArray) injects = g_ptr_array_new();
	GError *error = NULL;

	for (guint i = 0; lines[i]; i++) {
		if (!*lines[i])
			continue;
		if (g_str_has_prefix(lines[i], INJECT))
			g_ptr_array_add(injects, lines[i] + strlen(INJECT));
		else if (sets->len < MAX_SETS)
			g_ptr_array_add(sets, lines[i]);
	}
	g_ptr_array_add(sets, NULL);
	MdlScenario *sc = mdl_scenario_load(
		base, (const char *const *)sets->pdata, &error);
	if (!sc) {
		fuzz_check_message(error->message);
		g_error_free(error);
		return 0;
	}
	MdlLabels *labels = mdl_labels_new(sc);
	for (guint i = 0; i < injects->len; i++)
		inject(sc, labels, injects->pdata[i]);
	mdl_labels_free(labels);
	mdl_scenario_free(sc);
	return 0;
}
