/* test_report.c — the decision report (`--report FILE`, report/html.h):
 * one self-contained HTML file with every section, the verdict in words
 * from the paired intervals, the assumptions of the file, the charts
 * inline (with gnuplot), nothing fetched from elsewhere, the same for any
 * thread count, written whole or not at all; and, when Chromium is
 * installed, a headless render with no console message (a page that
 * logs one shows the check can fail). */
#include <string.h>
#include <sys/wait.h>
#include <glib.h>
#include <glib/gstdio.h>

#include "testfs.h"
#include "testutil.h"

#define PAIRED_A "tests/data/paired/a.cfg"
#define PAIRED_B "tests/data/paired/b.cfg"

/* `drsim compare A B -r 300 -j threads --report tmp/name`: the report's
 * text; yours. */
static char *report(const char *tmp, const char *name, const char *threads)
{
	g_autofree char *path = g_build_filename(tmp, name, NULL);
	const char *args[] = { "compare", PAIRED_A, PAIRED_B, "-r", "300",
			       "-j", threads, "-q", "--report", path, NULL };
	g_autofree char *out = NULL, *err = NULL;
	char *text = NULL;

	ck_assert_msg(test_drsim(args, &out, &err) == 0, "%s", err);
	g_autofree char *said = g_strdup_printf(
		"drsim compare: the report is in %s\n", path);
	ck_assert_str_eq(err, said);
	ck_assert(g_file_get_contents(path, &text, NULL, NULL));
	return text;
}

static guint count(const char *text, const char *what)
{
	guint n = 0;

	for (const char *p = text; (p = strstr(p, what)); p += strlen(what))
		n++;
	return n;
}

static const char *const sections[] = {
	"<h2>The question</h2>", "<h2>The verdict, service by service</h2>",
	"<h2>The figures side by side</h2>", "<h2>Charts</h2>",
	"<h2>What drives the breaches</h2>",
	"<h2>The worst incidents, explained</h2>", "<h2>Assumptions</h2>",
	"<h2>Precision reached</h2>", "<h2>To reproduce</h2>",
};

/* Every section, in order; balanced elements; nothing outside the file
 * (no script, link, src or url but the SVG namespaces); the verdict of
 * tests/data/paired (a repairs faster: better availability and both
 * targets more often); the assumptions of a.cfg's header; a chart per
 * figure when gnuplot is there. */
