/* fuzz_scenario.c — libFuzzer target: a scenario file, loaded, validated
 * and linted as `drsim check` does.  The input is the file's text; an
 * accepted scenario is linted and its warnings formatted, a rejected one
 * must say why as drsim promises (fuzz_check_message()). */
#include <glib.h>

#include "fuzz.h"
#include "models/scenario/lint.h"
#include "models/scenario/scenario.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_init();
	return 0;
}

static void lint(const MdlScenario *sc, const char *file)
{
	g_autoptr(GPtrArray) ws = mdl_lint(sc);

	for (guint i = 0; i < ws->len; i++) {
		g_autofree char *line =
			mdl_lint_warning_format(ws->pdata[i], file);
		fuzz_check_message(line);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *file = fuzz_write("fuzz.cfg", data, size);
	GError *error = NULL;
	MdlScenario *sc = mdl_scenario_load(file, NULL, &error);

	if (!sc) {
		fuzz_check_message(error->message);
		g_error_free(error);
		return 0;
	}
	lint(sc, file);
	mdl_scenario_free(sc);
	return 0;
}
