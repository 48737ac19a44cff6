/* chart.c — what every chart of a run is made of (plots-private.h): the
 * chart object (MdlPlot, plots.h), the common script parts, and the
 * helpers of data blocks, durations and axis ranges.  plots.c and
 * plots_horizon.c build on it; it calls neither. */
#include "plots-private.h"

#include <math.h>
#include <string.h>

#include "sim/units.h"

G_DEFINE_QUARK(mdl-plots-error-quark, mdl_plots_error)

/* Values spanning more than this factor get a logarithmic axis: below
 * it a linear axis reads better, above it the small values vanish. */
#define LOG_SPAN 100.0

/* -- the chart object and the common script parts -------------------------- */

/* Ten colours that stay distinct on white and in grey (Tableau 10, the
 * yellow darkened): gnuplot's own default set has a pale yellow. */
static const char *const palette[] = {
	"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd",
	"#8c564b", "#e377c2", "#7f7f7f", "#b5a300", "#17becf",
};

void mdl_plot_num(GString *s, double x)
{
	char buf[G_ASCII_DTOSTR_BUF_SIZE];

	if (s->len > 0 && s->str[s->len - 1] != '\n')
		g_string_append_c(s, ' ');
	if (!isfinite(x)) {
		g_string_append(s, "NaN");
		return;
	}
	/* g_ascii_formatd: a decimal point whatever the locale */
	g_string_append(s, g_ascii_formatd(buf, sizeof buf, "%.15g", x));
}

char *mdl_plot_quote(const char *s)
{
	GString *q = g_string_new("\"");

	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			g_string_append_c(q, '\\');
		g_string_append_c(q, *s == '\n' || *s == '\r' ? ' ' : *s);
	}
	g_string_append_c(q, '"');
	return g_string_free(q, FALSE);
}

char *mdl_plot_field(const char *s)
{
	char *f = g_strdup(*s ? s : "-");

	for (char *p = f; *p; p++)
		if (g_ascii_isspace(*p) || g_ascii_iscntrl(*p) || *p == '#')
			*p = '_';
	return f;
}

/* A comment line of a script, newlines flattened. */
static void gp_comment(GString *gp, const char *text)
{
	g_string_append(gp, "# ");
	for (; *text; text++)
		g_string_append_c(gp, *text == '\n' ? ' ' : *text);
	g_string_append_c(gp, '\n');
}

static void gp_preamble(MdlPlot *p, const MdlScenario *sc, const char *what)
{
	g_autofree char *head =
		g_strdup_printf("%s.gp — %s", p->name, what);
	g_autofree char *from = g_strdup_printf(
		"scenario '%s' (%s), seed %" G_GUINT64_FORMAT, sc->name,
		sc->file ? sc->file : "-", sc->seed);
	g_autofree char *title =
		g_strdup_printf("%s — %s", sc->name, what);
	g_autofree char *qtitle = mdl_plot_quote(title);

	gp_comment(p->gp, head);
	gp_comment(p->gp, from);
	g_string_append_printf(p->gp,
		"# Renders %s.png and %s.svg; run it from the directory "
		"holding it:\n#     gnuplot %s.gp\n", p->name, p->name,
		p->name);
	if (p->dat)
		g_string_append_printf(p->gp,
			"# Numbers: %s.dat (its first line names the "
			"columns).\n", p->name);
	g_string_append_printf(p->gp,
		"reset\nset encoding utf8\nset title %s\n"
		"set key outside below center horizontal height 1.5 width -3\n"
		"set grid\nset border 3\nset tics nomirror\n", qtitle);
	for (guint i = 0; i < G_N_ELEMENTS(palette); i++)
		g_string_append_printf(p->gp,
			"set linetype %u lc rgb \"%s\" lw 2 pt 7 ps 1.2\n",
			i + 1, palette[i]);
	g_string_append_printf(p->gp, "set linetype cycle %u\n",
			       (guint)G_N_ELEMENTS(palette));
}

MdlPlot *mdl_plot_new(const char *name, const char *columns,
		      const MdlScenario *sc, const char *what)
{
	g_return_val_if_fail(name && sc && what, NULL);

	MdlPlot *p = g_new0(MdlPlot, 1);
	p->name = g_strdup(name);
	p->gp = g_string_new(NULL);
	if (columns) {
		p->dat = g_string_new(NULL);
		g_string_append_printf(p->dat, "# %s\n# %s.dat — %s\n",
				       columns, name, what);
	}
	gp_preamble(p, sc, what);
	return p;
}

