/* test_lint.c — lint warnings of `drsim check`: one small scenario per
 * rule under tests/data/lint (plus a clean one), each checked through the
 * API (the warning's line, key and message) and through the binary (exit
 * 0 with the warning on stderr, exit 2 with --strict); the shipped CHU
 * scenarios pass `drsim check` (warnings allowed).
 *
 * Paths are relative to the repository root: each test first moves there
 * (DRSIM_SRCDIR). */
#include <string.h>
#include <sys/wait.h>
#include <glib/gstdio.h>

#include "models/scenario/lint.h"
#include "models/scenario/scenario.h"
#include "testutil.h"

#define LINT_DIR "tests/data/lint/"

static void at_srcdir(void)
{
	ck_assert_int_eq(g_chdir(DRSIM_SRCDIR), 0);
}

/* Each file gives exactly one warning, at that line, for that key, whose
 * message and fix contain these. */
static const struct {
	const char *file;
	int line;
	const char *key, *message, *fix;
} cases[] = {
	/* 1. the fastest restore, 1 TB at 1 TB/h + 1h, against 90min */
	{"rto-restore", 19, "services.svc.rto",
	 "restoring 'db' (1 TB at the horizon) from 'nightly' at 1 TB/h "
	 "takes 2h > 'rto' 1.5h of service 'svc'",
	 "restore at 2 TB/h or faster"},
	{"rto-failover", 22, "services.web.plan.strategies.0.activation",
	 "failover of service 'web' to 'b' takes 2h on average > 'rto' 1h",
	 "raise 'rto' to 2h"},
	/* 2. nightly backups, RPO 4h */
	{"rpo", 19, "services.svc.rpo",
	 "'rpo' 4h of service 'svc' cannot hold: the best copy of 'db', "
	 "'nightly', may lose 1d (its period 1d)",
	 "every 4h or less"},
	/* a job is usable once it completes: a period plus a job lost */
	{"rpo-job", 19, "services.svc.rpo",
	 "'rpo' 2h of service 'svc' cannot hold: the best copy of 'db', "
	 "'hourly', may lose 3h (its period 1h + its job 2h)",
	 "snapshots or a replication of 'db' every 2h or less, jobs of "
	 "'hourly' within 1h, or raise 'rpo' to 3h"},
	/* the job at the horizon: 2 TB at 1 TB/h */
	{"rpo-throughput", 20, "services.svc.rpo",
	 "'rpo' 2h of service 'svc' cannot hold: the best copy of 'db', "
	 "'hourly', may lose 3h (its period 1h + its job 2h)",
	 "snapshots or a replication of 'db' every 2h or less, 'hourly' at "
	 "2 TB/h or faster, or raise 'rpo' to 3h"},
	/* a daily offsite copy of a weekly backup is no better than it */
	{"rpo-offsite", 22, "services.svc.rpo",
	 "'rpo' 1d of service 'svc' cannot hold: the best copy of 'db', "
	 "'weekly', may lose 7.25d (its period 7d + its job 6h)",
	 "snapshots or a replication of 'db' every 1d or less, or raise "
	 "'rpo' to 7.25d"},
	/* 3. */
	{"eea", 14, "datasets.db.copies.nightly.site",
	 "copy 'db/nightly' is kept on site 'b' in 'US', outside the EEA",
	 "in the EEA"},
	/* 4. 3-2-1 */
	{"immutable", 12, "datasets.db.copies",
	 "dataset 'db' has no immutable or offline copy", "'immutable'"},
	{"offsite", 12, "datasets.db.copies",
	 "dataset 'db' has no copy on another site than its storage's, 'a'",
	 "another 'site'"},
	/* 5. */
	{"spof-site", 21, "services.svc.plan.strategies.0.site",
	 "the standby of service 'svc' is on site 'a', where it also "
	 "requires 'san'",
	 "a standby on a site"},
	/* a standby waiting for a service lost with the primary */
	{"standby-depends", 15, "services.svc.plan.strategies.0.depends",
	 "on its standby at 'b' service 'svc' needs 'dir' (its 'depends'), "
	 "which has no failover and runs on 'a' with the primary: a disaster "
	 "there leaves the standby waiting for 'dir'",
	 "give 'dir' a failover, or name what the standby needs with "
	 "'depends' ([] when it has its own)"},
	{"spof-requires", 21, "services.svc.plan.strategies.0.requires",
	 "the standby of service 'svc' on 'b' requires 'wan', which the "
	 "primary requires too",
	 "of its own"},
	/* 6. without a threat, 5 days; with one, its mean dwell */
	{"dwell", 14, "datasets.db.copies.nightly.keep",
	 "copies of 'db/nightly' are kept 3d, less than a ransomware dwell "
	 "time of 5d: every kept copy may be infected",
	 "'keep' >= 5"},
	{"dwell-threat", 14, "datasets.db.copies.nightly.keep",
	 "copies of 'db/nightly' are kept 7d, less than a ransomware dwell "
	 "time of 10d",
	 "'keep' >= 10"},
	/* 7. */
	{"lead-time", 23, "costs.project.lead_time",
	 "the project's lead time of 1.5y is not simulated",
	 "with 'replaces' in 'project'"},
};

