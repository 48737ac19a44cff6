/* reader.c — typed reads of libconfig settings, names and hints, ids and
 * references, into the Loader of loader.c (see scenario-private.h). */
#include "scenario-private.h"

#include <math.h>
#include <string.h>

#include "sim/units.h"

/* ---- names and hints --------------------------------------------------- */

/* Levenshtein distance, capped: the caller only cares about small ones. */
static guint distance(const char *a, const char *b)
{
	size_t na = strlen(a), nb = strlen(b);
	guint *row = g_new(guint, nb + 1), result;

	if (na > 64 || nb > 64) {
		g_free(row);
		return G_MAXUINT;
	}
	for (size_t j = 0; j <= nb; j++)
		row[j] = (guint)j;
	for (size_t i = 1; i <= na; i++) {
		guint diag = row[0];

		row[0] = (guint)i;
		for (size_t j = 1; j <= nb; j++) {
			guint up = row[j];
			guint best = diag + (a[i - 1] != b[j - 1]);

			best = MIN(best, up + 1);
			best = MIN(best, row[j - 1] + 1);
			row[j] = best;
			diag = up;
		}
	}
	result = row[nb];
	g_free(row);
	return result;
}

const char *ld_nearest(const char *word, const char *const *cands, int n)
{
	guint limit = MIN(2u, (guint)strlen(word) / 2), best = G_MAXUINT;
	const char *found = NULL;

	for (int i = 0; n < 0 ? cands[i] != NULL : i < n; i++) {
		guint d = distance(word, cands[i]);

		if (d > 0 && d <= limit && d < best) {
			best = d;
			found = cands[i];
		}
	}
	return found;
}

char *ld_hint(const char *word, const char *const *cands, int n, char q)
{
	const char *near = ld_nearest(word, cands, n);

	if (!near)
		return g_strdup("");
	return g_strdup_printf(" (did you mean %c%s%c?)", q, near, q);
}

char *ld_key(const config_setting_t *s)
{
	const config_setting_t *parent = config_setting_parent(s);

	if (config_setting_name(s))
		return g_strdup_printf("'%s'", config_setting_name(s));
	if (parent && config_setting_name(parent))
		return g_strdup_printf("'%s'[%d]", config_setting_name(parent),
				       config_setting_index(s));
	return g_strdup_printf("item %d", config_setting_index(s));
}

const char *ld_type_name(const config_setting_t *s)
{
	switch (config_setting_type(s)) {
	case CONFIG_TYPE_GROUP:
		return "a group";
	case CONFIG_TYPE_INT:
	case CONFIG_TYPE_INT64:
		return "an integer";
	case CONFIG_TYPE_FLOAT:
		return "a float";
	case CONFIG_TYPE_STRING:
		return "a string";
	case CONFIG_TYPE_BOOL:
		return "a boolean";
	case CONFIG_TYPE_ARRAY:
		return "an array";
	case CONFIG_TYPE_LIST:
		return "a list";
	default:
		return "nothing";
	}
}

char *ld_value_text(const config_setting_t *s)
{
	char buf[G_ASCII_DTOSTR_BUF_SIZE];

	switch (config_setting_type(s)) {
	case CONFIG_TYPE_STRING:
		return g_strdup_printf("\"%s\"", config_setting_get_string(s));
	case CONFIG_TYPE_INT:
	case CONFIG_TYPE_INT64:
		return g_strdup_printf("%" G_GINT64_FORMAT,
				       (gint64)config_setting_get_int64(s));
	case CONFIG_TYPE_FLOAT:
		return g_strdup(g_ascii_dtostr(buf, sizeof buf,
					       config_setting_get_float(s)));
	case CONFIG_TYPE_BOOL:
		return g_strdup(config_setting_get_bool(s) ? "true" : "false");
	default:
		return g_strdup(ld_type_name(s));
	}
}

/* ---- typed reads ------------------------------------------------------- */

void ld_check_keys(Loader *ld, const config_setting_t *group,
		   const char *const *known, const char *ctx)
{
	int n = config_setting_length(group);

	for (int i = 0; i < n; i++) {
		config_setting_t *s = config_setting_get_elem(group, (guint)i);
		const char *name = config_setting_name(s);

		if (g_strv_contains(known, name))
			continue;
		g_autofree char *hint = ld_hint(name, known, -1, '\'');
		ld_error(ld, s, "unknown key '%s' in %s%s", name, ctx, hint);
	}
}

config_setting_t *ld_required(Loader *ld, const config_setting_t *group,
			      const char *key, const char *ctx)
{
	config_setting_t *s = config_setting_get_member(group, key);

	if (!s)
		ld_error(ld, group, "missing required key '%s' in %s", key,
			 ctx);
	return s;
}

