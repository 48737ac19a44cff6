/* units.c — parsing and formatting of quantities with units.
 *
 * One small cursor (Lex) walks the input; every error is reported through
 * it so that messages always quote the whole input, even when the fault
 * lies in a part (the duration of a rate, the day of a weekly time).
 */
#include "sim/units.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

G_DEFINE_QUARK(sim-units-error-quark, sim_units_error)

typedef struct {
	const char *what;	/* "duration", "rate"...: names the input */
	const char *full;	/* the whole input, quoted in messages */
	const char *p;		/* cursor into full */
	GError **error;
} Lex;

typedef struct {
	const char *name;
	double num, den;	/* value of one unit = num / den */
} Unit;

/* Hours as a fraction: dividing by 3600 rather than multiplying by its
 * rounded inverse keeps "90s" exactly 90/3600. */
static const Unit duration_units[] = {
	{ "s", 1, 3600 },	{ "sec", 1, 3600 },
	{ "min", 1, 60 },	{ "h", 1, 1 },
	{ "d", 24, 1 },		{ "w", 168, 1 },
	{ "mo", SIM_HOURS_PER_MONTH, 1 },
	{ "y", SIM_HOURS_PER_YEAR, 1 },
};

static const Unit size_units[] = {
	{ "B", 1, 1 },
	{ "KB", 1e3, 1 },	{ "kB", 1e3, 1 },
	{ "MB", 1e6, 1 },	{ "GB", 1e9, 1 },
	{ "TB", 1e12, 1 },	{ "PB", 1e15, 1 },
	{ "KiB", 0x1p10, 1 },	{ "MiB", 0x1p20, 1 },
	{ "GiB", 0x1p30, 1 },	{ "TiB", 0x1p40, 1 },
	{ "PiB", 0x1p50, 1 },
};

/* Bits, for network links: only in throughputs. */
static const Unit bit_units[] = {
	{ "bit", 1, 8 },	{ "Kbit", 1e3, 8 },
	{ "Mbit", 1e6, 8 },	{ "Gbit", 1e9, 8 },
	{ "Tbit", 1e12, 8 },
};

static const char *const day_names[7][2] = {
	{ "mon", "monday" },	{ "tue", "tuesday" },
	{ "wed", "wednesday" }, { "thu", "thursday" },
	{ "fri", "friday" },	{ "sat", "saturday" },
	{ "sun", "sunday" },
};

#define DURATION_UNITS "s, min, h, d, w, mo or y"
#define SIZE_UNITS "B, KB, MB, GB, TB, PB or KiB..PiB"

static gboolean fail(Lex *lx, int code, const char *fmt, ...)
	G_GNUC_PRINTF(3, 4);

/* Always FALSE, so that callers can `return fail(...)`. */
static gboolean fail(Lex *lx, int code, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	msg = g_strdup_vprintf(fmt, ap);
	va_end(ap);
	g_set_error(lx->error, SIM_UNITS_ERROR, code, "bad %s \"%s\": %s",
		    lx->what, lx->full, msg);
	g_free(msg);
	return FALSE;
}

static Lex lex_new(const char *what, const char *s, GError **error)
{
	return (Lex){ .what = what, .full = s, .p = s, .error = error };
}

static void skip_ws(Lex *lx)
{
	while (g_ascii_isspace(*lx->p))
		lx->p++;
}

static gboolean at_end(Lex *lx)
{
	skip_ws(lx);
	return *lx->p == '\0';
}

/* Fails unless only blanks are left. */
static gboolean expect_end(Lex *lx)
{
	if (at_end(lx))
		return TRUE;
	return fail(lx, SIM_UNITS_ERROR_PARSE, "unexpected \"%s\" at the end",
		    lx->p);
}

/* Length of the number at p by our own grammar, 0 if none:
 * digits ['.' digits] [('e'|'E') ['+'|'-'] digits], at least one digit
 * in the mantissa.  Scanning first keeps g_ascii_strtod from accepting
 * signs, hexadecimal, "inf" and "nan". */
static size_t number_span(const char *p)
{
	size_t n = 0, digits = 0;

	for (; g_ascii_isdigit(p[n]); n++)
		digits++;
	if (p[n] == '.')
		for (n++; g_ascii_isdigit(p[n]); n++)
			digits++;
	if (digits == 0)
		return 0;
	if (p[n] == 'e' || p[n] == 'E') {
		size_t e = n + 1;

		if (p[e] == '+' || p[e] == '-')
			e++;
		/* "2e" or "1eh" stop before the 'e': it is a unit then. */
		if (g_ascii_isdigit(p[e])) {
			while (g_ascii_isdigit(p[e]))
				e++;
			n = e;
		}
	}
	return n;
}

