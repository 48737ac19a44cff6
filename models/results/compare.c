/* compare.c — options, runs, figures, tables and files shared by
 * `drsim compare` and `drsim sweep`. */
#include "models/results/compare.h"
#include "models/results/simulate.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "sim/cli.h"
#include "sim/units.h"

G_DEFINE_QUARK(mdl-compare-error-quark, mdl_compare_error)

/* -- options --------------------------------------------------------------- */

void mdl_compare_options_clear(MdlCompareOptions *o)
{
	g_free(o->horizon);
	g_free(o->format_name);
	g_free(o->out);
	g_strfreev(o->sets);
	g_strfreev(o->args);
}

static gboolean usage(GError **error, const char *message)
{
	g_set_error_literal(error, MDL_COMPARE_ERROR, MDL_COMPARE_ERROR_USAGE,
			    message);
	return FALSE;
}

/* What GOptionContext cannot check by itself. */
static gboolean options_check(MdlCompareOptions *o, GError **error)
{
	if (o->threads < 1) {
		g_set_error(error, MDL_COMPARE_ERROR, MDL_COMPARE_ERROR_USAGE,
			    "--threads must be >= 1 (got %d)", o->threads);
		return FALSE;
	}
	if (o->format_name && !mdl_format_parse(o->format_name, &o->format))
		return usage(error, "--format must be table, json or csv");
	if (o->out && !*o->out)
		return usage(error, "--out needs a directory");
	if (o->plot && !o->out)
		return usage(error, "--plot needs --out DIR");
	return TRUE;
}

gboolean mdl_compare_options_parse(MdlCompareOptions *o, int argc,
				   char **argv, const char *params,
				   const char *summary, GError **error)
{
	GOptionEntry entries[] = {
		{ "replications", 'r', 0, G_OPTION_ARG_INT64, &o->replications,
		  "Replications of every run (default: the first scenario's)",
		  "N" },
		{ "seed", 's', 0, G_OPTION_ARG_INT64, &o->seed,
		  "Seed of every run (default: the first scenario's)", "S" },
		{ "horizon", 'H', 0, G_OPTION_ARG_STRING, &o->horizon,
		  "Simulated time per replication, e.g. 10y", "T" },
		{ "threads", 'j', 0, G_OPTION_ARG_INT, &o->threads,
		  "Worker threads (default: one per core)", "N" },
		{ "set", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o->sets,
		  "Override a value of every scenario (repeatable)",
		  "KEY=VALUE" },
		{ "format", 'f', 0, G_OPTION_ARG_STRING, &o->format_name,
		  "Output format: table (default), json or csv", "FORMAT" },
		{ "out", 'o', 0, G_OPTION_ARG_FILENAME, &o->out,
		  "Also write the results into DIR", "DIR" },
		{ "plot", 0, 0, G_OPTION_ARG_NONE, &o->plot,
		  "Draw the charts of DIR with gnuplot (needs --out)", NULL },
		{ "quiet", 'q', 0, G_OPTION_ARG_NONE, &o->quiet,
		  "No progress line on stderr", NULL },
		{ G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY,
		  &o->args, NULL, NULL },
		{ NULL, 0, 0, 0, NULL, NULL, NULL },
	};
	g_autoptr(GOptionContext) ctx = g_option_context_new(params);

	o->threads = (gint)g_get_num_processors();
	g_option_context_set_summary(ctx, summary);
	g_option_context_add_main_entries(ctx, entries, NULL);
	if (!g_option_context_parse(ctx, &argc, &argv, error) ||
	    !options_check(o, error))
		return FALSE;
	if (o->quiet)
		mdl_simulate_set_progress(FALSE);
	return TRUE;
}

static void add_all(GPtrArray *a, const char *const *sets)
{
	for (; sets && *sets; sets++)
		g_ptr_array_add(a, g_strdup(*sets));
}

char **mdl_compare_options_sets(const MdlCompareOptions *o,
				const char *const *sets,
				const char *const *extra)
{
	GPtrArray *a = g_ptr_array_new();

	g_return_val_if_fail(o, NULL);
	add_all(a, sets);
	if (o->replications >= 0)
		g_ptr_array_add(a, g_strdup_printf("scenario.replications=%"
						   G_GINT64_FORMAT,
						   o->replications));
	if (o->seed >= 0)
		g_ptr_array_add(a, g_strdup_printf("scenario.seed=%"
						   G_GINT64_FORMAT, o->seed));
	if (o->horizon)
		g_ptr_array_add(a, g_strdup_printf("scenario.horizon=%s",
						   o->horizon));
	add_all(a, extra);
	g_ptr_array_add(a, NULL);
	return (char **)g_ptr_array_free(a, FALSE);
}

/* -- one run --------------------------------------------------------------- */

MdlComparePlay *mdl_compare_play_new(MdlScenario *sc)
{
	g_return_val_if_fail(sc, NULL);

	MdlComparePlay *p = g_new0(MdlComparePlay, 1);
	p->sc = sc;
	p->labels = mdl_labels_new(sc);
	return p;
}

