/* test_calendar.c — civil time and weekly schedules. */
#include <float.h>
#include <math.h>
#include <string.h>
#include <glib.h>

#include "sim/calendar.h"
#include "sim/rng.h"
#include "testutil.h"

static SimCalendar calendar(const char *start)
{
	SimCalendar cal;
	GError *error = NULL;

	ck_assert_msg(sim_calendar_init(&cal, start, &error), "%s",
		      error ? error->message : "?");
	return cal;
}

static SimTime instant(const SimCalendar *cal, const char *s)
{
	GError *error = NULL;
	SimTime t = NAN;

	ck_assert_msg(sim_calendar_parse_instant(cal, s, &t, &error), "%s",
		      error ? error->message : "?");
	return t;
}

static SimSchedule *schedule(const char *spec)
{
	GError *error = NULL;
	SimSchedule *s = sim_schedule_parse(spec, &error);

	ck_assert_msg(s != NULL, "%s", error ? error->message : "?");
	return s;
}

/* ---- calendar --------------------------------------------------------- */

static const struct {
	const char *date;
	int weekday;
	double time_of_day;
} dates[] = {
	{ "2026-01-05", 0, 0 },		/* the default start, a Monday */
	{ "2026-03-01 14:00", 6, 14 },	/* a Sunday */
	{ "2028-02-29T23:59", 1, 23 + 59.0 / 60 }, /* leap day, a Tuesday */
	{ "2026-12-31 12:30", 3, 12.5 },	/* a Thursday */
	{ "2027-01-01", 4, 0 },		/* a Friday */
	{ "2030-06-15 07:05", 5, 7 + 5.0 / 60 }, /* a Saturday */
};

START_TEST(test_calendar_weekdays)
{
	SimCalendar cal = calendar(NULL);
	SimTime t = instant(&cal, dates[_i].date);

	ck_assert_int_eq(sim_calendar_weekday(&cal, t), dates[_i].weekday);
	assert_close(sim_calendar_time_of_day(&cal, t), dates[_i].time_of_day,
		     1e-9);
	assert_close(sim_calendar_hour_of_week(&cal, t),
		     24.0 * dates[_i].weekday + dates[_i].time_of_day, 1e-9);
}
END_TEST

START_TEST(test_calendar_default)
{
	SimCalendar cal = calendar(NULL), same = calendar("2026-01-05 00:00");
	char *s = sim_calendar_format(&cal, 0);

	ck_assert_str_eq(s, SIM_CALENDAR_DEFAULT_START);
	ck_assert(cal.start_s == same.start_s);
	ck_assert(cal.start_how == 0);
	ck_assert_int_eq(sim_calendar_weekday(&cal, 0), 0);
	ck_assert_int_eq(sim_calendar_weekday(&cal, 167.9), 6);
	ck_assert_int_eq(sim_calendar_weekday(&cal, 168), 0);
	/* Before the start works too. */
	ck_assert_int_eq(sim_calendar_weekday(&cal, -1), 6);
	assert_close(sim_calendar_hour_of_week(&cal, -1), 167, 1e-12);
	ck_assert(sim_calendar_hour_of_week(&cal, -1e-300) < 168);
	g_free(s);
}
END_TEST

/* A start on a Sunday afternoon, in the three forms. */
START_TEST(test_calendar_not_monday)
{
	SimCalendar cal = calendar("2026-03-01 14:00");
	SimCalendar t_form = calendar("2026-03-01T14:00");
	SimCalendar day = calendar("  2026-03-01 ");
	char *s;

	ck_assert(cal.start_s == t_form.start_s);
	assert_close(cal.start_how, 158, 0);
	assert_close(day.start_how, 144, 0);
	ck_assert_int_eq(sim_calendar_weekday(&cal, 0), 6);
	assert_close(sim_calendar_time_of_day(&cal, 0), 14, 0);
	ck_assert_int_eq(sim_calendar_weekday(&cal, 10), 0);
	assert_close(sim_calendar_hour_of_week(&cal, 10), 0, 0);
	s = sim_calendar_format(&cal, 10);
	ck_assert_str_eq(s, "2026-03-02 00:00");
	g_free(s);
	/* A minute-odd start. */
	cal = calendar("2026-03-04 7:05");
	assert_close(cal.start_how, 48 + 7 + 5.0 / 60, 1e-12);
}
END_TEST

