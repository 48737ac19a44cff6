/* calendar.h — civil time of the simulation, and weekly schedules.
 *
 * The simulation counts SimTime in hours from a start instant; a
 * SimCalendar maps those hours to civil time: day of the week, time of
 * day, a printable date.  The default start is Monday 2026-01-05 00:00.
 *
 * Civil time here is naive local time WITHOUT daylight-saving shifts:
 * every day has exactly 24 h and every week 168 h.  The start is treated
 * as if it were UTC (only for the date arithmetic, done with GDateTime),
 * so "2026-03-29 02:30", which does not exist in Paris, is an ordinary
 * instant here.  The error is at most one hour twice a year, well inside
 * the spread of any human delay the models apply.
 *
 * Weekly positions are "hours of the week", Monday 00:00 = 0, in
 * [0, 168).  A SimSchedule (staffing hours, "mon-fri 08:00-18:00") is a
 * sorted array of merged, half-open intervals [a, b) of hour of week; an
 * interval that crosses the end of the week is split in two.  Membership
 * is decided on sim_calendar_hour_of_week() alone, and
 * sim_schedule_next_open()/_next_close() return instants that
 * sim_schedule_contains() classifies as promised, whatever the floating
 * rounding at a boundary.
 *
 * Errors: SIM_CALENDAR_ERROR, code _PARSE (not of the expected form) or
 * _RANGE (well formed, value not allowed); messages are lowercase and
 * quote the input.  NULL pointers are programming errors.
 *
 * Ownership: a SimCalendar is a plain value, owned by its holder.  A
 * SimSchedule is owned by the caller of sim_schedule_parse(), immutable,
 * and may be shared by threads.  Strings passed in are borrowed for the
 * call only.
 *
 * Complexity: calendar functions O(1); schedule queries O(n) in the
 * number of intervals (a handful in practice).
 */
#ifndef DRSIM_SIM_CALENDAR_H
#define DRSIM_SIM_CALENDAR_H

#include <glib.h>

#include "sim/time.h"

#define SIM_CALENDAR_ERROR (sim_calendar_error_quark())
GQuark sim_calendar_error_quark(void);

typedef enum {
	SIM_CALENDAR_ERROR_PARSE,	/* not of the expected form */
	SIM_CALENDAR_ERROR_RANGE,	/* well formed, value not allowed */
} SimCalendarError;

#define SIM_HOURS_PER_WEEK 168.0
#define SIM_CALENDAR_DEFAULT_START "2026-01-05 00:00"
#define SIM_SCHEDULE_BUSINESS_HOURS "mon-fri 08:00-18:00"

typedef struct {
	gint64 start_s;		/* the naive start, as seconds since the Unix
				 * epoch as if it were UTC */
	double start_how;	/* hour of week of the start, in [0, 168) */
} SimCalendar;

/* Sets *cal to start at `start`: "YYYY-MM-DD HH:MM", "YYYY-MM-DDTHH:MM",
 * or "YYYY-MM-DD" (00:00); NULL means SIM_CALENDAR_DEFAULT_START.  Years
 * 1..9999.  Returns FALSE and sets *error (leaving *cal untouched) on a
 * bad string. */
gboolean sim_calendar_init(SimCalendar *cal, const char *start,
			   GError **error);

/* The hour of week of t, in [0, 168) (t may be negative; 0 when t is not
 * finite). */
double sim_calendar_hour_of_week(const SimCalendar *cal, SimTime t);

/* The day of week of t, 0 = Monday .. 6 = Sunday. */
int sim_calendar_weekday(const SimCalendar *cal, SimTime t);

/* The time of day of t in hours, in [0, 24). */
double sim_calendar_time_of_day(const SimCalendar *cal, SimTime t);

/* Reads an instant into *t, hours since the start: either a date-time in
 * the forms of sim_calendar_init() (error if before the start), or an
 * offset from the start with a leading '+' and a duration as
 * sim_parse_duration() reads it ("+36h", "+2d 4h").  Returns FALSE and
 * sets *error on failure. */
gboolean sim_calendar_parse_instant(const SimCalendar *cal, const char *s,
				    SimTime *t, GError **error);

/* t as "YYYY-MM-DD HH:MM", rounded to the nearest minute; the caller
 * owns the string and g_free()s it.  An instant GDateTime cannot show
 * (not finite, or outside years 1..9999) comes back as an offset from the
 * start, "+inf" or "+1e+09y". */
char *sim_calendar_format(const SimCalendar *cal, SimTime t);

/* The earliest t' >= t whose hour of week is hour_of_week (in [0, 168)):
 * the next run of a weekly job.  Exactly: the smallest of
 * origin + hour_of_week + 168 k (k integer, computed in double) that is
 * >= t, where origin is the Monday 00:00 at or before the start; so
 * calling it again on its own result returns that result. */
SimTime sim_calendar_next_weekly(const SimCalendar *cal, SimTime t,
				 double hour_of_week);

/* The same for a daily time of day (in [0, 24)): the next run of a daily
 * job. */
SimTime sim_calendar_next_daily(const SimCalendar *cal, SimTime t,
				double hour_of_day);

/* A weekly schedule: when someone is at work. */
typedef struct SimSchedule SimSchedule;

/* Parses a schedule: "24/7" (always), "never" (empty), or items joined by
 * ";" (their union), each DAYS FROM-TO where DAYS is a list of days or
 * day ranges ("mon-fri", "mon,wed", "fri-mon" wraps round the week) and
 * FROM-TO two HH:MM times.  TO may be 24:00; TO earlier than FROM crosses
 * midnight, the interval ending on the next day ("mon-fri 22:00-06:00"
 * includes friday 22:00 to saturday 06:00); TO equal to FROM is an error
 * (write 00:00-24:00 for a whole day).  Blanks are allowed around "-",
 * "," and ";".  Returns a new schedule the caller frees with
 * sim_schedule_free(), or NULL with *error set (the message quotes the
 * spec and its bad part). */
SimSchedule *sim_schedule_parse(const char *spec, GError **error);

/* Frees a schedule; accepts NULL. */
void sim_schedule_free(SimSchedule *s);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(SimSchedule, sim_schedule_free)

/* TRUE when the schedule covers the whole week ("24/7", "mon-sun
 * 00:00-24:00"...). */
gboolean sim_schedule_is_always(const SimSchedule *s);

/* TRUE when t falls inside the schedule (intervals are half-open:
 * "08:00-18:00" contains 08:00, not 18:00). */
gboolean sim_schedule_contains(const SimSchedule *s, const SimCalendar *cal,
			       SimTime t);

/* t itself when t is inside the schedule; else the start of the next
 * staffed interval: exactly the first double after t that
 * sim_schedule_contains() accepts, so the result is inside and the double
 * before it is not.  INFINITY for an empty schedule.  (Exact for
 * |t| < 1e12 h, where a double still resolves a minute.) */
SimTime sim_schedule_next_open(const SimSchedule *s, const SimCalendar *cal,
			       SimTime t);

/* t itself when t is outside the schedule; else the end of its staffed
 * interval: exactly the first double after t that
 * sim_schedule_contains() rejects.  INFINITY for an always schedule. */
SimTime sim_schedule_next_close(const SimSchedule *s, const SimCalendar *cal,
				SimTime t);

/* Staffed hours per week, in [0, 168]: 50 for business hours. */
double sim_schedule_hours_per_week(const SimSchedule *s);

#endif
