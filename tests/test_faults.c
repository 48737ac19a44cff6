/* test_faults.c — faults while drsim writes --out (issue 15): SIGINT and
 * SIGTERM at fixed moments of run, compare and sweep, a full disk (an
 * LD_PRELOAD injector, tests/preload/failwrite.c, and a real 64 KiB
 * tmpfs when the test may mount one), the directory removed during the
 * run.  Whatever the moment, DIR holds no temporary and either its
 * earlier files, whole, or the new set, whole.
 *
 * The signals' outcome depends on timing: each case accepts "finished
 * before the signal" and "interrupted", and checks the invariants of
 * both.  The sets are compared file by file with a reference run, JSON
 * timings ("wall_s") masked. */
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <gio/gio.h>

#include "testfs.h"
#include "testutil.h"

/* -- sets of files ------------------------------------------------------- */

/* text with the JSON timings masked: they differ between two runs. */
static char *mask(const char *name, const char *text)
{
	static GRegex *wall;

	if (!g_str_has_suffix(name, ".json"))
		return g_strdup(text);
	if (!wall)
		wall = g_regex_new("\"wall_s\" : [0-9][0-9.e+-]*", 0, 0, NULL);
	return g_regex_replace(wall, text, -1, 0, "\"wall_s\" : MASKED", 0,
			       NULL);
}

/* Adds the files under dir/rel to set (relative path -> masked text);
 * fails on a hidden name: a temporary left behind. */
static void load_into(GHashTable *set, const char *dir, const char *rel)
{
	g_autofree char *path = g_build_filename(dir, rel, NULL);
	GDir *d = g_dir_open(path, 0, NULL);
	const char *name;

	ck_assert_msg(d, "cannot list '%s'", path);
	while ((name = g_dir_read_name(d))) {
		char *sub = *rel ? g_build_filename(rel, name, NULL)
				 : g_strdup(name);
		g_autofree char *full = g_build_filename(dir, sub, NULL);
		char *text = NULL;

		ck_assert_msg(name[0] != '.', "temporary left: '%s'", full);
		if (g_file_test(full, G_FILE_TEST_IS_DIR)) {
			load_into(set, dir, sub);
			g_free(sub);
			continue;
		}
		ck_assert(g_file_get_contents(full, &text, NULL, NULL));
		g_hash_table_insert(set, sub, mask(sub, text));
		g_free(text);
	}
	g_dir_close(d);
}

static GHashTable *load_set(const char *dir)
{
	GHashTable *set = g_hash_table_new_full(g_str_hash, g_str_equal,
						g_free, g_free);

	load_into(set, dir, "");
	return set;
}

static gboolean same_set(GHashTable *a, GHashTable *b)
{
	GHashTableIter it;
	gpointer k, v;

	if (g_hash_table_size(a) != g_hash_table_size(b))
		return FALSE;
	g_hash_table_iter_init(&it, a);
	while (g_hash_table_iter_next(&it, &k, &v)) {
		const char *w = g_hash_table_lookup(b, k);
		if (!w || strcmp(v, w) != 0)
			return FALSE;
	}
	return TRUE;
}

/* An earlier run's files in dir: those of ref, each with a line more. */
static GHashTable *write_old(const char *dir, GHashTable *ref)
{
	GHashTable *old = g_hash_table_new_full(g_str_hash, g_str_equal,
						g_free, g_free);
	GHashTableIter it;
	gpointer k, v;

	g_hash_table_iter_init(&it, ref);
	while (g_hash_table_iter_next(&it, &k, &v)) {
		g_autofree char *path = g_build_filename(dir, k, NULL);
		g_autofree char *parent = g_path_get_dirname(path);
		char *text = g_strconcat(v, "old\n", NULL);

		ck_assert_int_eq(g_mkdir_with_parents(parent, 0777), 0);
		ck_assert(g_file_set_contents(path, text, -1, NULL));
		g_hash_table_insert(old, g_strdup(k), text);
	}
	return old;
}

/* -- drsim in the background --------------------------------------------- */

/* argv of drsim's args with "--out" dir appended; yours (g_strfreev). */
static char **drsim_argv(const char *const *args, const char *dir)
{
	GStrvBuilder *b = g_strv_builder_new();

	g_strv_builder_add(b, DRSIM_BIN);
	g_strv_builder_addv(b, (const char **)args);
	g_strv_builder_add_many(b, "--out", dir, NULL);
	char **argv = g_strv_builder_end(b);
	g_strv_builder_unref(b);
	return argv;
}