gboolean mdl_compare_play_run(MdlComparePlay *p, unsigned threads,
			      FILE *incidents, GError **error)
{
	g_return_val_if_fail(p && !p->results && threads >= 1, FALSE);

	p->results = mdl_simulate(p->sc, p->labels, threads, incidents,
				  &p->info, error);
	if (!p->results)
		return FALSE;
	p->json = mdl_report(p->sc, p->results, &p->info, MDL_FORMAT_JSON);
	/* Our own output: a parse failure is a bug, not an input error. */
	p->root = json_from_string(p->json, NULL);
	g_assert(p->root && JSON_NODE_HOLDS_OBJECT(p->root));
	return TRUE;
}

JsonArray *mdl_compare_play_services(const MdlComparePlay *p)
{
	g_return_val_if_fail(p && p->root, NULL);
	return json_object_get_array_member(json_node_get_object(p->root),
					    "services");
}

JsonObject *mdl_compare_play_service(const MdlComparePlay *p, const char *id)
{
	JsonArray *a = mdl_compare_play_services(p);

	g_return_val_if_fail(a && id, NULL);
	for (guint i = 0; i < json_array_get_length(a); i++) {
		JsonObject *s = json_array_get_object_element(a, i);
		if (strcmp(json_object_get_string_member(s, "id"), id) == 0)
			return s;
	}
	return NULL;
}

/* The object member key of o, NULL when o is NULL or it is not one. */
static JsonObject *object_member(JsonObject *o, const char *key)
{
	JsonNode *n = o ? json_object_get_member(o, key) : NULL;

	return n && JSON_NODE_HOLDS_OBJECT(n) ? json_node_get_object(n) : NULL;
}

JsonObject *mdl_compare_play_cost(const MdlComparePlay *p)
{
	g_return_val_if_fail(p && p->root, NULL);
	return object_member(json_node_get_object(p->root), "cost");
}

double mdl_compare_play_cost_number(const MdlComparePlay *p, const char *key,
				    const char *field)
{
	JsonObject *o = object_member(mdl_compare_play_cost(p), key);
	JsonNode *n = o ? json_object_get_member(o, field) : NULL;

	return n && JSON_NODE_HOLDS_VALUE(n) ? json_node_get_double(n) : NAN;
}

void mdl_compare_play_free(MdlComparePlay *p)
{
	if (!p)
		return;
	if (p->root)
		json_node_unref(p->root);
	g_free(p->json);
	mdl_results_free(p->results);
	mdl_labels_free(p->labels);
	mdl_scenario_free(p->sc);
	g_free(p);
}

/* -- figures --------------------------------------------------------------- */

typedef enum {
	KIND_FRACTION,	/* 0.992428 */
	KIND_HOURS,	/* 66.33 (hours per year) */
	KIND_RATE,	/* 8.675 (per year) */
	KIND_DURATION,	/* 5.3h */
	KIND_PERCENT,	/* 97.5% */
} Kind;

/* object.key of the service object (key of the service itself when
 * object is NULL); ci: object has a "ci95". */
static const struct {
	const char *label, *column, *object, *key;
	Kind kind;
	MdlBetter better;
	gboolean ci;
} figures[MDL_N_FIGURES] = {
	[MDL_FIGURE_AVAILABILITY] = { "availability", "availability",
		"availability", "mean", KIND_FRACTION, MDL_BETTER_HIGHER,
		TRUE },
	[MDL_FIGURE_DOWNTIME] = { "downtime h/year", "downtime_h_per_year",
		"downtime_h_per_year", "mean", KIND_HOURS, MDL_BETTER_LOWER,
		TRUE },
	[MDL_FIGURE_INCIDENTS] = { "incidents /year", "incidents_per_year",
		"incidents", "per_year", KIND_RATE, MDL_BETTER_LOWER, FALSE },
	[MDL_FIGURE_RTO_TARGET] = { "RTO target", "rto_target_h", "rto_h",
		"target", KIND_DURATION, MDL_BETTER_NONE, FALSE },
	[MDL_FIGURE_RTO_P50] = { "RTO p50", "rto_p50_h", "rto_h", "p50",
		KIND_DURATION, MDL_BETTER_LOWER, FALSE },
	[MDL_FIGURE_RTO_P95] = { "RTO p95", "rto_p95_h", "rto_h", "p95",
		KIND_DURATION, MDL_BETTER_LOWER, FALSE },
	[MDL_FIGURE_RTO_P99] = { "RTO p99", "rto_p99_h", "rto_h", "p99",
		KIND_DURATION, MDL_BETTER_LOWER, FALSE },
	[MDL_FIGURE_RTO_MET] = { "RTO met", "rto_met", "rto_h", "met",
		KIND_PERCENT, MDL_BETTER_HIGHER, FALSE },
	[MDL_FIGURE_RPO_TARGET] = { "RPO target", "rpo_target_h", "rpo_h",
		"target", KIND_DURATION, MDL_BETTER_NONE, FALSE },
	[MDL_FIGURE_RPO_P50] = { "RPO p50", "rpo_p50_h", "rpo_h", "p50",
		KIND_DURATION, MDL_BETTER_LOWER, FALSE },
	[MDL_FIGURE_RPO_P95] = { "RPO p95", "rpo_p95_h", "rpo_h", "p95",
		KIND_DURATION, MDL_BETTER_LOWER, FALSE },
	[MDL_FIGURE_RPO_P99] = { "RPO p99", "rpo_p99_h", "rpo_h", "p99",
		KIND_DURATION, MDL_BETTER_LOWER, FALSE },
	[MDL_FIGURE_RPO_MET] = { "RPO met", "rpo_met", "rpo_h", "met",
		KIND_PERCENT, MDL_BETTER_HIGHER, FALSE },
	[MDL_FIGURE_BOTH_MET] = { "both met", "both_met", NULL, "both_met",
		KIND_PERCENT, MDL_BETTER_HIGHER, FALSE },
	[MDL_FIGURE_BREACH] = { "breach in a year", "p_breach",
		"p_breach_per_year", "mean", KIND_PERCENT, MDL_BETTER_LOWER,
		TRUE },
	[MDL_FIGURE_DATA_LOSS] = { "data lost h/year", "data_loss_h_per_year",
		"data_loss_h_per_year", "mean", KIND_HOURS, MDL_BETTER_LOWER,
		TRUE },
};

