/* rng.c — xoshiro256** as a gsl_rng_type, streams derived by splitmix64. */
#include "sim/rng.h"

#include <math.h>
#include <string.h>
#include <glib.h>

typedef struct {
	uint64_t s[4];
} Xoshiro;

static inline uint64_t rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

static inline uint64_t xoshiro_next(Xoshiro *x)
{
	uint64_t *s = x->s;
	uint64_t result = rotl(s[1] * 5, 7) * 9;
	uint64_t t = s[1] << 17;

	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = rotl(s[3], 45);
	return result;
}

uint64_t sim_rng_mix64(uint64_t x)
{
	x += 0x9e3779b97f4a7c15ull;
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
	x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
	return x ^ (x >> 31);
}

/* FNV-1a: names are short; any string hash would do, this one is fixed
 * forever so that streams never change between versions. */
uint64_t sim_rng_hash_name(const char *name)
{
	uint64_t h = 0xcbf29ce484222325ull;

	for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
		h ^= *p;
		h *= 0x100000001b3ull;
	}
	return h;
}

static void seed_state(Xoshiro *x, uint64_t seed, uint64_t rep,
		       uint64_t key)
{
	/* Chain the three inputs through the mixer so that nearby seeds,
	 * replications and names land far apart. */
	uint64_t z = sim_rng_mix64(seed);
	z = sim_rng_mix64(z ^ rep);
	z = sim_rng_mix64(z ^ key);
	for (int i = 0; i < 4; i++) {
		z += 0x9e3779b97f4a7c15ull;
		x->s[i] = sim_rng_mix64(z);
	}
	/* The all-zero state is the one fixed point of xoshiro. */
	if (!(x->s[0] | x->s[1] | x->s[2] | x->s[3]))
		x->s[0] = 1;
}

static void gsl_set(void *state, unsigned long seed)
{
	seed_state(state, seed, 0, sim_rng_hash_name(""));
}

static unsigned long gsl_get(void *state)
{
	return (unsigned long)xoshiro_next(state);
}

static double gsl_get_double(void *state)
{
	return (double)(xoshiro_next(state) >> 11) * 0x1.0p-53;
}

static const gsl_rng_type xoshiro_type = {
	.name = "xoshiro256**",
	.max = (unsigned long)UINT64_MAX,
	.min = 0,
	.size = sizeof(Xoshiro),
	.set = gsl_set,
	.get = gsl_get,
	.get_double = gsl_get_double,
};

const gsl_rng_type *sim_rng_xoshiro256 = &xoshiro_type;

gsl_rng *sim_rng_new(uint64_t seed, uint64_t rep, const char *name)
{
	gsl_rng *r = gsl_rng_alloc(sim_rng_xoshiro256);

	if (!r)
		g_error("sim_rng_new: out of memory");
	sim_rng_reseed(r, seed, rep, name);
	return r;
}

void sim_rng_reseed(gsl_rng *r, uint64_t seed, uint64_t rep, const char *name)
{
	g_return_if_fail(r && r->type == sim_rng_xoshiro256);
	seed_state(r->state, seed, rep, sim_rng_hash_name(name));
}

void sim_rng_reseed_key(gsl_rng *r, uint64_t seed, uint64_t rep,
			uint64_t key)
{
	g_return_if_fail(r && r->type == sim_rng_xoshiro256);
	seed_state(r->state, seed, rep, key);
}

void sim_rng_free(gsl_rng *r)
{
	if (r)
		gsl_rng_free(r);
}
