/* test_provider.c — provider risks (docs/model.md, "Provider risks"):
 * a host's exit and the move out of its sites, an attack on the
 * provider reaching several of its customers' sites (a ransomware
 * `reach`), the same bits on 1 and 2 threads and through the serialized
 * results of shards and MPI ranks, and the bad inputs
 * (tests/data/bad/provider-*.cfg, each with its .err).
 *
 * The exact cases are in tests/data/provider/, each file's comment
 * working its figures out by hand. */
#include <string.h>
#include <glib.h>

#include "models/report/report.h"
#include "models/results/serial.h"
#include "models/results/simulate.h"
#include "models/scenario/labels.h"
#include "testutil.h"

#define DIR "tests/data/provider/"
/* Sums and ratios of exact hours: equal to the last bits or nearly. */
#define EXACT 1e-12

static gboolean same_welford(const SimWelford *a, const SimWelford *b)
{
	return memcmp(a, b, sizeof *a) == 0;
}

/* -- 1. a host's exit, exact ------------------------------------------- */

/* exit.cfg: 9 exits a replication, moves of 98 h + 2 TB / (1 TB/h) =
 * 100 h, the last one cut at the horizon: 850 h over 9850 h; 400 000 an
 * exit; no incident. */
START_TEST(test_exit_exact)
{
	MdlScenario *sc;
	MdlLabels *l;
	MdlResults *r = test_run_file(DIR "exit.cfg", NULL, 2, &sc, &l);
	const MdlProviderResults *p = &r->providers[0];
	double want = 850 * 8760.0 / 9850;

	ck_assert_uint_eq(r->replications, 3);
	ck_assert_uint_eq(r->n_providers, 1);
	ck_assert_uint_eq(p->exits, 3 * 9);
	assert_close(sim_welford_mean(&p->degraded_h_per_year), want, EXACT);
	assert_close(p->degraded_h_per_year.min, want, EXACT);
	assert_close(p->degraded_h_per_year.max, want, EXACT);
	for (guint s = 0; s < sc->n_services; s++) {
		ck_assert_uint_eq(r->services[s].incidents, 0);
		ck_assert_uint_eq(r->services[s].censored, 0);
	}
	ck_assert_ptr_nonnull(r->cost);
	assert_close(sim_welford_mean(&r->cost->incidents), 3600000, EXACT);
	assert_close(r->cost->incidents.min, 3600000, EXACT);
	/* the label sits after the threats, before "dependency" */
	ck_assert_str_eq(mdl_labels_cause(l, mdl_cause_provider_exit(l, 0)),
			 "provider:hds:exit");
	ck_assert_uint_eq(mdl_cause_provider_exit(l, 0) + 1,
			  mdl_cause_dependency(l));
	test_run_free(r, sc, l);
}
END_TEST

/* Variations of exit.cfg, worked the same way.  Over 10 000 h, where
 * the 9th move ends before the horizon and no 10th exit comes: 4 TB on
 * the host, moves of 98 + 4 = 102 h, exits at 1000 + 1102 k (k = 0..8,
 * the last ending at 9918 h): 9 × 102 = 918 h; the data on the campus
 * instead, moves of the project alone, 98 h, exits at 1000 + 1098 k
 * (the last ending at 9882 h): 9 × 98 = 882 h.  Over 5000 h: exits at
 * 1000, 2100, 3200, 4300 h, 400 h.  No project and 2 TB/h: moves of
 * 1 h, exits at 1000 + 1001 k, the 9th at 9008 h: 9 h. */
typedef struct {
	const char *set, *set2;
	guint64 exits;
	double degraded_h, horizon_h;
} ExitCase;

static const ExitCase exit_cases[] = {
	{ "datasets.db.size=\"4TB\"", "scenario.horizon=\"10000h\"", 9, 918,
	  10000 },
	{ "datasets.db.storage=\"nas\"", "scenario.horizon=\"10000h\"", 9,
	  882, 10000 },
	{ "scenario.horizon=\"5000h\"", NULL, 4, 400, 5000 },
	{ "providers.hds.exit.project=\"0h\"",
	  "providers.hds.exit.egress=\"2TB/h\"", 9, 9, 9850 },
};

