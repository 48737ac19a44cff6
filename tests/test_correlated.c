/* test_correlated.c — correlated failures (docs/model.md, "Common
 * causes" and "Replication"): common causes striking units of several
 * components at once, and replication that stops while the links it
 * travels on (`via`) are down.
 *
 * Exact cases by construction in tests/data/correlated/ (each file's
 * comment works its figures out by hand), one statistical case with its
 * tolerance from the standard error (seed 2026 in its name), common
 * random numbers with and without a common cause, the same bits on 1
 * and 2 threads, the automatic set of a sensitivity, and the bad inputs
 * (tests/data/bad/common-*.cfg, copy-via-*.cfg, each with its .err) as
 * `drsim check` reports them. */
#include <string.h>
#include <glib.h>

#include "models/report/report.h"
#include "models/results/simulate.h"
#include "models/scenario/labels.h"
#include "models/scenario/values.h"
#include "testutil.h"

#define DIR "tests/data/correlated/"
/* Sums and ratios of exact hours: equal to the last bits or nearly. */
#define EXACT 1e-12

/* The index of the cause labelled label; the test fails without one. */
static guint cause_of(const MdlLabels *l, const char *label)
{
	for (guint c = 0; c < mdl_labels_n_causes(l); c++)
		if (strcmp(mdl_labels_cause(l, c), label) == 0)
			return c;
	ck_abort_msg("no cause '%s'", label);
	return 0;
}

static guint path_of(const MdlLabels *l, const char *label)
{
	for (guint p = 0; p < mdl_labels_n_paths(l); p++)
		if (strcmp(mdl_labels_path(l, p), label) == 0)
			return p;
	ck_abort_msg("no path '%s'", label);
	return 0;
}

/* Closed incidents of service s by cause c (0 when none). */
static guint64 by_cause(const MdlResults *r, guint s, guint c)
{
	const MdlBreakdown *b = r->services[s].by_cause[c];

	return b ? b->incidents : 0;
}

/* Every closed incident of service s has cause `label`: n of them. */
static void assert_only_cause(const MdlResults *r, const MdlLabels *l,
			      guint s, const char *label, guint64 n)
{
	guint want = cause_of(l, label);

	ck_assert_uint_eq(r->services[s].incidents, n);
	for (guint c = 0; c < mdl_labels_n_causes(l); c++)
		ck_assert_msg(by_cause(r, s, c) == (c == want ? n : 0),
			      "cause %s: %" G_GUINT64_FORMAT " incidents",
			      mdl_labels_cause(l, c), by_cause(r, s, c));
}

/* -- 1. common causes, exact --------------------------------------------- */

/* A case of tests/data/correlated/: every service of the file has, in
 * each of its 3 replications, `incidents` closed incidents of RTO
 * exactly rto_h, all of cause `cause`, none censored, and availability
 * `avail`; its first component has availability comp_avail and units
 * up units_up. */
typedef struct {
	const char *file;
	const char *set;	/* one override, or NULL */
	const char *cause;	/* NULL: no incident */
	guint64 incidents;
	double rto_h, avail, comp_avail, units_up;
} CommonCase;

static const CommonCase common_cases[] = {
	/* trench.cfg: cuts at 1000 + 1010 k, k = 0..9, 10 h each, both
	 * links (units "all") */
	{ DIR "trench.cfg", NULL, "common:trench", 10, 10,
	  1 - 100.0 / 10600, 1 - 100.0 / 10600, 1 - 100.0 / 10600 },
	/* the two links independent, neither ever failing: nothing */
	{ DIR "trench.cfg", "common_causes=()", NULL, 0, 0, 1, 1, 1 },
	/* one link of the two at each cut: the service and the component
	 * stay up (1 of 2), 100 unit-hours of 2 × 10600 down */
	{ DIR "trench.cfg", "common_causes.trench.units=1", NULL, 0, 0, 1, 1,
	  1 - 100.0 / 21200 },
	/* every controller of both SANs: each of the three services, on
	 * san, on san-dr, on either */
	{ DIR "firmware.cfg", NULL, "common:firmware", 10, 10,
	  1 - 100.0 / 10600, 1 - 100.0 / 10600, 1 - 100.0 / 10600 },
	/* the replaced topology's trench, until the switch at 5000 h: cuts
	 * at 1000, 2010, 3020, 4030 h; the new fibre never fails */
	{ DIR "replaced.cfg", NULL, "replaced:common:trench", 4, 10,
	  1 - 40.0 / 10600, 1, 1 },
};

