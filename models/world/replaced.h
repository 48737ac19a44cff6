/* replaced.h — the topology in service until this one
 * (docs/model.md, "Replaced infrastructure").
 * Included by replaced.c and mechanisms.c only (world-core.h). */
#ifndef DRSIM_MODELS_WORLD_REPLACED_H
#define DRSIM_MODELS_WORLD_REPLACED_H

#include "world-core.h"

/* The world of sc->replaces inside w, when there is one. */
void replaced_init(MdlWorld *w);
/* Plays the replaced topology from 0 until w's takes over: sets
 * w->start and w->before_uptime, reports to w->rec. */
gboolean replaced_play(MdlWorld *w, GError **error);
/* An incident of w (a replaced world) closed: stops it when it was the
 * last one open past the switch. */
void replaced_incident_closed(MdlWorld *w);

#endif
