/* test_sweep.c — `drsim sweep` as a user runs it: the points in their
 * documented order, common random numbers, the figures moving as the
 * model says, the cost of each point, the files of --out, and bad values
 * caught before any run. */
#include <string.h>
#include <sys/wait.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "testfs.h"
#include "testutil.h"

#define D1 "scenarios/validation/d1-backup-restore.cfg"
#define CHU "scenarios/chu-internal.cfg"
#define LEAD "costs.project.lead_time"
#define EVERY "datasets.db.copies.daily.every"
#define REPAIR "components.server.failures.crash.repair.mean"

/* stdout of a command that must succeed; yours to g_free(). */
static char *drsim_ok(const char *const *args)
{
	g_autofree char *err = NULL;
	char *out = NULL;

	ck_assert_msg(test_drsim(args, &out, &err) == 0, "%s: %s", args[0], err);
	return out;
}

static JsonNode *parse(const char *text)
{
	GError *error = NULL;
	JsonNode *root = json_from_string(text, &error);

	ck_assert_msg(root, "bad JSON: %s", error ? error->message : "?");
	return root;
}

static JsonArray *points(JsonNode *root)
{
	return json_object_get_array_member(json_node_get_object(root),
					    "points");
}

/* points[p].services[0].object.key */
static double figure(JsonNode *root, guint p, const char *object,
		     const char *key)
{
	JsonObject *pt = json_array_get_object_element(points(root), p);
	JsonObject *s = json_array_get_object_element(
		json_object_get_array_member(pt, "services"), 0);

	return json_object_get_double_member(
		json_object_get_object_member(s, object), key);
}

static const char *value(JsonNode *root, guint p, guint k)
{
	JsonObject *pt = json_array_get_object_element(points(root), p);

	return json_array_get_string_element(
		json_object_get_array_member(pt, "values"), k);
}

/* D1 with backups every 12 h, 24 h, 48 h: the data lost at a restore is
 * the time since the last backup, so the RPO grows with the period (mean
 * about B/2: 6, 12, 24 h), while availability, which backups do not
 * touch, is the same at every point (the same seed: common random
 * numbers). */
START_TEST(test_sweep_rpo_grows)
{
	const char *args[] = { "sweep", D1, "-r", "50", "-f", "json", "--set",
			       EVERY "=12h,24h,48h", NULL };
	g_autofree char *out = drsim_ok(args);
	g_autoptr(JsonNode) root = parse(out);
	JsonObject *o = json_node_get_object(root);

	ck_assert_uint_eq(json_array_get_length(points(root)), 3);
	ck_assert_str_eq(json_array_get_string_element(
		json_object_get_array_member(o, "parameters"), 0), EVERY);
	ck_assert_str_eq(value(root, 0, 0), "12h");
	ck_assert_str_eq(value(root, 2, 0), "48h");
	for (guint p = 0; p + 1 < 3; p++) {
		ck_assert(figure(root, p + 1, "rpo_h", "mean") >
			  1.5 * figure(root, p, "rpo_h", "mean"));
		ck_assert(figure(root, p + 1, "rpo_h", "p95") >
			  figure(root, p, "rpo_h", "p95"));
		assert_close(figure(root, p, "availability", "mean"),
			     figure(root, p + 1, "availability", "mean"),
			     1e-12);
	}
	ck_assert_int_eq(json_object_get_int_member(o, "replications"), 50);
	ck_assert_int_eq(json_object_get_int_member(o, "seed"), 11);
}
END_TEST

/* Two swept keys: 2 × 3 points, the first key varying slowest; the
 * repair time alone sets availability, so points 3 apart agree. */
START_TEST(test_sweep_order)
{
	const char *args[] = { "sweep", D1, "-r", "20", "-f", "json", "--set",
			       EVERY "=12h,24h", "--set", REPAIR "=4h,8h,16h",
			       NULL };
	static const char *const want[6][2] = {
		{ "12h", "4h" }, { "12h", "8h" }, { "12h", "16h" },
		{ "24h", "4h" }, { "24h", "8h" }, { "24h", "16h" },
	};
	g_autofree char *out = drsim_ok(args);
	g_autoptr(JsonNode) root = parse(out);

	ck_assert_uint_eq(json_array_get_length(points(root)), 6);
	for (guint p = 0; p < 6; p++) {
		ck_assert_str_eq(value(root, p, 0), want[p][0]);
		ck_assert_str_eq(value(root, p, 1), want[p][1]);
	}
	for (guint p = 0; p < 3; p++) {
		assert_close(figure(root, p, "availability", "mean"),
			     figure(root, p + 3, "availability", "mean"),
			     1e-12);
		if (p > 0)
			ck_assert(figure(root, p, "availability", "mean") <
				  figure(root, p - 1, "availability", "mean"));
	}
}
END_TEST

