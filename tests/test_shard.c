/* test_shard.c — scale-out (docs/scale-out.md) as a user runs it.
 *
 * 1. Shards 0..K-1 of a run, a compare or a sweep, merged by `drsim
 *    merge`, write exactly what one process writes (stdout and every file
 *    of --out, timings masked), for K in {1, 2, 3, 7} and 1 or 2 threads.
 * 2. So does `mpirun -np 2|3` (skipped, saying so, without Open MPI or
 *    when drsim was built without it).
 * 3. A killed batch resumes: a complete shard is not played again, a
 *    damaged one is; `--shard auto` reads Slurm's array variables.
 * 4. What is not a shard of the command is refused with exit 2, a message
 *    naming it and nothing written: corrupt, truncated, of another format
 *    version, of another command, seed or scenario text, missing, twice.
 * 5. A shard written on a machine of the other byte order merges to the
 *    same bits.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib.h>
#include <glib/gstdio.h>

#include "models/results/shard.h"
#include "sim/mpi.h"
#include "testfs.h"
#include "testutil.h"

#define CHU "scenarios/chu-internal.cfg"
#define HOSTED "scenarios/chu-hosted.cfg"
#define EXAMPLE "scenarios/example.cfg"

/* The commands under test, without --out, --threads and --shard: a run
 * (50 chunks), a compare (2 x 30) and a sweep (3 points x 20: shards
 * cross the points). */
static const char *const commands[][10] = {
	{ "run", CHU, "-r", "50", "-f", "json", NULL },
	{ "compare", CHU, HOSTED, "-r", "30", NULL },
	{ "sweep", EXAMPLE, "-r", "20", "--set", "components.app.count=2,3,4",
	  NULL },
};

static const char *const shard_counts[] = { "1", "2", "3", "7" };

/* drsim with base then extra (both NULL-terminated, extra may be NULL):
 * its exit status, stdout and stderr. */
static int drsim2(const char *const *base, const char *const *extra,
		  char **out, char **err)
{
	g_autoptr(GPtrArray) a = g_ptr_array_new();

	for (; *base; base++)
		g_ptr_array_add(a, (gpointer)*base);
	for (; extra && *extra; extra++)
		g_ptr_array_add(a, (gpointer)*extra);
	g_ptr_array_add(a, NULL);
	return test_drsim((const char *const *)a->pdata, out, err);
}

/* text with its timings masked (bench/snapshot.sh: the only figures two
 * runs of the same command may differ in); yours to g_free(). */
static char *mask(const char *text)
{
	static const char *const rules[][2] = {
		{ "\"wall_s\" : [0-9.e+-]+", "\"wall_s\" : MASKED" },
		{ " in [0-9.]+ s($|,)", " in MASKED s\\1" },
	};
	char *s = g_strdup(text);

	for (guint i = 0; i < G_N_ELEMENTS(rules); i++) {
		g_autoptr(GRegex) re = g_regex_new(rules[i][0], G_REGEX_MULTILINE,
						   0, NULL);
		char *next = g_regex_replace(re, s, -1, 0, rules[i][1], 0, NULL);
		g_free(s);
		s = next;
	}
	return s;
}

/* a and b the same text; else the first line where they differ. */
#define assert_same_text(a, b) assert_same_text_at(a, b, __LINE__)
static void assert_same_text_at(const char *a, const char *b, int line)
{
	if (strcmp(a, b) == 0)
		return;
	g_auto(GStrv) la = g_strsplit(a, "\n", -1);
	g_auto(GStrv) lb = g_strsplit(b, "\n", -1);
	guint i = 0;
	while (la[i] && lb[i] && strcmp(la[i], lb[i]) == 0)
		i++;
	ck_abort_msg("line %d: texts differ at their line %u: '%.200s' vs "
		     "'%.200s'", line, i + 1, la[i] ? la[i] : "(end)",
		     lb[i] ? lb[i] : "(end)");
}

/* Every file under a and b, the same names, the same bytes (timings
 * masked in the JSON files); the PNG and SVG renderings are gnuplot's. */
static void assert_same_tree(const char *a, const char *b)
{
	g_autofree char *la = test_list_dir(a);
	g_autofree char *lb = test_list_dir(b);
	g_auto(GStrv) names = g_strsplit(la, " ", -1);

	ck_assert_str_eq(la, lb);
	for (char **n = names; *n && **n; n++) {
		g_autofree char *pa = g_build_filename(a, *n, NULL);
		g_autofree char *pb = g_build_filename(b, *n, NULL);
		if (g_file_test(pa, G_FILE_TEST_IS_DIR)) {
			assert_same_tree(pa, pb);
			continue;
		}
		g_autofree char *ta = test_read_file(a, *n);
		g_autofree char *tb = test_read_file(b, *n);
		g_autofree char *ma = mask(ta), *mb = mask(tb);
		if (strcmp(ma, mb) != 0)
			fprintf(stderr, "%s and %s differ\n", pa, pb);
		assert_same_text(ma, mb);
	}
}

/* The command c played in one process on threads into tmp/one: its
 * stdout, masked. */
static char *one_process(guint c, const char *threads, const char *tmp)
{
	g_autofree char *dir = g_build_filename(tmp, "one", NULL);
	const char *extra[] = { "--out", dir, "-j", threads, "-q", NULL };
	g_autofree char *out = NULL, *err = NULL;

	ck_assert_msg(drsim2(commands[c], extra, &out, &err) == 0, "%s", err);
	return mask(out);
}

