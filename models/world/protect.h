/* protect.h — recovery points of copies (docs/model.md, "Data,
 * copies and recovery points").
 * Included by protect.c and mechanisms.c only (world-core.h). */
#ifndef DRSIM_MODELS_WORLD_PROTECT_H
#define DRSIM_MODELS_WORLD_PROTECT_H

#include "world-core.h"

void protect_init(MdlWorld *w);
void protect_reset(MdlWorld *w);
void protect_free(MdlWorld *w);
/* The best recovery point of dataset d usable now, <= limit and < before:
 * its instant in *rp and the copy in *copy; FALSE when none. */
gboolean protect_best(MdlWorld *w, guint d, double limit, double before,
		      double *rp, guint *copy);
/* The recovery point the replica (copy `copy` of dataset d) offers for
 * data as of `at`: at − lag, or -INFINITY when unusable now. */
double protect_replica(MdlWorld *w, guint d, guint copy, double at);
/* Every instance of copy k (index into World.copies) is lost now. */
void protect_wipe(MdlWorld *w, guint k);
/* Every instance of every copy on site s is lost now. */
void protect_wipe_site(MdlWorld *w, guint s);
/* Component c, on which replications travel (`via`), went up or down
 * now: the spans their replication stopped follow. */
void protect_links_changed(MdlWorld *w, guint c);
/* The site copy k lives on. */
guint protect_copy_site(const MdlWorld *w, guint k);

#endif