START_TEST(test_exit_cases)
{
	const ExitCase *c = &exit_cases[_i];
	const char *sets[] = { c->set, c->set2, NULL };
	MdlScenario *sc;
	MdlLabels *l;
	MdlResults *r = test_run_file(DIR "exit.cfg", sets, 1, &sc, &l);
	const MdlProviderResults *p = &r->providers[0];
	double want = c->degraded_h * 8760.0 / c->horizon_h;

	ck_assert_uint_eq(p->exits, 3 * c->exits);
	assert_close(p->degraded_h_per_year.min, want, EXACT);
	assert_close(p->degraded_h_per_year.max, want, EXACT);
	assert_close(r->cost->incidents.max, 400000.0 * (double)c->exits,
		     EXACT);
	test_run_free(r, sc, l);
}
END_TEST

/* -- 2. an attack on the provider, exact ------------------------------- */

/* attack.cfg: one threat reaching dc1 and dc2 encrypts both, 4 times a
 * replication, each for 48 h; the campus, out of reach, is never hit. */
START_TEST(test_attack_two_sites)
{
	MdlScenario *sc;
	MdlLabels *l;
	MdlResults *r = test_run_file(DIR "attack.cfg", NULL, 2, &sc, &l);
	guint cause = mdl_cause_ransomware(l, 0);

	ck_assert_str_eq(mdl_labels_cause(l, cause), "ransomware:provider");
	for (guint s = 0; s < 2; s++) {
		const MdlServiceResults *sv = &r->services[s];
		ck_assert_uint_eq(sv->incidents, 3 * 4);
		ck_assert_ptr_nonnull(sv->by_cause[cause]);
		ck_assert_uint_eq(sv->by_cause[cause]->incidents, 3 * 4);
		assert_close(sv->rto_h.min, 48, EXACT);
		assert_close(sv->rto_h.max, 48, EXACT);
		assert_close(sv->availability.min, 1 - 4 * 48 / 5000.0, EXACT);
		assert_close(sv->availability.max, 1 - 4 * 48 / 5000.0, EXACT);
	}
	ck_assert_uint_eq(r->services[2].incidents, 0);
	test_run_free(r, sc, l);
}
END_TEST

/* vault.cfg: the attack reaches dc2 too; the immutable vault there
 * survives it, the backup the provider's administrators can erase does
 * not.  12 incidents restored from `vault`, RPO 26, 28, 30, 32 h in each
 * replication (mean 29 h).  With the vault not immutable either, every
 * incident loses `db` for good. */
START_TEST(test_attack_vault)
{
	const char *erasable[] = {
		"datasets.db.copies.vault.immutable=false", NULL };
	MdlScenario *sc;
	MdlLabels *l;
	MdlResults *r = test_run_file(DIR "vault.cfg", NULL, 2, &sc, &l);
	const MdlServiceResults *sv = &r->services[0];
	guint vault = mdl_path_restore(l, 0, 1);

	ck_assert_str_eq(mdl_labels_path(l, vault), "restore:db/vault");
	ck_assert_uint_eq(sv->incidents, 3 * 4);
	ck_assert_ptr_nonnull(sv->by_path[vault]);
	ck_assert_uint_eq(sv->by_path[vault]->incidents, 3 * 4);
	ck_assert_uint_eq(sv->lost_for_good, 0);
	assert_close(sv->rpo_h.min, 26, EXACT);
	assert_close(sv->rpo_h.max, 32, EXACT);
	assert_close(sim_welford_mean(&sv->rpo_h), 29, EXACT);
	test_run_free(r, sc, l);

	r = test_run_file(DIR "vault.cfg", erasable, 1, &sc, &l);
	ck_assert_uint_eq(r->services[0].incidents, 3 * 4);
	ck_assert_uint_eq(r->services[0].lost_for_good, 3 * 4);
	test_run_free(r, sc, l);
}
END_TEST

/* -- 3. threads, serialized results, no provider ------------------------- */

/* The same bits on 1 and 2 threads: the accumulators, the table and the
 * JSON; exponential draws rather than fixed periods. */
