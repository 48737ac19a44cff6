/* test_hospital.c — the hospital's side of an outage (docs/model.md, "The
 * hospital during an outage"; results/hospital.h): the MTPD, paper mode,
 * the work recovery time and restores in parts, each on a scenario of
 * tests/data/hospital/ whose comment works the exact outcome out by hand
 * (fixed laws: every replication alike); the replaced topology's
 * incidents under the new scenario's organisation; compare's MTPD rows
 * and their paired differences; the same bits on 1 and 2 threads and
 * through a GVariant; bad inputs through `drsim run` (exit 2). */
#include <string.h>
#include <glib.h>
#include <json-glib/json-glib.h>

#include "models/report/report.h"
#include "models/results/figures.h"
#include "models/results/serial.h"
#include "models/results/simulate.h"
#include "models/scenario/labels.h"
#include "testutil.h"

/* Sums of exact hours: equal to the last bits or nearly. */
#define EXACT 1e-9

/* A played scenario: its results and their JSON tree. */
typedef struct {
	MdlScenario *sc;
	MdlLabels *labels;
	MdlResults *r;
	JsonNode *json;
} Played;

/* file (under the source tree) with the overrides sets (NULL-terminated,
 * may be NULL), played on threads. */
static Played play(const char *file, const char *const *sets,
		   unsigned threads)
{
	MdlRunInfo info = { threads, 0, NULL };
	Played p = { 0 };

	p.r = test_run_file(file, sets, threads, &p.sc, &p.labels);
	p.json = mdl_summary_json(p.sc, p.r, &info);
	return p;
}

static void played_free(Played *p)
{
	json_node_unref(p->json);
	test_run_free(p->r, p->sc, p->labels);
}

/* The service object of id in p's JSON. */
static JsonObject *service(const Played *p, const char *id)
{
	return test_json_service(json_node_get_object(p->json), id);
}

/* member.key of a service object as a number, NAN for null; the test
 * fails when member is missing. */
static double num(JsonObject *svc, const char *member, const char *key)
{
	ck_assert_msg(json_object_has_member(svc, member), "no '%s'", member);
	JsonObject *o = json_object_get_object_member(svc, member);
	ck_assert_msg(json_object_has_member(o, key), "no '%s.%s'", member,
		      key);
	JsonNode *n = json_object_get_member(o, key);
	return JSON_NODE_HOLDS_NULL(n) ? NAN : json_node_get_double(n);
}

/* The nested degraded.h_per_year.mean. */
static double paper_h_per_year(JsonObject *svc)
{
	JsonObject *d = json_object_get_object_member(svc, "degraded");

	return num(d, "h_per_year", "mean");
}

/* 1.  The MTPD: tests/data/hospital/mtpd.cfg.  long, down 100 h > 72 h
 * each time: every incident over the MTPD, an MTPD breach starting in
 * each of the three years (p = 1 exactly); short, down 50 h: met 1, p 0;
 * wrt, down 50 h then 30 h of work recovery: 80 h > 72 h, over the MTPD
 * although its RTO is within it, its RTO still 50 h (the RTO ends at the
 * technical restore). */
START_TEST(test_hospital_mtpd)
{
	Played p = play("tests/data/hospital/mtpd.cfg", NULL, 2);
	JsonObject *lng = service(&p, "long"), *sht = service(&p, "short");
	JsonObject *wrt = service(&p, "wrt");

	assert_close(num(lng, "mtpd_h", "target"), 72, 0);
	assert_close(num(lng, "mtpd_h", "met"), 0, 0);
	assert_close(num(lng, "mtpd_h", "breaches"), 12, 0);
	assert_close(num(lng, "p_mtpd_breach_per_year", "mean"), 1, 0);
	assert_close(num(lng, "rto_h", "mean"), 100, EXACT);
	assert_close(num(sht, "mtpd_h", "met"), 1, 0);
	assert_close(num(sht, "mtpd_h", "breaches"), 0, 0);
	assert_close(num(sht, "p_mtpd_breach_per_year", "mean"), 0, 0);
	assert_close(num(wrt, "mtpd_h", "met"), 0, 0);
	assert_close(num(wrt, "p_mtpd_breach_per_year", "mean"), 1, 0);
	assert_close(num(wrt, "rto_h", "mean"), 50, EXACT);
	assert_close(num(wrt, "wrt_h", "mean"), 30, EXACT);
	assert_close(num(wrt, "wrt_h", "max"), 30, EXACT);
	assert_close(num(wrt, "wrt_h", "count"), 12, 0);
	assert_close(num(wrt, "rto_wrt_h", "mean"), 80, EXACT);
	assert_close(num(wrt, "rto_wrt_h", "max"), 80, EXACT);
	/* only what a service has: no paper mode, no restore in parts;
	 * long and short have no work recovery */
	ck_assert(!json_object_has_member(lng, "degraded"));
	ck_assert(!json_object_has_member(lng, "wrt_h"));
	ck_assert(!json_object_has_member(lng, "full_restore_h"));
	played_free(&p);
}
END_TEST

