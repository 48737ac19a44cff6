/* cmd_compare.c — `drsim compare A.cfg B.cfg [...]`: plays several
 * scenarios with the same replications and seed and sets their figures
 * side by side, service by service (docs/output.md, "compare"). */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <glib.h>
#include <json-glib/json-glib.h>

#include "models/cli/commands.h"
#include "models/cli/options.h"
#include "models/report/compare_paired.h"
#include "models/report/compare_table.h"
#include "models/report/compare_plots.h"
#include "models/report/compare_text.h"
#include "models/report/outdir.h"
#include "models/results/compare.h"
#include "sim/cli.h"
#include "sim/units.h"

/* The command's state: the options, the plays, their labels and the
 * services matched. */
typedef struct {
	MdlCompareOptions o;
	const char *prog;
	guint n;			/* scenarios */
	MdlComparePlay **plays;		/* [n] */
	char **labels;			/* [n]: file name without .cfg */
	MdlOutdir **outs;		/* [n] with --out, else NULL */
	GPtrArray *common;		/* ids in every scenario (borrowed) */
	GPtrArray *partial;		/* ids missing from some (borrowed) */
	MdlCompareSet set;		/* the above, once matched, for the
					   layers below */
	char **sets, **same;		/* the overrides of the first
					   scenario, of the others */
	char **canon;			/* the canonical options */
	MdlBatch *batch;		/* where the results come from */
	FILE **reps;			/* [n]: each play's figures of each
					   replication (temporary files) */
	MdlComparePairs *pairs;		/* B − A, replication by replication */
	MdlPrecisionOptions prec;	/* --precision ... */
	MdlPrecisionOutcome precision;	/* how a run to it went */
	char *report;			/* --report FILE, or NULL */
	char *command;			/* the command line */
} Compare;

/* Files of DIR that a scenario's subdirectory must not shadow. */
static const char *const dir_files[] = {
	"compare.json", "compare_rto_cdf.dat", "compare_rpo_cdf.dat",
	"compare_availability.dat", "compare_rto_cdf.gp", "compare_rpo_cdf.gp",
	"compare_availability.gp", "compare_cost_year.dat",
	"compare_cost_year.gp",
};

static void compare_clear(Compare *c)
{
	for (guint i = 0; i < c->n; i++) {
		mdl_compare_play_free(c->plays[i]);
		if (c->outs)
			mdl_outdir_free(c->outs[i]);
	}
	g_free(c->plays);
	g_free(c->outs);
	g_strfreev(c->labels);
	g_strfreev(c->sets);
	g_strfreev(c->same);
	g_strfreev(c->canon);
	mdl_batch_free(c->batch);
	for (guint i = 0; c->reps && i < c->n; i++)
		if (c->reps[i])
			fclose(c->reps[i]);
	g_free(c->reps);
	mdl_compare_pairs_free(c->pairs);
	mdl_precision_options_clear(&c->prec);
	g_free(c->report);
	g_free(c->command);
	mdl_precision_outcome_clear(&c->precision);
	if (c->common)
		g_ptr_array_unref(c->common);
	if (c->partial)
		g_ptr_array_unref(c->partial);
	mdl_compare_options_clear(&c->o);
}

/* "scenarios/a.cfg" -> "a": the scenario's column and subdirectory. */
static char *label_of(const char *file)
{
	char *base = g_path_get_basename(file);

	if (g_str_has_suffix(base, ".cfg") && strlen(base) > 4)
		base[strlen(base) - 4] = '\0';
	return base;
}

/* -- loading -------------------------------------------------------------- */

/* Loads file with the overrides; on failure appends the problems to
 * errors and returns NULL. */
static MdlScenario *load_one(const char *file, char **sets, GString *errors)
{
	GError *error = NULL;
	MdlScenario *sc =
		mdl_scenario_load(file, (const char *const *)sets, &error);

	if (!sc) {
		g_string_append_printf(errors, "%s%s", errors->len ? "\n" : "",
				       error->message);
		g_error_free(error);
	}
	return sc;
}

