/* include.c — a scenario's text with its `@include "FILE"` directives
 * expanded in place, and the map from each line of that text back to the
 * file and line it came from (see "Including files" in
 * docs/scenario-format.md).
 *
 * libconfig 1.5 expands @include itself, but resolves every name against
 * one directory (an included file's own @include too), prefixes that
 * directory to absolute names, loops on a recursive include until its
 * depth limit with a misleading "duplicate setting name", and exits the
 * process from its scanner ("input in flex scanner failed") on a
 * directory.  So the loader expands the directives before libconfig sees
 * the text, with the same lexical rule (`^[ \t]*@include[ \t]+"`, outside
 * comments and strings), each name resolved against the directory of the
 * file naming it; libconfig then parses one text, and its lines are
 * mapped back to their files for every message.
 *
 * The expanded text keeps every line of every file whole: an included
 * file's lines take the place of the directive's, and what follows the
 * closing quote on the directive's line gets a line of its own after
 * them.  A file that includes nothing expands to itself, byte for byte.
 *
 * Complexity: linear in the size of the expanded text (each file once per
 * inclusion); the recursion check is linear in the include depth. */
#include "scenario-private.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

/* The lexical state at the start of a line, carried from line to line
 * and from an included file to what follows its directive (libconfig's
 * scanner keeps its start condition across files, too). */
typedef enum { LEX_CODE, LEX_COMMENT, LEX_STRING } LexState;

typedef struct {
	dev_t dev;
	ino_t ino;
	guint file; /* index into ld->files */
} Opened;

typedef struct {
	Loader *ld;
	GString *out;  /* the expanded text */
	GArray *stack; /* Opened: the files being expanded, outermost
			  first */
	LexState state;
	gboolean failed; /* an @include could not be expanded */
} Expansion;

/* ---- the source map ---------------------------------------------------- */

struct MdlSources {
	char **files;	 /* NULL-terminated; [0] the scenario's file */
	LdOrigin *lines; /* per line of the text, from 1 */
	guint n_lines;
};

/* A new entry of ld->files; its index. */
static guint add_file(Loader *ld, const char *path)
{
	g_ptr_array_add(ld->files, g_strdup(path));
	return ld->files->len - 1;
}

static void add_line(Expansion *x, guint file, guint line)
{
	LdOrigin o = {file, line};

	g_array_append_val(x->ld->origins, o);
}

MdlSources *ld_sources_take(Loader *ld)
{
	MdlSources *src = g_new0(MdlSources, 1);

	if (!ld->files || ld->files->len == 0) {
		src->files = g_new0(char *, 2);
		src->files[0] = g_strdup(ld->file);
		return src;
	}
	g_ptr_array_add(ld->files, NULL);
	src->files = (char **)g_ptr_array_free(ld->files, FALSE);
	src->n_lines = ld->origins->len;
	src->lines = (LdOrigin *)(void *)g_array_free(ld->origins, FALSE);
	ld->files = g_ptr_array_new_with_free_func(g_free);
	ld->origins = g_array_new(FALSE, FALSE, sizeof(LdOrigin));
	return src;
}

void ld_sources_free(MdlSources *src)
{
	if (!src)
		return;
	g_strfreev(src->files);
	g_free(src->lines);
	g_free(src);
}

const char *mdl_scenario_locate(const MdlScenario *sc, int line, int *file_line)
{
	const MdlSources *src;

	g_return_val_if_fail(sc != NULL && file_line != NULL, NULL);
	src = sc->sources;
	if (!src || line <= 0 || (guint)line > src->n_lines) {
		*file_line = line;
		return sc->file;
	}
	*file_line = (int)src->lines[line - 1].line;
	return src->files[src->lines[line - 1].file];
}

/* ---- reading an included file ------------------------------------------ */

/* The text of the regular file path (a directory, a device or a FIFO
 * would never end or make no sense), *len bytes, or NULL with *why set
 * (static). */
