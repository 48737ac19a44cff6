/* cmd_merge.c — `drsim merge DIR|FILE... --out OUT`: the shards of one
 * command joined into exactly what one process would have written
 * (docs/scale-out.md).
 *
 * The shards say which command they are of and its options (shard.h);
 * merge checks that every shard of that command is there once, then runs
 * the command again with those options and --out OUT, its results merged
 * from the shards instead of played (batch.h).  So the outputs are the
 * command's own, through its own code: nothing to keep in step. */
#include <stdio.h>
#include <string.h>
#include <glib.h>

#include "models/cli/commands.h"
#include "models/cli/options.h"
#include "models/results/batch.h"
#include "models/results/shard.h"
#include "sim/cli.h"

typedef struct {
	char *out;
	gboolean quiet;
	gint threads;		/* 0: the shards' */
	char **args;
} MergeOptions;

static void merge_options_clear(MergeOptions *o)
{
	g_free(o->out);
	g_strfreev(o->args);
}

static gboolean parse_options(int argc, char **argv, MergeOptions *o,
			      GError **error)
{
	GOptionEntry entries[] = {
		{ "out", 'o', 0, G_OPTION_ARG_FILENAME, &o->out,
		  "Write the merged outputs into DIR (required)", "DIR" },
		{ "threads", 'j', 0, G_OPTION_ARG_INT, &o->threads,
		  "Worker threads, for what merge plays itself (the "
		  "timeline of --trace-replication; default: as many as "
		  "the shards were played on)", "N" },
		{ "quiet", 'q', 0, G_OPTION_ARG_NONE, &o->quiet,
		  "No progress line on stderr", NULL },
		{ G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY,
		  &o->args, NULL, NULL },
		{ NULL, 0, 0, 0, NULL, NULL, NULL },
	};
	g_autoptr(GOptionContext) ctx = g_option_context_new("DIR|FILE...");

	g_option_context_set_summary(
		ctx,
		"Merges the shards of a `drsim run|compare|sweep ... --shard "
		"I/K --out DIR`\n(the shard-I-of-K.drsim files of each DIR, or "
		"the FILEs) in chunk order and\nwrites into OUT, and on "
		"stdout, exactly what the command would have written\nplayed "
		"in one process.  Every shard must be there once; merge names "
		"those\nmissing (docs/scale-out.md).");
	g_option_context_add_main_entries(ctx, entries, NULL);
	if (!g_option_context_parse(ctx, &argc, &argv, error))
		return FALSE;
	if (!o->args || !o->args[0]) {
		g_set_error_literal(error, G_OPTION_ERROR,
				    G_OPTION_ERROR_BAD_VALUE,
				    "expected shard directories or files (see "
				    "--help)");
		return FALSE;
	}
	if (!o->out || !*o->out) {
		g_set_error_literal(error, G_OPTION_ERROR,
				    G_OPTION_ERROR_BAD_VALUE,
				    "merge needs --out DIR (the merged outputs "
				    "go there)");
		return FALSE;
	}
	if (o->threads < 0) {
		g_set_error(error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
			    "--threads must be >= 1, or 0 for the shards' (got "
			    "%d)", o->threads);
		return FALSE;
	}
	return mdl_cli_check_bounds(0, o->threads, G_OPTION_ERROR,
				    G_OPTION_ERROR_BAD_VALUE, error);
}

/* Whether name is a shard file's: "shard-I-of-K.drsim". */
static gboolean is_shard_name(const char *name)
{
	return g_str_has_prefix(name, "shard-") &&
	       g_str_has_suffix(name, ".drsim") && strstr(name, "-of-");
}

