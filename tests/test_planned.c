/* test_planned.c — planned downtime (docs/model.md, "Planned
 * downtime"): maintenance windows, each case on a scenario of
 * tests/data/planned/ whose comment works the exact outcome out by hand
 * (fixed laws: every replication alike); a window skipped while its
 * component is down; a failback waiting for the window, watched through
 * a recorder of its own; the same bits on 1 and 2 threads and through a
 * GVariant; bad inputs through `drsim check` (exit 2). */
#include <math.h>
#include <string.h>
#include <glib.h>
#include <json-glib/json-glib.h>

#include "models/report/report.h"
#include "models/results/figures.h"
#include "models/results/serial.h"
#include "models/results/simulate.h"
#include "models/scenario/labels.h"
#include "models/world/world.h"
#include "testutil.h"

/* A played scenario: its results and their JSON tree. */
typedef struct {
	MdlScenario *sc;
	MdlLabels *labels;
	MdlResults *r;
	JsonNode *json;
} Played;

static MdlScenario *load(const char *file, const char *const *sets)
{
	g_autofree char *path = g_build_filename(DRSIM_SRCDIR, file, NULL);
	GError *error = NULL;
	MdlScenario *sc = mdl_scenario_load(path, sets, &error);

	ck_assert_msg(sc, "%s", error ? error->message : "?");
	return sc;
}

static Played play(const char *file, unsigned threads)
{
	MdlRunInfo info = { threads, 0, NULL };
	Played p = { 0 };

	p.r = test_run_file(file, NULL, threads, &p.sc, &p.labels);
	p.json = mdl_summary_json(p.sc, p.r, &info);
	return p;
}

static void played_free(Played *p)
{
	json_node_unref(p->json);
	test_run_free(p->r, p->sc, p->labels);
}

static JsonObject *service(const Played *p, const char *id)
{
	return test_json_service(json_node_get_object(p->json), id);
}

/* member.key of an object as a number; fails when missing. */
static double num(JsonObject *o, const char *member, const char *key)
{
	ck_assert_msg(json_object_has_member(o, member), "no '%s'", member);
	JsonObject *m = json_object_get_object_member(o, member);
	ck_assert_msg(json_object_has_member(m, key), "no '%s.%s'", member,
		      key);
	return json_node_get_double(json_object_get_member(m, key));
}

/* The mean of the budget's `within`. */
static double within(JsonObject *svc)
{
	return num(json_object_get_object_member(svc, "planned_budget"),
		   "within", "mean");
}

/* 1.  A weekly 2 h window over 5 years (tests/data/planned/weekly.cfg):
 * 260 windows, 52 in each year slice: exactly 104 h/year planned, no
 * incident; availability 43 280 / 43 800 counting them, 1 without;
 * budget 12 h/year exceeded every year (within 0), 200 h/year never
 * (within 1); through a dependency too; none for a service without a
 * window. */
START_TEST(test_planned_weekly)
{
	Played p = play("tests/data/planned/weekly.cfg", 2);
	JsonObject *app = service(&p, "app"), *web = service(&p, "web");
	JsonObject *mail = service(&p, "mail");

	ck_assert(num(app, "planned_h_per_year", "mean") == 104.0);
	ck_assert(num(app, "downtime_h_per_year", "mean") == 104.0);
	ck_assert(num(app, "availability", "mean") == 43280.0 / 43800.0);
	ck_assert(num(app, "availability_unplanned", "mean") == 1.0);
	ck_assert(num(app, "incidents", "count") == 0);
	ck_assert(within(app) == 0.0);
	ck_assert(num(web, "planned_h_per_year", "mean") == 104.0);
	ck_assert(num(web, "availability", "mean") == 43280.0 / 43800.0);
	ck_assert(num(web, "incidents", "count") == 0);
	ck_assert(within(web) == 1.0);
	ck_assert(num(mail, "planned_h_per_year", "mean") == 0.0);
	ck_assert(num(mail, "availability", "mean") == 1.0);
	ck_assert(!json_object_has_member(mail, "planned_budget"));
	ck_assert_uint_eq(p.r->services[0].incidents, 0);
	played_free(&p);
}
END_TEST

/* 2.  A window due while its component is down does not start
 * (tests/data/planned/skip.cfg): one incident of 10 h, no planned
 * downtime, availability 158 / 168. */
START_TEST(test_planned_skip)
{
	Played p = play("tests/data/planned/skip.cfg", 1);
	JsonObject *app = service(&p, "app");

	ck_assert(num(app, "planned_h_per_year", "mean") == 0.0);
	ck_assert(num(app, "availability", "mean") == 158.0 / 168.0);
	/* one incident in each of the 2 replications */
	ck_assert(num(app, "incidents", "count") == 2);
	played_free(&p);
}
END_TEST

/* A recorder of its own: the incidents of replication 0 and the
 * planned stretches. */
typedef struct {
	const MdlLabels *labels;
	double t0[4], t1[4];
	char cause[4][32]; /* copied: the labels go with the world */
	guint n;
	double planned_a, planned_b, planned_h, uptime_h;
} Watch;

static void w_incident(gpointer sink, const MdlIncident *inc)
{
	Watch *x = sink;

	ck_assert_uint_lt(x->n, 4);
	x->t0[x->n] = inc->t0;
	x->t1[x->n] = inc->t_restored;
	g_strlcpy(x->cause[x->n++], mdl_labels_cause(x->labels, inc->cause),
		  sizeof x->cause[0]);
}

static void w_planned(gpointer sink, guint s, double a, double b)
{
	Watch *x = sink;

	(void)s;
	x->planned_a = a;
	x->planned_b = b;
	x->planned_h += b - a;
}

