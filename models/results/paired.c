/* paired.c — paired differences of two scenarios (paired.h). */
#include "models/results/paired.h"

#include <errno.h>
#include <math.h>

#include "models/results/results.h"
#include "sim/stats.h"

#define LEVEL 0.95

static const char *const names[MDL_PAIRED_N_SERVICE] = {
	"availability", "downtime_h_per_year", "incidents_per_year",
	"rto_met", "rpo_met", "both_met", "p_breach_per_year",
	"data_loss_h_per_year", "mtpd_met", "p_mtpd_breach_per_year",
};

static const char *const cost_names[MDL_PAIRED_N_COST] = {
	"total", "incidents", "npv",
};

const char *mdl_paired_name(MdlPairedFigure f)
{
	return f < MDL_PAIRED_N_SERVICE ? names[f] : NULL;
}

int mdl_paired_better(MdlPairedFigure f)
{
	switch (f) {
	case MDL_PAIRED_AVAILABILITY:
	case MDL_PAIRED_RTO_MET:
	case MDL_PAIRED_RPO_MET:
	case MDL_PAIRED_BOTH_MET:
	case MDL_PAIRED_MTPD_MET:
		return 1;
	default:
		return -1;
	}
}

const char *mdl_paired_cost_name(MdlPairedCost f)
{
	return f < MDL_PAIRED_N_COST ? cost_names[f] : NULL;
}

/* -- the streams ----------------------------------------------------------- */

static gboolean rewind_side(const MdlPairedSide *s, GError **error)
{
	if (fflush(s->reps) == 0 && fseek(s->reps, 0, SEEK_SET) == 0)
		return TRUE;
	g_set_error(error, G_FILE_ERROR, (gint)g_file_error_from_errno(errno),
		    "cannot read the figures of each replication back: %s",
		    g_strerror(errno));
	return FALSE;
}

/* The next record of s into buf[s->width]. */
static gboolean next_record(const MdlPairedSide *s, double *buf,
			    GError **error)
{
	if (fread(buf, sizeof(double), s->width, s->reps) == s->width)
		return TRUE;
	g_set_error_literal(error, G_FILE_ERROR, G_FILE_ERROR_IO,
			    "the figures of each replication end too soon");
	return FALSE;
}

/* Both sides' records, pass by pass: each call of the visitor gets the
 * figures of a (at offset off_a) and of b. */
typedef void (*Visit)(const double *a, const double *b, gpointer data);

static gboolean each_pair(const MdlPairedSide *a, guint off_a,
			  const MdlPairedSide *b, guint off_b, guint64 n,
			  Visit visit, gpointer data, GError **error)
{
	g_autofree double *ra = g_new(double, a->width);
	g_autofree double *rb = g_new(double, b->width);

	if (!rewind_side(a, error) || !rewind_side(b, error))
		return FALSE;
	for (guint64 r = 0; r < n; r++) {
		if (!next_record(a, ra, error) || !next_record(b, rb, error))
			return FALSE;
		visit(ra + off_a, rb + off_b, data);
	}
	return TRUE;
}

/* -- a service --------------------------------------------------------------- */

/* The three fractions of incidents: their MDL_REP_ counts and figure. */
static const struct {
	guint met;
	MdlPairedFigure figure;
} fractions[] = {
	{ MDL_REP_RTO_MET, MDL_PAIRED_RTO_MET },
	{ MDL_REP_RPO_MET, MDL_PAIRED_RPO_MET },
	{ MDL_REP_BOTH_MET, MDL_PAIRED_BOTH_MET },
	{ MDL_REP_MTPD_MET, MDL_PAIRED_MTPD_MET },
};
#define N_FRACTIONS G_N_ELEMENTS(fractions)

/* The figures that are means over replications: MDL_REP_ index. */
static const struct {
	guint rep;
	MdlPairedFigure figure;
} means[] = {
	{ MDL_REP_AVAILABILITY, MDL_PAIRED_AVAILABILITY },
	{ MDL_REP_DOWNTIME, MDL_PAIRED_DOWNTIME },
	{ MDL_REP_BREACH, MDL_PAIRED_BREACH },
	{ MDL_REP_DATA_LOSS, MDL_PAIRED_DATA_LOSS },
	{ MDL_REP_MTPD_BREACH, MDL_PAIRED_MTPD_BREACH },
};
#define N_MEANS G_N_ELEMENTS(means)

typedef struct {
	double years[2];
	SimWelford mean[N_MEANS], incidents;
	double met[2][N_FRACTIONS], n[2];	/* sums, [side] */
	double p[2][N_FRACTIONS], nbar[2];	/* after the first pass */
	SimWelford z[N_FRACTIONS];
} ServicePass;

static double incidents_of(const double *x)
{
	return x[MDL_REP_INCIDENTS] + x[MDL_REP_CENSORED];
}