/* Files that give no warning: a plan that holds, and one just at a
 * bound (an RPO equal to a period plus a job). */
static const char *const clean[] = {"clean", "rpo-job-holds",
				    "standby-depends-own"};

static MdlScenario *load(const char *name)
{
	g_autofree char *path = g_strconcat(LINT_DIR, name, ".cfg", NULL);
	GError *error = NULL;
	MdlScenario *sc = mdl_scenario_load(path, NULL, &error);

	ck_assert_msg(sc != NULL, "%s", error ? error->message : "?");
	return sc;
}

/* ---- the API ----------------------------------------------------------- */

START_TEST(test_lint_clean)
{
	g_autoptr(MdlScenario) sc = load(clean[_i]);
	g_autoptr(GPtrArray) ws = mdl_lint(sc);

	ck_assert_uint_eq(ws->len, 0);
}
END_TEST

START_TEST(test_lint_case)
{
	g_autoptr(MdlScenario) sc = load(cases[_i].file);
	g_autoptr(GPtrArray) ws = mdl_lint(sc);
	const MdlLintWarning *w;

	ck_assert_uint_eq(ws->len, 1);
	w = ws->pdata[0];
	ck_assert_int_eq(w->line, cases[_i].line);
	ck_assert_str_eq(w->key, cases[_i].key);
	ck_assert_msg(strstr(w->message, cases[_i].message), "message: %s",
		      w->message);
	ck_assert_msg(strstr(w->fix, cases[_i].fix), "fix: %s", w->fix);
}
END_TEST

START_TEST(test_lint_format)
{
	MdlLintWarning w = {7, (char *)"services.a.rto", (char *)"too slow",
			    (char *)"go faster", NULL};
	g_autofree char *line = mdl_lint_warning_format(&w, "x.cfg");
	g_autofree char *in = NULL;

	ck_assert_str_eq(line, "x.cfg:7: warning: too slow (fix: go faster)");
	w.file = "parts/y.cfg";
	in = mdl_lint_warning_format(&w, "x.cfg");
	ck_assert_str_eq(in, "parts/y.cfg:7: warning: too slow (fix: go "
			     "faster)");
	mdl_lint_warning_free(NULL);
}
END_TEST

/* Several warnings come in line order (the shipped example has some). */
START_TEST(test_lint_sorted)
{
	GError *error = NULL;
	g_autoptr(MdlScenario) sc =
		mdl_scenario_load("scenarios/example.cfg", NULL, &error);
	g_autoptr(GPtrArray) ws = NULL;

	ck_assert_msg(sc != NULL, "%s", error ? error->message : "?");
	ws = mdl_lint(sc);
	for (guint i = 1; i < ws->len; i++)
		ck_assert_int_le(((MdlLintWarning *)ws->pdata[i - 1])->line,
				 ((MdlLintWarning *)ws->pdata[i])->line);
}
END_TEST

/* ---- drsim check ------------------------------------------------------- */

START_TEST(test_check_clean)
{
	g_autofree char *out = NULL, *err = NULL;
	const char *args[] = {"check", "--strict", LINT_DIR "clean.cfg", NULL};

	ck_assert_int_eq(test_drsim(args, &out, &err), 0);
	ck_assert_str_eq(out, LINT_DIR "clean.cfg: ok — 2 sites, 0 crews, "
				       "2 components, 1 service, horizon 1y, "
				       "10 replications\n");
	ck_assert_str_eq(err, "");
}
END_TEST