START_TEST(test_common_exact)
{
	const CommonCase *c = &common_cases[_i];
	const char *sets[] = { c->set, NULL };
	MdlScenario *sc;
	MdlLabels *l;
	MdlResults *r = test_run_file(c->file, sets, 2, &sc, &l);

	ck_assert_uint_eq(r->replications, 3);
	for (guint s = 0; s < sc->n_services; s++) {
		const MdlServiceResults *sv = &r->services[s];
		if (c->cause)
			assert_only_cause(r, l, s, c->cause, 3 * c->incidents);
		else
			ck_assert_uint_eq(sv->incidents, 0);
		ck_assert_uint_eq(sv->censored, 0);
		if (c->incidents > 0) {
			assert_close(sv->rto_h.min, c->rto_h, EXACT);
			assert_close(sv->rto_h.max, c->rto_h, EXACT);
		}
		assert_close(sim_welford_mean(&sv->availability), c->avail,
			     EXACT);
		assert_close(sv->availability.min, c->avail, EXACT);
	}
	assert_close(sim_welford_mean(&r->components[0].availability),
		     c->comp_avail, EXACT);
	assert_close(sim_welford_mean(&r->components[0].units_up),
		     c->units_up, EXACT);
	test_run_free(r, sc, l);
}
END_TEST

/* firmware.cfg: each occurrence of the cause is paid once (per_event
 * "common:firmware" 1000), whatever the services it brings down:
 * 10 occurrences, 10 000 per replication. */
START_TEST(test_common_costs)
{
	MdlScenario *sc;
	MdlLabels *l;
	MdlResults *r = test_run_file(DIR "firmware.cfg", NULL, 1, &sc, &l);

	ck_assert_ptr_nonnull(r->cost);
	assert_close(sim_welford_mean(&r->cost->incidents), 10000, EXACT);
	assert_close(r->cost->incidents.min, 10000, EXACT);
	/* the label sits after the sites' hazards, before the threats */
	ck_assert_str_eq(mdl_labels_cause(l, mdl_cause_common(l, 0)),
			 "common:firmware");
	ck_assert_uint_eq(mdl_cause_common(l, 0) + 1,
			  mdl_cause_ransomware(l, 0));
	test_run_free(r, sc, l);
}
END_TEST

/* -- 2. replication via links, exact -------------------------------------- */

/* A replicated dataset whose failover at t0 = 1000 h (3 replications,
 * one incident each, RTO 1 h, path "failover:b") loses rpo_h. */
typedef struct {
	const char *file;
	const char *set;
	double rpo_h;
} ViaCase;

static const ViaCase via_cases[] = {
	/* the link down since 995 h: 5 h + the lag 0.1 h */
	{ DIR "via.cfg", NULL, 5.1 },
	/* down on [900, 920): caught up at once, the lag alone */
	{ DIR "via.cfg", "components.link.failures.cut.ttf=900h", 0.1 },
	/* a link that never fails: the lag */
	{ DIR "via.cfg", "components.link.failures.cut.ttf=100y", 0.1 },
	/* both WAN links cut by the trench at 995 h */
	{ DIR "via-trench.cfg", NULL, 5.1 },
	/* one link of two cut: the other carries the replication */
	{ DIR "via-trench.cfg", "common_causes.trench.units=1", 0.1 },
};

