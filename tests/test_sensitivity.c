/* test_sensitivity.c — `drsim sensitivity` as a user runs it: the exact
 * case, the parameters sorted by swing with common random numbers, the
 * automatic set and its cap, the cost, the files of --out, and bad --vary
 * arguments caught before any run. */
#include <math.h>
#include <string.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "testfs.h"
#include "testutil.h"

#define EXACT "tests/data/sensitivity/exact.cfg"
#define ORDER "tests/data/sensitivity/order.cfg"
#define EXAMPLE "scenarios/example.cfg"
#define CHU "scenarios/chu-internal.cfg"
#define RATE "components.box.failures.crash.rate"
#define CUT "components.switch.failures.cut.rate"
#define RTO "services.app.rto"

/* stdout of a command that must succeed; yours to g_free(). */
static char *drsim_ok(const char *const *args)
{
	g_autofree char *err = NULL;
	char *out = NULL;

	ck_assert_msg(test_drsim(args, &out, &err) == 0, "%s: %s", args[1],
		      err);
	return out;
}

static JsonNode *parse(const char *text)
{
	GError *error = NULL;
	JsonNode *root = json_from_string(text, &error);

	ck_assert_msg(root, "bad JSON: %s", error ? error->message : "?");
	return root;
}

static JsonObject *member(JsonObject *o, const char *key)
{
	ck_assert_msg(json_object_has_member(o, key), "no '%s'", key);
	return json_object_get_object_member(o, key);
}

/* services[k].p_breach_per_year of the report. */
static JsonObject *breach(JsonNode *root, guint k)
{
	JsonArray *sv = json_object_get_array_member(
		json_node_get_object(root), "services");

	return member(json_array_get_object_element(sv, k),
		      "p_breach_per_year");
}

/* Bar i of a tornado object. */
static JsonObject *bar(JsonObject *tornado, guint i)
{
	return json_array_get_object_element(
		json_object_get_array_member(tornado, "bars"), i);
}

static double base_mean(JsonObject *tornado)
{
	return json_object_get_double_member(member(tornado, "base"), "mean");
}

/* The parameters' keys of the report, in their order. */
static char *parameter_keys(JsonNode *root)
{
	JsonArray *a = json_object_get_array_member(json_node_get_object(root),
						    "parameters");
	GString *s = g_string_new(NULL);

	for (guint i = 0; i < json_array_get_length(a); i++)
		g_string_append_printf(
			s, "%s%s", i ? " " : "",
			json_object_get_string_member(
				json_array_get_object_element(a, i), "key"));
	return g_string_free(s, FALSE);
}

/* 1 − exp(−λ·1y) with λ = 0.4/y at base, 0.2/y and 0.6/y at ∓50 %: the
 * probability that a unit starting new fails within the year, every
 * failure being a breach (tests/data/sensitivity/exact.cfg).  Each
 * replication gives 0 or 1, so with n = 20000 the standard error of an
 * estimate is sqrt(p(1 − p)/n): 0.0033 at base, 0.0027 at low, 0.0035 at
 * high (bound 0.0036); each must be within 4 of them, seed 13. */
START_TEST(test_sensitivity_exact)
{
	const char *args[] = { "sensitivity", EXACT, "-f", "json", "--vary",
			       RATE "=-50%,+50%", NULL };
	g_autofree char *out = drsim_ok(args);
	g_autoptr(JsonNode) root = parse(out);
	JsonObject *t = breach(root, 0), *b = bar(t, 0);
	JsonObject *p = json_array_get_object_element(
		json_object_get_array_member(json_node_get_object(root),
					     "parameters"), 0);
	const double n = 20000;
	const double lambda[3] = { 0.4, 0.2, 0.6 };
	double est[3] = { base_mean(t),
			  json_object_get_double_member(b, "low"),
			  json_object_get_double_member(b, "high") };

	ck_assert_int_eq(json_object_get_int_member(json_node_get_object(root),
						    "replications"), 20000);
	ck_assert_str_eq(json_object_get_string_member(p, "base"), "0.4/y");
	ck_assert_str_eq(json_object_get_string_member(member(p, "low"),
						       "value"), "0.2/y");
	ck_assert_str_eq(json_object_get_string_member(member(p, "high"),
						       "value"), "0.6/y");
	for (int i = 0; i < 3; i++) {
		double exact = 1 - exp(-lambda[i]);
		assert_within_se(est[i], exact, sqrt(exact * (1 - exact) / n),
				 4, 0.0036);
	}
	assert_close(json_object_get_double_member(b, "swing"),
		     est[2] - est[1], 1e-12);
}
END_TEST

