/* sensitivity.c — one-at-a-time sensitivity (sensitivity.h): the plays
 * of a base and of each parameter's low and high points, and the
 * tornado of a figure, read back from the plays' JSON trees. */
#include "models/results/sensitivity.h"

#include <math.h>
#include <stdlib.h>

MdlSensitivity *mdl_sensitivity_new(MdlComparePlay *base)
{
	g_return_val_if_fail(base, NULL);

	MdlSensitivity *s = g_new0(MdlSensitivity, 1);
	s->base = base;
	s->params = g_array_new(FALSE, TRUE, sizeof(MdlSensParameter));
	return s;
}

void mdl_sensitivity_add(MdlSensitivity *s, const char *key,
			 const char *base,
			 const char *const change[MDL_SENS_POINTS],
			 const char *const value[MDL_SENS_POINTS],
			 MdlComparePlay *low, MdlComparePlay *high)
{
	MdlSensParameter p = { g_strdup(key), g_strdup(base), { NULL },
			       { NULL }, { low, high } };

	g_return_if_fail(s && key && base && low && high);
	for (guint i = 0; i < MDL_SENS_POINTS; i++) {
		p.change[i] = g_strdup(change[i]);
		p.value[i] = g_strdup(value[i]);
	}
	g_array_append_val(s->params, p);
}

guint mdl_sensitivity_n(const MdlSensitivity *s)
{
	g_return_val_if_fail(s, 0);
	return s->params->len;
}

const MdlSensParameter *mdl_sensitivity_param(const MdlSensitivity *s,
					      guint i)
{
	g_return_val_if_fail(s && i < s->params->len, NULL);
	return &g_array_index(s->params, MdlSensParameter, i);
}

MdlComparePlay **mdl_sensitivity_plays(const MdlSensitivity *s, guint *n)
{
	g_return_val_if_fail(s && n, NULL);

	MdlComparePlay **plays = g_new(MdlComparePlay *,
				       1 + MDL_SENS_POINTS * s->params->len);
	*n = 0;
	plays[(*n)++] = s->base;
	for (guint i = 0; i < s->params->len; i++)
		for (guint j = 0; j < MDL_SENS_POINTS; j++)
			plays[(*n)++] = mdl_sensitivity_param(s, i)->play[j];
	return plays;
}

gboolean mdl_sensitivity_play(MdlSensitivity *s, unsigned threads,
			      GError **error)
{
	g_return_val_if_fail(s, FALSE);
	guint n;
	g_autofree MdlComparePlay **plays = mdl_sensitivity_plays(s, &n);

	for (guint i = 0; i < n; i++) {
		const MdlSensParameter *p;
		guint j = (i + 1) % MDL_SENS_POINTS;
		if (mdl_compare_play_run(plays[i], threads, NULL, error))
			continue;
		if (i == 0) {
			g_prefix_error(error, "the base run: ");
			return FALSE;
		}
		/* plays 1, 2 are parameter 0's low and high, and so on: an
		 * index below params->len, read directly */
		p = &g_array_index(s->params, MdlSensParameter,
				   (i - 1) / MDL_SENS_POINTS);
		g_prefix_error(error, "'%s' at its %s value %s: ", p->key,
			       j == MDL_SENS_LOW ? "low" : "high", p->value[j]);
		return FALSE;
	}
	return TRUE;
}

void mdl_sensitivity_free(MdlSensitivity *s)
{
	if (!s)
		return;
	for (guint i = 0; i < s->params->len; i++) {
		MdlSensParameter *p =
			&g_array_index(s->params, MdlSensParameter, i);
		g_free(p->key);
		g_free(p->base);
		for (guint j = 0; j < MDL_SENS_POINTS; j++) {
			g_free(p->change[j]);
			g_free(p->value[j]);
			mdl_compare_play_free(p->play[j]);
		}
	}
	g_array_free(s->params, TRUE);
	if (s->left_out)
		g_ptr_array_unref(s->left_out);
	mdl_compare_play_free(s->base);
	g_free(s);
}

/* -- tornadoes ---------------------------------------------------------- */

/* Largest swing first, NAN last, ties by parameter. */
static int by_swing(const void *a, const void *b)
{
	const MdlTornadoBar *x = a, *y = b;
	gboolean nx = isnan(x->swing), ny = isnan(y->swing);

	if (nx != ny)
		return nx ? 1 : -1;
	if (!nx && x->swing != y->swing)
		return x->swing > y->swing ? -1 : 1;
	return x->param < y->param ? -1 : x->param > y->param;
}

/* A figure of a play, with a closure: the service's id, or nothing. */
typedef double (*Figure)(const MdlComparePlay *p, const char *id);

static double breach_of(const MdlComparePlay *p, const char *id)
{
	JsonObject *sv = mdl_compare_play_service(p, id);

	return sv ? mdl_figure_value(MDL_FIGURE_BREACH, sv) : NAN;
}

static double cost_of(const MdlComparePlay *p, const char *id)
{
	(void)id;
	return mdl_compare_play_cost_number(p, "total", "mean");
}

static MdlTornado *tornado_new(const MdlSensitivity *s, Figure f,
			       const char *id)
{
	MdlTornado *t = g_new0(MdlTornado, 1);

	t->base = f(s->base, id);
	t->lo = t->hi = NAN;
	t->n = s->params->len;
	t->bars = g_new0(MdlTornadoBar, t->n);
	for (guint i = 0; i < t->n; i++) {
		const MdlSensParameter *p = mdl_sensitivity_param(s, i);
		MdlTornadoBar *b = &t->bars[i];
		b->param = i;
		b->low = f(p->play[MDL_SENS_LOW], id);
		b->high = f(p->play[MDL_SENS_HIGH], id);
		b->swing = fabs(b->high - b->low);
	}
	qsort(t->bars, t->n, sizeof *t->bars, by_swing);
	return t;
}

MdlTornado *mdl_sensitivity_breach(const MdlSensitivity *s,
				   const char *service)
{
	g_return_val_if_fail(s && s->base->root && service, NULL);

	MdlTornado *t = tornado_new(s, breach_of, service);
	JsonObject *sv = mdl_compare_play_service(s->base, service);
	if (sv)
		mdl_figure_ci(MDL_FIGURE_BREACH, sv, &t->lo, &t->hi);
	return t;
}

/* Element i of the cost's total.ci95, NAN when missing or null. */
static double cost_ci(const MdlComparePlay *p, guint i)
{
	JsonObject *total = json_object_get_object_member(
		mdl_compare_play_cost(p), "total");
	JsonNode *n = total ? json_object_get_member(total, "ci95") : NULL;
	JsonArray *a = n && JSON_NODE_HOLDS_ARRAY(n) ? json_node_get_array(n)
						     : NULL;
	JsonNode *x = a && json_array_get_length(a) == 2
			      ? json_array_get_element(a, i)
			      : NULL;

	return x && JSON_NODE_HOLDS_VALUE(x) ? json_node_get_double(x) : NAN;
}

MdlTornado *mdl_sensitivity_cost(const MdlSensitivity *s)
{
	g_return_val_if_fail(s && s->base->root, NULL);
	if (!mdl_compare_play_cost(s->base))
		return NULL;

	MdlTornado *t = tornado_new(s, cost_of, NULL);
	t->lo = cost_ci(s->base, 0);
	t->hi = cost_ci(s->base, 1);
	return t;
}

void mdl_tornado_free(MdlTornado *t)
{
	if (!t)
		return;
	g_free(t->bars);
	g_free(t);
}
