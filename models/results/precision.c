/* precision.c — precision of estimates, runs to a precision
 * (precision.h). */
#include "models/results/precision.h"

#include <math.h>
#include <string.h>

static const struct {
	const char *name;
	MdlPrecisionFigure figure;
} figure_names[] = {
	{ "availability", MDL_PRECISION_AVAILABILITY },
	{ "downtime", MDL_PRECISION_DOWNTIME },
	{ "breach", MDL_PRECISION_BREACH },
	{ "data-loss", MDL_PRECISION_DATA_LOSS },
	{ "cost", MDL_PRECISION_COST },
};

double mdl_precision_of(const SimWelford *w)
{
	double lo, hi;

	if (!sim_welford_ci(w, 0.95, &lo, &hi))
		return NAN;
	if (hi == lo)
		return 0;
	return (hi - lo) / 2 / fabs(sim_welford_mean(w));
}

gboolean mdl_precision_parse_target(const char *text, double *target,
				    GError **error)
{
	char *end;
	double x = g_ascii_strtod(text, &end);

	if (end != text && *end == '%' && !end[1])
		x /= 100;
	else if (end == text || *end)
		x = NAN;
	if (!(x > 0 && x < 1)) {
		g_set_error(error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
			    "--precision must be a relative half-width in (0, "
			    "1), as 0.5%% or 0.005 (got '%s')",
			    text);
		return FALSE;
	}
	*target = x;
	return TRUE;
}

gboolean mdl_precision_parse_figures(const char *text, guint *figures,
				     GError **error)
{
	g_auto(GStrv) names = g_strsplit(text, ",", -1);

	*figures = 0;
	for (char **n = names; *n; n++) {
		guint i = 0;
		g_strstrip(*n);
		while (i < G_N_ELEMENTS(figure_names) &&
		       strcmp(*n, figure_names[i].name) != 0)
			i++;
		if (i == G_N_ELEMENTS(figure_names)) {
			g_set_error(error, G_OPTION_ERROR,
				    G_OPTION_ERROR_BAD_VALUE,
				    "--precision-on: unknown figure '%s' "
				    "(availability, downtime, breach, "
				    "data-loss, cost)",
				    *n);
			return FALSE;
		}
		*figures |= figure_names[i].figure;
	}
	return TRUE;
}

char *mdl_precision_figures_text(guint figures)
{
	GString *s = g_string_new(NULL);

	for (guint i = 0; i < G_N_ELEMENTS(figure_names); i++)
		if (figures & figure_names[i].figure)
			g_string_append_printf(s, "%s%s", s->len ? ", " : "",
					       figure_names[i].name);
	return g_string_free(s, FALSE);
}

/* -- the worst figure -------------------------------------------------------- */

typedef struct {
	double worst;
	char *which;
} Worst;

static void consider(Worst *w, double p, const char *service,
		     const char *figure)
{
	if (!(p > w->worst))	/* NaN: not estimable yet, counted apart */
		return;
	w->worst = p;
	g_free(w->which);
	w->which = service ? g_strdup_printf("%s %s", service, figure)
			   : g_strdup(figure);
}

static gboolean has_target(const MdlResults *r, guint i)
{
	const MdlService *sv = &r->sc->services[i];

	return isfinite(sv->rto_h) || isfinite(sv->rpo_h);
}

double mdl_precision_worst(const MdlResults *r, guint figures, char **which)
{
	Worst w = { 0, NULL };

	for (guint i = 0; i < r->n_services; i++) {
		const MdlServiceResults *s = &r->services[i];
		const char *id = r->sc->services[i].id;
		if (figures & MDL_PRECISION_AVAILABILITY)
			consider(&w, mdl_precision_of(&s->availability), id,
				 "availability");
		if (figures & MDL_PRECISION_DOWNTIME)
			consider(&w, mdl_precision_of(&s->downtime_h_per_year),
				 id, "downtime");
		/* a breach is of a target: a service without any has none
		 * but its rare losses for good, no headline figure */
		if ((figures & MDL_PRECISION_BREACH) && has_target(r, i))
			consider(&w, mdl_precision_of(&s->p_breach_per_year),
				 id, "breach");
		if (figures & MDL_PRECISION_DATA_LOSS)
			consider(&w,
				 mdl_precision_of(&s->data_loss_h_per_year),
				 id, "data lost");
	}
	if ((figures & MDL_PRECISION_COST) && r->cost)
		consider(&w, mdl_precision_of(&r->cost->total), NULL, "cost");
	if (r->replications < 2)
		w.worst = INFINITY;	/* nothing is known yet */
	if (which)
		*which = w.which ? w.which : g_strdup("-");
	else
		g_free(w.which);
	return w.worst;
}

