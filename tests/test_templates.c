/* test_templates.c — plan templates (docs/scenario-format.md, "Plan
 * templates"): a templated plan runs to the same JSON as the plan written
 * out (a key given by the plan wins, a list is replaced whole); --set
 * applies to the merged plan, through keys it takes from its template
 * too, and --set of a template's key to every plan using it; the
 * automatic set of a sensitivity sees the merged plans; and the bad
 * inputs of tests/data/templates/bad (each NAME.cfg paired with NAME.err,
 * the exact error) fail with exit status 2.
 *
 * Paths are relative to the repository root: each test first moves there
 * (DRSIM_SRCDIR). */
#include <string.h>
#include <glib/gstdio.h>

#include "models/scenario/scenario.h"
#include "models/scenario/values.h"
#include "testutil.h"

#define DIR	  "tests/data/templates"
#define EXPANDED  DIR "/expanded.cfg"
#define TEMPLATED DIR "/templated.cfg"
#define BAD_DIR	  DIR "/bad"

static void at_srcdir(void)
{
	ck_assert_int_eq(g_chdir(DRSIM_SRCDIR), 0);
}

/* stdout of `drsim run FILE -f json` with the overrides sets (up to 3),
 * without the lines of "file" and "wall_s", which differ. */
static char *run_json(const char *file, const char *const *sets)
{
	const char *args[16] = {"run",	     file, "-q", "-f", "json",
				"--threads", "2",  "-r", "100"};
	guint n = 9;
	g_autofree char *out = NULL, *err = NULL;
	g_auto(GStrv) lines = NULL;
	GString *kept = g_string_new(NULL);

	for (guint i = 0; sets && sets[i]; i++) {
		args[n++] = "--set";
		args[n++] = sets[i];
	}
	ck_assert_int_eq(test_drsim(args, &out, &err), 0);
	lines = g_strsplit(out, "\n", -1);
	for (guint i = 0; lines[i]; i++)
		if (!strstr(lines[i], "\"file\" : ") &&
		    !strstr(lines[i], "\"wall_s\" : "))
			g_string_append_printf(kept, "%s\n", lines[i]);
	return g_string_free(kept, FALSE);
}

/* The same scenario written out (expanded.cfg, with e_sets) and with a
 * template (templated.cfg, with t_sets). */
static const struct {
	const char *name;
	const char *e_sets[4], *t_sets[4];
} same[] = {
	{"as written", {NULL}, {NULL}},
	{"a key the plan takes from its template",
	 {"services.lab.plan.declare_after=30min", NULL},
	 {"services.lab.plan.declare_after=30min", NULL}},
	{"a key the plan gives itself",
	 {"services.dpi.plan.declare_after=2h", NULL},
	 {"services.dpi.plan.declare_after=2h", NULL}},
	/* a path through the template's strategies: lab's own from then
	 * on, dpi's unchanged */
	{"a key inside the template's",
	 {"services.lab.plan.strategies.0.activation=30min", NULL},
	 {"services.lab.plan.strategies.0.activation=30min", NULL}},
	{"a key of the template",
	 {"services.dpi.plan.decision=3h", "services.lab.plan.decision=3h",
	  "services.web.plan.decision=3h", NULL},
	 {"templates.standard.decision=3h", NULL}},
	{"a plan given a template by --set",
	 {"services.web.plan.detect=1h", NULL},
	 {"services.web.plan={ template = \"standard\"; detect = \"1h\"; "
	  "strategies = ( { kind = \"rebuild\"; mode = \"manual\"; "
	  "duration = \"2d\"; } ); }",
	  NULL}},
};

START_TEST(test_same_results)
{
	g_autofree char *e = run_json(EXPANDED, same[_i].e_sets);
	g_autofree char *t = run_json(TEMPLATED, same[_i].t_sets);
	g_autofree char *base = run_json(EXPANDED, NULL);

	ck_assert_msg(strcmp(e, t) == 0, "%s: the results differ",
		      same[_i].name);
	/* the override did change something */
	if (_i > 0)
		ck_assert_msg(strcmp(e, base) != 0, "%s: no change",
			      same[_i].name);
}
END_TEST

/* The merged plans, field by field where the template is overridden. */
START_TEST(test_merged_plans)
{
	GError *error = NULL;
	g_autoptr(MdlScenario) sc = mdl_scenario_load(TEMPLATED, NULL, &error);
	const MdlPlan *dpi, *lab, *web;

	ck_assert_msg(sc, "%s", error ? error->message : "?");
	dpi = &sc->services[0].plan;
	lab = &sc->services[1].plan;
	web = &sc->services[2].plan;
	ck_assert_double_eq(dpi->declare_after_h, 1); /* its own */
	ck_assert_double_eq(lab->declare_after_h, 2); /* the template's */
	ck_assert_uint_eq(dpi->n_strategies, 3);
	ck_assert_uint_eq(lab->n_strategies, 3);
	ck_assert_uint_eq(web->n_strategies, 1); /* replaced whole */
	ck_assert_int_eq(web->strategies[0].kind, MDL_STRATEGY_REBUILD);
	ck_assert_int_eq(lab->crew, 0);
	/* the failover's `data`: each service's first dataset's "repl" */
	ck_assert_int_eq(dpi->strategies[0].data_copy, 1);
	ck_assert_int_eq(lab->strategies[0].data_copy, 1);
	/* what a plan took from its template is at the line naming it */
	ck_assert_int_eq(lab->strategies[0].line, 54);
}
END_TEST

