/* serial.h — an MdlResults as a GVariant and back, for carrying the
 * results of replications to another process or to a file (shards,
 * docs/output.md).
 *
 * Every accumulator is carried (moments, sketches, counts, breakdowns,
 * costs, the incident rows when logged), none of the scratch of a
 * replication being played: write only between replications.  Read back
 * into an empty MdlResults shaped for the same scenario, it holds the
 * same figures, and merging it gives the same bits as merging the
 * original.  The byte order of a serialized GVariant is the machine's:
 * whoever writes it to a file says which (g_variant_byteswap()).
 */
#ifndef DRSIM_MODELS_RESULTS_SERIAL_H
#define DRSIM_MODELS_RESULTS_SERIAL_H

#include <glib.h>

#include "models/results/results.h"

/* The GVariant type string of the results. */
const char *mdl_results_variant_type(void);

/* r as a new floating GVariant. */
GVariant *mdl_results_to_variant(const MdlResults *r);

/* Fills r, empty (no replication yet) and shaped for the scenario v was
 * written for, from v.  FALSE with error set (SIM_STATS_ERROR) when v is
 * not drsim results, is of another shape (services, components, crews,
 * year slices, costs, labels) or holds a bad accumulator; r is then
 * partly filled and must only be freed. */
gboolean mdl_results_from_variant(MdlResults *r, GVariant *v, GError **error);

#endif