/* Shard i of k of command c on threads into dir; fails the test unless it
 * says it wrote it. */
static void play_shard(guint c, guint i, const char *k, const char *threads,
		       const char *dir)
{
	g_autofree char *shard = g_strdup_printf("%u/%s", i, k);
	const char *extra[] = { "--shard", shard, "--out", dir, "-j", threads,
				"-q", NULL };
	g_autofree char *out = NULL, *err = NULL;
	g_autofree char *want = g_strdup_printf("shard %u of %s written\n", i,
						k);

	ck_assert_msg(drsim2(commands[c], extra, &out, &err) == 0, "%s", err);
	ck_assert_msg(g_str_has_suffix(out, want), "stdout: %s", out);
	ck_assert_str_eq(err, "");
}

/* `drsim merge` of dirs (NULL-terminated) into out: exit status, stdout
 * and stderr. */
static int merge(const char *const *dirs, const char *out, char **so,
		 char **se)
{
	const char *base[] = { "merge", "--out", out, "-q", NULL };

	return drsim2(base, dirs, so, se);
}

/* dir is not there, or empty: no file, no temporary (a merge that fails
 * once it has begun leaves the directory it made, as a run does). */
static void assert_nothing_in(const char *dir)
{
	if (!g_file_test(dir, G_FILE_TEST_EXISTS))
		return;
	g_autofree char *names = test_list_dir(dir);
	ck_assert_msg(!*names, "%s holds %s", dir, names);
}

/* -- 1. shards merged --------------------------------------------------- */

/* _i: command (3) x shard count (4) x threads (2).  The odd shards are
 * played on the other thread count: a shard's bits depend on neither. */
START_TEST(test_shard_merge_identical)
{
	guint c = (guint)_i / 8;
	const char *k = shard_counts[(_i / 2) % 4];
	const char *threads = _i % 2 ? "2" : "1";
	const char *other = _i % 2 ? "1" : "2";
	g_autofree char *tmp = test_tmp_dir();
	g_autofree char *shards = g_build_filename(tmp, "shards", NULL);
	g_autofree char *merged = g_build_filename(tmp, "merged", NULL);
	g_autofree char *one = g_build_filename(tmp, "one", NULL);
	g_autofree char *want = one_process(c, threads, tmp);
	g_autofree char *out = NULL, *err = NULL;

	for (guint i = 0; i < (guint)atoi(k); i++)
		play_shard(c, i, k, i % 2 ? other : threads, shards);
	const char *dirs[] = { shards, NULL };
	ck_assert_msg(merge(dirs, merged, &out, &err) == 0, "%s", err);
	g_autofree char *got = mask(out);
	assert_same_text(got, want);
	assert_same_tree(one, merged);
	test_rm_tree(tmp);
}
END_TEST

/* Shards given as files, in any order, from several directories. */
START_TEST(test_shard_merge_files)
{
	g_autofree char *tmp = test_tmp_dir();
	g_autofree char *a = g_build_filename(tmp, "a", NULL);
	g_autofree char *b = g_build_filename(tmp, "b", NULL);
	g_autofree char *merged = g_build_filename(tmp, "merged", NULL);
	g_autofree char *one = g_build_filename(tmp, "one", NULL);
	g_autofree char *want = one_process(0, "2", tmp);
	g_autofree char *out = NULL, *err = NULL;

	play_shard(0, 0, "3", "2", a);
	play_shard(0, 1, "3", "2", b);
	play_shard(0, 2, "3", "2", a);
	g_autofree char *f2 = mdl_shard_path(a, 2, 3);
	g_autofree char *f0 = mdl_shard_path(a, 0, 3);
	const char *args[] = { f2, b, f0, NULL };
	ck_assert_msg(merge(args, merged, &out, &err) == 0, "%s", err);
	g_autofree char *got = mask(out);
	assert_same_text(got, want);
	assert_same_tree(one, merged);
	test_rm_tree(tmp);
}
END_TEST

/* -- 2. MPI ------------------------------------------------------------- */

/* Why MPI cannot be tested here, or NULL when it can. */
static const char *mpi_missing(void)
{
	g_autofree char *mpirun = g_find_program_in_path("mpirun");

	if (!mpirun)
		return "mpirun not found (Open MPI: make deps-mpi)";
	if (!sim_mpi_built())
		return "drsim built without MPI (make MPI=1)";
	return NULL;
}

/* _i: command (3) x np (2, 3). */
START_TEST(test_shard_mpi_identical)
{
	const char *why = mpi_missing();

	if (why) {
		fprintf(stderr, "shard: mpirun tests skipped: %s\n", why);
		return;
	}
	guint c = (guint)_i / 2;
	const char *np = _i % 2 ? "3" : "2";
	g_autofree char *tmp = test_tmp_dir();
	g_autofree char *dir = g_build_filename(tmp, "mpi", NULL);
	g_autofree char *one = g_build_filename(tmp, "one", NULL);
	g_autofree char *want = one_process(c, "1", tmp);
	g_autoptr(GPtrArray) a = g_ptr_array_new();
	const char *launch[] = { "mpirun", "-np", np, "--oversubscribe",
				 "--allow-run-as-root", DRSIM_BIN, NULL };
	const char *extra[] = { "--out", dir, "-j", "1", "-q", NULL };

	for (const char *const *s = launch; *s; s++)
		g_ptr_array_add(a, (gpointer)*s);
	for (const char *const *s = commands[c]; *s; s++)
		g_ptr_array_add(a, (gpointer)*s);
	for (const char *const *s = extra; *s; s++)
		g_ptr_array_add(a, (gpointer)*s);
	g_ptr_array_add(a, NULL);
	/* Open MPI's own allocations are never freed (LeakSanitizer would
	 * fail a sanitized build on them); the other checks stay on. */
	g_auto(GStrv) env = g_environ_setenv(g_get_environ(), "ASAN_OPTIONS",
					     "detect_leaks=0", TRUE);
	g_autofree char *out = NULL, *err = NULL;
	int code = test_spawn((const char *const *)a->pdata, env, &out, &err);
	ck_assert_msg(code == 0, "mpirun -np %s: exit %d: %s", np, code, err);
	g_autofree char *got = mask(out);
	assert_same_text(got, want);
	assert_same_tree(one, dir);
	test_rm_tree(tmp);
}
END_TEST

