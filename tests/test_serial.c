/* test_serial.c — results as GVariants and back (results/serial.h): a
 * run's results read back give the same report in every format, merge
 * to the same bits (what drives the breaches too), survive a byte swap
 * there and back, keep their incident rows and every cost accumulator
 * of a budget; and what is not results of this scenario is refused. */
#include <string.h>

#include "models/report/report.h"
#include "models/results/serial.h"
#include "models/results/simulate.h"
#include "models/scenario/labels.h"
#include "testutil.h"

/* The scenario file with overrides: few replications, quick. */
static MdlScenario *load(const char *file, const char *reps)
{
	g_autofree char *path = g_build_filename(DRSIM_SRCDIR, file, NULL);
	g_autofree char *set = g_strdup_printf("scenario.replications=%s",
					       reps);
	const char *sets[] = { set, NULL };
	GError *error = NULL;
	MdlScenario *sc = mdl_scenario_load(path, sets, &error);

	ck_assert_msg(sc, "%s", error ? error->message : "?");
	return sc;
}

/* The same bits in x and y. */
#define assert_same_bits(x, y) \
	ck_assert(memcmp(&(x), &(y), sizeof(x)) == 0)

static void assert_same_breakdowns(MdlBreakdown *const *a,
				   MdlBreakdown *const *b, guint n)
{
	for (guint i = 0; i < n; i++) {
		ck_assert(!a[i] == !b[i]);
		if (!a[i])
			continue;
		assert_same_bits(a[i]->rto_sum_h, b[i]->rto_sum_h);
		assert_same_bits(a[i]->rpo_sum_h, b[i]->rpo_sum_h);
	}
}

/* What drives the breaches, which the reports show only in part (the
 * sums by path, the hours down): the same bits. */
static void assert_same_drivers(const MdlResults *a, const MdlResults *b)
{
	ck_assert_uint_eq(a->n_down, b->n_down);
	for (guint i = 0; i < a->n_services; i++) {
		const MdlServiceResults *x = &a->services[i];
		const MdlServiceResults *y = &b->services[i];
		assert_same_bits(x->breach_h, y->breach_h);
		ck_assert(memcmp(x->breach_down_h, y->breach_down_h,
				 a->n_down * sizeof(double)) == 0);
		assert_same_breakdowns(x->by_cause, y->by_cause,
				       mdl_labels_n_causes(a->labels));
		assert_same_breakdowns(x->by_path, y->by_path,
				       mdl_labels_n_paths(a->labels));
	}
}

static void assert_same_reports(const MdlScenario *sc, const MdlResults *a,
				const MdlResults *b)
{
	MdlRunInfo info = { 2, 0, NULL };

	for (int f = MDL_FORMAT_TABLE; f <= MDL_FORMAT_CSV; f++) {
		g_autofree char *x = mdl_report(sc, a, &info, (MdlFormat)f);
		g_autofree char *y = mdl_report(sc, b, &info, (MdlFormat)f);
		ck_assert_str_eq(x, y);
	}
	g_autofree char *x = mdl_report_with(sc, a, &info, MDL_FORMAT_TABLE,
					     MDL_REPORT_DRIVERS);
	g_autofree char *y = mdl_report_with(sc, b, &info, MDL_FORMAT_TABLE,
					     MDL_REPORT_DRIVERS);
	ck_assert_str_eq(x, y);
	assert_same_drivers(a, b);
}

/* The results of sc read back from their GVariant (through its bytes,
 * byte-swapped twice when swap). */
static MdlResults *round_trip(const MdlScenario *sc, const MdlLabels *l,
			      const MdlResults *r, gboolean swap)
{
	g_autoptr(GVariant) v = g_variant_ref_sink(mdl_results_to_variant(r));
	g_autoptr(GBytes) bytes = g_variant_get_data_as_bytes(v);
	g_autoptr(GVariant) back = g_variant_ref_sink(g_variant_new_from_bytes(
		G_VARIANT_TYPE(mdl_results_variant_type()), bytes, FALSE));
	MdlResults *out = mdl_results_new(sc, l, r->rows != NULL);
	GError *error = NULL;

	if (swap) {
		GVariant *once = g_variant_byteswap(back);
		g_variant_unref(back);
		back = g_variant_byteswap(once);
		g_variant_unref(once);
	}
	ck_assert_msg(mdl_results_from_variant(out, back, &error), "%s",
		      error ? error->message : "?");
	return out;
}