/* Every scenario, the later ones with the first one's replications and
 * seed (which already carry -r and -s).  All are loaded even after a bad
 * one, to report every problem at once.  FALSE with error set. */
static gboolean load_all(Compare *c, GError **error)
{
	char **sets = c->sets = mdl_compare_options_sets(
		&c->o, (const char *const *)c->o.sets, NULL);
	char **same = NULL;
	g_autoptr(GString) errors = g_string_new(NULL);
	MdlScenario *first = load_one(c->o.args[0], sets, errors);

	if (first) {
		char *extra[] = {
			g_strdup_printf("scenario.replications=%"
					G_GUINT64_FORMAT, first->replications),
			g_strdup_printf("scenario.seed=%" G_GUINT64_FORMAT,
					first->seed),
			NULL,
		};
		same = c->same = mdl_compare_options_sets(
			&c->o, (const char *const *)c->o.sets,
			(const char *const *)extra);
		g_free(extra[0]);
		g_free(extra[1]);
		c->plays[0] = mdl_compare_play_new(first);
	}
	for (guint i = 1; i < c->n; i++) {
		MdlScenario *sc = load_one(c->o.args[i], same ? same : sets,
					   errors);
		if (sc)
			c->plays[i] = mdl_compare_play_new(sc);
	}
	if (errors->len == 0)
		return TRUE;
	g_set_error_literal(error, MDL_SCENARIO_ERROR,
			    MDL_SCENARIO_ERROR_INVALID, errors->str);
	return FALSE;
}

static gboolean in_all(const Compare *c, const char *id)
{
	for (guint i = 0; i < c->n; i++)
		if (mdl_scenario_find_service(c->plays[i]->sc, id) < 0)
			return FALSE;
	return TRUE;
}

static gboolean listed(GPtrArray *a, const char *id)
{
	for (guint i = 0; i < a->len; i++)
		if (strcmp(g_ptr_array_index(a, i), id) == 0)
			return TRUE;
	return FALSE;
}

/* The services in every scenario, in the first one's order, and the
 * others in the order they first appear. */
static void match_services(Compare *c)
{
	c->common = g_ptr_array_new();
	c->partial = g_ptr_array_new();
	for (guint i = 0; i < c->n; i++) {
		const MdlScenario *sc = c->plays[i]->sc;
		for (guint k = 0; k < sc->n_services; k++) {
			const char *id = sc->services[k].id;
			GPtrArray *a = in_all(c, id) ? c->common : c->partial;
			if (!listed(a, id))
				g_ptr_array_add(a, (gpointer)id);
		}
	}
	c->set = (MdlCompareSet){ c->n, c->plays, c->labels, c->common,
				  c->partial, NULL };
}

/* With --out, each scenario gets DIR/LABEL: two scenarios of the same
 * file name, or one named like a file of DIR, would collide. */
static gboolean labels_distinct(const Compare *c, GError **error)
{
	for (guint i = 0; i < c->n; i++) {
		for (guint k = 0; k < G_N_ELEMENTS(dir_files); k++)
			if (strcmp(c->labels[i], dir_files[k]) == 0)
				goto clash;
		for (guint j = 0; j < i; j++)
			if (strcmp(c->labels[i], c->labels[j]) == 0)
				goto clash;
		continue;
clash:
		g_set_error(error, MDL_COMPARE_ERROR, MDL_COMPARE_ERROR_USAGE,
			    "--out: '%s' would write into '%s/%s' that "
			    "another output also uses (rename the file)",
			    c->o.args[i], c->o.out, c->labels[i]);
		return FALSE;
	}
	return TRUE;
}

/* -- playing -------------------------------------------------------------- */

/* Opens every file of --out before the first run, so that an unwritable
 * DIR fails at once. */
