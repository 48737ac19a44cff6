/* html_notes.c — the report's notes (html-private.h): the worst
 * incidents explained, the assumptions of each scenario, the precision
 * reached. */
#include "html-private.h"

#include <math.h>
#include <string.h>

/* -- the worst incidents ------------------------------------------------------ */

/* "after 2.1h" of t − t0, or "not" when t is not a number. */
static char *after(double t0, double t)
{
	g_autofree char *d = html_duration(t - t0);

	return isfinite(t) ? g_strdup_printf("after %s", d) : NULL;
}

static void incident(GString *s, const MdlComparePlay *p, const char *id,
		     const MdlIncident *x)
{
	const MdlService *sv = &p->sc->services[x->service];
	g_autofree char *when = sim_calendar_format(&p->sc->calendar, x->t0);
	g_autofree char *detect = after(x->t0, x->t_detect);
	g_autofree char *declare = after(x->t0, x->t_declare);
	g_autofree char *rto = html_duration(x->t_restored - x->t0);
	g_autofree char *rto_target = html_duration(sv->rto_h);
	g_autofree char *rpo = html_duration(x->rpo_h);
	g_autofree char *rpo_target = html_duration(sv->rpo_h);

	html_printf(s, "<li><b>%s</b>, replication %" G_GUINT64_FORMAT
		       ", from %s: <i>%s</i>. ",
		    id, x->rep, when, mdl_labels_cause(p->labels, x->cause));
	if (detect)
		html_printf(s, "Detected %s; ", detect);
	if (declare)
		html_printf(s, "disaster declared %s; ", declare);
	else
		g_string_append(s, "no disaster declared; ");
	html_printf(s, "back after %s by <i>%s</i>", rto,
		    mdl_labels_path(p->labels, x->path));
	if (isfinite(sv->rto_h))
		html_printf(s, " (the RTO target is %s)", rto_target);
	g_string_append(s, ". ");
	if (x->lost_for_good)
		html_printf(s, "Data lost for good: %s of records.", rpo);
	else if (isnan(x->rpo_h))
		g_string_append(s, "Data lost: unknown (no recovery point).");
	else if (x->rpo_h > 0)
		html_printf(s, "Data lost: the last %s", rpo);
	else
		g_string_append(s, "No data lost.");
	if (!x->lost_for_good && isfinite(x->rpo_h) && x->rpo_h > 0)
		html_printf(s, "%s%s%s.", isfinite(sv->rpo_h)
						 ? " (the RPO target is " : "",
			    isfinite(sv->rpo_h) ? rpo_target : "",
			    isfinite(sv->rpo_h) ? ")" : "");
	g_string_append(s, "</li>\n");
}

void html_worst(GString *s, const MdlHtmlReport *rep)
{
	g_string_append(s, "<h2>The worst incidents, explained</h2>\n"
			   "<p class=\"note\">The longest outage of each "
			   "service in each scenario over all replications: "
			   "what happened, and when each step of the recovery "
			   "ended, counted from the start of the outage.</p>\n");
	for (guint i = 0; i < rep->set->n; i++) {
		const MdlComparePlay *p = rep->set->plays[i];
		html_printf(s, "<h3>%s</h3>\n<ul>\n", rep->set->labels[i]);
		for (guint k = 0; k < rep->set->common->len; k++) {
			const char *id = g_ptr_array_index(rep->set->common, k);
			gint at = mdl_scenario_find_service(p->sc, id);
			if (at < 0 || p->results->n_worst[at] == 0)
				continue;
			incident(s, p, id, mdl_results_worst(p->results,
							     (guint)at, 0));
		}
		g_string_append(s, "</ul>\n");
	}
}

/* -- assumptions ---------------------------------------------------------------- */

static gboolean is_comment(const char *line)
{
	const char *p = line;

	while (*p == ' ' || *p == '\t')
		p++;
	return *p == '#' || (p[0] == '/' && p[1] == '/');
}

static gboolean is_blank(const char *line)
{
	for (const char *p = line; *p; p++)
		if (!g_ascii_isspace(*p))
			return FALSE;
	return TRUE;
}

/* The comment text of a line ("# x" → "x"), or of its end. */
static const char *comment_of(const char *line)
{
	const char *h = strchr(line, '#');

	if (!h)
		return "";
	h++;
	while (*h == ' ')
		h++;
	return h;
}

/* The header: the comment lines before the first setting. */
static void header_of(GString *s, char **lines)
{
	g_string_append(s, "<pre>");
	for (char **l = lines; *l && (is_comment(*l) || is_blank(*l)); l++)
		html_printf(s, "%s\n", comment_of(*l));
	g_string_append(s, "</pre>\n");
}

/* Every setting whose comment, on its line or in the comment lines just
 * above it, marks an assumption ("[A"): the setting, then the comment. */
