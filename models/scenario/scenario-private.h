/* scenario-private.h — internals shared by the scenario loader's files:
 * scenario.c (loading, free, find, dependency order), topology.c (crews,
 * sites, components, services, threats, and helpers for objects),
 * common.c (common causes), datasets.c (datasets and their copies),
 * plans.c (services' recovery plans), law.c (laws and rates to SimDist),
 * overrides.c (--set), loader.c (the Loader and its error list),
 * reader.c (typed reads), include.c (@include expanded, and the map of
 * lines back to files), templates.c (named plans and the plans that use
 * them) and drill.c (the measured times of a drill, read with the same
 * Loader).
 *
 * A Loader collects every problem found in one file, each tagged with its
 * origin — a line of the file, or the --set override the value came from —
 * so that all are reported at once, sorted by line.
 *
 * Lines: libconfig parses one text, the file with every @include
 * expanded in place (include.c); a setting's line (ld_line(), the
 * objects' `line`) is a line of that text, a position.  Messages map it
 * back to the file and line it came from (ld_locate()); a file that
 * includes nothing is its own text, so positions are its lines.  The readers (ld_int,
 * ld_duration...) switch on the libconfig type themselves (never its
 * auto-conversion), report into the Loader and return FALSE on a bad
 * value; callers then go on with the next key or object, so one mistake
 * is reported once and does not stop the checks of the rest.
 *
 * Contexts are phrases naming the object a message is about, used after
 * "in": "component 'san'", "'ttf' of failure mode 'hw' of component
 * 'app'", "'scenario'", "the file".  They are borrowed for the call.
 *
 * Ownership: setting pointers are borrowed from the config being read,
 * which outlives the Loader's use of them; ids registered in the Loader
 * are borrowed from it too.
 */
#ifndef DRSIM_MODELS_SCENARIO_PRIVATE_H
#define DRSIM_MODELS_SCENARIO_PRIVATE_H

#include <libconfig.h>

#include "models/scenario/scenario.h"
#include "sim/units.h"

/* Sensible bounds: beyond them a value is a typo, not a topology. */
#define LD_MAX_HORIZON_H    (1000.0 * SIM_HOURS_PER_YEAR)
#define LD_MAX_REPLICATIONS ((gint64)MDL_MAX_REPLICATIONS)
#define LD_MAX_COUNT	    100000LL
#define LD_MAX_UNITS	    1000000ull	/* all components' units */
/* `scenario.max_events`: what a replication may fire at most. */
#define LD_MAX_EVENTS	    1000000000000LL

/* The kinds of objects other objects refer to by id. */
typedef enum {
	LD_CREW,
	LD_SITE,
	LD_COMPONENT,
	LD_SERVICE,
	LD_DATASET,
	LD_N_KINDS
} LdKind;

/* Where a line of the expanded text came from. */
typedef struct {
	guint file; /* index into Loader.files */
	guint line; /* from 1 */
} LdOrigin;

/* What a plan took from a template (templates.c): the template, and where
 * the plan names it, which is where problems found there are reported. */
typedef struct {
	char *template_name; /* owned */
	gint set;	     /* the --set that wrote the plan's `template`,
				or -1: it is at line pos of the text */
	guint pos;
} LdCopy;

