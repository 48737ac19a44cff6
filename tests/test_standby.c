/* test_standby.c — a service on its standby: the services it depends on
 * there (its primary's, or the failover's own `depends`), and failed
 * failovers retried (`retries`, `retry_after`) before the next strategy.
 * Small deterministic scenarios (fixed laws, success 0 % or 100 %),
 * each with its exact outcome worked out by hand above it, and one
 * statistical case with its tolerance from the standard error. */
#include <math.h>
#include <string.h>

#include "models/results/results.h"
#include "models/scenario/scenario.h"
#include "models/world/world.h"
#include "testutil.h"

/* Replications 0 .. reps − 1 of the scenario made of a header (start
 * Monday 2026-01-05 00:00) and body, into one result with the incident
 * log. */
static MdlResults *play_reps(const char *body, const char *horizon,
			     guint reps, MdlScenario **out_sc)
{
	g_autofree char *text = g_strdup_printf(
		"scenario = { name = \"t\"; horizon = \"%s\"; replications = %u;"
		" seed = 2026; };\n%s\n", horizon, reps, body);

	return test_play(text, reps, out_sc);
}

static MdlResults *play(const char *body, const char *horizon,
			MdlScenario **out_sc)
{
	return play_reps(body, horizon, 1, out_sc);
}

enum { COL_SERVICE = 1, COL_T0 = 3, COL_PATH = 7, COL_RTO = 9 };

/* The incident rows of r (each a NULL-terminated array of fields). */
static GPtrArray *rows(const MdlResults *r)
{
	g_auto(GStrv) lines = g_strsplit(r->rows->str, "\n", -1);
	GPtrArray *out = g_ptr_array_new_with_free_func((GDestroyNotify)g_strfreev);

	for (char **l = lines; *l; l++)
		if (**l)
			g_ptr_array_add(out, g_strsplit(*l, ",", -1));
	return out;
}

/* Field col of the row of service `id`'s incident number k (0-based). */
static char *field(const MdlResults *r, const char *id, guint k, guint col)
{
	g_autoptr(GPtrArray) all = rows(r);

	for (guint i = 0; i < all->len; i++) {
		char **f = g_ptr_array_index(all, i);
		ck_assert_uint_gt(g_strv_length(f), col);
		if (strcmp(f[COL_SERVICE], id) == 0 && k-- == 0)
			return g_strdup(f[col]);
	}
	ck_abort_msg("no incident #%u of '%s' in:\n%s", k, id, r->rows->str);
	return NULL;
}

static double num(const MdlResults *r, const char *id, guint k, guint col)
{
	g_autofree char *f = field(r, id, k, col);

	return g_ascii_strtod(f, NULL);
}

static void assert_path(const MdlResults *r, const char *id, guint k,
			const char *path)
{
	g_autofree char *f = field(r, id, k, COL_PATH);

	ck_assert_str_eq(f, path);
}

#define SITE(id) "{ id = \"" id "\"; kind = \"internal\"; country = \"FR\"; }"
/* The room burns at 50 h, rebuilt only after 1000 h. */
#define ROOM_BURNS                                                          \
	"{ id = \"room\"; kind = \"internal\"; country = \"FR\"; hazards = ( {" \
	" name = \"fire\"; every = \"50h\"; effect = \"destroyed\";"           \
	" rebuild = \"1000h\"; } ); }"

/* -- the standby's dependencies ------------------------------------------ */

/* Service a (on the room) depends on b (on the headquarters, hq).  The
 * room burns at 50 h; a fails over to dr at once (detection 0,
 * activation 1 h): the switch is made at 51 h.  b's directory fails at
 * 50.5 h for 100 h (back at 150.5 h).
 *   0. No `depends` on the failover: a needs b on the standby as on its
 *      primary; it serves once b is back: RTO 150.5 − 50 = 100.5 h.
 *   1. `depends = []`: a needs nothing there: RTO 1 h.
 *   2. b has its own failover to dr (activation 2 h): b serves from
 *      52.5 h, and a with it: RTO 2.5 h (b's own RTO 2 h). */
