/* main.c — the composition root: hands the models' commands to the CLI.
 * The only place where the engine side meets the model side.
 *
 * Under mpirun (sim/mpi.h), every rank runs the command; those that
 * spread their plays over the ranks (run, compare, sweep: batch.h) have
 * rank 0 alone print and write, and the other commands run on rank 0
 * only.  The other ranks' stdout and stderr go to /dev/null: their
 * failures reach rank 0, which says them. */
#include <locale.h>
#include <stdio.h>

#include "models/cli/commands.h"
#include "models/results/simulate.h"
#include "sim/cli.h"
#include "sim/mpi.h"

/* A rank other than 0 stays silent. */
static void silence(void)
{
	if (!freopen("/dev/null", "w", stdout) ||
	    !freopen("/dev/null", "w", stderr))
		return;
}

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
	/* Numbers in tables, CSV and JSON always use a decimal point. */
	setlocale(LC_NUMERIC, "C");
	if (!sim_mpi_built() && sim_mpi_launch_size() > 1) {
		fprintf(stderr, "%s: started by mpirun, but this drsim was "
			"built without MPI: every process would play "
			"everything (build it with make MPI=1; "
			"docs/scale-out.md)\n", argv[0]);
		return SIM_EXIT_USAGE;
	}
	if (sim_mpi_start(&argc, &argv) && sim_mpi_rank() != 0) {
		silence();
		if (argc < 2 || !mdl_command_spreads(argv[1]))
			return sim_mpi_finish(SIM_EXIT_OK);
	}
	mdl_simulate_catch_interrupt();
	int code = sim_cli_main(argc, argv, mdl_commands);
	/* stopped by SIGINT or SIGTERM: 128 + its number, as a shell says */
	if (code != SIM_EXIT_OK && mdl_simulate_interrupted())
		code = 128 + mdl_simulate_interrupt_signal();
	return sim_mpi_finish(code);
}
