/* test_scenario.c — the scenario loader: the example file field by field
 * (datasets and their copies, recovery plans, threats included),
 * defaults, laws, --set overrides, the bad-input corpus of
 * tests/data/bad (each NAME.cfg paired with NAME.err, the exact error),
 * and `drsim check` run as a user would.
 *
 * Paths are relative to the repository root, as in the .err files: each
 * test first moves there (DRSIM_SRCDIR). */
#include <string.h>
#include <sys/wait.h>
#include <glib/gstdio.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_sf_gamma.h>

#include "models/scenario/scenario.h"
#include "sim/units.h"
#include "testutil.h"

#define EXAMPLE "scenarios/example.cfg"
#define BAD_DIR "tests/data/bad"
#define Y	SIM_HOURS_PER_YEAR

static void at_srcdir(void)
{
	ck_assert_int_eq(g_chdir(DRSIM_SRCDIR), 0);
}

/* Loads the example with the overrides (NULL-terminated); asserts it
 * loads. */
static MdlScenario *example(const char *const *sets)
{
	GError *error = NULL;
	MdlScenario *sc = mdl_scenario_load(EXAMPLE, sets, &error);

	ck_assert_msg(sc != NULL, "%s", error ? error->message : "?");
	return sc;
}

/* The error message loading the example with the overrides gives. */
static char *example_error(const char *const *sets)
{
	GError *error = NULL;
	MdlScenario *sc = mdl_scenario_load(EXAMPLE, sets, &error);
	char *msg;

	ck_assert_msg(sc == NULL, "loaded despite the overrides");
	ck_assert(g_error_matches(error, MDL_SCENARIO_ERROR,
				  MDL_SCENARIO_ERROR_INVALID));
	msg = g_strdup(error->message);
	g_error_free(error);
	return msg;
}

static const MdlFailureMode *mode(const MdlScenario *sc, const char *comp,
				  guint i)
{
	gint c = mdl_scenario_find_component(sc, comp);

	ck_assert_int_ge(c, 0);
	ck_assert_uint_lt(i, sc->components[c].n_modes);
	return &sc->components[c].modes[i];
}

/* ---- the example ------------------------------------------------------- */

START_TEST(test_example_header)
{
	g_autoptr(MdlScenario) sc = example(NULL);

	ck_assert_str_eq(sc->file, EXAMPLE);
	ck_assert_str_eq(sc->name, "example");
	ck_assert_ptr_nonnull(sc->description);
	assert_close(sc->horizon_h, 10 * Y, 0);
	ck_assert_uint_eq(sc->replications, 1000);
	ck_assert_uint_eq(sc->seed, 42);
	/* 2026-01-05 00:00 is a Monday: hour of week 0. */
	assert_close(sim_calendar_hour_of_week(&sc->calendar, 0), 0, 0);
	assert_close(sim_calendar_hour_of_week(&sc->calendar, 33.5), 33.5,
		     1e-9);
	ck_assert_uint_eq(sc->n_sites, 4);
	ck_assert_uint_eq(sc->n_crews, 1);
	ck_assert_uint_eq(sc->n_components, 3);
	ck_assert_uint_eq(sc->n_services, 2);
	ck_assert_uint_eq(sc->n_datasets, 2);
	ck_assert_uint_eq(sc->n_ransomware, 1);
}
END_TEST

START_TEST(test_example_crew_site)
{
	g_autoptr(MdlScenario) sc = example(NULL);
	const MdlCrew *it = &sc->crews[0];
	const MdlSite *room = &sc->sites[0];

	ck_assert_str_eq(it->id, "it");
	ck_assert_uint_eq(it->size, 2);
	assert_close(sim_schedule_hours_per_week(it->hours), 50, 1e-9);
	ck_assert_int_eq(sim_dist_kind(it->callout), SIM_DIST_FIXED);
	assert_close(sim_dist_mean(it->callout), 1, 0);
	ck_assert_int_eq(it->line, 13);

	ck_assert_str_eq(room->id, "roomA");
	ck_assert_int_eq(room->kind, MDL_SITE_INTERNAL);
	ck_assert_str_eq(room->operator_name, "CHU");
	ck_assert_str_eq(room->country, "FR");
	ck_assert_uint_eq(room->n_hazards, 2);
	ck_assert_str_eq(room->hazards[0].name, "power");
	ck_assert_int_eq(room->hazards[0].effect, MDL_HAZARD_OUTAGE);
	assert_close(sim_dist_mean(room->hazards[0].every), Y / 1.1, 1e-9);
	ck_assert_int_eq(sim_dist_kind(room->hazards[0].duration),
			 SIM_DIST_LOGNORMAL);
	assert_close(sim_dist_mean(room->hazards[0].duration),
		     0.75 * exp(1.2 * 1.2 / 2), 1e-12);
	ck_assert_str_eq(sc->sites[3].id, "dc2");
	ck_assert_int_eq(sc->sites[3].kind, MDL_SITE_HOSTED);
	ck_assert_uint_eq(sc->sites[3].n_hazards, 0);
	ck_assert_str_eq(room->hazards[1].name, "fire");
	ck_assert_int_eq(room->hazards[1].effect, MDL_HAZARD_DESTROYED);
	assert_close(sim_dist_mean(room->hazards[1].every), Y / 0.005, 1e-6);
	assert_close(sim_dist_mean(room->hazards[1].duration),
		     3 * SIM_HOURS_PER_MONTH, 0);
}
END_TEST

START_TEST(test_example_components)
{
	g_autoptr(MdlScenario) sc = example(NULL);
	const MdlComponent *san = &sc->components[0];
	const MdlComponent *app = &sc->components[1];
	const MdlComponent *dc = &sc->components[2];

	ck_assert_str_eq(san->id, "san");
	ck_assert_uint_eq(san->site, 0);
	ck_assert_uint_eq(san->count, 2);
	ck_assert_uint_eq(san->need, 1);
	ck_assert_int_eq(san->crew, 0);
	ck_assert_int_eq(san->ages, MDL_AGES_ALWAYS);
	ck_assert_uint_eq(san->n_modes, 2);
	ck_assert_str_eq(san->modes[0].name, "controller");
	ck_assert_int_eq(sim_dist_kind(san->modes[0].ttf),
			 SIM_DIST_EXPONENTIAL);
	assert_close(sim_dist_mean(san->modes[0].ttf), 5 * Y, 1e-9);
	assert_close(sim_dist_mean(san->modes[0].repair), 8, 0);
	ck_assert_int_eq(san->modes[0].effect, MDL_FAILURE_DOWN);
	assert_close(sim_dist_mean(san->modes[1].ttf), Y / 0.05, 1e-6);
	assert_close(sim_dist_mean(san->modes[1].repair), 24, 0);
	ck_assert_int_eq(san->modes[1].effect, MDL_FAILURE_DATA_LOSS);

	ck_assert_int_eq(app->ages, MDL_AGES_OPERATING);
	ck_assert_int_eq(sim_dist_kind(app->modes[0].ttf), SIM_DIST_WEIBULL);
	assert_close(sim_dist_mean(app->modes[0].ttf),
		     4 * Y * gsl_sf_gamma(1 + 1 / 1.5), 1e-6);
	assert_close(sim_dist_mean(app->modes[0].repair),
		     4 * exp(0.8 * 0.8 / 2), 1e-12);

	ck_assert_str_eq(dc->id, "dc");
	ck_assert_int_eq(dc->crew, -1);
	assert_close(sim_dist_mean(dc->modes[0].ttf), Y / 0.2, 1e-9);
	assert_close(sim_dist_mean(dc->modes[0].repair), 24, 0);
}
END_TEST

