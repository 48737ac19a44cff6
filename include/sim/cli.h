/* cli.h — the `drsim` command line: subcommands, help, exit codes.
 *
 * The CLI knows nothing of models: main() hands it a table of commands
 * (name, synopsis, summary, entry point), and it dispatches `drsim NAME
 * ARGS...` to NAME's entry point, prints the global help and the version.
 * Each command parses its own options with GOptionContext (so `drsim NAME
 * --help` is its own help) and returns the process exit code.
 *
 * Exit codes, for every command: 0 success; 1 the run failed at run time;
 * 2 bad usage or a bad scenario (the message says `file:line: ...`).
 * Only main() and the command entry points print.
 */
#ifndef DRSIM_SIM_CLI_H
#define DRSIM_SIM_CLI_H

#define DRSIM_VERSION "0.1.0"

enum {
	SIM_EXIT_OK = 0,
	SIM_EXIT_FAILED = 1,	/* the run failed */
	SIM_EXIT_USAGE = 2,	/* bad usage or bad input */
};

typedef struct {
	const char *name;	/* "run" */
	const char *synopsis;	/* "SCENARIO [OPTION...]" */
	const char *summary;	/* one line for the global help */
	/* argv[0] is "drsim NAME"; returns the exit code. */
	int (*main)(int argc, char **argv);
} SimCommand;

/* Dispatches argv to a command of the table (terminated by a NULL name;
 * borrowed).  Handles `--help`, `-h`, `help [NAME]`, `--version` and no
 * argument (the help, exit 2).  Returns the exit code. */
int sim_cli_main(int argc, char **argv, const SimCommand *commands);

/* The global help text (what `drsim --help` prints); g_free() it. */
char *sim_cli_help(const SimCommand *commands);

#endif
