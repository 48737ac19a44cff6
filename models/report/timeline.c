/* timeline.c — the trace of one replication turned into a Gantt chart. */
#include "models/report/timeline.h"

#include <math.h>
#include <string.h>

#include "models/report/plots.h"
#include "models/results/results.h"
#include "models/world/world.h"

/* One bar or point on a row; b is NAN while the span is open. */
typedef struct {
	guint row;
	MdlSpanKind kind;
	double a, b;
	const char *outcome;	/* static */
	char *detail;		/* owned; "-" when none */
} TlSpan;

struct MdlTimeline {
	const MdlScenario *sc;
	guint64 rep;
	guint n_rows;		/* components, then services */
	GArray *spans;		/* TlSpan, in the order they started */
	guint *open;		/* [row · kinds + kind]: span index + 1, or
				   0 when none is open */
	GString *notes;		/* comment lines: events not placed */
};

typedef enum { ACT_OPEN, ACT_DONE, ACT_FAILED, ACT_POINT } Action;
/* Where a step is drawn: the row of its service, of every service using
 * its dataset, or of its component (a rebuild elsewhere). */
typedef enum { ON_SERVICE, ON_DATASET, ON_COMPONENT } StepOn;

/* The recovery steps of the trace (world.h), by the start of `what`: an
 * exact match, or a prefix when it ends with a blank (the detail
 * follows). */
static const struct {
	const char *what;
	MdlSpanKind kind;
	Action act;
	StepOn on;		/* what the id names */
} steps[] = {
	{ "detected", MDL_SPAN_DETECTED, ACT_POINT, ON_SERVICE },
	{ "declaration started", MDL_SPAN_DECLARATION, ACT_OPEN, ON_SERVICE },
	{ "declared", MDL_SPAN_DECLARATION, ACT_DONE, ON_SERVICE },
	{ "failover started ", MDL_SPAN_FAILOVER, ACT_OPEN, ON_SERVICE },
	{ "failover done ", MDL_SPAN_FAILOVER, ACT_DONE, ON_SERVICE },
	{ "failover failed ", MDL_SPAN_FAILOVER, ACT_FAILED, ON_SERVICE },
	{ "restore started ", MDL_SPAN_RESTORE, ACT_OPEN, ON_DATASET },
	{ "restore done ", MDL_SPAN_RESTORE, ACT_DONE, ON_DATASET },
	{ "restore failed ", MDL_SPAN_RESTORE, ACT_FAILED, ON_DATASET },
	{ "unrecoverable ", MDL_SPAN_UNRECOVERABLE, ACT_POINT, ON_DATASET },
	{ "rebuild started ", MDL_SPAN_REBUILD, ACT_OPEN, ON_COMPONENT },
	{ "rebuild done ", MDL_SPAN_REBUILD, ACT_DONE, ON_COMPONENT },
	{ "rebuild failed ", MDL_SPAN_REBUILD, ACT_FAILED, ON_COMPONENT },
	{ "failback started", MDL_SPAN_FAILBACK, ACT_OPEN, ON_SERVICE },
	{ "failback done", MDL_SPAN_FAILBACK, ACT_DONE, ON_SERVICE },
};

/* Names in timeline.dat, legends and colours, by kind. */
static const struct {
	const char *name, *legend, *colour;
} kinds[MDL_SPAN_N_KINDS] = {
	{ "down", "down", "#d62728" },
	{ "detected", "detected", "#000000" },
	{ "declaration", "declaration", "#9467bd" },
	{ "failover", "failover", "#1f77b4" },
	{ "restore", "restore", "#2ca02c" },
	{ "rebuild", "rebuild", "#8c564b" },
	{ "failback", "failback", "#ff7f0e" },
	{ "unrecoverable", "data unrecoverable", "#000000" },
};

static gboolean is_point(MdlSpanKind k)
{
	return k == MDL_SPAN_DETECTED || k == MDL_SPAN_UNRECOVERABLE;
}

/* -- building the spans ---------------------------------------------------- */

static guint *open_slot(MdlTimeline *tl, guint row, MdlSpanKind kind)
{
	return &tl->open[row * MDL_SPAN_N_KINDS + kind];
}

static TlSpan *span_at(const MdlTimeline *tl, guint i)
{
	return &g_array_index(tl->spans, TlSpan, i);
}