static const struct {
	const char *s;
	int code;
} bad_starts[] = {
	{ "2026-13-01", SIM_CALENDAR_ERROR_RANGE },
	{ "2026-02-30", SIM_CALENDAR_ERROR_RANGE },
	{ "2027-02-29", SIM_CALENDAR_ERROR_RANGE },
	{ "2026-01-05 24:00", SIM_CALENDAR_ERROR_RANGE },
	{ "2026-01-05 12:60", SIM_CALENDAR_ERROR_RANGE },
	{ "0000-01-01", SIM_CALENDAR_ERROR_RANGE },
	{ "05/01/2026", SIM_CALENDAR_ERROR_PARSE },
	{ "2026-1-5", SIM_CALENDAR_ERROR_PARSE },
	{ "", SIM_CALENDAR_ERROR_PARSE },
	{ "2026-01-05 8:00x", SIM_CALENDAR_ERROR_PARSE },
	{ "2026-01-05T", SIM_CALENDAR_ERROR_PARSE },
	{ "2026-01-05x", SIM_CALENDAR_ERROR_PARSE },
	{ "2026-01-05 08:00:00", SIM_CALENDAR_ERROR_PARSE },
	{ "monday", SIM_CALENDAR_ERROR_PARSE },
};

START_TEST(test_calendar_bad_start)
{
	SimCalendar cal = { 12, 34 };
	GError *error = NULL;
	char *quoted = g_strdup_printf("\"%s\"", bad_starts[_i].s);

	ck_assert(!sim_calendar_init(&cal, bad_starts[_i].s, &error));
	ck_assert_msg(g_error_matches(error, SIM_CALENDAR_ERROR,
				      bad_starts[_i].code),
		      "%s", error->message);
	ck_assert_msg(strstr(error->message, quoted), "%s", error->message);
	ck_assert(cal.start_s == 12 && cal.start_how == 34);
	g_error_free(error);
	g_free(quoted);
}
END_TEST

START_TEST(test_calendar_instants)
{
	SimCalendar cal = calendar(NULL);
	SimCalendar sun = calendar("2026-03-01 14:00");

	assert_close(instant(&cal, "+36h"), 36, 0);
	assert_close(instant(&cal, "+2d 4h"), 52, 0);
	assert_close(instant(&cal, " +0"), 0, 0);
	assert_close(instant(&cal, "2026-01-06 12:00"), 36, 0);
	assert_close(instant(&cal, "2026-01-05T00:00"), 0, 0);
	assert_close(instant(&cal, "2027-01-05"), 8760, 0);
	assert_close(instant(&sun, "2026-03-01 14:30"), 0.5, 0);
	assert_close(instant(&sun, "+1w"), 168, 0);
}
END_TEST

static const struct {
	const char *s;
	int code;
	const char *part;	/* also quoted in the message */
} bad_instants[] = {
	{ "2026-01-04 23:00", SIM_CALENDAR_ERROR_RANGE, "2026-01-05 00:00" },
	{ "36h", SIM_CALENDAR_ERROR_PARSE, "+36h" },
	{ "+2x", SIM_CALENDAR_ERROR_PARSE, "x" },
	{ "+-2h", SIM_CALENDAR_ERROR_RANGE, NULL },
	{ "+", SIM_CALENDAR_ERROR_PARSE, NULL },
	{ "2026-02-30", SIM_CALENDAR_ERROR_RANGE, NULL },
	{ "2026-03-01 25:00", SIM_CALENDAR_ERROR_RANGE, NULL },
	{ "", SIM_CALENDAR_ERROR_PARSE, NULL },
	{ "tomorrow", SIM_CALENDAR_ERROR_PARSE, NULL },
};

