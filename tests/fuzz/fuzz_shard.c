/* fuzz_shard.c — libFuzzer target: a shard file, read as `drsim merge`
 * reads one (models/results/shard.h).
 *
 * The input is the file's bytes.  It is read twice: as a file (preamble,
 * head, each chunk record, the trailer and its SHA-256), and as the
 * messages between MPI ranks the same bytes cut at their length prefixes
 * (no checksum there, so that a mutated record reaches every check past
 * it).  Each chunk is taken into results shaped for
 * scenarios/validation/v1-series-deterministic.cfg (the scenario the
 * seed shards of tools/fuzz.sh are played from: a small one, whose
 * shards fit in the inputs libFuzzer makes, 64 KiB) and merged, play by
 * play, as merge does.  A rejection must say why as
 * drsim promises (fuzz_check_message()). */
#include <string.h>
#include <glib.h>

#include "fuzz.h"
#include "models/results/results.h"
#include "models/results/shard.h"
#include "models/results/simulate.h"
#include "models/scenario/labels.h"
#include "models/scenario/scenario.h"

#define PREAMBLE 16

static MdlScenario *sc;
static MdlLabels *labels;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_init();
	sc = fuzz_scenario("scenarios/validation/v1-series-deterministic.cfg");
	labels = mdl_labels_new(sc);
	return 0;
}

/* Fresh results for a play that keeps what keep (MdlKeep) says. */
static MdlResults *new_acc(guint32 keep)
{
	MdlResults *r = mdl_results_new(sc, labels,
					(keep & MDL_KEEP_ROWS) != 0);

	if (keep & MDL_KEEP_REPS)
		mdl_results_keep_reps(r);
	return r;
}

/* Reads every chunk of r, merging each into the totals of its play;
 * a rejection's message is checked. */
static void read_all(MdlShardReader *r)
{
	const MdlShardHead *h = mdl_shard_reader_head(r);
	g_autoptr(GPtrArray) totals =
		g_ptr_array_new_with_free_func((GDestroyNotify)mdl_results_free);
	GError *error = NULL;
	guint32 play;
	guint64 chunk;

	while (mdl_shard_reader_peek(r, &play, &chunk, &error)) {
		while (totals->len <= play)
			g_ptr_array_add(totals,
					new_acc(h->plays[totals->len].keep));
		MdlResults *acc = new_acc(h->plays[play].keep);
		gboolean ok = mdl_shard_reader_take(r, acc, &error);
		if (ok)
			mdl_results_merge(totals->pdata[play], acc);
		mdl_results_free(acc);
		if (!ok)
			break;
	}
	if (error) {
		fuzz_check_message(error->message);
		g_error_free(error);
	}
}

/* The messages of a stream: the bytes of a file cut at its records. */
typedef struct {
	const uint8_t *p, *end;
	gboolean started;
} Cursor;

static GBytes *next_message(gpointer data, GError **error)
{
	Cursor *c = data;
	guint64 len = PREAMBLE;

	if (c->started) {
		if (c->end - c->p < 8)
			goto truncated;
		memcpy(&len, c->p, 8);
		len = GUINT64_FROM_LE(len);
		c->p += 8;
	}
	c->started = TRUE;
	if (len > (guint64)(c->end - c->p))
		goto truncated;
	GBytes *b = g_bytes_new(c->p, len);
	c->p += len;
	return b;
truncated:
	g_set_error(error, MDL_SHARD_ERROR, MDL_SHARD_ERROR_INVALID,
		    "rank 1: truncated");
	return NULL;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *file = fuzz_write("shard-0-of-1.drsim", data, size);
	Cursor cursor = { data, data + size, FALSE };
	GError *error = NULL;
	MdlShardReader *r = mdl_shard_reader_file(file, &error);

	if (r) {
		read_all(r);
		mdl_shard_reader_free(r);
	} else {
		fuzz_check_message(error->message);
		g_clear_error(&error);
	}
	r = mdl_shard_reader_stream("rank 1", next_message, &cursor, NULL,
				    &error);
	if (r) {
		read_all(r);
		mdl_shard_reader_free(r);
	} else {
		fuzz_check_message(error->message);
		g_error_free(error);
	}
	return 0;
}
