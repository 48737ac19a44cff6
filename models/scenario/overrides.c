/* overrides.c — `--set KEY=VALUE`: replacing or adding one value of a
 * scenario's config tree before it is validated (see "Overriding values"
 * in docs/scenario-format.md).
 *
 * What an override writes carries a libconfig hook (the override's index
 * + 1), so that an error found later in it is reported as `--set KEY:`
 * instead of at a line of the file it did not come from.  Replacing an
 * element of a list keeps its position: the group is emptied and refilled
 * in place, since libconfig can only append to a list. */
#include "scenario-private.h"

#include <string.h>

static gboolean all_digits(const char *s)
{
	if (!*s)
		return FALSE;
	for (; *s; s++)
		if (!g_ascii_isdigit(*s))
			return FALSE;
	return TRUE;
}

/* TRUE when group g has the string member key equal to value. */
static gboolean named(const config_setting_t *g, const char *key,
		      const char *value)
{
	config_setting_t *s = config_setting_is_group(g)
				      ? config_setting_get_member(g, key)
				      : NULL;

	return s && config_setting_type(s) == CONFIG_TYPE_STRING &&
	       strcmp(config_setting_get_string(s), value) == 0;
}

/* The child of parent that part names: a member of a group; in a list,
 * the element whose id (or name) is part, else the one of index part. */
static config_setting_t *child(const config_setting_t *parent, const char *part)
{
	guint n = (guint)config_setting_length(parent);
	guint64 k;

	if (config_setting_is_group(parent))
		return config_setting_get_member(parent, part);
	if (config_setting_is_list(parent))
		for (guint i = 0; i < n; i++) {
			config_setting_t *e =
				config_setting_get_elem(parent, i);

			if (named(e, "id", part) || named(e, "name", part))
				return e;
		}
	if (!config_setting_is_aggregate(parent) || !all_digits(part))
		return NULL;
	k = g_ascii_strtoull(part, NULL, 10);
	return k < n ? config_setting_get_elem(parent, (guint)k) : NULL;
}

/* The names parent's children can be called by, for a hint. */
static GPtrArray *child_names(const config_setting_t *parent)
{
	GPtrArray *names = g_ptr_array_new();
	guint n = (guint)config_setting_length(parent);

	for (guint i = 0; i < n; i++) {
		config_setting_t *e = config_setting_get_elem(parent, i);
		config_setting_t *id;

		if (config_setting_name(e))
			g_ptr_array_add(names,
					(gpointer)config_setting_name(e));
		else if (config_setting_is_group(e) &&
			 ((id = config_setting_get_member(e, "id")) ||
			  (id = config_setting_get_member(e, "name"))) &&
			 config_setting_type(id) == CONFIG_TYPE_STRING)
			g_ptr_array_add(
				names, (gpointer)config_setting_get_string(id));
	}
	return names;
}

/* "'a.b.c'" for the first n parts, or "the file" for none. */
static char *prefix(char **parts, guint n)
{
	g_autofree char *path = NULL;
	char *saved;

	if (n == 0)
		return g_strdup("the file");
	saved = parts[n];
	parts[n] = NULL;
	path = g_strjoinv(".", parts);
	parts[n] = saved;
	return g_strdup_printf("'%s'", path);
}

/* "unknown path: no 'x' in 'a.b'" and a hint; g_free() it. */
static char *no_child_text(const config_setting_t *parent, char **parts,
			   guint i)
{
	g_autoptr(GPtrArray) names = child_names(parent);
	g_autofree char *where = prefix(parts, i);
	g_autofree char *hint =
		ld_hint(parts[i], (const char *const *)names->pdata,
			(int)names->len, '\'');

	return g_strdup_printf("unknown path: no '%s' in %s%s", parts[i],
			       where, hint);
}

static void no_child(Loader *ld, guint set, const config_setting_t *parent,
		     char **parts, guint i)
{
	g_autofree char *text = no_child_text(parent, parts, i);

	ld_error_set(ld, set, "%s", text);
}

/* ---- the value --------------------------------------------------------- */

/* VALUE read as a libconfig value into tmp (initialised here); anything
 * that is not one ("5y", "4h") is a string. */
