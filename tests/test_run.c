/* test_run.c — `drsim run` as a user runs it: every validation and
 * shipped scenario in the three formats, the JSON keys of docs/output.md, determinism across
 * thread counts, the options, and the files of --out. */
#include <string.h>
#include <sys/wait.h>
#include <glib.h>
#include <json-glib/json-glib.h>

#include "models/results/results.h"
#include "testfs.h"
#include "testutil.h"

static const char *const scenarios[] = {
	"scenarios/example.cfg",
	"scenarios/validation/v1-series-deterministic.cfg",
	"scenarios/validation/v2-machines-two-crews.cfg",
	"scenarios/validation/v3-machines-one-crew.cfg",
	"scenarios/validation/v5-series-dependencies.cfg",
	"scenarios/validation/v6-redundant-pair.cfg",
	"scenarios/validation/v7-three-replicas.cfg",
	"scenarios/validation/v8-rbd-server.cfg",
	"scenarios/validation/v9-parallel-pair.cfg",
	"scenarios/validation/d1-backup-restore.cfg",
	"scenarios/validation/d2-failing-backups.cfg",
	"scenarios/validation/d3-cold-standby.cfg",
	"scenarios/validation/d4-failover-stages.cfg",
	"scenarios/validation/d5-restore-growth.cfg",
	"scenarios/validation/d6-weibull-lognormal.cfg",
	"tests/data/replaced/new-random.cfg",	/* two worlds a replication */
	"scenarios/chu-today.cfg",
	"scenarios/chu-internal.cfg",
	"scenarios/chu-hosted.cfg",
	"scenarios/chu-hybrid.cfg",
	"scenarios/chu-internal-ransomware.cfg",
	"scenarios/clinic-group-hybrid.cfg",
	"scenarios/ehealth-startup.cfg",
};

#define D1 "scenarios/validation/d1-backup-restore.cfg"
#define D4 "scenarios/validation/d4-failover-stages.cfg"
#define EXAMPLE_CFG "scenarios/example.cfg"

/* The JSON of a run, parsed; its "run" object removed when strip. */
static JsonNode *run_json(const char *file, const char *threads,
			  gboolean strip)
{
	const char *args[] = { "run", file, "--format", "json", "--threads",
			       threads, "--replications", "40", NULL };
	g_autofree char *out = NULL, *err = NULL;
	GError *error = NULL;

	ck_assert_msg(test_drsim(args, &out, &err) == 0, "%s: %s", file, err);
	JsonNode *root = json_from_string(out, &error);
	ck_assert_msg(root, "%s: bad JSON: %s", file,
		      error ? error->message : "?");
	if (strip)
		json_object_remove_member(json_node_get_object(root), "run");
	return root;
}

static void assert_members(JsonObject *o, const char *const *keys,
			   const char *where)
{
	for (; *keys; keys++)
		ck_assert_msg(json_object_has_member(o, *keys),
			      "%s: no key '%s'", where, *keys);
}

/* The keys docs/output.md promises. */
START_TEST(test_run_json_keys)
{
	static const char *const top[] = { "drsim", "scenario", "seed",
		"replications", "horizon_h", "services", "components", "crews",
		"run", NULL };
	static const char *const service[] = { "id", "name", "availability",
		"downtime_h_per_year", "incidents", "rto_h", "rpo_h",
		"both_met", NULL };
	static const char *const dist[] = { "target", "mean", "p50", "p90",
		"p95", "p99", "max", "met", NULL };
	static const char *const estimate[] = { "mean", "stderr", "ci95", NULL };
	g_autoptr(JsonNode) root = run_json(scenarios[_i], "2", FALSE);
	JsonObject *o = json_node_get_object(root);

	assert_members(o, top, "top");
	JsonArray *svcs = json_object_get_array_member(o, "services");
	ck_assert_uint_ge(json_array_get_length(svcs), 1);
	JsonObject *s = json_array_get_object_element(svcs, 0);
	assert_members(s, service, "service");
	assert_members(json_object_get_object_member(s, "availability"),
		       estimate, "availability");
	assert_members(json_object_get_object_member(s, "rto_h"), dist, "rto_h");
	assert_members(json_object_get_object_member(s, "rpo_h"), dist, "rpo_h");
	ck_assert_int_eq(json_object_get_int_member(o, "replications"), 40);
	JsonObject *comp = json_array_get_object_element(
		json_object_get_array_member(o, "components"), 0);
	ck_assert(json_object_has_member(comp, "units_up"));
}
END_TEST

