/*
 * plan-error.c - the list of problems a plan file has: added as found,
 * sorted into file order, printed, freed.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "plan-impl.h"

/*
 * A message quotes the file's own text, and a quoted YAML scalar can hold
 * any character by escape ("\e[2J"): no control character reaches the
 * terminal, C0, DEL or C1 (U+0080..U+009F, C2 80..C2 9F in UTF-8).
 */
static void
defang(char *s)
{
	unsigned char	*u = (unsigned char *)s;

	for (; *u != '\0'; u++) {
		if (*u < 0x20 || *u == 0x7F)
			*u = '?';
		else if (u[0] == 0xC2 && u[1] >= 0x80 && u[1] <= 0x9F) {
			u[0] = '?';
			u[1] = '?';
			u++;
		}
	}
}

static void
push(struct plan_errors *errs, const char *file, long line, long column,
    char *msg)
{
	struct plan_error *v;
	size_t		 cap;

	if (errs->n == errs->cap) {
		cap = errs->cap ? errs->cap * 2 : 8;
		if ((v = reallocarray(errs->v, cap, sizeof(*v))) == NULL) {
			free(msg);
			return;
		}
		errs->v = v;
		errs->cap = cap;
	}
	errs->v[errs->n].file = file;
	errs->v[errs->n].line = line;
	errs->v[errs->n].column = column;
	errs->v[errs->n].message = msg;
	errs->n++;
}

void
plan_error_add(struct plan_errors *errs, const char *file, long line,
    long column, const char *fmt, ...)
{
	va_list		 ap;
	char		*msg, buf[80];
	int		 len;

	/* A hostile file can have a problem every few bytes. */
	if (errs->n > PLAN_MAX_ERRORS)
		return;
	if (errs->n == PLAN_MAX_ERRORS) {
		snprintf(buf, sizeof(buf), "too many problems: only the "
		    "first %d are reported", PLAN_MAX_ERRORS);
		if ((msg = strdup(buf)) != NULL)
			push(errs, file, 0, 0, msg);
		return;
	}
	va_start(ap, fmt);
	len = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (len < 0 || (msg = malloc((size_t)len + 1)) == NULL)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, (size_t)len + 1, fmt, ap);
	va_end(ap);
	defang(msg);
	push(errs, file, line, column, msg);
}

struct ordered {
	struct plan_error e;
	size_t		 ord;
};

static int
cmp_ordered(const void *pa, const void *pb)
{
	const struct ordered *a = pa, *b = pb;

	if (a->e.line != b->e.line)
		return a->e.line < b->e.line ? -1 : 1;
	if (a->e.column != b->e.column)
		return a->e.column < b->e.column ? -1 : 1;
	return a->ord < b->ord ? -1 : a->ord > b->ord;
}

/* qsort is not stable: the order found breaks ties. */
void
plan_errors_sort(struct plan_errors *errs)
{
	struct ordered	*t;
	size_t		 i;

	if (errs->n < 2 || (t = calloc(errs->n, sizeof(*t))) == NULL)
		return;
	for (i = 0; i < errs->n; i++) {
		t[i].e = errs->v[i];
		t[i].ord = i;
	}
	qsort(t, errs->n, sizeof(*t), cmp_ordered);
	for (i = 0; i < errs->n; i++)
		errs->v[i] = t[i].e;
	free(t);
}

void
plan_error_print(FILE *fp, const char *prefix, const struct plan_error *e)
{
	if (prefix != NULL)
		fprintf(fp, "%s: ", prefix);
	/* A problem of the whole file (unreadable, too large) has no place. */
	inc_put_name(fp, e->file);
	if (e->line > 0)
		fprintf(fp, ":%ld:%ld: %s\n", e->line, e->column, e->message);
	else
		fprintf(fp, ": %s\n", e->message);
}

void
plan_errors_free(struct plan_errors *errs)
{
	size_t	 i;

	for (i = 0; i < errs->n; i++)
		free(errs->v[i].message);
	free(errs->v);
	errs->v = NULL;
	errs->n = errs->cap = 0;
}
