/* test_units.c — parsing and formatting of quantities with units. */
#include <math.h>
#include <string.h>
#include <glib.h>

#include "sim/rng.h"
#include "sim/units.h"
#include "testutil.h"

typedef enum { DUR, RATE, SIZE, THR, PCT, CLOCK, WDAY, WEEKLY } Kind;

/* Any parser through one signature; a weekday comes back as a double. */
static gboolean parse(Kind k, const char *s, double *v, GError **error)
{
	int day;

	switch (k) {
	case DUR: return sim_parse_duration(s, v, error);
	case RATE: return sim_parse_rate(s, v, error);
	case SIZE: return sim_parse_size(s, v, error);
	case THR: return sim_parse_throughput(s, v, error);
	case PCT: return sim_parse_percent(s, v, error);
	case CLOCK: return sim_parse_clock(s, v, error);
	case WEEKLY: return sim_parse_weekly(s, v, error);
	case WDAY:
		if (!sim_parse_weekday(s, &day, error))
			return FALSE;
		*v = day;
		return TRUE;
	}
	return FALSE;
}

#define H 1.0
#define S (1.0 / 3600)
#define Y 8760.0

static const struct {
	Kind kind;
	const char *s;
	double value;
} good[] = {
	/* durations, in hours */
	{ DUR, "90s", 90 * S },		{ DUR, "15min", 0.25 },
	{ DUR, "4h", 4 },		{ DUR, "2d", 48 },
	{ DUR, "1w", 168 },		{ DUR, "1mo", 730 },
	{ DUR, "1y", Y },		{ DUR, "4", 4 },
	{ DUR, "0.5", 0.5 },		{ DUR, "1h30min", 1.5 },
	{ DUR, "1d 12h", 36 },		{ DUR, "4 h", 4 },
	{ DUR, "1.5h", 1.5 },		{ DUR, "1e3h", 1000 },
	{ DUR, "30sec", 30 * S },	{ DUR, "0", 0 },
	{ DUR, "0h", 0 },		{ DUR, " 2d ", 48 },
	{ DUR, ".5h", 0.5 },		{ DUR, "1d12h", 36 },
	{ DUR, "1E2min", 100.0 / 60 },	{ DUR, "2w 1d", 360 },
	{ DUR, "1y 6mo", Y + 6 * 730 }, { DUR, "3.5e+1s", 35 * S },
	{ DUR, "1 h 30 min", 1.5 },	{ DUR, "2.5e-1h", 0.25 },
	/* rates, per hour */
	{ RATE, "0.4/y", 0.4 / Y },	{ RATE, "2/d", 2.0 / 24 },
	{ RATE, "1/10y", 1 / (10 * Y) }, { RATE, "3 / w", 3.0 / 168 },
	{ RATE, "0/y", 0 },		{ RATE, "1/h", 1 },
	{ RATE, "12/ 2d", 0.25 },	{ RATE, "1/10", 0.1 },
	{ RATE, "1e-3/min", 0.06 },	{ RATE, "6/1h30min", 4 },
	/* sizes, in bytes */
	{ SIZE, "500GB", 5e11 },	{ SIZE, "20TB", 2e13 },
	{ SIZE, "1.5PB", 1.5e15 },	{ SIZE, "800MB", 8e8 },
	{ SIZE, "4KB", 4e3 },		{ SIZE, "10B", 10 },
	{ SIZE, "4kB", 4e3 },		{ SIZE, "1TiB", 0x1p40 },
	{ SIZE, "2GiB", 0x1p31 },	{ SIZE, "3MiB", 3 * 0x1p20 },
	{ SIZE, "5KiB", 5120 },		{ SIZE, "1PiB", 0x1p50 },
	{ SIZE, "20 TB", 2e13 },	{ SIZE, "0B", 0 },
	/* throughputs, in bytes per hour */
	{ THR, "1.3TB/h", 1.3e12 },	{ THR, "400MB/s", 4e8 * 3600 },
	{ THR, "10GB/min", 6e11 },	{ THR, "2TB/d", 2e12 / 24 },
	{ THR, "10Gbit/s", 1.25e9 * 3600 },
	{ THR, "100Mbit/s", 1.25e7 * 3600 },
	{ THR, "1TB/2h", 5e11 },	{ THR, "1 TiB / h", 0x1p40 },
	{ THR, "8bit/s", 3600 },	{ THR, "1Tbit/d", 1.25e11 / 24 },
	/* percentages, as fractions */
	{ PCT, "15%", 0.15 },		{ PCT, "0.5%", 0.005 },
	{ PCT, "100%", 1 },		{ PCT, "0%", 0 },
	{ PCT, " 99.9 % ", 0.999 },
	/* clock times, in hours of the day */
	{ CLOCK, "01:00", 1 },		{ CLOCK, "23:30", 23.5 },
	{ CLOCK, "7:05", 7 + 5.0 / 60 }, { CLOCK, "00:00", 0 },
	{ CLOCK, "24:00", 24 },		{ CLOCK, "12:59", 12 + 59.0 / 60 },
	/* days, 0 = Monday */
	{ WDAY, "mon", 0 },		{ WDAY, "tue", 1 },
	{ WDAY, "WED", 2 },		{ WDAY, "thursday", 3 },
	{ WDAY, "fri", 4 },		{ WDAY, "Saturday", 5 },
	{ WDAY, "sun", 6 },		{ WDAY, " Sunday ", 6 },
	/* weekly instants, in hours of the week */
	{ WEEKLY, "sun 02:00", 146 },	{ WEEKLY, "mon 00:00", 0 },
	{ WEEKLY, "Fri 17:30", 113.5 },
	{ WEEKLY, "sun 23:59", 167 + 59.0 / 60 },
	{ WEEKLY, "wednesday  7:05", 55 + 5.0 / 60 },
};

