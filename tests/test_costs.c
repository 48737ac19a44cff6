/* test_costs.c — the cost model (docs/model.md, "Costs") on a
 * deterministic scenario whose costs are worked out by hand, its reading
 * (amounts, overrides), its outputs (JSON, tables, charts) on the two CHU
 * scenarios.  The bad inputs are in tests/data/bad/costs-*.cfg. */
#include <math.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "models/scenario/labels.h"
#include "models/results/results.h"
#include "models/scenario/scenario.h"
#include "models/world/world.h"
#include "testfs.h"
#include "testutil.h"

/* Two years; component x fails once, at t = 10000 h (year slice 2), and
 * is repaired 100 h later; services s and t both need it.  Costs:
 *   fixed  capex 1 M at 0, lifetime 1y: one refresh at 8760 h of 50 % =
 *          0.5 M; opex 100 k/yr + staff 2 × 50 k/yr = 200 k/yr × 2 y =
 *          0.4 M; project 0.2 M                      total 2.1 M
 *   world  downtime 100 h × 2 k/h (s) + 100 h × 1 k/h (t, the default)
 *          = 300 k; the failure "component:x:f" matches the first prefix
 *          "component:x" (30 k), not the later "component" (999)
 *          incidents 330 k, total 2.43 M
 *   by year, end of slice 1 (8760 h, the refresh included): 1 M + 0.2 M
 *          + 0.2 M + 0.5 M = 1.9 M; slice 2: 2.43 M. */
#define COSTED                                                              \
	"sites = ( { id = \"room\"; kind = \"internal\"; "                   \
	"country = \"FR\"; } );\n"                                            \
	"components = ( { id = \"x\"; site = \"room\"; failures = ( { name ="  \
	" \"f\"; ttf = \"10000h\"; repair = \"100h\"; } ); } );\n"           \
	"services = ( { id = \"s\"; requires = [\"x\"]; },\n"                \
	"  { id = \"t\"; requires = [\"x\"]; } );\n"                          \
	"costs = { currency = \"EUR\"; capex = \"1M\"; lifetime = \"1y\";\n"  \
	"  refresh = \"50%\"; opex_per_year = \"100k\";\n"                   \
	"  staff = { fte = 2; cost_per_fte = 50000; };\n"                    \
	"  project = { cost = \"200k\"; lead_time = \"18mo\"; };\n"          \
	"  downtime_per_hour = { default = \"1k\"; s = \"2k\"; };\n"          \
	"  data_loss_per_hour = \"10k\";\n"                                  \
	"  per_event = ( { cause = \"component:x\"; cost = \"30k\"; },\n"    \
	"                { cause = \"component\"; cost = 999; } ); };\n"

/* The same without costs. */
#define PLAIN                                                               \
	"sites = ( { id = \"room\"; kind = \"internal\"; "                   \
	"country = \"FR\"; } );\n"                                            \
	"components = ( { id = \"x\"; site = \"room\"; failures = ( { name ="  \
	" \"f\"; ttf = \"1y\"; repair = \"1h\"; } ); } );\n"               \
	"services = ( { id = \"s\"; requires = [\"x\"]; } );\n"

/* The scenario of body over 2 years, one replication, with the
 * overrides sets (NULL-terminated, may be NULL). */
static MdlScenario *load_text(const char *body, const char *const *sets)
{
	g_autofree char *text = g_strdup_printf(
		"scenario = { name = \"c\"; horizon = \"2y\"; "
		"replications = 1; };\n%s", body);
	return test_scenario_text(text, sets);
}