START_TEST(test_report_structure)
{
	g_autofree char *tmp = test_tmp_dir();
	g_autofree char *html = report(tmp, "r.html", "2");
	const char *at = html;

	ck_assert(g_str_has_prefix(html, "<!DOCTYPE html>\n<html lang=\"en\">"));
	ck_assert(g_str_has_suffix(html, "</body>\n</html>\n"));
	for (guint i = 0; i < G_N_ELEMENTS(sections); i++) {
		const char *p = strstr(at, sections[i]);
		ck_assert_msg(p, "no section %s (or out of order)", sections[i]);
		at = p;
	}
	static const char *const pairs[][2] = {
		{ "<table>", "</table>" }, { "<tr>", "</tr>" },
		{ "<ul>", "</ul>" }, { "<li>", "</li>" },
		{ "<figure>", "</figure>" }, { "<div class=\"verdict\">", "</div>" },
		{ "<svg", "</svg>" }, { "<pre>", "</pre>" },
		{ "<h2>", "</h2>" }, { "<h3>", "</h3>" },
	};
	for (guint i = 0; i < G_N_ELEMENTS(pairs); i++)
		ck_assert_msg(count(html, pairs[i][0]) ==
				      count(html, pairs[i][1]),
			      "%s %u, %s %u", pairs[i][0],
			      count(html, pairs[i][0]), pairs[i][1],
			      count(html, pairs[i][1]));
	ck_assert_uint_eq(count(html, "<p>") + count(html, "<p class="),
			  count(html, "</p>"));
	ck_assert(!strstr(html, "<script") && !strstr(html, "<link") &&
		  !strstr(html, " src=") && !strstr(html, "@import"));
	ck_assert_uint_eq(count(html, "http"),
			  count(html, "xmlns=\"http://www.w3.org/2000/svg\"") +
				  count(html, "xmlns:xlink=\"http://www.w3.org/"
					      "1999/xlink\""));
	ck_assert(strstr(html, "<p>Against a, <b>b</b> is <span class=\"A\">"
			       "worse</span> on both met"));
	ck_assert(strstr(html, "<p>Targets: RTO 12h.</p>"));
	/* what drives the breaches: the one cause, the one component */
	ck_assert(strstr(html, "<tr><td>component:unit:crash</td><td>100.0 %"
			       "</td><td>100.0 %</td>"));
	ck_assert(strstr(html, "<tr><td>component unit</td><td>100.0 %</td>"
			       "</tr>"));
	ck_assert(strstr(html, "Paired differences (tests/test_compare.c): "
			       "one unit failing every"));
	ck_assert(strstr(html, "<h3>paired A (<code>tests/data/paired/a.cfg"
			       "</code>)</h3>"));
	g_autofree char *gnuplot = g_find_program_in_path("gnuplot");
	if (gnuplot) {
		/* availability, RTO and RPO of app; a tornado of each
		 * scenario's breach */
		ck_assert_uint_ge(count(html, "<svg"), 5);
		ck_assert(strstr(html, "id=\"c0_gnuplot_canvas\""));
		ck_assert(strstr(html, "id=\"c1_gnuplot_canvas\""));
	} else {
		ck_assert(strstr(html, "The charts are left out"));
	}
	test_rm_tree(tmp);
}
END_TEST

/* The command line aside, the report is the same for 1 and 2 threads. */
START_TEST(test_report_threads)
{
	g_autofree char *tmp = test_tmp_dir();
	g_autofree char *one = report(tmp, "one.html", "1");
	g_autofree char *two = report(tmp, "two.html", "2");
	g_autoptr(GRegex) re = g_regex_new("<code>drsim compare [^<]*</code>",
					   0, 0, NULL);
	g_autofree char *a = g_regex_replace(re, one, -1, 0, "CMD", 0, NULL);
	g_autofree char *b = g_regex_replace(re, two, -1, 0, "CMD", 0, NULL);

	ck_assert(strcmp(a, b) == 0);
	test_rm_tree(tmp);
}
END_TEST

/* A report that cannot be written: exit 1, the reason, nothing left. */
START_TEST(test_report_unwritable)
{
	g_autofree char *tmp = test_tmp_dir();
	g_autofree char *path = g_build_filename(tmp, "no", "r.html", NULL);
	const char *args[] = { "compare", PAIRED_A, PAIRED_B, "-r", "50",
			       "-q", "--report", path, NULL };
	g_autofree char *out = NULL, *err = NULL;

	ck_assert_int_eq(test_drsim(args, &out, &err), 1);
	ck_assert_msg(g_str_has_prefix(err, "drsim compare: the report: "
					    "cannot write '"),
		      "%s", err);
	g_autofree char *names = test_list_dir(tmp);
	ck_assert_str_eq(names, "");
	test_rm_tree(tmp);
}
END_TEST

/* run --report: the same page for one scenario (its own figures, no
 * difference), its sections, with --precision the precision reached. */
START_TEST(test_report_run)
{
	g_autofree char *tmp = test_tmp_dir();
	g_autofree char *path = g_build_filename(tmp, "run.html", NULL);
	const char *args[] = { "run", PAIRED_A, "-r", "300", "-q",
			       "--precision", "50%", "--report", path, NULL };
	g_autofree char *out = NULL, *err = NULL, *html = NULL;

	ck_assert_msg(test_drsim(args, &out, &err) == 0, "%s", err);
	ck_assert(g_file_get_contents(path, &html, NULL, NULL));
	ck_assert(strstr(html, "<h1>paired A: what its recovery plan "
			       "achieves</h1>"));
	ck_assert(strstr(html, "<h2>The figures</h2>"));
	ck_assert(!strstr(html, " − "));	/* no difference column */
	ck_assert(strstr(html, "<p>precision 50 % on availability, breach: "
			       "reached "));
	for (guint i = 0; i < G_N_ELEMENTS(sections); i++)
		ck_assert_msg(i == 2 || strstr(html, sections[i]), "%s",
			      sections[i]);
	test_rm_tree(tmp);
}
END_TEST

