/* datasets.c — reading datasets and their copies: snapshots, backups and
 * their offsite copies, replications (see MdlDataset and MdlCopy in
 * scenario.h and "Datasets" in docs/scenario-format.md).
 *
 * A copy's kind is read first: a key another kind takes is reported as
 * not allowed for this one, a key no kind takes as unknown.  An offsite
 * copy, written inside its backup, becomes a copy of its own appended
 * after the listed ones, so that listed copies keep their list index
 * (the one `--set datasets.D.copies.N` uses). */
#include "scenario-private.h"

#include <math.h>
#include <string.h>

/* A copy's site before it is resolved: a snapshot whose storage is
 * unknown, or a site id that is.  Never left after a successful load. */
#define NO_SITE G_MAXUINT

static const char *const dataset_keys[] = {
	"id",	   "storage", "size",	 "growth",
	"history", "copies",  "restore", NULL};
/* A dataset's `restore` (the order of a restore, whatever the copy); a
 * copy's `restore` (how fast) takes restore_keys below. */
static const char *const dataset_restore_keys[] = {"first", NULL};
static const char *const first_keys[] = {"fraction", "name", NULL};
static const char *const copy_keys[] = {
	"id",	   "kind",	"every",      "at",	 "daily",
	"weekly",  "duration",	"throughput", "fail",	 "site",
	"keep",	   "retention", "immutable",  "offline", "restore",
	"offsite", "mode",	"lag",	      "via",	 NULL};
static const char *const offsite_keys[] = {
	"id",	     "every",	   "at",      "daily",
	"weekly",    "delay",	   "site",    "keep",
	"retention", "immutable",  "offline", "restore",
	"duration",  "throughput", "fail",    NULL};
static const char *const restore_keys[] = {"throughput", "overhead", "success",
					   NULL};
static const char *const copy_kinds[] = {"snapshot", "backup", "replication",
					 NULL};
static const MdlCopyKind kind_of[] = {MDL_COPY_SNAPSHOT, MDL_COPY_BACKUP,
				      MDL_COPY_REPLICATION};
static const char *const replication_modes[] = {"sync", "async", NULL};

/* The keys each kind does not take (of those some other kind takes). */
static const char *const not_snapshot[] = {"site", "offsite", "mode", "lag",
					   "via",  NULL};
static const char *const not_backup[] = {"mode", "lag", "via", NULL};
static const char *const not_replication[] = {
	"every",      "at",	 "daily", "weekly",    "duration",
	"throughput", "fail",	 "keep",  "retention", "immutable",
	"offline",    "offsite", NULL};
/* An offsite copy's transfer is its `delay`. */
static const char *const not_offsite[] = {"duration", "throughput", "fail",
					  NULL};

/* ---- freeing ----------------------------------------------------------- */

void ld_dataset_clear(MdlDataset *ds)
{
	for (guint i = 0; i < ds->n_copies; i++) {
		g_free(ds->copies[i].id);
		sim_dist_free(ds->copies[i].duration);
		sim_dist_free(ds->copies[i].lag);
		g_free(ds->copies[i].via);
	}
	g_free(ds->copies);
	g_free(ds->id);
	g_free(ds->first_name);
	memset(ds, 0, sizeof *ds);
}

/* ---- values ------------------------------------------------------------ */

/* A duration > 0 (every, retention): 0 would mean jobs without end at
 * one instant, or copies deleted as soon as made. */
static gboolean positive_duration(Loader *ld, const config_setting_t *s,
				  const char *ctx, double *out)
{
	double v;

	if (!ld_duration(ld, s, ctx, &v))
		return FALSE;
	if (!(v > 0)) {
		g_autofree char *got = ld_value_text(s);

		ld_error(ld, s, "'%s' must be > 0 in %s (got %s)",
			 config_setting_name(s), ctx, got);
		return FALSE;
	}
	*out = v;
	return TRUE;
}

/* sim_parse_clock or sim_parse_weekly. */
typedef gboolean (*ClockParser)(const char *s, double *hours, GError **error);

