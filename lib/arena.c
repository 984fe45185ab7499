/* arena.c - chunked bump allocation; see arena.h. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"

#define CHUNK_MIN	(64 * 1024)
#define ALIGN		(sizeof(max_align_t))

struct chunk {
	struct chunk	*next;
	size_t		 size, used;
	max_align_t	 data[];
};

struct inc_arena {
	struct chunk	*head;
};

struct inc_arena *
arena_new(void)
{
	return calloc(1, sizeof(struct inc_arena));
}

void *
arena_alloc(struct inc_arena *a, size_t n)
{
	struct chunk *c = a->head;
	size_t want;
	void *p;

	n = (n + ALIGN - 1) & ~(ALIGN - 1);
	if (n == 0)
		n = ALIGN;
	if (c == NULL || c->size - c->used < n) {
		want = n > CHUNK_MIN ? n : CHUNK_MIN;
		if (c != NULL && c->size * 2 > want && c->size < (SIZE_MAX / 4))
			want = c->size * 2;
		if ((c = malloc(sizeof(*c) + want)) == NULL)
			return NULL;
		c->size = want;
		c->used = 0;
		c->next = a->head;
		a->head = c;
	}
	p = (char *)c->data + c->used;
	c->used += n;
	return p;
}

char *
arena_strndup(struct inc_arena *a, const char *s, size_t n)
{
	char *p;

	if ((p = arena_alloc(a, n + 1)) == NULL)
		return NULL;
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

/*
 * Keep only the newest (largest) chunk: the next record of the same size
 * then costs no malloc at all.
 */
void
arena_reset(struct inc_arena *a)
{
	struct chunk *c, *next;

	if (a->head == NULL)
		return;
	for (c = a->head->next; c != NULL; c = next) {
		next = c->next;
		free(c);
	}
	a->head->next = NULL;
	a->head->used = 0;
}

void
arena_free(struct inc_arena *a)
{
	if (a == NULL)
		return;
	arena_reset(a);
	free(a->head);
	free(a);
}
