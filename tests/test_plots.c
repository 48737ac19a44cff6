/* test_plots.c — the charts of `drsim run --out DIR`: every script renders
 * with gnuplot, every .dat has the columns its header names, the timeline
 * of a deterministic scenario holds exactly its spans, and the options'
 * misuse is bad usage. */
#include <string.h>
#include <sys/wait.h>
#include <glib.h>

#include "models/report/outdir.h"
#include "models/report/plots.h"
#include "testfs.h"
#include "testutil.h"

/* The tests render: CI must have gnuplot, never skip silently. */
static void require_gnuplot(void)
{
	g_autofree char *gnuplot = g_find_program_in_path("gnuplot");

	ck_assert_msg(gnuplot, "gnuplot is not installed: `make deps` "
			       "installs gnuplot-nox, which these tests need");
}

#define D1 "scenarios/validation/d1-backup-restore.cfg"
#define EXAMPLE "scenarios/example.cfg"

static const char *const base_charts[] = { "rto_cdf", "rpo_cdf",
	"availability_year", "downtime_year", "causes", "rto_by_cause",
	"dataset_size", NULL };
/* charts that read another's .dat */
static const char *const no_dat[] = { "downtime_year", "rto_by_cause",
	NULL };

static const struct {
	const char *args[8];
	gboolean timeline;
} renders[] = {
	{ { "run", D1, "-r", "20", NULL }, FALSE },
	{ { "run", EXAMPLE, "-r", "20", "--trace-replication", "0", NULL },
	  TRUE },
};

static void add_chart(GPtrArray *names, const char *chart)
{
	static const char *const ext[] = { ".dat", ".gp", ".png", ".svg" };

	for (guint k = g_strv_contains(no_dat, chart) ? 1 : 0;
	     k < G_N_ELEMENTS(ext); k++)
		g_ptr_array_add(names, g_strconcat(chart, ext[k], NULL));
}

/* The files a run leaves in DIR with --plot: sorted, joined by blanks. */
static char *expected_files(gboolean timeline)
{
	GPtrArray *names = g_ptr_array_new_with_free_func(g_free);

	g_ptr_array_add(names, g_strdup("incidents.csv"));
	g_ptr_array_add(names, g_strdup("summary.json"));
	for (guint i = 0; base_charts[i]; i++)
		add_chart(names, base_charts[i]);
	if (timeline)
		add_chart(names, "timeline");
	g_ptr_array_sort(names, test_cmp_names);
	g_ptr_array_add(names, NULL);
	char *list = g_strjoinv(" ", (char **)names->pdata);
	g_ptr_array_free(names, TRUE);
	return list;
}

/* Fields of a line, separated by blanks. */
static guint count_fields(const char *line)
{
	g_auto(GStrv) f = g_strsplit_set(line, " \t", -1);
	guint n = 0;

	for (char **p = f; *p; p++)
		n += **p != '\0';
	return n;
}

/* Every data line of dir/name has as many fields as the header names,
 * and there is at least one. */
static void check_dat(const char *dir, const char *name)
{
	g_autofree char *text = test_read_file(dir, name);
	g_auto(GStrv) lines = g_strsplit(text, "\n", -1);
	guint want, rows = 0;

	ck_assert_msg(g_str_has_prefix(lines[0], "# "), "%s: header '%s'",
		      name, lines[0]);
	want = count_fields(lines[0] + 2);
	ck_assert_uint_ge(want, 2);
	for (guint i = 1; lines[i]; i++) {
		if (lines[i][0] == '#' || count_fields(lines[i]) == 0)
			continue;
		ck_assert_msg(count_fields(lines[i]) == want,
			      "%s:%u: %u fields, the header names %u: '%s'",
			      name, i + 1, count_fields(lines[i]), want,
			      lines[i]);
		rows++;
	}
	ck_assert_msg(rows > 0, "%s: no data", name);
}

/* dir/name exists, is not empty and starts with magic. */
static void check_image(const char *dir, const char *name, const char *magic)
{
	g_autofree char *path = g_build_filename(dir, name, NULL);
	g_autofree char *data = NULL;
	gsize len = 0;

	ck_assert_msg(g_file_get_contents(path, &data, &len, NULL),
		      "no chart '%s'", path);
	ck_assert_msg(len > 1000, "'%s': %zu bytes only", path, len);
	ck_assert_msg(strstr(data, magic), "'%s' is not what it says", path);
}

