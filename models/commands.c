/* commands.c — the table of drsim's subcommands. */
#include "models/commands.h"

#include <stddef.h>

const SimCommand mdl_commands[] = {
	{ "run", "SCENARIO [OPTION...]",
	  "play a scenario, report availability, RTO and RPO", mdl_cmd_run },
	{ "exercise", "SCENARIO --inject WHAT@WHEN",
	  "rehearse one disaster: each step's time, RTO/RPO reached",
	  mdl_cmd_exercise },
	{ "check", "FILE... [--set KEY=VALUE]...", "validate scenario files",
	  mdl_cmd_check },
	{ NULL, NULL, NULL, NULL },
};
