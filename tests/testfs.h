/* testfs.h — scratch directories for the suites that write files.
 *
 * Each test makes its own directory under the system's temporary folder
 * (never in the source tree, which other builds share) and removes it
 * when done.  Failures to set up are test failures.
 */
#ifndef DRSIM_TESTFS_H
#define DRSIM_TESTFS_H

#include <string.h>
#include <check.h>
#include <glib.h>
#include <glib/gstdio.h>

/* A new empty directory; yours to remove with test_rm_tree(), then
 * g_free(). */
static inline char *test_tmp_dir(void)
{
	GError *error = NULL;
	char *dir = g_dir_make_tmp("drsim-test-XXXXXX", &error);

	ck_assert_msg(dir, "cannot make a scratch directory: %s",
		      error ? error->message : "?");
	return dir;
}

static inline gint test_cmp_names(gconstpointer a, gconstpointer b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The names in dir, hidden ones included, sorted and joined by spaces:
 * "" for an empty directory.  Yours to g_free(). */
static inline char *test_list_dir(const char *dir)
{
	GDir *d = g_dir_open(dir, 0, NULL);
	GPtrArray *names = g_ptr_array_new();
	const char *name;

	ck_assert_msg(d, "cannot list '%s'", dir);
	while ((name = g_dir_read_name(d)))
		g_ptr_array_add(names, (gpointer)name);
	g_ptr_array_sort(names, test_cmp_names);
	g_ptr_array_add(names, NULL);
	char *list = g_strjoinv(" ", (char **)names->pdata);
	g_ptr_array_free(names, TRUE);
	g_dir_close(d);
	return list;
}

/* Removes path, and everything under it when it is a directory. */
static inline void test_rm_tree(const char *path)
{
	GDir *d = g_file_test(path, G_FILE_TEST_IS_SYMLINK)
			  ? NULL
			  : g_dir_open(path, 0, NULL);
	const char *name;

	if (!d) {
		g_unlink(path);
		return;
	}
	while ((name = g_dir_read_name(d))) {
		char *sub = g_build_filename(path, name, NULL);
		test_rm_tree(sub);
		g_free(sub);
	}
	g_dir_close(d);
	g_rmdir(path);
}

/* Writes text to dir/name (a helper's fixture, not under test). */
static inline char *test_write_file(const char *dir, const char *name,
				    const char *text)
{
	char *path = g_build_filename(dir, name, NULL);

	ck_assert_msg(g_file_set_contents(path, text, -1, NULL),
		      "cannot write '%s'", path);
	return path;
}

/* The contents of dir/name; yours to g_free(). */
static inline char *test_read_file(const char *dir, const char *name)
{
	char *path = g_build_filename(dir, name, NULL);
	char *text = NULL;

	ck_assert_msg(g_file_get_contents(path, &text, NULL, NULL),
		      "cannot read '%s'", path);
	g_free(path);
	return text;
}

#endif