/* --out DIR --plot: exit 0, the report on stdout, on stderr exactly the
 * path of each chart (no gnuplot warning), each PNG and SVG there, and
 * the .dat files well formed. */
START_TEST(test_plots_render)
{
	g_autofree char *dir = test_tmp_dir();
	const char *args[16];
	guint n = 0;
	g_autofree char *out = NULL, *err = NULL;

	require_gnuplot();
	for (const char *const *a = renders[_i].args; *a; a++)
		args[n++] = *a;
	args[n++] = "--out";
	args[n++] = dir;
	args[n++] = "--plot";
	args[n] = NULL;
	ck_assert_msg(test_drsim(args, &out, &err) == 0, "stderr: %s", err);
	ck_assert(strstr(out, "availability"));

	g_autofree char *names = test_list_dir(dir);
	g_autofree char *want = expected_files(renders[_i].timeline);
	ck_assert_str_eq(names, want);
	g_auto(GStrv) lines = g_strsplit(err, "\n", -1);
	guint charts = 0;
	for (char **l = lines; *l && **l; l++, charts++) {
		const char *base = strrchr(*l, '/');
		ck_assert_msg(g_str_has_prefix(*l, dir) && base, "stderr: %s",
			      *l);
		check_image(dir, base + 1,
			    g_str_has_suffix(*l, ".png") ? "PNG" : "<svg");
	}
	ck_assert_uint_eq(charts, renders[_i].timeline ? 16 : 14);
	g_auto(GStrv) files = g_strsplit(names, " ", -1);
	for (char **f = files; *f; f++)
		if (g_str_has_suffix(*f, ".dat"))
			check_dat(dir, *f);
	test_rm_tree(dir);
}
END_TEST

/* -- the timeline of deterministic scenarios ------------------------------- */

/* A failure at 10 h repaired at 15 h, detected after 1 h, an automatic
 * failover of 2 h, then a failback of 1 h once the server is back; the
 * next failure at 25 h is still under way at the horizon, 27.5 h. */
static const char failover_cfg[] =
	"scenario = { name = \"failover\"; horizon = \"27.5h\"; "
	"replications = 2; seed = 1; };\n"
	"sites = ( { id = \"main\"; kind = \"internal\"; country = \"FR\"; },\n"
	"  { id = \"standby\"; kind = \"hosted\"; country = \"FR\"; } );\n"
	"components = ( { id = \"server\"; site = \"main\";\n"
	"  failures = ( { name = \"crash\"; ttf = \"10h\"; "
	"repair = \"5h\"; } ); } );\n"
	"services = ( { id = \"app\"; requires = [\"server\"];\n"
	"  plan = { detect = \"1h\"; failback = \"1h\";\n"
	"    strategies = ( { kind = \"failover\"; site = \"standby\"; "
	"standby = \"hot\"; activation = \"2h\"; } ); }; } );\n";

static const char failover_spans[] =
	"0 component:server down 10 15 5 - -\n"
	"1 service:app down 10 13 3 - -\n"
	"1 service:app down 15 16 1 - -\n"
	"0 component:server down 25 27.5 2.5 open -\n"
	"1 service:app down 25 27.5 2.5 open -\n"
	"\n\n"
	"1 service:app detected 11 11 0 - -\n"
	"1 service:app detected 26 26 0 - -\n"
	"\n\n"
	"1 service:app failover 11 13 2 done standby\n"
	"1 service:app failover 26 27.5 1.5 open standby\n"
	"\n\n"
	"1 service:app failback 15 16 1 done -\n";

/* Corruption at 10 h (repaired in 1 h, the data lost), detected 30 min
 * later and declared (destructive) after a 30 min decision; the manual
 * restore of the 4-hourly backup of 8 h takes 1 h + 1 TB at 1 TB/h. */