START_TEST(test_example_services)
{
	g_autoptr(MdlScenario) sc = example(NULL);
	const MdlService *dpi = &sc->services[0], *ad = &sc->services[1];

	ck_assert_str_eq(dpi->id, "dpi");
	ck_assert_str_eq(dpi->name, "Patient record");
	ck_assert_uint_eq(dpi->n_requires, 2);
	ck_assert_uint_eq(dpi->requires[0], 0);
	ck_assert_uint_eq(dpi->requires[1], 1);
	ck_assert_uint_eq(dpi->n_groups, 2);
	ck_assert_uint_eq(dpi->group[0], 0);
	ck_assert_uint_eq(dpi->group[1], 1);
	ck_assert_uint_eq(dpi->n_depends, 1);
	ck_assert_uint_eq(dpi->depends[0], 1);
	assert_close(dpi->rto_h, 4, 0);
	assert_close(dpi->rpo_h, 1, 0);
	/* Defaults: the name is the id, no targets. */
	ck_assert_str_eq(ad->name, "ad");
	ck_assert_uint_eq(ad->n_depends, 0);
	ck_assert(isinf(ad->rto_h) && ad->rto_h > 0);
	ck_assert(isinf(ad->rpo_h) && ad->rpo_h > 0);
	/* Dependencies first. */
	ck_assert_uint_eq(sc->service_order[0], 1);
	ck_assert_uint_eq(sc->service_order[1], 0);
}
END_TEST

/* The restore defaults: instant and certain. */
static void assert_restore_default(const MdlRestore *r)
{
	assert_close(r->overhead_h, 0, 0);
	ck_assert(isinf(r->throughput) && r->throughput > 0);
	assert_close(r->success, 1, 0);
}

START_TEST(test_example_dataset)
{
	g_autoptr(MdlScenario) sc = example(NULL);
	const MdlDataset *db = &sc->datasets[0];

	ck_assert_str_eq(db->id, "dpi-db");
	ck_assert_uint_eq(db->storage, 0);
	assert_close(db->size_bytes, 20e12, 0);
	assert_close(db->growth, 0.15, 1e-15);
	/* The offsite copy comes after the listed ones. */
	ck_assert_uint_eq(db->n_copies, 4);
	ck_assert_str_eq(db->copies[0].id, "snap");
	ck_assert_str_eq(db->copies[1].id, "nightly");
	ck_assert_str_eq(db->copies[2].id, "repl");
	ck_assert_str_eq(db->copies[3].id, "tape");
	ck_assert_int_eq(db->line, 50);
	ck_assert_int_eq(db->copies[1].line, 53);
}
END_TEST

/* A snapshot every 4 h from 00:30, on its storage's site. */
START_TEST(test_example_snapshot)
{
	g_autoptr(MdlScenario) sc = example(NULL);
	const MdlCopy *c = &sc->datasets[0].copies[0];

	ck_assert_int_eq(c->kind, MDL_COPY_SNAPSHOT);
	assert_close(c->first_h, 0.5, 0);
	assert_close(c->period_h, 4, 0);
	ck_assert_ptr_null(c->duration);
	ck_assert(isinf(c->throughput));
	assert_close(c->fail_p, 0, 0);
	ck_assert_uint_eq(c->site, sc->components[0].site);
	ck_assert_uint_eq(c->keep, 6);
	ck_assert(isinf(c->retention_h));
	ck_assert(!c->immutable);
	ck_assert_int_eq(c->source, -1);
	ck_assert_ptr_null(c->lag);
	assert_restore_default(&c->restore);
}
END_TEST

/* A daily backup at 01:00 (the start is a Monday 00:00: first job at
 * 1 h), and its weekly offsite copy on Sundays at 06:00 (hour 150). */
START_TEST(test_example_backup)
{
	g_autoptr(MdlScenario) sc = example(NULL);
	const MdlCopy *b = &sc->datasets[0].copies[1];
	const MdlCopy *t = &sc->datasets[0].copies[3];

	ck_assert_int_eq(b->kind, MDL_COPY_BACKUP);
	assert_close(b->first_h, 1.0, 0);
	assert_close(b->period_h, 24, 0);
	ck_assert_ptr_null(b->duration);
	assert_close(b->throughput, 1e12, 0);
	assert_close(b->fail_p, 0.02, 1e-15);
	ck_assert_uint_eq(b->site, 1);
	ck_assert_uint_eq(b->keep, 14);
	assert_close(b->retention_h, 720, 0);
	ck_assert(!b->immutable);
	ck_assert_int_eq(b->source, -1);
	assert_close(b->restore.overhead_h, 1, 0);
	assert_close(b->restore.throughput, 2e12, 0);
	assert_close(b->restore.success, 0.95, 1e-15);

	ck_assert_int_eq(t->kind, MDL_COPY_OFFSITE);
	ck_assert_int_eq(t->source, 1);
	assert_close(t->delay_h, 24, 0);
	assert_close(t->first_h, 150, 0);
	assert_close(t->period_h, 168, 0);
	ck_assert_uint_eq(t->site, 2);
	ck_assert_uint_eq(t->keep, 8);
	assert_close(t->retention_h, Y, 0);
	ck_assert(t->immutable);
	ck_assert_ptr_null(t->duration);
	ck_assert(isinf(t->throughput));
	assert_close(t->fail_p, 0, 0);
	assert_close(t->restore.overhead_h, 4, 0);
	assert_close(t->restore.throughput, 5e11, 0);
	assert_close(t->restore.success, 1, 0);
	ck_assert_int_eq(t->line, 56);
}
END_TEST

START_TEST(test_example_replication)
{
	g_autoptr(MdlScenario) sc = example(NULL);
	const MdlCopy *r = &sc->datasets[0].copies[2];

	ck_assert_int_eq(r->kind, MDL_COPY_REPLICATION);
	ck_assert_uint_eq(r->site, 3);
	ck_assert(!r->sync);
	ck_assert_int_eq(sim_dist_kind(r->lag), SIM_DIST_EXPONENTIAL);
	assert_close(sim_dist_mean(r->lag), 5.0 / 60, 1e-15);
	ck_assert_int_eq(r->source, -1);
	ck_assert_uint_eq(r->keep, 0);
	ck_assert(isinf(r->retention_h));
	assert_restore_default(&r->restore);
}
END_TEST

/* The second dataset: defaults, a weekly backup on Sundays at 02:00
 * (hour 146), a job duration law, `offline` for immutable. */
