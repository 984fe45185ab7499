/*
 * plan-schema.c - the checks every part of a plan file gets: a map's keys
 * (known, required, each once), a value's type, ids, field names, texts
 * in both languages, and ids sorted for duplicates and lookups.  Each
 * problem is reported where it is and checking goes on.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plan-schema.h"
#include "record.h"

static const char *const type_names[] = { "scalar", "sequence", "map" };

void
ps_err(struct ld *l, const struct pnode *n, const char *fmt, ...)
{
	char	 msg[512];
	va_list	 ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	plan_error_add(l->errs, l->file, n->line, n->column, "%s", msg);
}

/* "name" with its quotes, for messages about a key's value. */
const char *
ps_quoted(char buf[80], const char *key)
{
	snprintf(buf, 80, "\"%s\"", key);
	return buf;
}

bool
ps_want(struct ld *l, const struct pnode *n, enum pnode_type t,
    const char *what)
{
	if (n->type == t)
		return true;
	ps_err(l, n, "%s must be a %s, not a %s", what, type_names[t],
	    type_names[n->type]);
	return false;
}

/* The value of key in map n, or NULL. */
const struct pnode *
ps_get(const struct pnode *n, const char *key)
{
	size_t	 i;

	if (n == NULL || n->type != PN_MAP)
		return NULL;
	for (i = 0; i + 1 < n->n; i += 2)
		if (n->v[i]->type == PN_SCALAR && strcmp(n->v[i]->s, key) == 0)
			return n->v[i + 1];
	return NULL;
}

static int
cmp_ent(const void *pa, const void *pb)
{
	const struct ent *a = pa, *b = pb;
	int	 c;

	if ((c = strcmp(a->id, b->id)) != 0)
		return c;
	return a->ord < b->ord ? -1 : a->ord > b->ord;
}

/*
 * Sort the index by id and report every id met before, as "duplicate
 * WHAT id "x"SUFFIX".  Sorting keeps a hostile file of many ids cheap.
 */
void
ps_index_done(struct ld *l, struct index *x, const char *what,
    const char *suffix)
{
	size_t	 i;

	if (x->n > 1)
		qsort(x->v, x->n, sizeof(*x->v), cmp_ent);
	for (i = 1; i < x->n; i++)
		if (strcmp(x->v[i].id, x->v[i - 1].id) == 0)
			ps_err(l, x->v[i].node, "duplicate %s \"%s\"%s",
			    what, x->v[i].id, suffix);
}

void *
ps_index_find(const struct index *x, const char *id)
{
	size_t	 lo = 0, hi = x->n, mid;
	int	 c;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if ((c = strcmp(x->v[mid].id, id)) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < x->n && strcmp(x->v[lo].id, id) == 0)
		return x->v[lo].ptr;
	return NULL;
}

void
ps_index_new(struct ld *l, struct index *x, size_t cap)
{
	x->n = 0;
	x->v = cap ? pa_alloc(l->t, cap * sizeof(*x->v)) : NULL;
}

void
ps_index_add(struct index *x, const char *id, const struct pnode *node,
    void *ptr)
{
	if (x->v == NULL || id == NULL)
		return;
	x->v[x->n].id = id;
	x->v[x->n].node = node;
	x->v[x->n].ptr = ptr;
	x->v[x->n].ord = x->n;
	x->n++;
}

static bool
known_key(const char *const *keys, const char *k)
{
	for (; *keys != NULL; keys++)
		if (strcmp(**keys == '*' ? *keys + 1 : *keys, k) == 0)
			return true;
	return false;
}

/*
 * n must be a map whose keys are scalars, each once, each one of keys
 * (NULL-terminated; a leading '*' marks a required key), or any when keys
 * is NULL.  what names the map in messages; NULL for the top level.
 */
bool
ps_map(struct ld *l, const struct pnode *n, const char *what,
    const char *const *keys)
{
	struct index	 x;
	const struct pnode *k;
	const char *const *kp;
	size_t		 i;

	if (!ps_want(l, n, PN_MAP, what ? what : "the plan file"))
		return false;
	ps_index_new(l, &x, n->n / 2);
	for (i = 0; i + 1 < n->n; i += 2) {
		k = n->v[i];
		if (k->type != PN_SCALAR) {
			ps_err(l, k, "a key must be a scalar, not a %s",
			    type_names[k->type]);
			continue;
		}
		if (keys != NULL && !known_key(keys, k->s)) {
			if (what == NULL)
				ps_err(l, k, "unknown section \"%s\"", k->s);
			else
				ps_err(l, k, "unknown key \"%s\" in %s", k->s,
				    what);
		}
		ps_index_add(&x, k->s, k, NULL);
	}
	if (x.n > 1)
		qsort(x.v, x.n, sizeof(*x.v), cmp_ent);
	for (i = 1; i < x.n; i++)
		if (strcmp(x.v[i].id, x.v[i - 1].id) == 0)
			ps_err(l, x.v[i].node, "duplicate key \"%s\"",
			    x.v[i].id);
	for (kp = keys; kp != NULL && *kp != NULL; kp++) {
		if (**kp != '*' || ps_get(n, *kp + 1) != NULL)
			continue;
		if (what == NULL)
			ps_err(l, n, "missing section \"%s\"", *kp + 1);
		else
			ps_err(l, n, "missing key \"%s\" in %s", *kp + 1, what);
	}
	return true;
}

