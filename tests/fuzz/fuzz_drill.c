/* fuzz_drill.c — libFuzzer target: the measured times of a drill, read
 * as `drsim exercise --observed FILE` reads them (models/scenario/
 * drill.h), against tests/data/drill-scenario.cfg.
 *
 * The input's first byte chooses the format (even: .cfg, odd: .csv), the
 * rest is the file.  A rejection must say why as drsim promises
 * (fuzz_check_message()). */
#include <glib.h>

#include "fuzz.h"
#include "models/scenario/drill.h"
#include "models/scenario/scenario.h"

static MdlScenario *sc;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_init();
	sc = fuzz_scenario("tests/data/drill-scenario.cfg");
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	const char *file = fuzz_write(data[0] & 1 ? "drill.csv" : "drill.cfg",
				      data + 1, size - 1);
	GError *error = NULL;
	MdlDrill *d = mdl_drill_load(file, sc, &error);

	if (!d) {
		fuzz_check_message(error->message);
		g_error_free(error);
		return 0;
	}
	mdl_drill_free(d);
	return 0;
}
