/* common.h — common causes (docs/model.md, "Common causes").
 * Included by common.c and mechanisms.c only (world-core.h). */
#ifndef DRSIM_MODELS_WORLD_COMMON_H
#define DRSIM_MODELS_WORLD_COMMON_H

#include "world-core.h"

/* Their streams and state, before the world lists its streams. */
void common_init(MdlWorld *w);
/* No unit held down: a new replication. */
void common_reset(MdlWorld *w);
void common_free(MdlWorld *w);
/* Schedules the first occurrence of every common cause. */
void common_schedule(MdlWorld *w);
/* The element of a common cause's event (WorldHooks.event_element). */
char *common_event_element(const MdlWorld *w, SimHandler fn, uint32_t arg,
			   int *line);

#endif