/* A scalar copied into the plan; NULL when it is not one or empty. */
const char *
ps_scalar(struct ld *l, const struct pnode *n, const char *what)
{
	if (!ps_want(l, n, PN_SCALAR, what))
		return NULL;
	if (n->s[0] == '\0') {
		ps_err(l, n, "%s must not be empty", what);
		return NULL;
	}
	return pa_strndup(l->a, n->s, strlen(n->s));
}

const char *
ps_str(struct ld *l, const struct pnode *map, const char *key)
{
	const struct pnode *n;
	char		 w[80];

	if ((n = ps_get(map, key)) == NULL)
		return NULL;
	return ps_scalar(l, n, ps_quoted(w, key));
}

const char *
ps_idval(struct ld *l, const struct pnode *n, const char *what)
{
	const char	*s;

	if ((s = ps_scalar(l, n, what)) != NULL && !plan_id_valid(s)) {
		ps_err(l, n, "bad id \"%s\" (want [a-z][a-z0-9-]*)", s);
		return NULL;
	}
	return s;
}

const char *
ps_id(struct ld *l, const struct pnode *map, const char *key)
{
	const struct pnode *n;
	char		 w[80];

	if ((n = ps_get(map, key)) == NULL)
		return NULL;
	return ps_idval(l, n, ps_quoted(w, key));
}

const char *
ps_field(struct ld *l, const struct pnode *map, const char *key)
{
	const struct pnode *n;
	const char	*s;
	char		 w[80];

	if ((n = ps_get(map, key)) == NULL)
		return NULL;
	if ((s = ps_scalar(l, n, ps_quoted(w, key))) != NULL &&
	    !field_name_valid(s, strlen(s))) {
		ps_err(l, n, "bad field name \"%s\" (want [a-z][a-z0-9_]*)", s);
		return NULL;
	}
	return s;
}

/* A text {zh, en}, with a clause where the format allows one. */
void
ps_text(struct ld *l, const struct pnode *n, const char *what,
    struct inc_text *t, const char **clause)
{
	static const char *const keys[] = { "*zh", "*en", NULL };
	static const char *const ckeys[] = { "*zh", "*en", "clause", NULL };

	if (!ps_map(l, n, what, clause != NULL ? ckeys : keys))
		return;
	t->zh = ps_str(l, n, "zh");
	t->en = ps_str(l, n, "en");
	if (clause != NULL)
		*clause = ps_str(l, n, "clause");
}

void
ps_text_at(struct ld *l, const struct pnode *map, const char *key,
    struct inc_text *t, const char **clause)
{
	const struct pnode *n;
	char		 w[80];

	if ((n = ps_get(map, key)) != NULL)
		ps_text(l, n, ps_quoted(w, key), t, clause);
}

const struct pnode *
ps_seq(struct ld *l, const struct pnode *map, const char *key)
{
	const struct pnode *n;
	char		 w[80];

	if ((n = ps_get(map, key)) == NULL ||
	    !ps_want(l, n, PN_SEQ, ps_quoted(w, key)))
		return NULL;
	return n;
}

/* A sequence of scalars; *np is 0 when absent or wrong. */
const char **
ps_strs(struct ld *l, const struct pnode *map, const char *key, size_t *np)
{
	const struct pnode *n;
	const char	**v;
	char		 w[80];
	size_t		 i;

	*np = 0;
	if ((n = ps_seq(l, map, key)) == NULL || n->n == 0 ||
	    (v = pa_alloc(l->a, n->n * sizeof(*v))) == NULL)
		return NULL;
	ps_quoted(w, key);
	for (i = 0; i < n->n; i++)
		v[i] = ps_scalar(l, n->v[i], w);
	*np = n->n;
	return v;
}

/* An array of n zeroed elements of size sz in the plan, NULL for none. */
void *
ps_array(struct ld *l, size_t n, size_t sz)
{
	return n ? pa_alloc(l->a, n * sz) : NULL;
}