/* Ends the open span of (row, kind), if any, at t. */
static gboolean span_close(MdlTimeline *tl, guint row, MdlSpanKind kind,
			   double t, const char *outcome)
{
	guint *slot = open_slot(tl, row, kind);

	if (*slot == 0)
		return FALSE;
	TlSpan *s = span_at(tl, *slot - 1);
	s->b = t;
	s->outcome = outcome;
	*slot = 0;
	return TRUE;
}

static void span_add(MdlTimeline *tl, guint row, MdlSpanKind kind, double t,
		     const char *detail, Action act)
{
	TlSpan s = { row, kind, t, act == ACT_POINT ? t : NAN, "-",
		     mdl_plot_field(detail && *detail ? detail : "-") };

	if (act == ACT_OPEN) {
		/* started over: the earlier attempt was abandoned */
		span_close(tl, row, kind, t, "cut");
		*open_slot(tl, row, kind) = tl->spans->len + 1;
	}
	g_array_append_val(tl->spans, s);
}

static void note(MdlTimeline *tl, double t, const char *id, const char *what)
{
	g_autofree char *line =
		g_strdup_printf("t = %.6f h: %s %s (not drawn)", t, id, what);

	g_string_append(tl->notes, "# ");
	for (const char *p = line; *p; p++)
		g_string_append_c(tl->notes, *p == '\n' ? ' ' : *p);
	g_string_append_c(tl->notes, '\n');
}

/* A component's or service's state: "down" opens a down span, "up"
 * closes it; a service back up also ends the steps the world abandons
 * without a trace. */
static void on_state(MdlTimeline *tl, double t, guint row, gboolean service,
		     const char *what)
{
	static const MdlSpanKind dropped[] = { MDL_SPAN_DECLARATION,
		MDL_SPAN_FAILOVER, MDL_SPAN_REBUILD };

	if (strcmp(what, "down") == 0) {
		if (*open_slot(tl, row, MDL_SPAN_DOWN) == 0)
			span_add(tl, row, MDL_SPAN_DOWN, t, NULL, ACT_OPEN);
		return;
	}
	span_close(tl, row, MDL_SPAN_DOWN, t, "-");
	for (guint i = 0; service && i < G_N_ELEMENTS(dropped); i++)
		span_close(tl, row, dropped[i], t, "cut");
}

/* Applies step i (detail: what follows its words) to a row. */
static void apply_step(MdlTimeline *tl, guint i, guint row, double t,
		       const char *detail)
{
	MdlSpanKind kind = steps[i].kind;

	switch (steps[i].act) {
	case ACT_OPEN:
	case ACT_POINT:
		span_add(tl, row, kind, t, detail, steps[i].act);
		break;
	case ACT_DONE:
	case ACT_FAILED:
	default:
		span_close(tl, row, kind, t,
			   steps[i].act == ACT_DONE ? "done" : "failed");
		break;
	}
}

static gint find_step(const char *what, const char **detail)
{
	for (guint i = 0; i < G_N_ELEMENTS(steps); i++) {
		const char *w = steps[i].what;
		gboolean prefix = g_str_has_suffix(w, " ");
		if (prefix ? g_str_has_prefix(what, w) : strcmp(what, w) == 0) {
			*detail = what + strlen(w);
			return (gint)i;
		}
	}
	return -1;
}

/* A recovery step: on the row of its service, or of every service using
 * its dataset. */
static void on_step(MdlTimeline *tl, double t, const char *id,
		    const char *what)
{
	const MdlScenario *sc = tl->sc;
	const char *detail = NULL;
	gint i = find_step(what, &detail);
	guint placed = 0;

	for (guint c = 0; i >= 0 && steps[i].on == ON_COMPONENT &&
			  c < sc->n_components; c++) {
		if (strcmp(sc->components[c].id, id) != 0)
			continue;
		apply_step(tl, (guint)i, c, t, NULL);
		placed++;
	}
	for (guint s = 0; i >= 0 && s < sc->n_services; s++) {
		const MdlService *sv = &sc->services[s];
		gboolean hit = steps[i].on == ON_SERVICE &&
			       strcmp(sv->id, id) == 0;
		for (guint k = 0; steps[i].on == ON_DATASET &&
				  k < sv->n_datasets; k++)
			hit = hit || strcmp(sc->datasets[sv->datasets[k]].id,
					    id) == 0;
		if (!hit)
			continue;
		apply_step(tl, (guint)i, sc->n_components + s, t,
			   *detail ? detail : NULL);
		placed++;
	}
	if (placed == 0)
		note(tl, t, id, what);
}

