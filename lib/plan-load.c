/*
 * plan-load.c - read a plan file (inc-plan(5)) and check it against the
 * format, section by section, into a struct inc_plan.
 *
 * The schema lives in the code below: each section's function names the
 * keys it allows, which are required, and what each value must be.
 * Checking goes on after a problem so that every problem is reported;
 * the problems are sorted into file order at the end.  Sections are read
 * in the order their references need (units before the obligations that
 * notify them), whatever order the file has them in.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plan-impl.h"
#include "timeutil.h"

/* An id and what it names, sorted by id for duplicates and lookups. */
struct ent {
	const char	*id;
	const struct pnode *node;
	void		*ptr;
	size_t		 ord;
};

struct index {
	struct ent	*v;
	size_t		 n;
};

struct ld {
	const char	*file;
	struct plan_arena *a;		/* the plan's */
	struct plan_arena *t;		/* the tree's and the indexes' */
	struct plan_errors *errs;
	struct inc_plan	*p;
	struct index	 cats, units, procs;
};

/*
 * XXX Until lib/timeutil.c lands on main: durations as duration_parse()
 * reads them, "1d2h3m4s", units descending, each once, at least one.
 */
static int
plan_duration(const char *s, int64_t *secs)
{
	static const char units[] = "dhms";
	static const int64_t mult[] = { 86400, 3600, 60, 1 };
	const char	*u;
	int64_t		 t = 0, v;
	size_t		 next = 0, k;

	if (*s == '\0')
		return -1;
	while (*s != '\0') {
		if (*s < '0' || *s > '9')
			return -1;
		for (v = 0; *s >= '0' && *s <= '9'; s++) {
			if (v > (INT64_MAX - 9) / 10)
				return -1;
			v = v * 10 + (*s - '0');
		}
		if (*s == '\0' || (u = strchr(units + next, *s)) == NULL)
			return -1;
		k = (size_t)(u - units);
		if (v > (INT64_MAX - t) / mult[k])
			return -1;
		t += v * mult[k];
		next = k + 1;
		s++;
	}
	*secs = t;
	return 0;
}
#define duration_parse plan_duration

static const char *const type_names[] = { "scalar", "sequence", "map" };

static void
perr(struct ld *l, const struct pnode *n, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
perr(struct ld *l, const struct pnode *n, const char *fmt, ...)
{
	char	 msg[512];
	va_list	 ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	plan_error_add(l->errs, l->file, n->line, n->column, "%s", msg);
}

/* "name" with its quotes, for messages about a key's value. */
static const char *
quoted(char buf[80], const char *key)
{
	snprintf(buf, 80, "\"%s\"", key);
	return buf;
}

static bool
is_id(const char *s)
{
	if (*s < 'a' || *s > 'z')
		return false;
	for (s++; *s != '\0'; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
		    *s == '-'))
			return false;
	return true;
}

static bool
is_field(const char *s)
{
	if (*s < 'a' || *s > 'z')
		return false;
	for (s++; *s != '\0'; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
		    *s == '_'))
			return false;
	return true;
}

static bool
want(struct ld *l, const struct pnode *n, enum pnode_type t, const char *what)
{
	if (n->type == t)
		return true;
	perr(l, n, "%s must be a %s, not a %s", what, type_names[t],
	    type_names[n->type]);
	return false;
}

/* The value of key in map n, or NULL. */
static const struct pnode *
get(const struct pnode *n, const char *key)
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
static void
index_done(struct ld *l, struct index *x, const char *what, const char *suffix)
{
	size_t	 i;

	if (x->n > 1)
		qsort(x->v, x->n, sizeof(*x->v), cmp_ent);
	for (i = 1; i < x->n; i++)
		if (strcmp(x->v[i].id, x->v[i - 1].id) == 0)
			perr(l, x->v[i].node, "duplicate %s id \"%s\"%s", what,
			    x->v[i].id, suffix);
}

static void *
index_find(const struct index *x, const char *id)
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

static void
index_new(struct ld *l, struct index *x, size_t cap)
{
	x->n = 0;
	x->v = cap ? pa_alloc(l->t, cap * sizeof(*x->v)) : NULL;
}

