/*
 * idset.c - a dense array of entries, in the order entered, and an index
 * over it (open addressing, linear probing, a word-at-a-time hash, at
 * most three quarters full) whose slots hold the hash too, so that a
 * probe reads an entry only when the hashes match; the ids themselves in
 * large chunks.  About 60 bytes an id, and mostly one cache miss a new one.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "idset.h"

#define CHUNK	(64 * 1024)

struct id_entry {
	const char	*id;		/* in a chunk */
	uint32_t	 len;
	uint32_t	 hash;
	struct id_place	 place;
};

struct chunk {
	struct chunk	*next;
	char		 b[];
};

struct slot {
	uint32_t	 idx;		/* entry index + 1; 0: free */
	uint32_t	 hash;
};

struct idset {
	struct slot	*slot;
	size_t		 cap;		/* slots, a power of two */
	struct id_entry	*v;
	size_t		 n, vcap;
	struct chunk	*chunks;
	char		*cur;		/* free room in the first chunk */
	size_t		 room;
};

/*
 * The hash of an id, eight bytes at a time: every record of a run is
 * hashed once or twice (the loop's duplicates, a report's copies), and
 * a byte-at-a-time hash was a tenth of a day report's time.  Each word
 * is mixed in by a multiply and a shift, the end by murmur3's
 * finaliser, so that the low bits the index masks depend on every byte.
 * The bytes are read as the machine orders them: the hash never leaves
 * the process.
 */
static uint32_t
hash_of(const char *s, size_t len)
{
	uint64_t h = 0x9e3779b97f4a7c15u ^ len, w;

	for (; len >= 8; s += 8, len -= 8) {
		memcpy(&w, s, 8);
		h = (h ^ w) * 0xbf58476d1ce4e5b9u;
		h ^= h >> 31;
	}
	w = 0;
	memcpy(&w, s, len);
	h ^= w;
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdu;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53u;
	h ^= h >> 33;
	return (uint32_t)h;
}

struct idset *
idset_new(void)
{
	struct idset *s;

	if ((s = calloc(1, sizeof(*s))) == NULL)
		return NULL;
	s->cap = 1024;
	if ((s->slot = calloc(s->cap, sizeof(*s->slot))) == NULL) {
		free(s);
		return NULL;
	}
	return s;
}

static void
free_chunks(struct idset *s)
{
	struct chunk *c;

	while ((c = s->chunks) != NULL) {
		s->chunks = c->next;
		free(c);
	}
	s->cur = NULL;
	s->room = 0;
}

void
idset_free(struct idset *s)
{
	if (s == NULL)
		return;
	free_chunks(s);
	free(s->slot);
	free(s->v);
	free(s);
}

/* The slot of id: its entry's, or the free one where it would go. */
static struct slot *
slot_of(const struct idset *s, const char *id, size_t len, uint32_t h)
{
	size_t i = h & (s->cap - 1);
	const struct id_entry *e;

	for (;; i = (i + 1) & (s->cap - 1)) {
		if (s->slot[i].idx == 0)
			return &s->slot[i];
		if (s->slot[i].hash != h)
			continue;
		e = &s->v[s->slot[i].idx - 1];
		if (e->len == len && memcmp(e->id, id, len) == 0)
			return &s->slot[i];
	}
}

static struct id_place *
find_hashed(const struct idset *s, const char *id, size_t len, uint32_t h)
{
	struct slot *sl = slot_of(s, id, len, h);

	return sl->idx != 0 ? &s->v[sl->idx - 1].place : NULL;
}

static int
grow_index(struct idset *s)
{
	struct slot *old = s->slot;
	size_t oldcap = s->cap, i, j;

	if ((s->slot = calloc(oldcap * 2, sizeof(*s->slot))) == NULL) {
		s->slot = old;
		return -1;
	}
	s->cap = oldcap * 2;
	for (i = 0; i < oldcap; i++) {
		if (old[i].idx == 0)
			continue;
		for (j = old[i].hash & (s->cap - 1); s->slot[j].idx != 0;
		    j = (j + 1) & (s->cap - 1))
			;
		s->slot[j] = old[i];
	}
	free(old);
	return 0;
}

