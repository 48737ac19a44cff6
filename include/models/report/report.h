/* report.h — the results of a run as a table, JSON or CSV.
 *
 * Every number printed is defined in docs/output.md.  The three formats
 * carry the same figures; JSON is the complete one (json-glib), and apart
 * from its "run" object it is byte-identical for the same scenario and
 * seed whatever the thread count.
 *
 * Ownership: all arguments are borrowed; returned strings are yours
 * (g_free()).
 */
#ifndef DRSIM_MODELS_REPORT_H
#define DRSIM_MODELS_REPORT_H

#include <glib.h>
#include <json-glib/json-glib.h>

#include "models/results/simulate.h"
#include "models/scenario/scenario.h"

typedef enum {
	MDL_FORMAT_TABLE,
	MDL_FORMAT_JSON,
	MDL_FORMAT_CSV,
} MdlFormat;

/* What the table adds to its blocks (the JSON always has it all). */
typedef enum {
	MDL_REPORT_DRIVERS = 1 << 0,	/* after each service, what drives
					   its breaches (drivers.h) */
} MdlReportFlags;

/* Parses "table", "json" or "csv"; FALSE for anything else. */
gboolean mdl_format_parse(const char *s, MdlFormat *format);

/* The report in the given format, ending with a newline; the breakdowns
 * by cause and by path are named by r->labels, which must be set.  NULL
 * (and a critical) on a NULL argument. */
char *mdl_report(const MdlScenario *sc, const MdlResults *r,
		 const MdlRunInfo *info, MdlFormat format);

/* The same, the table with the blocks of flags (MdlReportFlags or'ed;
 * 0: mdl_report()). */
char *mdl_report_with(const MdlScenario *sc, const MdlResults *r,
		      const MdlRunInfo *info, MdlFormat format, guint flags);

/* A JSON tree as `drsim run --format json` writes it: indented by two
 * blanks, with a final newline.  Yours to g_free(). */
char *mdl_report_json_text(JsonNode *root);

#endif