START_TEST(test_provider_threads)
{
	const char *sets[] = { "scenario.replications=200",
			       "providers.hds.exit.every={ law = "
			       "\"exponential\"; mean = \"2y\"; }",
			       "providers.hds.exit.project=\"3mo\"", NULL };
	MdlRunInfo info = { 1, 0, NULL };
	MdlScenario *sc[2];
	MdlLabels *l[2];
	MdlResults *r[2];
	char *table[2], *json[2];

	for (guint t = 0; t < 2; t++) {
		r[t] = test_run_file(DIR "exit.cfg", sets, t + 1,
				     &sc[t], &l[t]);
		table[t] = mdl_report(sc[t], r[t], &info, MDL_FORMAT_TABLE);
		json[t] = mdl_report(sc[t], r[t], &info, MDL_FORMAT_JSON);
	}
	ck_assert_str_eq(table[1], table[0]);
	ck_assert_str_eq(json[1], json[0]);
	ck_assert(strstr(json[0], "\"degraded_h_per_year\""));
	ck_assert(strstr(table[0], "\nProviders "));
	ck_assert_uint_eq(r[0]->providers[0].exits, r[1]->providers[0].exits);
	ck_assert_uint_gt(r[0]->providers[0].exits, 0);
	ck_assert(same_welford(&r[0]->providers[0].degraded_h_per_year,
			       &r[1]->providers[0].degraded_h_per_year));
	for (guint t = 0; t < 2; t++) {
		g_free(table[t]);
		g_free(json[t]);
		test_run_free(r[t], sc[t], l[t]);
	}
}
END_TEST

/* Through the serialized results (shards, MPI ranks): the same
 * figures. */
START_TEST(test_provider_serial)
{
	MdlScenario *sc;
	MdlLabels *l;
	MdlResults *r = test_run_file(DIR "exit.cfg", NULL, 1, &sc, &l);
	MdlResults *back = mdl_results_new(sc, l, FALSE);
	GVariant *v = g_variant_ref_sink(mdl_results_to_variant(r));
	GError *error = NULL;

	ck_assert_msg(mdl_results_from_variant(back, v, &error), "%s",
		      error ? error->message : "?");
	ck_assert_uint_eq(back->providers[0].exits, r->providers[0].exits);
	ck_assert(same_welford(&back->providers[0].degraded_h_per_year,
			       &r->providers[0].degraded_h_per_year));
	g_variant_unref(v);
	mdl_results_free(back);
	test_run_free(r, sc, l);
}
END_TEST

/* Without providers the outputs say nothing of them. */
START_TEST(test_no_provider)
{
	const char *sets[] = { "providers=()", NULL };
	MdlRunInfo info = { 1, 0, NULL };
	MdlScenario *sc;
	MdlLabels *l;
	MdlResults *r = test_run_file(DIR "exit.cfg", sets, 1, &sc, &l);
	g_autofree char *json = mdl_report(sc, r, &info, MDL_FORMAT_JSON);
	g_autofree char *table = mdl_report(sc, r, &info, MDL_FORMAT_TABLE);

	ck_assert_ptr_null(strstr(json, "providers"));
	ck_assert_ptr_null(strstr(table, "Providers"));
	assert_close(r->cost->incidents.max, 0, EXACT);
	test_run_free(r, sc, l);
}
END_TEST

/* -- 4. bad inputs ------------------------------------------------------- */

static const char *const bad_files[] = {
	"provider-unknown-site",
	"provider-negative-egress",
	"provider-unknown-key",
};

/* `drsim check FILE`: exit status 2, the exact `file:line: message` on
 * stderr, nothing on stdout. */
START_TEST(test_provider_bad)
{
	test_check_rejects("tests/data/bad", bad_files[_i]);
}
END_TEST

Suite *provider_suite(void)
{
	Suite *s = suite_create("provider");
	TCase *tc = tcase_create("provider");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_exit_exact);
	tcase_add_loop_test(tc, test_exit_cases, 0,
			    (int)G_N_ELEMENTS(exit_cases));
	tcase_add_test(tc, test_attack_two_sites);
	tcase_add_test(tc, test_attack_vault);
	tcase_add_test(tc, test_provider_threads);
	tcase_add_test(tc, test_provider_serial);
	tcase_add_test(tc, test_no_provider);
	tcase_add_loop_test(tc, test_provider_bad, 0,
			    (int)G_N_ELEMENTS(bad_files));
	suite_add_tcase(s, tc);
	return s;
}
