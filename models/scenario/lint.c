/* lint.c — warnings about plans that cannot hold by construction
 * (lint.h; the rules are documented in docs/scenario-format.md, "Lint").
 *
 * Every figure here is a bound the simulation cannot beat: the size of a
 * dataset at the horizon, the period of a job, the mean of a law.  A rule
 * that would need the simulation to decide stays out of the lint. */
#include <math.h>
#include <string.h>
#include <glib.h>

#include "models/scenario/lint.h"
#include "sim/units.h"

/* Without a threat, the median dwell time of ransomware in 2023
 * (parameters.md, S24b): 5 days. */
#define DEFAULT_DWELL_H (5 * 24.0)

/* The EEA, where health data may be hosted (HDS, EXI 28): the EU 27, then
 * Iceland, Liechtenstein and Norway.  ISO 3166-1 alpha-2: Greece is GR. */
static const char *const eea[] = {
	"AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR",
	"DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL",
	"PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO",
};

void mdl_lint_warning_free(MdlLintWarning *w)
{
	if (!w)
		return;
	g_free(w->key);
	g_free(w->message);
	g_free(w->fix);
	g_free(w);
}

char *mdl_lint_warning_format(const MdlLintWarning *w, const char *file)
{
	g_return_val_if_fail(w != NULL && file != NULL, NULL);
	return g_strdup_printf("%s:%d: warning: %s (fix: %s)",
			       w->file ? w->file : file, w->line, w->message,
			       w->fix);
}

/* Adds a warning; takes key, message and fix (all g_malloc'd). */
static void add(GPtrArray *ws, int line, char *key, char *message, char *fix)
{
	MdlLintWarning *w = g_new(MdlLintWarning, 1);

	w->line = line;
	w->file = NULL;
	w->key = key;
	w->message = message;
	w->fix = fix;
	g_ptr_array_add(ws, w);
}

/* "745 TB", "50 GB": 3 significant digits in the largest decimal unit in
 * which the value is at least 1, as the scenario files write sizes. */
static void format_size(double bytes, char *buf, size_t size)
{
	static const struct {
		const char *name;
		double bytes;
	} units[] = {{"PB", 1e15}, {"TB", 1e12}, {"GB", 1e9}, {"MB", 1e6},
		     {"kB", 1e3}};
	size_t i = 0;

	while (i < G_N_ELEMENTS(units) && bytes < 0.9995 * units[i].bytes)
		i++;
	if (i == G_N_ELEMENTS(units))
		g_snprintf(buf, size, "%.3g B", bytes);
	else
		g_snprintf(buf, size, "%.3g %s", bytes / units[i].bytes,
			   units[i].name);
}

static gboolean in_eea(const char *country)
{
	for (size_t i = 0; i < G_N_ELEMENTS(eea); i++)
		if (strcmp(eea[i], country) == 0)
			return TRUE;
	return FALSE;
}

/* The `--set` path of a copy: an offsite copy is reached through the
 * backup it copies, where the file writes it. */
static char *copy_key(const MdlDataset *ds, const MdlCopy *c)
{
	if (c->kind == MDL_COPY_OFFSITE)
		return g_strdup_printf("datasets.%s.copies.%s.offsite", ds->id,
				       ds->copies[c->source].id);
	return g_strdup_printf("datasets.%s.copies.%s", ds->id, c->id);
}

static char *strategy_key(const MdlService *s, guint i)
{
	return g_strdup_printf("services.%s.plan.strategies.%u", s->id, i);
}

/* "'a'", "'a' and 'b'", "'a', 'b' and 'c'". */
static char *quoted_list(GPtrArray *names)
{
	GString *out = g_string_new(NULL);

	for (guint i = 0; i < names->len; i++) {
		if (i > 0)
			g_string_append(out,
					i + 1 == names->len ? " and " : ", ");
		g_string_append_printf(out, "'%s'",
				       (const char *)names->pdata[i]);
	}
	return g_string_free(out, FALSE);
}

/* ---- 1. RTO below the fastest recovery -------------------------------- */

/* The fastest restore of ds at the horizon among its copies with a
 * finite restore throughput, or NULL when it has none.  Copies restored
 * "instantly" (snapshot reverts, replicas, nothing stated) are left out:
 * they do not survive the losses that call for a full restore (a site
 * destroyed, ransomware), so they cannot vouch for the RTO. */
