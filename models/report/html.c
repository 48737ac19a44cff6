/* html.c — the decision report (html.h): the page, the question, the
 * verdicts, the tables, the cost, the charts and the drivers; the worst
 * incidents, assumptions and precision are html_notes.c's. */
#include "html-private.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <string.h>
#include <glib/gstdio.h>

#include "models/report/compare_text.h"
#include "sim/cli.h"
#include "sim/units.h"

static const char style[] =
	"@page { size: A4; margin: 15mm 14mm; }\n"
	"body { font: 10.5pt/1.45 'DejaVu Sans', Arial, sans-serif; "
	"color: #1d232a; max-width: 182mm; margin: 0 auto; padding: 6mm; }\n"
	"h1 { font-size: 19pt; margin: 0 0 1mm; }\n"
	"h2 { font-size: 14pt; border-bottom: 1px solid #b8c2cc; "
	"margin: 9mm 0 3mm; page-break-after: avoid; }\n"
	"h3 { font-size: 11.5pt; margin: 5mm 0 2mm; page-break-after: avoid; }\n"
	"p { margin: 1.5mm 0; }\n"
	".sub { color: #56606b; font-size: 9.5pt; }\n"
	"table { border-collapse: collapse; width: 100%; font-size: 8.8pt; "
	"margin: 2mm 0 4mm; page-break-inside: avoid; }\n"
	"th, td { border-bottom: 1px solid #dde3e9; padding: 1mm 1.6mm; "
	"text-align: right; vertical-align: top; }\n"
	"th:first-child, td:first-child { text-align: left; }\n"
	"thead th { background: #eef2f6; }\n"
	"td.ci { color: #56606b; font-size: 8pt; }\n"
	".B { font-weight: bold; color: #176f2c; }\n"
	".A { font-weight: bold; color: #a4262c; }\n"
	".eq { color: #8a949e; }\n"
	".verdict { background: #f4f7fa; border-left: 4px solid #2f6fb0; "
	"padding: 2mm 4mm; margin: 3mm 0; page-break-inside: avoid; }\n"
	".verdict h3 { margin-top: 1mm; }\n"
	"figure { margin: 3mm 0; page-break-inside: avoid; }\n"
	"figure svg { width: 100%; height: auto; }\n"
	"figcaption { font-size: 8.8pt; color: #56606b; }\n"
	".note { color: #56606b; font-size: 9pt; }\n"
	"pre { white-space: pre-wrap; font-size: 8.2pt; background: #f7f8fa; "
	"padding: 2mm 3mm; page-break-inside: avoid; }\n"
	"code { font-size: 9pt; }\n"
	"ul { margin: 1mm 0; padding-left: 6mm; }\n"
	"@media print { body { padding: 0; max-width: none; } }\n";

void html_printf(GString *s, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	char *text = g_markup_vprintf_escaped(fmt, ap);
	va_end(ap);
	g_string_append(s, text);
	g_free(text);
}

char *html_duration(double h)
{
	char b[32];

	if (!isfinite(h))
		return g_strdup("-");
	sim_format_duration(h, b, sizeof b);
	return g_strdup(b);
}

/* -- reading the plays ------------------------------------------------------ */

static const MdlComparePlay *play(const MdlHtmlReport *rep, guint i)
{
	return rep->set->plays[i];
}

static const char *label(const MdlHtmlReport *rep, guint i)
{
	return rep->set->labels[i];
}

static JsonObject *svc(const MdlHtmlReport *rep, guint i, const char *id)
{
	return mdl_compare_play_service(play(rep, i), id);
}

static double figure(const MdlHtmlReport *rep, guint i, const char *id,
		     MdlFigure f)
{
	return mdl_figure_value(f, svc(rep, i, id));
}

/* The text of figure f of scenario i; yours. */
static char *figure_text(const MdlHtmlReport *rep, guint i, const char *id,
			 MdlFigure f)
{
	return mdl_figure_text(f, figure(rep, i, id, f));
}

/* B − A of figure f of the k-th common service, scenario j against the
 * first; NULL without one. */
static const MdlPaired *paired(const MdlHtmlReport *rep, guint j, guint k,
			       MdlFigure f)
{
	MdlPairedFigure pf;

	if (j == 0 || !rep->set->pairs || !mdl_figure_paired(f, &pf))
		return NULL;
	return mdl_compare_pairs_service(rep->set->pairs, j, k, pf);
}

