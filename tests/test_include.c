/* test_include.c — scenarios split over @include'd files
 * (docs/scenario-format.md, "Including files"): a split scenario runs to
 * the same JSON as the same text in one file; each @include names its
 * file relative to the file it is in, and so does `replaces`; objects,
 * lint warnings and errors name the file and line they are at; and the
 * bad inputs of tests/data/include/bad (each NAME.cfg paired with
 * NAME.err, the exact error) fail with exit status 2.
 *
 * Paths are relative to the repository root, as in the .err files: each
 * test first moves there (DRSIM_SRCDIR). */
#include <string.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "models/scenario/lint.h"
#include "models/scenario/scenario.h"
#include "testutil.h"

#define DIR	"tests/data/include"
#define WHOLE	DIR "/whole.cfg"
#define SPLIT	DIR "/split.cfg"
#define BAD_DIR DIR "/bad"

static void at_srcdir(void)
{
	ck_assert_int_eq(g_chdir(DRSIM_SRCDIR), 0);
}

static MdlScenario *load(const char *file, const char *const *sets)
{
	GError *error = NULL;
	MdlScenario *sc = mdl_scenario_load(file, sets, &error);

	ck_assert_msg(sc != NULL, "%s", error ? error->message : "?");
	return sc;
}

/* ---- a split scenario -------------------------------------------------- */

/* The JSON of `drsim run FILE -f json`, without "scenario.file" and "run"
 * (the wall time), re-printed. */
static char *run_json(const char *file)
{
	const char *args[] = {"run", file, "-r", "40",	 "--threads",
			      "2",   "-q", "-f", "json", NULL};
	g_autofree char *out = NULL, *err = NULL;
	g_autoptr(JsonParser) p = json_parser_new();
	g_autoptr(JsonGenerator) gen = json_generator_new();
	JsonObject *root;

	ck_assert_int_eq(test_drsim(args, &out, &err), 0);
	ck_assert(json_parser_load_from_data(p, out, -1, NULL));
	root = json_node_get_object(json_parser_get_root(p));
	ck_assert(json_object_has_member(root, "run"));
	json_object_remove_member(root, "run");
	json_object_remove_member(
		json_object_get_object_member(root, "scenario"), "file");
	json_generator_set_root(gen, json_parser_get_root(p));
	json_generator_set_pretty(gen, TRUE);
	return json_generator_to_data(gen, NULL);
}

START_TEST(test_split_runs_the_same)
{
	g_autofree char *whole = run_json(WHOLE);
	g_autofree char *split = run_json(SPLIT);

	ck_assert_str_eq(split, whole);
	/* a seed past 32 bits, in an included file, is read whole */
	ck_assert_ptr_nonnull(strstr(split, "\"seed\" : 10000000042,"));
}
END_TEST

/* Objects are located in the file they are written in. */
START_TEST(test_split_locate)
{
	g_autoptr(MdlScenario) sc = load(SPLIT, NULL);
	int line;
	gint dpi = mdl_scenario_find_service(sc, "dpi");
	gint ad = mdl_scenario_find_service(sc, "ad");

	ck_assert_str_eq(mdl_scenario_locate(sc, sc->services[dpi].line, &line),
			 DIR "/parts/dpi.cfg");
	ck_assert_int_eq(line, 2);
	ck_assert_str_eq(mdl_scenario_locate(sc, sc->services[ad].line, &line),
			 SPLIT);
	ck_assert_int_eq(line, 24);
	/* crews.cfg next to topology.cfg, not the decoy next to split.cfg */
	ck_assert_uint_eq(sc->n_crews, 1);
	ck_assert_str_eq(sc->crews[0].id, "it");
	ck_assert_str_eq(mdl_scenario_locate(sc, sc->crews[0].line, &line),
			 DIR "/parts/crews.cfg");
	ck_assert_int_eq(line, 3);
	ck_assert_str_eq(mdl_scenario_locate(sc, 0, &line), SPLIT);
	ck_assert_int_eq(line, 0);
}
END_TEST

