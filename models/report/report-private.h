/* report-private.h — the text table of mdl_report(): report_table.c
 * writes it, report.c calls it (one way).  Both read the figures of
 * results/figures.h.  Only those two files include this; the contract is
 * report.h, and every figure is defined in docs/output.md.
 */
#ifndef DRSIM_MODELS_REPORT_PRIVATE_H
#define DRSIM_MODELS_REPORT_PRIVATE_H

#include <glib.h>

#include "models/report/report.h"
#include "models/results/figures.h"

/* ---- report_table.c: the text table ---- */

/* The report as a table, ending with a newline, which you own
 * (g_free()).  The arguments are those of mdl_report_with(), already
 * checked: none is NULL and r->labels is set. */
char *report_table(const MdlScenario *sc, const MdlResults *r,
		   const MdlRunInfo *info, guint flags);

#endif