/* -- the head and the question -------------------------------------------- */

static void head(GString *s, const MdlHtmlReport *rep)
{
	const MdlScenario *sc = play(rep, 0)->sc;
	g_autofree char *horizon = html_duration(sc->horizon_h);

	g_string_append(s, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
			   "<meta charset=\"utf-8\">\n");
	html_printf(s, "<title>drsim — %s</title>\n", sc->name);
	html_printf(s, "<style>\n%s</style>\n</head>\n<body>\n", style);
	if (rep->set->n >= 2) {
		html_printf(s, "<h1>%s", play(rep, 0)->sc->name);
		for (guint i = 1; i < rep->set->n; i++)
			html_printf(s, "%s%s", i + 1 == rep->set->n ? " or " : ", ",
				    play(rep, i)->sc->name);
		g_string_append(s, "?</h1>\n");
	} else {
		html_printf(s, "<h1>%s: what its recovery plan achieves</h1>\n",
			    sc->name);
	}
	html_printf(s, "<p class=\"sub\">drsim %s — %" G_GUINT64_FORMAT
		       " replications of %s each, seed %" G_GUINT64_FORMAT
		       ". Made by <code>%s</code>.</p>\n",
		    DRSIM_VERSION, play(rep, 0)->results->replications,
		    horizon, sc->seed, rep->command);
}

static void question(GString *s, const MdlHtmlReport *rep)
{
	g_string_append(s, "<h2>The question</h2>\n");
	if (rep->set->n >= 2)
		g_string_append(
			s, "<p>The topologies below run the same services. "
			   "Which one brings each service back within its "
			   "recovery time objective (RTO: how long it may be "
			   "down) and loses no more than its recovery point "
			   "objective (RPO: how much recent data may be "
			   "lost), how often, and at what cost? Each was "
			   "played many times over its horizon — failures, "
			   "site disasters, power cuts, ransomware, backups, "
			   "failovers, restores — with the same random draws "
			   "for all (common random numbers): the differences "
			   "below are the topologies', not the luck of the "
			   "draw, and each comes with its 95&#160;% confidence "
			   "interval.</p>\n");
	else
		g_string_append(
			s, "<p>How often does each service come back within "
			   "its recovery time objective (RTO) and lose no "
			   "more data than its recovery point objective (RPO), "
			   "and at what cost? The topology was played many "
			   "times over its horizon; every figure comes with "
			   "its 95&#160;% confidence interval.</p>\n");
	g_string_append(s, "<ul>\n");
	for (guint i = 0; i < rep->set->n; i++) {
		const MdlScenario *sc = play(rep, i)->sc;
		html_printf(s, "<li><b>%c — %s</b>: %s (<code>%s</code>)",
			    'A' + (int)MIN(i, 25u), label(rep, i), sc->name,
			    sc->file);
		if (sc->description)
			html_printf(s, ". %s", sc->description);
		if (sc->replaces) {
			g_autofree char *lead = html_duration(sc->in_service_h);
			html_printf(s, " In service after %s; until then %s "
				       "runs.", lead, sc->replaces->name);
		}
		g_string_append(s, "</li>\n");
	}
	g_string_append(s, "</ul>\n");
}

/* -- the verdicts ------------------------------------------------------------ */

/* "RTO 4h, RPO 1h", "RTO 4h", or NULL when the service has no target. */
static char *targets_text(const MdlHtmlReport *rep, const char *id)
{
	double rto = figure(rep, 0, id, MDL_FIGURE_RTO_TARGET);
	double rpo = figure(rep, 0, id, MDL_FIGURE_RPO_TARGET);
	g_autofree char *a = html_duration(rto), *b = html_duration(rpo);

	if (!isfinite(rto) && !isfinite(rpo))
		return NULL;
	if (!isfinite(rpo))
		return g_strdup_printf("RTO %s", a);
	if (!isfinite(rto))
		return g_strdup_printf("RPO %s", b);
	return g_strdup_printf("RTO %s, RPO %s", a, b);
}

/* " Data lost for good in 1 of 15253 incidents (ransomware 1 of 140)."
 * when it was: a rare total loss the means hide. */