/* Says why there is no number at the cursor. */
static gboolean no_number(Lex *lx)
{
	const char *p = lx->p;

	if (*p == '-' && number_span(p + 1) > 0)
		return fail(lx, SIM_UNITS_ERROR_RANGE, "must be >= 0");
	if (*p == '+' || *p == '-')
		p++;
	if (g_ascii_strncasecmp(p, "inf", 3) == 0 ||
	    g_ascii_strncasecmp(p, "nan", 3) == 0)
		return fail(lx, SIM_UNITS_ERROR_RANGE, "not a finite number");
	if (*p == '\0')
		return fail(lx, SIM_UNITS_ERROR_PARSE,
			    "missing number at the end");
	return fail(lx, SIM_UNITS_ERROR_PARSE, "expected a number at \"%s\"",
		    lx->p);
}

/* Reads a non-negative finite number at the cursor. */
static gboolean read_number(Lex *lx, double *v)
{
	size_t n = number_span(lx->p);
	char *text, *end;
	double x;

	if (n == 0)
		return no_number(lx);
	text = g_strndup(lx->p, n);
	errno = 0;
	x = g_ascii_strtod(text, &end);
	/* Underflow ("1e-400") quietly gives 0 or a subnormal: harmless. */
	gboolean overflow = errno == ERANGE && fabs(x) > 1.0;
	g_assert(*end == '\0');
	g_free(text);
	if (overflow || !isfinite(x))
		return fail(lx, SIM_UNITS_ERROR_RANGE, "number too large");
	lx->p += n;
	*v = x;
	return TRUE;
}

/* The letters at the cursor: start and length; moves past them. */
static size_t read_word(Lex *lx, const char **word)
{
	size_t n = 0;

	*word = lx->p;
	while (g_ascii_isalpha(lx->p[n]))
		n++;
	lx->p += n;
	return n;
}

static const Unit *find_unit(const Unit *units, size_t count,
			     const char *word, size_t len)
{
	for (size_t i = 0; i < count; i++)
		if (strlen(units[i].name) == len &&
		    strncmp(units[i].name, word, len) == 0)
			return &units[i];
	return NULL;
}

/* v in the unit, checked finite after conversion ("1e307y"). */
static gboolean convert(Lex *lx, double v, const Unit *u, double *out)
{
	double x = v * u->num / u->den;

	if (!isfinite(x))
		return fail(lx, SIM_UNITS_ERROR_RANGE, "value too large");
	*out = x;
	return TRUE;
}

/* The unit of a duration term; "m" gets its own message. */
static gboolean duration_unit(Lex *lx, const char *w, size_t len,
			      const Unit **u)
{
	*u = find_unit(duration_units, G_N_ELEMENTS(duration_units), w, len);
	if (*u)
		return TRUE;
	if (len == 1 && w[0] == 'm')
		return fail(lx, SIM_UNITS_ERROR_PARSE,
			    "ambiguous unit \"m\" (write \"min\" for minutes "
			    "or \"mo\" for months)");
	return fail(lx, SIM_UNITS_ERROR_PARSE,
		    "unknown unit \"%.*s\" (expected " DURATION_UNITS ")",
		    (int)len, w);
}

/* One term NUMBER [UNIT] added to *total.  The number may be left out
 * where `bare_unit` (the "y" of "0.4/y"); the unit may be left out only
 * by a lone term, which is then in hours. */
static gboolean duration_term(Lex *lx, gboolean first, gboolean bare_unit,
			      double *total)
{
	const char *num = lx->p, *w;
	const Unit *u;
	double v = 1, x = 0;
	size_t len;

	if (!(bare_unit && first && g_ascii_isalpha(*lx->p)) &&
	    !read_number(lx, &v))
		return FALSE;
	size_t num_len = (size_t)(lx->p - num);
	skip_ws(lx);
	len = read_word(lx, &w);
	if (len == 0) {
		if (first && at_end(lx)) {
			*total = v;
			return TRUE;
		}
		return fail(lx, SIM_UNITS_ERROR_PARSE,
			    "missing unit after \"%.*s\" (expected "
			    DURATION_UNITS ")", (int)num_len, num);
	}
	if (!duration_unit(lx, w, len, &u) || !convert(lx, v, u, &x))
		return FALSE;
	*total += x;
	if (!isfinite(*total))
		return fail(lx, SIM_UNITS_ERROR_RANGE, "value too large");
	return TRUE;
}