START_TEST(test_costs_read)
{
	MdlScenario *sc = load_text(COSTED, NULL);
	const MdlCosts *c = sc->costs;

	ck_assert_ptr_nonnull(c);
	ck_assert_str_eq(c->currency, "EUR");
	assert_close(c->capex, 1e6, 0);
	assert_close(c->lifetime_h, 8760, 0);
	assert_close(c->refresh, 0.5, 1e-15);
	assert_close(c->fte * c->cost_per_fte, 1e5, 0);
	assert_close(c->project_lead_h, 18 * 730, 0);
	assert_close(c->downtime_per_hour[0], 2000, 0);
	assert_close(c->downtime_per_hour[1], 1000, 0);
	ck_assert_uint_eq(c->n_events, 2);
	assert_close(mdl_results_fixed_cost(c, 17520, 17520), 2.1e6, 1e-6);
	mdl_scenario_free(sc);
}
END_TEST

/* Without the group: no costs, and the defaults of an empty one. */
START_TEST(test_costs_absent_and_empty)
{
	MdlScenario *sc = load_text(PLAIN, NULL);

	ck_assert_ptr_null(sc->costs);
	mdl_scenario_free(sc);
	const char *sets[] = { "costs={}", "costs.capex=2M", NULL };
	sc = load_text(PLAIN, sets);
	ck_assert_ptr_nonnull(sc->costs);
	ck_assert_str_eq(sc->costs->currency, "EUR");
	assert_close(sc->costs->capex, 2e6, 0);
	assert_close(sc->costs->refresh, 1, 0);
	assert_close(sc->costs->downtime_per_hour[0], 0, 0);
	mdl_scenario_free(sc);
}
END_TEST

/* --set costs.capex=2M on a file that has costs. */
START_TEST(test_costs_override)
{
	const char *sets[] = { "costs.capex=2M", "costs.staff.fte=0", NULL };
	MdlScenario *sc = load_text(COSTED, sets);

	/* 2 M + 1 M refresh + 100 k × 2 + 200 k */
	assert_close(mdl_results_fixed_cost(sc->costs, 17520, 17520), 3.4e6,
		     1e-6);
	mdl_scenario_free(sc);
}
END_TEST

static void assert_costs(const MdlResults *r, double total, double incidents,
			 const double *by_year)
{
	const MdlCostResults *c = r->cost;

	ck_assert_ptr_nonnull(c);
	assert_close(sim_welford_mean(&c->fixed), 2.1e6, 1e-6);
	assert_close(sim_welford_mean(&c->incidents), incidents, 1e-6);
	assert_close(sim_welford_mean(&c->total), total, 1e-6);
	ck_assert_uint_eq(r->n_years, 2);
	for (guint y = 0; y < 2; y++)
		assert_close(sim_welford_mean(&c->year_cumulative[y]),
			     by_year[y], 1e-6);
}

/* The worked example above, played by the world. */
START_TEST(test_costs_world_exact)
{
	MdlScenario *sc = load_text(COSTED, NULL);
	MdlWorld *w = mdl_world_new(sc);
	MdlResults *r = mdl_results_new(sc, mdl_world_labels(w), FALSE);
	const double by_year[] = { 1.9e6, 2.43e6 };

	ck_assert(mdl_results_play(w, 0, r, NULL));
	ck_assert_uint_eq(r->services[0].incidents, 1);
	assert_costs(r, 2.43e6, 3.3e5, by_year);
	mdl_results_free(r);
	mdl_world_free(w);
	mdl_scenario_free(sc);
}
END_TEST

/* Data lost, fed to the results directly: an incident of s from 9000 h
 * to 9010 h (slice 2) that lost 3 h of data, with an occurrence of x's
 * failure.  Incidents: 10 h × 2 k (s) + 10 h × 1 k (t) + 3 h × 10 k
 * + 30 k = 90 k; total 2.19 M; by year 1.9 M, 2.19 M.  Two such
 * replications merged give the same means. */
