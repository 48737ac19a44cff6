/* test_drill.c — `drsim exercise --observed`: a drill's measured times
 * against the simulation.  The fit on a known list; percentiles of
 * steps whose laws are known (tests/data/drill-scenario.cfg), within a
 * tolerance stated from their standard error; the flags; both file
 * formats; the table, JSON and files of --out; the step names against
 * those the exercise really prints; and the bad drill files of
 * tests/data/drill (each NAME.cfg, .csv or .txt paired with NAME.err,
 * the exact error, exit 2, nothing printed or written).
 *
 * Paths are relative to the repository root, as in the .err files:
 * test_drsim() runs the binary from there. */
#include <math.h>
#include <string.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "models/results/drill_fit.h"
#include "models/scenario/drill.h"
#include "models/scenario/labels.h"
#include "testfs.h"
#include "testutil.h"

#define SCENARIO "tests/data/drill-scenario.cfg"
#define INJECT	 "site:room:destroyed@+1h"
#define DRILL_DIR "tests/data/drill"

/* stdout of `drsim exercise SCENARIO --inject INJECT -r reps --observed
 * drill` with the extra arguments (NULL-terminated, may be NULL), which
 * must succeed; yours to g_free(). */
static char *observe(const char *drill, const char *reps,
		     const char *const *extra)
{
	const char *args[16] = { "exercise", SCENARIO, "--inject", INJECT,
				 "-r", reps, "--observed", drill };
	guint n = 8;
	g_autofree char *err = NULL;
	char *out = NULL;

	for (; extra && *extra; extra++)
		args[n++] = *extra;
	args[n] = NULL;
	ck_assert_msg(test_drsim(args, &out, &err) == 0, "%s", err);
	return out;
}

/* The JSON object of step `step` in the "drill" member of text. */
static JsonObject *drill_step(JsonNode *root, const char *step)
{
	JsonObject *drill = json_object_get_object_member(
		json_node_get_object(root), "drill");
	JsonArray *steps = json_object_get_array_member(drill, "steps");

	for (guint i = 0; i < json_array_get_length(steps); i++) {
		JsonObject *o = json_array_get_object_element(steps, i);
		if (strcmp(json_object_get_string_member(o, "step"), step) == 0)
			return o;
	}
	ck_abort_msg("no step '%s' in the drill", step);
	return NULL;
}

static JsonNode *parse(const char *text)
{
	GError *error = NULL;
	JsonNode *root = json_from_string(text, &error);

	ck_assert_msg(root, "bad JSON: %s", error ? error->message : "?");
	return root;
}

/* -- the fit ------------------------------------------------------------- */

/* Four times, known quantiles (GSL: linear between order statistics at
 * (n − 1)·q) and fractions, ties counting as at most. */
START_TEST(test_drill_fit_known)
{
	double t[] = { 4, 1, 3, 2 };
	MdlDrillFit f = mdl_drill_fit(t, 4, 10, 2);

	assert_close(f.spread.p5, 1.15, 1e-12);
	assert_close(f.spread.p50, 2.5, 1e-12);
	assert_close(f.spread.p95, 3.85, 1e-12);
	ck_assert_uint_eq(f.spread.n, 4);
	ck_assert_uint_eq(f.never, 6);
	assert_close(f.percentile, 0.5, 0);
	assert_close(f.percentile_se, sqrt(0.25 / 4), 1e-15);
	ck_assert_int_eq(f.flag, MDL_DRILL_WITHIN);
	f = mdl_drill_fit(t, 4, 4, 1.1);
	assert_close(f.percentile, 0.25, 0);
	ck_assert_int_eq(f.flag, MDL_DRILL_FASTER);
	f = mdl_drill_fit(t, 4, 4, 3.9);
	assert_close(f.percentile, 0.75, 0);
	ck_assert_int_eq(f.flag, MDL_DRILL_SLOWER);
	f = mdl_drill_fit(t, 4, 4, 0.5);
	assert_close(f.percentile, 0, 0);
	f = mdl_drill_fit(NULL, 0, 7, 1);
	ck_assert_int_eq(f.flag, MDL_DRILL_NEVER);
	ck_assert(isnan(f.percentile) && isnan(f.spread.p50));
	ck_assert_uint_eq(f.never, 7);
}
END_TEST

/* A step that always takes the same time: the measured value equal to
 * it is at 100 % and within p5–p95 (p5 = p95 = the value). */
