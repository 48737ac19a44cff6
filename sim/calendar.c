/* calendar.c — civil time from SimTime, and weekly schedules.
 *
 * Every weekly question goes through sim_calendar_hour_of_week(), whose
 * only rounding is the sum start_how + t (fmod is exact).  Membership is
 * a function of that sum, so it is monotone within a week; the next
 * opening or closing is first computed in hour-of-week terms, then
 * moved by a few units of the last place to the exact double where
 * membership switches (boundary()), which makes the results agree with
 * sim_schedule_contains() as promised.
 */
#include "sim/calendar.h"

#include <float.h>
#include <math.h>
#include <stdarg.h>
#include <string.h>

#include "sim/units.h"

G_DEFINE_QUARK(sim-calendar-error-quark, sim_calendar_error)

typedef struct {
	double a, b;	/* half-open [a, b) in hours of week,
			 * 0 <= a < b <= 168 */
} Interval;

struct SimSchedule {
	guint n;		/* intervals, sorted, disjoint, not touching */
	double hours;		/* their total length */
	Interval iv[];
};

#define DATE_FORMS "\"YYYY-MM-DD\", \"YYYY-MM-DD HH:MM\" or " \
		   "\"YYYY-MM-DDTHH:MM\""

/* ---- dates ------------------------------------------------------------ */

/* Exactly n digits at *p. */
static gboolean digits(const char **p, int n, int *v)
{
	*v = 0;
	for (int i = 0; i < n; i++, (*p)++) {
		if (!g_ascii_isdigit(**p))
			return FALSE;
		*v = *v * 10 + (**p - '0');
	}
	return TRUE;
}

/* "H:MM" or "HH:MM" at *p, then only blanks. */
static gboolean clock_tail(const char *p, int *h, int *mi)
{
	if (!digits(&p, 1, h))
		return FALSE;
	if (g_ascii_isdigit(*p)) {
		*h = *h * 10 + (*p - '0');
		p++;
	}
	if (*p++ != ':' || !digits(&p, 2, mi))
		return FALSE;
	while (g_ascii_isspace(*p))
		p++;
	return *p == '\0';
}

/* Splits a date-time in the forms of sim_calendar_init(). */
static gboolean split_datetime(const char *s, int f[5])
{
	const char *p = s;

	while (g_ascii_isspace(*p))
		p++;
	if (!digits(&p, 4, &f[0]) || *p++ != '-' || !digits(&p, 2, &f[1]) ||
	    *p++ != '-' || !digits(&p, 2, &f[2]))
		return FALSE;
	f[3] = f[4] = 0;
	if (*p == 'T')
		return clock_tail(p + 1, &f[3], &f[4]);
	if (!g_ascii_isspace(*p))
		return *p == '\0';
	while (g_ascii_isspace(*p))
		p++;
	return *p == '\0' || clock_tail(p, &f[3], &f[4]);
}

/* A new UTC GDateTime for s, or NULL with *error set ("bad WHAT ..."). */
static GDateTime *parse_datetime(const char *s, const char *what,
				 GError **error)
{
	GDateTime *dt;
	int f[5];

	if (!split_datetime(s, f)) {
		g_set_error(error, SIM_CALENDAR_ERROR, SIM_CALENDAR_ERROR_PARSE,
			    "bad %s \"%s\": expected " DATE_FORMS, what, s);
		return NULL;
	}
	/* GDateTime checks the calendar: month lengths, leap years,
	 * hours 0..23 (so "24:00" is refused), years 1..9999. */
	dt = g_date_time_new_utc(f[0], f[1], f[2], f[3], f[4], 0);
	if (!dt)
		g_set_error(error, SIM_CALENDAR_ERROR, SIM_CALENDAR_ERROR_RANGE,
			    "bad %s \"%s\": no such date or time", what, s);
	return dt;
}