/* drsim check: the lint's warnings at the parts' lines. */
START_TEST(test_split_lint)
{
	const char *args[] = {"check", SPLIT, NULL};
	g_autofree char *out = NULL, *err = NULL;

	ck_assert_int_eq(test_drsim(args, &out, &err), 0);
	ck_assert_str_eq(out, SPLIT ": ok — 4 sites, 1 crew, 3 components, "
				    "2 services, horizon 10y, 1000 "
				    "replications, 2 warnings\n");
	ck_assert_str_eq(
		err,
		DIR "/parts/dpi-db.cfg:4: warning: copies of 'dpi-db/snap' "
		    "are kept 1d, less than a ransomware dwell time of "
		    "8.24d: every kept copy may be infected (fix: keep them "
		    "8.24d or more: 'keep' >= 50)\n" DIR
		    "/parts/dpi.cfg:2: warning: restoring 'dpi-db' (80.9 TB "
		    "at the horizon) from 'nightly' at 2 TB/h takes 1.73d > "
		    "'rto' 4h of service 'dpi' (fix: restore at 27 TB/h or "
		    "faster, fail over to a replica, or raise 'rto' to "
		    "1.73d)\n");
}
END_TEST

/* --set reaches what an included file wrote, like any value. */
START_TEST(test_split_set)
{
	const char *sets[] = {"components.san.count=3",
			      "services.dpi.plan.declare_after=1h", NULL};
	const char *bad[] = {"components.san.count=0", NULL};
	g_autoptr(MdlScenario) sc = load(SPLIT, sets);
	GError *error = NULL;

	ck_assert_uint_eq(sc->components[0].count, 3);
	ck_assert_double_eq(sc->services[0].plan.declare_after_h, 1);
	ck_assert_ptr_null(mdl_scenario_load(SPLIT, bad, &error));
	ck_assert_str_eq(error->message,
			 "--set components.san.count: 'count' must be >= 1 "
			 "in component 'san' (got 0)");
	g_error_free(error);
}
END_TEST

/* A byte-order mark opening an included file is skipped, as at the
 * start of a scenario file; an @include in a string is none. */
START_TEST(test_bom_and_string)
{
	g_autofree char *dir = g_dir_make_tmp("drsim-include-XXXXXX", NULL);
	g_autofree char *main_cfg = g_build_filename(dir, "main.cfg", NULL);
	g_autofree char *part = g_build_filename(dir, "part.cfg", NULL);
	static const char text[] =
		"scenario = { name = \"bom\"; horizon = \"1y\";\n"
		"  description = \"a\n"
		"@include \\\"nope.cfg\\\"\n"
		"\"; };\n"
		"@include \"part.cfg\"\n"
		"services = ( { id = \"x\"; requires = [\"c\"]; } );\n";
	static const char part_text[] =
		"\xEF\xBB\xBFsites = ( { id = \"s\"; kind = \"internal\"; "
		"country = \"FR\"; } );\n"
		"components = ( { id = \"c\"; site = \"s\"; failures = ( "
		"{ name = \"f\"; rate = \"1/y\"; repair = \"1h\"; } ); } );";
	MdlScenario *sc;

	ck_assert(g_file_set_contents(main_cfg, text, -1, NULL));
	ck_assert(g_file_set_contents(part, part_text, -1, NULL));
	sc = load(main_cfg, NULL);
	ck_assert_str_eq(sc->description, "a\n@include \"nope.cfg\"\n");
	ck_assert_uint_eq(sc->n_components, 1);
	mdl_scenario_free(sc);
	g_unlink(main_cfg);
	g_unlink(part);
	g_rmdir(dir);
}
END_TEST

/* ---- paths relative to the file naming them ---------------------------- */