START_TEST(test_standby_needs_dependencies)
{
	static const char *const a_depends[] = { "", "depends = [];", "" };
	static const char *const b_plan[] = {
		"", "",
		"plan = { strategies = ( { kind = \"failover\"; site = \"dr\";"
		" activation = \"2h\"; } ); };",
	};
	static const double rto[] = { 100.5, 1, 2.5 };
	g_autofree char *body = g_strdup_printf(
		"sites = ( " ROOM_BURNS ", " SITE("hq") ", " SITE("dr") " );\n"
		"components = ( { id = \"app\"; site = \"room\"; failures = ( {"
		" name = \"crash\"; ttf = \"100y\"; repair = \"1h\"; } ); },"
		" { id = \"dir\"; site = \"hq\"; failures = ( {"
		" name = \"crash\"; ttf = \"50.5h\"; repair = \"100h\"; } ); } );\n"
		"services = ( { id = \"a\"; requires = [\"app\"]; depends = [\"b\"];"
		" plan = { strategies = ( { kind = \"failover\"; site = \"dr\";"
		" activation = \"1h\"; %s } ); }; },"
		" { id = \"b\"; requires = [\"dir\"]; %s } );\n",
		a_depends[_i], b_plan[_i]);
	MdlScenario *sc;
	MdlResults *r = play(body, "200h", &sc);
	gint a = mdl_scenario_find_service(sc, "a");

	/* b is evaluated first, whatever the file order */
	ck_assert_uint_eq(sc->service_order[1], (guint)a);
	ck_assert_uint_eq(r->services[a].incidents, 1);
	ck_assert_uint_eq(r->services[a].censored, 0);
	assert_close(num(r, "a", 0, COL_T0), 50, 1e-9);
	assert_close(num(r, "a", 0, COL_RTO), rto[_i], 1e-9);
	assert_path(r, "a", 0, "failover:dr");
	if (_i == 2)
		assert_close(num(r, "b", 0, COL_RTO), 2, 1e-9);
	test_played_free(r, sc);
}
END_TEST

/* A failover's own `depends` takes part in the order of evaluation:
 * a's standby needs c, listed after it, which depends on nothing; a's
 * primary needs b only.  As above, the room burns at 50 h and a is on
 * dr at 51 h; c's directory fails at 50.5 h for 10 h (and next at
 * 111 h, past the horizon of 100 h): a serves at 60.5 h (RTO 10.5 h),
 * b being up throughout. */
START_TEST(test_standby_own_depends_ordered)
{
	MdlScenario *sc;
	MdlResults *r = play(
		"sites = ( " ROOM_BURNS ", " SITE("hq") ", " SITE("dr") " );\n"
		"components = ( { id = \"app\"; site = \"room\"; failures = ( {"
		" name = \"crash\"; ttf = \"100y\"; repair = \"1h\"; } ); },"
		" { id = \"dir\"; site = \"hq\"; failures = ( {"
		" name = \"crash\"; ttf = \"100y\"; repair = \"1h\"; } ); },"
		" { id = \"dir2\"; site = \"hq\"; failures = ( {"
		" name = \"crash\"; ttf = \"50.5h\"; repair = \"10h\"; } ); } );\n"
		"services = ( { id = \"a\"; requires = [\"app\"]; depends = [\"b\"];"
		" plan = { strategies = ( { kind = \"failover\"; site = \"dr\";"
		" activation = \"1h\"; depends = [\"c\"]; } ); }; },"
		" { id = \"b\"; requires = [\"dir\"]; },"
		" { id = \"c\"; requires = [\"dir2\"]; } );\n",
		"100h", &sc);

	ck_assert_uint_eq(sc->services[0].plan.strategies[0].n_depends, 1);
	ck_assert_uint_eq(sc->service_order[2], 0);	/* a after b and c */
	ck_assert_uint_eq(r->services[0].incidents, 1);
	assert_close(num(r, "a", 0, COL_RTO), 10.5, 1e-9);
	assert_path(r, "a", 0, "failover:dr");
	test_played_free(r, sc);
}
END_TEST

/* -- retries --------------------------------------------------------------- */

/* The server fails at 50 h for 1000 h.  Detection 6 min; the first
 * failover (to dr1, activation 30 min) always fails; the second (to
 * dr2, activation 15 min) always works.  Each failed attempt but the
 * last of dr1 is retried after retry_after: RTO = 0.1 + (n + 1)·0.5 +
 * n·retry_after + 0.25 with n retries.
 *   0. retries = 2, retry_after = 1h: 3 attempts, 0.1 + 1.5 + 2 + 0.25
 *      = 3.85 h.
 *   1. the defaults (2, 1 h): the same.
 *   2. retries = 0: as before retries existed, 0.85 h.
 *   3. retries = 1, retry_after = 2h: 0.1 + 1 + 2 + 0.25 = 3.35 h. */
