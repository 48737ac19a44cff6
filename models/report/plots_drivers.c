/* plots_drivers.c — the charts of what drives each service's breaches
 * (mdl_plots_drivers_write(), plots.h): the importance of components
 * and sites as horizontal bars.  Built on chart.c (plots-private.h);
 * the figures are results/drivers.h's. */
#include "plots-private.h"

#include <math.h>

#include "models/results/drivers.h"

/* Bars on a chart, at most: the rest are in summary.json. */
#define DRIVERS_BARS 20

/* The components and sites down during some breach-hour, most first;
 * how many of them the chart shows. */
static guint drivers_bars(const MdlDrivers *d)
{
	guint n = 0;

	while (n < d->n_importance && n < DRIVERS_BARS &&
	       d->importance[n].down_h > 0)
		n++;
	return n;
}

/* "component san" or "site replaced:salle-a": a bar's name. */
static char *bar_name(const MdlImportance *x)
{
	g_autofree char *id = mdl_down_name(&x->what);

	return g_strdup_printf("%s %s", mdl_down_kind(&x->what), id);
}

static void drivers_dat(MdlPlot *p, const MdlDrivers *d, guint bars)
{
	for (guint k = 0; k < bars; k++) {
		const MdlImportance *x = &d->importance[k];
		g_autofree char *id = mdl_down_name(&x->what);
		g_autofree char *field = mdl_plot_field(id);
		g_string_append_printf(p->dat, "%u %s %s", k,
				       mdl_down_kind(&x->what), field);
		mdl_plot_num(p->dat, x->share);
		mdl_plot_num(p->dat, x->down_h);
		g_string_append_c(p->dat, '\n');
	}
}

/* Bars top down, one tic per component or site; the share at the end
 * of each bar; the service's colour (lt: its place + 1, as on every
 * chart). */
static void drivers_script(MdlPlot *p, const MdlDrivers *d, guint bars,
			   guint lt, const char *key)
{
	g_autofree char *qkey = mdl_plot_quote(key);

	g_string_append_printf(p->gp,
		"set xlabel \"fraction of the breach-hours it was down\"\n"
		"set xrange [0:1.12]\nset yrange [%u.6:-0.6]\nset ytics (",
		bars - 1);
	for (guint k = 0; k < bars; k++) {
		g_autofree char *name = bar_name(&d->importance[k]);
		g_autofree char *q = mdl_plot_quote(name);
		g_string_append_printf(p->gp, "%s%s %u", k ? ", " : "", q, k);
	}
	g_string_append(p->gp, ")\nset grid noytics xtics\n"
			       "set style fill solid 0.7 border -1\n");
	mdl_plot_begin(p);
	g_string_append_printf(p->gp,
		"plot \"%s.dat\" using ($4/2):1:($4/2):(0.35) with "
		"boxxyerror lt %u title %s, \\\n"
		"     \"%s.dat\" using 4:1:(sprintf(\" %%.1f %%%%\", "
		"100*$4)) with labels left font \",11\" notitle\n",
		p->name, lt, qkey, p->name);
	mdl_plot_end(p);
}

/* The chart drivers_ID of service i. */
static MdlPlot *drivers_plot(const MdlScenario *sc, const MdlResults *r,
			     guint i)
{
	const char *id = sc->services[i].id;
	g_autoptr(MdlDrivers) d = mdl_drivers_new(r, i);
	g_autofree char *name = g_strconcat("drivers_", id, NULL);
	g_autofree char *what = g_strdup_printf(
		"%s: what was down during the breaches (%" G_GUINT64_FORMAT
		" replications)", id, r->replications);
	MdlPlot *p = mdl_plot_new(name, "row kind id share_fraction down_h",
				  sc, what);
	guint bars = drivers_bars(d);

	g_string_append_printf(p->dat,
		"# service %s: %" G_GUINT64_FORMAT " breaches,", id,
		d->breaches);
	mdl_plot_num(p->dat, d->breach_h);
	g_string_append(p->dat,
		" breach-hours; share: hours down during them / "
		"breach-hours;\n# the components and sites down during "
		"some breach, most first (every one: summary.json)\n");
	if (bars == 0) {
		plots_empty(p, d->breaches ? "nothing was down during the "
					     "breaches"
					   : "no breach");
		return p;
	}
	drivers_dat(p, d, bars);
	g_autofree char *key = g_strdup_printf(
		"%s: %" G_GUINT64_FORMAT " breaches, %.0f breach-hours", id,
		d->breaches, d->breach_h);
	drivers_script(p, d, bars, i + 1, key);
	return p;
}

gboolean mdl_plots_drivers_write(MdlOutdir *o, const MdlScenario *sc,
				 const MdlResults *r, GPtrArray *scripts,
				 GError **error)
{
	g_return_val_if_fail(o && sc && r && r->labels && scripts, FALSE);

	for (guint i = 0; i < sc->n_services; i++) {
		g_autoptr(MdlPlot) p = drivers_plot(sc, r, i);
		if (!mdl_plot_save(p, o, scripts, error))
			return FALSE;
	}
	return TRUE;
}