static gboolean open_outs(Compare *c, GError **error)
{
	if (!mdl_compare_dir_ready(c->o.out, dir_files[0], error))
		return FALSE;
	c->outs = g_new0(MdlOutdir *, c->n);
	for (guint i = 0; i < c->n; i++) {
		g_autofree char *dir =
			g_build_filename(c->o.out, c->labels[i], NULL);
		if (!(c->outs[i] = mdl_outdir_open(dir, error)))
			return FALSE;
	}
	return TRUE;
}

/* The batch of the scenarios (batch.h): local, a shard, a merge or
 * MPI. */
static gboolean batch_new(Compare *c, GError **error)
{
	c->canon = mdl_compare_options_canonical(&c->o);
	c->batch = mdl_batch_new("compare", (const char *const *)c->canon,
				 (unsigned)c->o.threads);
	if (c->o.shard &&
	    !mdl_batch_set_shard(c->batch, c->o.shard_index, c->o.shard_count,
				 c->o.out, error))
		return FALSE;
	for (guint i = 0; i < c->n; i++) {
		MdlComparePlay *p = c->plays[i];
		if (!mdl_batch_add(c->batch, p->sc, p->labels, c->o.args[i],
				   (const char *const *)(i ? c->same : c->sets),
				   MDL_KEEP_REPS |
					   (c->o.out ? MDL_KEEP_ROWS : 0),
				   error))
			return FALSE;
	}
	return TRUE;
}

/* A temporary file, removed when closed, for the figures of each
 * replication of a play. */
static FILE *reps_file(GError **error)
{
	FILE *f = tmpfile();

	if (!f)
		g_set_error(error, MDL_COMPARE_ERROR, MDL_COMPARE_ERROR_WRITE,
			    "cannot make a temporary file: %s",
			    g_strerror(errno));
	return f;
}

/* Every scenario to the precision of --precision, batch by batch, the
 * same replications for all (precision.h). */
static gboolean play_precise(Compare *c, GError **error)
{
	g_autofree MdlPrecisionPlay *plays = g_new0(MdlPrecisionPlay, c->n);
	gboolean ok;

	for (guint i = 0; i < c->n; i++)
		plays[i] = (MdlPrecisionPlay){
			c->plays[i]->sc, c->plays[i]->labels, c->labels[i],
			c->outs ? mdl_outdir_incidents(c->outs[i]) : NULL,
			c->reps[i], NULL, { 0, 0, NULL }
		};
	ok = mdl_precision_play(plays, c->n, (unsigned)c->o.threads,
				&c->prec.goal, &c->precision, error);
	for (guint i = 0; i < c->n; i++) {
		if (ok)
			mdl_compare_play_take(c->plays[i], plays[i].results,
					      &plays[i].info);
		else
			mdl_results_free(plays[i].results);
	}
	return ok;
}

static gboolean play_all(Compare *c, GError **error)
{
	c->reps = g_new0(FILE *, c->n);
	for (guint i = 0; i < c->n; i++)
		if (!(c->reps[i] = reps_file(error)))
			return FALSE;
	if (c->prec.target)
		return play_precise(c, error);
	for (guint i = 0; i < c->n; i++) {
		FILE *rows = c->outs ? mdl_outdir_incidents(c->outs[i]) : NULL;
		MdlRunInfo info;
		MdlResults *r = mdl_batch_results(c->batch, i, rows,
						  c->reps[i], &info, error);
		if (!r) {
			if (!g_error_matches(*error, MDL_SHARD_ERROR,
					     (*error)->code))
				g_prefix_error(error, "%s: ", c->o.args[i]);
			return FALSE;
		}
		mdl_compare_play_take(c->plays[i], r, &info);
	}
	return TRUE;
}

/* -- table ---------------------------------------------------------------- */

static char *report_table(const Compare *c)
{
	MdlCompareTable t = {
		&c->set, c->o.args, c->o.replications >= 0, c->o.seed >= 0,
		c->o.threads, c->prec.target ? &c->precision : NULL,
	};

	return mdl_compare_table(&t);
}

/* -- JSON and CSV --------------------------------------------------------- */

