/* compare_text.h — what `drsim compare` and `drsim sweep` print and
 * write: amounts of money, tables with aligned columns, JSON, CSV and
 * .dat pieces, and files written whole.
 *
 * Errors: GError in MDL_COMPARE_ERROR for the command line (exit 2) and
 * for files that cannot be written (exit 1).
 *
 * Ownership: said at each function.  Nothing here is thread-safe.
 */
#ifndef DRSIM_MODELS_REPORT_COMPARE_TEXT_H
#define DRSIM_MODELS_REPORT_COMPARE_TEXT_H

#include <glib.h>
#include <json-glib/json-glib.h>

#include "models/results/compare.h"

#define MDL_COMPARE_ERROR (mdl_compare_error_quark())
GQuark mdl_compare_error_quark(void);

typedef enum {
	MDL_COMPARE_ERROR_USAGE,	/* bad command line (exit 2) */
	MDL_COMPARE_ERROR_WRITE,	/* a file of --out (exit 1) */
} MdlCompareError;


/* An amount of money as the run's table prints it: "1.52 M", "75.0 k",
 * "420", "-" when not finite.  Yours to g_free(). */
char *mdl_compare_money(double x);

/* -- tables ------------------------------------------------------------ */

/* Rows of text cells printed with aligned columns (by characters, UTF-8
 * aware), two blanks apart.  Rows may have fewer cells than others. */
typedef struct MdlCompareGrid MdlCompareGrid;

MdlCompareGrid *mdl_compare_grid_new(void);
void mdl_compare_grid_free(MdlCompareGrid *g);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(MdlCompareGrid, mdl_compare_grid_free)

/* Starts a new row. */
void mdl_compare_grid_row(MdlCompareGrid *g);

/* Appends a cell to the current row: a copy of text, or text itself,
 * which the grid then owns (take). */
void mdl_compare_grid_add(MdlCompareGrid *g, const char *text);
void mdl_compare_grid_take(MdlCompareGrid *g, char *text);

/* Appends the rows to s, each line starting with indent and without
 * trailing blanks. */
void mdl_compare_grid_render(const MdlCompareGrid *g, GString *s,
			     const char *indent);

/* -- output helpers ---------------------------------------------------- */

/* Adds "drsim": { "version" } to an open object. */
void mdl_compare_json_version(JsonBuilder *b);

/* Adds "run": { "threads", "events", "wall_s" } for the n plays: events
 * and seconds added up. */
void mdl_compare_json_run(JsonBuilder *b, MdlComparePlay *const *plays,
			  guint n);

/* The builder's root as indented JSON (as `drsim run` writes it), with
 * a final newline; yours to g_free(). */
char *mdl_compare_json_text(JsonBuilder *b);

/* The lines of a CSV text, a newline inside a quoted field not ending a
 * line; the last one empty when the text ends with a newline.  Yours to
 * g_strfreev(). */
char **mdl_compare_csv_lines(const char *csv);

/* Appends text as a quoted CSV field (RFC 4180). */
void mdl_compare_csv_text(GString *s, const char *text);

/* Appends x to a line of a .dat file, after a blank unless it starts the
 * line: up to 9 significant digits, or "NaN" (a missing point for
 * gnuplot) when x is not finite. */
void mdl_compare_dat_number(GString *s, double x);

/* Creates dir (with its parents) when missing and checks that files can
 * be made in it, so that a bad --out fails before a long run.  FALSE with
 * error set ("cannot write 'DIR/NAME': reason", NAME being the first file
 * the command would write). */
gboolean mdl_compare_dir_ready(const char *dir, const char *name,
			       GError **error);

/* Writes text as dir/name, whole or not at all (a temporary renamed).
 * FALSE with error set ("cannot write 'DIR/NAME': reason"), or, when
 * SIGINT or SIGTERM came before the command's first file was put in
 * place, "interrupted by SIGINT: nothing written" (mdl_simulate_commit(),
 * G_IO_ERROR_CANCELLED). */
gboolean mdl_compare_write(const char *dir, const char *name,
			   const char *text, GError **error);

#endif
