/* steps.c — what the core offers every mechanism for human and traced
 * steps (world-core.h): a step in the trace, and the wait before a crew
 * can start one. */
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
		return sim_dist_sample(mk->callout, r);
	return sim_schedule_next_open(mk->hours, &w->sc->calendar, now) - now;
}
