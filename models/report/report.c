/* report.c — mdl_report(): a run's figures (results/figures.h) as JSON
 * text, CSV, or the text table of report_table.c (report-private.h). */
#include "report-private.h"

#include <math.h>
#include <string.h>
#include <json-glib/json-glib.h>

#include "sim/cli.h"
#include "sim/units.h"


gboolean mdl_format_parse(const char *s, MdlFormat *format)
{
	static const char *const names[] = { "table", "json", "csv" };

	for (guint i = 0; i < G_N_ELEMENTS(names); i++) {
		if (s && strcmp(s, names[i]) == 0) {
			*format = (MdlFormat)i;
			return TRUE;
		}
	}
	return FALSE;
}

/* The run's figures as indented JSON text (two blanks), with a final
 * newline. */
static char *report_json(const MdlScenario *sc, const MdlResults *r,
			 const MdlRunInfo *info)
{
	g_autoptr(JsonNode) root = mdl_summary_json(sc, r, info);

	return mdl_report_json_text(root);
}

char *mdl_report_json_text(JsonNode *root)
{
	g_autoptr(JsonGenerator) gen = json_generator_new();
	json_generator_set_pretty(gen, TRUE);
	json_generator_set_indent(gen, 2);
	json_generator_set_root(gen, root);
	char *text = json_generator_to_data(gen, NULL);
	char *out = g_strconcat(text, "\n", NULL);
	g_free(text);
	return out;
}

/* -- CSV ------------------------------------------------------------------- */

static void csv_number(GString *s, double x)
{
	char buf[G_ASCII_DTOSTR_BUF_SIZE];

	g_string_append_c(s, ',');
	if (isfinite(x))
		g_string_append(s, g_ascii_dtostr(buf, sizeof buf, x));
}

/* A field quoted as RFC 4180 says. */
static void csv_text(GString *s, const char *text)
{
	g_string_append_c(s, '"');
	for (const char *p = text; *p; p++) {
		if (*p == '"')
			g_string_append_c(s, '"');
		g_string_append_c(s, *p);
	}
	g_string_append_c(s, '"');
}

static void csv_dist_header(GString *s, const char *what)
{
	g_string_append_printf(s, ",%s_target,%s_mean", what, what);
	for (guint i = 0; i < MDL_N_QUANTILES; i++)
		g_string_append_printf(s, ",%s_%s", what, mdl_quantile_key[i]);
	g_string_append_printf(s, ",%s_max,%s_met", what, what);
}

static void csv_dist(GString *s, const MdlDist *d)
{
	csv_number(s, d->target);
	csv_number(s, d->mean);
	for (guint i = 0; i < MDL_N_QUANTILES; i++)
		csv_number(s, d->q[i]);
	csv_number(s, d->max);
	csv_number(s, d->met);
}

static void csv_row(GString *s, const MdlScenario *sc, const MdlResults *r,
		    guint i)
{
	const MdlService *sv = &sc->services[i];
	const MdlServiceResults *x = &r->services[i];
	MdlEstimate a = mdl_estimate(&x->availability);
	MdlDist rto = mdl_rto_of(sv, x), rpo = mdl_rpo_of(sv, x);

	csv_text(s, sv->id);
	g_string_append_c(s, ',');
	csv_text(s, sv->name);
	csv_number(s, a.mean);
	csv_number(s, a.stderr_);
	csv_number(s, a.lo);
	csv_number(s, a.hi);
	csv_number(s, sim_welford_mean(&x->downtime_h_per_year));
	g_string_append_printf(s, ",%" G_GUINT64_FORMAT ",%" G_GUINT64_FORMAT,
			       x->incidents, x->censored);
	csv_number(s, mdl_incidents_per_year(sc, r, x));
	csv_dist(s, &rto);
	csv_dist(s, &rpo);
	g_string_append_printf(s, ",%" G_GUINT64_FORMAT, x->rpo_unknown);
	csv_number(s, mdl_ratio(x->both_met, x->incidents));
	csv_number(s, sim_welford_mean(&x->p_breach_per_year));
	csv_number(s, sim_welford_mean(&x->data_loss_h_per_year));
	g_string_append_printf(s, ",%" G_GUINT64_FORMAT "\n", x->lost_for_good);
}

/* New columns go at the end: readers may index columns by position. */
static char *report_csv(const MdlScenario *sc, const MdlResults *r)
{
	GString *s = g_string_new("service,name,availability_mean,"
				  "availability_stderr,availability_ci95_lo,"
				  "availability_ci95_hi,downtime_h_per_year_mean,"
				  "incidents,censored,incidents_per_year");

	csv_dist_header(s, "rto_h");
	csv_dist_header(s, "rpo_h");
	g_string_append(s, ",rpo_unknown,both_met,p_breach_per_year,"
			   "data_loss_h_per_year,lost_for_good\n");
	for (guint i = 0; i < sc->n_services; i++)
		csv_row(s, sc, r, i);
	return g_string_free(s, FALSE);
}

char *mdl_report(const MdlScenario *sc, const MdlResults *r,
		 const MdlRunInfo *info, MdlFormat format)
{
	return mdl_report_with(sc, r, info, format, 0);
}

char *mdl_report_with(const MdlScenario *sc, const MdlResults *r,
		      const MdlRunInfo *info, MdlFormat format, guint flags)
{
	g_return_val_if_fail(sc && r && info && r->labels, NULL);

	switch (format) {
	case MDL_FORMAT_JSON:
		return report_json(sc, r, info);
	case MDL_FORMAT_CSV:
		return report_csv(sc, r);
	case MDL_FORMAT_TABLE:
	default:
		return report_table(sc, r, info, flags);
	}
}