/* Same seed: byte-identical JSON, apart from "run", for 1 and 2 threads. */
START_TEST(test_run_threads_identical)
{
	g_autoptr(JsonNode) one = run_json(scenarios[_i], "1", TRUE);
	g_autoptr(JsonNode) two = run_json(scenarios[_i], "2", TRUE);
	g_autofree char *a = json_to_string(one, TRUE);
	g_autofree char *b = json_to_string(two, TRUE);

	ck_assert_str_eq(a, b);
}
END_TEST

/* Fields of a CSV line (commas outside quotes, plus one). */
static guint count_fields(const char *line)
{
	guint n = 1;
	gboolean quoted = FALSE;

	for (const char *p = line; *p; p++) {
		if (*p == '"')
			quoted = !quoted;
		else if (*p == ',' && !quoted)
			n++;
	}
	return n;
}

START_TEST(test_run_table_and_csv)
{
	const char *table[] = { "run", scenarios[_i], "-r", "20", NULL };
	const char *csv[] = { "run", scenarios[_i], "-r", "20", "-f", "csv", NULL };
	g_autofree char *out = NULL, *err = NULL;
	g_autofree char *cout = NULL, *cerr = NULL;

	ck_assert_int_eq(test_drsim(table, &out, &err), 0);
	ck_assert(strstr(out, "availability"));
	ck_assert(strstr(out, "RTO"));
	ck_assert(strstr(out, "breach in a year"));
	ck_assert(strstr(out, "data lost"));
	/* every "met" of an RTO/RPO line is a percentage */
	g_auto(GStrv) tlines = g_strsplit(out, "\n", -1);
	for (char **l = tlines; *l; l++) {
		const char *met = strstr(*l, " met ");
		if (g_str_has_prefix(*l, "  RTO") || g_str_has_prefix(*l, "  RPO"))
			ck_assert_msg(met && g_str_has_suffix(met, "%"), "%s", *l);
	}
	ck_assert_int_eq(test_drsim(csv, &cout, &cerr), 0);
	ck_assert(g_str_has_prefix(cout, "service,name,availability_mean,"));
	/* a header, one row per service, the same number of fields */
	g_auto(GStrv) lines = g_strsplit(cout, "\n", -1);
	ck_assert_uint_ge(g_strv_length(lines), 3);
	for (guint i = 1; lines[i] && *lines[i]; i++)
		ck_assert_uint_eq(count_fields(lines[i]), count_fields(lines[0]));
}
END_TEST

/* Bad usage: exit 2, a message on stderr, nothing on stdout. */
static const struct {
	const char *args[8];
	const char *err_has;
} bad[] = {
	{ { "run", NULL }, "expected one scenario file" },
	{ { "run", "a.cfg", "b.cfg", NULL }, "expected one scenario file" },
	{ { "run", "scenarios/example.cfg", "--threads", "0", NULL },
	  "--threads must be >= 1" },
	{ { "run", "scenarios/example.cfg", "--threads", "100000", NULL },
	  "drsim run: --threads must be <= 4096 (got 100000)\n" },
	{ { "run", "scenarios/example.cfg", "-r", "10000000000000", NULL },
	  "drsim run: --replications must be <= 1000000000 (got "
	  "10000000000000)\n" },
	{ { "run", "scenarios/example.cfg", "-r", "1e15", NULL },
	  "1e15" },
	{ { "run", "scenarios/example.cfg", "--format", "xml", NULL },
	  "--format must be table, json or csv" },
	{ { "run", "scenarios/example.cfg", "--frobnicate", NULL },
	  "Unknown option" },
	{ { "run", "no/such/file.cfg", NULL }, "no/such/file.cfg" },
	{ { "run", "scenarios/example.cfg", "--horizon", "5x", NULL },
	  "5x" },
	{ { "run", "scenarios/example.cfg", "--set", "components.nope.count=2",
	    NULL }, "--set components.nope.count" },
	{ { "run", "scenarios/example.cfg", "--out", "", NULL },
	  "--out needs a directory" },
};