/* Starts drsim args --out dir, waits delay_s, then sends sig (0: none)
 * or removes dir (-1); waits for its end.  *err: its stderr, yours.
 * Returns the exit status, or 1000 + the signal that killed it. */
static int drsim_during(const char *const *args, const char *dir,
			double delay_s, int sig, char **err)
{
	g_auto(GStrv) argv = drsim_argv(args, dir);
	g_autoptr(GSubprocessLauncher) l = g_subprocess_launcher_new(
		G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
		G_SUBPROCESS_FLAGS_STDERR_PIPE);
	GError *error = NULL;

	g_subprocess_launcher_set_cwd(l, DRSIM_SRCDIR);
	g_autoptr(GSubprocess) p = g_subprocess_launcher_spawnv(
		l, (const char *const *)argv, &error);
	ck_assert_msg(p, "%s", error ? error->message : "?");
	g_usleep((gulong)(delay_s * 1e6));
	if (sig > 0)
		g_subprocess_send_signal(p, sig);
	else if (sig < 0)
		test_rm_tree(dir);
	ck_assert(g_subprocess_communicate_utf8(p, NULL, NULL, NULL, err,
						&error));
	if (g_subprocess_get_if_signaled(p))
		return 1000 + g_subprocess_get_term_sig(p);
	return g_subprocess_get_exit_status(p);
}

/* -- signals --------------------------------------------------------------- */

typedef struct {
	const char *name;
	const char *const *args;	/* without --out */
	int sig;
} SignalCase;

#define HOSTED "scenarios/chu-hosted.cfg"
#define INTERNAL "scenarios/chu-internal.cfg"
static const char *const run_args[] = { "run", "-q", "-r", "6000",
					"--threads", "2", HOSTED, NULL };
static const char *const compare_args[] = { "compare", "-q", "-r", "3000",
					    "--threads", "2", HOSTED,
					    INTERNAL, NULL };
static const char *const sweep_args[] = {
	"sweep", "-q", "-r", "8000", "--threads", "2", "--set",
	"datasets.dpi-db.copies.snap.every=1h,2h", HOSTED, NULL
};

static const SignalCase signal_cases[] = {
	{ "run", run_args, SIGINT },
	{ "run", run_args, SIGTERM },
	{ "compare", compare_args, SIGTERM },
	{ "sweep", sweep_args, SIGINT },
};

/* Fixed moments, from before the first replication to after the end. */
static const double delays[] = { 0.05, 0.3, 0.8, 1.4 };

/* One interrupted (or not) run into dir, which held old (NULL: was
 * empty): the exit status says which set dir must hold. */
static void check_signal(const SignalCase *c, const char *dir,
			 GHashTable *ref, GHashTable *old, double delay)
{
	g_autofree char *err = NULL;
	int code = drsim_during(c->args, dir, delay, c->sig, &err);
	g_autoptr(GHashTable) got = load_set(dir);
	gboolean kept = old ? same_set(got, old) : g_hash_table_size(got) == 0;
	g_autofree char *want = g_strdup_printf(
		"interrupted by %s", c->sig == SIGINT ? "SIGINT" : "SIGTERM");

	if (code == 0) {
		ck_assert_msg(same_set(got, ref),
			      "%s finished after %.2f s: not the new set",
			      c->name, delay);
	} else if (code == 1000 + c->sig) {
		/* killed before main() set the handler: nothing begun */
		ck_assert_msg(kept, "%s killed at %.2f s: files changed",
			      c->name, delay);
	} else {
		ck_assert_msg(code == 128 + c->sig, "%s at %.2f s: exit %d: %s",
			      c->name, delay, code, err);
		ck_assert_msg(strstr(err, want) && strstr(err, "nothing written"),
			      "%s at %.2f s: %s", c->name, delay, err);
		ck_assert_msg(kept, "%s interrupted at %.2f s: files changed",
			      c->name, delay);
	}
}

