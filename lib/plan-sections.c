/*
 * plan-sections.c - the sections of a plan whose elements have ids and
 * name each other: categories, organisation, procedures, obligations,
 * routing, systems.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plan-schema.h"
#include "timeutil.h"

static void
subtypes(struct ld *l, const struct pnode *n, struct inc_category *c,
    struct index *x)
{
	static const char *const keys[] = { "*id", "clause", "*name",
	    "keywords", NULL };
	struct inc_subtype *s;
	const struct pnode *e;
	char		 suffix[96];
	size_t		 i;

	if (n->n == 0) {
		ps_err(l, n, "category \"%s\" has no subtypes",
		    c->id ? c->id : "");
		return;
	}
	if ((c->subtypes = ps_array(l, n->n, sizeof(*c->subtypes))) == NULL)
		return;
	ps_index_new(l, x, n->n);
	for (i = 0; i < n->n; i++) {
		e = n->v[i];
		s = &c->subtypes[c->nsubtypes++];
		s->category = c;
		if (!ps_map(l, e, "subtype", keys))
			continue;
		s->id = ps_id(l, e, "id");
		s->clause = ps_str(l, e, "clause");
		ps_text_at(l, e, "name", &s->name, NULL);
		s->keywords = ps_strs(l, e, "keywords", &s->nkeywords);
		ps_index_add(x, s->id, ps_get(e, "id"), s);
	}
	snprintf(suffix, sizeof(suffix), " in category \"%.64s\"",
	    c->id ? c->id : "");
	ps_index_done(l, x, "subtype id", suffix);
}

void
sec_categories(struct ld *l, const struct pnode *n)
{
	static const char *const keys[] = { "*id", "clause", "*name",
	    "definition", "*subtypes", NULL };
	struct inc_plan	*p = l->p;
	struct inc_category *c;
	const struct pnode *e, *s;
	size_t		 i;

	if (!ps_want(l, n, PN_SEQ, "\"categories\""))
		return;
	if (n->n == 0) {
		ps_err(l, n, "no categories");
		return;
	}
	p->categories = ps_array(l, n->n, sizeof(*p->categories));
	l->subs = n->n ? pa_alloc(l->t, n->n * sizeof(*l->subs)) : NULL;
	if (p->categories == NULL || l->subs == NULL)
		return;
	ps_index_new(l, &l->cats, n->n);
	for (i = 0; i < n->n; i++) {
		e = n->v[i];
		c = &p->categories[p->ncategories++];
		if (!ps_map(l, e, "category", keys))
			continue;
		c->id = ps_id(l, e, "id");
		c->clause = ps_str(l, e, "clause");
		ps_text_at(l, e, "name", &c->name, NULL);
		ps_text_at(l, e, "definition", &c->definition, NULL);
		if ((s = ps_seq(l, e, "subtypes")) != NULL)
			subtypes(l, s, c, &l->subs[i]);
		ps_index_add(&l->cats, c->id, ps_get(e, "id"), c);
	}
	ps_index_done(l, &l->cats, "category id", "");
}

static void
members(struct ld *l, const struct pnode *n, struct inc_unit *u)
{
	static const char *const keys[] = { "*name", "role", "post", "phones",
	    NULL };
	struct inc_person *m;
	const struct pnode *e;
	size_t		 i;

	if ((u->members = ps_array(l, n->n, sizeof(*u->members))) == NULL)
		return;
	for (i = 0; i < n->n; i++) {
		e = n->v[i];
		m = &u->members[u->nmembers++];
		if (!ps_map(l, e, "member", keys))
			continue;
		m->name = ps_str(l, e, "name");
		m->role = ps_id(l, e, "role");
		ps_text_at(l, e, "post", &m->post, NULL);
		m->phones = ps_strs(l, e, "phones", &m->nphones);
	}
}

static struct inc_unit *
unit_ref(struct ld *l, const struct pnode *n, const char *where)
{
	struct inc_unit	*u;
	char		 w[80];

	if (!ps_want(l, n, PN_SCALAR, ps_quoted(w, where)))
		return NULL;
	if ((u = ps_index_find(&l->units, n->s)) == NULL)
		ps_err(l, n, "unknown unit \"%s\" in %s", n->s, where);
	return u;
}

void
sec_organisation(struct ld *l, const struct pnode *n)
{
	static const char *const keys[] = { "*duty", "*units", NULL };
	static const char *const ukeys[] = { "*id", "clause", "*name", "note",
	    "members", "phones", "contact", NULL };
	struct inc_plan	*p = l->p;
	struct inc_unit	*u;
	const struct pnode *us, *e, *m;
	size_t		 i;

	if (!ps_map(l, n, "\"organisation\"", keys) ||
	    (us = ps_seq(l, n, "units")) == NULL)
		return;
	if (us->n == 0) {
		ps_err(l, us, "no units");
		return;
	}
	if ((p->units = ps_array(l, us->n, sizeof(*p->units))) == NULL)
		return;
	ps_index_new(l, &l->units, us->n);
	for (i = 0; i < us->n; i++) {
		e = us->v[i];
		u = &p->units[p->nunits++];
		if (!ps_map(l, e, "unit", ukeys))
			continue;
		u->id = ps_id(l, e, "id");
		u->clause = ps_str(l, e, "clause");
		ps_text_at(l, e, "name", &u->name, NULL);
		ps_text_at(l, e, "note", &u->note, NULL);
		if ((m = ps_seq(l, e, "members")) != NULL)
			members(l, m, u);
		u->phones = ps_strs(l, e, "phones", &u->nphones);
		ps_index_add(&l->units, u->id, ps_get(e, "id"), u);
	}
	ps_index_done(l, &l->units, "unit id", "");
	/* Contacts name units of the same list: resolve once all are in. */
	for (i = 0; i < us->n && i < p->nunits; i++)
		if ((m = ps_get(us->v[i], "contact")) != NULL)
			p->units[i].contact = unit_ref(l, m, "contact");
	if ((m = ps_get(n, "duty")) != NULL)
		p->duty = unit_ref(l, m, "duty");
}

