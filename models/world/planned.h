/* planned.h — maintenance windows: planned downtime (docs/model.md,
 * "Planned downtime").  Included by planned.c and mechanisms.c only
 * (world-core.h). */
#ifndef DRSIM_MODELS_WORLD_PLANNED_H
#define DRSIM_MODELS_WORLD_PLANNED_H

#include "world-core.h"

void planned_init(MdlWorld *w);
void planned_free(MdlWorld *w);
/* No window open; the first one of every component and site
 * scheduled. */
void planned_reset(MdlWorld *w);
/* The hook next_window (world-core.h). */
double planned_next_window(const MdlWorld *w, guint s, double t);
/* The element of a maintenance window's event
 * (WorldHooks.event_element). */
char *planned_event_element(const MdlWorld *w, SimHandler fn, uint32_t arg,
			    int *line);

#endif