typedef struct {
	const char *file;     /* as given; borrowed */
	char **lines;	      /* the file's text split at '\n', or NULL */
	GArray *errors;	      /* LdError, in the order found */
	char *block;	      /* ld_error_then(): the lines the next
				 message takes as they are; owned */
	GPtrArray *set_keys;  /* KEY of each --set, owned; a setting an
				 override wrote carries hook = index + 1 */
	GHashTable *reported; /* "KIND ID" of unknown ids reported once */
	GHashTable *index[LD_N_KINDS]; /* id -> object index + 1 */
	GPtrArray *ids[LD_N_KINDS];    /* registered ids, in file order */
	/* The list of that kind is missing, empty or malformed (that is
	 * reported): its ids are then not reported unknown. */
	gboolean absent[LD_N_KINDS];
	gboolean unreadable; /* the file could not be read at all */
	/* Per dataset, set when reading it reported a problem: checks
	 * that look into its copies (a failover's `data`) are then
	 * skipped, the mistake being reported already.  Owned. */
	gboolean *dataset_flawed;
	/* Loading the scenario another replaces: it may not replace one
	 * in turn (which also stops a file that replaces itself). */
	gboolean nested;
	/* The files read: [0] is file, then each @include'd one, as
	 * opened (owned); and per line of the expanded text, its origin.
	 * Empty until ld_expand(): lines are then file's own. */
	GPtrArray *files;
	GArray *origins;   /* LdOrigin */
	GArray *copies;	   /* LdCopy, indexed by the marks of copies */
	/* Names of the templates a problem was reported in (owned): what
	 * plans took from them is not reported again. */
	GHashTable *flawed_templates;
} Loader;

/* ---- loader.c: the Loader and its error list ---- */

void ld_init(Loader *ld, const char *file);
void ld_clear(Loader *ld);

/* Records a message about setting `at`, located at its line (or at the
 * --set that wrote it); at == NULL locates it at the file as a whole.
 * A message is one line: its control characters (a newline in a string
 * of the file it quotes) are written as escapes (\n, \x1b). */
void ld_error(Loader *ld, const config_setting_t *at, const char *fmt, ...)
	G_GNUC_PRINTF(3, 4);
/* The same, followed on the next lines by block as it is: the messages
 * of another file (a replaced topology's), each one line already. */
void ld_error_then(Loader *ld, const config_setting_t *at, const char *block,
		   const char *fmt, ...) G_GNUC_PRINTF(4, 5);
/* The same at a given line of the text (line 0: the file as a whole). */
void ld_error_line(Loader *ld, unsigned line, const char *fmt, ...)
	G_GNUC_PRINTF(3, 4);
/* The same at line `line` of file (borrowed), sorted as line pos of the
 * text: a problem of an @include'd file found while expanding it. */
void ld_error_in(Loader *ld, unsigned pos, const char *file, unsigned line,
		 const char *fmt, ...) G_GNUC_PRINTF(5, 6);
/* The same for the --set of index `set` (a problem with its KEY). */
void ld_error_set(Loader *ld, guint set, const char *fmt, ...)
	G_GNUC_PRINTF(3, 4);

gboolean ld_failed(const Loader *ld);

/* 0 when text (len bytes) is UTF-8 without a NUL; else the line (from 1)
 * of the first byte that is not, that byte in *byte. */
unsigned ld_utf8_error_line(const char *text, gsize len, guchar *byte);

/* Every message, sorted by origin (the file's lines in order, then the
 * overrides in the order given), joined by '\n'.  Caller g_free()s it. */
char *ld_message(const Loader *ld);

/* The file and line (*line) of line pos of the text; (ld->file, pos)
 * when pos is 0 or the text was not expanded.  Borrowed from ld. */
const char *ld_locate(const Loader *ld, unsigned pos, unsigned *line);

/* "line 12", "FILE:12" or "--set KEY": where setting s came from, for a
 * message about setting from (the file is named when it is not from's);
 * g_free() it. */
char *ld_where(const Loader *ld, const config_setting_t *s,
	       const config_setting_t *from);

/* The file setting s was read from (the scenario's own file for what an
 * override or a template wrote); borrowed from ld. */
const char *ld_file_of(const Loader *ld, const config_setting_t *s);

/* Marks copy, a setting a plan took from the template `name`, so that a
 * problem found in it is reported at named_at (the plan's `template`),
 * naming the template.  The line of copy and of what it holds must be
 * named_at's already. */
void ld_mark_copy(Loader *ld, config_setting_t *copy, const char *name,
		  const config_setting_t *named_at);