static const char restore_cfg[] =
	"scenario = { name = \"restore\"; horizon = \"20h\"; "
	"replications = 1; seed = 1; };\n"
	"sites = ( { id = \"main\"; kind = \"internal\"; "
	"country = \"FR\"; } );\n"
	"components = ( { id = \"store\"; site = \"main\";\n"
	"  failures = ( { name = \"corrupt\"; effect = \"data_loss\"; "
	"ttf = \"10h\"; repair = \"1h\"; } ); } );\n"
	"datasets = ( { id = \"db\"; storage = \"store\"; size = \"1TB\";\n"
	"  copies = ( { id = \"bk\"; kind = \"backup\"; every = \"4h\"; "
	"site = \"main\";\n"
	"    restore = { throughput = \"1TB/h\"; overhead = \"1h\"; }; } );"
	" } );\n"
	"services = ( { id = \"app\"; requires = [\"store\"]; "
	"data = [\"db\"];\n"
	"  plan = { detect = \"30min\"; decision = \"30min\";\n"
	"    strategies = ( { kind = \"restore\"; mode = \"manual\"; } ); };"
	" } );\n";

static const char restore_spans[] =
	"0 component:store down 10 11 1 - -\n"
	"1 service:app down 10 13 3 - -\n"
	"\n\n"
	"1 service:app detected 10.5 10.5 0 - -\n"
	"\n\n"
	"1 service:app declaration 10.5 11 0.5 done -\n"
	"\n\n"
	"1 service:app restore 11 13 2 done db/bk\n";

static const struct {
	const char *cfg, *rep, *spans;
} timelines[] = {
	{ failover_cfg, "1", failover_spans },
	{ restore_cfg, "0", restore_spans },
};

/* timeline.dat without its comment lines. */
static char *data_lines(const char *text)
{
	g_auto(GStrv) lines = g_strsplit(text, "\n", -1);
	GString *s = g_string_new(NULL);

	for (char **l = lines; *l; l++) {
		if (**l == '#')
			continue;
		g_string_append(s, *l);
		if (l[1])
			g_string_append_c(s, '\n');
	}
	return g_string_free(s, FALSE);
}

START_TEST(test_plots_timeline)
{
	g_autofree char *dir = test_tmp_dir();
	g_autofree char *cfg =
		test_write_file(dir, "t.cfg", timelines[_i].cfg);
	g_autofree char *outdir = g_build_filename(dir, "out", NULL);
	const char *args[] = { "run", cfg, "--out", outdir,
			       "--trace-replication", timelines[_i].rep, NULL };
	g_autofree char *out = NULL, *err = NULL;

	ck_assert_msg(test_drsim(args, &out, &err) == 0, "stderr: %s", err);
	g_autofree char *text = test_read_file(outdir, "timeline.dat");
	ck_assert(g_str_has_prefix(text, "# row row_name kind start_h end_h "
					 "duration_h outcome detail\n"));
	g_autofree char *spans = data_lines(text);
	ck_assert_str_eq(spans, timelines[_i].spans);
	check_dat(outdir, "timeline.dat");
	test_rm_tree(dir);
}
END_TEST

/* "SERVICE T0 END" with 6 decimals, sorted, one per line: the closed
 * incidents of replication rep in incidents.csv (fields 0, 1, 3, 6). */
static char *csv_outages(const char *csv, const char *rep)
{
	g_auto(GStrv) lines = g_strsplit(csv, "\n", -1);
	GPtrArray *a = g_ptr_array_new_with_free_func(g_free);

	for (char **l = lines + 1; *l && **l; l++) {
		g_auto(GStrv) f = g_strsplit(*l, ",", -1);
		if (strcmp(f[0], rep) != 0)
			continue;
		g_ptr_array_add(a, g_strdup_printf("%s %.6f %.6f", f[1],
			g_ascii_strtod(f[3], NULL), g_ascii_strtod(f[6], NULL)));
	}
	g_ptr_array_sort(a, test_cmp_names);
	g_ptr_array_add(a, NULL);
	char *all = g_strjoinv("\n", (char **)a->pdata);
	g_ptr_array_free(a, TRUE);
	return all;
}

/* The same from the down spans of services in timeline.dat that ended
 * before the horizon. */
