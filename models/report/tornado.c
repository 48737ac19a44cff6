/* tornado.c — the tornado charts of `drsim sensitivity --out DIR` and
 * the files written there (sensitivity.h).  Each chart is an MdlPlot
 * (chart.c: the common preamble, the PNG and SVG loop), written with
 * mdl_compare_write() like the charts of sweep. */
#include "models/report/sensitivity.h"

#include <math.h>

#include "models/report/compare_text.h"
#include "models/report/fileset.h"
#include "models/report/plots.h"

/* Half the height of a bar, in rows. */
#define BAR_HALF 0.3

/* What a tornado chart shows: its name, its x axis and the factor from
 * the figure to the axis's unit. */
typedef struct {
	char *name;	/* "tornado_breach_dpi" */
	char *what;	/* one line: the figure, for the title */
	char *axis;	/* the x axis label, with its unit */
	char *unit;	/* suffix of the .dat's figure columns */
	double scale;	/* axis value = scale × figure */
} Chart;

static void chart_clear(Chart *c)
{
	g_free(c->name);
	g_free(c->what);
	g_free(c->axis);
	g_free(c->unit);
}

/* A field of the .dat, after a blank unless it starts the line. */
static void dat_field(GString *s, const char *text)
{
	g_autofree char *f = mdl_plot_field(text);

	if (s->len > 0 && s->str[s->len - 1] != '\n')
		g_string_append_c(s, ' ');
	g_string_append(s, f);
}

/* One row per bar, largest swing first: rank, key, the values played,
 * the figure at base, low and high, and the swing. */
static void dat_rows(GString *s, const MdlSensitivity *sen,
		     const MdlTornado *t)
{
	for (guint i = 0; i < t->n; i++) {
		const MdlTornadoBar *b = &t->bars[i];
		const MdlSensParameter *p =
			mdl_sensitivity_param(sen, b->param);
		g_string_append_printf(s, "%u", i + 1);
		dat_field(s, p->key);
		dat_field(s, p->value[MDL_SENS_LOW]);
		dat_field(s, p->value[MDL_SENS_HIGH]);
		mdl_plot_num(s, t->base);
		mdl_plot_num(s, b->low);
		mdl_plot_num(s, b->high);
		mdl_plot_num(s, b->swing);
		g_string_append_c(s, '\n');
	}
}

/* The bars of column col (6: low, 7: high) from the base (column 5),
 * the y tics naming the parameters (column 2) with the first. */
static void gp_bars(GString *gp, const char *dat, guint col, guint lt,
		    const char *title)
{
	g_string_append_printf(
		gp, "\"%s\" using (scale*$%u):1:(scale*($%u < $5 ? $%u : $5)):"
		    "(scale*($%u < $5 ? $5 : $%u)):($1 - %g):($1 + %g)%s "
		    "with boxxyerror lt %u title \"%s\"",
		dat, col, col, col, col, col, BAR_HALF, BAR_HALF,
		col == 6 ? ":ytic(2)" : "", lt, title);
}

/* The value played (column vcol) at the end of the bars of column col:
 * left of a bar below the base, right of one above it, none at the
 * base (no bar).  The text is emptied rather than the point made NaN:
 * gnuplot 5.4 crashes on a label plot without a single point. */
static void gp_values(GString *gp, const char *dat, guint col, guint vcol)
{
	g_string_append_printf(
		gp, ", \\\n     \"%s\" using (scale*$%u):1:($%u < $5 ? "
		    "strcol(%u) : \"\") with labels right offset -0.5,0 font "
		    "\",10\" notitle"
		    ", \\\n     \"%s\" using (scale*$%u):1:($%u > $5 ? "
		    "strcol(%u) : \"\") with labels left offset 0.5,0 font "
		    "\",10\" notitle",
		dat, col, col, vcol, dat, col, col, vcol);
}

/* name = x, a number of the script. */
static void gp_number(GString *gp, const char *name, double x)
{
	char buf[G_ASCII_DTOSTR_BUF_SIZE];

	g_string_append_printf(gp, "%s = %s\n", name,
			       g_ascii_formatd(buf, sizeof buf, "%.15g", x));
}

/* The script: rows from the top in the order of the .dat, the y tics
 * naming each parameter, each bar ending with the value played. */