/* The table: one row per point, in order, with its values. */
START_TEST(test_sweep_table)
{
	const char *args[] = { "sweep", D1, "-r", "20", "--set",
			       EVERY "=12h,24h", "--set", REPAIR "=4h,8h,16h",
			       NULL };
	g_autofree char *out = drsim_ok(args);
	g_auto(GStrv) lines = g_strsplit(out, "\n", -1);
	guint row = 0;
	gboolean body = FALSE;

	ck_assert(strstr(out, "6 points, 20 replications"));
	for (char **l = lines; *l; l++) {
		if (g_str_has_prefix(*l, "point ")) {
			ck_assert(strstr(*l, "availability") &&
				  strstr(*l, "RPO p95"));
			body = TRUE;
			continue;
		}
		if (!body || !**l)
			continue;
		g_autofree char *num = g_strdup_printf("%u ", row);
		ck_assert_msg(g_str_has_prefix(*l, num), "%s", *l);
		ck_assert(strstr(*l, row < 3 ? " 12h " : " 24h "));
		row++;
	}
	ck_assert_uint_eq(row, 6);
}
END_TEST

/* One CSV row per (point, service), the run's columns after the
 * point and its values. */
START_TEST(test_sweep_csv)
{
	const char *args[] = { "sweep", D1, "-r", "20", "-f", "csv", "--set",
			       EVERY "=12h,24h,48h", NULL };
	g_autofree char *out = drsim_ok(args);
	g_auto(GStrv) lines = g_strsplit(out, "\n", -1);

	ck_assert(g_str_has_prefix(out, "point," EVERY ",service,name,"));
	ck_assert_uint_eq(g_strv_length(lines), 5);	/* + final "" */
	ck_assert(g_str_has_prefix(lines[1], "0,\"12h\",\"app\","));
	ck_assert(g_str_has_prefix(lines[3], "2,\"48h\",\"app\","));
}
END_TEST

/* sweep.dat: its first line names the columns, one row per point with
 * that many fields; sweep.json is the JSON report; each point has its
 * run's summary.json. */
START_TEST(test_sweep_out)
{
	g_autofree char *tmp = test_tmp_dir();
	g_autofree char *dir = g_build_filename(tmp, "out", NULL);
	const char *args[] = { "sweep", D1, "-r", "20", "-f", "json", "--set",
			       EVERY "=12h,24h,48h", "--out", dir, NULL };
	g_autofree char *out = drsim_ok(args);

	g_autofree char *names = test_list_dir(dir);
	ck_assert_str_eq(names, "point-000 point-001 point-002 sweep.dat "
				"sweep.json sweep_app.gp");
	g_autofree char *json = test_read_file(dir, "sweep.json");
	ck_assert_str_eq(json, out);
	g_autofree char *dat = test_read_file(dir, "sweep.dat");
	g_auto(GStrv) lines = g_strsplit(dat, "\n", -1);
	g_auto(GStrv) head = g_strsplit(lines[0], " ", -1);
	ck_assert_str_eq(lines[0],
			 "# point " EVERY "_index app_availability "
			 "app_rto_p95_h app_rpo_p95_h app_both_met "
			 "app_p_breach app_data_loss_h_per_year");
	guint rows = 0;
	for (char **l = lines + 1; *l; l++) {
		if (!**l || **l == '#')
			continue;
		g_auto(GStrv) f = g_strsplit(*l, " ", -1);
		ck_assert_uint_eq(g_strv_length(f), g_strv_length(head) - 1);
		ck_assert_uint_eq(g_ascii_strtoull(f[0], NULL, 10), rows);
		ck_assert_uint_eq(g_ascii_strtoull(f[1], NULL, 10), rows);
		rows++;
	}
	ck_assert_uint_eq(rows, 3);
	/* point 1's summary.json holds the services of points[1] */
	g_autofree char *p1 = g_build_filename(dir, "point-001", NULL);
	g_autofree char *summary = test_read_file(p1, "summary.json");
	g_autoptr(JsonNode) sroot = parse(summary);
	g_autoptr(JsonNode) root = parse(out);
	ck_assert(json_node_equal(
		json_object_get_member(json_node_get_object(sroot), "services"),
		json_object_get_member(
			json_array_get_object_element(points(root), 1),
			"services")));
	test_rm_tree(tmp);
}
END_TEST

