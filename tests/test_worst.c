/* test_worst.c — the worst outcomes counted as worst (issue 10): data lost
 * for good, retention frozen at the declaration, a service's second
 * dataset lost for good, and a shared component rebuilt once.  Small
 * deterministic scenarios (fixed laws; start Monday 2026-01-05 00:00),
 * each with its exact outcome worked out by hand above it; the two
 * statistical ones state their tolerance from the standard error. */
#include <math.h>
#include <string.h>
#include <glib/gstdio.h>

#include "models/scenario/labels.h"
#include "models/results/results.h"
#include "models/scenario/scenario.h"
#include "models/results/simulate.h"
#include "testfs.h"
#include "testutil.h"

enum { COL_T0 = TEST_COL_T0, COL_PATH = TEST_COL_PATH,
       COL_COPY = TEST_COL_COPY, COL_RTO = TEST_COL_RTO,
       COL_RPO = TEST_COL_RPO, COL_MET = TEST_COL_MET };

/* One replication of the scenario text, its incidents logged. */
static MdlResults *play(const char *text, MdlScenario **out_sc)
{
	return test_play(text, 1, out_sc);
}

static void assert_field(const MdlResults *r, guint row, guint col,
			 const char *want)
{
	g_autofree char *f = test_incident_field(r, row, col);

	ck_assert_str_eq(f, want);
}

/* -- 1. data lost for good ------------------------------------------------ */

/* A database in the room, a nightly backup (every 24 h from 0 h) in the
 * vault, 1 year of history.  Ransomware infects at 1000 h, encrypts the
 * room at 1240 h (dwell 10 d), forensics and rebuild 48 h.  The clean
 * point is the infection: only a backup started at or before 1000 h will
 * do.  The disaster is declared at 1240 h (destructive, no delays). */
#define RANSOM_SCENARIO                                                        \
	"scenario = { name = \"%s\"; horizon = \"2000h\"; replications = 1; };\n" \
	"sites = ( { id = \"room\"; kind = \"internal\"; country = \"FR\"; },"   \
	" { id = \"vault\"; kind = \"internal\"; country = \"FR\"; } );\n"        \
	"components = ( { id = \"disk\"; site = \"room\"; failures = ( { name =" \
	" \"wear\"; ttf = \"100y\"; repair = \"1h\"; } ); } );\n"                \
	"datasets = ( { id = \"db\"; storage = \"disk\"; size = \"1TB\";"       \
	" history = \"1y\"; copies = ( { id = \"nightly\"; kind = \"backup\";"   \
	" every = \"24h\"; site = \"vault\"; retention = \"%s\"; } ); } );\n"   \
	"services = ( { id = \"app\"; requires = [\"disk\"]; data = [\"db\"];"   \
	" rpo = \"1d\"; %s } );\n"                                               \
	"threats = ( { kind = \"ransomware\"; name = \"crypto\"; every ="       \
	" \"1000h\"; dwell = \"240h\"; reach = [\"room\"]; rebuild = \"48h\"; } );\n" \
	"costs = { data_loss_per_hour = \"1k\"; %s };\n"

static char *ransom_text(const char *name, const char *retention,
			 const char *plan, const char *costs)
{
	return g_strdup_printf(RANSOM_SCENARIO, name, retention, plan, costs);
}

/* Retention 90 d: the backup of 984 h serves, RPO 1240 − 984 = 256 h,
 * restored when the forensics end, RTO 48 h.  Retention 7 d: at the
 * declaration only jobs ended after 1072 h are retained, all after the
 * infection: lost for good, all the data since its oldest, one year
 * before t = 0: RPO 1240 + 8760 = 10 000 h, never met, charged 10 000 h
 * at 1 k = 10 M, and 10 000 h of data lost over 2000 h of horizon, i.e.
 * 43 800 h per year.  Shortening retention can only make this worse. */
START_TEST(test_worst_lost_for_good_is_worst)
{
	static const char *const retention[] = { "90d", "7d" };
	g_autofree char *text = ransom_text("t", retention[_i], "", "");
	MdlScenario *sc;
	MdlResults *r = play(text, &sc);
	const MdlServiceResults *s = &r->services[0];

	ck_assert_uint_eq(s->incidents, 1);
	assert_close(test_incident_num(r, 0, COL_T0), 1240, 1e-9);
	assert_close(test_incident_num(r, 0, COL_RTO), 48, 1e-9);
	if (_i == 0) {
		assert_close(test_incident_num(r, 0, COL_RPO), 256, 1e-9);
		assert_field(r, 0, COL_PATH, "restore:db/nightly");
		ck_assert_uint_eq(s->lost_for_good, 0);
		assert_close(sim_welford_mean(&r->cost->incidents), 256e3, 1e-6);
	} else {
		assert_close(test_incident_num(r, 0, COL_RPO), 10000, 1e-9);
		assert_field(r, 0, COL_PATH, "unrecoverable:db");
		assert_field(r, 0, COL_COPY, "");
		assert_field(r, 0, COL_MET, "0");
		ck_assert_uint_eq(s->lost_for_good, 1);
		ck_assert_uint_eq(s->rpo_met, 0);
		assert_close(sim_welford_mean(&s->data_loss_h_per_year),
			     10000 / (2000 / 8760.0), 1e-6);
		assert_close(sim_welford_mean(&r->cost->incidents), 10e6, 1e-6);
	}
	test_played_free(r, sc);
}
END_TEST