gboolean sim_calendar_init(SimCalendar *cal, const char *start,
			   GError **error)
{
	g_return_val_if_fail(cal != NULL, FALSE);
	g_return_val_if_fail(error == NULL || *error == NULL, FALSE);

	GDateTime *dt = parse_datetime(start ? start
					     : SIM_CALENDAR_DEFAULT_START,
				       "start", error);
	if (!dt)
		return FALSE;
	cal->start_s = g_date_time_to_unix(dt);
	cal->start_how = 24.0 * (g_date_time_get_day_of_week(dt) - 1) +
			 g_date_time_get_hour(dt) +
			 g_date_time_get_minute(dt) / 60.0;
	g_date_time_unref(dt);
	return TRUE;
}

/* ---- positions in the week ------------------------------------------- */

double sim_calendar_hour_of_week(const SimCalendar *cal, SimTime t)
{
	g_return_val_if_fail(cal != NULL, 0);

	double h = fmod(cal->start_how + t, SIM_HOURS_PER_WEEK);

	if (h < 0)
		h += SIM_HOURS_PER_WEEK;
	/* -1e-20 + 168 rounds to 168, which is hour 0 of the next week. */
	return h < SIM_HOURS_PER_WEEK ? h : 0;
}

int sim_calendar_weekday(const SimCalendar *cal, SimTime t)
{
	int d = (int)(sim_calendar_hour_of_week(cal, t) / 24);

	return d < 7 ? d : 6;
}

double sim_calendar_time_of_day(const SimCalendar *cal, SimTime t)
{
	/* fmod is exact, and 24 divides 168. */
	return fmod(sim_calendar_hour_of_week(cal, t), 24);
}

/* The offset form "+36h" of an instant. */
static gboolean parse_offset(const char *s, const char *p, SimTime *t,
			     GError **error)
{
	GError *inner = NULL;
	double h;

	if (sim_parse_duration(p, &h, &inner)) {
		*t = h;
		return TRUE;
	}
	g_set_error(error, SIM_CALENDAR_ERROR,
		    inner->code == SIM_UNITS_ERROR_RANGE
			    ? SIM_CALENDAR_ERROR_RANGE
			    : SIM_CALENDAR_ERROR_PARSE,
		    "bad instant \"%s\": %s", s, inner->message);
	g_error_free(inner);
	return FALSE;
}

gboolean sim_calendar_parse_instant(const SimCalendar *cal, const char *s,
				    SimTime *t, GError **error)
{
	g_return_val_if_fail(cal != NULL, FALSE);
	g_return_val_if_fail(s != NULL, FALSE);
	g_return_val_if_fail(t != NULL, FALSE);
	g_return_val_if_fail(error == NULL || *error == NULL, FALSE);

	const char *p = s;

	while (g_ascii_isspace(*p))
		p++;
	if (*p == '+')
		return parse_offset(s, p + 1, t, error);
	if (!g_ascii_isdigit(*p) || !strchr(p, '-')) {
		g_set_error(error, SIM_CALENDAR_ERROR, SIM_CALENDAR_ERROR_PARSE,
			    "bad instant \"%s\": expected a date-time "
			    "\"YYYY-MM-DD HH:MM\" or an offset from the start "
			    "such as \"+36h\"", s);
		return FALSE;
	}
	GDateTime *dt = parse_datetime(s, "instant", error);
	if (!dt)
		return FALSE;
	double h = (double)(g_date_time_to_unix(dt) - cal->start_s) / 3600;
	g_date_time_unref(dt);
	if (h < 0) {
		char *start = sim_calendar_format(cal, 0);
		g_set_error(error, SIM_CALENDAR_ERROR, SIM_CALENDAR_ERROR_RANGE,
			    "bad instant \"%s\": before the start %s", s,
			    start);
		g_free(start);
		return FALSE;
	}
	*t = h;
	return TRUE;
}

