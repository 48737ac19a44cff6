/* test_compare.c — `drsim compare` as a user runs it: the table with its
 * difference column, the JSON built from the runs' own service objects,
 * CSV, the files of --out, determinism across thread counts, and bad
 * usage that writes nothing. */
#include <math.h>
#include <string.h>
#include <sys/wait.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "sim/stats.h"
#include "testfs.h"
#include "testutil.h"

#define D1 "scenarios/validation/d1-backup-restore.cfg"
#define D2 "scenarios/validation/d2-failing-backups.cfg"
#define D3 "scenarios/validation/d3-cold-standby.cfg"

/* stdout of a command that must succeed; yours to g_free(). */
static char *drsim_ok(const char *const *args)
{
	g_autofree char *err = NULL;
	char *out = NULL;

	ck_assert_msg(test_drsim(args, &out, &err) == 0, "%s %s: %s", args[0],
		      args[1], err);
	return out;
}

static JsonNode *parse(const char *text)
{
	GError *error = NULL;
	JsonNode *root = json_from_string(text, &error);

	ck_assert_msg(root, "bad JSON: %s", error ? error->message : "?");
	return root;
}

/* text of root without its "run" object, for comparisons. */
static char *without_run(JsonNode *root)
{
	json_object_remove_member(json_node_get_object(root), "run");
	return json_to_string(root, TRUE);
}

/* The fields of a table line split at runs of two blanks or more. */
static char **cells(const char *line)
{
	g_autoptr(GRegex) re = g_regex_new("  +", 0, 0, NULL);
	g_autofree char *trimmed = g_strstrip(g_strdup(line));

	return g_regex_split(re, trimmed, 0);
}

/* The line of text starting with prefix (after its indent); NULL. */
static char *find_line(const char *text, const char *prefix)
{
	g_auto(GStrv) lines = g_strsplit(text, "\n", -1);

	for (char **l = lines; *l; l++)
		if (g_str_has_prefix(g_strchug(*l), prefix))
			return g_strdup(*l);
	return NULL;
}

/* -- the table ------------------------------------------------------------ */

/* One column per scenario, then "B − A" and "better"; every figure row
 * has a value per scenario and a difference, and a verdict when the
 * difference has a paired interval (not the percentiles). */
START_TEST(test_compare_table)
{
	const char *args[] = { "compare", D1, D2, "-r", "20", NULL };
	static const char *const rows[] = { "availability", "downtime h/year",
		"incidents /year", "RTO met", "RPO met", "both met",
		"breach in a year", "data lost h/year", NULL };
	static const char *const percentiles[] = { "RTO p50", "RTO p95",
		"RTO p99", "RPO p50", "RPO p95", "RPO p99", NULL };
	g_autofree char *out = drsim_ok(args);

	ck_assert(strstr(out, "\nService app\n"));
	g_autofree char *head = find_line(out, "d1-backup-restore  ");
	ck_assert_ptr_nonnull(head);
	g_auto(GStrv) h = cells(head);
	ck_assert_uint_eq(g_strv_length(h), 4);
	ck_assert_str_eq(h[1], "d2-failing-backups");
	ck_assert_str_eq(h[2], "B − A");
	ck_assert_str_eq(h[3], "better");
	for (guint i = 0; rows[i]; i++) {
		g_autofree char *line = find_line(out, rows[i]);
		ck_assert_msg(line, "no row '%s'", rows[i]);
		g_auto(GStrv) c = cells(line);
		ck_assert_msg(g_strv_length(c) == 5, "row: %s", line);
		ck_assert_msg(strchr("AB=", c[4][0]) && !c[4][1], "%s", line);
	}
	for (guint i = 0; percentiles[i]; i++) {
		g_autofree char *line = find_line(out, percentiles[i]);
		ck_assert_msg(line, "no row '%s'", percentiles[i]);
		g_auto(GStrv) c = cells(line);
		ck_assert_msg(g_strv_length(c) == 4, "row: %s", line);
	}
	/* D1 (backups every 24 h, failures every 1000 h) against D2 (every
	 * 10000 h): D2 is down less, both CIs far apart */
	g_autofree char *avail = find_line(out, "availability");
	g_auto(GStrv) a = cells(avail);
	ck_assert_str_eq(a[4], "B");
	ck_assert(strstr(out, "20 replications each (--replications)"));
	ck_assert(strstr(out, "seed 11 (from d1-backup-restore)"));
}
END_TEST