/* Every shipped kind of figure: chu-internal has costs, crews, a
 * replaced topology (whose components and sites are among what may be
 * down during a breach); the ransomware stress has losses for good. */
static const char *const files[] = {
	"scenarios/chu-internal.cfg", "scenarios/chu-internal-ransomware.cfg",
	"scenarios/example.cfg",
};

START_TEST(test_serial_round_trip)
{
	MdlScenario *sc = load(files[_i], "60");
	MdlLabels *l = mdl_labels_new(sc);
	MdlRunInfo info;
	MdlResults *r = mdl_simulate(sc, l, 2, NULL, &info, NULL);
	MdlResults *more = mdl_simulate(sc, l, 1, NULL, &info, NULL);

	ck_assert(r->services[0].breach_h > 0);
	for (int swap = 0; swap <= 1; swap++) {
		MdlResults *back = round_trip(sc, l, r, swap);
		assert_same_reports(sc, r, back);
		/* merged with more, the same bits either way */
		MdlResults *a = mdl_results_new(sc, l, FALSE);
		MdlResults *b = mdl_results_new(sc, l, FALSE);
		mdl_results_merge(a, r);
		mdl_results_merge(a, more);
		mdl_results_merge(b, back);
		mdl_results_merge(b, more);
		assert_same_reports(sc, a, b);
		mdl_results_free(a);
		mdl_results_free(b);
		mdl_results_free(back);
	}
	mdl_results_free(r);
	mdl_results_free(more);
	mdl_labels_free(l);
	mdl_scenario_free(sc);
}
END_TEST

/* The same bits in two cost accumulators' figures of the budget: the
 * operating costs and the net present value, in all and by slice. */
static void assert_same_budget(const MdlCostResults *a,
			       const MdlCostResults *b)
{
	assert_same_bits(a->opex, b->opex);
	assert_same_bits(a->npv, b->npv);
	ck_assert(memcmp(a->year_opex, b->year_opex,
			 a->n_years * sizeof(SimWelford)) == 0);
	ck_assert(memcmp(a->year_npv, b->year_npv,
			 a->n_years * sizeof(SimWelford)) == 0);
	for (guint y = 0; y < a->n_years; y++)
		ck_assert(sim_sketch_quantile(a->year_npv_sketch[y], 0.95) ==
			  sim_sketch_quantile(b->year_npv_sketch[y], 0.95));
	ck_assert(sim_sketch_quantile(a->npv_sketch, 0.5) ==
		  sim_sketch_quantile(b->npv_sketch, 0.5));
}

/* A budget (prices per TB and per link, indexation, discounting: every
 * cost accumulator in use) read back: the same reports, the same bits,
 * merged or not. */
START_TEST(test_serial_budget)
{
	const char *sets[] = {
		"scenario.replications=40", "costs.indexation=\"2%\"",
		"costs.discount_rate=\"4%\"",
		"costs.per_link_year={ amount = \"6k\"; count = 2; }",
		"costs.per_tb_year={ amount = \"100\"; of = [\"dpi-db\"]; }",
		NULL };
	g_autofree char *path = g_build_filename(
		DRSIM_SRCDIR, "scenarios/chu-hosted.cfg", NULL);
	GError *error = NULL;
	MdlScenario *sc = mdl_scenario_load(path, sets, &error);
	ck_assert_msg(sc, "%s", error ? error->message : "?");
	MdlLabels *l = mdl_labels_new(sc);
	MdlRunInfo info;
	MdlResults *r = mdl_simulate(sc, l, 2, NULL, &info, NULL);
	MdlResults *back = round_trip(sc, l, r, TRUE);
	MdlResults *a = mdl_results_new(sc, l, FALSE);
	MdlResults *b = mdl_results_new(sc, l, FALSE);

	ck_assert(sc->costs->budget);
	assert_same_reports(sc, r, back);
	assert_same_budget(r->cost, back->cost);
	mdl_results_merge(a, r);
	mdl_results_merge(a, r);
	mdl_results_merge(b, back);
	mdl_results_merge(b, back);
	assert_same_budget(a->cost, b->cost);
	assert_same_reports(sc, a, b);
	mdl_results_free(a);
	mdl_results_free(b);
	mdl_results_free(back);
	mdl_results_free(r);
	mdl_labels_free(l);
	mdl_scenario_free(sc);
}
END_TEST

