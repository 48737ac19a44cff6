/* outdir.c — summary.json and incidents.csv, all or nothing. */
#define _GNU_SOURCE	/* fopencookie() */
#include "models/report/outdir.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "models/results/results.h"
#include "models/results/simulate.h"

G_DEFINE_QUARK(mdl-outdir-error-quark, mdl_outdir_error)

/* One output file on its way: a temporary until renamed.  f writes to
 * fd through write_fd(), which keeps the errno of the first failed
 * write: stdio keeps only a flag, and a row written during the run may
 * fail long before the commit looks (a full disk says ENOSPC, not EIO). */
typedef struct {
	char *path;	/* final name, for messages and the rename */
	char *tmp;	/* the temporary; NULL once renamed or never made */
	FILE *f;	/* open on tmp until finished */
	int fd;		/* f's descriptor, for fsync() */
	int err;	/* errno of the first failed write, 0 if none */
} OutFile;

/* incidents and summary are opened by mdl_outdir_open(); extra holds
 * the files added since (OutFile *), in the order they were added. */
struct MdlOutdir {
	char *dir;
	OutFile incidents, summary;
	GPtrArray *extra;
	GPtrArray *made;	/* the directories open created, outermost
				   first: removed again unless committed */
	gboolean committed;
};

static gboolean fail(GError **error, const OutFile *f, int err)
{
	g_set_error(error, MDL_OUTDIR_ERROR, MDL_OUTDIR_ERROR_WRITE,
		    "cannot write '%s': %s", f->path, g_strerror(err));
	return FALSE;
}

/* Closes f and removes its temporary, if still there. */
static void file_clear(OutFile *f)
{
	if (f->f)
		fclose(f->f);
	if (f->tmp)
		g_unlink(f->tmp);
	g_free(f->tmp);
	g_free(f->path);
	*f = (OutFile){ 0 };
}

static ssize_t write_fd(void *cookie, const char *buf, size_t n)
{
	OutFile *f = cookie;
	size_t done = 0;

	while (done < n) {
		ssize_t k = write(f->fd, buf + done, n - done);
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0) {
			if (!f->err)
				f->err = errno;
			break;	/* short: stdio marks the FILE in error */
		}
		done += (size_t)k;
	}
	return (ssize_t)done;
}

static int close_fd(void *cookie)
{
	return close(((OutFile *)cookie)->fd);
}

/* Opens a temporary in dir for dir/name.  Mode 0666 under the umask, as
 * for any file the user creates, rather than mkstemp's 0600. */
static gboolean file_open(OutFile *f, const char *dir, const char *name,
			  GError **error)
{
	g_autofree char *base = g_strdup_printf(".%s.XXXXXX", name);
	int fd, err;

	f->path = g_build_filename(dir, name, NULL);
	f->tmp = g_build_filename(dir, base, NULL);
	fd = g_mkstemp_full(f->tmp, O_WRONLY | O_CLOEXEC, 0666);
	if (fd < 0) {
		err = errno;
		g_clear_pointer(&f->tmp, g_free);	/* nothing to remove */
		return fail(error, f, err);
	}
	f->fd = fd;
	f->f = fopencookie(f, "w", (cookie_io_functions_t){
					   .write = write_fd,
					   .close = close_fd });
	/* gcc 12's analyzer sees the FILE leak here: it is kept in *f and
	 * closed by file_clear(), on every path of every caller. */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wanalyzer-malloc-leak"
#endif
	if (!f->f) {
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif
		err = errno;
		close(fd);
		return fail(error, f, err);
	}
	return TRUE;
}

/* Flushes f to the disk and closes it.  A write that failed, now or
 * during the run, says its own errno (f->err). */
static gboolean file_finish(OutFile *f, GError **error)
{
	FILE *fp = g_steal_pointer(&f->f);
	int err = 0;

	if (fflush(fp) != 0)
		err = f->err ? f->err : errno;
	else if (ferror(fp))
		err = f->err ? f->err : EIO;
	else if (fsync(f->fd) != 0)
		err = errno;
	if (fclose(fp) != 0 && err == 0)
		err = errno;
	return err ? fail(error, f, err) : TRUE;
}

