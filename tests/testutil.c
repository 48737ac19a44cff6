/* testutil.c — helpers shared by the Check suites (see testutil.h). */
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib.h>
#include <glib/gstdio.h>

#include "models/results/simulate.h"
#include "models/world/world.h"
#include "testutil.h"

int test_drsim(const char *const *args, char **out, char **err)
{
	return test_drsim_env(args, NULL, out, err);
}

int test_drsim_env(const char *const *args, char **env, char **out,
		   char **err)
{
	g_autoptr(GPtrArray) argv = g_ptr_array_new();

	g_ptr_array_add(argv, (gpointer)DRSIM_BIN);
	for (; *args; args++)
		g_ptr_array_add(argv, (gpointer)*args);
	g_ptr_array_add(argv, NULL);
	return test_spawn((const char *const *)argv->pdata, env, out, err);
}

int test_spawn(const char *const *argv, char **env, char **out, char **err)
{
	int status = -1;
	GError *error = NULL;

	ck_assert_msg(g_spawn_sync(DRSIM_SRCDIR, (char **)argv, env,
				   G_SPAWN_SEARCH_PATH, NULL, NULL, out, err,
				   &status, &error),
		      "cannot run %s: %s", argv[0],
		      error ? error->message : "?");
	ck_assert_msg(WIFEXITED(status), "%s did not exit (status %d)",
		      argv[0], status);
	return WEXITSTATUS(status);
}

MdlScenario *test_scenario_text(const char *text, const char *const *sets)
{
	g_autofree char *path = NULL;
	GError *error = NULL;
	int fd = g_file_open_tmp("drsim-test-XXXXXX.cfg", &path, &error);

	ck_assert_int_ge(fd, 0);
	close(fd);
	ck_assert(g_file_set_contents(path, text, -1, &error));
	MdlScenario *sc = mdl_scenario_load(path, sets, &error);
	g_unlink(path);
	ck_assert_msg(sc, "%s", error ? error->message : "?");
	return sc;
}

static MdlWorld *played;

MdlResults *test_play(const char *text, guint reps, MdlScenario **sc)
{
	ck_assert_msg(!played, "test_play() twice without test_played_free()");
	*sc = test_scenario_text(text, NULL);
	played = mdl_world_new(*sc);
	MdlResults *r = mdl_results_new(*sc, mdl_world_labels(played), TRUE);
	for (guint rep = 0; rep < reps; rep++)
		ck_assert(mdl_results_play(played, rep, r, NULL));
	return r;
}

void test_played_free(MdlResults *r, MdlScenario *sc)
{
	mdl_results_free(r);
	mdl_world_free(played);
	played = NULL;
	mdl_scenario_free(sc);
}

char *test_incident_field(const MdlResults *r, guint row, guint col)
{
	g_auto(GStrv) rows = g_strsplit(r->rows->str, "\n", -1);
	ck_assert_uint_gt(g_strv_length(rows), row);
	g_auto(GStrv) f = g_strsplit(rows[row], ",", -1);
	ck_assert_uint_gt(g_strv_length(f), col);
	return g_strdup(f[col]);
}

double test_incident_num(const MdlResults *r, guint row, guint col)
{
	g_autofree char *f = test_incident_field(r, row, col);

	return *f ? g_ascii_strtod(f, NULL) : NAN;
}

static gint by_name(gconstpointer a, gconstpointer b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

GPtrArray *test_corpus(const char *dir, const char *suffix)
{
	g_autofree char *path = g_build_filename(DRSIM_SRCDIR, dir, NULL);
	GDir *d = g_dir_open(path, 0, NULL);
	GPtrArray *files = g_ptr_array_new_with_free_func(g_free);
	const char *name;

	if (!d)
		return files;
	while ((name = g_dir_read_name(d)))
		if (g_str_has_suffix(name, suffix))
			g_ptr_array_add(files, g_strdup(name));
	g_dir_close(d);
	g_ptr_array_sort(files, by_name);
	return files;
}

char *test_expected_error(const char *dir, const char *cfg, gboolean strip)
{
	g_autofree char *base = g_strndup(cfg, strlen(cfg) - 4);
	g_autofree char *path = g_strdup_printf("%s/%s.err", dir, base);
	char *text = NULL;

	ck_assert_msg(g_file_get_contents(path, &text, NULL, NULL),
		      "%s has no .err file", cfg);
	if (strip && g_str_has_suffix(text, "\n"))
		text[strlen(text) - 1] = '\0';
	return text;
}

void test_check_rejects(const char *dir, const char *name)
{
	g_autofree char *cfg = g_strdup_printf("%s/%s.cfg", dir, name);
	g_autofree char *errf = g_strdup_printf("%s/%s/%s.err", DRSIM_SRCDIR,
						dir, name);
	const char *args[] = { "check", cfg, NULL };
	g_autofree char *out = NULL, *err = NULL, *want = NULL;

	ck_assert_msg(g_file_get_contents(errf, &want, NULL, NULL),
		      "%s has no .err file", cfg);
	ck_assert_int_eq(test_drsim(args, &out, &err), 2);
	ck_assert_str_eq(out, "");
	ck_assert_str_eq(err, want);
}

MdlResults *test_run_file(const char *file, const char *const *sets,
			  unsigned threads, MdlScenario **sc, MdlLabels **l)
{
	g_autofree char *path = g_build_filename(DRSIM_SRCDIR, file, NULL);
	GError *error = NULL;
	MdlRunInfo info;

	*sc = mdl_scenario_load(path, sets, &error);
	ck_assert_msg(*sc, "%s", error ? error->message : "?");
	*l = mdl_labels_new(*sc);
	MdlResults *r = mdl_simulate(*sc, *l, threads, NULL, &info, &error);
	ck_assert_msg(r, "%s", error ? error->message : "?");
	return r;
}

void test_run_free(MdlResults *r, MdlScenario *sc, MdlLabels *l)
{
	mdl_results_free(r);
	mdl_labels_free(l);
	mdl_scenario_free(sc);
}

JsonObject *test_json_service(JsonObject *root, const char *id)
{
	JsonArray *a = json_object_get_array_member(root, "services");

	for (guint i = 0; i < json_array_get_length(a); i++) {
		JsonObject *s = json_array_get_object_element(a, i);
		if (strcmp(json_object_get_string_member(s, "id"), id) == 0)
			return s;
	}
	ck_abort_msg("no service '%s'", id);
	return NULL;
}