START_TEST(test_calendar_bad_instant)
{
	SimCalendar cal = calendar(NULL);
	GError *error = NULL;
	SimTime t = 77;
	char *quoted = g_strdup_printf("\"%s\"", bad_instants[_i].s);

	ck_assert(!sim_calendar_parse_instant(&cal, bad_instants[_i].s, &t,
					      &error));
	ck_assert_msg(g_error_matches(error, SIM_CALENDAR_ERROR,
				      bad_instants[_i].code),
		      "%s", error->message);
	ck_assert_msg(strstr(error->message, quoted), "%s", error->message);
	if (bad_instants[_i].part)
		ck_assert_msg(strstr(error->message, bad_instants[_i].part),
			      "%s", error->message);
	ck_assert(t == 77);
	g_error_free(error);
	g_free(quoted);
}
END_TEST

/* format() and parse_instant() are inverse on whole minutes, for any
 * start; seconds round to the nearest minute. */
START_TEST(test_calendar_format_roundtrip)
{
	static const char *starts[] = { NULL, "2026-03-01 14:00",
					"2024-02-28 23:59" };
	gsl_rng *r = sim_rng_new(7, 0, "calendar-format");
	SimCalendar cal = calendar(NULL);
	char *s;

	s = sim_calendar_format(&cal, instant(&cal, "2026-03-01 14:00"));
	ck_assert_str_eq(s, "2026-03-01 14:00");
	g_free(s);
	s = sim_calendar_format(&cal, 1 + 29.0 / 3600);
	ck_assert_str_eq(s, "2026-01-05 01:00");
	g_free(s);
	s = sim_calendar_format(&cal, 1 + 31.0 / 3600);
	ck_assert_str_eq(s, "2026-01-05 01:01");
	g_free(s);
	s = sim_calendar_format(&cal, INFINITY);
	ck_assert_str_eq(s, "+inf");
	g_free(s);
	for (int i = 0; i < 3000; i++) {
		cal = calendar(starts[i % 3]);
		SimTime t = floor(gsl_rng_uniform(r) * 20 * 8760 * 60) / 60;
		s = sim_calendar_format(&cal, t);
		assert_close(instant(&cal, s), t, 1e-9);
		g_free(s);
	}
	sim_rng_free(r);
}
END_TEST

/* Daily and weekly jobs: at the boundary, just after it, idempotent. */
START_TEST(test_calendar_next_periodic)
{
	SimCalendar cal = calendar(NULL);
	SimCalendar sun = calendar("2026-03-01 14:00");

	assert_close(sim_calendar_next_daily(&cal, 0, 1), 1, 0);
	assert_close(sim_calendar_next_daily(&cal, 1, 1), 1, 0);
	assert_close(sim_calendar_next_daily(&cal, nextafter(1, 2), 1), 25, 0);
	assert_close(sim_calendar_next_daily(&cal, 1 + 1e-9, 1), 25, 0);
	assert_close(sim_calendar_next_daily(&cal, 0, 0), 0, 0);
	assert_close(sim_calendar_next_daily(&sun, 0, 1), 11, 1e-12);
	assert_close(sim_calendar_next_daily(&sun, 0, 14), 0, 1e-12);
	assert_close(sim_calendar_next_daily(&sun, 0, 14.5), 0.5, 1e-12);
	/* "sun 02:00" from Sunday 14:00: six and a half days on. */
	assert_close(sim_calendar_next_weekly(&sun, 0, 146), 156, 1e-12);
	assert_close(sim_calendar_next_weekly(&sun, 156, 146), 156, 1e-12);
	assert_close(sim_calendar_next_weekly(&sun, 156 + 1e-9, 146), 324,
		     1e-12);
	assert_close(sim_calendar_next_weekly(&cal, 0, 146), 146, 0);
	assert_close(sim_calendar_next_weekly(&cal, 146, 146), 146, 0);
	assert_close(sim_calendar_next_weekly(&cal, nextafter(146, 200), 146),
		     314, 0);
}
END_TEST

/* Random instants: the next run is >= t, less than a period away, at the
 * right position, and a fixed point. */