/* A time of day or of the week, read by parse. */
static gboolean clock_value(Loader *ld, const config_setting_t *s,
			    const char *ctx, ClockParser parse, double *out)
{
	GError *err = NULL;
	const char *text;

	if (!ld_text(ld, s, ctx, FALSE, &text))
		return FALSE;
	if (!parse(text, out, &err)) {
		ld_error(ld, s, "'%s' in %s: %s", config_setting_name(s), ctx,
			 err->message);
		g_error_free(err);
		return FALSE;
	}
	/* "24:00" ends an interval; as an instant it is tomorrow 00:00. */
	if (*out >= 24 && parse == sim_parse_clock) {
		ld_error(ld, s,
			 "'%s' must be a time of day before 24:00 in %s "
			 "(got \"%s\")",
			 config_setting_name(s), ctx, text);
		return FALSE;
	}
	return TRUE;
}

/* ---- schedules and jobs ------------------------------------------------ */

/* The one schedule key of g (every, daily or weekly), or NULL after
 * reporting none or several. */
static config_setting_t *schedule_key(Loader *ld, const config_setting_t *g,
				      const char *ctx)
{
	static const char *const keys[] = {"every", "daily", "weekly"};
	config_setting_t *found = NULL;

	for (size_t i = 0; i < G_N_ELEMENTS(keys); i++) {
		config_setting_t *s = config_setting_get_member(g, keys[i]);

		if (!s)
			continue;
		if (found) {
			ld_error(ld, ld_latest(found, s),
				 "give only one of 'every', 'daily' or "
				 "'weekly' in %s",
				 ctx);
			return NULL;
		}
		found = s;
	}
	if (!found)
		ld_error(ld, g,
			 "missing required key 'every', 'daily' or 'weekly' "
			 "in %s",
			 ctx);
	return found;
}

/* first_h and period_h: jobs at first_h + k·period_h.  Clock times are
 * exact since the calendar has no daylight saving. */
static void read_schedule(Loader *ld, const config_setting_t *g,
			  const MdlScenario *sc, MdlCopy *c, const char *ctx)
{
	config_setting_t *s = schedule_key(ld, g, ctx);
	config_setting_t *at = config_setting_get_member(g, "at");
	const char *key = s ? config_setting_name(s) : "";
	double v;

	if (!s)
		return;
	if (at && strcmp(key, "every") != 0) {
		ld_error(ld, at, "'at' applies only with 'every' in %s", ctx);
		at = NULL;
	}
	if (strcmp(key, "every") == 0) {
		if (positive_duration(ld, s, ctx, &v))
			c->period_h = v;
		if (at && ld_duration(ld, at, ctx, &v))
			c->first_h = v;
	} else if (strcmp(key, "daily") == 0) {
		c->period_h = 24;
		if (clock_value(ld, s, ctx, sim_parse_clock, &v))
			c->first_h =
				sim_calendar_next_daily(&sc->calendar, 0, v);
	} else {
		c->period_h = 168;
		if (clock_value(ld, s, ctx, sim_parse_weekly, &v))
			c->first_h =
				sim_calendar_next_weekly(&sc->calendar, 0, v);
	}
}

/* A job's duration: a law, or size / throughput; neither: instant. */
static void read_job(Loader *ld, const config_setting_t *g, MdlCopy *c,
		     const char *ctx)
{
	config_setting_t *dur = config_setting_get_member(g, "duration");
	config_setting_t *tp = config_setting_get_member(g, "throughput");
	config_setting_t *s;

	if (dur && tp) {
		ld_error(ld, ld_latest(dur, tp),
			 "give either 'duration' or 'throughput', not both, "
			 "in %s",
			 ctx);
		return;
	}
	if (dur)
		c->duration = ld_law(ld, dur, ctx);
	else if (tp)
		ld_throughput(ld, tp, ctx, &c->throughput);
	if ((s = config_setting_get_member(g, "fail")))
		ld_percent(ld, s, ctx, &c->fail_p);
}