START_TEST(test_example_directory)
{
	g_autoptr(MdlScenario) sc = example(NULL);
	const MdlDataset *d = &sc->datasets[1];
	const MdlCopy *w = &d->copies[0];

	ck_assert_str_eq(d->id, "directory");
	ck_assert_uint_eq(d->storage, 2);
	assert_close(d->size_bytes, 50e9, 0);
	assert_close(d->growth, 0, 0);
	ck_assert_uint_eq(d->n_copies, 1);
	ck_assert_int_eq(w->kind, MDL_COPY_BACKUP);
	assert_close(w->first_h, 146.0, 0);
	assert_close(w->period_h, 168, 0);
	ck_assert_int_eq(sim_dist_kind(w->duration), SIM_DIST_FIXED);
	assert_close(sim_dist_mean(w->duration), 1, 0);
	ck_assert(w->immutable);
	ck_assert_uint_eq(w->keep, 0);
	assert_close(w->fail_p, 0, 0);
	assert_restore_default(&w->restore);
}
END_TEST

START_TEST(test_example_plan)
{
	g_autoptr(MdlScenario) sc = example(NULL);
	const MdlService *dpi = &sc->services[0];
	const MdlPlan *p = &dpi->plan;
	const MdlStrategy *f = &p->strategies[0];

	ck_assert_uint_eq(dpi->n_datasets, 1);
	ck_assert_uint_eq(dpi->datasets[0], 0);
	assert_close(sim_dist_mean(p->detect), 5.0 / 60, 1e-15);
	assert_close(p->declare_after_h, 2, 0);
	assert_close(sim_dist_mean(p->decision), 0.5, 0);
	ck_assert_int_eq(p->crew, 0);
	assert_close(sim_dist_mean(p->failback), 4, 0);
	ck_assert_uint_eq(p->n_strategies, 3);

	ck_assert_int_eq(f->kind, MDL_STRATEGY_FAILOVER);
	ck_assert(f->manual);
	ck_assert_uint_eq(f->site, 3);
	ck_assert_int_eq(f->standby, MDL_STANDBY_WARM);
	ck_assert_int_eq(sim_dist_kind(f->activation), SIM_DIST_LOGNORMAL);
	assert_close(sim_dist_mean(f->activation), exp(0.125), 1e-12);
	assert_close(f->success, 0.9, 1e-15);
	ck_assert_int_eq(f->data_copy, 2);

	ck_assert_int_eq(p->strategies[1].kind, MDL_STRATEGY_RESTORE);
	ck_assert(p->strategies[1].manual);
	ck_assert_ptr_null(p->strategies[1].activation);
	ck_assert_int_eq(p->strategies[1].data_copy, -1);
	ck_assert_int_eq(p->strategies[2].kind, MDL_STRATEGY_REBUILD);
	assert_close(sim_dist_mean(p->strategies[2].activation), 120, 0);
	assert_close(p->strategies[2].success, 1, 0);
}
END_TEST

/* A service without a plan: detected and decided at once, declared only
 * for a destructive cause, no strategy but repair. */
START_TEST(test_plan_defaults)
{
	g_autoptr(MdlScenario) sc = example(NULL);
	const MdlService *ad = &sc->services[1];
	const MdlPlan *p = &ad->plan;

	ck_assert_uint_eq(ad->n_datasets, 1);
	ck_assert_uint_eq(ad->datasets[0], 1);
	ck_assert_ptr_nonnull(p->detect);
	ck_assert_ptr_nonnull(p->decision);
	assert_close(sim_dist_mean(p->detect), 0, 0);
	assert_close(sim_dist_mean(p->decision), 0, 0);
	ck_assert(isinf(p->declare_after_h) && p->declare_after_h > 0);
	ck_assert_int_eq(p->crew, -1);
	ck_assert_uint_eq(p->n_strategies, 0);
	ck_assert_ptr_null(p->failback);
}
END_TEST

/* Strategies by kind, with their defaults. */
START_TEST(test_strategy_defaults)
{
	const char *sets[] = {
		"services.ad.plan={ strategies = ( { kind = \"repair\"; }, "
		"{ kind = \"failover\"; site = \"dc2\"; "
		"activation = \"15min\"; }, "
		"{ kind = \"rebuild\"; duration = \"3d\"; "
		"success = \"80%\"; } ); }",
		NULL};
	g_autoptr(MdlScenario) sc = example(sets);
	const MdlPlan *p = &sc->services[1].plan;
	const MdlStrategy *s = p->strategies;

	ck_assert_uint_eq(p->n_strategies, 3);
	assert_close(sim_dist_mean(p->detect), 0, 0);
	ck_assert_int_eq(s[0].kind, MDL_STRATEGY_REPAIR);
	ck_assert(!s[0].manual);
	ck_assert_int_eq(s[1].kind, MDL_STRATEGY_FAILOVER);
	ck_assert(!s[1].manual);
	ck_assert_int_eq(s[1].standby, MDL_STANDBY_HOT);
	assert_close(s[1].success, 1, 0);
	ck_assert_int_eq(s[1].data_copy, -1);
	assert_close(sim_dist_mean(s[1].activation), 0.25, 0);
	ck_assert_int_eq(s[2].kind, MDL_STRATEGY_REBUILD);
	assert_close(s[2].success, 0.8, 1e-15);
	assert_close(sim_dist_mean(s[2].activation), 72, 0);
}
END_TEST

START_TEST(test_example_threat)
{
	g_autoptr(MdlScenario) sc = example(NULL);
	const MdlRansomware *r = &sc->ransomware[0];

	ck_assert_str_eq(r->name, "ransomware");
	ck_assert_int_eq(sim_dist_kind(r->every), SIM_DIST_EXPONENTIAL);
	assert_close(sim_dist_mean(r->every), Y / 0.05, 1e-6);
	ck_assert_int_eq(sim_dist_kind(r->dwell), SIM_DIST_LOGNORMAL);
	assert_close(sim_dist_mean(r->dwell), 120 * exp(0.5), 1e-9);
	ck_assert_uint_eq(r->n_sites, 2);
	ck_assert_uint_eq(r->sites[0], 0);
	ck_assert_uint_eq(r->sites[1], 1);
	assert_close(sim_dist_mean(r->rebuild), 120, 0);
	ck_assert(!r->accept_until_encryption);
	ck_assert_int_eq(r->line, 90);
}
END_TEST

/* Clock schedules follow the start's weekday and time: from Wednesday
 * 12:00 (hour of week 60), daily 01:00 is 13 h away, Sunday 02:00 86 h. */
START_TEST(test_schedule_start)
{
	const char *sets[] = {"scenario.start=2026-01-07 12:00", NULL};
	g_autoptr(MdlScenario) sc = example(sets);

	assert_close(sc->datasets[0].copies[1].first_h, 13, 1e-9);
	assert_close(sc->datasets[1].copies[0].first_h, 86, 1e-9);
	assert_close(sc->datasets[0].copies[3].first_h, 90, 1e-9);
	/* `every` does not depend on the calendar. */
	assert_close(sc->datasets[0].copies[0].first_h, 0.5, 0);
}
END_TEST

