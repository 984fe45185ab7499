/*
 * idset.c - open addressing with linear probing, FNV-1a, the table
 * doubled at half full; each id copied once into the entry.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "idset.h"

struct id_entry {
	char		*id;		/* NULL: free slot */
	size_t		 len;
	uint64_t	 hash;
	struct id_place	 place;
};

struct idset {
	struct id_entry	*v;
	size_t		 cap, n;	/* cap a power of two */
};

static uint64_t
hash_of(const char *s, size_t len)
{
	uint64_t h = 14695981039346656037ULL;
	size_t i;

	for (i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ULL;
	}
	return h;
}

struct idset *
idset_new(void)
{
	struct idset *s;

	if ((s = calloc(1, sizeof(*s))) == NULL)
		return NULL;
	s->cap = 64;
	if ((s->v = calloc(s->cap, sizeof(*s->v))) == NULL) {
		free(s);
		return NULL;
	}
	return s;
}

void
idset_free(struct idset *s)
{
	size_t i;

	if (s == NULL)
		return;
	for (i = 0; i < s->cap; i++)
		free(s->v[i].id);
	free(s->v);
	free(s);
}

static struct id_entry *
slot(const struct idset *s, const char *id, size_t len, uint64_t h)
{
	size_t i = (size_t)h & (s->cap - 1);
	struct id_entry *e;

	for (;; i = (i + 1) & (s->cap - 1)) {
		e = &s->v[i];
		if (e->id == NULL || (e->hash == h && e->len == len &&
		    memcmp(e->id, id, len) == 0))
			return e;
	}
}

static int
grow(struct idset *s)
{
	struct id_entry *old = s->v, *e;
	size_t oldcap = s->cap, i;

	if ((s->v = calloc(oldcap * 2, sizeof(*s->v))) == NULL) {
		s->v = old;
		return -1;
	}
	s->cap = oldcap * 2;
	for (i = 0; i < oldcap; i++) {
		if (old[i].id == NULL)
			continue;
		e = slot(s, old[i].id, old[i].len, old[i].hash);
		*e = old[i];
	}
	free(old);
	return 0;
}

struct id_place *
idset_find(const struct idset *s, const char *id, size_t len)
{
	struct id_entry *e = slot(s, id, len, hash_of(id, len));

	return e->id != NULL ? &e->place : NULL;
}

struct id_place *
idset_enter(struct idset *s, const char *id, size_t len, int *isnew)
{
	uint64_t h = hash_of(id, len);
	struct id_entry *e;

	*isnew = 0;
	e = slot(s, id, len, h);
	if (e->id != NULL)
		return &e->place;
	if (2 * (s->n + 1) > s->cap) {
		if (grow(s) == -1)
			return NULL;
		e = slot(s, id, len, h);
	}
	if ((e->id = malloc(len + 1)) == NULL)
		return NULL;
	memcpy(e->id, id, len);
	e->id[len] = '\0';
	e->len = len;
	e->hash = h;
	memset(&e->place, 0, sizeof(e->place));
	s->n++;
	*isnew = 1;
	return &e->place;
}
