/*
 * lock.c - open a record file and lock it, bounded waiting, the path
 * checked again after the wait; see lock.h.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/file.h>
#include <sys/stat.h>

#include "cli.h"
#include "diag.h"
#include "lock.h"
#include "signals.h"
#include "timeutil.h"

int
lock_wait_parse(const char *arg, long *wait)
{
	long n;

	if (cli_number("--wait", arg, 0, LOCK_WAIT_MAX, &n) == -1)
		return -1;
	*wait = n == 0 ? LOCK_NO_WAIT : n;
	return 0;
}

const char *
file_kind(mode_t m)
{
	if (S_ISDIR(m))
		return "a directory";
	if (S_ISFIFO(m))
		return "a FIFO";
	if (S_ISCHR(m))
		return "a character device";
	if (S_ISBLK(m))
		return "a block device";
	if (S_ISSOCK(m))
		return "a socket";
	return "not a regular file";
}

/*
 * Wait for the lock on fd until the deadline, trying again and again:
 * flock(2) itself waits without a bound.  From 1 ms between tries to 50
 * ms: an -i of a small file takes a few milliseconds.  Returns 0, or -1
 * (errno EWOULDBLOCK: the time is up; EINTR: a signal, if signal_ends).
 */
static int
wait_lock(int fd, double deadline, bool wait, bool signal_ends)
{
	struct timespec ts = { 0, 1000000L };

	for (;;) {
		if (flock(fd, LOCK_EX | LOCK_NB) == 0)
			return 0;
		if (errno != EWOULDBLOCK && errno != EINTR)
			return -1;
		if (signal_ends && signals_caught()) {
			errno = EINTR;
			return -1;
		}
		if (!wait || time_monotonic() >= deadline) {
			errno = EWOULDBLOCK;
			return -1;
		}
		nanosleep(&ts, NULL);
		if (ts.tv_nsec < 50000000L)
			ts.tv_nsec *= 2;
	}
}

int
lock_open(const char *path, int flags, mode_t mode, long wait,
    bool signal_ends)
{
	struct stat st, now;
	double deadline;
	long secs = wait == 0 ? LOCK_WAIT_DEFAULT : wait;
	int fd, saved;

	deadline = time_monotonic() + (secs > 0 ? (double)secs : 0);
	for (;;) {
		/*
		 * Not a FIFO nor a device: opening one may block or do
		 * something (a tape rewinds).  Looked at before the open,
		 * and the file opened checked again.
		 */
		if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
			inc_warn_file(path, "%s, not a record file: nothing "
			    "done", file_kind(st.st_mode));
			return -1;
		}
		if ((fd = open(path, flags | O_NONBLOCK | O_NOCTTY |
		    O_CLOEXEC, mode)) == -1) {
			inc_warn_file(path, "%s", strerror(errno));
			return -1;
		}
		if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode)) {
			saved = errno;
			close(fd);
			if (S_ISREG(st.st_mode))
				inc_warn_file(path, "%s", strerror(saved));
			else
				inc_warn_file(path, "%s, not a record file: "
				    "nothing done", file_kind(st.st_mode));
			return -1;
		}
		fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
		if (wait_lock(fd, deadline, secs > 0, signal_ends) == -1) {
			saved = errno;
			close(fd);
			if (saved == EINTR)
				return -1;	/* the signal ends it */
			if (saved == EWOULDBLOCK)
				inc_warn_file(path, "locked by another program "
				    "(flock); gave up after %ld s (--wait "
				    "SECONDS to wait longer)",
				    secs > 0 ? secs : 0L);
			else
				inc_warn_file(path, "cannot lock: %s",
				    strerror(saved));
			return -1;
		}
		/* Still the file the path names?  Else it was replaced. */
		if (stat(path, &now) == 0 && now.st_dev == st.st_dev &&
		    now.st_ino == st.st_ino)
			return fd;
		close(fd);
		if (time_monotonic() >= deadline) {
			inc_warn_file(path, "replaced again and again while "
			    "waiting for its lock; gave up after %ld s",
			    secs > 0 ? secs : 0L);
			return -1;
		}
	}
}