START_TEST(test_drill_fit_deterministic)
{
	double t[] = { 2, 2, 2 };
	MdlDrillFit f = mdl_drill_fit(t, 3, 3, 2);

	assert_close(f.percentile, 1, 0);
	ck_assert_int_eq(f.flag, MDL_DRILL_WITHIN);
	f = mdl_drill_fit(t, 3, 3, 2 + 1e-12);	/* rounding: still equal */
	ck_assert_int_eq(f.flag, MDL_DRILL_WITHIN);
	assert_close(f.percentile, 1, 0);
	f = mdl_drill_fit(t, 3, 3, 2 - 1e-12);
	assert_close(f.percentile, 1, 0);
	f = mdl_drill_fit(t, 3, 3, 2.01);
	ck_assert_int_eq(f.flag, MDL_DRILL_SLOWER);
}
END_TEST

/* -- exact cases (tests/data/drill-scenario.cfg) --------------------------- */

static const struct {
	const char *step;
	double exact;	/* P(time <= measured) of the model */
} exact[] = {
	{ "detected", 0.25 },		/* U(1h, 3h) at 1.5h */
	{ "declared", 0.25 },		/* U(1.5h, 3.5h) at 2h */
	/* U(1.5h, 3.5h) + Exp(1h) at 3h: ((m − 1.5) − (1 − e^−(m − 1.5)))/2 */
	{ "RTO reached", 0.3615650800 },
};

/* good.cfg with 4000 replications (seed 13 from the scenario): each
 * percentile within 4 standard errors sqrt(p(1 − p)/n) of the law's
 * value, that error below 0.008 — and the JSON's own standard error is
 * that one. */
START_TEST(test_drill_exact)
{
	g_autofree char *out = observe(DRILL_DIR "/good.cfg", "4000",
				       (const char *const[]){ "-f", "json",
							      NULL });
	g_autoptr(JsonNode) root = parse(out);

	for (guint i = 0; i < G_N_ELEMENTS(exact); i++) {
		JsonObject *o = drill_step(root, exact[i].step);
		double p = json_object_get_double_member(o, "percentile");
		double n = (double)json_object_get_int_member(o, "happened");
		double se = sqrt(exact[i].exact * (1 - exact[i].exact) / n);
		ck_assert_int_eq((gint64)n, 4000);
		assert_within_se(p, exact[i].exact, se, 4, 0.008);
		assert_close(json_object_get_double_member(o, "percentile_se"),
			     sqrt(p * (1 - p) / n), 1e-12);
		ck_assert_str_eq(json_object_get_string_member(o, "flag"),
				 "within");
	}
	/* "down" is at 0 in every replication: exactly 100 % */
	JsonObject *down = drill_step(root, "down");
	assert_close(json_object_get_double_member(down, "percentile"), 1, 0);
	assert_close(json_object_get_double_member(down, "p95"), 0, 0);
	/* the detection's p5 and p95 are those of U(1h, 3h): 1.1h, 2.9h */
	JsonObject *det = drill_step(root, "detected");
	assert_close(json_object_get_double_member(det, "p5"), 1.1, 0.03);
	assert_close(json_object_get_double_member(det, "p95"), 2.9, 0.03);
	assert_close(json_object_get_double_member(det, "measured_h"), 1.5, 0);
	ck_assert_int_eq(json_object_get_int_member(det, "line"), 7);
	/* a failover that never fails: never simulated, reported apart */
	JsonObject *never = drill_step(root, "failover failed dr");
	ck_assert_str_eq(json_object_get_string_member(never, "flag"), "never");
	ck_assert(json_object_get_null_member(never, "percentile"));
	ck_assert_int_eq(json_object_get_int_member(never, "happened"), 0);
	ck_assert_int_eq(json_object_get_int_member(never, "never"), 4000);
	JsonObject *drill = json_object_get_object_member(
		json_node_get_object(root), "drill");
	ck_assert_str_eq(json_object_get_string_member(drill, "name"),
			 "Test drill");
}
END_TEST

/* The line of step `step` in the drill block of a table; yours. */
static char *drill_line(const char *out, const char *step)
{
	const char *block = strstr(out, "  Drill '");
	g_autofree char *prefix = g_strdup_printf("  %-36s ", step);

	ck_assert_msg(block, "no drill block in:\n%s", out);
	const char *at = strstr(block, prefix);
	ck_assert_msg(at, "no line '%s' in:\n%s", step, block);
	return g_strndup(at, strcspn(at, "\n"));
}

/* good.csv in the table: one value below p5, one above p95, one within,
 * a fixed one at its value (a tie: 100 %, no flag); the service left
 * empty (the scenario has one). */
