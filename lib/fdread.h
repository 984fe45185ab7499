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

#endif
