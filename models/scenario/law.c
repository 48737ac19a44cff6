/* law.c — reading a law (a random duration) or an occurrence process from
 * a scenario setting into a SimDist (see scenario-private.h and the "Laws"
 * section of docs/scenario-format.md).
 *
 * The SimDist constructors validate the parameters and word the errors
 * ("weibull 'shape' must be > 0 (got -1)"); this file reads the values
 * with their units, checks which keys a law takes, and prefixes the
 * constructor's message with the setting and its object. */
#include "scenario-private.h"

#include <string.h>

#include "sim/units.h"

/* A law's builder reads its parameters from group g (reporting bad ones
 * and returning NULL with *error unset) and calls the constructor (which
 * sets *error when it refuses them). */
typedef SimDist *(*Builder)(Loader *ld, const config_setting_t *g,
			    const char *ctx, GError **error);

typedef struct {
	const char *name;
	Builder build;
	const char *keys[6]; /* NULL-terminated, "law" first */
} Law;

/* ---- parameters -------------------------------------------------------- */

/* The member `key` of g read as a duration (a number when number is set);
 * FALSE after reporting it missing or bad. */
static gboolean param(Loader *ld, const config_setting_t *g, const char *key,
		      gboolean number, const char *ctx, double *out)
{
	config_setting_t *s = ld_required(ld, g, key, ctx);

	if (!s)
		return FALSE;
	return number ? ld_number(ld, s, ctx, out)
		      : ld_duration(ld, s, ctx, out);
}

/* A duration that may be negative (the mean of a truncated normal): a
 * number, or a duration string with an optional leading '-'. */
static gboolean signed_param(Loader *ld, const config_setting_t *g,
			     const char *key, const char *ctx, double *out)
{
	config_setting_t *s = ld_required(ld, g, key, ctx);
	const char *text;
	GError *err = NULL;

	if (!s)
		return FALSE;
	if (config_setting_type(s) != CONFIG_TYPE_STRING)
		return ld_number(ld, s, ctx, out);
	text = config_setting_get_string(s);
	if (sim_parse_duration(text + (*text == '-'), out, &err)) {
		if (*text == '-')
			*out = -*out;
		return TRUE;
	}
	ld_error(ld, s, "'%s' in %s: %s", key, ctx, err->message);
	g_error_free(err);
	return FALSE;
}

/* The member `key` of g, an array (or list) of durations (or numbers),
 * into a new array *out of *n values. */
static gboolean param_array(Loader *ld, const config_setting_t *g,
			    const char *key, gboolean number, const char *ctx,
			    double **out, size_t *n)
{
	config_setting_t *s = ld_required(ld, g, key, ctx);
	gboolean ok = TRUE;

	if (!s)
		return FALSE;
	if (!config_setting_is_array(s) && !config_setting_is_list(s)) {
		ld_error(ld, s, "'%s' must be an array in %s (got %s)", key,
			 ctx, ld_type_name(s));
		return FALSE;
	}
	*n = (size_t)config_setting_length(s);
	*out = g_new0(double, *n + 1);
	for (size_t i = 0; i < *n; i++) {
		config_setting_t *e = config_setting_get_elem(s, (guint)i);

		ok &= number ? ld_number(ld, e, ctx, &(*out)[i])
			     : ld_duration(ld, e, ctx, &(*out)[i]);
	}
	if (!ok)
		g_clear_pointer(out, g_free);
	return ok;
}

/* TRUE when exactly one of keys a and b is in g; else reports. */
static gboolean one_of(Loader *ld, const config_setting_t *g, const char *a,
		       const char *b, const char *ctx)
{
	config_setting_t *sa = config_setting_get_member(g, a);
	config_setting_t *sb = config_setting_get_member(g, b);

	if (sa && sb) {
		ld_error(ld, ld_latest(sa, sb),
			 "give either '%s' or '%s', not both, in %s", a, b,
			 ctx);
		return FALSE;
	}
	if (!sa && !sb) {
		ld_error(ld, g, "missing required key '%s' (or '%s') in %s", a,
			 b, ctx);
		return FALSE;
	}
	return TRUE;
}

/* ---- one builder per law ----------------------------------------------- */

static SimDist *build_fixed(Loader *ld, const config_setting_t *g,
			    const char *ctx, GError **error)
{
	double v;

	if (!param(ld, g, "value", FALSE, ctx, &v))
		return NULL;
	return sim_dist_new_fixed(v, error);
}