/* The table's figures are the JSON's: availability to 6 decimals. */
START_TEST(test_compare_table_matches_json)
{
	const char *table[] = { "compare", D1, D2, "-r", "20", NULL };
	const char *json[] = { "compare", D1, D2, "-r", "20", "-f", "json",
			       NULL };
	g_autofree char *t = drsim_ok(table);
	g_autofree char *j = drsim_ok(json);
	g_autoptr(JsonNode) root = parse(j);
	JsonArray *by = json_object_get_array_member(
		json_array_get_object_element(
			json_object_get_array_member(
				json_node_get_object(root), "services"), 0),
		"by_scenario");
	g_autofree char *line = find_line(t, "availability");
	g_auto(GStrv) c = cells(line);

	for (guint i = 0; i < 2; i++) {
		JsonObject *a = json_object_get_object_member(
			json_array_get_object_element(by, i), "availability");
		g_autofree char *want = g_strdup_printf(
			"%.6f", json_object_get_double_member(a, "mean"));
		ck_assert_str_eq(c[i + 1], want);
	}
}
END_TEST

/* -- JSON ----------------------------------------------------------------- */

/* The documented keys, and each scenario's service object exactly the
 * one `drsim run` gives for the same file, replications and seed. */
START_TEST(test_compare_json)
{
	const char *args[] = { "compare", D1, D2, "-r", "20", "-j", "2", "-f",
			       "json", NULL };
	g_autofree char *out = drsim_ok(args);
	g_autoptr(JsonNode) root = parse(out);
	JsonObject *o = json_node_get_object(root);
	static const char *const files[] = { D1, D2 };

	ck_assert_str_eq(json_object_get_string_member(
		json_object_get_object_member(o, "drsim"), "version"), "0.1.0");
	ck_assert_int_eq(json_object_get_int_member(o, "seed"), 11);
	ck_assert_int_eq(json_object_get_int_member(o, "replications"), 20);
	JsonArray *sc = json_object_get_array_member(o, "scenarios");
	ck_assert_uint_eq(json_array_get_length(sc), 2);
	JsonArray *svcs = json_object_get_array_member(o, "services");
	ck_assert_uint_eq(json_array_get_length(svcs), 1);
	JsonObject *s = json_array_get_object_element(svcs, 0);
	ck_assert_str_eq(json_object_get_string_member(s, "id"), "app");
	JsonArray *by = json_object_get_array_member(s, "by_scenario");
	ck_assert_uint_eq(json_array_get_length(by), 2);
	for (guint i = 0; i < 2; i++) {
		JsonObject *e = json_array_get_object_element(sc, i);
		ck_assert_str_eq(json_object_get_string_member(e, "file"),
				 files[i]);
		ck_assert(json_object_has_member(e, "name"));
		const char *run[] = { "run", files[i], "-r", "20", "-s", "11",
				      "-f", "json", NULL };
		g_autofree char *rout = drsim_ok(run);
		g_autoptr(JsonNode) rroot = parse(rout);
		JsonNode *want = json_array_get_element(
			json_object_get_array_member(
				json_node_get_object(rroot), "services"), 0);
		ck_assert(json_node_equal(json_array_get_element(by, i), want));
	}
	ck_assert_uint_eq(json_array_get_length(json_object_get_array_member(
				  o, "services_not_in_all")), 0);
	ck_assert(json_object_has_member(o, "run"));
}
END_TEST

/* -r and -s apply to every scenario. */
START_TEST(test_compare_seed_option)
{
	const char *args[] = { "compare", D1, D2, "-r", "10", "-s", "5", "-f",
			       "json", NULL };
	g_autofree char *out = drsim_ok(args);
	g_autoptr(JsonNode) root = parse(out);
	JsonObject *o = json_node_get_object(root);
	const char *run[] = { "run", D2, "-r", "10", "-s", "5", "-f", "json",
			      NULL };
	g_autofree char *rout = drsim_ok(run);
	g_autoptr(JsonNode) rroot = parse(rout);

	ck_assert_int_eq(json_object_get_int_member(o, "seed"), 5);
	ck_assert_int_eq(json_object_get_int_member(o, "replications"), 10);
	JsonArray *by = json_object_get_array_member(
		json_array_get_object_element(
			json_object_get_array_member(o, "services"), 0),
		"by_scenario");
	ck_assert(json_node_equal(
		json_array_get_element(by, 1),
		json_array_get_element(json_object_get_array_member(
			json_node_get_object(rroot), "services"), 0)));
}
END_TEST