/* Alternatives "a|b" share a requirement group. */
START_TEST(test_requires_alternatives)
{
	static const char *const sets[] = {
		"services.dpi.requires=[\"dc\", \"san|app\", \"dc2|dc3\"]",
		"components.2.id=\"dc2\"", NULL };
	static const char *const more[] = {
		"services.dpi.requires=[\"san | app\", \"dc\"]", NULL };
	g_autoptr(MdlScenario) bad = NULL;
	g_autoptr(MdlScenario) sc = example(more);
	const MdlService *dpi = &sc->services[0];
	GError *error = NULL;

	ck_assert_uint_eq(dpi->n_requires, 3);
	ck_assert_uint_eq(dpi->n_groups, 2);
	ck_assert_uint_eq(dpi->requires[0], 0);	/* san */
	ck_assert_uint_eq(dpi->requires[1], 1);	/* app, blanks trimmed */
	ck_assert_uint_eq(dpi->requires[2], 2);	/* dc */
	ck_assert_uint_eq(dpi->group[0], 0);
	ck_assert_uint_eq(dpi->group[1], 0);
	ck_assert_uint_eq(dpi->group[2], 1);
	/* dc3 does not exist, and renaming dc leaves 'ad' without it */
	bad = mdl_scenario_load("scenarios/example.cfg", sets, &error);
	ck_assert_ptr_null(bad);
	ck_assert_msg(strstr(error->message, "unknown component 'dc3'"), "%s",
		      error->message);
	g_error_free(error);
}
END_TEST

/* Values just below each limit load (docs/scenario-format.md,
 * "Limits"): the largest replications, count, horizon and max_events;
 * the default event budget allows the example over 1000 years. */
START_TEST(test_limits_below)
{
	static const char *const most[] = {
		"scenario.replications=1000000000",
		"scenario.horizon=\"1000y\"",
		"scenario.max_events=1000000000000",
		"components.san.count=100000", NULL };
	static const char *const long_run[] = {
		"scenario.horizon=\"1000y\"", NULL };
	g_autoptr(MdlScenario) sc = example(most);
	g_autoptr(MdlScenario) dflt = example(long_run);

	ck_assert_uint_eq(sc->replications, 1000000000u);
	ck_assert_uint_eq(sc->max_events, 1000000000000u);
	ck_assert_uint_eq(sc->components[0].count, 100000);
	assert_close(sc->horizon_h, 1000 * 8760.0, 0);
	ck_assert_uint_eq(dflt->max_events, MDL_DEFAULT_MAX_EVENTS);
}
END_TEST

START_TEST(test_find)
{
	g_autoptr(MdlScenario) sc = example(NULL);

	ck_assert_int_eq(mdl_scenario_find_component(sc, "app"), 1);
	ck_assert_int_eq(mdl_scenario_find_component(sc, "nope"), -1);
	ck_assert_int_eq(mdl_scenario_find_service(sc, "ad"), 1);
	ck_assert_int_eq(mdl_scenario_find_site(sc, "roomA"), 0);
	ck_assert_int_eq(mdl_scenario_find_site(sc, "rooma"), -1);
	ck_assert_int_eq(mdl_scenario_find_crew(sc, "it"), 0);
}
END_TEST

/* docs/scenario-format.md shows the example file, verbatim. */
START_TEST(test_example_in_doc)
{
	g_autofree char *doc = NULL, *cfg = NULL;

	ck_assert(g_file_get_contents("docs/scenario-format.md", &doc, NULL,
				      NULL));
	ck_assert(g_file_get_contents(EXAMPLE, &cfg, NULL, NULL));
	g_autofree char *block = g_strdup_printf("```\n%s```\n", cfg);
	ck_assert_msg(strstr(doc, block),
		      "docs/scenario-format.md does not show %s verbatim",
		      EXAMPLE);
}
END_TEST

/* ---- defaults ---------------------------------------------------------- */

static const char minimal[] =
	"scenario = { name = \"min\"; horizon = 100; };\n"
	"crews = ( { id = \"c\"; } );\n"
	"sites = ( { id = \"s\"; kind = \"hosted\"; country = \"DE\"; } );\n"
	"components = ( { id = \"x\"; site = \"s\"; count = 3; crew = \"c\";\n"
	"  failures = ( { name = \"f\"; rate = \"1/y\"; repair = 2; } ); } );\n"
	"services = ( { id = \"svc\"; requires = [\"x\"]; } );\n";

START_TEST(test_defaults)
{
	g_autofree char *dir = g_dir_make_tmp("drsim-XXXXXX", NULL);
	g_autofree char *file = g_build_filename(dir, "min.cfg", NULL);
	GError *error = NULL;
	SimCalendar def;

	ck_assert(g_file_set_contents(file, minimal, -1, NULL));
	g_autoptr(MdlScenario) sc = mdl_scenario_load(file, NULL, &error);
	g_unlink(file);
	g_rmdir(dir);
	ck_assert_msg(sc, "%s", error ? error->message : "?");
	ck_assert_ptr_null(sc->description);
	assert_close(sc->horizon_h, 100, 0);
	ck_assert_uint_eq(sc->replications, 1000);
	ck_assert_uint_eq(sc->seed, 1);
	ck_assert(sim_calendar_init(&def, NULL, NULL));
	ck_assert(sc->calendar.start_s == def.start_s);
	ck_assert_uint_eq(sc->crews[0].size, 1);
	ck_assert(sim_schedule_is_always(sc->crews[0].hours));
	ck_assert_ptr_null(sc->crews[0].callout);
	ck_assert_int_eq(sc->sites[0].kind, MDL_SITE_HOSTED);
	ck_assert_ptr_null(sc->sites[0].operator_name);
	ck_assert_uint_eq(sc->sites[0].n_hazards, 0);
	ck_assert_uint_eq(sc->components[0].need, 3);
	ck_assert_int_eq(sc->components[0].ages, MDL_AGES_ALWAYS);
	ck_assert_int_eq(sc->components[0].modes[0].effect, MDL_FAILURE_DOWN);
	assert_close(sim_dist_mean(sc->components[0].modes[0].repair), 2, 0);
	ck_assert_str_eq(sc->services[0].name, "svc");
	ck_assert(isinf(sc->services[0].rto_h));
	ck_assert(isinf(sc->services[0].rpo_h));
	ck_assert_uint_eq(sc->services[0].n_depends, 0);
}
END_TEST

/* ---- laws -------------------------------------------------------------- */

static double normal_mean(double mu, double sd)
{
	double a = -mu / sd;

	return mu + sd * gsl_ran_ugaussian_pdf(a) / gsl_cdf_ugaussian_Q(a);
}

