/* drill.c — a drill's measured times from a .cfg or .csv file, checked
 * against the scenario (drill.h).  Both formats end in add_step(), which
 * resolves the service and the step; the Loader of the scenario reader
 * collects every problem, sorted by line, so that a drill file gets the
 * same messages as a scenario file. */
#include "scenario-private.h"

#include <string.h>

#include "models/scenario/drill.h"
#include "models/scenario/labels.h"

/* clang-format off */
G_DEFINE_QUARK(mdl-drill-error-quark, mdl_drill_error)
/* clang-format on */

typedef struct {
	Loader ld;
	const MdlScenario *sc;
	GArray *steps;		/* MdlDrillStep */
	GHashTable *first;	/* "SERVICE\tSTEP" -> its line */
	char ***names;		/* per service: its steps, built on demand */
	char *name;		/* the file's `name`, or NULL */
} Reader;

static void reader_init(Reader *r, const char *file, const MdlScenario *sc)
{
	ld_init(&r->ld, file);
	r->sc = sc;
	r->steps = g_array_new(FALSE, FALSE, sizeof(MdlDrillStep));
	r->first = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	r->names = g_new0(char **, sc->n_services);
	r->name = NULL;
}

static void step_clear(MdlDrillStep *st)
{
	g_free(st->step);
}

static void reader_clear(Reader *r)
{
	for (guint i = 0; i < r->steps->len; i++)
		step_clear(&g_array_index(r->steps, MdlDrillStep, i));
	g_array_unref(r->steps);
	g_hash_table_unref(r->first);
	for (guint s = 0; s < r->sc->n_services; s++)
		g_strfreev(r->names[s]);
	g_free(r->names);
	g_free(r->name);
	ld_clear(&r->ld);
}

/* ---- services and steps ------------------------------------------------ */

/* "'a', 'b' and 'c'"-like list, joined by ", ". */
static char *quoted_list(const char *const *v, guint n)
{
	GString *s = g_string_new(NULL);

	for (guint i = 0; i < n; i++)
		g_string_append_printf(s, "%s'%s'", i ? ", " : "", v[i]);
	return g_string_free(s, FALSE);
}

static char *service_list(const MdlScenario *sc)
{
	g_autofree const char **ids = g_new0(const char *, sc->n_services);

	for (guint s = 0; s < sc->n_services; s++)
		ids[s] = sc->services[s].id;
	return quoted_list(ids, sc->n_services);
}

/* The index of service id; -1 after reporting it unknown. */
static gint find_service(Reader *r, unsigned line, const char *id)
{
	gint s = mdl_scenario_find_service(r->sc, id);

	if (s < 0) {
		g_autofree char *list = service_list(r->sc);
		ld_error_line(&r->ld, line,
			      "unknown service '%s' (the scenario's services: "
			      "%s)",
			      id, list);
	}
	return s;
}

/* The steps of service s as the exercise table names them: the trace's,
 * then the two rows of the RTO and RPO reached. */
static char **steps_of(Reader *r, guint s)
{
	if (!r->names[s]) {
		g_auto(GStrv) trace = mdl_labels_steps(r->sc, s);
		GStrvBuilder *b = g_strv_builder_new();
		g_strv_builder_addv(b, (const char **)trace);
		g_strv_builder_add(b, MDL_DRILL_RTO);
		g_strv_builder_add(b, MDL_DRILL_RPO);
		r->names[s] = g_strv_builder_end(b);
		g_strv_builder_unref(b);
	}
	return r->names[s];
}

static gboolean known_step(Reader *r, unsigned line, guint s,
			   const char *step)
{
	char **names = steps_of(r, s);

	if (g_strv_contains((const char *const *)names, step))
		return TRUE;
	g_autofree char *list =
		quoted_list((const char *const *)names, g_strv_length(names));
	ld_error_line(&r->ld, line, "unknown step '%s' of service '%s' "
				    "(its steps: %s)",
		      step, r->sc->services[s].id, list);
	return FALSE;
}

