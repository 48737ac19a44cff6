/* outdir.c — summary.json and incidents.csv, all or nothing. */
#include "models/outdir.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "models/results.h"

G_DEFINE_QUARK(mdl-outdir-error-quark, mdl_outdir_error)

/* One output file on its way: a temporary until renamed. */
typedef struct {
	char *path;	/* final name, for messages and the rename */
	char *tmp;	/* the temporary; NULL once renamed or never made */
	FILE *f;	/* open on tmp until finished */
} OutFile;

struct MdlOutdir {
	OutFile incidents, summary;
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
	f->f = fdopen(fd, "w");
	if (!f->f) {
		err = errno;
		close(fd);
		return fail(error, f, err);
	}
	return TRUE;
}

/* Flushes f to the disk and closes it.  A row that failed to be written
 * during the run shows only through ferror(), its errno long gone: EIO. */
static gboolean file_finish(OutFile *f, GError **error)
{
	FILE *fp = g_steal_pointer(&f->f);
	int err = 0;

	if (fflush(fp) != 0)
		err = errno;
	else if (ferror(fp))
		err = EIO;
	else if (fsync(fileno(fp)) != 0)
		err = errno;
	if (fclose(fp) != 0 && err == 0)
		err = errno;
	return err ? fail(error, f, err) : TRUE;
}

static gboolean file_rename(OutFile *f, GError **error)
{
	if (g_rename(f->tmp, f->path) != 0)
		return fail(error, f, errno);
	g_clear_pointer(&f->tmp, g_free);
	return TRUE;
}

MdlOutdir *mdl_outdir_open(const char *dir, GError **error)
{
	g_return_val_if_fail(dir && *dir, NULL);

	g_autoptr(MdlOutdir) o = g_new0(MdlOutdir, 1);
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

gboolean mdl_outdir_commit(MdlOutdir *o, const char *summary, GError **error)
{
	g_return_val_if_fail(o && summary, FALSE);
	g_return_val_if_fail(o->incidents.f && o->summary.f, FALSE);

	fputs(summary, o->summary.f);
	if (!file_finish(&o->incidents, error) ||
	    !file_finish(&o->summary, error) ||
	    !file_rename(&o->incidents, error))
		return FALSE;
	if (!file_rename(&o->summary, error)) {
		/* all or nothing: take back the half already in place */
		g_unlink(o->incidents.path);
		return FALSE;
	}
	return TRUE;
}

void mdl_outdir_free(MdlOutdir *o)
{
	if (!o)
		return;
	file_clear(&o->incidents);
	file_clear(&o->summary);
	g_free(o);
}
