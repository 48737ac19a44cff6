/* fuzz.h — what the libFuzzer targets of tests/fuzz/ share.
 *
 * Each target (fuzz_NAME.c) defines LLVMFuzzerTestOneInput() and, when it
 * needs one, LLVMFuzzerInitialize(); `make fuzz` builds them with clang
 * (-fsanitize=fuzzer,address,undefined) against the library compiled with
 * the same sanitizers, and tools/fuzz.sh runs them (README.md of this
 * directory).
 *
 * A crash is anything the sanitizers catch, an abort, a GLib critical or
 * warning (made fatal by fuzz_init()), and a broken error contract:
 * fuzz_check_message() aborts when a rejected input's message is not
 * what drsim promises a user (non-empty, UTF-8, every line `WHERE: ...`).
 *
 * replay.c runs a target's LLVMFuzzerTestOneInput() on files without
 * libFuzzer: built with the project's compiler (and under `make
 * sanitize`, its sanitizers), it replays the regression inputs of
 * tests/data/fuzz/ in `make check` (tests/test_fuzz.c).
 */
#ifndef DRSIM_TESTS_FUZZ_H
#define DRSIM_TESTS_FUZZ_H

#include <stddef.h>
#include <stdint.h>

#include "models/scenario/scenario.h"

/* What libFuzzer calls (each target defines them; replay.c calls them
 * too). */
int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* TRUE in replay.c: fuzz_check_message() prints each message it checks
 * on stdout, the private directory written as "$TMP". */
extern int fuzz_echo;

/* Makes GLib criticals and warnings fatal, and a private temporary
 * directory for fuzz_write() (removed at exit). */
void fuzz_init(void);

/* Writes data (size bytes) to the file NAME of the private directory,
 * replacing it; returns its path (static, valid until the next call). */
const char *fuzz_write(const char *name, const uint8_t *data, size_t size);

/* The path of FILE of the source tree (DRSIM_SRCDIR), yours to g_free(). */
char *fuzz_source(const char *file);

/* The scenario FILE of the source tree, loaded; aborts when it does not
 * load.  Yours (the targets keep theirs for the process). */
MdlScenario *fuzz_scenario(const char *file);

/* Aborts, printing it, unless msg is a message drsim may print for a
 * rejected input: non-empty, valid UTF-8, and each of its lines of the
 * form "WHERE: WHAT" with WHERE and WHAT non-empty. */
void fuzz_check_message(const char *msg);

#endif
