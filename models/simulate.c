/* simulate.c — a scenario's replications through the runner. */
#include "models/simulate.h"

#include "models/world.h"
#include "sim/runner.h"

typedef struct {
	const MdlScenario *sc;
	const MdlLabels *labels;
	FILE *incidents;	/* rows go there as replications merge */
} Job;

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

	return mdl_results_new(job->sc, job->labels, job->incidents != NULL);
}

static void acc_free(gpointer acc)
{
	mdl_results_free(acc);
}

static gboolean replicate(gpointer worker, gpointer acc, uint64_t rep,
			  gpointer user, GError **error)
{
	(void)user;
	return mdl_world_run(worker, rep, acc, error);
}

/* Merges in replication order; incident rows stream to the file then,
 * so memory does not grow with the replications. */
static void merge(gpointer into, gconstpointer from, gpointer user)
{
	MdlResults *total = into;

	total->rows_out = ((Job *)user)->incidents;
	mdl_results_merge(total, from);
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
	Job job = { sc, labels, incidents };
	gint64 t0 = g_get_monotonic_time();
	MdlResults *r = sim_runner_run(&world_ops, &job, sc->replications,
				       threads, error);

	info->threads = threads;
	info->wall_s = (double)(g_get_monotonic_time() - t0) / 1e6;
	return r;
}