static void gp_tornado(MdlPlot *p, const Chart *c, const MdlTornado *t,
		       const char *base_text)
{
	g_autofree char *dat = g_strconcat(c->name, ".dat", NULL);
	g_autofree char *axis = mdl_plot_quote(c->axis);
	g_autofree char *key = g_strdup_printf("base: %s", base_text);
	g_autofree char *qkey = mdl_plot_quote(key);
	GString *gp = p->gp;

	g_string_append_printf(gp, "set xlabel %s\nset yrange [%g:%g]\n"
				   "set ytics scale 0 font \",11\"\n"
				   "set style fill transparent solid 0.7 "
				   "border -1\n"
				   "set offsets graph 0.15, graph 0.15, 0, 0\n",
			       axis, t->n + 0.5, 0.5);
	gp_number(gp, "scale", c->scale);
	if (isfinite(t->base)) {
		gp_number(gp, "base", t->base);
		g_string_append(gp, "set arrow 1 from scale*base, graph 0 "
				    "to scale*base, graph 1 nohead dt 2 lw 2 "
				    "lc rgb \"black\" front\n");
	}
	mdl_plot_begin(p);
	g_string_append(gp, "plot ");
	gp_bars(gp, dat, 6, 1, "at the low value");
	g_string_append(gp, ", \\\n     ");
	gp_bars(gp, dat, 7, 2, "at the high value");
	gp_values(gp, dat, 6, 3);
	gp_values(gp, dat, 7, 4);
	g_string_append_printf(gp, ", \\\n     NaN with lines dt 2 lw 2 lc "
				   "rgb \"black\" title %s\n", qkey);
	mdl_plot_end(p);
}

/* Writes chart c of tornado t and adds its script to scripts. */
static gboolean write_chart(const MdlSensitivity *sen, const Chart *c,
			    const MdlTornado *t, const char *base_text,
			    const char *dir, GPtrArray *scripts,
			    MdlFileSet *set, GError **error)
{
	g_autofree char *columns = g_strdup_printf(
		"rank parameter low_value high_value base_%s low_%s high_%s "
		"swing_%s", c->unit, c->unit, c->unit, c->unit);
	g_autoptr(MdlPlot) p = mdl_plot_new(c->name, columns, sen->base->sc,
					    c->what);
	g_autofree char *dat = g_strconcat(c->name, ".dat", NULL);
	char *gp = g_strconcat(c->name, ".gp", NULL);

	g_ptr_array_add(scripts, gp);
	/* room for the parameters' paths left of the bars */
	p->width = 1600;
	p->height = MAX(800u, 160 + 36 * t->n);
	g_string_append(p->dat, "# one row per parameter, largest swing "
				"first; the figure at the base, at the\n"
				"# parameter's low and high values, and the "
				"swing |high - low|\n");
	dat_rows(p->dat, sen, t);
	gp_tornado(p, c, t, base_text);
	return mdl_fileset_write(set, dir, dat, p->dat->str, error) &&
	       mdl_fileset_write(set, dir, gp, p->gp->str, error);
}

static gboolean write_breach(const MdlSensitivity *sen, const char *id,
			     const char *dir, GPtrArray *scripts,
			     MdlFileSet *set, GError **error)
{
	g_autoptr(MdlTornado) t = mdl_sensitivity_breach(sen, id);
	g_autofree char *base = isfinite(t->base)
					? g_strdup_printf("%.1f%%",
							  100 * t->base)
					: g_strdup("-");
	Chart c = {
		g_strdup_printf("tornado_breach_%s", id),
		g_strdup_printf("breach in a year of %s, one parameter at a "
				"time", id),
		g_strdup("probability of at least one breach in a year (%)"),
		g_strdup("fraction"), 100,
	};
	gboolean ok = write_chart(sen, &c, t, base, dir, scripts, set, error);

	chart_clear(&c);
	return ok;
}

static gboolean write_cost(const MdlSensitivity *sen, const char *dir,
			   GPtrArray *scripts, MdlFileSet *set, GError **error)
{
	g_autoptr(MdlTornado) t = mdl_sensitivity_cost(sen);
	const char *cur = sen->base->sc->costs->currency;
	g_autofree char *money = NULL, *base = NULL, *unit = NULL;

	if (!t)
		return TRUE;
	money = mdl_compare_money(t->base);
	base = g_strdup_printf("%s %s", money, cur);
	unit = g_ascii_strdown(cur, -1);
	Chart c = {
		g_strdup("tornado_cost"),
		g_strdup("total cost, one parameter at a time"),
		g_strdup_printf("total cost over the horizon (millions of %s)",
				cur),
		mdl_plot_field(unit), 1e-6,
	};
	gboolean ok = write_chart(sen, &c, t, base, dir, scripts, set, error);

	chart_clear(&c);
	return ok;
}

gboolean mdl_sensitivity_write(const MdlSensitivity *s, const char *dir,
			       const char *summary, GPtrArray *scripts,
			       GError **error)
{
	const MdlScenario *sc;

	g_return_val_if_fail(s && s->base->root && dir && summary && scripts,
			     FALSE);
	sc = s->base->sc;
	g_autoptr(MdlFileSet) set = mdl_fileset_new();
	for (guint k = 0; k < sc->n_services; k++)
		if (!write_breach(s, sc->services[k].id, dir, scripts, set,
				  error))
			return FALSE;
	if (sc->costs && !write_cost(s, dir, scripts, set, error))
		return FALSE;
	return mdl_fileset_write(set, dir, "summary.json", summary, error) &&
	       mdl_fileset_commit(set, error);
}