START_TEST(test_drill_flags_csv)
{
	g_autofree char *out = observe(DRILL_DIR "/good.csv", "1000", NULL);
	static const struct {
		const char *step, *head, *tail;
	} rows[] = {
		{ "detected", "50min ", "0.0%       faster than 95 % of "
					"simulations" },
		{ "declared", "3.45h ", "slower than 95 % of simulations" },
		{ "RTO reached", "3h ", "%" },
		{ "RPO reached", "5min      5min      5min      5min      "
				 "100.0%", "100.0%" },
	};

	ck_assert_msg(strstr(out, "\n\n  Drill 'good.csv' against the "
				  "simulation\n  step (measured from the "
				  "injection)   measured  p5        p50       "
				  "p95       percentile flag\n"),
		      "%s", out);
	for (guint i = 0; i < G_N_ELEMENTS(rows); i++) {
		g_autofree char *line = drill_line(out, rows[i].step);
		ck_assert_msg(strncmp(line + 39, rows[i].head,
				      strlen(rows[i].head)) == 0 &&
				      g_str_has_suffix(line, rows[i].tail),
			      "%s", line);
	}
}
END_TEST

/* The same drill in both formats gives the same figures. */
START_TEST(test_drill_formats_agree)
{
	g_autofree char *dir = test_tmp_dir();
	g_autofree char *cfg = test_write_file(
		dir, "d.cfg",
		"drill = { steps = (\n"
		"  { service = \"app\"; step = \"declared\";"
		" at = \"2h 10min\"; },\n"
		"  { service = \"app\"; step = \"restored\"; at = 3; }"
		" ); };\n");
	g_autofree char *csv = test_write_file(
		dir, "d.csv",
		"step,measured,service\r\n"
		"declared,2h 10min,app\r\n"
		"\"restored\",3,\"app\"\r\n");
	const char *const json[] = { "-f", "json", NULL };
	g_autofree char *a = observe(cfg, "200", json);
	g_autofree char *b = observe(csv, "200", json);
	g_autoptr(JsonNode) ra = parse(a);
	g_autoptr(JsonNode) rb = parse(b);
	static const char *const steps[] = { "declared", "restored" };

	for (guint i = 0; i < G_N_ELEMENTS(steps); i++) {
		JsonObject *x = drill_step(ra, steps[i]);
		JsonObject *y = drill_step(rb, steps[i]);
		assert_close(json_object_get_double_member(x, "percentile"),
			     json_object_get_double_member(y, "percentile"), 0);
		assert_close(json_object_get_double_member(x, "measured_h"),
			     json_object_get_double_member(y, "measured_h"), 0);
	}
	assert_close(json_object_get_double_member(drill_step(ra, "declared"),
						   "measured_h"),
		     2 + 10 / 60.0, 1e-12);
	test_rm_tree(dir);
}
END_TEST

/* Without --observed, the JSON has no "drill" member. */
START_TEST(test_drill_absent)
{
	const char *args[] = { "exercise", SCENARIO, "--inject", INJECT, "-r",
			       "5", "-f", "json", NULL };
	g_autofree char *out = NULL, *err = NULL;

	ck_assert_int_eq(test_drsim(args, &out, &err), 0);
	g_autoptr(JsonNode) root = parse(out);
	ck_assert(!json_object_has_member(json_node_get_object(root), "drill"));
}
END_TEST

/* --out: drill.dat (its header, a row per step, NaN for the step never
 * simulated), drill.gp, which gnuplot renders with --plot; the JSON of
 * exercise.json holds the drill. */
START_TEST(test_drill_out)
{
	g_autofree char *dir = test_tmp_dir();
	g_autofree char *outdir = g_build_filename(dir, "out", NULL);
	g_autofree char *gnuplot = g_find_program_in_path("gnuplot");

	ck_assert_msg(gnuplot,
		      "gnuplot is needed (make deps installs gnuplot-nox)");
	g_free(observe(DRILL_DIR "/good.cfg", "50",
		       (const char *const[]){ "--out", outdir, "--plot",
					      NULL }));
	g_autofree char *dat = test_read_file(outdir, "drill.dat");
	g_auto(GStrv) lines = g_strsplit(dat, "\n", -1);
	ck_assert_str_eq(lines[0], "# row measured_h p5_h p50_h p95_h "
				   "percentile_fraction happened never flag "
				   "service step");
	ck_assert_str_eq(lines[3], "0 0 0 0 0 1 50 0 within app down");
	ck_assert_str_eq(lines[7], "4 4 NaN NaN NaN NaN 0 50 never app "
				   "failover_failed_dr");
	ck_assert_ptr_null(lines[8] && *lines[8] ? lines[8] : NULL);
	g_autofree char *json = test_read_file(outdir, "exercise.json");
	ck_assert(strstr(json, "\"drill\" : {"));
	g_autofree char *files = test_list_dir(outdir);
	ck_assert_str_eq(files, "drill.dat drill.gp drill.png drill.svg "
				"exercise.dat exercise.gp exercise.json "
				"exercise.png exercise.svg");
	test_rm_tree(dir);
}
END_TEST

