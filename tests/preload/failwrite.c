/* failwrite.c — a full disk for the tests (test_faults.c), by LD_PRELOAD.
 *
 * With DRSIM_FAIL_WRITE_AFTER=N in the environment, write() to regular
 * files accepts N bytes in all, then fails with ENOSPC, as a disk that
 * fills up: a write crossing the limit is cut short there, the next one
 * fails.  Writes to pipes and terminals (stdout, stderr) pass, and so do
 * all writes without the variable.  glibc's stdio calls its own write,
 * not this one: it covers drsim's files, which write through write()
 * (outdir.c's cookie, compare_text.c's write_all()).  Not thread-safe:
 * drsim writes its files from one thread.
 */
#define _GNU_SOURCE	/* RTLD_NEXT */
#include <dlfcn.h>
#include <errno.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

ssize_t write(int fd, const void *buf, size_t n);

static long long written;	/* bytes accepted so far */

static ssize_t real_write(int fd, const void *buf, size_t n)
{
	static ssize_t (*next)(int, const void *, size_t);

	if (!next)
		*(void **)&next = dlsym(RTLD_NEXT, "write");
	return next(fd, buf, n);
}

ssize_t write(int fd, const void *buf, size_t n)
{
	const char *limit = getenv("DRSIM_FAIL_WRITE_AFTER");
	struct stat st;

	if (!limit || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))
		return real_write(fd, buf, n);
	long long room = atoll(limit) - written;
	if (room <= 0) {
		errno = ENOSPC;
		return -1;
	}
	if ((long long)n > room)
		n = (size_t)room;
	ssize_t k = real_write(fd, buf, n);
	if (k > 0)
		written += k;
	return k;
}