/* -- Chromium --------------------------------------------------------------- */

/* Chromium (Debian's package) renders url headless to png: its exit
 * status, and the console lines it logged (yours). */
static int render(const char *chromium, const char *url, const char *png,
		  char **console)
{
	g_autofree char *profile = test_tmp_dir();
	g_autofree char *shot = g_strdup_printf("--screenshot=%s", png);
	g_autofree char *dir = g_strdup_printf("--user-data-dir=%s", profile);
	const char *argv[] = { chromium, "--headless", "--no-sandbox",
			       "--disable-gpu", "--disable-quic",
			       "--no-first-run",
			       "--disable-background-networking",
			       "--disable-component-update", "--disable-sync",
			       dir, "--enable-logging=stderr", "--v=0",
			       "--window-size=1000,3000", shot, url, NULL };
	g_autofree char *out = NULL, *err = NULL;
	int code = test_spawn(argv, NULL, &out, &err);
	g_auto(GStrv) lines = g_strsplit(err, "\n", -1);
	GString *c = g_string_new(NULL);

	for (char **l = lines; *l; l++)
		if (strstr(*l, ":CONSOLE"))
			g_string_append_printf(c, "%s\n", *l);
	*console = g_string_free(c, FALSE);
	test_rm_tree(profile);
	return code;
}

START_TEST(test_report_chromium)
{
	g_autofree char *chromium = g_find_program_in_path("chromium");

	if (!chromium) {
		fprintf(stderr, "report: the Chromium render is skipped: "
				"chromium is not installed (apt-get install "
				"chromium)\n");
		return;
	}
	g_autofree char *tmp = test_tmp_dir();
	g_autofree char *html = report(tmp, "r.html", "2");
	g_autofree char *path = g_build_filename(tmp, "r.html", NULL);
	g_autofree char *url = g_filename_to_uri(path, NULL, NULL);
	g_autofree char *png = g_build_filename(tmp, "r.png", NULL);
	g_autofree char *console = NULL;

	ck_assert_int_eq(render(chromium, url, png, &console), 0);
	ck_assert_msg(!*console, "the report logged: %s", console);
	GStatBuf st;
	ck_assert_int_eq(g_stat(png, &st), 0);
	ck_assert_int_gt(st.st_size, 20000);	/* not a blank page */

	/* the check can fail: a page that logs an error is caught */
	g_autofree char *bad = test_write_file(
		tmp, "bad.html", "<!DOCTYPE html><p>x</p><script>"
				 "console.error('boom')</script>");
	g_autofree char *bad_url = g_filename_to_uri(bad, NULL, NULL);
	g_autofree char *bad_png = g_build_filename(tmp, "bad.png", NULL);
	g_autofree char *logged = NULL;
	ck_assert_int_eq(render(chromium, bad_url, bad_png, &logged), 0);
	ck_assert_msg(strstr(logged, "boom"), "not caught: '%s'", logged);
	test_rm_tree(tmp);
}
END_TEST

Suite *report_suite(void)
{
	Suite *s = suite_create("report");
	TCase *tc = tcase_create("report");

	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_report_structure);
	tcase_add_test(tc, test_report_threads);
	tcase_add_test(tc, test_report_unwritable);
	tcase_add_test(tc, test_report_run);
	tcase_add_test(tc, test_report_chromium);
	suite_add_tcase(s, tc);
	return s;
}
