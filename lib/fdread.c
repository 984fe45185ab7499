/*
 * fdread.c - read(2) that waits on a non-blocking descriptor.  The flag
 * belongs to the open file, shared with the parent: it is not cleared,
 * the wait is done here.
 */
#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <unistd.h>

#include "fdread.h"
#include "signals.h"

static fd_idle_fn	*idle;
static void		*idle_ctx;

void
fd_read_idle(fd_idle_fn *fn, void *ctx)
{
	idle = fn;
	idle_ctx = ctx;
}

/*
 * With idle work: wait for input no longer than it allows.  0 when fd
 * is readable (or the next read will say why not), -1 when idle said
 * stop or a signal ends the program.
 */
static int
wait_idle(int fd)
{
	struct pollfd pfd;
	long ms;
	int r;

	for (;;) {
		if ((ms = idle(idle_ctx)) == -2) {
			errno = ECANCELED;
			return -1;
		}
		pfd.fd = fd;
		pfd.events = POLLIN;
		if ((r = poll(&pfd, 1, ms > INT_MAX ? INT_MAX : (int)ms)) > 0)
			return 0;
		if (r == -1 && errno != EINTR)
			return 0;	/* the read says what it is */
		if (r == -1 && signals_caught())
			return -1;
	}
}

ssize_t
fd_read(int fd, void *buf, size_t n)
{
	struct pollfd pfd;
	ssize_t got;

	if (idle != NULL && wait_idle(fd) == -1)
		return -1;
	for (;;) {
		if ((got = read(fd, buf, n)) >= 0)
			return got;
		/* A signal that ends the program (signals.h) ends the wait. */
		if (errno == EINTR) {
			if (signals_caught())
				return -1;
			continue;
		}
		if (errno != EAGAIN && errno != EWOULDBLOCK)
			return -1;
		pfd.fd = fd;
		pfd.events = POLLIN;
		/* POLLHUP or POLLERR: the next read says what it is. */
		if (poll(&pfd, 1, -1) == -1 && (errno != EINTR ||
		    signals_caught()))
			return -1;
	}
}