static void lost_for_good(GString *s, JsonObject *service)
{
	JsonObject *inc = json_object_get_object_member(service, "incidents");
	gint64 lost = json_object_get_int_member(inc, "lost_for_good");
	JsonArray *causes = json_object_get_array_member(service, "by_cause");
	const char *sep = " (";

	if (lost == 0)
		return;
	html_printf(s, " <b>Data lost for good</b> in %" G_GINT64_FORMAT
		       " of %" G_GINT64_FORMAT " incidents",
		    lost, json_object_get_int_member(inc, "count"));
	for (guint i = 0; i < json_array_get_length(causes); i++) {
		JsonObject *c = json_array_get_object_element(causes, i);
		gint64 n = json_object_get_int_member(c, "lost_for_good");
		if (n == 0)
			continue;
		html_printf(s, "%s%s %" G_GINT64_FORMAT " of %" G_GINT64_FORMAT,
			    sep, json_object_get_string_member(c, "cause"), n,
			    json_object_get_int_member(c, "incidents"));
		sep = ", ";
	}
	g_string_append(s, ").");
}

/* What scenario i achieves for the service, against its targets. */
static void against_targets(GString *s, const MdlHtmlReport *rep, guint i,
			    const char *id, gboolean targets)
{
	g_autofree char *both = figure_text(rep, i, id, MDL_FIGURE_BOTH_MET);
	g_autofree char *rto = figure_text(rep, i, id, MDL_FIGURE_RTO_MET);
	g_autofree char *rpo = figure_text(rep, i, id, MDL_FIGURE_RPO_MET);
	g_autofree char *p95 = figure_text(rep, i, id, MDL_FIGURE_RTO_P95);
	g_autofree char *br = figure_text(rep, i, id, MDL_FIGURE_BREACH);
	g_autofree char *av = figure_text(rep, i, id, MDL_FIGURE_AVAILABILITY);
	g_autofree char *dl = figure_text(rep, i, id, MDL_FIGURE_DATA_LOSS);

	html_printf(s, "<p><b>%s</b>: ", label(rep, i));
	if (targets)
		html_printf(s, "%s of its incidents meet both targets (the "
			       "RTO %s, the RPO %s); 95 %% of them are over "
			       "within %s; a year holds a breach with "
			       "probability %s. ",
			    both, rto, rpo, p95, br);
	html_printf(s, "Availability %s; %s hours of data lost per year.", av,
		    dl);
	lost_for_good(s, svc(rep, i, id));
	g_string_append(s, "</p>\n");
}

/* The figures a board reads, in the verdict's order. */
static const MdlFigure headline[] = {
	MDL_FIGURE_BOTH_MET, MDL_FIGURE_BREACH, MDL_FIGURE_AVAILABILITY,
	MDL_FIGURE_DATA_LOSS,
};

/* "better on ..., worse on ..., no difference shown on ..." of scenario
 * j against the first. */
static void between(GString *s, const MdlHtmlReport *rep, guint j, guint k,
		    gboolean targets)
{
	GString *sets[3] = { g_string_new(NULL), g_string_new(NULL),
			     g_string_new(NULL) };
	static const char *const what[3] = {
		"better", "worse", "not distinguishable",
	};

	for (guint i = 0; i < G_N_ELEMENTS(headline); i++) {
		const MdlPaired *p = paired(rep, j, k, headline[i]);
		if (!targets && (headline[i] == MDL_FIGURE_BOTH_MET ||
				 headline[i] == MDL_FIGURE_BREACH))
			continue;
		if (!p || !isfinite(p->diff))
			continue;
		const char *v = mdl_paired_verdict(
			p, mdl_figure_better(headline[i]));
		guint at = strcmp(v, "B") == 0 ? 0 : strcmp(v, "A") == 0 ? 1 : 2;
		g_autofree char *d = mdl_figure_diff_text(headline[i], p->diff);
		g_autofree char *lo = mdl_figure_diff_text(headline[i], p->lo);
		g_autofree char *hi = mdl_figure_diff_text(headline[i], p->hi);
		html_printf(sets[at], "%s%s (%s, 95 %% CI %s to %s)",
			    sets[at]->len ? "; " : "",
			    mdl_figure_label(headline[i]), d, lo, hi);
	}
	html_printf(s, "<p>Against %s, <b>%s</b> is ", label(rep, 0),
		    label(rep, j));
	gboolean any = FALSE;
	for (guint t = 0; t < 3; t++) {
		if (sets[t]->len)
			g_string_append_printf(s, "%s<span class=\"%s\">%s</span>"
						  " on %s",
					       any ? "; " : "",
					       t == 2 ? "eq" : t ? "A" : "B",
					       what[t], sets[t]->str);
		any |= sets[t]->len > 0;
		g_string_free(sets[t], TRUE);
	}
	g_string_append(s, any ? ".</p>\n" : "not compared.</p>\n");
}

