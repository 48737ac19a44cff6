/* test_drivers.c — what drives the breaches (results/drivers.h,
 * docs/model.md "What drives the breaches"): exact cases whose answer is
 * known by construction (tests/data/drivers/, their comments work it
 * out), the replaced topology's components and sites, the same bits
 * whatever the thread count, the JSON keys, and `drsim run --drivers`
 * (its table block, its charts, through shards and merge). */
#include <string.h>
#include <glib.h>
#include <json-glib/json-glib.h>

#include "models/report/report.h"
#include "models/results/drivers.h"
#include "models/results/simulate.h"
#include "models/scenario/labels.h"
#include "testfs.h"
#include "testutil.h"

/* Floating-point sums of exact hours: equal to the last bits or nearly. */
#define EXACT 1e-12

/* The scenario file with reps replications (NULL: its own), played on
 * threads into merged results (labels in *l, scenario in *sc: free all
 * three with test_run_free()). */
static MdlResults *play(const char *file, unsigned threads,
			const char *reps, MdlScenario **sc, MdlLabels **l)
{
	g_autofree char *set = reps ? g_strdup_printf(
		"scenario.replications=%s", reps) : NULL;
	const char *sets[] = { set, NULL };

	return test_run_file(file, sets, threads, sc, l);
}

/* A cause's expected shares (NAN: none, no whole). */
typedef struct {
	const char *cause;
	double breaches, downtime, data_lost;
} CauseCase;

/* A component's or site's expected importance ("site s1"). */
typedef struct {
	const char *name;
	double share;
} ImportanceCase;

typedef struct {
	const char *file;
	guint64 breaches;	/* per replication */
	double breach_h;	/* per replication */
	CauseCase causes[3];	/* in the order of the report */
	ImportanceCase importance[5];	/* in the order of the report */
} DriversCase;

/* Each played 3 times: every replication is the same. */
static const DriversCase cases[] = {
	{ "tests/data/drivers/one-failing.cfg", 9, 90,
	  { { "component:a:wear", 1, 1, NAN } },
	  { { "component a", 1 }, { "component b", 0 }, { "site s1", 0 },
	    { "site s2", 0 } } },
	{ "tests/data/drivers/site-outage.cfg", 4, 40,
	  { { "site:s1:outage", 1, 1, NAN } },
	  { { "component a", 1 }, { "site s1", 1 }, { "component b", 0 },
	    { "site s2", 0 } } },
	{ "tests/data/drivers/two-causes.cfg", 14, 115,
	  { { "component:a:wear", 9.0 / 14, 90.0 / 115, 455.0 / 630 },
	    { "component:b:wear", 5.0 / 14, 25.0 / 115, 175.0 / 630 } },
	  { { "component a", 90.0 / 115 }, { "component b", 25.0 / 115 },
	    { "site s1", 0 }, { "site s2", 0 } } },
	/* 9 breaches of the replaced topology's box (10 h each), then 1 of
	 * the new vm (5 h): tests/data/replaced/new.cfg */
	{ "tests/data/replaced/new.cfg", 10, 95,
	  { { "replaced:component:box:f", 0.9, 90.0 / 95, NAN },
	    { "component:vm:f", 0.1, 5.0 / 95, NAN } },
	  { { "component replaced:box", 90.0 / 95 },
	    { "component vm", 5.0 / 95 }, { "site dc", 0 },
	    { "site replaced:room", 0 } } },
};

static void assert_share(double got, double want, const char *what)
{
	if (isnan(want)) {
		ck_assert_msg(isnan(got), "%s: %g, expected none", what, got);
		return;
	}
	ck_assert_msg(fabs(got - want) <= EXACT, "%s: %.17g, expected %.17g",
		      what, got, want);
}