static char *timeline_outages(const char *dat)
{
	g_auto(GStrv) lines = g_strsplit(dat, "\n", -1);
	GPtrArray *a = g_ptr_array_new_with_free_func(g_free);

	for (char **l = lines; *l; l++) {
		g_auto(GStrv) f = g_strsplit(*l, " ", -1);
		if (**l == '#' || g_strv_length(f) != 8 ||
		    strcmp(f[2], "down") != 0 || strcmp(f[6], "-") != 0 ||
		    !g_str_has_prefix(f[1], "service:"))
			continue;
		g_ptr_array_add(a, g_strdup_printf("%s %.6f %.6f",
			f[1] + strlen("service:"), g_ascii_strtod(f[3], NULL),
			g_ascii_strtod(f[4], NULL)));
	}
	g_ptr_array_sort(a, test_cmp_names);
	g_ptr_array_add(a, NULL);
	char *all = g_strjoinv("\n", (char **)a->pdata);
	g_ptr_array_free(a, TRUE);
	return all;
}

/* The traced replication is the run's: its services' outages are the
 * rows of incidents.csv for that replication. */
START_TEST(test_plots_timeline_matches_run)
{
	g_autofree char *dir = test_tmp_dir();
	const char *args[] = { "run", EXAMPLE, "-r", "8", "--out", dir,
			       "--trace-replication", "3", NULL };
	g_autofree char *out = NULL, *err = NULL;

	ck_assert_msg(test_drsim(args, &out, &err) == 0, "stderr: %s", err);
	g_autofree char *csv = test_read_file(dir, "incidents.csv");
	g_autofree char *dat = test_read_file(dir, "timeline.dat");
	g_autofree char *want = csv_outages(csv, "3");
	g_autofree char *got = timeline_outages(dat);
	ck_assert_msg(*want, "replication 3 had no incident to compare");
	ck_assert_str_eq(got, want);
	test_rm_tree(dir);
}
END_TEST

/* -- misuse and missing gnuplot ------------------------------------------- */

/* Bad usage: exit 2, the reason on stderr, the directory untouched. */
static const struct {
	const char *args[10];
	const char *err_has;
} bad[] = {
	{ { "run", D1, "-r", "2", "--plot", NULL }, "--plot needs --out" },
	{ { "run", D1, "-r", "2", "--trace-replication", "0", NULL },
	  "--trace-replication needs --out" },
	{ { "run", D1, "-r", "2", "--trace-replication", "-3", "--out", "@",
	    NULL }, "--trace-replication must be >= 0" },
	{ { "run", D1, "-r", "2", "--trace-replication", "2", "--out", "@",
	    NULL }, "replications 0 to 1" },
};

START_TEST(test_plots_bad_usage)
{
	g_autofree char *dir = test_tmp_dir();
	const char *args[10];
	g_autofree char *out = NULL, *err = NULL;

	for (guint i = 0; i < G_N_ELEMENTS(args); i++)
		args[i] = bad[_i].args[i] && strcmp(bad[_i].args[i], "@") == 0
				  ? dir
				  : bad[_i].args[i];
	ck_assert_int_eq(test_drsim(args, &out, &err), 2);
	ck_assert_msg(strstr(err, bad[_i].err_has), "stderr: %s", err);
	ck_assert_str_eq(out, "");
	g_autofree char *names = test_list_dir(dir);
	ck_assert_str_eq(names, "");
	test_rm_tree(dir);
}
END_TEST

/* No gnuplot in the PATH: said once, exit 0, the scripts written. */
START_TEST(test_plots_no_gnuplot)
{
	g_autofree char *dir = test_tmp_dir();
	g_autofree char *empty = g_build_filename(dir, "bin", NULL);
	g_autofree char *outdir = g_build_filename(dir, "out", NULL);
	const char *args[] = { "run", D1, "-r", "2", "--out", outdir, "--plot",
			       NULL };
	g_auto(GStrv) env = g_environ_setenv(g_get_environ(), "PATH", empty,
					     TRUE);
	g_autofree char *out = NULL, *err = NULL;
	g_autofree char *want = g_strdup_printf(
		"drsim run: gnuplot not found: the .gp scripts in %s render "
		"the charts\n", outdir);

	ck_assert_int_eq(g_mkdir(empty, 0755), 0);
	ck_assert_int_eq(test_drsim_env(args, env, &out, &err), 0);
	ck_assert_str_eq(err, want);
	g_autofree char *gp = test_read_file(outdir, "rto_cdf.gp");
	ck_assert(strstr(gp, "set output \"rto_cdf.\" . fmt"));
	test_rm_tree(dir);
}
END_TEST

/* A script gnuplot rejects: FALSE, gnuplot's complaint in the message,
 * the scripts after it not run, the charts before it listed. */
