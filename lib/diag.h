/*
 * diag.h - diagnostics, the program's common options, the end of output.
 *
 * Every message has the form "prog: message" or "prog: file:line: message"
 * on standard error.  The program name is the only global state besides
 * the plan in force.
 */
#ifndef INC_DIAG_H
#define INC_DIAG_H

#include <stdio.h>

/* Exit statuses of every program (DESIGN section 4). */
#define EXIT_OK		0
#define EXIT_FOUND	1	/* the program's "found something" signal */
#define EXIT_TROUBLE	2	/* usage or data errors */

extern const char *inc_prog;

void	inc_set_prog(const char *argv0);
void	inc_warn(const char *fmt, ...)
	    __attribute__((format(printf, 1, 2)));
void	inc_warn_at(const char *file, long line, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));
/* "prog: file: message" */
void	inc_warn_file(const char *file, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
/*
 * A file name in a message, escaped as record text is (text.h,
 * text_put_safe): no control of a hostile name reaches the terminal.
 */
void	inc_put_name(FILE *, const char *file);

/* "prog: out of memory", "prog: file:line: out of memory"; return 2. */
int	inc_nomem(void);
int	inc_nomem_at(const char *file, long line);

/* Worse of two exit statuses: 2 over 1 over 0. */
int	inc_status_worse(int a, int b);

/*
 * Flush and check standard output at the end: a write error is reported
 * and turns the status into 2; after a signal of signals.h, 128 + its
 * number.  A closed pipe never gets here: SIGPIPE
 * ends the program quietly, as in any Unix filter.
 */
int	inc_finish(int status);

/*
 * A write to standard output failed just now: errno is kept for
 * inc_finish.  Its own flush may find nothing left to fail (a stream
 * drops its buffer when a write fails, and writers stop at the first
 * error), and "write error" must still say why.
 */
void	inc_note_write_error(void);

/* Standard output in 256 KiB blocks, for programs that write records. */
void	inc_buffer_stdout(void);

#endif
