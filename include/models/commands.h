/* commands.h — the subcommands the models provide to `drsim` (run,
 * check, compare, sweep, exercise as they come).  Table terminated by an
 * entry with a NULL name. */
#ifndef DRSIM_MODELS_COMMANDS_H
#define DRSIM_MODELS_COMMANDS_H

#include "sim/cli.h"

extern const SimCommand mdl_commands[];

/* `drsim check FILE... [--set KEY=VALUE]...`: validates each file; prints
 * "FILE: ok — ..." for a good one on stdout, the problems of a bad one on
 * stderr.  Returns 0 when every file is valid, 2 when one is not or on
 * bad usage. */
int mdl_cmd_check(int argc, char **argv);

/* `drsim run SCENARIO [OPTION...]`: plays the scenario and prints the
 * report (docs/output.md); with --out DIR also writes summary.json and
 * incidents.csv there, atomically.  Returns 0, 1 when a replication failed
 * at run time or the files could not be written, 2 on bad usage or a bad
 * scenario. */
int mdl_cmd_run(int argc, char **argv);

/* `drsim exercise SCENARIO --inject WHAT@WHEN [OPTION...]`: rehearses one
 * disaster (docs/output.md).  Returns 0, 1 when a replication failed or
 * the files could not be written, 2 on bad usage, a bad scenario or a bad
 * injection. */
int mdl_cmd_exercise(int argc, char **argv);

#endif
