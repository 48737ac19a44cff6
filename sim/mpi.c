/* mpi.c — processes of an mpirun launch and byte messages (mpi.h). */
#include "sim/mpi.h"

#include <stdlib.h>
#include <string.h>

#include "sim/cli.h"

#ifdef DRSIM_MPI
#include <mpi.h>
#endif

G_DEFINE_QUARK(sim-mpi-error-quark, sim_mpi_error)

static gboolean started;
static int rank_of, size_of = 1;

gboolean sim_mpi_built(void)
{
#ifdef DRSIM_MPI
	return TRUE;
#else
	return FALSE;
#endif
}

int sim_mpi_rank(void)
{
	return rank_of;
}

int sim_mpi_size(void)
{
	return size_of;
}

int sim_mpi_launch_size(void)
{
	const char *n = g_getenv("OMPI_COMM_WORLD_SIZE");

	if (!n)
		n = g_getenv("PMI_SIZE");
	return n ? MAX(1, atoi(n)) : 1;
}

#ifdef DRSIM_MPI

/* Messages go in pieces of at most this many bytes (an MPI count is an
 * int); the first piece says the total size. */
#define PIECE ((guint64)1 << 30)
#define TAG 17

/* Started by a launcher: Open MPI's mpirun, or any PMIx / PMI one. */
static gboolean launched(void)
{
	return g_getenv("OMPI_COMM_WORLD_SIZE") || g_getenv("PMIX_RANK") ||
	       g_getenv("PMI_SIZE");
}

static gboolean failed(int rc, const char *what, GError **error)
{
	char text[MPI_MAX_ERROR_STRING];
	int len = 0;

	if (rc == MPI_SUCCESS)
		return FALSE;
	MPI_Error_string(rc, text, &len);
	g_set_error(error, SIM_MPI_ERROR, 0, "MPI %s failed: %.*s", what,
		    len, text);
	return TRUE;
}

gboolean sim_mpi_start(int *argc, char ***argv)
{
	if (started || !launched())
		return FALSE;
	if (MPI_Init(argc, argv) != MPI_SUCCESS)
		return FALSE;
	MPI_Comm_set_errhandler(MPI_COMM_WORLD, MPI_ERRORS_RETURN);
	MPI_Comm_rank(MPI_COMM_WORLD, &rank_of);
	MPI_Comm_size(MPI_COMM_WORLD, &size_of);
	started = TRUE;
	return TRUE;
}

gboolean sim_mpi_send(int to, GBytes *data, GError **error)
{
	gsize size;
	const char *p = g_bytes_get_data(data, &size);
	guint64 total = GUINT64_TO_LE((guint64)size);

	g_return_val_if_fail(started, FALSE);
	if (failed(MPI_Send(&total, 8, MPI_BYTE, to, TAG, MPI_COMM_WORLD),
		   "send", error))
		return FALSE;
	for (guint64 done = 0; done < size;) {
		guint64 n = MIN(PIECE, size - done);
		if (failed(MPI_Send(p + done, (int)n, MPI_BYTE, to, TAG,
				    MPI_COMM_WORLD),
			   "send", error))
			return FALSE;
		done += n;
	}
	return TRUE;
}

GBytes *sim_mpi_recv(int from, GError **error)
{
	guint64 total;
	char *buf;

	g_return_val_if_fail(started, NULL);
	if (failed(MPI_Recv(&total, 8, MPI_BYTE, from, TAG, MPI_COMM_WORLD,
			    MPI_STATUS_IGNORE),
		   "receive", error))
		return NULL;
	total = GUINT64_FROM_LE(total);
	buf = g_try_malloc(total ? total : 1);
	if (!buf) {
		g_set_error(error, SIM_MPI_ERROR, 0,
			    "no memory for a message of %" G_GUINT64_FORMAT
			    " bytes from rank %d", total, from);
		return NULL;
	}
	for (guint64 done = 0; done < total;) {
		guint64 n = MIN(PIECE, total - done);
		if (failed(MPI_Recv(buf + done, (int)n, MPI_BYTE, from, TAG,
				    MPI_COMM_WORLD, MPI_STATUS_IGNORE),
			   "receive", error)) {
			g_free(buf);
			return NULL;
		}
		done += n;
	}
	return g_bytes_new_take(buf, total);
}

int sim_mpi_finish(int code)
{
	if (!started)
		return code;
	started = FALSE;
	if (code == SIM_EXIT_FAILED && rank_of == 0 && size_of > 1)
		MPI_Abort(MPI_COMM_WORLD, code);
	MPI_Finalize();
	return code;
}

#else /* no MPI: one process */

gboolean sim_mpi_start(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	return FALSE;
}

gboolean sim_mpi_send(int to, GBytes *data, GError **error)
{
	(void)to;
	(void)data;
	g_set_error_literal(error, SIM_MPI_ERROR, 0,
			    "this drsim was built without MPI");
	return FALSE;
}

GBytes *sim_mpi_recv(int from, GError **error)
{
	(void)from;
	g_set_error_literal(error, SIM_MPI_ERROR, 0,
			    "this drsim was built without MPI");
	return NULL;
}

int sim_mpi_finish(int code)
{
	(void)started;
	return code;
}

#endif
