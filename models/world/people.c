/* people.c — a crew's people (docs/model.md, "Staff absences", "The
 * loss of a key person"): members away for a while, so fewer repairs at
 * once (repairs.c counts them as not free), and the loss of a key
 * person, after which the crew's human steps are slower for a while
 * (steps.c reads until when).  Each absence and each key person draws
 * from its own stream, so adding one leaves every other draw as it was. */
#include "people.h"

static void on_absence_start(SimEngine *eng, void *ctx, uint32_t arg);
static void on_key_lost(SimEngine *eng, void *ctx, uint32_t arg);

static const MdlAbsence *absence_of(const MdlWorld *w, guint a)
{
	return &w->sc->crews[w->absences[a].crew]
			.absences[w->absences[a].index];
}

static void on_absence_end(SimEngine *eng, void *ctx, uint32_t arg)
{
	MdlWorld *w = ctx;
	guint k = w->absences[arg].crew;
	Crew *cr = &w->crews[k];

	cr->absent -= absence_of(w, arg)->size;
	if (cr->absent == 0) {
		cr->reduced_h += sim_engine_now(eng) - cr->absent_since;
		cr->absent_since = INFINITY;
	}
	w->hooks->crew_dispatch(w, k);	/* members back */
}

/* The starts are separated by draws of `every`, not counted from the
 * ends: a holiday every "1y" falls on the same date each year. */
static void on_absence_start(SimEngine *eng, void *ctx, uint32_t arg)
{
	MdlWorld *w = ctx;
	const MdlAbsence *ab = absence_of(w, arg);
	Crew *cr = &w->crews[w->absences[arg].crew];
	gsl_rng *r = w->absences[arg].rng;
	double d = sim_dist_sample(ab->duration, r);

	if (cr->absent == 0)
		cr->absent_since = sim_engine_now(eng);
	cr->absent += ab->size;
	/* repairs under way run to their end; the line waits */
	sim_engine_after(eng, d, MDL_PRIO_CREW, on_absence_end, w, arg);
	sim_engine_after(eng, sim_dist_sample(ab->every, r), MDL_PRIO_HAZARD,
			 on_absence_start, w, arg);
}

/* A new loss during the period starts it again (the slowness does not
 * compound: the knowledge is missing once). */
static void on_key_lost(SimEngine *eng, void *ctx, uint32_t arg)
{
	MdlWorld *w = ctx;
	const MdlKeyPerson *kp = w->sc->crews[arg].key_person;
	Crew *cr = &w->crews[arg];
	double now = sim_engine_now(eng);

	cr->slow_until = now + sim_dist_sample(kp->period, cr->key_rng);
	sim_engine_after(eng, sim_dist_sample(kp->every, cr->key_rng),
			 MDL_PRIO_HAZARD, on_key_lost, w, arg);
}

void people_schedule(MdlWorld *w)
{
	for (guint a = 0; a < w->n_absences; a++) {
		const MdlAbsence *ab = absence_of(w, a);
		double first = isnan(ab->at_h)
				       ? sim_dist_sample(ab->every,
							 w->absences[a].rng)
				       : ab->at_h;
		sim_engine_after(w->eng, first, MDL_PRIO_HAZARD,
				 on_absence_start, w, a);
	}
	for (guint k = 0; k < w->sc->n_crews; k++)
		if (w->crews[k].key_rng)
			sim_engine_after(w->eng,
					 sim_dist_sample(
						 w->sc->crews[k].key_person->every,
						 w->crews[k].key_rng),
					 MDL_PRIO_HAZARD, on_key_lost, w, k);
}

char *people_event_element(const MdlWorld *w, SimHandler fn, uint32_t arg,
			   int *line)
{
	if (fn == on_absence_start || fn == on_absence_end) {
		const MdlAbsence *ab = absence_of(w, arg);

		*line = ab->line;
		return g_strdup_printf("absence '%s' of crew '%s'", ab->name,
				       w->sc->crews[w->absences[arg].crew].id);
	}
	if (fn == on_key_lost) {
		*line = w->sc->crews[arg].line;
		return g_strdup_printf("the key person of crew '%s'",
				       w->sc->crews[arg].id);
	}
	return NULL;
}