MdlOutdir *mdl_outdir_open(const char *dir, GError **error)
{
	g_return_val_if_fail(dir && *dir, NULL);

	g_autoptr(MdlOutdir) o = g_new0(MdlOutdir, 1);
	o->dir = g_strdup(dir);
	o->extra = g_ptr_array_new();
	o->made = mdl_dirs_missing(dir);
	if (g_mkdir_with_parents(dir, 0777) != 0) {
		int err = errno;
		o->incidents.path =
			g_build_filename(dir, "incidents.csv", NULL);
		fail(error, &o->incidents, err);
		return NULL;
	}
	/* Both opened now: an unwritable DIR fails before a long run. */
	if (!file_open(&o->incidents, dir, "incidents.csv", error) ||
	    !file_open(&o->summary, dir, "summary.json", error))
		return NULL;
	/* A failed write is caught by ferror() at the commit. */
	fputs(mdl_results_csv_header(), o->incidents.f);
	return g_steal_pointer(&o);
}

FILE *mdl_outdir_incidents(MdlOutdir *o)
{
	g_return_val_if_fail(o, NULL);
	return o->incidents.f;
}

const char *mdl_outdir_dir(const MdlOutdir *o)
{
	g_return_val_if_fail(o, NULL);
	return o->dir;
}

/* TRUE when name is already one of o's files. */
static gboolean has_file(const MdlOutdir *o, const char *name)
{
	g_autofree char *path = g_build_filename(o->dir, name, NULL);

	if (strcmp(path, o->incidents.path) == 0 ||
	    strcmp(path, o->summary.path) == 0)
		return TRUE;
	for (guint i = 0; i < o->extra->len; i++) {
		const OutFile *f = g_ptr_array_index(o->extra, i);
		if (strcmp(path, f->path) == 0)
			return TRUE;
	}
	return FALSE;
}

FILE *mdl_outdir_add(MdlOutdir *o, const char *name, GError **error)
{
	g_return_val_if_fail(o && name && *name, NULL);
	g_return_val_if_fail(!strchr(name, G_DIR_SEPARATOR), NULL);
	g_return_val_if_fail(o->summary.f, NULL);	/* not committed */
	g_return_val_if_fail(!has_file(o, name), NULL);

	OutFile *f = g_new0(OutFile, 1);
	if (!file_open(f, o->dir, name, error)) {
		file_clear(f);	/* not one of o's files: commit ignores it */
		g_free(f);
		return NULL;
	}
	g_ptr_array_add(o->extra, f);
	return f->f;
}

/* The files of o in the order they are renamed: summary.json last, so
 * that its presence means the set is complete. */
static GPtrArray *commit_order(MdlOutdir *o)
{
	GPtrArray *files = g_ptr_array_new();

	g_ptr_array_add(files, &o->incidents);
	for (guint i = 0; i < o->extra->len; i++)
		g_ptr_array_add(files, g_ptr_array_index(o->extra, i));
	g_ptr_array_add(files, &o->summary);
	return files;
}

gboolean mdl_outdir_finish_into(MdlOutdir *o, const char *summary,
				MdlFileSet *set, GError **error)
{
	g_return_val_if_fail(o && summary && set, FALSE);
	g_return_val_if_fail(o->incidents.f && o->summary.f, FALSE);

	g_autoptr(GPtrArray) files = commit_order(o);
	fputs(summary, o->summary.f);
	for (guint i = 0; i < files->len; i++)
		if (!file_finish(g_ptr_array_index(files, i), error))
			return FALSE;
	for (guint i = 0; i < files->len; i++) {
		OutFile *f = g_ptr_array_index(files, i);

		mdl_fileset_adopt(set, g_steal_pointer(&f->tmp),
				  g_strdup(f->path));
	}
	mdl_fileset_adopt_dirs(set, g_steal_pointer(&o->made));
	o->committed = TRUE;	/* the set's now */
	return TRUE;
}

gboolean mdl_outdir_commit(MdlOutdir *o, const char *summary, GError **error)
{
	g_autoptr(MdlFileSet) set = mdl_fileset_new();

	return mdl_outdir_finish_into(o, summary, set, error) &&
	       mdl_fileset_commit(set, error);
}

void mdl_outdir_free(MdlOutdir *o)
{
	if (!o)
		return;
	file_clear(&o->incidents);
	file_clear(&o->summary);
	for (guint i = 0; o->extra && i < o->extra->len; i++) {
		OutFile *f = g_ptr_array_index(o->extra, i);
		file_clear(f);
		g_free(f);
	}
	if (o->extra)
		g_ptr_array_free(o->extra, TRUE);
	if (o->made && !o->committed)
		mdl_dirs_remove(o->made);
	if (o->made)
		g_ptr_array_free(o->made, TRUE);
	g_free(o->dir);
	g_free(o);
}
