/* runaway.c — a replication's event budget (`scenario.max_events`), and
 * what a replication that spent it is busy with: it goes on for
 * RUNAWAY_SAMPLE more events, one at a time (sim_engine_step()), and the
 * element most of them come from is named, with its share and its line
 * (docs/scenario-format.md, "Limits").  Part of the core (world-core.h);
 * the mechanisms name their own events (WorldHooks.event_element). */
#include "world-core.h"

#include <string.h>

#include "sim/units.h"

/* The element an event comes from, with where it is written
 * ("failure mode 'hw' of component 'san' (hospital.cfg:23)"). */
static char *event_element(const MdlWorld *w, SimHandler fn, uint32_t arg)
{
	int line = 0, file_line;
	g_autofree char *what = world_event_element(w, fn, arg, &line);

	if (!what)
		return g_strdup("the recovery of the services (detections, "
				"declarations, failovers, restores, "
				"rebuilds, failbacks)");
	if (line <= 0)
		return g_steal_pointer(&what);
	const char *file = mdl_scenario_locate(w->sc, line, &file_line);
	return g_strdup_printf("%s (%s:%d)", what, file, file_line);
}

/* Events a runaway replication goes on firing to tell what it is busy
 * with. */
#define RUNAWAY_SAMPLE 4096

/* What a replication that spent its event budget is busy with: the
 * element most of its next RUNAWAY_SAMPLE events come from (the first
 * by name among equals), and their share ("97 % of the next 4096 events
 * came from ..."). */
static char *runaway(MdlWorld *w, double horizon)
{
	/* element -> its count (a guint of its own) */
	g_autoptr(GHashTable) counts =
		g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
	GHashTableIter it;
	gpointer key, value;
	const char *top = NULL;
	guint n = 0, most = 0;
	SimEvent ev;

	while (n < RUNAWAY_SAMPLE && sim_engine_step(w->eng, horizon, &ev)) {
		char *what = event_element(w, ev.fn, ev.arg);
		guint *c = g_hash_table_lookup(counts, what);

		if (c) {
			g_free(what);
		} else {
			c = g_new0(guint, 1);
			g_hash_table_insert(counts, what, c);
		}
		++*c;
		n++;
	}
	g_hash_table_iter_init(&it, counts);
	while (g_hash_table_iter_next(&it, &key, &value)) {
		guint c = *(guint *)value;

		if (!top || c > most || (c == most && strcmp(key, top) < 0)) {
			most = c;
			top = key;
		}
	}
	if (!top)
		return g_strdup("no event came after it");
	return g_strdup_printf("%.0f %% of the next %u events came from %s",
			       100.0 * most / n, n, top);
}

gboolean world_play(MdlWorld *w, double horizon, GError **error)
{
	guint64 budget = w->sc->max_events;
	char at[32];

	/* One more than the budget: stopping there proves it was exceeded
	 * (exactly max_events events before the horizon are allowed). */
	if (sim_engine_run(w->eng, horizon, budget + 1) != SIM_STOP_EVENTS)
		return TRUE;
	sim_format_duration(sim_engine_now(w->eng), at, sizeof at);
	g_autofree char *busy = runaway(w, horizon);
	g_set_error(error, MDL_SCENARIO_ERROR, MDL_SCENARIO_ERROR_INVALID,
		    "more than %" G_GUINT64_FORMAT " events before the "
		    "horizon ('max_events' of 'scenario'), reached at %s: "
		    "%s; a zero-length cycle (check for durations of 0) or "
		    "an element firing too often",
		    budget, at, busy);
	return FALSE;
}
