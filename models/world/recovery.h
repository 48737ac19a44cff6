/* recovery.h — incidents and their recovery (docs/model.md,
 * "Recovery").
 * Included by recovery.c and mechanisms.c only (world-core.h). */
#ifndef DRSIM_MODELS_WORLD_RECOVERY_H
#define DRSIM_MODELS_WORLD_RECOVERY_H

#include "world-core.h"

void recovery_init(MdlWorld *w);
void recovery_reset(MdlWorld *w);
void recovery_free(MdlWorld *w);
gboolean recovery_serving(const MdlWorld *w, guint s);
void recovery_incident_open(MdlWorld *w, guint s);
void recovery_incident_close(MdlWorld *w, guint s);
void recovery_lose_data(MdlWorld *w, guint d, double limit);
/* Data on component c is lost now (data_loss failure, destruction):
 * its datasets; RPO unknown for services using c without datasets. */
void recovery_data_loss_on(MdlWorld *w, guint c);
void recovery_after_change(MdlWorld *w);
void recovery_censor(MdlWorld *w);

#endif