/* Every good form gives its exact value, to 1e-9 relative. */
START_TEST(test_units_good)
{
	GError *error = NULL;
	double v = NAN;

	ck_assert_msg(parse(good[_i].kind, good[_i].s, &v, &error),
		      "\"%s\" refused: %s", good[_i].s,
		      error ? error->message : "?");
	ck_assert_ptr_null(error);
	assert_close(v, good[_i].value, 1e-9 * fabs(good[_i].value));
}
END_TEST

enum { P = SIM_UNITS_ERROR_PARSE, R = SIM_UNITS_ERROR_RANGE };

static const struct {
	Kind kind;
	const char *s;
	int code;
	const char *msg;	/* exact message when not NULL */
} bad[] = {
	{ DUR, "4x", P, "bad duration \"4x\": unknown unit \"x\" "
			"(expected s, min, h, d, w, mo or y)" },
	{ DUR, "", P, "bad duration \"\": empty" },
	{ DUR, "   ", P, NULL },
	{ DUR, "4m", P, "bad duration \"4m\": ambiguous unit \"m\" "
			"(write \"min\" for minutes or \"mo\" for months)" },
	{ DUR, "5 m", P, NULL },	{ DUR, "4H", P, NULL },
	{ DUR, "-4h", R, NULL },	{ DUR, "nan", R, NULL },
	{ DUR, "inf", R, NULL },	{ DUR, "-infh", R, NULL },
	{ DUR, "1e400h", R, NULL },	{ DUR, "1e307y", R, NULL },
	{ DUR, "1e308y 1e308y", R, NULL },
	{ DUR, "h", P, NULL },		{ DUR, "4hr", P, NULL },
	{ DUR, "1h 30", P, NULL },	{ DUR, "1h30", P, NULL },
	{ DUR, "4 h x", P, NULL },	{ DUR, "0x10h", P, NULL },
	{ DUR, "+4h", P, NULL },	{ DUR, "1,5h", P, NULL },
	{ DUR, "4 hours", P, NULL },	{ DUR, "1..5h", P, NULL },
	{ DUR, ".h", P, NULL },		{ DUR, "4h-1h", R, NULL },
	{ DUR, "1e", P, NULL },		{ DUR, "4 /h", P, NULL },
	{ RATE, "", P, NULL },		{ RATE, "0.4", P, NULL },
	{ RATE, "0.4/", P, NULL },	{ RATE, "0.4/x", P, NULL },
	{ RATE, "-1/y", R, NULL },	{ RATE, "1/0y", R, NULL },
	{ RATE, "1/-1y", R, NULL },	{ RATE, "y", P, NULL },
	{ RATE, "/y", P, NULL },	{ RATE, "1e308/1e-300h", R, NULL },
	{ RATE, "0.4 per y", P, NULL }, { RATE, "1/m", P, NULL },
	{ RATE, "nan/y", R, NULL },	{ RATE, "1/y/d", P, NULL },
	{ SIZE, "20 TBs", P, "bad size \"20 TBs\": unknown unit \"TBs\" "
			     "(expected B, KB, MB, GB, TB, PB or KiB..PiB)" },
	{ SIZE, "500", P, NULL },	{ SIZE, "", P, NULL },
	{ SIZE, "20tb", P, NULL },	{ SIZE, "-1GB", R, NULL },
	{ SIZE, "1e400B", R, NULL },	{ SIZE, "1e300PB", R, NULL },
	{ SIZE, "GB", P, NULL },	{ SIZE, "1GB/s", P, NULL },
	{ SIZE, "10Gbit", P, NULL },	{ SIZE, "1.5 P B", P, NULL },
	{ THR, "0TB/h", R, NULL },	{ THR, "1TB", P, NULL },
	{ THR, "1TB/", P, NULL },	{ THR, "1TB/x", P, NULL },
	{ THR, "1Gb/s", P, "bad throughput \"1Gb/s\": ambiguous unit \"Gb\" "
			   "(write \"Gbit\" for bits or \"GB\" for bytes)" },
	{ THR, "1TB/0h", R, NULL },
	{ THR, "-1TB/h", R, NULL },	{ THR, "TB/h", P, NULL },
	{ THR, "1e300PB/s", R, NULL },	{ THR, "", P, NULL },
	{ THR, "10 Gbps", P, NULL },	{ THR, "1TB/h/h", P, NULL },
	{ PCT, "15", P, "bad percentage \"15\": missing \"%\" "
			"(write 15% for 0.15)" },
	{ PCT, "101%", R, NULL },	{ PCT, "-5%", R, NULL },
	{ PCT, "%", P, NULL },		{ PCT, "15%%", P, NULL },
	{ PCT, "15 %x", P, NULL },	{ PCT, "", P, NULL },
	{ PCT, "1e3%", R, NULL },	{ PCT, "abc%", P, NULL },
	{ PCT, "0.15", P, NULL },	{ PCT, "15 pct", P, NULL },
	{ CLOCK, "25:00", R, NULL },	{ CLOCK, "24:01", R, NULL },
	{ CLOCK, "12:60", R, NULL },	{ CLOCK, "1200", P, NULL },
	{ CLOCK, "12:5", P, NULL },	{ CLOCK, "12:055", P, NULL },
	{ CLOCK, "12:05:00", P, NULL }, { CLOCK, "", P, NULL },
	{ CLOCK, "ab:cd", P, NULL },	{ CLOCK, "-1:00", P, NULL },
	{ CLOCK, "123:00", P, NULL },	{ CLOCK, "12h", P, NULL },
	{ WDAY, "mo", P, NULL },	{ WDAY, "", P, NULL },
	{ WDAY, "monday2", P, NULL },	{ WDAY, "funday", P, NULL },
	{ WDAY, "7", P, NULL },		{ WDAY, "mon tue", P, NULL },
	{ WEEKLY, "sun", P, NULL },	{ WEEKLY, "sun02:00", P, NULL },
	{ WEEKLY, "sun 24:00", R, NULL }, { WEEKLY, "xyz 02:00", P, NULL },
	{ WEEKLY, "02:00", P, NULL },	{ WEEKLY, "sun 2", P, NULL },
	{ WEEKLY, "sun 25:00", R, NULL }, { WEEKLY, "sun 02:00 x", P, NULL },
};

