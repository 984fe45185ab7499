/*
 * plan-arena.c - the memory a plan owns, freed at once with it.
 */
#include <stdint.h>
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