/* -- 3. resume ---------------------------------------------------------- */

static char *file_text(const char *path)
{
	char *text = NULL;
	gsize len;

	ck_assert(g_file_get_contents(path, &text, &len, NULL));
	return text;
}

/* A complete shard is not played again (its file untouched); a damaged
 * one and a temporary left by a killed shard are. */
START_TEST(test_shard_resume)
{
	g_autofree char *tmp = test_tmp_dir();
	g_autofree char *dir = g_build_filename(tmp, "shards", NULL);
	g_autofree char *path = mdl_shard_path(dir, 1, 2);
	g_autofree char *part = g_strconcat(path, ".part", NULL);
	const char *extra[] = { "--shard", "1/2", "--out", dir, "-q", NULL };
	g_autofree char *o1 = NULL, *e1 = NULL, *o2 = NULL, *e2 = NULL;
	g_autofree char *o3 = NULL, *e3 = NULL;
	GStatBuf before, after;

	play_shard(0, 1, "2", "2", dir);
	ck_assert_int_eq(g_stat(path, &before), 0);
	g_autofree char *whole = file_text(path);
	ck_assert_int_eq(drsim2(commands[0], extra, &o1, &e1), 0);
	g_autofree char *skip = g_strdup_printf(
		"%s: shard 1 of 2 complete already, not played again\n", path);
	ck_assert_str_eq(o1, skip);
	ck_assert_int_eq(g_stat(path, &after), 0);
	ck_assert(before.st_mtime == after.st_mtime &&
		  before.st_ino == after.st_ino);

	/* damaged: cut in two, then played again whole */
	ck_assert(g_file_set_contents(path, whole, (gssize)before.st_size / 2,
				      NULL));
	ck_assert(g_file_set_contents(part, "killed", -1, NULL));
	ck_assert_int_eq(drsim2(commands[0], extra, &o2, &e2), 0);
	ck_assert_msg(g_str_has_suffix(o2, "shard 1 of 2 written\n"), "%s", o2);
	g_autofree char *again = file_text(path);
	ck_assert(memcmp(again, whole, (size_t)before.st_size) == 0);
	ck_assert(!g_file_test(part, G_FILE_TEST_EXISTS));

	/* the missing one is named, with the indices to play */
	const char *dirs[] = { dir, NULL };
	g_autofree char *out = g_build_filename(tmp, "merged", NULL);
	ck_assert_int_eq(merge(dirs, out, &o3, &e3), 2);
	ck_assert_str_eq(e3, "drsim merge: shards missing: 0 of 2 "
			     "(shard-0-of-2.drsim); play them (a Slurm job "
			     "array: --array=<those>), then merge again\n");
	assert_nothing_in(out);
	test_rm_tree(tmp);
}
END_TEST

/* --shard auto: the shard of a Slurm array task. */
START_TEST(test_shard_auto)
{
	g_autofree char *tmp = test_tmp_dir();
	g_autofree char *dir = g_build_filename(tmp, "shards", NULL);
	const char *extra[] = { "--shard", "auto", "--out", dir, "-q", NULL };
	g_autoptr(GPtrArray) a = g_ptr_array_new();
	g_autofree char *out = NULL, *err = NULL;
	g_autofree char *o2 = NULL, *e2 = NULL, *o3 = NULL, *e3 = NULL;

	for (const char *const *s = commands[0]; *s; s++)
		g_ptr_array_add(a, (gpointer)*s);
	for (const char *const *s = extra; *s; s++)
		g_ptr_array_add(a, (gpointer)*s);
	g_ptr_array_add(a, NULL);
	char **env = g_environ_setenv(g_get_environ(), "SLURM_ARRAY_TASK_ID",
				      "2", TRUE);
	env = g_environ_setenv(env, "SLURM_ARRAY_TASK_COUNT", "5", TRUE);
	ck_assert_int_eq(test_drsim_env((const char *const *)a->pdata, env,
					&out, &err),
			 0);
	g_autofree char *path = mdl_shard_path(dir, 2, 5);
	ck_assert(g_file_test(path, G_FILE_TEST_IS_REGULAR));
	g_strfreev(env);

	env = g_environ_unsetenv(g_get_environ(), "SLURM_ARRAY_TASK_ID");
	ck_assert_int_eq(test_drsim_env((const char *const *)a->pdata, env,
					&o2, &e2),
			 2);
	ck_assert_str_eq(e2, "drsim run: --shard auto needs "
			     "SLURM_ARRAY_TASK_ID and SLURM_ARRAY_TASK_COUNT "
			     "(a Slurm job array, --array=0-K-1; "
			     "docs/scale-out.md)\n");
	g_strfreev(env);

	/* auto/K: an array resubmitted for index 3 only, of 5 */
	env = g_environ_setenv(g_get_environ(), "SLURM_ARRAY_TASK_ID", "3",
			       TRUE);
	env = g_environ_setenv(env, "SLURM_ARRAY_TASK_COUNT", "1", TRUE);
	a->pdata[a->len - 5] = (gpointer) "auto/5";
	ck_assert_int_eq(test_drsim_env((const char *const *)a->pdata, env,
					&o3, &e3),
			 0);
	g_autofree char *p3 = mdl_shard_path(dir, 3, 5);
	ck_assert(g_file_test(p3, G_FILE_TEST_IS_REGULAR));
	g_strfreev(env);
	test_rm_tree(tmp);
}
END_TEST

