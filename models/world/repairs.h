/* repairs.h — crews (docs/model.md, "Repair crews").
 * Included by repairs.c and mechanisms.c only (world-core.h). */
#ifndef DRSIM_MODELS_WORLD_REPAIRS_H
#define DRSIM_MODELS_WORLD_REPAIRS_H

#include "world-core.h"

/* Unit failed now: its repair starts at once, or waits for its crew. */
void world_repair_request(MdlWorld *w, guint unit);
/* Gives waiting repairs to the free members of crew k, if it can now. */
void world_crew_dispatch(MdlWorld *w, guint k);
/* Withdraws unit's repair: out of its crew's line, or its member freed. */
void world_repair_cancel(MdlWorld *w, guint unit);
/* The element of a repair's event (WorldHooks.event_element). */
char *world_repairs_event_element(const MdlWorld *w, SimHandler fn,
				  uint32_t arg, int *line);

#endif
