/*
 * fdread.h - read(2) as a filter must: a descriptor inherited with
 * O_NONBLOCK (Python and Node parents leave standard input so) is
 * waited on with poll(2) instead of failing with EAGAIN.
 */
#ifndef INC_FDREAD_H
#define INC_FDREAD_H

#include <stddef.h>
#include <sys/types.h>

/*
 * As read(2), but EINTR retried (unless a signal that ends the program
 * was caught, signals.h) and EAGAIN waited for: never -1/EAGAIN.
 */
ssize_t	fd_read(int fd, void *buf, size_t n);

/*
 * While fd_read waits for input, work that falls due meanwhile (a
 * live inc-classify writes the incidents it holds): each wait is at
 * most the milliseconds idle returns (-1: no limit), and idle is called
 * again when that time has passed, and before each read.  idle
 * returning -2 ends the read: fd_read returns -1 with errno ECANCELED
 * (idle has said why).  NULL: no idle work.
 */
typedef long fd_idle_fn(void *ctx);
void	fd_read_idle(fd_idle_fn *, void *ctx);

#endif
