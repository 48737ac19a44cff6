/* test_layers.c — tools/layers.sh, run by `make layers` and `make check`:
 * the tree as it is passes, and a tree with an include going the wrong
 * way in each of its rules fails, naming each file and line. */
#include <string.h>
#include <sys/wait.h>

#include "testfs.h"
#include "testutil.h"

/* Runs tools/layers.sh on root: its exit status, its stdout in *out. */
static int layers(const char *root, char **out)
{
	g_autofree char *script =
		g_build_filename(DRSIM_SRCDIR, "tools", "layers.sh", NULL);
	const char *argv[] = { "/bin/sh", script, root, NULL };
	int status = -1;

	ck_assert(g_spawn_sync(NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL,
			       NULL, out, NULL, &status, NULL));
	ck_assert(WIFEXITED(status));
	return WEXITSTATUS(status);
}

START_TEST(test_layers_tree_passes)
{
	g_autofree char *out = NULL;

	ck_assert_int_eq(layers(DRSIM_SRCDIR, &out), 0);
	ck_assert_str_eq(out, "layers: every include goes down\n");
}
END_TEST

static void put(const char *root, const char *path, const char *text)
{
	g_autofree char *full = g_build_filename(root, path, NULL);
	g_autofree char *dir = g_path_get_dirname(full);

	ck_assert_int_eq(g_mkdir_with_parents(dir, 0755), 0);
	ck_assert(g_file_set_contents(full, text, -1, NULL));
}

START_TEST(test_layers_wrong_way_fails)
{
	g_autofree char *root = test_tmp_dir();
	g_autofree char *out = NULL;

	put(root, "models/world/x.c", "#include <glib.h>\n"
				      "#include \"models/cli/commands.h\"\n");
	put(root, "models/world/hazards.c", "#include \"recovery.h\"\n");
	put(root, "models/world/world.c", "#include \"recovery.h\"\n");
	put(root, "sim/queue.c", "#include \"models/world/world.h\"\n");
	put(root, "sim/main.c", "#include \"models/cli/commands.h\"\n");
	put(root, "models/report/a.c", "#include \"scenario-private.h\"\n"
				       "#include \"models/results/results.h\"\n");
	put(root, "include/models/scenario/s.h",
	    "#include \"models/world/world.h\"\n");
	ck_assert_int_eq(layers(root, &out), 1);
	ck_assert_str_eq(out,
		"include/models/scenario/s.h:1: scenario includes "
		"models/world/world.h, of the higher layer world\n"
		"models/report/a.c:1: scenario-private.h is another folder's "
		"private header\n"
		"models/world/hazards.c:1: a mechanism includes recovery.h: it "
		"reaches the others through the hooks of world-core.h\n"
		"models/world/world.c:1: the core includes recovery.h: it "
		"calls the mechanisms through its hooks\n"
		"models/world/x.c:2: world includes models/cli/commands.h, of "
		"the higher layer cli\n"
		"sim/queue.c:1: the engine includes models/world/world.h: sim/ "
		"knows nothing of models/\n");
	test_rm_tree(root);
}
END_TEST

Suite *layers_suite(void)
{
	Suite *s = suite_create("layers");
	TCase *tc = tcase_create("layers");

	tcase_add_test(tc, test_layers_tree_passes);
	tcase_add_test(tc, test_layers_wrong_way_fails);
	suite_add_tcase(s, tc);
	return s;
}