/* -- runs to a precision ----------------------------------------------------- */

void mdl_precision_outcome_clear(MdlPrecisionOutcome *o)
{
	g_free(o->worst);
	o->worst = NULL;
}

guint64 mdl_precision_next(guint64 n0, guint64 n, double w,
			   const MdlPrecisionGoal *goal)
{
	double r = w / goal->target;
	double need = isfinite(r) ? ceil(1.1 * (double)n * r * r)
				  : (double)(4 * n);
	double next = fmax((double)(n + n0), fmin(4.0 * (double)n, need));

	return (guint64)fmin(next, (double)goal->max_replications);
}

/* Plays replications [first, first + count) of every play, merged into
 * its results. */
static gboolean play_batch(MdlPrecisionPlay *plays, guint n, unsigned threads,
			   guint64 first, guint64 count, GError **error)
{
	for (guint i = 0; i < n; i++) {
		MdlPrecisionPlay *p = &plays[i];
		MdlRunInfo info;
		MdlResults *b = mdl_simulate_range(p->sc, p->labels, threads,
						   first, count, p->incidents,
						   p->reps, &info, error);
		if (!b)
			return FALSE;
		mdl_results_merge(p->results, b);
		mdl_results_free(b);
		p->info.threads = info.threads;
		p->info.wall_s += info.wall_s;
	}
	return TRUE;
}

/* The worst precision over every play, and which (play's label first
 * when there are several). */
static double worst_of(const MdlPrecisionPlay *plays, guint n, guint figures,
		       char **which)
{
	double worst = -1;

	*which = NULL;
	for (guint i = 0; i < n; i++) {
		char *w = NULL;
		double p = mdl_precision_worst(plays[i].results, figures, &w);
		if (p > worst || !*which) {
			worst = p;
			g_free(*which);
			*which = n > 1 ? g_strdup_printf("%s %s",
							 plays[i].name, w)
				       : g_strdup(w);
		}
		g_free(w);
	}
	return worst;
}

gboolean mdl_precision_play(MdlPrecisionPlay *plays, guint n,
			    unsigned threads, const MdlPrecisionGoal *goal,
			    MdlPrecisionOutcome *out, GError **error)
{
	guint64 n0 = MAX(plays[0].sc->replications, 2), done = 0, next = n0;

	memset(out, 0, sizeof *out);
	out->goal = *goal;
	for (guint i = 0; i < n; i++) {
		plays[i].results = mdl_results_new(plays[i].sc,
						   plays[i].labels, FALSE);
		plays[i].info = (MdlRunInfo){ threads, 0, out };
	}
	for (;;) {
		next = MIN(next, goal->max_replications);
		if (!play_batch(plays, n, threads, done, next - done, error))
			return FALSE;
		done = next;
		out->batches++;
		g_free(out->worst);
		out->reached = worst_of(plays, n, goal->figures, &out->worst);
		out->met = out->reached <= goal->target;
		if (out->met || done >= goal->max_replications)
			return TRUE;
		next = mdl_precision_next(n0, done, out->reached, goal);
	}
}

char *mdl_precision_outcome_text(const MdlPrecisionOutcome *o,
				 guint64 replications)
{
	g_autofree char *on = mdl_precision_figures_text(o->goal.figures);

	if (o->met)
		return g_strdup_printf(
			"precision %.3g %% on %s: reached %.3g %% (worst: %s) "
			"after %" G_GUINT64_FORMAT " replications in %u "
			"batch%s",
			o->goal.target * 100, on, o->reached * 100, o->worst,
			replications, o->batches, o->batches == 1 ? "" : "es");
	return g_strdup_printf(
		"precision %.3g %% on %s: not reached, %.3g %% (worst: %s) at "
		"the maximum of %" G_GUINT64_FORMAT " replications (%u "
		"batch%s; raise --max-replications)",
		o->goal.target * 100, on, o->reached * 100, o->worst,
		replications, o->batches, o->batches == 1 ? "" : "es");
}