static const MdlCopy *fastest_restore(const MdlDataset *ds, double size,
				      double *hours)
{
	const MdlCopy *best = NULL;

	*hours = INFINITY;
	for (guint k = 0; k < ds->n_copies; k++) {
		const MdlRestore *r = &ds->copies[k].restore;
		double t;

		if (!isfinite(r->throughput) || r->throughput <= 0)
			continue;
		t = r->overhead_h + size / r->throughput;
		if (t < *hours) {
			*hours = t;
			best = &ds->copies[k];
		}
	}
	return best;
}

static char *restore_fix(const MdlCopy *c, double size, double rto_h,
			 const char *need)
{
	char rate[32];

	if (c->restore.overhead_h >= rto_h)
		return g_strdup_printf("cut the restore 'overhead' below the "
				       "RTO, fail over to a replica, or raise "
				       "'rto' to %s",
				       need);
	format_size(size / (rto_h - c->restore.overhead_h), rate,
		    sizeof rate);
	return g_strdup_printf("restore at %s/h or faster, fail over to a "
			       "replica, or raise 'rto' to %s",
			       rate, need);
}

/* Warns for each dataset of s whose fastest restore exceeds the RTO;
 * TRUE when every one fits in it (restoring is a path within the RTO). */
static gboolean lint_restores(const MdlScenario *sc, const MdlService *s,
			      GPtrArray *ws)
{
	gboolean fits = TRUE;

	for (guint i = 0; i < s->n_datasets; i++) {
		const MdlDataset *ds = &sc->datasets[s->datasets[i]];
		/* restored in parts: the first brings the service back */
		double size = ds->first_fraction *
			      mdl_dataset_size(ds, sc->horizon_h), hours;
		const MdlCopy *c = fastest_restore(ds, size, &hours);
		char sz[32], rate[32], took[16], rto[16];
		g_autofree char *what = NULL;

		if (!c || hours <= s->rto_h)
			continue;
		fits = FALSE;
		format_size(size, sz, sizeof sz);
		format_size(c->restore.throughput, rate, sizeof rate);
		sim_format_duration(hours, took, sizeof took);
		sim_format_duration(s->rto_h, rto, sizeof rto);
		what = ds->first_fraction < 1
			       ? g_strdup_printf("the first %.3g%% of '%s' "
						 "(%s%s",
						 100 * ds->first_fraction,
						 ds->id,
						 ds->first_name ? ds->first_name
								: "",
						 ds->first_name ? ": " : "")
			       : g_strdup_printf("'%s' (", ds->id);
		add(ws, s->line, g_strdup_printf("services.%s.rto", s->id),
		    g_strdup_printf("restoring %s%s at the horizon) from "
				    "'%s' at %s/h takes %s > 'rto' %s of "
				    "service '%s'",
				    what, sz, c->id, rate, took, rto, s->id),
		    restore_fix(c, size, s->rto_h, took));
	}
	return fits && s->n_datasets > 0;
}

static void warn_failover(const MdlScenario *sc, const MdlService *s,
			  guint i, GPtrArray *ws)
{
	const MdlStrategy *st = &s->plan.strategies[i];
	g_autofree char *key = strategy_key(s, i);
	char mean[16], rto[16];

	sim_format_duration(sim_dist_mean(st->activation), mean, sizeof mean);
	sim_format_duration(s->rto_h, rto, sizeof rto);
	add(ws, st->line, g_strconcat(key, ".activation", NULL),
	    g_strdup_printf("failover of service '%s' to '%s' takes %s on "
			    "average > 'rto' %s, and no other path is faster",
			    s->id, sc->sites[st->site].id, mean, rto),
	    g_strdup_printf("a hot standby fed by a replica, activated "
			    "within %s, or raise 'rto' to %s",
			    rto, mean));
}

static void lint_rto(const MdlScenario *sc, const MdlService *s,
		     GPtrArray *ws)
{
	gboolean fast = lint_restores(sc, s, ws);
	const MdlPlan *p = &s->plan;

	/* A slow failover is only a problem when nothing else meets the
	 * RTO: a cold room behind fast restores is a fallback, not a plan
	 * that cannot hold. */
	for (guint i = 0; i < p->n_strategies && !fast; i++)
		if (p->strategies[i].kind == MDL_STRATEGY_FAILOVER &&
		    sim_dist_mean(p->strategies[i].activation) <= s->rto_h)
			fast = TRUE;
	for (guint i = 0; i < p->n_strategies && !fast; i++)
		if (p->strategies[i].kind == MDL_STRATEGY_FAILOVER)
			warn_failover(sc, s, i, ws);
}