/* 2.  Paper mode and work recovery: tests/data/hospital/paper.cfg.  ward
 * on paper 100 − 0.5 = 99.5 h an outage, once a year: 99.5 h/year
 * exactly, its work recovery 6 h after each, RTO + WRT 106 h; blip's
 * 20-minute outages never reach paper mode: no hour on paper, no work
 * recovery, RTO + WRT = RTO; late's outage still open at the horizon
 * counts its 10 − 0.5 = 9.5 h on paper, 9.5/3 h/year. */
START_TEST(test_hospital_paper)
{
	Played p = play("tests/data/hospital/paper.cfg", NULL, 2);
	JsonObject *ward = service(&p, "ward"), *blip = service(&p, "blip");
	JsonObject *late = service(&p, "late");

	assert_close(paper_h_per_year(ward), 99.5, EXACT);
	assert_close(num(ward, "degraded", "incidents"), 12, 0);
	assert_close(num(ward, "degraded", "after_h"), 0.5, 0);
	assert_close(num(ward, "wrt_h", "mean"), 6, EXACT);
	assert_close(num(ward, "wrt_h", "count"), 12, 0);
	assert_close(num(ward, "rto_wrt_h", "mean"), 106, EXACT);
	assert_close(num(ward, "rto_h", "mean"), 100, EXACT);
	assert_close(paper_h_per_year(blip), 0, 0);
	assert_close(num(blip, "degraded", "incidents"), 0, 0);
	assert_close(num(blip, "incidents", "count"), 52, 0);
	assert_close(num(blip, "wrt_h", "count"), 0, 0);
	ck_assert(isnan(num(blip, "wrt_h", "mean")));
	assert_close(num(blip, "rto_wrt_h", "max"), 1.0 / 3, EXACT);
	assert_close(num(late, "incidents", "censored"), 4, 0);
	assert_close(num(late, "incidents", "count"), 0, 0);
	assert_close(paper_h_per_year(late), 9.5 / 3, EXACT);
	ck_assert(!json_object_has_member(late, "wrt_h"));
	ck_assert(!json_object_has_member(late, "mtpd_h"));
	played_free(&p);
}
END_TEST

/* 3.  A restore in parts: tests/data/hospital/parts.cfg.  The service is
 * back once the first 10 % is restored: RTO = 5 h (the storage's
 * repair) + 2 h + 10 % × 100 TB / (1 TB/h) = 17 h, every incident; the
 * full restore 5 + 2 + 100 = 107 h from t0.  Restored whole (the
 * dataset's restore group emptied): RTO 107 h, and no full_restore_h. */
START_TEST(test_hospital_parts)
{
	Played p = play("tests/data/hospital/parts.cfg", NULL, 2);
	const char *whole_sets[] = { "datasets.archive.restore={}", NULL };
	Played w = play("tests/data/hospital/parts.cfg", whole_sets, 2);
	JsonObject *pacs = service(&p, "pacs"), *whole = service(&w, "pacs");

	assert_close(num(pacs, "incidents", "count"), 12, 0);
	assert_close(num(pacs, "rto_h", "mean"), 17, EXACT);
	assert_close(num(pacs, "rto_h", "max"), 17, EXACT);
	assert_close(num(pacs, "full_restore_h", "mean"), 107, EXACT);
	assert_close(num(pacs, "full_restore_h", "max"), 107, EXACT);
	assert_close(num(pacs, "full_restore_h", "count"), 12, 0);
	/* the same recovery points: RPO 8, 21 and 10 h */
	assert_close(num(pacs, "rpo_h", "mean"), 13, EXACT);
	assert_close(num(whole, "rto_h", "mean"), 107, EXACT);
	assert_close(num(whole, "rto_h", "max"), 107, EXACT);
	ck_assert(!json_object_has_member(whole, "full_restore_h"));
	assert_close(num(whole, "rpo_h", "mean"), 13, EXACT);
	played_free(&p);
	played_free(&w);
}
END_TEST