static void verdict_service(GString *s, const MdlHtmlReport *rep, guint k)
{
	const char *id = g_ptr_array_index(rep->set->common, k);
	const char *name = json_object_get_string_member(svc(rep, 0, id),
							 "name");
	g_autofree char *targets = targets_text(rep, id);

	g_string_append(s, "<div class=\"verdict\">\n");
	html_printf(s, "<h3>%s%s%s</h3>\n", id,
		    name && strcmp(name, id) ? " — " : "",
		    name && strcmp(name, id) ? name : "");
	if (targets)
		html_printf(s, "<p>Targets: %s.</p>\n", targets);
	else
		g_string_append(s, "<p>No RTO or RPO target: only its "
				   "availability and its data lost are "
				   "read.</p>\n");
	for (guint i = 0; i < rep->set->n; i++)
		against_targets(s, rep, i, id, targets != NULL);
	for (guint j = 1; j < rep->set->n; j++)
		between(s, rep, j, k, targets != NULL);
	g_string_append(s, "</div>\n");
}

static void verdicts(GString *s, const MdlHtmlReport *rep)
{
	g_string_append(s, "<h2>The verdict, service by service</h2>\n");
	if (rep->set->n >= 2)
		g_string_append(s, "<p class=\"note\">“Better” and “worse” "
				   "are said only when the 95&#160;% "
				   "interval of the difference, computed "
				   "replication by replication, excludes "
				   "zero.</p>\n");
	for (guint k = 0; k < rep->set->common->len; k++)
		verdict_service(s, rep, k);
}

/* -- the tables --------------------------------------------------------------- */

/* "[lo, hi]" of a difference, or "". */
static char *diff_ci(MdlFigure f, const MdlPaired *p)
{
	if (!p || !isfinite(p->lo) || !isfinite(p->hi))
		return g_strdup("");
	g_autofree char *lo = mdl_figure_diff_text(f, p->lo);
	g_autofree char *hi = mdl_figure_diff_text(f, p->hi);
	return g_strdup_printf("[%s, %s]", lo, hi);
}

static void table_row(GString *s, const MdlHtmlReport *rep, guint k,
		      const char *id, MdlFigure f)
{
	guint n = rep->set->n;

	html_printf(s, "<tr><td>%s</td>", mdl_figure_label(f));
	for (guint i = 0; i < n; i++) {
		g_autofree char *x = figure_text(rep, i, id, f);
		double lo, hi;
		html_printf(s, "<td>%s", x);
		if (mdl_figure_ci(f, svc(rep, i, id), &lo, &hi)) {
			g_autofree char *a = mdl_figure_text(f, lo);
			g_autofree char *b = mdl_figure_text(f, hi);
			html_printf(s, "<br><span class=\"ci\">[%s, %s]</span>",
				    a, b);
		}
		g_string_append(s, "</td>");
	}
	for (guint j = 1; j < n; j++) {
		const MdlPaired *p = paired(rep, j, k, f);
		double d = figure(rep, j, id, f) - figure(rep, 0, id, f);
		g_autofree char *dt = mdl_figure_diff_text(f, d);
		g_autofree char *ci = diff_ci(f, p);
		const char *v = p ? mdl_paired_verdict(p, mdl_figure_better(f))
				  : "";
		const char *who = !*v ? "" : strcmp(v, "=") == 0 ? "="
					 : strcmp(v, "B") == 0 ? label(rep, j)
							       : label(rep, 0);
		html_printf(s, "<td>%s<br><span class=\"ci\">%s</span></td>"
			       "<td class=\"%s\">%s</td>",
			    dt, ci, strcmp(who, "=") == 0 ? "eq" : "B", who);
	}
	g_string_append(s, "</tr>\n");
}