static SimDist *build_exponential(Loader *ld, const config_setting_t *g,
				  const char *ctx, GError **error)
{
	config_setting_t *rate = config_setting_get_member(g, "rate");
	double v;

	if (!one_of(ld, g, "mean", "rate", ctx))
		return NULL;
	if (rate)
		return ld_rate(ld, rate, ctx, &v)
			       ? sim_dist_new_exponential_rate(v, error)
			       : NULL;
	if (!param(ld, g, "mean", FALSE, ctx, &v))
		return NULL;
	return sim_dist_new_exponential(v, error);
}

static SimDist *build_weibull(Loader *ld, const config_setting_t *g,
			      const char *ctx, GError **error)
{
	double shape, scale;
	gboolean ok = param(ld, g, "shape", TRUE, ctx, &shape);

	if (!(param(ld, g, "scale", FALSE, ctx, &scale) && ok))
		return NULL;
	return sim_dist_new_weibull(shape, scale, error);
}

static SimDist *build_gamma(Loader *ld, const config_setting_t *g,
			    const char *ctx, GError **error)
{
	double shape, scale;
	gboolean ok = param(ld, g, "shape", TRUE, ctx, &shape);

	if (!(param(ld, g, "scale", FALSE, ctx, &scale) && ok))
		return NULL;
	return sim_dist_new_gamma(shape, scale, error);
}

static gboolean has(const config_setting_t *g, const char *key)
{
	return config_setting_get_member(g, key) != NULL;
}

/* Two parameterisations: median and sigma, or mean and sd. */
static SimDist *build_lognormal(Loader *ld, const config_setting_t *g,
				const char *ctx, GError **error)
{
	gboolean by_median = has(g, "median") || has(g, "sigma");
	gboolean by_mean = has(g, "mean") || has(g, "sd");
	double a, b;
	gboolean ok;

	if (by_median && by_mean) {
		ld_error(ld, g,
			 "give 'median' and 'sigma', or 'mean' and 'sd', not a "
			 "mix, in %s",
			 ctx);
		return NULL;
	}
	if (by_mean) {
		ok = param(ld, g, "mean", FALSE, ctx, &a);
		if (!(param(ld, g, "sd", FALSE, ctx, &b) && ok))
			return NULL;
		return sim_dist_new_lognormal_mean_sd(a, b, error);
	}
	ok = param(ld, g, "median", FALSE, ctx, &a);
	if (!(param(ld, g, "sigma", TRUE, ctx, &b) && ok))
		return NULL;
	return sim_dist_new_lognormal(a, b, error);
}

static SimDist *build_normal(Loader *ld, const config_setting_t *g,
			     const char *ctx, GError **error)
{
	double mean, sd;
	gboolean ok = signed_param(ld, g, "mean", ctx, &mean);

	if (!(param(ld, g, "sd", FALSE, ctx, &sd) && ok))
		return NULL;
	return sim_dist_new_normal(mean, sd, error);
}

static SimDist *build_uniform(Loader *ld, const config_setting_t *g,
			      const char *ctx, GError **error)
{
	double min, max;
	gboolean ok = param(ld, g, "min", FALSE, ctx, &min);

	if (!(param(ld, g, "max", FALSE, ctx, &max) && ok))
		return NULL;
	return sim_dist_new_uniform(min, max, error);
}

static SimDist *build_empirical(Loader *ld, const config_setting_t *g,
				const char *ctx, GError **error)
{
	g_autofree double *values = NULL;
	size_t n;

	if (!param_array(ld, g, "values", FALSE, ctx, &values, &n))
		return NULL;
	return sim_dist_new_empirical(values, n, error);
}

static SimDist *build_cdf(Loader *ld, const config_setting_t *g,
			  const char *ctx, GError **error)
{
	g_autofree double *x = NULL, *p = NULL;
	size_t nx, np;
	gboolean ok = param_array(ld, g, "x", FALSE, ctx, &x, &nx);

	if (!(param_array(ld, g, "p", TRUE, ctx, &p, &np) && ok))
		return NULL;
	if (nx != np) {
		ld_error(ld, config_setting_get_member(g, "p"),
			 "'x' and 'p' must have the same length in %s "
			 "(got %zu and %zu)",
			 ctx, nx, np);
		return NULL;
	}
	return sim_dist_new_cdf(x, p, nx, error);
}

static const Law laws[] = {
	{"fixed", build_fixed, {"law", "value"}},
	{"exponential", build_exponential, {"law", "mean", "rate"}},
	{"weibull", build_weibull, {"law", "shape", "scale"}},
	{"lognormal",
	 build_lognormal,
	 {"law", "median", "sigma", "mean", "sd"}},
	{"gamma", build_gamma, {"law", "shape", "scale"}},
	{"normal", build_normal, {"law", "mean", "sd"}},
	{"uniform", build_uniform, {"law", "min", "max"}},
	{"empirical", build_empirical, {"law", "values"}},
	{"cdf", build_cdf, {"law", "x", "p"}},
};

