/* html-private.h — what html.c shares with the sections it delegates
 * (html_notes.c: the worst incidents, the assumptions, the precision).
 * html.c calls them; they call nothing of html.c. */
#ifndef DRSIM_MODELS_REPORT_HTML_PRIVATE_H
#define DRSIM_MODELS_REPORT_HTML_PRIVATE_H

#include <glib.h>

#include "models/report/html.h"

/* Appends to s the text of fmt with every string argument escaped
 * (g_markup_printf_escaped()). */
void html_printf(GString *s, const char *fmt, ...) G_GNUC_PRINTF(2, 3);

/* "4h", "1.5d": a duration as the tables print it. */
char *html_duration(double h);

/* The worst incidents of every scenario, explained. */
void html_worst(GString *s, const MdlHtmlReport *rep);

/* The assumptions of every scenario file (and of the topologies they
 * replace, each file once): its header comments, its values marked
 * [A]. */
void html_assumptions(GString *s, const MdlHtmlReport *rep);

/* The precision of each headline figure, and of a run to a precision. */
void html_precision(GString *s, const MdlHtmlReport *rep);

#endif
