/* test_costs.c — the cost model (docs/model.md, "Costs") on a
 * deterministic scenario whose costs are worked out by hand, its reading
 * (amounts, overrides), the budget of an IT department (prices per TB
 * and per link, indexation, net present value, capital and operating
 * costs apart) worked out by hand too, its outputs (JSON, tables,
 * charts) on the two CHU scenarios.  The bad inputs are in
 * tests/data/bad/costs-*.cfg. */
#include <math.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "models/scenario/labels.h"
#include "models/results/budget.h"
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
	assert_close(mdl_budget_spent(sc, 17520), 2.1e6, 1e-6);
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
	assert_close(mdl_budget_spent(sc, 17520), 3.4e6, 1e-6);
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

/* -- the budget of an IT department -------------------------------------- */

/* Three years; component x fails once, at t = 15000 h (year slice 2),
 * and is repaired 100 h later; service s needs it (1 k/h down).  Two
 * datasets on x of 10 TB at t = 0: a grows 10 %/year compound, b grows
 * 5 TB/year linearly.  The budget keys come from the caller (BUDGET). */
#define BUDGET_WORLD                                                        \
	"sites = ( { id = \"room\"; kind = \"internal\"; "                   \
	"country = \"FR\"; } );\n"                                            \
	"components = ( { id = \"x\"; site = \"room\"; failures = ( { name ="  \
	" \"f\"; ttf = \"15000h\"; repair = \"100h\"; } ); } );\n"           \
	"datasets = ( { id = \"a\"; storage = \"x\"; size = \"10TB\"; "       \
	"growth = \"10%\"; },\n"                                             \
	"  { id = \"b\"; storage = \"x\"; size = \"10TB\"; "                  \
	"growth = \"5TB/y\"; } );\n"                                         \
	"services = ( { id = \"s\"; requires = [\"x\"]; } );\n"

/* capex 1 M at 0 with a refresh of 50 % at 2 y (the end of slice 2),
 * project 200 k at 0; opex 100 k + staff 50 k + 2 links × 6 k = 162 k a
 * year; the prices per TB of the loop test below; 10 % indexation, 5 %
 * discount rate. */
#define BUDGET                                                              \
	BUDGET_WORLD                                                        \
	"costs = { capex = \"1M\"; lifetime = \"2y\"; refresh = \"50%\";\n"   \
	"  project = { cost = \"200k\"; };\n"                                 \
	"  opex_per_year = \"100k\"; staff = { fte = 1; cost_per_fte = "      \
	"\"50k\"; };\n"                                                       \
	"  per_link_year = { amount = \"6k\"; count = 2; };\n"               \
	"  per_tb_year = ( { amount = \"100\"; of = [\"a\"]; copies = 2; },\n" \
	"                  { amount = \"50\"; of = [\"b\"]; } );\n"          \
	"  indexation = \"10%\"; discount_rate = \"5%\";\n"                  \
	"  downtime_per_hour = \"1k\"; };\n"

/* The scenario of body over 3 years, one replication. */
static MdlScenario *load_budget(const char *body, const char *const *sets)
{
	g_autofree char *text = g_strdup_printf(
		"scenario = { name = \"b\"; horizon = \"3y\"; "
		"replications = 1; };\n%s", body);
	return test_scenario_text(text, sets);
}

/* A price per TB alone, over 3 years, on a dataset growing 10 %/year
 * compound (0) and on one growing 5 TB/year linearly (1).
 *   0: 100 €/TB/year × 2 copies × ∫ 10 TB · 1.1^τ dτ over year y =
 *      2000 · 1.1^(y−1) · 0.1 / ln 1.1 (0.1 / ln 1.1 = 1.0492058687257):
 *      2098.4117374514, 2308.2529111966, 2539.0782023162;
 *   1: 50 €/TB/year × the mean size over year y, 10 + 5 (y − ½) TB =
 *      12.5, 17.5, 22.5 TB: 625, 875, 1125.
 * Nothing at t = 0; the per-TB price is an operating cost. */