static void table_head(GString *s, const MdlHtmlReport *rep)
{
	g_string_append(s, "<table>\n<thead><tr><th></th>");
	for (guint i = 0; i < rep->set->n; i++)
		html_printf(s, "<th>%s</th>", label(rep, i));
	for (guint j = 1; j < rep->set->n; j++)
		html_printf(s, "<th>%s − %s<br>[95%% CI]</th><th>better</th>",
			    label(rep, j), label(rep, 0));
	g_string_append(s, "</tr></thead>\n<tbody>\n");
}

static void tables(GString *s, const MdlHtmlReport *rep)
{
	if (rep->set->n >= 2)
		g_string_append(s, "<h2>The figures side by side</h2>\n"
				   "<p class=\"note\">Under each value its "
				   "95&#160;% interval; under each difference "
				   "the interval of the paired differences. "
				   "Percentiles have no interval here, hence no "
				   "verdict.</p>\n");
	else
		g_string_append(s, "<h2>The figures</h2>\n<p class=\"note\">"
				   "Under each value its 95&#160;% interval."
				   "</p>\n");
	for (guint k = 0; k < rep->set->common->len; k++) {
		const char *id = g_ptr_array_index(rep->set->common, k);
		html_printf(s, "<h3>%s</h3>\n", id);
		table_head(s, rep);
		g_autofree JsonObject **objs = g_new(JsonObject *,
						     rep->set->n);
		for (guint i = 0; i < rep->set->n; i++)
			objs[i] = svc(rep, i, id);
		for (guint f = 0; f < MDL_N_FIGURES; f++)
			if (mdl_figure_shown((MdlFigure)f, objs, rep->set->n))
				table_row(s, rep, k, id, (MdlFigure)f);
		g_string_append(s, "</tbody></table>\n");
	}
}

/* -- cost ---------------------------------------------------------------------- */

static void chart(GString *s, GHashTable *charts, const char *name,
		  const char *caption)
{
	const char *svg = charts ? g_hash_table_lookup(charts, name) : NULL;

	if (!svg)
		return;
	g_string_append(s, "<figure>\n");
	g_string_append(s, svg);
	html_printf(s, "\n<figcaption>%s</figcaption>\n</figure>\n", caption);
}

static char *money_ci(JsonObject *o)
{
	JsonArray *a = o && json_object_has_member(o, "ci95")
			       ? json_object_get_array_member(o, "ci95")
			       : NULL;
	JsonNode *lo = a ? json_array_get_element(a, 0) : NULL;
	JsonNode *hi = a ? json_array_get_element(a, 1) : NULL;

	if (!lo || !hi || !JSON_NODE_HOLDS_VALUE(lo) ||
	    !JSON_NODE_HOLDS_VALUE(hi))
		return g_strdup("");
	g_autofree char *l = mdl_compare_money(json_node_get_double(lo));
	g_autofree char *h = mdl_compare_money(json_node_get_double(hi));
	return g_strdup_printf("[%s, %s]", l, h);
}

static void cost_row(GString *s, const MdlHtmlReport *rep, const char *what,
		     MdlPairedCost f)
{
	const char *key = mdl_paired_cost_name(f);

	html_printf(s, "<tr><td>%s</td>", what);
	for (guint i = 0; i < rep->set->n; i++) {
		JsonObject *o = json_object_get_object_member(
			mdl_compare_play_cost(play(rep, i)), key);
		g_autofree char *m = mdl_compare_money(
			mdl_compare_play_cost_number(play(rep, i), key, "mean"));
		g_autofree char *ci = money_ci(o);
		html_printf(s, "<td>%s<br><span class=\"ci\">%s</span></td>", m,
			    ci);
	}
	for (guint j = 1; j < rep->set->n; j++) {
		const MdlPaired *p = mdl_compare_pairs_cost(rep->set->pairs, j, f);
		g_autofree char *d = mdl_compare_money(p->diff);
		g_autofree char *lo = mdl_compare_money(p->lo);
		g_autofree char *hi = mdl_compare_money(p->hi);
		const char *v = mdl_paired_verdict(p, -1);
		const char *who = strcmp(v, "B") == 0 ? label(rep, j)
				  : strcmp(v, "A") == 0 ? label(rep, 0)
							: "=";
		html_printf(s, "<td>%s<br><span class=\"ci\">[%s, %s]</span>"
			       "</td><td class=\"%s\">%s</td>",
			    d, lo, hi, strcmp(who, "=") ? "B" : "eq", who);
	}
	g_string_append(s, "</tr>\n");
}