/* Same seed: the same JSON, apart from "run", for 1 and 2 threads. */
START_TEST(test_compare_threads_identical)
{
	const char *one[] = { "compare", D1, D2, "-r", "20", "-j", "1", "-f",
			      "json", NULL };
	const char *two[] = { "compare", D1, D2, "-r", "20", "-j", "2", "-f",
			      "json", NULL };
	g_autofree char *o1 = drsim_ok(one), *o2 = drsim_ok(two);
	g_autoptr(JsonNode) j1 = parse(o1);
	g_autoptr(JsonNode) j2 = parse(o2);
	g_autofree char *a = without_run(j1), *b = without_run(j2);

	ck_assert_str_eq(a, b);
}
END_TEST

/* Services not in every scenario are only listed. */
START_TEST(test_compare_partial)
{
	const char *table[] = { "compare", D1, D3, "-r", "10", NULL };
	const char *json[] = { "compare", D1, D3, "-r", "10", "-f", "json",
			       NULL };
	g_autofree char *t = drsim_ok(table);
	g_autofree char *j = drsim_ok(json);
	g_autoptr(JsonNode) root = parse(j);
	JsonObject *o = json_node_get_object(root);
	JsonArray *partial =
		json_object_get_array_member(o, "services_not_in_all");

	ck_assert(!strstr(t, "\nService "));
	ck_assert(strstr(t, "app (in A), service (in B)"));
	ck_assert_uint_eq(json_array_get_length(json_object_get_array_member(
				  o, "services")), 0);
	ck_assert_uint_eq(json_array_get_length(partial), 2);
	ck_assert_str_eq(json_array_get_string_element(partial, 0), "app");
}
END_TEST

/* Fields of a CSV line (commas outside quotes, plus one). */
static guint count_fields(const char *line)
{
	guint n = 1;
	gboolean quoted = FALSE;

	for (const char *p = line; *p; p++) {
		if (*p == '"')
			quoted = !quoted;
		else if (*p == ',' && !quoted)
			n++;
	}
	return n;
}

/* One row per (service, scenario), the run's columns after two. */
START_TEST(test_compare_csv)
{
	const char *args[] = { "compare", D1, D2, "-r", "20", "-f", "csv",
			       NULL };
	g_autofree char *out = drsim_ok(args);
	g_auto(GStrv) lines = g_strsplit(out, "\n", -1);

	ck_assert(g_str_has_prefix(out, "scenario,file,service,name,"
					"availability_mean,"));
	ck_assert_uint_eq(g_strv_length(lines), 4);	/* + final "" */
	ck_assert(g_str_has_prefix(lines[1], "\"d1-backup-restore\",\"" D1
					     "\",\"app\","));
	ck_assert(g_str_has_prefix(lines[2], "\"d2-failing-backups\","));
	for (guint i = 1; i < 3; i++)
		ck_assert_uint_eq(count_fields(lines[i]),
				  count_fields(lines[0]));
}
END_TEST

/* -- --out DIR ------------------------------------------------------------ */

/* The data lines of a .dat file have as many fields as its first line
 * names; returns the number of data sets (runs of data lines). */
static guint check_dat(const char *dir, const char *name, guint *rows)
{
	g_autofree char *text = test_read_file(dir, name);
	g_auto(GStrv) lines = g_strsplit(text, "\n", -1);
	g_auto(GStrv) head = g_strsplit(lines[0] + 2, " ", -1);
	guint sets = 0, blanks = 2;

	ck_assert(g_str_has_prefix(lines[0], "# "));
	*rows = 0;
	for (char **l = lines + 1; *l; l++) {
		if (!**l) {
			blanks++;
			continue;
		}
		if (**l == '#')
			continue;
		g_auto(GStrv) f = g_strsplit(*l, " ", -1);
		ck_assert_msg(g_strv_length(f) == g_strv_length(head),
			      "%s: '%s' for '%s'", name, *l, lines[0]);
		sets += blanks >= 2;
		blanks = 0;
		(*rows)++;
	}
	return sets;
}

