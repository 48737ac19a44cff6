/* test_replaced.c — a scenario whose project replaces a topology
 * (costs.project.replaces; docs/model.md, "Replaced infrastructure"):
 * the replaced topology runs until the switch, its incidents count under
 * the scenario's services and targets, the switch waits for an open
 * incident to end, yearly costs change hands at the lead time, the
 * result is exact on a worked case and within its standard error on a
 * Markov one, and the replaced topology's draws are common to scenarios
 * that replace the same file.  Files: tests/data/replaced/; the bad
 * inputs: tests/data/bad/replaces-*.cfg. */
#include <string.h>
#include <glib.h>

#include "models/scenario/labels.h"
#include "models/results/results.h"
#include "models/scenario/scenario.h"
#include "models/results/simulate.h"
#include "models/world/world.h"
#include "testutil.h"

#define NEW "tests/data/replaced/new.cfg"
#define NEW_RANDOM "tests/data/replaced/new-random.cfg"

/* What play() made, freed by done(). */
typedef struct {
	MdlScenario *sc;
	MdlWorld *w;
	MdlResults *r;
} Played;

/* Replications 0..n−1 of file (with the overrides sets, may be NULL),
 * incidents logged. */
static Played play(const char *file, const char *const *sets, guint n)
{
	GError *error = NULL;
	Played p = { mdl_scenario_load(file, sets, &error), NULL, NULL };

	ck_assert_msg(p.sc, "%s: %s", file, error ? error->message : "?");
	p.w = mdl_world_new(p.sc);
	p.r = mdl_results_new(p.sc, mdl_world_labels(p.w), TRUE);
	for (guint64 rep = 0; rep < n; rep++)
		ck_assert(mdl_results_play(p.w, rep, p.r, NULL));
	return p;
}

static void done(Played *p)
{
	mdl_results_free(p->r);
	mdl_world_free(p->w);
	mdl_scenario_free(p->sc);
}

/* The index of the cause labelled name. */
static guint cause_named(const MdlLabels *l, const char *name)
{
	for (guint i = 0; i < mdl_labels_n_causes(l); i++)
		if (strcmp(mdl_labels_cause(l, i), name) == 0)
			return i;
	ck_abort_msg("no cause %s", name);
	return 0;
}

START_TEST(test_replaced_load)
{
	GError *error = NULL;
	g_autoptr(MdlScenario) sc = mdl_scenario_load(NEW, NULL, &error);

	ck_assert_msg(sc, "%s", error ? error->message : "?");
	ck_assert_ptr_nonnull(sc->replaces);
	ck_assert_str_eq(sc->replaces->file, "tests/data/replaced/old.cfg");
	assert_close(sc->in_service_h, 1000, 0);
	assert_close(sc->costs->in_service_h, 1000, 0);
	assert_close(sc->costs->replaced_per_year, 87600, 1e-9);
	/* the scenario's own labels first, the replaced ones after */
	g_autoptr(MdlLabels) l = mdl_labels_new(sc);
	ck_assert_str_eq(mdl_labels_cause(l, 0), "component:vm:f");
	ck_assert_str_eq(mdl_labels_path(l, mdl_path_repair(l)), "repair");
	const MdlLabels *old = mdl_labels_replaced(l);
	ck_assert_ptr_nonnull(old);
	ck_assert_str_eq(mdl_labels_cause(l, mdl_cause_mode(old, 0, 0)),
			 "replaced:component:box:f");
	ck_assert_str_eq(mdl_labels_path(l, mdl_path_repair(old)),
			 "replaced:repair");
	ck_assert_uint_eq(mdl_labels_n_causes(l), 2 * 4);
}
END_TEST

/* The worked case of new.cfg: nine incidents of the replaced topology,
 * the switch at 1000 h, one of the new one at 1500 h. */