static void feed(MdlResults *r, const MdlLabels *l)
{
	MdlIncident inc = {
		.rep = 0, .service = 0, .cause = mdl_cause_mode(l, 0, 0),
		.path = mdl_path_repair(l), .t0 = 9000, .t_detect = 9000,
		.t_restored = 9010, .t_declare = NAN, .rpo_h = 3,
	};
	double up[2] = { 17510, 17510 };

	for (guint s = 0; s < 2; s++) {
		mdl_results_uptime(r, s, 0, 9000);
		mdl_results_uptime(r, s, 9010, 17520);
	}
	mdl_results_occurrence(r, inc.cause, 9000);
	mdl_results_incident(r, &inc);
	mdl_results_end_replication(r, up);
}

START_TEST(test_costs_data_loss_and_merge)
{
	MdlScenario *sc = load_text(COSTED, NULL);
	MdlLabels *l = mdl_labels_new(sc);
	MdlResults *a = mdl_results_new(sc, l, FALSE);
	MdlResults *b = mdl_results_new(sc, l, FALSE);
	const double by_year[] = { 1.9e6, 2.19e6 };

	feed(a, l);
	assert_costs(a, 2.19e6, 9e4, by_year);
	feed(b, l);
	mdl_results_merge(a, b);
	ck_assert_uint_eq(a->cost->total.n, 2);
	assert_costs(a, 2.19e6, 9e4, by_year);
	assert_close(sim_sketch_quantile(a->cost->total_sketch, 0.5), 2.19e6,
		     0.01 * 2.19e6);
	mdl_results_free(a);
	mdl_results_free(b);
	mdl_labels_free(l);
	mdl_scenario_free(sc);
}
END_TEST

/* -- the command line on the CHU scenarios ------------------------------- */

/* Runs drsim with args from the source tree; its stdout, exit status 0
 * asserted. */
static char *drsim(const char *const *args)
{
	GPtrArray *argv = g_ptr_array_new();
	g_autofree char *err = NULL;
	char *out = NULL;
	GError *error = NULL;
	int status;

	g_ptr_array_add(argv, (gpointer)DRSIM_BIN);
	for (; *args; args++)
		g_ptr_array_add(argv, (gpointer)*args);
	g_ptr_array_add(argv, NULL);
	ck_assert_msg(g_spawn_sync(DRSIM_SRCDIR, (char **)argv->pdata, NULL,
				   G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
				   &status, &error),
		      "cannot run %s: %s", DRSIM_BIN,
		      error ? error->message : "?");
	g_ptr_array_free(argv, TRUE);
	ck_assert_msg(g_spawn_check_wait_status(status, NULL), "drsim: %s",
		      err);
	return out;
}

static const char *const chu[] = { "scenarios/chu-internal.cfg",
				   "scenarios/chu-hosted.cfg",
				   "scenarios/chu-hybrid.cfg" };

/* The "cost" object of a run's JSON has every documented key. */
START_TEST(test_costs_json_keys)
{
	const char *args[] = { "run", chu[_i], "-r", "20", "--quiet",
			       "--format", "json", NULL };
	g_autofree char *out = drsim(args);
	g_autoptr(JsonParser) p = json_parser_new();

	ck_assert(json_parser_load_from_data(p, out, -1, NULL));
	JsonObject *root = json_node_get_object(json_parser_get_root(p));
	JsonObject *cost = json_object_get_object_member(root, "cost");
	ck_assert_ptr_nonnull(cost);
	ck_assert_str_eq(json_object_get_string_member(cost, "currency"),
			 "EUR");
	JsonObject *total = json_object_get_object_member(cost, "total");
	const char *keys[] = { "mean", "stderr", "ci95", "p5", "p50", "p95" };
	for (guint k = 0; k < G_N_ELEMENTS(keys); k++)
		ck_assert_msg(json_object_has_member(total, keys[k]), "%s",
			      keys[k]);
	ck_assert(json_object_has_member(
		json_object_get_object_member(cost, "fixed"), "mean"));
	JsonObject *inc = json_object_get_object_member(cost, "incidents");
	ck_assert(json_object_has_member(inc, "p50"));
	JsonArray *years = json_object_get_array_member(cost, "by_year");
	ck_assert_uint_eq(json_array_get_length(years), 10);
	JsonObject *y10 = json_array_get_object_element(years, 9);
	ck_assert_int_eq(json_object_get_int_member(y10, "year"), 10);
	/* the last slice ends at the horizon: its mean is the total's */
	assert_close(json_object_get_double_member(
			     json_object_get_object_member(y10, "cumulative"),
			     "mean"),
		     json_object_get_double_member(total, "mean"),
		     1e-6 * json_object_get_double_member(total, "mean"));
}
END_TEST

