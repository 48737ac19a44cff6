/* values.c — numeric values of a scenario file by their override path,
 * scaled with their unit kept, and the automatic set of `drsim
 * sensitivity` (values.h).
 *
 * Values are read from the file's config tree, not from the loaded
 * MdlScenario: a law's parameter ("repair.median") exists only there,
 * and what is scaled must be what the file writes, so that the scaled
 * text goes back through --set and the loader. */
#include "scenario-private.h"

#include <math.h>
#include <string.h>

#include "models/scenario/values.h"
#include "sim/units.h"

/* ---- reading ----------------------------------------------------------- */

/* The config tree of file with the overrides, into cfg (initialised
 * here; the caller destroys it, even on failure). */
static gboolean read_tree(const char *file, const char *const *sets,
			  config_t *cfg, GError **error)
{
	Loader ld;
	gboolean ok;

	config_init(cfg);
	ld_init(&ld, file);
	ok = ld_read_tree(&ld, cfg, sets) && !ld_failed(&ld);
	if (!ok) {
		g_autofree char *msg = ld_message(&ld);

		g_set_error_literal(error, MDL_SCENARIO_ERROR,
				    ld.unreadable ? MDL_SCENARIO_ERROR_FILE
						  : MDL_SCENARIO_ERROR_INVALID,
				    msg);
	}
	ld_clear(&ld);
	return ok;
}

/* The keys the loader reads as integers (ld_int): a scaled one is
 * rounded, so that `count` stays a count. */
static gboolean integer_key(const char *key)
{
	static const char *const names[] = { "count", "need", "size",
		"keep", "retries", "replications", "seed", NULL };
	const char *last = strrchr(key, '.');

	return g_strv_contains(names, last ? last + 1 : key);
}

/* The kind of a quantity string, FALSE when it is none.  A duration may
 * carry a '-' (the mean of a truncated normal). */
static gboolean classify(const char *text, MdlValueKind *kind)
{
	const char *t = text + (*text == '-');
	double x;

	if (sim_parse_duration(t, &x, NULL))
		*kind = MDL_VALUE_DURATION;
	else if (t != text)
		return FALSE;
	else if (sim_parse_rate(text, &x, NULL))
		*kind = MDL_VALUE_RATE;
	else if (sim_parse_size(text, &x, NULL))
		*kind = MDL_VALUE_SIZE;
	else if (sim_parse_throughput(text, &x, NULL))
		*kind = MDL_VALUE_THROUGHPUT;
	else if (sim_parse_percent(text, &x, NULL))
		*kind = MDL_VALUE_PERCENT;
	else if (ld_parse_amount(text, &x) && g_ascii_isdigit(*text))
		*kind = MDL_VALUE_AMOUNT;
	else
		return FALSE;
	return TRUE;
}

/* A quantity string cut into its sign ("" or "-"), its first number and
 * what follows it (the unit, maybe more terms). */
typedef struct {
	const char *sign;
	double number;
	const char *rest;
} Parts;

static Parts split(const char *text)
{
	Parts p = { "", 0, text };
	char *end;

	while (g_ascii_isspace(*text))
		text++;
	if (*text == '-') {
		p.sign = "-";
		text++;
	}
	p.number = g_ascii_strtod(text, &end);
	p.rest = end;
	return p;
}

/* A duration of several terms ("1h30min"): its number is scaled as
 * hours. */
static gboolean compound(MdlValueKind kind, const Parts *p)
{
	return kind == MDL_VALUE_DURATION && strpbrk(p->rest, "0123456789");
}

static gboolean string_value(const char *text, MdlValue *out, GError **error)
{
	Parts p;
	double h;

	if (!classify(text, &out->kind)) {
		g_set_error(error, MDL_SCENARIO_ERROR, MDL_SCENARIO_ERROR_VALUE,
			    "\"%s\" is not a number or a quantity with a unit",
			    text);
		return FALSE;
	}
	p = split(text);
	out->number = p.number;
	if (compound(out->kind, &p) &&
	    sim_parse_duration(text + (*p.sign != '\0'), &h, NULL))
		out->number = h;
	if (*p.sign)
		out->number = -out->number;
	out->text = g_strdup(text);
	return TRUE;
}