static void on_trace(double t, MdlTraceKind kind, const char *id,
		     const char *what, gpointer data)
{
	MdlTimeline *tl = data;
	gint c;

	switch (kind) {
	case MDL_TRACE_COMPONENT:
		c = mdl_scenario_find_component(tl->sc, id);
		if (c >= 0)
			on_state(tl, t, (guint)c, FALSE, what);
		else
			note(tl, t, id, what);
		break;
	case MDL_TRACE_SERVICE:
		c = mdl_scenario_find_service(tl->sc, id);
		if (c >= 0)
			on_state(tl, t, tl->sc->n_components + (guint)c, TRUE,
				 what);
		else
			note(tl, t, id, what);
		break;
	case MDL_TRACE_STEP:
	default:
		on_step(tl, t, id, what);
		break;
	}
}

/* Whatever is still open at the horizon ends there. */
static void close_open(MdlTimeline *tl)
{
	for (guint i = 0; i < tl->spans->len; i++) {
		TlSpan *s = span_at(tl, i);
		if (isnan(s->b)) {
			s->b = tl->sc->horizon_h;
			s->outcome = "open";
		}
	}
}

static MdlTimeline *timeline_new(const MdlScenario *sc, guint64 rep)
{
	MdlTimeline *tl = g_new0(MdlTimeline, 1);

	tl->sc = sc;
	tl->rep = rep;
	tl->n_rows = sc->n_components + sc->n_services;
	tl->spans = g_array_new(FALSE, FALSE, sizeof(TlSpan));
	tl->open = g_new0(guint, (gsize)tl->n_rows * MDL_SPAN_N_KINDS);
	tl->notes = g_string_new(NULL);
	return tl;
}

MdlTimeline *mdl_timeline_trace(const MdlScenario *sc, guint64 rep,
				GError **error)
{
	g_return_val_if_fail(sc, NULL);

	g_autoptr(MdlTimeline) tl = timeline_new(sc, rep);
	MdlWorld *w = mdl_world_new(sc);
	MdlResults *r = mdl_results_new(sc, mdl_world_labels(w), FALSE);
	mdl_world_set_trace(w, on_trace, tl);
	gboolean ok = mdl_results_play(w, rep, r, error);
	mdl_results_free(r);
	mdl_world_free(w);
	if (!ok)
		return NULL;
	close_open(tl);
	return g_steal_pointer(&tl);
}

void mdl_timeline_free(MdlTimeline *tl)
{
	if (!tl)
		return;
	for (guint i = 0; i < tl->spans->len; i++)
		g_free(span_at(tl, i)->detail);
	g_array_free(tl->spans, TRUE);
	g_free(tl->open);
	g_string_free(tl->notes, TRUE);
	g_free(tl);
}

guint mdl_timeline_count(const MdlTimeline *tl, MdlSpanKind kind)
{
	guint n = 0;

	g_return_val_if_fail(tl, 0);
	for (guint i = 0; i < tl->spans->len; i++)
		n += span_at(tl, i)->kind == kind;
	return n;
}

/* -- timeline.dat ---------------------------------------------------------- */

static char *row_name(const MdlTimeline *tl, guint row)
{
	const MdlScenario *sc = tl->sc;

	if (row < sc->n_components)
		return g_strdup_printf("component:%s", sc->components[row].id);
	return g_strdup_printf("service:%s",
			       sc->services[row - sc->n_components].id);
}

static void dat_line(GString *dat, const MdlTimeline *tl, const TlSpan *s)
{
	g_autofree char *name = row_name(tl, s->row);
	g_autofree char *field = mdl_plot_field(name);

	g_string_append_printf(dat, "%u %s %s", s->row, field,
			       kinds[s->kind].name);
	mdl_plot_num(dat, s->a);
	mdl_plot_num(dat, s->b);
	mdl_plot_num(dat, s->b - s->a);
	g_string_append_printf(dat, " %s %s\n", s->outcome, s->detail);
}

/* The data sets, one per kind present; block[kind] receives the index of
 * its data set (-1 when the kind is absent). */