/* TRUE when a scenario states a budget key (MdlCosts.budget). */
static gboolean any_budget(const MdlHtmlReport *rep)
{
	for (guint i = 0; i < rep->set->n; i++) {
		const MdlCosts *c = play(rep, i)->sc->costs;
		if (c && c->budget)
			return TRUE;
	}
	return FALSE;
}

static void cost(GString *s, const MdlHtmlReport *rep, GHashTable *charts)
{
	if (!mdl_compare_all_costed(rep->set))
		return;
	html_printf(s, "<h2>Cost over the horizon (%s)</h2>\n",
		    json_object_get_string_member(
			    mdl_compare_play_cost(play(rep, 0)), "currency"));
	table_head(s, rep);
	if (rep->set->pairs || rep->set->n == 1) {
		cost_row(s, rep, "total cost", MDL_PAIRED_COST_TOTAL);
		cost_row(s, rep, "incidents cost", MDL_PAIRED_COST_INCIDENTS);
		if (any_budget(rep))
			cost_row(s, rep, "net present value",
				 MDL_PAIRED_COST_NPV);
	}
	g_string_append(s, "</tbody></table>\n");
	chart(s, charts, "compare_cost_year",
	      "Cumulative cost by year: mean and 5–95 % band of each "
	      "scenario; a dotted line marks a project's date of service.");
}

/* -- charts ---------------------------------------------------------------------- */

static void figures(GString *s, const MdlHtmlReport *rep, GHashTable *charts)
{
	g_string_append(s, "<h2>Charts</h2>\n");
	if (!charts || g_hash_table_size(charts) == 0) {
		g_string_append(s, "<p class=\"note\">The charts are left out: "
				   "gnuplot is not installed (make deps "
				   "installs it).</p>\n");
		return;
	}
	chart(s, charts, "compare_availability",
	      "Availability of every service, with its 95 % interval.");
	for (guint k = 0; k < rep->set->common->len; k++) {
		const char *id = g_ptr_array_index(rep->set->common, k);
		g_autofree char *rto = g_strdup_printf("compare_rto_cdf_%s", id);
		g_autofree char *rpo = g_strdup_printf("compare_rpo_cdf_%s", id);
		g_autofree char *c1 = g_strdup_printf(
			"%s: the achieved RTO of its incidents (cumulative "
			"distribution), the target dashed.", id);
		g_autofree char *c2 = g_strdup_printf(
			"%s: the achieved RPO of its incidents, the target "
			"dashed.", id);
		chart(s, charts, rto, c1);
		chart(s, charts, rpo, c2);
	}
}

/* -- drivers ----------------------------------------------------------------------- */

/* What drives the breaches of a service (its run's "drivers",
 * docs/output.md): the causes' shares of its breaches, downtime and data
 * lost, then the components and sites down during its breach-hours, the
 * five largest of each. */
static void drivers_table(GString *s, JsonObject *service)
{
	JsonObject *d = json_object_has_member(service, "drivers")
				? json_object_get_object_member(service,
								"drivers")
				: NULL;
	JsonArray *causes = d ? json_object_get_array_member(d, "by_cause")
			      : NULL;
	JsonArray *down = d ? json_object_get_array_member(d, "importance")
			    : NULL;

	if (!causes || json_object_get_int_member(d, "breaches") == 0) {
		g_string_append(s, "<p class=\"note\">No breach.</p>\n");
		return;
	}
	g_string_append(s, "<table>\n<thead><tr><th>cause</th><th>share of "
			   "the breaches</th><th>of the downtime</th><th>of "
			   "the data lost</th></tr></thead>\n<tbody>\n");
	for (guint i = 0; i < MIN(5u, json_array_get_length(causes)); i++) {
		JsonObject *c = json_array_get_object_element(causes, i);
		html_printf(s, "<tr><td>%s</td><td>%.1f %%</td><td>%.1f %%</td>"
			       "<td>%.1f %%</td></tr>\n",
			    json_object_get_string_member(c, "cause"),
			    100 * json_object_get_double_member(c, "breaches_share"),
			    100 * json_object_get_double_member(c, "downtime_share"),
			    100 * json_object_get_double_member(c,
							       "data_lost_share"));
	}
	g_string_append(s, "</tbody></table>\n<table>\n<thead><tr><th>down "
			   "during the breach-hours</th><th>share of the "
			   "breach-hours</th></tr></thead>\n<tbody>\n");
	for (guint i = 0; down && i < MIN(5u, json_array_get_length(down));
	     i++) {
		JsonObject *x = json_array_get_object_element(down, i);
		html_printf(s, "<tr><td>%s %s</td><td>%.1f %%</td></tr>\n",
			    json_object_get_string_member(x, "kind"),
			    json_object_get_string_member(x, "id"),
			    100 * json_object_get_double_member(x, "share"));
	}
	g_string_append(s, "</tbody></table>\n");
}