static void w_end(gpointer sink, const double *uptime_h)
{
	((Watch *)sink)->uptime_h = uptime_h[0];
}

/* What the cases do not watch. */
static void w_censored(gpointer s, guint v, double t)
{
	(void)s, (void)v, (void)t;
}

static void w_span(gpointer s, guint v, double a, double b)
{
	(void)s, (void)v, (void)a, (void)b;
}

static void w_cause(gpointer s, guint c, double t)
{
	(void)s, (void)c, (void)t;
}

static void w_lost(gpointer s, const char *id, double t)
{
	(void)s, (void)id, (void)t;
}

static void w_switched(gpointer s, double t)
{
	(void)s, (void)t;
}

static void w_repair(gpointer s, guint k, double h)
{
	(void)s, (void)k, (void)h;
}

static void w_comp(gpointer s, guint c, double a, double u)
{
	(void)s, (void)c, (void)a, (void)u;
}

static void w_events(gpointer s, guint64 n)
{
	(void)s, (void)n;
}

static const MdlRecorder watch_recorder = {
	.incident = w_incident, .censored = w_censored, .uptime = w_span,
	.planned = w_planned, .occurrence = w_cause, .lost_for_good = w_lost,
	.switched = w_switched, .repair_started = w_repair,
	.component = w_comp, .events = w_events, .end_replication = w_end,
};

static Watch watch(const char *const *sets)
{
	MdlScenario *sc = load("tests/data/planned/failback.cfg", sets);
	MdlWorld *w = mdl_world_new(sc);
	Watch x = { .labels = mdl_world_labels(w) };
	GError *error = NULL;

	ck_assert_msg(mdl_world_run(w, 0, &watch_recorder, &x, &error), "%s",
		      error ? error->message : "?");
	x.labels = NULL;
	mdl_world_free(w);
	mdl_scenario_free(sc);
	return x;
}

/* 3.  A failback waiting for the Sunday window
 * (tests/data/planned/failback.cfg): db down at 100 h, the standby
 * serving from 101 h, db repaired at 110 h; the failback opens at 146 h
 * exactly (Sunday 02:00), closes at 147 h; the window then holds app
 * down planned until 148 h; uptime 165 h.  Without failback_window it
 * starts at the repair, 110 h, and the window at 146 h is all planned
 * (2 h, uptime 164 h). */
START_TEST(test_planned_failback)
{
	const char *now[] = { "services.app.plan.failback_window=false",
			      NULL };
	Watch x = watch(NULL), y = watch(now);

	ck_assert_uint_eq(x.n, 2);
	ck_assert(x.t0[0] == 100.0 && x.t1[0] == 101.0);
	ck_assert_str_eq(x.cause[1], "failback");
	ck_assert(x.t0[1] == 146.0 && x.t1[1] == 147.0);
	ck_assert(x.planned_a == 147.0 && x.planned_b == 148.0);
	ck_assert(x.planned_h == 1.0 && x.uptime_h == 165.0);
	ck_assert_uint_eq(y.n, 2);
	ck_assert(y.t0[1] == 110.0 && y.t1[1] == 111.0);
	ck_assert(y.planned_h == 2.0 && y.uptime_h == 164.0);
}
END_TEST

/* 4.  Random draws through every part: the same report, byte for byte,
 * on 1 and 2 threads, and read back from a GVariant (what shards
 * carry). */
START_TEST(test_planned_threads)
{
	Played a = play("tests/data/planned/random.cfg", 1);
	Played b = play("tests/data/planned/random.cfg", 2);
	MdlRunInfo info = { 1, 0, NULL };
	g_autofree char *ta = mdl_report(a.sc, a.r, &info, MDL_FORMAT_JSON);
	g_autofree char *tb = mdl_report(b.sc, b.r, &info, MDL_FORMAT_JSON);
	g_autofree char *xa = mdl_report(a.sc, a.r, &info, MDL_FORMAT_TABLE);
	g_autofree char *xb = mdl_report(b.sc, b.r, &info, MDL_FORMAT_TABLE);

	ck_assert_str_eq(ta, tb);
	ck_assert_str_eq(xa, xb);
	ck_assert_ptr_nonnull(strstr(ta, "\"planned_h_per_year\""));
	ck_assert_ptr_nonnull(strstr(xa, "  planned budget "));

	g_autoptr(GVariant) v = g_variant_ref_sink(mdl_results_to_variant(a.r));
	MdlResults *back = mdl_results_new(a.sc, a.labels, FALSE);
	GError *error = NULL;
	ck_assert_msg(mdl_results_from_variant(back, v, &error), "%s",
		      error ? error->message : "?");
	g_autofree char *tc = mdl_report(a.sc, back, &info, MDL_FORMAT_JSON);
	ck_assert_str_eq(tc, ta);
	mdl_results_free(back);
	played_free(&a);
	played_free(&b);
}
END_TEST

/* 5.  Bad inputs: exit 2, the exact `file:line: message` of the .err
 * file (tests/data/bad), nothing on stdout. */
static const char *const bad[] = {
	"maintenance-weekday", "maintenance-negative",
	"maintenance-unknown-key", "maintenance-budget-negative",
};

START_TEST(test_planned_bad)
{
	test_check_rejects("tests/data/bad", bad[_i]);
}
END_TEST

Suite *planned_suite(void)
{
	Suite *s = suite_create("planned");
	TCase *tc = tcase_create("planned");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_planned_weekly);
	tcase_add_test(tc, test_planned_skip);
	tcase_add_test(tc, test_planned_failback);
	tcase_add_test(tc, test_planned_threads);
	tcase_add_loop_test(tc, test_planned_bad, 0, (int)G_N_ELEMENTS(bad));
	suite_add_tcase(s, tc);
	return s;
}
