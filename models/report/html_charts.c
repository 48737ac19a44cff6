/* html_charts.c — the report's charts as inline SVG (html.h): compare's
 * charts and the tornadoes rendered by gnuplot in a temporary directory,
 * read back, made fit to sit side by side in one document. */
#include "models/report/html.h"

#include <errno.h>
#include <string.h>
#include <glib/gstdio.h>

#include "models/report/compare_plots.h"
#include "models/report/plots.h"
#include "models/report/sensitivity.h"

G_DEFINE_QUARK(mdl-html-error-quark, mdl_html_error)

/* Removes dir and what it holds (files only, one level: what gnuplot and
 * the writers put there). */
static void remove_dir(const char *dir)
{
	g_autoptr(GDir) d = g_dir_open(dir, 0, NULL);
	const char *name;

	while (d && (name = g_dir_read_name(d))) {
		g_autofree char *p = g_build_filename(dir, name, NULL);
		if (g_file_test(p, G_FILE_TEST_IS_DIR))
			remove_dir(p);
		else
			g_unlink(p);
	}
	g_rmdir(dir);
}

static gint by_name(gconstpointer a, gconstpointer b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The names of dir's files ending in suffix, sorted; yours. */
static GPtrArray *files_with(const char *dir, const char *suffix)
{
	g_autoptr(GDir) d = g_dir_open(dir, 0, NULL);
	GPtrArray *a = g_ptr_array_new_with_free_func(g_free);
	const char *name;

	while (d && (name = g_dir_read_name(d)))
		if (g_str_has_suffix(name, suffix))
			g_ptr_array_add(a, g_strdup(name));
	g_ptr_array_sort(a, by_name);
	return a;
}

/* svg made to sit inline in a document among others: what precedes the
 * <svg> element dropped, every id, and every reference to one, prefixed
 * with prefix (gnuplot names its markers alike in every chart). */
static char *inline_svg(const char *svg, const char *prefix)
{
	static const char *const rules[][2] = {
		{ "\\bid=(['\"])", "id=\\1" },
		{ "href=(['\"])#", "href=\\1#" },
		{ "url\\(#", "url(#" },
	};
	const char *start = strstr(svg, "<svg");
	char *s = g_strdup(start ? start : svg);

	for (guint i = 0; i < G_N_ELEMENTS(rules); i++) {
		g_autoptr(GRegex) re = g_regex_new(rules[i][0], 0, 0, NULL);
		g_autofree char *with = g_strconcat(rules[i][1], prefix, NULL);
		char *next = g_regex_replace(re, s, -1, 0, with, 0, NULL);
		g_free(s);
		s = next;
	}
	return s;
}

/* Renders every script of dir and adds its SVGs to charts, by name (with
 * suffix after it). */
static gboolean render_dir(const char *dir, const char *suffix,
			   GHashTable *charts, GError **error)
{
	g_autoptr(GPtrArray) scripts = files_with(dir, ".gp");
	g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func(g_free);
	GError *e = NULL;

	if (!mdl_plots_render(dir, (const char *const *)scripts->pdata,
			      scripts->len, out, NULL, &e)) {
		g_set_error(error, MDL_HTML_ERROR, MDL_HTML_ERROR_GNUPLOT,
			    "the report's charts: %s", e->message);
		g_error_free(e);
		return FALSE;
	}
	g_autoptr(GPtrArray) svgs = files_with(dir, ".svg");
	for (guint i = 0; i < svgs->len; i++) {
		const char *name = svgs->pdata[i];
		g_autofree char *path = g_build_filename(dir, name, NULL);
		g_autofree char *text = NULL;
		if (!g_file_get_contents(path, &text, NULL, NULL))
			continue;
		char *key = g_strdup_printf("%.*s%s", (int)(strlen(name) - 4),
					    name, suffix);
		g_autofree char *prefix = g_strdup_printf(
			"c%u_", g_hash_table_size(charts));
		g_hash_table_replace(charts, key, inline_svg(text, prefix));
	}
	return TRUE;
}

/* The charts of rep written and rendered under tmp. */
static gboolean charts_in(const MdlHtmlReport *rep, const char *tmp,
			  GHashTable *charts, GError **error)
{
	g_autofree char *cmp = g_build_filename(tmp, "compare", NULL);
	GError *e = NULL;

	if (g_mkdir(cmp, 0700) != 0 ||
	    !mdl_compare_plots_write(rep->set, cmp, NULL, &e)) {
		g_set_error(error, MDL_HTML_ERROR, MDL_HTML_ERROR_WRITE,
			    "the report's charts: %s",
			    e ? e->message : g_strerror(errno));
		g_clear_error(&e);
		return FALSE;
	}
	if (!render_dir(cmp, "", charts, error))
		return FALSE;
	for (guint i = 0; rep->sens && i < rep->set->n; i++) {
		g_autofree char *name = g_strdup_printf("sens-%u", i);
		g_autofree char *dir = g_build_filename(tmp, name, NULL);
		g_autofree char *suffix = g_strdup_printf("-%u", i);
		if (!rep->sens[i])
			continue;
		g_autoptr(GPtrArray) scripts =
			g_ptr_array_new_with_free_func(g_free);
		if (g_mkdir(dir, 0700) != 0 ||
		    !mdl_sensitivity_write(rep->sens[i], dir, "{}", scripts,
					   &e)) {
			g_set_error(error, MDL_HTML_ERROR, MDL_HTML_ERROR_WRITE,
				    "the report's tornado: %s",
				    e ? e->message : g_strerror(errno));
			g_clear_error(&e);
			return FALSE;
		}
		if (!render_dir(dir, suffix, charts, error))
			return FALSE;
	}
	return TRUE;
}

GHashTable *mdl_html_charts(const MdlHtmlReport *rep, GError **error)
{
	GHashTable *charts = g_hash_table_new_full(g_str_hash, g_str_equal,
						   g_free, g_free);
	g_autofree char *gnuplot = g_find_program_in_path("gnuplot");
	g_autofree char *tmp = NULL;

	if (!gnuplot)
		return charts;
	tmp = g_dir_make_tmp("drsim-report-XXXXXX", error);
	if (!tmp) {
		g_hash_table_unref(charts);
		return NULL;
	}
	gboolean ok = charts_in(rep, tmp, charts, error);
	remove_dir(tmp);
	if (!ok) {
		g_hash_table_unref(charts);
		return NULL;
	}
	return charts;
}