static void drivers(GString *s, const MdlHtmlReport *rep, GHashTable *charts)
{
	g_string_append(s, "<h2>What drives the breaches</h2>\n");
	for (guint i = 0; i < rep->set->n; i++) {
		html_printf(s, "<h3>%s</h3>\n", label(rep, i));
		for (guint k = 0; k < rep->set->common->len; k++) {
			const char *id = g_ptr_array_index(rep->set->common, k);
			JsonObject *o = svc(rep, i, id);
			if (!isfinite(figure(rep, i, id, MDL_FIGURE_RTO_TARGET)) &&
			    !isfinite(figure(rep, i, id, MDL_FIGURE_RPO_TARGET)))
				continue;
			html_printf(s, "<p><b>%s</b>: what its breaches "
				       "come from, and what was down during "
				       "them.</p>\n", id);
			drivers_table(s, o);
		}
		g_autofree char *cost = g_strdup_printf("tornado_cost-%u", i);
		g_autofree char *cap = g_strdup_printf(
			"%s: what moves the total cost most — each parameter "
			"alone at −50 %% and +50 %%.", label(rep, i));
		chart(s, charts, cost, cap);
		for (guint k = 0; k < rep->set->common->len; k++) {
			const char *id = g_ptr_array_index(rep->set->common, k);
			g_autofree char *t = g_strdup_printf(
				"tornado_breach_%s-%u", id, i);
			g_autofree char *c = g_strdup_printf(
				"%s, %s: what moves the probability of a breach "
				"in a year most.", label(rep, i), id);
			chart(s, charts, t, c);
		}
	}
}

/* -- the page -------------------------------------------------------------------- */

char *mdl_html_report(const MdlHtmlReport *rep, GHashTable *charts)
{
	GString *s = g_string_new(NULL);

	g_return_val_if_fail(rep && rep->set && rep->set->n >= 1, NULL);
	head(s, rep);
	question(s, rep);
	verdicts(s, rep);
	tables(s, rep);
	cost(s, rep, charts);
	figures(s, rep, charts);
	drivers(s, rep, charts);
	html_worst(s, rep);
	html_assumptions(s, rep);
	html_precision(s, rep);
	html_printf(s, "<h2>To reproduce</h2>\n<p><code>%s</code> with drsim "
		       "%s. Every figure is a function of the scenario files, "
		       "the seed and the replications: the same command gives "
		       "the same report, whatever the threads.</p>\n",
		    rep->command, DRSIM_VERSION);
	g_string_append(s, "</body>\n</html>\n");
	return g_string_free(s, FALSE);
}

gboolean mdl_html_report_write(const MdlHtmlReport *rep, const char *path,
			       GError **error)
{
	g_autoptr(GHashTable) charts = mdl_html_charts(rep, error);
	g_autofree char *tmp = g_strconcat(path, ".tmp", NULL);
	g_autofree char *text = NULL;
	GError *e = NULL;

	if (!charts)
		return FALSE;
	text = mdl_html_report(rep, charts);
	if (!g_file_set_contents(tmp, text, -1, &e) ||
	    g_rename(tmp, path) != 0) {
		g_set_error(error, MDL_HTML_ERROR, MDL_HTML_ERROR_WRITE,
			    "cannot write '%s': %s", path,
			    e ? e->message : g_strerror(errno));
		g_clear_error(&e);
		g_unlink(tmp);
		return FALSE;
	}
	return TRUE;
}