/* Bad strings are refused with the right code, the output untouched, and
 * a message quoting the whole input. */
START_TEST(test_units_bad)
{
	GError *error = NULL;
	double v = 1234.5;
	char *quoted = g_strdup_printf("\"%s\"", bad[_i].s);

	ck_assert_msg(!parse(bad[_i].kind, bad[_i].s, &v, &error),
		      "\"%s\" accepted as %g", bad[_i].s, v);
	ck_assert_ptr_nonnull(error);
	ck_assert_msg(g_error_matches(error, SIM_UNITS_ERROR, bad[_i].code),
		      "\"%s\": code %d, expected %d (%s)", bad[_i].s,
		      error->code, bad[_i].code, error->message);
	ck_assert_msg(strstr(error->message, quoted) != NULL,
		      "message does not quote %s: %s", quoted, error->message);
	if (bad[_i].msg)
		ck_assert_str_eq(error->message, bad[_i].msg);
	/* Lowercase start, no final full stop. */
	ck_assert(g_str_has_prefix(error->message, "bad "));
	ck_assert(!g_str_has_suffix(error->message, "."));
	ck_assert(v == 1234.5);
	g_free(quoted);
	g_error_free(error);
}
END_TEST

/* The error pointer may be NULL: failure is still reported. */
START_TEST(test_units_null_error)
{
	double v;

	ck_assert(!sim_parse_duration("4x", &v, NULL));
	ck_assert(sim_parse_duration("4h", &v, NULL) && v == 4);
}
END_TEST