START_TEST(test_costs_per_tb)
{
	static const char *const prices[] = {
		"per_tb_year = { amount = \"100\"; of = [\"a\"]; "
		"copies = 2; };",
		"per_tb_year = ( { amount = \"50\"; of = [\"b\"]; } );",
	};
	static const double want[2][3] = {
		{ 2098.4117374514126, 2308.2529111965537, 2539.0782023162096 },
		{ 625, 875, 1125 },
	};
	g_autofree char *body = g_strdup_printf("%scosts = { %s };\n",
						BUDGET_WORLD, prices[_i]);
	g_autoptr(MdlScenario) sc = load_budget(body, NULL);
	g_autoptr(MdlBudget) b = mdl_budget_new(sc);
	double sum = 0;

	ck_assert(sc->costs->budget);
	ck_assert_uint_eq(sc->costs->n_per_tb, 1);
	ck_assert_uint_eq(b->n_years, 3);
	assert_close(b->at_start, 0, 0);
	for (guint y = 0; y < 3; y++) {
		assert_close(b->opex[y], want[_i][y], 1e-8);
		assert_close(b->capex[y], 0, 0);
		sum += want[_i][y];
		assert_close(b->spent[y], sum, 1e-8);
	}
	assert_close(b->opex_total, sum, 1e-8);
	assert_close(mdl_budget_spent(sc, 26280), sum, 1e-8);
}
END_TEST

/* Indexation of every yearly amount, compounded from year 2: opex 100 k
 * + staff 50 k + 2 links × 6 k = 162 k, and the prices per TB above
 * (2098.41 + 625, 2308.25 + 875, 2539.08 + 1125): 164723.4117374514,
 * 165183.2529111966, 165664.0782023162 at base price; × 1, × 1.1,
 * × 1.21 = 164723.4117374514, 181701.5782023162, 200453.5346248027;
 * 546878.5245645703 in all.  Capital is not indexed: 1.2 M at 0, the
 * refresh of 500 k in slice 2.  Spent by 1.5 y: 1.2 M + 164723.41 +
 * 1.1 × (81 k + 2000 (1.1^1.5 − 1.1) / ln 1.1 + 50 × 16.25 × ½) =
 * 1.2 M + 164723.41 + 1.1 × (81000 + 1126.6316588 + 406.25) =
 * 1455509.5815621412 (the data grow within the year: not half of the
 * year's).  Present value at 5 %:
 * 1.2 M + 164723.41/1.05 + (181701.58 + 500 k)/1.05² + 200453.53/1.05³
 * = 2148362.1666582655. */
START_TEST(test_costs_indexation)
{
	g_autoptr(MdlScenario) sc = load_budget(BUDGET, NULL);
	g_autoptr(MdlBudget) b = mdl_budget_new(sc);
	static const double opex[] = { 164723.41173745142, 181701.57820231622,
				       200453.53462480265 };
	static const double capex[] = { 0, 5e5, 0 };

	assert_close(sc->costs->indexation, 0.1, 1e-15);
	assert_close(sc->costs->links_per_year, 12000, 0);
	assert_close(b->at_start, 1.2e6, 0);
	for (guint y = 0; y < 3; y++) {
		assert_close(b->opex[y], opex[y], 1e-8);
		assert_close(b->capex[y], capex[y], 0);
	}
	assert_close(b->opex_total, 546878.5245645703, 1e-8);
	assert_close(b->capex_total, 1.7e6, 0);
	assert_close(b->fixed, 1.7e6 + 546878.5245645703, 1e-8);
	assert_close(mdl_budget_spent(sc, 1.5 * 8760), 1455509.5815621412,
		     1e-8);
	assert_close(b->present_value, 2148362.1666582655, 1e-8);
}
END_TEST