/* The parameter that scales a law given as a group (its mean scales
 * with it), NULL for a law without one. */
static const char *law_scale_key(const config_setting_t *g)
{
	config_setting_t *law = config_setting_get_member(g, "law");
	const char *name;

	if (!law || config_setting_type(law) != CONFIG_TYPE_STRING)
		return NULL;
	name = config_setting_get_string(law);
	if (strcmp(name, "fixed") == 0)
		return "value";
	if (strcmp(name, "exponential") == 0)
		return config_setting_get_member(g, "rate") ? "rate" : "mean";
	if (strcmp(name, "weibull") == 0 || strcmp(name, "gamma") == 0)
		return "scale";
	if (strcmp(name, "lognormal") == 0)
		return config_setting_get_member(g, "median") ? "median"
							       : "mean";
	if (strcmp(name, "normal") == 0)
		return "mean";
	return NULL;
}

/* The error of an aggregate: a law names the parameter to vary. */
static void not_numeric(const config_setting_t *s, const char *key,
			GError **error)
{
	const char *param = config_setting_is_group(s) ? law_scale_key(s)
						       : NULL;

	if (param)
		g_set_error(error, MDL_SCENARIO_ERROR, MDL_SCENARIO_ERROR_VALUE,
			    "it is a law: name one of its parameters, e.g. "
			    "'%s.%s'", key, param);
	else
		g_set_error(error, MDL_SCENARIO_ERROR, MDL_SCENARIO_ERROR_VALUE,
			    "it is %s, not a number or a quantity",
			    ld_type_name(s));
}

/* Setting s, found at path key, as a value. */
static gboolean value_of(const config_setting_t *s, const char *key,
			 MdlValue *out, GError **error)
{
	memset(out, 0, sizeof *out);
	switch (config_setting_type(s)) {
	case CONFIG_TYPE_INT:
	case CONFIG_TYPE_INT64:
		out->kind = MDL_VALUE_INTEGER;
		out->number = (double)config_setting_get_int64(s);
		out->rounded = integer_key(key);
		out->text = ld_value_text(s);
		return TRUE;
	case CONFIG_TYPE_FLOAT:
		out->kind = MDL_VALUE_NUMBER;
		out->number = config_setting_get_float(s);
		out->text = mdl_value_scaled_text(out, 1);
		return TRUE;
	case CONFIG_TYPE_STRING:
		return string_value(config_setting_get_string(s), out, error);
	default:
		not_numeric(s, key, error);
		return FALSE;
	}
}

gboolean mdl_value_read(const char *file, const char *const *sets,
			const char *key, MdlValue *out, GError **error)
{
	config_t cfg;
	config_setting_t *s;
	gboolean ok = FALSE;

	g_return_val_if_fail(file && key && out, FALSE);
	if (read_tree(file, sets, &cfg, error) &&
	    (s = ld_find_path(config_root_setting(&cfg), key, error)))
		ok = value_of(s, key, out, error);
	config_destroy(&cfg);
	return ok;
}

void mdl_value_clear(MdlValue *v)
{
	g_clear_pointer(&v->text, g_free);
}

const char *mdl_value_kind_name(MdlValueKind kind)
{
	static const char *const names[] = {
		[MDL_VALUE_INTEGER] = "integer",
		[MDL_VALUE_NUMBER] = "number",
		[MDL_VALUE_DURATION] = "duration",
		[MDL_VALUE_RATE] = "rate",
		[MDL_VALUE_SIZE] = "size",
		[MDL_VALUE_THROUGHPUT] = "throughput",
		[MDL_VALUE_PERCENT] = "percentage",
		[MDL_VALUE_AMOUNT] = "amount",
	};

	g_return_val_if_fail(kind <= MDL_VALUE_AMOUNT, NULL);
	return names[kind];
}

/* ---- scaling ----------------------------------------------------------- */

/* x with 10 significant digits and a decimal point whatever the locale;
 * float: with a '.' or an exponent, so that libconfig reads a float. */