static config_setting_t *parse_value(config_t *tmp, const char *text)
{
	g_autofree char *src = g_strdup_printf("v = %s;", text);
	config_setting_t *root, *v;

	config_init(tmp);
	if (config_read_string(tmp, src) &&
	    config_setting_length(root = config_root_setting(tmp)) == 1 &&
	    (v = config_setting_get_member(root, "v"))) {
		g_auto(GStrv) lines = g_strsplit(src, "\n", -1);

		ld_fix_ints(root, lines);
		return v;
	}
	config_destroy(tmp);
	config_init(tmp);
	v = config_setting_add(config_root_setting(tmp), "v",
			       CONFIG_TYPE_STRING);
	config_setting_set_string(v, text);
	return v;
}

/* ---- writing ----------------------------------------------------------- */

/* Element k of array replaced by v: the array is rebuilt, since libconfig
 * can only append.  FALSE when the types would mix. */
static gboolean replace_in_array(config_setting_t *array, guint k,
				 const config_setting_t *v)
{
	guint n = (guint)config_setting_length(array);
	config_t hold;
	config_setting_t *old;
	gboolean ok = config_setting_is_scalar(v);

	config_init(&hold);
	old = ld_copy_setting(config_root_setting(&hold), "old", array);
	while (ok && config_setting_length(array) > 0)
		config_setting_remove_elem(array, 0);
	for (guint i = 0; ok && i < n; i++)
		ok = ld_copy_setting(array, NULL,
				     i == k ? v
					    : config_setting_get_elem(old, i)) !=
		     NULL;
	config_destroy(&hold);
	return ok;
}

/* Replaces target, the child `name` of parent, by v; returns the setting
 * now holding the value, or NULL after reporting. */
static config_setting_t *replace(Loader *ld, guint set,
				 config_setting_t *parent,
				 config_setting_t *target, const char *name,
				 const config_setting_t *v)
{
	if (config_setting_is_group(parent)) {
		config_setting_remove(parent, name);
		return ld_copy_setting(parent, name, v);
	}
	if (config_setting_is_array(parent)) {
		if (replace_in_array(parent,
				     (guint)config_setting_index(target), v))
			return parent;
		ld_error_set(ld, set,
			     "an element of an array must be a value "
			     "of the same type as the others");
		return NULL;
	}
	if (!config_setting_is_group(target) || !config_setting_is_group(v)) {
		ld_error_set(ld, set,
			     "an element of a list can only be "
			     "replaced by a group { ... }");
		return NULL;
	}
	while (config_setting_length(target) > 0)
		config_setting_remove_elem(target, 0);
	return ld_copy_children(target, v) ? target : NULL;
}

/* libconfig's rule for setting names. */
static gboolean name_valid(const char *s)
{
	if (!g_ascii_isalpha(*s) && *s != '*')
		return FALSE;
	for (; *s; s++)
		if (!g_ascii_isalnum(*s) && !strchr("-_*", *s))
			return FALSE;
	return TRUE;
}

/* Adds v as the new child parts[i] of parent: a member of a group, or the
 * next element of a list or an array (index = its length). */
static config_setting_t *add_new(Loader *ld, guint set,
				 config_setting_t *parent, char **parts,
				 guint i, const config_setting_t *v)
{
	config_setting_t *dst;

	if (config_setting_is_group(parent) && name_valid(parts[i]))
		dst = ld_copy_setting(parent, parts[i], v);
	else if (config_setting_is_group(parent))
		dst = NULL;
	else if (all_digits(parts[i]) &&
		 g_ascii_strtoull(parts[i], NULL, 10) ==
			 (guint64)config_setting_length(parent))
		dst = ld_copy_setting(parent, NULL, v);
	else {
		no_child(ld, set, parent, parts, i);
		return NULL;
	}
	if (!dst) {
		g_autofree char *where = prefix(parts, i);

		ld_error_set(ld, set, "cannot add '%s' to %s", parts[i], where);
	}
	return dst;
}

/* The parent of the last part of the path, or NULL after reporting. */
static config_setting_t *walk(Loader *ld, guint set, config_setting_t *root,
			      char **parts, guint n)
{
	config_setting_t *s = root;

	for (guint i = 0; i + 1 < n; i++) {
		config_setting_t *next = child(s, parts[i]);

		/* A key the plan takes from its template: the plan's own
		 * from now on, so that the override changes this plan only. */
		if (!next)
			next = ld_template_take(ld, s, parts[i]);
		if (!next) {
			no_child(ld, set, s, parts, i);
			return NULL;
		}
		if (!config_setting_is_aggregate(next)) {
			g_autofree char *where = prefix(parts, i + 1);

			ld_error_set(ld, set,
				     "unknown path: %s is %s, not a group or "
				     "a list",
				     where, ld_type_name(next));
			return NULL;
		}
		s = next;
	}
	return s;
}