/* The net present value of a known stream and the capital and operating
 * costs apart, played by the world: BUDGET without indexation nor prices
 * per TB.  Capital: 1.2 M at t = 0, 500 k at the end of slice 2 (1.7 M).
 * Operating: 162 k a year fixed (486 k) and the 100 h of s down in slice
 * 2 at 1 k/h (100 k): 162 k, 262 k, 162 k; 586 k.  Total 2.286 M;
 * cumulative 1.362 M, 2.124 M, 2.286 M.  At 5 %, end of year:
 *   1.2 M + 162 k/1.05 + (262 k + 500 k)/1.05² + 162 k/1.05³
 *   = 1.2 M + 154285.7142857143 + 691156.4625850340 + 139941.6909620991
 *   = 2185383.8678328474,
 * the discounted cumulative 1354285.7142857143, 2045442.1768707484,
 * 2185383.8678328474 (the fixed costs alone: 2094680.9199870424). */
START_TEST(test_costs_npv_and_budget)
{
	const char *sets[] = { "costs.indexation=\"0%\"",
			       "costs.per_tb_year=()", NULL };
	g_autoptr(MdlScenario) sc = load_budget(BUDGET, sets);
	MdlWorld *w = mdl_world_new(sc);
	MdlResults *r = mdl_results_new(sc, mdl_world_labels(w), FALSE);
	static const double opex[] = { 162e3, 262e3, 162e3 };
	static const double cum[] = { 1.362e6, 2.124e6, 2.286e6 };
	static const double npv[] = { 1354285.7142857143, 2045442.1768707484,
				      2185383.8678328474 };
	const MdlCostResults *c;

	ck_assert(mdl_results_play(w, 0, r, NULL));
	c = r->cost;
	ck_assert_uint_eq(r->services[0].incidents, 1);
	assert_close(c->budget->capex_total, 1.7e6, 0);
	assert_close(c->budget->opex_total, 486e3, 1e-8);
	assert_close(c->budget->present_value, 2094680.9199870424, 1e-8);
	assert_close(sim_welford_mean(&c->opex), 586e3, 1e-8);
	assert_close(sim_welford_mean(&c->total), 2.286e6, 1e-8);
	assert_close(sim_welford_mean(&c->npv), 2185383.8678328474, 1e-8);
	for (guint y = 0; y < 3; y++) {
		assert_close(sim_welford_mean(&c->year_opex[y]), opex[y], 1e-8);
		assert_close(sim_welford_mean(&c->year_cumulative[y]), cum[y],
			     1e-8);
		assert_close(sim_welford_mean(&c->year_npv[y]), npv[y], 1e-8);
	}
	assert_close(c->rep_npv, 2185383.8678328474, 1e-8);
	mdl_results_free(r);
	mdl_world_free(w);
}
END_TEST

/* Without the budget keys nothing of it is shown, and the figures keep
 * the one-step formula's bits; capital and operating costs still split
 * (COSTED: capital 1 M + 0.5 M + 0.2 M, operating 0.4 M fixed). */
START_TEST(test_costs_no_budget_keys)
{
	g_autoptr(MdlScenario) sc = load_text(COSTED, NULL);
	g_autoptr(MdlBudget) b = mdl_budget_new(sc);
	const MdlCosts *c = sc->costs;
	double yearly = c->opex_per_year + c->fte * c->cost_per_fte;
	double one_step = c->capex + c->project_cost + yearly * 12345.0 / 8760;

	ck_assert(!c->budget);
	ck_assert_uint_eq(c->n_per_tb, 0);
	ck_assert(mdl_budget_spent(sc, 12345) == one_step + 0.5e6);
	assert_close(b->capex_total, 1.7e6, 0);
	assert_close(b->opex_total, 0.4e6, 1e-9);
	/* no discount rate: the present value is the fixed costs */
	assert_close(b->present_value, b->fixed, 1e-9);
}
END_TEST