/* keep, retention, and immutable (or its synonym offline). */
static void read_retention(Loader *ld, const config_setting_t *g, MdlCopy *c,
			   const char *ctx)
{
	config_setting_t *s = config_setting_get_member(g, "keep");
	config_setting_t *imm = config_setting_get_member(g, "immutable");
	config_setting_t *off = config_setting_get_member(g, "offline");
	gint64 keep;

	if (s && ld_int(ld, s, ctx, 1, LD_MAX_COUNT, &keep))
		c->keep = (guint)keep;
	if ((s = config_setting_get_member(g, "retention")))
		positive_duration(ld, s, ctx, &c->retention_h);
	if (imm && off)
		ld_error(ld, ld_latest(imm, off),
			 "give either 'immutable' or 'offline' (the same "
			 "thing), not both, in %s",
			 ctx);
	else if (imm || off)
		ld_bool(ld, imm ? imm : off, ctx, &c->immutable);
}

static void read_restore(Loader *ld, const config_setting_t *g, MdlRestore *r,
			 const char *ctx)
{
	config_setting_t *rg = ld_group(ld, g, "restore", ctx);
	g_autofree char *rctx = NULL;
	config_setting_t *s;

	if (!rg)
		return;
	rctx = g_strdup_printf("'restore' of %s", ctx);
	ld_check_keys(ld, rg, restore_keys, rctx);
	if ((s = config_setting_get_member(rg, "throughput")))
		ld_throughput(ld, s, rctx, &r->throughput);
	if ((s = config_setting_get_member(rg, "overhead")))
		ld_duration(ld, s, rctx, &r->overhead_h);
	if ((s = config_setting_get_member(rg, "success")))
		ld_percent(ld, s, rctx, &r->success);
}

/* ---- copies ------------------------------------------------------------ */

static void copy_defaults(MdlCopy *c)
{
	c->throughput = INFINITY;
	c->site = NO_SITE;
	c->retention_h = INFINITY;
	c->source = -1;
	c->restore.throughput = INFINITY;
	c->restore.success = 1;
}

static void read_site(Loader *ld, const config_setting_t *g, MdlCopy *c,
		      const char *ctx)
{
	config_setting_t *s = ld_required(ld, g, "site", ctx);
	guint site;

	if (s && ld_ref(ld, s, LD_SITE, ctx, &site))
		c->site = site;
}

static void read_replication(Loader *ld, const config_setting_t *g, MdlCopy *c,
			     const char *ctx)
{
	config_setting_t *s = ld_required(ld, g, "mode", ctx);
	config_setting_t *lag = config_setting_get_member(g, "lag");
	int mode;

	read_site(ld, g, c, ctx);
	if (!s || !ld_choice(ld, s, ctx, replication_modes, &mode))
		return;
	c->sync = mode == 0;
	if (c->sync && lag)
		ld_error(ld, lag,
			 "'lag' does not apply to a \"sync\" replication "
			 "(it loses nothing) in %s",
			 ctx);
	else if (!c->sync && (lag = ld_required(ld, g, "lag", ctx)))
		c->lag = ld_law(ld, lag, ctx);
}

/* `via`: the components a replication's traffic travels on (a WAN
 * link), at least one when given. */
static void read_via(Loader *ld, const config_setting_t *g, MdlCopy *c,
		     const char *ctx)
{
	config_setting_t *s = config_setting_get_member(g, "via");

	if (!s || !ld_read_refs(ld, s, LD_COMPONENT, ctx, &c->via, &c->n_via))
		return;
	if (config_setting_length(s) == 0)
		ld_error(ld, s, "'via' must name at least one component in %s",
			 ctx);
}

