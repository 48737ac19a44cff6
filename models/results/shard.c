/* shard.c — the shard format, written and read (shard.h). */
#include "models/results/shard.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <glib/gstdio.h>

#include "models/results/serial.h"
#include "sim/runner.h"

G_DEFINE_QUARK(mdl-shard-error-quark, mdl_shard_error)

#define MAGIC "DRSIMSHD"
#define PREAMBLE 16		/* magic, version, byte order mark */
#define BYTE_ORDER_MARK 0x01020304u

#define HEAD_TYPE MDL_SHARD_HEAD_TYPE
#define TRAILER_TYPE MDL_SHARD_TRAILER_TYPE

/* -- heads ----------------------------------------------------------------- */

void mdl_shard_head_clear(MdlShardHead *h)
{
	g_free(h->drsim);
	g_free(h->command);
	g_strfreev(h->args);
	for (guint j = 0; j < h->n_plays; j++) {
		g_free(h->plays[j].file);
		g_free(h->plays[j].identity);
	}
	g_free(h->plays);
	memset(h, 0, sizeof *h);
}

char *mdl_shard_chunk_type(void)
{
	return g_strdup_printf("(ut%s)", mdl_results_variant_type());
}

/* How play a differs from play b (scenario j of the command), or NULL. */
static char *play_difference(const MdlShardPlay *a, const MdlShardPlay *b,
			     guint j)
{
	if (strcmp(a->file, b->file) != 0)
		return g_strdup_printf("its scenario %u is %s, not %s", j + 1,
				       a->file, b->file);
	if (a->seed != b->seed)
		return g_strdup_printf("its seed is %" G_GUINT64_FORMAT
				       ", not %" G_GUINT64_FORMAT " (%s)",
				       a->seed, b->seed, a->file);
	if (a->replications != b->replications)
		return g_strdup_printf("it has %" G_GUINT64_FORMAT
				       " replications, not %" G_GUINT64_FORMAT
				       " (%s)",
				       a->replications, b->replications,
				       a->file);
	if (strcmp(a->identity, b->identity) != 0)
		return g_strdup_printf("%s had another text or other --set "
				       "values", a->file);
	if (a->keep != b->keep)
		return g_strdup_printf("it carries other figures (%u, not %u)",
				       a->keep, b->keep);
	return NULL;
}

/* The options of a command, in one string. */
static char *args_text(char **args)
{
	return g_strjoinv(" ", args);
}

char *mdl_shard_head_difference(const MdlShardHead *a, const MdlShardHead *b)
{
	if (strcmp(a->drsim, b->drsim) != 0)
		return g_strdup_printf("written by drsim %s, not %s", a->drsim,
				       b->drsim);
	if (strcmp(a->command, b->command) != 0)
		return g_strdup_printf("a shard of '%s', not of '%s'",
				       a->command, b->command);
	if (a->count != b->count)
		return g_strdup_printf("one of %u shards, not of %u", a->count,
				       b->count);
	if (a->n_plays != b->n_plays)
		return g_strdup_printf("it has %u scenarios, not %u",
				       a->n_plays, b->n_plays);
	for (guint j = 0; j < a->n_plays; j++) {
		char *why = play_difference(&a->plays[j], &b->plays[j], j);
		if (why)
			return why;
	}
	g_autofree char *ta = args_text(a->args), *tb = args_text(b->args);
	if (strcmp(ta, tb) != 0)
		return g_strdup_printf("its options are '%s', not '%s'", ta,
				       tb);
	return NULL;
}

guint64 mdl_shard_n_units(const MdlShardPlay *plays, guint n)
{
	guint64 units = 0;

	for (guint j = 0; j < n; j++)
		units += sim_runner_n_chunks(plays[j].replications);
	return units;
}

void mdl_shard_range(guint64 units, guint32 index, guint32 count,
		     guint64 *first, guint64 *end)
{
	g_return_if_fail(index < count);
	/* units * index never overflows: units < 2^40 in practice, count
	 * < 2^32; computed in 128 bits to be sure. */
	*first = (guint64)((unsigned __int128)units * index / count);
	*end = (guint64)((unsigned __int128)units * (index + 1) / count);
}

