/* compare.h — what `drsim compare` and `drsim sweep` share: their options,
 * playing several scenarios one after the other, reading a service's
 * figures back from a run's JSON report, tables with aligned columns, and
 * files written whole.
 *
 * Both commands set runs side by side.  Each run is played as `drsim run`
 * plays it (mdl_simulate()) and reported by mdl_report(); every figure
 * they print is read back from that run's JSON report, so a figure of
 * compare or sweep is by construction the figure of the same name in
 * docs/output.md, never a second computation of it.
 *
 * Runs are played one at a time, each on all the threads asked for, so
 * each run is byte-identical to what `drsim run` gives for the same
 * scenario and seed, whatever the thread count.
 *
 * Errors: GError in MDL_COMPARE_ERROR for the command line (exit 2) and
 * for files that cannot be written (exit 1); a bad scenario keeps the
 * loader's MDL_SCENARIO_ERROR.
 *
 * Ownership: said at each function.  Nothing here is thread-safe.
 */
#ifndef DRSIM_MODELS_COMPARE_H
#define DRSIM_MODELS_COMPARE_H

#include <stdio.h>
#include <glib.h>
#include <json-glib/json-glib.h>

#include "models/scenario/labels.h"
#include "models/report/report.h"
#include "models/results/results.h"
#include "models/scenario/scenario.h"
#include "models/results/simulate.h"

#define MDL_COMPARE_ERROR (mdl_compare_error_quark())
GQuark mdl_compare_error_quark(void);

typedef enum {
	MDL_COMPARE_ERROR_USAGE,	/* bad command line (exit 2) */
	MDL_COMPARE_ERROR_WRITE,	/* a file of --out (exit 1) */
} MdlCompareError;

/* -- options ----------------------------------------------------------- */

/* The options of compare and sweep, those of `drsim run` plus --plot. */
typedef struct {
	gint64 replications, seed;	/* -1: the scenario's */
	char *horizon;			/* NULL: the scenario's */
	char *format_name;		/* --format as given, or NULL */
	MdlFormat format;		/* parsed: table by default */
	char *out;			/* --out DIR, or NULL */
	gboolean plot;
	gboolean quiet;			/* --quiet: no progress line */
	gint threads;			/* >= 1; default: one per core */
	char **sets;			/* --set, in command-line order */
	char **args;			/* the scenario files */
} MdlCompareOptions;

/* clang-format off */
#define MDL_COMPARE_OPTIONS_INIT { .replications = -1, .seed = -1 }
/* clang-format on */

/* Parses argv (GOptionContext: `argv[0] --help` shows params, the
 * positional arguments, and summary) into o, which must be
 * MDL_COMPARE_OPTIONS_INIT.  Checks --threads >= 1, --format, a non-empty
 * --out and that --plot comes with --out; the number of files is the
 * caller's to check.  FALSE with error set on bad usage; o must be
 * cleared either way. */
gboolean mdl_compare_options_parse(MdlCompareOptions *o, int argc,
				   char **argv, const char *params,
				   const char *summary, GError **error);

/* Frees what o holds (not o). */
void mdl_compare_options_clear(MdlCompareOptions *o);

/* The overrides for one scenario: sets (NULL-terminated, may be NULL),
 * then those of -r, -s and -H, which win by coming later, then extra
 * (may be NULL).  Borrowed arguments; the array is yours (g_strfreev()). */
char **mdl_compare_options_sets(const MdlCompareOptions *o,
				const char *const *sets,
				const char *const *extra);

/* -- one run ----------------------------------------------------------- */

/* A scenario, then its results once played. */
typedef struct {
	MdlScenario *sc;
	MdlLabels *labels;
	MdlResults *results;	/* NULL until played */
	MdlRunInfo info;
	char *json;		/* the run's JSON report; NULL until played */
	JsonNode *root;		/* json, parsed */
} MdlComparePlay;

/* A play of sc, which it now owns; never NULL. */
MdlComparePlay *mdl_compare_play_new(MdlScenario *sc);