/* A project replacing a topology: the replaced file's yearly amounts —
 * opex 87.6 k, a link at 8760 and 876 €/TB/year on its 10 TB dataset:
 * 105120 a year, 12 an hour — until the lead time of 1000 h, the new
 * one's — opex 175.2 k and 1752 €/TB/year on its 5 TB: 183960 a year,
 * 21 an hour — after; the new file's indexation (10 %) on both.
 *   slice 1: 1000 h × 12 + 7760 h × 21 = 12000 + 162960 = 174960;
 *   slice 2: 8760 h × 21 × 1.1 = 202356; in all 377316. */
START_TEST(test_costs_replaced_budget)
{
	g_autofree char *dir = test_tmp_dir();
	g_autofree char *old = g_build_filename(dir, "old.cfg", NULL);
	g_autofree char *new = g_build_filename(dir, "new.cfg", NULL);
	const char *head =
		"scenario = { name = \"r\"; horizon = \"2y\"; "
		"replications = 1; };\n"
		"sites = ( { id = \"room\"; kind = \"internal\"; "
		"country = \"FR\"; } );\n"
		"components = ( { id = \"box\"; site = \"room\"; failures = ( {"
		" name = \"f\"; ttf = \"100y\"; repair = \"1h\"; } ); } );\n"
		"services = ( { id = \"app\"; requires = [\"box\"]; } );\n";
	g_autofree char *old_text = g_strconcat(head,
		"datasets = ( { id = \"d\"; storage = \"box\"; "
		"size = \"10TB\"; } );\ncosts = { opex_per_year = \"87.6k\";\n"
		"  per_link_year = { amount = 8760; };\n"
		"  per_tb_year = { amount = 876; }; };\n", NULL);
	g_autofree char *new_text = g_strconcat(head,
		"datasets = ( { id = \"e\"; storage = \"box\"; size = \"5TB\"; "
		"} );\ncosts = { opex_per_year = \"175.2k\";\n"
		"  per_tb_year = { amount = 1752; of = [\"e\"]; };\n"
		"  indexation = \"10%\";\n"
		"  project = { lead_time = \"1000h\"; replaces = \"old.cfg\"; "
		"}; };\n", NULL);
	GError *error = NULL;

	ck_assert(g_file_set_contents(old, old_text, -1, NULL));
	ck_assert(g_file_set_contents(new, new_text, -1, NULL));
	g_autoptr(MdlScenario) sc = mdl_scenario_load(new, NULL, &error);
	ck_assert_msg(sc, "%s", error ? error->message : "?");
	g_autoptr(MdlBudget) b = mdl_budget_new(sc);
	assert_close(b->opex[0], 174960, 1e-8);
	assert_close(b->opex[1], 202356, 1e-8);
	assert_close(b->fixed, 377316, 1e-8);
	assert_close(mdl_budget_spent(sc, 1000), 12000, 1e-8);
	test_rm_tree(dir);
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
	/* the budget: capital and operating costs add up to the total */
	JsonObject *capex = json_object_get_object_member(cost, "capex");
	JsonObject *opex = json_object_get_object_member(cost, "opex");
	JsonObject *npv = json_object_get_object_member(cost, "npv");
	ck_assert(json_object_has_member(cost, "indexation"));
	ck_assert(json_object_has_member(capex, "at_start"));
	ck_assert_uint_eq(json_array_get_length(json_object_get_array_member(
				  capex, "by_year")), 10);
	ck_assert(json_object_has_member(opex, "ci95"));
	ck_assert(json_object_has_member(opex, "fixed"));
	ck_assert_uint_eq(json_array_get_length(json_object_get_array_member(
				  opex, "by_year")), 10);
	assert_close(json_object_get_double_member(capex, "total") +
			     json_object_get_double_member(opex, "mean"),
		     json_object_get_double_member(total, "mean"),
		     1e-9 * json_object_get_double_member(total, "mean"));
	assert_close(json_object_get_double_member(npv, "discount_rate"), 0.04,
		     1e-15);
	for (guint k = 0; k < G_N_ELEMENTS(keys); k++)
		ck_assert_msg(json_object_has_member(npv, keys[k]), "npv %s",
			      keys[k]);
	/* discounted: less than the total */
	ck_assert(json_object_get_double_member(npv, "mean") <
		  json_object_get_double_member(total, "mean"));
}
END_TEST