char *sim_calendar_format(const SimCalendar *cal, SimTime t)
{
	g_return_val_if_fail(cal != NULL, NULL);

	char buf[32];
	GDateTime *dt = NULL;

	/* 1e9 h is beyond year 9999 from any start: no overflow below. */
	if (fabs(t) < 1e9) {
		gint64 min = (gint64)llround(t * 60);
		dt = g_date_time_new_from_unix_utc(cal->start_s + min * 60);
	}
	if (!dt) {
		sim_format_duration(t, buf, sizeof buf);
		return g_strconcat(t >= 0 || isnan(t) ? "+" : "", buf, NULL);
	}
	char *s = g_date_time_format(dt, "%Y-%m-%d %H:%M");
	g_date_time_unref(dt);
	return s;
}

/* The smallest base + period·k >= t over integers k, as computed in
 * double: the ceil() guess is corrected both ways for its rounding, so a
 * result fed back in comes back unchanged.  The corrections are of one
 * step; bounding them keeps absurd t (where k ± 1 == k) from looping. */
static SimTime next_periodic(double base, double period, SimTime t)
{
	if (!isfinite(t))
		return t;

	double k = ceil((t - base) / period);

	for (int i = 0; i < 4 && base + period * (k - 1) >= t; i++)
		k--;
	for (int i = 0; i < 4 && base + period * k < t; i++)
		k++;
	return base + period * k;
}

SimTime sim_calendar_next_weekly(const SimCalendar *cal, SimTime t,
				 double hour_of_week)
{
	g_return_val_if_fail(cal != NULL, t);
	g_return_val_if_fail(hour_of_week >= 0 &&
				     hour_of_week < SIM_HOURS_PER_WEEK, t);

	/* Occurrences are origin + hour_of_week + 168 k, origin being the
	 * Monday 00:00 before the start, at t = -start_how. */
	return next_periodic(hour_of_week - cal->start_how, SIM_HOURS_PER_WEEK,
			     t);
}

SimTime sim_calendar_next_daily(const SimCalendar *cal, SimTime t,
				double hour_of_day)
{
	g_return_val_if_fail(cal != NULL, t);
	g_return_val_if_fail(hour_of_day >= 0 && hour_of_day < 24, t);

	return next_periodic(hour_of_day - fmod(cal->start_how, 24), 24, t);
}

/* ---- schedules: parsing ---------------------------------------------- */

typedef struct {
	const char *spec;	/* the whole spec, quoted in messages */
	const char *item;	/* the item being read, trimmed */
	const char *p;		/* cursor into item */
	GArray *iv;		/* of Interval, unsorted */
	GError **error;
} SpecLex;

static gboolean spec_fail(SpecLex *lx, int code, const char *fmt, ...)
	G_GNUC_PRINTF(3, 4);

/* Always FALSE. */
static gboolean spec_fail(SpecLex *lx, int code, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	msg = g_strdup_vprintf(fmt, ap);
	va_end(ap);
	g_set_error(lx->error, SIM_CALENDAR_ERROR, code,
		    "bad schedule \"%s\": %s", lx->spec, msg);
	g_free(msg);
	return FALSE;
}

static void spec_skip_ws(SpecLex *lx)
{
	while (g_ascii_isspace(*lx->p))
		lx->p++;
}

/* A token of the characters accepted by `keep`, as a new string. */
static char *spec_token(SpecLex *lx, gboolean (*keep)(gchar))
{
	const char *start;

	spec_skip_ws(lx);
	start = lx->p;
	while (*lx->p && keep(*lx->p))
		lx->p++;
	return g_strndup(start, (gsize)(lx->p - start));
}

static gboolean is_alpha(gchar c)
{
	return g_ascii_isalpha(c);
}

static gboolean is_clock_char(gchar c)
{
	return g_ascii_isdigit(c) || c == ':';
}