/* Reports "KEY must be WHAT in CTX (got TYPE)". */
static gboolean bad_type(Loader *ld, const config_setting_t *s,
			 const char *what, const char *ctx)
{
	g_autofree char *key = ld_key(s);

	ld_error(ld, s, "%s must be %s in %s (got %s)", key, what, ctx,
		 ld_type_name(s));
	return FALSE;
}

/* Reports "KEY must be RULE in CTX (got VALUE)". */
static gboolean bad_value(Loader *ld, const config_setting_t *s,
			  const char *rule, const char *ctx)
{
	g_autofree char *key = ld_key(s);
	g_autofree char *got = ld_value_text(s);

	ld_error(ld, s, "%s must be %s in %s (got %s)", key, rule, ctx, got);
	return FALSE;
}

gboolean ld_text(Loader *ld, const config_setting_t *s, const char *ctx,
		 gboolean allow_empty, const char **out)
{
	if (config_setting_type(s) != CONFIG_TYPE_STRING)
		return bad_type(ld, s, "a string", ctx);
	if (!allow_empty && !*config_setting_get_string(s)) {
		g_autofree char *key = ld_key(s);

		ld_error(ld, s, "%s must not be empty in %s", key, ctx);
		return FALSE;
	}
	gsize len = strlen(config_setting_get_string(s));
	if (len > LD_MAX_TEXT) {
		g_autofree char *key = ld_key(s);

		ld_error(ld, s, "%s is too long in %s: %zu bytes, at most %d",
			 key, ctx, (size_t)len, LD_MAX_TEXT);
		return FALSE;
	}
	*out = config_setting_get_string(s);
	return TRUE;
}

gboolean ld_int(Loader *ld, const config_setting_t *s, const char *ctx,
		gint64 min, gint64 max, gint64 *out)
{
	char rule[40];
	gint64 v;

	if (config_setting_type(s) != CONFIG_TYPE_INT &&
	    config_setting_type(s) != CONFIG_TYPE_INT64)
		return bad_type(ld, s, "an integer", ctx);
	v = config_setting_get_int64(s);
	if (v < min) {
		g_snprintf(rule, sizeof rule, ">= %" G_GINT64_FORMAT, min);
		return bad_value(ld, s, rule, ctx);
	}
	if (v > max) {
		g_snprintf(rule, sizeof rule, "<= %" G_GINT64_FORMAT, max);
		return bad_value(ld, s, rule, ctx);
	}
	*out = v;
	return TRUE;
}

gboolean ld_number(Loader *ld, const config_setting_t *s, const char *ctx,
		   double *out)
{
	double v;

	switch (config_setting_type(s)) {
	case CONFIG_TYPE_INT:
	case CONFIG_TYPE_INT64:
		v = (double)config_setting_get_int64(s);
		break;
	case CONFIG_TYPE_FLOAT:
		v = config_setting_get_float(s);
		break;
	default:
		return bad_type(ld, s, "a number", ctx);
	}
	if (!isfinite(v))
		return bad_value(ld, s, "finite", ctx);
	*out = v;
	return TRUE;
}

/* Reports "KEY in CTX: MESSAGE" for a units error. */
static gboolean bad_units(Loader *ld, const config_setting_t *s,
			  const char *ctx, GError *err)
{
	g_autofree char *key = ld_key(s);

	ld_error(ld, s, "%s in %s: %s", key, ctx, err->message);
	g_error_free(err);
	return FALSE;
}

gboolean ld_duration(Loader *ld, const config_setting_t *s, const char *ctx,
		     double *out)
{
	GError *err = NULL;
	double v;

	switch (config_setting_type(s)) {
	case CONFIG_TYPE_STRING:
		if (!sim_parse_duration(config_setting_get_string(s), &v, &err))
			return bad_units(ld, s, ctx, err);
		break;
	case CONFIG_TYPE_INT:
	case CONFIG_TYPE_INT64:
	case CONFIG_TYPE_FLOAT:
		/* A bare number counts in hours. */
		if (!ld_number(ld, s, ctx, &v))
			return FALSE;
		if (v < 0)
			return bad_value(ld, s, ">= 0", ctx);
		break;
	default:
		return bad_type(ld, s, "a duration", ctx);
	}
	*out = v;
	return TRUE;
}

gboolean ld_rate(Loader *ld, const config_setting_t *s, const char *ctx,
		 double *out)
{
	GError *err = NULL;

	/* A bare number has no time unit: per hour? per year?  Refused. */
	if (config_setting_type(s) != CONFIG_TYPE_STRING)
		return bad_type(ld, s, "a rate like \"0.5/y\"", ctx);
	if (!sim_parse_rate(config_setting_get_string(s), out, &err))
		return bad_units(ld, s, ctx, err);
	return TRUE;
}