static const struct {
	const char *value;
	SimDistKind kind;
	double mean; /* NAN: computed by normal_mean(-1, 2) */
} laws[] = {
	{"2h", SIM_DIST_FIXED, 2},
	{"90", SIM_DIST_FIXED, 90},
	{"1.5", SIM_DIST_FIXED, 1.5},
	{"1h30min", SIM_DIST_FIXED, 1.5},
	{"{ law = \"fixed\"; value = \"30min\"; }", SIM_DIST_FIXED, 0.5},
	{"{ law = \"exponential\"; mean = \"4h\"; }", SIM_DIST_EXPONENTIAL, 4},
	{"{ law = \"exponential\"; rate = \"2/d\"; }", SIM_DIST_EXPONENTIAL,
	 12},
	{"{ law = \"weibull\"; shape = 1.0; scale = \"10h\"; }",
	 SIM_DIST_WEIBULL, 10},
	{"{ law = \"lognormal\"; median = \"4h\"; sigma = 0.5; }",
	 SIM_DIST_LOGNORMAL, 4.532593812267305},
	{"{ law = \"lognormal\"; mean = \"5h\"; sd = \"2h\"; }",
	 SIM_DIST_LOGNORMAL, 5},
	{"{ law = \"gamma\"; shape = 2; scale = \"3h\"; }", SIM_DIST_GAMMA, 6},
	{"{ law = \"normal\"; mean = \"10h\"; sd = \"1h\"; }", SIM_DIST_NORMAL,
	 10},
	{"{ law = \"normal\"; mean = \"-1h\"; sd = \"2h\"; }", SIM_DIST_NORMAL,
	 NAN},
	{"{ law = \"uniform\"; min = \"1h\"; max = \"3h\"; }", SIM_DIST_UNIFORM,
	 2},
	{"{ law = \"empirical\"; values = [\"1h\", \"2h\", \"6h\"]; }",
	 SIM_DIST_EMPIRICAL, 3},
	{"{ law = \"cdf\"; x = [\"0h\", \"2h\", \"4h\"]; "
	 "p = [0.0, 0.5, 1.0]; }",
	 SIM_DIST_CDF, 2},
};

START_TEST(test_laws)
{
	g_autofree char *set = g_strdup_printf(
		"components.san.failures.controller.repair=%s", laws[_i].value);
	const char *sets[] = {set, NULL};
	g_autoptr(MdlScenario) sc = example(sets);
	const SimDist *d = mode(sc, "san", 0)->repair;
	double mean = isnan(laws[_i].mean) ? normal_mean(-1, 2) : laws[_i].mean;

	ck_assert_int_eq(sim_dist_kind(d), laws[_i].kind);
	assert_close(sim_dist_mean(d), mean, 1e-6 * mean);
}
END_TEST

/* ---- overrides --------------------------------------------------------- */

START_TEST(test_set_int_and_duration)
{
	const char *sets[] = {"components.san.count=3", "scenario.horizon=5y",
			      "scenario.replications=20", NULL};
	g_autoptr(MdlScenario) sc = example(sets);

	ck_assert_uint_eq(sc->components[0].count, 3);
	ck_assert_uint_eq(sc->components[0].need, 1);
	assert_close(sc->horizon_h, 5 * Y, 0);
	ck_assert_uint_eq(sc->replications, 20);
}
END_TEST

/* Elements named by id, by name, by index. */
START_TEST(test_set_paths)
{
	const char *sets[] = {"components.1.count=4",
			      "components.san.failures.corruption.repair=2h",
			      "components.san.failures.0.repair=3h",
			      "sites.roomA.hazards.1.rebuild=1mo",
			      "services.dpi.requires.1=dc",
			      NULL};
	g_autoptr(MdlScenario) sc = example(sets);

	ck_assert_uint_eq(sc->components[1].count, 4);
	assert_close(sim_dist_mean(mode(sc, "san", 1)->repair), 2, 0);
	assert_close(sim_dist_mean(mode(sc, "san", 0)->repair), 3, 0);
	assert_close(sim_dist_mean(sc->sites[0].hazards[1].duration),
		     SIM_HOURS_PER_MONTH, 0);
	ck_assert_uint_eq(sc->services[0].requires[1], 2);
}
END_TEST

/* Datasets, copies, offsite copies, strategies and threats, addressed by
 * id, name or index. */
START_TEST(test_set_protection)
{
	const char *sets[] = {
		"datasets.dpi-db.copies.nightly.keep=7",
		"datasets.dpi-db.copies.nightly.offsite.site=dc2",
		"datasets.dpi-db.copies.snap.every=1h",
		"datasets.dpi-db.copies.repl.mode=sync",
		"datasets.dpi-db.copies.repl.lag",
		"datasets.directory.growth=5%",
		"services.dpi.plan.strategies.0.activation=30min",
		"services.dpi.plan.strategies.3={ kind = \"repair\"; }",
		"threats.ransomware.rate=0.1/y",
		"threats.ransomware.clean_point=encryption",
		NULL};
	GError *error = NULL;
	g_autoptr(MdlScenario) sc = NULL;

	/* "KEY" alone is refused (a setting cannot be removed), so the
	 * file's lag is left to a replication made sync. */
	ck_assert_ptr_null(mdl_scenario_load(EXAMPLE, sets, &error));
	ck_assert_str_eq(error->message,
			 EXAMPLE ":60: 'lag' does not apply to a \"sync\" "
			 "replication (it loses nothing) in copy 'repl' of "
			 "dataset 'dpi-db'\n"
			 "--set datasets.dpi-db.copies.repl.lag: expected "
			 "KEY=VALUE");
	g_clear_error(&error);
	sets[3] = "datasets.dpi-db.copies.repl.mode=async";
	sets[4] = "datasets.dpi-db.copies.repl.lag=10min";
	sc = example(sets);
	ck_assert_uint_eq(sc->datasets[0].copies[1].keep, 7);
	ck_assert_uint_eq(sc->datasets[0].copies[3].site, 3);
	assert_close(sc->datasets[0].copies[0].period_h, 1, 0);
	assert_close(sim_dist_mean(sc->datasets[0].copies[2].lag), 1.0 / 6,
		     1e-15);
	assert_close(sc->datasets[1].growth, 0.05, 1e-15);
	assert_close(sim_dist_mean(sc->services[0].plan.strategies[0]
					   .activation),
		     0.5, 0);
	ck_assert_uint_eq(sc->services[0].plan.n_strategies, 4);
	ck_assert_int_eq(sc->services[0].plan.strategies[3].kind,
			 MDL_STRATEGY_REPAIR);
	assert_close(sim_dist_mean(sc->ransomware[0].every), Y / 0.1, 1e-6);
	ck_assert(sc->ransomware[0].accept_until_encryption);
}
END_TEST

/* A law group replaces a string, a string replaces a law group. */
START_TEST(test_set_law_swaps)
{
	const char *sets[] = {
		"components.san.failures.controller.repair="
		"{ law = \"uniform\"; min = \"1h\"; max = \"3h\"; }",
		"components.san.failures.controller.ttf=1000h",
		"sites.roomA.hazards.power.duration={ law = \"lognormal\"; "
		"median = \"2h\"; sigma = 1.0; }",
		NULL};
	g_autoptr(MdlScenario) sc = example(sets);

	ck_assert_int_eq(sim_dist_kind(mode(sc, "san", 0)->repair),
			 SIM_DIST_UNIFORM);
	assert_close(sim_dist_mean(mode(sc, "san", 0)->repair), 2, 0);
	ck_assert_int_eq(sim_dist_kind(mode(sc, "san", 0)->ttf),
			 SIM_DIST_FIXED);
	assert_close(sim_dist_mean(mode(sc, "san", 0)->ttf), 1000, 0);
	assert_close(sim_dist_mean(sc->sites[0].hazards[0].duration),
		     2 * exp(0.5), 1e-12);
}
END_TEST