START_TEST(test_compare_out)
{
	g_autofree char *tmp = test_tmp_dir();
	g_autofree char *dir = g_build_filename(tmp, "new", "out", NULL);
	const char *args[] = { "compare", D1, D2, "-r", "20", "-f", "json",
			       "--out", dir, NULL };
	g_autofree char *out = drsim_ok(args);
	guint rows;

	g_autofree char *names = test_list_dir(dir);
	ck_assert_str_eq(names, "compare.json compare_availability.dat "
				"compare_availability.gp compare_rpo_cdf.dat "
				"compare_rpo_cdf.gp compare_rto_cdf.dat "
				"compare_rto_cdf.gp d1-backup-restore "
				"d2-failing-backups");
	g_autofree char *json = test_read_file(dir, "compare.json");
	ck_assert_str_eq(json, out);
	for (int i = 0; i < 2; i++) {
		g_autofree char *sub = g_build_filename(
			dir, i ? "d2-failing-backups" : "d1-backup-restore",
			NULL);
		g_autofree char *files = test_list_dir(sub);
		ck_assert_str_eq(files, "incidents.csv summary.json");
		g_autofree char *summary = test_read_file(sub, "summary.json");
		g_autoptr(JsonNode) root = parse(summary);
		ck_assert_int_eq(json_object_get_int_member(
			json_node_get_object(root), "replications"), 20);
	}
	/* one data set per (service, scenario) of q = 0.001 ... 0.999 */
	ck_assert_uint_eq(check_dat(dir, "compare_rto_cdf.dat", &rows), 2);
	ck_assert_uint_eq(rows, 2 * 999);
	ck_assert_uint_eq(check_dat(dir, "compare_rpo_cdf.dat", &rows), 2);
	ck_assert_uint_eq(rows, 2 * 999);
	check_dat(dir, "compare_availability.dat", &rows);
	ck_assert_uint_eq(rows, 2);
	g_autofree char *head = test_read_file(dir, "compare_rto_cdf.dat");
	ck_assert(g_str_has_prefix(head, "# rto_h cdf\n"));
	test_rm_tree(tmp);
}
END_TEST

/* --plot renders every chart with gnuplot (PNG and SVG, non-empty), and
 * names them on stderr. */
START_TEST(test_compare_plot)
{
	g_autofree char *tmp = test_tmp_dir();
	const char *args[] = { "compare", D1, D2, "-r", "20", "--out", tmp,
			       "--plot", NULL };
	g_autofree char *out = NULL, *err = NULL;
	static const char *const charts[] = {
		"compare_rto_cdf_app", "compare_rpo_cdf_app",
		"compare_availability" };

	g_autofree char *gnuplot = g_find_program_in_path("gnuplot");

	ck_assert_msg(gnuplot,
		      "gnuplot is needed (make deps installs gnuplot-nox)");
	ck_assert_int_eq(test_drsim(args, &out, &err), 0);
	for (guint i = 0; i < G_N_ELEMENTS(charts); i++) {
		for (int k = 0; k < 2; k++) {
			g_autofree char *name = g_strdup_printf(
				"%s.%s", charts[i], k ? "svg" : "png");
			g_autofree char *path = g_build_filename(tmp, name, NULL);
			GStatBuf st;
			ck_assert_msg(g_stat(path, &st) == 0 && st.st_size > 1000,
				      "%s", path);
		}
		ck_assert_msg(strstr(err, charts[i]), "stderr: %s", err);
	}
	test_rm_tree(tmp);
}
END_TEST

/* Scenarios with no service in common: no per-service chart to draw (an
 * empty one would make gnuplot fail), the cost chart still drawn. */
START_TEST(test_compare_plot_no_common_service)
{
	g_autofree char *tmp = test_tmp_dir();
	const char *args[] = { "compare", "scenarios/clinic-group-hybrid.cfg",
			       "scenarios/ehealth-startup.cfg", "-r", "10",
			       "--out", tmp, "--plot", NULL };
	g_autofree char *out = NULL, *err = NULL;
	g_autofree char *avail = g_build_filename(tmp, "compare_availability.gp",
						  NULL);
	g_autofree char *cost = g_build_filename(tmp, "compare_cost_year.png",
						 NULL);

	ck_assert_msg(test_drsim(args, &out, &err) == 0, "%s", err);
	ck_assert(strstr(out, "Not in every scenario, not compared"));
	ck_assert(!g_file_test(avail, G_FILE_TEST_EXISTS));
	ck_assert(g_file_test(cost, G_FILE_TEST_EXISTS));
	ck_assert(!strstr(err, "compare_availability"));
	test_rm_tree(tmp);
}
END_TEST

/* Bad usage or a bad scenario: exit 2, the reason, nothing on stdout and
 * nothing in DIR (existing or not). */