/* A listed copy (not an offsite one); FALSE when its kind is unknown. */
static gboolean read_copy(Loader *ld, const config_setting_t *g, int i,
			  const MdlScenario *sc, const MdlDataset *ds,
			  gboolean storage_ok, MdlCopy *c, const char *dctx)
{
	g_autofree char *ctx = ld_object_ctx(g, "id", "copy", i, dctx);
	config_setting_t *s;
	int kind;

	ld_check_keys(ld, g, copy_keys, ctx);
	c->line = (int)ld_line(g);
	c->id = ld_required_text(ld, g, "id", ctx);
	/* Without a known kind, which keys apply cannot be told. */
	if (!(s = ld_required(ld, g, "kind", ctx)) ||
	    !ld_choice(ld, s, ctx, copy_kinds, &kind))
		return FALSE;
	c->kind = kind_of[kind];
	switch (c->kind) {
	case MDL_COPY_SNAPSHOT:
		ld_refuse(ld, g, not_snapshot, "a snapshot", ctx);
		if (storage_ok)
			c->site = sc->components[ds->storage].site;
		break;
	case MDL_COPY_BACKUP:
		ld_refuse(ld, g, not_backup, "a backup", ctx);
		read_site(ld, g, c, ctx);
		break;
	default:
		ld_refuse(ld, g, not_replication, "a replication", ctx);
		read_replication(ld, g, c, ctx);
		read_via(ld, g, c, ctx);
		break;
	}
	if (c->kind != MDL_COPY_REPLICATION) {
		read_schedule(ld, g, sc, c, ctx);
		read_job(ld, g, c, ctx);
		read_retention(ld, g, c, ctx);
	}
	read_restore(ld, g, &c->restore, ctx);
	return TRUE;
}

/* The offsite copy og of the backup copies[source] into c. */
static void read_offsite(Loader *ld, const config_setting_t *og,
			 const MdlScenario *sc, const MdlCopy *backup,
			 guint source, MdlCopy *c, const char *bctx)
{
	g_autofree char *ctx = ld_object_ctx(og, "id", "offsite copy", 0, bctx);
	config_setting_t *s;

	ld_check_keys(ld, og, offsite_keys, ctx);
	copy_defaults(c);
	c->kind = MDL_COPY_OFFSITE;
	c->source = (gint)source;
	c->line = (int)ld_line(og);
	c->id = ld_required_text(ld, og, "id", ctx);
	ld_refuse(ld, og, not_offsite, "an offsite copy", ctx);
	read_site(ld, og, c, ctx);
	if (c->site != NO_SITE && c->site == backup->site)
		ld_error(ld, config_setting_get_member(og, "site"),
			 "'site' must differ from its backup's ('%s') in %s",
			 sc->sites[c->site].id, ctx);
	read_schedule(ld, og, sc, c, ctx);
	if ((s = config_setting_get_member(og, "delay")))
		ld_duration(ld, s, ctx, &c->delay_h);
	read_retention(ld, og, c, ctx);
	read_restore(ld, og, &c->restore, ctx);
}

/* Appends the offsite copy of each backup of the list to copies (their
 * id settings to ids). */
static void read_offsites(Loader *ld, const config_setting_t *list,
			  const MdlScenario *sc, GArray *copies, GPtrArray *ids,
			  const char *dctx)
{
	guint n = (guint)config_setting_length(list);

	for (guint i = 0; i < n; i++) {
		config_setting_t *g = config_setting_get_elem(list, i);
		g_autofree char *bctx = NULL;
		config_setting_t *og;
		MdlCopy c = {0};

		if (!config_setting_is_group(g) ||
		    g_array_index(copies, MdlCopy, i).kind != MDL_COPY_BACKUP)
			continue;
		bctx = ld_object_ctx(g, "id", "copy", (int)i, dctx);
		if (!(og = ld_group(ld, g, "offsite", bctx)))
			continue;
		read_offsite(ld, og, sc, &g_array_index(copies, MdlCopy, i), i,
			     &c, bctx);
		g_array_append_val(copies, c);
		g_ptr_array_add(ids, config_setting_get_member(og, "id"));
	}
}

/* Reports bad copy ids and one already given in the dataset (offsite
 * copies included): outputs name copies by id within their dataset. */