/* A duration from the cursor to the end of the input; the caller has
 * checked that something is left. */
static gboolean lex_duration(Lex *lx, gboolean bare_unit, double *hours)
{
	double total = 0;

	for (gboolean first = TRUE; !at_end(lx); first = FALSE)
		if (!duration_term(lx, first, bare_unit, &total))
			return FALSE;
	*hours = total;
	return TRUE;
}

gboolean sim_parse_duration(const char *s, double *hours, GError **error)
{
	g_return_val_if_fail(s != NULL, FALSE);
	g_return_val_if_fail(hours != NULL, FALSE);
	g_return_val_if_fail(error == NULL || *error == NULL, FALSE);

	Lex lx = lex_new("duration", s, error);

	if (at_end(&lx))
		return fail(&lx, SIM_UNITS_ERROR_PARSE, "empty");
	return lex_duration(&lx, FALSE, hours);
}

/* The "/" between a quantity and its duration. */
static gboolean expect_slash(Lex *lx, const char *example)
{
	skip_ws(lx);
	if (*lx->p == '/') {
		lx->p++;
		return TRUE;
	}
	if (*lx->p == '\0')
		return fail(lx, SIM_UNITS_ERROR_PARSE,
			    "missing \"/\" and a duration (such as \"%s\")",
			    example);
	return fail(lx, SIM_UNITS_ERROR_PARSE,
		    "expected \"/\" at \"%s\" (such as \"%s\")", lx->p,
		    example);
}

/* The duration after a "/": must be > 0. */
static gboolean per_duration(Lex *lx, double *hours)
{
	if (at_end(lx))
		return fail(lx, SIM_UNITS_ERROR_PARSE,
			    "missing duration after \"/\"");
	if (!lex_duration(lx, TRUE, hours))
		return FALSE;
	if (*hours <= 0)
		return fail(lx, SIM_UNITS_ERROR_RANGE,
			    "the duration after \"/\" must be > 0");
	return TRUE;
}

/* a / b, which may overflow ("1e300/1e-300h"). */
static gboolean divide(Lex *lx, double a, double b, double *out)
{
	double x = a / b;

	if (!isfinite(x))
		return fail(lx, SIM_UNITS_ERROR_RANGE, "value too large");
	*out = x;
	return TRUE;
}

gboolean sim_parse_rate(const char *s, double *per_hour, GError **error)
{
	g_return_val_if_fail(s != NULL, FALSE);
	g_return_val_if_fail(per_hour != NULL, FALSE);
	g_return_val_if_fail(error == NULL || *error == NULL, FALSE);

	Lex lx = lex_new("rate", s, error);
	double count, hours;

	if (at_end(&lx))
		return fail(&lx, SIM_UNITS_ERROR_PARSE, "empty");
	return read_number(&lx, &count) && expect_slash(&lx, "0.4/y") &&
	       per_duration(&lx, &hours) && divide(&lx, count, hours, per_hour);
}

/* NUMBER UNIT with a unit from one of two tables (the second may be
 * NULL), converted to *out. */
static gboolean quantity(Lex *lx, const Unit *units, size_t n,
			 const Unit *more, size_t n_more, const char *expected,
			 double *out)
{
	const char *w;
	const Unit *u;
	double v;
	size_t len;

	if (at_end(lx))
		return fail(lx, SIM_UNITS_ERROR_PARSE, "empty");
	if (!read_number(lx, &v))
		return FALSE;
	skip_ws(lx);
	len = read_word(lx, &w);
	if (len == 0)
		return fail(lx, SIM_UNITS_ERROR_PARSE,
			    "missing unit (expected %s)", expected);
	u = find_unit(units, n, w, len);
	if (!u && more)
		u = find_unit(more, n_more, w, len);
	if (!u && more && len == 2 && w[1] == 'b' && strchr("KMGT", w[0]))
		return fail(lx, SIM_UNITS_ERROR_PARSE,
			    "ambiguous unit \"%.2s\" (write \"%cbit\" for bits "
			    "or \"%cB\" for bytes)",
			    w, w[0], w[0]);
	if (!u)
		return fail(lx, SIM_UNITS_ERROR_PARSE,
			    "unknown unit \"%.*s\" (expected %s)", (int)len, w,
			    expected);
	return convert(lx, v, u, out);
}