/* TRUE when s was written by a --set override. */
gboolean ld_from_set(const config_setting_t *s);

/* The line of the text s was read from (0 for a setting an override
 * added). */
unsigned ld_line(const config_setting_t *s);

/* ---- reader.c: names and hints ---- */

/* The candidate nearest to word within edit distance 2 (and at most half
 * its length), first in the array on a tie; NULL if none.  cands:
 * n strings, or NULL-terminated when n < 0. */
const char *ld_nearest(const char *word, const char *const *cands, int n);

/* " (did you mean 'X'?)" with the quote q (a ' or a "), or "" when no
 * candidate is near; g_free() it. */
char *ld_hint(const char *word, const char *const *cands, int n, char q);

/* "'count'", or "'values'[2]" for an element of an array or list;
 * g_free() it. */
char *ld_key(const config_setting_t *s);

/* "a string", "an integer", "a group"... the type of s, for messages. */
const char *ld_type_name(const config_setting_t *s);

/* The value of scalar s as written: "\"4h\"", "-2", "0.5"; the type name
 * for an aggregate.  g_free() it. */
char *ld_value_text(const config_setting_t *s);

/* ---- reader.c: typed reads; each reports and returns FALSE ---- */

/* Reports each member of group not in known (NULL-terminated), with a
 * hint when a known key is near. */
void ld_check_keys(Loader *ld, const config_setting_t *group,
		   const char *const *known, const char *ctx);

/* The member `key` of group, or NULL after reporting it missing. */
config_setting_t *ld_required(Loader *ld, const config_setting_t *group,
			      const char *key, const char *ctx);

/* The longest string value of a file, in bytes: a name, a description,
 * an id (docs/scenario-format.md, "Limits"). */
#define LD_MAX_TEXT 4096

/* A string (non-empty unless allow_empty, at most LD_MAX_TEXT bytes);
 * *out borrowed from s. */
gboolean ld_text(Loader *ld, const config_setting_t *s, const char *ctx,
		 gboolean allow_empty, const char **out);

/* An integer in [min, max]. */
gboolean ld_int(Loader *ld, const config_setting_t *s, const char *ctx,
		gint64 min, gint64 max, gint64 *out);

/* A finite number (integer or float). */
gboolean ld_number(Loader *ld, const config_setting_t *s, const char *ctx,
		   double *out);

/* A duration in hours, >= 0 and finite: a string with units, or a bare
 * number of hours. */
gboolean ld_duration(Loader *ld, const config_setting_t *s, const char *ctx,
		     double *out);

/* A rate per hour, >= 0: a string "0.4/y". */
gboolean ld_rate(Loader *ld, const config_setting_t *s, const char *ctx,
		 double *out);

/* A size in bytes, >= 0: a string "20TB". */
gboolean ld_size(Loader *ld, const config_setting_t *s, const char *ctx,
		 double *out);

/* A throughput in bytes per hour, > 0: a string "1TB/h". */
gboolean ld_throughput(Loader *ld, const config_setting_t *s, const char *ctx,
		       double *out);

/* A percentage as a fraction in [0, 1]: a string "15%". */
gboolean ld_percent(Loader *ld, const config_setting_t *s, const char *ctx,
		    double *out);

/* A boolean (true or false). */
gboolean ld_bool(Loader *ld, const config_setting_t *s, const char *ctx,
		 gboolean *out);

/* One of the NULL-terminated names; *out its index. */
gboolean ld_choice(Loader *ld, const config_setting_t *s, const char *ctx,
		   const char *const *names, int *out);

/* ---- reader.c: ids and references ---- */

/* "crew", "site", "component", "service", "dataset". */
const char *ld_kind_name(LdKind kind);

/* TRUE when id is non-empty and made of letters, digits, '_' and '-'. */
gboolean ld_id_valid(const char *id);