static gboolean spec_day(SpecLex *lx, int *day)
{
	char *w = spec_token(lx, is_alpha);
	gboolean ok = *w && sim_parse_weekday(w, day, NULL);

	if (!ok && strcmp(w, lx->item) == 0)
		/* A lone word: most likely a misspelt "24/7" or "never". */
		spec_fail(lx, SIM_CALENDAR_ERROR_PARSE,
			  "unknown \"%s\" (expected \"24/7\", \"never\" or "
			  "DAYS FROM-TO such as \"%s\")",
			  w, SIM_SCHEDULE_BUSINESS_HOURS);
	else if (!ok && *w)
		spec_fail(lx, SIM_CALENDAR_ERROR_PARSE,
			  "unknown day \"%s\" in \"%s\" (expected mon..sun)",
			  w, lx->item);
	else if (!ok)
		spec_fail(lx, SIM_CALENDAR_ERROR_PARSE,
			  "expected DAYS FROM-TO (such as \"%s\") in \"%s\"",
			  SIM_SCHEDULE_BUSINESS_HOURS, lx->item);
	g_free(w);
	return ok;
}

/* DAY or DAY-DAY (wrapping: fri-mon), or'ed into *mask. */
static gboolean spec_day_range(SpecLex *lx, unsigned *mask)
{
	int d1, d2;

	if (!spec_day(lx, &d1))
		return FALSE;
	spec_skip_ws(lx);
	d2 = d1;
	if (*lx->p == '-') {
		lx->p++;
		if (!spec_day(lx, &d2))
			return FALSE;
	}
	for (int d = d1;; d = (d + 1) % 7) {
		*mask |= 1u << d;
		if (d == d2)
			break;
	}
	return TRUE;
}

static gboolean spec_days(SpecLex *lx, unsigned *mask)
{
	*mask = 0;
	for (;;) {
		if (!spec_day_range(lx, mask))
			return FALSE;
		spec_skip_ws(lx);
		if (*lx->p != ',')
			return TRUE;
		lx->p++;
	}
}

static gboolean spec_clock(SpecLex *lx, double *h)
{
	char *w = spec_token(lx, is_clock_char);
	GError *err = NULL;
	gboolean ok = sim_parse_clock(w, h, &err);

	if (!ok)
		spec_fail(lx,
			  err->code == SIM_UNITS_ERROR_RANGE
				  ? SIM_CALENDAR_ERROR_RANGE
				  : SIM_CALENDAR_ERROR_PARSE,
			  "bad time \"%s\" in \"%s\" (expected HH:MM from "
			  "00:00 to 24:00)",
			  w, lx->item);
	g_clear_error(&err);
	g_free(w);
	return ok;
}

/* FROM-TO, both as hours of the day. */
static gboolean spec_times(SpecLex *lx, double *from, double *to)
{
	spec_skip_ws(lx);
	if (*lx->p == '\0')
		return spec_fail(lx, SIM_CALENDAR_ERROR_PARSE,
				 "missing FROM-TO times in \"%s\" (such as "
				 "\"%s\")",
				 lx->item, SIM_SCHEDULE_BUSINESS_HOURS);
	if (!spec_clock(lx, from))
		return FALSE;
	spec_skip_ws(lx);
	if (*lx->p != '-')
		return spec_fail(lx, SIM_CALENDAR_ERROR_PARSE,
				 "expected \"-\" between two times in \"%s\"",
				 lx->item);
	lx->p++;
	if (!spec_clock(lx, to))
		return FALSE;
	spec_skip_ws(lx);
	if (*lx->p)
		return spec_fail(lx, SIM_CALENDAR_ERROR_PARSE,
				 "unexpected \"%s\" at the end of \"%s\"",
				 lx->p, lx->item);
	if (*from >= 24)
		return spec_fail(lx, SIM_CALENDAR_ERROR_RANGE,
				 "an interval cannot start at 24:00 in \"%s\"",
				 lx->item);
	if (*from == *to)
		return spec_fail(lx, SIM_CALENDAR_ERROR_RANGE,
				 "empty interval in \"%s\" (write 00:00-24:00 "
				 "for a whole day)",
				 lx->item);
	return TRUE;
}

static void add_interval(GArray *iv, double a, double b)
{
	Interval x = { a, b };

	g_array_append_val(iv, x);
}

/* The intervals of one item for each of its days.  A day's hours are
 * always 24·day + clock, computed the same way for every item, so that
 * touching intervals compare equal and merge. */
