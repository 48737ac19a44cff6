/* simulate.c — a scenario's replications through the runner. */
#include "models/simulate.h"

#include "models/world.h"
#include "sim/runner.h"

static gpointer worker_new(gpointer user)
{
	return mdl_world_new(user);
}

static void worker_free(gpointer worker)
{
	mdl_world_free(worker);
}

static gpointer acc_new(gpointer user)
{
	return mdl_results_new(user);
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

static void merge(gpointer into, gconstpointer from, gpointer user)
{
	(void)user;
	mdl_results_merge(into, from);
}

static const SimRunnerOps world_ops = {
	.worker_new = worker_new, .worker_free = worker_free,
	.acc_new = acc_new, .acc_free = acc_free,
	.replicate = replicate, .merge = merge,
};

MdlResults *mdl_simulate(const MdlScenario *sc, unsigned threads,
			 MdlRunInfo *info, GError **error)
{
	gint64 t0 = g_get_monotonic_time();
	MdlResults *r = sim_runner_run(&world_ops, (gpointer)sc,
				       sc->replications, threads, error);

	info->threads = threads;
	info->wall_s = (double)(g_get_monotonic_time() - t0) / 1e6;
	return r;
}