/* Adds a measured step of service s (already resolved) given at line,
 * after checking its name and that it is not given twice. */
static void add_step(Reader *r, unsigned line, guint s, const char *step,
		     double measured_h)
{
	const char *id = r->sc->services[s].id;

	if (!known_step(r, line, s, step))
		return;
	char *key = g_strdup_printf("%s\t%s", id, step);
	gpointer first = g_hash_table_lookup(r->first, key);
	if (first) {
		ld_error_line(&r->ld, line,
			      "step '%s' of service '%s' given twice (first "
			      "at line %u)",
			      step, id, GPOINTER_TO_UINT(first));
		g_free(key);
		return;
	}
	g_hash_table_insert(r->first, key, GUINT_TO_POINTER(line));
	MdlDrillStep st = { s, g_strdup(step), measured_h, (int)line };
	g_array_append_val(r->steps, st);
}

/* ---- the libconfig format ---------------------------------------------- */

static const char *const top_keys[] = { "drill", NULL };
static const char *const drill_keys[] = { "name", "steps", NULL };
static const char *const step_keys[] = { "service", "step", "at", NULL };

/* The service of step group g: its `service`, or the only one of the
 * scenario when left out; -1 after reporting. */
static gint cfg_service(Reader *r, const config_setting_t *g,
			const char *ctx)
{
	config_setting_t *s = config_setting_get_member(g, "service");
	const char *id;

	if (!s && r->sc->n_services == 1)
		return 0;
	if (!s) {
		ld_required(&r->ld, g, "service", ctx);
		return -1;
	}
	if (!ld_text(&r->ld, s, ctx, FALSE, &id))
		return -1;
	return find_service(r, ld_line(s), id);
}

static void cfg_step(Reader *r, const config_setting_t *g, int i)
{
	g_autofree char *ctx = ld_object_ctx(g, "step", "step", i, NULL);
	config_setting_t *step, *at;
	const char *name;
	double h = 0;

	ld_check_keys(&r->ld, g, step_keys, ctx);
	gint s = cfg_service(r, g, ctx);
	gboolean ok = (step = ld_required(&r->ld, g, "step", ctx)) &&
		      ld_text(&r->ld, step, ctx, FALSE, &name);
	if ((at = ld_required(&r->ld, g, "at", ctx)))
		ok = ld_duration(&r->ld, at, ctx, &h) && ok;
	if (ok && s >= 0)
		add_step(r, ld_line(step), (guint)s, name, h);
}

/* The group `drill` of the file, or NULL after reporting. */
static config_setting_t *cfg_drill(Reader *r, config_setting_t *root)
{
	config_setting_t *d;

	if (config_setting_length(root) == 0) {
		ld_error(&r->ld, NULL, "empty drill: no settings in the file");
		return NULL;
	}
	ld_check_keys(&r->ld, root, top_keys, "the file");
	if (!(d = ld_required(&r->ld, root, "drill", "the file")))
		return NULL;
	if (!config_setting_is_group(d)) {
		ld_error(&r->ld, d,
			 "'drill' must be a group { ... } in the file (got %s)",
			 ld_type_name(d));
		return NULL;
	}
	ld_check_keys(&r->ld, d, drill_keys, "'drill'");
	return d;
}

static void read_cfg(Reader *r)
{
	config_t cfg;
	config_setting_t *d, *name, *steps;
	const char *v;
	guint n = 0;

	config_init(&cfg);
	if (!ld_parse(&r->ld, &cfg) ||
	    !(d = cfg_drill(r, config_root_setting(&cfg)))) {
		config_destroy(&cfg);
		return;
	}
	if ((name = config_setting_get_member(d, "name")) &&
	    ld_text(&r->ld, name, "'drill'", FALSE, &v))
		r->name = g_strdup(v);
	if (ld_required(&r->ld, d, "steps", "'drill'") &&
	    (steps = ld_sublist(&r->ld, d, "steps", "'drill'", TRUE, &n)))
		for (guint i = 0; i < n; i++) {
			config_setting_t *g =
				ld_element(&r->ld, steps, (int)i, "step");
			if (g)
				cfg_step(r, g, (int)i);
		}
	config_destroy(&cfg);
}