static void check_copy_ids(Loader *ld, const GPtrArray *ids, const char *dctx)
{
	for (guint i = 0; i < ids->len; i++) {
		const config_setting_t *s = ids->pdata[i];
		const char *id;

		if (!s || config_setting_type(s) != CONFIG_TYPE_STRING)
			continue;
		id = config_setting_get_string(s);
		if (*id && !ld_id_valid(id))
			ld_error(ld, s,
				 "bad copy id \"%s\": use letters, digits, "
				 "'_' and '-'",
				 id);
		for (guint j = 0; j < i; j++) {
			const config_setting_t *t = ids->pdata[j];
			g_autofree char *where = NULL;

			if (!t ||
			    config_setting_type(t) != CONFIG_TYPE_STRING ||
			    strcmp(config_setting_get_string(t), id) != 0)
				continue;
			where = ld_where(ld, t, s);
			ld_error(ld, s,
				 "duplicate copy id '%s' in %s (first at %s)",
				 id, dctx, where);
			break;
		}
	}
}

static void read_copies(Loader *ld, const config_setting_t *g,
			const MdlScenario *sc, MdlDataset *ds,
			gboolean storage_ok, const char *dctx)
{
	guint n;
	config_setting_t *list = ld_sublist(ld, g, "copies", dctx, FALSE, &n);
	GArray *copies = g_array_sized_new(FALSE, TRUE, sizeof(MdlCopy), n);
	g_autoptr(GPtrArray) ids = g_ptr_array_new();

	g_array_set_size(copies, n);
	for (guint i = 0; i < n; i++) {
		config_setting_t *cg = ld_element(ld, list, (int)i, "copy");
		MdlCopy *c = &g_array_index(copies, MdlCopy, i);

		copy_defaults(c);
		g_ptr_array_add(ids, cg ? config_setting_get_member(cg, "id")
					: NULL);
		/* An unknown kind must not pass for a backup below. */
		if (cg &&
		    !read_copy(ld, cg, (int)i, sc, ds, storage_ok, c, dctx))
			c->kind = MDL_COPY_SNAPSHOT;
	}
	if (list)
		read_offsites(ld, list, sc, copies, ids, dctx);
	check_copy_ids(ld, ids, dctx);
	ds->n_copies = copies->len;
	ds->copies = (MdlCopy *)(void *)g_array_free(copies, FALSE);
}

/* ---- datasets ---------------------------------------------------------- */

static void read_size(Loader *ld, const config_setting_t *g, MdlDataset *ds,
		      const char *ctx)
{
	config_setting_t *s = ld_required(ld, g, "size", ctx);
	double v;

	if (!s || !ld_size(ld, s, ctx, &v))
		return;
	/* Nothing to protect, nothing to restore: surely a typo. */
	if (!(v > 0)) {
		g_autofree char *got = ld_value_text(s);

		ld_error(ld, s, "'size' must be > 0 in %s (got %s)", ctx, got);
		return;
	}
	ds->size_bytes = v;
}

/* `first = { fraction; name; }` of a dataset's `restore`: the part
 * restored first, which brings the service back. */
static void read_first(Loader *ld, const config_setting_t *fg,
		       MdlDataset *ds, const char *rctx)
{
	g_autofree char *fctx = g_strdup_printf("'first' of %s", rctx);
	config_setting_t *s;
	const char *name;
	double f;

	ld_check_keys(ld, fg, first_keys, fctx);
	if ((s = config_setting_get_member(fg, "name")) &&
	    ld_text(ld, s, fctx, FALSE, &name))
		ds->first_name = g_strdup(name);
	if (!(s = ld_required(ld, fg, "fraction", fctx)) ||
	    !ld_percent(ld, s, fctx, &f))
		return;
	/* 0 % would bring the service back with none of its data */
	if (!(f > 0)) {
		g_autofree char *got = ld_value_text(s);

		ld_error(ld, s, "'fraction' must be > 0 in %s (got %s)", fctx,
			 got);
		return;
	}
	ds->first_fraction = f;
}