static void
index_add(struct index *x, const char *id, const struct pnode *node,
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
static bool
map_keys(struct ld *l, const struct pnode *n, const char *what,
    const char *const *keys)
{
	struct index	 x;
	const struct pnode *k;
	const char *const *kp;
	size_t		 i;

	if (!want(l, n, PN_MAP, what ? what : "the plan file"))
		return false;
	index_new(l, &x, n->n / 2);
	for (i = 0; i + 1 < n->n; i += 2) {
		k = n->v[i];
		if (k->type != PN_SCALAR) {
			perr(l, k, "a key must be a scalar, not a %s",
			    type_names[k->type]);
			continue;
		}
		if (keys != NULL && !known_key(keys, k->s)) {
			if (what == NULL)
				perr(l, k, "unknown section \"%s\"", k->s);
			else
				perr(l, k, "unknown key \"%s\" in %s", k->s,
				    what);
		}
		index_add(&x, k->s, k, NULL);
	}
	if (x.n > 1)
		qsort(x.v, x.n, sizeof(*x.v), cmp_ent);
	for (i = 1; i < x.n; i++)
		if (strcmp(x.v[i].id, x.v[i - 1].id) == 0)
			perr(l, x.v[i].node, "duplicate key \"%s\"", x.v[i].id);
	for (kp = keys; kp != NULL && *kp != NULL; kp++) {
		if (**kp != '*' || get(n, *kp + 1) != NULL)
			continue;
		if (what == NULL)
			perr(l, n, "missing section \"%s\"", *kp + 1);
		else
			perr(l, n, "missing key \"%s\" in %s", *kp + 1, what);
	}
	return true;
}

/* A scalar copied into the plan; NULL when it is not one or empty. */
static const char *
sval(struct ld *l, const struct pnode *n, const char *what)
{
	if (!want(l, n, PN_SCALAR, what))
		return NULL;
	if (n->s[0] == '\0') {
		perr(l, n, "%s must not be empty", what);
		return NULL;
	}
	return pa_strndup(l->a, n->s, strlen(n->s));
}

static const char *
str(struct ld *l, const struct pnode *map, const char *key)
{
	const struct pnode *n;
	char		 w[80];

	if ((n = get(map, key)) == NULL)
		return NULL;
	return sval(l, n, quoted(w, key));
}

static const char *
idval(struct ld *l, const struct pnode *n, const char *what)
{
	const char	*s;

	if ((s = sval(l, n, what)) != NULL && !is_id(s)) {
		perr(l, n, "bad id \"%s\" (want [a-z][a-z0-9-]*)", s);
		return NULL;
	}
	return s;
}

static const char *
id_at(struct ld *l, const struct pnode *map, const char *key)
{
	const struct pnode *n;
	char		 w[80];

	if ((n = get(map, key)) == NULL)
		return NULL;
	return idval(l, n, quoted(w, key));
}

static const char *
field_at(struct ld *l, const struct pnode *map, const char *key)
{
	const struct pnode *n;
	const char	*s;
	char		 w[80];

	if ((n = get(map, key)) == NULL)
		return NULL;
	if ((s = sval(l, n, quoted(w, key))) != NULL && !is_field(s)) {
		perr(l, n, "bad field name \"%s\" (want [a-z][a-z0-9_]*)", s);
		return NULL;
	}
	return s;
}

/* A text {zh, en}, with a clause where the format allows one. */
static void
text(struct ld *l, const struct pnode *n, const char *what,
    struct inc_text *t, const char **clause)
{
	static const char *const keys[] = { "*zh", "*en", NULL };
	static const char *const ckeys[] = { "*zh", "*en", "clause", NULL };

	if (!map_keys(l, n, what, clause != NULL ? ckeys : keys))
		return;
	t->zh = str(l, n, "zh");
	t->en = str(l, n, "en");
	if (clause != NULL)
		*clause = str(l, n, "clause");
}

static void
text_at(struct ld *l, const struct pnode *map, const char *key,
    struct inc_text *t, const char **clause)
{
	const struct pnode *n;
	char		 w[80];

	if ((n = get(map, key)) != NULL)
		text(l, n, quoted(w, key), t, clause);
}

static const struct pnode *
seq_at(struct ld *l, const struct pnode *map, const char *key)
{
	const struct pnode *n;
	char		 w[80];

	if ((n = get(map, key)) == NULL || !want(l, n, PN_SEQ, quoted(w, key)))
		return NULL;
	return n;
}

/* A sequence of scalars; *np is 0 when absent or wrong. */
static const char **
strs_at(struct ld *l, const struct pnode *map, const char *key, size_t *np)
{
	const struct pnode *n;
	const char	**v;
	char		 w[80];
	size_t		 i;

	*np = 0;
	if ((n = seq_at(l, map, key)) == NULL || n->n == 0 ||
	    (v = pa_alloc(l->a, n->n * sizeof(*v))) == NULL)
		return NULL;
	quoted(w, key);
	for (i = 0; i < n->n; i++)
		v[i] = sval(l, n->v[i], w);
	*np = n->n;
	return v;
}

/* An array of n zeroed elements of size sz in the plan, NULL for none. */
static void *
array(struct ld *l, size_t n, size_t sz)
{
	return n ? pa_alloc(l->a, n * sz) : NULL;
}

static void
plan_meta(struct ld *l, const struct pnode *n)
{
	static const char *const keys[] = { "*id", "*title", "issuer",
	    "purpose", "basis", "principles", "scope", "accountability", NULL };
	static const char *const bkeys[] = { "clause", "*laws", NULL };
	struct inc_plan	*p = l->p;
	const struct pnode *b, *s;
	size_t		 i;

	if (!map_keys(l, n, "\"plan\"", keys))
		return;
	p->id = id_at(l, n, "id");
	text_at(l, n, "title", &p->title, NULL);
	text_at(l, n, "issuer", &p->issuer, NULL);
	text_at(l, n, "purpose", &p->purpose, &p->purpose_clause);
	text_at(l, n, "scope", &p->scope, &p->scope_clause);
	text_at(l, n, "accountability", &p->accountability,
	    &p->accountability_clause);
	if ((b = get(n, "basis")) != NULL && map_keys(l, b, "\"basis\"", bkeys)) {
		p->basis_clause = str(l, b, "clause");
		if ((s = seq_at(l, b, "laws")) != NULL) {
			p->laws = array(l, s->n, sizeof(*p->laws));
			p->basis = array(l, s->n, sizeof(*p->basis));
			for (i = 0; p->laws && p->basis && i < s->n; i++) {
				text(l, s->v[i], "law", &p->laws[i], NULL);
				p->basis[i] = p->laws[i].zh;
				p->nbasis++;
			}
		}
	}
	if ((s = seq_at(l, n, "principles")) != NULL) {
		p->principles = array(l, s->n, sizeof(*p->principles));
		p->principle_clauses = array(l, s->n,
		    sizeof(*p->principle_clauses));
		for (i = 0; p->principles && p->principle_clauses &&
		    i < s->n; i++) {
			text(l, s->v[i], "principle", &p->principles[i],
			    &p->principle_clauses[i]);
			p->nprinciples++;
		}
	}
}

static void
scale(struct ld *l, const struct pnode *n, const char *name,
    struct inc_scale *sc)
{
	static const char *const keys[] = { "clause", "*values", NULL };
	static const char *const vkeys[] = { "*id", "*name", "clause",
	    "description", NULL };
	const struct pnode *vs, *e;
	struct inc_scale_value *v;
	struct index	 x;
	char		 what[80], vwhat[80];
	size_t		 i;

	if (!map_keys(l, n, quoted(what, name), keys))
		return;
	sc->clause = str(l, n, "clause");
	if ((vs = seq_at(l, n, "values")) == NULL)
		return;
	if (vs->n == 0) {
		perr(l, vs, "%s has no values", name);
		return;
	}
	if ((sc->values = array(l, vs->n, sizeof(*sc->values))) == NULL)
		return;
	snprintf(vwhat, sizeof(vwhat), "%s value", name);
	index_new(l, &x, vs->n);
	for (i = 0; i < vs->n; i++) {
		e = vs->v[i];
		v = &sc->values[sc->n++];
		if (!map_keys(l, e, vwhat, vkeys))
			continue;
		v->id = id_at(l, e, "id");
		v->clause = str(l, e, "clause");
		text_at(l, e, "name", &v->name, NULL);
		text_at(l, e, "description", &v->description, NULL);
		index_add(&x, v->id, get(e, "id"), v);
	}
	index_done(l, &x, name, "");
}

static void
levels(struct ld *l, const struct pnode *n)
{
	static const char *const keys[] = { "*id", "clause", "*name",
	    "description", NULL };
	struct inc_level_def *d;
	const struct pnode *e, *idn;
	enum inc_level	 lv;
	bool		 seen[LEVEL_COUNT + 1] = { false };
	size_t		 i;

	if (!want(l, n, PN_SEQ, "\"levels\""))
		return;
	for (i = 0; i < n->n; i++) {
		e = n->v[i];
		if (!map_keys(l, e, "level", keys) ||
		    (idn = get(e, "id")) == NULL || !want(l, idn, PN_SCALAR,
		    "\"id\""))
			continue;
		if ((lv = level_parse(idn->s)) == LEVEL_NONE) {
			perr(l, idn, "bad level \"%s\" (want I, II, III or IV)",
			    idn->s);
			continue;
		}
		if (seen[lv]) {
			perr(l, idn, "duplicate level \"%s\"", idn->s);
			continue;
		}
		seen[lv] = true;
		d = &l->p->levels[lv - 1];
		d->level = lv;
		d->id = level_id(lv);
		d->clause = str(l, e, "clause");
		text_at(l, e, "name", &d->name, NULL);
		text_at(l, e, "description", &d->description, NULL);
	}
	for (lv = LEVEL_I; lv <= LEVEL_IV; lv++)
		if (!seen[lv])
			perr(l, n, "missing level \"%s\" in levels",
			    level_id(lv));
}

static void
subtypes(struct ld *l, const struct pnode *n, struct inc_category *c)
{
	static const char *const keys[] = { "*id", "clause", "*name",
	    "keywords", NULL };
	struct inc_subtype *s;
	const struct pnode *e;
	struct index	 x;
	char		 suffix[96];
	size_t		 i;

	if (n->n == 0) {
		perr(l, n, "category \"%s\" has no subtypes",
		    c->id ? c->id : "");
		return;
	}
	if ((c->subtypes = array(l, n->n, sizeof(*c->subtypes))) == NULL)
		return;
	index_new(l, &x, n->n);
	for (i = 0; i < n->n; i++) {
		e = n->v[i];
		s = &c->subtypes[c->nsubtypes++];
		s->category = c;
		if (!map_keys(l, e, "subtype", keys))
			continue;
		s->id = id_at(l, e, "id");
		s->clause = str(l, e, "clause");
		text_at(l, e, "name", &s->name, NULL);
		s->keywords = strs_at(l, e, "keywords", &s->nkeywords);
		index_add(&x, s->id, get(e, "id"), s);
	}
	snprintf(suffix, sizeof(suffix), " in category \"%.64s\"",
	    c->id ? c->id : "");
	index_done(l, &x, "subtype", suffix);
}

static void
categories(struct ld *l, const struct pnode *n)
{
	static const char *const keys[] = { "*id", "clause", "*name",
	    "definition", "*subtypes", NULL };
	struct inc_plan	*p = l->p;
	struct inc_category *c;
	const struct pnode *e, *s;
	size_t		 i;

	if (!want(l, n, PN_SEQ, "\"categories\""))
		return;
	if ((p->categories = array(l, n->n, sizeof(*p->categories))) == NULL)
		return;
	index_new(l, &l->cats, n->n);
	for (i = 0; i < n->n; i++) {
		e = n->v[i];
		c = &p->categories[p->ncategories++];
		if (!map_keys(l, e, "category", keys))
			continue;
		c->id = id_at(l, e, "id");
		c->clause = str(l, e, "clause");
		text_at(l, e, "name", &c->name, NULL);
		text_at(l, e, "definition", &c->definition, NULL);
		if ((s = seq_at(l, e, "subtypes")) != NULL)
			subtypes(l, s, c);
		index_add(&l->cats, c->id, get(e, "id"), c);
	}
	index_done(l, &l->cats, "category", "");
}

static void
members(struct ld *l, const struct pnode *n, struct inc_unit *u)
{
	static const char *const keys[] = { "*name", "role", "post", "phones",
	    NULL };
	struct inc_person *m;
	const struct pnode *e;
	size_t		 i;

	if ((u->members = array(l, n->n, sizeof(*u->members))) == NULL)
		return;
	for (i = 0; i < n->n; i++) {
		e = n->v[i];
		m = &u->members[u->nmembers++];
		if (!map_keys(l, e, "member", keys))
			continue;
		m->name = str(l, e, "name");
		m->role = id_at(l, e, "role");
		text_at(l, e, "post", &m->post, NULL);
		m->phones = strs_at(l, e, "phones", &m->nphones);
	}
}

static struct inc_unit *
unit_ref(struct ld *l, const struct pnode *n, const char *where)
{
	struct inc_unit	*u;
	char		 w[80];

	if (!want(l, n, PN_SCALAR, quoted(w, where)))
		return NULL;
	if ((u = index_find(&l->units, n->s)) == NULL)
		perr(l, n, "unknown unit \"%s\" in %s", n->s, where);
	return u;
}

static void
organisation(struct ld *l, const struct pnode *n)
{
	static const char *const keys[] = { "*duty", "*units", NULL };
	static const char *const ukeys[] = { "*id", "clause", "*name", "note",
	    "members", "phones", "contact", NULL };
	struct inc_plan	*p = l->p;
	struct inc_unit	*u;
	const struct pnode *us, *e, *m;
	size_t		 i;

	if (!map_keys(l, n, "\"organisation\"", keys) ||
	    (us = seq_at(l, n, "units")) == NULL)
		return;
	if ((p->units = array(l, us->n, sizeof(*p->units))) == NULL)
		return;
	index_new(l, &l->units, us->n);
	for (i = 0; i < us->n; i++) {
		e = us->v[i];
		u = &p->units[p->nunits++];
		if (!map_keys(l, e, "unit", ukeys))
			continue;
		u->id = id_at(l, e, "id");
		u->clause = str(l, e, "clause");
		text_at(l, e, "name", &u->name, NULL);
		text_at(l, e, "note", &u->note, NULL);
		if ((m = seq_at(l, e, "members")) != NULL)
			members(l, m, u);
		u->phones = strs_at(l, e, "phones", &u->nphones);
		index_add(&l->units, u->id, get(e, "id"), u);
	}
	index_done(l, &l->units, "unit", "");
	/* Contacts name units of the same list: resolve once all are in. */
	for (i = 0; i < us->n && i < p->nunits; i++)
		if ((m = get(us->v[i], "contact")) != NULL)
			p->units[i].contact = unit_ref(l, m, "contact");
	if ((m = get(n, "duty")) != NULL)
		p->duty = unit_ref(l, m, "duty");
}

static void
steps(struct ld *l, const struct pnode *n, struct inc_procedure *pr)
{
	static const char *const keys[] = { "clause", "title", "text", NULL };
	struct inc_step	*s;
	const struct pnode *e;
	size_t		 i;

	if ((pr->steps = array(l, n->n, sizeof(*pr->steps))) == NULL)
		return;
	for (i = 0; i < n->n; i++) {
		e = n->v[i];
		s = &pr->steps[pr->nsteps++];
		s->n = (int)pr->nsteps;
		if (!map_keys(l, e, "step", keys))
			continue;
		s->clause = str(l, e, "clause");
		text_at(l, e, "title", &s->title, NULL);
		if (get(e, "text") == NULL)
			perr(l, e, "step %d of procedure \"%s\" has no text",
			    s->n, pr->id ? pr->id : "");
		text_at(l, e, "text", &s->text, NULL);
	}
}

static void
procedures(struct ld *l, const struct pnode *n)
{
	static const char *const keys[] = { "*id", "clause", "*name", "steps",
	    NULL };
	struct inc_plan	*p = l->p;
	struct inc_procedure *pr;
	const struct pnode *e, *s;
	size_t		 i;

	if (!want(l, n, PN_SEQ, "\"procedures\""))
		return;
	if ((p->procedures = array(l, n->n, sizeof(*p->procedures))) == NULL)
		return;
	index_new(l, &l->procs, n->n);
	for (i = 0; i < n->n; i++) {
		e = n->v[i];
		pr = &p->procedures[p->nprocedures++];
		if (!map_keys(l, e, "procedure", keys))
			continue;
		pr->id = id_at(l, e, "id");
		pr->clause = str(l, e, "clause");
		text_at(l, e, "name", &pr->name, NULL);
		s = get(e, "steps");
		if (s == NULL || (s->type == PN_SEQ && s->n == 0))
			perr(l, s ? s : e, "procedure \"%s\" has no steps",
			    pr->id ? pr->id : "");
		else if ((s = seq_at(l, e, "steps")) != NULL)
			steps(l, s, pr);
		index_add(&l->procs, pr->id, get(e, "id"), pr);
	}
	index_done(l, &l->procs, "procedure", "");
}

/* A level value of the grading, or LEVEL_NONE after saying why not. */
static enum inc_level
level_cell(struct ld *l, const struct pnode *n, const char *where)
{
	enum inc_level	 lv;
	char		 w[80];

	if (!want(l, n, PN_SCALAR, quoted(w, where)))
		return LEVEL_NONE;
	if ((lv = level_parse(n->s)) == LEVEL_NONE)
		perr(l, n, "bad level \"%s\" in %s (want I, II, III or IV)",
		    n->s, where);
	return lv;
}

/*
 * Value i has an id and is its first use: a missing or duplicate id is
 * reported already, and would only add noise about cells.
 */
static bool
first_value(const struct inc_scale *sc, size_t i)
{
	return sc->values[i].id != NULL &&
	    scale_index(sc, sc->values[i].id) == (int)i;
}

static void
matrix(struct ld *l, const struct pnode *n)
{
	struct inc_plan	*p = l->p;
	struct inc_grading *g = &p->grading;
	const struct pnode *row, **rows;
	size_t		 i, j, ni = p->importance.n, nl = p->loss.n;
	int		 ii, jj;
	bool		*set;

	if (!map_keys(l, n, "\"matrix\"", NULL) || ni == 0 || nl == 0)
		return;
	g->matrix = array(l, ni * nl, sizeof(*g->matrix));
	set = pa_alloc(l->t, ni * nl * sizeof(*set));
	rows = pa_alloc(l->t, ni * sizeof(*rows));
	if (g->matrix == NULL || set == NULL || rows == NULL)
		return;
	for (i = 0; i + 1 < n->n; i += 2) {
		if (n->v[i]->type != PN_SCALAR)
			continue;
		if ((ii = scale_index(&p->importance, n->v[i]->s)) < 0) {
			perr(l, n->v[i], "unknown importance \"%s\" in matrix",
			    n->v[i]->s);
			continue;
		}
		row = n->v[i + 1];
		if (rows[ii] != NULL)
			continue;	/* a duplicate key, reported */
		rows[ii] = row;
		if (!map_keys(l, row, "matrix row", NULL))
			continue;
		for (j = 0; j + 1 < row->n; j += 2) {
			if (row->v[j]->type != PN_SCALAR)
				continue;
			if ((jj = scale_index(&p->loss, row->v[j]->s)) < 0) {
				perr(l, row->v[j],
				    "unknown loss \"%s\" in matrix",
				    row->v[j]->s);
				continue;
			}
			if (set[ii * nl + jj])
				continue;
			set[ii * nl + jj] = true;
			g->matrix[ii * nl + jj] = level_cell(l, row->v[j + 1],
			    "matrix");
		}
	}
	for (i = 0; i < ni; i++)
		for (j = 0; j < nl; j++)
			if (!set[i * nl + j] &&
			    first_value(&p->importance, i) &&
			    first_value(&p->loss, j))
				perr(l, rows[i] ? rows[i] : n,
				    "matrix cell %s/%s missing",
				    p->importance.values[i].id,
				    p->loss.values[j].id);
}

static void
by_impact(struct ld *l, const struct pnode *n)
{
	struct inc_plan	*p = l->p;
	struct inc_grading *g = &p->grading;
	size_t		 i, ni = p->impact.n;
	int		 k;
	bool		*set;

	if (!map_keys(l, n, "\"impact\"", NULL) || ni == 0)
		return;
	g->by_impact = array(l, ni, sizeof(*g->by_impact));
	if (g->by_impact == NULL || (set = pa_alloc(l->t, ni)) == NULL)
		return;
	for (i = 0; i + 1 < n->n; i += 2) {
		if (n->v[i]->type != PN_SCALAR)
			continue;
		if ((k = scale_index(&p->impact, n->v[i]->s)) < 0) {
			perr(l, n->v[i], "unknown impact \"%s\" in grading",
			    n->v[i]->s);
			continue;
		}
		if (set[k])
			continue;
		set[k] = true;
		g->by_impact[k] = level_cell(l, n->v[i + 1], "impact");
	}
	for (i = 0; i < ni; i++)
		if (!set[i] && first_value(&p->impact, i))
			perr(l, n, "impact level for \"%s\" missing",
			    p->impact.values[i].id);
}

static void
grading(struct ld *l, const struct pnode *n)
{
	static const char *const keys[] = { "clause", "*matrix", "*impact",
	    NULL };
	const struct pnode *m;

	if (!map_keys(l, n, "\"grading\"", keys))
		return;
	l->p->grading.clause = str(l, n, "clause");
	if ((m = get(n, "matrix")) != NULL)
		matrix(l, m);
	if ((m = get(n, "impact")) != NULL)
		by_impact(l, m);
}

static void
obligation_clock(struct ld *l, const struct pnode *e, struct inc_obligation *o)
{
	const struct pnode *after, *within, *before;
	const char	*id = o->id ? o->id : "";
	const char	*s;

	after = get(e, "after");
	within = get(e, "within");
	before = get(e, "before");
	o->after = field_at(l, e, "after");
	o->before = field_at(l, e, "before");
	if (within != NULL && (s = sval(l, within, "\"within\"")) != NULL &&
	    duration_parse(s, &o->within) < 0)
		perr(l, within, "bad duration \"%s\"", s);
	if ((after != NULL || within != NULL) && before != NULL)
		perr(l, e, "obligation \"%s\" has both after/within and before",
		    id);
	else if (after != NULL && within == NULL)
		perr(l, e, "obligation \"%s\" has \"after\" without \"within\"",
		    id);
	else if (within != NULL && after == NULL)
		perr(l, e, "obligation \"%s\" has \"within\" without \"after\"",
		    id);
	else if (after == NULL && before == NULL)
		perr(l, e, "obligation \"%s\" has neither after/within nor "
		    "before", id);
}

static void
obligation_refs(struct ld *l, const struct pnode *e, struct inc_obligation *o)
{
	const struct pnode *s;
	enum inc_level	 lv;
	size_t		 i;

	if ((s = seq_at(l, e, "levels")) != NULL) {
		for (i = 0; i < s->n; i++) {
			if (!want(l, s->v[i], PN_SCALAR, "\"levels\""))
				continue;
			if ((lv = level_parse(s->v[i]->s)) == LEVEL_NONE)
				perr(l, s->v[i], "unknown level \"%s\" in levels",
				    s->v[i]->s);
			else
				o->levels |= LEVEL_BIT(lv);
		}
	}
	if ((s = seq_at(l, e, "notify")) != NULL &&
	    (o->notify = array(l, s->n, sizeof(*o->notify))) != NULL)
		for (i = 0; i < s->n; i++)
			if ((o->notify[o->nnotify] = unit_ref(l, s->v[i],
			    "notify")) != NULL)
				o->nnotify++;
}

static void
obligations(struct ld *l, const struct pnode *n)
{
	static const char *const keys[] = { "*id", "clause", "*name",
	    "*field", "after", "within", "before", "levels", "notify", "note",
	    NULL };
	struct inc_plan	*p = l->p;
	struct inc_obligation *o;
	const struct pnode *e;
	struct index	 x;
	size_t		 i;

	if (!want(l, n, PN_SEQ, "\"obligations\""))
		return;
	if ((p->obligations = array(l, n->n, sizeof(*p->obligations))) == NULL)
		return;
	index_new(l, &x, n->n);
	for (i = 0; i < n->n; i++) {
		e = n->v[i];
		o = &p->obligations[p->nobligations++];
		if (!map_keys(l, e, "obligation", keys))
			continue;
		o->id = id_at(l, e, "id");
		o->clause = str(l, e, "clause");
		text_at(l, e, "name", &o->name, NULL);
		o->field = field_at(l, e, "field");
		obligation_clock(l, e, o);
		obligation_refs(l, e, o);
		text_at(l, e, "note", &o->note, NULL);
		index_add(&x, o->id, get(e, "id"), o);
	}
	index_done(l, &x, "obligation", "");
}

/* The procedures of a route; *np counts those found. */
static const struct inc_procedure **
route_procedures(struct ld *l, const struct pnode *e, size_t *np)
{
	const struct inc_procedure **v;
	const struct pnode *s;
	size_t		 i;

	*np = 0;
	if ((s = seq_at(l, e, "procedures")) == NULL)
		return NULL;
	if (s->n == 0) {
		perr(l, s, "route has no procedures");
		return NULL;
	}
	if ((v = array(l, s->n, sizeof(*v))) == NULL)
		return NULL;
	for (i = 0; i < s->n; i++) {
		if (!want(l, s->v[i], PN_SCALAR, "\"procedures\""))
			continue;
		if ((v[*np] = index_find(&l->procs, s->v[i]->s)) != NULL)
			(*np)++;
		else
			perr(l, s->v[i], "unknown procedure \"%s\" in routing",
			    s->v[i]->s);
	}
	return v;
}

static void
route(struct ld *l, const struct pnode *e)
{
	struct inc_plan	*p = l->p;
	struct inc_route *r;
	const struct pnode *c, *s, *d;
	const struct inc_category *cat = NULL;
	const struct inc_subtype *sub = NULL;

	c = get(e, "category");
	s = get(e, "subtype");
	if ((d = get(e, "default")) != NULL) {
		if (want(l, d, PN_SCALAR, "\"default\"") &&
		    strcmp(d->s, "true") != 0)
			perr(l, d, "default must be true");
		if (c != NULL || s != NULL)
			perr(l, e, "default route with a category");
		if (p->fallback != NULL || p->nfallback > 0)
			perr(l, e, "more than one default route");
		p->fallback = route_procedures(l, e, &p->nfallback);
		return;
	}
	if (c == NULL) {
		perr(l, e, "missing key \"category\" in route");
		return;
	}
	if (want(l, c, PN_SCALAR, "\"category\"") &&
	    (cat = index_find(&l->cats, c->s)) == NULL)
		perr(l, c, "unknown category \"%s\" in routing", c->s);
	if (s != NULL && want(l, s, PN_SCALAR, "\"subtype\"") && cat != NULL &&
	    (sub = plan_subtype(cat, s->s)) == NULL)
		perr(l, s, "unknown subtype \"%s\" of category \"%s\" in routing",
		    s->s, cat->id);
	r = &p->routes[p->nroutes++];
	r->category = cat;
	r->subtype = sub;
	r->procedures = route_procedures(l, e, &r->nprocedures);
	text_at(l, e, "note", &r->note, NULL);
}

static void
routing(struct ld *l, const struct pnode *n)
{
	static const char *const keys[] = { "category", "subtype",
	    "*procedures", "note", "default", NULL };
	size_t		 i;

	if (!want(l, n, PN_SEQ, "\"routing\""))
		return;
	if ((l->p->routes = array(l, n->n, sizeof(*l->p->routes))) == NULL)
		return;
	for (i = 0; i < n->n; i++)
		if (map_keys(l, n->v[i], "route", keys))
			route(l, n->v[i]);
}

static void
systems(struct ld *l, const struct pnode *n)
{
	static const char *const keys[] = { "*id", "*name", "*importance",
	    "url", NULL };
	struct inc_plan	*p = l->p;
	struct inc_system *s;
	const struct pnode *e, *imp;
	struct index	 x;
	size_t		 i;

	if (!want(l, n, PN_SEQ, "\"systems\""))
		return;
	if ((p->systems = array(l, n->n, sizeof(*p->systems))) == NULL)
		return;
	index_new(l, &x, n->n);
	for (i = 0; i < n->n; i++) {
		e = n->v[i];
		s = &p->systems[p->nsystems++];
		if (!map_keys(l, e, "system", keys))
			continue;
		s->id = id_at(l, e, "id");
		text_at(l, e, "name", &s->name, NULL);
		s->url = str(l, e, "url");
		if ((imp = get(e, "importance")) != NULL &&
		    (s->importance = sval(l, imp, "\"importance\"")) != NULL &&
		    scale_index(&p->importance, s->importance) < 0)
			perr(l, imp, "unknown importance \"%s\" in system",
			    s->importance);
		index_add(&x, s->id, get(e, "id"), s);
	}
	index_done(l, &x, "system", "");
}

static void
load(struct ld *l, const struct pnode *root)
{
	static const char *const keys[] = { "*version", "*plan",
	    "*categories", "*importance", "*loss", "*impact", "*levels",
	    "*grading", "*organisation", "*obligations", "*procedures",
	    "*routing", "*systems", NULL };
	const struct pnode *n;

	if (!map_keys(l, root, NULL, keys))
		return;
	if ((n = get(root, "version")) != NULL &&
	    want(l, n, PN_SCALAR, "\"version\"") && strcmp(n->s, "1") != 0)
		perr(l, n, "version must be 1, not \"%s\"", n->s);
	if ((n = get(root, "plan")) != NULL)
		plan_meta(l, n);
	if ((n = get(root, "importance")) != NULL)
		scale(l, n, "importance", &l->p->importance);
	if ((n = get(root, "loss")) != NULL)
		scale(l, n, "loss", &l->p->loss);
	if ((n = get(root, "impact")) != NULL)
		scale(l, n, "impact", &l->p->impact);
	if ((n = get(root, "levels")) != NULL)
		levels(l, n);
	if ((n = get(root, "categories")) != NULL)
		categories(l, n);
	if ((n = get(root, "organisation")) != NULL)
		organisation(l, n);
	if ((n = get(root, "procedures")) != NULL)
		procedures(l, n);
	if ((n = get(root, "grading")) != NULL)
		grading(l, n);
	if ((n = get(root, "obligations")) != NULL)
		obligations(l, n);
	if ((n = get(root, "routing")) != NULL)
		routing(l, n);
	if ((n = get(root, "systems")) != NULL)
		systems(l, n);
}

struct inc_plan *
plan_load_buffer(const char *name, const char *buf, size_t len,
    struct plan_errors *errs)
{
	struct ld	 l;
	struct pnode	*root;
	size_t		 n0 = errs->n;

	if (len > PLAN_MAX_SIZE) {
		plan_error_add(errs, name, 0, 0,
		    "plan too large (over %ld MiB)",
		    PLAN_MAX_SIZE / (1024 * 1024));
		return NULL;
	}
	memset(&l, 0, sizeof(l));
	l.file = name;
	l.errs = errs;
	if ((l.a = pa_new()) == NULL || (l.t = pa_new()) == NULL ||
	    (l.p = pa_alloc(l.a, sizeof(*l.p))) == NULL) {
		pa_free(l.a);
		pa_free(l.t);
		plan_error_add(errs, name, 0, 0, "out of memory");
		return NULL;
	}
	l.p->arena = l.a;
	l.p->source = pa_strndup(l.a, name, strlen(name));
	if ((root = plan_yaml_read(name, buf, len, l.t, errs)) != NULL)
		load(&l, root);
	if (pa_failed(l.a) || pa_failed(l.t))
		plan_error_add(errs, name, 0, 0, "out of memory");
	pa_free(l.t);
	if (errs->n > n0) {
		plan_errors_sort(errs);
		plan_free(l.p);
		return NULL;
	}
	return l.p;
}

struct inc_plan *
plan_load_file(const char *path, struct plan_errors *errs)
{
	struct inc_plan	*p;
	FILE		*fp;
	char		*buf;
	size_t		 len;

	if ((fp = fopen(path, "r")) == NULL) {
		plan_error_add(errs, path, 0, 0, "%s", strerror(errno));
		return NULL;
	}
	/* One byte more than the limit tells a file over it. */
	if ((buf = malloc(PLAN_MAX_SIZE + 1)) == NULL) {
		fclose(fp);
		plan_error_add(errs, path, 0, 0, "out of memory");
		return NULL;
	}
	len = fread(buf, 1, PLAN_MAX_SIZE + 1, fp);
	if (ferror(fp)) {
		plan_error_add(errs, path, 0, 0, "%s", strerror(errno));
		p = NULL;
	} else
		p = plan_load_buffer(path, buf, len, errs);
	fclose(fp);
	free(buf);
	return p;
}
