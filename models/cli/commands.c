/* commands.c — the table of drsim's subcommands. */
#include "models/cli/commands.h"

#include <stddef.h>
#include <string.h>

const SimCommand mdl_commands[] = {
	{ "run", "SCENARIO [OPTION...]",
	  "play a scenario, report availability, RTO and RPO", mdl_cmd_run },
	{ "exercise", "SCENARIO --inject WHAT@WHEN",
	  "rehearse one disaster: each step's time, RTO/RPO reached",
	  mdl_cmd_exercise },
	{ "check", "FILE... [--strict] [--set K=V]...", "validate and lint scenario files",
	  mdl_cmd_check },
	{ "compare", "A.cfg B.cfg... [OPTION...]",
	  "play scenarios side by side, service by service", mdl_cmd_compare },
	{ "sweep", "SCENARIO --set KEY=V1,V2,...",
	  "play a scenario at every point of a grid of values", mdl_cmd_sweep },
	{ "sensitivity", "SCENARIO [--vary KEY=LOW,HIGH]...",
	  "vary one parameter at a time: the tornado of breach and cost",
	  mdl_cmd_sensitivity },
	{ "merge", "DIR|FILE... --out OUT",
	  "join the shards of a run, compare or sweep into its outputs",
	  mdl_cmd_merge },
	{ NULL, NULL, NULL, NULL },
};

gboolean mdl_command_spreads(const char *name)
{
	return strcmp(name, "run") == 0 || strcmp(name, "compare") == 0 ||
	       strcmp(name, "sweep") == 0;
}
