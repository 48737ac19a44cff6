/* test_run.c — `drsim run` as a user runs it: every validation scenario in
 * the three formats, the JSON keys of docs/output.md, determinism across
 * thread counts, and the options. */
#include <string.h>
#include <sys/wait.h>
#include <glib.h>
#include <json-glib/json-glib.h>

#include "testutil.h"

/* Runs drsim with args (NULL-terminated) from the source directory: its
 * exit status, its output in out and err (yours to free). */
static int drsim(const char *const *args, char **out, char **err)
{
	GPtrArray *argv = g_ptr_array_new();
	int status = -1;
	GError *error = NULL;

	g_ptr_array_add(argv, (gpointer)DRSIM_BIN);
	for (; *args; args++)
		g_ptr_array_add(argv, (gpointer)*args);
	g_ptr_array_add(argv, NULL);
	ck_assert_msg(g_spawn_sync(DRSIM_SRCDIR, (char **)argv->pdata, NULL,
				   G_SPAWN_DEFAULT, NULL, NULL, out, err,
				   &status, &error),
		      "cannot run %s: %s", DRSIM_BIN,
		      error ? error->message : "?");
	g_ptr_array_free(argv, TRUE);
	ck_assert(WIFEXITED(status));
	return WEXITSTATUS(status);
}

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
	"scenarios/validation/d3-cold-standby.cfg",
	"scenarios/validation/d6-weibull-lognormal.cfg",
};

/* The JSON of a run, parsed; its "run" object removed when strip. */
static JsonNode *run_json(const char *file, const char *threads,
			  gboolean strip)
{
	const char *args[] = { "run", file, "--format", "json", "--threads",
			       threads, "--replications", "40", NULL };
	g_autofree char *out = NULL, *err = NULL;
	GError *error = NULL;

	ck_assert_msg(drsim(args, &out, &err) == 0, "%s: %s", file, err);
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

	ck_assert_int_eq(drsim(table, &out, &err), 0);
	ck_assert(strstr(out, "availability"));
	ck_assert(strstr(out, "RTO"));
	/* every "met" of an RTO/RPO line is a percentage */
	g_auto(GStrv) tlines = g_strsplit(out, "\n", -1);
	for (char **l = tlines; *l; l++) {
		const char *met = strstr(*l, " met ");
		if (g_str_has_prefix(*l, "  RTO") || g_str_has_prefix(*l, "  RPO"))
			ck_assert_msg(met && g_str_has_suffix(met, "%"), "%s", *l);
	}
	ck_assert_int_eq(drsim(csv, &cout, &cerr), 0);
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
	{ { "run", "scenarios/example.cfg", "--format", "xml", NULL },
	  "--format must be table, json or csv" },
	{ { "run", "scenarios/example.cfg", "--frobnicate", NULL },
	  "Unknown option" },
	{ { "run", "no/such/file.cfg", NULL }, "no/such/file.cfg" },
	{ { "run", "scenarios/example.cfg", "--horizon", "5x", NULL },
	  "5x" },
	{ { "run", "scenarios/example.cfg", "--set", "components.nope.count=2",
	    NULL }, "--set components.nope.count" },
};

START_TEST(test_run_bad_usage)
{
	g_autofree char *out = NULL, *err = NULL;

	ck_assert_int_eq(drsim(bad[_i].args, &out, &err), 2);
	ck_assert_msg(strstr(err, bad[_i].err_has), "stderr: %s", err);
	ck_assert_str_eq(out, "");
}
END_TEST

Suite *run_suite(void)
{
	Suite *s = suite_create("run");
	TCase *tc = tcase_create("run");
	int n = (int)G_N_ELEMENTS(scenarios);

	tcase_set_timeout(tc, 60);
	tcase_add_loop_test(tc, test_run_json_keys, 0, n);
	tcase_add_loop_test(tc, test_run_threads_identical, 0, n);
	tcase_add_loop_test(tc, test_run_table_and_csv, 0, n);
	tcase_add_loop_test(tc, test_run_bad_usage, 0, (int)G_N_ELEMENTS(bad));
	suite_add_tcase(s, tc);
	return s;
}