/* The same 7-day loss with `data_loss_total = { db = "2M" }`: charged
 * 2 M instead of its hours; its RPO is still 10 000 h.  With a second
 * service using db, both incidents lose it for good, but the loss is
 * charged once: still 2 M. */
START_TEST(test_worst_lost_for_good_total_cost)
{
	g_autofree char *text = ransom_text("t", "7d", "",
					    "data_loss_total = { db = \"2M\"; };");
	GString *t = g_string_new(text);
	MdlScenario *sc;

	if (_i == 1)
		g_string_replace(t, " rpo = \"1d\";  } );",
				 " rpo = \"1d\"; }, { id = \"app2\"; requires ="
				 " [\"disk\"]; data = [\"db\"]; } );", 1);
	MdlResults *r = play(t->str, &sc);

	ck_assert_uint_eq(sc->n_services, 1 + (guint)_i);
	ck_assert_uint_eq(r->services[0].lost_for_good, 1);
	ck_assert_uint_eq(r->services[sc->n_services - 1].lost_for_good, 1);
	assert_close(test_incident_num(r, 0, COL_RPO), 10000, 1e-9);
	assert_close(sim_welford_mean(&r->cost->incidents), 2e6, 1e-6);
	test_played_free(r, sc);
	g_string_free(t, TRUE);
}
END_TEST

/* Retention 11 d (264 h): at the declaration (1240 h) the backup of
 * 984 h, the newest before the infection, is still retained (984 >=
 * 1240 − 264), and the freeze keeps it through the 48 h of forensics:
 * RPO 256 h.  With `freeze_retention = false` the clock expires it before
 * the restore looks at 1288 h (984 < 1288 − 264 = 1024): lost for good,
 * RPO 10 000 h. */
START_TEST(test_worst_retention_frozen_at_declaration)
{
	static const char *const plan[] = {
		"", "plan = { freeze_retention = false; };" };
	static const double rpo[] = { 256, 10000 };
	static const char *const path[] = { "restore:db/nightly",
					    "unrecoverable:db" };
	g_autofree char *text = ransom_text("t", "11d", plan[_i], "");
	MdlScenario *sc;
	MdlResults *r = play(text, &sc);

	ck_assert_uint_eq(r->services[0].incidents, 1);
	assert_close(test_incident_num(r, 0, COL_RPO), rpo[_i], 1e-9);
	assert_field(r, 0, COL_PATH, path[_i]);
	test_played_free(r, sc);
}
END_TEST

/* compare never hides a loss for good behind its percentiles: the line
 * under the service's table says it in words. */
START_TEST(test_worst_compare_says_lost_for_good)
{
	g_autofree char *dir = test_tmp_dir();
	g_autofree char *ta = ransom_text("long", "90d", "", "");
	g_autofree char *tb = ransom_text("short", "7d", "", "");
	g_autofree char *a = test_write_file(dir, "long.cfg", ta);
	g_autofree char *b = test_write_file(dir, "short.cfg", tb);
	g_autofree char *out = NULL, *err = NULL;

	g_autofree char *cmp = g_build_filename(dir, "cmp", NULL);
	g_autofree char *gp = g_build_filename(cmp, "compare_rpo_cdf.gp", NULL);
	g_autofree char *script = NULL;

	const char *const args[] = { "compare", a, b, "--out", cmp, NULL };
	ck_assert_int_eq(test_drsim(args, &out, &err), 0);
	ck_assert_msg(strstr(out, "  long: no data lost for good\n"), "%s", out);
	ck_assert_msg(strstr(out, "  short: data lost for good in 1 of 1 "
				  "incidents (ransomware:crypto 1 of 1)\n"),
		      "%s", out);
	/* the RPO chart's key says what its axis cannot show */
	ck_assert(g_file_get_contents(gp, &script, NULL, NULL));
	ck_assert_msg(strstr(script, "title \"long: 0.0 % within target\""),
		      "%s", script);
	ck_assert_msg(strstr(script, "title \"short: 0.0 % within target, 1 "
				     "lost for good\""), "%s", script);
	test_rm_tree(dir);
}
END_TEST