/* Given in the order RTO, switch, box, the parameters come out by swing:
 * box's rate (0.4/y) before switch's (0.05/y), then the RTO, which moves
 * nothing — exactly, the three points drawing the same failures (common
 * random numbers) — and which the table counts without listing it. */
START_TEST(test_sensitivity_order)
{
	const char *json_args[] = { "sensitivity", ORDER, "-f", "json",
		"--vary", RTO "=-50%,+50%", "--vary", CUT "=-50%,+50%",
		"--vary", "components.box.failures.crash.rate=x0.5,x1.5",
		NULL };
	const char *table_args[] = { "sensitivity", ORDER, "--vary",
		RTO "=-50%,+50%", "--vary", CUT "=-50%,+50%", "--vary",
		"components.box.failures.crash.rate=x0.5,x1.5", NULL };
	g_autofree char *out = drsim_ok(json_args);
	g_autofree char *table = drsim_ok(table_args);
	g_autoptr(JsonNode) root = parse(out);
	JsonObject *t = breach(root, 0);
	static const char *const order[] = {
		"components.box.failures.crash.rate", CUT, RTO };
	double base = base_mean(t);

	for (guint i = 0; i < 3; i++)
		ck_assert_str_eq(json_object_get_string_member(bar(t, i),
							       "key"),
				 order[i]);
	ck_assert(json_object_get_double_member(bar(t, 0), "swing") >
		  json_object_get_double_member(bar(t, 1), "swing"));
	ck_assert(json_object_get_double_member(bar(t, 1), "swing") > 0);
	ck_assert(json_object_get_double_member(bar(t, 2), "low") == base);
	ck_assert(json_object_get_double_member(bar(t, 2), "high") == base);
	ck_assert(json_object_get_double_member(bar(t, 2), "swing") == 0);
	/* the table: by swing, the factor and the value played */
	const char *box = strstr(table, "\n  components.box.failures.crash."
					"rate   0.2/y (x0.5)    0.6/y (x1.5)  ");
	const char *cut = strstr(table, "\n  " CUT "  0.025/y (-50%)  ");
	ck_assert_msg(box && cut && box < cut, "%s", table);
	ck_assert(!strstr(table, RTO));
	ck_assert(strstr(table, "\n  and 1 parameter that left it as at "
				"base at both points\n"));
}
END_TEST

/* The automatic set of the format's example: its main rates and
 * durations in the documented order, each at -50% and +50%, the unit
 * kept; fewer than the cap, so nothing left out. */
START_TEST(test_sensitivity_auto)
{
	const char *args[] = { "sensitivity", EXAMPLE, "-r", "5", "-f", "json",
			       NULL };
	const char *table_args[] = { "sensitivity", EXAMPLE, "-r", "5", NULL };
	g_autofree char *out = drsim_ok(args);
	g_autofree char *table = drsim_ok(table_args);
	g_autoptr(JsonNode) root = parse(out);
	g_autofree char *keys = parameter_keys(root);
	JsonObject *a = member(json_node_get_object(root), "automatic");
	JsonArray *params = json_object_get_array_member(
		json_node_get_object(root), "parameters");

	ck_assert_str_eq(keys,
		"components.san.failures.controller.ttf.mean "
		"components.san.failures.controller.repair "
		"components.san.failures.corruption.rate "
		"components.san.failures.corruption.repair "
		"components.app.failures.hw.ttf.scale "
		"components.app.failures.hw.repair.median "
		"components.dc.failures.hw.rate "
		"components.dc.failures.hw.repair "
		"sites.roomA.hazards.power.rate "
		"sites.roomA.hazards.power.duration.median "
		"sites.roomA.hazards.fire.rate "
		"sites.roomA.hazards.fire.rebuild "
		"threats.ransomware.rate "
		"threats.ransomware.dwell.median "
		"services.dpi.plan.decision "
		"services.dpi.plan.strategies.0.activation.median "
		"datasets.dpi-db.copies.nightly.restore.throughput "
		"datasets.dpi-db.copies.nightly.offsite.restore.throughput");
	ck_assert_int_eq(json_object_get_int_member(a, "found"), 18);
	ck_assert_uint_eq(json_array_get_length(
		json_object_get_array_member(a, "left_out")), 0);
	for (guint i = 0; i < json_array_get_length(params); i++) {
		JsonObject *p = json_array_get_object_element(params, i);
		ck_assert_str_eq(json_object_get_string_member(
			member(p, "low"), "change"), "-50%");
		ck_assert_str_eq(json_object_get_string_member(
			member(p, "high"), "change"), "+50%");
	}
	/* "1d" at ±50 %, "4y" at -50 %, "500GB/h" at +50 % */
	JsonObject *dc = json_array_get_object_element(params, 7);
	ck_assert_str_eq(json_object_get_string_member(member(dc, "low"),
						       "value"), "0.5d");
	ck_assert(strstr(out, "\"value\" : \"2y\""));
	ck_assert(strstr(out, "\"value\" : \"750GB/h\""));
	ck_assert(strstr(table, "\nautomatic set: all 18 parameters found "
				"(docs/output.md)\n"));
	ck_assert(json_object_get_null_member(json_node_get_object(root),
					      "cost"));
}
END_TEST