/* ---- laws -------------------------------------------------------------- */

static const Law *find_law(Loader *ld, const config_setting_t *s,
			   const char *ctx)
{
	const char *names[G_N_ELEMENTS(laws)], *name;

	if (!ld_text(ld, s, ctx, FALSE, &name))
		return NULL;
	for (size_t i = 0; i < G_N_ELEMENTS(laws); i++) {
		names[i] = laws[i].name;
		if (strcmp(name, laws[i].name) == 0)
			return &laws[i];
	}
	g_autofree char *hint =
		ld_hint(name, names, (int)G_N_ELEMENTS(laws), '"');
	ld_error(ld, s, "unknown law \"%s\" in %s%s", name, ctx, hint);
	return NULL;
}

/* A group { law = "NAME"; PARAMETERS... } (s, in the object ctx). */
static SimDist *law_group(Loader *ld, const config_setting_t *s,
			  const char *ctx)
{
	g_autofree char *key = ld_key(s);
	g_autofree char *lctx = g_strdup_printf("%s of %s", key, ctx);
	config_setting_t *name = ld_required(ld, s, "law", lctx);
	const Law *law = name ? find_law(ld, name, lctx) : NULL;
	GError *err = NULL;
	SimDist *d;

	/* Without a known law, which keys are unknown cannot be told. */
	if (!law)
		return NULL;
	ld_check_keys(ld, s, law->keys, lctx);
	d = law->build(ld, s, lctx, &err);
	if (err) {
		ld_error(ld, s, "%s in %s: %s", key, ctx, err->message);
		g_error_free(err);
	}
	return d;
}

SimDist *ld_law(Loader *ld, const config_setting_t *s, const char *ctx)
{
	g_autofree char *key = NULL;
	double v;

	switch (config_setting_type(s)) {
	case CONFIG_TYPE_STRING:
	case CONFIG_TYPE_INT:
	case CONFIG_TYPE_INT64:
	case CONFIG_TYPE_FLOAT:
		/* A duration is a fixed law: never refused once read. */
		if (!ld_duration(ld, s, ctx, &v))
			return NULL;
		return sim_dist_new_fixed(v, NULL);
	case CONFIG_TYPE_GROUP:
		return law_group(ld, s, ctx);
	default:
		key = ld_key(s);
		ld_error(ld, s,
			 "%s must be a duration or a law group in %s (got %s)",
			 key, ctx, ld_type_name(s));
		return NULL;
	}
}

/* ---- occurrences ------------------------------------------------------- */

static SimDist *from_rate(Loader *ld, const config_setting_t *s,
			  const char *ctx)
{
	GError *err = NULL;
	SimDist *d;
	double rate;

	if (!ld_rate(ld, s, ctx, &rate))
		return NULL;
	if (!(rate > 0)) {
		g_autofree char *got = ld_value_text(s);

		ld_error(ld, s, "'rate' must be > 0 in %s (got %s)", ctx, got);
		return NULL;
	}
	d = sim_dist_new_exponential_rate(rate, &err);
	if (!d) {
		ld_error(ld, s, "'rate' in %s: %s", ctx, err->message);
		g_error_free(err);
	}
	return d;
}

/* A law of the time between occurrences: a zero mean would make them
 * fire endlessly at one instant. */
static SimDist *from_law(Loader *ld, const config_setting_t *s, const char *ctx)
{
	SimDist *d = ld_law(ld, s, ctx);
	g_autofree char *key = ld_key(s);

	if (!d || sim_dist_mean(d) > 0)
		return d;
	if (config_setting_is_group(s)) {
		ld_error(ld, s, "%s must have a mean > 0 in %s", key, ctx);
	} else {
		g_autofree char *got = ld_value_text(s);

		ld_error(ld, s, "%s must be > 0 in %s (got %s)", key, ctx, got);
	}
	sim_dist_free(d);
	return NULL;
}

SimDist *ld_occurrence(Loader *ld, const config_setting_t *group,
		       const char *law_key, const char *ctx)
{
	config_setting_t *rate = config_setting_get_member(group, "rate");

	if (!one_of(ld, group, law_key, "rate", ctx))
		return NULL;
	if (rate)
		return from_rate(ld, rate, ctx);
	return from_law(ld, config_setting_get_member(group, law_key), ctx);
}