START_TEST(test_plots_gnuplot_error)
{
	g_autofree char *dir = test_tmp_dir();
	g_autoptr(GPtrArray) charts = g_ptr_array_new_with_free_func(g_free);
	const char *const scripts[] = { "good.gp", "bad.gp", "never.gp" };
	GError *error = NULL;

	require_gnuplot();
	g_free(test_write_file(dir, "good.gp", "set terminal svg\n"
			       "set output \"good.svg\"\nplot x\n"));
	g_free(test_write_file(dir, "bad.gp", "plot frobnicate(x)\n"));
	ck_assert(!mdl_plots_render(dir, scripts, 3, charts, NULL, &error));
	ck_assert(g_error_matches(error, MDL_PLOTS_ERROR,
				  MDL_PLOTS_ERROR_GNUPLOT));
	ck_assert_msg(strstr(error->message, "/bad.gp':") &&
			      strstr(error->message, "frobnicate"),
		      "%s", error->message);
	g_error_free(error);
	ck_assert_uint_eq(charts->len, 2);
	ck_assert(g_str_has_suffix(g_ptr_array_index(charts, 0), "/good.png"));
	test_rm_tree(dir);
}
END_TEST

/* -- the files added to --out ---------------------------------------------- */

/* Added files are committed with the others; freed uncommitted, nothing
 * of them is left. */
START_TEST(test_plots_outdir_add)
{
	g_autofree char *dir = test_tmp_dir();
	GError *error = NULL;

	for (int commit = 0; commit < 2; commit++) {
		MdlOutdir *o = mdl_outdir_open(dir, &error);
		ck_assert_msg(o, "%s", error ? error->message : "?");
		fputs("1 2\n", mdl_outdir_add(o, "a.dat", &error));
		fputs("plot x\n", mdl_outdir_add(o, "a.gp", &error));
		ck_assert(!commit || mdl_outdir_commit(o, "{}\n", &error));
		mdl_outdir_free(o);
		g_autofree char *names = test_list_dir(dir);
		ck_assert_str_eq(names, commit ? "a.dat a.gp incidents.csv "
						 "summary.json"
					       : "");
	}
	g_autofree char *dat = test_read_file(dir, "a.dat");
	ck_assert_str_eq(dat, "1 2\n");
	test_rm_tree(dir);
}
END_TEST

/* An added file whose rename is refused (a directory holds its name):
 * the commit fails and takes back what it had put in place. */
START_TEST(test_plots_outdir_add_refused)
{
	g_autofree char *dir = test_tmp_dir();
	g_autofree char *block = g_build_filename(dir, "a.gp", NULL);
	GError *error = NULL;

	ck_assert_int_eq(g_mkdir(block, 0755), 0);
	g_free(test_write_file(block, "keep", "x"));
	MdlOutdir *o = mdl_outdir_open(dir, NULL);
	ck_assert(o);
	ck_assert(mdl_outdir_add(o, "a.dat", NULL));
	ck_assert(mdl_outdir_add(o, "a.gp", NULL));
	ck_assert(!mdl_outdir_commit(o, "{}\n", &error));
	ck_assert_msg(strstr(error->message, "/a.gp': "), "%s",
		      error->message);
	g_error_free(error);
	mdl_outdir_free(o);
	g_autofree char *names = test_list_dir(dir);
	ck_assert_str_eq(names, "a.gp");
	test_rm_tree(dir);
}
END_TEST

Suite *plots_suite(void)
{
	Suite *s = suite_create("plots");
	TCase *tc = tcase_create("plots");

	tcase_set_timeout(tc, 60);
	tcase_add_loop_test(tc, test_plots_render, 0,
			    (int)G_N_ELEMENTS(renders));
	tcase_add_loop_test(tc, test_plots_timeline, 0,
			    (int)G_N_ELEMENTS(timelines));
	tcase_add_test(tc, test_plots_timeline_matches_run);
	tcase_add_loop_test(tc, test_plots_bad_usage, 0,
			    (int)G_N_ELEMENTS(bad));
	tcase_add_test(tc, test_plots_no_gnuplot);
	tcase_add_test(tc, test_plots_gnuplot_error);
	tcase_add_test(tc, test_plots_outdir_add);
	tcase_add_test(tc, test_plots_outdir_add_refused);
	suite_add_tcase(s, tc);
	return s;
}