/* Adds the text of file to sum; FALSE with error set. */
static gboolean sum_file(GChecksum *sum, const char *file, GError **error)
{
	g_autofree char *text = NULL;
	gsize len;

	if (!g_file_get_contents(file, &text, &len, error))
		return FALSE;
	g_checksum_update(sum, (const guchar *)text, (gssize)len);
	/* a separator no text of a file holds */
	g_checksum_update(sum, (const guchar *)"", 1);
	return TRUE;
}

char *mdl_shard_identity(const MdlScenario *sc, const char *const *sets,
			 GError **error)
{
	g_autoptr(GChecksum) sum = g_checksum_new(G_CHECKSUM_SHA256);

	for (const MdlScenario *s = sc; s; s = s->replaces)
		if (!sum_file(sum, s->file, error))
			return NULL;
	for (const char *const *s = sets; s && *s; s++) {
		g_checksum_update(sum, (const guchar *)"\n", 1);
		g_checksum_update(sum, (const guchar *)*s, -1);
	}
	return g_strdup(g_checksum_get_string(sum));
}

char *mdl_shard_path(const char *dir, guint32 index, guint32 count)
{
	g_autofree char *name =
		g_strdup_printf("shard-%u-of-%u.drsim", index, count);

	return g_build_filename(dir, name, NULL);
}

static GVariant *head_to_variant(const MdlShardHead *h)
{
	GVariantBuilder plays;
	const char *const none[] = { NULL };

	g_variant_builder_init(&plays, G_VARIANT_TYPE("a(ssttu)"));
	for (guint j = 0; j < h->n_plays; j++) {
		const MdlShardPlay *p = &h->plays[j];
		g_variant_builder_add(&plays, "(ssttu)", p->file, p->identity,
				      (guint64)p->seed,
				      (guint64)p->replications, p->keep);
	}
	return g_variant_new("(ss^asuuua(ssttu)tt)", h->drsim, h->command,
			     h->args ? (const char *const *)h->args : none,
			     h->index, h->count, h->threads, &plays,
			     (guint64)h->first, (guint64)h->end);
}

static gboolean bad(GError **error, MdlShardError code, const char *name,
		    const char *why)
{
	g_set_error(error, MDL_SHARD_ERROR, (gint)code, "%s: %s", name, why);
	return FALSE;
}

/* Fills h from v (HEAD_TYPE), checked for sense. */
static gboolean head_from_variant(MdlShardHead *h, GVariant *v,
				  const char *name, GError **error)
{
	g_autoptr(GVariantIter) plays = NULL;
	const char *file, *identity;
	guint64 seed, reps;
	guint32 keep;

	g_variant_get(v, "(ss^asuuua(ssttu)tt)", &h->drsim, &h->command,
		      &h->args, &h->index, &h->count, &h->threads, &plays,
		      &h->first, &h->end);
	h->n_plays = (guint)g_variant_iter_n_children(plays);
	h->plays = g_new0(MdlShardPlay, h->n_plays);
	for (guint j = 0; g_variant_iter_next(plays, "(&s&sttu)", &file,
					       &identity, &seed, &reps, &keep);
	     j++) {
		h->plays[j] = (MdlShardPlay){ g_strdup(file),
					      g_strdup(identity), seed, reps,
					      keep };
	}
	guint64 first, end;
	if (h->count == 0 || h->index >= h->count || h->n_plays == 0)
		return bad(error, MDL_SHARD_ERROR_INVALID, name,
			   "corrupt (its head makes no sense)");
	mdl_shard_range(mdl_shard_n_units(h->plays, h->n_plays), h->index,
			h->count, &first, &end);
	if (first != h->first || end != h->end)
		return bad(error, MDL_SHARD_ERROR_INVALID, name,
			   "corrupt (its chunks are not those of its index)");
	return TRUE;
}

/* The hex digest of the bytes so far (sum goes on); "" without a sum:
 * a stream between MPI ranks, whose transport checks its bytes. */