START_TEST(test_via_exact)
{
	const ViaCase *c = &via_cases[_i];
	const char *sets[] = { c->set, NULL };
	MdlScenario *sc;
	MdlLabels *l;
	MdlResults *r = test_run_file(c->file, sets, 2, &sc, &l);
	const MdlServiceResults *sv = &r->services[0];
	const MdlBreakdown *b = sv->by_path[path_of(l, "failover:b")];

	assert_only_cause(r, l, 0, "component:db:hw", 3);
	ck_assert_ptr_nonnull(b);
	ck_assert_uint_eq(b->incidents, 3);
	assert_close(sv->rto_h.min, 1, EXACT);
	assert_close(sv->rto_h.max, 1, EXACT);
	ck_assert_uint_eq(sv->rpo_h.n, 3);
	assert_close(sv->rpo_h.min, c->rpo_h, 1e-9);
	assert_close(sv->rpo_h.max, c->rpo_h, 1e-9);
	/* the target is 1 h */
	ck_assert_uint_eq(sv->rpo_met, c->rpo_h <= 1 ? 3 : 0);
	test_run_free(r, sc, l);
}
END_TEST

/* The incident's row says it too: cause, path and RPO. */
START_TEST(test_via_row)
{
	g_autofree char *path = g_build_filename(DRSIM_SRCDIR, DIR "via.cfg",
						 NULL);
	g_autofree char *text = NULL;
	MdlScenario *sc;

	ck_assert(g_file_get_contents(path, &text, NULL, NULL));
	MdlResults *r = test_play(text, 1, &sc);
	g_autofree char *cause = test_incident_field(r, 0, TEST_COL_CAUSE);
	g_autofree char *p = test_incident_field(r, 0, TEST_COL_PATH);

	ck_assert_str_eq(cause, "component:db:hw");
	ck_assert_str_eq(p, "failover:b");
	assert_close(test_incident_num(r, 0, TEST_COL_T0), 1000, EXACT);
	assert_close(test_incident_num(r, 0, TEST_COL_RPO), 5.1, 1e-9);
	test_played_free(r, sc);
}
END_TEST

/* -- 3. statistical, common random numbers, threads ----------------------- */

/* stat.cfg, seed 2026: availability of the service behind the trench
 * within 4 standard errors of 500/510, the standard error below 1e-4. */
START_TEST(test_common_stat_seed2026)
{
	MdlScenario *sc;
	MdlLabels *l;
	MdlResults *r = test_run_file(DIR "stat.cfg", NULL, 2, &sc, &l);
	const MdlServiceResults *emr = &r->services[0];

	ck_assert_uint_eq(r->replications, 1000);
	assert_within_se(sim_welford_mean(&emr->availability), 500.0 / 510,
			 sim_welford_stderr(&emr->availability), 4, 1e-4);
	ck_assert_uint_eq(by_cause(r, 0, cause_of(l, "common:trench")),
			  emr->incidents);
	test_run_free(r, sc, l);
}
END_TEST

static gboolean same_welford(const SimWelford *a, const SimWelford *b)
{
	return memcmp(a, b, sizeof *a) == 0;
}

/* Removing the trench leaves the draws of every other entity as they
 * were: `lab` and its database, which the trench does not touch, give
 * the same bits; `emr` loses every incident. */
START_TEST(test_common_crn)
{
	const char *none[] = { "scenario.replications=200",
			       "common_causes=()", NULL };
	const char *with[] = { "scenario.replications=200", NULL };
	MdlScenario *sa, *sb;
	MdlLabels *la, *lb;
	MdlResults *a = test_run_file(DIR "stat.cfg", with, 2, &sa, &la);
	MdlResults *b = test_run_file(DIR "stat.cfg", none, 2, &sb, &lb);
	const MdlServiceResults *la_ = &a->services[1], *lb_ = &b->services[1];

	ck_assert_uint_gt(la_->incidents, 100);
	ck_assert_uint_eq(la_->incidents, lb_->incidents);
	ck_assert(same_welford(&la_->availability, &lb_->availability));
	ck_assert(same_welford(&la_->rto_h, &lb_->rto_h));
	ck_assert(same_welford(&a->components[0].availability,
			       &b->components[0].availability));
	ck_assert_uint_gt(a->services[0].incidents, 1000);
	ck_assert_uint_eq(b->services[0].incidents, 0);
	test_run_free(a, sa, la);
	test_run_free(b, sb, lb);
}
END_TEST

/* The same bits on 1 and 2 threads: the accumulators, the table and the
 * JSON, for the common cause and for the replication via the trench. */