static const struct {
	const char *args[8];
	const char *err_has;
} bad[] = {
	{ { D1, NULL }, "expected two scenario files or more" },
	{ { D1, "no/such/file.cfg", NULL }, "no/such/file.cfg" },
	{ { D1, D2, "--set", "components.nope.count=2", NULL },
	  "--set components.nope.count" },
	{ { D1, D2, "--threads", "0", NULL }, "--threads must be >= 1" },
	{ { D1, D2, "--threads", "100000", NULL },
	  "drsim compare: --threads must be <= 4096 (got 100000)\n" },
	{ { D1, D2, "-r", "10000000000000", NULL },
	  "drsim compare: --replications must be <= 1000000000 (got "
	  "10000000000000)\n" },
	{ { D1, D2, "--format", "xml", NULL }, "--format must be" },
	{ { D1, D1, NULL }, "would write into" },
};

START_TEST(test_compare_bad)
{
	g_autofree char *dir = test_tmp_dir();
	g_autofree char *missing = g_build_filename(dir, "missing", NULL);

	for (int k = 0; k < 2; k++) {
		const char *args[12] = { "compare", "--out",
					 k ? missing : dir };
		g_autofree char *out = NULL, *err = NULL;
		for (guint i = 0; bad[_i].args[i]; i++)
			args[3 + i] = bad[_i].args[i];
		ck_assert_int_eq(test_drsim(args, &out, &err), 2);
		ck_assert_msg(strstr(err, bad[_i].err_has), "stderr: %s", err);
		ck_assert_str_eq(out, "");
		g_autofree char *names = test_list_dir(dir);
		ck_assert_str_eq(names, "");
	}
	test_rm_tree(dir);
}
END_TEST

/* -- paired differences -------------------------------------------------- */

#define PAIRED_A "tests/data/paired/a.cfg"
#define PAIRED_B "tests/data/paired/b.cfg"

/* Availability over [0, T] of a unit failing at rate l and repaired at
 * rate u, up at 0 (Markov): A + l / (l + u)^2 (1 − e^{−(l + u) T}) / T. */
static double markov_availability(double l, double u, double T)
{
	return u / (l + u) + l / ((l + u) * (l + u)) *
				     (1 - exp(-(l + u) * T)) / T;
}

/* The paired difference of figure name of the first service, of the
 * compare JSON root: its value, its interval, the better one. */
static void paired_figure(JsonNode *root, const char *name, double *diff,
			  double *lo, double *hi, const char **better)
{
	JsonObject *svc = json_array_get_object_element(
		json_object_get_array_member(json_node_get_object(root),
					     "services"), 0);
	JsonObject *d = json_array_get_object_element(
		json_object_get_array_member(svc, "differences"), 0);
	JsonObject *f = json_object_get_object_member(d, name);
	JsonArray *ci = json_object_get_array_member(f, "ci95");

	ck_assert_str_eq(json_object_get_string_member(d, "scenario"), "b");
	ck_assert_str_eq(json_object_get_string_member(d, "minus"), "a");
	*diff = json_object_get_double_member(f, "diff");
	*lo = json_array_get_double_element(ci, 0);
	*hi = json_array_get_double_element(ci, 1);
	*better = json_object_get_string_member(f, "better");
}

/* The standard error of a mean from its 95 % interval over n. */
static double se_of(double lo, double hi, double n)
{
	return (hi - lo) / 2 / sim_t_quantile(0.975, n - 1);
}

/* A unit failing every Exp(1000 h), repaired in Exp(10 h) (A) or Exp(20
 * h) (B): the exact availability difference and the exact difference of
 * P(repair <= 12 h), each within 4 standard errors of the paired
 * estimate; the paired interval is narrower than the two side by side
 * (common random numbers); A is better, and says so. */