START_TEST(test_standby_retries_then_next)
{
	static const char *const keys[] = {
		"retries = 2; retry_after = \"1h\";", "", "retries = 0;",
		"retries = 1; retry_after = \"2h\";",
	};
	static const double rto[] = { 3.85, 3.85, 0.85, 3.35 };
	static const guint attempts[] = { 3, 3, 1, 2 };
	g_autofree char *body = g_strdup_printf(
		"sites = ( " SITE("room") ", " SITE("dr1") ", " SITE("dr2") " );\n"
		"components = ( { id = \"server\"; site = \"room\"; failures = ( {"
		" name = \"crash\"; ttf = \"50h\"; repair = \"1000h\"; } ); } );\n"
		"services = ( { id = \"app\"; requires = [\"server\"];"
		" plan = { detect = \"6min\"; strategies = ("
		" { kind = \"failover\"; site = \"dr1\"; activation = \"30min\";"
		"   success = \"0%%\"; %s },"
		" { kind = \"failover\"; site = \"dr2\"; activation = \"15min\"; }"
		" ); }; } );\n",
		keys[_i]);
	MdlScenario *sc;
	MdlResults *r = play(body, "100h", &sc);
	const MdlStrategy *st = &sc->services[0].plan.strategies[0];

	ck_assert_uint_eq(st->retries + 1, attempts[_i]);
	ck_assert_uint_eq(r->services[0].incidents, 1);
	assert_close(num(r, "app", 0, COL_RTO), rto[_i], 1e-9);
	assert_path(r, "app", 0, "failover:dr2");
	test_played_free(r, sc);
}
END_TEST

/* An automatic failover still under way at the declaration keeps the
 * manual ones waiting, not away: the server fails at 50 h; detection
 * 6 min, declared at once (declare_after 0, no decision time); the
 * automatic failover to dr1 (30 min, always failing, no retry) ends at
 * 50.6 h, then the manual one to dr2 (15 min) starts: RTO 0.85 h.  It
 * used to wait for the repair (1000 h). */
START_TEST(test_standby_manual_after_failed_auto)
{
	MdlScenario *sc;
	MdlResults *r = play(
		"sites = ( " SITE("room") ", " SITE("dr1") ", " SITE("dr2") " );\n"
		"components = ( { id = \"server\"; site = \"room\"; failures = ( {"
		" name = \"crash\"; ttf = \"50h\"; repair = \"1000h\"; } ); } );\n"
		"services = ( { id = \"app\"; requires = [\"server\"];"
		" plan = { detect = \"6min\"; declare_after = \"0h\"; strategies = ("
		" { kind = \"failover\"; site = \"dr1\"; activation = \"30min\";"
		"   success = \"0%\"; retries = 0; },"
		" { kind = \"failover\"; mode = \"manual\"; site = \"dr2\";"
		"   activation = \"15min\"; } ); }; } );\n",
		"100h", &sc);

	ck_assert_uint_eq(r->services[0].incidents, 1);
	assert_close(num(r, "app", 0, COL_RTO), 0.85, 1e-9);
	assert_path(r, "app", 0, "failover:dr2");
	test_played_free(r, sc);
}
END_TEST

/* The trace of case 0 above: three attempts on dr1, each failed, then
 * dr2. */
static void count_steps(double t, MdlTraceKind kind, const char *id,
			const char *what, gpointer data)
{
	GString *log = data;

	(void)id;
	if (kind == MDL_TRACE_STEP && g_str_has_prefix(what, "failover"))
		g_string_append_printf(log, "%.4g %s\n", t, what);
}