static void apply(Loader *ld, guint set, config_setting_t *root,
		  const char *key, const char *value)
{
	g_auto(GStrv) parts = g_strsplit(key, ".", -1);
	guint n = g_strv_length(parts);
	config_setting_t *parent, *target, *dst;
	config_t tmp;
	const config_setting_t *v;

	for (guint i = 0; i < n; i++)
		if (!*parts[i]) {
			ld_error_set(ld, set, "empty name in the path");
			return;
		}
	if (!(parent = walk(ld, set, root, parts, n)))
		return;
	v = parse_value(&tmp, value);
	target = child(parent, parts[n - 1]);
	dst = target ? replace(ld, set, parent, target, parts[n - 1], v)
		     : add_new(ld, set, parent, parts, n - 1, v);
	if (dst)
		config_setting_set_hook(dst, GUINT_TO_POINTER(set + 1));
	config_destroy(&tmp);
}

/* FALSE, with an error naming set i by its key made valid, when
 * sets[i] is not UTF-8 text (an argument of a shell in another
 * encoding): its bytes would go into the messages as they are. */
static gboolean check_utf8(Loader *ld, guint i, const char *set)
{
	const char *eq = strchr(set, '='), *end;

	if (g_utf8_validate(set, -1, &end))
		return TRUE;
	g_ptr_array_add(ld->set_keys,
			g_utf8_make_valid(set, eq ? eq - set : -1));
	ld_error_set(ld, i, "not UTF-8 text (byte 0x%02x)",
		     (unsigned)(guchar)*end);
	return FALSE;
}

/* The longest KEY of a --set, in bytes: a path of a few names; a longer
 * one is a mistake, named by its beginning. */
#define MAX_KEY 256

/* FALSE, with an error naming set i by the beginning of its key, when
 * the key is longer than MAX_KEY bytes. */
static gboolean check_key_length(Loader *ld, guint i, const char *set)
{
	const char *eq = strchr(set, '=');
	gsize len = eq ? (gsize)(eq - set) : strlen(set);

	if (len <= MAX_KEY)
		return TRUE;
	const char *end = g_utf8_find_prev_char(set, set + 41);
	g_ptr_array_add(ld->set_keys,
			g_strdup_printf("%.*s...", (int)(end - set), set));
	ld_error_set(ld, i, "the key is %zu bytes long: at most %d",
		     (size_t)len, MAX_KEY);
	return FALSE;
}

void ld_apply_sets(Loader *ld, config_setting_t *root, const char *const *sets)
{
	for (guint i = 0; sets && sets[i]; i++) {
		const char *eq = strchr(sets[i], '=');

		if (!check_utf8(ld, i, sets[i]) ||
		    !check_key_length(ld, i, sets[i]))
			continue;
		g_ptr_array_add(ld->set_keys,
				eq ? g_strndup(sets[i], (gsize)(eq - sets[i]))
				   : g_strdup(sets[i]));
		if (!eq || eq == sets[i]) {
			ld_error_set(ld, i, "expected KEY=VALUE");
			continue;
		}
		apply(ld, i, root, ld->set_keys->pdata[i], eq + 1);
	}
}

/* ---- reading ----------------------------------------------------------- */

config_setting_t *ld_find_path(config_setting_t *root, const char *key,
			       GError **error)
{
	g_auto(GStrv) parts = g_strsplit(key, ".", -1);
	guint n = g_strv_length(parts);
	config_setting_t *s = root;

	for (guint i = 0; i < n; i++) {
		config_setting_t *next;

		if (!*parts[i]) {
			g_set_error_literal(error, MDL_SCENARIO_ERROR,
					    MDL_SCENARIO_ERROR_VALUE,
					    "empty name in the path");
			return NULL;
		}
		if (i > 0 && !config_setting_is_aggregate(s)) {
			g_autofree char *where = prefix(parts, i);

			g_set_error(error, MDL_SCENARIO_ERROR,
				    MDL_SCENARIO_ERROR_VALUE,
				    "unknown path: %s is %s, not a group or a "
				    "list", where, ld_type_name(s));
			return NULL;
		}
		if (!(next = child(s, parts[i]))) {
			g_autofree char *text = no_child_text(s, parts, i);

			g_set_error_literal(error, MDL_SCENARIO_ERROR,
					    MDL_SCENARIO_ERROR_VALUE, text);
			return NULL;
		}
		s = next;
	}
	return s;
}
