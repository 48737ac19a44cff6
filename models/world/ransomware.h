/* ransomware.h — ransomware (docs/model.md, "Ransomware").
 * Included by ransomware.c and mechanisms.c only (world-core.h). */
#ifndef DRSIM_MODELS_WORLD_RANSOMWARE_H
#define DRSIM_MODELS_WORLD_RANSOMWARE_H

#include "world-core.h"

void recovery_schedule_threats(MdlWorld *w);
void recovery_inject_ransomware(MdlWorld *w, const MdlInjection *inj);
/* The element of a threat's event (WorldHooks.event_element). */
char *recovery_threat_event_element(const MdlWorld *w, SimHandler fn,
				    uint32_t arg, int *line);

#endif