START_TEST(test_calendar_next_periodic_random)
{
	gsl_rng *r = sim_rng_new(11, 0, "calendar-periodic");
	SimCalendar cal = calendar("2026-03-04 07:05");

	for (int i = 0; i < 10000; i++) {
		SimTime t = gsl_rng_uniform(r) * 10 * 8760;
		double how = floor(gsl_rng_uniform(r) * 168 * 60) / 60;
		double hod = fmod(how, 24);
		SimTime w = sim_calendar_next_weekly(&cal, t, how);
		SimTime d = sim_calendar_next_daily(&cal, t, hod);

		ck_assert(w >= t && w - t < 168);
		ck_assert(d >= t && d - t < 24);
		ck_assert(sim_calendar_next_weekly(&cal, w, how) == w);
		ck_assert(sim_calendar_next_daily(&cal, d, hod) == d);
		double dh = fabs(sim_calendar_hour_of_week(&cal, w) - how);
		ck_assert_msg(fmin(dh, 168 - dh) < 1e-9, "%.17g vs %.17g",
			      sim_calendar_hour_of_week(&cal, w), how);
		dh = fabs(sim_calendar_time_of_day(&cal, d) - hod);
		ck_assert(fmin(dh, 24 - dh) < 1e-9);
	}
	sim_rng_free(r);
}
END_TEST

/* ---- schedules -------------------------------------------------------- */

#define MON 0.0
#define FRI (4 * 24.0)
#define SAT (5 * 24.0)
#define SUN (6 * 24.0)
#define ONE_MIN (1 / 60.0)

static const struct {
	const char *spec;
	double t;	/* hours after Monday 2026-01-05 00:00 */
	gboolean in;
} members[] = {
	{ SIM_SCHEDULE_BUSINESS_HOURS, MON + 8 - ONE_MIN, FALSE },
	{ SIM_SCHEDULE_BUSINESS_HOURS, MON + 8, TRUE },
	{ SIM_SCHEDULE_BUSINESS_HOURS, MON + 18 - ONE_MIN, TRUE },
	{ SIM_SCHEDULE_BUSINESS_HOURS, MON + 18, FALSE },
	{ SIM_SCHEDULE_BUSINESS_HOURS, SAT + 10, FALSE },
	{ SIM_SCHEDULE_BUSINESS_HOURS, FRI + 18 - ONE_MIN, TRUE },
	{ SIM_SCHEDULE_BUSINESS_HOURS, SUN + 12, FALSE },
	{ SIM_SCHEDULE_BUSINESS_HOURS, 168 + MON + 8, TRUE },
	{ "sun 22:00-06:00", SUN + 23, TRUE },
	{ "sun 22:00-06:00", MON + 6 - ONE_MIN, TRUE },
	{ "sun 22:00-06:00", 168 + MON + 5, TRUE },
	{ "sun 22:00-06:00", MON + 6, FALSE },
	{ "sun 22:00-06:00", SUN + 22 - ONE_MIN, FALSE },
	{ "mon-fri 22:00-06:00", FRI + 23, TRUE },
	{ "mon-fri 22:00-06:00", SAT + 6 - ONE_MIN, TRUE },
	{ "mon-fri 22:00-06:00", SAT + 6, FALSE },
	{ "mon-fri 22:00-06:00", MON + 5, FALSE },
	{ "mon-fri 22:00-06:00", MON + 23, TRUE },
	{ "fri-mon 09:00-10:00", SUN + 9.5, TRUE },
	{ "fri-mon 09:00-10:00", MON + 9.5, TRUE },
	{ "fri-mon 09:00-10:00", 24 + 9.5, FALSE },
	{ "mon,wed 09:00-12:00; sat-sun 00:00-24:00", 48 + 11, TRUE },
	{ "mon,wed 09:00-12:00; sat-sun 00:00-24:00", 24 + 11, FALSE },
	{ "mon,wed 09:00-12:00; sat-sun 00:00-24:00", SUN + 23.99, TRUE },
	{ " Mon - Fri  08:00 - 18:00 ", MON + 8, TRUE },
	{ "24/7", SUN + 12, TRUE },
	{ "never", MON + 12, FALSE },
};