START_TEST(test_standby_retries_traced)
{
	g_autoptr(GString) log = g_string_new(NULL);
	MdlScenario *sc = test_scenario_text(
		"scenario = { name = \"t\"; horizon = \"100h\"; replications = 1; };\n"
		"sites = ( " SITE("room") ", " SITE("dr1") ", " SITE("dr2") " );\n"
		"components = ( { id = \"server\"; site = \"room\"; failures = ( {"
		" name = \"crash\"; ttf = \"50h\"; repair = \"1000h\"; } ); } );\n"
		"services = ( { id = \"app\"; requires = [\"server\"];"
		" plan = { detect = \"6min\"; strategies = ("
		" { kind = \"failover\"; site = \"dr1\"; activation = \"30min\";"
		"   success = \"0%\"; retries = 2; retry_after = \"1h\"; },"
		" { kind = \"failover\"; site = \"dr2\"; activation = \"15min\"; }"
		" ); }; } );\n", NULL);
	MdlWorld *w = mdl_world_new(sc);
	MdlResults *r = mdl_results_new(sc, mdl_world_labels(w), FALSE);

	mdl_world_set_trace(w, count_steps, log);
	ck_assert(mdl_results_play(w, 0, r, NULL));
	ck_assert_str_eq(log->str,
			 "50.1 failover started dr1\n"
			 "50.6 failover failed dr1\n"
			 "51.6 failover started dr1\n"
			 "52.1 failover failed dr1\n"
			 "53.1 failover started dr1\n"
			 "53.6 failover failed dr1\n"
			 "53.6 failover started dr2\n"
			 "53.85 failover done dr2\n");
	mdl_results_free(r);
	mdl_world_free(w);
	mdl_scenario_free(sc);
}
END_TEST

/* A retry that finds its standby down goes to the next strategy: dr1's
 * power is out from 51 h (for 100 h).  The server fails at 50 h,
 * detection 0; the attempt on dr1 fails at 50.5 h; its retry, due at
 * 51.5 h, finds dr1 out: dr2 (15 min) serves from 51.75 h.  RTO 1.75 h,
 * not 3.75 h (dr1 retried twice, as if it were up). */
START_TEST(test_standby_retry_finds_site_down)
{
	MdlScenario *sc;
	MdlResults *r = play(
		"sites = ( " SITE("room") ", { id = \"dr1\"; kind = \"internal\";"
		" country = \"FR\"; hazards = ( { name = \"power\"; every = \"51h\";"
		" effect = \"outage\"; duration = \"100h\"; } ); }, " SITE("dr2") " );\n"
		"components = ( { id = \"server\"; site = \"room\"; failures = ( {"
		" name = \"crash\"; ttf = \"50h\"; repair = \"1000h\"; } ); } );\n"
		"services = ( { id = \"app\"; requires = [\"server\"];"
		" plan = { strategies = ("
		" { kind = \"failover\"; site = \"dr1\"; activation = \"30min\";"
		"   success = \"0%\"; },"
		" { kind = \"failover\"; site = \"dr2\"; activation = \"15min\"; }"
		" ); }; } );\n",
		"100h", &sc);

	ck_assert_uint_eq(r->services[0].incidents, 1);
	assert_close(num(r, "app", 0, COL_RTO), 1.75, 1e-9);
	assert_path(r, "app", 0, "failover:dr2");
	test_played_free(r, sc);
}
END_TEST

/* success = 50 %, retries = 2, retry_after 1 h, activation 30 min,
 * detection 0, no other strategy; the server fails at 10 h for 1000 h
 * (past the horizon).  Attempt k (k = 1, 2, 3) is the first to work
 * with probability 0.5^k and ends the incident at RTO_k = 0.5·k +
 * 1·(k − 1): 0.5, 2 or 3.5 h; with probability 0.5³ = 0.125 all three
 * fail and the incident is censored.  So over R replications the
 * fraction of incidents closed on the standby estimates p = 0.875, and
 * the fraction closed at exactly 2 h (a failed attempt, then one that
 * worked) 0.25; each within 4 SE = 4·sqrt(p(1 − p)/R) (fixed seed
 * 2026).  The mean RTO of the closed ones is (0.5·0.5 + 0.25·2 +
 * 0.125·3.5) / 0.875 = 1.1875 / 0.875 = 1.357142857 h, within 4 of its
 * SEs (from the sample variance). */
