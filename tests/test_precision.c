/* test_precision.c — the precision of estimates and runs to a precision
 * (results/precision.h; `--precision` of run and compare): the precision
 * of a sample worked by hand, the batch rule, a run that stops as soon as
 * its worst figure is precise enough and says which it was, one that hits
 * its maximum, the same bits for any thread count, and bad options. */
#include <math.h>
#include <string.h>
#include <glib.h>
#include <json-glib/json-glib.h>

#include "models/results/precision.h"
#include "testutil.h"

#define CHU "scenarios/chu-internal.cfg"
#define HOSTED "scenarios/chu-hosted.cfg"

/* 1, 2, 3, 4: mean 2.5, s = 1.2910, t_{0.975, 3} = 3.1824: half-width
 * 2.0541, relative 0.82165.  A constant sample: 0.  One value: none. */
START_TEST(test_precision_of)
{
	SimWelford w;

	sim_welford_init(&w);
	for (int i = 1; i <= 4; i++)
		sim_welford_add(&w, i);
	assert_close(mdl_precision_of(&w),
		     3.182446305 * sqrt(5.0 / 3.0) / 2 / 2.5, 1e-8);
	sim_welford_init(&w);
	sim_welford_add(&w, 7);
	ck_assert(isnan(mdl_precision_of(&w)));
	sim_welford_add(&w, 7);
	ck_assert(mdl_precision_of(&w) == 0);
}
END_TEST

/* N' = min(max, max(N + n0, min(4N, ⌈1.1·N·(w/P)²⌉))). */
START_TEST(test_precision_next)
{
	MdlPrecisionGoal g = { 0.03, MDL_PRECISION_DEFAULT, 100000 };

	/* (0.06/0.03)² = 4: 8800 wanted, 4·2000 = 8000 at most */
	ck_assert_uint_eq(mdl_precision_next(2000, 2000, 0.06, &g), 8000);
	/* 1.1·8000·(0.033/0.03)² = 10648 */
	ck_assert_uint_eq(mdl_precision_next(2000, 8000, 0.033, &g), 10648);
	/* at least n0 more */
	ck_assert_uint_eq(mdl_precision_next(2000, 8000, 0.0301, &g), 10000);
	/* never past the maximum */
	g.max_replications = 9000;
	ck_assert_uint_eq(mdl_precision_next(2000, 8000, 0.06, &g), 9000);
	/* nothing estimable yet: four times as many */
	g.max_replications = 100000;
	ck_assert_uint_eq(mdl_precision_next(2000, 2000, INFINITY, &g), 8000);
}
END_TEST

static JsonNode *run_json(const char *const *args)
{
	g_autofree char *out = NULL, *err = NULL;

	ck_assert_msg(test_drsim(args, &out, &err) == 0, "%s", err);
	JsonNode *root = json_from_string(out, NULL);
	ck_assert_ptr_nonnull(root);
	return root;
}

/* The CHU to 2 %: it stops as soon as the worst of every service's
 * availability and breach precision is within 2 % (the one it names, as
 * its service's JSON says), after the batches the rule gives; the table
 * says so; 1 and 2 threads give the same bits. */
START_TEST(test_precision_run)
{
	const char *args[] = { "run", CHU, "--precision", "2%", "-f", "json",
			       "-q", "-j", "1", NULL };
	g_autoptr(JsonNode) one = run_json(args);
	JsonObject *root = json_node_get_object(one);
	JsonObject *p = json_object_get_object_member(root, "precision");

	ck_assert(json_object_get_boolean_member(p, "met"));
	double reached = json_object_get_double_member(p, "reached");
	ck_assert(reached <= 0.02);
	/* 2000, then the rule: more than one batch */
	ck_assert_int_gt(json_object_get_int_member(p, "batches"), 1);
	gint64 n = json_object_get_int_member(root, "replications");
	ck_assert_int_eq(n, json_object_get_int_member(p, "replications"));
	ck_assert_int_gt(n, 2000);
	const char *worst = json_object_get_string_member(p, "worst");
	g_auto(GStrv) w = g_strsplit(worst, " ", 2);
	ck_assert_str_eq(w[1], "breach");
	JsonObject *b = json_object_get_object_member(
		test_json_service(root, w[0]), "p_breach_per_year");
	assert_close(json_object_get_double_member(b, "precision"), reached,
		     1e-15);

	args[8] = "2";
	g_autoptr(JsonNode) two = run_json(args);
	json_object_remove_member(root, "run");
	json_object_remove_member(json_node_get_object(two), "run");
	g_autofree char *a = json_to_string(one, TRUE);
	g_autofree char *c = json_to_string(two, TRUE);
	ck_assert_str_eq(a, c);

	const char *table[] = { "run", CHU, "--precision", "2%", "-q", NULL };
	g_autofree char *out = NULL, *err = NULL;
	ck_assert_int_eq(test_drsim(table, &out, &err), 0);
	g_autofree char *line = g_strdup_printf(
		"precision 2 %% on availability, breach: reached %.3g %% "
		"(worst: %s) after %" G_GINT64_FORMAT " replications in %"
		G_GINT64_FORMAT " batches\n",
		reached * 100, worst, n,
		json_object_get_int_member(p, "batches"));
	ck_assert_msg(strstr(out, line), "%s", out);
}
END_TEST