static char *slurp(const char *path, struct stat *st, gsize *len,
		   const char **why)
{
	FILE *f = fopen(path, "rb");
	GString *text;
	char buf[8192];
	size_t n;

	if (!f) {
		*why = g_strerror(errno);
		return NULL;
	}
	if (fstat(fileno(f), st) != 0 || !S_ISREG(st->st_mode)) {
		*why = S_ISDIR(st->st_mode) ? g_strerror(EISDIR)
					    : "not a regular file";
		fclose(f);
		return NULL;
	}
	text = g_string_new(NULL);
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		g_string_append_len(text, buf, (gssize)n);
	if (ferror(f)) {
		*why = g_strerror(errno);
		g_string_free(text, TRUE);
		fclose(f);
		return NULL;
	}
	fclose(f);
	*len = text->len;
	return g_string_free(text, FALSE);
}

/* FALSE, after reporting at its line, when the text of file (len bytes)
 * is not UTF-8 (a NUL byte included). */
static gboolean utf8(Expansion *x, const char *text, gsize len,
		     const char *file)
{
	guchar byte;
	unsigned line = ld_utf8_error_line(text, len, &byte);

	if (line == 0)
		return TRUE;
	ld_error_in(x->ld, x->ld->origins->len + 1, file, line,
		    "not a UTF-8 text file (byte 0x%02x)", (unsigned)byte);
	return FALSE;
}

/* The name of an include relative to the directory of the file naming
 * it (an absolute name as it is). */
static char *resolve(const char *from, const char *name)
{
	g_autofree char *dir = g_path_get_dirname(from);

	if (g_path_is_absolute(name) || strcmp(dir, ".") == 0)
		return g_strdup(name);
	return g_build_filename(dir, name, NULL);
}

/* "a.cfg -> b.cfg -> a.cfg": the files being expanded from the first
 * one that is st, then path. */
static char *cycle_text(const Expansion *x, const struct stat *st,
			const char *path)
{
	GString *s = g_string_new(NULL);
	guint from = 0;

	for (guint i = 0; i < x->stack->len; i++) {
		const Opened *o = &g_array_index(x->stack, Opened, i);

		if (o->dev == st->st_dev && o->ino == st->st_ino)
			from = i;
	}
	for (guint i = from; i < x->stack->len; i++) {
		const Opened *o = &g_array_index(x->stack, Opened, i);

		g_string_append_printf(s, "%s -> ",
				       (char *)x->ld->files->pdata[o->file]);
	}
	g_string_append(s, path);
	return g_string_free(s, FALSE);
}

static gboolean on_stack(const Expansion *x, const struct stat *st)
{
	for (guint i = 0; i < x->stack->len; i++) {
		const Opened *o = &g_array_index(x->stack, Opened, i);

		if (o->dev == st->st_dev && o->ino == st->st_ino)
			return TRUE;
	}
	return FALSE;
}

/* ---- expanding --------------------------------------------------------- */

static void expand_text(Expansion *x, guint file, const char *text,
			gboolean top);

/* The lexical state after the segment p..end, from state (libconfig's
 * scanner: comments `#`, `//` to the end of the line and `/ * ... * /`;
 * strings in double quotes with backslash escapes). */
static LexState scan(LexState state, const char *p, const char *end)
{
	while (p < end) {
		if (state == LEX_COMMENT) {
			if (p[0] == '*' && p + 1 < end && p[1] == '/') {
				state = LEX_CODE;
				p++;
			}
		} else if (state == LEX_STRING) {
			if (*p == '\\' && p + 1 < end &&
			    (p[1] == '"' || p[1] == '\\'))
				p++;
			else if (*p == '"')
				state = LEX_CODE;
		} else if (*p == '"') {
			state = LEX_STRING;
		} else if (*p == '#' ||
			   (p[0] == '/' && p + 1 < end && p[1] == '/')) {
			return state;
		} else if (p[0] == '/' && p + 1 < end && p[1] == '*') {
			state = LEX_COMMENT;
			p++;
		}
		p++;
	}
	return state;
}

/* When line (up to end) is an @include directive: its file name (the
 * escapes \\ and \" undone) into *name, and *rest after its closing
 * quote; TRUE.  An unterminated name is reported (*name NULL, TRUE). */