static void json_scenarios(JsonBuilder *b, const Compare *c)
{
	json_builder_set_member_name(b, "scenarios");
	json_builder_begin_array(b);
	for (guint i = 0; i < c->n; i++) {
		const MdlScenario *sc = c->plays[i]->sc;
		json_builder_begin_object(b);
		json_builder_set_member_name(b, "name");
		json_builder_add_string_value(b, sc->name);
		json_builder_set_member_name(b, "file");
		json_builder_add_string_value(b, sc->file);
		json_builder_set_member_name(b, "label");
		json_builder_add_string_value(b, c->labels[i]);
		json_builder_set_member_name(b, "horizon_h");
		json_builder_add_double_value(b, sc->horizon_h);
		json_builder_end_object(b);
	}
	json_builder_end_array(b);
}

static void json_services(JsonBuilder *b, const Compare *c)
{
	json_builder_set_member_name(b, "services");
	json_builder_begin_array(b);
	for (guint k = 0; k < c->common->len; k++) {
		const char *id = g_ptr_array_index(c->common, k);
		json_builder_begin_object(b);
		json_builder_set_member_name(b, "id");
		json_builder_add_string_value(b, id);
		json_builder_set_member_name(b, "by_scenario");
		json_builder_begin_array(b);
		for (guint i = 0; i < c->n; i++) {
			JsonObject *s =
				mdl_compare_play_service(c->plays[i], id);
			JsonNode *n = json_node_alloc();
			json_builder_add_value(b, json_node_init_object(n, s));
		}
		json_builder_end_array(b);
		mdl_compare_json_service_differences(b, &c->set, k);
		json_builder_end_object(b);
	}
	json_builder_end_array(b);
	json_builder_set_member_name(b, "services_not_in_all");
	json_builder_begin_array(b);
	for (guint k = 0; k < c->partial->len; k++)
		json_builder_add_string_value(
			b, g_ptr_array_index(c->partial, k));
	json_builder_end_array(b);
}

/* "costs": each scenario's "cost" object (null without costs), and
 * "cost_crossing_year" with "cost_cheaper_after" (the label of the
 * scenario cheaper from then on), null when there is no crossing or not
 * two scenarios with costs. */
static void json_cost(JsonBuilder *b, const Compare *c)
{
	gboolean b_cheaper = FALSE;
	guint year = mdl_compare_cost_crossing(&c->set, &b_cheaper);

	json_builder_set_member_name(b, "costs");
	json_builder_begin_array(b);
	for (guint i = 0; i < c->n; i++) {
		JsonObject *o = mdl_compare_play_cost(c->plays[i]);
		JsonNode *n = json_node_alloc();
		if (o)
			json_builder_add_value(b, json_node_init_object(n, o));
		else
			json_builder_add_value(b, json_node_init_null(n));
	}
	json_builder_end_array(b);
	json_builder_set_member_name(b, "cost_crossing_year");
	if (year)
		json_builder_add_int_value(b, year);
	else
		json_builder_add_null_value(b);
	json_builder_set_member_name(b, "cost_cheaper_after");
	if (year)
		json_builder_add_string_value(b, c->labels[b_cheaper ? 1 : 0]);
	else
		json_builder_add_null_value(b);
	mdl_compare_json_cost_differences(b, &c->set);
}

static char *report_json(const Compare *c)
{
	g_autoptr(JsonBuilder) b = json_builder_new();
	const MdlScenario *sc = c->plays[0]->sc;

	json_builder_begin_object(b);
	mdl_compare_json_version(b);
	json_scenarios(b, c);
	json_builder_set_member_name(b, "seed");
	json_builder_add_int_value(b, (gint64)sc->seed);
	json_builder_set_member_name(b, "replications");
	json_builder_add_int_value(b,
				   (gint64)c->plays[0]->results->replications);
	json_services(b, c);
	json_cost(b, c);
	mdl_compare_json_run(b, c->plays, c->n);
	json_builder_end_object(b);
	return mdl_compare_json_text(b);
}