/* The run's table, JSON and CSV summary count it too. */
START_TEST(test_worst_lost_for_good_in_every_format)
{
	g_autofree char *dir = test_tmp_dir();
	g_autofree char *t = ransom_text("short", "7d", "", "");
	g_autofree char *f = test_write_file(dir, "short.cfg", t);
	static const char *const formats[] = { "table", "json", "csv" };
	static const char *const want[] = {
		"  lost for good     1 of 1 incidents (ransomware:crypto 1 of 1)\n",
		"\"lost_for_good\" : 1",
		",lost_for_good\n",
	};

	for (guint i = 0; i < G_N_ELEMENTS(formats); i++) {
		g_autofree char *out = NULL, *err = NULL;
		const char *const args[] = { "run", f, "--format", formats[i],
					     NULL };
		ck_assert_int_eq(test_drsim(args, &out, &err), 0);
		ck_assert_msg(strstr(out, want[i]), "%s: %s", formats[i], out);
		if (i == 2)	/* the count, last column of the service */
			ck_assert_msg(g_str_has_suffix(out, ",1\n"), "%s", out);
	}
	/* and the run's RPO chart says it in its key */
	g_autofree char *run = g_build_filename(dir, "run", NULL);
	g_autofree char *gp = g_build_filename(run, "rpo_cdf.gp", NULL);
	g_autofree char *script = NULL, *out = NULL, *err = NULL;
	const char *const args[] = { "run", f, "--out", run, NULL };
	ck_assert_int_eq(test_drsim(args, &out, &err), 0);
	ck_assert(g_file_get_contents(gp, &script, NULL, NULL));
	ck_assert_msg(strstr(script, "(n = 1, 1 lost for good)"), "%s", script);
	test_rm_tree(dir);
}
END_TEST

/* -- 3. a second dataset lost for good ----------------------------------- */

/* The service uses db (a nightly backup in the vault) and img (a backup
 * in the room itself, lost with it; 2 years of history).  The room burns
 * at 100 h and is rebuilt at 110 h: db comes back from its job of 96 h
 * (RPO 4 h), img has nothing left: lost for good, RPO 100 + 17 520 h; the
 * incident's RPO is the worst, its path names both, in `data` order. */
#define TWO_DATA_SCENARIO                                                      \
	"scenario = { name = \"t\"; horizon = \"150h\"; replications = 1; };\n"  \
	"sites = ( { id = \"room\"; kind = \"internal\"; country = \"FR\";"     \
	" hazards = ( { name = \"fire\"; every = \"100h\"; effect ="            \
	" \"destroyed\"; rebuild = \"10h\"; } ); },"                            \
	" { id = \"vault\"; kind = \"internal\"; country = \"FR\"; } );\n"       \
	"components = ( { id = \"disk\"; site = \"room\"; failures = ( { name =" \
	" \"wear\"; ttf = \"100y\"; repair = \"1h\"; } ); } );\n"                \
	"datasets = ( { id = \"db\"; storage = \"disk\"; size = \"1TB\"; copies =" \
	" ( { id = \"nightly\"; kind = \"backup\"; every = \"24h\"; site ="      \
	" \"vault\"; } ); },"                                                    \
	" { id = \"img\"; storage = \"disk\"; size = \"1TB\"; history = \"2y\";" \
	" copies = ( { id = \"local\"; kind = \"backup\"; every = \"24h\"; site =" \
	" \"%s\"; } ); } );\n"                                                   \
	"services = ( { id = \"app\"; requires = [\"disk\"]; data = [%s]; } );\n"

START_TEST(test_worst_second_dataset_lost_for_good)
{
	static const char *const data[] = { "\"db\", \"img\"", "\"img\", \"db\"" };
	static const char *const path[] = {
		"restore:db/nightly+unrecoverable:img",
		"unrecoverable:img+restore:db/nightly",
	};
	g_autofree char *text = g_strdup_printf(TWO_DATA_SCENARIO, "room",
						data[_i]);
	MdlScenario *sc;
	MdlResults *r = play(text, &sc);

	ck_assert_uint_eq(r->services[0].incidents, 1);
	assert_close(test_incident_num(r, 0, COL_T0), 100, 1e-9);
	assert_close(test_incident_num(r, 0, COL_RTO), 10, 1e-9);
	assert_close(test_incident_num(r, 0, COL_RPO), 100 + 2 * 8760, 1e-9);
	assert_field(r, 0, COL_PATH, path[_i]);
	assert_field(r, 0, COL_COPY, "db/nightly");	/* its worst restore */
	ck_assert_uint_eq(r->services[0].lost_for_good, 1);
	test_played_free(r, sc);
}
END_TEST

/* With img's backup in the vault too, both come back from their job of
 * 96 h: RPO 4 h, the path names both restores, nothing lost for good. */