/* Plays p's scenario on threads >= 1 threads, incident rows to incidents
 * when not NULL (as mdl_simulate()), and makes its JSON report.  Call
 * once.  FALSE with error set when a replication failed (exit 1). */
gboolean mdl_compare_play_run(MdlComparePlay *p, unsigned threads,
			      FILE *incidents, GError **error);

/* The "services" array of the played run's JSON report, or the object of
 * the service with that id (NULL when it has none).  Owned by p. */
JsonArray *mdl_compare_play_services(const MdlComparePlay *p);
JsonObject *mdl_compare_play_service(const MdlComparePlay *p,
				     const char *id);

/* The "cost" object of the played run's JSON report, NULL when the
 * scenario has no costs (owned by p); and cost.KEY.FIELD of it as a
 * number ("total", "mean"), NAN when absent or null. */
JsonObject *mdl_compare_play_cost(const MdlComparePlay *p);
double mdl_compare_play_cost_number(const MdlComparePlay *p, const char *key,
				    const char *field);

/* Frees p and all it owns; accepts NULL. */
void mdl_compare_play_free(MdlComparePlay *p);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(MdlComparePlay, mdl_compare_play_free)

/* -- figures of a service ---------------------------------------------- */

/* The figures compare and sweep show, each a value of a service object of
 * the run JSON (docs/output.md). */
typedef enum {
	MDL_FIGURE_AVAILABILITY,	/* availability.mean, with CI */
	MDL_FIGURE_DOWNTIME,		/* downtime_h_per_year.mean, CI */
	MDL_FIGURE_INCIDENTS,		/* incidents.per_year */
	MDL_FIGURE_RTO_TARGET,		/* rto_h.target */
	MDL_FIGURE_RTO_P50,
	MDL_FIGURE_RTO_P95,
	MDL_FIGURE_RTO_P99,
	MDL_FIGURE_RTO_MET,		/* rto_h.met */
	MDL_FIGURE_RPO_TARGET,
	MDL_FIGURE_RPO_P50,
	MDL_FIGURE_RPO_P95,
	MDL_FIGURE_RPO_P99,
	MDL_FIGURE_RPO_MET,
	MDL_FIGURE_BOTH_MET,		/* both_met */
	MDL_FIGURE_BREACH,		/* p_breach_per_year.mean, CI */
	MDL_FIGURE_DATA_LOSS,		/* data_loss_h_per_year.mean, CI */
	MDL_N_FIGURES
} MdlFigure;

/* Which way a figure is better: a higher availability or fraction met, a
 * lower everything else; a target has no better side. */
typedef enum {
	MDL_BETTER_LOWER = -1,
	MDL_BETTER_NONE = 0,
	MDL_BETTER_HIGHER = 1,
} MdlBetter;

/* The figure's name in a table ("RTO p95") and as a column of a .dat
 * file, with its unit ("rto_p95_h").  Static strings. */
const char *mdl_figure_label(MdlFigure f);
const char *mdl_figure_column(MdlFigure f);
MdlBetter mdl_figure_better(MdlFigure f);

/* The figure in a service object (borrowed); NAN when null (no incident,
 * no target, a single replication for an interval). */
double mdl_figure_value(MdlFigure f, JsonObject *service);

/* Its 95 % interval in *lo, *hi; FALSE (and NANs) when the figure has
 * none or it is null. */
gboolean mdl_figure_ci(MdlFigure f, JsonObject *service, double *lo,
		       double *hi);

/* x as the tables print it ("0.992428", "5.3h", "97.5%", "-" when not
 * finite), and a difference of two values, signed ("+0.000123", "-2.5h",
 * "+1.5 pt").  Yours to g_free(). */
char *mdl_figure_text(MdlFigure f, double x);
char *mdl_figure_diff_text(MdlFigure f, double d);

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
 * FALSE with error set ("cannot write 'DIR/NAME': reason"). */
gboolean mdl_compare_write(const char *dir, const char *name,
			   const char *text, GError **error);

#endif
