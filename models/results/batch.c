/* batch.c — a command's results played here, as a shard, merged from
 * shards or over MPI ranks (batch.h). */
#include "models/results/batch.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gstdio.h>

#include "sim/cli.h"
#include "sim/mpi.h"
#include "sim/runner.h"

typedef enum { LOCAL, SHARD, MERGE, MPI } Mode;

typedef struct {
	const MdlScenario *sc;
	const MdlLabels *labels;
} Play;

struct MdlBatch {
	Mode mode;
	char *command;
	const char *const *args;
	unsigned threads;
	GArray *plays;		/* Play */
	MdlShardHead head;	/* of this process's shard (shard, MPI) */
	guint32 index, count;	/* shard I of K */
	char *dir;		/* shard mode */
	char *note;
	/* merge and MPI rank 0: the shards read in order */
	const char *const *paths;	/* merge: [count] */
	/* MPI rank 0: the results of its own shard's units [0, own->len),
	 * kept as they are (serialising them to read them back would only
	 * cost time); each taken (NULL) once merged */
	GPtrArray *own;
	MdlShardReader *reader;	/* the shard being read, or NULL */
	guint32 next;		/* the index of the next shard to open */
	guint32 shard_threads;	/* shard 0 was played on */
	gboolean started;
};

/* drsim merge's shards, for the next batches. */
static const char *const *merge_paths;
static guint merge_n;

void mdl_batch_merge_from(const char *const *paths, guint n)
{
	merge_paths = paths;
	merge_n = paths ? n : 0;
}

/* "auto" or "auto/K": I from SLURM_ARRAY_TASK_ID, K given or from
 * SLURM_ARRAY_TASK_COUNT, as "I/K" (yours to g_free()); NULL with error
 * set when Slurm's variables are missing. */
static char *shard_from_slurm(const char *text, GError **error)
{
	const char *id = g_getenv("SLURM_ARRAY_TASK_ID");
	const char *k = text[4] == '/' ? text + 5
					: g_getenv("SLURM_ARRAY_TASK_COUNT");

	if (!id || !k) {
		g_set_error(error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
			    "--shard %s needs SLURM_ARRAY_TASK_ID%s (a Slurm "
			    "job array, --array=0-K-1; docs/scale-out.md)",
			    text, k ? "" : " and SLURM_ARRAY_TASK_COUNT");
		return NULL;
	}
	return g_strdup_printf("%s/%s", id, k);
}

gboolean mdl_batch_parse_shard(const char *text, guint32 *index,
			       guint32 *count, GError **error)
{
	g_autofree char *from_env = NULL;
	guint64 i, k = 0;
	char *end;

	if (strcmp(text, "auto") == 0 || g_str_has_prefix(text, "auto/")) {
		if (!(from_env = shard_from_slurm(text, error)))
			return FALSE;
		text = from_env;
	}
	i = g_ascii_strtoull(text, &end, 10);
	gboolean ok = end != text && *end == '/' && g_ascii_isdigit(text[0]);
	if (ok) {
		const char *k_text = end + 1;
		k = g_ascii_strtoull(k_text, &end, 10);
		ok = end != k_text && !*end && g_ascii_isdigit(k_text[0]) &&
		     k >= 1 && k <= G_MAXUINT32 && i < k;
	}
	if (!ok) {
		g_set_error(error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
			    "--shard must be I/K with 0 <= I < K, auto or "
			    "auto/K (got '%s'%s)",
			    text, from_env ? " from Slurm's variables" : "");
		return FALSE;
	}
	*index = (guint32)i;
	*count = (guint32)k;
	return TRUE;
}

MdlBatch *mdl_batch_new(const char *command, const char *const *args,
			unsigned threads)
{
	MdlBatch *b = g_new0(MdlBatch, 1);

	b->command = g_strdup(command);
	b->args = args;
	b->threads = MAX(threads, 1u);
	b->plays = g_array_new(FALSE, FALSE, sizeof(Play));
	b->mode = LOCAL;
	if (merge_paths) {
		b->mode = MERGE;
		b->paths = merge_paths;
		b->count = merge_n;
	} else if (sim_mpi_size() > 1) {
		b->mode = MPI;
		b->index = (guint32)sim_mpi_rank();
		b->count = (guint32)sim_mpi_size();
	}
	return b;
}