static char *digest_so_far(const GChecksum *sum)
{
	if (!sum)
		return g_strdup("");
	GChecksum *copy = g_checksum_copy(sum);
	char *hex = g_strdup(g_checksum_get_string(copy));

	g_checksum_free(copy);
	return hex;
}

/* -- writing --------------------------------------------------------------- */

struct MdlShardWriter {
	FILE *file;		/* NULL: to memory */
	char *path, *tmp;
	GPtrArray *messages;	/* memory: GBytes */
	GChecksum *sum;		/* of every byte so far; NULL: to memory */
	guint64 chunks;
	gboolean closed;
};

static gboolean write_bytes(MdlShardWriter *w, const void *p, gsize n,
			    GError **error)
{
	if (w->sum)
		g_checksum_update(w->sum, p, (gssize)n);
	if (w->file && fwrite(p, 1, n, w->file) != n) {
		g_set_error(error, MDL_SHARD_ERROR, MDL_SHARD_ERROR_FILE,
			    "cannot write '%s': %s", w->tmp, g_strerror(errno));
		return FALSE;
	}
	return TRUE;
}

static gboolean write_preamble(MdlShardWriter *w, GError **error)
{
	guint8 pre[PREAMBLE];
	guint32 version = GUINT32_TO_LE(MDL_SHARD_VERSION);
	guint32 mark = BYTE_ORDER_MARK;

	memcpy(pre, MAGIC, 8);
	memcpy(pre + 8, &version, 4);
	memcpy(pre + 12, &mark, 4);
	if (!w->file)
		g_ptr_array_add(w->messages, g_bytes_new(pre, PREAMBLE));
	return write_bytes(w, pre, PREAMBLE, error);
}

/* One record: its length, then v (floating or not: sunk here). */
static gboolean write_record(MdlShardWriter *w, GVariant *v, GError **error)
{
	g_autoptr(GVariant) owned = g_variant_ref_sink(v);
	g_autoptr(GBytes) data = g_variant_get_data_as_bytes(owned);
	gsize size;
	const void *p = g_bytes_get_data(data, &size);
	guint64 len = GUINT64_TO_LE((guint64)size);

	if (!w->file)
		g_ptr_array_add(w->messages, g_bytes_ref(data));
	return write_bytes(w, &len, 8, error) &&
	       write_bytes(w, p, size, error);
}

static MdlShardWriter *writer_new(FILE *file, const char *path)
{
	MdlShardWriter *w = g_new0(MdlShardWriter, 1);

	w->file = file;
	w->path = g_strdup(path);
	w->tmp = path ? g_strconcat(path, ".part", NULL) : NULL;
	w->messages = g_ptr_array_new_with_free_func(
		(GDestroyNotify)g_bytes_unref);
	w->sum = file ? g_checksum_new(G_CHECKSUM_SHA256) : NULL;
	return w;
}

MdlShardWriter *mdl_shard_writer_file(const char *path,
				      const MdlShardHead *h, GError **error)
{
	g_autofree char *tmp = g_strconcat(path, ".part", NULL);
	FILE *f = g_fopen(tmp, "wb");

	if (!f) {
		g_set_error(error, MDL_SHARD_ERROR, MDL_SHARD_ERROR_FILE,
			    "cannot write '%s': %s", tmp, g_strerror(errno));
		return NULL;
	}
	MdlShardWriter *w = writer_new(f, path);
	if (!write_preamble(w, error) ||
	    !write_record(w, head_to_variant(h), error)) {
		mdl_shard_writer_free(w);
		return NULL;
	}
	return w;
}

MdlShardWriter *mdl_shard_writer_memory(const MdlShardHead *h)
{
	MdlShardWriter *w = writer_new(NULL, NULL);

	write_preamble(w, NULL);
	write_record(w, head_to_variant(h), NULL);
	return w;
}

gboolean mdl_shard_writer_chunk(MdlShardWriter *w, guint32 play,
				guint64 chunk, const MdlResults *r,
				GError **error)
{
	g_return_val_if_fail(w && !w->closed, FALSE);
	GVariant *parts[] = { g_variant_new_uint32(play),
			      g_variant_new_uint64(chunk),
			      mdl_results_to_variant(r) };
	w->chunks++;
	return write_record(w, g_variant_new_tuple(parts, 3), error);
}