START_TEST(test_schedule_contains)
{
	SimCalendar cal = calendar(NULL);
	g_autoptr(SimSchedule) s = schedule(members[_i].spec);

	ck_assert_msg(sim_schedule_contains(s, &cal, members[_i].t) ==
			      members[_i].in,
		      "\"%s\" at %g", members[_i].spec, members[_i].t);
}
END_TEST

static const struct {
	const char *spec;
	double hours;
	gboolean always;
} weeks[] = {
	{ SIM_SCHEDULE_BUSINESS_HOURS, 50, FALSE },
	{ "sun 22:00-06:00", 8, FALSE },
	{ "mon-fri 22:00-06:00", 40, FALSE },
	{ "fri-mon 09:00-10:00", 4, FALSE },
	{ "mon,wed 09:00-12:00; sat-sun 00:00-24:00", 54, FALSE },
	{ "mon 08:00-12:00; mon 12:00-18:00; mon 10:00-11:00", 10, FALSE },
	{ "mon-sun 12:00-12:01", 7.0 / 60, FALSE },
	{ "24/7", 168, TRUE },
	{ "mon-sun 00:00-24:00", 168, TRUE },
	{ "mon-sun 18:00-08:00; mon-sun 08:00-18:00", 168, TRUE },
	{ "sat-fri 18:00-08:00; mon-fri 08:00-18:00", 148, FALSE },
	{ "never", 0, FALSE },
};

START_TEST(test_schedule_hours)
{
	g_autoptr(SimSchedule) s = schedule(weeks[_i].spec);

	assert_close(sim_schedule_hours_per_week(s), weeks[_i].hours, 1e-12);
	ck_assert(sim_schedule_is_always(s) == weeks[_i].always);
}
END_TEST

/* The examples of the brief, with exact landing points. */
START_TEST(test_schedule_next)
{
	SimCalendar cal = calendar(NULL);
	g_autoptr(SimSchedule) biz = schedule(SIM_SCHEDULE_BUSINESS_HOURS);
	g_autoptr(SimSchedule) night = schedule("sun 22:00-06:00");
	g_autoptr(SimSchedule) merged = schedule("mon 08:00-12:00; "
						 "mon 12:00-18:00");
	g_autoptr(SimSchedule) always = schedule("24/7");
	g_autoptr(SimSchedule) never = schedule("never");

	/* Friday 18:00 to Monday 08:00: 62 h. */
	assert_close(sim_schedule_next_open(biz, &cal, FRI + 18),
		     FRI + 18 + 62, 1e-9);
	assert_close(sim_schedule_next_open(biz, &cal, 10), 10, 0);
	assert_close(sim_schedule_next_open(biz, &cal, 0), 8, 1e-12);
	assert_close(sim_schedule_next_close(biz, &cal, 10), 18, 1e-12);
	assert_close(sim_schedule_next_close(biz, &cal, 20), 20, 0);
	assert_close(sim_schedule_next_close(night, &cal, SUN + 23), 174,
		     1e-12);
	assert_close(sim_schedule_next_open(night, &cal, 6), SUN + 22, 1e-12);
	assert_close(sim_schedule_next_close(merged, &cal, 9), 18, 1e-12);
	ck_assert(sim_schedule_next_open(always, &cal, 5) == 5);
	ck_assert(sim_schedule_next_close(always, &cal, 5) == INFINITY);
	ck_assert(sim_schedule_next_open(never, &cal, 5) == INFINITY);
	ck_assert(sim_schedule_next_close(never, &cal, 5) == 5);
	ck_assert(!sim_schedule_is_always(never));
	sim_schedule_free(NULL);
}
END_TEST

