/* objects.c — the helpers every object reader uses (scenario-private.h):
 * an object's name in messages, list elements, required texts, sublists
 * and groups, keys refused, the later of two settings, deep copies of
 * settings (for overrides and templates).  Below law.c, plans.c,
 * datasets.c, topology.c, overrides.c and templates.c, which use them;
 * calls only reader.c. */
#include "scenario-private.h"

#include <string.h>

/* ---- helpers for objects ----------------------------------------------- */

char *ld_object_ctx(const config_setting_t *g, const char *key,
		    const char *kind, int i, const char *of)
{
	config_setting_t *id = config_setting_get_member(g, key);

	if (id && config_setting_type(id) == CONFIG_TYPE_STRING)
		return g_strdup_printf("%s '%s'%s%s", kind,
				       config_setting_get_string(id),
				       of ? " of " : "", of ? of : "");
	return g_strdup_printf("%s #%d%s%s", kind, i + 1, of ? " of " : "",
			       of ? of : "");
}

config_setting_t *ld_element(Loader *ld, const config_setting_t *list, int i,
			     const char *kind)
{
	config_setting_t *g = config_setting_get_elem(list, (guint)i);

	if (config_setting_is_group(g))
		return g;
	ld_error(ld, g, "%s #%d must be a group in '%s' (got %s)", kind, i + 1,
		 config_setting_name(list), ld_type_name(g));
	return NULL;
}

char *ld_required_text(Loader *ld, const config_setting_t *g, const char *key,
		       const char *ctx)
{
	config_setting_t *s = ld_required(ld, g, key, ctx);
	const char *v;

	return s && ld_text(ld, s, ctx, FALSE, &v) ? g_strdup(v) : NULL;
}


config_setting_t *ld_sublist(Loader *ld, const config_setting_t *g,
			     const char *key, const char *ctx,
			     gboolean must_fill, guint *n)
{
	config_setting_t *s = config_setting_get_member(g, key);

	*n = 0;
	if (!s)
		return NULL;
	/* libconfig reads "()" as a list but "[]" as an array. */
	if (!config_setting_is_list(s) &&
	    !(config_setting_is_array(s) && config_setting_length(s) == 0)) {
		ld_error(ld, s, "'%s' must be a list of groups in %s (got %s)",
			 key, ctx, ld_type_name(s));
		return NULL;
	}
	*n = (guint)config_setting_length(s);
	if (*n == 0 && must_fill)
		ld_error(ld, s, "'%s' must not be empty in %s", key, ctx);
	return s;
}

gboolean ld_refuse(Loader *ld, const config_setting_t *g,
		   const char *const *keys, const char *what, const char *ctx)
{
	gboolean ok = TRUE;

	for (; *keys; keys++) {
		config_setting_t *s = config_setting_get_member(g, *keys);

		if (!s)
			continue;
		ld_error(ld, s, "'%s' is not allowed for %s in %s", *keys, what,
			 ctx);
		ok = FALSE;
	}
	return ok;
}

config_setting_t *ld_group(Loader *ld, const config_setting_t *g,
			   const char *key, const char *ctx)
{
	config_setting_t *s = config_setting_get_member(g, key);

	if (!s || config_setting_is_group(s))
		return s;
	ld_error(ld, s, "'%s' must be a group { ... } in %s (got %s)", key, ctx,
		 ld_type_name(s));
	return NULL;
}

const config_setting_t *ld_latest(const config_setting_t *a,
				  const config_setting_t *b)
{
	if (ld_from_set(a) || ld_from_set(b))
		return ld_from_set(b) ? b : a;
	return ld_line(b) > ld_line(a) ? b : a;
}

/* The array of ids s, resolved to indices of that kind into a new array
 * *out of *n (unknown and repeated ids left out).  FALSE when s is not an
 * array. */
gboolean ld_read_refs(Loader *ld, const config_setting_t *s, LdKind kind,
			  const char *ctx, guint **out, guint *n)
{
	guint len = (guint)config_setting_length(s);
	g_autofree char *rctx =
		g_strdup_printf("'%s' of %s", config_setting_name(s), ctx);

	*out = g_new0(guint, len);
	*n = 0;
	if (!config_setting_is_array(s) && !config_setting_is_list(s)) {
		ld_error(ld, s,
			 "'%s' must be an array of %s ids in %s (got %s)",
			 config_setting_name(s), ld_kind_name(kind), ctx,
			 ld_type_name(s));
		return FALSE;
	}
	for (guint i = 0; i < len; i++) {
		config_setting_t *e = config_setting_get_elem(s, i);
		guint k, j;

		if (!ld_ref(ld, e, kind, rctx, &k))
			continue;
		for (j = 0; j < *n && (*out)[j] != k; j++)
			;
		if (j < *n)
			ld_error(ld, e, "%s '%s' is listed twice in %s",
				 ld_kind_name(kind),
				 config_setting_get_string(e), rctx);
		else
			(*out)[(*n)++] = k;
	}
	return TRUE;
}

/* ---- copies ------------------------------------------------------------ */

gboolean ld_copy_children(config_setting_t *dst, const config_setting_t *src)
{
	guint n = (guint)config_setting_length(src);

	for (guint i = 0; i < n; i++) {
		config_setting_t *e = config_setting_get_elem(src, i);

		if (!ld_copy_setting(dst, config_setting_name(e), e))
			return FALSE;
	}
	return TRUE;
}

config_setting_t *ld_copy_setting(config_setting_t *parent, const char *name,
				  const config_setting_t *src)
{
	config_setting_t *dst =
		config_setting_add(parent, name, config_setting_type(src));

	if (!dst)
		return NULL;
	switch (config_setting_type(src)) {
	case CONFIG_TYPE_INT:
		config_setting_set_int(dst, config_setting_get_int(src));
		break;
	case CONFIG_TYPE_INT64:
		config_setting_set_int64(dst, config_setting_get_int64(src));
		break;
	case CONFIG_TYPE_FLOAT:
		config_setting_set_float(dst, config_setting_get_float(src));
		break;
	case CONFIG_TYPE_STRING:
		config_setting_set_string(dst, config_setting_get_string(src));
		break;
	case CONFIG_TYPE_BOOL:
		config_setting_set_bool(dst, config_setting_get_bool(src));
		break;
	default:
		if (!ld_copy_children(dst, src))
			return NULL;
	}
	return dst;
}
