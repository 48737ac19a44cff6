/* compare_text.c — what `drsim compare` and `drsim sweep` print and
 * write (compare_text.h): money, aligned tables, JSON, CSV and .dat
 * pieces, files written whole. */
#include "models/report/compare_text.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "models/results/simulate.h"
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

static gboolean write_failed(GError **error, const char *path, int err)
{
	g_set_error(error, MDL_COMPARE_ERROR, MDL_COMPARE_ERROR_WRITE,
		    "cannot write '%s': %s", path, g_strerror(err));
	return FALSE;
}

/* A new temporary for dir/name, open for writing; -1 with errno set. */
static int open_tmp(const char *dir, const char *name, char **tmp)
{
	g_autofree char *base = g_strdup_printf(".%s.XXXXXX", name);

	*tmp = g_build_filename(dir, base, NULL);
	/* 0666 under the umask, as any file the user makes */
	return g_mkstemp_full(*tmp, O_WRONLY | O_CLOEXEC, 0666);
}

gboolean mdl_compare_dir_ready(const char *dir, const char *name,
			       GError **error)
{
	g_autofree char *path = g_build_filename(dir, name, NULL);
	g_autofree char *tmp = NULL;
	int fd;

	g_return_val_if_fail(dir && name, FALSE);
	if (g_mkdir_with_parents(dir, 0777) != 0)
		return write_failed(error, path, errno);
	if ((fd = open_tmp(dir, name, &tmp)) < 0)
		return write_failed(error, path, errno);
	close(fd);
	g_unlink(tmp);
	return TRUE;
}

/* Writes all of text to fd, then flushes it to the disk; 0 or errno. */
static int write_all(int fd, const char *text)
{
	size_t n = strlen(text);

	while (n > 0) {
		ssize_t k = write(fd, text, n);
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0)
			return errno;
		text += k;
		n -= (size_t)k;
	}
	return fsync(fd) != 0 ? errno : 0;
}

gboolean mdl_compare_write(const char *dir, const char *name,
			   const char *text, GError **error)
{
	g_autofree char *path = g_build_filename(dir, name, NULL);
	g_autofree char *tmp = NULL;
	int fd, err;

	g_return_val_if_fail(dir && name && text, FALSE);
	if ((fd = open_tmp(dir, name, &tmp)) < 0)
		return write_failed(error, path, errno);
	err = write_all(fd, text);
	if (close(fd) != 0 && err == 0)
		err = errno;
	if (err == 0 && !mdl_simulate_commit(error)) {
		g_unlink(tmp);	/* a signal came first: nothing renamed */
		return FALSE;
	}
	if (err == 0 && g_rename(tmp, path) != 0)
		err = errno;
	if (err != 0) {
		g_unlink(tmp);
		return write_failed(error, path, err);
	}
	return TRUE;
}