static void assert_causes(const MdlDrivers *d, const DriversCase *c)
{
	guint n = 0;

	while (n < G_N_ELEMENTS(c->causes) && c->causes[n].cause)
		n++;
	ck_assert_uint_eq(d->n_causes, n);
	for (guint k = 0; k < n; k++) {
		const MdlCauseShare *x = &d->by_cause[k];
		const CauseCase *want = &c->causes[k];
		ck_assert_str_eq(x->label, want->cause);
		assert_share(x->breaches_share, want->breaches, x->label);
		assert_share(x->downtime_share, want->downtime, x->label);
		assert_share(x->data_lost_share, want->data_lost, x->label);
	}
}

static void assert_importance(const MdlDrivers *d, const DriversCase *c)
{
	guint n = 0;

	while (n < G_N_ELEMENTS(c->importance) && c->importance[n].name)
		n++;
	ck_assert_uint_eq(d->n_importance, n);
	for (guint k = 0; k < n; k++) {
		const MdlImportance *x = &d->importance[k];
		g_autofree char *id = mdl_down_name(&x->what);
		g_autofree char *name = g_strdup_printf(
			"%s %s", mdl_down_kind(&x->what), id);
		ck_assert_str_eq(name, c->importance[k].name);
		assert_share(x->share, c->importance[k].share, name);
	}
}

/* 1.  The exact cases: every share as worked out in the files. */
START_TEST(test_drivers_exact)
{
	const DriversCase *c = &cases[_i];
	MdlScenario *sc;
	MdlLabels *l;
	MdlResults *r = play(c->file, 2, "3", &sc, &l);
	g_autoptr(MdlDrivers) d = mdl_drivers_new(r, 0);

	ck_assert_uint_eq(r->replications, 3);
	ck_assert_uint_eq(d->breaches, 3 * c->breaches);
	assert_close(d->breach_h, 3 * c->breach_h, EXACT);
	assert_close(d->downtime_h, 3 * c->breach_h, EXACT);	/* all breach */
	assert_causes(d, c);
	assert_importance(d, c);
	test_run_free(r, sc, l);
}
END_TEST

/* 2.  The breaches by cause add up to the service's, and the counts
 * behind them are the breakdowns' (incidents − both met). */
START_TEST(test_drivers_wholes)
{
	MdlScenario *sc;
	MdlLabels *l;
	MdlResults *r = play("scenarios/chu-internal.cfg", 2, "100", &sc, &l);

	for (guint i = 0; i < sc->n_services; i++) {
		const MdlServiceResults *s = &r->services[i];
		g_autoptr(MdlDrivers) d = mdl_drivers_new(r, i);
		double shares = 0;
		ck_assert_uint_eq(d->breaches, s->incidents - s->both_met);
		for (guint k = 0; k < d->n_causes; k++)
			shares += d->by_cause[k].breaches_share;
		if (d->breaches > 0)
			assert_close(shares, 1, 1e-9);
		/* RTO summed = n·mean, to rounding */
		assert_close(d->downtime_h,
			     (double)s->rto_h.n * sim_welford_mean(&s->rto_h),
			     1e-9 * d->downtime_h);
		ck_assert(d->breach_h <= d->downtime_h * (1 + 1e-12));
		/* no breach-hours, no share; else in [0, 1], most first */
		for (guint k = 0; k < d->n_importance; k++)
			ck_assert_msg(d->breach_h > 0
					      ? d->importance[k].share <=
							1 + 1e-9 &&
						d->importance[k].share >= 0
					      : isnan(d->importance[k].share),
				      "importance %g of %g breach-hours",
				      d->importance[k].share, d->breach_h);
		for (guint k = 1; k < d->n_importance && d->breach_h > 0; k++)
			ck_assert(d->importance[k].share <=
				  d->importance[k - 1].share);
	}
	test_run_free(r, sc, l);
}
END_TEST

/* 3.  The same bits on 1, 2 and 3 threads: the accumulators and the
 * table with its drivers' blocks. */
