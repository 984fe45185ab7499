/*
 * manpage.h - the pages generated from the plan, in mdoc(7):
 * inc-procedures(7), every procedure and the routing to it, and one
 * inc-<procedure>(7) per procedure with its steps and the reporting
 * obligations that apply while it runs.
 */
#ifndef INC_MANPAGE_H
#define INC_MANPAGE_H

#include <stdbool.h>
#include <stdio.h>

#include "plan.h"

/* Which texts a page carries. */
enum man_langs { MAN_BOTH, MAN_ZH, MAN_EN };

/*
 * Write s on mdoc text lines: backslashes escaped, no line starting
 * with a dot or an apostrophe, controls dropped, each newline of s a new
 * text line.  0, or -1 on a write error.
 */
int	mdoc_put_text(FILE *, const char *s);

/*
 * Write s as one argument of a macro line: every word protected so that
 * it is never read as a macro, quotes escaped.  0 or -1.
 */
int	mdoc_put_arg(FILE *, const char *s);

int	manpage_procedures(FILE *, const struct inc_plan *, enum man_langs);
int	manpage_procedure(FILE *, const struct inc_plan *,
	    const struct inc_procedure *, enum man_langs);

/*
 * Write dir/inc-procedures.7 and dir/inc-<id>.7 for every procedure, each
 * to a temporary file renamed into place.  Returns 0, or -1 with errno
 * set and the file at fault copied into failed (size n).
 */
int	manpage_write_dir(const char *dir, const struct inc_plan *,
	    enum man_langs, char *failed, size_t n);

#endif