/* ---- 2. RPO below what any copy gives --------------------------------- */

/* How long a job of c takes, as the lint counts it: the mean of its
 * `duration` law (what it takes most of the time, as for a replica's
 * lag), or the size at the horizon over its throughput (sizes only grow,
 * so that is the longest job of the horizon), or 0 when it is instant. */
static double job_h(const MdlScenario *sc, const MdlDataset *ds,
		    const MdlCopy *c)
{
	if (c->duration)
		return sim_dist_mean(c->duration);
	if (isfinite(c->throughput))
		return mdl_dataset_size(ds, sc->horizon_h) / c->throughput;
	return 0;
}

/* The largest loss a copy guarantees not to exceed.  A job is usable
 * only once it completes, so a loss just before job k completes finds
 * job k - 1 the newest: a period and a job lost.  An offsite job takes
 * the newest completed backup, as old as that at worst, and is usable
 * `delay` after it starts: the offsite period and delay come on top.  A
 * replica loses its lag, whose mean is what it gives most of the time. */
static double copy_rpo(const MdlScenario *sc, const MdlDataset *ds,
		       const MdlCopy *c)
{
	switch (c->kind) {
	case MDL_COPY_SNAPSHOT:
	case MDL_COPY_BACKUP:
		return c->period_h + job_h(sc, ds, c);
	case MDL_COPY_OFFSITE:
		return c->period_h + c->delay_h +
		       copy_rpo(sc, ds, &ds->copies[c->source]);
	case MDL_COPY_REPLICATION:
		return c->sync ? 0 : sim_dist_mean(c->lag);
	}
	return INFINITY;
}

/* "its period 1h + its job 2h" (whose = "its"): the terms of a snapshot
 * or backup; an instant job adds none. */
static void append_job_terms(GString *out, const char *whose,
			     const MdlScenario *sc, const MdlDataset *ds,
			     const MdlCopy *c)
{
	double job = job_h(sc, ds, c);
	char period[16], took[16];

	sim_format_duration(c->period_h, period, sizeof period);
	g_string_append_printf(out, "%s period %s", whose, period);
	if (job > 0) {
		sim_format_duration(job, took, sizeof took);
		g_string_append_printf(out, " + %s job %s", whose, took);
	}
}

/* What copy_rpo() adds up, for the message.  An offsite copy is never
 * the best (its backup loses less), but its terms are said all the same
 * rather than left to a default. */
static char *rpo_terms(const MdlScenario *sc, const MdlDataset *ds,
		       const MdlCopy *c)
{
	GString *out = g_string_new(NULL);
	char period[16], delay[16];

	switch (c->kind) {
	case MDL_COPY_SNAPSHOT:
	case MDL_COPY_BACKUP:
		append_job_terms(out, "its", sc, ds, c);
		break;
	case MDL_COPY_OFFSITE:
		sim_format_duration(c->period_h, period, sizeof period);
		g_string_append_printf(out, "its period %s", period);
		if (c->delay_h > 0) {
			sim_format_duration(c->delay_h, delay, sizeof delay);
			g_string_append_printf(out, " + its delay %s", delay);
		}
		g_string_append(out, " + ");
		append_job_terms(out, "its backup's", sc, ds,
				 &ds->copies[c->source]);
		break;
	case MDL_COPY_REPLICATION:
		g_string_append(out, c->sync ? "synchronous" : "its mean lag");
		break;
	}
	return g_string_free(out, FALSE);
}

/* ", 'hourly' at 2 TB/h or faster": when the best copy's period fits in
 * the RPO, a faster job of it would do; else "" (only a shorter period
 * would, which the rest of the fix says). */
static char *faster_job(const MdlScenario *sc, const MdlDataset *ds,
			const MdlCopy *c, double rpo_h)
{
	double budget = rpo_h - c->period_h;
	char v[32];

	if ((c->kind != MDL_COPY_SNAPSHOT && c->kind != MDL_COPY_BACKUP) ||
	    job_h(sc, ds, c) <= 0 || budget <= 0)
		return g_strdup("");
	if (c->duration) {
		sim_format_duration(budget, v, sizeof v);
		return g_strdup_printf(", jobs of '%s' within %s", c->id, v);
	}
	format_size(mdl_dataset_size(ds, sc->horizon_h) / budget, v, sizeof v);
	return g_strdup_printf(", '%s' at %s/h or faster", c->id, v);
}