/* Registers the id of each group of list (may be NULL), reporting bad and
 * duplicate ids; a duplicate keeps the first. */
void ld_register(Loader *ld, const config_setting_t *list, LdKind kind);

/* The index of the object of that kind and id, or -1. */
gint ld_lookup(const Loader *ld, LdKind kind, const char *id);

/* Resolves the string setting s, an id of that kind, into *out.  An
 * unknown id is reported the first time only: its other uses are the
 * same mistake; and not at all when the list of that kind is absent
 * (already reported). */

gboolean ld_ref(Loader *ld, const config_setting_t *s, LdKind kind,
		const char *ctx, guint *out);

/* Same for an id given as a string (a part of s's value), reported at
 * s's line. */
gboolean ld_ref_id(Loader *ld, const config_setting_t *s, const char *id,
		   LdKind kind, const char *ctx, guint *out);

/* libconfig 1.5 reads an integer literal that does not fit 32 bits
 * without a word, keeping its low 32 bits (10000000000 reads as
 * 1410065408).  Finds such literals in lines (the text root was read
 * from) and stores their true value, saturated to 64 bits. */
void ld_fix_ints(config_setting_t *root, char **lines);

/* ---- include.c ---- */

/* text, the whole of ld->file, with its @include's expanded (a new
 * string; g_free() it), filling ld->files and ld->origins; NULL after
 * reporting an include that cannot be read, is recursive or is not
 * UTF-8 text. */
char *ld_expand(Loader *ld, const char *text);

/* The map of lines to files, taken from ld (which keeps empty ones). */
MdlSources *ld_sources_take(Loader *ld);
void ld_sources_free(MdlSources *src);

/* ---- law.c ---- */

/* A law (a duration: fixed; or a group naming a law) read from s into a
 * new SimDist, or NULL after reporting. */
SimDist *ld_law(Loader *ld, const config_setting_t *s, const char *ctx);

/* The time between occurrences given in group by either `rate`
 * (exponential) or `law_key` (a law), exactly one of them, with a mean
 * > 0; a new SimDist, or NULL after reporting. */
SimDist *ld_occurrence(Loader *ld, const config_setting_t *group,
		       const char *law_key, const char *ctx);

/* ---- overrides.c ---- */

/* The setting at path key ("components.san.count": names, ids or
 * indices separated by dots, as --set reads them) under root, or NULL
 * with error set (MDL_SCENARIO_ERROR_VALUE, "unknown path: no 'x' in
 * 'components' (did you mean 'y'?)", as for an override). */
config_setting_t *ld_find_path(config_setting_t *root, const char *key,
			       GError **error);

/* Applies each "KEY=VALUE" of sets (NULL-terminated, may be NULL) to the
 * config under root, marking what it wrote; reports bad ones. */
void ld_apply_sets(Loader *ld, config_setting_t *root, const char *const *sets);

/* ---- objects.c: helpers for objects ---- */

/* The array of ids s, resolved to indices of that kind into a new array
 * *out of *n (unknown and repeated ids reported and left out).  FALSE when
 * s is not an array. */
gboolean ld_read_refs(Loader *ld, const config_setting_t *s, LdKind kind,
		      const char *ctx, guint **out, guint *n);

/* "KIND 'ID'" (ID the value of the member `key`, "id" or "name"), or
 * "KIND #N" (N = i + 1) when it has no usable one; then " of OF" when of
 * is not NULL.  g_free() it. */
char *ld_object_ctx(const config_setting_t *g, const char *key,
		    const char *kind, int i, const char *of);

/* The i-th element of list as a group, or NULL after reporting. */
config_setting_t *ld_element(Loader *ld, const config_setting_t *list, int i,
			     const char *kind);

/* The required string member `key`, copied (g_free() it); NULL after
 * reporting. */
char *ld_required_text(Loader *ld, const config_setting_t *g, const char *key,
		       const char *ctx);