gboolean sim_parse_size(const char *s, double *bytes, GError **error)
{
	g_return_val_if_fail(s != NULL, FALSE);
	g_return_val_if_fail(bytes != NULL, FALSE);
	g_return_val_if_fail(error == NULL || *error == NULL, FALSE);

	Lex lx = lex_new("size", s, error);
	double x;

	if (!quantity(&lx, size_units, G_N_ELEMENTS(size_units), NULL, 0,
		      SIZE_UNITS, &x) ||
	    !expect_end(&lx))
		return FALSE;
	*bytes = x;
	return TRUE;
}

gboolean sim_parse_throughput(const char *s, double *bytes_per_hour,
			      GError **error)
{
	g_return_val_if_fail(s != NULL, FALSE);
	g_return_val_if_fail(bytes_per_hour != NULL, FALSE);
	g_return_val_if_fail(error == NULL || *error == NULL, FALSE);

	Lex lx = lex_new("throughput", s, error);
	double size = 0, hours = 0, x = 0;

	if (!quantity(&lx, size_units, G_N_ELEMENTS(size_units), bit_units,
		      G_N_ELEMENTS(bit_units),
		      "B, KB..PB, KiB..PiB or Kbit..Tbit",
		      &size) ||
	    !expect_slash(&lx, "1.3TB/h") || !per_duration(&lx, &hours) ||
	    !divide(&lx, size, hours, &x))
		return FALSE;
	if (x <= 0)
		return fail(&lx, SIM_UNITS_ERROR_RANGE, "must be > 0");
	*bytes_per_hour = x;
	return TRUE;
}

gboolean sim_parse_percent(const char *s, double *fraction, GError **error)
{
	g_return_val_if_fail(s != NULL, FALSE);
	g_return_val_if_fail(fraction != NULL, FALSE);
	g_return_val_if_fail(error == NULL || *error == NULL, FALSE);

	Lex lx = lex_new("percentage", s, error);
	double v;

	if (at_end(&lx))
		return fail(&lx, SIM_UNITS_ERROR_PARSE, "empty");
	if (!read_number(&lx, &v))
		return FALSE;
	if (at_end(&lx))
		return fail(&lx, SIM_UNITS_ERROR_PARSE,
			    "missing \"%%\" (write 15%% for 0.15)");
	if (*lx.p != '%')
		return fail(&lx, SIM_UNITS_ERROR_PARSE,
			    "expected \"%%\" at \"%s\"", lx.p);
	lx.p++;
	if (!expect_end(&lx))
		return FALSE;
	if (v > 100)
		return fail(&lx, SIM_UNITS_ERROR_RANGE,
			    "must be between 0%% and 100%%");
	*fraction = v / 100;
	return TRUE;
}

/* Up to `max` digits as an int; the count read, 0 if none. */
static int read_digits(Lex *lx, int max, int *v)
{
	int n = 0;

	*v = 0;
	while (n < max && g_ascii_isdigit(lx->p[n])) {
		*v = *v * 10 + (lx->p[n] - '0');
		n++;
	}
	lx->p += n;
	return n;
}

/* H:MM or HH:MM at the cursor; 24:00 allowed. */
static gboolean lex_clock(Lex *lx, double *hour_of_day)
{
	int h, m;

	skip_ws(lx);
	if (read_digits(lx, 2, &h) == 0 || *lx->p != ':')
		return fail(lx, SIM_UNITS_ERROR_PARSE,
			    "expected HH:MM");
	lx->p++;
	if (read_digits(lx, 2, &m) != 2 || g_ascii_isdigit(*lx->p))
		return fail(lx, SIM_UNITS_ERROR_PARSE,
			    "expected HH:MM with two-digit minutes");
	if (h > 24 || m > 59 || (h == 24 && m > 0))
		return fail(lx, SIM_UNITS_ERROR_RANGE,
			    "expected 00:00 to 23:59 (or 24:00 to end a "
			    "day)");
	*hour_of_day = h + m / 60.0;
	return TRUE;
}

gboolean sim_parse_clock(const char *s, double *hour_of_day, GError **error)
{
	g_return_val_if_fail(s != NULL, FALSE);
	g_return_val_if_fail(hour_of_day != NULL, FALSE);
	g_return_val_if_fail(error == NULL || *error == NULL, FALSE);

	Lex lx = lex_new("time of day", s, error);
	double h;

	if (!lex_clock(&lx, &h) || !expect_end(&lx))
		return FALSE;
	*hour_of_day = h;
	return TRUE;
}