static void warn_rpo(const MdlScenario *sc, const MdlService *s,
		     const MdlDataset *ds, const MdlCopy *best, double rpo_h,
		     GPtrArray *ws)
{
	g_autofree char *terms = NULL, *faster = NULL;
	char got[16], want[16];
	char *msg;

	sim_format_duration(rpo_h, got, sizeof got);
	sim_format_duration(s->rpo_h, want, sizeof want);
	if (best) {
		terms = rpo_terms(sc, ds, best);
		faster = faster_job(sc, ds, best, s->rpo_h);
		msg = g_strdup_printf("'rpo' %s of service '%s' cannot hold: "
				      "the best copy of '%s', '%s', may "
				      "lose %s (%s)",
				      want, s->id, ds->id, best->id, got,
				      terms);
	} else {
		msg = g_strdup_printf("'rpo' %s of service '%s' cannot hold: "
				      "'%s' has no copy",
				      want, s->id, ds->id);
	}
	add(ws, s->line, g_strdup_printf("services.%s.rpo", s->id), msg,
	    g_strdup_printf("snapshots or a replication of '%s' every %s or "
			    "less%s, or raise 'rpo'%s%s",
			    ds->id, want, faster ? faster : "",
			    best ? " to " : "", best ? got : ""));
}

/* The best copy is the one whose worst loss is the smallest (ties: the
 * first listed).  An offsite copy never beats its backup, whose worst it
 * adds to: copying a backup more often than it runs gains nothing. */
static void lint_rpo(const MdlScenario *sc, const MdlService *s,
		     GPtrArray *ws)
{
	for (guint i = 0; i < s->n_datasets; i++) {
		const MdlDataset *ds = &sc->datasets[s->datasets[i]];
		const MdlCopy *best = NULL;
		double rpo_h = INFINITY;

		for (guint k = 0; k < ds->n_copies; k++) {
			double r = copy_rpo(sc, ds, &ds->copies[k]);

			if (r < rpo_h) {
				rpo_h = r;
				best = &ds->copies[k];
			}
		}
		if (rpo_h > s->rpo_h)
			warn_rpo(sc, s, ds, best, rpo_h, ws);
	}
}

/* ---- 5. single points of failure shared with the standby -------------- */

/* The required components of s, group by group, of each requirement all
 * of whose alternatives satisfy `shared` (an alternative left standing
 * is no single point of failure). */
static GPtrArray *shared_requirements(const MdlScenario *sc,
				      const MdlService *s,
				      gboolean (*shared)(const MdlScenario *,
							 const MdlStrategy *,
							 guint),
				      const MdlStrategy *st)
{
	GPtrArray *names = g_ptr_array_new();

	for (guint i = 0; i < s->n_requires;) {
		guint j = i;
		gboolean all = TRUE;

		for (; j < s->n_requires && s->group[j] == s->group[i]; j++)
			all = all && shared(sc, st, s->requires[j]);
		for (; all && i < j; i++)
			g_ptr_array_add(names,
					sc->components[s->requires[i]].id);
		i = j;
	}
	return names;
}

static gboolean on_standby_site(const MdlScenario *sc, const MdlStrategy *st,
				guint comp)
{
	return sc->components[comp].site == st->site;
}

static gboolean standby_requires(const MdlScenario *sc, const MdlStrategy *st,
				 guint comp)
{
	(void)sc;
	for (guint k = 0; k < st->n_requires; k++)
		if (st->requires[k] == comp)
			return TRUE;
	return FALSE;
}

static void lint_standby(const MdlScenario *sc, const MdlService *s, guint i,
			 GPtrArray *ws)
{
	const MdlStrategy *st = &s->plan.strategies[i];
	const char *site = sc->sites[st->site].id;
	g_autofree char *key = strategy_key(s, i);
	g_autoptr(GPtrArray) here = shared_requirements(sc, s, on_standby_site,
							st);
	g_autoptr(GPtrArray) both = shared_requirements(sc, s,
							standby_requires, st);

	if (here->len > 0) {
		g_autofree char *list = quoted_list(here);

		add(ws, st->line, g_strconcat(key, ".site", NULL),
		    g_strdup_printf("the standby of service '%s' is on site "
				    "'%s', where it also requires %s: one "
				    "event on the site takes both down",
				    s->id, site, list),
		    g_strdup_printf("a standby on a site none of the "
				    "components of '%s' is on",
				    s->id));
	}
	if (both->len > 0) {
		g_autofree char *list = quoted_list(both);

		add(ws, st->line, g_strconcat(key, ".requires", NULL),
		    g_strdup_printf("the standby of service '%s' on '%s' "
				    "requires %s, which the primary requires "
				    "too: a single point of failure of both",
				    s->id, site, list),
		    g_strdup("give the standby a link or control plane of "
			     "its own, or accept the shared risk "
			     "knowingly"));
	}
}