START_TEST(test_run_bad_usage)
{
	g_autofree char *out = NULL, *err = NULL;

	ck_assert_int_eq(test_drsim(bad[_i].args, &out, &err), 2);
	ck_assert_msg(strstr(err, bad[_i].err_has), "stderr: %s", err);
	ck_assert_str_eq(out, "");
}
END_TEST

/* A replication beyond scenario.max_events fails at once (exit 1, the
 * budget named), whereas its elements' estimate passed at load. */
START_TEST(test_run_event_budget)
{
	const char *args[] = { "run", "tests/data/bad/count-huge.cfg",
			       "--set", "components.san.count=2",
			       "--set", "scenario.max_events=60",
			       "-H", "100y", "-r", "3", "-j", "1", NULL };
	g_autofree char *out = NULL, *err = NULL;

	ck_assert_int_eq(test_drsim(args, &out, &err), 1);
	ck_assert_msg(strstr(err, ": more than 60 events before the horizon "
			     "('max_events' of 'scenario')"),
		      "stderr: %s", err);
	ck_assert_str_eq(out, "");
}
END_TEST

/* A runaway replication names what it is busy with: the element most of
 * the events after the budget come from, at its line
 * (tests/data/runaway/: a hazard and a threat the estimate at load does
 * not count; two failure modes each below the budget, above it
 * together). */
static const struct {
	const char *file, *err;
} runaways[] = {
	{ "tests/data/runaway/hazard.cfg",
	  "tests/data/runaway/hazard.cfg: replication 0: more than 100000 "
	  "events before the horizon ('max_events' of 'scenario'), reached "
	  "at 20.9d: 100 % of the next 4096 events came from hazard "
	  "'flicker' of site 'dc' (tests/data/runaway/hazard.cfg:9); a "
	  "zero-length cycle (check for durations of 0) or an element "
	  "firing too often\n" },
	{ "tests/data/runaway/modes.cfg",
	  "tests/data/runaway/modes.cfg: replication 0: more than 100000 "
	  "events before the horizon ('max_events' of 'scenario'), reached "
	  "at 166d: 64 % of the next 4096 events came from failure mode "
	  "'wear' of component 'disk' (tests/data/runaway/modes.cfg:10); a "
	  "zero-length cycle (check for durations of 0) or an element "
	  "firing too often\n" },
	{ "tests/data/runaway/threat.cfg",
	  "tests/data/runaway/threat.cfg: replication 0: more than 100000 "
	  "events before the horizon ('max_events' of 'scenario'), reached "
	  "at 13.8d: 100 % of the next 4096 events came from threat "
	  "'locker' (tests/data/runaway/threat.cfg:13); a zero-length cycle "
	  "(check for durations of 0) or an element firing too often\n" },
};

START_TEST(test_run_runaway_named)
{
	const char *args[] = { "run", runaways[_i].file, "-q", "-j", "2",
			       NULL };
	g_autofree char *out = NULL, *err = NULL;

	ck_assert_int_eq(test_drsim(args, &out, &err), 1);
	ck_assert_str_eq(err, runaways[_i].err);
	ck_assert_str_eq(out, "");
}
END_TEST

/* incidents.csv past scenario.max_incident_rows: the run fails, exit 1,
 * the same message for any thread count, nothing left in DIR (not even
 * DIR); without --out there are no rows and no limit. */
START_TEST(test_run_incident_rows_limit)
{
	g_autofree char *tmp = g_dir_make_tmp("drsim-rows-XXXXXX", NULL);
	g_autofree char *dir = g_build_filename(tmp, "out", NULL);
	const char *want =
		EXAMPLE_CFG ": more than 50 incident rows for incidents.csv "
		"('max_incident_rows' of 'scenario'): play fewer replications, "
		"or raise the limit if the disk can hold them (about 120 bytes "
		"a row)\n";

	for (int j = 1; j <= 2; j++) {
		g_autofree char *threads = g_strdup_printf("%d", j);
		const char *args[] = { "run", EXAMPLE_CFG, "-r", "200", "-q",
				       "--set", "scenario.max_incident_rows=50",
				       "--out", dir, "-j", threads, NULL };
		g_autofree char *out = NULL, *err = NULL;

		ck_assert_int_eq(test_drsim(args, &out, &err), 1);
		ck_assert_str_eq(err, want);
		ck_assert_msg(!g_file_test(dir, G_FILE_TEST_EXISTS),
			      "%s left", dir);
	}
	const char *no_out[] = { "run", EXAMPLE_CFG, "-r", "200", "-q", "--set",
				 "scenario.max_incident_rows=50", NULL };
	g_autofree char *out = NULL, *err = NULL;
	ck_assert_int_eq(test_drsim(no_out, &out, &err), 0);
	g_rmdir(tmp);
}
END_TEST

