/* test_fuzz.c — the regression inputs of the fuzz targets (issue 15).
 *
 * Every input a fuzz target (tests/fuzz/) crashed on is kept in
 * tests/data/fuzz/TARGET/NAME.raw, the bytes libFuzzer wrote, with
 * NAME.err: the messages the target must now check, one per line (the
 * error of a rejected input as drsim prints it, a lint warning; the
 * fuzzer's private directory written "$TMP").  Each is replayed through
 * the target's own code by build/fuzz/replay_TARGET (tests/fuzz/
 * replay.c, built with the project's compiler, and under `make sanitize`
 * with its sanitizers): it must go through (exit 0, nothing on stderr)
 * and say exactly NAME.err. */
#include <string.h>
#include <glib.h>

#include "testutil.h"

static const char *const targets[] = {
	"scenario", "overrides", "shard", "drill",
};

/* Replays every input of one target. */
static void replay_target(const char *target)
{
	g_autofree char *dir = g_strdup_printf("tests/data/fuzz/%s", target);
	g_autoptr(GPtrArray) inputs = test_corpus(dir, ".raw");
	g_autofree char *replay =
		g_strdup_printf("%s%s", DRSIM_FUZZ_REPLAY, target);

	ck_assert_msg(inputs->len > 0, "%s holds no input", dir);
	for (guint i = 0; i < inputs->len; i++) {
		g_autofree char *input = g_build_filename(
			DRSIM_SRCDIR, dir, (char *)inputs->pdata[i], NULL);
		g_autofree char *want =
			test_expected_error(dir, inputs->pdata[i], FALSE);
		const char *argv[] = { replay, input, NULL };
		g_autofree char *out = NULL, *err = NULL;

		ck_assert_msg(test_spawn(argv, NULL, &out, &err) == 0,
			      "%s: %s", input, err);
		ck_assert_msg(strcmp(err, "") == 0, "%s: %s", input, err);
		ck_assert_msg(strcmp(out, want) == 0,
			      "%s says:\n%s\ninstead of:\n%s", input, out,
			      want);
	}
}

START_TEST(test_replay)
{
	replay_target(targets[_i]);
}
END_TEST

Suite *fuzz_suite(void)
{
	Suite *s = suite_create("fuzz");
	TCase *tc = tcase_create("replay");

	tcase_set_timeout(tc, 60);
	tcase_add_loop_test(tc, test_replay, 0, (int)G_N_ELEMENTS(targets));
	suite_add_tcase(s, tc);
	return s;
}