/* A precision out of reach: it stops at --max-replications and says so. */
START_TEST(test_precision_max)
{
	const char *args[] = { "run", CHU, "--precision", "0.1%",
			       "--max-replications", "3000", "-q", NULL };
	g_autofree char *out = NULL, *err = NULL;

	ck_assert_int_eq(test_drsim(args, &out, &err), 0);
	ck_assert_msg(strstr(out, "3000 replications of 10y"), "%s", out);
	ck_assert_msg(strstr(out, "precision 0.1 % on availability, breach: "
				  "not reached, "),
		      "%s", out);
	ck_assert(strstr(out, "at the maximum of 3000 replications (2 "
			      "batches; raise --max-replications)\n"));
}
END_TEST

/* compare: every scenario to the precision, the same replications, the
 * same bits for 1 and 2 threads. */
START_TEST(test_precision_compare)
{
	const char *args[] = { "compare", CHU, HOSTED, "--precision", "4%",
			       "--precision-on", "breach,cost", "-f", "json",
			       "-q", "-j", "1", NULL };
	g_autoptr(JsonNode) one = run_json(args);
	args[11] = "2";
	g_autoptr(JsonNode) two = run_json(args);
	JsonObject *root = json_node_get_object(one);

	json_object_remove_member(root, "run");
	json_object_remove_member(json_node_get_object(two), "run");
	g_autofree char *a = json_to_string(one, TRUE);
	g_autofree char *b = json_to_string(two, TRUE);
	ck_assert(strcmp(a, b) == 0);
	JsonObject *svc = json_array_get_object_element(
		json_object_get_array_member(root, "services"), 0);
	JsonArray *by = json_object_get_array_member(svc, "by_scenario");
	gint64 n = json_object_get_int_member(root, "replications");
	ck_assert_int_gt(n, 2000);
	for (guint i = 0; i < 2; i++) {
		JsonObject *s = json_array_get_object_element(by, i);
		JsonObject *pb = json_object_get_object_member(
			s, "p_breach_per_year");
		ck_assert(json_object_get_double_member(pb, "precision") <=
			  0.04);
	}
}
END_TEST

static const char *const bad[][4] = {
	{ "--precision", "0", NULL,
	  "drsim run: --precision must be a relative half-width in (0, 1), "
	  "as 0.5% or 0.005 (got '0')\n" },
	{ "--precision", "150%", NULL,
	  "drsim run: --precision must be a relative half-width in (0, 1), "
	  "as 0.5% or 0.005 (got '150%')\n" },
	{ "--precision", "1%", "--precision-on=speed",
	  "drsim run: --precision-on: unknown figure 'speed' (availability, "
	  "downtime, breach, data-loss, cost)\n" },
	{ "--precision-on", "breach", NULL,
	  "drsim run: --precision-on needs --precision\n" },
	{ "--precision", "1%", "--max-replications=-5",
	  "drsim run: --max-replications must be >= 2 (got -5)\n" },
	{ "--precision", "1%", "--shard=0/2",
	  "drsim run: --precision plays batches one after the other: not "
	  "with --shard or mpirun\n" },
};

START_TEST(test_precision_bad)
{
	const char *args[] = { "run", CHU, bad[_i][0], bad[_i][1], bad[_i][2],
			       "--out", "/nonexistent/never", NULL };
	g_autofree char *out = NULL, *err = NULL;

	ck_assert_int_eq(test_drsim(args, &out, &err), 2);
	ck_assert_str_eq(err, bad[_i][3]);
	ck_assert_str_eq(out, "");
}
END_TEST

Suite *precision_suite(void)
{
	Suite *s = suite_create("precision");
	TCase *tc = tcase_create("precision");

	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_precision_of);
	tcase_add_test(tc, test_precision_next);
	tcase_add_test(tc, test_precision_run);
	tcase_add_test(tc, test_precision_max);
	tcase_add_test(tc, test_precision_compare);
	tcase_add_loop_test(tc, test_precision_bad, 0, (int)G_N_ELEMENTS(bad));
	suite_add_tcase(s, tc);
	return s;
}
