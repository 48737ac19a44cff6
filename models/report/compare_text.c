/* compare_text.c — what `drsim compare` and `drsim sweep` print and
 * write (compare_text.h): money, aligned tables, JSON, CSV and .dat
 * pieces, files written whole. */
#include "models/report/compare_text.h"

#include <math.h>
#include <string.h>

#include "models/report/fileset.h"
#include "sim/cli.h"

G_DEFINE_QUARK(mdl-compare-error-quark, mdl_compare_error)

/* -- numbers --------------------------------------------------------------- */

char *mdl_compare_money(double x)
{
	if (!isfinite(x))
		return g_strdup("-");
	if (fabs(x) >= 1e6)
		return g_strdup_printf("%.2f M", x / 1e6);
	if (fabs(x) >= 1e3)
		return g_strdup_printf("%.1f k", x / 1e3);
	return g_strdup_printf("%.0f", x);
}

/* -- tables ---------------------------------------------------------------- */

struct MdlCompareGrid {
	GPtrArray *rows;	/* of GPtrArray of char * */
};

MdlCompareGrid *mdl_compare_grid_new(void)
{
	MdlCompareGrid *g = g_new0(MdlCompareGrid, 1);

	g->rows = g_ptr_array_new_with_free_func(
		(GDestroyNotify)g_ptr_array_unref);
	return g;
}

void mdl_compare_grid_free(MdlCompareGrid *g)
{
	if (!g)
		return;
	g_ptr_array_unref(g->rows);
	g_free(g);
}

void mdl_compare_grid_row(MdlCompareGrid *g)
{
	g_return_if_fail(g);
	g_ptr_array_add(g->rows, g_ptr_array_new_with_free_func(g_free));
}

void mdl_compare_grid_take(MdlCompareGrid *g, char *text)
{
	g_return_if_fail(g && text);
	if (g->rows->len == 0)
		mdl_compare_grid_row(g);
	g_ptr_array_add(g_ptr_array_index(g->rows, g->rows->len - 1), text);
}

void mdl_compare_grid_add(MdlCompareGrid *g, const char *text)
{
	mdl_compare_grid_take(g, g_strdup(text));
}

/* Characters of each column's widest cell. */
static GArray *grid_widths(const MdlCompareGrid *g)
{
	GArray *w = g_array_new(FALSE, TRUE, sizeof(glong));

	for (guint r = 0; r < g->rows->len; r++) {
		GPtrArray *row = g_ptr_array_index(g->rows, r);
		if (row->len > w->len)
			g_array_set_size(w, row->len);
		for (guint c = 0; c < row->len; c++) {
			glong n = g_utf8_strlen(g_ptr_array_index(row, c), -1);
			glong *m = &g_array_index(w, glong, c);
			*m = MAX(*m, n);
		}
	}
	return w;
}

void mdl_compare_grid_render(const MdlCompareGrid *g, GString *s,
			     const char *indent)
{
	g_return_if_fail(g && s && indent);

	g_autoptr(GArray) w = grid_widths(g);
	for (guint r = 0; r < g->rows->len; r++) {
		GPtrArray *row = g_ptr_array_index(g->rows, r);
		gsize start = s->len;
		g_string_append(s, indent);
		for (guint c = 0; c < row->len; c++) {
			const char *cell = g_ptr_array_index(row, c);
			glong pad = g_array_index(w, glong, c) -
				    g_utf8_strlen(cell, -1);
			g_string_append(s, cell);
			for (glong k = 0; k < pad + 2; k++)
				g_string_append_c(s, ' ');
		}
		/* blanks end no line, not even an empty one */
		while (s->len > start && s->str[s->len - 1] == ' ')
			g_string_truncate(s, s->len - 1);
		g_string_append_c(s, '\n');
	}
}

/* -- output helpers -------------------------------------------------------- */

void mdl_compare_json_version(JsonBuilder *b)
{
	json_builder_set_member_name(b, "drsim");
	json_builder_begin_object(b);
	json_builder_set_member_name(b, "version");
	json_builder_add_string_value(b, DRSIM_VERSION);
	json_builder_end_object(b);
}

void mdl_compare_json_run(JsonBuilder *b, MdlComparePlay *const *plays,
			  guint n)
{
	guint64 events = 0;
	double wall_s = 0;

	for (guint i = 0; i < n; i++) {
		events += plays[i]->results ? plays[i]->results->events : 0;
		wall_s += plays[i]->info.wall_s;
	}
	json_builder_set_member_name(b, "run");
	json_builder_begin_object(b);
	json_builder_set_member_name(b, "threads");
	json_builder_add_int_value(b, n ? plays[0]->info.threads : 0);
	json_builder_set_member_name(b, "events");
	json_builder_add_int_value(b, (gint64)events);
	json_builder_set_member_name(b, "wall_s");
	json_builder_add_double_value(b, wall_s);
	json_builder_end_object(b);
}

char *mdl_compare_json_text(JsonBuilder *b)
{
	g_autoptr(JsonNode) root = json_builder_get_root(b);
	g_autoptr(JsonGenerator) gen = json_generator_new();

	json_generator_set_pretty(gen, TRUE);
	json_generator_set_indent(gen, 2);
	json_generator_set_root(gen, root);
	g_autofree char *text = json_generator_to_data(gen, NULL);
	return g_strconcat(text, "\n", NULL);
}

char **mdl_compare_csv_lines(const char *csv)
{
	GPtrArray *lines = g_ptr_array_new();
	gboolean quoted = FALSE;
	const char *start = csv;

	for (const char *p = csv; *p; p++) {
		if (*p == '"')
			quoted = !quoted;
		else if (*p == '\n' && !quoted) {
			g_ptr_array_add(lines,
					g_strndup(start, (gsize)(p - start)));
			start = p + 1;
		}
	}
	g_ptr_array_add(lines, g_strdup(start));
	g_ptr_array_add(lines, NULL);
	return (char **)g_ptr_array_free(lines, FALSE);
}

void mdl_compare_csv_text(GString *s, const char *text)
{
	g_string_append_c(s, '"');
	for (const char *p = text; *p; p++) {
		if (*p == '"')
			g_string_append_c(s, '"');
		g_string_append_c(s, *p);
	}
	g_string_append_c(s, '"');
}

void mdl_compare_dat_number(GString *s, double x)
{
	char buf[G_ASCII_DTOSTR_BUF_SIZE];

	if (s->len > 0 && s->str[s->len - 1] != '\n')
		g_string_append_c(s, ' ');
	g_string_append(s, isfinite(x) ? g_ascii_formatd(buf, sizeof buf,
							 "%.9g", x)
				       : "NaN");
}

gboolean mdl_compare_dir_ready(const char *dir, const char *name,
			       GError **error)
{
	g_return_val_if_fail(dir && name, FALSE);

	/* a file written and not kept; the directories created for it
	 * removed again: the command's files will create them */
	g_autoptr(MdlFileSet) probe = mdl_fileset_new();
	return mdl_fileset_write(probe, dir, name, "", error);
}

gboolean mdl_compare_write(const char *dir, const char *name,
			   const char *text, GError **error)
{
	g_return_val_if_fail(dir && name && text, FALSE);
	return mdl_fileset_put(NULL, dir, name, text, error);
}