START_TEST(test_replaces_in_part)
{
	const char *main_dir[] = {"costs.project.replaces=parts/today.cfg",
				  NULL};
	const char *wrong[] = {"costs.project.replaces=today.cfg", NULL};
	g_autoptr(MdlScenario) sc = load(DIR "/replacing.cfg", NULL);
	g_autoptr(MdlScenario) set = load(DIR "/replacing.cfg", main_dir);
	GError *error = NULL;

	ck_assert_ptr_nonnull(sc->replaces);
	ck_assert_str_eq(sc->replaces->file, DIR "/parts/today.cfg");
	ck_assert_double_eq(sc->in_service_h, 1000);
	/* an override names a file relative to the scenario's */
	ck_assert_str_eq(set->replaces->file, DIR "/parts/today.cfg");
	ck_assert_ptr_null(
		mdl_scenario_load(DIR "/replacing.cfg", wrong, &error));
	ck_assert_str_eq(error->message,
			 "--set costs.project.replaces: 'replaces' in "
			 "'project' of 'costs': " DIR "/today.cfg does not "
			 "load:\n" DIR "/today.cfg: cannot read: No such "
			 "file or directory");
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

START_TEST(test_bad_load)
{
	const char *name = bad_files->pdata[_i];
	g_autofree char *path = g_strdup_printf("%s/%s", BAD_DIR, name);
	g_autofree char *want = expected_error(name);
	GError *error = NULL;
	g_autofree char *got = NULL;

	ck_assert_msg(!mdl_scenario_load(path, NULL, &error), "%s loaded",
		      path);
	ck_assert(g_error_matches(error, MDL_SCENARIO_ERROR,
				  MDL_SCENARIO_ERROR_INVALID));
	got = g_strconcat(error->message, "\n", NULL);
	ck_assert_str_eq(got, want);
	g_error_free(error);
}
END_TEST

/* drsim check and drsim run: the same message on stderr, exit 2. */
START_TEST(test_bad_cli)
{
	const char *name = bad_files->pdata[_i];
	g_autofree char *path = g_strdup_printf("%s/%s", BAD_DIR, name);
	g_autofree char *want = expected_error(name);
	const char *check[] = {"check", path, NULL};
	const char *run[] = {"run", path, "-q", NULL};
	g_autofree char *out = NULL, *err = NULL;
	g_autofree char *rout = NULL, *rerr = NULL;

	ck_assert_int_eq(test_drsim(check, &out, &err), 2);
	ck_assert_str_eq(out, "");
	ck_assert_str_eq(err, want);
	ck_assert_int_eq(test_drsim(run, &rout, &rerr), 2);
	ck_assert_str_eq(rout, "");
	ck_assert_ptr_nonnull(strstr(rerr, want));
}
END_TEST

START_TEST(test_bad_corpus)
{
	/* every problem of an include, and errors inside included files */
	ck_assert_uint_ge(bad_files->len, 10);
}
END_TEST

Suite *include_suite(void)
{
	Suite *s = suite_create("include");
	TCase *split = tcase_create("split");
	TCase *paths = tcase_create("paths");
	TCase *bad = tcase_create("bad");

	list_bad_files();
	tcase_add_checked_fixture(split, at_srcdir, NULL);
	tcase_set_timeout(split, 30);
	tcase_add_test(split, test_split_runs_the_same);
	tcase_add_test(split, test_split_locate);
	tcase_add_test(split, test_split_lint);
	tcase_add_test(split, test_split_set);
	tcase_add_test(split, test_bom_and_string);
	suite_add_tcase(s, split);

	tcase_add_checked_fixture(paths, at_srcdir, NULL);
	tcase_add_test(paths, test_replaces_in_part);
	suite_add_tcase(s, paths);

	tcase_add_checked_fixture(bad, at_srcdir, NULL);
	tcase_add_test(bad, test_bad_corpus);
	tcase_add_loop_test(bad, test_bad_load, 0, (int)bad_files->len);
	tcase_add_loop_test(bad, test_bad_cli, 0, (int)bad_files->len);
	suite_add_tcase(s, bad);
	return s;
}