gboolean mdl_shard_writer_close(MdlShardWriter *w, GError **error)
{
	g_return_val_if_fail(w && !w->closed, FALSE);
	g_autofree char *sum = digest_so_far(w->sum);

	if (!write_record(w, g_variant_new(TRAILER_TYPE, (guint64)w->chunks,
					   sum),
			  error))
		return FALSE;
	w->closed = TRUE;
	if (!w->file)
		return TRUE;
	int rc = fclose(w->file);
	w->file = NULL;
	if (rc != 0 || g_rename(w->tmp, w->path) != 0) {
		g_set_error(error, MDL_SHARD_ERROR, MDL_SHARD_ERROR_FILE,
			    "cannot write '%s': %s", w->path,
			    g_strerror(errno));
		g_unlink(w->tmp);
		return FALSE;
	}
	return TRUE;
}

GPtrArray *mdl_shard_writer_messages(MdlShardWriter *w)
{
	g_return_val_if_fail(w && w->closed && !w->path, NULL);
	return w->messages;
}

void mdl_shard_writer_free(MdlShardWriter *w)
{
	if (!w)
		return;
	if (w->file) {
		fclose(w->file);
		g_unlink(w->tmp);
	}
	g_free(w->path);
	g_free(w->tmp);
	g_ptr_array_unref(w->messages);
	if (w->sum)
		g_checksum_free(w->sum);
	g_free(w);
}

/* -- reading --------------------------------------------------------------- */

struct MdlShardReader {
	char *name;
	FILE *file;		/* or: */
	MdlShardNext next;
	gpointer data;
	GDestroyNotify free_data;
	guint64 left;		/* a file's bytes not read yet */
	gboolean swapped;	/* written in the other byte order */
	GChecksum *sum;		/* of every byte read so far (a file's) */
	MdlShardHead head;
	GVariant *peeked;	/* the chunk record read ahead, or NULL */
	guint64 chunks;		/* chunk records read */
	gboolean ended;		/* the trailer was read and checked */
	char *type;		/* of a chunk record */
};

/* The next message: a file's preamble (PREAMBLE bytes when preamble) or
 * record; the stream's as it comes.  A file's checksum takes it. */
static GBytes *read_message(MdlShardReader *r, gboolean preamble,
			    GError **error)
{
	if (!r->file)	/* a stream between ranks: no checksum */
		return r->next(r->data, error);
	guint64 len = PREAMBLE;
	if (!preamble) {
		if (r->left < 8 || fread(&len, 1, 8, r->file) != 8) {
			bad(error, MDL_SHARD_ERROR_INVALID, r->name,
			    "truncated (it ends inside a record)");
			return NULL;
		}
		g_checksum_update(r->sum, (const guchar *)&len, 8);
		r->left -= 8;
		len = GUINT64_FROM_LE(len);
	}
	if (len > r->left) {
		bad(error, MDL_SHARD_ERROR_INVALID, r->name,
		    preamble ? "not a drsim shard (too short)"
			     : "truncated (it ends inside a record)");
		return NULL;
	}
	char *buf = g_malloc(len ? len : 1);
	if (fread(buf, 1, len, r->file) != len) {
		g_free(buf);
		bad(error, MDL_SHARD_ERROR_FILE, r->name, "cannot be read");
		return NULL;
	}
	r->left -= len;
	g_checksum_update(r->sum, (const guchar *)buf, (gssize)len);
	return g_bytes_new_take(buf, len);
}

/* The next record as a GVariant of type, in our byte order, checked to
 * be in normal form (anything else is corruption); NULL with error. */
