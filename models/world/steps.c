/* steps.c — what the core offers every mechanism for human and traced
 * steps (world-core.h): a step in the trace, the wait before a crew
 * can start one, and how much slower its steps are after the loss of a
 * key person (people.c sets until when). */
#include "world-core.h"

#include <stdarg.h>

/* A recovery step of service s (or dataset, for restores) in the trace. */
void world_step(MdlWorld *w, const char *id, const char *fmt, ...)
{
	va_list ap;

	if (!w->trace)
		return;
	va_start(ap, fmt);
	g_autofree char *what = g_strdup_vprintf(fmt, ap);
	va_end(ap);
	world_trace(w, MDL_TRACE_STEP, id, what);
}

/* The wait before a human step can start now: 0 in staffed hours (or
 * without crew), a call-out delay on call, else until the next staffed
 * instant. */
double world_human_delay(MdlWorld *w, gint crew, gsl_rng *r)
{
	if (crew < 0)
		return 0;
	const MdlCrew *mk = &w->sc->crews[crew];
	double now = world_now(w);
	if (sim_schedule_contains(mk->hours, &w->sc->calendar, now))
		return 0;
	if (mk->callout)
		return sim_dist_sample(mk->callout, r) *
		       world_crew_slowness(w, crew);
	return sim_schedule_next_open(mk->hours, &w->sc->calendar, now) - now;
}

double world_crew_slowness(const MdlWorld *w, gint crew)
{
	if (crew < 0)
		return 1;
	const MdlKeyPerson *kp = w->sc->crews[crew].key_person;
	/* [loss, slow_until): the end of the period is at normal speed */
	return kp && world_now(w) < w->crews[crew].slow_until ? 1 + kp->slower
							       : 1;
}

double world_human_step(const MdlWorld *w, gint crew, const SimDist *law,
			gsl_rng *r)
{
	return world_draw(law, r) * world_crew_slowness(w, crew);
}