/* TRUE when service d has a failover strategy of its own. */
static gboolean has_failover(const MdlService *d)
{
	for (guint i = 0; i < d->plan.n_strategies; i++)
		if (d->plan.strategies[i].kind == MDL_STRATEGY_FAILOVER)
			return TRUE;
	return FALSE;
}

/* TRUE when site is the site of a component service s requires. */
static gboolean primary_site(const MdlScenario *sc, const MdlService *s,
			     guint site)
{
	for (guint k = 0; k < s->n_requires; k++)
		if (sc->components[s->requires[k]].site == site)
			return TRUE;
	return FALSE;
}

/* TRUE when the standby st requires a component on site: it goes down
 * with the site anyway (the rule on shared requirements says so). */
static gboolean standby_on(const MdlScenario *sc, const MdlStrategy *st,
			   guint site)
{
	for (guint k = 0; k < st->n_requires; k++)
		if (sc->components[st->requires[k]].site == site)
			return TRUE;
	return st->site == site;
}

/* The site of a requirement of d (every alternative of it there) that
 * the primary of s is on too, and the standby st neither is nor needs:
 * G_MAXUINT when none. */
static guint shared_site(const MdlScenario *sc, const MdlService *s,
			 const MdlService *d, const MdlStrategy *st)
{
	for (guint i = 0; i < d->n_requires;) {
		guint j = i, site = sc->components[d->requires[i]].site;
		gboolean same = TRUE;

		for (; j < d->n_requires && d->group[j] == d->group[i]; j++)
			same = same && sc->components[d->requires[j]].site == site;
		if (same && !standby_on(sc, st, site) &&
		    primary_site(sc, s, site))
			return site;
		i = j;
	}
	return G_MAXUINT;
}

/* A standby that waits for a service lost with the primary: one it
 * needs there (the strategy's `depends`, or the service's) with no
 * failover of its own and a requirement on a site of the primary. */
static void lint_standby_depends(const MdlScenario *sc, const MdlService *s,
				 guint i, GPtrArray *ws)
{
	const MdlStrategy *st = &s->plan.strategies[i];
	const guint *deps = st->own_depends ? st->depends : s->depends;
	guint n = st->own_depends ? st->n_depends : s->n_depends;
	g_autofree char *key = strategy_key(s, i);

	for (guint k = 0; k < n; k++) {
		const MdlService *d = &sc->services[deps[k]];
		guint site = shared_site(sc, s, d, st);
		if (has_failover(d) || site == G_MAXUINT)
			continue;
		add(ws, st->line, g_strconcat(key, ".depends", NULL),
		    g_strdup_printf("on its standby at '%s' service '%s' "
				    "needs '%s' (%s), which has no failover "
				    "and runs on '%s' with the primary: a "
				    "disaster there leaves the standby "
				    "waiting for '%s'",
				    sc->sites[st->site].id, s->id, d->id,
				    st->own_depends ? "the failover's 'depends'"
						    : "its 'depends'",
				    sc->sites[site].id, d->id),
		    g_strdup_printf("give '%s' a failover, or name what the "
				    "standby needs with 'depends' ([] when it "
				    "has its own)", d->id));
	}
}

/* ---- 3, 4, 6: where data lives and how long copies are kept ----------- */