static GVariant *read_record(MdlShardReader *r, const char *type,
			     GError **error)
{
	g_autoptr(GBytes) b = read_message(r, FALSE, error);

	if (!b)
		return NULL;
	GVariant *v = g_variant_ref_sink(
		g_variant_new_from_bytes(G_VARIANT_TYPE(type), b, FALSE));
	if (!g_variant_is_normal_form(v)) {
		g_variant_unref(v);
		bad(error, MDL_SHARD_ERROR_INVALID, r->name,
		    "corrupt (a record is not what it should be)");
		return NULL;
	}
	if (r->swapped) {
		GVariant *s = g_variant_byteswap(v);
		g_variant_unref(v);
		v = s;
	}
	return v;
}

static gboolean read_preamble(MdlShardReader *r, GError **error)
{
	g_autoptr(GBytes) b = read_message(r, TRUE, error);
	gsize size;
	const char *p;
	guint32 version, mark;

	if (!b)
		return FALSE;
	p = g_bytes_get_data(b, &size);
	if (size != PREAMBLE || memcmp(p, MAGIC, 8) != 0)
		return bad(error, MDL_SHARD_ERROR_INVALID, r->name,
			   "not a drsim shard");
	memcpy(&version, p + 8, 4);
	memcpy(&mark, p + 12, 4);
	if (GUINT32_FROM_LE(version) != MDL_SHARD_VERSION) {
		g_set_error(error, MDL_SHARD_ERROR, MDL_SHARD_ERROR_VERSION,
			    "%s: shard format version %u; this drsim reads "
			    "version %u only (play the shard again with it)",
			    r->name, GUINT32_FROM_LE(version),
			    MDL_SHARD_VERSION);
		return FALSE;
	}
	if (mark != BYTE_ORDER_MARK &&
	    mark != GUINT32_SWAP_LE_BE(BYTE_ORDER_MARK))
		return bad(error, MDL_SHARD_ERROR_INVALID, r->name,
			   "corrupt (its byte order mark)");
	r->swapped = mark != BYTE_ORDER_MARK;
	return TRUE;
}

static MdlShardReader *reader_start(MdlShardReader *r, GError **error)
{
	g_autoptr(GVariant) head = NULL;

	if (r->file)
		r->sum = g_checksum_new(G_CHECKSUM_SHA256);
	r->type = mdl_shard_chunk_type();
	if (!read_preamble(r, error) ||
	    !(head = read_record(r, HEAD_TYPE, error)) ||
	    !head_from_variant(&r->head, head, r->name, error)) {
		mdl_shard_reader_free(r);
		return NULL;
	}
	return r;
}

MdlShardReader *mdl_shard_reader_file(const char *path, GError **error)
{
	MdlShardReader *r;
	FILE *f = g_fopen(path, "rb");
	GStatBuf st;

	if (!f || fstat(fileno(f), &st) != 0) {
		g_set_error(error, MDL_SHARD_ERROR, MDL_SHARD_ERROR_FILE,
			    "%s: cannot read: %s", path, g_strerror(errno));
		if (f)
			fclose(f);
		return NULL;
	}
	r = g_new0(MdlShardReader, 1);
	r->name = g_strdup(path);
	r->file = f;
	r->left = (guint64)st.st_size;
	return reader_start(r, error);
}

MdlShardReader *mdl_shard_reader_stream(const char *name, MdlShardNext next,
					gpointer data,
					GDestroyNotify free_data,
					GError **error)
{
	MdlShardReader *r = g_new0(MdlShardReader, 1);

	r->name = g_strdup(name);
	r->next = next;
	r->data = data;
	r->free_data = free_data;
	return reader_start(r, error);
}

const MdlShardHead *mdl_shard_reader_head(const MdlShardReader *r)
{
	return &r->head;
}

const char *mdl_shard_reader_name(const MdlShardReader *r)
{
	return r->name;
}

/* The trailer, v: the count of chunks and the checksum before it. */
static gboolean check_trailer(MdlShardReader *r, GVariant *v,
			      const char *sum, GError **error)
{
	guint64 chunks;
	const char *said;

	g_variant_get(v, "(t&s)", &chunks, &said);
	if (chunks != r->chunks || chunks != r->head.end - r->head.first)
		return bad(error, MDL_SHARD_ERROR_INVALID, r->name,
			   "corrupt (its chunks do not add up)");
	if (strcmp(said, sum) != 0)
		return bad(error, MDL_SHARD_ERROR_INVALID, r->name,
			   "corrupt (its checksum does not match its bytes)");
	if (r->file && r->left != 0)
		return bad(error, MDL_SHARD_ERROR_INVALID, r->name,
			   "corrupt (bytes after its end)");
	r->ended = TRUE;
	return TRUE;
}