void mdl_plot_free(MdlPlot *p)
{
	if (!p)
		return;
	g_free(p->name);
	if (p->dat)
		g_string_free(p->dat, TRUE);
	g_string_free(p->gp, TRUE);
	g_free(p);
}

void mdl_plot_begin(MdlPlot *p)
{
	g_return_if_fail(p);
	guint h = p->height ? p->height : 800;
	guint w = p->width ? p->width : 1200;

	g_string_append_printf(p->gp,
		"do for [fmt in \"png svg\"] {\n"
		"if (fmt eq \"png\") {\n"
		"  set terminal pngcairo size %u,%u font \"Sans,14\" "
		"noenhanced\n"
		"} else {\n"
		"  set terminal svg size %u,%u font \"Sans,14\" "
		"noenhanced background rgb \"white\"\n"
		"}\n"
		"set output \"%s.\" . fmt\n", w, h, w, h, p->name);
}

void mdl_plot_end(MdlPlot *p)
{
	g_return_if_fail(p);
	g_string_append(p->gp, "set output\n}\n");
}


static gboolean write_text(MdlOutdir *o, const char *name, const GString *s,
			   GError **error)
{
	FILE *f = mdl_outdir_add(o, name, error);

	if (!f)
		return FALSE;
	/* a failed write shows at the commit, through ferror() */
	fwrite(s->str, 1, s->len, f);
	return TRUE;
}

gboolean mdl_plot_save(const MdlPlot *p, MdlOutdir *o, GPtrArray *scripts,
		       GError **error)
{
	g_return_val_if_fail(p && o && scripts, FALSE);

	g_autofree char *dat = g_strconcat(p->name, ".dat", NULL);
	g_autofree char *gp = g_strconcat(p->name, ".gp", NULL);
	if ((p->dat && !write_text(o, dat, p->dat, error)) ||
	    !write_text(o, gp, p->gp, error))
		return FALSE;
	g_ptr_array_add(scripts, g_steal_pointer(&gp));
	return TRUE;
}

/* -- shared helpers (plots-private.h) -------------------------------------- */

void plots_empty(MdlPlot *p, const char *why)
{
	g_autofree char *q = mdl_plot_quote(why);

	g_string_append_printf(p->gp,
		"set label 1 %s at graph 0.5, 0.5 center\n"
		"set xrange [0:1]\nset yrange [0:1]\nunset key\n", q);
	mdl_plot_begin(p);
	g_string_append(p->gp, "plot NaN notitle\n");
	mdl_plot_end(p);
}

/* Two blank lines before every data set but the first: gnuplot's
 * `index` counts them. */
void plots_next_block(GString *dat, guint *blocks)
{
	if ((*blocks)++ > 0)
		g_string_append(dat, "\n\n");
}

char *plots_duration(double h)
{
	char buf[32];

	sim_format_duration(h, buf, sizeof buf);
	return g_strdup(buf);
}


void plots_span_add(Span *s, double x)
{
	if (!isfinite(x))
		return;
	if (x > 0 && x < s->min_pos)
		s->min_pos = x;
	if (x > s->max)
		s->max = x;
}

gboolean plots_span_is_log(const Span *s)
{
	return isfinite(s->min_pos) && s->max > 0 &&
	       s->max / s->min_pos > LOG_SPAN;
}

/* Sets the range of axis ("x" or "y") to show s, from 0 (linear) or
 * with a margin (logarithmic). */
void plots_gp_range(GString *gp, const char *axis, const Span *s)
{
	g_autoptr(GString) lo = g_string_new(NULL);
	g_autoptr(GString) hi = g_string_new(NULL);

	if (plots_span_is_log(s)) {
		mdl_plot_num(lo, s->min_pos / 1.5);
		mdl_plot_num(hi, s->max * 1.5);
		g_string_append_printf(gp, "set logscale %s\n", axis);
	} else {
		/* a little below 0: a line at 0 stays off the axis */
		double top = s->max > 0 ? s->max * 1.08 : 1;
		mdl_plot_num(lo, -0.015 * top);
		mdl_plot_num(hi, top);
	}
	g_string_append_printf(gp, "set %srange [%s:%s]\n", axis, lo->str,
			       hi->str);
}