/* ---- the CSV format ---------------------------------------------------- */

enum { COL_SERVICE, COL_STEP, COL_MEASURED, N_COLS };
static const char *const col_names[] = { "service", "step", "measured",
					 NULL };

/* The fields of one CSV line (RFC 4180: "..." quotes, "" a quote inside),
 * blanks around unquoted fields trimmed; NULL after reporting an
 * unclosed quote. */
static GPtrArray *csv_fields(Reader *r, unsigned line, const char *p)
{
	GPtrArray *f = g_ptr_array_new_with_free_func(g_free);

	for (;;) {
		GString *v = g_string_new(NULL);
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '"') {
			for (p++; *p && !(*p == '"' && p[1] != '"'); p++) {
				if (*p == '"')
					p++;
				g_string_append_c(v, *p);
			}
			if (*p != '"') {
				ld_error_line(&r->ld, line,
					      "unclosed quote in a field");
				g_string_free(v, TRUE);
				g_ptr_array_unref(f);
				return NULL;
			}
			p++;
		}
		while (*p && *p != ',')
			g_string_append_c(v, *p++);
		g_ptr_array_add(f, g_strstrip(g_string_free(v, FALSE)));
		if (*p != ',')
			return f;
		p++;
	}
}

/* col[k]: the index of column k in the header's fields; FALSE after
 * reporting a column unknown, repeated or missing. */
static gboolean csv_header(Reader *r, unsigned line, GPtrArray *f,
			   gint col[N_COLS])
{
	gboolean ok = TRUE;

	for (int k = 0; k < N_COLS; k++)
		col[k] = -1;
	for (guint i = 0; i < f->len; i++) {
		const char *name = f->pdata[i];
		int k = 0;
		while (col_names[k] && strcmp(col_names[k], name))
			k++;
		if (k == N_COLS || col[k] >= 0) {
			ld_error_line(&r->ld, line,
				      "%s column '%s' in the header (expected "
				      "service,step,measured)",
				      k == N_COLS ? "unknown" : "repeated",
				      name);
			ok = FALSE;
		} else {
			col[k] = (gint)i;
		}
	}
	for (int k = 0; k < N_COLS; k++)
		if (col[k] < 0) {
			ld_error_line(&r->ld, line,
				      "missing column '%s' in the header "
				      "(expected service,step,measured)",
				      col_names[k]);
			ok = FALSE;
		}
	return ok;
}

/* The service of a row: its `service`, or the only one of the scenario
 * when empty; -1 after reporting. */
static gint csv_service(Reader *r, unsigned line, const char *id)
{
	if (*id)
		return find_service(r, line, id);
	if (r->sc->n_services == 1)
		return 0;
	g_autofree char *list = service_list(r->sc);
	ld_error_line(&r->ld, line,
		      "'service' must not be empty: the scenario has %u "
		      "services (%s)",
		      r->sc->n_services, list);
	return -1;
}

static void csv_row(Reader *r, unsigned line, GPtrArray *f,
		    const gint col[N_COLS])
{
	GError *err = NULL;
	double h = 0;

	if (f->len != N_COLS) {
		ld_error_line(&r->ld, line,
			      "expected 3 fields (service,step,measured), got "
			      "%u",
			      f->len);
		return;
	}
	const char *step = f->pdata[col[COL_STEP]];
	const char *measured = f->pdata[col[COL_MEASURED]];
	gint s = csv_service(r, line, f->pdata[col[COL_SERVICE]]);
	gboolean ok = TRUE;
	if (!*step) {
		ld_error_line(&r->ld, line, "'step' must not be empty");
		ok = FALSE;
	}
	if (!*measured) {
		ld_error_line(&r->ld, line, "'measured' must not be empty");
		ok = FALSE;
	} else if (!sim_parse_duration(measured, &h, &err)) {
		ld_error_line(&r->ld, line, "'measured' in step '%s': %s",
			      step, err->message);
		g_error_free(err);
		ok = FALSE;
	}
	if (ok && s >= 0)
		add_step(r, line, (guint)s, step, h);
}

