/* loader.c — the Loader (scenario-private.h): its list of problems, each
 * at its origin — a line of the scenario's text mapped back to the file
 * it came from (include.c builds the map), an override, or the plan that
 * took it from a template — sorted and joined into one message. */
#include "scenario-private.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
	guint origin; /* 0: the file, 1: an override */
	guint pos;    /* line of the file, or index of the override */
	guint seq;    /* order found, to keep ties stable */
	char *text;
} LdError;

static void error_clear(gpointer p)
{
	g_free(((LdError *)p)->text);
}

static void copy_clear(gpointer p)
{
	g_free(((LdCopy *)p)->template_name);
}

void ld_init(Loader *ld, const char *file)
{
	memset(ld, 0, sizeof *ld);
	ld->file = file;
	ld->errors = g_array_new(FALSE, FALSE, sizeof(LdError));
	g_array_set_clear_func(ld->errors, error_clear);
	ld->set_keys = g_ptr_array_new_with_free_func(g_free);
	ld->reported =
		g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	for (int k = 0; k < LD_N_KINDS; k++) {
		ld->index[k] = g_hash_table_new(g_str_hash, g_str_equal);
		ld->ids[k] = g_ptr_array_new();
	}
	ld->files = g_ptr_array_new_with_free_func(g_free);
	ld->origins = g_array_new(FALSE, FALSE, sizeof(LdOrigin));
	ld->copies = g_array_new(FALSE, FALSE, sizeof(LdCopy));
	g_array_set_clear_func(ld->copies, copy_clear);
	ld->flawed_templates =
		g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
}

void ld_clear(Loader *ld)
{
	g_strfreev(ld->lines);
	g_free(ld->dataset_flawed);
	g_array_unref(ld->errors);
	g_ptr_array_unref(ld->set_keys);
	g_hash_table_unref(ld->reported);
	for (int k = 0; k < LD_N_KINDS; k++) {
		g_hash_table_unref(ld->index[k]);
		g_ptr_array_unref(ld->ids[k]);
	}
	g_ptr_array_unref(ld->files);
	g_array_unref(ld->origins);
	g_array_unref(ld->copies);
	g_hash_table_unref(ld->flawed_templates);
	memset(ld, 0, sizeof *ld);
}

/* ---- the error list ---------------------------------------------------- */

static gboolean is_control(guchar c)
{
	return c < 0x20 || c == 0x7f;
}

/* The most bytes of a message: it may quote a string of the file, which
 * may be megabytes long. */
#define MAX_MESSAGE 1024

/* text (taken), at most MAX_MESSAGE bytes: its middle replaced by "[...
 * N bytes ...]", cut at UTF-8 characters. */
static char *shorten(char *text)
{
	gsize len = strlen(text), keep = MAX_MESSAGE / 2;

	if (len <= MAX_MESSAGE)
		return text;
	const char *head_end = g_utf8_find_prev_char(text, text + keep + 1);
	const char *tail = g_utf8_find_next_char(text + len - keep - 1, NULL);
	char *s = g_strdup_printf("%.*s[... %zu bytes ...]%s",
				  (int)(head_end - text), text,
				  (size_t)(tail - head_end), tail);
	g_free(text);
	return s;
}

/* text (taken) shortened, and with each control character written as an
 * escape (\n, \t, \x1b...): one problem is one line, whatever a string
 * of the file it quotes holds, or the name of the file. */
static char *one_line(char *text)
{
	const char *p = text = shorten(text);
	GString *s;

	while (*p && !is_control((guchar)*p))
		p++;
	if (!*p)
		return text;
	s = g_string_new_len(text, p - text);
	for (; *p; p++) {
		if (*p == '\n')
			g_string_append(s, "\\n");
		else if (*p == '\t')
			g_string_append(s, "\\t");
		else if (is_control((guchar)*p))
			g_string_append_printf(s, "\\x%02x", (guchar)*p);
		else
			g_string_append_c(s, *p);
	}
	g_free(text);
	return g_string_free(s, FALSE);
}