/* Bad --shard values and a --shard without --out: exit 2, before any
 * run. */
static const char *const bad_usage[][3] = {
	{ "3/3", "--out", "drsim run: --shard must be I/K with 0 <= I < K, "
			  "auto or auto/K (got '3/3')\n" },
	{ "1", "--out", "drsim run: --shard must be I/K with 0 <= I < K, auto or "
			"auto/K (got '1')\n" },
	{ "-1/2", "--out", "drsim run: --shard must be I/K with 0 <= I < K, "
			   "auto or auto/K (got '-1/2')\n" },
	{ "0/0", "--out", "drsim run: --shard must be I/K with 0 <= I < K, auto or "
			  "auto/K (got '0/0')\n" },
	{ "0/2", NULL, "drsim run: --shard needs --out DIR (the shard file "
		       "goes there)\n" },
};

START_TEST(test_shard_bad_usage)
{
	g_autofree char *tmp = test_tmp_dir();
	g_autofree char *dir = g_build_filename(tmp, "shards", NULL);
	const char *extra[] = { "--shard", bad_usage[_i][0],
				bad_usage[_i][1], dir, NULL };
	g_autofree char *out = NULL, *err = NULL;

	ck_assert_int_eq(drsim2(commands[0], extra, &out, &err), 2);
	ck_assert_str_eq(err, bad_usage[_i][2]);
	ck_assert_str_eq(out, "");
	ck_assert(!g_file_test(dir, G_FILE_TEST_EXISTS));
	test_rm_tree(tmp);
}
END_TEST

/* -- 4. what is not a shard of the command ------------------------------ */

/* Shards 0 and 1 of 2 of the run into tmp/shards; their paths. */
static void two_shards(const char *tmp, char **s0, char **s1)
{
	g_autofree char *dir = g_build_filename(tmp, "shards", NULL);

	play_shard(0, 0, "2", "2", dir);
	play_shard(0, 1, "2", "2", dir);
	*s0 = mdl_shard_path(dir, 0, 2);
	*s1 = mdl_shard_path(dir, 1, 2);
}

/* Replaces n bytes of file at offset (from the end when < 0), or XORs
 * them with bytes when flip. */
static void patch(const char *path, gssize offset, const void *bytes,
		  gsize n, gboolean flip)
{
	char *text = NULL;
	gsize len;

	ck_assert(g_file_get_contents(path, &text, &len, NULL));
	gsize at = offset < 0 ? len - (gsize)-offset : (gsize)offset;
	ck_assert(at + n <= len);
	for (gsize i = 0; i < n; i++)
		text[at + i] = (char)(flip ? text[at + i] ^
						     ((const char *)bytes)[i]
					   : ((const char *)bytes)[i]);
	ck_assert(g_file_set_contents(path, text, (gssize)len, NULL));
	g_free(text);
}

static void truncate_to(const char *path, gsize keep)
{
	char *text = NULL;
	gsize len;

	ck_assert(g_file_get_contents(path, &text, &len, NULL));
	ck_assert(keep < len);
	ck_assert(g_file_set_contents(path, text, (gssize)keep, NULL));
	g_free(text);
}

/* Merging tmp/shards must fail with exit 2, stderr "drsim merge: PATH:
 * WANT" (PATH: the file named, or nothing when NULL), and write
 * nothing. */
static void assert_refused(const char *tmp, const char *path,
			   const char *want)
{
	g_autofree char *dir = g_build_filename(tmp, "shards", NULL);
	g_autofree char *out = g_build_filename(tmp, "merged", NULL);
	const char *dirs[] = { dir, NULL };
	g_autofree char *so = NULL, *se = NULL;
	g_autofree char *line = g_strdup_printf(
		"drsim merge: %s%s%s\n", path ? path : "", path ? ": " : "",
		want);

	ck_assert_int_eq(merge(dirs, out, &so, &se), 2);
	ck_assert_str_eq(se, line);
	ck_assert_str_eq(so, "");
	assert_nothing_in(out);
}

START_TEST(test_shard_corrupt)
{
	g_autofree char *tmp = test_tmp_dir();
	g_autofree char *s0 = NULL, *s1 = NULL;
	const char flip[] = { 0x5a };

	two_shards(tmp, &s0, &s1);
	/* a byte of the last chunk's results: only the checksum tells */
	patch(s1, -300, flip, 1, TRUE);
	assert_refused(tmp, s1, "corrupt (its checksum does not match "
				"its bytes)");
	test_rm_tree(tmp);
}
END_TEST