static void add_item(GArray *iv, unsigned mask, double from, double to)
{
	for (int d = 0; d < 7; d++) {
		if (!(mask & (1u << d)))
			continue;
		if (to > from) {
			add_interval(iv, 24.0 * d + from, 24.0 * d + to);
			continue;
		}
		/* Across midnight: the rest of the day, then the next
		 * morning (Sunday night ends on Monday, hour 0). */
		add_interval(iv, 24.0 * d + from, 24.0 * d + 24);
		if (to > 0)
			add_interval(iv, 24.0 * ((d + 1) % 7),
				     24.0 * ((d + 1) % 7) + to);
	}
}

static gboolean spec_item(SpecLex *lx)
{
	unsigned mask;
	double from, to;

	if (*lx->item == '\0')
		return spec_fail(lx, SIM_CALENDAR_ERROR_PARSE,
				 "empty item (a \";\" too many)");
	if (g_ascii_strcasecmp(lx->item, "24/7") == 0) {
		add_interval(lx->iv, 0, SIM_HOURS_PER_WEEK);
		return TRUE;
	}
	if (g_ascii_strcasecmp(lx->item, "never") == 0)
		return TRUE;
	if (!spec_days(lx, &mask) || !spec_times(lx, &from, &to))
		return FALSE;
	add_item(lx->iv, mask, from, to);
	return TRUE;
}

/* ---- schedules: the interval set ------------------------------------- */

static gint cmp_interval(gconstpointer x, gconstpointer y)
{
	const Interval *a = x, *b = y;

	return (a->a > b->a) - (a->a < b->a);
}

/* Sorts and merges overlapping or touching intervals into a schedule. */
static SimSchedule *schedule_from(GArray *iv)
{
	SimSchedule *s;
	guint n = 0;

	g_array_sort(iv, cmp_interval);
	s = g_malloc0(sizeof *s + iv->len * sizeof(Interval));
	for (guint i = 0; i < iv->len; i++) {
		Interval x = g_array_index(iv, Interval, i);

		if (n > 0 && x.a <= s->iv[n - 1].b)
			s->iv[n - 1].b = MAX(s->iv[n - 1].b, x.b);
		else
			s->iv[n++] = x;
	}
	s->n = n;
	for (guint i = 0; i < n; i++)
		s->hours += s->iv[i].b - s->iv[i].a;
	return s;
}

SimSchedule *sim_schedule_parse(const char *spec, GError **error)
{
	g_return_val_if_fail(spec != NULL, NULL);
	g_return_val_if_fail(error == NULL || *error == NULL, NULL);

	char **items = g_strsplit(spec, ";", -1);
	SpecLex lx = { .spec = spec, .error = error };
	SimSchedule *s = NULL;
	gboolean ok = TRUE;

	lx.iv = g_array_new(FALSE, FALSE, sizeof(Interval));
	/* A blank spec is "empty", not one empty item. */
	if (strspn(spec, " \t\n\r\f\v") == strlen(spec))
		ok = spec_fail(&lx, SIM_CALENDAR_ERROR_PARSE,
			       "empty (expected \"24/7\", \"never\" or DAYS "
			       "FROM-TO such as \"%s\")",
			       SIM_SCHEDULE_BUSINESS_HOURS);
	for (char **it = items; ok && *it; it++) {
		lx.item = lx.p = g_strstrip(*it);
		ok = spec_item(&lx);
	}
	if (ok)
		s = schedule_from(lx.iv);
	g_array_free(lx.iv, TRUE);
	g_strfreev(items);
	return s;
}

void sim_schedule_free(SimSchedule *s)
{
	g_free(s);
}

/* ---- schedules: queries ----------------------------------------------- */

gboolean sim_schedule_is_always(const SimSchedule *s)
{
	g_return_val_if_fail(s != NULL, FALSE);

	return s->n == 1 && s->iv[0].a == 0 &&
	       s->iv[0].b == SIM_HOURS_PER_WEEK;
}

double sim_schedule_hours_per_week(const SimSchedule *s)
{
	g_return_val_if_fail(s != NULL, 0);

	return s->hours;
}