gboolean ld_size(Loader *ld, const config_setting_t *s, const char *ctx,
		 double *out)
{
	GError *err = NULL;

	/* A bare number has no unit: bytes? terabytes?  Refused. */
	if (config_setting_type(s) != CONFIG_TYPE_STRING)
		return bad_type(ld, s, "a size like \"20TB\"", ctx);
	if (!sim_parse_size(config_setting_get_string(s), out, &err))
		return bad_units(ld, s, ctx, err);
	return TRUE;
}

gboolean ld_throughput(Loader *ld, const config_setting_t *s, const char *ctx,
		       double *out)
{
	GError *err = NULL;

	if (config_setting_type(s) != CONFIG_TYPE_STRING)
		return bad_type(ld, s, "a throughput like \"1TB/h\"", ctx);
	if (!sim_parse_throughput(config_setting_get_string(s), out, &err))
		return bad_units(ld, s, ctx, err);
	return TRUE;
}

gboolean ld_percent(Loader *ld, const config_setting_t *s, const char *ctx,
		    double *out)
{
	GError *err = NULL;

	/* 0.15 or 15?  A bare number is refused rather than guessed. */
	if (config_setting_type(s) != CONFIG_TYPE_STRING)
		return bad_type(ld, s, "a percentage like \"15%\"", ctx);
	if (!sim_parse_percent(config_setting_get_string(s), out, &err))
		return bad_units(ld, s, ctx, err);
	return TRUE;
}

gboolean ld_bool(Loader *ld, const config_setting_t *s, const char *ctx,
		 gboolean *out)
{
	if (config_setting_type(s) != CONFIG_TYPE_BOOL)
		return bad_type(ld, s, "true or false", ctx);
	*out = config_setting_get_bool(s) ? TRUE : FALSE;
	return TRUE;
}

/* "\"a\", \"b\" or \"c\"" */
static char *choices(const char *const *names)
{
	GString *s = g_string_new(NULL);

	for (int i = 0; names[i]; i++) {
		if (i)
			g_string_append(s, names[i + 1] ? ", " : " or ");
		g_string_append_printf(s, "\"%s\"", names[i]);
	}
	return g_string_free(s, FALSE);
}

gboolean ld_choice(Loader *ld, const config_setting_t *s, const char *ctx,
		   const char *const *names, int *out)
{
	const char *v;

	if (config_setting_type(s) == CONFIG_TYPE_STRING) {
		v = config_setting_get_string(s);
		for (int i = 0; names[i]; i++)
			if (strcmp(v, names[i]) == 0) {
				*out = i;
				return TRUE;
			}
	}
	g_autofree char *list = choices(names);
	if (config_setting_type(s) != CONFIG_TYPE_STRING)
		return bad_type(ld, s, list, ctx);
	return bad_value(ld, s, list, ctx);
}

/* ---- ids and references ------------------------------------------------ */

static const char *const kind_names[LD_N_KINDS] = {"crew", "site", "component",
						   "service", "dataset"};

const char *ld_kind_name(LdKind kind)
{
	return kind_names[kind];
}

gboolean ld_id_valid(const char *id)
{
	if (!*id)
		return FALSE;
	for (const char *p = id; *p; p++)
		if (!g_ascii_isalnum(*p) && *p != '_' && *p != '-')
			return FALSE;
	return TRUE;
}

static void register_one(Loader *ld, const config_setting_t *id_setting,
			 LdKind kind)
{
	const char *id = config_setting_get_string(id_setting);
	gpointer first = g_hash_table_lookup(ld->index[kind], id);

	if (!ld_id_valid(id)) {
		ld_error(ld, id_setting,
			 "bad %s id \"%s\": use letters, digits, '_' and '-'",
			 kind_names[kind], id);
	}
	if (first) {
		const config_setting_t *list = config_setting_parent(
			config_setting_parent(id_setting));
		config_setting_t *g = config_setting_get_elem(
			list, GPOINTER_TO_UINT(first) - 1);
		g_autofree char *where = ld_where(ld, g, id_setting);

		ld_error(ld, id_setting, "duplicate %s id '%s' (first at %s)",
			 kind_names[kind], id, where);
		return;
	}
	/* Even an id with bad characters is registered: its users then
	 * get no second error for the same mistake. */
	g_hash_table_insert(
		ld->index[kind], (gpointer)id,
		GUINT_TO_POINTER((guint)config_setting_index(
					 config_setting_parent(id_setting)) +
				 1));
	g_ptr_array_add(ld->ids[kind], (gpointer)id);
}

