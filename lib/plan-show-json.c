/*
 * plan-show-json.c - the plan as one JSON document (inc-plan show
 * --format json): every element, both languages, every clause, in the
 * order of the plan file.  Absent optional values are null, so a reader
 * sees every key of an element whether the plan set it or not.
 */
#include <stdio.h>

#include "json.h"
#include "plan-show.h"
#include "timeutil.h"

static void
text(struct json *j, const char *key, struct inc_text t)
{
	json_key(j, key);
	if (t.zh == NULL && t.en == NULL) {
		json_null(j);
		return;
	}
	json_object_begin(j);
	json_kv_string(j, "zh", t.zh);
	json_kv_string(j, "en", t.en);
	json_object_end(j);
}

/* A text with the clause it comes from: {"clause", "zh", "en"}. */
static void
clause_text(struct json *j, const char *key, const char *clause,
    struct inc_text t)
{
	if (key != NULL)
		json_key(j, key);
	json_object_begin(j);
	json_kv_string(j, "clause", clause);
	json_kv_string(j, "zh", t.zh);
	json_kv_string(j, "en", t.en);
	json_object_end(j);
}

static void
show_plan(struct json *j, const struct inc_plan *p)
{
	size_t	 i;

	json_key(j, "plan");
	json_object_begin(j);
	json_kv_string(j, "id", p->id);
	json_kv_string(j, "timezone", p->timezone);
	text(j, "title", p->title);
	text(j, "issuer", p->issuer);
	clause_text(j, "purpose", p->purpose_clause, p->purpose);
	json_key(j, "basis");
	json_object_begin(j);
	json_kv_string(j, "clause", p->basis_clause);
	json_key(j, "laws");
	json_array_begin(j);
	for (i = 0; i < p->nbasis; i++) {
		json_object_begin(j);
		json_kv_string(j, "zh", p->laws != NULL ? p->laws[i].zh :
		    p->basis[i]);
		json_kv_string(j, "en", p->laws != NULL ? p->laws[i].en :
		    NULL);
		json_object_end(j);
	}
	json_array_end(j);
	json_object_end(j);
	json_key(j, "principles");
	json_array_begin(j);
	for (i = 0; i < p->nprinciples; i++)
		clause_text(j, NULL, p->principle_clauses != NULL ?
		    p->principle_clauses[i] : NULL, p->principles[i]);
	json_array_end(j);
	clause_text(j, "scope", p->scope_clause, p->scope);
	clause_text(j, "accountability", p->accountability_clause,
	    p->accountability);
	json_object_end(j);
}

static void
show_categories(struct json *j, const struct inc_plan *p)
{
	const struct inc_category *c;
	const struct inc_subtype *s;
	size_t	 i, k;

	json_key(j, "categories");
	json_array_begin(j);
	for (i = 0; i < p->ncategories; i++) {
		c = &p->categories[i];
		json_object_begin(j);
		json_kv_string(j, "id", c->id);
		text(j, "name", c->name);
		json_kv_string(j, "clause", c->clause);
		text(j, "definition", c->definition);
		json_key(j, "subtypes");
		json_array_begin(j);
		for (k = 0; k < c->nsubtypes; k++) {
			s = &c->subtypes[k];
			json_object_begin(j);
			json_kv_string(j, "id", s->id);
			text(j, "name", s->name);
			json_kv_string(j, "clause", s->clause);
			json_kv_strings(j, "keywords", s->keywords, s->nkeywords);
			json_object_end(j);
		}
		json_array_end(j);
		json_object_end(j);
	}
	json_array_end(j);
}

/* A scale's values; each names its own clause, else the scale's. */
static void
show_scale(struct json *j, const char *key, const struct inc_scale *sc)
{
	const struct inc_scale_value *v;
	size_t	 i;

	json_key(j, key);
	json_array_begin(j);
	for (i = 0; i < sc->n; i++) {
		v = &sc->values[i];
		json_object_begin(j);
		json_kv_string(j, "id", v->id);
		text(j, "name", v->name);
		json_kv_string(j, "clause", v->clause != NULL ? v->clause :
		    sc->clause);
		text(j, "description", v->description);
		json_object_end(j);
	}
	json_array_end(j);
}

