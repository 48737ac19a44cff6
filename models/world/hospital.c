/* hospital.c — the hospital's side of an incident (docs/model.md, "The
 * hospital during an outage"): once the systems are back, the care
 * teams re-key what they wrote on paper, a work recovery time drawn from
 * the service's `work_recovery`.  A mechanism of world/ (world-core.h):
 * recovery.c asks for it through the hooks as an incident closes.
 *
 * Paper mode, the MTPD and a restore's full end are figures of the
 * incident that the results derive (results/hospital.c); only the draw
 * is the world's.  The organisation is the reported scenario's: a
 * replaced topology's incidents are measured against the new scenario's
 * targets, and its teams are the same teams. */
#include "hospital.h"

void hospital_init(MdlWorld *w)
{
	for (guint s = 0; s < w->sc->n_services; s++)
		w->svcs[s].work_rng = sim_rng_new(0, 0, "");
}

void hospital_free(MdlWorld *w)
{
	for (guint s = 0; s < w->sc->n_services; s++)
		sim_rng_free(w->svcs[s].work_rng);
}

void hospital_work_recovery(MdlWorld *w, guint s, MdlIncident *inc)
{
	guint out = world_out_service(w, s);
	const MdlService *sv;
	double wrt;

	inc->wrt_h = 0;
	if (out == G_MAXUINT)
		return;
	sv = &w->report_sc->services[out];
	if (!sv->work_recovery)
		return;
	/* drawn for every incident, used or not, so that a change of
	 * paper mode leaves the draws of the other incidents as they were
	 * (common random numbers) */
	wrt = sim_dist_sample(sv->work_recovery, w->svcs[s].work_rng);
	/* with a paper mode, only an outage that reached it left paper
	 * records to re-key */
	if (inc->t_restored - inc->t0 <= sv->degraded_after_h &&
	    isfinite(sv->degraded_after_h))
		return;
	inc->wrt_h = wrt;
}