static void append_number(GString *s, double x, gboolean as_float)
{
	char buf[G_ASCII_DTOSTR_BUF_SIZE];

	g_ascii_formatd(buf, sizeof buf, "%.10g", x);
	g_string_append(s, buf);
	if (as_float && !strpbrk(buf, ".eEni"))
		g_string_append(s, ".0");
}

char *mdl_value_scaled_text(const MdlValue *v, double factor)
{
	GString *s = g_string_new(NULL);
	Parts p;

	g_return_val_if_fail(v && factor >= 0, NULL);
	g_return_val_if_fail(v->text || v->kind == MDL_VALUE_NUMBER, NULL);
	switch (v->kind) {
	case MDL_VALUE_INTEGER:
		if (v->rounded)
			g_string_printf(s, "%.0f", round(v->number * factor));
		else
			append_number(s, v->number * factor, FALSE);
		break;
	case MDL_VALUE_NUMBER:
		append_number(s, v->number * factor, TRUE);
		break;
	default:
		p = split(v->text);
		g_string_append(s, p.sign);
		if (compound(v->kind, &p)) {
			append_number(s, fabs(v->number) * factor, FALSE);
			g_string_append_c(s, 'h');
		} else {
			append_number(s, p.number * factor, FALSE);
			g_string_append(s, p.rest);
		}
	}
	return g_string_free(s, FALSE);
}

char *mdl_value_override(const char *key, const MdlValue *v,
			 const char *text)
{
	g_return_val_if_fail(key && v && text, NULL);
	if (v->kind == MDL_VALUE_INTEGER || v->kind == MDL_VALUE_NUMBER)
		return g_strdup_printf("%s=%s", key, text);
	return g_strdup_printf("%s=\"%s\"", key, text);
}

/* ---- the automatic set ------------------------------------------------- */

enum { FAILURES, HAZARDS, THREATS, PLANS, RESTORES, N_KINDS };

/* The elements of a list, 0 when s is not one. */
static guint list_length(const config_setting_t *s)
{
	return s && config_setting_is_list(s) ? (guint)config_setting_length(s)
					      : 0;
}

/* The path of element i of the list at path: by its id or name (member
 * key) when it has one a path can hold, else by its index. */
static char *element_path(const char *path, const config_setting_t *e,
			  const char *key, guint i)
{
	config_setting_t *n = config_setting_get_member(e, key);
	const char *name = n && config_setting_type(n) == CONFIG_TYPE_STRING
				   ? config_setting_get_string(n)
				   : NULL;

	if (name && *name && !strchr(name, '.'))
		return g_strdup_printf("%s.%s", path, name);
	return g_strdup_printf("%s.%u", path, i);
}

/* Appends path when s is a number or quantity other than 0. */
static void add_value(GPtrArray *a, const config_setting_t *s,
		      const char *path)
{
	MdlValue v;

	if (!s || !value_of(s, path, &v, NULL))
		return;
	if (v.number != 0)
		g_ptr_array_add(a, g_strdup(path));
	mdl_value_clear(&v);
}

/* The law member `key` of g: a value, or the scale parameter of a law. */
static void add_law(GPtrArray *a, const config_setting_t *g, const char *path,
		    const char *key)
{
	config_setting_t *s = config_setting_get_member(g, key);
	g_autofree char *at = g_strdup_printf("%s.%s", path, key);
	const char *param;

	if (!s || !config_setting_is_group(s)) {
		add_value(a, s, at);
		return;
	}
	if ((param = law_scale_key(s))) {
		g_autofree char *p = g_strdup_printf("%s.%s", at, param);
		add_value(a, config_setting_get_member(s, param), p);
	}
}

/* An occurrence: its `rate`, or its law `law_key`. */
static void add_occurrence(GPtrArray *a, const config_setting_t *g,
			   const char *path, const char *law_key)
{
	add_law(a, g, path, config_setting_get_member(g, "rate") ? "rate"
								  : law_key);
}