START_TEST(test_drivers_threads)
{
	MdlScenario *sc[3];
	MdlLabels *l[3];
	MdlResults *r[3];
	char *text[3];
	MdlRunInfo info = { 1, 0, NULL };

	for (guint t = 0; t < 3; t++) {
		r[t] = play("scenarios/chu-internal.cfg", t + 1, "130", &sc[t],
			    &l[t]);
		text[t] = mdl_report_with(sc[t], r[t], &info, MDL_FORMAT_TABLE,
					  MDL_REPORT_DRIVERS);
	}
	for (guint t = 1; t < 3; t++) {
		ck_assert_str_eq(text[t], text[0]);
		for (guint i = 0; i < sc[0]->n_services; i++) {
			const MdlServiceResults *a = &r[0]->services[i];
			const MdlServiceResults *b = &r[t]->services[i];
			ck_assert(memcmp(&a->breach_h, &b->breach_h,
					 sizeof a->breach_h) == 0);
			ck_assert(memcmp(a->breach_down_h, b->breach_down_h,
					 r[0]->n_down * sizeof(double)) == 0);
		}
	}
	ck_assert_ptr_nonnull(strstr(text[0], "What drives the breaches"));
	for (guint t = 0; t < 3; t++) {
		g_free(text[t]);
		test_run_free(r[t], sc[t], l[t]);
	}
}
END_TEST

static JsonObject *drivers_of(JsonNode *root, guint service)
{
	JsonArray *svcs = json_object_get_array_member(
		json_node_get_object(root), "services");

	return json_object_get_object_member(
		json_array_get_object_element(svcs, service), "drivers");
}

static void assert_keys(JsonObject *o, const char *const *keys,
			const char *where)
{
	for (; *keys; keys++)
		ck_assert_msg(json_object_has_member(o, *keys),
			      "%s: no key '%s'", where, *keys);
}

/* 4.  services[].drivers in the JSON of docs/output.md, without
 * --drivers: its keys and, for two-causes, its numbers. */
START_TEST(test_drivers_json)
{
	const char *args[] = { "run", "tests/data/drivers/two-causes.cfg",
			       "-f", "json", NULL };
	const char *const top[] = { "breaches", "breach_h", "downtime_h",
				    "data_lost_h", "by_cause", "importance",
				    NULL };
	const char *const cause[] = { "cause", "breaches", "breaches_share",
				      "downtime_h", "downtime_share",
				      "data_lost_h", "data_lost_share", NULL };
	const char *const imp[] = { "kind", "id", "share", "down_h", NULL };
	g_autofree char *out = NULL, *err = NULL;

	ck_assert_msg(test_drsim(args, &out, &err) == 0, "%s", err);
	g_autoptr(JsonNode) root = json_from_string(out, NULL);
	ck_assert_ptr_nonnull(root);
	JsonObject *d = drivers_of(root, 0);
	assert_keys(d, top, "drivers");
	ck_assert_int_eq(json_object_get_int_member(d, "breaches"), 14 * 3);
	JsonArray *c = json_object_get_array_member(d, "by_cause");
	ck_assert_uint_eq(json_array_get_length(c), 2);
	JsonObject *first = json_array_get_object_element(c, 0);
	assert_keys(first, cause, "by_cause[0]");
	ck_assert_str_eq(json_object_get_string_member(first, "cause"),
			 "component:a:wear");
	assert_close(json_object_get_double_member(first, "data_lost_share"),
		     455.0 / 630, EXACT);
	JsonArray *im = json_object_get_array_member(d, "importance");
	ck_assert_uint_eq(json_array_get_length(im), 4);
	for (guint k = 0; k < 4; k++) {
		JsonObject *e = json_array_get_object_element(im, k);
		assert_keys(e, imp, "importance[]");
		const char *kind = json_object_get_string_member(e, "kind");
		ck_assert(strcmp(kind, "component") == 0 ||
			  strcmp(kind, "site") == 0);
	}
	JsonObject *top_imp = json_array_get_object_element(im, 0);
	ck_assert_str_eq(json_object_get_string_member(top_imp, "id"), "a");
	assert_close(json_object_get_double_member(top_imp, "share"),
		     90.0 / 115, EXACT);
}
END_TEST