/* The internal CHU has more than 30: the cap keeps 30, a kind at a time,
 * and says which it left out. */
START_TEST(test_sensitivity_auto_cap)
{
	const char *args[] = { "sensitivity", CHU, "-r", "2", "-f", "json",
			       NULL };
	g_autofree char *out = drsim_ok(args);
	g_autoptr(JsonNode) root = parse(out);
	JsonObject *a = member(json_node_get_object(root), "automatic");
	JsonArray *left = json_object_get_array_member(a, "left_out");
	static const char *const expected[] = {
		"components.core.failures.switch.repair.median",
		"components.dc.failures.server.rate",
		"components.dc.failures.server.repair.median",
		"sites.salle-b.hazards.fire.rebuild",
		"crews.dsi.key_person.rate",
		"crews.dsi.key_person.for",
		"crews.dsi.absences.summer-1.duration",
		"crews.dsi.absences.summer-2.duration",
		"crews.dsi.absences.winter-1.duration",
		"crews.dsi.absences.winter-2.duration",
		"crews.dsi.absences.sickness.rate",
		"crews.dsi.absences.sickness.duration.median",
		"datasets.adm-db.copies.nightly.offsite.restore.throughput",
		"datasets.directory.copies.nightly.restore.throughput",
		"datasets.directory.copies.nightly.offsite.restore."
		"throughput",
	};

	ck_assert_uint_eq(json_array_get_length(json_object_get_array_member(
				  json_node_get_object(root), "parameters")),
			  30);
	ck_assert_int_eq(json_object_get_int_member(a, "found"), 45);
	ck_assert_uint_eq(json_array_get_length(left), G_N_ELEMENTS(expected));
	for (guint i = 0; i < G_N_ELEMENTS(expected); i++)
		ck_assert_str_eq(json_array_get_string_element(left, i),
				 expected[i]);
}
END_TEST

/* The total cost: doubling the capex (1.5 M€) adds it once at t = 0 and
 * 60 % of it at the refresh of year 6, 2.4 M€ at every replication alike;
 * nothing else moves as much.  tornado_cost.dat and .gp are written. */
START_TEST(test_sensitivity_cost)
{
	g_autofree char *dir = test_tmp_dir();
	const char *args[] = { "sensitivity", CHU, "-r", "20", "-f", "json",
			       "--vary", "threats.ransomware.rate=-50%,+50%",
			       "--vary", "costs.capex=x1,x2", "--out", dir,
			       NULL };
	g_autofree char *out = drsim_ok(args);
	g_autoptr(JsonNode) root = parse(out);
	JsonObject *cost = member(json_node_get_object(root), "cost");
	JsonObject *t = member(cost, "total"), *b = bar(t, 0);

	ck_assert_str_eq(json_object_get_string_member(cost, "currency"),
			 "EUR");
	ck_assert_str_eq(json_object_get_string_member(b, "key"),
			 "costs.capex");
	assert_close(json_object_get_double_member(b, "low"), base_mean(t),
		     1e-6);
	assert_close(json_object_get_double_member(b, "swing"), 2.4e6, 1e-3);
	g_autofree char *dat = test_read_file(dir, "tornado_cost.dat");
	ck_assert(g_str_has_prefix(dat, "# rank parameter low_value "
					"high_value base_eur low_eur high_eur "
					"swing_eur\n"));
	ck_assert(strstr(dat, "\n1 costs.capex 1.5M 3M "));
	g_autofree char *gp = test_read_file(dir, "tornado_cost.gp");
	ck_assert(strstr(gp, "(millions of EUR)"));
	test_rm_tree(dir);
}
END_TEST

/* --out DIR: a tornado per service (no costs: no tornado_cost), and
 * summary.json, the JSON report, written last; the .dat one row per
 * parameter by swing, the .gp a tornado chart in the house style. */