static void find_failures(GPtrArray *a, const config_setting_t *root)
{
	config_setting_t *list = config_setting_get_member(root, "components");

	for (guint c = 0; c < list_length(list); c++) {
		config_setting_t *g = config_setting_get_elem(list, c);
		config_setting_t *modes = config_setting_get_member(g,
								    "failures");
		g_autofree char *cp = element_path("components", g, "id", c);
		g_autofree char *mp = g_strdup_printf("%s.failures", cp);

		for (guint m = 0; m < list_length(modes); m++) {
			config_setting_t *f = config_setting_get_elem(modes, m);
			g_autofree char *p = element_path(mp, f, "name", m);

			add_occurrence(a, f, p, "ttf");
			add_law(a, f, p, "repair");
		}
	}
}

/* Each element of the top-level list list_name, named by its `name`:
 * its occurrence (`every` or a rate) and its duration `law`.  Common
 * causes (hazards spanning components) and threats. */
static void find_events(GPtrArray *a, const config_setting_t *root,
			const char *list_name, const char *law)
{
	config_setting_t *list = config_setting_get_member(root, list_name);

	for (guint k = 0; k < list_length(list); k++) {
		config_setting_t *g = config_setting_get_elem(list, k);
		g_autofree char *p = element_path(list_name, g, "name", k);

		add_occurrence(a, g, p, "every");
		add_law(a, g, p, law);
	}
}

static void find_hazards(GPtrArray *a, const config_setting_t *root)
{
	config_setting_t *list = config_setting_get_member(root, "sites");

	for (guint s = 0; s < list_length(list); s++) {
		config_setting_t *g = config_setting_get_elem(list, s);
		config_setting_t *hz = config_setting_get_member(g, "hazards");
		g_autofree char *sp = element_path("sites", g, "id", s);
		g_autofree char *hp = g_strdup_printf("%s.hazards", sp);

		for (guint h = 0; h < list_length(hz); h++) {
			config_setting_t *e = config_setting_get_elem(hz, h);
			g_autofree char *p = element_path(hp, e, "name", h);

			add_occurrence(a, e, p, "every");
			add_law(a, e, p, "duration");
			add_law(a, e, p, "rebuild");
		}
	}
	/* common causes after the sites' hazards */
	find_events(a, root, "common_causes", "repair");
}

static void find_threats(GPtrArray *a, const config_setting_t *root)
{
	find_events(a, root, "threats", "dwell");
}

/* A crew's people, human steps too: its key person's losses and how
 * long they weigh, then each absence's `duration` (and its `rate`: a
 * fixed `every`, a holiday's calendar, is not a rate to vary).  The
 * `slower` percentage is left out: +50 % of it may pass 100 %. */
static void find_people(GPtrArray *a, const config_setting_t *root)
{
	config_setting_t *list = config_setting_get_member(root, "crews");

	for (guint k = 0; k < list_length(list); k++) {
		config_setting_t *g = config_setting_get_elem(list, k);
		config_setting_t *kp = config_setting_get_member(g,
								 "key_person");
		config_setting_t *abs = config_setting_get_member(g,
								  "absences");
		g_autofree char *cp = element_path("crews", g, "id", k);
		g_autofree char *kpp = g_strdup_printf("%s.key_person", cp);
		g_autofree char *ap = g_strdup_printf("%s.absences", cp);

		if (kp && config_setting_is_group(kp)) {
			add_occurrence(a, kp, kpp, "every");
			add_law(a, kp, kpp, "for");
		}
		for (guint i = 0; i < list_length(abs); i++) {
			config_setting_t *e = config_setting_get_elem(abs, i);
			g_autofree char *p = element_path(ap, e, "name", i);

			if (config_setting_get_member(e, "rate"))
				add_law(a, e, p, "rate");
			add_law(a, e, p, "duration");
		}
	}
}

/* TRUE when strategy group g is a failover. */
static gboolean failover(const config_setting_t *g)
{
	config_setting_t *k = config_setting_get_member(g, "kind");

	return k && config_setting_type(k) == CONFIG_TYPE_STRING &&
	       strcmp(config_setting_get_string(k), "failover") == 0;
}