static void
steps(struct ld *l, const struct pnode *n, struct inc_procedure *pr)
{
	static const char *const keys[] = { "clause", "title", "text", NULL };
	struct inc_step	*s;
	const struct pnode *e;
	size_t		 i;

	if ((pr->steps = ps_array(l, n->n, sizeof(*pr->steps))) == NULL)
		return;
	for (i = 0; i < n->n; i++) {
		e = n->v[i];
		s = &pr->steps[pr->nsteps++];
		s->n = (int)pr->nsteps;
		if (!ps_map(l, e, "step", keys))
			continue;
		s->clause = ps_str(l, e, "clause");
		ps_text_at(l, e, "title", &s->title, NULL);
		if (ps_get(e, "text") == NULL)
			ps_err(l, e, "step %d of procedure \"%s\" has no text",
			    s->n, pr->id ? pr->id : "");
		ps_text_at(l, e, "text", &s->text, NULL);
	}
}

void
sec_procedures(struct ld *l, const struct pnode *n)
{
	static const char *const keys[] = { "*id", "clause", "*name", "steps",
	    NULL };
	struct inc_plan	*p = l->p;
	struct inc_procedure *pr;
	const struct pnode *e, *s;
	size_t		 i;

	if (!ps_want(l, n, PN_SEQ, "\"procedures\""))
		return;
	if (n->n == 0) {
		ps_err(l, n, "no procedures");
		return;
	}
	if ((p->procedures = ps_array(l, n->n, sizeof(*p->procedures))) == NULL)
		return;
	ps_index_new(l, &l->procs, n->n);
	for (i = 0; i < n->n; i++) {
		e = n->v[i];
		pr = &p->procedures[p->nprocedures++];
		if (!ps_map(l, e, "procedure", keys))
			continue;
		pr->id = ps_id(l, e, "id");
		pr->clause = ps_str(l, e, "clause");
		ps_text_at(l, e, "name", &pr->name, NULL);
		s = ps_get(e, "steps");
		if (s == NULL || (s->type == PN_SEQ && s->n == 0))
			ps_err(l, s ? s : e, "procedure \"%s\" has no steps",
			    pr->id ? pr->id : "");
		else if ((s = ps_seq(l, e, "steps")) != NULL)
			steps(l, s, pr);
		ps_index_add(&l->procs, pr->id, ps_get(e, "id"), pr);
	}
	ps_index_done(l, &l->procs, "procedure id", "");
}