/* The dataset's `restore`: in parts, most useful first. */
static void read_restore_order(Loader *ld, const config_setting_t *g,
			       MdlDataset *ds, const char *ctx)
{
	config_setting_t *rg = ld_group(ld, g, "restore", ctx);
	g_autofree char *rctx = NULL;
	config_setting_t *fg;

	ds->first_fraction = 1;
	if (!rg)
		return;
	rctx = g_strdup_printf("'restore' of %s", ctx);
	ld_check_keys(ld, rg, dataset_restore_keys, rctx);
	if ((fg = ld_group(ld, rg, "first", rctx)))
		read_first(ld, fg, ds, rctx);
}

/* `growth`: a percentage a year, compounded ("15%"), or a size per
 * duration, linear ("4TB/y"): a "/" tells them apart. */
static void read_growth(Loader *ld, const config_setting_t *s,
			MdlDataset *ds, const char *ctx)
{
	if (config_setting_type(s) == CONFIG_TYPE_STRING &&
	    strchr(config_setting_get_string(s), '/'))
		ld_throughput(ld, s, ctx, &ds->growth_bytes_per_h);
	else
		ld_percent(ld, s, ctx, &ds->growth);
}

double mdl_dataset_size(const MdlDataset *ds, double t)
{
	if (ds->growth_bytes_per_h > 0)
		return fmax(0, ds->size_bytes + ds->growth_bytes_per_h * t);
	return ds->size_bytes *
	       exp(log1p(ds->growth) * t / SIM_HOURS_PER_YEAR);
}

double mdl_dataset_size_integral(const MdlDataset *ds, double a, double b)
{
	double k = log1p(ds->growth) / SIM_HOURS_PER_YEAR;

	if (ds->growth_bytes_per_h > 0)
		return (ds->size_bytes +
			ds->growth_bytes_per_h * (a + b) / 2) * (b - a);
	if (k == 0)
		return ds->size_bytes * (b - a);
	/* S0 (e^{kb} − e^{ka}) / k, as S0 e^{ka} (e^{k(b−a)} − 1) / k:
	 * expm1 keeps its digits when k(b − a) is small */
	return ds->size_bytes * exp(k * a) * expm1(k * (b - a)) / k;
}

static void read_dataset(Loader *ld, const config_setting_t *g, int i,
			 const MdlScenario *sc, MdlDataset *ds)
{
	g_autofree char *ctx = ld_object_ctx(g, "id", "dataset", i, NULL);
	config_setting_t *s;
	gboolean storage_ok = FALSE;

	ld_check_keys(ld, g, dataset_keys, ctx);
	ds->line = (int)ld_line(g);
	ds->id = ld_required_text(ld, g, "id", ctx);
	if ((s = ld_required(ld, g, "storage", ctx))) {
		g_autofree char *in = g_strdup_printf("'storage' of %s", ctx);
		storage_ok = ld_ref(ld, s, LD_COMPONENT, in, &ds->storage);
	}
	read_size(ld, g, ds, ctx);
	if ((s = config_setting_get_member(g, "growth")))
		read_growth(ld, s, ds, ctx);
	ds->history_h = MDL_DEFAULT_HISTORY_H;
	if ((s = config_setting_get_member(g, "history")))
		ld_duration(ld, s, ctx, &ds->history_h);
	read_restore_order(ld, g, ds, ctx);
	read_copies(ld, g, sc, ds, storage_ok, ctx);
}

void ld_read_datasets(Loader *ld, const config_setting_t *list, MdlScenario *sc)
{
	int n = list ? config_setting_length(list) : 0;

	sc->datasets = g_new0(MdlDataset, (gsize)n);
	sc->n_datasets = (guint)n;
	ld->dataset_flawed = g_new0(gboolean, (gsize)n);
	for (int i = 0; i < n; i++) {
		config_setting_t *g = ld_element(ld, list, i, "dataset");
		guint before = ld->errors->len;

		if (g)
			read_dataset(ld, g, i, sc, &sc->datasets[i]);
		ld->dataset_flawed[i] = ld->errors->len > before;
	}
}