/* -- data protection figures --------------------------------------------- */

/* Scenarios with datasets: D1 restores from backups, D4 fails over. */
static const char *const protected[] = { D1, D4 };

static JsonObject *service0(JsonNode *root)
{
	JsonArray *svcs = json_object_get_array_member(
		json_node_get_object(root), "services");

	return json_array_get_object_element(svcs, 0);
}

/* The entry of s.key ("by_cause", "by_path") whose what ("cause",
 * "path") is label; NULL when none. */
static JsonObject *find_entry(JsonObject *s, const char *key,
			      const char *what, const char *label)
{
	JsonArray *a = json_object_get_array_member(s, key);

	for (guint i = 0; i < json_array_get_length(a); i++) {
		JsonObject *e = json_array_get_object_element(a, i);
		if (strcmp(json_object_get_string_member(e, what), label) == 0)
			return e;
	}
	return NULL;
}

/* Every entry of s.key has its keys, and the entries share out the
 * closed incidents: each has exactly one cause and one path. */
static void check_breakdowns(JsonObject *s, const char *key, const char *what)
{
	static const char *const entry[] = { "incidents", "rto_h", "rpo_h",
		"both_met", NULL };
	static const char *const summary[] = { "mean", "p50", "p90", "p95",
		"p99", "max", NULL };
	JsonArray *a = json_object_get_array_member(s, key);
	gint64 total = 0;

	ck_assert_uint_ge(json_array_get_length(a), 1);
	for (guint i = 0; i < json_array_get_length(a); i++) {
		JsonObject *e = json_array_get_object_element(a, i);
		ck_assert_msg(json_object_has_member(e, what), "%s: no %s", key,
			      what);
		assert_members(e, entry, key);
		assert_members(json_object_get_object_member(e, "rto_h"),
			       summary, "rto_h");
		JsonObject *rpo = json_object_get_object_member(e, "rpo_h");
		assert_members(rpo, summary, "rpo_h");
		ck_assert(json_object_has_member(rpo, "unknown"));
		ck_assert_int_gt(json_object_get_int_member(e, "incidents"), 0);
		total += json_object_get_int_member(e, "incidents");
	}
	JsonObject *inc = json_object_get_object_member(s, "incidents");
	ck_assert_int_eq(total, json_object_get_int_member(inc, "count"));
}

START_TEST(test_run_protection_keys)
{
	static const char *const estimate[] = { "mean", "stderr", "ci95",
		NULL };
	static const char *const declared[] = { "mean", "p50", "p90", "p95",
		"p99", "max", "count", NULL };
	g_autoptr(JsonNode) root = run_json(protected[_i], "2", FALSE);
	JsonObject *s = service0(root);

	assert_members(json_object_get_object_member(s, "p_breach_per_year"),
		       estimate, "p_breach_per_year");
	assert_members(json_object_get_object_member(s, "data_loss_h_per_year"),
		       estimate, "data_loss_h_per_year");
	assert_members(json_object_get_object_member(s, "rto_declared_h"),
		       declared, "rto_declared_h");
	ck_assert(json_object_has_member(
		json_object_get_object_member(s, "rpo_h"), "unknown"));
	check_breakdowns(s, "by_cause", "cause");
	check_breakdowns(s, "by_path", "path");
}
END_TEST

/* D1: every incident is a crash of the server, restored from the daily
 * backup, and loses data. */
START_TEST(test_run_d1_breakdown)
{
	g_autoptr(JsonNode) root = run_json(D1, "2", FALSE);
	JsonObject *s = service0(root);
	JsonObject *inc = json_object_get_object_member(s, "incidents");
	JsonObject *crash = find_entry(s, "by_cause", "cause",
				       "component:server:crash");
	JsonObject *loss =
		json_object_get_object_member(s, "data_loss_h_per_year");

	ck_assert_ptr_nonnull(crash);
	ck_assert_int_gt(json_object_get_int_member(inc, "count"), 0);
	ck_assert_int_eq(json_object_get_int_member(crash, "incidents"),
			 json_object_get_int_member(inc, "count"));
	ck_assert_ptr_nonnull(find_entry(s, "by_path", "path",
					 "restore:db/daily"));
	ck_assert(json_object_get_double_member(loss, "mean") > 0);
}
END_TEST

