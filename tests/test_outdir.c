/* test_outdir.c — the files of `--out DIR`: both complete or neither, and
 * never a temporary left behind, whatever step fails. */
#include <errno.h>
#include <stdlib.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "models/report/outdir.h"
#include "models/results/results.h"
#include "testfs.h"
#include "testutil.h"

static const char row[] = "0,app,component:server:crash,1,1,,9,repair,,8,0,1\n";

/* Committed: both files under their names, temporaries gone; the missing
 * directory and its parent were made. */
START_TEST(test_outdir_commit)
{
	g_autofree char *tmp = test_tmp_dir();
	g_autofree char *dir = g_build_filename(tmp, "a", "b", NULL);
	GError *error = NULL;
	MdlOutdir *o = mdl_outdir_open(dir, &error);

	ck_assert_msg(o, "%s", error ? error->message : "?");
	fputs(row, mdl_outdir_incidents(o));
	ck_assert(mdl_outdir_commit(o, "{}\n", &error));
	mdl_outdir_free(o);

	g_autofree char *names = test_list_dir(dir);
	ck_assert_str_eq(names, "incidents.csv summary.json");
	g_autofree char *csv = test_read_file(dir, "incidents.csv");
	g_autofree char *want =
		g_strconcat(mdl_results_csv_header(), row, NULL);
	ck_assert_str_eq(csv, want);
	g_autofree char *json = test_read_file(dir, "summary.json");
	ck_assert_str_eq(json, "{}\n");
	test_rm_tree(tmp);
}
END_TEST

/* Freed without a commit (the run failed): nothing left, and the files
 * of an earlier run untouched. */
START_TEST(test_outdir_abandon)
{
	g_autofree char *dir = test_tmp_dir();
	g_autofree char *old = test_write_file(dir, "incidents.csv", "old\n");
	MdlOutdir *o = mdl_outdir_open(dir, NULL);

	ck_assert(o);
	fputs(row, mdl_outdir_incidents(o));
	mdl_outdir_free(o);

	g_autofree char *names = test_list_dir(dir);
	ck_assert_str_eq(names, "incidents.csv");
	g_autofree char *csv = test_read_file(dir, "incidents.csv");
	ck_assert_str_eq(csv, "old\n");
	test_rm_tree(dir);
}
END_TEST

/* A directory that cannot be made (under a regular file): an error that
 * names the file, and nothing created. */
START_TEST(test_outdir_cannot_create)
{
	g_autofree char *tmp = test_tmp_dir();
	g_autofree char *file = test_write_file(tmp, "file", "x");
	g_autofree char *dir = g_build_filename(file, "sub", NULL);
	g_autofree char *want =
		g_strdup_printf("cannot write '%s/incidents.csv': %s", dir,
				g_strerror(ENOTDIR));
	GError *error = NULL;

	ck_assert_ptr_null(mdl_outdir_open(dir, &error));
	ck_assert(g_error_matches(error, MDL_OUTDIR_ERROR,
				  MDL_OUTDIR_ERROR_WRITE));
	ck_assert_str_eq(error->message, want);
	g_error_free(error);
	g_autofree char *names = test_list_dir(tmp);
	ck_assert_str_eq(names, "file");
	test_rm_tree(tmp);
}
END_TEST

/* The descriptor open on the temporary of dir/name (its FILE has none:
 * outdir.c writes through a cookie), found in /proc/self/fd. */
static int fd_of(const char *dir, const char *name)
{
	g_autofree char *prefix = g_strdup_printf("%s/.%s.", dir, name);
	GDir *d = g_dir_open("/proc/self/fd", 0, NULL);
	const char *fd;
	int found = -1;

	ck_assert(d);
	while (found < 0 && (fd = g_dir_read_name(d))) {
		g_autofree char *link = g_build_filename("/proc/self/fd", fd,
							 NULL);
		g_autofree char *to = g_file_read_link(link, NULL);
		if (to && g_str_has_prefix(to, prefix))
			found = atoi(fd);
	}
	g_dir_close(d);
	return found;
}

/* A full disk while the rows were written (the incidents file's
 * descriptor swapped for /dev/full): the commit fails with the reason,
 * ENOSPC itself, and nothing is left. */
START_TEST(test_outdir_disk_full)
{
	g_autofree char *dir = test_tmp_dir();
	MdlOutdir *o = mdl_outdir_open(dir, NULL);
	int full = open("/dev/full", O_WRONLY);
	GError *error = NULL;

	ck_assert(o);
	ck_assert_int_ge(full, 0);
	FILE *f = mdl_outdir_incidents(o);
	int fd = fd_of(dir, "incidents.csv");
	ck_assert_int_ge(fd, 0);
	ck_assert_int_ge(dup2(full, fd), 0);
	close(full);
	fputs(row, f);
	ck_assert(!mdl_outdir_commit(o, "{}\n", &error));
	ck_assert_msg(strstr(error->message, "/incidents.csv': ") &&
			      strstr(error->message, g_strerror(ENOSPC)),
		      "%s", error->message);
	g_error_free(error);
	mdl_outdir_free(o);
	g_autofree char *names = test_list_dir(dir);
	ck_assert_str_eq(names, "");
	test_rm_tree(dir);
}
END_TEST

/* The second rename refused (summary.json is a directory): the first
 * file, already in place, is taken back. */
START_TEST(test_outdir_rename_refused)
{
	g_autofree char *dir = test_tmp_dir();
	g_autofree char *block = g_build_filename(dir, "summary.json", NULL);
	GError *error = NULL;

	ck_assert_int_eq(g_mkdir(block, 0755), 0);
	g_free(test_write_file(block, "keep", "x"));	/* not empty */
	MdlOutdir *o = mdl_outdir_open(dir, NULL);
	ck_assert(o);
	fputs(row, mdl_outdir_incidents(o));
	ck_assert(!mdl_outdir_commit(o, "{}\n", &error));
	ck_assert_msg(strstr(error->message, "/summary.json': "), "%s",
		      error->message);
	g_error_free(error);
	mdl_outdir_free(o);
	g_autofree char *names = test_list_dir(dir);
	ck_assert_str_eq(names, "summary.json");
	test_rm_tree(dir);
}
END_TEST

Suite *outdir_suite(void)
{
	Suite *s = suite_create("outdir");
	TCase *tc = tcase_create("outdir");

	tcase_add_test(tc, test_outdir_commit);
	tcase_add_test(tc, test_outdir_abandon);
	tcase_add_test(tc, test_outdir_cannot_create);
	tcase_add_test(tc, test_outdir_disk_full);
	tcase_add_test(tc, test_outdir_rename_refused);
	suite_add_tcase(s, tc);
	return s;
}