/* Every delay, into an empty DIR and into one holding an earlier set. */
START_TEST(test_faults_signal)
{
	const SignalCase *c = &signal_cases[_i];
	g_autofree char *tmp = test_tmp_dir();
	g_autofree char *refdir = g_build_filename(tmp, "ref", NULL);
	g_auto(GStrv) argv = drsim_argv(c->args, refdir);
	g_autofree char *out = NULL, *err = NULL;

	ck_assert_int_eq(test_spawn((const char *const *)argv, NULL, &out,
				    &err), 0);
	g_autoptr(GHashTable) ref = load_set(refdir);
	ck_assert_uint_gt(g_hash_table_size(ref), 1);
	for (guint i = 0; i < 2 * G_N_ELEMENTS(delays); i++) {
		g_autofree char *dir =
			g_strdup_printf("%s/out%u", tmp, i);
		double delay = delays[i % G_N_ELEMENTS(delays)];
		g_autoptr(GHashTable) old = NULL;

		ck_assert_int_eq(g_mkdir(dir, 0777), 0);
		if (i >= G_N_ELEMENTS(delays))
			old = write_old(dir, ref);
		check_signal(c, dir, ref, old, delay);
		test_rm_tree(dir);
	}
	test_rm_tree(tmp);
}
END_TEST

/* -- a full disk ------------------------------------------------------------ */

static const char *const small_run[] = { "run", "-q", "-r", "300",
					 "--threads", "2", HOSTED, NULL };

/* The disk full after so many bytes of the command's files: from the
 * first byte, inside incidents.csv, near its end, never; -1: just after
 * the files of the subdirectories (those of compare's scenarios, of
 * sweep's points), in the middle of the set. */
static const long long fill_after[] = { 0, 1000, 100000, 1000000,
					1000000000000LL, -1 };

/* The bytes of the files of set in a subdirectory. */
static long long subdir_bytes(GHashTable *set)
{
	GHashTableIter it;
	gpointer k, v;
	long long n = 0;

	g_hash_table_iter_init(&it, set);
	while (g_hash_table_iter_next(&it, &k, &v))
		if (strchr(k, '/'))
			n += (long long)strlen(v);
	return n;
}

static const char *const small_compare[] = { "compare", "-q", "-r", "200",
					     "--threads", "2", HOSTED,
					     INTERNAL, NULL };
static const char *const small_sweep[] = {
	"sweep", "-q", "-r", "300", "--threads", "2", "--set",
	"datasets.dpi-db.copies.snap.every=1h,2h", HOSTED, NULL
};

/* run, compare and sweep, each with every fill_after */
static const struct {
	const char *name;
	const char *const *args;
} full_cases[] = {
	{ "run", small_run }, { "compare", small_compare },
	{ "sweep", small_sweep },
};

/* Exit 1 saying "cannot write 'DIR/FILE': No space left on device" and
 * the earlier files untouched — all of them, compare's and sweep's too:
 * none replaced — or (room enough) the new set, whole. */
START_TEST(test_faults_full_disk)
{
	guint nf = G_N_ELEMENTS(fill_after);
	const char *name = full_cases[(guint)_i / nf].name;
	const char *const *args = full_cases[(guint)_i / nf].args;
	long long fill = fill_after[(guint)_i % nf];
	g_autofree char *tmp = test_tmp_dir();
	g_autofree char *refdir = g_build_filename(tmp, "ref", NULL);
	g_autofree char *dir = g_build_filename(tmp, "out", NULL);
	g_auto(GStrv) refargv = drsim_argv(args, refdir);
	g_auto(GStrv) argv = drsim_argv(args, dir);
	g_autofree char *out = NULL, *out2 = NULL, *err = NULL, *err2 = NULL;

	ck_assert_int_eq(test_spawn((const char *const *)refargv, NULL, &out,
				    &err), 0);
	g_autoptr(GHashTable) ref = load_set(refdir);
	ck_assert_int_eq(g_mkdir(dir, 0777), 0);
	g_autoptr(GHashTable) old = write_old(dir, ref);

	if (fill < 0)
		fill = subdir_bytes(ref) + 10;
	g_autofree char *n = g_strdup_printf("%lld", fill);
	g_auto(GStrv) env = g_get_environ();
	env = g_environ_setenv(env, "LD_PRELOAD", DRSIM_FAILWRITE, TRUE);
	env = g_environ_setenv(env, "DRSIM_FAIL_WRITE_AFTER", n, TRUE);
	/* under `make sanitize`: the injector before the ASan runtime */
	env = g_environ_setenv(env, "ASAN_OPTIONS",
			       "verify_asan_link_order=0", TRUE);
	int code = test_spawn((const char *const *)argv, env, &out2,
			      &err2);
	g_autoptr(GHashTable) got = load_set(dir);

	/* no room at all fails; room enough succeeds; in between,
	 * whether it fits depends on the command's files */
	ck_assert_msg(fill != 0 || code == 1, "%s: exit %d", name, code);
	ck_assert_msg(fill_after[(guint)_i % nf] >= 0 ||
			      strcmp(name, "run") == 0 || code == 1,
		      "%s full in the middle: exit %d", name, code);
	ck_assert_msg(fill < 1000000000LL || code == 0, "%s: %s", name, err2);
	if (code == 0) {
		ck_assert_msg(same_set(got, ref), "%s: not the new set", name);
	} else {
		g_autofree char *want = g_strdup_printf(
			"drsim %s: cannot write '%s/", name, dir);
		ck_assert_msg(code == 1, "%s after %s bytes: exit %d: %s",
			      name, n, code, err2);
		ck_assert_msg(strstr(err2, want) &&
				      strstr(err2, "': No space left on "
						   "device\n"),
			      "%s after %s bytes: %s", name, n, err2);
		ck_assert_msg(same_set(got, old), "%s after %s bytes: files "
			      "changed", name, n);
	}
	test_rm_tree(tmp);
}
END_TEST