/* The interval holding hour of week h, or -1. */
static int find(const SimSchedule *s, double h)
{
	for (guint i = 0; i < s->n && s->iv[i].a <= h; i++)
		if (h < s->iv[i].b)
			return (int)i;
	return -1;
}

gboolean sim_schedule_contains(const SimSchedule *s, const SimCalendar *cal,
			       SimTime t)
{
	g_return_val_if_fail(s != NULL, FALSE);
	g_return_val_if_fail(cal != NULL, FALSE);

	return find(s, sim_calendar_hour_of_week(cal, t)) >= 0;
}

static gboolean is_in(const SimSchedule *s, const SimCalendar *cal,
		      SimTime t, gboolean inside)
{
	return sim_schedule_contains(s, cal, t) == inside;
}

/* The first double after `from` where membership becomes `inside`, given
 * a guess of it a few units of the last place off either way; `from`
 * itself has the other membership.  Membership is a step function of
 * start_how + t, which is monotone in t, so between `from` and the guess
 * it switches once: growing steps bracket the switch between two
 * instants, bisection narrows them to adjacent doubles.  Intervals and
 * gaps last at least a minute, far more than the steps, so no interval
 * can be stepped over (for |t| < 1e12 h, where a double still resolves
 * a minute). */
static SimTime boundary(const SimSchedule *s, const SimCalendar *cal,
			SimTime from, SimTime guess, gboolean inside)
{
	double step = (fabs(guess) + fabs(cal->start_how) +
		       SIM_HOURS_PER_WEEK) * DBL_EPSILON;
	SimTime lo = from, hi = guess;

	if (is_in(s, cal, guess, inside)) {
		/* Landed late, or right: find a point before the switch. */
		for (int i = 0; i < 40; i++, step *= 2) {
			SimTime p = hi - step;
			if (p <= from)
				break;
			if (!is_in(s, cal, p, inside)) {
				lo = p;
				break;
			}
			hi = p;
		}
	} else {
		/* Landed early: find a point after the switch. */
		for (int i = 0; i < 40 && !is_in(s, cal, hi, inside);
		     i++, step *= 2) {
			lo = hi;
			hi += step;
		}
	}
	for (;;) {
		SimTime mid = lo + (hi - lo) / 2;
		if (mid <= lo || mid >= hi)
			return hi;
		if (is_in(s, cal, mid, inside))
			hi = mid;
		else
			lo = mid;
	}
}

SimTime sim_schedule_next_open(const SimSchedule *s, const SimCalendar *cal,
			       SimTime t)
{
	g_return_val_if_fail(s != NULL, t);
	g_return_val_if_fail(cal != NULL, t);

	if (s->n == 0)
		return INFINITY;
	if (!isfinite(t) || sim_schedule_contains(s, cal, t))
		return t;

	double h = sim_calendar_hour_of_week(cal, t);
	guint i = 0;

	/* h is in a gap: the next opening is the first start after it,
	 * or the first of next week. */
	while (i < s->n && s->iv[i].a <= h)
		i++;
	double d = i < s->n ? s->iv[i].a - h
			    : s->iv[0].a + SIM_HOURS_PER_WEEK - h;
	return boundary(s, cal, t, t + d, TRUE);
}

SimTime sim_schedule_next_close(const SimSchedule *s, const SimCalendar *cal,
				SimTime t)
{
	g_return_val_if_fail(s != NULL, t);
	g_return_val_if_fail(cal != NULL, t);

	if (sim_schedule_is_always(s))
		return INFINITY;
	if (!isfinite(t) || !sim_schedule_contains(s, cal, t))
		return t;

	double h = sim_calendar_hour_of_week(cal, t);
	const Interval *x = &s->iv[find(s, h)];
	double end = x->b;

	/* An interval ending with the week goes on into the one starting
	 * it ("sun 22:00-06:00"). */
	if (end == SIM_HOURS_PER_WEEK && s->iv[0].a == 0)
		end += s->iv[0].b;
	return boundary(s, cal, t, t + (end - h), FALSE);
}