static const struct {
	const char *spec;
	int code;
	const char *part;	/* the bad part, quoted in the message */
} bad_specs[] = {
	{ "", SIM_CALENDAR_ERROR_PARSE, NULL },
	{ "   ", SIM_CALENDAR_ERROR_PARSE, NULL },
	{ "mon-fri", SIM_CALENDAR_ERROR_PARSE, NULL },
	{ "08:00-18:00", SIM_CALENDAR_ERROR_PARSE, NULL },
	{ "mon-fry 08:00-18:00", SIM_CALENDAR_ERROR_PARSE, "\"fry\"" },
	{ "mon-fri 8-18", SIM_CALENDAR_ERROR_PARSE, "\"8\"" },
	{ "mon-fri 08:00-08:00", SIM_CALENDAR_ERROR_RANGE, NULL },
	{ "mon-fri 24:00-06:00", SIM_CALENDAR_ERROR_RANGE, NULL },
	{ "mon-fri 08:00-25:00", SIM_CALENDAR_ERROR_RANGE, "\"25:00\"" },
	{ "mon-fri 08:60-10:00", SIM_CALENDAR_ERROR_RANGE, "\"08:60\"" },
	{ "mon-fri 08:00 18:00", SIM_CALENDAR_ERROR_PARSE, NULL },
	{ "mon-fri 08:00-18:00;", SIM_CALENDAR_ERROR_PARSE, NULL },
	{ "mon-fri 08:00-18:00;;sat 10:00-12:00", SIM_CALENDAR_ERROR_PARSE,
	  NULL },
	{ "mon-fri 08:00-18:00 x", SIM_CALENDAR_ERROR_PARSE, "\"x\"" },
	{ "always", SIM_CALENDAR_ERROR_PARSE, "\"24/7\"" },
	{ "mon- 08:00-10:00", SIM_CALENDAR_ERROR_PARSE, NULL },
	{ "mon,,tue 08:00-10:00", SIM_CALENDAR_ERROR_PARSE, NULL },
	{ "sat 10:00-12:00; funday 01:00-02:00", SIM_CALENDAR_ERROR_PARSE,
	  "\"funday\"" },
	{ "mon-sun 06:00-06:00x", SIM_CALENDAR_ERROR_PARSE, NULL },
	{ "mon 08:00-18:00-19:00", SIM_CALENDAR_ERROR_PARSE, NULL },
};

START_TEST(test_schedule_bad)
{
	GError *error = NULL;
	char *quoted = g_strdup_printf("\"%s\"", bad_specs[_i].spec);

	ck_assert_ptr_null(sim_schedule_parse(bad_specs[_i].spec, &error));
	ck_assert_msg(g_error_matches(error, SIM_CALENDAR_ERROR,
				      bad_specs[_i].code),
		      "\"%s\": %s", bad_specs[_i].spec, error->message);
	ck_assert_msg(g_str_has_prefix(error->message, "bad schedule "),
		      "%s", error->message);
	ck_assert_msg(strstr(error->message, quoted), "%s", error->message);
	if (bad_specs[_i].part)
		ck_assert_msg(strstr(error->message, bad_specs[_i].part),
			      "%s", error->message);
	g_error_free(error);
	g_free(quoted);
}
END_TEST

/* ---- schedules: randomized ---------------------------------------------- */

static const char *const random_specs[] = {
	SIM_SCHEDULE_BUSINESS_HOURS,
	"sun 22:00-06:00",
	"mon-fri 22:00-06:00",
	"mon,wed 09:00-12:00; fri-mon 07:05-07:06; sat 23:59-00:01",
};

/* A random instant: uniform over ten years, or near a boundary of the
 * schedule (on it, or a few units of the last place or a nanohour off),
 * where rounding bites. */
static SimTime random_instant(gsl_rng *r, const SimCalendar *cal,
			      const SimSchedule *s)
{
	if (gsl_rng_uniform(r) < 0.5)
		return gsl_rng_uniform(r) * 10 * 8760;

	SimTime t = sim_schedule_next_open(s, cal, gsl_rng_uniform(r) * 87600);
	if (gsl_rng_uniform(r) < 0.5)
		t = sim_schedule_next_close(s, cal, t);
	switch (gsl_rng_uniform_int(r, 5)) {
	case 0: return t;
	case 1: return nextafter(t, -INFINITY);
	case 2: return nextafter(nextafter(t, INFINITY), INFINITY);
	case 3: return t - 1e-9;
	default: return t + 1e-12 * (fabs(t) + 168);
	}
}

/* next_open(t) is inside, nothing before it from t is inside (probes and
 * the double just before), next_close(next_open) > next_open, outside,
 * and everything between them is inside. */
