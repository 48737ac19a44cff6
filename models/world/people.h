/* people.h — a crew's people: absences and the loss of a key person
 * (docs/model.md, "Staff absences", "The loss of a key person").
 * Included by people.c and mechanisms.c only (world-core.h). */
#ifndef DRSIM_MODELS_WORLD_PEOPLE_H
#define DRSIM_MODELS_WORLD_PEOPLE_H

#include "world-core.h"

/* Schedules the first occurrence of every absence and key-person loss
 * of every crew, from now (the instant the topology takes over). */
void people_schedule(MdlWorld *w);
/* The element of an absence's or a key person's event
 * (WorldHooks.event_element). */
char *people_event_element(const MdlWorld *w, SimHandler fn, uint32_t arg,
			   int *line);

#endif