START_TEST(test_replaced_worked_case)
{
	Played p = play(NEW, NULL, 1);
	const MdlServiceResults *s = &p.r->services[0];
	const MdlLabels *l = mdl_world_labels(p.w);

	assert_close(s->availability.mean, 1905.0 / 2000, 1e-12);
	ck_assert_uint_eq(s->incidents, 10);
	ck_assert_uint_eq(s->censored, 0);
	ck_assert_uint_eq(
		s->by_cause[cause_named(l, "replaced:component:box:f")]
			->incidents, 9);
	ck_assert_uint_eq(s->by_cause[cause_named(l, "component:vm:f")]
				  ->incidents, 1);
	/* the old topology's incidents are measured against this one's
	 * targets (rto 1 h here, 20 h in old.cfg) */
	ck_assert_uint_eq(s->rto_met, 0);
	assert_close(p.r->switch_h.mean, 1000, 0);
	ck_assert(strstr(p.r->rows->str,
			 "0,app,replaced:component:box:f,980,980,,990,"
			 "replaced:repair,,10,0,0\n"));
	ck_assert(strstr(p.r->rows->str,
			 "0,app,component:vm:f,1500,1500,,1505,repair,,5,0,0\n"));
	/* costs: fixed 1000 + 10/h × 1000 h + 20/h × 1000 h; incidents
	 * 95 h × 1000/h + 9 × 100 (per_event matched through "replaced:") */
	assert_close(p.r->cost->fixed.mean, 31000, 1e-6);
	assert_close(p.r->cost->incidents.mean, 95900, 1e-6);
	/* the component table is the new topology's, over its 1000 h */
	assert_close(p.r->components[0].availability.mean, 995.0 / 1000,
		     1e-12);
	done(&p);
}
END_TEST

/* Lead time 985 h: box is down from 980 to 990 h, so the switch waits
 * until 990 h; the new topology's clock starts there (vm fails at 1490 h
 * and 1995 h, open at the horizon).  Yearly costs still change hands at
 * the lead time. */
START_TEST(test_replaced_switch_waits)
{
	const char *sets[] = { "costs.project.lead_time=985h", NULL };
	Played p = play(NEW, sets, 1);
	const MdlServiceResults *s = &p.r->services[0];

	assert_close(p.r->switch_h.mean, 990, 0);
	ck_assert(strstr(p.r->rows->str,
			 "0,app,replaced:component:box:f,980,980,,990,"));
	ck_assert(strstr(p.r->rows->str, "0,app,component:vm:f,1490,"));
	ck_assert_uint_eq(s->incidents, 10);	/* the 980 h one complete */
	ck_assert_uint_eq(s->censored, 1);
	assert_close(s->availability.mean, 1900.0 / 2000, 1e-12);
	assert_close(p.r->cost->fixed.mean, 1000 + 10 * 985 + 20 * 1015,
		     1e-6);
	done(&p);
}
END_TEST

/* new-random.cfg: the mean uptime has a closed form (see the file). */
START_TEST(test_replaced_markov_exact)
{
	const double lambda = 0.01, mu = 0.1, L = 1000, T = 2000;
	const double A = mu / (lambda + mu), k = lambda + mu;
	const double p_down = (1 - A) * (1 - exp(-k * L));
	const double exact =
		(A * L + (1 - A) * (1 - exp(-k * L)) / k + (T - L) -
		 p_down / mu) / T;
	GError *error = NULL;
	g_autoptr(MdlScenario) sc = mdl_scenario_load(NEW_RANDOM, NULL,
						      &error);
	g_autoptr(MdlLabels) labels = mdl_labels_new(sc);
	MdlRunInfo info;
	MdlResults *r = mdl_simulate(sc, labels, 2, NULL, &info, &error);
	const SimWelford *a = &r->services[0].availability;

	ck_assert_msg(r, "%s", error ? error->message : "?");
	assert_within_se(a->mean, exact, sim_welford_stderr(a), 4, 4e-4);
	/* the switch waits p_down / mu on average */
	assert_within_se(r->switch_h.mean, L + p_down / mu,
			 sim_welford_stderr(&r->switch_h), 4, 0.1);
	fprintf(stderr, "%-22s exact %.7f estimate %.7f se %.2g\n",
		"replaced, Markov", exact, a->mean, sim_welford_stderr(a));
	mdl_results_free(r);
}
END_TEST