/* drsim sensitivity's automatic set sees the merged plans. */
START_TEST(test_auto_keys)
{
	g_autoptr(GPtrArray) e_chosen = NULL, e_left = NULL;
	g_autoptr(GPtrArray) t_chosen = NULL, t_left = NULL;
	GError *error = NULL;

	ck_assert(mdl_value_auto_keys(EXPANDED, NULL, 100, &e_chosen, &e_left,
				      &error));
	ck_assert(mdl_value_auto_keys(TEMPLATED, NULL, 100, &t_chosen, &t_left,
				      &error));
	ck_assert_uint_eq(t_chosen->len, e_chosen->len);
	for (guint i = 0; i < e_chosen->len; i++)
		ck_assert_str_eq(t_chosen->pdata[i], e_chosen->pdata[i]);
	ck_assert(g_ptr_array_find_with_equal_func(
		t_chosen, "services.lab.plan.strategies.0.activation.median",
		g_str_equal, NULL));
}
END_TEST

/* ---- overrides that go wrong ------------------------------------------- */

static const struct {
	const char *set, *error;
} bad_sets[] = {
	{"services.lab.plan.template=standrd",
	 "--set services.lab.plan.template: unknown template 'standrd' in "
	 "'plan' of service 'lab' (did you mean 'standard'?)"},
	/* web has no data: the template's failover and restore say so, at
	 * the override that named the template */
	{"services.web.plan={ template = \"standard\"; }",
	 "--set services.web.plan: template 'standard': 'data' names a copy "
	 "of the service's first dataset, but the service has no 'data', in "
	 "strategy #1 of service 'web'\n"
	 "--set services.web.plan: template 'standard': a \"restore\" "
	 "strategy needs the service to have 'data' in strategy #2 of "
	 "service 'web'"},
	{"services.dpi.plan.strategies.0.activation=1x",
	 "--set services.dpi.plan.strategies.0.activation: 'activation' in "
	 "strategy #1 of service 'dpi': bad duration \"1x\": unknown unit "
	 "\"x\" (expected s, min, h, d, w, mo or y)"},
	/* reported once, at the template, though two plans use it */
	{"templates.standard.strategies.0.site=dc3",
	 "--set templates.standard.strategies.0.site: unknown site 'dc3' in "
	 "strategy #1 of template 'standard' (did you mean 'dc2'?)"},
	{"services.dpi.plan.nope.x=1",
	 "--set services.dpi.plan.nope.x: unknown path: no 'nope' in "
	 "'services.dpi.plan'"},
};

START_TEST(test_bad_sets)
{
	const char *sets[] = {bad_sets[_i].set, NULL};
	GError *error = NULL;

	ck_assert_ptr_null(mdl_scenario_load(TEMPLATED, sets, &error));
	ck_assert_str_eq(error->message, bad_sets[_i].error);
	g_error_free(error);
}
END_TEST

/* ---- the bad inputs ---------------------------------------------------- */

static GPtrArray *bad_files; /* NAME.cfg of BAD_DIR, sorted */

static void list_bad_files(void)
{
	bad_files = test_corpus(BAD_DIR, ".cfg");
}

/* BAD_DIR/NAME.err, with its final newline. */
static char *expected_error(const char *cfg)
{
	return test_expected_error(BAD_DIR, cfg, FALSE);
}

START_TEST(test_bad_file)
{
	const char *name = bad_files->pdata[_i];
	g_autofree char *path = g_strdup_printf("%s/%s", BAD_DIR, name);
	g_autofree char *want = expected_error(name);
	const char *args[] = {"check", path, NULL};
	g_autofree char *out = NULL, *err = NULL, *got = NULL;
	GError *error = NULL;

	ck_assert_msg(!mdl_scenario_load(path, NULL, &error), "%s loaded",
		      path);
	ck_assert(g_error_matches(error, MDL_SCENARIO_ERROR,
				  MDL_SCENARIO_ERROR_INVALID));
	got = g_strconcat(error->message, "\n", NULL);
	ck_assert_str_eq(got, want);
	g_error_free(error);
	ck_assert_int_eq(test_drsim(args, &out, &err), 2);
	ck_assert_str_eq(out, "");
	ck_assert_str_eq(err, want);
}
END_TEST

START_TEST(test_bad_corpus)
{
	ck_assert_uint_ge(bad_files->len, 13);
}
END_TEST

Suite *templates_suite(void)
{
	Suite *s = suite_create("templates");
	TCase *good = tcase_create("merge");
	TCase *bad = tcase_create("bad");

	list_bad_files();
	tcase_add_checked_fixture(good, at_srcdir, NULL);
	tcase_set_timeout(good, 60);
	tcase_add_loop_test(good, test_same_results, 0,
			    (int)G_N_ELEMENTS(same));
	tcase_add_test(good, test_merged_plans);
	tcase_add_test(good, test_auto_keys);
	suite_add_tcase(s, good);

	tcase_add_checked_fixture(bad, at_srcdir, NULL);
	tcase_add_loop_test(bad, test_bad_sets, 0, (int)G_N_ELEMENTS(bad_sets));
	tcase_add_test(bad, test_bad_corpus);
	tcase_add_loop_test(bad, test_bad_file, 0, (int)bad_files->len);
	suite_add_tcase(s, bad);
	return s;
}
