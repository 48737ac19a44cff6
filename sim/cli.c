/* cli.c — subcommand dispatch and the global help. */
#include "sim/cli.h"

#include <stdio.h>
#include <string.h>
#include <glib.h>

#include "sim/mpi.h"

static const char intro[] =
	"drsim — Monte-Carlo simulation of business continuity and disaster\n"
	"recovery (PCA/PRA) for health information systems: what a DR plan\n"
	"really achieves, incident by incident (RTO, RPO, availability, data\n"
	"lost, cost), with confidence intervals.\n";

char *sim_cli_help(const SimCommand *commands)
{
	GString *s = g_string_new(intro);

	g_string_append(s, "\nUsage:\n  drsim COMMAND [ARGUMENT...] [OPTION...]\n"
			   "  drsim COMMAND --help    options of a command\n"
			   "  drsim --version\n\nCommands:\n");
	if (!commands[0].name)
		g_string_append(s, "  (none yet)\n");
	/* each command on its line, what it does under it: synopses are
	 * too long for columns within 80 characters */
	for (const SimCommand *c = commands; c->name; c++)
		g_string_append_printf(s, "  %s %s\n      %s\n", c->name,
				       c->synopsis, c->summary);
	g_string_append(s, "\nExit status: 0 success, 1 the run failed, "
			   "2 bad usage or bad scenario.\n"
			   "Documentation: README.md and docs/ in the source "
			   "tree.\n");
	return g_string_free(s, FALSE);
}

static const SimCommand *find(const SimCommand *commands, const char *name)
{
	for (const SimCommand *c = commands; c->name; c++)
		if (strcmp(c->name, name) == 0)
			return c;
	return NULL;
}

static int print_help(const SimCommand *commands, FILE *out, int code)
{
	g_autofree char *text = sim_cli_help(commands);

	fputs(text, out);
	return code;
}

/* Runs command c with argv[0] replaced by "drsim NAME" (as its help
 * shows it). */
static int run_command(const SimCommand *c, int argc, char **argv)
{
	g_autofree char *prog = g_strdup_printf("drsim %s", c->name);
	char **args = g_new0(char *, (size_t)argc + 1);
	int code;

	args[0] = prog;
	for (int i = 1; i < argc; i++)
		args[i] = argv[i];
	code = c->main(argc, args);
	g_free(args);
	return code;
}

int sim_cli_main(int argc, char **argv, const SimCommand *commands)
{
	g_return_val_if_fail(argc >= 1 && argv && commands, SIM_EXIT_USAGE);

	if (argc < 2)
		return print_help(commands, stderr, SIM_EXIT_USAGE);
	const char *arg = argv[1];
	if (!strcmp(arg, "--help") || !strcmp(arg, "-h"))
		return print_help(commands, stdout, SIM_EXIT_OK);
	if (!strcmp(arg, "--version")) {
		printf("drsim %s\n", DRSIM_VERSION);
		printf("MPI: %s\n", sim_mpi_built()
					     ? "built in (mpirun -np N drsim ...)"
					     : "not built in (make MPI=1)");
		return SIM_EXIT_OK;
	}
	if (!strcmp(arg, "help")) {
		if (argc < 3)
			return print_help(commands, stdout, SIM_EXIT_OK);
		const SimCommand *c = find(commands, argv[2]);
		if (!c) {
			fprintf(stderr, "drsim: unknown command '%s'\n", argv[2]);
			return SIM_EXIT_USAGE;
		}
		char *help_argv[] = { argv[0], (char *)"--help", NULL };
		return run_command(c, 2, help_argv);
	}
	const SimCommand *c = find(commands, arg);
	if (!c) {
		fprintf(stderr, "drsim: unknown command '%s' (see 'drsim --help')\n",
			arg);
		return SIM_EXIT_USAGE;
	}
	return run_command(c, argc - 1, argv + 1);
}