static void lint_eea(const MdlScenario *sc, const MdlDataset *ds,
		     GPtrArray *ws)
{
	const MdlSite *home = &sc->sites[sc->components[ds->storage].site];

	if (!in_eea(home->country))
		add(ws, ds->line,
		    g_strdup_printf("datasets.%s.storage", ds->id),
		    g_strdup_printf("dataset '%s' is stored on site '%s' in "
				    "'%s', outside the EEA (HDS, EXI 28)",
				    ds->id, home->id, home->country),
		    g_strdup("store health data in the EEA: the EU, IS, LI "
			     "or NO"));
	for (guint k = 0; k < ds->n_copies; k++) {
		const MdlCopy *c = &ds->copies[k];
		const MdlSite *site = &sc->sites[c->site];
		g_autofree char *key = copy_key(ds, c);

		/* A snapshot lives with its storage: reported above. */
		if (c->kind == MDL_COPY_SNAPSHOT || in_eea(site->country))
			continue;
		add(ws, c->line, g_strconcat(key, ".site", NULL),
		    g_strdup_printf("copy '%s/%s' is kept on site '%s' in "
				    "'%s', outside the EEA (HDS, EXI 28)",
				    ds->id, c->id, site->id, site->country),
		    g_strdup("keep copies of health data in the EEA: the "
			     "EU, IS, LI or NO"));
	}
}

/* 3-2-1: a copy ransomware cannot encrypt, and one away from the
 * storage's site, which a fire takes with everything on it. */
static void lint_321(const MdlScenario *sc, const MdlDataset *ds,
		     GPtrArray *ws)
{
	guint home = sc->components[ds->storage].site;
	gboolean immutable = FALSE, away = FALSE;

	for (guint k = 0; k < ds->n_copies; k++) {
		immutable = immutable || ds->copies[k].immutable;
		away = away || ds->copies[k].site != home;
	}
	if (!immutable)
		add(ws, ds->line,
		    g_strdup_printf("datasets.%s.copies", ds->id),
		    g_strdup_printf("dataset '%s' has no immutable or offline "
				    "copy: ransomware can encrypt every one "
				    "(3-2-1)",
				    ds->id),
		    g_strdup("make a backup or its offsite copy 'immutable' "
			     "or 'offline', a tape out of the library"));
	if (!away)
		add(ws, ds->line,
		    g_strdup_printf("datasets.%s.copies", ds->id),
		    g_strdup_printf("dataset '%s' has no copy on another site "
				    "than its storage's, '%s': one disaster "
				    "there loses every copy (3-2-1)",
				    ds->id, sc->sites[home].id),
		    g_strdup("send a backup to another 'site', or add an "
			     "'offsite' copy"));
}

/* How long the copies of c are kept: the smaller of `keep` jobs and
 * `retention`; INFINITY without either limit.  *by_keep says which one
 * binds. */
static double retained_h(const MdlCopy *c, gboolean *by_keep)
{
	double span = c->keep > 0 ? c->keep * c->period_h : INFINITY;

	*by_keep = span < c->retention_h;
	return MIN(span, c->retention_h);
}

static char *dwell_fix(const MdlCopy *c, double dwell_h, const char *dwell)
{
	double keep = ceil(dwell_h / c->period_h);
	gboolean keep_short = c->keep > 0 && c->keep * c->period_h < dwell_h;
	gboolean ret_short = c->retention_h < dwell_h;

	if (keep_short && ret_short)
		return g_strdup_printf("keep them %s or more: 'keep' >= %.0f "
				       "and 'retention' >= %s",
				       dwell, keep, dwell);
	if (keep_short)
		return g_strdup_printf("keep them %s or more: 'keep' >= %.0f",
				       dwell, keep);
	return g_strdup_printf("keep them %s or more: 'retention' >= %s",
			       dwell, dwell);
}

static void lint_dwell(const MdlDataset *ds, double dwell_h, GPtrArray *ws)
{
	char dwell[16], kept[16];

	sim_format_duration(dwell_h, dwell, sizeof dwell);
	for (guint k = 0; k < ds->n_copies; k++) {
		const MdlCopy *c = &ds->copies[k];
		gboolean by_keep;
		double span;

		if (c->kind == MDL_COPY_REPLICATION)
			continue;	/* no history: nothing is kept */
		span = retained_h(c, &by_keep);
		if (span >= dwell_h)
			continue;
		g_autofree char *key = copy_key(ds, c);
		sim_format_duration(span, kept, sizeof kept);
		add(ws, c->line,
		    g_strconcat(key, by_keep ? ".keep" : ".retention", NULL),
		    g_strdup_printf("copies of '%s/%s' are kept %s, less "
				    "than a ransomware dwell time of %s: "
				    "every kept copy may be infected",
				    ds->id, c->id, kept, dwell),
		    dwell_fix(c, dwell_h, dwell));
	}
}