START_TEST(test_shard_truncated)
{
	g_autofree char *tmp = test_tmp_dir();
	g_autofree char *s0 = NULL, *s1 = NULL;
	GStatBuf st;

	two_shards(tmp, &s0, &s1);
	ck_assert_int_eq(g_stat(s1, &st), 0);
	truncate_to(s1, (gsize)st.st_size - 100);
	assert_refused(tmp, s1, "truncated (it ends inside a record)");
	truncate_to(s1, 10);
	assert_refused(tmp, s1, "not a drsim shard (too short)");
	test_rm_tree(tmp);
}
END_TEST

START_TEST(test_shard_foreign_version)
{
	g_autofree char *tmp = test_tmp_dir();
	g_autofree char *s0 = NULL, *s1 = NULL;
	const guint8 v4[] = { 4, 0, 0, 0 };

	two_shards(tmp, &s0, &s1);
	patch(s1, 8, v4, 4, FALSE);
	assert_refused(tmp, s1, "shard format version 4; this drsim reads "
				"version 3 only (play the shard again with "
				"it)");
	patch(s1, 0, "NOTSHARD", 8, FALSE);
	assert_refused(tmp, s1, "not a drsim shard");
	test_rm_tree(tmp);
}
END_TEST

/* Shard 1 of another seed (or replications, or options) than shard 0. */
START_TEST(test_shard_mismatch)
{
	g_autofree char *tmp = test_tmp_dir();
	g_autofree char *s0 = NULL, *s1 = NULL;
	g_autofree char *other = g_build_filename(tmp, "other", NULL);
	const char *extra[] = { "--shard", "1/2", "--out", other, "-s", "7",
				"-q", NULL };
	g_autofree char *out = NULL, *err = NULL;

	two_shards(tmp, &s0, &s1);
	ck_assert_int_eq(drsim2(commands[0], extra, &out, &err), 0);
	g_autofree char *o1 = mdl_shard_path(other, 1, 2);
	g_autofree char *text = file_text(o1);
	GStatBuf st;
	ck_assert_int_eq(g_stat(o1, &st), 0);
	ck_assert(g_file_set_contents(s1, text, (gssize)st.st_size, NULL));
	g_autofree char *want = g_strdup_printf(
		"not a shard of the same command as %s: its seed is 7, not "
		"2026 (" CHU ")", s0);
	assert_refused(tmp, s1, want);

	/* --shard does not overwrite a shard of another command */
	g_autofree char *o2 = NULL, *e2 = NULL;
	g_autofree char *dir = g_build_filename(tmp, "shards", NULL);
	const char *again[] = { "--shard", "0/2", "--out", dir, "-s", "7",
				"-q", NULL };
	g_autofree char *before = file_text(s0);
	ck_assert_int_eq(drsim2(commands[0], again, &o2, &e2), 2);
	g_autofree char *line = g_strdup_printf(
		"drsim run: %s: holds a shard of another command: its seed is "
		"2026, not 7 (" CHU "); give another --out or remove it\n",
		s0);
	ck_assert_str_eq(e2, line);
	g_autofree char *after = file_text(s0);
	ck_assert(memcmp(before, after, 4096) == 0);
	test_rm_tree(tmp);
}
END_TEST

/* The scenario file changed between the shards and the merge. */
START_TEST(test_shard_scenario_changed)
{
	g_autofree char *tmp = test_tmp_dir();
	g_autofree char *dir = g_build_filename(tmp, "shards", NULL);
	g_autofree char *text = NULL;
	g_autofree char *file = NULL;
	g_autofree char *src = g_build_filename(DRSIM_SRCDIR, EXAMPLE, NULL);

	ck_assert(g_file_get_contents(src, &text, NULL, NULL));
	file = test_write_file(tmp, "s.cfg", text);
	const char *base[] = { "run", file, "-r", "20", NULL };
	for (guint i = 0; i < 2; i++) {
		g_autofree char *shard = g_strdup_printf("%u/2", i);
		const char *extra[] = { "--shard", shard, "--out", dir, "-q",
					NULL };
		g_autofree char *out = NULL, *err = NULL;
		ck_assert_msg(drsim2(base, extra, &out, &err) == 0, "%s", err);
	}
	g_autofree char *edited = g_strconcat(text, "\n# edited\n", NULL);
	ck_assert(g_file_set_contents(file, edited, -1, NULL));
	assert_refused(tmp, file, "changed since its shards were played (or "
				  "is loaded with other --set values): they "
				  "are not of this scenario");
	test_rm_tree(tmp);
}
END_TEST

/* The same shard twice (a copy in another directory), and a directory
 * with no shard. */