const char *mdl_figure_label(MdlFigure f)
{
	g_return_val_if_fail(f < MDL_N_FIGURES, NULL);
	return figures[f].label;
}

const char *mdl_figure_column(MdlFigure f)
{
	g_return_val_if_fail(f < MDL_N_FIGURES, NULL);
	return figures[f].column;
}

MdlBetter mdl_figure_better(MdlFigure f)
{
	g_return_val_if_fail(f < MDL_N_FIGURES, MDL_BETTER_NONE);
	return figures[f].better;
}

/* A number node, or NAN for null or anything else. */
static double number(JsonNode *n)
{
	if (!n || JSON_NODE_TYPE(n) != JSON_NODE_VALUE)
		return NAN;
	return json_node_get_double(n);
}

/* The object holding the figure's key: the service or one of its
 * members; NULL when missing. */
static JsonObject *holder(MdlFigure f, JsonObject *service)
{
	if (!figures[f].object)
		return service;
	JsonNode *n = json_object_get_member(service, figures[f].object);
	return n && JSON_NODE_HOLDS_OBJECT(n) ? json_node_get_object(n) : NULL;
}

double mdl_figure_value(MdlFigure f, JsonObject *service)
{
	g_return_val_if_fail(f < MDL_N_FIGURES && service, NAN);

	JsonObject *o = holder(f, service);
	return o ? number(json_object_get_member(o, figures[f].key)) : NAN;
}

gboolean mdl_figure_ci(MdlFigure f, JsonObject *service, double *lo,
		       double *hi)
{
	g_return_val_if_fail(f < MDL_N_FIGURES && service && lo && hi, FALSE);

	JsonObject *o = holder(f, service);
	JsonNode *n = figures[f].ci && o ? json_object_get_member(o, "ci95")
					 : NULL;
	*lo = *hi = NAN;
	if (!n || !JSON_NODE_HOLDS_ARRAY(n) ||
	    json_array_get_length(json_node_get_array(n)) != 2)
		return FALSE;
	*lo = number(json_array_get_element(json_node_get_array(n), 0));
	*hi = number(json_array_get_element(json_node_get_array(n), 1));
	return isfinite(*lo) && isfinite(*hi);
}

char *mdl_figure_text(MdlFigure f, double x)
{
	char buf[32];

	g_return_val_if_fail(f < MDL_N_FIGURES, NULL);
	if (!isfinite(x))
		return g_strdup("-");
	switch (figures[f].kind) {
	case KIND_FRACTION:
		return g_strdup_printf("%.6f", x);
	case KIND_HOURS:
		return g_strdup_printf("%.2f", x);
	case KIND_RATE:
		return g_strdup_printf("%.3f", x);
	case KIND_PERCENT:
		return g_strdup_printf("%.1f%%", 100 * x);
	case KIND_DURATION:
	default:
		sim_format_duration(x, buf, sizeof buf);
		return g_strdup(buf);
	}
}

char *mdl_figure_diff_text(MdlFigure f, double d)
{
	char buf[32];

	g_return_val_if_fail(f < MDL_N_FIGURES, NULL);
	if (!isfinite(d))
		return g_strdup("-");
	switch (figures[f].kind) {
	case KIND_FRACTION:
		return g_strdup_printf("%+.6f", d);
	case KIND_HOURS:
		return g_strdup_printf("%+.2f", d);
	case KIND_RATE:
		return g_strdup_printf("%+.3f", d);
	case KIND_PERCENT:
		return g_strdup_printf("%+.1f pt", 100 * d);
	case KIND_DURATION:
	default:
		if (d == 0)
			return g_strdup("0");
		sim_format_duration(fabs(d), buf, sizeof buf);
		return g_strdup_printf("%c%s", d < 0 ? '-' : '+', buf);
	}
}

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
	if (err == 0 && g_rename(tmp, path) != 0)
		err = errno;
	if (err != 0) {
		g_unlink(tmp);
		return write_failed(error, path, err);
	}
	return TRUE;
}