/* --strict: a file without warnings is ok, exit 0. */
START_TEST(test_check_strict_clean)
{
	g_autofree char *path = g_strconcat(LINT_DIR, clean[_i], ".cfg", NULL);
	g_autofree char *out = NULL, *err = NULL;
	const char *args[] = {"check", "--strict", path, NULL};

	ck_assert_int_eq(test_drsim(args, &out, &err), 0);
	ck_assert_msg(g_str_has_prefix(out, path) && strstr(out, ": ok — "),
		      "stdout: %s", out);
	ck_assert_str_eq(err, "");
}
END_TEST

START_TEST(test_check_warns)
{
	g_autofree char *path = g_strconcat(LINT_DIR, cases[_i].file, ".cfg",
					    NULL);
	g_autofree char *want = g_strdup_printf(
		"%s:%d: warning: %s", path, cases[_i].line, cases[_i].message);
	g_autofree char *out = NULL, *err = NULL;
	const char *args[] = {"check", path, NULL};

	ck_assert_int_eq(test_drsim(args, &out, &err), 0);
	ck_assert_msg(g_str_has_prefix(err, want), "stderr: %s", err);
	ck_assert_msg(strstr(err, " (fix: ") && g_str_has_suffix(err, ")\n"),
		      "stderr: %s", err);
	ck_assert_msg(g_str_has_suffix(out, ", 1 warning\n"), "stdout: %s",
		      out);
}
END_TEST

/* --strict: the same warning, no "ok", exit 2. */
START_TEST(test_check_strict)
{
	g_autofree char *path = g_strconcat(LINT_DIR, cases[_i].file, ".cfg",
					    NULL);
	g_autofree char *want = g_strdup_printf("%s:%d: warning: ", path,
						cases[_i].line);
	g_autofree char *out = NULL, *err = NULL;
	const char *args[] = {"check", "--strict", path, NULL};

	ck_assert_int_eq(test_drsim(args, &out, &err), 2);
	ck_assert_str_eq(out, "");
	ck_assert_msg(g_str_has_prefix(err, want), "stderr: %s", err);
}
END_TEST

/* Every shipped scenario is valid: warnings are allowed, errors not; the
 * two CHU projects say what runs until they are in service. */
START_TEST(test_check_shipped)
{
	g_autofree char *out = NULL, *err = NULL;
	const char *args[] = {"check", "scenarios/chu-internal.cfg",
			      "scenarios/chu-hosted.cfg",
			      "scenarios/chu-hybrid.cfg",
			      "scenarios/chu-today.cfg",
			      "scenarios/chu-internal-ransomware.cfg",
			      "scenarios/clinic-group-hybrid.cfg",
			      "scenarios/ehealth-startup.cfg",
			      "scenarios/example.cfg", NULL};

	ck_assert_int_eq(test_drsim(args, &out, &err), 0);
	for (guint i = 1; args[i]; i++) {
		g_autofree char *ok = g_strconcat(args[i], ": ok", NULL);
		ck_assert_msg(strstr(out, ok), "%s: %s", args[i], out);
	}
	ck_assert_ptr_nonnull(strstr(out,
		"chu-internal.cfg: ok — 3 sites, 1 crew, 4 components, 5 "
		"services, horizon 10y, 2000 replications, in service after "
		"1.5y (until then scenarios/chu-today.cfg)"));
}
END_TEST

Suite *lint_suite(void)
{
	Suite *s = suite_create("lint");
	TCase *api_tc = tcase_create("api");
	TCase *cli_tc = tcase_create("check");

	tcase_add_checked_fixture(api_tc, at_srcdir, NULL);
	tcase_add_loop_test(api_tc, test_lint_clean, 0,
			    (int)G_N_ELEMENTS(clean));
	tcase_add_loop_test(api_tc, test_lint_case, 0,
			    (int)G_N_ELEMENTS(cases));
	tcase_add_test(api_tc, test_lint_format);
	tcase_add_test(api_tc, test_lint_sorted);
	suite_add_tcase(s, api_tc);

	tcase_add_checked_fixture(cli_tc, at_srcdir, NULL);
	tcase_add_test(cli_tc, test_check_clean);
	tcase_add_loop_test(cli_tc, test_check_strict_clean, 0,
			    (int)G_N_ELEMENTS(clean));
	tcase_add_loop_test(cli_tc, test_check_warns, 0,
			    (int)G_N_ELEMENTS(cases));
	tcase_add_loop_test(cli_tc, test_check_strict, 0,
			    (int)G_N_ELEMENTS(cases));
	tcase_add_test(cli_tc, test_check_shipped);
	suite_add_tcase(s, cli_tc);
	return s;
}