/* The play and chunk of unit u of plays; FALSE past the last unit. */
static gboolean unit_at(const MdlShardHead *h, guint64 u, guint32 *play,
			guint64 *chunk)
{
	for (guint j = 0; j < h->n_plays; j++) {
		guint64 c = sim_runner_n_chunks(h->plays[j].replications);
		if (u < c) {
			*play = j;
			*chunk = u;
			return TRUE;
		}
		u -= c;
	}
	return FALSE;
}

/* The next record is a chunk, unless all the chunks of the head were
 * read: then it is the trailer, checked. */
gboolean mdl_shard_reader_peek(MdlShardReader *r, guint32 *play,
			       guint64 *chunk, GError **error)
{
	if (r->ended)
		return FALSE;
	if (!r->peeked) {
		g_autofree char *sum = NULL;
		gboolean last = r->chunks == r->head.end - r->head.first;
		if (last)
			sum = digest_so_far(r->sum);
		GVariant *v = read_record(r, last ? TRAILER_TYPE : r->type,
					  error);
		if (!v)
			return FALSE;
		if (last) {
			check_trailer(r, v, sum, error);
			g_variant_unref(v);
			return FALSE;
		}
		r->peeked = v;
	}
	guint32 want_play = 0;
	guint64 want_chunk = 0;
	g_variant_get_child(r->peeked, 0, "u", play);
	g_variant_get_child(r->peeked, 1, "t", chunk);
	if (!unit_at(&r->head, r->head.first + r->chunks, &want_play,
		     &want_chunk) ||
	    *play != want_play || *chunk != want_chunk)
		return bad(error, MDL_SHARD_ERROR_INVALID, r->name,
			   "corrupt (a chunk out of its place)");
	return TRUE;
}

gboolean mdl_shard_reader_take(MdlShardReader *r, MdlResults *acc,
			       GError **error)
{
	GError *e = NULL;

	guint32 play;
	guint64 chunk, first, end;

	g_return_val_if_fail(r->peeked, FALSE);
	g_variant_get_child(r->peeked, 0, "u", &play);
	g_variant_get_child(r->peeked, 1, "t", &chunk);
	g_autoptr(GVariant) v = g_variant_get_child_value(r->peeked, 2);
	g_clear_pointer(&r->peeked, g_variant_unref);
	r->chunks++;
	if (!mdl_results_from_variant(acc, v, &e)) {
		bad(error, MDL_SHARD_ERROR_INVALID, r->name, e->message);
		g_error_free(e);
		return FALSE;
	}
	sim_runner_chunk_reps(r->head.plays[play].replications, chunk, &first,
			      &end);
	if (acc->replications != end - first)
		return bad(error, MDL_SHARD_ERROR_INVALID, r->name,
			   "corrupt (a chunk of the wrong size)");
	return TRUE;
}

gboolean mdl_shard_reader_verify(MdlShardReader *r, GError **error)
{
	GError *e = NULL;
	guint32 play;
	guint64 chunk;

	while (mdl_shard_reader_peek(r, &play, &chunk, &e)) {
		g_clear_pointer(&r->peeked, g_variant_unref);
		r->chunks++;
	}
	if (e) {
		g_propagate_error(error, e);
		return FALSE;
	}
	return TRUE;
}

void mdl_shard_reader_free(MdlShardReader *r)
{
	if (!r)
		return;
	if (r->file)
		fclose(r->file);
	if (r->free_data)
		r->free_data(r->data);
	if (r->sum)
		g_checksum_free(r->sum);
	if (r->peeked)
		g_variant_unref(r->peeked);
	mdl_shard_head_clear(&r->head);
	g_free(r->type);
	g_free(r->name);
	g_free(r);
}
