/* test_exercise.c — `drsim exercise`: a deterministic timeline that must
 * match exactly, the phases' spread, the files of --out with a Gantt that
 * gnuplot renders, and bad injections. */
#include <string.h>
#include <sys/wait.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "testutil.h"

/* A deterministic DR plan: the primary room burns; detection 10 min, the
 * declaration (destructive: at once) takes 30 min, the manual failover
 * 15 min, the standby's data a replica 5 min behind. */
static const char scenario[] =
	"scenario = { name = \"drill\"; horizon = \"1y\"; seed = 3; };\n"
	"sites = ( { id = \"room\"; kind = \"internal\"; country = \"FR\";\n"
	"    hazards = ( { name = \"fire\"; rate = \"0.01/y\"; effect = \"destroyed\";"
	" rebuild = \"30d\"; } ); },\n"
	"  { id = \"dr\"; kind = \"hosted\"; country = \"FR\"; } );\n"
	"components = ( { id = \"server\"; site = \"room\"; failures = ( {\n"
	"    name = \"crash\"; rate = \"1/y\"; repair = \"4h\"; } ); } );\n"
	"datasets = ( { id = \"db\"; storage = \"server\"; size = \"1TB\"; copies = (\n"
	"    { id = \"mirror\"; kind = \"replication\"; site = \"dr\"; mode = \"async\";"
	" lag = \"5min\"; } ); } );\n"
	"services = ( { id = \"app\"; requires = [\"server\"]; data = [\"db\"];"
	" rto = \"1h\"; rpo = \"15min\";\n"
	"    plan = { detect = \"10min\"; decision = \"30min\"; strategies = (\n"
	"      { kind = \"failover\"; mode = \"manual\"; site = \"dr\";"
	" activation = \"15min\"; data = \"mirror\"; } ); }; } );\n";

static char *dir, *file;

static void setup(void)
{
	dir = g_dir_make_tmp("drsim-exercise-XXXXXX", NULL);
	file = g_build_filename(dir, "drill.cfg", NULL);
	ck_assert(g_file_set_contents(file, scenario, -1, NULL));
}

static void rm_rf(const char *path)
{
	g_autofree char *cmd = g_strdup_printf("rm -rf '%s'", path);

	ck_assert_int_eq(system(cmd), 0);
}

static void teardown(void)
{
	rm_rf(dir);
	g_free(dir);
	g_free(file);
}

/* The timeline of replication 0, exactly as an exercise leader reads it:
 * the fire on Monday 2026-01-05 at 04:00 (t = +4h). */
START_TEST(test_exercise_timeline)
{
	const char *args[] = { "exercise", file, "--inject",
			       "site:room:destroyed@+4h", "-r", "50", NULL };
	g_autofree char *out = NULL, *err = NULL;
	static const char *const expect[] = {
		"  2026-01-05 04:00  +0        step site:room:destroyed injected\n"
		"  2026-01-05 04:00  +0        component server down\n"
		"  2026-01-05 04:00  +0        service app down\n"
		"  2026-01-05 04:10  +10min    step app detected\n"
		"  2026-01-05 04:10  +10min    step app declaration started\n"
		"  2026-01-05 04:40  +40min    step app declared\n"
		"  2026-01-05 04:40  +40min    step app failover started dr\n"
		"  2026-01-05 04:55  +55min    step app failover done dr\n"
		"  2026-01-05 04:55  +55min    service app up\n",
		"  RTO reached                          55min     55min     55min",
		"  RPO reached                          5min      5min      5min",
		"  met: RTO 100.0%, RPO 100.0%, both 100.0% of 50 recoveries",
		"  declared                             40min     40min     40min     50",
	};

	ck_assert_int_eq(test_drsim(args, &out, &err), 0);
	for (guint i = 0; i < G_N_ELEMENTS(expect); i++)
		ck_assert_msg(strstr(out, expect[i]), "missing:\n%s\nin:\n%s",
			      expect[i], out);
}
END_TEST

/* --out: exercise.json (steps with their spread), exercise.dat and a
 * Gantt that gnuplot renders to PNG and SVG. */
START_TEST(test_exercise_out_and_plot)
{
	g_autofree char *outdir = g_build_filename(dir, "out", NULL);
	const char *args[] = { "exercise", file, "--inject",
			       "component:server:failure:crash@2026-01-10 23:00",
			       "-r", "20", "--out", outdir, "--plot", NULL };
	g_autofree char *out = NULL, *err = NULL, *json = NULL;

	g_autofree char *gnuplot = g_find_program_in_path("gnuplot");

	ck_assert_msg(gnuplot,
		      "gnuplot is needed (make deps installs gnuplot-nox)");
	ck_assert_int_eq(test_drsim(args, &out, &err), 0);
	g_autofree char *pj = g_build_filename(outdir, "exercise.json", NULL);
	ck_assert(g_file_get_contents(pj, &json, NULL, NULL));
	g_autoptr(JsonNode) root = json_from_string(json, NULL);
	ck_assert_ptr_nonnull(root);
	JsonObject *svc = json_array_get_object_element(
		json_object_get_array_member(json_node_get_object(root),
					     "services"), 0);
	ck_assert(json_object_has_member(svc, "steps"));
	ck_assert(json_object_has_member(svc, "rto_h"));
	static const char *const files[] = { "exercise.dat", "exercise.gp",
					     "exercise.png", "exercise.svg" };
	for (guint i = 0; i < G_N_ELEMENTS(files); i++) {
		g_autofree char *p = g_build_filename(outdir, files[i], NULL);
		GStatBuf st;
		ck_assert_msg(g_stat(p, &st) == 0 && st.st_size > 0, "%s", p);
	}
	/* a crash on a Saturday night, non-destructive, never declared (no
	 * declare_after): back by repair after 4 h */
	ck_assert_msg(strstr(out, "  RTO reached                          4h"),
		      "%s", out);
}
END_TEST

static const struct {
	const char *inject;
	const char *err_has;
} bad[] = {
	{ "site:nowhere:destroyed@+1h", "unknown site 'nowhere'" },
	{ "site:room:flooded@+1h", "a site is injected 'outage' or 'destroyed'" },
	{ "site:room:outage@+1h", "has no outage hazard" },
	{ "component:server:failure:melt@+1h", "no failure mode 'melt'" },
	{ "ransomware:room@+1h", "no ransomware threat" },
	{ "satellite:x@+1h", "WHAT starts with" },
	{ "site:room:destroyed", "expected WHAT@WHEN" },
	{ "site:room:destroyed@+2y", "after the horizon" },
	{ "site:room:destroyed@yesterday", "yesterday" },
};

START_TEST(test_exercise_bad_injection)
{
	const char *args[] = { "exercise", file, "--inject", bad[_i].inject,
			       "-r", "5", NULL };
	g_autofree char *out = NULL, *err = NULL;

	ck_assert_int_eq(test_drsim(args, &out, &err), 2);
	ck_assert_msg(strstr(err, bad[_i].err_has), "stderr: %s", err);
	ck_assert_str_eq(out, "");
}
END_TEST

Suite *exercise_suite(void)
{
	Suite *s = suite_create("exercise");
	TCase *tc = tcase_create("exercise");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, test_exercise_timeline);
	tcase_add_test(tc, test_exercise_out_and_plot);
	tcase_add_loop_test(tc, test_exercise_bad_injection, 0,
			    (int)G_N_ELEMENTS(bad));
	suite_add_tcase(s, tc);
	return s;
}
