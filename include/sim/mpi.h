/* mpi.h — the processes of an `mpirun` launch, and byte messages between
 * them; nothing of what the bytes mean.
 *
 * drsim is built with MPI when `make MPI=1` is given or when mpicc is
 * found (the Makefile defines DRSIM_MPI); otherwise every function here
 * behaves as a launch of one process.  Even when built with it, MPI is
 * initialized only when the process was started by a launcher (the
 * environment says so: OMPI_COMM_WORLD_SIZE, PMIX_RANK or PMI_SIZE), so
 * `build/drsim run ...` alone never touches MPI.
 *
 * Messages go from any rank to any other, in order between two ranks,
 * each a GBytes of any size (sent in pieces below the MPI count limit).
 * Not thread-safe: call from the main thread only.
 */
#ifndef DRSIM_SIM_MPI_H
#define DRSIM_SIM_MPI_H

#include <glib.h>

#define SIM_MPI_ERROR (sim_mpi_error_quark())
GQuark sim_mpi_error_quark(void);

/* TRUE when this drsim was built with MPI. */
gboolean sim_mpi_built(void);

/* Initializes MPI when built with it and launched by mpirun (see above);
 * TRUE when it did.  Call once, before anything else reads argv. */
gboolean sim_mpi_start(int *argc, char ***argv);

/* The number of processes of the launch that started this one, as the
 * launcher's environment says (OMPI_COMM_WORLD_SIZE or PMI_SIZE); 1
 * when none did.  Lets a drsim built without MPI refuse an mpirun
 * launch, whose processes would each play everything. */
int sim_mpi_launch_size(void);

/* This process's rank and the number of processes: 0 and 1 without an
 * MPI launch. */
int sim_mpi_rank(void);
int sim_mpi_size(void);

/* Sends data to rank to; blocks until MPI has taken it.  FALSE with
 * error set when MPI failed. */
gboolean sim_mpi_send(int to, GBytes *data, GError **error);

/* The next message from rank from (blocks until it comes), or NULL with
 * error set. */
GBytes *sim_mpi_recv(int from, GError **error);

/* Ends the launch with this process's exit code: MPI_Abort() when rank 0
 * failed at run time (SIM_EXIT_FAILED: the others may be waiting to send
 * to it for ever), else MPI_Finalize() (bad usage or input fails every
 * rank alike; another rank's failure has been sent to rank 0).  Returns
 * code; does nothing without an MPI launch. */
int sim_mpi_finish(int code);

#endif
