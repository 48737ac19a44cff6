/* compare_paired.c — paired differences in compare's JSON
 * (compare_paired.h). */
#include "models/report/compare_paired.h"

#include <math.h>
#include <string.h>

static void add_number(JsonBuilder *b, double x)
{
	if (isfinite(x))
		json_builder_add_double_value(b, x);
	else
		json_builder_add_null_value(b);
}

const char *mdl_compare_paired_better(const MdlCompareSet *c, guint j,
				      const MdlPaired *p, int better)
{
	const char *v = mdl_paired_verdict(p, better);

	if (!*v)
		return NULL;
	if (strcmp(v, "=") == 0)
		return v;
	return c->labels[strcmp(v, "B") == 0 ? j : 0];
}

/* "NAME": { "diff", "ci95", "better" } */
static void add_paired(JsonBuilder *b, const MdlCompareSet *c, guint j,
		       const char *name, const MdlPaired *p, int better)
{
	const char *who = mdl_compare_paired_better(c, j, p, better);

	json_builder_set_member_name(b, name);
	json_builder_begin_object(b);
	json_builder_set_member_name(b, "diff");
	add_number(b, p->diff);
	json_builder_set_member_name(b, "ci95");
	json_builder_begin_array(b);
	add_number(b, p->lo);
	add_number(b, p->hi);
	json_builder_end_array(b);
	json_builder_set_member_name(b, "better");
	if (who)
		json_builder_add_string_value(b, who);
	else
		json_builder_add_null_value(b);
	json_builder_end_object(b);
}

/* Opens the entry of scenario j: its label and the first's. */
static void begin_entry(JsonBuilder *b, const MdlCompareSet *c, guint j)
{
	json_builder_begin_object(b);
	json_builder_set_member_name(b, "scenario");
	json_builder_add_string_value(b, c->labels[j]);
	json_builder_set_member_name(b, "minus");
	json_builder_add_string_value(b, c->labels[0]);
}

void mdl_compare_json_service_differences(JsonBuilder *b,
					  const MdlCompareSet *c, guint k)
{
	if (!c->pairs)
		return;
	json_builder_set_member_name(b, "differences");
	json_builder_begin_array(b);
	for (guint j = 1; j < c->n; j++) {
		begin_entry(b, c, j);
		for (guint f = 0; f < MDL_PAIRED_N_SERVICE; f++) {
			if (!mdl_compare_paired_exists(c, j, k, f))
				continue;	/* an MTPD on one side only */
			add_paired(b, c, j, mdl_paired_name(f),
				   mdl_compare_pairs_service(c->pairs, j, k, f),
				   mdl_paired_better(f));
		}
		json_builder_end_object(b);
	}
	json_builder_end_array(b);
}

void mdl_compare_json_cost_differences(JsonBuilder *b,
				       const MdlCompareSet *c)
{
	if (!c->pairs)
		return;
	json_builder_set_member_name(b, "cost_differences");
	if (c->n < 2 || !mdl_compare_pairs_cost(c->pairs, 1, 0)) {
		json_builder_add_null_value(b);
		return;
	}
	json_builder_begin_array(b);
	for (guint j = 1; j < c->n; j++) {
		begin_entry(b, c, j);
		for (guint f = 0; f < MDL_PAIRED_N_COST; f++)
			add_paired(b, c, j, mdl_paired_cost_name(f),
				   mdl_compare_pairs_cost(c->pairs, j, f), -1);
		json_builder_end_object(b);
	}
	json_builder_end_array(b);
}
