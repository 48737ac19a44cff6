/* main.c — the composition root: hands the models' commands to the CLI.
 * The only place where the engine side meets the model side. */
#include <locale.h>

#include "models/cli/commands.h"
#include "models/results/simulate.h"
#include "sim/cli.h"

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
	/* Numbers in tables, CSV and JSON always use a decimal point. */
	setlocale(LC_NUMERIC, "C");
	mdl_simulate_catch_interrupt();
	return sim_cli_main(argc, argv, mdl_commands);
}