/* D4: every incident is declared once detected (10 min) and decided
 * (30 min), then fails over to the standby in 15 min: RTO from the
 * declaration exactly 15 min. */
START_TEST(test_run_d4_declared)
{
	g_autoptr(JsonNode) root = run_json(D4, "2", FALSE);
	JsonObject *s = service0(root);
	JsonObject *decl = json_object_get_object_member(s, "rto_declared_h");
	JsonObject *inc = json_object_get_object_member(s, "incidents");

	ck_assert_int_gt(json_object_get_int_member(decl, "count"), 0);
	ck_assert_int_eq(json_object_get_int_member(decl, "count"),
			 json_object_get_int_member(inc, "count"));
	assert_close(json_object_get_double_member(decl, "mean"), 0.25, 1e-9);
	ck_assert_ptr_nonnull(find_entry(s, "by_path", "path",
					 "failover:standby"));
}
END_TEST

/* -- --out DIR ----------------------------------------------------------- */

/* `drsim run file -r 40 -j threads -f format --out dir`: its exit status. */
static int run_out(const char *file, const char *dir, const char *threads,
		   const char *format, char **out, char **err)
{
	const char *args[] = { "run", file, "-r", "40", "-j", threads, "-f",
			       format, "--out", dir, NULL };

	return test_drsim(args, out, err);
}

static gint64 closed_incidents(JsonNode *root)
{
	JsonArray *svcs = json_object_get_array_member(
		json_node_get_object(root), "services");
	gint64 n = 0;

	for (guint i = 0; i < json_array_get_length(svcs); i++) {
		JsonObject *s = json_array_get_object_element(svcs, i);
		n += json_object_get_int_member(
			json_object_get_object_member(s, "incidents"), "count");
	}
	return n;
}

/* Both files in a directory made for them: summary.json is the JSON
 * report, incidents.csv its header and one row per closed incident. */
START_TEST(test_run_out_files)
{
	g_autofree char *tmp = test_tmp_dir();
	g_autofree char *dir = g_build_filename(tmp, "new", "out", NULL);
	g_autofree char *out = NULL, *err = NULL;

	ck_assert_msg(run_out(protected[_i], dir, "2", "json", &out, &err) == 0,
		      "%s", err);
	g_autofree char *names = test_list_dir(dir);
	/* both files and the charts' data and scripts, no temporary */
	ck_assert_msg(strstr(names, "incidents.csv") &&
		      strstr(names, "summary.json") &&
		      strstr(names, "rto_cdf.gp") && !strstr(names, ".tmp") &&
		      names[0] != '.' && !strstr(names, " ."),
		      "%s", names);
	g_autofree char *summary = test_read_file(dir, "summary.json");
	ck_assert_str_eq(summary, out);
	g_autoptr(JsonNode) root = json_from_string(summary, NULL);
	ck_assert_ptr_nonnull(root);

	g_autofree char *csv = test_read_file(dir, "incidents.csv");
	ck_assert(g_str_has_prefix(csv, mdl_results_csv_header()));
	ck_assert(g_str_has_suffix(csv, "\n"));
	g_auto(GStrv) lines = g_strsplit(csv, "\n", -1);
	guint n = g_strv_length(lines) - 2;	/* less header and last "" */
	ck_assert_int_gt(n, 0);
	ck_assert_int_eq(n, closed_incidents(root));
	for (guint i = 1; i <= n; i++)
		ck_assert_uint_eq(count_fields(lines[i]), 12);
	test_rm_tree(tmp);
}
END_TEST

/* 1 and 2 threads: the same incidents.csv, the same summary.json apart
 * from "run" (and a table on stdout does not change the summary). */