START_TEST(test_compare_paired_exact)
{
	const char *args[] = { "compare", PAIRED_A, PAIRED_B, "-f", "json",
			       NULL };
	g_autofree char *out = drsim_ok(args);
	g_autoptr(JsonNode) root = parse(out);
	double T = 20000, n = 2000, d, lo, hi;
	const char *better;

	double exact = markov_availability(1e-3, 1 / 20.0, T) -
		       markov_availability(1e-3, 1 / 10.0, T);
	paired_figure(root, "availability", &d, &lo, &hi, &better);
	double se = se_of(lo, hi, n);
	assert_within_se(d, exact, se, 4, 1e-4);
	ck_assert_str_eq(better, "a");
	fprintf(stderr, "%-22s exact %.7f estimate %.7f se %.2g\n",
		"paired availability", exact, d, se);

	/* unpaired: the two intervals of the scenarios side by side */
	JsonObject *svc = json_array_get_object_element(
		json_object_get_array_member(json_node_get_object(root),
					     "services"), 0);
	JsonArray *by = json_object_get_array_member(svc, "by_scenario");
	double se2 = 0;
	for (guint i = 0; i < 2; i++) {
		JsonArray *ci = json_object_get_array_member(
			json_object_get_object_member(
				json_array_get_object_element(by, i),
				"availability"), "ci95");
		double s1 = se_of(json_array_get_double_element(ci, 0),
				  json_array_get_double_element(ci, 1), n);
		se2 += s1 * s1;
	}
	ck_assert_msg(se < 0.7 * sqrt(se2), "paired se %g, unpaired %g", se,
		      sqrt(se2));

	/* RTO 12 h: P(Exp(mean m) <= 12) = 1 − e^{−12/m} */
	exact = (1 - exp(-12 / 20.0)) - (1 - exp(-12 / 10.0));
	paired_figure(root, "rto_met", &d, &lo, &hi, &better);
	se = se_of(lo, hi, n);
	assert_within_se(d, exact, se, 4, 0.005);
	ck_assert_str_eq(better, "a");
	fprintf(stderr, "%-22s exact %.7f estimate %.7f se %.2g\n",
		"paired RTO met", exact, d, se);
}
END_TEST

/* A scenario against itself: every paired difference exactly 0, its
 * interval [0, 0], no better one ("="); the table says "=" too. */
START_TEST(test_compare_paired_same)
{
	g_autofree char *tmp = test_tmp_dir();
	g_autofree char *text = NULL;
	g_autofree char *src = g_build_filename(DRSIM_SRCDIR, PAIRED_A, NULL);

	ck_assert(g_file_get_contents(src, &text, NULL, NULL));
	g_autofree char *copy = test_write_file(tmp, "again.cfg", text);
	const char *args[] = { "compare", PAIRED_A, copy, "-f", "json", "-r",
			       "200", NULL };
	g_autofree char *out = drsim_ok(args);
	g_autoptr(JsonNode) root = parse(out);
	JsonObject *svc = json_array_get_object_element(
		json_object_get_array_member(json_node_get_object(root),
					     "services"), 0);
	JsonObject *d = json_array_get_object_element(
		json_object_get_array_member(svc, "differences"), 0);

	GList *names = json_object_get_members(d);
	guint figures = 0;
	for (GList *m = names; m; m = m->next) {
		const char *name = m->data;
		if (JSON_NODE_TYPE(json_object_get_member(d, name)) !=
		    JSON_NODE_OBJECT)
			continue;
		figures++;
		JsonObject *f = json_object_get_object_member(d, name);
		JsonArray *ci = json_object_get_array_member(f, "ci95");
		ck_assert_msg(json_object_get_double_member(f, "diff") == 0,
			      "%s", name);
		ck_assert(json_array_get_double_element(ci, 0) == 0);
		ck_assert(json_array_get_double_element(ci, 1) == 0);
		ck_assert_str_eq(json_object_get_string_member(f, "better"),
				 "=");
	}
	g_list_free(names);
	ck_assert_uint_eq(figures, 8);
	const char *table[] = { "compare", PAIRED_A, copy, "-r", "200", NULL };
	g_autofree char *t = drsim_ok(table);
	g_autofree char *avail = find_line(t, "availability");
	g_auto(GStrv) a = cells(avail);
	ck_assert_str_eq(a[4], "=");
	test_rm_tree(tmp);
}
END_TEST

Suite *compare_suite(void)
{
	Suite *s = suite_create("compare");
	TCase *tc = tcase_create("compare");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_compare_table);
	tcase_add_test(tc, test_compare_table_matches_json);
	tcase_add_test(tc, test_compare_json);
	tcase_add_test(tc, test_compare_seed_option);
	tcase_add_test(tc, test_compare_threads_identical);
	tcase_add_test(tc, test_compare_partial);
	tcase_add_test(tc, test_compare_csv);
	tcase_add_test(tc, test_compare_out);
	tcase_add_test(tc, test_compare_plot);
	tcase_add_test(tc, test_compare_plot_no_common_service);
	tcase_add_loop_test(tc, test_compare_bad, 0, (int)G_N_ELEMENTS(bad));
	tcase_add_test(tc, test_compare_paired_exact);
	tcase_add_test(tc, test_compare_paired_same);
	suite_add_tcase(s, tc);
	return s;
}