static void add(Loader *ld, guint origin, guint pos, char *text)
{
	LdError e = {origin, pos, ld->errors->len, one_line(text)};

	if (ld->block) {	/* ld_error_then()'s lines, after it */
		char *with = g_strconcat(e.text, "\n", ld->block, NULL);

		g_free(e.text);
		e.text = with;
		g_clear_pointer(&ld->block, g_free);
	}

	g_array_append_val(ld->errors, e);
}

/* Hooks mark what did not come from the file's text as it is: an
 * override's index + 1 on what it wrote, or LD_MARK_TEMPLATE + the index
 * of an LdCopy on what a plan took from its template.  The nearest mark
 * of s or of an ancestor tells where s came from; 0: the text. */
#define LD_MARK_TEMPLATE 0x40000000u

static guint mark_of(const config_setting_t *s)
{
	for (; s; s = config_setting_parent(s))
		if (config_setting_get_hook(s))
			return GPOINTER_TO_UINT(config_setting_get_hook(s));
	return 0;
}

/* The index of the override that wrote s or its nearest marked
 * ancestor, or -1 when s comes from the text or a template. */
static gint set_of(const config_setting_t *s)
{
	guint mark = mark_of(s);

	return mark > 0 && mark < LD_MARK_TEMPLATE ? (gint)mark - 1 : -1;
}

gboolean ld_from_set(const config_setting_t *s)
{
	return set_of(s) >= 0;
}

unsigned ld_line(const config_setting_t *s)
{
	return config_setting_source_line(s);
}

const char *ld_locate(const Loader *ld, unsigned pos, unsigned *line)
{
	const LdOrigin *o;

	if (pos == 0 || !ld->origins || pos > ld->origins->len) {
		*line = pos;
		return ld->file;
	}
	o = &g_array_index(ld->origins, LdOrigin, pos - 1);
	*line = o->line;
	return ld->files->pdata[o->file];
}

/* "FILE:LINE: msg" for line pos of the text, mapped to its file; "FILE:
 * msg" for pos 0, the file as a whole. */
static void add_pos(Loader *ld, guint pos, const char *msg)
{
	unsigned line;
	const char *file = ld_locate(ld, pos, &line);

	if (pos == 0)
		add(ld, 0, 0, g_strdup_printf("%s: %s", ld->file, msg));
	else
		add(ld, 0, pos, g_strdup_printf("%s:%u: %s", file, line, msg));
}

/* A message about what a plan took from its template: at the key that
 * names the template, naming it; dropped when the template itself had a
 * problem, reported at the template (a mistake is reported once). */
static void add_copied(Loader *ld, guint k, const char *msg)
{
	const LdCopy *c = &g_array_index(ld->copies, LdCopy, k);
	g_autofree char *text = NULL;

	if (g_hash_table_contains(ld->flawed_templates, c->template_name))
		return;
	text = g_strdup_printf("template '%s': %s", c->template_name, msg);
	if (c->set >= 0)
		add(ld, 1, (guint)c->set,
		    g_strdup_printf("--set %s: %s",
				    (char *)ld->set_keys->pdata[c->set], text));
	else
		add_pos(ld, c->pos, text);
}

static void add_at(Loader *ld, const config_setting_t *at, const char *msg)
{
	guint mark = at ? mark_of(at) : 0;

	if (mark >= LD_MARK_TEMPLATE) {
		add_copied(ld, mark - LD_MARK_TEMPLATE, msg);
		return;
	}
	if (mark > 0) {
		add(ld, 1, mark - 1,
		    g_strdup_printf("--set %s: %s",
				    (char *)ld->set_keys->pdata[mark - 1],
				    msg));
		return;
	}
	/* The root, or nothing in particular: the file as a whole.  A
	 * setting of an @include'd file names its own file. */
	add_pos(ld, at ? ld_line(at) : 0, msg);
}

