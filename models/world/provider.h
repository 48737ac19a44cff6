/* provider.h — provider risks: a host's exit and the move of the
 * services it holds (docs/model.md, "Provider risks").
 * Included by provider.c and mechanisms.c only (world-core.h). */
#ifndef DRSIM_MODELS_WORLD_PROVIDER_H
#define DRSIM_MODELS_WORLD_PROVIDER_H

#include "world-core.h"

/* Their streams, before the world lists its streams. */
void provider_init(MdlWorld *w);
void provider_free(MdlWorld *w);
/* Schedules the first exit of every provider with an exit risk (none in
 * the world of a replaced topology: see provider.c). */
void provider_schedule(MdlWorld *w);

#endif
