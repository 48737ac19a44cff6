/* rng.h — reproducible random streams.
 *
 * Every replication owns its streams.  A stream is named; its state is
 * derived from (seed, replication index, name) alone by a splitmix64
 * mixer, never from a shared generator, so replication r of a scenario
 * with seed s draws the same numbers whatever the thread count, the order
 * in which replications run, or the machine.
 *
 * The generator is xoshiro256** (Blackman & Vigna), wrapped as a
 * gsl_rng_type so that GSL's gsl_ran_* functions draw the variates.
 * Streams with different names, replications or seeds are statistically
 * independent for every practical purpose (distinct 256-bit states from a
 * 64-bit mixer; period 2^256 − 1).
 *
 * Ownership: sim_rng_new() returns a gsl_rng the caller owns and frees with
 * sim_rng_free() (or gsl_rng_free()).  Not thread-safe: one stream, one
 * thread at a time.
 */
#ifndef DRSIM_SIM_RNG_H
#define DRSIM_SIM_RNG_H

#include <math.h>
#include <stdint.h>
#include <gsl/gsl_rng.h>

/* The GSL generator type of drsim's streams ("xoshiro256**"). */
extern const gsl_rng_type *sim_rng_xoshiro256;

/* A new stream for (seed, rep, name).  name: borrowed, any string (the
 * empty string is a valid name).  Never returns NULL (aborts when memory
 * is exhausted, like GLib). */
gsl_rng *sim_rng_new(uint64_t seed, uint64_t rep, const char *name);

/* Re-seeds an existing xoshiro256** stream as sim_rng_new() would: cheap,
 * no allocation, for per-replication reuse of a worker's streams. */
void sim_rng_reseed(gsl_rng *r, uint64_t seed, uint64_t rep, const char *name);

/* Same with the name already hashed by sim_rng_hash_name(), possibly
 * mixed with other keys (a job number): no string work, for per-event
 * streams. */
void sim_rng_reseed_key(gsl_rng *r, uint64_t seed, uint64_t rep,
			uint64_t key);

/* The 64-bit key of a stream name (FNV-1a, fixed forever). */
uint64_t sim_rng_hash_name(const char *name);

/* Frees a stream; accepts NULL. */
void sim_rng_free(gsl_rng *r);

/* One splitmix64 step: the mixer used to derive states, exposed for
 * hashing seeds together. */
uint64_t sim_rng_mix64(uint64_t x);

/* A uniform double in [0, 1) with 53 random bits, inline, without
 * gsl_rng's function pointers: for hot loops.  r must be a drsim stream
 * (sim_rng_new()); gives the same numbers as gsl_rng_uniform(r). */
static inline double sim_rng_uniform(gsl_rng *r)
{
	uint64_t *s = (uint64_t *)r->state;
	uint64_t result = ((s[1] * 5) << 7 | (s[1] * 5) >> 57) * 9;
	uint64_t t = s[1] << 17;

	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = s[3] << 45 | s[3] >> 19;
	return (double)(result >> 11) * 0x1.0p-53;
}

/* An exponential variate of the given mean (> 0), inline for hot loops.
 * Same law as gsl_ran_exponential(r, mean), not the same numbers. */
static inline double sim_rng_exponential(gsl_rng *r, double mean)
{
	/* 1 − u lies in (0, 1]: the log is finite. */
	return -mean * log(1.0 - sim_rng_uniform(r));
}

#endif
