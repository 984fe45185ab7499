/*
 * fdread.c - read(2) that waits on a non-blocking descriptor.  The flag
 * belongs to the open file, shared with the parent: it is not cleared,
 * the wait is done here.
 */
#include <errno.h>
#include <poll.h>
#include <unistd.h>

#include "fdread.h"
#include "signals.h"

ssize_t
fd_read(int fd, void *buf, size_t n)
{
	struct pollfd pfd;
	ssize_t got;

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