/* The run's CSV rows prefixed by the scenario: row k + 1 of a run's CSV
 * is its service k. */
static char *report_csv(const Compare *c)
{
	GString *s = g_string_new("scenario,file,");
	g_auto(GStrv) runs = g_new0(char *, c->n + 1);
	g_autofree GStrv *lines = g_new0(GStrv, c->n);

	for (guint i = 0; i < c->n; i++) {
		MdlComparePlay *p = c->plays[i];
		runs[i] = mdl_report(p->sc, p->results, &p->info,
				     MDL_FORMAT_CSV);
		lines[i] = mdl_compare_csv_lines(runs[i]);
	}
	g_string_append_printf(s, "%s\n", lines[0][0]);
	for (guint k = 0; k < c->common->len; k++) {
		const char *id = g_ptr_array_index(c->common, k);
		for (guint i = 0; i < c->n; i++) {
			gint row =
				mdl_scenario_find_service(c->plays[i]->sc, id);
			mdl_compare_csv_text(s, c->labels[i]);
			g_string_append_c(s, ',');
			mdl_compare_csv_text(s, c->o.args[i]);
			g_string_append_printf(s, ",%s\n", lines[i][row + 1]);
		}
	}
	for (guint i = 0; i < c->n; i++)
		g_strfreev(lines[i]);
	return g_string_free(s, FALSE);
}

/* -- files of --out ------------------------------------------------------- */

/* The scenarios' subdirectories, then the charts' data, then
 * compare.json last, all or nothing (fileset.h): a DIR holding
 * compare.json is complete. */
static gboolean write_out(const Compare *c, const char *json,
			  GError **error)
{
	g_autoptr(MdlFileSet) set = mdl_fileset_new();

	for (guint i = 0; i < c->n; i++) {
		g_autofree char *summary =
			mdl_report_json_text(c->plays[i]->root);
		if (!mdl_outdir_finish_into(c->outs[i], summary, set, error))
			return FALSE;
	}
	return mdl_compare_plots_write(&c->set, c->o.out, set, error) &&
	       mdl_fileset_write(set, c->o.out, "compare.json", json,
				 error) &&
	       mdl_fileset_commit(set, error);
}

/* -- the command ---------------------------------------------------------- */

/* --report: the decision report (report_cli.c). */
static int write_report(const Compare *c)
{
	g_autofree char *const **sets = g_new0(char *const *, c->n);

	for (guint i = 0; i < c->n; i++)
		sets[i] = i ? c->same : c->sets;
	MdlReportJob job = {
		c->prog, c->report, c->command, &c->set,
		(char *const *const *)sets, c->o.horizon,
		(unsigned)c->o.threads,
		c->prec.target ? &c->precision : NULL,
	};
	return mdl_cli_write_report(&job);
}

/* Prints the report and writes the files; the exit code. */
static int report(const Compare *c)
{
	g_autofree char *json = report_json(c);
	g_autofree char *text = NULL;
	GError *error = NULL;

	if (c->o.format == MDL_FORMAT_TABLE)
		text = report_table(c);
	else if (c->o.format == MDL_FORMAT_CSV)
		text = report_csv(c);
	fputs(text ? text : json, stdout);
	if (c->o.out && !write_out(c, json, &error)) {
		fprintf(stderr, "%s: %s\n", c->prog, error->message);
		g_error_free(error);
		return SIM_EXIT_FAILED;
	}
	if (c->o.plot && !mdl_compare_plots_render(&c->set, c->prog, c->o.out, &error)) {
		fprintf(stderr, "%s: %s\n", c->prog, error->message);
		g_error_free(error);
		return SIM_EXIT_FAILED;
	}
	return c->report ? write_report(c) : SIM_EXIT_OK;
}

