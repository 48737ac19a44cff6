/* compare_table.h — compare's table (docs/output.md, "compare",
 * "Table"): the scenarios lettered, then per service a column per
 * scenario, with two the difference B − A, its paired 95 % interval and
 * the better one; the costs; the services not in every scenario.
 * Everything is read from the set (results/compare.h).  Nothing here
 * prints. */
#ifndef DRSIM_MODELS_REPORT_COMPARE_TABLE_H
#define DRSIM_MODELS_REPORT_COMPARE_TABLE_H

#include <glib.h>

#include "models/results/compare.h"
#include "models/results/precision.h"

/* What the table shows besides the set; everything borrowed. */
typedef struct {
	const MdlCompareSet *set;	/* played and matched, with pairs */
	char *const *files;		/* [set->n]: as given */
	gboolean replications_given;	/* -r (else: the first's) */
	gboolean seed_given;		/* -s (else: the first's) */
	int threads;
	const MdlPrecisionOutcome *precision;	/* --precision, or NULL */
} MdlCompareTable;

/* The table as text; yours to g_free(). */
char *mdl_compare_table(const MdlCompareTable *c);

#endif