/* len bytes of id kept in a chunk (a long one in a chunk of its own). */
static const char *
keep(struct idset *s, const char *id, size_t len)
{
	struct chunk *c;
	size_t size = len > CHUNK / 4 ? len : CHUNK;
	char *p;

	if (len == 0)
		return "";	/* no chunk yet, or a full one: no room needed */
	if (len > s->room) {
		if ((c = malloc(sizeof(*c) + size)) == NULL)
			return NULL;
		c->next = s->chunks;
		s->chunks = c;
		if (size == CHUNK) {
			s->cur = c->b;
			s->room = CHUNK;
		} else {
			memcpy(c->b, id, len);
			return c->b;
		}
	}
	p = s->cur;
	memcpy(p, id, len);
	s->cur += len;
	s->room -= len;
	return p;
}

struct id_place *
idset_find(const struct idset *s, const char *id, size_t len)
{
	return len > UINT32_MAX ? NULL : find_hashed(s, id, len,
	    hash_of(id, len));
}

/* idset_enter with the hash of id already known. */
static struct id_place *
enter_hashed(struct idset *s, const char *id, size_t len, uint32_t h,
    int *isnew)
{
	struct id_entry *v, *e;
	struct slot *sl;
	size_t vcap;

	*isnew = 0;
	if (len > UINT32_MAX || s->n >= UINT32_MAX - 1)
		return NULL;
	sl = slot_of(s, id, len, h);
	if (sl->idx != 0)
		return &s->v[sl->idx - 1].place;
	if (4 * (s->n + 1) > 3 * s->cap) {
		if (grow_index(s) == -1)
			return NULL;
		sl = slot_of(s, id, len, h);
	}
	if (s->n == s->vcap) {
		vcap = s->vcap ? s->vcap * 2 : 256;
		if ((v = reallocarray(s->v, vcap, sizeof(*v))) == NULL)
			return NULL;
		s->v = v;
		s->vcap = vcap;
	}
	e = &s->v[s->n];
	if ((e->id = keep(s, id, len)) == NULL)
		return NULL;
	e->len = (uint32_t)len;
	e->hash = h;
	memset(&e->place, 0, sizeof(e->place));
	sl->idx = (uint32_t)++s->n;
	sl->hash = h;
	*isnew = 1;
	return &e->place;
}

struct id_place *
idset_enter(struct idset *s, const char *id, size_t len, int *isnew)
{
	return enter_hashed(s, id, len, hash_of(id, len), isnew);
}

/* Empty again, keeping the index and the entries' room. */
static void
clear(struct idset *s)
{
	free_chunks(s);
	memset(s->slot, 0, s->cap * sizeof(*s->slot));
	s->n = 0;
}

struct idwindow {
	struct idset	*cur, *old;	/* old: NULL before the first turn */
	size_t		 n, ncur;
};

struct idwindow *
idwindow_new(size_t n)
{
	struct idwindow *w;

	if ((w = calloc(1, sizeof(*w))) == NULL)
		return NULL;
	if ((w->cur = idset_new()) == NULL) {
		free(w);
		return NULL;
	}
	w->n = n > 0 ? n : 1;
	return w;
}

void
idwindow_free(struct idwindow *w)
{
	if (w == NULL)
		return;
	idset_free(w->cur);
	idset_free(w->old);
	free(w);
}

struct id_place *
idwindow_enter(struct idwindow *w, const char *id, size_t len, int *isnew)
{
	struct id_place *p, *before;
	struct idset *fresh;
	uint32_t h;

	*isnew = 0;
	if (len > UINT32_MAX)
		return NULL;
	h = hash_of(id, len);	/* once, for the two sets */
	if (w->ncur >= w->n) {
		/* Full, the current set turns unless it has the id. */
		if ((p = find_hashed(w->cur, id, len, h)) != NULL)
			return p;
		/* The one before goes; its room, grown to n, serves again. */
		if (w->old == NULL && (w->old = idset_new()) == NULL)
			return NULL;
		fresh = w->old;
		clear(fresh);
		w->old = w->cur;
		w->cur = fresh;
		w->ncur = 0;
	}
	/* One probe finds the id in the current set or enters it. */
	if ((p = enter_hashed(w->cur, id, len, h, isnew)) == NULL || !*isnew)
		return p;
	w->ncur++;
	if (w->old != NULL &&
	    (before = find_hashed(w->old, id, len, h)) != NULL) {
		*p = *before;	/* seen in the set before: not new */
		*isnew = 0;
	}
	return p;
}
