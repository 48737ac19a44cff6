/* fileset.h — files of several directories put in place all or nothing:
 * what compare, sweep and sensitivity write with --out.
 *
 * Each file is written whole to a temporary next to its final name
 * (".NAME.XXXXXX", the same directory, so that rename() is atomic) and
 * flushed to the disk; nothing is renamed until mdl_fileset_commit(),
 * which passes the point of no return (mdl_simulate_commit(): a SIGINT or
 * SIGTERM caught before it fails the commit, one caught after it is
 * ignored) and renames every file in the order written, so that the
 * last one's presence means the set is complete.  Should a rename fail,
 * the files already renamed are removed again: the directories never
 * hold a mix of an earlier command's files and this one's.  A set freed
 * uncommitted removes its temporaries, and the directories it created
 * when they are empty: a command that fails leaves nothing.
 *
 * An MdlOutdir (outdir.h) joins a set with mdl_outdir_finish_into().
 *
 * Errors: MDL_OUTDIR_ERROR_WRITE, "cannot write 'DIR/NAME': reason";
 * G_IO_ERROR_CANCELLED from mdl_simulate_commit().
 *
 * Ownership: you own the set; free it with mdl_fileset_free().  Not
 * thread-safe.
 */
#ifndef DRSIM_MODELS_REPORT_FILESET_H
#define DRSIM_MODELS_REPORT_FILESET_H

#include <glib.h>

typedef struct MdlFileSet MdlFileSet;

MdlFileSet *mdl_fileset_new(void);

/* Writes text as dir/name into the set (dir created, with its parents,
 * when missing).  FALSE with error set when it cannot be. */
gboolean mdl_fileset_write(MdlFileSet *set, const char *dir,
			   const char *name, const char *text,
			   GError **error);

/* mdl_fileset_write() into set, or, set NULL, dir/name put in place at
 * once (a set of its own, committed). */
gboolean mdl_fileset_put(MdlFileSet *set, const char *dir, const char *name,
			 const char *text, GError **error);

/* Takes tmp, a finished temporary for path, into the set; and dirs (an
 * array of directory names, outermost first), directories created for
 * it.  Both taken over, freed by the set. */
void mdl_fileset_adopt(MdlFileSet *set, char *tmp, char *path);
void mdl_fileset_adopt_dirs(MdlFileSet *set, GPtrArray *dirs);

/* Puts every file in place, as above.  FALSE with error set, none of
 * them left, when it cannot.  Call at most once. */
gboolean mdl_fileset_commit(MdlFileSet *set, GError **error);

/* Frees set; uncommitted, its temporaries and the empty directories it
 * created are removed.  Accepts NULL. */
void mdl_fileset_free(MdlFileSet *set);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(MdlFileSet, mdl_fileset_free)

/* The directories of dir and its parents that do not exist, outermost
 * first: what g_mkdir_with_parents(dir) would create.  Yours to free. */
GPtrArray *mdl_dirs_missing(const char *dir);

/* Removes the directories of dirs (from mdl_dirs_missing()), innermost
 * first, those that are empty. */
void mdl_dirs_remove(const GPtrArray *dirs);

#endif