static void write_dat(const MdlTimeline *tl, GString *dat, gint *block)
{
	guint blocks = 0;

	g_string_append_printf(dat,
		"# replication %" G_GUINT64_FORMAT ", seed %" G_GUINT64_FORMAT
		", horizon %.6g h; rows: components then services;\n# one "
		"data set per kind of span present (timeline.h); points "
		"have start_h = end_h\n", tl->rep, tl->sc->seed,
		tl->sc->horizon_h);
	g_string_append(dat, tl->notes->str);
	for (guint k = 0; k < MDL_SPAN_N_KINDS; k++) {
		block[k] = -1;
		if (mdl_timeline_count(tl, (MdlSpanKind)k) == 0)
			continue;
		if (blocks > 0)
			g_string_append(dat, "\n\n");
		block[k] = (gint)blocks++;
		g_string_append_printf(dat, "# %s\n", kinds[k].name);
		for (guint i = 0; i < tl->spans->len; i++)
			if (span_at(tl, i)->kind == k)
				dat_line(dat, tl, span_at(tl, i));
	}
}

/* -- timeline.gp ----------------------------------------------------------- */

/* The zoom of the lower panel: around the longest outage of a service,
 * with the steps that start during it; returns that outage, or NULL when
 * no service went down. */
static const TlSpan *zoom_window(const MdlTimeline *tl, double *a,
				 double *b)
{
	const TlSpan *best = NULL;
	guint first = tl->sc->n_components;

	for (guint i = 0; i < tl->spans->len; i++) {
		const TlSpan *s = span_at(tl, i);
		if (s->kind == MDL_SPAN_DOWN && s->row >= first &&
		    (!best || s->b - s->a > best->b - best->a))
			best = s;
	}
	if (!best)
		return NULL;
	*a = best->a;
	*b = best->b;
	for (guint i = 0; i < tl->spans->len; i++) {
		const TlSpan *s = span_at(tl, i);
		if (s->row >= first && s->a >= best->a && s->a <= best->b)
			*b = fmax(*b, s->b);
	}
	double margin = *b > *a ? 0.08 * (*b - *a) : 1;
	*a = fmax(0, *a - margin);
	*b = fmin(tl->sc->horizon_h, *b + margin);
	return best;
}

static void gp_rows(GString *gp, const MdlTimeline *tl)
{
	g_string_append_printf(gp, "set yrange [%u.6:-0.5]\n"
			       "set ytics (", tl->n_rows - 1);
	for (guint r = 0; r < tl->n_rows; r++) {
		g_autofree char *name = row_name(tl, r);
		g_autofree char *q = mdl_plot_quote(name);
		g_string_append_printf(gp, "%s%s %u", r ? ", " : "", q, r);
	}
	g_string_append(gp, ")\nset grid xtics noytics\n"
			    "set style fill solid 0.9 border\n");
}

static guint count_failed(const MdlTimeline *tl, MdlSpanKind kind)
{
	guint n = 0;

	for (guint i = 0; i < tl->spans->len; i++)
		n += span_at(tl, i)->kind == kind &&
		     strcmp(span_at(tl, i)->outcome, "failed") == 0;
	return n;
}

static guint block_count(const gint *block)
{
	guint n = 0;

	for (guint k = 0; k < MDL_SPAN_N_KINDS; k++)
		n += block[k] >= 0;
	return n;
}