START_TEST(test_shard_twice)
{
	g_autofree char *tmp = test_tmp_dir();
	g_autofree char *s0 = NULL, *s1 = NULL;
	g_autofree char *copy = g_build_filename(tmp, "copy", NULL);
	g_autofree char *empty = g_build_filename(tmp, "empty", NULL);
	g_autofree char *out = g_build_filename(tmp, "merged", NULL);
	g_autofree char *o1 = NULL, *e1 = NULL, *o2 = NULL, *e2 = NULL;

	two_shards(tmp, &s0, &s1);
	ck_assert_int_eq(g_mkdir(copy, 0755), 0);
	ck_assert_int_eq(g_mkdir(empty, 0755), 0);
	g_autofree char *text = file_text(s1);
	GStatBuf st;
	ck_assert_int_eq(g_stat(s1, &st), 0);
	g_autofree char *c1 = mdl_shard_path(copy, 1, 2);
	ck_assert(g_file_set_contents(c1, text, (gssize)st.st_size, NULL));
	const char *args[] = { s0, s1, c1, NULL };
	ck_assert_int_eq(merge(args, out, &o1, &e1), 2);
	g_autofree char *want = g_strdup_printf(
		"drsim merge: shard 1 of 2 is there twice: %s and %s\n", s1, c1);
	ck_assert_str_eq(e1, want);
	const char *none[] = { empty, NULL };
	ck_assert_int_eq(merge(none, out, &o2, &e2), 2);
	g_autofree char *want2 = g_strdup_printf(
		"drsim merge: %s: holds no shard file (shard-I-of-K.drsim)\n",
		empty);
	ck_assert_str_eq(e2, want2);
	assert_nothing_in(out);
	test_rm_tree(tmp);
}
END_TEST

/* -- 5. the other byte order -------------------------------------------- */

/* Rewrites the shard at path as a machine of the other byte order writes
 * it: each record's GVariant byte-swapped, the byte order mark swapped,
 * the trailer's checksum over the new bytes (lengths stay little-endian:
 * shard.h). */
static void swap_shard(const char *path)
{
	char *text = NULL;
	gsize len, at = 16;
	g_autoptr(GByteArray) out = g_byte_array_new();
	g_autoptr(GChecksum) sum = g_checksum_new(G_CHECKSUM_SHA256);
	g_autofree char *chunk_type = mdl_shard_chunk_type();
	guint64 chunks = 0;

	ck_assert(g_file_get_contents(path, &text, &len, NULL));
	g_byte_array_append(out, (const guint8 *)text, 12);
	guint32 mark = GUINT32_SWAP_LE_BE(0x01020304u);
	g_byte_array_append(out, (const guint8 *)&mark, 4);
	for (guint i = 0; at < len; i++) {
		guint64 n;
		memcpy(&n, text + at, 8);
		n = GUINT64_FROM_LE(n);
		gboolean last = at + 8 + n == len;
		const char *type = i == 0 ? MDL_SHARD_HEAD_TYPE
				   : last ? MDL_SHARD_TRAILER_TYPE
					  : chunk_type;
		g_autoptr(GVariant) v = g_variant_ref_sink(g_variant_new_from_data(
			G_VARIANT_TYPE(type), text + at + 8, n, FALSE, NULL,
			NULL));
		if (last) {
			g_checksum_update(sum, out->data, out->len);
			g_clear_pointer(&v, g_variant_unref);
			v = g_variant_ref_sink(g_variant_new(
				MDL_SHARD_TRAILER_TYPE, chunks,
				g_checksum_get_string(sum)));
		} else if (i > 0) {
			chunks++;
		}
		g_autoptr(GVariant) s = g_variant_byteswap(v);
		guint64 size = GUINT64_TO_LE(g_variant_get_size(s));
		g_byte_array_append(out, (const guint8 *)&size, 8);
		g_byte_array_append(out, g_variant_get_data(s),
				    (guint)g_variant_get_size(s));
		at += 8 + n;
	}
	ck_assert(g_file_set_contents(path, (const char *)out->data,
				      (gssize)out->len, NULL));
	g_free(text);
}

START_TEST(test_shard_byte_order)
{
	g_autofree char *tmp = test_tmp_dir();
	g_autofree char *dir = g_build_filename(tmp, "shards", NULL);
	g_autofree char *merged = g_build_filename(tmp, "merged", NULL);
	g_autofree char *one = g_build_filename(tmp, "one", NULL);
	g_autofree char *want = one_process(1, "2", tmp);
	g_autofree char *out = NULL, *err = NULL;

	play_shard(1, 0, "2", "2", dir);
	play_shard(1, 1, "2", "2", dir);
	g_autofree char *s1 = mdl_shard_path(dir, 1, 2);
	g_autofree char *before = file_text(s1);
	swap_shard(s1);
	g_autofree char *after = file_text(s1);
	ck_assert(memcmp(before, after, 64) != 0);
	const char *dirs[] = { dir, NULL };
	ck_assert_msg(merge(dirs, merged, &out, &err) == 0, "%s", err);
	g_autofree char *got = mask(out);
	assert_same_text(got, want);
	assert_same_tree(one, merged);
	test_rm_tree(tmp);
}
END_TEST

/* -- 6. the batch systems' files ---------------------------------------- */

static const char *const scale_out_files[] = {
	"slurm-submit.sh", "slurm-shards.sbatch", "slurm-merge.sbatch",
	"htcondor.dag", "htcondor-shards.sub", "htcondor-merge.sub",
};

/* docs/scale-out.md shows each file of docs/scale-out/ as it is. */
START_TEST(test_shard_docs_verbatim)
{
	g_autofree char *docs = g_build_filename(DRSIM_SRCDIR, "docs", NULL);
	g_autofree char *dir = g_build_filename(docs, "scale-out", NULL);
	g_autofree char *page = test_read_file(docs, "scale-out.md");
	g_autofree char *text = test_read_file(dir, scale_out_files[_i]);

	ck_assert_msg(strstr(page, text), "docs/scale-out.md does not show "
		      "docs/scale-out/%s as it is", scale_out_files[_i]);
}
END_TEST