static const struct {
	double hours;
	const char *text;
} formats[] = {
	{ 0, "0" },			{ 45 * S, "45s" },
	{ 55.0 / 60, "55min" },		{ 4, "4h" },
	{ 1.5, "1.5h" },		{ 60, "2.5d" },
	{ 3.2 * Y, "3.2y" },		{ 1.0 / 60, "1min" },
	{ 59.97 * S, "1min" },		{ 23.99, "1d" },
	{ 0.5 * S, "0.5s" },		{ 100, "4.17d" },
	{ -4, "-4h" },			{ INFINITY, "inf" },
	{ -INFINITY, "-inf" },		{ NAN, "nan" },
	{ 1500 * Y, "1500y" },		{ Y, "1y" },
	{ 364 * 24, "364d" },		{ 1e-3, "3.6s" },
	{ 168, "7d" },			{ 730, "30.4d" },
	{ 12345.6 * Y, "12346y" },	{ 1e307, "1.14e+303y" },
	{ 1e-300, "3.6e-297s" },
};

START_TEST(test_units_format)
{
	char buf[32];

	sim_format_duration(formats[_i].hours, buf, sizeof buf);
	ck_assert_str_eq(buf, formats[_i].text);
}
END_TEST

/* A short buffer truncates, always NUL-terminated. */
START_TEST(test_units_format_short)
{
	char buf[4] = "xyz";

	sim_format_duration(1.5, buf, sizeof buf);
	ck_assert_str_eq(buf, "1.5");
	sim_format_duration(1.5, buf, 1);
	ck_assert_str_eq(buf, "");
}
END_TEST

/* Formatting then parsing gives the value back within 0.5 % relative,
 * for log-uniform values from a millisecond to a million years. */
START_TEST(test_units_format_roundtrip)
{
	gsl_rng *r = sim_rng_new(2026, 0, "units-format");
	char buf[32];

	for (int i = 0; i < 20000; i++) {
		double x = exp(log(1e-6) + gsl_rng_uniform(r) *
						   (log(1e10) - log(1e-6)));
		double back = -1;
		GError *error = NULL;

		sim_format_duration(x, buf, sizeof buf);
		ck_assert_msg(sim_parse_duration(buf, &back, &error),
			      "%g: \"%s\" does not parse: %s", x, buf,
			      error ? error->message : "?");
		ck_assert_msg(fabs(back - x) <= 0.005 * x,
			      "%.9g h -> \"%s\" -> %.9g", x, buf, back);
	}
	sim_rng_free(r);
}
END_TEST

Suite *units_suite(void)
{
	Suite *s = suite_create("units");
	TCase *tc = tcase_create("parse");
	TCase *tf = tcase_create("format");

	tcase_add_loop_test(tc, test_units_good, 0, (int)G_N_ELEMENTS(good));
	tcase_add_loop_test(tc, test_units_bad, 0, (int)G_N_ELEMENTS(bad));
	tcase_add_test(tc, test_units_null_error);
	suite_add_tcase(s, tc);
	tcase_add_loop_test(tf, test_units_format, 0,
			    (int)G_N_ELEMENTS(formats));
	tcase_add_test(tf, test_units_format_short);
	tcase_add_test(tf, test_units_format_roundtrip);
	suite_add_tcase(s, tf);
	return s;
}
