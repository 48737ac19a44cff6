/* commands.h — the subcommands the models provide to `drsim` (run,
 * check, compare, sweep, exercise as they come).  Table terminated by an
 * entry with a NULL name. */
#ifndef DRSIM_MODELS_COMMANDS_H
#define DRSIM_MODELS_COMMANDS_H

#include <glib.h>

#include "models/results/compare.h"
#include "models/results/precision.h"
#include "models/results/sensitivity.h"
#include "sim/cli.h"

extern const SimCommand mdl_commands[];

/* TRUE for the commands whose plays an mpirun launch spreads over its
 * ranks (run, compare, sweep: results/batch.h). */
gboolean mdl_command_spreads(const char *name);

/* `drsim check FILE... [--strict] [--set KEY=VALUE]...`: validates each
 * file and lints it; prints "FILE: ok — ..." (", N warnings") on stdout
 * for a good one, the problems of a bad one and the warnings on stderr.
 * Returns 0 when every file is valid, 2 when one is not, on bad usage, or
 * with --strict when any warning was given. */
int mdl_cmd_check(int argc, char **argv);

/* `drsim run SCENARIO [OPTION...]`: plays the scenario and prints the
 * report (docs/output.md); with --out DIR also writes summary.json,
 * incidents.csv and the charts' .dat/.gp files there, atomically (--plot
 * renders them).  Returns 0, 1 when a replication failed
 * at run time or the files could not be written, 2 on bad usage or a bad
 * scenario. */
int mdl_cmd_run(int argc, char **argv);

/* `drsim compare A.cfg B.cfg... [OPTION...]`: plays every scenario with
 * the same replications and seed and prints their figures side by side;
 * with --out DIR also writes compare.json, the charts' data and each
 * scenario's summary.json and incidents.csv.  Returns 0, 1 when a run or
 * a file failed, 2 on bad usage or a bad scenario (nothing written). */
int mdl_cmd_compare(int argc, char **argv);

/* `drsim sweep SCENARIO --set KEY=V1,V2,... [OPTION...]`: plays the
 * scenario at every point of the cartesian product of the swept values,
 * the first key varying slowest, all with the same replications and seed;
 * with --out DIR also writes sweep.dat, sweep.json and each point's
 * summary.json.  Returns 0, 1 when a run or a file failed, 2 on bad usage
 * or a bad value at any point (all checked before the first run). */
int mdl_cmd_sweep(int argc, char **argv);

/* `drsim sensitivity SCENARIO [--vary KEY=LOW,HIGH]... [OPTION...]`:
 * plays the scenario at its base values and, one parameter at a time, at
 * each parameter's low and high value (the automatic set without
 * --vary), all with the same replications and seed, and prints the
 * tornado of each service's probability of a breach in a year and of
 * the total cost; with --out DIR also writes the tornado charts' .dat
 * and .gp and summary.json.  Returns 0, 1 when a run or a file failed,
 * 2 on bad usage, a bad --vary or a value that does not load (all
 * checked before the first run). */
int mdl_cmd_sensitivity(int argc, char **argv);

/* `drsim exercise SCENARIO --inject WHAT@WHEN [OPTION...]`: rehearses one
 * disaster (docs/output.md).  Returns 0, 1 when a replication failed or
 * the files could not be written, 2 on bad usage, a bad scenario or a bad
 * injection. */
int mdl_cmd_exercise(int argc, char **argv);

/* `drsim merge DIR|FILE... --out OUT`: merges the shards written by
 * `--shard I/K` of a run, compare or sweep and writes what the command
 * would have written in one process (docs/scale-out.md).  Returns the
 * command's exit code, or 2 when a shard is missing, twice, corrupt, of
 * another format version or of another command. */
int mdl_cmd_merge(int argc, char **argv);

/* argv as a command line to copy and paste (arguments quoted when the
 * shell would split them); yours to g_free(). */
char *mdl_cli_command_line(int argc, char **argv);

/* What --report needs (report_cli.c); everything borrowed. */
typedef struct {
	const char *prog;		/* "drsim compare", for messages */
	const char *path;		/* the report's file */
	const char *command;		/* the command line */
	const MdlCompareSet *set;	/* the scenarios played */
	char *const *const *sets;	/* [set->n]: the overrides each was
					   loaded with */
	const char *horizon;		/* -H, or NULL */
	unsigned threads;
	const MdlPrecisionOutcome *precision;	/* or NULL */
} MdlReportJob;

/* Plays the automatic sensitivity of every scenario of job->set (at most
 * 500 replications, the same seed) for its tornadoes, then writes the
 * decision report (report/html.h) to job->path and says so on stderr.
 * The exit code: 0, or 1 with the reason on stderr (nothing written). */
int mdl_cli_write_report(const MdlReportJob *job);

/* What --report of run needs; results taken, the rest borrowed. */
typedef struct {
	const char *prog, *path, *command;
	const MdlScenario *sc;		/* as played */
	const char *const *sets;	/* the overrides it was loaded with */
	MdlResults *results;		/* its results: taken */
	const MdlRunInfo *info;
	unsigned threads;
} MdlRunReport;

/* The report of one run (as mdl_cli_write_report(), the scenario loaded
 * again for the report's own play); the exit code. */
int mdl_cli_run_report(const MdlRunReport *run);

/* The automatic sensitivity of file (docs/output.md, "sensitivity": its
 * main rates and durations at -50 % and +50 %) with the overrides sets,
 * horizon (or NULL), replications and seed (or -1: the file's), played
 * on threads: what a report draws as tornadoes.  Yours to
 * mdl_sensitivity_free(); NULL with error set (a scenario error, or no
 * parameter to vary, or a failed run). */
MdlSensitivity *mdl_sensitivity_auto(const char *prog, const char *file,
				     char *const *sets, const char *horizon,
				     gint64 replications, gint64 seed,
				     unsigned threads, GError **error);

#endif
