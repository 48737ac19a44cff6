/* ransomware.h — ransomware (docs/model.md, "Ransomware").
 * Included by ransomware.c and mechanisms.c only (world-core.h). */
#ifndef DRSIM_MODELS_WORLD_RANSOMWARE_H
#define DRSIM_MODELS_WORLD_RANSOMWARE_H

#include "world-core.h"

void recovery_schedule_threats(MdlWorld *w);
void recovery_inject_ransomware(MdlWorld *w, const MdlInjection *inj);

#endif
