/* exercise.h — the injection of mdl_world_run_exercise().
 * Included by exercise.c and mechanisms.c only (world-core.h). */
#ifndef DRSIM_MODELS_WORLD_EXERCISE_H
#define DRSIM_MODELS_WORLD_EXERCISE_H

#include "world-core.h"

void world_schedule_injection(MdlWorld *w, const MdlInjection *inj);

#endif