/* 4.  The RTO of each incident in incidents.csv: 17 h, restored in
 * parts (one replication, three incidents). */
START_TEST(test_hospital_parts_rows)
{
	g_autofree char *text = NULL;
	g_autofree char *path = g_build_filename(
		DRSIM_SRCDIR, "tests/data/hospital/parts.cfg", NULL);
	MdlScenario *sc = NULL;

	ck_assert(g_file_get_contents(path, &text, NULL, NULL));
	MdlResults *r = test_play(text, 1, &sc);
	for (guint row = 0; row < 3; row++)
		assert_close(test_incident_num(r, row, TEST_COL_RTO), 17,
			     EXACT);
	test_played_free(r, sc);
}
END_TEST

/* 5.  A replaced topology's incidents are the hospital's too, under the
 * new scenario's MTPD and paper mode (tests/data/replaced/new.cfg: nine
 * outages of 10 h of the old box before the switch, one of 5 h of the
 * new vm after).  MTPD 8 h: the nine 10 h outages breach it, the 5 h
 * one does not: met 1/10; the horizon, 2000 h, is one partial year: p 1.
 * Paper after 1 h: 9 × 9 + 4 = 85 h in 2000 h, 85 / (2000/8760) h/year. */
START_TEST(test_hospital_replaced)
{
	const char *sets[] = { "services.app.mtpd=8h",
			       "services.app.degraded={ after = \"1h\"; }",
			       NULL };
	Played p = play("tests/data/replaced/new.cfg", sets, 1);
	JsonObject *app = service(&p, "app");

	assert_close(num(app, "incidents", "count"), 10, 0);
	assert_close(num(app, "mtpd_h", "met"), 0.1, EXACT);
	assert_close(num(app, "mtpd_h", "breaches"), 9, 0);
	assert_close(num(app, "p_mtpd_breach_per_year", "mean"), 1, 0);
	assert_close(paper_h_per_year(app), 85 / (2000.0 / 8760), EXACT);
	played_free(&p);
}
END_TEST

/* 6.  compare: the MTPD rows and their paired differences.  mtpd-fixed
 * cuts long's outages to 50 h, in every replication alike: MTPD met
 * +100 pt and breach in a year −100 pt, intervals of width 0, better
 * mtpd-fixed; short unchanged.  Services without an MTPD get no MTPD row
 * or key. */
START_TEST(test_hospital_compare)
{
	const char *args[] = { "compare", "tests/data/hospital/mtpd.cfg",
			       "tests/data/hospital/mtpd-fixed.cfg", "-q",
			       NULL };
	const char *json_args[] = { "compare", "tests/data/hospital/mtpd.cfg",
				    "tests/data/hospital/mtpd-fixed.cfg",
				    "-q", "-f", "json", NULL };
	const char *plain[] = { "compare", "tests/data/hospital/paper.cfg",
				"tests/data/hospital/paper.cfg", "-q", NULL };
	g_autofree char *out = NULL, *err = NULL, *jout = NULL, *jerr = NULL;
	g_autofree char *pout = NULL, *perr = NULL;

	ck_assert_int_eq(test_drsim(args, &out, &err), 0);
	ck_assert_msg(strstr(out,
			     "  MTPD met               0.0%                  "
			     "100.0%                +100.0 pt               B\n"
			     "    95% CI               -                     "
			     "-                     [+100.0 pt, +100.0 pt]\n"
			     "  MTPD breach in a year  100.0%                "
			     "0.0%                  -100.0 pt               "
			     "B\n"),
		      "%s", out);
	ck_assert_int_eq(test_drsim(json_args, &jout, &jerr), 0);
	g_autoptr(JsonParser) parser = json_parser_new();
	ck_assert(json_parser_load_from_data(parser, jout, -1, NULL));
	JsonArray *svcs = json_object_get_array_member(
		json_node_get_object(json_parser_get_root(parser)), "services");
	JsonObject *lng = json_array_get_object_element(svcs, 0);
	JsonObject *d = json_array_get_object_element(
		json_object_get_array_member(lng, "differences"), 0);
	JsonObject *met = json_object_get_object_member(d, "mtpd_met");
	JsonObject *br = json_object_get_object_member(
		d, "p_mtpd_breach_per_year");
	assert_close(json_object_get_double_member(met, "diff"), 1, 0);
	assert_close(json_object_get_double_member(br, "diff"), -1, 0);
	JsonArray *ci = json_object_get_array_member(br, "ci95");
	assert_close(json_array_get_double_element(ci, 0), -1, 0);
	assert_close(json_array_get_double_element(ci, 1), -1, 0);
	ck_assert_str_eq(json_object_get_string_member(br, "better"),
			 "mtpd-fixed");
	ck_assert_int_eq(test_drsim(plain, &pout, &perr), 0);
	ck_assert_ptr_null(strstr(pout, "MTPD"));
	ck_assert_ptr_nonnull(strstr(pout, "both met"));
}
END_TEST