/* --plot renders one chart per service (four panels against the points,
 * targets drawn) to PNG and SVG and names them on stderr. */
START_TEST(test_sweep_plot)
{
	g_autofree char *dir = test_tmp_dir();
	const char *args[] = { "sweep", D1, "-r", "10", "--set",
			       EVERY "=12h,24h", "--out", dir, "--plot", NULL };
	g_autofree char *out = NULL, *err = NULL;
	g_autofree char *gnuplot = g_find_program_in_path("gnuplot");

	ck_assert_msg(gnuplot, "gnuplot is needed (make deps installs "
			       "gnuplot-nox)");
	ck_assert_int_eq(test_drsim(args, &out, &err), 0);
	for (int k = 0; k < 2; k++) {
		g_autofree char *path = g_build_filename(
			dir, k ? "sweep_app.svg" : "sweep_app.png", NULL);
		GStatBuf st;
		ck_assert_msg(g_stat(path, &st) == 0 && st.st_size > 1000, "%s",
			      path);
		ck_assert_msg(strstr(err, path), "stderr: %s", err);
	}
	g_autofree char *gp = test_read_file(dir, "sweep_app.gp");
	ck_assert(strstr(gp, "title \"target\""));
	test_rm_tree(dir);
}
END_TEST

/* Numeric values are written as given in sweep.dat. */
START_TEST(test_sweep_out_numeric)
{
	g_autofree char *dir = test_tmp_dir();
	const char *args[] = { "sweep", D1, "-r", "5", "--set", REPAIR "=4,8",
			       "--out", dir, NULL };
	g_autofree char *out = drsim_ok(args);
	g_autofree char *dat = test_read_file(dir, "sweep.dat");

	ck_assert(g_str_has_prefix(dat, "# point " REPAIR " app_"));
	ck_assert(strstr(dat, "\n0 4 "));
	ck_assert(strstr(dat, "\n1 8 "));
	test_rm_tree(dir);
}
END_TEST

/* points[p].cost, NULL when it is null. */
static JsonObject *point_cost(JsonNode *root, guint p)
{
	JsonObject *pt = json_array_get_object_element(points(root), p);

	ck_assert(json_object_has_member(pt, "cost"));
	return json_object_get_null_member(pt, "cost")
		       ? NULL
		       : json_object_get_object_member(pt, "cost");
}

static double total_mean(JsonNode *root, guint p)
{
	JsonObject *cost = point_cost(root, p);

	ck_assert(cost);
	return json_object_get_double_member(
		json_object_get_object_member(cost, "total"), "mean");
}

/* The CHU's new room in service after 6 or 36 months: until then the
 * yearly costs of today's room are paid instead of its own, so the two
 * points cost differently.  The table shows the total cost under "cost",
 * before the services; sweep.json has each point's cost; sweep.dat its
 * mean, p5 and p95 after the swept key. */
START_TEST(test_sweep_cost)
{
	g_autofree char *dir = test_tmp_dir();
	const char *args[] = { "sweep", CHU, "-r", "200", "--set",
			       LEAD "=6mo,36mo", "--out", dir, NULL };
	g_autofree char *out = drsim_ok(args);
	g_autofree char *json = test_read_file(dir, "sweep.json");
	g_autofree char *dat = test_read_file(dir, "sweep.dat");
	g_autoptr(JsonNode) root = parse(json);
	g_auto(GStrv) lines = g_strsplit(dat, "\n", -1);

	ck_assert_msg(strstr(out, "  cost        dpi"), "%s", out);
	ck_assert(strstr(out, "\npoint  " LEAD "  total cost  availability"));
	ck_assert(strstr(out, "\n0      6mo "));
	ck_assert(strstr(out, " M  "));
	for (guint p = 0; p < 2; p++) {
		JsonObject *cost = point_cost(root, p);
		ck_assert_str_eq(json_object_get_string_member(cost,
							       "currency"),
				 "EUR");
		ck_assert(json_object_get_double_member(cost, "fixed") > 0);
		ck_assert(total_mean(root, p) > 1e6);
	}
	ck_assert(total_mean(root, 1) != total_mean(root, 0));
	ck_assert(json_object_get_double_member(point_cost(root, 1),
						"fixed") !=
		  json_object_get_double_member(point_cost(root, 0), "fixed"));
	ck_assert(g_str_has_prefix(lines[0], "# point " LEAD "_index "
					     "cost_total_mean cost_total_p5 "
					     "cost_total_p95 dpi_availability "));
	guint p = 0;
	for (char **l = lines + 1; *l; l++) {
		if (!**l || **l == '#')
			continue;
		g_auto(GStrv) f = g_strsplit(*l, " ", 6);
		ck_assert_uint_eq(g_ascii_strtoull(f[0], NULL, 10), p);
		assert_close(g_ascii_strtod(f[2], NULL) / total_mean(root, p),
			     1, 1e-8);
		ck_assert(g_ascii_strtod(f[3], NULL) <
			  g_ascii_strtod(f[4], NULL));
		p++;
	}
	ck_assert_uint_eq(p, 2);
	test_rm_tree(dir);
}
END_TEST

