/* test_cli.c — the drsim binary: help, version, unknown commands and
 * exit codes (runs build/drsim as a user would). */
#include <string.h>
#include <sys/wait.h>
#include <glib.h>

#include "sim/cli.h"
#include "testutil.h"

static const struct {
	const char *args[4];
	int code;
	const char *out_has, *err_has;
} cases[] = {
	{ { "--help", NULL }, 0, "Usage:", "" },
	{ { "-h", NULL }, 0, "Commands:", "" },
	{ { "help", NULL }, 0, "Exit status", "" },
	{ { "--version", NULL }, 0, "drsim " DRSIM_VERSION, "" },
	{ { NULL }, 2, "", "Usage:" },
	{ { "frobnicate", NULL }, 2, "", "unknown command 'frobnicate'" },
	{ { "help", "frobnicate", NULL }, 2, "", "unknown command" },
};

START_TEST(test_cli_exit_codes)
{
	g_autofree char *out = NULL, *err = NULL;
	int code = test_drsim(cases[_i].args, &out, &err);

	ck_assert_int_eq(code, cases[_i].code);
	ck_assert_msg(strstr(out, cases[_i].out_has), "stdout: %s", out);
	ck_assert_msg(strstr(err, cases[_i].err_has), "stderr: %s", err);
}
END_TEST

Suite *cli_suite(void)
{
	Suite *s = suite_create("cli");
	TCase *tc = tcase_create("cli");

	tcase_add_loop_test(tc, test_cli_exit_codes, 0,
			    (int)G_N_ELEMENTS(cases));
	suite_add_tcase(s, tc);
	return s;
}