static void marked_of(GString *s, char **lines)
{
	g_autoptr(GString) above = g_string_new(NULL);
	guint n = 0;

	g_string_append(s, "<table>\n<thead><tr><th>value</th><th>why "
			   "(the file's comment)</th></tr></thead>\n<tbody>\n");
	for (char **l = lines; *l; l++) {
		if (is_comment(*l)) {
			g_string_append_printf(above, "%s%s",
					       above->len ? " " : "",
					       comment_of(*l));
			continue;
		}
		if (is_blank(*l)) {
			g_string_truncate(above, 0);
			continue;
		}
		const char *own = strchr(*l, '#') ? comment_of(*l) : "";
		if (strstr(above->str, "[A") || strstr(own, "[A")) {
			g_autofree char *code = g_strndup(
				*l, (gsize)(strchr(*l, '#') ? strchr(*l, '#') - *l
							  : (long)strlen(*l)));
			html_printf(s, "<tr><td><code>%s</code></td><td>%s%s%s"
				       "</td></tr>\n",
				    g_strstrip(code), above->str,
				    above->len && *own ? " " : "", own);
			n++;
		}
		g_string_truncate(above, 0);
	}
	g_string_append(s, "</tbody></table>\n");
	if (n == 0)
		g_string_append(s, "<p class=\"note\">No value is marked as "
				   "an assumption ([A]).</p>\n");
}

static void assumptions_of(GString *s, const char *file, const char *name)
{
	g_autofree char *text = NULL;

	html_printf(s, "<h3>%s (<code>%s</code>)</h3>\n", name, file);
	if (!g_file_get_contents(file, &text, NULL, NULL)) {
		g_string_append(s, "<p class=\"note\">The file cannot be read "
				   "again.</p>\n");
		return;
	}
	g_auto(GStrv) lines = g_strsplit(text, "\n", -1);
	header_of(s, lines);
	marked_of(s, lines);
}

void html_assumptions(GString *s, const MdlHtmlReport *rep)
{
	g_autoptr(GPtrArray) seen = g_ptr_array_new();

	g_string_append(s, "<h2>Assumptions</h2>\n<p class=\"note\">Each "
			   "scenario file's header, then every value its "
			   "comments mark as an assumption ([A]) rather than "
			   "a sourced figure.</p>\n");
	for (guint i = 0; i < rep->set->n; i++)
		for (const MdlScenario *sc = rep->set->plays[i]->sc; sc;
		     sc = sc->replaces) {
			gboolean done = FALSE;
			for (guint k = 0; k < seen->len; k++)
				done |= strcmp(seen->pdata[k], sc->file) == 0;
			if (done)
				continue;
			g_ptr_array_add(seen, sc->file);
			assumptions_of(s, sc->file, sc->name);
		}
}

/* -- precision --------------------------------------------------------------- */

/* "±0.027 %" of member key of o, "-" without one. */
static char *precision_of(JsonObject *o, const char *key)
{
	JsonObject *e = o && json_object_has_member(o, key)
				? json_object_get_object_member(o, key)
				: NULL;
	JsonNode *p = e && json_object_has_member(e, "precision")
			      ? json_object_get_member(e, "precision")
			      : NULL;

	if (!p || !JSON_NODE_HOLDS_VALUE(p))
		return g_strdup("-");
	return g_strdup_printf("±%.2g %%", 100 * json_node_get_double(p));
}

static void precision_row(GString *s, const char *what, JsonObject *svc)
{
	static const char *const keys[] = {
		"availability", "downtime_h_per_year", "p_breach_per_year",
		"data_loss_h_per_year",
	};

	html_printf(s, "<tr><td>%s</td>", what);
	for (guint i = 0; i < G_N_ELEMENTS(keys); i++) {
		g_autofree char *p = precision_of(svc, keys[i]);
		html_printf(s, "<td>%s</td>", p);
	}
	g_string_append(s, "</tr>\n");
}

void html_precision(GString *s, const MdlHtmlReport *rep)
{
	g_string_append(s, "<h2>Precision reached</h2>\n<p class=\"note\">The "
			   "half-width of each 95&#160;% interval relative to "
			   "its estimate: how far the figure could move with "
			   "more replications.</p>\n");
	if (rep->precision) {
		g_autofree char *t = mdl_precision_outcome_text(
			rep->precision,
			rep->set->plays[0]->results->replications);
		html_printf(s, "<p>%s.</p>\n", t);
	}
	g_string_append(s, "<table>\n<thead><tr><th></th><th>availability"
			   "</th><th>downtime</th><th>breach in a year</th>"
			   "<th>data lost</th></tr></thead>\n<tbody>\n");
	for (guint i = 0; i < rep->set->n; i++)
		for (guint k = 0; k < rep->set->common->len; k++) {
			const char *id = g_ptr_array_index(rep->set->common, k);
			g_autofree char *what = g_strdup_printf(
				"%s, %s", rep->set->labels[i], id);
			precision_row(s, what, mdl_compare_play_service(
						       rep->set->plays[i], id));
		}
	g_string_append(s, "</tbody></table>\n");
	for (guint i = 0; i < rep->set->n; i++) {
		JsonObject *c = mdl_compare_play_cost(rep->set->plays[i]);
		if (!c)
			continue;
		g_autofree char *p = precision_of(c, "total");
		html_printf(s, "<p>%s: total cost %s.</p>\n",
			    rep->set->labels[i], p);
	}
}