gboolean mdl_batch_set_shard(MdlBatch *b, guint32 index, guint32 count,
			     const char *dir, GError **error)
{
	g_return_val_if_fail(b->mode != SHARD && index < count && dir, FALSE);
	if (b->mode != LOCAL) {
		g_set_error_literal(error, G_OPTION_ERROR,
				    G_OPTION_ERROR_BAD_VALUE,
				    "--shard cannot be given under mpirun: "
				    "the ranks share the replications already "
				    "(docs/scale-out.md)");
		return FALSE;
	}
	b->mode = SHARD;
	b->index = index;
	b->count = count;
	b->dir = g_strdup(dir);
	return TRUE;
}

/* -- the head of this command ---------------------------------------------- */

gboolean mdl_batch_add(MdlBatch *b, const MdlScenario *sc,
		       const MdlLabels *labels, const char *file,
		       const char *const *sets, MdlKeep keep,
		       GError **error)
{
	Play p = { sc, labels };
	MdlShardPlay sp = { 0 };

	g_return_val_if_fail(!b->started, FALSE);
	g_array_append_val(b->plays, p);
	if (b->mode == LOCAL)
		return TRUE;
	sp.identity = mdl_shard_identity(sc, sets, error);
	if (!sp.identity) {
		g_prefix_error(error, "%s: ", file);
		return FALSE;
	}
	sp.file = g_strdup(file);
	sp.seed = sc->seed;
	sp.replications = sc->replications;
	sp.keep = keep;
	b->head.plays = g_renew(MdlShardPlay, b->head.plays,
				b->head.n_plays + 1);
	b->head.plays[b->head.n_plays++] = sp;
	return TRUE;
}

/* The head of shard index of count of this command. */
static void fill_head(MdlBatch *b)
{
	MdlShardHead *h = &b->head;

	h->drsim = g_strdup(DRSIM_VERSION);
	h->command = g_strdup(b->command);
	h->args = g_strdupv((char **)b->args);
	if (!h->args)
		h->args = g_new0(char *, 1);
	h->index = b->index;
	h->count = b->count;
	h->threads = b->threads;
	mdl_shard_range(mdl_shard_n_units(h->plays, h->n_plays), h->index,
			h->count, &h->first, &h->end);
}

/* -- playing a shard ------------------------------------------------------- */

typedef struct {
	MdlShardWriter *w;	/* the chunks go there, */
	GPtrArray *own;		/* or are kept there */
	guint32 play;
	GError *error;		/* the first failure to write */
} Take;

static void take_chunk(gpointer acc, uint64_t c, gpointer data)
{
	Take *t = data;

	if (t->own) {
		g_ptr_array_add(t->own, acc);
		return;
	}
	if (!t->error)
		mdl_shard_writer_chunk(t->w, t->play, c, acc, &t->error);
	mdl_results_free(acc);
}

/* Plays this process's units of every play into w, then closes it; or,
 * w NULL, keeps their results in own, in unit order. */
static gboolean play_units(MdlBatch *b, MdlShardWriter *w, GPtrArray *own,
			   GError **error)
{
	guint64 u0 = 0;

	for (guint j = 0; j < b->plays->len; j++) {
		const Play *p = &g_array_index(b->plays, Play, j);
		guint64 n = sim_runner_n_chunks(p->sc->replications);
		guint64 c0 = CLAMP(b->head.first, u0, u0 + n) - u0;
		guint64 c1 = CLAMP(b->head.end, u0, u0 + n) - u0;
		Take t = { w, own, j, NULL };
		MdlRunInfo info;
		u0 += n;
		if (c0 == c1)
			continue;
		if (!mdl_simulate_chunks(p->sc, p->labels, b->threads,
					 (MdlKeep)b->head.plays[j].keep, c0, c1,
					 take_chunk, &t, &info, error)) {
			g_clear_error(&t.error);
			return FALSE;
		}
		if (t.error) {
			g_propagate_error(error, t.error);
			return FALSE;
		}
	}
	return !w || mdl_shard_writer_close(w, error);
}

/* The shard file at path: "done" when it is this very shard, complete
 * and valid; "other" (with error set) when it is a valid shard of
 * another command; "redo" when absent or damaged. */
