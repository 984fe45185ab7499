/* diag.c - "prog: file:line: message" and the end of output. */
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "diag.h"
#include "signals.h"
#include "text.h"

const char *inc_prog = "inc";

void
inc_set_prog(const char *argv0)
{
	const char *slash;

	if (argv0 == NULL || *argv0 == '\0')
		return;
	slash = strrchr(argv0, '/');
	inc_prog = slash ? slash + 1 : argv0;
	/*
	 * A closed pipe (| head) must end the program quietly, even when
	 * the parent left SIGPIPE ignored.
	 */
	signal(SIGPIPE, SIG_DFL);
}

void
inc_warn(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", inc_prog);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

/*
 * A file name is quoted as record values are (text_put_safe): a name
 * others chose (the files of a directory they can write to) must not
 * send controls to the terminal.
 */
void
inc_put_name(FILE *fp, const char *file)
{
	if (file == NULL)
		file = "(null)";	/* a record made in memory, as printf */
	text_put_safe(fp, file, strlen(file), 0);
}

void
inc_warn_file(const char *file, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", inc_prog);
	inc_put_name(stderr, file);
	fputs(": ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void
inc_warn_at(const char *file, long line, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", inc_prog);
	inc_put_name(stderr, file);
	fprintf(stderr, ":%ld: ", line);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

/* Said the same way everywhere, and never a reason to go on. */
int
inc_nomem(void)
{
	inc_warn("out of memory");
	return EXIT_TROUBLE;
}

int
inc_nomem_at(const char *file, long line)
{
	inc_warn_at(file, line, "out of memory");
	return EXIT_TROUBLE;
}

int
inc_status_worse(int a, int b)
{
	return a > b ? a : b;
}

/* The reason of the first failed write to standard output; 0: none. */
static int write_errno;

void
inc_note_write_error(void)
{
	if (write_errno == 0)
		write_errno = errno;
}

int
inc_finish(int status)
{
	int sig = signals_caught();

	errno = 0;
	if (fflush(stdout) != 0 || ferror(stdout)) {
		/* errno is the flush's; an earlier failed write left only
		 * the error flag, and its reason if it was noted. */
		if (errno == 0)
			errno = write_errno;
		if (errno != 0)
			inc_warn("write error: %s", strerror(errno));
		else
			inc_warn("write error");
		return EXIT_TROUBLE;
	}
	/* Ended by SIGTERM, SIGINT or SIGHUP: 128 + n, as a shell says. */
	return sig != 0 ? 128 + sig : status;
}

/*
 * Records are small and many: write them in large blocks.  The buffer is
 * given, as glibc ignores the size when it is to allocate one itself
 * (then 4 KiB writes: a third of the time of inc-classify --raw went to
 * the system).  256 KiB: a filter writing to a file spent 5% less time
 * than with 64 KiB (the kernel works per block written, and large
 * blocks fill large pages), and no more with 1 MiB.  Static: stdout
 * uses it until the program exits.
 */
void
inc_buffer_stdout(void)
{
	static char buf[1 << 18];

	setvbuf(stdout, buf, _IOFBF, sizeof(buf));
}