START_TEST(test_correlated_threads)
{
	static const char *const files[] = { DIR "stat.cfg",
					     DIR "via-trench.cfg" };
	const char *sets[] = { "scenario.replications=150", NULL };
	MdlRunInfo info = { 1, 0, NULL };

	for (guint f = 0; f < G_N_ELEMENTS(files); f++) {
		MdlScenario *sc[2];
		MdlLabels *l[2];
		MdlResults *r[2];
		char *table[2], *json[2];

		for (guint t = 0; t < 2; t++) {
			r[t] = test_run_file(files[f], sets, t + 1,
					     &sc[t], &l[t]);
			table[t] = mdl_report(sc[t], r[t], &info,
					      MDL_FORMAT_TABLE);
			json[t] = mdl_report(sc[t], r[t], &info,
					     MDL_FORMAT_JSON);
		}
		ck_assert_str_eq(table[1], table[0]);
		ck_assert_str_eq(json[1], json[0]);
		for (guint s = 0; s < sc[0]->n_services; s++) {
			ck_assert(same_welford(&r[0]->services[s].availability,
					       &r[1]->services[s].availability));
			ck_assert(same_welford(&r[0]->services[s].rpo_h,
					       &r[1]->services[s].rpo_h));
		}
		for (guint t = 0; t < 2; t++) {
			g_free(table[t]);
			g_free(json[t]);
			test_run_free(r[t], sc[t], l[t]);
		}
	}
}
END_TEST

/* -- 4. sensitivity, bad inputs ------------------------------------------- */

/* The automatic set of a sensitivity varies a common cause's occurrence
 * and repair, after the sites' hazards. */
START_TEST(test_common_sensitivity_keys)
{
	g_autofree char *path = g_build_filename(DRSIM_SRCDIR,
						 DIR "stat.cfg", NULL);
	GPtrArray *chosen = NULL, *left_out = NULL;
	GError *error = NULL;

	ck_assert_msg(mdl_value_auto_keys(path, NULL, 100, &chosen, &left_out,
					  &error),
		      "%s", error ? error->message : "?");
	ck_assert(g_ptr_array_find_with_equal_func(
		chosen, "common_causes.trench.every.mean", g_str_equal, NULL));
	ck_assert(g_ptr_array_find_with_equal_func(
		chosen, "common_causes.trench.repair", g_str_equal, NULL));
	g_ptr_array_unref(chosen);
	g_ptr_array_unref(left_out);
}
END_TEST

/* The bad inputs of the two features, each paired with its .err. */
static const char *const bad_files[] = {
	"common-components-empty",  "common-duplicate-name",
	"common-negative-rate",	    "common-not-list",
	"common-rate-and-every",    "common-units-above-count",
	"common-units-bad",	    "common-unknown-component",
	"common-unknown-key",	    "common-without-repair",
	"copy-via-empty",	    "copy-via-on-backup",
	"copy-via-twice",	    "copy-via-unknown",
};

/* `drsim check FILE`: exit status 2, the exact `file:line: message` on
 * stderr, nothing on stdout. */
START_TEST(test_correlated_bad)
{
	test_check_rejects("tests/data/bad", bad_files[_i]);
}
END_TEST

Suite *correlated_suite(void)
{
	Suite *s = suite_create("correlated");
	TCase *tc = tcase_create("correlated");

	tcase_set_timeout(tc, 60);
	tcase_add_loop_test(tc, test_common_exact, 0,
			    (int)G_N_ELEMENTS(common_cases));
	tcase_add_test(tc, test_common_costs);
	tcase_add_loop_test(tc, test_via_exact, 0,
			    (int)G_N_ELEMENTS(via_cases));
	tcase_add_test(tc, test_via_row);
	tcase_add_test(tc, test_common_stat_seed2026);
	tcase_add_test(tc, test_common_crn);
	tcase_add_test(tc, test_correlated_threads);
	tcase_add_test(tc, test_common_sensitivity_keys);
	tcase_add_loop_test(tc, test_correlated_bad, 0,
			    (int)G_N_ELEMENTS(bad_files));
	suite_add_tcase(s, tc);
	return s;
}
