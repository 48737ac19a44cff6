/* testutil.c — helpers shared by the Check suites (see testutil.h). */
#include <sys/wait.h>
#include <glib.h>

#include "testutil.h"

int test_drsim(const char *const *args, char **out, char **err)
{
	GPtrArray *argv = g_ptr_array_new();
	int status = -1;
	GError *error = NULL;

	g_ptr_array_add(argv, (gpointer)DRSIM_BIN);
	for (; *args; args++)
		g_ptr_array_add(argv, (gpointer)*args);
	g_ptr_array_add(argv, NULL);
	ck_assert_msg(g_spawn_sync(DRSIM_SRCDIR, (char **)argv->pdata, NULL,
				   G_SPAWN_DEFAULT, NULL, NULL, out, err,
				   &status, &error),
		      "cannot run %s: %s", DRSIM_BIN,
		      error ? error->message : "?");
	g_ptr_array_free(argv, TRUE);
	ck_assert(WIFEXITED(status));
	return WEXITSTATUS(status);
}
