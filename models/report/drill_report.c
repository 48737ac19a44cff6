/* drill_report.c — a drill against the simulation: the table block, the
 * JSON member and the chart (drill_report.h). */
#include "models/report/drill_report.h"

#include <math.h>

#include "sim/units.h"

const char *mdl_drill_flag_text(MdlDrillFlag flag)
{
	switch (flag) {
	case MDL_DRILL_FASTER:
		return "faster than 95 % of simulations";
	case MDL_DRILL_SLOWER:
		return "slower than 95 % of simulations";
	case MDL_DRILL_NEVER:
		return "never simulated";
	case MDL_DRILL_WITHIN:
	default:
		return "";
	}
}

const char *mdl_drill_flag_key(MdlDrillFlag flag)
{
	static const char *const keys[] = { "within", "faster", "slower",
					    "never" };

	return flag <= MDL_DRILL_NEVER ? keys[flag] : "within";
}

/* -- the table ----------------------------------------------------------- */

static const char *dur(double h, char buf[32])
{
	if (!isfinite(h))
		return "-";
	sim_format_duration(h, buf, 32);
	return buf;
}

static const char *pct(double x, char buf[32])
{
	if (!isfinite(x))
		return "-";
	g_snprintf(buf, 32, "%.1f%%", 100 * x);
	return buf;
}

/* One line of the block, without trailing blanks when the flag is "". */
static void table_row(GString *s, const char *step, const MdlDrillFit *f)
{
	char b[5][32];
	g_autofree char *line = g_strdup_printf(
		"  %-36s %-9s %-9s %-9s %-9s %-10s %s", step,
		dur(f->measured_h, b[0]), dur(f->spread.p5, b[1]),
		dur(f->spread.p50, b[2]), dur(f->spread.p95, b[3]),
		pct(f->percentile, b[4]), mdl_drill_flag_text(f->flag));

	g_string_append_printf(s, "%s\n", g_strchomp(line));
}

void mdl_drill_table(GString *s, const MdlDrill *d, const MdlDrillFit *fits,
		     guint service, guint64 reps)
{
	gboolean any = FALSE;

	for (guint i = 0; i < d->n_steps && !any; i++)
		any = d->steps[i].service == service;
	if (!any)
		return;
	g_string_append_printf(s, "\n  Drill '%s' against the simulation\n",
			       d->name);
	g_string_append_printf(s, "  %-36s %-9s %-9s %-9s %-9s %-10s %s\n",
			       "step (measured from the injection)",
			       "measured", "p5", "p50", "p95", "percentile",
			       "flag");
	for (guint i = 0; i < d->n_steps; i++)
		if (d->steps[i].service == service)
			table_row(s, d->steps[i].step, &fits[i]);
	/* the percentile is among the replications that had the step */
	for (guint i = 0; i < d->n_steps; i++) {
		const MdlDrillFit *f = &fits[i];
		if (d->steps[i].service != service || f->never == 0 ||
		    f->spread.n == 0)
			continue;
		g_string_append_printf(s, "  %s: in %u of %" G_GUINT64_FORMAT
					  " replications, the percentile "
					  "among those\n",
				       d->steps[i].step, f->spread.n, reps);
	}
}

/* -- JSON ---------------------------------------------------------------- */

static void json_num(JsonBuilder *b, const char *key, double x)
{
	json_builder_set_member_name(b, key);
	if (isfinite(x))
		json_builder_add_double_value(b, x);
	else
		json_builder_add_null_value(b);
}

static void json_int(JsonBuilder *b, const char *key, gint64 x)
{
	json_builder_set_member_name(b, key);
	json_builder_add_int_value(b, x);
}

static void json_str(JsonBuilder *b, const char *key, const char *x)
{
	json_builder_set_member_name(b, key);
	json_builder_add_string_value(b, x);
}

static void json_step(JsonBuilder *b, const MdlDrillStep *st,
		      const MdlDrillFit *f, const MdlScenario *sc)
{
	json_builder_begin_object(b);
	json_str(b, "service", sc->services[st->service].id);
	json_str(b, "step", st->step);
	json_int(b, "line", st->line);
	json_num(b, "measured_h", f->measured_h);
	json_num(b, "p5", f->spread.p5);
	json_num(b, "p50", f->spread.p50);
	json_num(b, "p95", f->spread.p95);
	json_int(b, "happened", f->spread.n);
	json_int(b, "never", (gint64)f->never);
	json_num(b, "percentile", f->percentile);
	json_num(b, "percentile_se", f->percentile_se);
	json_str(b, "flag", mdl_drill_flag_key(f->flag));
	json_builder_end_object(b);
}