/* compare prints the crossing line, writes and renders the cost chart. */
START_TEST(test_costs_compare)
{
	g_autofree char *dir = test_tmp_dir();
	const char *args[] = { "compare", chu[0], chu[1], "-r", "50",
			       "--quiet", "--out", dir, "--plot", NULL };
	g_autofree char *out = drsim(args);
	g_autofree char *json = NULL, *gp = NULL;

	ck_assert_msg(strstr(out, "Cost over the horizon (EUR)"), "%s", out);
	ck_assert_msg(strstr(out, "  total cost ") &&
			      strstr(out, "  incidents cost "),
		      "%s", out);
	ck_assert_msg(strstr(out, "cost: no crossing over the horizon") ||
			      strstr(out, "becomes cheaper than"),
		      "%s", out);
	g_autofree char *gpf =
		g_build_filename(dir, "compare_cost_year.gp", NULL);
	g_autofree char *png =
		g_build_filename(dir, "compare_cost_year.png", NULL);
	g_autofree char *jsf = g_build_filename(dir, "compare.json", NULL);
	ck_assert(g_file_get_contents(gpf, &gp, NULL, NULL));
	ck_assert(g_file_test(png, G_FILE_TEST_IS_REGULAR));
	ck_assert(g_file_get_contents(jsf, &json, NULL, NULL));
	ck_assert(strstr(json, "\"cost_crossing_year\""));
	test_rm_tree(dir);
}
END_TEST

/* The same start (no capex, the same project) and a hosted scenario
 * cheaper every year (37.5 k/yr of fixed costs less, fewer incidents):
 * the cumulative costs part in year 1. */
START_TEST(test_costs_compare_crossing)
{
	const char *args[] = { "compare", chu[0], chu[1], "-r", "50",
			       "--quiet", "-f", "json", "--set",
			       "costs.capex=0", "--set",
			       "costs.project.cost=1M", NULL };
	g_autofree char *out = drsim(args);
	g_autoptr(JsonParser) p = json_parser_new();

	ck_assert(json_parser_load_from_data(p, out, -1, NULL));
	JsonObject *root = json_node_get_object(json_parser_get_root(p));
	ck_assert_int_eq(json_object_get_int_member(root,
						    "cost_crossing_year"), 1);
	ck_assert_str_eq(json_object_get_string_member(root,
						       "cost_cheaper_after"),
			 "chu-hosted");
	args[7] = "table";
	g_autofree char *table = drsim(args);
	ck_assert_msg(strstr(table, "cost: B becomes cheaper than A in year 1"),
		      "%s", table);
}
END_TEST

Suite *costs_suite(void)
{
	Suite *s = suite_create("costs");
	TCase *tc = tcase_create("model");
	TCase *cli = tcase_create("cli");

	tcase_add_test(tc, test_costs_read);
	tcase_add_test(tc, test_costs_absent_and_empty);
	tcase_add_test(tc, test_costs_override);
	tcase_add_test(tc, test_costs_world_exact);
	tcase_add_test(tc, test_costs_data_loss_and_merge);
	suite_add_tcase(s, tc);
	tcase_set_timeout(cli, 60);
	tcase_add_loop_test(cli, test_costs_json_keys, 0,
			    (int)G_N_ELEMENTS(chu));
	tcase_add_test(cli, test_costs_compare);
	tcase_add_test(cli, test_costs_compare_crossing);
	suite_add_tcase(s, cli);
	return s;
}
