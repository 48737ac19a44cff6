/* fuzz.c — what the fuzz targets share (fuzz.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>
#include <glib/gstdio.h>

#include "fuzz.h"

int fuzz_echo;

static char *fuzz_dir;	/* the private temporary directory */
static char *fuzz_path;	/* of the last fuzz_write() */

static void remove_dir(void)
{
	g_autoptr(GDir) d = g_dir_open(fuzz_dir, 0, NULL);
	const char *name;

	while (d && (name = g_dir_read_name(d))) {
		g_autofree char *p = g_build_filename(fuzz_dir, name, NULL);
		g_unlink(p);
	}
	g_rmdir(fuzz_dir);
}

/* Prints a message as GLib would, then aborts on a critical or a
 * warning: abort() is what libFuzzer records as a crash (GLib's own fatal
 * messages raise SIGTRAP, which it does not). */
static GLogWriterOutput writer(GLogLevelFlags level, const GLogField *fields,
			       gsize n_fields, gpointer data)
{
	GLogWriterOutput out =
		g_log_writer_default(level, fields, n_fields, data);

	if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL |
		     G_LOG_LEVEL_WARNING))
		abort();
	return out;
}

void fuzz_init(void)
{
	GError *error = NULL;

	g_log_set_writer_func(writer, NULL, NULL);
	fuzz_dir = g_dir_make_tmp("drsim-fuzz-XXXXXX", &error);
	if (!fuzz_dir) {
		fprintf(stderr, "fuzz: %s\n", error->message);
		abort();
	}
	atexit(remove_dir);
}

const char *fuzz_write(const char *name, const uint8_t *data, size_t size)
{
	GError *error = NULL;

	g_free(fuzz_path);
	fuzz_path = g_build_filename(fuzz_dir, name, NULL);
	if (!g_file_set_contents(fuzz_path, (const char *)data,
				 (gssize)size, &error)) {
		fprintf(stderr, "fuzz: %s\n", error->message);
		abort();
	}
	return fuzz_path;
}

char *fuzz_source(const char *file)
{
	return g_build_filename(DRSIM_SRCDIR, file, NULL);
}

MdlScenario *fuzz_scenario(const char *file)
{
	g_autofree char *path = fuzz_source(file);
	GError *error = NULL;
	MdlScenario *sc = mdl_scenario_load(path, NULL, &error);

	g_assert_no_error(error);
	return sc;
}

/* TRUE when line is "WHERE: WHAT", both non-empty. */
static gboolean good_line(const char *line, size_t len)
{
	const char *colon = g_strstr_len(line, (gssize)len, ": ");

	return colon && colon > line && colon + 2 < line + len;
}

/* Prints msg, the private directory written as "$TMP". */
static void echo(const char *msg)
{
	g_auto(GStrv) parts = g_strsplit(msg, fuzz_dir, -1);
	g_autofree char *text = g_strjoinv("$TMP", parts);

	printf("%s\n", text);
}

void fuzz_check_message(const char *msg)
{
	const char *line = msg;

	if (!msg || !*msg || !g_utf8_validate(msg, -1, NULL)) {
		fprintf(stderr, "fuzz: bad error message: '%s'\n",
			msg ? msg : "(null)");
		abort();
	}
	while (*line) {
		const char *nl = strchr(line, '\n');
		size_t len = nl ? (size_t)(nl - line) : strlen(line);

		if (!good_line(line, len)) {
			fprintf(stderr, "fuzz: bad error message line: "
				"'%.*s'\n", (int)len, line);
			abort();
		}
		line += len + (nl ? 1 : 0);
	}
	if (fuzz_echo)
		echo(msg);
}
