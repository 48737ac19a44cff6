/* html.h — the decision report: one self-contained HTML file for a
 * board (`drsim compare|run ... --report FILE`, docs/output.md "The
 * report").
 *
 * What it holds, in order: the question and, per service, the verdict
 * against its targets and between the scenarios in plain sentences; the
 * comparison table with the paired 95 % intervals (results/paired.h);
 * the cost over the horizon and over time with its band; the charts
 * (achieved RTO and RPO against the targets, availability); what drives
 * the breaches (by cause, by component and site, when the runs' JSON has
 * them) and the tornado of each scenario's sensitivity; the worst
 * incidents explained (cause, path, detection, declaration, restoration,
 * data lost); the assumptions of each scenario (its header comments and
 * every value marked [A]); the precision reached.
 *
 * Self-contained: CSS inline, charts as inline SVG (rendered by gnuplot
 * in a temporary directory, their ids prefixed so that they do not clash;
 * without gnuplot the report says the charts are left out), no script,
 * no link to anything outside the file.  Laid out for A4 when printed
 * to PDF.  Written to FILE.tmp, then renamed: whole or not at all.
 */
#ifndef DRSIM_MODELS_REPORT_HTML_H
#define DRSIM_MODELS_REPORT_HTML_H

#include <glib.h>

#include "models/results/compare.h"
#include "models/results/precision.h"
#include "models/results/sensitivity.h"

#define MDL_HTML_ERROR (mdl_html_error_quark())
GQuark mdl_html_error_quark(void);

typedef enum {
	MDL_HTML_ERROR_WRITE,	/* the file cannot be written (exit 1) */
	MDL_HTML_ERROR_GNUPLOT,	/* gnuplot failed on a chart (exit 1) */
} MdlHtmlError;

/* What a report is made of; everything borrowed. */
typedef struct {
	const MdlCompareSet *set;	/* the scenarios played (n >= 1),
					   their pairs when n >= 2 */
	MdlSensitivity *const *sens;	/* [set->n] played sensitivities,
					   or NULL: no tornado */
	const MdlPrecisionOutcome *precision;	/* --precision, or NULL */
	const char *command;		/* the command line, to reproduce */
} MdlHtmlReport;

/* The report as HTML text; charts when chart_dir holds them (see
 * mdl_html_charts()), else a note that they are left out.  Yours to
 * g_free(). */
char *mdl_html_report(const MdlHtmlReport *rep, GHashTable *charts);

/* Renders the charts of rep (compare's charts of the set, the tornado of
 * each sensitivity) with gnuplot in a temporary directory and returns
 * them as inline SVG texts by name ("compare_rto_cdf_dpi",
 * "tornado_cost-1" for the second scenario's), ids prefixed; an empty
 * table when gnuplot is not installed.  NULL with error set when gnuplot
 * fails or a file cannot be written. */
GHashTable *mdl_html_charts(const MdlHtmlReport *rep, GError **error);

/* Writes the report to path (through path.tmp).  FALSE with error set
 * (MDL_HTML_ERROR). */
gboolean mdl_html_report_write(const MdlHtmlReport *rep, const char *path,
			       GError **error);

#endif