START_TEST(test_sensitivity_out)
{
	g_autofree char *tmp = test_tmp_dir();
	g_autofree char *dir = g_build_filename(tmp, "out", NULL);
	const char *args[] = { "sensitivity", ORDER, "-r", "200", "-f", "json",
			       "--vary", CUT "=-50%,+50%", "--vary",
			       RATE "=-50%,+50%", "--out", dir, NULL };
	g_autofree char *out = drsim_ok(args);
	g_autofree char *names = test_list_dir(dir);
	g_autofree char *json = test_read_file(dir, "summary.json");
	g_autofree char *dat = test_read_file(dir, "tornado_breach_app.dat");
	g_autofree char *gp = test_read_file(dir, "tornado_breach_app.gp");
	g_auto(GStrv) lines = g_strsplit(dat, "\n", -1);
	guint rows = 0;

	ck_assert_str_eq(names, "summary.json tornado_breach_app.dat "
				"tornado_breach_app.gp");
	ck_assert_str_eq(json, out);
	ck_assert_str_eq(lines[0], "# rank parameter low_value high_value "
				   "base_fraction low_fraction high_fraction "
				   "swing_fraction");
	for (char **l = lines + 1; *l; l++) {
		if (!**l || **l == '#')
			continue;
		g_auto(GStrv) f = g_strsplit(*l, " ", -1);
		ck_assert_uint_eq(g_strv_length(f), 8);
		ck_assert_uint_eq(g_ascii_strtoull(f[0], NULL, 10), ++rows);
		ck_assert_str_eq(f[1], rows == 1 ? RATE : CUT);
	}
	ck_assert_uint_eq(rows, 2);
	ck_assert(g_str_has_prefix(gp, "# tornado_breach_app.gp — breach in "
				       "a year of app, one parameter at a "
				       "time\n"));
	ck_assert(strstr(gp, "set yrange [2.5:0.5]\n"));
	ck_assert(strstr(gp, "plot \"tornado_breach_app.dat\" using "));
	ck_assert(strstr(gp, "with boxxyerror lt 1 title \"at the low "
			     "value\""));
	ck_assert(strstr(gp, "set arrow 1 from scale*base, graph 0 to "
			     "scale*base, graph 1 nohead"));
	ck_assert(strstr(gp, "set output \"tornado_breach_app.\" . fmt\n"));
	test_rm_tree(tmp);
}
END_TEST

/* --plot renders each tornado to PNG and SVG and names them on stderr. */
START_TEST(test_sensitivity_plot)
{
	g_autofree char *dir = test_tmp_dir();
	const char *args[] = { "sensitivity", ORDER, "-r", "50", "--vary",
			       RATE "=-50%,+50%", "--out", dir, "--plot",
			       NULL };
	g_autofree char *out = NULL, *err = NULL;
	g_autofree char *gnuplot = g_find_program_in_path("gnuplot");

	ck_assert_msg(gnuplot, "gnuplot is needed (make deps installs "
			       "gnuplot-nox)");
	ck_assert_int_eq(test_drsim(args, &out, &err), 0);
	for (int k = 0; k < 2; k++) {
		g_autofree char *path = g_build_filename(
			dir, k ? "tornado_breach_app.svg"
			       : "tornado_breach_app.png", NULL);
		GStatBuf st;
		ck_assert_msg(g_stat(path, &st) == 0 && st.st_size > 1000, "%s",
			      path);
		ck_assert_msg(strstr(err, path), "stderr: %s", err);
	}
	test_rm_tree(dir);
}
END_TEST

/* CSV: a row per service and parameter, by swing. */
START_TEST(test_sensitivity_csv)
{
	const char *args[] = { "sensitivity", ORDER, "-r", "200", "-f", "csv",
			       "--vary", CUT "=-50%,+50%", "--vary",
			       RATE "=-50%,+50%", NULL };
	g_autofree char *out = drsim_ok(args);
	g_auto(GStrv) lines = g_strsplit(out, "\n", -1);

	ck_assert_str_eq(lines[0], "figure,service,rank,parameter,base_value,"
				   "low_change,low_value,high_change,"
				   "high_value,base,at_low,at_high,swing");
	ck_assert(g_str_has_prefix(lines[1], "breach,app,1," RATE ",0.4/y,"
					     "-50%,0.2/y,+50%,0.6/y,"));
	ck_assert(g_str_has_prefix(lines[2], "breach,app,2," CUT ","));
	ck_assert_str_eq(lines[3], "");
	ck_assert_ptr_null(lines[4]);
}
END_TEST

/* Bad usage, a bad --vary or a value that does not load: exit 2 before
 * any run, the whole message on stderr, nothing on stdout nor in DIR. */
