/* paired.h — differences B − A of two scenarios played on the same
 * replications, with 95 % intervals from the per-replication paired
 * differences (docs/model.md, "Paired differences").
 *
 * compare plays every scenario with the same seed and replications, so
 * replication r of A and replication r of B draw from the same streams
 * wherever their models name the same ones (common random numbers): the
 * noise they share cancels in d_r = x_B,r − x_A,r, and the interval of
 * the mean of the d_r is narrower than the two intervals side by side.
 *
 * Figures that are means over replications (availability, downtime,
 * incidents per year, breach and MTPD breach in a year, data lost,
 * costs): the mean of d_r, ± t_{0.975, R−1} · s_d / √R.  Fractions of
 * incidents (RTO, RPO, both, MTPD met: p = Σ met / Σ n over
 * replications): D = p_B − p_A, its
 * variance by the delta method from the linearised
 *     z_r = (met_B,r − p_B n_B,r) / n̄_B − (met_A,r − p_A n_A,r) / n̄_A,
 * n̄ the mean count of incidents per replication: D ± t · s_z / √R.
 *
 * The figures of each replication come from the streams of
 * mdl_simulate_streams() (results.h, MDL_REP_*): raw doubles, one record
 * of a scenario's rep width per replication, in replication order.
 */
#ifndef DRSIM_MODELS_RESULTS_PAIRED_H
#define DRSIM_MODELS_RESULTS_PAIRED_H

#include <stdio.h>
#include <glib.h>

/* A difference and its interval; lo = hi = NAN when there is none
 * (fewer than two replications, no incident on a side). */
typedef struct {
	double diff, lo, hi;
} MdlPaired;

/* The paired figures of a service, and of the costs. */
typedef enum {
	MDL_PAIRED_AVAILABILITY,
	MDL_PAIRED_DOWNTIME,	/* hours per year */
	MDL_PAIRED_INCIDENTS,	/* per year, closed and censored */
	MDL_PAIRED_RTO_MET,	/* fraction of closed incidents */
	MDL_PAIRED_RPO_MET,
	MDL_PAIRED_BOTH_MET,
	MDL_PAIRED_BREACH,	/* in a year */
	MDL_PAIRED_DATA_LOSS,	/* hours per year */
	MDL_PAIRED_MTPD_MET,	/* fraction of closed incidents within the
				   MTPD (a service with one) */
	MDL_PAIRED_MTPD_BREACH,	/* MTPD breach in a year */
	MDL_PAIRED_N_SERVICE
} MdlPairedFigure;

/* In the order of the MDL_REP_COST_ figures (results.h). */
typedef enum {
	MDL_PAIRED_COST_TOTAL,
	MDL_PAIRED_COST_INCIDENTS,
	MDL_PAIRED_COST_NPV,	/* net present value */
	MDL_PAIRED_N_COST
} MdlPairedCost;

/* The JSON key of a paired figure ("availability", "rto_met", ...,
 * "total", "incidents", "npv"). */
const char *mdl_paired_name(MdlPairedFigure f);
const char *mdl_paired_cost_name(MdlPairedCost f);

/* One side of a pair: the stream of a scenario's replications (borrowed,
 * read from its start), its record width, and which of its records'
 * figures to read (the service's index, or the costs'). */
typedef struct {
	FILE *reps;
	guint width;
	guint service;		/* index of the service in its scenario */
	guint cost;		/* offset of its costs in a record, or 0 */
	double years;		/* the length of a replication */
} MdlPairedSide;

/* Fills out[MDL_PAIRED_N_SERVICE] with B − A of the service a.service of
 * A and b.service of B over their R replications.  FALSE with error set
 * when a stream cannot be read whole. */
gboolean mdl_paired_service(const MdlPairedSide *a, const MdlPairedSide *b,
			    guint64 replications, MdlPaired *out,
			    GError **error);

/* Fills out[MDL_PAIRED_N_COST] with B − A of the costs (both scenarios
 * have costs: their offset in a record is cost).  FALSE with error set
 * as above. */
gboolean mdl_paired_costs(const MdlPairedSide *a, const MdlPairedSide *b,
			  guint64 replications, MdlPaired *out,
			  GError **error);

/* Which way f is better: 1 higher (availability, fractions met), -1
 * lower (the others, and every cost). */
int mdl_paired_better(MdlPairedFigure f);

/* "A" or "B" when the interval of p excludes 0 on the side of the better
 * one (better > 0: higher is better, < 0: lower), "=" otherwise; "" when
 * p has no difference or better is 0. */
const char *mdl_paired_verdict(const MdlPaired *p, int better);

#endif