typedef enum { REDO, DONE, OTHER } Found;

static Found found_shard(const MdlBatch *b, const char *path, GError **error)
{
	g_autoptr(MdlShardReader) r = NULL;

	if (!g_file_test(path, G_FILE_TEST_EXISTS))
		return REDO;
	r = mdl_shard_reader_file(path, NULL);
	if (!r)
		return REDO;
	const MdlShardHead *h = mdl_shard_reader_head(r);
	g_autofree char *why = mdl_shard_head_difference(h, &b->head);
	if (why || h->index != b->index) {
		g_set_error(error, MDL_SHARD_ERROR, MDL_SHARD_ERROR_MISMATCH,
			    "%s: holds a shard of another command: %s; give "
			    "another --out or remove it",
			    path, why ? why : "another index");
		return OTHER;
	}
	return mdl_shard_reader_verify(r, NULL) ? DONE : REDO;
}

static gboolean start_shard(MdlBatch *b, GError **error)
{
	g_autofree char *path = mdl_shard_path(b->dir, b->index, b->count);
	g_autoptr(MdlShardWriter) w = NULL;

	if (g_mkdir_with_parents(b->dir, 0755) != 0) {
		g_set_error(error, MDL_SHARD_ERROR, MDL_SHARD_ERROR_FILE,
			    "cannot create '%s': %s", b->dir,
			    g_strerror(errno));
		return FALSE;
	}
	switch (found_shard(b, path, error)) {
	case OTHER:
		return FALSE;
	case DONE:
		b->note = g_strdup_printf("%s: shard %u of %u complete "
					  "already, not played again",
					  path, b->index, b->count);
		return TRUE;
	case REDO:
		break;
	}
	if (!(w = mdl_shard_writer_file(path, &b->head, error)) ||
	    !play_units(b, w, NULL, error))
		return FALSE;
	b->note = g_strdup_printf("%s: shard %u of %u written", path, b->index,
				  b->count);
	return TRUE;
}

/* -- MPI ------------------------------------------------------------------- */

/* A rank's stream to rank 0: a status message ("ok", or "error: ..."),
 * then its shard's messages. */
static gboolean send_shard(GPtrArray *messages, const GError *failure,
			   GError **error)
{
	g_autofree char *status = failure ? g_strconcat("error: ",
							failure->message, NULL)
					  : g_strdup("ok");
	g_autoptr(GBytes) first = g_bytes_new(status, strlen(status));

	if (!sim_mpi_send(0, first, error))
		return FALSE;
	for (guint i = 0; !failure && i < messages->len; i++)
		if (!sim_mpi_send(0, g_ptr_array_index(messages, i), error))
			return FALSE;
	return TRUE;
}

static gboolean start_mpi(MdlBatch *b, GError **error)
{
	g_autoptr(MdlShardWriter) w = NULL;
	GError *failure = NULL;

	if (b->index == 0) {	/* its own results, kept */
		b->own = g_ptr_array_new_with_free_func(
			(GDestroyNotify)mdl_results_free);
		b->shard_threads = b->threads;
		b->next = 1;	/* the next shard to read is rank 1's */
		return play_units(b, NULL, b->own, error);
	}
	w = mdl_shard_writer_memory(&b->head);
	play_units(b, w, NULL, &failure);
	gboolean ok = send_shard(failure ? NULL
					 : mdl_shard_writer_messages(w),
				 failure, error);
	if (failure)
		g_propagate_error(error, failure);
	return ok && !failure;
}

/* The stream of a rank but the first, received. */
typedef struct {
	int rank;
	gboolean status;	/* its status message was read */
} Stream;

static GBytes *stream_next(gpointer data, GError **error)
{
	Stream *s = data;

	if (!s->status) {
		g_autoptr(GBytes) b = sim_mpi_recv(s->rank, error);
		if (!b)
			return NULL;
		s->status = TRUE;
		gsize n;
		const char *p = g_bytes_get_data(b, &n);
		if (n != 2 || memcmp(p, "ok", 2) != 0) {
			g_set_error(error, MDL_SHARD_ERROR, MDL_SHARD_ERROR_FILE,
				    "rank %d: %.*s", s->rank, (int)n, p);
			return NULL;
		}
	}
	return sim_mpi_recv(s->rank, error);
}