static gboolean directive(const char *line, const char *end, char **name,
			  const char **rest)
{
	const char *p = line;
	GString *s;

	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	if ((size_t)(end - p) < 9 || strncmp(p, "@include", 8) != 0 ||
	    (p[8] != ' ' && p[8] != '\t'))
		return FALSE;
	for (p += 8; p < end && (*p == ' ' || *p == '\t'); p++)
		;
	if (p == end || *p != '"')
		return FALSE;
	s = g_string_new(NULL);
	for (p++; p < end && *p != '"'; p++) {
		if (*p == '\\' && p + 1 < end && (p[1] == '\\' || p[1] == '"'))
			p++;
		g_string_append_c(s, *p);
	}
	if (p == end) {
		g_string_free(s, TRUE);
		*name = NULL;
		return TRUE;
	}
	*name = g_string_free(s, FALSE);
	*rest = p + 1;
	return TRUE;
}

/* Expands the file `name`, included at line `line` of file `from`. */
static void include(Expansion *x, guint from, unsigned line, const char *name)
{
	const char *from_path = x->ld->files->pdata[from], *why = NULL;
	g_autofree char *path = resolve(from_path, name);
	g_autofree char *text = NULL;
	guint pos = x->ld->origins->len + 1, file;
	struct stat st = {0};
	gsize len = 0;
	Opened o;

	if (!(text = slurp(path, &st, &len, &why))) {
		ld_error_in(x->ld, pos, from_path, line,
			    "@include \"%s\": cannot read %s: %s", name, path,
			    why);
		x->failed = TRUE;
		return;
	}
	if (on_stack(x, &st)) {
		g_autofree char *cycle = cycle_text(x, &st, path);

		ld_error_in(x->ld, pos, from_path, line,
			    "@include \"%s\": recursive include (%s)", name,
			    cycle);
		x->failed = TRUE;
		return;
	}
	file = add_file(x->ld, path);
	if (!utf8(x, text, len, path)) {
		x->failed = TRUE;
		return;
	}
	o = (Opened){st.st_dev, st.st_ino, file};
	g_array_append_val(x->stack, o);
	/* A byte-order mark is valid UTF-8 but not libconfig syntax. */
	expand_text(x, file,
		    g_str_has_prefix(text, "\xEF\xBB\xBF") ? text + 3 : text,
		    FALSE);
	g_array_set_size(x->stack, x->stack->len - 1);
}

/* Appends line number `line` of file (p..end) to the expanded text,
 * expanding it when it is a directive; nl: a newline ends it. */
static void expand_line(Expansion *x, guint file, unsigned line, const char *p,
			const char *end, gboolean nl)
{
	g_autofree char *name = NULL;
	const char *rest = end;

	if (x->state == LEX_CODE && directive(p, end, &name, &rest)) {
		if (!name) {
			ld_error_in(x->ld, x->ld->origins->len + 1,
				    x->ld->files->pdata[file], line,
				    "@include: the file name has no closing "
				    "'\"'");
			x->failed = TRUE;
			return;
		}
		include(x, file, line, name);
		p = rest;
	}
	x->state = scan(x->state, p, end);
	g_string_append_len(x->out, p, end - p);
	if (nl)
		g_string_append_c(x->out, '\n');
	add_line(x, file, line);
}

/* Appends text, the whole of file, line by line.  Lines of an included
 * file (top FALSE) each end with a newline, its last one too, so that
 * the rest of the directive's line starts a line of its own; the file's
 * own text keeps its end as it is. */
static void expand_text(Expansion *x, guint file, const char *text,
			gboolean top)
{
	const char *p = text;
	unsigned line = 1;

	for (;; line++) {
		const char *end = strchr(p, '\n');

		if (!end) {
			if (*p || top)
				expand_line(x, file, line, p, p + strlen(p),
					    !top);
			return;
		}
		expand_line(x, file, line, p, end, TRUE);
		p = end + 1;
	}
}

char *ld_expand(Loader *ld, const char *text)
{
	Expansion x = {ld, g_string_new(NULL),
		       g_array_new(FALSE, FALSE, sizeof(Opened)), LEX_CODE,
		       FALSE};
	struct stat st;
	guint file;

	g_ptr_array_set_size(ld->files, 0);
	g_array_set_size(ld->origins, 0);
	file = add_file(ld, ld->file);
	if (stat(ld->file, &st) == 0) {
		Opened o = {st.st_dev, st.st_ino, file};

		g_array_append_val(x.stack, o);
	}
	expand_text(&x, file, text, TRUE);
	g_array_unref(x.stack);
	if (x.failed) {
		g_string_free(x.out, TRUE);
		return NULL;
	}
	return g_string_free(x.out, FALSE);
}