/* The incident rows come back too. */
START_TEST(test_serial_rows)
{
	MdlScenario *sc = load("scenarios/example.cfg", "1");
	MdlLabels *l = mdl_labels_new(sc);
	MdlWorld *w = mdl_world_new(sc);
	MdlResults *r = mdl_results_new(sc, mdl_world_labels(w), TRUE);

	for (guint64 rep = 0; rep < 3; rep++)
		ck_assert(mdl_results_play(w, rep, r, NULL));
	ck_assert_uint_gt(r->rows->len, 0);
	MdlResults *back = round_trip(sc, mdl_world_labels(w), r, FALSE);
	ck_assert_str_eq(back->rows->str, r->rows->str);
	mdl_results_free(back);
	mdl_results_free(r);
	mdl_world_free(w);
	mdl_labels_free(l);
	mdl_scenario_free(sc);
}
END_TEST

/* Refused, with an error: something else than results, results of
 * another scenario, and truncated bytes. */
START_TEST(test_serial_refused)
{
	MdlScenario *sc = load("scenarios/chu-internal.cfg", "20");
	MdlScenario *other = load("scenarios/example.cfg", "20");
	MdlLabels *l = mdl_labels_new(sc), *lo = mdl_labels_new(other);
	MdlRunInfo info;
	MdlResults *r = mdl_simulate(sc, l, 1, NULL, &info, NULL);
	g_autoptr(GVariant) v = g_variant_ref_sink(mdl_results_to_variant(r));
	g_autoptr(GVariant) wrong = g_variant_ref_sink(g_variant_new_uint32(7));
	gsize size = g_variant_get_size(v);
	g_autoptr(GVariant) cut = g_variant_ref_sink(g_variant_new_from_data(
		G_VARIANT_TYPE(mdl_results_variant_type()),
		g_variant_get_data(v), size / 2, FALSE, NULL, NULL));
	GVariant *bad[] = { wrong, v, cut };
	MdlResults *into[] = { mdl_results_new(sc, l, FALSE),
			       mdl_results_new(other, lo, FALSE),
			       mdl_results_new(sc, l, FALSE) };

	for (guint i = 0; i < G_N_ELEMENTS(bad); i++) {
		GError *error = NULL;
		ck_assert_msg(!mdl_results_from_variant(into[i], bad[i], &error),
			      "case %u read", i);
		ck_assert_msg(error && *error->message, "case %u", i);
		g_error_free(error);
		mdl_results_free(into[i]);
	}
	mdl_results_free(r);
	mdl_labels_free(l);
	mdl_labels_free(lo);
	mdl_scenario_free(sc);
	mdl_scenario_free(other);
}
END_TEST

Suite *serial_suite(void)
{
	Suite *s = suite_create("serial");
	TCase *tc = tcase_create("serial");

	tcase_set_timeout(tc, 60);
	tcase_add_loop_test(tc, test_serial_round_trip, 0,
			    (int)G_N_ELEMENTS(files));
	tcase_add_test(tc, test_serial_budget);
	tcase_add_test(tc, test_serial_rows);
	tcase_add_test(tc, test_serial_refused);
	suite_add_tcase(s, tc);
	return s;
}