/* argv run in cwd with env: exit status, stdout, stderr. */
static int spawn_in(const char *cwd, const char *const *argv, char **env,
		    char **out, char **err)
{
	int status = -1;
	GError *error = NULL;

	ck_assert_msg(g_spawn_sync(cwd, (char **)argv, env,
				   G_SPAWN_SEARCH_PATH, NULL, NULL, out, err,
				   &status, &error),
		      "cannot run %s: %s", argv[0],
		      error ? error->message : "?");
	ck_assert(WIFEXITED(status));
	return WEXITSTATUS(status);
}

/* A directory laid out as the repository's top for the scripts: the
 * scenarios (a link), nothing else.  Yours to remove. */
static char *batch_dir(void)
{
	char *tmp = test_tmp_dir();
	g_autofree char *link = g_build_filename(tmp, "scenarios", NULL);
	g_autofree char *target = g_build_filename(DRSIM_SRCDIR, "scenarios",
						   NULL);

	ck_assert_int_eq(symlink(target, link), 0);
	return tmp;
}

/* The CHU comparison of the scripts, -r reps on threads, in one process
 * in cwd into one/: its stdout, masked. */
static char *chu_one_process(const char *cwd, const char *reps,
			     const char *threads)
{
	const char *argv[] = { DRSIM_BIN, "compare", CHU, HOSTED, "-r", reps,
			       "-j", threads, "--quiet", "--out", "one",
			       NULL };
	g_autofree char *out = NULL, *err = NULL;

	ck_assert_msg(spawn_in(cwd, argv, NULL, &out, &err) == 0, "%s", err);
	return mask(out);
}

/* Slurm: each task of the array as slurm-shards.sbatch runs it (its
 * environment: task id, task count, SHARDS), the last two resubmitted
 * alone (task count 2), then slurm-merge.sbatch. */
START_TEST(test_shard_slurm_scripts)
{
	g_autofree char *tmp = batch_dir();
	g_autofree char *want = chu_one_process(tmp, "24", "2");
	g_autofree char *shards = g_build_filename(DRSIM_SRCDIR, "docs",
						   "scale-out",
						   "slurm-shards.sbatch", NULL);
	g_autofree char *merge_job = g_build_filename(
		DRSIM_SRCDIR, "docs", "scale-out", "slurm-merge.sbatch", NULL);
	char **env = g_environ_setenv(g_get_environ(), "DRSIM", DRSIM_BIN,
				      TRUE);

	env = g_environ_setenv(env, "REPS", "24", TRUE);
	env = g_environ_setenv(env, "SHARDS", "4", TRUE);
	env = g_environ_setenv(env, "SLURM_CPUS_PER_TASK", "2", TRUE);
	for (guint i = 0; i < 4; i++) {
		g_autofree char *id = g_strdup_printf("%u", i);
		const char *argv[] = { "bash", shards, NULL };
		g_autofree char *out = NULL, *err = NULL;
		env = g_environ_setenv(env, "SLURM_ARRAY_TASK_ID", id, TRUE);
		env = g_environ_setenv(env, "SLURM_ARRAY_TASK_COUNT",
				       i < 2 ? "4" : "2", TRUE);
		ck_assert_msg(spawn_in(tmp, argv, env, &out, &err) == 0,
			      "task %u: %s", i, err);
	}
	const char *argv[] = { "bash", merge_job, NULL };
	g_autofree char *out = NULL, *err = NULL;
	ck_assert_msg(spawn_in(tmp, argv, env, &out, &err) == 0, "%s", err);
	g_autofree char *got = mask(out);
	assert_same_text(got, want);
	g_autofree char *one = g_build_filename(tmp, "one", NULL);
	g_autofree char *results = g_build_filename(tmp, "results", NULL);
	assert_same_tree(one, results);
	g_strfreev(env);
	test_rm_tree(tmp);
}
END_TEST

/* The macros and the arguments of an HTCondor submit file (name = value
 * lines; the arguments in double quotes, split on spaces). */
typedef struct {
	GHashTable *macros;	/* name -> value */
	char *arguments;
	char *queue;		/* what follows `queue`, or "" */
} Submit;

static void submit_read(Submit *s, const char *file)
{
	g_autofree char *text = NULL;
	g_auto(GStrv) lines = NULL;

	ck_assert(g_file_get_contents(file, &text, NULL, NULL));
	lines = g_strsplit(text, "\n", -1);
	s->macros = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
					  g_free);
	s->arguments = NULL;
	s->queue = NULL;
	for (char **l = lines; *l; l++) {
		g_strstrip(*l);
		char *eq = strchr(*l, '=');
		if (!**l || **l == '#')
			continue;
		if (g_str_has_prefix(*l, "queue")) {
			s->queue = g_strstrip(g_strdup(*l + 5));
			continue;
		}
		ck_assert_msg(eq, "%s: not name = value: %s", file, *l);
		*eq = '\0';
		char *name = g_strstrip(g_strdup(*l));
		char *value = g_strstrip(g_strdup(eq + 1));
		if (strcmp(name, "arguments") == 0) {
			ck_assert(value[0] == '"' &&
				  g_str_has_suffix(value, "\""));
			s->arguments = g_strndup(value + 1, strlen(value) - 2);
			g_free(name);
			g_free(value);
			continue;
		}
		g_hash_table_replace(s->macros, g_ascii_strdown(name, -1),
				     value);
		g_free(name);
	}
	ck_assert(s->arguments && s->queue);
}