START_TEST(test_run_out_threads_identical)
{
	g_autofree char *tmp = test_tmp_dir();
	g_autofree char *one = g_build_filename(tmp, "one", NULL);
	g_autofree char *two = g_build_filename(tmp, "two", NULL);
	g_autofree char *o1 = NULL, *e1 = NULL, *o2 = NULL, *e2 = NULL;

	ck_assert_int_eq(run_out(protected[_i], one, "1", "table", &o1, &e1),
			 0);
	ck_assert_int_eq(run_out(protected[_i], two, "2", "csv", &o2, &e2), 0);
	g_autofree char *c1 = test_read_file(one, "incidents.csv");
	g_autofree char *c2 = test_read_file(two, "incidents.csv");
	ck_assert_str_eq(c1, c2);
	g_autofree char *s1 = test_read_file(one, "summary.json");
	g_autofree char *s2 = test_read_file(two, "summary.json");
	g_autoptr(JsonNode) j1 = json_from_string(s1, NULL);
	g_autoptr(JsonNode) j2 = json_from_string(s2, NULL);
	json_object_remove_member(json_node_get_object(j1), "run");
	json_object_remove_member(json_node_get_object(j2), "run");
	g_autofree char *a = json_to_string(j1, TRUE);
	g_autofree char *b = json_to_string(j2, TRUE);
	ck_assert_str_eq(a, b);
	test_rm_tree(tmp);
}
END_TEST

/* A directory that cannot be made: exit 1, the reason, nothing created,
 * and no report (the run does not start). */
START_TEST(test_run_out_unwritable)
{
	g_autofree char *tmp = test_tmp_dir();
	g_autofree char *file = test_write_file(tmp, "file", "x");
	g_autofree char *dir = g_build_filename(file, "sub", NULL);
	g_autofree char *want = g_strdup_printf(
		"drsim run: cannot write '%s/incidents.csv': ", dir);
	g_autofree char *out = NULL, *err = NULL;

	ck_assert_int_eq(run_out(D1, dir, "2", "json", &out, &err), 1);
	ck_assert_msg(g_str_has_prefix(err, want), "stderr: %s", err);
	ck_assert_str_eq(out, "");
	g_autofree char *names = test_list_dir(tmp);
	ck_assert_str_eq(names, "file");
	test_rm_tree(tmp);
}
END_TEST

/* A bad scenario: exit 2, and the directory, existing or not, gets
 * nothing, not even a temporary. */
static const char *const bad_out[][4] = {
	{ "no/such/file.cfg", NULL },
	{ "scenarios/example.cfg", "--set", "components.nope.count=2", NULL },
};

START_TEST(test_run_out_bad_scenario)
{
	g_autofree char *dir = test_tmp_dir();
	g_autofree char *missing = g_build_filename(dir, "missing", NULL);
	const char *const *b = bad_out[_i];

	for (int k = 0; k < 2; k++) {
		const char *args[] = { "run", b[0], "--out", k ? missing : dir,
				       b[1], b[2], NULL };
		g_autofree char *out = NULL, *err = NULL;
		ck_assert_int_eq(test_drsim(args, &out, &err), 2);
		g_autofree char *names = test_list_dir(dir);
		ck_assert_str_eq(names, "");
	}
	test_rm_tree(dir);
}
END_TEST

Suite *run_suite(void)
{
	Suite *s = suite_create("run");
	TCase *tc = tcase_create("run");
	int n = (int)G_N_ELEMENTS(scenarios);
	int np = (int)G_N_ELEMENTS(protected);

	tcase_set_timeout(tc, 60);
	tcase_add_loop_test(tc, test_run_json_keys, 0, n);
	tcase_add_loop_test(tc, test_run_threads_identical, 0, n);
	tcase_add_loop_test(tc, test_run_table_and_csv, 0, n);
	tcase_add_loop_test(tc, test_run_bad_usage, 0, (int)G_N_ELEMENTS(bad));
	tcase_add_test(tc, test_run_event_budget);
	tcase_add_loop_test(tc, test_run_runaway_named, 0,
			    (int)G_N_ELEMENTS(runaways));
	tcase_add_test(tc, test_run_incident_rows_limit);
	tcase_add_loop_test(tc, test_run_protection_keys, 0, np);
	tcase_add_test(tc, test_run_d1_breakdown);
	tcase_add_test(tc, test_run_d4_declared);
	tcase_add_loop_test(tc, test_run_out_files, 0, np);
	tcase_add_loop_test(tc, test_run_out_threads_identical, 0, np);
	tcase_add_test(tc, test_run_out_unwritable);
	tcase_add_loop_test(tc, test_run_out_bad_scenario, 0,
			    (int)G_N_ELEMENTS(bad_out));
	suite_add_tcase(s, tc);
	return s;
}
