/* bench_hold — the hold model on drsim's engine (see bench/README.md).
 *
 * With P events pending, each event, when it fires, schedules one at
 * now + Exp(1): the classic event-set benchmark (Jones, 1986), here with
 * drsim's real events (handler, context, argument, priority, cancellable
 * ids) and run loop, so the figure includes what a model pays.
 * Usage: bench_hold [PENDING=1000] [OPS=10000000]; prints hold ops/s in
 * the same format as ../shared/bench/hold_floor.c.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "sim/engine.h"
#include "sim/rng.h"

static void hold(SimEngine *eng, void *ctx, uint32_t arg)
{
	gsl_rng *rng = ctx;

	sim_engine_after(eng, sim_rng_exponential(rng, 1.0), 0, hold, rng,
			 arg);
}

int main(int argc, char **argv)
{
	size_t pending = argc > 1 ? strtoull(argv[1], NULL, 10) : 1000;
	uint64_t ops = argc > 2 ? strtoull(argv[2], NULL, 10) : 10000000u;
	SimEngine *eng = sim_engine_new();
	gsl_rng *rng = sim_rng_new(1, 0, "hold");
	struct timespec a, b;

	for (size_t i = 0; i < pending; i++)
		sim_engine_at(eng, sim_rng_exponential(rng, 1.0), 0, hold, rng,
			      0);
	clock_gettime(CLOCK_MONOTONIC, &a);
	sim_engine_run(eng, INFINITY, ops);
	clock_gettime(CLOCK_MONOTONIC, &b);
	double sec = (double)(b.tv_sec - a.tv_sec) +
		     (double)(b.tv_nsec - a.tv_nsec) / 1e9;
	printf("pending=%zu ops=%llu sec=%.3f hold_ops_per_sec=%.0f\n", pending,
	       (unsigned long long)ops, sec, (double)ops / sec);
	sim_rng_free(rng);
	sim_engine_free(eng);
	return 0;
}