/* ---- 7. the project's lead time ---------------------------------------- */

/* A lead time with nothing to run during it: the new topology is
 * simulated from t = 0, so its first months look better than they are. */
static void lint_lead_time(const MdlScenario *sc, GPtrArray *ws)
{
	const MdlCosts *c = sc->costs;
	char lead[32];

	if (!c || sc->replaces || c->project_lead_h <= 0)
		return;
	sim_format_duration(c->project_lead_h, lead, sizeof lead);
	add(ws, c->lead_line, g_strdup("costs.project.lead_time"),
	    g_strdup_printf("the project's lead time of %s is not simulated: "
			    "the topology is taken to be in service from the "
			    "start, and what runs until then is left out",
			    lead),
	    g_strdup("name the scenario of the topology in service until "
		     "then with 'replaces' in 'project'"));
}

/* ---- 8. an RTO beyond the MTPD --------------------------------------- */

/* RTO <= MTPD (ISO 22301, parameters.md): an RTO past the MTPD accepts
 * outages the hospital has said it cannot bear. */
static void lint_mtpd(const MdlService *s, GPtrArray *ws)
{
	char rto[16], mtpd[16];

	if (!isfinite(s->rto_h) || !(s->rto_h > s->mtpd_h))
		return;
	sim_format_duration(s->rto_h, rto, sizeof rto);
	sim_format_duration(s->mtpd_h, mtpd, sizeof mtpd);
	add(ws, s->line, g_strdup_printf("services.%s.mtpd", s->id),
	    g_strdup_printf("'rto' %s of service '%s' exceeds its 'mtpd' %s: "
			    "the target accepts outages the hospital cannot "
			    "bear",
			    rto, s->id, mtpd),
	    g_strdup_printf("lower 'rto' to %s or less, or raise 'mtpd'",
			    mtpd));
}

/* ---- the whole scenario ----------------------------------------------- */

static void lint_service(const MdlScenario *sc, const MdlService *s,
			 GPtrArray *ws)
{
	if (isfinite(s->rto_h))
		lint_rto(sc, s, ws);
	if (isfinite(s->rpo_h))
		lint_rpo(sc, s, ws);
	lint_mtpd(s, ws);
	for (guint i = 0; i < s->plan.n_strategies; i++)
		if (s->plan.strategies[i].kind == MDL_STRATEGY_FAILOVER) {
			lint_standby(sc, s, i, ws);
			lint_standby_depends(sc, s, i, ws);
		}
}

/* Line, then key, then message: a stable order whatever the sort. */
static gint by_line(gconstpointer a, gconstpointer b)
{
	const MdlLintWarning *x = *(const MdlLintWarning *const *)a;
	const MdlLintWarning *y = *(const MdlLintWarning *const *)b;
	int c;

	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	c = strcmp(x->key, y->key);
	return c ? c : strcmp(x->message, y->message);
}

/* Each warning's line, a line of the scenario's text, as the file and
 * line it is in (sorted by position first: the order the file is read). */
static void locate(const MdlScenario *sc, GPtrArray *ws)
{
	for (guint i = 0; i < ws->len; i++) {
		MdlLintWarning *w = ws->pdata[i];
		const char *file = mdl_scenario_locate(sc, w->line, &w->line);

		if (strcmp(file, sc->file) != 0)
			w->file = file;
	}
}

GPtrArray *mdl_lint(const MdlScenario *sc)
{
	GPtrArray *ws;
	double dwell_h;

	g_return_val_if_fail(sc != NULL, NULL);
	ws = g_ptr_array_new_with_free_func(
		(GDestroyNotify)mdl_lint_warning_free);
	/* The first threat's dwell: one figure for every copy, as a
	 * scenario rarely has more than one ransomware threat. */
	dwell_h = sc->n_ransomware > 0
			  ? sim_dist_mean(sc->ransomware[0].dwell)
			  : DEFAULT_DWELL_H;
	for (guint i = 0; i < sc->n_services; i++)
		lint_service(sc, &sc->services[i], ws);
	for (guint i = 0; i < sc->n_datasets; i++) {
		lint_eea(sc, &sc->datasets[i], ws);
		lint_321(sc, &sc->datasets[i], ws);
		lint_dwell(&sc->datasets[i], dwell_h, ws);
	}
	lint_lead_time(sc, ws);
	g_ptr_array_sort(ws, by_line);
	locate(sc, ws);
	return ws;
}