START_TEST(test_standby_retries_probability)
{
	const guint R = 4000;
	MdlScenario *sc;
	MdlResults *r = play_reps(
		"sites = ( " SITE("room") ", " SITE("dr") " );\n"
		"components = ( { id = \"server\"; site = \"room\"; failures = ( {"
		" name = \"crash\"; ttf = \"10h\"; repair = \"1000h\"; } ); } );\n"
		"services = ( { id = \"app\"; requires = [\"server\"];"
		" plan = { strategies = ( { kind = \"failover\"; site = \"dr\";"
		" activation = \"30min\"; success = \"50%\"; retries = 2;"
		" retry_after = \"1h\"; } ); }; } );\n",
		"100h", R, &sc);
	const MdlServiceResults *s = &r->services[0];
	g_autoptr(GPtrArray) all = rows(r);
	guint at[3] = { 0, 0, 0 };

	ck_assert_uint_eq(s->incidents + s->censored, R);
	for (guint i = 0; i < all->len; i++) {
		char **f = g_ptr_array_index(all, i);
		double rto = g_ascii_strtod(f[COL_RTO], NULL);
		guint k = (guint)lround((rto + 1) / 1.5);	/* 1, 2, 3 */

		ck_assert_str_eq(f[COL_PATH], "failover:dr");
		ck_assert_uint_ge(k, 1);
		ck_assert_uint_le(k, 3);
		assert_close(rto, 0.5 * k + (k - 1), 1e-9);
		at[k - 1]++;
	}
	double p = 0.875, se = sqrt(p * (1 - p) / R);
	assert_within_se((double)s->incidents / R, p, se, 4, 0.006);
	double p2 = 0.25, se2 = sqrt(p2 * (1 - p2) / R);
	assert_within_se((double)at[1] / R, p2, se2, 4, 0.007);
	double se_rto = sqrt(sim_welford_variance(&s->rto_h) /
			     (double)s->incidents);
	assert_within_se(sim_welford_mean(&s->rto_h), 1.1875 / 0.875, se_rto,
			 4, 0.03);
	test_played_free(r, sc);
}
END_TEST

/* -- the reader ------------------------------------------------------------ */

START_TEST(test_standby_reader_defaults)
{
	g_autoptr(MdlScenario) sc = test_scenario_text(
		"scenario = { name = \"t\"; horizon = \"1y\"; };\n"
		"sites = ( " SITE("room") ", " SITE("dr") " );\n"
		"components = ( { id = \"x\"; site = \"room\"; failures = ( {"
		" name = \"f\"; ttf = \"1y\"; repair = \"1h\"; } ); } );\n"
		"services = ( { id = \"a\"; requires = [\"x\"]; depends = [\"b\"];"
		" plan = { strategies = ("
		" { kind = \"failover\"; site = \"dr\"; activation = \"1h\"; },"
		" { kind = \"failover\"; site = \"dr\"; activation = \"1h\";"
		"   depends = []; retries = 0;"
		"   retry_after = { law = \"exponential\"; mean = \"3h\"; }; } ); }; },"
		" { id = \"b\"; requires = [\"x\"]; } );\n", NULL);
	const MdlStrategy *st = sc->services[0].plan.strategies;

	ck_assert(!st[0].own_depends);
	ck_assert_uint_eq(st[0].retries, 2);
	ck_assert_int_eq(sim_dist_kind(st[0].retry_after), SIM_DIST_FIXED);
	assert_close(sim_dist_mean(st[0].retry_after), 1, 0);
	ck_assert(st[1].own_depends);
	ck_assert_uint_eq(st[1].n_depends, 0);
	ck_assert_uint_eq(st[1].retries, 0);
	assert_close(sim_dist_mean(st[1].retry_after), 3, 1e-12);
}
END_TEST

Suite *standby_suite(void)
{
	Suite *s = suite_create("standby");
	TCase *tc = tcase_create("semantics");

	tcase_add_loop_test(tc, test_standby_needs_dependencies, 0, 3);
	tcase_add_test(tc, test_standby_own_depends_ordered);
	tcase_add_test(tc, test_standby_manual_after_failed_auto);
	tcase_add_loop_test(tc, test_standby_retries_then_next, 0, 4);
	tcase_add_test(tc, test_standby_retries_traced);
	tcase_add_test(tc, test_standby_retry_finds_site_down);
	tcase_add_test(tc, test_standby_retries_probability);
	tcase_add_test(tc, test_standby_reader_defaults);
	suite_add_tcase(s, tc);
	return s;
}
