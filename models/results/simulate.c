/* simulate.c — a scenario's replications through the runner. */
#include "models/results/simulate.h"

#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <gio/gio.h>

#include "models/world/world.h"
#include "sim/runner.h"

typedef struct {
	const MdlScenario *sc;
	const MdlLabels *labels;
	FILE *incidents;	/* rows go there as replications merge */
	FILE *reps;		/* figures of each replication, likewise */
	MdlKeep keep;		/* what chunks keep */
	guint64 first, n;	/* replications [first, first + n) */
	guint64 merged;		/* replications merged so far */
	gint64 t0, shown;	/* start, last progress line (µs) */
	gint too_many_rows;	/* atomic: incidents.csv is over its limit */
} Job;

static gboolean progress_on = TRUE;
/* The signal that asked to stop (SIGINT, SIGTERM), 0 when none; set by
 * the handler alone.  committing: the command began to put its files in
 * place, after which a signal no longer stops it (simulate.h). */
static volatile sig_atomic_t interrupted;
static volatile sig_atomic_t committing;

void mdl_simulate_set_progress(gboolean on)
{
	progress_on = on;
}

static void on_signal(int sig)
{
	interrupted = sig;
}

void mdl_simulate_catch_interrupt(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	/* the handler only sets a flag: no system call need fail with EINTR */
	sa.sa_flags = SA_RESTART;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
}

gboolean mdl_simulate_interrupted(void)
{
	return interrupted != 0 && !committing;
}

int mdl_simulate_interrupt_signal(void)
{
	return committing ? 0 : interrupted;
}

const char *mdl_simulate_interrupt_name(void)
{
	switch (mdl_simulate_interrupt_signal()) {
	case SIGINT:
		return "SIGINT";
	case SIGTERM:
		return "SIGTERM";
	default:
		return NULL;
	}
}

/* A signal caught before this point stops the command, one caught after
 * it is ignored: the files are then put in place whole. */
gboolean mdl_simulate_commit(GError **error)
{
	if (committing)
		return TRUE;
	if (interrupted) {
		g_set_error(error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
			    "interrupted by %s: nothing written",
			    mdl_simulate_interrupt_name());
		return FALSE;
	}
	committing = 1;
	return TRUE;
}

/* A progress line on stderr, when it is a terminal, for runs longer than
 * a second: bar, replications, rate, estimated time left.  Never on
 * stdout, which may hold JSON or CSV. */
static void progress(Job *job, gboolean last)
{
	gint64 now = g_get_monotonic_time();
	double secs = (double)(now - job->t0) / 1e6;
	guint64 n = job->n;

	if (!progress_on || !isatty(STDERR_FILENO) || secs < 1 ||
	    (!last && now - job->shown < 200000))
		return;
	job->shown = now;
	double rate = (double)job->merged / secs;
	double left = rate > 0 ? (double)(n - job->merged) / rate : 0;
	int width = 30, done = (int)((double)width * (double)job->merged /
				     (double)n);
	fprintf(stderr, "\r[%.*s%*s] %" G_GUINT64_FORMAT "/%" G_GUINT64_FORMAT
		" replications, %.0f/s, %.0f s left ",
		done, "##############################", width - done, "",
		job->merged, n, rate, left);
	if (last)
		fputs("\n", stderr);
}

static gpointer worker_new(gpointer user)
{
	return mdl_world_new(((Job *)user)->sc);
}

static void worker_free(gpointer worker)
{
	mdl_world_free(worker);
}

static gpointer acc_new(gpointer user)
{
	Job *job = user;

	MdlResults *r = mdl_results_new(job->sc, job->labels,
					(job->keep & MDL_KEEP_ROWS) != 0);

	if (job->keep & MDL_KEEP_REPS)
		mdl_results_keep_reps(r);
	return r;
}

static void acc_free(gpointer acc)
{
	mdl_results_free(acc);
}

static gboolean replicate(gpointer worker, gpointer acc, uint64_t rep,
			  gpointer user, GError **error)
{
	const Job *job = user;

	if (interrupted) {
		g_set_error(error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
			    "interrupted by %s", mdl_simulate_interrupt_name());
		return FALSE;
	}
	if (g_atomic_int_get(&job->too_many_rows)) {	/* stops the run */
		g_set_error_literal(error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
				    "too many incident rows");
		return FALSE;
	}
	return mdl_results_play(worker, job->first + rep, acc, error);
}

/* Merges in replication order; incident rows stream to the file then,
 * so memory does not grow with the replications. */
static void merge(gpointer into, gconstpointer from, gpointer user)
{
	MdlResults *total = into;

	Job *job = user;

	total->rows_out = job->incidents;
	total->reps_out = job->reps;
	mdl_results_merge(total, from);
	if (total->rows_written > job->sc->max_incident_rows)
		g_atomic_int_set(&job->too_many_rows, 1);
	job->merged += ((const MdlResults *)from)->replications;
	progress(job, job->merged == job->n);
}

static const SimRunnerOps world_ops = {
	.worker_new = worker_new, .worker_free = worker_free,
	.acc_new = acc_new, .acc_free = acc_free,
	.replicate = replicate, .merge = merge,
};

MdlResults *mdl_simulate(const MdlScenario *sc, const MdlLabels *labels,
			 unsigned threads, FILE *incidents, MdlRunInfo *info,
			 GError **error)
{
	return mdl_simulate_streams(sc, labels, threads, incidents, NULL, info,
				    error);
}

MdlResults *mdl_simulate_streams(const MdlScenario *sc,
				 const MdlLabels *labels, unsigned threads,
				 FILE *incidents, FILE *reps,
				 MdlRunInfo *info, GError **error)
{
	return mdl_simulate_range(sc, labels, threads, 0, sc->replications,
				  incidents, reps, info, error);
}

MdlResults *mdl_simulate_range(const MdlScenario *sc,
			       const MdlLabels *labels, unsigned threads,
			       guint64 first, guint64 n, FILE *incidents,
			       FILE *reps, MdlRunInfo *info, GError **error)
{
	Job job = { sc, labels, incidents, reps,
		    (incidents ? MDL_KEEP_ROWS : 0) | (reps ? MDL_KEEP_REPS : 0),
		    first, n, 0, 0, 0, 0 };
	gint64 t0 = g_get_monotonic_time();

	job.t0 = job.shown = t0;
	MdlResults *r = sim_runner_run(&world_ops, &job, n, threads, error);
	/* whichever replication stopped, or none (over it in the last
	 * merges): the same error, whatever the threads */
	if (g_atomic_int_get(&job.too_many_rows)) {
		g_clear_pointer(&r, mdl_results_free);
		g_clear_error(error);
		mdl_results_rows_error(sc, error);
	}

	info->threads = threads;
	info->precision = NULL;
	info->wall_s = (double)(g_get_monotonic_time() - t0) / 1e6;
	return r;
}

gboolean mdl_simulate_chunks(const MdlScenario *sc, const MdlLabels *labels,
			     unsigned threads, MdlKeep keep, guint64 c0,
			     guint64 c1, SimRunnerTake take, gpointer data,
			     MdlRunInfo *info, GError **error)
{
	Job job = { sc, labels, NULL, NULL, keep, 0, sc->replications, 0, 0,
		    0, 0 };
	gint64 t0 = g_get_monotonic_time();
	gboolean ok;

	job.t0 = job.shown = t0;
	ok = sim_runner_run_chunks(&world_ops, &job, sc->replications, c0, c1,
				   threads, take, data, error);
	info->threads = threads;
	info->precision = NULL;
	info->wall_s = (double)(g_get_monotonic_time() - t0) / 1e6;
	return ok;
}