static void check_next(const SimSchedule *s, const SimCalendar *cal,
		       SimTime t)
{
	static const double probes[] = { 0, 0.25, 0.5, 0.9, 0.999 };
	SimTime o = sim_schedule_next_open(s, cal, t);

	ck_assert_msg(o >= t && o - t < 168, "t %.17g: open %.17g", t, o);
	ck_assert_msg(sim_schedule_contains(s, cal, o), "open %.17g out", o);
	if (o > t) {
		SimTime before = nextafter(o, -INFINITY);
		ck_assert_msg(before < t || !sim_schedule_contains(s, cal,
								   before),
			      "t %.17g: %.17g before open %.17g is in", t,
			      before, o);
		for (size_t i = 0; i < G_N_ELEMENTS(probes); i++) {
			SimTime p = t + probes[i] * (o - t);
			/* When o - t is a few ulps, p may round to o. */
			ck_assert(p >= o || !sim_schedule_contains(s, cal, p));
		}
	}
	SimTime c = sim_schedule_next_close(s, cal, o);
	ck_assert_msg(c > o && c - o <= 168, "open %.17g: close %.17g", o, c);
	ck_assert_msg(!sim_schedule_contains(s, cal, c), "close %.17g in", c);
	ck_assert(sim_schedule_contains(s, cal, nextafter(c, -INFINITY)));
	for (size_t i = 0; i < G_N_ELEMENTS(probes); i++) {
		SimTime p = o + probes[i] * (c - o);
		ck_assert(p >= c || sim_schedule_contains(s, cal, p));
	}
	ck_assert(sim_schedule_next_open(s, cal, o) == o);
	ck_assert(sim_schedule_next_close(s, cal, c) == c);
}

START_TEST(test_schedule_random)
{
	static const char *starts[] = { NULL, "2026-03-04 07:05",
					"2026-03-01 23:59" };
	SimCalendar cals[3];
	char name[64];

	for (int i = 0; i < 3; i++)
		cals[i] = calendar(starts[i]);
	g_snprintf(name, sizeof name, "schedule-random-%d", _i);
	gsl_rng *r = sim_rng_new(2026, 0, name);
	g_autoptr(SimSchedule) s = schedule(random_specs[_i]);

	for (int i = 0; i < 10000; i++)
		check_next(s, &cals[i % 3], random_instant(r, &cals[i % 3], s));
	sim_rng_free(r);
}
END_TEST

Suite *calendar_suite(void)
{
	Suite *s = suite_create("calendar");
	TCase *tc = tcase_create("calendar");
	TCase *ts = tcase_create("schedule");

	tcase_add_loop_test(tc, test_calendar_weekdays, 0,
			    (int)G_N_ELEMENTS(dates));
	tcase_add_test(tc, test_calendar_default);
	tcase_add_test(tc, test_calendar_not_monday);
	tcase_add_loop_test(tc, test_calendar_bad_start, 0,
			    (int)G_N_ELEMENTS(bad_starts));
	tcase_add_test(tc, test_calendar_instants);
	tcase_add_loop_test(tc, test_calendar_bad_instant, 0,
			    (int)G_N_ELEMENTS(bad_instants));
	tcase_add_test(tc, test_calendar_format_roundtrip);
	tcase_add_test(tc, test_calendar_next_periodic);
	tcase_add_test(tc, test_calendar_next_periodic_random);
	suite_add_tcase(s, tc);
	tcase_add_loop_test(ts, test_schedule_contains, 0,
			    (int)G_N_ELEMENTS(members));
	tcase_add_loop_test(ts, test_schedule_hours, 0,
			    (int)G_N_ELEMENTS(weeks));
	tcase_add_test(ts, test_schedule_next);
	tcase_add_loop_test(ts, test_schedule_bad, 0,
			    (int)G_N_ELEMENTS(bad_specs));
	tcase_add_loop_test(ts, test_schedule_random, 0,
			    (int)G_N_ELEMENTS(random_specs));
	suite_add_tcase(s, ts);
	return s;
}