/* text with every $(Name) replaced by its macro (Process: process). */
static char *expand(const Submit *s, const char *text, guint process)
{
	g_autoptr(GString) out = g_string_new(NULL);

	for (const char *p = text; *p;) {
		const char *close = NULL;
		if (p[0] == '$' && p[1] == '(' && (close = strchr(p, ')'))) {
			g_autofree char *name = g_ascii_strdown(p + 2,
								close - p - 2);
			if (strcmp(name, "process") == 0) {
				g_string_append_printf(out, "%u", process);
			} else {
				const char *v = g_hash_table_lookup(s->macros,
								    name);
				ck_assert_msg(v, "no macro %s", name);
				g_string_append(out, v);
			}
			p = close + 1;
			continue;
		}
		g_string_append_c(out, *p++);
	}
	return g_strdup(out->str);
}

/* Runs each job the submit file queues, as HTCondor would in cwd (the
 * executable build/drsim being DRSIM_BIN); Reps overridden by reps. */
static char *submit_run(const char *file, const char *cwd, const char *reps)
{
	Submit s;
	char *last_out = NULL;

	submit_read(&s, file);
	ck_assert_str_eq(g_hash_table_lookup(s.macros, "executable"),
			 "build/drsim");
	if (g_hash_table_contains(s.macros, "reps"))
		g_hash_table_replace(s.macros, g_strdup("reps"),
				     g_strdup(reps));
	g_autofree char *count = expand(&s, *s.queue ? s.queue : "1", 0);
	for (guint p = 0; p < (guint)atoi(count); p++) {
		g_autofree char *args = expand(&s, s.arguments, p);
		g_auto(GStrv) words = g_strsplit(args, " ", -1);
		g_autoptr(GPtrArray) argv = g_ptr_array_new();
		g_autofree char *err = NULL;
		g_ptr_array_add(argv, (gpointer)DRSIM_BIN);
		for (char **w = words; *w; w++)
			if (**w)
				g_ptr_array_add(argv, *w);
		g_ptr_array_add(argv, NULL);
		g_free(last_out);
		last_out = NULL;
		ck_assert_msg(spawn_in(cwd, (const char *const *)argv->pdata,
				       NULL, &last_out, &err) == 0,
			      "%s job %u: %s", file, p, err);
	}
	g_hash_table_unref(s.macros);
	g_free(s.arguments);
	g_free(s.queue);
	return last_out;
}

/* HTCondor: the DAG's nodes in order, each job of a node as HTCondor
 * would run it. */
START_TEST(test_shard_htcondor_files)
{
	g_autofree char *tmp = batch_dir();
	g_autofree char *want = chu_one_process(tmp, "24", "1");
	g_autofree char *dag = NULL;
	g_autofree char *out = NULL;

	g_autofree char *shards = g_build_filename(tmp, "shards", NULL);
	ck_assert(g_mkdir(shards, 0755) == 0);
	dag = test_read_file(DRSIM_SRCDIR, "docs/scale-out/htcondor.dag");
	g_auto(GStrv) lines = g_strsplit(dag, "\n", -1);
	for (char **l = lines; *l; l++) {
		g_auto(GStrv) w = g_strsplit(*l, " ", -1);
		if (g_strv_length(w) != 3 || strcmp(w[0], "JOB") != 0)
			continue;
		g_autofree char *sub = g_build_filename(DRSIM_SRCDIR, w[2],
							NULL);
		g_free(out);
		out = submit_run(sub, tmp, "24");
	}
	g_autofree char *got = mask(out);
	assert_same_text(got, want);
	g_autofree char *one = g_build_filename(tmp, "one", NULL);
	g_autofree char *results = g_build_filename(tmp, "results", NULL);
	assert_same_tree(one, results);
	test_rm_tree(tmp);
}
END_TEST

Suite *shard_suite(void)
{
	Suite *s = suite_create("shard");
	TCase *tc = tcase_create("merge");

	tcase_set_timeout(tc, 300);
	tcase_add_loop_test(tc, test_shard_merge_identical, 0,
			    (int)G_N_ELEMENTS(commands) * 8);
	tcase_add_test(tc, test_shard_merge_files);
	tcase_add_loop_test(tc, test_shard_mpi_identical, 0,
			    (int)G_N_ELEMENTS(commands) * 2);
	tcase_add_test(tc, test_shard_byte_order);
	suite_add_tcase(s, tc);

	tc = tcase_create("resume");
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_shard_resume);
	tcase_add_test(tc, test_shard_auto);
	tcase_add_loop_test(tc, test_shard_bad_usage, 0,
			    (int)G_N_ELEMENTS(bad_usage));
	suite_add_tcase(s, tc);

	tc = tcase_create("refused");
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_shard_corrupt);
	tcase_add_test(tc, test_shard_truncated);
	tcase_add_test(tc, test_shard_foreign_version);
	tcase_add_test(tc, test_shard_mismatch);
	tcase_add_test(tc, test_shard_scenario_changed);
	tcase_add_test(tc, test_shard_twice);
	suite_add_tcase(s, tc);

	tc = tcase_create("batch systems");
	tcase_set_timeout(tc, 120);
	tcase_add_loop_test(tc, test_shard_docs_verbatim, 0,
			    (int)G_N_ELEMENTS(scale_out_files));
	tcase_add_test(tc, test_shard_slurm_scripts);
	tcase_add_test(tc, test_shard_htcondor_files);
	suite_add_tcase(s, tc);
	return s;
}
