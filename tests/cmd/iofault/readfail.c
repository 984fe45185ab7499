/*
 * readfail.c - LD_PRELOAD for iofault.t: read(2) on a file (not standard
 * input, output or error) fails with EIO once $INC_READFAIL bytes have
 * been read from files: a disk that dies in the middle of the input.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdlib.h>
#include <unistd.h>

ssize_t	read(int, void *, size_t);

ssize_t
read(int fd, void *buf, size_t n)
{
	static ssize_t (*real)(int, void *, size_t);
	static long limit = -2;
	static size_t total;
	const char *s;
	ssize_t got;

	if (real == NULL)
		*(void **)&real = dlsym(RTLD_NEXT, "read");
	if (limit == -2)
		limit = (s = getenv("INC_READFAIL")) != NULL ? atol(s) : -1;
	if (fd <= 2 || limit < 0)
		return real(fd, buf, n);
	if (total >= (size_t)limit) {
		errno = EIO;
		return -1;
	}
	if (n > (size_t)limit - total)
		n = (size_t)limit - total;
	if ((got = real(fd, buf, n)) > 0)
		total += (size_t)got;
	return got;
}