START_TEST(test_worst_two_datasets_restored)
{
	g_autofree char *text = g_strdup_printf(TWO_DATA_SCENARIO, "vault",
						"\"db\", \"img\"");
	MdlScenario *sc;
	MdlResults *r = play(text, &sc);

	assert_close(test_incident_num(r, 0, COL_RPO), 4, 1e-9);
	assert_field(r, 0, COL_PATH, "restore:db/nightly+restore:img/local");
	ck_assert_uint_eq(r->services[0].lost_for_good, 0);
	test_played_free(r, sc);
}
END_TEST

/* -- 4. a shared component rebuilt once --------------------------------- */

/* Five services require the room's hosts; the room burns at 100 h and
 * stays lost for 10 000 h.  Each plan rebuilds elsewhere (`duration`
 * exponential, mean 10 h; success as given).  One rebuild per loss, by
 * one draw: every service comes back at the same instant, and E[RTO] =
 * 10 h — not the 2 h of the fastest of five draws.  With success 50 % a
 * failed rebuild is done again: the RTO is then exponential with mean
 * 10 h / 0.5 = 20 h.  400 replications: the standard error is about
 * mean / 20, bounded at mean / 10; tolerance 4 standard errors.  The
 * horizon (900 h after the fire) censors none: P = e^−45. */
#define SHARED_SERVICE(id)                                                     \
	"{ id = \"" id "\"; requires = [\"hosts\"]; plan = { strategies = ( {"   \
	" kind = \"rebuild\"; duration = { law = \"exponential\"; mean ="       \
	" \"10h\"; }; success = \"%s\"; } ); }; }"
#define SHARED_SCENARIO                                                        \
	"scenario = { name = \"t\"; horizon = \"1000h\"; replications = 400; };\n" \
	"sites = ( { id = \"room\"; kind = \"internal\"; country = \"FR\";"     \
	" hazards = ( { name = \"fire\"; every = \"100h\"; effect ="            \
	" \"destroyed\"; rebuild = \"10000h\"; } ); } );\n"                     \
	"components = ( { id = \"hosts\"; site = \"room\"; failures = ( {"      \
	" name = \"wear\"; ttf = \"100y\"; repair = \"1h\"; } ); } );\n"         \
	"services = ( " SHARED_SERVICE("a") ", " SHARED_SERVICE("b") ", "       \
	SHARED_SERVICE("c") ", " SHARED_SERVICE("d") ", " SHARED_SERVICE("e")  \
	" );\n"

START_TEST(test_worst_shared_rebuild_once)
{
	static const char *const success[] = { "100%", "50%" };
	static const double mean[] = { 10, 20 };
	const char *p = success[_i];
	g_autofree char *text = g_strdup_printf(SHARED_SCENARIO, p, p, p, p, p);
	MdlScenario *sc = test_scenario_text(text, NULL);
	g_autoptr(MdlLabels) labels = mdl_labels_new(sc);
	MdlRunInfo info;
	MdlResults *r = mdl_simulate(sc, labels, 2, NULL, &info, NULL);

	ck_assert_ptr_nonnull(r);
	for (guint s = 0; s < 5; s++) {
		const MdlServiceResults *x = &r->services[s];
		ck_assert_uint_eq(x->incidents, 400);
		/* the same instants for all: the same sums */
		ck_assert(sim_welford_mean(&x->rto_h) ==
			  sim_welford_mean(&r->services[0].rto_h));
	}
	const SimWelford *rto = &r->services[0].rto_h;
	printf("%-22s exact %.7f estimate %.7f se %.2g\n",
	       _i ? "rebuild once, 50 %" : "rebuild once", mean[_i],
	       sim_welford_mean(rto), sim_welford_stderr(rto));
	assert_within_se(sim_welford_mean(rto), mean[_i],
			 sim_welford_stderr(rto), 4, 0.1 * mean[_i]);
	mdl_results_free(r);
	mdl_scenario_free(sc);
}
END_TEST

Suite *worst_suite(void)
{
	Suite *s = suite_create("worst");
	TCase *tc = tcase_create("worst");

	tcase_add_loop_test(tc, test_worst_lost_for_good_is_worst, 0, 2);
	tcase_add_loop_test(tc, test_worst_lost_for_good_total_cost, 0, 2);
	tcase_add_loop_test(tc, test_worst_retention_frozen_at_declaration, 0, 2);
	tcase_add_test(tc, test_worst_compare_says_lost_for_good);
	tcase_add_test(tc, test_worst_lost_for_good_in_every_format);
	tcase_add_loop_test(tc, test_worst_second_dataset_lost_for_good, 0, 2);
	tcase_add_test(tc, test_worst_two_datasets_restored);
	tcase_add_loop_test(tc, test_worst_shared_rebuild_once, 0, 2);
	suite_add_tcase(s, tc);
	return s;
}
