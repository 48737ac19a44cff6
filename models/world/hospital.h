/* hospital.h — the hospital's side of an incident: the work recovery
 * after the systems are back (docs/model.md, "The hospital during an
 * outage").  Included by hospital.c and mechanisms.c only
 * (world-core.h). */
#ifndef DRSIM_MODELS_WORLD_HOSPITAL_H
#define DRSIM_MODELS_WORLD_HOSPITAL_H

#include "world-core.h"

/* Each service's stream of work recovery times, allocated; freed. */
void hospital_init(MdlWorld *w);
void hospital_free(MdlWorld *w);
/* inc->wrt_h of the incident of service s closing now (its t0 and
 * t_restored set). */
void hospital_work_recovery(MdlWorld *w, guint s, MdlIncident *inc);

#endif