/* -- merging --------------------------------------------------------------- */

/* TRUE with error set when the scenario file of a play of h is not the
 * same (or not loaded with the same --set) as that of mine. */
static gboolean changed_play(const MdlShardHead *h, const MdlShardHead *mine,
			     GError **error)
{
	for (guint j = 0; j < h->n_plays && j < mine->n_plays; j++)
		if (strcmp(h->plays[j].identity, mine->plays[j].identity) != 0) {
			g_set_error(error, MDL_SHARD_ERROR,
				    MDL_SHARD_ERROR_MISMATCH,
				    "%s: changed since its shards were played "
				    "(or is loaded with other --set values): "
				    "they are not of this scenario",
				    h->plays[j].file);
			return TRUE;
		}
	return FALSE;
}

/* Opens shard b->next, checked to be shard b->next of this command. */
static gboolean open_next(MdlBatch *b, GError **error)
{
	guint32 k = b->next;

	g_clear_pointer(&b->reader, mdl_shard_reader_free);
	if (k >= b->count) {
		g_set_error_literal(error, MDL_SHARD_ERROR,
				    MDL_SHARD_ERROR_INVALID,
				    "the shards end before the last chunk");
		return FALSE;
	}
	if (b->mode == MERGE) {
		b->reader = mdl_shard_reader_file(b->paths[k], error);
	} else {
		Stream *s = g_new0(Stream, 1);
		g_autofree char *name = g_strdup_printf("rank %u", k);
		s->rank = (int)k;
		b->reader = mdl_shard_reader_stream(name, stream_next, s,
						    g_free, error);
	}
	if (!b->reader)
		return FALSE;
	const MdlShardHead *h = mdl_shard_reader_head(b->reader);
	g_autofree char *why = mdl_shard_head_difference(h, &b->head);
	if (h->index != k || why) {
		if (!changed_play(h, &b->head, error))
			g_set_error(error, MDL_SHARD_ERROR,
				    MDL_SHARD_ERROR_MISMATCH,
				    "%s: not shard %u of %u of this command%s%s",
				    mdl_shard_reader_name(b->reader), k,
				    b->count, why ? ": " : "", why ? why : "");
		return FALSE;
	}
	if (k == 0)
		b->shard_threads = h->threads;
	b->next++;
	return TRUE;
}


gboolean mdl_batch_start(MdlBatch *b, GError **error)
{
	g_return_val_if_fail(!b->started, FALSE);
	b->started = TRUE;
	if (b->mode == LOCAL)
		return TRUE;
	fill_head(b);
	switch (b->mode) {
	case SHARD:
		return start_shard(b, error);
	case MERGE:
		return open_next(b, error);
	case MPI:
		return start_mpi(b, error) && (b->index != 0 ||
					       open_next(b, error));
	case LOCAL:
		break;
	}
	return TRUE;
}

gboolean mdl_batch_reports(const MdlBatch *b)
{
	return b->mode == LOCAL || b->mode == MERGE ||
	       (b->mode == MPI && b->index == 0);
}

const char *mdl_batch_note(const MdlBatch *b)
{
	return b->note;
}

/* Fresh results of play p, keeping what keep (MdlKeep) says. */
static MdlResults *new_acc(const Play *p, guint32 keep)
{
	MdlResults *r = mdl_results_new(p->sc, p->labels,
					(keep & MDL_KEEP_ROWS) != 0);

	if (keep & MDL_KEEP_REPS)
		mdl_results_keep_reps(r);
	return r;
}

