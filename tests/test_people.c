/* test_people.c — a crew's people (docs/model.md, "Staff absences" and
 * "The loss of a key person"): members away for a while, so fewer
 * repairs at once, and the loss of a key person slowing the crew's
 * human steps for a while.
 *
 * Exact cases by construction in tests/data/people/ (each file's comment
 * works its figures out by hand), one statistical case with its
 * tolerance from the standard error (seed 2026 in its name), the same
 * bits on 1 and 2 threads, and the bad inputs (tests/data/people/bad-
 * *.cfg, each with its .err) as `drsim check` reports them. */
#include <math.h>
#include <string.h>
#include <glib.h>

#include "models/report/report.h"
#include "models/results/simulate.h"
#include "models/scenario/labels.h"
#include "sim/units.h"
#include "testutil.h"

#define DIR "tests/data/people/"
/* Sums and ratios of exact hours: equal to the last bits or nearly. */
#define EXACT 1e-9

/* Every replication gave exactly x hours per year at reduced size. */
static void assert_reduced(const MdlCrewResults *k, guint64 reps, double x)
{
	ck_assert_uint_eq(k->reduced_h_per_y.n, reps);
	assert_close(k->reduced_h_per_y.min, x, EXACT);
	assert_close(k->reduced_h_per_y.max, x, EXACT);
}

/* -- 1. absences, exact ----------------------------------------------------- */

/* holidays.cfg: the failure at 150 h, inside [100, 300), is repaired
 * from exactly 300 h: wait 150 h, RTO 160 h; 4380 h/y at reduced size. */
START_TEST(test_absence_window)
{
	MdlScenario *sc;
	MdlLabels *l;
	MdlResults *r = test_run_file(DIR "holidays.cfg", NULL, 2, &sc, &l);
	const MdlCrewResults *k = &r->crews[0];
	const MdlServiceResults *emr = &r->services[0];

	ck_assert_uint_eq(k->repairs, 3);
	ck_assert_uint_eq(k->immediate, 0);
	assert_close(k->wait_h.min, 150, EXACT);
	assert_close(k->wait_h.max, 150, EXACT);
	ck_assert_uint_eq(emr->incidents, 3);
	assert_close(emr->rto_h.min, 160, EXACT);
	assert_close(emr->rto_h.max, 160, EXACT);
	assert_reduced(k, 3, 200.0 / 400 * SIM_HOURS_PER_YEAR);
	test_run_free(r, sc, l);
}
END_TEST

/* reduced.cfg: a crew of 2 with one away, two failures at 100 h: waits
 * 0 and exactly 10 h; without the absence, both at once. */
START_TEST(test_absence_reduced)
{
	const char *none[] = { "crews.it.absences=()", NULL };
	MdlScenario *sc;
	MdlLabels *l;
	MdlResults *r = test_run_file(DIR "reduced.cfg", NULL, 1, &sc, &l);
	const MdlCrewResults *k = &r->crews[0];

	ck_assert_uint_eq(k->repairs, 4);
	ck_assert_uint_eq(k->immediate, 2);
	assert_close(k->wait_h.min, 0, EXACT);
	assert_close(k->wait_h.max, 10, EXACT);
	assert_close(sim_welford_mean(&k->wait_h), 5, EXACT);
	/* b down from 100 h to 120 h instead of 110 h */
	assert_close(sim_welford_mean(&r->components[1].availability),
		     1 - 20.0 / 200, EXACT);
	assert_reduced(k, 2, 150.0 / 200 * SIM_HOURS_PER_YEAR);
	test_run_free(r, sc, l);

	r = test_run_file(DIR "reduced.cfg", none, 1, &sc, &l);
	k = &r->crews[0];
	ck_assert_uint_eq(k->repairs, 4);
	ck_assert_uint_eq(k->immediate, 4);
	assert_close(k->wait_h.max, 0, EXACT);
	ck_assert_uint_eq(k->reduced_h_per_y.n, 0);
	test_run_free(r, sc, l);
}
END_TEST

/* -- 2. the loss of a key person, exact ------------------------------------ */

/* key-person.cfg: declared at 1603, 3304 (2 h × 1.5 inside [3000, 3500))
 * and 5003 h; with the crew on call only (a call-out of 1 h, fixed,
 * slowed too), at 1604, 3305.5 (1 + 1.5 + 3) and 5004 h. */
static const struct {
	const char *crew;	/* the crew's keys after its id */
	double declared[3];
} key_cases[] = {
	{ "", { 1603, 3304, 5003 } },
	{ " hours = \"never\"; callout = \"1h\";", { 1604, 3305.5, 5004 } },
};