void ld_register(Loader *ld, const config_setting_t *list, LdKind kind)
{
	int n = list ? config_setting_length(list) : 0;

	if (list && !config_setting_is_list(list))
		return;
	for (int i = 0; i < n; i++) {
		config_setting_t *g = config_setting_get_elem(list, (guint)i);
		config_setting_t *id;

		if (!config_setting_is_group(g))
			continue;
		id = config_setting_get_member(g, "id");
		if (id && config_setting_type(id) == CONFIG_TYPE_STRING)
			register_one(ld, id, kind);
	}
}

gint ld_lookup(const Loader *ld, LdKind kind, const char *id)
{
	gpointer p = g_hash_table_lookup(ld->index[kind], id);

	return p ? (gint)GPOINTER_TO_UINT(p) - 1 : -1;
}

gboolean ld_ref_id(Loader *ld, const config_setting_t *s, const char *id,
		   LdKind kind, const char *ctx, guint *out)
{
	gint i = ld_lookup(ld, kind, id);

	if (i >= 0) {
		*out = (guint)i;
		return TRUE;
	}
	if (ld->absent[kind])
		return FALSE;
	char *seen = g_strdup_printf("%s %s", kind_names[kind], id);
	if (g_hash_table_add(ld->reported, seen)) {
		g_autofree char *hint =
			ld_hint(id, (const char *const *)ld->ids[kind]->pdata,
				(int)ld->ids[kind]->len, '\'');

		ld_error(ld, s, "unknown %s '%s' in %s%s", kind_names[kind], id,
			 ctx, hint);
	}
	return FALSE;
}

gboolean ld_ref(Loader *ld, const config_setting_t *s, LdKind kind,
		const char *ctx, guint *out)
{
	if (config_setting_type(s) != CONFIG_TYPE_STRING) {
		g_autofree char *what =
			g_strdup_printf("a %s id", kind_names[kind]);

		return bad_type(ld, s, what, ctx);
	}
	return ld_ref_id(ld, s, config_setting_get_string(s), kind, ctx, out);
}

/* ---- 32-bit integer literals ------------------------------------------- */

static gboolean is_name_char(char c)
{
	return g_ascii_isalnum(c) || c == '_' || c == '-' || c == '*';
}

/* Reads the integer literal at p as libconfig 1.5 would before its
 * truncation (strtoll for decimals, unsigned for hexadecimals); FALSE
 * when p is not a plain integer literal (a float, an int64 "L"). */
static gboolean int_literal(const char *p, gint64 *v)
{
	const char *q = p;
	char *end;

	if (*q == '-' || *q == '+')
		q++;
	if (q[0] == '0' && (q[1] == 'x' || q[1] == 'X')) {
		*v = (gint64)g_ascii_strtoull(q + 2, &end, 16);
		if (end == q + 2)
			return FALSE;
	} else {
		if (!g_ascii_isdigit(*q))
			return FALSE;
		*v = g_ascii_strtoll(p, &end, 10);
	}
	return !is_name_char(*end) && *end != '.';
}

/* The true value of the integer setting named `name` whose truncated
 * value is `value`, found on line; FALSE when it is not there. */
static gboolean true_value(const char *line, const char *name, int value,
			   gint64 *v)
{
	size_t n = strlen(name);

	for (const char *p = strstr(line, name); p; p = strstr(p + 1, name)) {
		const char *q = p + n;

		if ((p > line && is_name_char(p[-1])) || is_name_char(*q))
			continue;
		while (*q == ' ' || *q == '\t')
			q++;
		if (*q != '=' && *q != ':')
			continue;
		q++;
		while (*q == ' ' || *q == '\t')
			q++;
		if (int_literal(q, v) && (guint32)(guint64)*v == (guint32)value)
			return TRUE;
	}
	return FALSE;
}

static void fix_int(config_setting_t *s, char **lines)
{
	guint n = g_strv_length(lines), line = ld_line(s);
	int value = config_setting_get_int(s);
	gint64 v;

	if (!config_setting_name(s) || config_setting_source_file(s) ||
	    line == 0 || line > n)
		return;
	if (!true_value(lines[line - 1], config_setting_name(s), value, &v) ||
	    v == value)
		return;
	/* libconfig has no call to change a setting's type in place; its
	 * public struct does.  An INT holds no memory, so nothing leaks. */
	s->type = CONFIG_TYPE_INT64;
	s->value.llval = v;
}

void ld_fix_ints(config_setting_t *root, char **lines)
{
	int n = config_setting_length(root);

	if (!lines)
		return;
	if (config_setting_type(root) == CONFIG_TYPE_INT)
		fix_int(root, lines);
	for (int i = 0; i < n; i++)
		ld_fix_ints(config_setting_get_elem(root, (guint)i), lines);
}