/* Without costs: no cost column in the table nor in sweep.dat, and
 * "cost": null at every point of the JSON. */
START_TEST(test_sweep_no_cost)
{
	g_autofree char *dir = test_tmp_dir();
	const char *args[] = { "sweep", D1, "-r", "5", "--set",
			       EVERY "=12h,24h", "--out", dir, NULL };
	g_autofree char *out = drsim_ok(args);
	g_autofree char *json = test_read_file(dir, "sweep.json");
	g_autofree char *dat = test_read_file(dir, "sweep.dat");
	g_autoptr(JsonNode) root = parse(json);

	ck_assert(!strstr(out, "cost"));
	ck_assert(!strstr(dat, "cost"));
	for (guint p = 0; p < 2; p++)
		ck_assert(!point_cost(root, p));
	test_rm_tree(dir);
}
END_TEST

/* Bad usage or a bad value at any point: exit 2 before any run, the
 * reason, nothing on stdout, nothing in DIR. */
static const struct {
	const char *args[6];
	const char *err_has[2];
} bad[] = {
	{ { "--set", EVERY "=12h,24h,5x", NULL },
	  { "--set " EVERY ": ", "at point 2 (" EVERY "=5x)" } },
	{ { "--set", EVERY "=5x,24h", "--set", REPAIR "=4h,8h", NULL },
	  { "bad duration \"5x\"", "at point 0" } },
	{ { NULL }, { "expected --set KEY=V1,V2,... to sweep", NULL } },
	{ { "--set", EVERY "=12h,,24h", NULL }, { "empty value", NULL } },
	/* a libconfig array is never split: not a sweep */
	{ { "--set", "services.app.requires=[\"server\",\"server\"]", NULL },
	  { "expected --set KEY=V1,V2,... to sweep", NULL } },
	{ { D1, "--set", EVERY "=12h,24h", NULL },
	  { "expected one scenario file", NULL } },
	{ { "--set", EVERY "=1h,2h", "--plot", NULL },
	  { "--plot needs --out", NULL } },
};

START_TEST(test_sweep_bad)
{
	g_autofree char *dir = test_tmp_dir();
	const char *args[12] = { "sweep", D1, "-r", "5" };
	g_autofree char *out = NULL, *err = NULL;
	guint n = 4;

	for (guint i = 0; bad[_i].args[i]; i++)
		args[n++] = bad[_i].args[i];
	if (!strstr(bad[_i].err_has[0], "--plot")) {
		args[n++] = "--out";
		args[n++] = dir;
	}
	ck_assert_int_eq(test_drsim(args, &out, &err), 2);
	for (guint i = 0; i < 2 && bad[_i].err_has[i]; i++)
		ck_assert_msg(strstr(err, bad[_i].err_has[i]), "stderr: %s",
			      err);
	ck_assert_str_eq(out, "");
	g_autofree char *names = test_list_dir(dir);
	ck_assert_str_eq(names, "");
	test_rm_tree(dir);
}
END_TEST

Suite *sweep_suite(void)
{
	Suite *s = suite_create("sweep");
	TCase *tc = tcase_create("sweep");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_sweep_rpo_grows);
	tcase_add_test(tc, test_sweep_order);
	tcase_add_test(tc, test_sweep_table);
	tcase_add_test(tc, test_sweep_csv);
	tcase_add_test(tc, test_sweep_out);
	tcase_add_test(tc, test_sweep_out_numeric);
	tcase_add_test(tc, test_sweep_plot);
	tcase_add_test(tc, test_sweep_cost);
	tcase_add_test(tc, test_sweep_no_cost);
	tcase_add_loop_test(tc, test_sweep_bad, 0, (int)G_N_ELEMENTS(bad));
	suite_add_tcase(s, tc);
	return s;
}