/* A day name at the cursor (letters only). */
static gboolean lex_weekday(Lex *lx, int *day)
{
	const char *w;
	size_t len;

	skip_ws(lx);
	len = read_word(lx, &w);
	for (int d = 0; d < 7; d++)
		for (int form = 0; form < 2; form++)
			if (strlen(day_names[d][form]) == len &&
			    g_ascii_strncasecmp(w, day_names[d][form], len) ==
				    0) {
				*day = d;
				return TRUE;
			}
	if (len == 0)
		return fail(lx, SIM_UNITS_ERROR_PARSE,
			    "expected a day (mon..sun)");
	return fail(lx, SIM_UNITS_ERROR_PARSE,
		    "unknown day \"%.*s\" (expected mon..sun or monday.."
		    "sunday)",
		    (int)len, w);
}

gboolean sim_parse_weekday(const char *s, int *day, GError **error)
{
	g_return_val_if_fail(s != NULL, FALSE);
	g_return_val_if_fail(day != NULL, FALSE);
	g_return_val_if_fail(error == NULL || *error == NULL, FALSE);

	Lex lx = lex_new("day", s, error);
	int d;

	if (!lex_weekday(&lx, &d) || !expect_end(&lx))
		return FALSE;
	*day = d;
	return TRUE;
}

gboolean sim_parse_weekly(const char *s, double *hour_of_week,
			  GError **error)
{
	g_return_val_if_fail(s != NULL, FALSE);
	g_return_val_if_fail(hour_of_week != NULL, FALSE);
	g_return_val_if_fail(error == NULL || *error == NULL, FALSE);

	Lex lx = lex_new("weekly time", s, error);
	double h;
	int d;

	if (!lex_weekday(&lx, &d))
		return FALSE;
	if (!g_ascii_isspace(*lx.p))
		return fail(&lx, SIM_UNITS_ERROR_PARSE,
			    "expected DAY HH:MM (such as \"sun 02:00\")");
	if (!lex_clock(&lx, &h) || !expect_end(&lx))
		return FALSE;
	if (h >= 24)
		return fail(&lx, SIM_UNITS_ERROR_RANGE,
			    "24:00 is not an instant (write the next day's "
			    "00:00)");
	*hour_of_week = 24.0 * d + h;
	return TRUE;
}

/* hours in the unit of `sec` seconds, rounded to 3 significant digits,
 * as printed and as read back. */
static double rounded(double hours, double sec, char *buf, size_t size)
{
	/* Dividing by the unit in hours cannot overflow for a finite
	 * value, as hours * 3600 could. */
	double v = hours / (sec / 3600);

	/* g_ascii_formatd: a '.' whatever the locale, so that it parses
	 * back. */
	if (v >= 1000 && v < 1e9)
		g_ascii_formatd(buf, (int)size, "%.0f", v);
	else
		g_ascii_formatd(buf, (int)size, "%.3g", v);
	return g_ascii_strtod(buf, NULL);
}

void sim_format_duration(double hours, char *buf, size_t size)
{
	static const struct {
		const char *name;
		double sec;
	} units[] = {
		{ "y", 3600 * SIM_HOURS_PER_YEAR }, { "d", 86400 },
		{ "h", 3600 }, { "min", 60 }, { "s", 1 },
	};
	char num[G_ASCII_DTOSTR_BUF_SIZE];
	const char *sign = hours < 0 ? "-" : "";
	size_t i;

	g_return_if_fail(buf != NULL || size == 0);
	if (size == 0)
		return;
	if (isnan(hours) || isinf(hours) || hours == 0) {
		snprintf(buf, size, "%s", isnan(hours)   ? "nan"
					  : hours == 0 ? "0"
					  : hours > 0  ? "inf"
						       : "-inf");
		return;
	}
	/* The largest unit in which the *rounded* value is >= 1, so that
	 * 59.97 s is "1min", not "60s". */
	for (i = 0; i < G_N_ELEMENTS(units) - 1; i++)
		if (rounded(fabs(hours), units[i].sec, num, sizeof num) >= 1)
			break;
	rounded(fabs(hours), units[i].sec, num, sizeof num);
	snprintf(buf, size, "%s%s%s", sign, num, units[i].name);
}