/* Merges every chunk of play j, in order, into r. */
static gboolean merge_play(MdlBatch *b, guint j, MdlResults *r,
			   GError **error)
{
	const Play *p = &g_array_index(b->plays, Play, j);
	guint64 n = sim_runner_n_chunks(p->sc->replications);
	guint64 u0 = 0;		/* the units before play j */
	GError *e = NULL;

	for (guint i = 0; i < j; i++)
		u0 += sim_runner_n_chunks(
			g_array_index(b->plays, Play, i).sc->replications);
	for (guint64 c = 0; c < n;) {
		guint32 play;
		guint64 chunk;
		if (b->own && u0 + c < b->own->len) {	/* rank 0's own */
			MdlResults *acc = g_ptr_array_index(b->own, u0 + c);
			mdl_results_merge(r, acc);
			mdl_results_free(g_steal_pointer(
				&g_ptr_array_index(b->own, u0 + c)));
			c++;
			continue;
		}
		if (!b->reader && !open_next(b, error))
			return FALSE;
		if (!mdl_shard_reader_peek(b->reader, &play, &chunk, &e)) {
			if (e) {
				g_propagate_error(error, e);
				return FALSE;
			}
			if (b->next >= b->count) {
				g_set_error(error, MDL_SHARD_ERROR,
					    MDL_SHARD_ERROR_INVALID,
					    "%s: the last shard ends before "
					    "the last chunk",
					    mdl_shard_reader_name(b->reader));
				return FALSE;
			}
			g_clear_pointer(&b->reader, mdl_shard_reader_free);
			continue;
		}
		if (play != j || chunk != c) {
			g_set_error(error, MDL_SHARD_ERROR,
				    MDL_SHARD_ERROR_INVALID,
				    "%s: corrupt (chunk %" G_GUINT64_FORMAT
				    " of play %u where chunk %" G_GUINT64_FORMAT
				    " of play %u was due)",
				    mdl_shard_reader_name(b->reader), chunk,
				    play, c, j);
			return FALSE;
		}
		MdlResults *acc = new_acc(p, b->head.plays[j].keep);
		gboolean ok = mdl_shard_reader_take(b->reader, acc, error);
		if (ok)
			mdl_results_merge(r, acc);
		mdl_results_free(acc);
		if (!ok)
			return FALSE;
		c++;
	}
	return TRUE;
}

/* After the last play: every shard read to its end and checked. */
static gboolean merge_end(MdlBatch *b, GError **error)
{
	for (;;) {
		if (b->reader && !mdl_shard_reader_verify(b->reader, error))
			return FALSE;
		if (b->next >= b->count)
			break;
		if (!open_next(b, error))
			return FALSE;
	}
	g_clear_pointer(&b->reader, mdl_shard_reader_free);
	return TRUE;
}

MdlResults *mdl_batch_results(MdlBatch *b, guint j, FILE *incidents,
			      FILE *reps, MdlRunInfo *info, GError **error)
{
	const Play *p;

	g_return_val_if_fail(b->started && mdl_batch_reports(b) &&
				     j < b->plays->len,
			     NULL);
	p = &g_array_index(b->plays, Play, j);
	if (b->mode == LOCAL)
		return mdl_simulate_streams(p->sc, p->labels, b->threads,
					    incidents, reps, info, error);

	gint64 t0 = g_get_monotonic_time();
	MdlResults *r = new_acc(p, (incidents ? MDL_KEEP_ROWS : 0) |
				       (reps ? MDL_KEEP_REPS : 0));
	r->rows_out = incidents;
	r->reps_out = reps;
	if (!merge_play(b, j, r, error) ||
	    (r->rows_written > p->sc->max_incident_rows &&
	     !mdl_results_rows_error(p->sc, error)) ||
	    (j + 1 == b->plays->len && !merge_end(b, error))) {
		mdl_results_free(r);
		return NULL;
	}
	info->threads = b->shard_threads;
	info->precision = NULL;
	info->wall_s = (double)(g_get_monotonic_time() - t0) / 1e6;
	return r;
}

int mdl_batch_exit_code(const GError *error)
{
	if (error && error->domain == G_OPTION_ERROR)
		return SIM_EXIT_USAGE;
	return error && error->domain == MDL_SHARD_ERROR &&
			       error->code != MDL_SHARD_ERROR_FILE
		       ? SIM_EXIT_USAGE
		       : SIM_EXIT_FAILED;
}

void mdl_batch_free(MdlBatch *b)
{
	if (!b)
		return;
	mdl_shard_reader_free(b->reader);
	if (b->own)
		g_ptr_array_unref(b->own);
	mdl_shard_head_clear(&b->head);
	g_array_unref(b->plays);
	g_free(b->command);
	g_free(b->dir);
	g_free(b->note);
	g_free(b);
}