static void find_plans(GPtrArray *a, const config_setting_t *root)
{
	config_setting_t *list = config_setting_get_member(root, "services");

	for (guint v = 0; v < list_length(list); v++) {
		config_setting_t *g = config_setting_get_elem(list, v);
		config_setting_t *plan = config_setting_get_member(g, "plan");
		config_setting_t *st;
		g_autofree char *vp = element_path("services", g, "id", v);
		g_autofree char *pp = g_strdup_printf("%s.plan", vp);

		if (!plan || !config_setting_is_group(plan))
			continue;
		add_law(a, plan, pp, "decision");
		st = config_setting_get_member(plan, "strategies");
		for (guint i = 0; i < list_length(st); i++) {
			config_setting_t *e = config_setting_get_elem(st, i);
			g_autofree char *p =
				g_strdup_printf("%s.strategies.%u", pp, i);

			if (config_setting_is_group(e) && failover(e))
				add_law(a, e, p, "activation");
		}
	}
	find_people(a, root);
}

/* restore.throughput of copy group g at path. */
static void add_restore(GPtrArray *a, const config_setting_t *g,
			const char *path)
{
	config_setting_t *r = config_setting_get_member(g, "restore");
	g_autofree char *p = g_strdup_printf("%s.restore.throughput", path);

	if (r && config_setting_is_group(r))
		add_value(a, config_setting_get_member(r, "throughput"), p);
}

static void find_restores(GPtrArray *a, const config_setting_t *root)
{
	config_setting_t *list = config_setting_get_member(root, "datasets");

	for (guint d = 0; d < list_length(list); d++) {
		config_setting_t *g = config_setting_get_elem(list, d);
		config_setting_t *copies = config_setting_get_member(g,
								     "copies");
		g_autofree char *dp = element_path("datasets", g, "id", d);
		g_autofree char *cp = g_strdup_printf("%s.copies", dp);

		for (guint c = 0; c < list_length(copies); c++) {
			config_setting_t *e =
				config_setting_get_elem(copies, c);
			config_setting_t *off =
				config_setting_get_member(e, "offsite");
			g_autofree char *p = element_path(cp, e, "id", c);
			g_autofree char *op = g_strdup_printf("%s.offsite", p);

			add_restore(a, e, p);
			if (off && config_setting_is_group(off))
				add_restore(a, off, op);
		}
	}
}

/* The position of element i of kind k in the round-robin over the kinds:
 * the elements before it are the first i of every kind (fewer when a
 * kind has fewer), and the (i+1)-th of the kinds before k. */
static guint turn(GPtrArray *const kinds[N_KINDS], guint k, guint i)
{
	guint n = 0;

	for (guint j = 0; j < N_KINDS; j++)
		n += MIN(kinds[j]->len, i) + (j < k && kinds[j]->len > i);
	return n;
}

gboolean mdl_value_auto_keys(const char *file, const char *const *sets,
			     guint max, GPtrArray **chosen,
			     GPtrArray **left_out, GError **error)
{
	static void (*const find[N_KINDS])(GPtrArray *,
					   const config_setting_t *) = {
		find_failures, find_hazards, find_threats, find_plans,
		find_restores,
	};
	GPtrArray *kinds[N_KINDS];
	config_t cfg;

	g_return_val_if_fail(file && chosen && left_out, FALSE);
	if (!read_tree(file, sets, &cfg, error)) {
		config_destroy(&cfg);
		return FALSE;
	}
	*chosen = g_ptr_array_new_with_free_func(g_free);
	*left_out = g_ptr_array_new_with_free_func(g_free);
	for (guint k = 0; k < N_KINDS; k++) {
		kinds[k] = g_ptr_array_new_with_free_func(g_free);
		find[k](kinds[k], config_root_setting(&cfg));
	}
	for (guint k = 0; k < N_KINDS; k++)
		for (guint i = 0; i < kinds[k]->len; i++)
			g_ptr_array_add(turn(kinds, k, i) < max ? *chosen
								: *left_out,
					g_strdup(kinds[k]->pdata[i]));
	for (guint k = 0; k < N_KINDS; k++)
		g_ptr_array_unref(kinds[k]);
	config_destroy(&cfg);
	return TRUE;
}