/* The block of service app of one-failing, as the table prints it. */
static const char block[] =
	"  What drives the breaches: 27 breaches of 27 closed incidents, "
	"270 breach-hours\n"
	"    by cause                      breaches  downtime  data lost\n"
	"      component:a:wear              100.0%    100.0%          -\n"
	"    down during the breach-hours     share     hours\n"
	"      component a                   100.0%       270\n";

/* 5.  `drsim run --drivers`: the block after the service (without it,
 * none); with --out, drivers_app.dat/.gp, whose bars are what was
 * down. */
START_TEST(test_drivers_cli)
{
	g_autofree char *tmp = test_tmp_dir();
	g_autofree char *dir = g_build_filename(tmp, "out", NULL);
	const char *with[] = { "run", "tests/data/drivers/one-failing.cfg",
			       "--drivers", "--out", dir, NULL };
	const char *without[] = { "run", "tests/data/drivers/one-failing.cfg",
				  NULL };
	g_autofree char *out = NULL, *err = NULL, *plain = NULL;
	g_autofree char *dat = NULL;
	g_autofree char *dat_path = g_build_filename(dir, "drivers_app.dat",
						     NULL);
	g_autofree char *gp_path = g_build_filename(dir, "drivers_app.gp",
						    NULL);

	ck_assert_msg(test_drsim(with, &out, &err) == 0, "%s", err);
	ck_assert_msg(strstr(out, block), "no block in:\n%s", out);
	ck_assert_int_eq(test_drsim(without, &plain, NULL), 0);
	ck_assert_ptr_null(strstr(plain, "What drives"));
	ck_assert(g_file_get_contents(dat_path, &dat, NULL, NULL));
	ck_assert(g_str_has_prefix(dat, "# row kind id share_fraction "
					"down_h\n"));
	ck_assert_ptr_nonnull(strstr(dat, "\n0 component a 1 270\n"));
	ck_assert_ptr_null(strstr(dat, "component b"));
	ck_assert(g_file_test(gp_path, G_FILE_TEST_EXISTS));
	test_rm_tree(tmp);
}
END_TEST

/* 6.  --drivers survives shards and merge: it is one of the options a
 * shard records. */
START_TEST(test_drivers_merge)
{
	g_autofree char *tmp = test_tmp_dir();
	g_autofree char *shards = g_build_filename(tmp, "shards", NULL);
	g_autofree char *merged = g_build_filename(tmp, "merged", NULL);
	const char *one[] = { "run", "tests/data/drivers/one-failing.cfg",
			      "--drivers", "--shard", "0/2", "--out", shards,
			      NULL };
	const char *two[] = { "run", "tests/data/drivers/one-failing.cfg",
			      "--drivers", "--shard", "1/2", "--out", shards,
			      NULL };
	const char *merge[] = { "merge", shards, "--out", merged, NULL };
	g_autofree char *out = NULL, *err = NULL;

	g_autofree char *o1 = NULL, *o2 = NULL;

	ck_assert_int_eq(test_drsim(one, &o1, NULL), 0);
	ck_assert_int_eq(test_drsim(two, &o2, NULL), 0);
	ck_assert_msg(test_drsim(merge, &out, &err) == 0, "%s", err);
	ck_assert_msg(strstr(out, block), "no block in:\n%s", out);
	test_rm_tree(tmp);
}
END_TEST

Suite *drivers_suite(void)
{
	Suite *s = suite_create("drivers");
	TCase *tc = tcase_create("drivers");

	tcase_set_timeout(tc, 60);
	tcase_add_loop_test(tc, test_drivers_exact, 0,
			    (int)G_N_ELEMENTS(cases));
	tcase_add_test(tc, test_drivers_wholes);
	tcase_add_test(tc, test_drivers_threads);
	tcase_add_test(tc, test_drivers_json);
	tcase_add_test(tc, test_drivers_cli);
	tcase_add_test(tc, test_drivers_merge);
	suite_add_tcase(s, tc);
	return s;
}