/* The optional member `key` of g as a list of groups (NULL when absent
 * or bad, after reporting); *n its length.  An empty list is reported
 * when must_fill. */
config_setting_t *ld_sublist(Loader *ld, const config_setting_t *g,
			     const char *key, const char *ctx,
			     gboolean must_fill, guint *n);

/* Reports each member of g named in keys (NULL-terminated): they do not
 * apply to `what` ("a replication").  FALSE when one was reported. */
gboolean ld_refuse(Loader *ld, const config_setting_t *g,
		   const char *const *keys, const char *what, const char *ctx);

/* Of two keys that conflict, the one to report: the one an override
 * wrote (b if both were), else the one written last in the file. */
const config_setting_t *ld_latest(const config_setting_t *a,
				  const config_setting_t *b);

/* The optional member `key` of g as a group, or NULL (after reporting
 * when it is something else). */
config_setting_t *ld_group(Loader *ld, const config_setting_t *g,
			   const char *key, const char *ctx);

/* A deep copy of src added to parent as name (ignored in a list or an
 * array), marks and lines left out; NULL when libconfig refuses it
 * (mixed types in an array). */
config_setting_t *ld_copy_setting(config_setting_t *parent, const char *name,
				  const config_setting_t *src);

/* Deep copies of the children of src appended to dst; FALSE when
 * libconfig refuses one. */
gboolean ld_copy_children(config_setting_t *dst, const config_setting_t *src);

/* ---- topology.c, datasets.c, plans.c, common.c: the objects ---- */

/* Reports the `name` of element i of list when an earlier element has
 * it already ("duplicate WHAT name 'N' in OF (first at line L)"). */
void ld_check_unique_name(Loader *ld, const config_setting_t *list, int i,
			  const char *what, const char *of);

/* Each reads a list (may be NULL: absent, already reported if required)
 * into the scenario's array.  Datasets are read after the components
 * and sites they name, services after the datasets. */
/* Rejects, at its line, an element (a failure mode, a copy's jobs)
 * whose expected firings over the horizon alone exceed sc->max_events,
 * and the component whose units take the scenario's past LD_MAX_UNITS
 * (limits.c), so that such a run fails before it starts. */
void ld_check_event_budget(Loader *ld, const MdlScenario *sc);

void ld_read_crews(Loader *ld, const config_setting_t *list, MdlScenario *sc);
/* people.c: the `absences` and `key_person` of crew g (its size read
 * into c first), into c; reports bad ones.  ld_people_clear() frees
 * them. */
void ld_read_people(Loader *ld, const config_setting_t *g, MdlCrew *c,
		    const char *ctx);
void ld_people_clear(MdlCrew *c);
void ld_read_sites(Loader *ld, const config_setting_t *list, MdlScenario *sc);
void ld_read_components(Loader *ld, const config_setting_t *list,
			MdlScenario *sc);
void ld_read_datasets(Loader *ld, const config_setting_t *list,
		      MdlScenario *sc);
void ld_read_services(Loader *ld, const config_setting_t *list,
		      MdlScenario *sc);
void ld_read_threats(Loader *ld, const config_setting_t *list, MdlScenario *sc);
/* `common_causes`, after the components (their counts bound `units`). */
/* maintenance.c: the optional `maintenance` group of g (a site or a
 * component, named by owner) into *win; sets sc->has_maintenance. */
void ld_read_maintenance(Loader *ld, const config_setting_t *g,
			 MdlScenario *sc, MdlWindow *win, const char *owner);
void ld_read_common_causes(Loader *ld, const config_setting_t *list,
			   MdlScenario *sc);
/* Frees the n common causes and the array; accepts NULL with n = 0. */
void ld_common_causes_free(MdlCommonCause *common, guint n);
/* `providers`, after the sites they name. */
void ld_read_providers(Loader *ld, const config_setting_t *list,
		       MdlScenario *sc);