static gint by_name(gconstpointer a, gconstpointer b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The shard files of each argument (a directory's, sorted by name, or the
 * file itself) into files.  FALSE with error set when an argument holds
 * none. */
static gboolean list_files(char **args, GPtrArray *files, GError **error)
{
	for (char **a = args; *a; a++) {
		if (!g_file_test(*a, G_FILE_TEST_IS_DIR)) {
			g_ptr_array_add(files, g_strdup(*a));
			continue;
		}
		g_autoptr(GDir) dir = g_dir_open(*a, 0, error);
		g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func(g_free);
		const char *name;
		if (!dir)
			return FALSE;
		while ((name = g_dir_read_name(dir)))
			if (is_shard_name(name))
				g_ptr_array_add(names, g_build_filename(*a, name,
									NULL));
		if (names->len == 0) {
			g_set_error(error, MDL_SHARD_ERROR,
				    MDL_SHARD_ERROR_MISSING,
				    "%s: holds no shard file "
				    "(shard-I-of-K.drsim)", *a);
			return FALSE;
		}
		g_ptr_array_sort(names, by_name);
		for (guint i = 0; i < names->len; i++)
			g_ptr_array_add(files, g_strdup(names->pdata[i]));
	}
	return TRUE;
}

/* The missing indices of order[count] as a Slurm array ("3,5-6"), and
 * the first few of their files. */
static char *missing_text(const char **order, guint32 count)
{
	GString *ranges = g_string_new(NULL), *files = g_string_new(NULL);
	guint shown = 0, missing = 0;

	for (guint32 k = 0; k < count; k++) {
		if (order[k])
			continue;
		guint32 last = k;
		while (last + 1 < count && !order[last + 1])
			last++;
		g_string_append_printf(ranges, "%s%u", ranges->len ? "," : "",
				       k);
		if (last > k)
			g_string_append_printf(ranges, "-%u", last);
		for (guint32 i = k; i <= last && shown < 3; i++, shown++)
			g_string_append_printf(files, "%sshard-%u-of-%u.drsim",
					       files->len ? ", " : "", i, count);
		missing += last - k + 1;
		k = last;
	}
	if (missing > shown)
		g_string_append(files, ", ...");
	if (!ranges->len) {
		g_string_free(files, TRUE);
		return g_string_free(ranges, FALSE);
	}
	g_string_append_printf(ranges, " of %u (%s)", count, files->str);
	g_string_free(files, TRUE);
	return g_string_free(ranges, FALSE);
}

/* Reads every file's head: all of one command, each index once, none
 * missing.  The files by index in *order ([head->count], borrowed from
 * files) and shard 0's head in *head. */
static gboolean check_set(GPtrArray *files, const char ***order,
			  MdlShardHead *head, GError **error)
{
	for (guint i = 0; i < files->len; i++) {
		const char *path = files->pdata[i];
		g_autofree char *why = NULL;
		g_autoptr(MdlShardReader) r = mdl_shard_reader_file(path,
								    error);
		if (!r)
			return FALSE;
		const MdlShardHead *h = mdl_shard_reader_head(r);
		if (i == 0) {
			*order = g_new0(const char *, h->count);
			*head = *h;
			head->drsim = g_strdup(h->drsim);
			head->command = g_strdup(h->command);
			head->args = g_strdupv(h->args);
			head->plays = g_new0(MdlShardPlay, h->n_plays);
			for (guint j = 0; j < h->n_plays; j++) {
				head->plays[j] = h->plays[j];
				head->plays[j].file = g_strdup(h->plays[j].file);
				head->plays[j].identity =
					g_strdup(h->plays[j].identity);
			}
		} else if ((why = mdl_shard_head_difference(h, head))) {
			g_set_error(error, MDL_SHARD_ERROR,
				    MDL_SHARD_ERROR_MISMATCH,
				    "%s: not a shard of the same command as %s: "
				    "%s", path, (const char *)files->pdata[0],
				    why);
			return FALSE;
		}
		if ((*order)[h->index]) {
			g_set_error(error, MDL_SHARD_ERROR,
				    MDL_SHARD_ERROR_MISSING,
				    "shard %u of %u is there twice: %s and %s",
				    h->index, h->count, (*order)[h->index],
				    path);
			return FALSE;
		}
		(*order)[h->index] = path;
		if (h->index == 0)	/* the threads a merge reports */
			head->threads = h->threads;
	}
	g_autofree char *missing = missing_text(*order, head->count);
	if (*missing) {
		g_set_error(error, MDL_SHARD_ERROR, MDL_SHARD_ERROR_MISSING,
			    "shards missing: %s; play them (a Slurm job "
			    "array: --array=<those>), then merge again",
			    missing);
		return FALSE;
	}
	return TRUE;
}

/* The command the shards are of, from the table. */
static const SimCommand *find_command(const char *name)
{
	for (const SimCommand *c = mdl_commands; c->name; c++)
		if (strcmp(c->name, name) == 0 && mdl_command_spreads(name))
			return c;
	return NULL;
}

/* Runs the command of head again on its options, --out o->out, merging
 * from the shards order. */
static int replay(const MdlShardHead *head, const char **order,
		  const MergeOptions *o)
{
	const SimCommand *cmd = find_command(head->command);
	g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func(g_free);
	g_autofree char *threads = g_strdup_printf(
		"--threads=%u", o->threads ? (guint)o->threads : head->threads);

	if (!cmd) {
		fprintf(stderr, "drsim merge: shards of an unknown command "
			"'%s'\n", head->command);
		return SIM_EXIT_USAGE;
	}
	/* the command's messages are merge's */
	g_ptr_array_add(argv, g_strdup("drsim merge"));
	for (char **a = head->args; *a; a++)
		g_ptr_array_add(argv, g_strdup(*a));
	g_ptr_array_add(argv, g_strdup("--out"));
	g_ptr_array_add(argv, g_strdup(o->out));
	g_ptr_array_add(argv, g_strdup(threads));
	if (o->quiet)
		g_ptr_array_add(argv, g_strdup("--quiet"));
	g_ptr_array_add(argv, NULL);
	mdl_batch_merge_from(order, head->count);
	/* the command's option parser moves and drops pointers of the
	 * array it is given: it gets a copy, argv keeps the strings */
	g_autofree char **copy = g_memdup2(argv->pdata,
					   argv->len * sizeof(char *));
	int code = cmd->main((int)argv->len - 1, copy);
	mdl_batch_merge_from(NULL, 0);
	return code;
}

int mdl_cmd_merge(int argc, char **argv)
{
	MergeOptions o = { 0 };
	g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func(g_free);
	g_autofree const char **order = NULL;
	MdlShardHead head = { 0 };
	GError *error = NULL;
	int code;

	if (!parse_options(argc, argv, &o, &error)) {
		code = SIM_EXIT_USAGE;
	} else if (!list_files(o.args, files, &error) ||
		   !check_set(files, &order, &head, &error)) {
		code = SIM_EXIT_USAGE;	/* the shards are the input */
	} else {
		code = replay(&head, order, &o);
	}
	if (error)
		fprintf(stderr, "%s: %s\n", argv[0], error->message);
	g_clear_error(&error);
	mdl_shard_head_clear(&head);
	merge_options_clear(&o);
	return code;
}