/* A service the scenario has several of must be named; a service the
 * injection never took down still gets its drill block. */
static const char two_services[] =
	"scenario = { name = \"two\"; horizon = \"1y\"; seed = 2; };\n"
	"sites = ( { id = \"a\"; kind = \"internal\"; country = \"FR\"; },\n"
	"  { id = \"b\"; kind = \"internal\"; country = \"FR\"; } );\n"
	"components = ( { id = \"x\"; site = \"a\"; failures = ( {\n"
	"    name = \"crash\"; rate = \"1/y\"; repair = \"4h\"; } ); },\n"
	"  { id = \"y\"; site = \"b\"; failures = ( {\n"
	"    name = \"crash\"; rate = \"1/y\"; repair = \"4h\"; } ); } );\n"
	"services = ( { id = \"one\"; requires = [\"x\"]; },\n"
	"  { id = \"two\"; requires = [\"y\"]; } );\n";

START_TEST(test_drill_two_services)
{
	g_autofree char *dir = test_tmp_dir();
	g_autofree char *sc = test_write_file(dir, "two.cfg", two_services);
	g_autofree char *bad = test_write_file(
		dir, "bad.csv", "service,step,measured\n,restored,4h\n");
	g_autofree char *good = test_write_file(
		dir, "good.csv",
		"service,step,measured\none,restored,4h\ntwo,restored,1h\n");
	const char *args[] = { "exercise", sc, "--inject",
			       "component:x:failure:crash@+1h", "-r", "5",
			       "--observed", bad, NULL };
	g_autofree char *out = NULL, *err = NULL, *out2 = NULL, *err2 = NULL;

	ck_assert_int_eq(test_drsim(args, &out, &err), 2);
	g_autofree char *want = g_strdup_printf(
		"%s:2: 'service' must not be empty: the scenario has 2 "
		"services ('one', 'two')\n", bad);
	ck_assert_str_eq(err, want);
	ck_assert_str_eq(out, "");
	args[7] = good;
	ck_assert_int_eq(test_drsim(args, &out2, &err2), 0);
	ck_assert_msg(strstr(out2, "\nService two: never down in the "
				   "simulation\n\n  Drill 'good.csv' against "
				   "the simulation\n"),
		      "%s", out2);
	g_autofree char *never = drill_line(strstr(out2, "Service two"),
					    "restored");
	ck_assert_str_eq(never + 39, "1h        -         -         -         "
				     "-          never simulated");
	test_rm_tree(dir);
}
END_TEST

/* -- the step names -------------------------------------------------------- */

static const struct {
	const char *scenario, *inject;
} played[] = {
	{ SCENARIO, INJECT },
	{ "scenarios/chu-internal.cfg", "site:salle-a:destroyed@+1000h" },
	{ "scenarios/chu-internal.cfg", "ransomware:salle-a@+1000h" },
	{ "scenarios/chu-hosted.cfg", "site:dc1:destroyed@+1000h" },
	{ "scenarios/chu-hosted.cfg", "ransomware:dc1@+1000h" },
	{ "scenarios/clinic-group-hybrid.cfg",
	  "site:group-dc:destroyed@+100h" },
};

/* Every step an exercise prints is one mdl_labels_steps() names, so a
 * drill can name any of them. */