static void
obligation_clock(struct ld *l, const struct pnode *e, struct inc_obligation *o)
{
	const struct pnode *after, *within, *before;
	const char	*id = o->id ? o->id : "";
	const char	*s;

	after = ps_get(e, "after");
	within = ps_get(e, "within");
	before = ps_get(e, "before");
	o->after = ps_field(l, e, "after");
	o->before = ps_field(l, e, "before");
	if (within != NULL &&
	    (s = ps_scalar(l, within, "\"within\"")) != NULL &&
	    duration_parse(s, &o->within) < 0)
		ps_err(l, within, "bad duration \"%s\"", s);
	if ((after != NULL || within != NULL) && before != NULL)
		ps_err(l, e,
		    "obligation \"%s\" has both after/within and before", id);
	else if (after != NULL && within == NULL)
		ps_err(l, e,
		    "obligation \"%s\" has \"after\" without \"within\"", id);
	else if (within != NULL && after == NULL)
		ps_err(l, e,
		    "obligation \"%s\" has \"within\" without \"after\"", id);
	else if (after == NULL && before == NULL)
		ps_err(l, e, "obligation \"%s\" has neither after/within nor "
		    "before", id);
}

static void
obligation_refs(struct ld *l, const struct pnode *e, struct inc_obligation *o)
{
	const struct pnode *s;
	enum inc_level	 lv;
	size_t		 i;

	if ((s = ps_seq(l, e, "levels")) != NULL) {
		for (i = 0; i < s->n; i++) {
			if (!ps_want(l, s->v[i], PN_SCALAR, "\"levels\""))
				continue;
			if ((lv = level_parse(s->v[i]->s)) == LEVEL_NONE)
				ps_err(l, s->v[i],
				    "unknown level \"%s\" in levels",
				    s->v[i]->s);
			else
				o->levels |= LEVEL_BIT(lv);
		}
	}
	if ((s = ps_seq(l, e, "notify")) != NULL &&
	    (o->notify = ps_array(l, s->n, sizeof(*o->notify))) != NULL)
		for (i = 0; i < s->n; i++)
			if ((o->notify[o->nnotify] = unit_ref(l, s->v[i],
			    "notify")) != NULL)
				o->nnotify++;
}

/* name into the plan's obligation_fields unless there already. */
static void
add_field(struct inc_plan *p, const char *name)
{
	size_t i;

	if (name == NULL)
		return;
	for (i = 0; i < p->nobligation_fields; i++)
		if (strcmp(p->obligation_fields[i], name) == 0)
			return;
	p->obligation_fields[p->nobligation_fields++] = name;
}

/*
 * The fields the obligations read, for the loop to refuse a NUL in them
 * as in inc-record(5)'s own (record-nul.h): a plan may name others.
 */
static void
obligation_fields(struct ld *l)
{
	struct inc_plan *p = l->p;
	size_t i;

	p->obligation_fields = ps_array(l, 3 * p->nobligations,
	    sizeof(*p->obligation_fields));
	if (p->obligation_fields == NULL)
		return;
	for (i = 0; i < p->nobligations; i++) {
		add_field(p, p->obligations[i].field);
		add_field(p, p->obligations[i].after);
		add_field(p, p->obligations[i].before);
	}
}

void
sec_obligations(struct ld *l, const struct pnode *n)
{
	static const char *const keys[] = { "*id", "clause", "*name",
	    "*field", "after", "within", "before", "levels", "notify", "note",
	    NULL };
	struct inc_plan	*p = l->p;
	struct inc_obligation *o;
	const struct pnode *e;
	struct index	 x, fields;
	size_t		 i;

	if (!ps_want(l, n, PN_SEQ, "\"obligations\""))
		return;
	p->obligations = ps_array(l, n->n, sizeof(*p->obligations));
	if (p->obligations == NULL)
		return;
	ps_index_new(l, &x, n->n);
	ps_index_new(l, &fields, n->n);
	for (i = 0; i < n->n; i++) {
		e = n->v[i];
		o = &p->obligations[p->nobligations++];
		if (!ps_map(l, e, "obligation", keys))
			continue;
		o->id = ps_id(l, e, "id");
		o->clause = ps_str(l, e, "clause");
		ps_text_at(l, e, "name", &o->name, NULL);
		o->field = ps_field(l, e, "field");
		obligation_clock(l, e, o);
		obligation_refs(l, e, o);
		ps_text_at(l, e, "note", &o->note, NULL);
		ps_index_add(&x, o->id, ps_get(e, "id"), o);
		ps_index_add(&fields, o->field, ps_get(e, "field"), o);
	}
	ps_index_done(l, &x, "obligation id", "");
	/* One field says one obligation was met. */
	ps_index_done(l, &fields, "obligation field", "");
	obligation_fields(l);
}