/* New keys in an existing parent, new list elements, a whole element
 * replaced in place, the last of two overrides of a key winning, a value
 * holding '=' and a quoted string. */
START_TEST(test_set_add_and_replace)
{
	const char *sets[] = {
		"services.ad.rto=30min",
		"services.2={ id = \"web\"; requires = [\"app\"]; "
		"depends = [\"dpi\"]; }",
		"components.0={ id = \"nas\"; site = \"roomA\"; failures = "
		"( { name = \"disk\"; rate = \"1/y\"; repair = \"2h\"; } ); }",
		"services.dpi.requires.0=nas",
		"datasets.dpi-db.storage=nas",
		"scenario.seed=7",
		"scenario.seed=8",
		"scenario.description=a=b",
		"scenario.name=\"two words\"",
		NULL};
	g_autoptr(MdlScenario) sc = example(sets);

	assert_close(sc->services[1].rto_h, 0.5, 0);
	ck_assert_uint_eq(sc->n_services, 3);
	ck_assert_str_eq(sc->services[2].id, "web");
	ck_assert_uint_eq(sc->service_order[2], 2);
	ck_assert_str_eq(sc->components[0].id, "nas");
	ck_assert_uint_eq(sc->components[0].count, 1);
	ck_assert_uint_eq(sc->seed, 8);
	ck_assert_str_eq(sc->description, "a=b");
	ck_assert_str_eq(sc->name, "two words");
}
END_TEST

static const struct {
	const char *set;
	const char *error;
} bad_sets[] = {
	{"components.san.count=x",
	 "--set components.san.count: 'count' must be an integer in "
	 "component 'san' (got a string)"},
	{"components.san.count=10000000000",
	 "--set components.san.count: 'count' must be <= 100000 in "
	 "component 'san' (got 10000000000)"},
	{"scenario.horizon=0",
	 "--set scenario.horizon: 'horizon' must be > 0 in 'scenario' "
	 "(got 0)"},
	{"scenario.horizon=5x",
	 "--set scenario.horizon: 'horizon' in 'scenario': bad duration "
	 "\"5x\": unknown unit \"x\" (expected s, min, h, d, w, mo or y)"},
	{"components.sann.count=3",
	 "--set components.sann.count: unknown path: no 'sann' in "
	 "'components' (did you mean 'san'?)"},
	{"components.9.count=3",
	 "--set components.9.count: unknown path: no '9' in 'components'"},
	{"scenaro.seed=3",
	 "--set scenaro.seed: unknown path: no 'scenaro' in the file (did "
	 "you mean 'scenario'?)"},
	{"scenario.horizon.x=1",
	 "--set scenario.horizon.x: unknown path: 'scenario.horizon' is a "
	 "string, not a group or a list"},
	{"components..count=1",
	 "--set components..count: empty name in the path"},
	{"services.dpi.rpoo=1h",
	 "--set services.dpi.rpoo: unknown key 'rpoo' in service 'dpi' "
	 "(did you mean 'rpo'?)"},
	{"services.dpi.requires.0={ a = 1; }",
	 "--set services.dpi.requires.0: an element of an array must be a "
	 "value of the same type as the others"},
	{"components.0=3",
	 "--set components.0: an element of a list can only be replaced by "
	 "a group { ... }"},
	{"components.san.failures.hw.repair=1h",
	 "--set components.san.failures.hw.repair: unknown path: no 'hw' in "
	 "'components.san.failures'"},
	{"sites.roomA.hazards.power.duration={ law = \"weibul\"; }",
	 "--set sites.roomA.hazards.power.duration: unknown law \"weibul\" "
	 "in 'duration' of hazard 'power' of site 'roomA' (did you mean "
	 "\"weibull\"?)"},
	{"services.ad.depends=[\"dpi\"]",
	 "--set services.ad.depends: dependency cycle: 'dpi' -> 'ad' -> "
	 "'dpi'"},
	{"scenario.horizon", "--set scenario.horizon: expected KEY=VALUE"},
	{"datasets.dpi-db.copies.nightly.keep=0",
	 "--set datasets.dpi-db.copies.nightly.keep: 'keep' must be >= 1 in "
	 "copy 'nightly' of dataset 'dpi-db' (got 0)"},
	{"datasets.dpi-db.copies.tape.keep=2",
	 "--set datasets.dpi-db.copies.tape.keep: unknown path: no 'tape' in "
	 "'datasets.dpi-db.copies'"},
	{"datasets.dpi-db.copies.nightly.offsite.site=roomB",
	 "--set datasets.dpi-db.copies.nightly.offsite.site: 'site' must "
	 "differ from its backup's ('roomB') in offsite copy 'tape' of copy "
	 "'nightly' of dataset 'dpi-db'"},
	{"services.dpi.plan.strategies.0.data=snap",
	 "--set services.dpi.plan.strategies.0.data: 'data' must be a "
	 "replication copy of dataset 'dpi-db', the service's first, in "
	 "strategy #1 of service 'dpi' (got \"snap\", not a replication)"},
	{"services.dpi.plan.strategies.1.success=50%",
	 "--set services.dpi.plan.strategies.1.success: 'success' does not "
	 "apply to kind \"restore\" in strategy #2 of service 'dpi'"},
	{"threats.ransomware.reach=[\"roomA\", \"roomZ\"]",
	 "--set threats.ransomware.reach: unknown site 'roomZ' in 'reach' of "
	 "threat 'ransomware' (did you mean 'roomA'?)"},
	{"datasets.dpi-db.copies.nightly.weekly=sun 03:00",
	 "--set datasets.dpi-db.copies.nightly.weekly: give only one of "
	 "'every', 'daily' or 'weekly' in copy 'nightly' of dataset 'dpi-db'"},
	{"components.san.failures.0.rate=1/y",
	 "--set components.san.failures.0.rate: give either 'ttf' or 'rate', "
	 "not both, in failure mode 'controller' of component 'san'"},
	{"services.ad.data=[\"dpi\"]",
	 "--set services.ad.data: unknown dataset 'dpi' in 'data' of service "
	 "'ad'"},
};

START_TEST(test_set_errors)
{
	const char *sets[] = {bad_sets[_i].set, NULL};
	g_autofree char *msg = example_error(sets);

	ck_assert_str_eq(msg, bad_sets[_i].error);
}
END_TEST

/* ---- the bad-input corpus ---------------------------------------------- */

static GPtrArray *bad_files; /* NAME.cfg of BAD_DIR, sorted */

static void list_bad_files(void)
{
	bad_files = test_corpus(BAD_DIR, ".cfg");
}

/* The expected error of BAD_DIR/NAME.cfg: NAME.err without a final
 * newline. */
static char *expected_error(const char *cfg)
{
	return test_expected_error(BAD_DIR, cfg, TRUE);
}

