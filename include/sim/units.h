/* units.h — quantities with units, as scenario files write them.
 *
 * Every parser reads a whole string (surrounding blanks allowed) and
 * converts it to the engine's base unit: hours for durations, events per
 * hour for rates, bytes for sizes, bytes per hour for throughputs, a
 * fraction for percentages.  Numbers are read with g_ascii_strtod, so
 * the decimal separator is always '.', whatever the locale; a number
 * starts with a digit or '.', may have an exponent ("1e3h"), and is never
 * signed, hexadecimal, "inf" or "nan".
 *
 * Unit words are case-sensitive ("4H" and "20tb" are errors): "Gb" could
 * be bits or bytes and "m" minutes or months, so guessing is refused.
 *
 * Errors: each parser returns FALSE and sets *error in SIM_UNITS_ERROR,
 * code SIM_UNITS_ERROR_PARSE when the string is not of the expected form,
 * SIM_UNITS_ERROR_RANGE when it is but its value is not allowed (negative,
 * not finite, overflowing a double, out of bounds).  The output is left
 * untouched on failure.  Messages are lowercase, quote the whole input
 * and say what was expected, e.g.
 *     bad duration "4x": unknown unit "x" (expected s, min, h, d, w, mo or y)
 * and name no key: the scenario loader prefixes "file:line: 'key' ".
 * NULL input or output pointers are programming errors (g_return_val_if_fail).
 *
 * Ownership: strings are borrowed for the call only.  Thread-safe: no
 * state.  Every call is linear in the length of its input.
 */
#ifndef DRSIM_SIM_UNITS_H
#define DRSIM_SIM_UNITS_H

#include <stddef.h>
#include <glib.h>

#define SIM_UNITS_ERROR (sim_units_error_quark())
GQuark sim_units_error_quark(void);

typedef enum {
	SIM_UNITS_ERROR_PARSE,	/* not of the expected form */
	SIM_UNITS_ERROR_RANGE,	/* well formed, value not allowed */
} SimUnitsError;

/* Hours per month and per year: a month is 1/12 of a 365-day year. */
#define SIM_HOURS_PER_MONTH 730.0
#define SIM_HOURS_PER_YEAR 8760.0

/* A duration to *hours (>= 0, finite).  Units: s, sec (seconds), min, h,
 * d, w (168 h), mo (730 h), y (8760 h); a plain number is in hours ("4",
 * "0.5").  Terms may be chained, each with its unit: "1h30min", "1d 12h";
 * blanks may separate a number from its unit ("4 h").  Zero is accepted
 * (callers decide whether 0 makes sense).  "m" is refused as ambiguous.
 * Returns FALSE and sets *error on failure. */
gboolean sim_parse_duration(const char *s, double *hours, GError **error);

/* A rate COUNT "/" DURATION to *per_hour (events per hour, >= 0, finite):
 * "0.4/y", "2/d", "1/10y", "3 / w".  The duration follows
 * sim_parse_duration() except that its first number may be left out
 * (then 1); it must be > 0.  Returns FALSE and sets *error on failure. */
gboolean sim_parse_rate(const char *s, double *per_hour, GError **error);

/* A size to *bytes (>= 0, finite): B; decimal KB (also kB), MB, GB, TB,
 * PB (1 TB = 1e12 B); binary KiB, MiB, GiB, TiB, PiB (1 TiB = 2^40 B).
 * The unit is required.  Returns FALSE and sets *error on failure. */
gboolean sim_parse_size(const char *s, double *bytes, GError **error);

/* A throughput SIZE "/" DURATION to *bytes_per_hour (> 0, finite):
 * "1.3TB/h", "400MB/s", "10GB/min", "2TB/d".  The size unit may also
 * count bits: bit, Kbit, Mbit, Gbit, Tbit ("10Gbit/s" is 1.25 GB/s).  The
 * duration is usually a bare unit but may carry a number ("1TB/2h").
 * Zero is an error: nothing can be restored with it.  Returns FALSE and
 * sets *error on failure. */
gboolean sim_parse_throughput(const char *s, double *bytes_per_hour,
			      GError **error);

/* A percentage to *fraction in [0, 1]: "15%" gives 0.15, "0.5%" 0.005.
 * The "%" is required (a bare "0.15" or "15" is refused rather than
 * guessed).  Returns FALSE and sets *error on failure. */
gboolean sim_parse_percent(const char *s, double *fraction, GError **error);

/* A clock time "H:MM" or "HH:MM" to *hour_of_day: "23:30" gives 23.5.
 * Hours 0..23, minutes 0..59, and also "24:00" (24.0), which only makes
 * sense as the end of an interval: callers that want an instant must
 * reject 24.0 themselves.  Returns FALSE and sets *error on failure. */
gboolean sim_parse_clock(const char *s, double *hour_of_day, GError **error);

/* A day of the week to *day, 0 = Monday .. 6 = Sunday: "mon".."sun" or
 * "monday".."sunday", case-insensitive.  Returns FALSE and sets *error on
 * failure. */
gboolean sim_parse_weekday(const char *s, int *day, GError **error);

/* A weekly instant DAY CLOCK to *hour_of_week in [0, 168), Monday 00:00
 * being hour 0: "sun 02:00" gives 146.  "24:00" is refused (write the
 * next day's 00:00).  Returns FALSE and sets *error on failure. */
gboolean sim_parse_weekly(const char *s, double *hour_of_week,
			  GError **error);

/* Writes hours in a short human form into buf (size bytes, always
 * NUL-terminated when size > 0): "0", "45s", "55min", "4h", "1.5h",
 * "2.5d", "3.2y".  The unit is the largest of s, min, h, d, y in which
 * the value rounded to 3 significant digits is >= 1 (w and mo are never
 * used); trailing zeros are dropped; years >= 1000 are written whole.
 * The result parses back with sim_parse_duration() to within 0.5 %
 * relative.  Negative values get a leading '-', infinities are "inf" or
 * "-inf", NaN "nan" (none of which parse back).  16 bytes are always
 * enough. */
void sim_format_duration(double hours, char *buf, size_t size);

#endif
