/* shard.h — the shard format: a part of a command's replications, its
 * results kept chunk by chunk, as a stream of records (a file, or
 * messages between MPI ranks).
 *
 * A command (run, compare, sweep) plays one or more scenarios, its
 * *plays*; play j of n replications has C_j = sim_runner_n_chunks(n)
 * chunks (the chunk size depends on n alone).  Its *units* are the pairs
 * (play, chunk) in that order, U = Σ C_j of them; shard I of K holds the
 * units [I·U/K, (I+1)·U/K), each chunk's results apart: merged in unit
 * order they are exactly what one process merges, bit for bit (a shard
 * cannot keep the merge of its chunks: moments do not merge associatively
 * in floating point).  A sweep so spreads its points × chunks.
 *
 * The stream (docs/scale-out.md):
 *   preamble, 16 bytes: "DRSIMSHD", the format version (uint32
 *     little-endian, MDL_SHARD_VERSION), 0x01020304 as a uint32 in the
 *     writer's byte order;
 *   records, each a uint64 little-endian length then a GVariant in the
 *     writer's byte order: the head (MdlShardHead), one record per chunk
 *     (play, chunk, its results: serial.h), then the trailer (the number
 *     of chunk records and the SHA-256 of every byte before the trailer's
 *     own record; "" in a stream between MPI ranks, whose transport
 *     checks its bytes).
 * A reader checks the preamble, each record's shape and the trailer, so a
 * corrupt, truncated or foreign file is an error, never garbage read.
 *
 * Errors in MDL_SHARD_ERROR, their messages naming the shard.
 */
#ifndef DRSIM_MODELS_RESULTS_SHARD_H
#define DRSIM_MODELS_RESULTS_SHARD_H

#include <glib.h>

#include "models/results/results.h"
#include "models/scenario/labels.h"
#include "models/scenario/scenario.h"

/* 2: the results carry what drives the breaches (serial.h); 3: and the
 * hospital's figures (hospital.h), the operating costs and net present
 * value (cost.h) */
#define MDL_SHARD_VERSION 3u
#define MDL_SHARD_ERROR (mdl_shard_error_quark())
GQuark mdl_shard_error_quark(void);

typedef enum {
	MDL_SHARD_ERROR_FILE,		/* cannot read or write it */
	MDL_SHARD_ERROR_INVALID,	/* not a shard, corrupt, truncated */
	MDL_SHARD_ERROR_VERSION,	/* another format version */
	MDL_SHARD_ERROR_MISMATCH,	/* of another command or scenario */
	MDL_SHARD_ERROR_MISSING,	/* shards missing or twice */
} MdlShardError;

/* One play of the command, as it was loaded. */
typedef struct {
	char *file;		/* the scenario file as given */
	char *identity;		/* mdl_shard_identity() of it */
	guint64 seed, replications;
	guint32 keep;		/* what its chunks carry besides their
				   figures: MdlKeep (simulate.h) */
} MdlShardPlay;

/* What a shard is of, and which one. */
typedef struct {
	char *drsim;		/* version of the drsim that wrote it */
	char *command;		/* "run", "compare", "sweep" */
	char **args;		/* the command's options, canonical */
	guint32 index, count;	/* shard I of K */
	guint32 threads;	/* it was played on */
	guint n_plays;
	MdlShardPlay *plays;	/* [n_plays] */
	guint64 first, end;	/* its units [first, end) */
} MdlShardHead;

void mdl_shard_head_clear(MdlShardHead *h);

/* The GVariant types of the records: the head (drsim's version, the
 * command, its options, index, count, threads, the plays as (file,
 * identity, seed, replications, keep), first and end unit), a chunk
 * (play, chunk, results: serial.h; yours to g_free()) and the trailer
 * (chunk records, SHA-256 in hex of every byte before the trailer's
 * record). */
#define MDL_SHARD_HEAD_TYPE "(ssasuuua(ssttu)tt)"
#define MDL_SHARD_TRAILER_TYPE "(ts)"
char *mdl_shard_chunk_type(void);

