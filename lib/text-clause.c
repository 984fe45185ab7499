/*
 * text-clause.c - a text of the plan wrapped, with its clause ("四(二)")
 * after it: the procedures in inc-checklist and inc-plan show.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

/*
 * The clause is never cut in two: a reader looks it up in the source
 * plan.  So the text is wrapped first, to know where its last line ends.
 */
int
text_put_wrapped_clause(FILE *fp, const char *s, size_t len, size_t cols,
    size_t indent, const char *clause)
{
	char *buf = NULL, *last;
	size_t n = 0, col, w = cols > indent + 20 ? cols - indent : 20;
	FILE *m;
	int rv;

	if (clause == NULL)
		return text_put_wrapped(fp, s, len, w, indent);
	if ((m = open_memstream(&buf, &n)) == NULL)
		return -1;
	rv = text_put_wrapped(m, s, len, w, indent);
	if (fclose(m) != 0 || rv == -1 || fwrite(buf, 1, n, fp) != n) {
		free(buf);
		return -1;
	}
	/* The cells of the last line, the indent included on the first. */
	for (last = buf + n; last > buf && last[-1] != '\n'; last--)
		continue;
	col = text_width(last, n - (size_t)(last - buf)) +
	    (last == buf ? indent : 0);
	free(buf);
	if (col + 3 + text_width(clause, strlen(clause)) <= cols)
		rv = putc(' ', fp);
	else
		rv = fprintf(fp, "\n%*s", (int)indent, "");
	if (rv < 0 || putc('[', fp) == EOF ||
	    text_put_safe(fp, clause, strlen(clause), 0) == -1 ||
	    putc(']', fp) == EOF)
		return -1;
	return 0;
}
