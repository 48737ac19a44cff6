/* hospital.c — the hospital's side of a service's incidents, mergeable
 * (hospital.h): MTPD, paper mode, work recovery, restores in parts. */
#include "models/results/hospital.h"

#include <math.h>
#include <string.h>

/* Whether service `id` of sc restores one of its datasets in parts. */
static gboolean restores_in_parts(const MdlScenario *sc, const char *id)
{
	gint i = sc ? mdl_scenario_find_service(sc, id) : -1;

	if (i < 0)
		return FALSE;
	const MdlService *sv = &sc->services[i];

	for (guint k = 0; k < sv->n_datasets; k++)
		if (sc->datasets[sv->datasets[k]].first_fraction < 1)
			return TRUE;
	return FALSE;
}

MdlHospital *mdl_hospital_new(const MdlScenario *sc, guint i, guint n_years)
{
	const MdlService *sv = &sc->services[i];
	gboolean parts = restores_in_parts(sc, sv->id) ||
			 restores_in_parts(sc->replaces, sv->id);
	MdlHospital *h;

	if (!isfinite(sv->mtpd_h) && !isfinite(sv->degraded_after_h) &&
	    !sv->work_recovery && !parts)
		return NULL;
	h = g_new0(MdlHospital, 1);
	h->mtpd = isfinite(sv->mtpd_h);
	h->degraded = isfinite(sv->degraded_after_h);
	h->wrt = sv->work_recovery != NULL;
	h->parts = parts;
	h->n_years = n_years;
	sim_welford_init(&h->p_mtpd_breach_per_year);
	sim_welford_init(&h->degraded_h_per_year);
	sim_welford_init(&h->wrt_h);
	sim_welford_init(&h->rto_wrt_h);
	sim_welford_init(&h->full_h);
	h->wrt_sketch = sim_sketch_new(SIM_SKETCH_ALPHA);
	h->rto_wrt_sketch = sim_sketch_new(SIM_SKETCH_ALPHA);
	h->full_sketch = sim_sketch_new(SIM_SKETCH_ALPHA);
	h->year_mtpd_breached = g_new0(double, MAX(n_years, 1));
	return h;
}

void mdl_hospital_free(MdlHospital *h)
{
	if (!h)
		return;
	sim_sketch_free(h->wrt_sketch);
	sim_sketch_free(h->rto_wrt_sketch);
	sim_sketch_free(h->full_sketch);
	g_free(h->year_mtpd_breached);
	g_free(h);
}

void mdl_hospital_incident(MdlHospital *h, const MdlService *sv,
			   const MdlIncident *inc, guint y)
{
	double rto = inc->t_restored - inc->t0;
	double business = rto + inc->wrt_h;	/* t_business_ok − t0 */

	if (h->mtpd) {
		if (business <= sv->mtpd_h) {
			h->mtpd_met++;
			h->rep_mtpd_met += 1;
		} else {
			h->year_mtpd_breached[MIN(y, h->n_years - 1)] = 1;
		}
	}
	if (h->degraded && rto > sv->degraded_after_h) {
		h->degraded_incidents++;
		h->degraded_h += rto - sv->degraded_after_h;
	}
	if (h->wrt) {
		if (inc->wrt_h > 0) {
			sim_welford_add(&h->wrt_h, inc->wrt_h);
			sim_sketch_add(h->wrt_sketch, inc->wrt_h);
		}
		sim_welford_add(&h->rto_wrt_h, business);
		sim_sketch_add(h->rto_wrt_sketch, business);
	}
	if (h->parts && !isnan(inc->t_full)) {
		sim_welford_add(&h->full_h, inc->t_full - inc->t0);
		sim_sketch_add(h->full_sketch, inc->t_full - inc->t0);
	}
}

void mdl_hospital_censored(MdlHospital *h, const MdlService *sv, double t0,
			   double horizon_h)
{
	if (h->degraded)
		h->degraded_h += fmax(0, horizon_h - t0 - sv->degraded_after_h);
}

double mdl_hospital_rep_breach(const MdlHospital *h, guint whole)
{
	guint n = whole > 0 ? whole : 1;
	double hit = 0;

	if (!h || !h->mtpd)
		return 0;
	/* as results.c's breach in a year: over the whole years when there
	 * are some, else over the single partial one */
	for (guint y = 0; y < n && y < h->n_years; y++)
		hit += h->year_mtpd_breached[y];
	return hit / n;
}

double mdl_hospital_rep_met(const MdlHospital *h)
{
	return h && h->mtpd ? h->rep_mtpd_met : 0;
}

void mdl_hospital_end_replication(MdlHospital *h, double years, guint whole)
{
	if (h->mtpd)
		sim_welford_add(&h->p_mtpd_breach_per_year,
				mdl_hospital_rep_breach(h, whole));
	if (h->degraded)
		sim_welford_add(&h->degraded_h_per_year, h->degraded_h / years);
	memset(h->year_mtpd_breached, 0,
	       MAX(h->n_years, 1) * sizeof *h->year_mtpd_breached);
	h->degraded_h = 0;
	h->rep_mtpd_met = 0;
}

void mdl_hospital_merge(MdlHospital *into, const MdlHospital *from)
{
	into->mtpd_met += from->mtpd_met;
	sim_welford_merge(&into->p_mtpd_breach_per_year,
			  &from->p_mtpd_breach_per_year);
	into->degraded_incidents += from->degraded_incidents;
	sim_welford_merge(&into->degraded_h_per_year,
			  &from->degraded_h_per_year);
	sim_welford_merge(&into->wrt_h, &from->wrt_h);
	sim_welford_merge(&into->rto_wrt_h, &from->rto_wrt_h);
	sim_welford_merge(&into->full_h, &from->full_h);
	sim_sketch_merge(into->wrt_sketch, from->wrt_sketch);
	sim_sketch_merge(into->rto_wrt_sketch, from->rto_wrt_sketch);
	sim_sketch_merge(into->full_sketch, from->full_sketch);
}