static void first_pass(const double *a, const double *b, gpointer data)
{
	ServicePass *s = data;

	for (guint i = 0; i < N_MEANS; i++)
		sim_welford_add(&s->mean[i], b[means[i].rep] - a[means[i].rep]);
	sim_welford_add(&s->incidents, incidents_of(b) / s->years[1] -
					       incidents_of(a) / s->years[0]);
	for (guint i = 0; i < N_FRACTIONS; i++) {
		s->met[0][i] += a[fractions[i].met];
		s->met[1][i] += b[fractions[i].met];
	}
	s->n[0] += a[MDL_REP_INCIDENTS];
	s->n[1] += b[MDL_REP_INCIDENTS];
}

static void second_pass(const double *a, const double *b, gpointer data)
{
	ServicePass *s = data;

	for (guint i = 0; i < N_FRACTIONS; i++) {
		double za = (a[fractions[i].met] -
			     s->p[0][i] * a[MDL_REP_INCIDENTS]) / s->nbar[0];
		double zb = (b[fractions[i].met] -
			     s->p[1][i] * b[MDL_REP_INCIDENTS]) / s->nbar[1];
		sim_welford_add(&s->z[i], zb - za);
	}
}

static MdlPaired of_mean(const SimWelford *w)
{
	MdlPaired p = { sim_welford_mean(w), NAN, NAN };

	sim_welford_ci(w, LEVEL, &p.lo, &p.hi);
	return p;
}

/* D ± t · stderr(z); no interval without incidents on a side. */
static MdlPaired of_fraction(const ServicePass *s, guint i)
{
	MdlPaired p = { NAN, NAN, NAN };

	if (s->n[0] <= 0 || s->n[1] <= 0)
		return p;
	p.diff = s->p[1][i] - s->p[0][i];
	double se = sim_welford_stderr(&s->z[i]);
	if (!isfinite(se))
		return p;
	double t = sim_t_quantile(0.5 + LEVEL / 2,
				  (double)(s->z[i].n - 1));
	p.lo = p.diff - t * se;
	p.hi = p.diff + t * se;
	return p;
}

gboolean mdl_paired_service(const MdlPairedSide *a, const MdlPairedSide *b,
			    guint64 replications, MdlPaired *out,
			    GError **error)
{
	guint off_a = a->service * MDL_REP_PER_SERVICE;
	guint off_b = b->service * MDL_REP_PER_SERVICE;
	ServicePass s = { .years = { a->years, b->years } };

	for (guint i = 0; i < N_MEANS; i++)
		sim_welford_init(&s.mean[i]);
	sim_welford_init(&s.incidents);
	for (guint i = 0; i < N_FRACTIONS; i++)
		sim_welford_init(&s.z[i]);
	if (!each_pair(a, off_a, b, off_b, replications, first_pass, &s,
		       error))
		return FALSE;
	for (guint k = 0; k < 2; k++) {
		s.nbar[k] = s.n[k] / (double)replications;
		for (guint i = 0; i < N_FRACTIONS; i++)
			s.p[k][i] = s.n[k] > 0 ? s.met[k][i] / s.n[k] : NAN;
	}
	if (s.n[0] > 0 && s.n[1] > 0 &&
	    !each_pair(a, off_a, b, off_b, replications, second_pass, &s,
		       error))
		return FALSE;
	for (guint i = 0; i < N_MEANS; i++)
		out[means[i].figure] = of_mean(&s.mean[i]);
	out[MDL_PAIRED_INCIDENTS] = of_mean(&s.incidents);
	for (guint i = 0; i < N_FRACTIONS; i++)
		out[fractions[i].figure] = of_fraction(&s, i);
	return TRUE;
}

/* -- costs ------------------------------------------------------------------ */

static void cost_pass(const double *a, const double *b, gpointer data)
{
	SimWelford *w = data;

	for (guint i = 0; i < MDL_PAIRED_N_COST; i++)
		sim_welford_add(&w[i], b[i] - a[i]);
}

gboolean mdl_paired_costs(const MdlPairedSide *a, const MdlPairedSide *b,
			  guint64 replications, MdlPaired *out,
			  GError **error)
{
	SimWelford w[MDL_PAIRED_N_COST];

	for (guint i = 0; i < MDL_PAIRED_N_COST; i++)
		sim_welford_init(&w[i]);
	if (!each_pair(a, a->cost, b, b->cost, replications, cost_pass, w,
		       error))
		return FALSE;
	for (guint i = 0; i < MDL_PAIRED_N_COST; i++)
		out[i] = of_mean(&w[i]);
	return TRUE;
}

const char *mdl_paired_verdict(const MdlPaired *p, int better)
{
	if (better == 0 || !isfinite(p->diff))
		return "";
	if (!isfinite(p->lo) || !isfinite(p->hi) || (p->lo <= 0 && p->hi >= 0))
		return "=";
	return (p->lo > 0) == (better > 0) ? "B" : "A";
}
