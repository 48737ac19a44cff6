/* limits.c — the event budget checked before the run: an element whose
 * expected firings over the horizon alone exceed `scenario.max_events`
 * would make every replication fail (world.c stops a replication at the
 * budget), after running for a long time; it is rejected at its line,
 * named, so that the run fails before it starts.
 *
 * Only the failure modes of components are estimated: a unit fails
 * again only once repaired, so a mode fires about units × horizon /
 * (mean time to failure + mean repair) times, each firing at least a
 * failure and a repair.  The jobs of copies are not events (a restore
 * finds the job it needs by arithmetic), so a backup every second costs
 * nothing.  Hazards, threats and cascades are not estimated: the
 * estimate is a lower bound, and a scenario it accepts may still exceed
 * the budget at run time, which then fails there
 * (docs/scenario-format.md, "Limits").  O(failure modes).
 *
 * And the units of all the components together: each replication holds
 * the state of every one of them.
 */
#include "scenario-private.h"

/* The failure modes of component c. */
static void check_component(Loader *ld, const MdlScenario *sc,
			    const MdlComponent *c)
{
	char mean[32], repair[32], horizon[32];

	for (guint m = 0; m < c->n_modes; m++) {
		const MdlFailureMode *f = &c->modes[m];
		double ttf_h = f->ttf ? sim_dist_mean(f->ttf) : 0;
		double rep_h = f->repair ? sim_dist_mean(f->repair) : 0;
		double n = c->count * sc->horizon_h / (ttf_h + rep_h);

		if (!(ttf_h + rep_h > 0) || n <= (double)sc->max_events)
			continue;
		sim_format_duration(ttf_h, mean, sizeof mean);
		sim_format_duration(rep_h, repair, sizeof repair);
		sim_format_duration(sc->horizon_h, horizon, sizeof horizon);
		ld_error_line(ld, (unsigned)f->line,
			      "failure mode '%s' of component '%s' fails "
			      "about %.3g times per replication (%u unit%s, "
			      "mean time to failure %s, repair %s, over %s): "
			      "more than 'max_events' %" G_GUINT64_FORMAT
			      " of 'scenario'",
			      f->name, c->id, n, c->count,
			      c->count == 1 ? "" : "s", mean, repair, horizon,
			      sc->max_events);
	}
}

/* Every replication holds the state of every unit: their number is
 * bounded in all, not only per component (LD_MAX_COUNT). */
static void check_units(Loader *ld, const MdlScenario *sc)
{
	guint64 units = 0;

	for (guint i = 0; i < sc->n_components; i++) {
		const MdlComponent *c = &sc->components[i];

		units += c->count;
		if (units <= LD_MAX_UNITS)
			continue;
		ld_error_line(ld, (unsigned)c->line,
			      "component '%s' (%u unit%s) brings the units of "
			      "the scenario to %" G_GUINT64_FORMAT ": at most "
			      "%llu in all (each replication holds the state "
			      "of every unit)",
			      c->id, c->count, c->count == 1 ? "" : "s",
			      units, LD_MAX_UNITS);
		return;
	}
}

void ld_check_event_budget(Loader *ld, const MdlScenario *sc)
{
	/* On a scenario with errors, the elements may be half read. */
	if (ld_failed(ld))
		return;
	check_units(ld, sc);
	for (guint i = 0; i < sc->n_components; i++)
		check_component(ld, sc, &sc->components[i]);
}
