/* outdir.h — the files of `drsim run --out DIR`, written all or nothing.
 *
 * A run with --out leaves DIR/summary.json (the JSON report) and
 * DIR/incidents.csv (one row per closed incident), both complete, or
 * neither.  Each is written to a temporary file in DIR itself
 * (".summary.json.XXXXXX", ".incidents.csv.XXXXXX": the same file system,
 * so that rename() is atomic), flushed and fsync'ed, and renamed over its
 * final name only once both are complete.  Whatever goes wrong before
 * mdl_outdir_commit() returns TRUE — a failed run, a full disk, a rename
 * refused — mdl_outdir_free() removes the temporaries, so no half-written
 * file is ever left in DIR, and DIR itself (and the parents it needed)
 * when mdl_outdir_open() created it and it is empty.  Files of an earlier
 * run stay untouched until they are replaced whole.
 *
 * incidents.csv streams: its temporary is open for the whole run and
 * receives rows as replications merge, so memory does not grow with the
 * number of incidents.
 *
 * Other files (the charts' .dat and .gp, plots.h) join the set with
 * mdl_outdir_add() and are committed with it: written to temporaries
 * too, renamed with the others, summary.json last, so that its presence
 * means the whole set is complete.
 *
 * SIGINT and SIGTERM (simulate.h) stop the command before the first
 * rename or not at all: the commit calls mdl_simulate_commit() between
 * the fsyncs and the renames, so a signal caught before it fails the
 * commit ("interrupted by SIGINT: nothing written") and one caught after
 * it is ignored.  A write that fails during the run (a full disk) is
 * reported at the commit with its own errno: each FILE writes through
 * write() on its descriptor and keeps the first failure's errno.
 *
 * Not covered: a process killed by SIGKILL or a crash leaves its
 * temporaries (hidden names, never mistaken for results).
 *
 * Ownership: mdl_outdir_open() returns a handle you own; free it with
 * mdl_outdir_free().  The FILEs of mdl_outdir_incidents() and
 * mdl_outdir_add() belong to the handle.  Not thread-safe.
 */
#ifndef DRSIM_MODELS_OUTDIR_H
#define DRSIM_MODELS_OUTDIR_H

#include <stdio.h>
#include <glib.h>

#include "models/report/fileset.h"

#define MDL_OUTDIR_ERROR mdl_outdir_error_quark()
GQuark mdl_outdir_error_quark(void);

typedef enum {
	MDL_OUTDIR_ERROR_WRITE,	/* a file of DIR cannot be written */
} MdlOutdirError;

typedef struct MdlOutdir MdlOutdir;

/* Creates dir (and its parents) when missing, opens the temporaries and
 * writes the header of incidents.csv (mdl_results_csv_header()).  NULL
 * with error set ("cannot write 'DIR/incidents.csv': reason") when dir
 * cannot be created or a file cannot be created in it. */
MdlOutdir *mdl_outdir_open(const char *dir, GError **error);

/* Where the rows of incidents.csv go, after its header; pass it to
 * mdl_simulate().  Borrowed: valid until mdl_outdir_free(). */
FILE *mdl_outdir_incidents(MdlOutdir *o);

/* The directory, as given to mdl_outdir_open(); owned by o. */
const char *mdl_outdir_dir(const MdlOutdir *o);

/* Adds DIR/name (name: a plain file name, not one of o's files yet) to the
 * set: returns the FILE of its temporary, to write the contents to,
 * borrowed and valid until the commit or mdl_outdir_free().  NULL with
 * error set ("cannot write 'DIR/name': reason") when the temporary
 * cannot be created; o is unchanged then.  Call before the commit. */
FILE *mdl_outdir_add(MdlOutdir *o, const char *name, GError **error);

/* Writes summary (the JSON report, borrowed) as summary.json, flushes
 * every file to the disk and renames them to their final names
 * (incidents.csv, the added files in order, summary.json).  Returns TRUE
 * when all are in place; FALSE with error set ("cannot write
 * 'DIR/NAME': reason"), and none of them left, when a write, fsync or
 * rename failed (including an earlier write of an incident row or to an
 * added file).  Call at most once. */
gboolean mdl_outdir_commit(MdlOutdir *o, const char *summary, GError **error);

/* The same, but its files are finished (flushed to the disk) and handed
 * to set, which renames them with its own at mdl_fileset_commit(); o
 * has nothing left to do but be freed.  FALSE with error set, o's
 * temporaries still its own, when a write failed.  Instead of
 * mdl_outdir_commit(). */
gboolean mdl_outdir_finish_into(MdlOutdir *o, const char *summary,
				MdlFileSet *set, GError **error);

/* Removes what was not committed and frees o; accepts NULL. */
void mdl_outdir_free(MdlOutdir *o);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(MdlOutdir, mdl_outdir_free)

#endif