/* A real full disk: a 64 KiB tmpfs, where the test may mount one (root
 * with CAP_SYS_ADMIN); skipped, saying so, elsewhere. */
START_TEST(test_faults_tmpfs)
{
	g_autofree char *tmp = test_tmp_dir();
	g_autofree char *dir = g_build_filename(tmp, "out", NULL);
	const char *mount[] = { "mount", "-t", "tmpfs", "-o", "size=64k",
				"tmpfs", tmp, NULL };
	const char *umount[] = { "umount", tmp, NULL };
	g_autofree char *merr = NULL, *out = NULL, *err = NULL;
	int status = -1;

	if (!g_spawn_sync(NULL, (char **)mount, NULL, G_SPAWN_SEARCH_PATH,
			  NULL, NULL, NULL, &merr, &status, NULL) ||
	    !g_spawn_check_wait_status(status, NULL)) {
		printf("test_faults_tmpfs: skipped: cannot mount a tmpfs "
		       "(%s)\n", merr ? g_strstrip(merr) : "no mount");
		test_rm_tree(tmp);
		return;
	}
	g_auto(GStrv) argv = drsim_argv(small_run, dir);
	int code = test_spawn((const char *const *)argv, NULL, &out, &err);
	/* nothing left: DIR was made for the run, and removed with it */
	gboolean left = g_file_test(dir, G_FILE_TEST_EXISTS);
	g_autofree char *want = g_strdup_printf("drsim run: cannot write '%s/",
						dir);

	ck_assert(g_spawn_sync(NULL, (char **)umount, NULL,
			       G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
			       &status, NULL));
	ck_assert_msg(code == 1, "exit %d: %s", code, err);
	ck_assert_msg(strstr(err, want) &&
			      strstr(err, "': No space left on device\n"),
		      "%s", err);
	ck_assert_msg(!left, "%s left", dir);
	test_rm_tree(tmp);
}
END_TEST

/* -- the directory removed ------------------------------------------------- */

/* Removed during the run (or after its end): no crash; exit 1 naming a
 * file of DIR, or 0 when the run had finished. */
START_TEST(test_faults_dir_removed)
{
	static const double at[] = { 0.1, 0.5 };
	g_autofree char *tmp = test_tmp_dir();
	g_autofree char *dir = g_build_filename(tmp, "out", NULL);
	g_autofree char *err = NULL;
	int code = drsim_during(run_args, dir, at[_i], -1, &err);
	g_autofree char *want = g_strdup_printf("drsim run: cannot write '%s/",
						dir);

	ck_assert_msg(code == 0 || code == 1, "exit %d: %s", code, err);
	if (code == 1)
		ck_assert_msg(strstr(err, want) &&
				      strstr(err, "': No such file or "
						   "directory\n"),
			      "%s", err);
	test_rm_tree(tmp);
}
END_TEST

Suite *faults_suite(void)
{
	Suite *s = suite_create("faults");
	TCase *tc = tcase_create("faults");

	tcase_set_timeout(tc, 120);
	tcase_add_loop_test(tc, test_faults_signal, 0,
			    G_N_ELEMENTS(signal_cases));
	tcase_add_loop_test(tc, test_faults_full_disk, 0,
			    (int)(G_N_ELEMENTS(full_cases) *
				  G_N_ELEMENTS(fill_after)));
	tcase_add_test(tc, test_faults_tmpfs);
	tcase_add_loop_test(tc, test_faults_dir_removed, 0, 2);
	suite_add_tcase(s, tc);
	return s;
}