void ld_mark_copy(Loader *ld, config_setting_t *copy, const char *name,
		  const config_setting_t *named_at)
{
	LdCopy c = {g_strdup(name), set_of(named_at), ld_line(named_at)};

	g_array_append_val(ld->copies, c);
	config_setting_set_hook(
		copy, GUINT_TO_POINTER(LD_MARK_TEMPLATE + ld->copies->len - 1));
}

const char *ld_file_of(const Loader *ld, const config_setting_t *s)
{
	unsigned line;

	if (mark_of(s) > 0)
		return ld->file;
	return ld_locate(ld, ld_line(s), &line);
}

void ld_error(Loader *ld, const config_setting_t *at, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	msg = g_strdup_vprintf(fmt, ap);
	va_end(ap);
	add_at(ld, at, msg);
	g_free(msg);
}

void ld_error_then(Loader *ld, const config_setting_t *at, const char *block,
		   const char *fmt, ...)
{
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	msg = g_strdup_vprintf(fmt, ap);
	va_end(ap);
	g_free(ld->block);
	ld->block = g_strdup(block);	/* taken by the message add() makes */
	add_at(ld, at, msg);
	g_clear_pointer(&ld->block, g_free);	/* dropped with it */
	g_free(msg);
}

void ld_error_line(Loader *ld, unsigned line, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	msg = g_strdup_vprintf(fmt, ap);
	va_end(ap);
	add_pos(ld, line, msg);
	g_free(msg);
}

void ld_error_in(Loader *ld, unsigned pos, const char *file, unsigned line,
		 const char *fmt, ...)
{
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	msg = g_strdup_vprintf(fmt, ap);
	va_end(ap);
	add(ld, 0, pos, g_strdup_printf("%s:%u: %s", file, line, msg));
	g_free(msg);
}

void ld_error_set(Loader *ld, guint set, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	msg = g_strdup_vprintf(fmt, ap);
	va_end(ap);
	add(ld, 1, set,
	    g_strdup_printf("--set %s: %s", (char *)ld->set_keys->pdata[set],
			    msg));
	g_free(msg);
}

unsigned ld_utf8_error_line(const char *text, gsize len, guchar *byte)
{
	const char *end;
	unsigned line = 1;

	if (g_utf8_validate_len(text, len, &end))
		return 0;
	for (const char *p = text; p < end; p++)
		line += *p == '\n';
	*byte = (guchar)*end;
	return line;
}

gboolean ld_failed(const Loader *ld)
{
	return ld->errors->len > 0;
}

static gint compare_errors(gconstpointer pa, gconstpointer pb)
{
	const LdError *a = pa, *b = pb;

	if (a->origin != b->origin)
		return a->origin < b->origin ? -1 : 1;
	if (a->pos != b->pos)
		return a->pos < b->pos ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

char *ld_message(const Loader *ld)
{
	guint n = ld->errors->len;
	LdError *sorted = g_memdup2(ld->errors->data, n * sizeof(LdError));
	GString *s = g_string_new(NULL);

	qsort(sorted, n, sizeof(LdError), compare_errors);
	for (guint i = 0; i < n; i++) {
		if (i)
			g_string_append_c(s, '\n');
		g_string_append(s, sorted[i].text);
	}
	g_free(sorted);
	return g_string_free(s, FALSE);
}

char *ld_where(const Loader *ld, const config_setting_t *s,
	       const config_setting_t *from)
{
	gint set = set_of(s);
	unsigned line, from_line;
	const char *file, *from_file;

	if (set >= 0)
		return g_strdup_printf("--set %s",
				       (char *)ld->set_keys->pdata[set]);
	file = ld_locate(ld, ld_line(s), &line);
	/* An override is read as if it were in the scenario's file. */
	from_file = set_of(from) >= 0
			    ? ld->file
			    : ld_locate(ld, ld_line(from), &from_line);
	if (strcmp(file, from_file) == 0)
		return g_strdup_printf("line %u", line);
	return g_strdup_printf("%s:%u", file, line);
}