/* The plot command of one panel, x = t / S hours. */
static void gp_plot(GString *gp, const MdlTimeline *tl, const gint *block)
{
	/* points last, on top of the bars */
	static const MdlSpanKind order[] = { MDL_SPAN_DOWN,
		MDL_SPAN_DECLARATION, MDL_SPAN_FAILOVER, MDL_SPAN_RESTORE,
		MDL_SPAN_REBUILD, MDL_SPAN_FAILBACK, MDL_SPAN_DETECTED,
		MDL_SPAN_UNRECOVERABLE };
	const char *sep = "plot ";
	gboolean failed_titled = FALSE;

	G_STATIC_ASSERT(G_N_ELEMENTS(order) == MDL_SPAN_N_KINDS);
	for (guint i = 0; i < MDL_SPAN_N_KINDS; i++) {
		MdlSpanKind k = order[i];
		if (block[k] < 0)
			continue;
		g_string_append_printf(gp, "%s\"timeline.dat\" index %d ", sep,
				       block[k]);
		sep = ", \\\n     ";
		if (k == MDL_SPAN_DOWN)
			g_string_append(gp, "using ((($4+$5)/2-O)/S):1:"
				"(($5-$4)/2/S):(0.25) with boxxyerror");
		else if (!is_point(k))
			g_string_append(gp, "using ((($4+$5)/2-O)/S):($1+0.4):"
				"(($5-$4)/2/S):(0.1) with boxxyerror");
		else
			g_string_append_printf(gp, "using (($4-O)/S):($1+0.4) "
				"with points pt %d ps 1.6 lw 2",
				k == MDL_SPAN_DETECTED ? 9 : 2);
		g_string_append_printf(gp, " lc rgb \"%s\" title \"%s\"",
				       kinds[k].colour, kinds[k].legend);
		if (count_failed(tl, k) == 0)
			continue;
		/* a cross at the end of a step that failed */
		g_string_append_printf(gp, "%s\"timeline.dat\" index %d using "
			"(($5-O)/S):(strcol(7) eq \"failed\" ? $1+0.4 : NaN) "
			"with points pt 3 ps 2 lw 2 lc rgb \"black\" "
			"title \"%s\"",
			sep, block[k], failed_titled ? "" : "step failed");
		failed_titled = TRUE;
	}
	/* nothing happened: an empty panel */
	g_string_append(gp, block_count(block) ? "\n" : "plot NaN notitle\n");
}

/* The lower panel, hours since the start of the outage zoomed on. */
static void gp_zoom(GString *gp, const MdlTimeline *tl, const gint *block,
		    double za, double zb, const TlSpan *outage)
{
	g_autofree char *name = row_name(tl, outage->row);
	g_autofree char *zt = g_strdup_printf(
		"zoom on the longest outage of a service: %s, down at "
		"t = %.2f h for %.3g h", name, outage->a,
		outage->b - outage->a);
	g_autofree char *qz = mdl_plot_quote(zt);

	g_string_append_printf(gp,
		"unset key\nset title %s\n"
		"set xlabel \"hours since the outage started\"\n"
		"S = 1\nO = %.17g\nset xrange [%.17g:%.17g]\n", qz,
		outage->a, za - outage->a, zb - outage->a);
	gp_plot(gp, tl, block);
}

/* Whole horizon on top, in days unless it is short; the zoom below. */
static void gp_panels(MdlPlot *p, const MdlTimeline *tl, const gint *block,
		      const char *title)
{
	const MdlScenario *sc = tl->sc;
	double scale = sc->horizon_h > 720 ? 24 : 1, za, zb;
	const TlSpan *outage = zoom_window(tl, &za, &zb);
	gboolean zoom = outage != NULL;
	g_autofree char *qt = mdl_plot_quote(title);

	g_string_append_printf(p->gp,
		"set multiplot layout %d,1 title %s\n"
		"set key outside right top vertical\n"
		"set title \"the whole horizon\"\n"
		"set xlabel \"time since the start (%s)\"\n"
		"S = %.17g\nO = 0\nset xrange [0:%.17g]\n", zoom ? 2 : 1, qt,
		scale > 1 ? "days" : "h", scale, sc->horizon_h / scale);
	gp_plot(p->gp, tl, block);
	if (zoom)
		gp_zoom(p->gp, tl, block, za, zb, outage);
	g_string_append(p->gp, "unset multiplot\n");
}

gboolean mdl_timeline_save(const MdlTimeline *tl, MdlOutdir *o,
			   GPtrArray *scripts, GError **error)
{
	g_return_val_if_fail(tl && o && scripts, FALSE);

	gint block[MDL_SPAN_N_KINDS];
	g_autofree char *what = g_strdup_printf(
		"timeline of replication %" G_GUINT64_FORMAT, tl->rep);
	g_autofree char *title =
		g_strdup_printf("%s — %s", tl->sc->name, what);
	g_autoptr(MdlPlot) p = mdl_plot_new("timeline",
		"row row_name kind start_h end_h duration_h outcome detail",
		tl->sc, what);

	write_dat(tl, p->dat, block);
	gp_rows(p->gp, tl);
	/* fixed margins: the two panels' time axes line up */
	g_string_append(p->gp, "unset title\nset lmargin at screen 0.2\n"
			       "set rmargin at screen 0.8\n");
	mdl_plot_begin(p);
	gp_panels(p, tl, block, title);
	mdl_plot_end(p);
	return mdl_plot_save(p, o, scripts, error);
}