/* The table and the cost_budget chart show the budget when the scenario
 * states one of its keys (the CHU scenarios), and not otherwise (the
 * room they replace). */
START_TEST(test_costs_table_budget)
{
	static const char *const files[] = { "scenarios/chu-hosted.cfg",
					     "scenarios/chu-today.cfg" };
	g_autofree char *dir = test_tmp_dir();
	const char *args[] = { "run", files[_i], "-r", "20", "--quiet",
			       "--out", dir, NULL };
	g_autofree char *out = drsim(args);
	g_autofree char *dat = g_build_filename(dir, "cost_budget.dat", NULL);
	g_autofree char *text = NULL;
	const char *lines[] = { "  capital (capex)   ", "  operating (opex)  ",
				"  net present value ",
				"  year    capex      opex fixed  opex       "
				"cumulative  discounted\n",
				"\n  0       150.0 k    0           0          "
				"150.0 k     150.0 k\n" };

	ck_assert_msg(strstr(out, "Cost over the horizon (EUR)"), "%s", out);
	for (guint k = 0; k < G_N_ELEMENTS(lines); k++)
		ck_assert_msg(!strstr(out, lines[k]) == (_i == 1), "%s",
			      lines[k]);
	ck_assert(g_file_get_contents(dat, &text, NULL, NULL) == (_i == 0));
	if (_i == 0) {
		ck_assert_msg(strstr(out, "at 4% a year; indexation 2% a year"),
			      "%s", out);
		/* year 0: the migration project, 150 k, at t = 0 */
		ck_assert_msg(strstr(text, "\n0 150000 0 0 0 0\n"), "%s", text);
		ck_assert(g_str_has_prefix(text, "# year capex_eur opex_fixed_eur "
						 "opex_mean_eur opex_ci_lo_eur "
						 "opex_ci_hi_eur\n"));
	}
	test_rm_tree(dir);
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
	/* the CHU scenarios state a discount rate: the net present value
	 * and its paired difference */
	ck_assert_msg(strstr(out, "  net present value "), "%s", out);
	g_autofree char *gpf =
		g_build_filename(dir, "compare_cost_year.gp", NULL);
	g_autofree char *png =
		g_build_filename(dir, "compare_cost_year.png", NULL);
	g_autofree char *jsf = g_build_filename(dir, "compare.json", NULL);
	ck_assert(g_file_get_contents(gpf, &gp, NULL, NULL));
	ck_assert(g_file_test(png, G_FILE_TEST_IS_REGULAR));
	ck_assert(g_file_get_contents(jsf, &json, NULL, NULL));
	ck_assert(strstr(json, "\"cost_crossing_year\""));
	ck_assert(strstr(json, "\"npv\" : {\n"));
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
	tcase_add_loop_test(tc, test_costs_per_tb, 0, 2);
	tcase_add_test(tc, test_costs_indexation);
	tcase_add_test(tc, test_costs_npv_and_budget);
	tcase_add_test(tc, test_costs_no_budget_keys);
	tcase_add_test(tc, test_costs_replaced_budget);
	suite_add_tcase(s, tc);
	tcase_set_timeout(cli, 60);
	tcase_add_loop_test(cli, test_costs_json_keys, 0,
			    (int)G_N_ELEMENTS(chu));
	tcase_add_loop_test(cli, test_costs_table_budget, 0, 2);
	tcase_add_test(cli, test_costs_compare);
	tcase_add_test(cli, test_costs_compare_crossing);
	suite_add_tcase(s, cli);
	return s;
}