START_TEST(test_key_person_decision)
{
	static const double t0[] = { 1600, 3300, 5000 };
	g_autofree char *path = g_build_filename(DRSIM_SRCDIR,
						 DIR "key-person.cfg", NULL);
	g_autofree char *text = NULL;
	MdlScenario *sc;

	ck_assert(g_file_get_contents(path, &text, NULL, NULL));
	g_auto(GStrv) parts = g_strsplit(text, "id = \"it\";", 2);
	ck_assert_uint_eq(g_strv_length(parts), 2);
	g_autofree char *crew = g_strconcat("id = \"it\";",
					    key_cases[_i].crew, NULL);
	g_autofree char *with = g_strjoinv(crew, parts);
	MdlResults *r = test_play(with, 1, &sc);

	ck_assert_uint_eq(r->services[0].incidents, 3);
	for (guint i = 0; i < 3; i++) {
		assert_close(test_incident_num(r, i, TEST_COL_T0), t0[i],
			     EXACT);
		assert_close(test_incident_num(r, i, TEST_COL_DECLARE),
			     key_cases[_i].declared[i], EXACT);
		assert_close(test_incident_num(r, i, TEST_COL_RTO), 100,
			     EXACT);
	}
	test_played_free(r, sc);
}
END_TEST

/* -- 3. statistical, threads ------------------------------------------------ */

/* sickness.cfg, seed 2026: hours per year at reduced size within 4
 * standard errors of the exact E / T × 8760 (its comment), the
 * standard error below 3 h. */
START_TEST(test_sickness_stat_seed2026)
{
	const double lambda = 2 / SIM_HOURS_PER_YEAR, d = 168,
		     T = 10 * SIM_HOURS_PER_YEAR;
	double e = T - (1 - exp(-lambda * d)) / lambda -
		   (T - d) * exp(-lambda * d);
	MdlScenario *sc;
	MdlLabels *l;
	MdlResults *r = test_run_file(DIR "sickness.cfg", NULL, 2, &sc, &l);
	const SimWelford *x = &r->crews[0].reduced_h_per_y;

	ck_assert_uint_eq(x->n, 2000);
	assert_within_se(sim_welford_mean(x), e / T * SIM_HOURS_PER_YEAR,
			 sim_welford_stderr(x), 4, 3);
	test_run_free(r, sc, l);
}
END_TEST

static gboolean same_welford(const SimWelford *a, const SimWelford *b)
{
	return memcmp(a, b, sizeof *a) == 0;
}

/* The same bits on 1 and 2 threads: the accumulators, the table and the
 * JSON. */
START_TEST(test_people_threads)
{
	const char *sets[] = { "scenario.replications=200",
			       "crews.it.key_person={ rate = \"1/y\"; "
			       "slower = \"50%\"; for = \"3mo\"; }",
			       NULL };
	MdlRunInfo info = { 1, 0, NULL };
	MdlScenario *sc[2];
	MdlLabels *l[2];
	MdlResults *r[2];
	char *table[2], *json[2];

	for (guint t = 0; t < 2; t++) {
		r[t] = test_run_file(DIR "sickness.cfg", sets, t + 1,
				     &sc[t], &l[t]);
		table[t] = mdl_report(sc[t], r[t], &info, MDL_FORMAT_TABLE);
		json[t] = mdl_report(sc[t], r[t], &info, MDL_FORMAT_JSON);
	}
	ck_assert_str_eq(table[1], table[0]);
	ck_assert_str_eq(json[1], json[0]);
	ck_assert_ptr_nonnull(strstr(json[0], "\"reduced_h_per_year\""));
	ck_assert(same_welford(&r[0]->crews[0].reduced_h_per_y,
			       &r[1]->crews[0].reduced_h_per_y));
	ck_assert(same_welford(&r[0]->crews[0].wait_h,
			       &r[1]->crews[0].wait_h));
	for (guint t = 0; t < 2; t++) {
		g_free(table[t]);
		g_free(json[t]);
		test_run_free(r[t], sc[t], l[t]);
	}
}
END_TEST

/* -- 4. bad inputs ---------------------------------------------------------- */

static const char *const bad_files[] = {
	"bad-size", "bad-duration", "bad-key", "bad-absence-key",
};

START_TEST(test_people_bad)
{
	test_check_rejects("tests/data/people", bad_files[_i]);
}
END_TEST

Suite *people_suite(void)
{
	Suite *s = suite_create("people");
	TCase *tc = tcase_create("people");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_absence_window);
	tcase_add_test(tc, test_absence_reduced);
	tcase_add_loop_test(tc, test_key_person_decision, 0,
			    (int)G_N_ELEMENTS(key_cases));
	tcase_add_test(tc, test_sickness_stat_seed2026);
	tcase_add_test(tc, test_people_threads);
	tcase_add_loop_test(tc, test_people_bad, 0,
			    (int)G_N_ELEMENTS(bad_files));
	suite_add_tcase(s, tc);
	return s;
}