/* --precision's options, then --report. */
static GOptionEntry *extra_entries(Compare *c)
{
	g_autofree GOptionEntry *prec = mdl_precision_options_entries(&c->prec);
	const GOptionEntry report[] = {
		{ "report", 0, 0, G_OPTION_ARG_FILENAME, &c->report,
		  "Also write the decision report, one self-contained HTML "
		  "file (docs/output.md, \"The report\")", "FILE" },
		{ NULL, 0, 0, 0, NULL, NULL, NULL },
	};
	guint n = 0;

	while (prec[n].long_name)
		n++;
	GOptionEntry *all = g_new0(GOptionEntry, n + G_N_ELEMENTS(report));
	memcpy(all, prec, n * sizeof *all);
	memcpy(all + n, report, sizeof report);
	return all;
}

static gboolean parse(Compare *c, int argc, char **argv, GError **error)
{
	g_autofree GOptionEntry *prec = extra_entries(c);

	if (!mdl_compare_options_parse_with(
		    &c->o, argc, argv, "SCENARIO SCENARIO...",
		    "Plays every scenario with the same replications and seed "
		    "(the first\nscenario's unless -r or -s is given) and sets "
		    "their figures side by side,\nservice by service "
		    "(docs/output.md).  --set applies to every scenario.\n"
		    "With --out DIR, also writes DIR/compare.json, the charts' "
		    "data and, per\nscenario, DIR/NAME/summary.json and "
		    "incidents.csv.",
		    prec, error) ||
	    !mdl_precision_options_check(&c->prec, c->o.shard != NULL, error))
		return FALSE;
	if (!c->o.args || !c->o.args[0] || !c->o.args[1]) {
		g_set_error(error, MDL_COMPARE_ERROR, MDL_COMPARE_ERROR_USAGE,
			    "expected two scenario files or more (see --help)");
		return FALSE;
	}
	c->n = g_strv_length(c->o.args);
	c->plays = g_new0(MdlComparePlay *, c->n);
	c->labels = g_new0(char *, c->n + 1);
	for (guint i = 0; i < c->n; i++)
		c->labels[i] = label_of(c->o.args[i]);
	return TRUE;
}

/* Every step up to the report; the exit code, with error set on failure
 * (the report's own failures are printed by report()). */
static int compare(Compare *c, int argc, char **argv, GError **error)
{
	if (!parse(c, argc, argv, error) || !load_all(c, error) ||
	    (c->o.out && !labels_distinct(c, error)))
		return SIM_EXIT_USAGE;
	if (!batch_new(c, error))
		return mdl_batch_exit_code(*error);
	if (mdl_batch_reports(c->batch) && c->o.out && !open_outs(c, error))
		return SIM_EXIT_FAILED;
	if (!mdl_batch_start(c->batch, error))
		return mdl_batch_exit_code(*error);
	if (!mdl_batch_reports(c->batch)) {
		if (mdl_batch_note(c->batch))
			printf("%s\n", mdl_batch_note(c->batch));
		return SIM_EXIT_OK;
	}
	if (!play_all(c, error)) {
		mdl_cli_interrupted(c->prog, error);
		return mdl_batch_exit_code(*error);
	}
	match_services(c);
	if (!(c->pairs = mdl_compare_pairs_new(&c->set, c->reps, error)))
		return SIM_EXIT_FAILED;
	c->set.pairs = c->pairs;
	return report(c);
}

int mdl_cmd_compare(int argc, char **argv)
{
	Compare c = { .o = MDL_COMPARE_OPTIONS_INIT, .prog = argv[0],
		       .prec = MDL_PRECISION_OPTIONS_INIT };
	GError *error = NULL;
	c.command = mdl_cli_command_line(argc, argv);
	int code = compare(&c, argc, argv, &error);

	/* the loader's and the run's messages name their file already */
	if (error && (error->domain == MDL_COMPARE_ERROR ||
		      error->domain == G_OPTION_ERROR ||
		      error->domain == MDL_SHARD_ERROR ||
		      error->domain == MDL_OUTDIR_ERROR))
		fprintf(stderr, "%s: %s\n", c.prog, error->message);
	else if (error)
		fprintf(stderr, "%s\n", error->message);
	g_clear_error(&error);
	compare_clear(&c);
	return code;
}