/* Frees the n providers and the array; accepts NULL with n = 0. */
void ld_providers_free(MdlProvider *providers, guint n);

/* ---- scenario.c ---- */

/* The whole of ld->file, a UTF-8 text, into a new string of *len bytes
 * (g_free() it); NULL after reporting why it cannot be read (then
 * ld->unreadable) or is not UTF-8. */
char *ld_read_text(Loader *ld, gsize *len);

/* Reads ld->file (UTF-8 text, a byte-order mark skipped) and parses it
 * into cfg (config_init()ed by the caller), keeping its lines for
 * ld_fix_ints(); FALSE after reporting why it cannot (unreadable, not
 * text, a syntax error). */
gboolean ld_parse(Loader *ld, config_t *cfg);

/* mdl_scenario_load(); nested: FILE is the scenario another replaces. */
MdlScenario *ld_load_scenario(const char *file, const char *const *sets,
			      gboolean nested, GError **error);

/* The file of ld read into cfg (config_init()ed by the caller, which
 * destroys it), its @include's expanded, the overrides sets applied to
 * it and the plans merged with their templates, not validated.
 * FALSE after reporting when the file cannot be read, is not libconfig
 * or is empty; an override that cannot be applied is reported, and
 * leaves TRUE (ld_failed() tells). */
gboolean ld_read_tree(Loader *ld, config_t *cfg, const char *const *sets);

/* ---- templates.c ---- */

/* Gives each service's plan that names a template a copy of each of the
 * template's keys it does not give itself (marked, at the line of its
 * `template`); a plan naming no usable template is left as it is, for
 * validation to report. */
void ld_merge_templates(Loader *ld, config_setting_t *root);

/* The member `key` of plan, a service's plan group naming a template,
 * copied from the template into plan as the merge would, for an override
 * to write into; NULL when plan names no template, or its template has
 * no such key. */
config_setting_t *ld_template_take(Loader *ld, config_setting_t *plan,
				   const char *key);

/* Checks the top-level `templates` of root (each read as a plan of no
 * service; the flawed ones recorded in ld->flawed_templates), then the
 * `template` of every service's plan; the ids must be registered. */
void ld_read_templates(Loader *ld, const config_setting_t *root,
		       const MdlScenario *sc);

/* ---- costs.c ---- */

/* An amount of money, >= 0: a number, or a string "150k", "1.5M", "2G"
 * (suffixes k, M, G: thousands, millions, billions). */
gboolean ld_amount(Loader *ld, const config_setting_t *s, const char *ctx,
		   double *out);

/* "1.5M" -> 1.5e6: a number with an optional suffix k, M or G (blanks
 * allowed around it); FALSE, *out untouched, when text is not one. */
gboolean ld_parse_amount(const char *text, double *out);

/* The optional top-level group `costs` of root into sc->costs (left
 * NULL when absent), with the scenario its project replaces into
 * sc->replaces; the header and the services must be read. */
void ld_read_costs(Loader *ld, const config_setting_t *root, MdlScenario *sc);

/* Frees costs and what it points to; accepts NULL. */
void ld_costs_free(MdlCosts *costs);

/* The `plan` of the service sv read from its group g (defaults when
 * absent: detect and decision fixed 0, declare_after INFINITY, crew -1,
 * no strategy, no failback); sv's datasets must be read. */
void ld_read_plan(Loader *ld, const config_setting_t *g, const MdlScenario *sc,
		  MdlService *sv, const char *ctx);

/* The plan of template group tg checked as a plan of no service, its
 * problems reported with ctx ("template 'NAME'"); nothing kept. */
void ld_read_template_plan(Loader *ld, const config_setting_t *tg,
			   const MdlScenario *sc, const char *ctx);

/* Frees what a dataset and a plan point to (not the structs). */
void ld_dataset_clear(MdlDataset *ds);
void ld_plan_clear(MdlPlan *plan);

#endif
