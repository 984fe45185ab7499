/*
 * plan-arena.c - the memory a plan owns, and the list of problems a
 * plan file has.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plan-impl.h"

#define CHUNK	(64 * 1024)
#define ALIGN	(_Alignof(max_align_t))

struct chunk {
	struct chunk	*next;
	size_t		 used, size;
	max_align_t	 data[];
};

struct plan_arena {
	struct chunk	*head;
	bool		 failed;
};

struct plan_arena *
pa_new(void)
{
	return calloc(1, sizeof(struct plan_arena));
}

void *
pa_alloc(struct plan_arena *a, size_t n)
{
	struct chunk	*c;
	size_t		 size;
	void		*p;
	bool		 big;

	n = (n + ALIGN - 1) / ALIGN * ALIGN;
	if (n == 0)
		n = ALIGN;
	c = a->head;
	if (c == NULL || c->size - c->used < n) {
		/*
		 * A big request gets a chunk of its own behind the head,
		 * so that the head's free space is not thrown away.
		 */
		big = n > CHUNK / 4;
		size = big ? n : CHUNK;
		if (size > SIZE_MAX - sizeof(*c) ||
		    (c = malloc(sizeof(*c) + size)) == NULL) {
			a->failed = true;
			return NULL;
		}
		c->used = 0;
		c->size = size;
		if (big && a->head != NULL) {
			c->next = a->head->next;
			a->head->next = c;
		} else {
			c->next = a->head;
			a->head = c;
		}
	}
	p = (char *)c->data + c->used;
	c->used += n;
	memset(p, 0, n);
	return p;
}

char *
pa_strndup(struct plan_arena *a, const char *s, size_t n)
{
	char	*p;

	if (n == SIZE_MAX || (p = pa_alloc(a, n + 1)) == NULL)
		return NULL;
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

bool
pa_failed(const struct plan_arena *a)
{
	return a->failed;
}

void
pa_free(struct plan_arena *a)
{
	struct chunk	*c, *next;

	if (a == NULL)
		return;
	for (c = a->head; c != NULL; c = next) {
		next = c->next;
		free(c);
	}
	free(a);
}

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