void mdl_drill_json(JsonBuilder *b, const MdlDrill *d,
		    const MdlDrillFit *fits, const MdlScenario *sc)
{
	json_builder_set_member_name(b, "drill");
	json_builder_begin_object(b);
	json_str(b, "name", d->name);
	json_str(b, "file", d->file);
	json_builder_set_member_name(b, "steps");
	json_builder_begin_array(b);
	for (guint i = 0; i < d->n_steps; i++)
		json_step(b, &d->steps[i], &fits[i], sc);
	json_builder_end_array(b);
	json_builder_end_object(b);
}

/* -- the chart ----------------------------------------------------------- */

static void dat_row(GString *dat, guint row, const MdlDrillStep *st,
		    const MdlDrillFit *f, const MdlScenario *sc)
{
	g_autofree char *svc = mdl_plot_field(sc->services[st->service].id);
	g_autofree char *step = mdl_plot_field(st->step);
	const double v[] = { row, f->measured_h, f->spread.p5,
			     f->spread.p50, f->spread.p95, f->percentile,
			     f->spread.n, (double)f->never };

	for (guint k = 0; k < G_N_ELEMENTS(v); k++)
		mdl_plot_num(dat, v[k]);
	g_string_append_printf(dat, " %s %s %s\n",
			       mdl_drill_flag_key(f->flag), svc, step);
}

/* set ytics ("dpi: detected" 0, ...): the steps' names as they read,
 * blanks included, which a .dat field cannot hold. */
static void gp_ytics(GString *gp, const MdlDrill *d, const MdlScenario *sc)
{
	g_string_append(gp, "set ytics scale 0 (");
	for (guint i = 0; i < d->n_steps; i++) {
		g_autofree char *label = g_strdup_printf(
			"%s: %s", sc->services[d->steps[i].service].id,
			d->steps[i].step);
		g_autofree char *q = mdl_plot_quote(label);
		g_string_append_printf(gp, "%s%s %u", i ? ", " : "", q, i);
	}
	g_string_append(gp, ")\n");
}

MdlPlot *mdl_drill_plot(const MdlDrill *d, const MdlDrillFit *fits,
			const MdlScenario *sc, const char *what)
{
	g_autofree char *title =
		g_strdup_printf("drill '%s' against the simulation", d->name);
	g_autofree char *xlabel = g_strdup_printf(
		"hours from the injection of %s (log scale; 0 drawn at 1 min)",
		what);
	g_autofree char *qxlabel = mdl_plot_quote(xlabel);
	MdlPlot *p = mdl_plot_new(
		"drill",
		"row measured_h p5_h p50_h p95_h percentile_fraction "
		"happened never flag service step",
		sc, title);

	g_string_append(p->dat, "# hours from the injection (the RTO and "
				"RPO reached themselves); NaN: the step "
				"happened in no replication\n");
	for (guint i = 0; i < d->n_steps; i++)
		dat_row(p->dat, i, &d->steps[i], &fits[i], sc);
	p->height = MAX(800u, 120u + 40u * d->n_steps);
	/* the first step on top: a range from high to low */
	g_string_append_printf(p->gp,
			       "set xlabel %s\n"
			       "set logscale x\n"
			       "lo(x) = x < 1.0/60 ? 1.0/60 : x\n"
			       "set yrange [%u.7:-0.7]\n"
			       "set key width 2\n"
			       "set style fill solid 0.35\n",
			       qxlabel, d->n_steps - 1);
	gp_ytics(p->gp, d, sc);
	mdl_plot_begin(p);
	g_string_append(
		p->gp,
		"plot \"drill.dat\" using (sqrt(lo($3)*lo($5))):1:(lo($3)):"
		"(lo($5)):($1-0.3):($1+0.3) with boxxyerror lt 1 "
		"title \"simulated p5–p95\", \\\n"
		"     \"\" using (lo($4)):1 with points lt 1 pt 7 "
		"title \"simulated median\", \\\n"
		"     \"\" using (lo($2)):1 with points lt 2 pt 9 ps 2.2 "
		"title \"measured\"\n");
	mdl_plot_end(p);
	return p;
}
