/* hazards.h — site hazards (docs/model.md, "Site hazards").
 * Included by hazards.c and mechanisms.c only (world-core.h). */
#ifndef DRSIM_MODELS_WORLD_HAZARDS_H
#define DRSIM_MODELS_WORLD_HAZARDS_H

#include "world-core.h"

/* Schedules the first occurrence of every hazard of every site. */
void world_schedule_hazards(MdlWorld *w);
/* Everything on site s is lost now, until a rebuild. */
void world_destroy_site(MdlWorld *w, guint s);
/* The element of a hazard's event (WorldHooks.event_element). */
char *world_hazards_event_element(const MdlWorld *w, SimHandler fn,
				  uint32_t arg, int *line);

#endif
