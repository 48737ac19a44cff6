/* people.c — reading a crew's people: its `absences` (holidays,
 * sickness, turnover: members away for a while) and its `key_person`
 * (whose loss slows its human steps for a while).  See MdlAbsence and
 * MdlKeyPerson in scenario.h, docs/scenario-format.md ("crews") and
 * docs/model.md ("Staff absences", "The loss of a key person").
 *
 * A file of its own rather than more of topology.c: the crew's own keys
 * stay there, these two groups only need the crew's size. */
#include "scenario-private.h"

#include <math.h>

static const char *const absence_keys[] = {"name", "rate",     "every", "at",
					   "duration", "size", NULL};
static const char *const key_person_keys[] = {"rate", "every", "slower",
					      "for", NULL};

/* `size`: members away, at least 1 and at most the crew's size (0 when
 * the crew's own was bad: reported already). */
static void read_absence_size(Loader *ld, const config_setting_t *g,
			      const MdlCrew *c, MdlAbsence *a, const char *ctx)
{
	config_setting_t *s = config_setting_get_member(g, "size");
	gint64 v;

	a->size = 1;
	if (!s || !ld_int(ld, s, ctx, 1, LD_MAX_COUNT, &v))
		return;
	a->size = (guint)v;
	if (c->size > 0 && a->size > c->size)
		ld_error(ld, s,
			 "'size' (%u) must not exceed the crew's 'size' (%u) "
			 "in %s",
			 a->size, c->size, ctx);
}

static void read_absence(Loader *ld, const config_setting_t *g, int i,
			 const MdlCrew *c, MdlAbsence *a, const char *crew_ctx)
{
	g_autofree char *ctx = ld_object_ctx(g, "name", "absence", i,
					     crew_ctx);
	config_setting_t *s;

	ld_check_keys(ld, g, absence_keys, ctx);
	a->line = (int)ld_line(g);
	a->name = ld_required_text(ld, g, "name", ctx);
	a->every = ld_occurrence(ld, g, "every", ctx);
	a->at_h = NAN;
	if ((s = config_setting_get_member(g, "at")))
		ld_duration(ld, s, ctx, &a->at_h);
	if ((s = ld_required(ld, g, "duration", ctx)))
		a->duration = ld_law(ld, s, ctx);
	read_absence_size(ld, g, c, a, ctx);
}

static void read_absences(Loader *ld, const config_setting_t *g, MdlCrew *c,
			  const char *ctx)
{
	config_setting_t *list =
		ld_sublist(ld, g, "absences", ctx, FALSE, &c->n_absences);

	c->absences = g_new0(MdlAbsence, c->n_absences);
	for (guint i = 0; i < c->n_absences; i++) {
		config_setting_t *a = ld_element(ld, list, (int)i, "absence");

		c->absences[i].at_h = NAN;
		if (!a)
			continue;
		read_absence(ld, a, (int)i, c, &c->absences[i], ctx);
		ld_check_unique_name(ld, list, (int)i, "absence", ctx);
	}
}

static void read_key_person(Loader *ld, const config_setting_t *crew,
			    MdlCrew *c, const char *crew_ctx)
{
	config_setting_t *g = ld_group(ld, crew, "key_person", crew_ctx);
	g_autofree char *ctx = NULL;
	config_setting_t *s;

	if (!g)
		return;
	ctx = g_strdup_printf("'key_person' of %s", crew_ctx);
	ld_check_keys(ld, g, key_person_keys, ctx);
	c->key_person = g_new0(MdlKeyPerson, 1);
	c->key_person->line = (int)ld_line(g);
	c->key_person->every = ld_occurrence(ld, g, "every", ctx);
	if ((s = ld_required(ld, g, "slower", ctx)))
		ld_percent(ld, s, ctx, &c->key_person->slower);
	if ((s = ld_required(ld, g, "for", ctx)))
		c->key_person->period = ld_law(ld, s, ctx);
}

void ld_read_people(Loader *ld, const config_setting_t *g, MdlCrew *c,
		    const char *ctx)
{
	read_absences(ld, g, c, ctx);
	read_key_person(ld, g, c, ctx);
}

void ld_people_clear(MdlCrew *c)
{
	for (guint i = 0; i < c->n_absences; i++) {
		g_free(c->absences[i].name);
		sim_dist_free(c->absences[i].every);
		sim_dist_free(c->absences[i].duration);
	}
	g_free(c->absences);
	if (c->key_person) {
		sim_dist_free(c->key_person->every);
		sim_dist_free(c->key_person->period);
		g_free(c->key_person);
	}
	c->absences = NULL;
	c->n_absences = 0;
	c->key_person = NULL;
}
