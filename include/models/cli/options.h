/* options.h — the command line `drsim compare` and `drsim sweep` share:
 * the options of `drsim run` plus --plot, and the overrides each
 * scenario is loaded with.  Errors in MDL_COMPARE_ERROR
 * (compare_text.h), exit 2.
 */
#ifndef DRSIM_MODELS_CLI_OPTIONS_H
#define DRSIM_MODELS_CLI_OPTIONS_H

#include <glib.h>

#include "models/report/compare_text.h"
#include "models/report/report.h"
#include "models/results/batch.h"
#include "models/results/precision.h"

/* A usage error (MDL_COMPARE_ERROR_USAGE: exit 2) of the printf-style
 * message; returns FALSE. */
gboolean mdl_cli_usage(GError **error, const char *fmt, ...)
	G_GNUC_PRINTF(2, 3);

/* -- options ----------------------------------------------------------- */

/* The most --threads of any command: a worker holds a world (the state
 * of one replication), and beyond the cores more threads only cost
 * memory; the largest machines have a few hundred cores. */
#define MDL_MAX_THREADS 4096

/* FALSE with error set in (domain, code) when replications is above
 * MDL_MAX_REPLICATIONS ("--replications must be <= ... (got N)") or
 * threads above MDL_MAX_THREADS ("--threads must be <= 4096 (got N)"):
 * the bounds every command checks alike. */
gboolean mdl_cli_check_bounds(gint64 replications, gint threads,
			      GQuark domain, gint code, GError **error);

/* The options of compare and sweep, those of `drsim run` plus --plot. */
typedef struct {
	gint64 replications, seed;	/* -1: the scenario's */
	char *horizon;			/* NULL: the scenario's */
	char *format_name;		/* --format as given, or NULL */
	MdlFormat format;		/* parsed: table by default */
	char *out;			/* --out DIR, or NULL */
	gboolean plot;
	gboolean quiet;			/* --quiet: no progress line */
	gint threads;			/* 1 .. MDL_MAX_THREADS; default: one
					   per core */
	char *shard;			/* --shard I/K or auto, or NULL */
	guint32 shard_index, shard_count;	/* parsed */
	char **sets;			/* --set, in command-line order */
	char **args;			/* the scenario files */
} MdlCompareOptions;

/* clang-format off */
#define MDL_COMPARE_OPTIONS_INIT { .replications = -1, .seed = -1 }
/* clang-format on */

/* Parses argv (GOptionContext: `argv[0] --help` shows params, the
 * positional arguments, and summary) into o, which must be
 * MDL_COMPARE_OPTIONS_INIT.  Checks --threads >= 1, --format, a non-empty
 * --out, that --plot and --shard come with --out and parses --shard; the number of files is the
 * caller's to check.  FALSE with error set on bad usage; o must be
 * cleared either way. */
gboolean mdl_compare_options_parse(MdlCompareOptions *o, int argc,
				   char **argv, const char *params,
				   const char *summary, GError **error);

/* The same with the command's own options: extra, NULL-terminated (by
 * an entry with a NULL long_name), added to the shared ones (borrowed;
 * NULL: none). */
gboolean mdl_compare_options_parse_with(MdlCompareOptions *o, int argc,
					char **argv, const char *params,
					const char *summary,
					const GOptionEntry *extra,
					GError **error);

/* The options that make the command what it is, in a fixed order (the
 * files, -r, -s, -H, --set, --format, --plot): what a shard records and
 * `drsim merge` replays, not where or how it is played (--out,
 * --threads, --quiet, --shard).  Yours to g_strfreev(). */
char **mdl_compare_options_canonical(const MdlCompareOptions *o);

/* Appends to a (the strings yours, with g_free) the canonical form of
 * the options run, compare and sweep share: --replications, --seed,
 * --horizon when given (>= 0, non-NULL), every --set in order, --format,
 * --plot. */
void mdl_options_canonical_add(GPtrArray *a, gint64 replications,
			       gint64 seed, const char *horizon,
			       char **sets, const char *format,
			       gboolean plot);

/* -- precision (precision.h) ------------------------------------------- */

/* --precision P, --precision-on LIST, --max-replications N. */
typedef struct {
	char *target, *on;	/* as given, or NULL */
	gint64 max;		/* -1: not given */
	MdlPrecisionGoal goal;	/* parsed, when target */
} MdlPrecisionOptions;

#define MDL_PRECISION_OPTIONS_INIT { NULL, NULL, -1, { 0, 0, 0 } }
#define MDL_PRECISION_MAX_DEFAULT 1000000

/* The option entries that fill p, NULL-terminated; yours to g_free(). */
GOptionEntry *mdl_precision_options_entries(MdlPrecisionOptions *p);

/* Parses what was given into p->goal (default figures: availability and
 * breach; default maximum MDL_PRECISION_MAX_DEFAULT, and at least the
 * replications of the first batch, replications).  --precision-on or
 * --max-replications without --precision, a bad value, --precision with
 * --shard (shard) or under mpirun: FALSE with error set
 * (G_OPTION_ERROR). */
gboolean mdl_precision_options_check(MdlPrecisionOptions *p, gboolean shard,
				     GError **error);

void mdl_precision_options_clear(MdlPrecisionOptions *p);

/* --plot: gnuplot on the scripts (their names, "NAME.gp") in dir, then
 * the charts' paths on stderr; without gnuplot, says so.  The exit code:
 * 0, or 1 when gnuplot failed (its message on stderr, after prog). */
int mdl_cli_render(const char *prog, const char *dir, GPtrArray *scripts);

/* When the plays of prog failed because SIGINT or SIGTERM was caught
 * (mdl_simulate_interrupted()), adds to *error (set) a line saying so:
 * "PROG: interrupted by SIGINT: not every run was played; nothing
 * written".  Leaves *error alone otherwise. */
void mdl_cli_interrupted(const char *prog, GError **error);

/* Frees what o holds (not o). */
void mdl_compare_options_clear(MdlCompareOptions *o);

/* The overrides for one scenario: sets (NULL-terminated, may be NULL),
 * then those of -r, -s and -H, which win by coming later, then extra
 * (may be NULL).  Borrowed arguments; the array is yours (g_strfreev()). */
char **mdl_compare_options_sets(const MdlCompareOptions *o,
				const char *const *sets,
				const char *const *extra);

#endif
