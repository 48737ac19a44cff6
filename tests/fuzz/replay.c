/* replay.c — runs a fuzz target on files, without libFuzzer: `replay_T
 * FILE...` calls LLVMFuzzerInitialize() once, then
 * LLVMFuzzerTestOneInput() on each file's bytes, printing every message
 * the target checks (fuzz.h, fuzz_echo).  Exit 0 when every input went
 * through; a crash aborts as it would under libFuzzer.  tests/test_fuzz.c
 * replays the regression inputs of tests/data/fuzz/ with it. */
#include <stdio.h>
#include <glib.h>

#include "fuzz.h"

int main(int argc, char **argv)
{
	fuzz_echo = 1;
	LLVMFuzzerInitialize(&argc, &argv);
	for (int i = 1; i < argc; i++) {
		g_autofree char *data = NULL;
		gsize size;
		GError *error = NULL;

		if (!g_file_get_contents(argv[i], &data, &size, &error)) {
			fprintf(stderr, "replay: %s\n", error->message);
			g_error_free(error);
			return 2;
		}
		LLVMFuzzerTestOneInput((const uint8_t *)data, size);
	}
	return 0;
}