/* The procedures of a route; *np counts those found. */
static const struct inc_procedure **
route_procedures(struct ld *l, const struct pnode *e, size_t *np)
{
	const struct inc_procedure **v;
	const struct pnode *s;
	size_t		 i;

	*np = 0;
	if ((s = ps_seq(l, e, "procedures")) == NULL)
		return NULL;
	if (s->n == 0) {
		ps_err(l, s, "route has no procedures");
		return NULL;
	}
	if ((v = ps_array(l, s->n, sizeof(*v))) == NULL)
		return NULL;
	for (i = 0; i < s->n; i++) {
		if (!ps_want(l, s->v[i], PN_SCALAR, "\"procedures\""))
			continue;
		if ((v[*np] = ps_index_find(&l->procs, s->v[i]->s)) != NULL)
			(*np)++;
		else
			ps_err(l, s->v[i],
			    "unknown procedure \"%s\" in routing", s->v[i]->s);
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

	c = ps_get(e, "category");
	s = ps_get(e, "subtype");
	if ((d = ps_get(e, "default")) != NULL) {
		if (ps_want(l, d, PN_SCALAR, "\"default\"") &&
		    strcmp(d->s, "true") != 0)
			ps_err(l, d, "default must be true");
		if (c != NULL || s != NULL)
			ps_err(l, e, "default route with a category");
		if (p->fallback != NULL || p->nfallback > 0)
			ps_err(l, e, "more than one default route");
		p->fallback = route_procedures(l, e, &p->nfallback);
		return;
	}
	if (c == NULL) {
		ps_err(l, e, "missing key \"category\" in route");
		return;
	}
	if (ps_want(l, c, PN_SCALAR, "\"category\"") &&
	    (cat = ps_index_find(&l->cats, c->s)) == NULL)
		ps_err(l, c, "unknown category \"%s\" in routing", c->s);
	if (s != NULL && ps_want(l, s, PN_SCALAR, "\"subtype\"") &&
	    cat != NULL && (sub = ps_index_find(&l->subs[cat -
	    p->categories], s->s)) == NULL)
		ps_err(l, s,
		    "unknown subtype \"%s\" of category \"%s\" in routing",
		    s->s, cat->id);
	r = &p->routes[p->nroutes++];
	r->category = cat;
	r->subtype = sub;
	r->procedures = route_procedures(l, e, &r->nprocedures);
	ps_text_at(l, e, "note", &r->note, NULL);
}

void
sec_routing(struct ld *l, const struct pnode *n)
{
	static const char *const keys[] = { "category", "subtype",
	    "*procedures", "note", "default", NULL };
	size_t		 i;

	if (!ps_want(l, n, PN_SEQ, "\"routing\""))
		return;
	if ((l->p->routes = ps_array(l, n->n, sizeof(*l->p->routes))) == NULL)
		return;
	for (i = 0; i < n->n; i++)
		if (ps_map(l, n->v[i], "route", keys))
			route(l, n->v[i]);
}

void
sec_systems(struct ld *l, const struct pnode *n)
{
	static const char *const keys[] = { "*id", "*name", "*importance",
	    "url", NULL };
	struct inc_plan	*p = l->p;
	struct inc_system *s;
	const struct pnode *e, *imp;
	struct index	 x;
	size_t		 i;

	if (!ps_want(l, n, PN_SEQ, "\"systems\""))
		return;
	if ((p->systems = ps_array(l, n->n, sizeof(*p->systems))) == NULL)
		return;
	ps_index_new(l, &x, n->n);
	for (i = 0; i < n->n; i++) {
		e = n->v[i];
		s = &p->systems[p->nsystems++];
		if (!ps_map(l, e, "system", keys))
			continue;
		s->id = ps_id(l, e, "id");
		ps_text_at(l, e, "name", &s->name, NULL);
		s->url = ps_str(l, e, "url");
		if ((imp = ps_get(e, "importance")) != NULL &&
		    (s->importance = ps_scalar(l, imp,
		    "\"importance\"")) != NULL &&
		    scale_index(&p->importance, s->importance) < 0)
			ps_err(l, imp, "unknown importance \"%s\" in system",
			    s->importance);
		ps_index_add(&x, s->id, ps_get(e, "id"), s);
	}
	ps_index_done(l, &x, "system id", "");
}