static void
show_levels(struct json *j, const struct inc_plan *p)
{
	const struct inc_level_def *l;
	size_t	 i;

	json_key(j, "levels");
	json_array_begin(j);
	for (i = 0; i < LEVEL_COUNT; i++) {
		l = &p->levels[i];
		json_object_begin(j);
		json_kv_string(j, "id", l->id != NULL ? l->id :
		    level_id(l->level));
		text(j, "name", l->name);
		json_kv_string(j, "clause", l->clause);
		text(j, "description", l->description);
		json_object_end(j);
	}
	json_array_end(j);
}

static void
show_grading(struct json *j, const struct inc_plan *p)
{
	const struct inc_grading *g = &p->grading;
	size_t	 i, l;

	json_key(j, "grading");
	json_object_begin(j);
	json_kv_string(j, "clause", g->clause);
	json_key(j, "matrix");
	json_object_begin(j);
	for (i = 0; i < p->importance.n; i++) {
		json_key(j, p->importance.values[i].id);
		json_object_begin(j);
		for (l = 0; l < p->loss.n; l++)
			json_kv_string(j, p->loss.values[l].id,
			    level_id(g->matrix[i * p->loss.n + l]));
		json_object_end(j);
	}
	json_object_end(j);
	json_key(j, "impact");
	json_object_begin(j);
	for (i = 0; i < p->impact.n; i++)
		json_kv_string(j, p->impact.values[i].id,
		    level_id(g->by_impact[i]));
	json_object_end(j);
	json_object_end(j);
}

static void
show_organisation(struct json *j, const struct inc_plan *p)
{
	const struct inc_unit *u;
	const struct inc_person *m;
	size_t	 i, k;

	json_key(j, "organisation");
	json_object_begin(j);
	json_kv_string(j, "duty", p->duty != NULL ? p->duty->id : NULL);
	json_key(j, "units");
	json_array_begin(j);
	for (i = 0; i < p->nunits; i++) {
		u = &p->units[i];
		json_object_begin(j);
		json_kv_string(j, "id", u->id);
		text(j, "name", u->name);
		json_kv_string(j, "clause", u->clause);
		text(j, "note", u->note);
		json_key(j, "members");
		json_array_begin(j);
		for (k = 0; k < u->nmembers; k++) {
			m = &u->members[k];
			json_object_begin(j);
			json_kv_string(j, "name", m->name);
			json_kv_string(j, "role", m->role);
			text(j, "post", m->post);
			json_kv_strings(j, "phones", m->phones, m->nphones);
			json_object_end(j);
		}
		json_array_end(j);
		json_kv_strings(j, "phones", u->phones, u->nphones);
		json_kv_string(j, "contact", u->contact != NULL ?
		    u->contact->id : NULL);
		json_object_end(j);
	}
	json_array_end(j);
	json_object_end(j);
}

static void
show_obligations(struct json *j, const struct inc_plan *p)
{
	const struct inc_obligation *o;
	char	 buf[INC_DURATION_LEN];
	size_t	 i, k;
	int	 l;

	json_key(j, "obligations");
	json_array_begin(j);
	for (i = 0; i < p->nobligations; i++) {
		o = &p->obligations[i];
		json_object_begin(j);
		json_kv_string(j, "id", o->id);
		text(j, "name", o->name);
		json_kv_string(j, "clause", o->clause);
		json_kv_string(j, "field", o->field);
		json_kv_string(j, "after", o->after);
		json_kv_string(j, "within", o->after != NULL ?
		    duration_format(buf, o->within) : NULL);
		json_key(j, "within_seconds");
		if (o->after != NULL)
			json_int(j, o->within);
		else
			json_null(j);
		json_kv_string(j, "before", o->before);
		/* No mask means every level: say which, not "none". */
		json_key(j, "levels");
		json_array_begin(j);
		for (l = LEVEL_I; l <= LEVEL_IV; l++)
			if (o->levels == 0 || (o->levels & LEVEL_BIT(l)))
				json_string(j, level_id(l));
		json_array_end(j);
		json_key(j, "notify");
		json_array_begin(j);
		for (k = 0; k < o->nnotify; k++)
			json_string(j, o->notify[k]->id);
		json_array_end(j);
		text(j, "note", o->note);
		json_object_end(j);
	}
	json_array_end(j);
}