START_TEST(test_drill_step_names)
{
	const char *args[] = { "exercise", played[_i].scenario, "--inject",
			       played[_i].inject, "-r", "100", "-f", "json",
			       NULL };
	g_autofree char *out = NULL, *err = NULL;
	GError *error = NULL;

	ck_assert_msg(test_drsim(args, &out, &err) == 0, "%s", err);
	g_chdir(DRSIM_SRCDIR);
	g_autoptr(MdlScenario) sc =
		mdl_scenario_load(played[_i].scenario, NULL, &error);
	ck_assert_msg(sc, "%s", error ? error->message : "?");
	g_autoptr(JsonNode) root = parse(out);
	JsonArray *svcs = json_object_get_array_member(
		json_node_get_object(root), "services");
	guint checked = 0;
	for (guint i = 0; i < json_array_get_length(svcs); i++) {
		JsonObject *sv = json_array_get_object_element(svcs, i);
		gint s = mdl_scenario_find_service(
			sc, json_object_get_string_member(sv, "id"));
		ck_assert_int_ge(s, 0);
		g_auto(GStrv) names = mdl_labels_steps(sc, (guint)s);
		JsonArray *steps = json_object_get_array_member(sv, "steps");
		for (guint k = 0; k < json_array_get_length(steps); k++) {
			JsonObject *st =
				json_array_get_object_element(steps, k);
			const char *step =
				json_object_get_string_member(st, "step");
			ck_assert_msg(g_strv_contains(
					      (const char *const *)names, step),
				      "%s: step '%s' of '%s' not named",
				      played[_i].scenario, step,
				      sc->services[s].id);
			checked++;
		}
	}
	ck_assert_uint_gt(checked, 5);
}
END_TEST

/* -- bad drill files ------------------------------------------------------- */

static GPtrArray *bad_files;	/* the NAME.* of DRILL_DIR with a NAME.err */

static void list_bad_files(void)
{
	GDir *dir = g_dir_open(DRSIM_SRCDIR "/" DRILL_DIR, 0, NULL);
	const char *name;

	bad_files = g_ptr_array_new_with_free_func(g_free);
	if (!dir)
		return;
	while ((name = g_dir_read_name(dir))) {
		const char *dot = strrchr(name, '.');
		if (!dot || strcmp(dot, ".err") == 0)
			continue;
		g_autofree char *base = g_strndup(name, (gsize)(dot - name));
		g_autofree char *err = g_strdup_printf(
			"%s/%s/%s.err", DRSIM_SRCDIR, DRILL_DIR, base);
		if (g_file_test(err, G_FILE_TEST_EXISTS))
			g_ptr_array_add(bad_files, g_strdup(name));
	}
	g_dir_close(dir);
	g_ptr_array_sort(bad_files, test_cmp_names);
}

/* The exact stderr, exit 2, nothing on stdout, and no file in --out. */
START_TEST(test_drill_bad_file)
{
	const char *name = bad_files->pdata[_i];
	g_autofree char *path = g_strdup_printf("%s/%s", DRILL_DIR, name);
	g_autofree char *base = g_strndup(name, strcspn(name, "."));
	g_autofree char *errpath =
		g_strdup_printf("%s/%s.err", DRILL_DIR, base);
	g_autofree char *want = NULL, *out = NULL, *err = NULL;
	g_autofree char *dir = test_tmp_dir();
	g_autofree char *outdir = g_build_filename(dir, "out", NULL);
	const char *args[] = { "exercise", SCENARIO, "--inject", INJECT, "-r",
			       "5", "--observed", path, "--out", outdir, NULL };

	g_chdir(DRSIM_SRCDIR);
	ck_assert(g_file_get_contents(errpath, &want, NULL, NULL));
	ck_assert_int_eq(test_drsim(args, &out, &err), 2);
	ck_assert_str_eq(err, want);
	ck_assert_str_eq(out, "");
	ck_assert_msg(!g_file_test(outdir, G_FILE_TEST_EXISTS),
		      "%s written", outdir);
	test_rm_tree(dir);
}
END_TEST

START_TEST(test_drill_bad_corpus_size)
{
	ck_assert_uint_ge(bad_files->len, 20);
}
END_TEST

Suite *drill_suite(void)
{
	Suite *s = suite_create("drill");
	TCase *fit = tcase_create("fit");
	TCase *cli = tcase_create("cli");
	TCase *bad = tcase_create("bad");

	tcase_add_test(fit, test_drill_fit_known);
	tcase_add_test(fit, test_drill_fit_deterministic);
	suite_add_tcase(s, fit);
	tcase_set_timeout(cli, 60);
	tcase_add_test(cli, test_drill_exact);
	tcase_add_test(cli, test_drill_flags_csv);
	tcase_add_test(cli, test_drill_formats_agree);
	tcase_add_test(cli, test_drill_absent);
	tcase_add_test(cli, test_drill_out);
	tcase_add_test(cli, test_drill_two_services);
	tcase_add_loop_test(cli, test_drill_step_names, 0,
			    (int)G_N_ELEMENTS(played));
	suite_add_tcase(s, cli);
	list_bad_files();
	tcase_add_test(bad, test_drill_bad_corpus_size);
	tcase_add_loop_test(bad, test_drill_bad_file, 0, (int)bad_files->len);
	suite_add_tcase(s, bad);
	return s;
}
