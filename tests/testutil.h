/* testutil.h — helpers shared by the Check suites.
 *
 * Statistical assertions state their tolerance from a standard error:
 * an estimate passes when |estimate − exact| ≤ k·SE, and the SE itself
 * must be below a stated bound so that a test cannot pass by being vague.
 */
#ifndef DRSIM_TESTUTIL_H
#define DRSIM_TESTUTIL_H

#include <math.h>
#include <check.h>
#include <json-glib/json-glib.h>

#include "models/results/results.h"
#include "models/scenario/labels.h"
#include "models/scenario/scenario.h"

/* Prototypes of every suite (generated list, see the Makefile). */
#define SUITE(name) Suite *name(void);
#include "suites.h"
#undef SUITE

/* Runs build/drsim (DRSIM_BIN) with args (NULL-terminated) from the source
 * directory, as a user would: its exit status (the test fails if it did
 * not exit normally), its stdout and stderr in out and err (yours to
 * g_free()). */
int test_drsim(const char *const *args, char **out, char **err);

/* The same with the environment env (NULL: ours). */
int test_drsim_env(const char *const *args, char **env, char **out,
		   char **err);

/* The names of the files of dir (relative to the source directory)
 * ending in suffix, sorted: a corpus of bad inputs.  Yours to free (an
 * empty array when dir cannot be read). */
GPtrArray *test_corpus(const char *dir, const char *suffix);

/* dir/NAME.err of the input dir/NAME.cfg (cfg: its name, ".cfg" ending),
 * its final newline removed when strip; the test fails when there is
 * none.  Yours to g_free(). */
char *test_expected_error(const char *dir, const char *cfg, gboolean strip);

/* `drsim check dir/name.cfg` (dir relative to the source directory, no
 * final slash) exits 2 with nothing on stdout and exactly
 * dir/name.err on stderr. */
void test_check_rejects(const char *dir, const char *name);

/* Runs the program argv[0] (looked up in PATH) the same way. */
int test_spawn(const char *const *argv, char **env, char **out, char **err);

/* The scenario of text (loaded through a temporary file, with the
 * overrides sets, NULL-terminated, may be NULL); the test fails if it
 * does not load.  Yours to free. */
MdlScenario *test_scenario_text(const char *text, const char *const *sets);

/* Replications 0 .. reps − 1 of the scenario text played one after the
 * other on one world, into one result with the incident log; the
 * scenario in *sc.  One at a time: free both with test_played_free()
 * before the next. */
MdlResults *test_play(const char *text, guint reps, MdlScenario **sc);
void test_played_free(MdlResults *r, MdlScenario *sc);

/* The scenario file of the source tree with the overrides sets
 * (NULL-terminated, may be NULL), played on threads into merged results;
 * its labels in *l, itself in *sc.  The test fails if it does not load
 * or play.  Free all three with test_run_free(). */
MdlResults *test_run_file(const char *file, const char *const *sets,
			  unsigned threads, MdlScenario **sc, MdlLabels **l);
void test_run_free(MdlResults *r, MdlScenario *sc, MdlLabels *l);

/* The service object of id in the "services" of a JSON summary root;
 * the test fails when there is none. */
JsonObject *test_json_service(JsonObject *root, const char *id);

/* Columns of incidents.csv (docs/output.md). */
enum {
	TEST_COL_SERVICE = 1, TEST_COL_CAUSE = 2, TEST_COL_T0 = 3,
	TEST_COL_DECLARE = 5, TEST_COL_PATH = 7, TEST_COL_COPY = 8,
	TEST_COL_RTO = 9, TEST_COL_RPO = 10, TEST_COL_MET = 11,
};

/* Field col of incident row `row` (0-based) of r's log, yours to
 * g_free(); the test fails when there is no such field. */
char *test_incident_field(const MdlResults *r, guint row, guint col);
/* The same as a number, NAN when empty. */
double test_incident_num(const MdlResults *r, guint row, guint col);

/* |est − exact| ≤ k·se, and se ≤ se_max. */
#define assert_within_se(est, exact, se, k, se_max)                        \
	do {                                                               \
		double est_ = (est), exact_ = (exact), se_ = (se);         \
		ck_assert_msg(se_ <= (se_max),                             \
			      "standard error %g above its bound %g", se_, \
			      (double)(se_max));                           \
		ck_assert_msg(fabs(est_ - exact_) <= (k) * se_,            \
			      "estimate %.9g vs exact %.9g: off by %.3g "  \
			      "> %g standard errors (se %.3g)",            \
			      est_, exact_, fabs(est_ - exact_),           \
			      (double)(k), se_);                           \
	} while (0)

/* |a − b| ≤ tol. */
#define assert_close(a, b, tol)                                            \
	do {                                                               \
		double a_ = (a), b_ = (b);                                 \
		ck_assert_msg(fabs(a_ - b_) <= (tol),                      \
			      "%.12g vs %.12g: differ by %.3g > %g", a_, b_, \
			      fabs(a_ - b_), (double)(tol));               \
	} while (0)

#endif