/* 7.  Random draws through every semantic: the same report, byte for
 * byte, on 1 and 2 threads, and read back from a GVariant (what shards
 * carry), the worst incidents' work recovery and full restore too. */
START_TEST(test_hospital_threads)
{
	Played a = play("tests/data/hospital/random.cfg", NULL, 1);
	Played b = play("tests/data/hospital/random.cfg", NULL, 2);
	MdlRunInfo info = { 1, 0, NULL };
	g_autofree char *ta = mdl_report(a.sc, a.r, &info, MDL_FORMAT_JSON);
	g_autofree char *tb = mdl_report(b.sc, b.r, &info, MDL_FORMAT_JSON);
	g_autofree char *xa = mdl_report(a.sc, a.r, &info, MDL_FORMAT_TABLE);
	g_autofree char *xb = mdl_report(b.sc, b.r, &info, MDL_FORMAT_TABLE);

	ck_assert_str_eq(ta, tb);
	ck_assert_str_eq(xa, xb);
	ck_assert_ptr_nonnull(strstr(ta, "\"full_restore_h\""));
	ck_assert_ptr_nonnull(strstr(xa, "  paper mode "));

	g_autoptr(GVariant) v = g_variant_ref_sink(mdl_results_to_variant(a.r));
	MdlResults *back = mdl_results_new(a.sc, a.labels, FALSE);
	GError *error = NULL;
	ck_assert_msg(mdl_results_from_variant(back, v, &error), "%s",
		      error ? error->message : "?");
	g_autofree char *tc = mdl_report(a.sc, back, &info, MDL_FORMAT_JSON);
	ck_assert_str_eq(tc, ta);
	for (guint k = 0; k < a.r->n_worst[0]; k++) {
		const MdlIncident *x = mdl_results_worst(a.r, 0, k);
		const MdlIncident *y = mdl_results_worst(back, 0, k);
		ck_assert(memcmp(&x->wrt_h, &y->wrt_h, sizeof x->wrt_h) == 0);
		ck_assert_msg(memcmp(&x->t_full, &y->t_full,
				     sizeof x->t_full) == 0,
			      "t_full %a read back as %a", x->t_full,
			      y->t_full);
	}
	mdl_results_free(back);
	played_free(&a);
	played_free(&b);
}
END_TEST

/* 8.  Bad inputs through `drsim run`: exit 2, the message of the .err
 * file (tests/data/bad), nothing on stdout. */
static const char *const bad[] = {
	"mtpd-negative", "restore-first-over-100", "degraded-unknown-key",
	"restore-first-unknown-key", "work-recovery-negative",
};

START_TEST(test_hospital_bad)
{
	g_autofree char *cfg = g_strdup_printf("tests/data/bad/%s.cfg",
					       bad[_i]);
	g_autofree char *errf = g_strdup_printf(
		"%s/tests/data/bad/%s.err", DRSIM_SRCDIR, bad[_i]);
	g_autofree char *want = NULL, *out = NULL, *err = NULL;
	const char *args[] = { "run", cfg, NULL };

	ck_assert(g_file_get_contents(errf, &want, NULL, NULL));
	ck_assert_int_eq(test_drsim(args, &out, &err), 2);
	ck_assert_str_eq(out, "");
	g_autofree char *want_nl = g_strconcat(want, "\n", NULL);
	ck_assert_str_eq(err, want_nl);
}
END_TEST

Suite *hospital_suite(void)
{
	Suite *s = suite_create("hospital");
	TCase *tc = tcase_create("hospital");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_hospital_mtpd);
	tcase_add_test(tc, test_hospital_paper);
	tcase_add_test(tc, test_hospital_parts);
	tcase_add_test(tc, test_hospital_parts_rows);
	tcase_add_test(tc, test_hospital_replaced);
	tcase_add_test(tc, test_hospital_compare);
	tcase_add_test(tc, test_hospital_threads);
	tcase_add_loop_test(tc, test_hospital_bad, 0, (int)G_N_ELEMENTS(bad));
	suite_add_tcase(s, tc);
	return s;
}