static void
show_procedures(struct json *j, const struct inc_plan *p)
{
	const struct inc_procedure *pr;
	const struct inc_step *s;
	size_t	 i, k;

	json_key(j, "procedures");
	json_array_begin(j);
	for (i = 0; i < p->nprocedures; i++) {
		pr = &p->procedures[i];
		json_object_begin(j);
		json_kv_string(j, "id", pr->id);
		text(j, "name", pr->name);
		json_kv_string(j, "clause", pr->clause);
		json_key(j, "steps");
		json_array_begin(j);
		for (k = 0; k < pr->nsteps; k++) {
			s = &pr->steps[k];
			json_object_begin(j);
			json_kv_int(j, "n", s->n);
			json_kv_string(j, "clause", s->clause);
			text(j, "title", s->title);
			text(j, "text", s->text);
			json_object_end(j);
		}
		json_array_end(j);
		json_object_end(j);
	}
	json_array_end(j);
}

static void
procedure_ids(struct json *j, const struct inc_procedure **v, size_t n)
{
	size_t	 i;

	json_key(j, "procedures");
	json_array_begin(j);
	for (i = 0; i < n; i++)
		json_string(j, v[i]->id);
	json_array_end(j);
}

/* The routes in order, then the fallback as {"default": true}. */
static void
show_routing(struct json *j, const struct inc_plan *p)
{
	const struct inc_route *r;
	size_t	 i;

	json_key(j, "routing");
	json_array_begin(j);
	for (i = 0; i < p->nroutes; i++) {
		r = &p->routes[i];
		json_object_begin(j);
		json_kv_string(j, "category", r->category != NULL ?
		    r->category->id : NULL);
		json_kv_string(j, "subtype", r->subtype != NULL ?
		    r->subtype->id : NULL);
		json_key(j, "default");
		json_bool(j, false);
		procedure_ids(j, r->procedures, r->nprocedures);
		text(j, "note", r->note);
		json_object_end(j);
	}
	if (p->nfallback > 0) {
		json_object_begin(j);
		json_kv_string(j, "category", NULL);
		json_kv_string(j, "subtype", NULL);
		json_key(j, "default");
		json_bool(j, true);
		procedure_ids(j, p->fallback, p->nfallback);
		json_key(j, "note");
		json_null(j);
		json_object_end(j);
	}
	json_array_end(j);
}

static void
show_systems(struct json *j, const struct inc_plan *p)
{
	const struct inc_system *s;
	size_t	 i;

	json_key(j, "systems");
	json_array_begin(j);
	for (i = 0; i < p->nsystems; i++) {
		s = &p->systems[i];
		json_object_begin(j);
		json_kv_string(j, "id", s->id);
		text(j, "name", s->name);
		json_kv_string(j, "importance", s->importance);
		json_kv_string(j, "url", s->url);
		json_object_end(j);
	}
	json_array_end(j);
}

int
plan_show_json(FILE *fp, const struct inc_plan *p)
{
	struct json	 j;

	json_init(&j, fp, true);
	json_object_begin(&j);
	json_kv_string(&j, "source", p->source);
	show_plan(&j, p);
	show_categories(&j, p);
	plan_show_detection_json(&j, p);
	show_scale(&j, "importance", &p->importance);
	show_scale(&j, "loss", &p->loss);
	show_scale(&j, "impact", &p->impact);
	show_levels(&j, p);
	show_grading(&j, p);
	show_organisation(&j, p);
	show_obligations(&j, p);
	show_procedures(&j, p);
	show_routing(&j, p);
	show_systems(&j, p);
	json_object_end(&j);
	return json_end(&j);
}