/* TRUE for a line without content: blank, or a comment. */
static gboolean csv_skip(const char *line)
{
	while (*line == ' ' || *line == '\t')
		line++;
	return *line == '\0' || *line == '#';
}

static void read_csv(Reader *r)
{
	gsize len = 0;
	g_autofree char *text = ld_read_text(&r->ld, &len);
	gint col[N_COLS];
	unsigned header = 0;

	if (!text)
		return;
	const char *body = g_str_has_prefix(text, "\xEF\xBB\xBF") ? text + 3
								 : text;
	g_auto(GStrv) lines = g_strsplit(body, "\n", -1);
	for (unsigned i = 0; lines[i]; i++) {
		char *l = lines[i];
		gsize n = strlen(l);
		if (n && l[n - 1] == '\r')	/* a file from Windows */
			l[n - 1] = '\0';
		if (csv_skip(l))
			continue;
		g_autoptr(GPtrArray) f = csv_fields(r, i + 1, l);
		if (!f && header == 0)
			return;		/* no columns to read rows by */
		if (!f)
			continue;
		if (header == 0) {
			header = i + 1;
			if (!csv_header(r, header, f, col))
				return;
			continue;
		}
		csv_row(r, i + 1, f, col);
	}
	if (header == 0)
		ld_error(&r->ld, NULL, "empty drill: no header and no steps "
				       "in the file");
	else if (r->steps->len == 0 && !ld_failed(&r->ld))
		ld_error_line(&r->ld, header,
			      "empty drill: no steps after the header");
}

/* ---- loading ----------------------------------------------------------- */

static MdlDrill *drill_new(Reader *r, const char *file)
{
	MdlDrill *d = g_new0(MdlDrill, 1);

	d->file = g_strdup(file);
	d->name = r->name ? g_steal_pointer(&r->name)
			  : g_path_get_basename(file);
	d->n_steps = r->steps->len;
	d->steps = (MdlDrillStep *)(void *)g_array_free(
		g_steal_pointer(&r->steps), FALSE);
	r->steps = g_array_new(FALSE, FALSE, sizeof(MdlDrillStep));
	return d;
}

MdlDrill *mdl_drill_load(const char *file, const MdlScenario *sc,
			 GError **error)
{
	g_return_val_if_fail(file != NULL && sc != NULL, NULL);
	g_return_val_if_fail(error == NULL || *error == NULL, NULL);
	Reader r;
	MdlDrill *d = NULL;

	reader_init(&r, file, sc);
	if (g_str_has_suffix(file, ".cfg"))
		read_cfg(&r);
	else if (g_str_has_suffix(file, ".csv"))
		read_csv(&r);
	else
		ld_error(&r.ld, NULL, "unknown drill format: the file name "
				      "must end in .cfg (libconfig) or .csv");
	if (ld_failed(&r.ld)) {
		g_autofree char *msg = ld_message(&r.ld);
		g_set_error_literal(error, MDL_DRILL_ERROR,
				    r.ld.unreadable ? MDL_DRILL_ERROR_FILE
						    : MDL_DRILL_ERROR_INVALID,
				    msg);
	} else {
		d = drill_new(&r, file);
	}
	reader_clear(&r);
	return d;
}

void mdl_drill_free(MdlDrill *d)
{
	if (!d)
		return;
	for (guint i = 0; i < d->n_steps; i++)
		step_clear(&d->steps[i]);
	g_free(d->steps);
	g_free(d->name);
	g_free(d->file);
	g_free(d);
}
