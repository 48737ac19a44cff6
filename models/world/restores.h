/* restores.h — restores of lost data (docs/model.md, "Recovery").
 * Included by restores.c and mechanisms.c only (world-core.h). */
#ifndef DRSIM_MODELS_WORLD_RESTORES_H
#define DRSIM_MODELS_WORLD_RESTORES_H

#include "world-core.h"

/* Starts the restores that can start now: asked for by a plan, storage
 * back, forensics over. */
void restores_try(MdlWorld *w);
/* The lost datasets of service s are to be restored, through a human
 * step when manual. */
void restores_authorise(MdlWorld *w, guint s, gboolean manual);

#endif
