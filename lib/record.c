/* record.c - one record in memory: lookup and change. */
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "record.h"

void
record_init(struct inc_record *r)
{
	memset(r, 0, sizeof(*r));
}

void
record_reset(struct inc_record *r)
{
	struct inc_item *items = r->items;
	size_t cap = r->capitems;
	struct inc_arena *arena = r->arena;

	if (arena != NULL)
		arena_reset(arena);
	memset(r, 0, sizeof(*r));
	r->items = items;
	r->capitems = cap;
	r->arena = arena;
}

void
record_free(struct inc_record *r)
{
	free(r->items);
	arena_free(r->arena);
	memset(r, 0, sizeof(*r));
}

void *
record_alloc(struct inc_record *r, size_t n)
{
	if (r->arena == NULL && (r->arena = arena_new()) == NULL)
		return NULL;
	return arena_alloc(r->arena, n);
}

char *
record_strdup(struct inc_record *r, const char *s, size_t n)
{
	char *p;

	if ((p = record_alloc(r, n + 1)) == NULL)
		return NULL;
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

static bool
is_field(const struct inc_item *it, const char *name)
{
	return it->kind == ITEM_FIELD && !it->deleted &&
	    strcmp(it->name, name) == 0;
}

/*
 * Lookups are most of the work of a tool that reads a few fields: the
 * first byte of the name is compared before anything else (comments
 * have no name), as most names differ there.
 */
struct inc_item *
record_next(const struct inc_record *r, const char *name, size_t *pos)
{
	const struct inc_item *it;
	size_t i;

	for (i = *pos; i < r->nitems; i++) {
		it = &r->items[i];
		if (it->name == NULL || it->name[0] != name[0] ||
		    it->kind != ITEM_FIELD || it->deleted || (name[0] != '\0' &&
		    strcmp(it->name + 1, name + 1) != 0))
			continue;
		*pos = i + 1;
		return &r->items[i];
	}
	*pos = r->nitems;
	return NULL;
}

struct inc_item *
record_field(const struct inc_record *r, const char *name)
{
	size_t pos = 0;

	return record_next(r, name, &pos);
}

const char *
record_get(const struct inc_record *r, const char *name)
{
	struct inc_item *it = record_field(r, name);

	return it ? it->value : NULL;
}

size_t
record_count(const struct inc_record *r, const char *name)
{
	size_t pos = 0, n = 0;

	while (record_next(r, name, &pos) != NULL)
		n++;
	return n;
}

struct inc_item *
record_push(struct inc_record *r)
{
	struct inc_item *v;
	size_t cap;

	if (r->nitems == r->capitems) {
		cap = r->capitems ? r->capitems * 2 : 32;
		if ((v = realloc(r->items, cap * sizeof(*v))) == NULL)
			return NULL;
		r->items = v;
		r->capitems = cap;
	}
	memset(&r->items[r->nitems], 0, sizeof(*r->items));
	return &r->items[r->nitems++];
}

/* Room for one more item at index at (shifting the rest up). */
static struct inc_item *
item_insert(struct inc_record *r, size_t at)
{
	if (r->nitems >= (size_t)INC_MAX_FIELDS || record_push(r) == NULL)
		return NULL;
	if (at + 1 == r->nitems)
		return &r->items[at];	/* at the end, the common case */
	memmove(&r->items[at + 1], &r->items[at],
	    (r->nitems - 1 - at) * sizeof(*r->items));
	memset(&r->items[at], 0, sizeof(*r->items));
	return &r->items[at];
}

/* Make it a tool-written field: the value is copied, the raw bytes gone. */
static int
item_fill(struct inc_record *r, struct inc_item *it, const char *name,
    const char *value, size_t len)
{
	size_t nlen = strlen(name);
	char *v, *n;

	/* One allocation for both, "name\0value\0", as the reader does. */
	if ((n = record_alloc(r, nlen + 1 + len + 1)) == NULL)
		return -1;
	memcpy(n, name, nlen + 1);
	v = n + nlen + 1;
	memcpy(v, value, len);
	v[len] = '\0';
	it->kind = ITEM_FIELD;
	it->name = n;
	it->value = v;
	it->len = len;
	it->raw = NULL;
	it->rawlen = 0;
	it->deleted = false;
	it->one_line = false;
	return 0;
}

int
record_add_n(struct inc_record *r, const char *name, const char *value,
    size_t len)
{
	struct inc_item *it;

	if ((it = item_insert(r, r->nitems)) == NULL)
		return -1;
	if (item_fill(r, it, name, value, len) == -1) {
		r->nitems--;
		return -1;
	}
	return 0;
}

/*
 * No copy: a classifier adds the plan's own strings (category, subtype,
 * keyword) to every record, and the copies were a tenth of its work.
 */
int
record_add_const(struct inc_record *r, const char *name, const char *value,
    size_t len)
{
	struct inc_item *it;

	if ((it = item_insert(r, r->nitems)) == NULL)
		return -1;
	it->kind = ITEM_FIELD;
	it->name = name;
	it->value = value;
	it->len = len;
	return 0;
}

int
record_add(struct inc_record *r, const char *name, const char *value)
{
	return record_add_n(r, name, value, strlen(value));
}

int
record_set(struct inc_record *r, const char *name, const char *value)
{
	struct inc_item *it = record_field(r, name);
	size_t len;

	if (it == NULL)
		return record_add(r, name, value);
	len = strlen(value);
	if (it->len == len && memcmp(it->value, value, len) == 0)
		return 0;	/* unchanged: keep the bytes as read */
	return item_fill(r, it, name, value, len);
}

void
record_remove(struct inc_record *r, const char *name)
{
	size_t i;

	for (i = 0; i < r->nitems; i++)
		if (is_field(&r->items[i], name))
			r->items[i].deleted = true;
}

int
record_replace_all(struct inc_record *r, const char *name,
    const char *const *values, size_t n)
{
	struct inc_item *it;
	size_t at = r->nitems, i, pos = 0;

	if ((it = record_next(r, name, &pos)) != NULL)
		at = (size_t)(it - r->items);
	/* Same values in the same place: leave the bytes as read. */
	for (i = 0, pos = 0; i < n; i++) {
		it = record_next(r, name, &pos);
		if (it == NULL || strcmp(it->value, values[i]) != 0)
			break;
	}
	if (i == n && record_next(r, name, &pos) == NULL)
		return 0;
	record_remove(r, name);
	for (i = 0; i < n; i++) {
		if ((it = item_insert(r, at + i)) == NULL)
			return -1;
		if (item_fill(r, it, name, values[i], strlen(values[i])) == -1)
			return -1;
	}
	return 0;
}

bool
record_is_incident(const struct inc_record *r, const char *id)
{
	const char *v;

	if (id == NULL)
		return true;
	v = record_get(r, "id");
	return v != NULL && strcmp(v, id) == 0;
}

int
record_insert_n(struct inc_record *r, size_t at, const char *name,
    const char *value, size_t len)
{
	struct inc_item *it;

	if (at > r->nitems)
		at = r->nitems;
	if ((it = item_insert(r, at)) == NULL)
		return -1;
	if (item_fill(r, it, name, value, len) == -1) {
		memmove(&r->items[at], &r->items[at + 1],
		    (r->nitems - 1 - at) * sizeof(*r->items));
		r->nitems--;
		return -1;
	}
	return 0;
}