static const struct {
	const char *args[6];
	const char *err;
} bad[] = {
	{ { "--vary", "foo", NULL },
	  "drsim sensitivity: --vary 'foo': expected KEY=LOW,HIGH (e.g. "
	  "threats.0.rate=-50%,+50%)\n" },
	{ { "--vary", RATE "=-50%", NULL },
	  "drsim sensitivity: --vary '" RATE "': expected two changes "
	  "LOW,HIGH (got '-50%')\n" },
	{ { "--vary", RATE "=-50%,half", NULL },
	  "drsim sensitivity: --vary '" RATE "': bad change 'half' (expected "
	  "a relative change such as -50% or +50%, or a factor such as "
	  "x0.5)\n" },
	{ { "--vary", RATE "=-150%,+50%", NULL },
	  "drsim sensitivity: --vary '" RATE "': change '-150%' would make "
	  "the value negative\n" },
	{ { "--vary", "components.bx.failures.crash.rate=-50%,+50%", NULL },
	  "drsim sensitivity: --vary 'components.bx.failures.crash.rate': "
	  "unknown path: no 'bx' in 'components' (did you mean 'box'?)\n" },
	{ { "--vary", "components.box.failures.crash=-50%,+50%", NULL },
	  "drsim sensitivity: --vary 'components.box.failures.crash': it is "
	  "a group, not a number or a quantity\n" },
	{ { "--vary", "scenario.name=-50%,+50%", NULL },
	  "drsim sensitivity: --vary 'scenario.name': \"sensitivity-exact\" "
	  "is not a number or a quantity with a unit\n" },
	{ { "--vary", RATE "=-100%,+50%", NULL },
	  "--set " RATE ": 'rate' must be > 0 in failure mode 'crash' of "
	  "component 'box' (got \"0/y\")\n"
	  "drsim sensitivity: --vary '" RATE "': its low value (-100%: 0/y) "
	  "does not load\n" },
	{ { "--vary", RATE "=-50%,+50%", "--vary", RATE "=x0.5,x2", NULL },
	  "drsim sensitivity: --vary '" RATE "': given twice\n" },
	{ { "--shard", "0/2", NULL },
	  "drsim sensitivity: --shard is not available for sensitivity (its "
	  "runs play in one process)\n" },
	{ { EXACT, NULL },
	  "drsim sensitivity: expected one scenario file (see --help)\n" },
};

START_TEST(test_sensitivity_bad)
{
	g_autofree char *dir = test_tmp_dir();
	const char *args[12] = { "sensitivity", EXACT, "-r", "5", "--out",
				 dir };
	g_autofree char *out = NULL, *err = NULL;
	guint n = 6;

	for (guint i = 0; bad[_i].args[i]; i++)
		args[n++] = bad[_i].args[i];
	ck_assert_int_eq(test_drsim(args, &out, &err), 2);
	ck_assert_str_eq(err, bad[_i].err);
	ck_assert_str_eq(out, "");
	g_autofree char *names = test_list_dir(dir);
	ck_assert_str_eq(names, "");
	test_rm_tree(dir);
}
END_TEST

/* A law names the parameter to vary instead. */
START_TEST(test_sensitivity_law)
{
	const char *args[] = { "sensitivity", EXAMPLE, "-r", "5", "--vary",
			       "components.app.failures.hw.ttf=-50%,+50%",
			       NULL };
	g_autofree char *out = NULL, *err = NULL;

	ck_assert_int_eq(test_drsim(args, &out, &err), 2);
	ck_assert_str_eq(err, "drsim sensitivity: --vary "
			      "'components.app.failures.hw.ttf': it is a law: "
			      "name one of its parameters, e.g. "
			      "'components.app.failures.hw.ttf.scale'\n");
}
END_TEST

Suite *sensitivity_suite(void)
{
	Suite *s = suite_create("sensitivity");
	TCase *tc = tcase_create("sensitivity");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_sensitivity_exact);
	tcase_add_test(tc, test_sensitivity_order);
	tcase_add_test(tc, test_sensitivity_auto);
	tcase_add_test(tc, test_sensitivity_auto_cap);
	tcase_add_test(tc, test_sensitivity_cost);
	tcase_add_test(tc, test_sensitivity_out);
	tcase_add_test(tc, test_sensitivity_plot);
	tcase_add_test(tc, test_sensitivity_csv);
	tcase_add_loop_test(tc, test_sensitivity_bad, 0,
			    (int)G_N_ELEMENTS(bad));
	tcase_add_test(tc, test_sensitivity_law);
	suite_add_tcase(s, tc);
	return s;
}
