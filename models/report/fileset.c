/* fileset.c — files of several directories put in place all or nothing
 * (fileset.h). */
#include "models/report/fileset.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "models/report/outdir.h"
#include "models/results/simulate.h"

typedef struct {
	char *tmp;	/* NULL once renamed */
	char *path;
} Entry;

struct MdlFileSet {
	GArray *files;		/* Entry, in the order written */
	GPtrArray *made;	/* directories created, outermost first */
	gboolean committed;
};

static void entry_clear(gpointer p)
{
	Entry *e = p;

	g_free(e->tmp);
	g_free(e->path);
}

MdlFileSet *mdl_fileset_new(void)
{
	MdlFileSet *set = g_new0(MdlFileSet, 1);

	set->files = g_array_new(FALSE, FALSE, sizeof(Entry));
	g_array_set_clear_func(set->files, entry_clear);
	set->made = g_ptr_array_new_with_free_func(g_free);
	return set;
}

static gboolean fail(GError **error, const char *path, int err)
{
	g_set_error(error, MDL_OUTDIR_ERROR, MDL_OUTDIR_ERROR_WRITE,
		    "cannot write '%s': %s", path, g_strerror(err));
	return FALSE;
}

GPtrArray *mdl_dirs_missing(const char *dir)
{
	GPtrArray *made = g_ptr_array_new_with_free_func(g_free);
	char *p = g_strdup(dir);

	while (!g_file_test(p, G_FILE_TEST_EXISTS)) {
		char *up = g_path_get_dirname(p);

		g_ptr_array_insert(made, 0, p);
		if (strcmp(up, p) == 0) {	/* "/" or "." */
			g_free(up);
			return made;
		}
		p = up;
	}
	g_free(p);
	return made;
}

void mdl_dirs_remove(const GPtrArray *dirs)
{
	for (guint i = dirs->len; i > 0; i--)
		g_rmdir(g_ptr_array_index(dirs, i - 1));
}

void mdl_fileset_adopt_dirs(MdlFileSet *set, GPtrArray *dirs)
{
	for (guint i = 0; i < dirs->len; i++)
		g_ptr_array_add(set->made, g_strdup(dirs->pdata[i]));
	g_ptr_array_unref(dirs);
}

void mdl_fileset_adopt(MdlFileSet *set, char *tmp, char *path)
{
	Entry e = { tmp, path };

	g_array_append_val(set->files, e);
}

/* Writes all of text to fd, then flushes it to the disk; 0 or errno. */
static int write_all(int fd, const char *text)
{
	size_t n = strlen(text);

	while (n > 0) {
		ssize_t k = write(fd, text, n);
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0)
			return errno;
		text += k;
		n -= (size_t)k;
	}
	return fsync(fd) != 0 ? errno : 0;
}

gboolean mdl_fileset_write(MdlFileSet *set, const char *dir,
			   const char *name, const char *text,
			   GError **error)
{
	g_return_val_if_fail(set && dir && name && text, FALSE);

	char *path = g_build_filename(dir, name, NULL);
	g_autofree char *base = g_strdup_printf(".%s.XXXXXX", name);
	char *tmp = g_build_filename(dir, base, NULL);
	int fd, err;

	mdl_fileset_adopt_dirs(set, mdl_dirs_missing(dir));
	/* 0666 under the umask, as any file the user makes */
	if (g_mkdir_with_parents(dir, 0777) != 0 ||
	    (fd = g_mkstemp_full(tmp, O_WRONLY | O_CLOEXEC, 0666)) < 0) {
		err = errno;
		g_free(tmp);
		fail(error, path, err);
		g_free(path);
		return FALSE;
	}
	err = write_all(fd, text);
	if (close(fd) != 0 && err == 0)
		err = errno;
	mdl_fileset_adopt(set, tmp, path);	/* removed with the set */
	return err ? fail(error, path, err) : TRUE;
}

gboolean mdl_fileset_put(MdlFileSet *set, const char *dir, const char *name,
			 const char *text, GError **error)
{
	if (set)
		return mdl_fileset_write(set, dir, name, text, error);

	g_autoptr(MdlFileSet) own = mdl_fileset_new();
	return mdl_fileset_write(own, dir, name, text, error) &&
	       mdl_fileset_commit(own, error);
}

/* Removes the first n files of set, already renamed. */
static void take_back(MdlFileSet *set, guint n)
{
	for (guint i = 0; i < n; i++)
		g_unlink(g_array_index(set->files, Entry, i).path);
}

gboolean mdl_fileset_commit(MdlFileSet *set, GError **error)
{
	g_return_val_if_fail(set && !set->committed, FALSE);

	if (!mdl_simulate_commit(error))
		return FALSE;	/* a signal came first: nothing renamed */
	for (guint i = 0; i < set->files->len; i++) {
		Entry *e = &g_array_index(set->files, Entry, i);

		if (g_rename(e->tmp, e->path) != 0) {
			int err = errno;

			take_back(set, i);
			return fail(error, e->path, err);
		}
		g_clear_pointer(&e->tmp, g_free);
	}
	set->committed = TRUE;
	return TRUE;
}

void mdl_fileset_free(MdlFileSet *set)
{
	if (!set)
		return;
	for (guint i = 0; i < set->files->len; i++) {
		const Entry *e = &g_array_index(set->files, Entry, i);

		if (e->tmp)
			g_unlink(e->tmp);
	}
	if (!set->committed)
		mdl_dirs_remove(set->made);
	g_array_unref(set->files);
	g_ptr_array_unref(set->made);
	g_free(set);
}