START_TEST(test_bad_file)
{
	const char *name = bad_files->pdata[_i];
	g_autofree char *path = g_strdup_printf("%s/%s", BAD_DIR, name);
	g_autofree char *want = expected_error(name);
	GError *error = NULL;
	MdlScenario *sc = mdl_scenario_load(path, NULL, &error);

	ck_assert_msg(sc == NULL, "%s loaded", path);
	ck_assert(g_error_matches(error, MDL_SCENARIO_ERROR,
				  MDL_SCENARIO_ERROR_INVALID));
	ck_assert_str_eq(error->message, want);
	g_error_free(error);
}
END_TEST

START_TEST(test_bad_corpus_size)
{
	ck_assert_uint_ge(bad_files->len, 150);
}
END_TEST

/* Every problem of a file, one per line, in line order; the overrides'
 * problems after the file's. */
START_TEST(test_several_problems)
{
	static const unsigned lines[] = {5,  6,	 10, 14, 15, 19, 19,
					 21, 22, 25, 26, 31, 31};
	const char *sets[] = {"scenario.seed=-4", NULL};
	const char *path = BAD_DIR "/several-problems.cfg";
	GError *error = NULL;

	ck_assert_ptr_null(mdl_scenario_load(path, sets, &error));
	g_auto(GStrv) msgs = g_strsplit(error->message, "\n", -1);
	g_error_free(error);
	ck_assert_uint_eq(g_strv_length(msgs), G_N_ELEMENTS(lines) + 1);
	for (guint i = 0; i < G_N_ELEMENTS(lines); i++) {
		g_autofree char *prefix =
			g_strdup_printf("%s:%u: ", path, lines[i]);

		ck_assert_msg(g_str_has_prefix(msgs[i], prefix), "line %u: %s",
			      i, msgs[i]);
	}
	ck_assert_str_eq(msgs[G_N_ELEMENTS(lines)],
			 "--set scenario.seed: 'seed' must be >= 0 in "
			 "'scenario' (got -4)");
}
END_TEST

START_TEST(test_unreadable)
{
	GError *error = NULL;

	ck_assert_ptr_null(
		mdl_scenario_load(BAD_DIR "/no-such-file.cfg", NULL, &error));
	ck_assert(g_error_matches(error, MDL_SCENARIO_ERROR,
				  MDL_SCENARIO_ERROR_FILE));
	ck_assert_str_eq(error->message,
			 BAD_DIR "/no-such-file.cfg: cannot "
				 "read: No such file or directory");
	g_clear_error(&error);
	ck_assert_ptr_null(mdl_scenario_load(BAD_DIR, NULL, &error));
	ck_assert(g_error_matches(error, MDL_SCENARIO_ERROR,
				  MDL_SCENARIO_ERROR_FILE));
	ck_assert_str_eq(error->message,
			 BAD_DIR ": cannot read: Is a directory");
	g_error_free(error);
}
END_TEST

/* ---- the generated bad inputs ------------------------------------------ */

/* tests/data/bad/gen (tools/badgen.py): scenarios/example.cfg with one
 * mistake each, its first line "# gen: line L: KEY given VALUE; the error
 * says: TEXT".  Each must fail with exactly NAME.err, and one line of it
 * must be at FILE:L: and hold TEXT: the mistake found at its line, named
 * (the generator knows the line and what must be said, not the message). */
#define GEN_DIR BAD_DIR "/gen"

static GPtrArray *gen_files; /* NAME.cfg of GEN_DIR, sorted */

/* The line and the text the first line of file promises. */
static void gen_promise(const char *path, unsigned *line, char **says)
{
	g_autofree char *text = NULL;
	const char *tag = "; the error says: ";

	ck_assert(g_file_get_contents(path, &text, NULL, NULL));
	ck_assert_msg(sscanf(text, "# gen: line %u:", line) == 1, "%s", path);
	char *at = strstr(text, tag), *nl = strchr(text, '\n');
	ck_assert_msg(at && nl && at < nl, "%s", path);
	*says = g_strndup(at + strlen(tag), (gsize)(nl - at) - strlen(tag));
}

START_TEST(test_generated_bad_file)
{
	const char *name = gen_files->pdata[_i];
	g_autofree char *path = g_strdup_printf("%s/%s", GEN_DIR, name);
	g_autofree char *want = test_expected_error(GEN_DIR, name, TRUE);
	g_autofree char *says = NULL, *at = NULL;
	unsigned line;
	GError *error = NULL;
	gboolean found = FALSE;

	ck_assert_ptr_null(mdl_scenario_load(path, NULL, &error));
	ck_assert_str_eq(error->message, want);
	gen_promise(path, &line, &says);
	at = g_strdup_printf("%s:%u: ", path, line);
	g_auto(GStrv) msgs = g_strsplit(error->message, "\n", -1);
	for (guint i = 0; msgs[i] && !found; i++)
		found = g_str_has_prefix(msgs[i], at) && strstr(msgs[i], says);
	ck_assert_msg(found, "%s: no line at %s saying %s:\n%s", name, at,
		      says, error->message);
	g_error_free(error);
}
END_TEST

/* Every number of the file given each of the 7 values, every reference,
 * duplicates and empty elements: 400 files and more. */
START_TEST(test_generated_corpus_size)
{
	ck_assert_uint_ge(gen_files->len, 400);
}
END_TEST

/* ---- 10 MB strings ----------------------------------------------------- */

/* text with every `from` replaced by `to`; yours to g_free(). */
static char *replace(const char *text, const char *from, const char *to)
{
	g_auto(GStrv) parts = g_strsplit(text, from, -1);

	ck_assert_uint_eq(g_strv_length(parts), 2);
	return g_strjoinv(to, parts);
}

/* scenarios/example.cfg with `from` replaced by `to`, in which BIG stands
 * for 10 MiB of 'x', loaded: the error, one line per problem, each short
 * (a quoted string cut in its middle), the first at line `line` saying
 * `says`. */
static void check_huge(const char *from, const char *to, unsigned line,
		       const char *says)
{
	g_autofree char *text = NULL, *path = NULL;
	g_autofree char *big = g_strnfill(10 << 20, 'x');
	GError *error = NULL;

	ck_assert(g_file_get_contents(EXAMPLE, &text, NULL, NULL));
	g_autofree char *with = replace(to, "BIG", big);
	g_autofree char *changed = replace(text, from, with);
	int fd = g_file_open_tmp("drsim-huge-XXXXXX.cfg", &path, NULL);
	ck_assert_int_ge(fd, 0);
	close(fd);
	ck_assert(g_file_set_contents(path, changed, -1, NULL));
	ck_assert_ptr_null(mdl_scenario_load(path, NULL, &error));
	g_unlink(path);
	g_auto(GStrv) msgs = g_strsplit(error->message, "\n", -1);
	g_autofree char *at = g_strdup_printf("%s:%u: ", path, line);
	ck_assert_msg(g_str_has_prefix(msgs[0], at), "%.200s", msgs[0]);
	ck_assert_msg(strstr(msgs[0], says), "%.200s", msgs[0]);
	for (guint i = 0; msgs[i]; i++)
		ck_assert_uint_le(strlen(msgs[i]), 1024 + strlen(path) + 40);
	g_error_free(error);
}

