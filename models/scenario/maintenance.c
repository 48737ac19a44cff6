/* maintenance.c — maintenance windows of sites and components, read
 * from their optional `maintenance` group (docs/scenario-format.md):
 *
 *   maintenance = { weekly = "sun 02:00"; every_weeks = 26;
 *                   duration = "6h"; };
 *
 * A window opens at the first such instant at or after the start, then
 * every `every_weeks` weeks (1 when not given), for `duration`. */
#include "scenario-private.h"

#include "sim/units.h"

static const char *const maintenance_keys[] = {"weekly", "every_weeks",
					       "duration", NULL};

/* The hour of week of `weekly`; FALSE after reporting it. */
static gboolean read_weekly(Loader *ld, const config_setting_t *s,
			    const char *ctx, double *how)
{
	GError *err = NULL;
	const char *text;

	if (!ld_text(ld, s, ctx, FALSE, &text))
		return FALSE;
	if (sim_parse_weekly(text, how, &err))
		return TRUE;
	ld_error(ld, s, "'weekly' in %s: %s", ctx, err->message);
	g_error_free(err);
	return FALSE;
}

/* The duration, > 0 and shorter than the period; FALSE after
 * reporting it. */
static gboolean read_length(Loader *ld, const config_setting_t *s,
			    const char *ctx, double period_h, double *out)
{
	g_autofree char *got = NULL;

	if (!ld_duration(ld, s, ctx, out))
		return FALSE;
	if (*out > 0 && *out < period_h)
		return TRUE;
	got = ld_value_text(s);
	ld_error(ld, s,
		 "'duration' must be > 0 and shorter than the period "
		 "between windows in %s (got %s)",
		 ctx, got);
	return FALSE;
}

void ld_read_maintenance(Loader *ld, const config_setting_t *g,
			 MdlScenario *sc, MdlWindow *win, const char *owner)
{
	config_setting_t *mg = ld_group(ld, g, "maintenance", owner);
	config_setting_t *weekly, *every, *dur;
	g_autofree char *ctx = NULL;
	double how = 0, length;
	gint64 weeks = 1;

	if (!mg)
		return;
	ctx = g_strdup_printf("the maintenance of %s", owner);
	ld_check_keys(ld, mg, maintenance_keys, ctx);
	weekly = ld_required(ld, mg, "weekly", ctx);
	dur = ld_required(ld, mg, "duration", ctx);
	if ((every = config_setting_get_member(mg, "every_weeks")) &&
	    !ld_int(ld, every, ctx, 1, 520, &weeks))
		return;
	if (!weekly || !read_weekly(ld, weekly, ctx, &how) || !dur ||
	    !read_length(ld, dur, ctx, 168.0 * (double)weeks, &length))
		return;
	win->first_h = sim_calendar_next_weekly(&sc->calendar, 0, how);
	win->period_h = 168.0 * (double)weeks;
	win->duration_h = length;
	sc->has_maintenance = TRUE;
}