/* The incidents of replication rows that start before t, as text. */
static char *rows_before(const char *rows, double t)
{
	g_auto(GStrv) lines = g_strsplit(rows, "\n", -1);
	GString *keep = g_string_new(NULL);

	for (guint i = 0; lines[i] && *lines[i]; i++) {
		g_auto(GStrv) f = g_strsplit(lines[i], ",", -1);
		if (g_ascii_strtod(f[3], NULL) < t)
			g_string_append_printf(keep, "%s\n", lines[i]);
	}
	return g_string_free(keep, FALSE);
}

/* Two projects replacing the same topology, one finished at 1000 h, the
 * other at 1500 h: until 1000 h both replay the same old topology. */
START_TEST(test_replaced_common_numbers)
{
	const char *later[] = { "costs.project.lead_time=1500h", NULL };
	Played a = play(NEW_RANDOM, NULL, 20);
	Played b = play(NEW_RANDOM, later, 20);
	g_autofree char *ra = rows_before(a.r->rows->str, 990);
	g_autofree char *rb = rows_before(b.r->rows->str, 990);

	ck_assert_uint_gt(strlen(ra), 100);
	ck_assert_str_eq(ra, rb);
	/* and they differ afterwards: b still runs the old one */
	ck_assert(strstr(b.r->rows->str, "replaced:component:box:f,12"));
	done(&a);
	done(&b);
}
END_TEST

/* An exercise tries the scenario's own topology from t = 0, where nothing
 * fails but the injection: vm, at 100 h, for 5 h. */
START_TEST(test_replaced_exercise_own_topology)
{
	GError *error = NULL;
	g_autoptr(MdlScenario) sc = mdl_scenario_load(NEW, NULL, &error);
	MdlWorld *w = mdl_world_new(sc);
	MdlResults *r = mdl_results_new(sc, mdl_world_labels(w), FALSE);
	MdlInjection inj;

	ck_assert(mdl_injection_parse(sc, mdl_world_labels(w),
				      "component:vm:failure:f@+100h", &inj,
				      &error));
	/* a normal replication first: the exercise must not inherit it */
	ck_assert(mdl_results_play(w, 0, r, NULL));
	mdl_results_free(r);
	r = mdl_results_new(sc, mdl_world_labels(w), FALSE);
	ck_assert(mdl_results_play_exercise(w, 0, &inj, r, NULL));
	assert_close(r->services[0].availability.mean, 1995.0 / 2000, 1e-12);
	mdl_injection_clear(&inj);
	mdl_results_free(r);
	mdl_world_free(w);
}
END_TEST

/* The same through the binary: no replaced cause in sight. */
START_TEST(test_replaced_exercise_cli)
{
	const char *args[] = { "exercise", NEW, "--inject",
			       "component:vm:failure:f@+100h", "-r", "1",
			       NULL };
	g_autofree char *out = NULL, *err = NULL;

	ck_assert_int_eq(test_drsim(args, &out, &err), 0);
	ck_assert_msg(strstr(out, "app"), "%s", out);
	ck_assert_msg(!strstr(out, "replaced:"), "%s", out);
}
END_TEST

Suite *replaced_suite(void)
{
	Suite *s = suite_create("replaced");
	TCase *tc = tcase_create("replaced");

	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_replaced_load);
	tcase_add_test(tc, test_replaced_worked_case);
	tcase_add_test(tc, test_replaced_switch_waits);
	tcase_add_test(tc, test_replaced_markov_exact);
	tcase_add_test(tc, test_replaced_common_numbers);
	tcase_add_test(tc, test_replaced_exercise_own_topology);
	tcase_add_test(tc, test_replaced_exercise_cli);
	suite_add_tcase(s, tc);
	return s;
}