START_TEST(test_huge_strings)
{
	check_huge("name = \"example\"", "name = \"BIG\"", 4,
		   "'name' is too long in 'scenario': 10485760 bytes, at "
		   "most 4096");
	check_huge("id = \"roomB\"", "id = \"BIG\"", 24,
		   "'id' is too long in site 'xxxx");
	check_huge("repair = \"8h\"", "repair = \"1BIG\"", 32,
		   "'repair' in failure mode 'controller' of component "
		   "'san': bad duration \"1xxx");
	check_huge("seed = 42;", "BIG = 42;", 8, "unknown key 'xxxx");
}
END_TEST

/* ---- drsim check ------------------------------------------------------- */

START_TEST(test_check_bad_file)
{
	const char *name = bad_files->pdata[_i];
	g_autofree char *path = g_strdup_printf("%s/%s", BAD_DIR, name);
	g_autofree char *want = expected_error(name);
	g_autofree char *out = NULL, *err = NULL;
	const char *args[] = {"check", path, NULL};

	ck_assert_int_eq(test_drsim(args, &out, &err), 2);
	ck_assert_str_eq(out, "");
	g_autofree char *want_nl = g_strconcat(want, "\n", NULL);
	ck_assert_str_eq(err, want_nl);
}
END_TEST

START_TEST(test_check_ok)
{
	g_autofree char *out = NULL, *err = NULL;
	const char *args[] = {"check", EXAMPLE, "--set", "services.ad.rto=2h",
			      NULL};

	ck_assert_int_eq(test_drsim(args, &out, &err), 0);
	/* valid, with the lint's warnings (tests/test_lint.c) on stderr */
	ck_assert_msg(g_str_has_prefix(out, EXAMPLE ": ok — 4 sites, 1 crew, "
					    "3 components, 2 services, horizon "
					    "10y, 1000 replications"),
		      "%s", out);
	ck_assert_msg(!*err || strstr(err, ": warning: "), "%s", err);
}
END_TEST

/* One bad file among good ones: all are checked, exit 2. */
START_TEST(test_check_mixed)
{
	g_autofree char *out = NULL, *err = NULL;
	const char *args[] = {"check", EXAMPLE, BAD_DIR "/need-zero.cfg",
			      EXAMPLE, NULL};
	g_autofree char *want = expected_error("need-zero.cfg");

	ck_assert_int_eq(test_drsim(args, &out, &err), 2);
	ck_assert_ptr_nonnull(strstr(out, EXAMPLE ": ok"));
	ck_assert_ptr_nonnull(
		strstr(strstr(out, EXAMPLE ": ok") + 1, EXAMPLE ": ok"));
	ck_assert_ptr_nonnull(strstr(err, want));
}
END_TEST

static const struct {
	const char *args[4];
	int code;
	const char *out_has, *err_has;
} usages[] = {
	{{"check", NULL}, 2, "", "no scenario file given"},
	{{"check", "--frobnicate", EXAMPLE, NULL}, 2, "", "--frobnicate"},
	{{"check", "--help", NULL}, 0, "--set", ""},
	{{"check", EXAMPLE, "--set", "scenario.seed=-1"},
	 2,
	 "",
	 "--set scenario.seed: 'seed' must be >= 0"},
};

START_TEST(test_check_usage)
{
	g_autofree char *out = NULL, *err = NULL;
	const char *args[5] = {NULL};

	memcpy(args, usages[_i].args, sizeof usages[_i].args);
	ck_assert_int_eq(test_drsim(args, &out, &err), usages[_i].code);
	ck_assert_msg(strstr(out, usages[_i].out_has), "stdout: %s", out);
	ck_assert_msg(strstr(err, usages[_i].err_has), "stderr: %s", err);
}
END_TEST

Suite *scenario_suite(void)
{
	Suite *s = suite_create("scenario");
	TCase *example_tc = tcase_create("example");
	TCase *sets_tc = tcase_create("overrides");
	TCase *bad_tc = tcase_create("bad");
	TCase *cli_tc = tcase_create("check");

	list_bad_files();
	gen_files = test_corpus(GEN_DIR, ".cfg");
	tcase_add_checked_fixture(example_tc, at_srcdir, NULL);
	tcase_add_test(example_tc, test_example_header);
	tcase_add_test(example_tc, test_example_crew_site);
	tcase_add_test(example_tc, test_example_components);
	tcase_add_test(example_tc, test_example_services);
	tcase_add_test(example_tc, test_find);
	tcase_add_test(example_tc, test_limits_below);
	tcase_add_test(example_tc, test_requires_alternatives);
	tcase_add_test(example_tc, test_example_dataset);
	tcase_add_test(example_tc, test_example_snapshot);
	tcase_add_test(example_tc, test_example_backup);
	tcase_add_test(example_tc, test_example_replication);
	tcase_add_test(example_tc, test_example_directory);
	tcase_add_test(example_tc, test_example_plan);
	tcase_add_test(example_tc, test_plan_defaults);
	tcase_add_test(example_tc, test_strategy_defaults);
	tcase_add_test(example_tc, test_example_threat);
	tcase_add_test(example_tc, test_schedule_start);
	tcase_add_test(example_tc, test_example_in_doc);
	tcase_add_test(example_tc, test_defaults);
	tcase_add_loop_test(example_tc, test_laws, 0, (int)G_N_ELEMENTS(laws));
	suite_add_tcase(s, example_tc);

	tcase_add_checked_fixture(sets_tc, at_srcdir, NULL);
	tcase_add_test(sets_tc, test_set_int_and_duration);
	tcase_add_test(sets_tc, test_set_paths);
	tcase_add_test(sets_tc, test_set_law_swaps);
	tcase_add_test(sets_tc, test_set_protection);
	tcase_add_test(sets_tc, test_set_add_and_replace);
	tcase_add_loop_test(sets_tc, test_set_errors, 0,
			    (int)G_N_ELEMENTS(bad_sets));
	suite_add_tcase(s, sets_tc);

	tcase_add_checked_fixture(bad_tc, at_srcdir, NULL);
	tcase_add_test(bad_tc, test_bad_corpus_size);
	tcase_add_loop_test(bad_tc, test_bad_file, 0, (int)bad_files->len);
	tcase_add_test(bad_tc, test_several_problems);
	tcase_add_test(bad_tc, test_generated_corpus_size);
	tcase_add_test(bad_tc, test_huge_strings);
	tcase_add_loop_test(bad_tc, test_generated_bad_file, 0,
			    (int)gen_files->len);
	tcase_add_test(bad_tc, test_unreadable);
	suite_add_tcase(s, bad_tc);

	tcase_add_checked_fixture(cli_tc, at_srcdir, NULL);
	tcase_add_loop_test(cli_tc, test_check_bad_file, 0,
			    (int)bad_files->len);
	tcase_add_test(cli_tc, test_check_ok);
	tcase_add_test(cli_tc, test_check_mixed);
	tcase_add_loop_test(cli_tc, test_check_usage, 0,
			    (int)G_N_ELEMENTS(usages));
	suite_add_tcase(s, cli_tc);
	return s;
}