/* NULL when a and b are shards of the same command (drsim's version, the
 * command, its options, plays, shard count), whatever their index; else
 * what a has that b has not, in words ("its seed is 7, not 2026
 * (scenarios/x.cfg)"), yours to g_free(). */
char *mdl_shard_head_difference(const MdlShardHead *a, const MdlShardHead *b);

/* The units of plays (their replications), all of them. */
guint64 mdl_shard_n_units(const MdlShardPlay *plays, guint n);

/* The units [*first, *end) of shard index of count. */
void mdl_shard_range(guint64 units, guint32 index, guint32 count,
		     guint64 *first, guint64 *end);

/* The identity of a play: the SHA-256 of the text of sc's file, of the
 * file of the topology it replaces (and so on), and of the overrides
 * sets it was loaded with (hex, yours to g_free()).  A file it
 * @includes is not part of it.  NULL with error set when a file cannot
 * be read. */
char *mdl_shard_identity(const MdlScenario *sc, const char *const *sets,
			 GError **error);

/* "DIR/shard-I-of-K.drsim"; yours to g_free(). */
char *mdl_shard_path(const char *dir, guint32 index, guint32 count);

/* -- writing ----------------------------------------------------------- */

typedef struct MdlShardWriter MdlShardWriter;

/* A writer to the file path (through path.part, renamed by
 * mdl_shard_writer_close(): the file is there whole or not at all), or
 * to memory (its records then in mdl_shard_writer_messages()).  It
 * writes the preamble and the head h (borrowed). */
MdlShardWriter *mdl_shard_writer_file(const char *path,
				      const MdlShardHead *h, GError **error);
MdlShardWriter *mdl_shard_writer_memory(const MdlShardHead *h);

/* Writes the results of chunk of play; FALSE with error set when the
 * file cannot be written. */
gboolean mdl_shard_writer_chunk(MdlShardWriter *w, guint32 play,
				guint64 chunk, const MdlResults *r,
				GError **error);

/* Writes the trailer and, for a file, renames it into place. */
gboolean mdl_shard_writer_close(MdlShardWriter *w, GError **error);

/* A memory writer's stream, closed: the preamble then each record
 * without its length, one GBytes each, in order (owned by w). */
GPtrArray *mdl_shard_writer_messages(MdlShardWriter *w);

/* Frees w; a file not closed is removed. */
void mdl_shard_writer_free(MdlShardWriter *w);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(MdlShardWriter, mdl_shard_writer_free)

/* -- reading ----------------------------------------------------------- */

typedef struct MdlShardReader MdlShardReader;

/* The next message of a stream (the preamble, then one per record), or
 * NULL with error set. */
typedef GBytes *(*MdlShardNext)(gpointer data, GError **error);

/* A reader of the shard file path, or of the messages next gives (name
 * names the stream in errors; free_data frees data, may be NULL).  It
 * reads the preamble and the head.  NULL with error set. */
MdlShardReader *mdl_shard_reader_file(const char *path, GError **error);
MdlShardReader *mdl_shard_reader_stream(const char *name, MdlShardNext next,
					gpointer data,
					GDestroyNotify free_data,
					GError **error);

/* Its head (owned by r) and its name. */
const MdlShardHead *mdl_shard_reader_head(const MdlShardReader *r);
const char *mdl_shard_reader_name(const MdlShardReader *r);

/* The next chunk: TRUE with *play and *chunk set and its results read
 * into acc (fresh, shaped for that play's scenario, from
 * mdl_results_new()) — call mdl_shard_reader_peek() first to know which
 * play it is of.  FALSE at the end: without error when the trailer was
 * read and checked, with error set otherwise. */
gboolean mdl_shard_reader_peek(MdlShardReader *r, guint32 *play,
			       guint64 *chunk, GError **error);
gboolean mdl_shard_reader_take(MdlShardReader *r, MdlResults *acc,
			       GError **error);

/* Reads every record to the trailer and checks them all (not their
 * results' shape: that needs the scenario).  FALSE with error set. */
gboolean mdl_shard_reader_verify(MdlShardReader *r, GError **error);

void mdl_shard_reader_free(MdlShardReader *r);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(MdlShardReader, mdl_shard_reader_free)

#endif
